"""Reasons as data (game.engine.reasons): what the other side sees of them, how they read in
each language (game.reasons_text), how they travel in actions and saves, and that a save
from before them (prose notes) still loads and replays."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.ai import make_ai, parse_ai_spec
from game.engine import Game, Propose, Reject, SubmitOrders, Term, action_from_dict, action_to_dict
from game.engine.reasons import KINDS, Private, Reason, ReasonKind, TermRef, band_for, of_part
from game.i18n import PSEUDO, text_of
from game.reasons_text import TEMPLATES, answer_text, offer_text, render
from game.saves.files import load_game
from game.session import Session

DATA = Path(__file__).resolve().parent.parent / "data"
OLD_SAVE = DATA / "saves" / "prose-notes-2026-12.json"
LANGS = ("en", "zh", PSEUDO)


@pytest.fixture(scope="module")
def played(geneva):
    a, b = geneva.side_ids
    seats = {
        a: make_ai(*parse_ai_spec("ai:pragmatist:expert")),
        b: make_ai(*parse_ai_spec("ai:hardliner:normal")),
    }
    session = Session.new(geneva, seats, seed=3)
    session.play_to_end()
    return session.game


# ------------------------------------------------------------------ the view
def test_the_other_side_never_sees_the_private_part(played):
    state = played.state
    # the state keeps the private parts (so the test below can fail) …
    assert any(r.private is not None for o in state.offers for r in (*o.reasons, *o.response_reasons))
    for side in played.scenario.side_ids:
        v = played.view(side)
        own_private = 0
        for o in v.offers:
            theirs = o.response_reasons if o.side == side else o.reasons
            mine = o.reasons if o.side == side else o.response_reasons
            assert all(r.private is None for r in theirs), (side, o.id)
            own_private += sum(r.private is not None for r in mine)
            # … and the public part is all there
            full = state.offers[o.id]
            full_theirs = full.response_reasons if o.side == side else full.reasons
            assert theirs == tuple(r.public() for r in full_theirs)
        assert own_private > 0, "a side's own reasons keep their private part"
        if v.pending_offer is not None and v.pending_offer.side != side:
            assert all(r.private is None for r in v.pending_offer.reasons)


def test_public_drops_only_the_private_part():
    r = Reason(kind=ReasonKind.OFFER, band="far", private=Private(gain=20.0, score=70.0, no_deal=50.0))
    assert r.public().private is None
    assert r.public().model_dump(exclude={"private"}) == r.model_dump(exclude={"private"})
    assert band_for(20.0) == "far" and band_for(5.0) == "clearly" and band_for(0.5) == "somewhat"


def test_public_blanks_the_coarsened_fields_by_construction():
    """A red line's exact level and words, an objective's value and target are private for their
    kinds (KINDS[kind].coarsened): the other side's copy never has them, even from a reason (an
    old save's) that put them in the public fields; the rough bound and the direction stay."""
    line = Reason(
        kind=ReasonKind.RED_LINE,
        instrument="cn_purchases",
        op="<=",
        level=30,
        bound=38,
        text="No more than $30bn",
    )
    seen = line.public()
    assert seen.level is None and seen.text is None and seen.bound == 38 and seen.op == "<="
    short = Reason(
        kind=ReasonKind.SHORTFALL, objective="growth", instrument="cn_tariff_us", value=3.9, target=4.4
    )
    seen = short.public()
    assert seen.value is None and seen.target is None and seen.instrument == "cn_tariff_us"
    assert KINDS[ReasonKind.RED_LINE].coarsened and KINDS[ReasonKind.SHORTFALL].coarsened
    move = Reason(kind=ReasonKind.GOODWILL, instrument="us_tariff_reciprocal", level=30)
    assert move.public() == move  # a move's new level is public: nothing coarsened


# ------------------------------------------------------------------ the engine keeps them
def test_offers_and_answers_keep_their_reasons_and_a_counter_is_split(geneva_fixed):
    # fixed briefings: China's counter at $30bn sits on its purchase cap (drawn in Geneva, rule 7.3)
    g = Game(geneva_fixed, 1)
    for s in geneva_fixed.side_ids:
        g.play(SubmitOrders(side=s, reasons=(Reason(kind=ReasonKind.NO_MOVES),)))
    offer = Reason(kind=ReasonKind.OFFER, terms=(TermRef(instrument="cn_purchases", value=50, before=0),))
    g.play(Propose(side="us", terms=(Term(instrument="cn_purchases", value=50),), reasons=(offer,)))
    line = Reason(kind=ReasonKind.RED_LINE, instrument="cn_purchases", op="<=", level=30, red_line="x")
    counter_offer = Reason(
        kind=ReasonKind.OFFER, terms=(TermRef(instrument="cn_purchases", value=30, before=0),)
    )
    counter = make_counter(g, (line, counter_offer))
    g.play(counter)
    first, second = g.state.offers
    assert first.reasons == (offer,)
    assert first.status == "countered" and first.response_reasons == (line,)  # the refusal only
    assert second.reasons == (counter_offer,)  # the package put in its place
    assert of_part((line, counter_offer), "answer") == (line,)


def make_counter(g: Game, reasons: tuple[Reason, ...]):
    from game.engine import Counter

    return Counter(side="china", terms=(Term(instrument="cn_purchases", value=30),), reasons=reasons)


def test_reasons_travel_in_the_action_json():
    r = Reason(
        kind=ReasonKind.SHORTFALL,
        objective="growth",
        meter="growth_pct",
        meter_side="china",
        value=3.9,
        target=4.4,
        instrument="us_tariff_fentanyl",
        level=10.0,
        private=Private(weight=3.0, credit=0.2),
    )
    action = Reject(side="china", reasons=(r,))
    back = action_from_dict(action_to_dict(action))
    assert back == action and back.reasons[0].kind is ReasonKind.SHORTFALL
    assert action_from_dict({"type": "reject", "side": "china"}).reasons == ()  # a save from before reasons


# ------------------------------------------------------------------ words
def _one_of_each(geneva) -> list[Reason]:
    """A reason of every kind, with the fields its template reads."""
    purchase = TermRef(instrument="cn_purchases", value=50, before=0)
    tariff = TermRef(instrument="us_tariff_reciprocal", value=30, before=145, duration_turns=13)
    examples = {
        ReasonKind.OFFER: Reason(
            kind=ReasonKind.OFFER, terms=(tariff, purchase), more_terms=3, band="clearly"
        ),
        ReasonKind.ACCEPT: Reason(kind=ReasonKind.ACCEPT, terms=(purchase,), band="far"),
        ReasonKind.NIBBLE: Reason(
            kind=ReasonKind.NIBBLE,
            terms=(purchase, TermRef(instrument="cn_tariff_us", value=10, before=125, dropped=True)),
        ),
        ReasonKind.RED_LINE: Reason(kind=ReasonKind.RED_LINE, instrument="cn_purchases", op="<=", level=30),
        ReasonKind.SHORTFALL: Reason(
            kind=ReasonKind.SHORTFALL,
            objective="growth",
            meter="growth_pct",
            value=3.9,
            target=4.4,
            instrument="us_tariff_fentanyl",
            level=10,
        ),
        ReasonKind.BREACH: Reason(kind=ReasonKind.BREACH, turn=2),
        ReasonKind.TOO_FAR: Reason(kind=ReasonKind.TOO_FAR, instrument="cn_purchases", level=50),
        ReasonKind.ANSWER_ESCALATION: Reason(
            kind=ReasonKind.ANSWER_ESCALATION, instrument="us_tariff_reciprocal", level=60
        ),
        ReasonKind.MATCH_EASING: Reason(
            kind=ReasonKind.MATCH_EASING, instrument="us_tariff_reciprocal", level=30
        ),
        ReasonKind.GOODWILL: Reason(kind=ReasonKind.GOODWILL, instrument="us_tariff_reciprocal", level=30),
        ReasonKind.PAYS_ALONE: Reason(
            kind=ReasonKind.PAYS_ALONE, instrument="us_tariff_reciprocal", level=30
        ),
        ReasonKind.STATEMENT: Reason(kind=ReasonKind.STATEMENT, statement="firm", in_reply=True),
    }
    return [examples.get(k, Reason(kind=k)) for k in KINDS]


def test_every_kind_has_words(geneva):
    assert set(TEMPLATES) == set(KINDS) == set(ReasonKind)
    for r in _one_of_each(geneva):
        for lang in LANGS:
            words = render(geneva, (r,), lang, side="us")
            assert words.strip(), (r.kind, lang)
            assert "{" not in words and "}" not in words, (r.kind, lang, words)  # every placeholder filled


def test_the_english_sentences(geneva):
    line = Reason(
        kind=ReasonKind.RED_LINE,
        instrument="cn_purchases",
        op="<=",
        level=30,
        text="No purchase commitment above $30bn a year.",
    )
    tariff = Reason(kind=ReasonKind.RED_LINE, instrument="cn_tariff_us", op=">=", level=10)
    assert render(geneva, (line, tariff), "en", side="china") == (
        "We will not move China's purchases of US farm goods and energy and China's tariff on US goods that far"
        " — no purchase commitment above $30bn a year; China's tariff on US goods not below 10%."
    )
    offer = Reason(
        kind=ReasonKind.OFFER,
        terms=(
            TermRef(instrument="us_tariff_reciprocal", value=30, before=145),
            TermRef(instrument="cn_purchases", value=50, before=0),
        ),
        more_terms=2,
        band="far",
        private=Private(gain=17.25),
    )
    public = (
        "We offer to cut the US reciprocal tariff on China to 30% if China will commit to purchases of "
        "$50bn a year (with 2 more terms): it leaves us far better off than no deal."
    )
    assert render(geneva, (offer,), "en", side="us") == public
    assert render(geneva, (offer,), "en", side="us", own=True) == public + (
        " (By our projection, +17.2 points over no deal.)"
    )
    assert render(geneva, (offer.public(),), "en", side="us", own=True) == public  # nothing private left


def test_chinese_names_and_the_pseudo_locale(geneva):
    too_far = Reason(kind=ReasonKind.TOO_FAR, instrument="cn_purchases")
    zh = render(geneva, (too_far,), "zh", side="us")
    assert geneva.instrument("cn_purchases").name.zh in zh  # the scenario's own Chinese name
    en = render(geneva, (too_far,), "en", side="us")
    xa = render(geneva, (too_far,), PSEUDO, side="us")
    assert en == "Too far on China's purchases of US farm goods and energy."
    assert (
        xa != en and xa.startswith("[") and "Ţöö ƒåŕ" in xa
    )  # accented and bracketed: marked for translation


def test_answers_read_with_their_head_and_a_counter_without_its_offer(played):
    sc = played.scenario
    answered = [o for o in played.state.offers if o.response_reasons]
    assert answered
    for o in answered:
        words = answer_text(sc, o, "en")
        assert words.startswith(("Accepted. ", "Rejected. ")), words
        assert "We offer" not in answer_text(
            sc, o, "en", head=False
        )  # the counter's package is its own offer
        assert offer_text(sc, o, "en").startswith(("We offer", "We ask", "Almost there"))


# ------------------------------------------------------------------ old saves
def test_an_old_save_with_prose_notes_loads_and_replays_with_a_warning_naming_both_versions(tmp_path):
    """``tests/data/saves/prose-notes-2026-12.json`` was saved by 0.2.0, before reasons existed
    (its AI explained itself in prose notes). Play changed on purpose since (issue 13, 0.3.0:
    rules 3.2, 3.8, 4.8, 4.10, 5.4, 6.3), so it replays to a different state than when it was
    saved: it must still load and replay to its end, not be ``verified``, and say so in a
    warning that names the version that saved it and this one (en and zh)."""
    import json

    from game.saves.files import app_version

    path = tmp_path / OLD_SAVE.name
    shutil.copy(OLD_SAVE, path)
    saved = json.loads(OLD_SAVE.read_text(encoding="utf-8"))
    assert saved["app_version"] == "0.2.0" != app_version()
    loaded = load_game(path)
    assert not loaded.verified and loaded.divergence is not None
    different = [w for w in loaded.warnings if "different state" in w]
    assert len(different) == 1, loaded.warnings
    warning = different[0]
    assert "by version 0.2.0" in warning and f"this is {app_version()}" in warning, warning
    assert "The replayed game is loaded" in warning
    zh = text_of(warning, "zh")
    assert zh != warning and "0.2.0" in zh and app_version() in zh, zh
    assert loaded.divergence.describe("zh") in zh and "replay diverges" not in zh, zh  # all of it in zh
    # replayed to its end: every saved move, the game over
    assert len(loaded.game.actions) == len(saved["actions"])
    state = loaded.game.state
    assert state.phase == "over"
    sc = loaded.game.scenario
    first = state.offers[0]
    assert first.note.startswith("We offer to") and not first.reasons  # prose, as it was saved
    assert offer_text(sc, first, "zh") == first.note  # shown as it is (it has no reasons to render)
    assert answer_text(sc, first, "en") == first.response_note
    # its actions are read with empty reasons (the field's default), their notes kept
    assert all(not a.reasons for a in loaded.game.actions)
    assert any(a.note for a in loaded.game.actions)

"""The AI at the table (issue 13, part 3): no package made twice in the same situation, the
trade-off tactic, refusals that name the deciding term without giving the line away, and the
walk-away value (never accepted below, walked out for).

Whole games are played between AIs and against the note-less probes (:mod:`game.ai.probes`),
a few seeds each; every check reads the recorded game (offers, answers, the drawn briefings
in ``state.briefings``), never the AI's internals, except where a unit of the tactic is tested.
"""

from __future__ import annotations

import itertools
import re

import pytest

from game.ai import make_ai
from game.ai.explain import rough_bound
from game.ai.negotiator import _canonical
from game.ai.probes import greedy_package, make_probe, within_own_lines
from game.ai.styles import Conceder, Hardliner, Pragmatist
from game.engine import Game, Propose, SubmitOrders, Term, WalkOut
from game.engine.hidden_types import briefing
from game.engine.reasons import KINDS, Private, Reason, ReasonKind
from game.engine.state import GameState
from game.reasons_text import level_words, render
from game.scenario.models import RedLine
from game.session import Session

AI_SEATS = [("pragmatist", "expert"), ("hardliner", "normal"), ("conceder", "hard"), ("reciprocator", "easy")]


def _play(scenario, seats: dict, seed: int) -> Session:
    session = Session.new(scenario, seats, seed=seed)
    session.play_to_end()
    return session


def _table_levels(state: GameState, turn: int) -> dict[str, float]:
    """The levels the talks of ``turn`` started from (the end of the turn before)."""
    rec = next(h for h in state.history if h.turn == turn - 1)
    return dict(rec.instruments)


def _changed_between(state: GameState, first, later) -> bool:
    if _table_levels(state, first.turn) != _table_levels(state, later.turn):
        return True
    if any(first.id < a.offer_id < later.id for a in state.agreements):
        return True
    return any(n.kind in ("breach", "snap_back") and first.turn <= n.turn < later.turn for n in state.news)


# ------------------------------------------------------------------ 1. no package twice
@pytest.fixture(scope="module")
def stonewalled(geneva):
    """Each AI of AI_SEATS against the stonewall probe, on both sides, two seeds."""
    games = []
    for style, level in AI_SEATS:
        for ai_side in geneva.side_ids:
            for seed in (1, 4):
                other = geneva.other(ai_side)
                seats = {ai_side: make_ai(style, level), other: make_probe("stonewall")}
                games.append((ai_side, _play(geneva, seats, seed)))
    return games


def test_no_package_is_made_twice_against_a_stonewall(stonewalled):
    offers_made = 0
    for ai_side, session in stonewalled:
        state = session.game.state
        mine = [o for o in state.offers if o.side == ai_side]
        offers_made += len(mine)
        for i, later in enumerate(mine):
            for first in mine[:i]:
                if _canonical(first.terms) == _canonical(later.terms):
                    assert _changed_between(state, first, later), (
                        session.seats[ai_side],
                        ai_side,
                        state.seed,
                        first.id,
                        later.id,
                    )
    assert offers_made > 20  # (the AIs did talk)


def test_offers_vary_from_week_to_week(stonewalled):
    """Refused, the AI offers a different package the next week (a trade-off or a concession)."""
    for ai_side, session in stonewalled:
        state = session.game.state
        by_week: dict[int, set] = {}
        for o in state.offers:
            if o.side == ai_side:
                by_week.setdefault(o.turn, set()).add(_canonical(o.terms))
        weeks = sorted(by_week)
        for a, b in itertools.pairwise(weeks):
            if not _changed_between_turns(state, a, b):
                assert by_week[a].isdisjoint(by_week[b]), (session.seats[ai_side], a, b)


def _changed_between_turns(state: GameState, a: int, b: int) -> bool:
    return _table_levels(state, a) != _table_levels(state, b) or any(
        a <= ag.signed_turn <= b for ag in state.agreements
    )


def test_the_trade_off_offers_what_they_likeliest_take_among_equal_values(geneva):
    """Midway through talks with a stonewall, the aspiration has fallen below the best: of the
    packages about equal in value to us the AI offers the one the belief says they likeliest
    take — not the best for us."""
    ai = make_ai("pragmatist", "hard")  # (no closing mirrors at this level)
    s = Session.new(geneva, {"us": ai, "china": make_probe("stonewall")}, seed=2)
    while not (s.game.state.turn >= 6 and s.next_actor() == "us" and s.game.state.phase == "table"):
        s.step_ai()
    v = s.view("us")
    assert v.pending_offer is None or v.pending_offer.side == "china"
    ctx = ai._context(v)
    pick, asp, evs = ai.plan_offer(ctx)
    assert pick is not None
    made = ai.made_before(ctx)
    ok = [e for e in evs if e.mine >= asp and e.mine >= ai.walk_away(ctx) and e.terms not in made]
    band = max(1.0, ai.tradeoff_band * (max(e.mine for e in evs) - ctx.base.mine))
    near = [e for e in ok if e.mine <= min(x.mine for x in ok) + band]
    assert pick in near and len(near) >= 2  # a real choice among packages of about equal value to us
    assert ai.take_value(ctx, pick) == max(ai.take_value(ctx, e) for e in near)
    assert pick.mine < max(e.mine for e in ok)  # not the best for us: a trade-off


# ------------------------------------------------------------------ 3. refusals
def _refusals(session: Session):
    """(refusing side, the refused offer, its counter or None) for every AI refusal."""
    state = session.game.state
    for o in state.offers:
        if o.status not in ("rejected", "countered"):
            continue
        refuser = session.game.scenario.other(o.side)
        if not hasattr(session.seats[refuser], "level"):
            continue  # a probe's (it gives no reasons)
        counter = state.offers[o.id + 1] if o.status == "countered" else None
        yield refuser, o, counter


@pytest.fixture(scope="module")
def refusal_games(geneva, stonewalled):
    games = [s for _side, s in stonewalled]
    for us, china in (
        (("pragmatist", "expert"), ("hardliner", "normal")),
        (("hardliner", "hard"), ("conceder", "normal")),
        (("reciprocator", "normal"), ("pragmatist", "hard")),
    ):
        for seed in (0, 3, 6):
            games.append(_play(geneva, {"us": make_ai(*us), "china": make_ai(*china)}, seed))
    for probe in ("greedy_anchor", "copy_trimmed"):
        for seed in (2, 5):
            games.append(
                _play(geneva, {"us": make_probe(probe), "china": make_ai("pragmatist", "expert")}, seed)
            )
            games.append(
                _play(geneva, {"us": make_ai("hardliner", "expert"), "china": make_probe(probe)}, seed)
            )
    return games


def _mentions(text: str, words: str) -> bool:
    return re.search(r"(?<![\d.,])" + re.escape(words), text) is not None


def test_no_refusal_gives_a_red_line_or_a_target_away(geneva, refusal_games):
    lines_seen = shortfalls = 0
    for session in refusal_games:
        state = session.game.state
        for refuser, offer, _counter in _refusals(session):
            b = briefing(geneva, state, refuser)
            lines = {rl.id: rl for rl in b.red_lines}
            seen_by = offer.side
            public = next(o for o in session.game.view(seen_by).offers if o.id == offer.id).response_reasons
            for r in public:
                assert r.private is None
                for f in KINDS[r.kind].coarsened:
                    assert getattr(r, f) is None, (r.kind, f)
                words = render(geneva, (r,), "en", side=refuser)
                if r.kind == ReasonKind.RED_LINE:
                    lines_seen += 1
                    rl = lines[r.red_line]
                    ins = geneva.instrument(rl.instrument)
                    assert r.bound is None or abs(r.bound - rl.value) > 1e-9
                    assert not _mentions(words, level_words(ins, rl.value, "en")), words
                    assert "red line" not in words and str(rl.text) not in words
                if r.kind == ReasonKind.SHORTFALL:
                    shortfalls += 1
                for obj in b.objectives:
                    assert str(obj.text) not in words
                    if obj.meter is not None and obj.meter.endswith("_bn"):
                        assert f"${obj.target:,.0f}bn" not in words, words
                    if obj.meter is not None and obj.meter.endswith("_pct"):
                        assert f"{obj.target:.1f}%" not in words, words
    assert lines_seen > 5 and shortfalls > 5  # (both kinds were tested)


def test_the_term_blamed_is_one_the_counter_moves(refusal_games):
    checked = 0
    for session in refusal_games:
        state = session.game.state
        for _refuser, offer, counter in _refusals(session):
            if counter is None:
                continue
            levels = _table_levels(state, offer.turn)
            theirs = {t.instrument: t.value for t in offer.terms}
            ours = {t.instrument: t.value for t in counter.terms}
            for r in offer.response_reasons:
                if r.kind not in (ReasonKind.SHORTFALL, ReasonKind.RED_LINE) or r.instrument is None:
                    continue
                iid = r.instrument
                blamed = theirs.get(iid, levels[iid])
                kept = ours.get(iid, levels[iid])
                assert abs(blamed - kept) > 1e-9, (offer.id, iid, blamed, kept)
                checked += 1
    assert checked > 10


def test_a_refusal_names_a_direction_in_words(geneva):
    """'That goes too far on …' for our own instrument, 'We need more on …' for theirs, and the
    exact numbers only for the side's own reader."""
    ours = Reason(
        kind=ReasonKind.SHORTFALL,
        objective="growth",
        meter="growth_pct",
        instrument="cn_tariff_us",
        private=Private(value=3.9, target=4.4, text="Keep growth near 4.5%", level=60),
    )
    theirs = ours.model_copy(update={"instrument": "us_tariff_fentanyl"})
    assert render(geneva, (ours,), "en", side="china") == "That goes too far on China's tariff on US goods."
    assert render(geneva, (theirs,), "en", side="china") == "We need more on the US fentanyl tariff on China."
    own = render(geneva, (theirs,), "en", side="china", own=True)
    assert "4.4%" in own and "keep growth near 4.5%" in own
    assert render(geneva, (theirs.public(),), "en", side="china", own=True) == (
        "We need more on the US fentanyl tariff on China."
    )
    for lang in ("zh",):
        zh = render(geneva, (theirs,), lang, side="china")
        assert geneva.instrument("us_tariff_fentanyl").name.zh in zh and "{" not in zh


def test_bounds_are_rough_beyond_the_line_or_a_bluff_inside_it(geneva):
    purchases = geneva.instrument("cn_purchases")  # $0-50bn, a $1bn step
    line = RedLine(id="x", instrument="cn_purchases", op="<=", value=30, text="")
    rough = rough_bound(purchases, line, 0.0, "rough")
    tight = rough_bound(purchases, line, 0.0, "tighter")
    assert rough is not None and rough > 30 and rough in (37.5, 38)  # a quarter-range grid, outward
    assert tight is not None and tight < 30  # the hard-liner claims less room than it has
    assert rough_bound(purchases, line, 0.0, "none") is None
    # a line on the grid is still not stated exactly; one near the end of the range gets no bound
    on_grid = line.model_copy(update={"value": 25})
    assert rough_bound(purchases, on_grid, 0.0, "rough") not in (25, None)
    assert rough_bound(purchases, line.model_copy(update={"value": 45}), 0.0, "rough") is None
    fentanyl = geneva.instrument("us_tariff_fentanyl")  # 0-50%, a 5-point step
    floor = RedLine(id="y", instrument="us_tariff_fentanyl", op=">=", value=20, text="")
    b = rough_bound(fentanyl, floor, 20.0, "rough")
    assert b is not None and b < 20 and b % 5 == 0
    assert Hardliner.bluff == "tighter" and Conceder.bluff == "none" and Pragmatist.bluff == "rough"


def test_a_hardliner_bluffs_and_a_conceder_names_no_bound(geneva):
    def lines_of(style: str) -> list[tuple[Reason, RedLine]]:
        g = Game(geneva, 1)
        for s in geneva.side_ids:
            g.play(SubmitOrders(side=s))
        g.play(Propose(side="us", terms=(Term(instrument="cn_purchases", value=50),)))
        act = make_ai(style, "normal").decide(g.view("china"))
        drawn = {rl.id: rl for rl in g.view("china").briefing.red_lines}
        return [(r, drawn[r.red_line]) for r in act.reasons if r.kind == ReasonKind.RED_LINE]

    hard, soft, prag = lines_of("hardliner"), lines_of("conceder"), lines_of("pragmatist")
    assert hard and soft and prag
    assert all(r.bound is not None and r.bound < rl.value for r, rl in hard)
    assert all(r.bound is None for r, _ in soft)
    assert all(r.bound is not None and r.bound > rl.value for r, rl in prag)
    assert all(r.private is not None and r.private.level == rl.value for r, rl in hard + soft + prag)


# ------------------------------------------------------------------ 4. walk-away
def _with_walk_away(geneva, side: str, value: float):
    b = geneva.briefings[side]
    priors = {k: p for k, p in b.priors.items() if k != "walk_away"}
    changed = b.model_copy(update={"walk_away": value, "priors": priors})
    return geneva.model_copy(update={"briefings": {**geneva.briefings, side: changed}})


def test_never_accepts_below_the_walk_away(geneva):
    """A package China would take (worth more than its aspiration, than no deal) is refused once
    its walk-away is above what the package is worth to it — in every acceptance condition."""

    def answer(scenario):
        g = Game(scenario, 3)
        for s in scenario.side_ids:
            g.play(SubmitOrders(side=s))
        rules = g.rules
        generous = within_own_lines(rules, g.view("us"), greedy_package(rules, g.view("china")))
        g.play(Propose(side="us", terms=generous))
        ai = make_ai("pragmatist", "expert")
        ctx = ai._context(g.view("china"))
        offer = ctx.v.pending_offer
        (ev,) = ai.evaluate(ctx, [offer.terms])
        return ai, ctx, offer, ev

    ai, ctx, offer, ev = answer(geneva)
    assert ev.mine > ai.walk_away(ctx) + 5
    assert ai.accepts(ctx, offer, ev, ev.mine - 1.0, None)  # it meets the aspiration: taken
    ai, ctx, offer, high = answer(_with_walk_away(geneva, "china", min(100.0, ev.mine + 3.0)))
    assert abs(high.mine - ev.mine) < 1e-6  # (the same package, worth the same)
    assert not ai.accepts(ctx, offer, high, high.mine - 1.0, high)  # not even as AC_next
    assert ai.decide(ctx.v).type != "accept"


def test_walks_out_when_the_talks_promise_less_than_its_walk_away(geneva):
    scenario = _with_walk_away(geneva, "china", 90.0)
    seats = {"us": make_probe("stonewall"), "china": make_ai("hardliner", "normal")}
    session = _play(scenario, seats, 1)
    state = session.game.state
    assert state.end_reason == "walk_out" and state.ended_by == "china"
    walk = next(a for a in session.game.actions if isinstance(a, WalkOut))
    (why,) = walk.reasons
    assert why.kind == ReasonKind.WALK_OUT and why.private is not None and why.private.walk_away == 90.0
    assert why.private.score is not None and why.private.score < 90.0
    assert render(scenario, walk.reasons, "en", side="china").endswith("we walk out.")
    last = geneva.end.deadline_turns
    assert 1 < state.turn < last  # the talks had their chance first, and then it did not wait
    # the same AI with its usual walk-away talks on longer, and never walks out before its
    # style's patience has run (a share of the talks, Negotiator.walk_patience)
    ai = make_ai("hardliner", "normal")
    usual = _play(geneva, {"us": make_probe("stonewall"), "china": ai}, 1).game.state
    if usual.end_reason == "walk_out":
        assert usual.turn > state.turn
        assert (usual.turn - 1) / (last - 1) >= type(ai).walk_patience


def test_no_ai_walks_out_in_week_one_of_geneva(geneva, refusal_games):
    games = [*refusal_games]
    for style in ("pragmatist", "hardliner", "conceder", "reciprocator"):
        for level in ("easy", "normal", "hard", "expert"):
            for seed in (7, 8):
                seats = {"us": make_ai(style, level), "china": make_ai("hardliner", level)}
                s = Session.new(geneva, seats, seed=seed)
                while not s.over and s.game.state.turn == 1:
                    s.step_ai()
                games.append(s)
    for session in games:
        state = session.game.state
        assert not (state.end_reason == "walk_out" and state.turn == 1), session.seats


def test_closing_and_the_last_word_respect_the_walk_away(geneva):
    """Closing on their package, AC_combi's best-they-offered, the last word of the game: with a
    usual walk-away the expert takes the probe's packages; with one of 80 it neither takes nor
    offers (closing mirrors included) anything its own projection puts below 80."""

    def game(scenario):
        seats = {"us": make_probe("copy_trimmed"), "china": make_ai("conceder", "expert")}
        return _play(scenario, seats, 2).game.state

    usual = game(geneva)
    assert any(usual.offers[ag.offer_id].side == "us" for ag in usual.agreements)  # (it does take theirs)
    state = game(_with_walk_away(geneva, "china", 80.0))
    for o in state.offers:
        if o.side == "us" and o.status == "accepted":
            accept = next(r for r in o.response_reasons if r.kind == ReasonKind.ACCEPT)
            assert accept.private is not None and accept.private.score is not None
            assert accept.private.score >= 80.0 - 1e-6
        if o.side == "china":
            offer = next(r for r in o.reasons if r.kind == ReasonKind.OFFER)
            assert offer.private is not None and offer.private.score is not None
            assert offer.private.score >= 80.0 - 1e-6
    assert any(o.side == "china" for o in state.offers)  # (it still talked)


def test_the_easy_level_never_walks_out(geneva):
    """Easy misjudges values too much to tell a hopeless table from a slow one, so it never walks
    out (Level.walks_out) — not even against a side that never moves, where the hard level does."""
    from game.ai.probes import make_probe

    for seed in (0, 1, 2):
        seats = {"us": make_ai("pragmatist", "easy"), "china": make_ai("pragmatist", "easy")}
        assert _play(geneva, seats, seed).game.state.end_reason != "walk_out", seed
    for level, walks in (("easy", False), ("hard", True)):
        seats = {"us": make_probe("greedy_anchor"), "china": make_ai("pragmatist", level)}
        state = _play(geneva, seats, 0).game.state
        assert (state.end_reason == "walk_out" and state.ended_by == "china") is walks, (
            level,
            state.end_reason,
        )

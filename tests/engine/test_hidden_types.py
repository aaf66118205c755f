"""Rule 7.3, hidden types: each game draws each side's briefing from its public prior, from the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Game
from game.engine.hidden_types import (
    STREAM_TAG,
    briefing,
    draw_briefing,
    grid_points,
    position,
    quantities,
    snap,
)
from game.engine.scoring import score, score_briefing
from game.scenario.loader import load_scenario, validate_text
from game.scenario.models import Prior, Scenario

#: Geneva as it was before it had priors: every briefing number fixed (a copy, so that these
#: tests keep their base whatever priors the bundled Geneva has).
GENEVA = Path(__file__).resolve().parent / "data" / "geneva-fixed.yaml"

#: Priors put into Geneva's text in place of numbers (US side's walk-away, growth weight and
#: target, the fentanyl-tariff red line; China's walk-away and faction strength).
EDITS = (
    (
        '    walk_away: 35\n    objectives:\n      - id: growth\n        text: {en: "Lift the US',
        '    walk_away: {between: [20, 50]}\n    objectives:\n      - id: growth\n        text: {en: "Lift the US',
    ),
    (
        "        baseline: 1.0\n        target: 2.5\n        weight: 3\n",
        "        baseline: 1.0\n        target: {between: [2.0, 3.0]}\n        weight: {one_of: [1, 3, 5], weights: [1, 2, 1]}\n",
    ),
    (
        '        instrument: us_tariff_fentanyl\n        op: ">="\n        value: 10\n',
        '        instrument: us_tariff_fentanyl\n        op: ">="\n        value: {between: [5, 15]}\n',
    ),
    (
        "        在相互尊重、平等、互惠的基础上争取关税减免和出口管制放宽。稳住增长，向官方5%的目标靠拢。\n"
        "        稀土许可是你最有力的筹码，不要轻易放弃。\n    walk_away: 35\n",
        "        在相互尊重、平等、互惠的基础上争取关税减免和出口管制放宽。稳住增长，向官方5%的目标靠拢。\n"
        "        稀土许可是你最有力的筹码，不要轻易放弃。\n    walk_away: {one_of: [30, 40]}\n"
        "    faction_strength: {between: [0.5, 2.0]}\n",
    ),
)


def prior_text(*extra: tuple[str, str]) -> str:
    text = GENEVA.read_text(encoding="utf-8")
    for old, new in (*EDITS, *extra):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def fixed() -> Scenario:
    return load_scenario(GENEVA)


@pytest.fixture(scope="module")
def hidden() -> Scenario:
    sc, diags = validate_text(prior_text(), "geneva-priors.yaml")
    assert sc is not None, [str(d) for d in diags]
    return sc


def _key(sc: Scenario, seed: int) -> list[tuple[str, float]]:
    return [
        (f"{s}.{q.kind}.{getattr(q.item, 'id', '')}", q.value)
        for s in sc.side_ids
        for q in quantities(draw_briefing(sc, s, seed))
    ]


def test_rule_7_3_same_seed_same_draw(hidden: Scenario) -> None:
    assert _key(hidden, 11) == _key(hidden, 11)
    g1, g2 = Game(hidden, 11), Game(hidden, 11)
    assert g1.state.briefings == g2.state.briefings
    assert g1.state_hash() == g2.state_hash()


def test_rule_7_3_different_seeds_differ(hidden: Scenario) -> None:
    draws = {tuple(_key(hidden, seed)) for seed in range(12)}
    assert len(draws) >= 10


def test_rule_7_3_draws_lie_in_the_prior_and_on_the_step(hidden: Scenario) -> None:
    us, china = hidden.side_ids
    seen_fentanyl = set()
    for seed in range(60):
        b = draw_briefing(hidden, us, seed)
        assert 20 <= b.walk_away <= 50
        growth = next(o for o in b.objectives if o.id == "growth")
        assert 2.0 <= growth.target <= 3.0
        assert growth.weight in (1, 3, 5)
        line = next(r for r in b.red_lines if r.id == "keep_fentanyl_tariff")
        ins = hidden.instrument(line.instrument)
        assert 5 <= line.value <= 15
        k = (line.value - ins.min) / ins.step
        assert abs(k - round(k)) < 1e-9
        seen_fentanyl.add(line.value)
        c = draw_briefing(hidden, china, seed)
        assert c.walk_away in (30, 40)
        assert 0.5 <= c.faction_strength <= 2.0
    assert seen_fentanyl == set(
        grid_points(Prior(between=[5, 15]), (0.0, hidden.instrument("us_tariff_fentanyl").step))
    )


#: The US purchases objective (it reads the cn_purchases instrument: $0bn to $50bn, step $1bn).
PURCHASES = "        instrument: cn_purchases\n        baseline: 0\n        target: 25\n"


def _purchases(target: str) -> Scenario:
    sc, diags = validate_text(
        prior_text((PURCHASES, PURCHASES.replace("target: 25", f"target: {target}"))), "purchases.yaml"
    )
    assert sc is not None, [str(d) for d in diags]
    return sc


def _target(sc: Scenario, seed: int) -> float:
    b = draw_briefing(sc, sc.side_ids[0], seed)
    return next(o.target for o in b.objectives if o.id == "purchases")


def test_rule_7_3_a_target_on_an_instrument_is_drawn_on_its_step(hidden: Scenario) -> None:
    """A drawn target of an objective that reads an instrument is one of the instrument's levels
    (each level in the range equally likely, as a red line's), never the baseline; a choice off
    the step is rounded to the nearest level; the draw is the seed's, on its own stream."""
    sc = _purchases("{between: [15, 35]}")
    ins = sc.instrument("cn_purchases")
    seen = [_target(sc, seed) for seed in range(200)]
    assert seen == [_target(sc, seed) for seed in range(200)]  # the same seed, the same draw
    assert all(15 <= x <= 35 and ((x - ins.min) / ins.step).is_integer() for x in seen), seen
    assert set(seen) == set(grid_points(Prior(between=[15, 35]), (ins.min, ins.step)))
    # a meter's target (growth, %) keeps its decimals
    growth = [
        next(o.target for o in draw_briefing(sc, "us", s).objectives if o.id == "growth") for s in range(40)
    ]
    assert any(not float(x).is_integer() for x in growth)
    # choices off the step: rounded to the nearest level
    off = _purchases("{one_of: [14.6, 20.4]}")
    assert {_target(off, seed) for seed in range(60)} == {15.0, 20.0}
    # a range with no level in it, nearest the baseline ($0bn): the nearest level off the baseline
    near = _purchases("{between: [0.1, 0.4]}")
    assert {_target(near, seed) for seed in range(30)} == {1.0}
    assert snap(0.3, (0.0, 1.0), avoid=0.0) == 1.0 and snap(-0.3, (0.0, 1.0), avoid=0.0) == -1.0
    assert snap(29.53, (0.0, 1.0), avoid=0.0) == 30.0 and snap(2.5, (0.0, 1.0)) == 2.0
    # its own stream: the other quantities draw as they do without it
    for seed in range(6):
        plain = [k for k in _key(hidden, seed) if not k[0].endswith(".target.purchases")]
        assert plain == [k for k in _key(sc, seed) if not k[0].endswith(".target.purchases")]


def test_rule_7_3_fixed_briefings_are_the_files(fixed: Scenario) -> None:
    for seed in (0, 5):
        game = Game(fixed, seed)
        assert game.state.briefings == {}
        assert "briefings" not in game.state.to_dict()
        for s in fixed.side_ids:
            assert draw_briefing(fixed, s, seed) is fixed.briefings[s]
            assert briefing(fixed, game.state, s) is fixed.briefings[s]
            assert game.view(s).other_prior is None
            assert game.view(s).briefing is fixed.briefings[s]


def test_rule_7_3_the_draw_is_its_own_stream(hidden: Scenario) -> None:
    """Drawing touches no other random stream: the economy and events start as with no priors,
    and the stream is tagged with this module's own tag."""
    assert STREAM_TAG != 0
    a = Game(load_scenario(GENEVA), 3).state
    b = Game(hidden, 3).state
    assert a.econ.to_dict() == b.econ.to_dict()
    assert [n.event_id for n in a.news] == [n.event_id for n in b.news]


def test_rule_7_3_the_other_side_sees_the_prior_never_the_draw(hidden: Scenario) -> None:
    us, china = hidden.side_ids
    for seed in range(6):
        game = Game(hidden, seed)
        drawn_us = game.state.briefings[us]
        v = game.view(china)
        # the public prior: the file's briefing less its private summary
        assert v.other_prior == hidden.briefings[us].model_copy(update={"summary": ""})
        assert v.other_prior is not None and v.other_prior != drawn_us
        assert us not in v.scenario.briefings
        assert v.briefing == game.state.briefings[china]
        assert v.scenario.briefings[china] == game.state.briefings[china]
        # nothing of the US draw anywhere in China's view
        assert drawn_us not in [v.briefing, v.other_prior, *v.scenario.briefings.values()]
        assert game.view(us).briefing == drawn_us


def test_rule_7_3_scoring_and_walk_away_use_the_draw(hidden: Scenario) -> None:
    us = hidden.side_ids[0]
    totals = set()
    for seed in range(8):
        game = Game(hidden, seed)
        drawn = game.state.briefings[us]
        sc = score(hidden, game.state, us)
        assert sc.walk_away == drawn.walk_away
        assert sc == score_briefing(us, drawn, game.state.levels, game.state.meters, game.state.shared)
        assert game.view(us).score == sc
        totals.add(sc.total)
    assert len(totals) > 1  # the same start scores differently under different draws


def test_rule_7_3_red_lines_use_the_draw(hidden: Scenario) -> None:
    from game.engine.actions import Propose, SubmitOrders, Term
    from game.engine.errors import IllegalAction

    us, china = hidden.side_ids
    for seed in range(20):
        game = Game(hidden, seed)
        line = next(r for r in game.state.briefings[us].red_lines if r.id == "keep_fentanyl_tariff")
        if line.value > 5:
            break
    game.play(SubmitOrders(side=us))
    game.play(SubmitOrders(side=china))
    below = Term(instrument="us_tariff_fentanyl", value=line.value - 5)
    with pytest.raises(IllegalAction) as err:
        game.check(Propose(side=us, terms=(below,)))
    assert err.value.rule == "3.5"
    game.check(Propose(side=us, terms=(Term(instrument="us_tariff_fentanyl", value=line.value),)))


def test_rule_7_3_the_ai_guesses_the_prior_middle(hidden: Scenario) -> None:
    from game.ai.opponent import OpponentModel, guessed_briefing
    from game.engine.rules import Rules

    china = hidden.side_ids[1]
    v = Game(hidden, 4).view(china)
    guess = guessed_briefing(Rules(v.scenario), v, OpponentModel(quality=2))
    growth = next(o for o in guess.objectives if o.id == "growth")
    assert growth.weight == pytest.approx((1 * 1 + 3 * 2 + 5 * 1) / 4)
    assert growth.target == pytest.approx(2.5)
    assert guess.walk_away == pytest.approx(35)
    line = next(r for r in guess.red_lines if r.id == "keep_fentanyl_tariff")
    assert line.value == 10


def test_rule_7_3_position_in_the_prior() -> None:
    p = Prior(between=[20, 40])
    assert position(p, 35).band == "high"
    assert position(p, 21).band == "low"
    assert position(p, 30).band == "middle"
    assert position(None, 3).band == "fixed"
    c = position(Prior(one_of=[1, 3, 5], weights=[1, 2, 1]), 3)
    assert (c.choice, c.probability) == (1, 0.5)


# ------------------------------------------------------------------- bad priors: located errors
def _errors(*edits: tuple[str, str]) -> list[tuple[int, str]]:
    text = prior_text(*edits)
    sc, diags = validate_text(text, "bad.yaml")
    assert sc is None
    return [(d.line, d.message) for d in diags if d.severity == "error"]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("value: {between: [5, 15]}", "value: {between: [15, 5]}", "above hi"),
        ("value: {between: [5, 15]}", "value: {between: [5, 500]}", "outside us_tariff_fentanyl's range"),
        ("value: {between: [5, 15]}", "value: {one_of: [5, 7.5]}", "not on us_tariff_fentanyl's step"),
        ("weights: [1, 2, 1]", "weights: [1, 2]", "2 weights for 3 choices"),
        (
            "weight: {one_of: [1, 3, 5], weights: [1, 2, 1]}",
            "weight: {one_of: [0]}",
            "every value this prior can draw is 0",
        ),
        ("walk_away: {between: [20, 50]}", "walk_away: {between: [20, 150]}", "outside walk_away's range"),
        ("target: {between: [2.0, 3.0]}", "target: {between: [0.5, 3.0]}", "reaches the baseline"),
        ("walk_away: {between: [20, 50]}", "walk_away: {between: [20, 50], one_of: [3]}", "exactly one of"),
    ],
)
def test_rule_7_3_bad_priors_are_located_errors(old: str, new: str, words: str) -> None:
    errors = _errors((old, new))
    text = prior_text((old, new))
    line = _line_of(text, new)
    assert any(words in msg and ln == line for ln, msg in errors), (line, errors)


def test_rule_7_3_every_weight_zero_is_an_error() -> None:
    text = GENEVA.read_text(encoding="utf-8")
    import re

    # every US objective's weight a prior that can draw 0
    head, sep, rest = text.partition("  china:\n    summary:")
    head = re.sub(r"(\n        weight: )[0-9.]+\n", r"\1{between: [0, 2]}\n", head)
    sc, diags = validate_text(head + sep + rest, "zero.yaml")
    assert sc is None
    assert any("every objective's weight prior can draw 0" in d.message for d in diags)


def test_rule_7_3_a_saved_scenario_keeps_its_priors(hidden: Scenario) -> None:
    """The canonical JSON of a scenario (a save's fallback) reads back to the same scenario."""
    again = Scenario.model_validate_json(hidden.model_dump_json())
    assert again == hidden
    assert _key(again, 9) == _key(hidden, 9)


def test_rule_7_3_the_json_schema_accepts_priors_in_place_of_numbers() -> None:
    """An editor checking a scenario against docs/scenario.schema.json accepts the priors."""
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    from game.scenario.schema import scenario_json_schema

    def as_json(text: str) -> object:  # as an editor reads it: dates are strings
        return json.loads(json.dumps(yaml.safe_load(text), default=str))

    data = as_json(prior_text())
    jsonschema.validate(data, scenario_json_schema())
    bad = as_json(prior_text(("walk_away: {between: [20, 50]}", "walk_away: {between: 20}")))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, scenario_json_schema())


def test_rule_7_3_a_program_seat_is_sent_the_prior_never_the_draw(hidden: Scenario) -> None:
    from game.agents.encode import encode_view

    us, china = hidden.side_ids
    game = Game(hidden, 6)
    sent = encode_view(game.view(china))
    assert sent.other_prior == hidden.briefings[us].model_copy(update={"summary": ""})
    assert sent.briefing == game.state.briefings[china]
    wire = sent.model_dump_json()
    assert f'"walk_away":{game.state.briefings[us].walk_away}' not in wire


def test_rule_7_3_a_drawn_briefing_reads_back_as_drawn(hidden: Scenario) -> None:
    """The draw is a plain briefing: sent as JSON (to a program seat) it reads back unchanged."""
    from game.scenario.models import Briefing

    for side in hidden.side_ids:
        drawn = draw_briefing(hidden, side, 2)
        assert not drawn.has_priors
        assert Briefing.model_validate_json(drawn.model_dump_json()) == drawn


def test_rule_7_3_ai_decisions_do_not_depend_on_the_others_draw(hidden: Scenario) -> None:
    """Two games alike but for the other side's draw: every AI decides the same."""
    from game.ai import make_ai
    from game.engine.actions import SubmitOrders
    from game.engine.view import view

    us, china = hidden.side_ids
    game = Game(hidden, 3)
    positions = [game.state.copy()]
    game.play(SubmitOrders(side=us))
    game.play(SubmitOrders(side=china))
    positions.append(game.state.copy())
    for side in hidden.side_ids:
        other = hidden.other(side)
        for state in positions:
            changed = state.copy()
            changed.briefings[other] = draw_briefing(hidden, other, 999)
            assert changed.briefings[other] != state.briefings[other]
            for style, level in (("pragmatist", "expert"), ("hardliner", "normal")):
                a = make_ai(style, level).decide(view(hidden, state, side))
                b = make_ai(style, level).decide(view(hidden, changed, side))
                assert a == b, (side, style, level)

"""The AI decides from its own side's view only: the other briefing never matters."""

from __future__ import annotations

from game.ai import make_ai
from game.engine import Game, SubmitOrders, Term
from game.engine.actions import Propose
from game.engine.view import view


def _other_briefing_changed(scenario, side):
    """The same scenario with the *other* side's briefing turned upside down."""
    other = scenario.other(side)
    b = scenario.briefings[other]
    objectives = [
        o.model_copy(update={"weight": 100.0 - o.weight, "target": o.baseline - 1.0}) for o in b.objectives
    ]
    red_lines = [r.model_copy(update={"value": r.value + 3}) for r in b.red_lines]
    changed = b.model_copy(update={"objectives": objectives, "red_lines": red_lines, "walk_away": 99.0})
    return scenario.model_copy(update={"briefings": {**scenario.briefings, other: changed}})


def _positions(geneva):
    """A few game positions: orders, an empty table, an offer to answer."""
    g = Game(geneva, 3)
    yield g.state.copy()
    for s in geneva.side_ids:
        g.play(SubmitOrders(side=s))
    yield g.state.copy()
    g.play(
        Propose(
            side="us",
            terms=(
                Term(instrument="us_tariff_reciprocal", value=60),
                Term(instrument="cn_tariff_us", value=60),
            ),
        )
    )
    yield g.state.copy()


def test_the_view_holds_only_its_own_briefing(geneva):
    for state in _positions(geneva):
        for side in geneva.side_ids:
            v = view(geneva, state, side)
            assert set(v.scenario.briefings) == {side}


def test_decisions_do_not_depend_on_the_other_briefing(geneva_fixed):
    """Without priors (rule 7.1) the other side's briefing is wholly private: turning it upside
    down in the scenario changes no decision."""
    sc = geneva_fixed
    for side in sc.side_ids:
        changed = _other_briefing_changed(sc, side)
        for state in _positions(sc):
            assert view(sc, state, side).other_prior is None
            for style in ("pragmatist", "hardliner"):
                for level in ("normal", "expert"):
                    a = make_ai(style, level).decide(view(sc, state, side))
                    b = make_ai(style, level).decide(view(changed, state, side))
                    assert a == b, (side, style, level)


def _upside_down(b):
    """A briefing with every number of ``b`` moved: another draw than any prior would give."""
    objectives = [
        o.model_copy(update={"weight": 100.0 - o.weight, "target": o.baseline - 1.0}) for o in b.objectives
    ]
    red_lines = [r.model_copy(update={"value": r.value + 3}) for r in b.red_lines]
    return b.model_copy(
        update={
            "objectives": objectives,
            "red_lines": red_lines,
            "walk_away": 99.0,
            "faction_strength": b.faction_strength * 3,
        }
    )


def test_decisions_do_not_depend_on_the_other_sides_draw(geneva):
    """With priors (rule 7.3) the other side's prior is public and the AI may use it, but never
    its draw: the same positions with the other side's drawn briefing (``state.briefings``)
    replaced give the same decisions, in every style and level."""
    for side in geneva.side_ids:
        other = geneva.other(side)
        for state in _positions(geneva):
            assert other in state.briefings and view(geneva, state, side).other_prior is not None
            moved = state.copy()
            moved.briefings = {**state.briefings, other: _upside_down(state.briefings[other])}
            assert moved.briefings[other] != state.briefings[other]
            assert moved.briefings[side] == state.briefings[side]
            for style in ("pragmatist", "hardliner", "reciprocator", "conceder"):
                for level in ("normal", "expert"):
                    a = make_ai(style, level).decide(view(geneva, state, side))
                    b = make_ai(style, level).decide(view(geneva, moved, side))
                    assert a == b, (side, style, level)

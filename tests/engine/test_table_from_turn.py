"""Rule 3.0: a scenario may keep the table closed for its first turns (``end.table_from_turn``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import EndTalks, Game, IllegalAction, Propose, SubmitOrders, Term
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]


def _orders(game: Game) -> None:
    for side in game.scenario.side_ids:
        game.play(SubmitOrders(side=side, moves={}))


def test_rule_3_0_turns_before_the_table_opens_are_orders_only(geneva):
    scenario = geneva.model_copy(update={"end": geneva.end.model_copy(update={"table_from_turn": 3})})
    g = Game(scenario, 1)
    for turn in (1, 2):
        assert g.state.turn == turn and g.state.phase == "orders"
        with pytest.raises(IllegalAction) as info:
            g.play(Propose(side="us", terms=(Term(instrument="us_tariff_reciprocal", value=34),)))
        assert info.value.rule == "1.3"
        _orders(g)
    # both orders given: the turn resolved without a table, and the economy moved each time
    assert [r.turn for r in g.state.history] == [0, 1, 2]
    assert g.state.turn == 3 and g.state.phase == "orders"
    _orders(g)
    # the first table opens with the first side (rule 3.1 counts from the table's first turn)
    assert g.state.phase == "table" and g.state.table_mover == scenario.side_ids[0]
    g.play(EndTalks(side=scenario.side_ids[0]))
    _orders(g)
    assert g.state.turn == 4 and g.state.table_mover == scenario.side_ids[1]


def test_rule_3_0_by_default_the_table_opens_on_turn_1(geneva):
    assert geneva.end.table_from_turn == 1
    g = Game(geneva, 1)
    _orders(g)
    assert g.state.turn == 1 and g.state.phase == "table" and g.state.table_mover == geneva.side_ids[0]


def test_the_tutorial_cannot_be_won_on_turn_1():
    tutorial = load_scenario(ROOT / "scenarios" / "tutorial.yaml")
    assert tutorial.end.table_from_turn == 2
    g = Game(tutorial, 7)
    _orders(g)
    assert g.state.turn == 2 and g.state.phase == "orders" and not g.state.agreements
    _orders(g)
    assert g.state.phase == "table" and g.state.table_mover == "us"
    # replaying the same actions gives the same game (the rule is deterministic)
    again = Game.replay(tutorial, 7, g.actions)
    assert again.state_hash() == g.state_hash()


def test_a_table_that_never_opens_is_a_located_warning(tmp_path):
    from game.scenario.loader import validate_file

    text = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "never.yaml"
    bad.write_text(text.replace("  table_from_turn: 2", "  table_from_turn: 9"), encoding="utf-8")
    scenario, problems = validate_file(bad)
    assert scenario is not None  # a warning, not an error
    line = next(
        i
        for i, ln in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1)
        if ln == "  table_from_turn: 9"
    )
    found = [d for d in problems if "table_from_turn 9 is after the last turn (5" in d.message]
    assert found and found[0].severity == "warning" and found[0].line == line

"""Undo/redo: only your own actions, only within the current phase of the current turn."""

from __future__ import annotations

import random

import pytest
import saves_testkit as kit

from game.engine import EndTalks, Game, IllegalAction, Propose, Reject, SubmitOrders
from game.saves import UndoError, UndoStack


def _propose(game: Game, side: str, seed: int = 0) -> Propose:
    rng = random.Random(seed)
    for _ in range(500):
        a = Propose(side=side, terms=kit._package(game, rng))
        try:
            game.check(a)
        except IllegalAction:
            continue
        return a
    raise AssertionError("no legal proposal")


@pytest.fixture
def hotseat(short):
    return UndoStack(Game(short, 1), human_sides={"us", "china"})


def test_orders_undoable_until_the_table_opens(hotseat: UndoStack) -> None:
    st = hotseat
    orders = SubmitOrders(side="us", statement="firm")
    st.play(orders)
    assert st.undoable("us") == 1 and not st.can_undo("china")
    g = st.undo("us")
    assert g.actions == [] and g.state_hash() == Game(g.scenario, 1).state_hash()
    assert st.can_redo("us") and not st.can_redo("china")
    st.redo("us")
    assert st.game.actions == [orders]
    st.play(SubmitOrders(side="china"))  # both in: the table opens, orders are final
    assert st.game.state.phase == "table"
    assert not st.can_undo("us") and not st.can_undo("china")
    with pytest.raises(UndoError) as ei:
        st.undo("china")
    assert "final" in ei.value.message


def test_never_the_other_sides_actions(hotseat: UndoStack) -> None:
    st = hotseat
    st.play(SubmitOrders(side="us"))
    st.play(SubmitOrders(side="china"))
    opener = st.game.state.table_mover
    other = st.game.scenario.other(opener)
    st.play(_propose(st.game, opener))
    assert st.can_undo(opener) and not st.can_undo(other)
    with pytest.raises(UndoError) as ei:
        st.undo(other)
    assert "other side" in ei.value.message
    # the other side rejects and proposes: two of its actions in the same phase, undoable one by one
    st.play(Reject(side=other))
    st.play(_propose(st.game, other, seed=3))
    assert st.undoable(other) == 2 and st.undoable(opener) == 0
    before_reject = Game.replay(st.game.scenario, 1, st.game.actions[:-2]).state_hash()
    st.undo(other)
    st.undo(other)
    assert st.game.state_hash() == before_reject
    assert st.game.state.pending_offer is not None  # the opener's offer is back on the table
    assert st.undoable(other) == 0 and st.can_undo(opener)  # now the opener's proposal is last again


def test_never_after_the_turn_resolved(hotseat: UndoStack) -> None:
    st = hotseat
    st.play(SubmitOrders(side="us"))
    st.play(SubmitOrders(side="china"))
    mover = st.game.state.table_mover
    st.play(EndTalks(side=mover))
    assert st.game.state.turn == 2 and st.game.state.phase == "orders"
    assert not st.can_undo(mover) and not st.can_undo(st.game.scenario.other(mover))


def test_a_new_action_clears_redo(hotseat: UndoStack) -> None:
    st = hotseat
    st.play(SubmitOrders(side="us", statement="firm"))
    st.undo("us")
    st.play(SubmitOrders(side="us", statement="conciliatory"))
    assert not st.can_redo("us")
    with pytest.raises(UndoError):
        st.redo("us")


def test_ai_actions_are_never_undoable(short) -> None:
    st = UndoStack(Game(short, 1), human_sides={"us"})
    st.play(SubmitOrders(side="china"))
    assert not st.can_undo("china") and not st.can_undo("us")
    st.play(SubmitOrders(side="us"))
    assert not st.can_undo("us")  # the table opened


def test_follows_a_session(short) -> None:
    from game.session import HumanSeat, Session

    s = Session.new(short, {"us": HumanSeat(), "china": HumanSeat()}, seed=2)
    st = UndoStack.for_session(s)
    s.submit(SubmitOrders(side="us", statement="threatening"))
    assert st.can_undo("us")
    old = s.game
    st.undo("us")
    assert s.game is st.game and s.game is not old and s.game.actions == []
    seen = []
    s.on_action.append(seen.append)
    st.redo("us")  # through session.submit: callbacks (autosave) see it
    assert len(seen) == 1 and s.game.actions == [SubmitOrders(side="us", statement="threatening")]
    assert not st.can_redo("us")
    s.submit(SubmitOrders(side="china"))
    assert not st.can_undo("us") and not st.can_undo("china")


def test_stack_built_midgame_learns_positions(short) -> None:
    g = Game(short, 4)
    g.play(SubmitOrders(side="us"))
    st = UndoStack(g, human_sides={"us", "china"})
    assert st.can_undo("us")
    g.play(SubmitOrders(side="china"))  # played behind the stack's back, then observed
    st.observe(g.actions[-1])
    assert not st.can_undo("china")

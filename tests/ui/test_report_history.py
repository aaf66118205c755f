"""The debrief's "what really happened" table comes from the scenario's ``history`` rows."""

from __future__ import annotations

from game.ai import make_ai
from game.session import Session
from game.ui import report


def test_history_rows_are_the_scenarios_own(geneva) -> None:
    session = Session.new(geneva, {"us": make_ai(), "china": make_ai()}, seed=3)
    session.play_to_end()
    rows = report.history_rows(session, "zh")
    assert rows is not None and len(rows) == len(geneva.history) == 6
    first = geneva.history[0]
    assert rows[0][:2] == (first.topic.zh, first.happened.zh)  # type: ignore[union-attr]
    # its instruments' final levels beside it, by their names in the game's language
    assert rows[0][2].count("\n") == len(first.instruments) - 1
    # a row without instruments shows the game's agreements
    assert not geneva.history[-1].instruments
    assert rows[-1][2] == report.agreements_summary(session)
    # a scenario without history has no comparison
    bare = geneva.model_copy(update={"history": []})
    assert report.history_rows(Session.new(bare, {"us": make_ai(), "china": make_ai()}, seed=3), "en") is None

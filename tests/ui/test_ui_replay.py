"""The replay viewer steps through a finished game, turn by turn."""

from __future__ import annotations

from uitest_driver import GENEVA

from game.ai import make_ai
from game.scenario.loader import load_scenario
from game.session import Session


def test_replay_viewer_steps_through_a_finished_game(window, qtbot):
    scenario = load_scenario(GENEVA)
    session = Session.new(scenario, {s: make_ai() for s in scenario.side_ids}, seed=12)
    session.play_to_end()
    viewer = window.show_replay(session.game)
    qtbot.addWidget(viewer)
    assert viewer.label.text() == "The start" and not viewer.prev_btn.isEnabled()
    viewer.next_btn.click()
    assert viewer.label.text().startswith("Turn 1 of")
    assert "Delegations meet in Geneva" in viewer.events.toPlainText()
    assert viewer.meters.rowCount() > 10
    while viewer.next_btn.isEnabled():
        viewer.next_btn.click()
    assert viewer.slider.value() == len(session.game.state.history) - 1
    viewer.prev_btn.click()
    assert viewer.slider.value() == len(session.game.state.history) - 2


def test_replay_of_a_game_in_progress_is_refused(window, qtbot, monkeypatch):
    from game.ui.dialogs import GameConfig
    from game.ui.main_window import _qt

    window.start_game(GameConfig(GENEVA, "us", "ai", seed=1, lang="en"))
    shown: list[str] = []
    monkeypatch.setattr(_qt().QMessageBox, "information", lambda *a: shown.append(a[2]))
    assert window.show_replay(window.session.game) is None
    assert shown and "once the game is over" in shown[0]

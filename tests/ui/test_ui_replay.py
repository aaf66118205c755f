"""The replay viewer steps through a saved or finished game, turn by turn (read-only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from uitest_driver import GENEVA, answer_box, click

from game.ai import make_ai
from game.saves import save_game
from game.scenario.loader import load_scenario
from game.session import Session


def finished_game(seed: int = 12) -> Session:
    scenario = load_scenario(GENEVA)
    session = Session.new(scenario, {s: make_ai() for s in scenario.side_ids}, seed=seed)
    session.play_to_end()
    return session


def test_replay_a_saved_game_from_the_menu_and_step_through_it(window, qtbot, tmp_path, monkeypatch):
    session = finished_game()
    path = tmp_path / "finished.ttsave.json"
    save_game(path, session.game, seats={s: "ai" for s in session.scenario.side_ids})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.act_replay.trigger()  # Game ▸ Replay a saved game…
    viewer = window.replay_viewer
    qtbot.addWidget(viewer)
    qtbot.waitExposed(viewer)
    last = len(session.game.state.history) - 1
    assert viewer.label.text() == "The start" and not viewer.prev_btn.isEnabled()
    assert viewer.events.isReadOnly()

    click(qtbot, viewer.next_btn)
    assert viewer.label.text().startswith("Turn 1 of")
    text = viewer.events.toPlainText()
    assert "Delegations meet in Geneva" in text  # the news
    assert "Moves:" in text and "United States: orders" in text and "statement:" in text  # the moves
    assert viewer.meters.rowCount() > 10 and viewer.meters.item(0, 1).text()  # the meters

    # the keyboard: Right steps a turn, End goes to the last, Home back to the start
    viewer.slider.setFocus()
    qtbot.keyClick(viewer.slider, Qt.Key.Key_Right)
    assert viewer.slider.value() == 2 and viewer.label.text().startswith("Turn 2 of")
    assert "Offers:" in viewer.events.toPlainText() or "Moves:" in viewer.events.toPlainText()
    qtbot.keyClick(viewer.slider, Qt.Key.Key_End)
    assert viewer.slider.value() == last and not viewer.next_btn.isEnabled()
    click(qtbot, viewer.prev_btn)
    assert viewer.slider.value() == last - 1
    qtbot.keyClick(viewer.slider, Qt.Key.Key_Home)
    assert viewer.label.text() == "The start"
    # read-only: nothing in the window's game changed
    assert window.session is None


def test_replay_this_game_only_once_it_is_over(window, qtbot, monkeypatch):
    from game.ui.dialogs import GameConfig
    from game.ui.main_window import _qt

    window.start_game(GameConfig(GENEVA, "us", "ai", seed=1, lang="en"))
    assert not window.act_replay_this.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(_qt().QMessageBox, "information", lambda *a: shown.append(a[2]))
    assert window.show_replay(window.session.game) is None  # it would reveal the other side's moves
    assert shown and "once the game is over" in shown[0]
    answer_box("Yes")
    window.walk_out(confirm=True)
    qtbot.waitUntil(lambda: window.session.over, timeout=10_000)
    qtbot.waitUntil(window.act_replay_this.isEnabled, timeout=30_000)
    window.act_replay_this.trigger()
    viewer = window.replay_viewer
    qtbot.addWidget(viewer)
    qtbot.keyClick(viewer.slider, Qt.Key.Key_End)
    assert "walks out" in viewer.events.toPlainText()

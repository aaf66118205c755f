"""Scenario menu (edit, play-test, open), Save As and recent games — through the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from uitest_driver import GENEVA, wait_for_human

from game.engine import SubmitOrders
from game.ui.dialogs import GameConfig


def test_edit_scenario_from_the_menu_and_play_test_in_the_main_window(window, qtbot, tmp_path):
    copy = tmp_path / "my-geneva.yaml"
    copy.write_text(GENEVA.read_text(encoding="utf-8"), encoding="utf-8")
    window.start_game(GameConfig(copy, "us", "ai", seed=1, lang="en"))
    wait_for_human(window, qtbot)
    editor = window.edit_scenario()
    qtbot.waitUntil(lambda: editor.isVisible(), timeout=5000)
    text = editor.text.toPlainText() if hasattr(editor, "text") else None
    assert text is None or "geneva_2025" in text
    # Play-test straight from the editor: a new game on the edited scenario, here
    window.play_test(window.session.scenario, copy)
    wait_for_human(window, qtbot)
    assert window.session.game.actions == []
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)
    from game.engine import EndTalks

    v = window.controller.view()
    if v.phase == "table" and v.pending_offer is None:
        window.act(EndTalks(side="us"))
    qtbot.waitUntil(lambda: window.session.game.state.turn >= 2, timeout=30_000)
    editor.close()


def test_open_broken_scenario_file_reports_located_problems(window, qtbot, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        GENEVA.read_text(encoding="utf-8").replace("  turn_days: 7", "  turn_dayz: 7"), encoding="utf-8"
    )
    seen: list[str] = []

    def close_box() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                seen.append(w.text())
                w.accept()

    QTimer.singleShot(200, close_box)
    assert window.open_scenario_file(bad) is False
    assert seen and f"{bad}:" in seen[0] and "turn_dayz" in seen[0] and "did you mean 'turn_days'?" in seen[0]


def test_save_as_then_save_and_recent_games(window, qtbot, tmp_path):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=8, lang="en"))
    wait_for_human(window, qtbot)
    first = tmp_path / "one.ttsave"
    assert window.save_to(first)
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)
    window.save_game_dialog()  # Save: no dialog, the same file
    from game.saves import load_game

    assert len(load_game(first).game.actions) == len(window.session.game.actions)
    assert window.recent_games()[0] == first
    gone = tmp_path / "gone.ttsave"
    window._remember_recent(gone)
    assert window.open_recent(gone) is False
    assert gone not in window.recent_games()
    assert window.open_recent(first)
    assert Path(window._save_path) == first

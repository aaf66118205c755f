"""Scenario menu (edit, play-test, open), Save As and recent games — through the window."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog
from uitest_driver import GENEVA, answer_box, click, play_step, wait_for_human

from game.engine import SubmitOrders
from game.saves import backup_path, default_saves_dir, load_game
from game.ui.dialogs import GameConfig

TUTORIAL = GENEVA.parent / "tutorial.yaml"


def menu_action(menu, text: str):
    """The action of ``menu`` whose text (without its & accelerators) starts with ``text``."""
    menu.aboutToShow.emit()
    for a in menu.actions():
        if a.text().replace("&", "").startswith(text):
            return a
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def type_at(ed, qtbot, line: int, col: int, select: int, typed: str) -> None:
    """Put the cursor at line:col in the editor's text view, select ``select`` characters, type."""
    ed.tabs.setCurrentWidget(ed.text)
    ed.text.go_to(line, col)
    cursor = ed.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, select)
    ed.text.setTextCursor(cursor)
    qtbot.keyClick(ed.text, Qt.Key.Key_Delete)
    qtbot.keyClicks(ed.text, typed)


def test_edit_scenario_from_the_menu_error_live_fix_play_test_reaches_turn_2(window, qtbot, tmp_path, home):
    mine = tmp_path / "my-tutorial.yaml"
    shutil.copyfile(TUTORIAL, mine)
    window.start_game(GameConfig(mine, "us", "ai", seed=1, lang="en"))
    wait_for_human(window, qtbot)
    first_session = window.session
    window.act_edit_scenario.trigger()  # Scenario ▸ Edit this scenario…
    ed = window.editor
    ed.confirm_on_close = False
    qtbot.waitExposed(ed)
    assert ed.path == mine and ed.problems.count() == 0

    # an error, typed by the author, is reported live at its line
    original = ed.text.toPlainText()
    line = line_of(original, "kind: tariff")
    col = original.splitlines()[line - 1].index("tariff") + 1
    type_at(ed, qtbot, line, col, len("tariff"), "tarrif")
    qtbot.waitUntil(lambda: ed.problems.count() > 0, timeout=30_000)
    errors = [d for d in ed.diagnostics if d.severity == "error"]
    assert errors and errors[0].line == line and "tarrif" in errors[0].message
    assert ed.problems.item(0).text().startswith(f"Line {line},")
    assert not ed.play_btn.isEnabled()

    # fixed: the problems go away and Play-test is back
    type_at(ed, qtbot, line, col, len("tarrif"), "tariff")
    qtbot.waitUntil(lambda: ed.problems.count() == 0 and ed.play_btn.isEnabled(), timeout=30_000)

    # Play-test: a new game starts in the MAIN window at once, against the AI as chosen before
    qtbot.mouseClick(ed.play_btn, Qt.MouseButton.LeftButton)
    assert window.session is not first_session
    assert window.session.scenario.meta.id == "tutorial" and window.session.game.actions == []
    assert not window.session.seats["china"].is_human
    steps = 0
    while window.session.game.state.turn < 2:
        wait_for_human(window, qtbot)
        play_step(window, qtbot)
        steps += 1
        assert steps < 40
    assert window.st_turn.text().startswith("Turn 2") or window.session.game.state.turn == 2
    ed.close()


def test_editing_a_built_in_scenario_edits_a_copy_for_your_folder(window, qtbot, home):
    from game.ui.dialogs import user_scenario_dir

    window.start_game(GameConfig(GENEVA, "us", "ai", seed=1, lang="en"))
    wait_for_human(window, qtbot)
    window.act_edit_scenario.trigger()
    ed = window.editor
    ed.confirm_on_close = False
    assert ed.path is None  # the shipped file is never overwritten
    assert ed.suggested_path == user_scenario_dir() / "geneva-2025.yaml"
    assert "copy" in ed.windowTitle() and "geneva_2025" in ed.text.toPlainText()
    assert window.edit_scenario() is ed  # asked again: the same editor comes to the front
    ed.close()


def test_open_broken_scenario_file_reports_located_problems_then_fix_in_the_editor(window, qtbot, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = GENEVA.read_text(encoding="utf-8").replace("  turn_days: 7", "  turn_dayz: 7")
    bad.write_text(text, encoding="utf-8")
    seen: list[str] = []
    answer_box("fixInEditor", box_name="scenarioProblems", seen=seen)
    assert window.open_scenario_file(bad) is False
    assert seen and f"{bad}:" in seen[0] and "turn_dayz" in seen[0] and "did you mean 'turn_days'?" in seen[0]
    ed = window.editor
    ed.confirm_on_close = False
    assert ed.path == bad and ed.text.current_line() == line_of(text, "turn_dayz")
    ed.close()


def test_open_scenario_file_from_the_menu_starts_a_game(window, qtbot, tmp_path, monkeypatch):
    good = tmp_path / "short.yaml"
    shutil.copyfile(TUTORIAL, good)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    window.act_open_scenario.trigger()
    wait_for_human(window, qtbot)
    assert window.session.scenario.meta.id == "tutorial"


def test_save_as_default_folder_save_and_recent_games(window, qtbot, tmp_path, home, monkeypatch):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=8, lang="en"))
    wait_for_human(window, qtbot)
    asked: list[str] = []
    first = default_saves_dir() / "one.ttsave.json"

    def save_dialog(parent, title, suggested, filters):
        asked.append(suggested)
        return str(first), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.act_save_as.trigger()  # Game ▸ Save As… (Ctrl+Shift+S)
    assert "Ctrl+Shift+S" in [s.toString() for s in window.act_save_as.shortcuts()]
    assert Path(asked[0]).parent == default_saves_dir()  # the platform's user data folder
    assert first.exists()
    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    window.act_save.trigger()  # Save: no dialog, the same file
    assert len(asked) == 1
    assert len(load_game(first).game.actions) == len(window.session.game.actions)

    # Game ▸ Open recent names each game by what is in it
    act = menu_action(window.recent_menu, "1 one.ttsave.json")
    assert "geneva_2025, turn 1" in act.text() and act.toolTip() == str(first)

    # a recent game whose file has gone is dropped, with a message
    gone = tmp_path / "gone.ttsave.json"
    window._remember_recent(gone)
    seen: list[str] = []
    answer_box("Ok", seen=seen)
    assert window.open_recent(gone) is False
    assert seen and "no longer there" in seen[0]
    assert gone not in window.recent_games()
    window._remember_recent(gone)
    menu_action(window.recent_menu, "1 one")
    assert gone not in window.recent_games() and "gone.ttsave.json" in window.statusBar().currentMessage()

    # the list keeps the last 8
    for k in range(10):
        window._remember_recent(tmp_path / f"g{k}.ttsave.json")
    assert len(window.recent_games()) == 8

    # open it from the menu
    window._remember_recent(first)
    menu_action(window.recent_menu, "1 one").trigger()
    wait_for_human(window, qtbot)
    assert Path(window._save_path) == first


def test_open_shows_the_saves_warnings(window, qtbot, tmp_path, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=5, lang="en"))
    wait_for_human(window, qtbot)
    path = tmp_path / "edited.ttsave.json"
    assert window.save_to(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["meta"]["user"] = {"note": "edited by hand"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    seen: list[str] = []
    answer_box("Ok", box_name="openWarnings", seen=seen)
    assert window.open_from(path, interactive=True)
    assert seen and "changed outside the game" in seen[0]


def test_a_damaged_save_offers_its_backup(window, qtbot, tmp_path, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=6, lang="en"))
    wait_for_human(window, qtbot)
    path = tmp_path / "damaged.ttsave.json"
    assert window.save_to(path)
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)
    assert window.save_to(path)  # the first save becomes the backup
    backed_up = load_game(backup_path(path)).game.actions
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a crash of the disk, say
    current = window.session
    seen: list[str] = []
    answer_box("No", seen=seen)
    assert window.open_from(path, interactive=True) is False
    assert window.session is current  # the current game is untouched
    assert "backup" in seen[0]
    answer_box("Yes")
    assert window.open_from(path, interactive=True)
    assert window.session.game.actions == backed_up
    assert Path(window._save_path) == path  # Save replaces the damaged file
    assert window.recent_games()[0] == path

"""What a first-time player meets: the first-run choice, the tutorial taught step by step,
the window remembered as it was left, an editor that asks only when there is something to
save, and Ctrl+Enter that keeps working after any dialog — all through the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from uitest_driver import GENEVA, click, visible_texts, wait_for_human, when_dialog

from game.ui.dialogs import GameConfig, NewGameDialog, TextDialog

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
SHOTS = Path(os.environ.get("TARIFF_TALKS_SHOTS", "")) if os.environ.get("TARIFF_TALKS_SHOTS") else None


@pytest.fixture(autouse=True)
def english_after():
    """The window's language is global to the process: the next test starts in English."""
    yield
    from game.ui.i18n import set_language

    set_language("en")


@pytest.fixture
def fresh_settings(qapp):
    """Nothing remembered (as on the very first start); what other tests remembered comes back after."""
    from game.ui.app import make_app
    from game.ui.main_window import settings

    make_app()
    s = settings()
    kept = {k: s.value(k) for k in s.allKeys()}
    s.clear()
    s.sync()
    yield s
    s.clear()
    for k, v in kept.items():
        s.setValue(k, v)
    s.sync()


@pytest.fixture
def windows(fresh_settings):
    """The main windows a test opens: closed and deleted before the settings are put back
    (so that closing them remembers nothing in other tests' settings)."""
    from shiboken6 import isValid

    from game.ui import workers

    made: list = []
    yield made
    for win in made:
        if isValid(win):
            close_window(win)
            win.deleteLater()
    workers.wait_all(10_000)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shot(widget, name: str) -> None:
    """Screenshots for a person to look at (set TARIFF_TALKS_SHOTS to a folder)."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def close_window(win) -> None:
    win.close()
    if win.controller is not None:
        win.controller.stop()
    if win.autosave is not None:
        win.autosave.shutdown()


def press_close(dlg) -> None:
    box = dlg.findChild(QDialogButtonBox)
    QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)


def press_cancel(dlg) -> None:
    QTest.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)


def ctrl_enter(qtbot, win, key=Qt.Key.Key_Return) -> None:
    qtbot.keyClick(win, key, Qt.KeyboardModifier.ControlModifier)


# ------------------------------------------------------------------ first run
def test_first_start_offers_the_tutorial_and_how_to_play_then_never_again(
    qtbot, fresh_settings, windows, home, monkeypatch, tmp_path
):
    from game.ui.app import create_window

    win = create_window(None, "en")
    windows.append(win)
    qtbot.waitUntil(lambda: win.welcome is not None, timeout=20_000)
    page = win.welcome
    assert win.stack.currentWidget() is page and win.session is None  # no game opened behind it
    texts = visible_texts(win)
    assert "Welcome to Tariff Talks" in texts
    for label in ("&Start the tutorial", "&Read How to play", "&Play Geneva"):
        assert label in texts
    assert page.buttons["tutorial"].hasFocus()  # the recommended choice is the default
    shot(win, "firstrun-en")

    # Ctrl+Enter is the game's key: on this page it does nothing
    ctrl_enter(qtbot, win)
    assert win.session is None and win.stack.currentWidget() is page

    # How to play opens the guide; closing it comes back to the same choice
    seen: list[str] = []
    when_dialog(TextDialog, press_close, seen=seen)
    click(qtbot, page.buttons["howto"])
    assert seen == ["How to play"]
    assert win.stack.currentWidget() is page and win.session is None

    # Enter on the focused default button starts the tutorial
    page.buttons["tutorial"].setFocus()
    qtbot.keyClick(page.buttons["tutorial"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    wait_for_human(win, qtbot)
    assert win.session.scenario.meta.id == "tutorial"
    assert win.stack.currentWidget() is win.page and win.welcome is None
    assert any("Step 1 of 5" in t for t in visible_texts(win))
    close_window(win)

    # the next start opens as before: no question, straight into the default scenario
    # (in a data folder with no unfinished game, which would be offered to resume first)
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path / "home2"))
    again = create_window(None, "en")
    windows.append(again)
    qtbot.waitUntil(lambda: again.session is not None, timeout=20_000)
    assert again.welcome is None and again.session.scenario.meta.id == "geneva_2025"
    close_window(again)


def test_first_start_play_geneva_and_the_choice_in_chinese(qtbot, fresh_settings, windows, home):
    from game.ui.app import create_window

    win = create_window(None, "en")
    windows.append(win)
    qtbot.waitUntil(lambda: win.welcome is not None, timeout=20_000)
    # the player picks Chinese on the welcome page: the page and the menus change language
    box = win.welcome.lang_box
    box.setCurrentIndex(box.findData("zh"))
    qtbot.waitUntil(lambda: win.welcome is not None and win.lang == "zh", timeout=30_000)
    texts = visible_texts(win)
    assert "欢迎来到《关税谈判》" in texts and "开始教程(&S)" in texts
    assert win.menuBar().actions()[0].text() == "游戏(&G)"
    shot(win, "firstrun-zh")
    click(qtbot, win.welcome.buttons["play"])
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    wait_for_human(win, qtbot)
    assert win.session.scenario.meta.id == "geneva_2025" and win.config.lang == "zh"
    close_window(win)


def test_first_start_with_an_unfinished_game_asks_to_resume_instead(qtbot, fresh_settings, windows, home):
    from uitest_driver import answer_box

    from game.ai import make_ai
    from game.saves import Autosaver
    from game.scenario.loader import load_scenario
    from game.session import Session
    from game.ui.app import create_window

    session = Session.new(load_scenario(GENEVA), {"us": make_ai(), "china": make_ai()}, seed=4)
    session.step_ai()
    saver = Autosaver()
    saver.save(session.game, {"us": "human", "china": "ai:pragmatist:normal"})
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    saver.marker.write_text(json.dumps({"pid": dead.pid}), encoding="utf-8")
    seen: list[str] = []
    answer_box("resumeButton", box_name="resumePrompt", seen=seen)
    win = create_window(None, "en")
    windows.append(win)
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    assert seen and "did not finish" in seen[0]
    assert win.welcome is None and win.session.game.actions == session.game.actions
    close_window(win)


def test_startup_probe_still_reports_the_game_on_a_first_start(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # nothing remembered: a first start
        TARIFF_TALKS_HOME=str(tmp_path / "home"),
        TARIFF_TALKS_STARTUP_PROBE="game",
    )
    out = subprocess.run(
        [sys.executable, "-m", "game"], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["SHOWN", "GAME"]


# ------------------------------------------------------------------ the tutorial
def test_tutorial_teaches_orders_first_then_the_table(window, qtbot, home):
    window.start_game(GameConfig(TUTORIAL, "us", "ai", seed=5, lang="en"))
    wait_for_human(window, qtbot)
    page = window.page
    # turn 1: the orders lesson, and only it; the table says it opens next turn
    texts = " ".join(visible_texts(window))
    assert "Step 1 of 5" in texts and "Step 2 of 5" not in texts
    page.tabs.setCurrentIndex(1)
    assert "orders only: the table opens on turn 2" in page.table.status.text()
    shot(window, "tutorial-turn1-table-en")
    page.tabs.setCurrentIndex(0)
    shot(window, "tutorial-turn1-en")
    ctrl_enter(qtbot, window)  # Submit orders
    wait_for_human(window, qtbot)
    # no table on turn 1: nothing can be signed by accident; turn 2 brings the table lesson first
    state = window.session.game.state
    assert state.turn == 2 and state.phase == "orders" and not state.agreements and not state.offers
    texts = " ".join(visible_texts(window))
    assert "Step 2 of 5: the table opens" in texts
    shot(window, "tutorial-turn2-en")
    click(qtbot, page.end_btn)  # Submit orders: now the table opens, and it is ours to open
    wait_for_human(window, qtbot)
    state = window.session.game.state
    assert state.turn == 2 and state.phase == "table" and state.table_mover == "us"
    assert page.tabs.currentIndex() == 1 and page.table.send_btn.isEnabled()


def test_tutorial_in_chinese(window, qtbot, home):
    window.start_game(GameConfig(TUTORIAL, "us", "ai", seed=5, lang="zh"))
    wait_for_human(window, qtbot)
    texts = " ".join(visible_texts(window))
    assert "第1步（共5步）：下达命令" in texts and "第2步" not in texts
    window.page.tabs.setCurrentIndex(1)
    assert "本回合只有命令" in window.page.table.status.text()
    window.page.tabs.setCurrentIndex(0)
    shot(window, "tutorial-turn1-zh")


# ------------------------------------------------------------ remembered window
def test_window_size_and_maximised_state_are_remembered(qtbot, fresh_settings, windows):
    from game.ui.main_window import MainWindow

    first = MainWindow("en")
    windows.append(first)
    first.resize(1200, 700)
    first.show()
    qtbot.waitExposed(first)
    first.close()

    second = MainWindow("en")
    windows.append(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(1200, 700) and not second.isMaximized()
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized, timeout=30_000)
    second.close()

    third = MainWindow("en")
    windows.append(third)
    third.show()
    qtbot.waitUntil(third.isMaximized, timeout=30_000)
    third.showNormal()  # un-maximised: back to the size it had before
    qtbot.waitUntil(lambda: not third.isMaximized(), timeout=30_000)
    assert third.size() == QSize(1200, 700)
    third.close()


def test_the_language_chosen_in_new_game_is_the_next_starts(window, qtbot, fresh_settings, windows, home):
    from game.ui.app import create_window

    window.start_game(GameConfig(GENEVA, "us", "ai", seed=2, lang="en"))
    wait_for_human(window, qtbot)

    def choose_chinese(dlg: NewGameDialog) -> None:
        dlg.language.setCurrentIndex(dlg.language.findData("zh"))
        QTest.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_dialog(NewGameDialog, choose_chinese)
    window.act_new.trigger()
    wait_for_human(window, qtbot)
    assert window.lang == "zh"
    window.close()

    later = create_window(GENEVA, None)  # no --lang: the last game's language
    windows.append(later)
    qtbot.waitUntil(lambda: later.session is not None, timeout=20_000)
    wait_for_human(later, qtbot)
    assert later.lang == "zh" and later.config.lang == "zh"
    assert later.menuBar().actions()[0].text() == "游戏(&G)"
    close_window(later)
    explicit = create_window(GENEVA, "en")  # --lang en still wins
    windows.append(explicit)
    assert explicit.lang == "en" and explicit.menuBar().actions()[0].text() == "&Game"
    qtbot.waitUntil(lambda: explicit.session is not None, timeout=20_000)
    close_window(explicit)


# ----------------------------------------------------------------- the editor
def test_closing_an_untouched_copy_does_not_ask_but_an_edited_one_does(window, qtbot, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=1, lang="en"))
    wait_for_human(window, qtbot)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton):
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            QTest.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

        return act

    window.act_edit_scenario.trigger()  # Scenario ▸ Edit this scenario… on a built-in one: a copy
    ed = window.editor
    qtbot.waitExposed(ed)
    assert ed.path is None and ed.suggested_path is not None and not ed.modified
    assert "*" not in ed.windowTitle()
    watch = when_dialog(QMessageBox, answer(QMessageBox.StandardButton.Discard), tries=20)
    ed.close()
    # (close() would have shown the question before returning; the watcher runs out before the next)
    qtbot.waitUntil(watch.finished, timeout=30_000)
    assert asked == [] and not watch.acted
    assert not _alive(ed) or not ed.isVisible()  # closed at once

    # the same copy, edited: closing asks (and Cancel keeps the editor open)
    window.act_edit_scenario.trigger()
    ed = window.editor
    qtbot.waitExposed(ed)
    ed.tabs.setCurrentWidget(ed.text)
    ed.text.setFocus()
    qtbot.keyClicks(ed.text, "# my note")
    qtbot.keyClick(ed.text, Qt.Key.Key_Return)
    assert ed.modified and "*" in ed.windowTitle()
    when_dialog(QMessageBox, answer(QMessageBox.StandardButton.Cancel))
    ed.close()
    assert asked == ["Save the changes to this scenario?"] and ed.isVisible()
    when_dialog(QMessageBox, answer(QMessageBox.StandardButton.Discard))
    ed.close()
    assert len(asked) == 2


class KeyRecorder(QObject):
    """The keys a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list = []

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.keys.append(Qt.Key(event.key()))
        return False


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return widget is not None and isValid(widget)


# ----------------------------------------------------------------- Ctrl+Enter
def test_ctrl_enter_works_after_dialogs_close(window, qtbot, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    game = window.session.game

    # New game… cancelled: Ctrl+Enter submits the orders
    seen: list[str] = []
    when_dialog(NewGameDialog, press_cancel, seen=seen)
    window.act_new.trigger()
    assert seen and window.session.game is game
    ctrl_enter(qtbot, window)
    wait_for_human(window, qtbot)
    assert game.state.sides["us"].orders is not None and game.state.phase == "table"

    # How to play closed (F1): Ctrl+Enter (the keypad's Enter too) ends the turn at the table
    when_dialog(TextDialog, press_close, seen=seen)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert seen[-1] == "How to play"
    ctrl_enter(qtbot, window, Qt.Key.Key_Enter)
    wait_for_human(window, qtbot)
    assert game.state.turn == 2 and game.state.phase == "orders"

    # Help ▸ Rules closed: still the game's key
    when_dialog(TextDialog, press_close, seen=seen)
    window.act_rules.trigger()
    ctrl_enter(qtbot, window)
    wait_for_human(window, qtbot)
    assert game.state.turn == 2 and game.state.sides["us"].orders is not None


def test_ctrl_enter_belongs_to_the_editor_while_it_has_the_focus(window, qtbot, home, tmp_path):
    import shutil

    mine = tmp_path / "mine.yaml"
    shutil.copyfile(TUTORIAL, mine)
    window.start_game(GameConfig(mine, "us", "ai", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    window.act_edit_scenario.trigger()
    ed = window.editor
    ed.confirm_on_close = False
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ed, timeout=30_000)
    ed.tabs.setCurrentWidget(ed.text)
    ed.text.setFocus()
    got = KeyRecorder()
    ed.text.installEventFilter(got)
    qtbot.keyClick(ed.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.game.actions == []  # the game did not move
    assert Qt.Key.Key_Return in got.keys  # the editor had the key (no shortcut took it)
    ed.text.removeEventFilter(got)
    ed.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30_000)
    ctrl_enter(qtbot, window)  # back in the game: the orders are submitted (turn 1 is orders only)
    wait_for_human(window, qtbot)
    assert window.session.game.state.turn == 2 and len(window.session.game.actions) == 2


def test_new_game_dialog_lists_the_tutorial(qtbot, qapp):
    dlg = NewGameDialog(lang="en")
    qtbot.addWidget(dlg)
    titles = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    assert "Tutorial: your first round of talks" in titles


def test_a_game_opened_from_the_menu_on_the_welcome_page_replaces_it(qtbot, fresh_settings, windows, home):
    from game.ui.app import create_window

    win = create_window(None, "en")
    windows.append(win)
    qtbot.waitUntil(lambda: win.welcome is not None, timeout=20_000)

    def start_tutorial(dlg: NewGameDialog) -> None:
        row = next(i for i, e in enumerate(dlg.entries) if e.path.name == "tutorial.yaml")
        dlg.list.setCurrentRow(row)
        QTest.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_dialog(NewGameDialog, start_tutorial)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Game ▸ New game…
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    wait_for_human(win, qtbot)
    assert win.welcome is None and win.stack.currentWidget() is win.page
    assert win.session.scenario.meta.id == "tutorial"
    ctrl_enter(qtbot, win)  # and the game's keys work at once
    wait_for_human(win, qtbot)
    assert win.session.game.state.turn == 2

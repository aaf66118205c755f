"""Autosave every move, resume after a crash, undo within the phase — through the window."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import Qt
from uitest_driver import GENEVA, answer_box, click, handover_up, wait_for_human

from game.ai import make_ai
from game.engine import SubmitOrders
from game.saves import Autosaver, default_saves_dir, load_game
from game.scenario.loader import load_scenario
from game.session import HumanSeat, Session
from game.ui.dialogs import GameConfig


def dead_pid() -> int:
    """The id of a process that has exited (as after a crash or a kill)."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def crashed_game(seed: int = 11) -> Session:
    """A game a person was playing against the AI when the process died: autosaved at
    turn 2, with the marker of a process that no longer runs."""
    scenario = load_scenario(GENEVA)
    session = Session.new(scenario, {"us": make_ai(), "china": make_ai()}, seed=seed)
    while session.game.state.turn < 2:
        session.step_ai()
    saver = Autosaver()
    saver.save(session.game, {"us": "human", "china": "ai:pragmatist:normal"})
    saver.marker.write_text(json.dumps({"pid": dead_pid()}), encoding="utf-8")
    assert saver.find_resumable() == saver.path
    return session


def new_window(qtbot):
    from game.ui.main_window import MainWindow

    win = MainWindow("en")
    win.min_think_ms = 0
    qtbot.addWidget(win)
    win.show()
    return win


def close_window(win) -> None:
    if win.controller is not None:
        win.controller.stop()
    if win.autosave is not None:
        win.autosave.shutdown()


def test_after_a_crash_a_new_window_offers_to_resume_and_resumes(qtbot, qapp, home):
    crashed = crashed_game()
    win = new_window(qtbot)
    seen: list[str] = []
    answer_box("resumeButton", box_name="resumePrompt", seen=seen)
    win.start_or_resume(None)
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    assert seen and "did not finish" in seen[0] and "geneva_2025, turn 2" in seen[0]
    assert win.session.game.actions == crashed.game.actions
    assert win.session.seats["us"].is_human and not win.session.seats["china"].is_human
    assert "Resumed" in win.statusBar().currentMessage()
    # the resumed game is played on and autosaved again; the autosave never becomes "your" save file
    wait_for_human(win, qtbot)
    assert win._save_path is None
    assert Autosaver().path not in win.recent_games()
    click(qtbot, win.page.end_btn)  # submit this turn's orders
    wait_for_human(win, qtbot)
    win.autosave.wait()
    assert len(load_game(Autosaver().path).game.actions) > len(crashed.game.actions)
    close_window(win)


def test_start_new_keeps_the_unfinished_game_in_the_saves_folder(qtbot, qapp, home):
    crashed = crashed_game(seed=12)
    win = new_window(qtbot)
    answer_box("startNewButton", box_name="resumePrompt")
    win.start_or_resume(None)
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    assert win.session.game.actions == []  # a new game on the default scenario
    kept = list(default_saves_dir().glob("unfinished-geneva_2025-turn2-*"))
    assert len(kept) == 1
    assert load_game(kept[0]).game.actions == crashed.game.actions
    assert win.recent_games()[0] == kept[0]
    close_window(win)


def test_discard_deletes_the_unfinished_game(qtbot, qapp, home):
    crashed_game(seed=13)
    win = new_window(qtbot)
    answer_box("discardButton", box_name="resumePrompt")
    win.start_or_resume(None)
    qtbot.waitUntil(lambda: win.session is not None, timeout=20_000)
    assert win.session.game.actions == []
    win.autosave.wait()
    # the autosave now holds the new game; nothing of the old one was kept
    assert load_game(Autosaver().path).game.seed == win.session.game.seed
    assert not list(default_saves_dir().glob("unfinished-*"))
    close_window(win)


def test_autosave_follows_every_move(window, qtbot, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    click(qtbot, window.page.end_btn)  # our orders; the AI answers with its own
    wait_for_human(window, qtbot)
    window.autosave.wait()
    saved = load_game(Autosaver().path)
    assert saved.game.actions == window.session.game.actions
    assert len(saved.game.actions) >= 2


def test_autosave_errors_never_interrupt_play_and_show_in_the_status_bar(window, qtbot, home):
    home.mkdir(parents=True)
    (home / "autosave").write_text("a file where the autosave folder should be", encoding="utf-8")
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=4, lang="en"))
    wait_for_human(window, qtbot)
    qtbot.waitUntil(lambda: window.st_autosave.isVisible(), timeout=10_000)
    assert "Autosave failed" in window.st_autosave.text()
    assert "autosave folder" in window.st_autosave.toolTip()
    # play goes on
    turn = window.session.game.state.turn
    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    assert window.session.game.actions and window.session.game.state.phase == "table"
    assert window.session.game.state.turn == turn
    # the disk is fixed: the next autosave clears the warning
    (home / "autosave").unlink()
    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    qtbot.waitUntil(lambda: not window.st_autosave.isVisible(), timeout=10_000)
    window.autosave.wait()
    assert load_game(Autosaver().path).game.actions == window.session.game.actions


def press(qtbot, win, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A keyboard shortcut, pressed where the focus is (as a person would)."""
    win.activateWindow()
    qtbot.keyClick(win.focusWidget() or win, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_undo_in_hot_seat_takes_back_only_your_own_move_in_this_phase(window, qtbot, home):
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=2, lang="en"))
    wait_for_human(window, qtbot)
    assert handover_up(window)
    click(qtbot, window.handover.button)  # the US delegation takes the computer
    wait_for_human(window, qtbot)
    assert not window.act_undo.isEnabled() and not window.act_redo.isEnabled()  # nothing played yet
    click(qtbot, window.page.end_btn)  # the US submits its orders
    wait_for_human(window, qtbot)
    assert handover_up(window) and window.handover.side == "china"  # pass to China
    # Undo never crosses a hand-over: whoever is at the keyboard may be the other delegation.
    assert not window.act_undo.isEnabled()
    assert "handed over" in window.act_undo.toolTip()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    window.act_undo.trigger()  # Edit ▸ Undo (disabled: nothing happens)
    assert len(window.session.game.actions) == 1  # the US move stays
    assert handover_up(window) and window.handover.side == "china"
    # China takes the computer: the US's move is not China's to take back
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    assert window.controller.shown_side == "china"
    assert not window.act_undo.isEnabled()
    assert "other side" in window.act_undo.toolTip()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert len(window.session.game.actions) == 1
    # both orders are in: the table opens and the orders are final for both
    window.act(SubmitOrders(side="china"))
    wait_for_human(window, qtbot)
    assert window.session.game.state.phase == "table"
    for side in ("us", "china"):
        assert not window.undo_stack.can_undo(side)
    assert not window.act_undo.isEnabled()
    # the table: play on until the turn resolves; then nothing of it can be undone
    while window.session.game.state.turn == 1:
        if handover_up(window):
            click(qtbot, window.handover.button)
        else:
            click(qtbot, window.page.end_btn)
        wait_for_human(window, qtbot)
    assert not window.act_undo.isEnabled()
    if handover_up(window):
        click(qtbot, window.handover.button)
        wait_for_human(window, qtbot)
    assert not window.act_undo.isEnabled() and not window.act_redo.isEnabled()


def test_undo_against_the_ai_never_while_it_thinks_nor_after_it_answered(window, qtbot, home):
    window.min_think_ms = 400  # the AI "thinks" long enough to look at the menu meanwhile
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=9, lang="en"))
    wait_for_human(window, qtbot)
    assert not window.act_undo.isEnabled()
    click(qtbot, window.page.end_btn)  # our orders; the AI thinks about its own
    qtbot.waitUntil(lambda: window.controller.ai_busy, timeout=30_000)
    assert not window.act_undo.isEnabled()
    wait_for_human(window, qtbot)
    assert window.session.game.state.phase == "table"  # the AI's orders are in: ours are final
    assert not window.act_undo.isEnabled()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert len(window.session.game.actions) >= 2
    assert isinstance(window.session.seats["china"], type(make_ai()))
    assert isinstance(window.session.seats["us"], HumanSeat)

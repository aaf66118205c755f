"""Autosave every move, resume after a crash, undo within the phase — through the window."""

from __future__ import annotations

import sys

from uitest_driver import GENEVA, click, handover_up, wait_for_human

from game.engine import SubmitOrders
from game.saves import Autosaver, load_game
from game.ui.dialogs import GameConfig


def test_autosave_follows_the_game_and_a_new_window_offers_to_resume(window, qtbot, monkeypatch):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    window.act(SubmitOrders(side="us", statement="firm"))
    wait_for_human(window, qtbot)
    window.autosave.wait()
    saver = Autosaver()
    saved = load_game(saver.path)
    assert saved.game.actions == window.session.game.actions[: len(saved.game.actions)]
    assert len(saved.game.actions) >= 2  # our orders and the AI's, at least

    # the process "dies" here: a new window finds the unfinished game and resumes it
    from game.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "ask_resume", lambda self, path: True)
    again = MainWindow("en")
    again.min_think_ms = 0
    qtbot.addWidget(again)
    monkeypatch.setattr(sys.modules["game.saves.autosave"], "pid_alive", lambda pid: False)
    again.start_or_resume(None)
    qtbot.waitUntil(lambda: again.session is not None, timeout=20_000)
    assert again.session.game.actions[: len(saved.game.actions)] == saved.game.actions
    again.controller.stop()
    again.autosave.shutdown()


def test_declining_to_resume_discards_the_autosave(window, qtbot, monkeypatch):
    from game.ui.main_window import MainWindow

    window.start_game(GameConfig(GENEVA, "us", "ai", seed=4, lang="en"))
    wait_for_human(window, qtbot)
    window.autosave.wait()
    monkeypatch.setattr(sys.modules["game.saves.autosave"], "pid_alive", lambda pid: False)
    monkeypatch.setattr(MainWindow, "ask_resume", lambda self, path: False)
    again = MainWindow("en")
    qtbot.addWidget(again)
    again.start_or_resume(None)
    qtbot.waitUntil(lambda: again.session is not None, timeout=20_000)
    assert again.session.game.actions == []  # a fresh game on the default scenario
    again.autosave.wait()
    # the old game's autosave is gone: the autosave now holds the new game
    assert load_game(Autosaver().path).game.seed == again.session.game.seed != window.session.game.seed
    again.controller.stop()
    if again.autosave is not None:
        again.autosave.shutdown()


def test_undo_in_hot_seat_takes_back_only_your_own_move_in_this_phase(window, qtbot):
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=2, lang="en"))
    wait_for_human(window, qtbot)
    assert handover_up(window)
    click(qtbot, window.handover.button)  # the US delegation takes the computer
    wait_for_human(window, qtbot)
    assert not window.act_undo.isEnabled()  # nothing played yet
    window.act(SubmitOrders(side="us", statement="firm"))
    wait_for_human(window, qtbot)
    assert handover_up(window)  # pass to China...
    assert window.act_undo.isEnabled()  # ...but the US may still take its orders back
    window.act_undo.trigger()
    wait_for_human(window, qtbot)
    assert window.session.game.actions == []
    assert window.controller.shown_side == "us" and not handover_up(window)
    assert window.act_redo.isEnabled()
    window.act_redo.trigger()
    wait_for_human(window, qtbot)
    assert len(window.session.game.actions) == 1
    # China moves: the US can no longer undo (the phase moved on, and it is not its move)
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    window.act(SubmitOrders(side="china"))
    wait_for_human(window, qtbot)
    us_undo = window.undo_stack.can_undo("us")
    assert not us_undo

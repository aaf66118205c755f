"""The status bar tells the public date and turn of the game on the screen, and its end."""

from __future__ import annotations

from uitest_driver import GENEVA, click, handover_up, wait_for_human

from game.ui.dialogs import GameConfig


def test_the_status_bar_follows_the_game_to_its_end(window, qtbot, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    assert window.st_turn.text() == "Turn 1 of 13"
    assert "12 more turns" in window.st_deadline.text()
    window.walk_out(confirm=False)
    qtbot.waitUntil(lambda: window.debrief is not None)
    assert window.st_turn.text() == "Turn 1 of 13"
    assert window.st_deadline.text() == "The game is over: see the debrief"


def test_a_new_hot_seat_game_after_a_long_one_shows_its_own_turn_on_the_hand_over(window, qtbot, home):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    window.walk_out(confirm=False)
    qtbot.waitUntil(lambda: window.debrief is not None)
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=4, lang="en"))
    wait_for_human(window, qtbot)
    assert handover_up(window)
    assert window.st_turn.text() == "Turn 1 of 13"
    assert "12 more turns" in window.st_deadline.text()
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    assert window.st_turn.text() == "Turn 1 of 13"

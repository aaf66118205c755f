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


def test_a_refusal_quoting_your_capital_leaves_the_screen_at_the_hand_over(window, qtbot, home):
    """Rule 2.4's refusal states the side's political capital: private, so it must not stay in the
    status bar or the banner when the computer passes to the other delegation."""
    from game.engine import SubmitOrders

    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=5, lang="en"))
    wait_for_human(window, qtbot)
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    sc = window.session.scenario
    moves = {
        i.id: (i.min if i.start > i.min else i.max)
        for i in sc.instruments
        if i.owner == "us" and i.player_controlled
    }
    assert not window.act(SubmitOrders(side="us", moves=moves, statement="threatening"))
    assert "you have 60" in window.statusBar().currentMessage()
    assert window.page.banner.isVisible()
    click(qtbot, window.page.end_btn)  # the form's own (legal) orders
    wait_for_human(window, qtbot)
    assert handover_up(window) and window.handover.side == "china"
    assert window.statusBar().currentMessage() == ""
    assert not window.page.banner.isVisible() and "you have" not in window.page.banner.text()

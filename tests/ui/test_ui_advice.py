"""Ask your advisers: a private suggestion from the AI, from your own view, never carried over."""

from __future__ import annotations

from uitest_driver import GENEVA, click, handover_up, visible_texts, wait_for_human

from game.engine import SubmitOrders
from game.ui.dialogs import GameConfig


def test_advice_is_shown_and_never_survives_the_hand_over(window, qtbot):
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=6, lang="en"))
    wait_for_human(window, qtbot)
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    click(qtbot, window.page.advice_btn)
    qtbot.waitUntil(lambda: window.page.advice.text().startswith("Advisers:"), timeout=20_000)
    advice = window.page.advice.text()
    assert "submit orders" in advice
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)
    assert handover_up(window)
    assert advice not in " ".join(visible_texts(window))
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    assert window.controller.shown_side == "china"
    assert not window.page.advice.isVisible() and window.page.advice.text() == ""


def test_advice_for_a_past_moment_is_dropped(window, qtbot):
    window.start_game(GameConfig(GENEVA, "us", "ai", seed=6, lang="en"))
    wait_for_human(window, qtbot)
    key = window._advice_key()
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)
    window.page.advice_key = key  # as if the answer to an old question arrived late
    window._advice_done(key, SubmitOrders(side="us", note="stale"))
    assert "stale" not in window.page.advice.text()

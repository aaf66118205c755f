"""A whole hot-seat game: nothing private of one side is on screen during the other's phase."""

from __future__ import annotations

import pytest
from uitest_driver import (
    GENEVA,
    click,
    handover_up,
    leaks,
    play_step,
    private_texts,
    visible_texts,
    wait_for_human,
)

from game.text import red_line_words
from game.ui.dialogs import GameConfig


def advice_leaks(win, advice: dict[str, set[str]], other: str, me: str) -> list[str]:
    """The other side's advice (what its advisers told it alone) visible now."""
    shown = "\n".join(visible_texts(win))
    return [a for a in advice[other] - advice.get(me, set()) if a in shown]


@pytest.mark.slow  # a whole hot-seat game driven through the window
def test_hot_seat_game_never_shows_the_other_sides_secrets(window, qtbot):
    # (a seed whose game gives one side advice the other does not get, so the checks bite: the
    # last line of the test; seed 5 stopped doing so when play changed in issue 13)
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=6, lang="en"))
    scenario = window.session.scenario
    handovers = 0
    phases = {"us": 0, "china": 0}
    #: what each side's advisers told it ("Ask your advisers": private to that side)
    advice: dict[str, set[str]] = {"us": set(), "china": set()}
    steps = 0
    while not window.session.over:
        wait_for_human(window, qtbot)
        if window.session.over:
            break
        if handover_up(window):
            handovers += 1
            side = window.handover.side
            # the hand-over screen shows nothing private of either side — nor any advice
            for s in scenario.side_ids:
                assert not leaks(window, scenario, s), f"hand-over screen shows {s}'s secrets"
                assert not advice_leaks(window, advice, s, ""), f"hand-over screen shows {s}'s advice"
            assert not window.page.advice.text()
            assert f"Pass to the {scenario.side(side).name.en} delegation" in window.handover.title.text()  # type: ignore[union-attr]
            click(qtbot, window.handover.button)
            continue
        me = window.controller.shown_side
        other = scenario.other(me)
        phases[me] += 1
        # my own briefing is on screen, the other side's is not, nor its advisers' words
        shown = "\n".join(visible_texts(window))
        state = window.session.game.state
        assert private_texts(scenario, me, state)[0] in shown  # the summary
        # with priors (rule 7.3) its draw too: its red lines at their drawn levels, its weights
        drawn = state.briefings[me]
        assert all(red_line_words(scenario, r, "en") in shown for r in drawn.red_lines)
        assert all(f"{o.text.en} (weight {o.weight:g})" in shown for o in drawn.objectives)
        assert not leaks(window, scenario, other), f"{other}'s secrets on screen during {me}'s phase"
        assert not advice_leaks(window, advice, other, me), f"{other}'s advice on screen during {me}'s phase"
        assert not window.page.advice.isVisible(), "advice carried over from another moment"
        # I ask my advisers (off the GUI thread); the answer is mine alone
        click(qtbot, window.page.advice_btn)
        qtbot.waitUntil(lambda: window.page.advice.text().startswith("Advisers:"), timeout=20_000)
        assert window.page.advice.isVisible()
        advice[me].add(window.page.advice.text())
        play_step(window, qtbot, propose_from_turn=2, accept_from_turn=3)
        steps += 1
        assert steps < 400
    assert handovers >= 4
    assert phases["us"] > 0 and phases["china"] > 0
    # the advice said something to one side it did not say to the other (so the checks above had
    # teeth; which side gets the unique line moves with the play, so either will do)
    assert advice["us"] ^ advice["china"]
    qtbot.waitUntil(lambda: window.debrief is not None and window.debrief.isVisible(), timeout=10_000)

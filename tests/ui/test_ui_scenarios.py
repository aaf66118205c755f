"""Every bundled scenario opens in the window, plays a turn and reaches its debrief."""

from __future__ import annotations

from pathlib import Path

import pytest
from uitest_driver import GENEVA, click, wait_for_human

from game.engine import EndTalks
from game.scenario.loader import load_scenario
from game.ui.dialogs import GameConfig

SCENARIOS = sorted((GENEVA.parent).glob("*.yaml"))


@pytest.mark.slow  # a whole game in the window per scenario
@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_plays_in_the_window(window, qtbot, path: Path) -> None:
    scenario = load_scenario(path)
    side = scenario.side_ids[-1]
    window.start_game(GameConfig(path, side, "ai", "pragmatist", "easy", 3, "en"))
    for _ in range(6):  # a turn or so: orders, then pass at the table
        wait_for_human(window, qtbot)
        if window.session.over:
            break
        v = window.controller.view()
        if v.phase == "orders":
            click(qtbot, window.page.end_btn)
        elif v.pending_offer is not None and v.pending_offer.side != side:
            click(qtbot, window.page.table.reject_btn)
        else:
            window.act(EndTalks(side=side))
    wait_for_human(window, qtbot)
    if not window.session.over:
        assert window.session.game.state.turn >= 2
        assert window.page.meters.cells  # the meters rendered
        window.walk_out(confirm=False)
    qtbot.waitUntil(lambda: window.debrief is not None and window.debrief.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window.debrief.zopa is not None, timeout=30_000)

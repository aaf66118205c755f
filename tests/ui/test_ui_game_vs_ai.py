"""A whole Geneva game played through the window against the AI."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from uitest_driver import GENEVA, play_step, visible_texts, wait_for_human

from game.reasons_text import offer_text
from game.ui.dialogs import GameConfig


@pytest.mark.slow  # a whole game driven through the window
@pytest.mark.parametrize(
    ("side", "style", "seed"),
    [("us", "pragmatist", 7), ("china", "hardliner", 11)],
)
def test_whole_geneva_game_against_the_ai(window, qtbot, tmp_path, side, style, seed):
    window.start_game(GameConfig(GENEVA, side, "ai", style, "normal", seed, "en"))
    assert window.windowTitle().startswith("Tariff Talks")
    notes_seen = False
    actions = 0
    while not window.session.over:
        wait_for_human(window, qtbot)
        if window.session.over:
            break
        play_step(window, qtbot)
        actions += 1
        assert actions < 400, "the game does not end"
        sc = window.session.scenario
        ai_notes = [offer_text(sc, o) for o in window.session.game.state.offers if o.side != side and o.reasons]
        if ai_notes and window.controller.view() is not None:
            history = window.page.table.history.toPlainText()
            notes_seen = notes_seen or any(n in history for n in ai_notes)
    state = window.session.game.state
    assert state.phase == "over"
    assert state.end_reason is not None
    # the AI explained itself in the history of offers (when it made offers)
    if any(o.side != side and o.reasons for o in state.offers):
        assert notes_seen
    # the debrief took over the window
    qtbot.waitUntil(lambda: window.debrief is not None and window.debrief.isVisible(), timeout=10_000)
    debrief = window.debrief
    tier = window.session.game.outcome()
    assert debrief.tier_label.text() == tier.name.en  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: debrief.zopa is not None, timeout=20_000)
    texts = "\n".join(visible_texts(window))
    # both briefings are revealed now
    for s in ("us", "china"):
        assert window.session.scenario.briefings[s].red_lines[0].text.en in texts  # type: ignore[union-attr]
    assert "145% → 30%" in texts  # the comparison with 2025
    png = debrief.export(tmp_path / "debrief.png")
    pdf = debrief.export(tmp_path / "debrief.pdf")
    assert png.stat().st_size > 10_000
    assert pdf.read_bytes()[:5] == b"%PDF-"
    # there are meter charts for both sides
    from PySide6.QtCharts import QChartView

    assert len(debrief.findChildren(QChartView)) >= 12
    assert isinstance(debrief, QWidget)

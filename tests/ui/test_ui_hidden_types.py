"""Rule 7.3 in the window: the briefing panel's "What you know of them" shows the other side's
prior (never its draw), and the debrief reveals both draws and where each fell in its prior."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from game.ai import make_ai
from game.engine.rules import Rules
from game.hidden_text import prior_rows, reveal_rows
from game.scenario.loader import load_scenario_text
from game.scenario.models import Scenario
from game.session import Session
from game.text import red_line_words
from game.ui.common import Ctx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from test_hidden_types import prior_text  # the engine tests' scenario with priors


@pytest.fixture(scope="module")
def hidden() -> Scenario:
    return load_scenario_text(prior_text(), "geneva-priors.yaml")


def _cells(host: QWidget, columns: int) -> list[list[str]]:
    """The texts of a grid of labels, row by row, below its header row."""
    grid = host.layout()
    assert isinstance(grid, QGridLayout)
    return [
        [grid.itemAtPosition(r, c).widget().text() for c in range(columns)] for r in range(1, grid.rowCount())
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rule_7_3_the_briefing_panel_shows_the_others_prior_only(qtbot, hidden: Scenario, lang: str) -> None:
    from game.ui.panels.briefing import BriefingPanel

    session = Session.new(hidden, {s: make_ai("pragmatist", "normal") for s in hidden.side_ids}, seed=3)
    us, china = hidden.side_ids
    v = session.game.view(china)
    panel = BriefingPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.refresh(Ctx(view=v, rules=Rules(v.scenario), lang=lang, can_act=True))
    panel.show()
    host = panel.findChild(QWidget, "knownTable")
    assert host is not None
    # one item a row: its name (an objective's or red line's text), then what is known of it
    items = [host.layout().itemAt(k).widget() for k in range(host.layout().count())]
    labels = [w for w in items if w is not None]  # (between the items: spacing)
    names = [lab.text() for lab in labels if lab.objectName() == "knownWhat"]
    known = [lab.text() for lab in labels if lab.objectName() == "knownValue"]
    want = [[r.what, r.known] for r in prior_rows(v.scenario, hidden.briefings[us], lang)]
    assert [list(pair) for pair in zip(names, known, strict=True)] == want
    prior = hidden.briefings[us]
    assert len(want) == len(prior.objectives) + len(prior.red_lines) + 2  # + walk-away, faction
    if lang == "en":  # a red line drawn from a range: its comparison and the range, not the draw
        fentanyl = next(r for r in prior.red_lines if r.instrument == "us_tariff_fentanyl")
        assert [fentanyl.text.en, "Floor on US fentanyl tariff on China: between 5% and 15%"] in want
        growth = prior.objectives[0]  # weight one of 1, 3, 5 (weighted), target 2.0 to 3.0
        assert [
            growth.text.en,
            "Weight one of 1 (25%), 3 (50%) or 5 (25%) · target between 2.00 and 3.00",
        ] in want
    assert [r[0] for r in want[: len(prior.objectives)]] == [
        o.text.en if lang == "en" else o.text.zh for o in prior.objectives
    ]
    drawn = session.game.state.briefings[us]
    assert drawn.walk_away != hidden.briefings[us].walk_away
    shown = " ".join(lab.text() for lab in panel.findChildren(QLabel))
    assert f"{drawn.walk_away:g}" not in shown  # the US draw is never on China's screen
    assert "35" in shown or "20" in shown  # the prior is


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rule_7_3_the_debrief_reveals_both_draws(qtbot, hidden: Scenario, lang: str) -> None:
    from game.ui.debrief import DebriefPage

    session = Session.new(hidden, {s: make_ai("pragmatist", "normal") for s in hidden.side_ids}, seed=3)
    session.play_to_end()
    page = DebriefPage(session, lang)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    tables = page.findChildren(QWidget, "hiddenTypeTable")
    assert len(tables) == 2
    state = session.game.state
    for table, side in zip(tables, hidden.side_ids, strict=True):
        want = [
            [r.what, r.drawn, r.prior, r.where]
            for r in reveal_rows(hidden, hidden.briefings[side], state.briefings[side], lang)
        ]
        assert _cells(table, 4) == want
        assert want  # every side here has a prior
    # each side's red lines with the levels it drew (the texts do not say them)
    shown = [lab.text() for lab in page.findChildren(QLabel) if lab.objectName() == "redLine"]
    for side in hidden.side_ids:
        for rl in state.briefings[side].red_lines:
            assert "✗ " + red_line_words(hidden, rl, lang) in shown
    us = hidden.side_ids[0]
    walk = next(
        r for r in reveal_rows(hidden, hidden.briefings[us], state.briefings[us], lang) if "20" in r.prior
    )
    assert walk.drawn == f"{state.briefings[us].walk_away:g}"


def test_rule_7_3_the_exported_debrief_reveals_both_draws(qtbot, hidden: Scenario) -> None:
    import html

    from game.ui import report

    session = Session.new(hidden, {s: make_ai("hardliner", "normal") for s in hidden.side_ids}, seed=4)
    session.play_to_end()
    doc = html.unescape(report.build_html(session, "en"))
    state = session.game.state
    for side in hidden.side_ids:
        rows = reveal_rows(hidden, hidden.briefings[side], state.briefings[side], "en")
        assert rows
        for r in rows:
            for cell in (r.what, r.drawn, r.prior, r.where):
                assert cell in doc
    # no priors, no reveal
    fixed = load_scenario_text(
        (Path(__file__).resolve().parents[1] / "engine" / "data" / "geneva-fixed.yaml").read_text(
            encoding="utf-8"
        )
    )
    plain = Session.new(fixed, {s: make_ai("hardliner", "normal") for s in fixed.side_ids}, seed=4)
    plain.play_to_end()
    assert report.hidden_type_rows(plain, fixed.side_ids[0], "en") == []
    assert "Hidden type" not in report.build_html(plain, "en")


def test_the_briefing_panel_scrolls_its_whole_contents(qtbot, tmp_path, monkeypatch) -> None:
    """In a new window at 1366×768 (sized before it shows, as the game starts), Geneva's
    briefing with the "What you know" card is taller than the panel: it scrolls, its contents
    at their full height for the width (wrapped labels), no card squeezed into another. (The
    scroll area heard of its rebuilt contents' height only when something else resized it.)"""
    from uitest_driver import GENEVA, wait_for_human

    from game.ui.dialogs import GameConfig
    from game.ui.main_window import MainWindow

    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path))
    win = MainWindow("en")
    qtbot.addWidget(win)
    win.min_think_ms = 0
    win.resize(1366, 768)
    win.show()
    try:
        win.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 2, "en"))
        wait_for_human(win, qtbot)
        qtbot.wait(200)
        _check_scrolls(win.page.briefing, qtbot)
    finally:
        win.session.over or win.close()


def _check_scrolls(panel, qtbot) -> None:
    need = panel.inner.heightForWidth(panel.viewport().width())
    assert need > panel.viewport().height()
    qtbot.waitUntil(lambda: panel.inner.height() >= need - 1, timeout=5_000)
    assert panel.verticalScrollBar().maximum() > 0
    cards = [w for w in panel.inner.findChildren(QWidget, "card") if w.parent() is panel.inner]
    tops = sorted((c.geometry().top(), c.geometry().bottom()) for c in cards)
    assert len(tops) >= 4 and all(a[1] < b[0] for a, b in itertools.pairwise(tops))
    for c in cards:  # each card has at least the height its contents need
        assert c.height() >= c.layout().minimumSize().height()

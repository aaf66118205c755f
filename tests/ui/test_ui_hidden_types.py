"""Rule 7.3 in the window: the briefing panel's "What you know of them" shows the other side's
prior (never its draw), and the debrief reveals both draws and where each fell in its prior."""

from __future__ import annotations

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
    cells = _cells(host, 2)
    want = [[r.what, r.known] for r in prior_rows(v.scenario, hidden.briefings[us], lang)]
    assert cells == want
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

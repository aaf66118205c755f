"""More of the hot-seat secrecy audit (issue 11, independent review): paths the audit's
matrix does not walk — a window the main window opens and whose own menu reaches files,
a refusal left in the status bar over the hand-over, the rules' verdicts the panels ask for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from secrecy_kit import DialogAnswerer, press, scan, step_sliders, write_marker_scenario
from test_ui_secrecy import (
    Secrets,
    _us_orders_then_china_ready,
    ready,
    report,
    settle,
    shown,
    start,
    submit_orders,
)
from uitest_driver import click, handover_up, set_level, wait_for_human

from game.engine import SubmitOrders


@pytest.fixture
def marker_scenario(tmp_path) -> Path:
    """(``home``, a data folder of the test's own, is conftest's.)"""
    return write_marker_scenario(tmp_path / "geneva-markers.yaml")


def _visible_editors() -> list[object]:
    from game.ui.editor import ScenarioEditor

    return [e for e in QApplication.topLevelWidgets() if isinstance(e, ScenarioEditor) and e.isVisible()]


def test_new_scenario_during_chinas_phase_stays_closed(
    window, qtbot, monkeypatch, tmp_path, home, marker_scenario
) -> None:
    """Scenario ▸ New scenario… opened an editor during China's phase; its File ▸ Open…
    (Ctrl+O) then read the running game's scenario file, the US briefing in it."""
    secrets = Secrets()
    _us_orders_then_china_ready(window, qtbot, marker_scenario, secrets)
    answerer = DialogAnswerer(monkeypatch, tmp_path / "x.ttsave.json")
    answerer.open_path = marker_scenario  # what the player picks in any file dialog
    pats = secrets.patterns("us", 1)
    answerer.run(window.act_new_scenario.trigger, lambda: pats, "Scenario ▸ New scenario…")
    settle(window, qtbot)
    findings = answerer.findings + scan(pats, "New scenario")
    for ed in _visible_editors():
        findings.append("the scenario editor opened during China's phase")
        answerer.run(ed.act_open.trigger, lambda: pats, "the editor's File ▸ Open…")
        settle(window, qtbot)
        findings += answerer.findings + scan(pats, "the editor's File ▸ Open…")
        ed.confirm_on_close = False
        ed.close()
    assert not findings, report(findings)
    assert answerer.dialogs, "no message said why the editor does not open"
    assert "over" in window.statusBar().currentMessage()


def test_a_refused_submit_does_not_stay_in_the_status_bar_over_the_hand_over(
    window, qtbot, home, marker_scenario
) -> None:
    """Orders beyond the US's political capital, sent with Ctrl+Enter: the refusal
    ("… and you have N", the US's capital) stayed in the status bar for 8 s, through the
    hand-over and onto China's screen."""
    start(window, qtbot, marker_scenario)
    ready(window, qtbot)
    capital = window.controller.view().political_capital
    set_level(window, "us_tariff_reciprocal", 0.0, builder=False)
    set_level(window, "us_chip_controls", 0.0, builder=False)
    set_level(window, "us_entity_list", 0.0, builder=False)
    set_level(window, "us_de_minimis_end", 0.0, builder=False)
    set_level(window, "us_tariff_fentanyl", 0.0, builder=False)
    actions = len(window.session.game.actions)
    press(window, QKeySequence("Ctrl+Return"))
    settle(window, qtbot)
    said = window.statusBar().currentMessage()
    assert len(window.session.game.actions) == actions and f"you have {capital:.0f}" in said, said
    # the US puts its orders right and submits at once; China takes the computer
    submit_orders(window, qtbot, Secrets(), "us", 1)
    assert handover_up(window)
    assert f"you have {capital:.0f}" not in window.statusBar().currentMessage()
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    settle(window, qtbot)
    assert shown(window) == "china"
    assert f"you have {capital:.0f}" not in window.statusBar().currentMessage()


def test_the_rules_verdicts_the_panels_ask_for_are_only_the_shown_sides(
    window, qtbot, home, marker_scenario
) -> None:
    """The panels' checker is the one thing they get that reads the full game: asked about
    the other side's orders it answered with that side's political capital."""
    start(window, qtbot, marker_scenario)
    ready(window, qtbot)
    assert shown(window) == "us"
    china_capital = window.session.game.state.sides["china"].political_capital
    costly = SubmitOrders(
        side="china",
        moves={"cn_tariff_us": 0.0, "cn_rare_earth_licensing": 0.0, "cn_unreliable_entity": 0.0},
    )
    answer = window.page.orders.checker(costly) or ""
    assert f"{china_capital:.0f}" not in answer and "Wait for your turn" in answer
    own = SubmitOrders(
        side="us",
        moves={
            "us_tariff_reciprocal": 0.0,
            "us_chip_controls": 0.0,
            "us_entity_list": 0.0,
            "us_de_minimis_end": 0.0,
            "us_tariff_fentanyl": 0.0,
        },
    )
    assert "you have" in (window.page.orders.checker(own) or "")  # the side's own verdicts as before


def test_replay_of_an_unfinished_hot_seat_save_is_refused_while_another_game_runs(
    window, qtbot, monkeypatch, tmp_path, home, marker_scenario
) -> None:
    """A hot-seat game saved mid-turn (the US's orders in), then a game against the AI:
    Game ▸ Replay a saved game… on the hot-seat save showed the US's unresolved orders and
    both sides' capital, as `tariff-talks replay --step` does not."""
    from game.ui.dialogs import GameConfig
    from game.ui.replay import ReplayViewer

    secrets = Secrets()
    _us_orders_then_china_ready(window, qtbot, marker_scenario, secrets)
    save = tmp_path / "paused.ttsave.json"
    answerer = DialogAnswerer(monkeypatch, save)
    pats = secrets.patterns("us", 1)
    answerer.run(lambda: press(window, QKeySequence("Ctrl+S")), lambda: pats, "Ctrl+S")
    assert save.exists()
    window.start_game(GameConfig(marker_scenario, "china", "ai", seed=11, lang="en"))
    wait_for_human(window, qtbot)
    answerer.open_path = save
    answerer.dialogs = []
    answerer.run(window.act_replay.trigger, lambda: pats, "Game ▸ Replay a saved game…")
    settle(window, qtbot)
    findings = answerer.findings + scan(pats, "Replay a saved game")
    viewers = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReplayViewer) and w.isVisible()]
    for w in viewers:
        findings.append(f"a replay opened on {save.name}")
        findings += step_sliders(w, pats, "the replay")  # to its last turn: the US's orders
        w.close()
    assert not findings, report(findings)
    assert answerer.dialogs and "over" in window.statusBar().currentMessage()


def test_an_open_editor_hides_when_a_hot_seat_game_starts_and_says_why(window, qtbot, home) -> None:
    """The editor (a new scenario) is open when a hot-seat game starts: it hides, and the status
    bar says why — the first hand-over's clearing of the status bar used to wipe that line at once;
    it comes back once the game is over."""
    from uitest_driver import GENEVA, answer_box

    from game.ui.dialogs import GameConfig

    window.act_new_scenario.trigger()  # Scenario ▸ New scenario… (no game keeps secrets yet)
    ed = window.editor
    qtbot.waitExposed(ed)
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=3, lang="en"))
    wait_for_human(window, qtbot)
    assert handover_up(window) and not ed.isVisible()
    assert "editor is hidden" in window.statusBar().currentMessage()
    ready(window, qtbot)
    answer_box("Yes")  # "Walk out?"
    click(qtbot, window.page.walk_btn)
    qtbot.waitUntil(lambda: window.session.over, timeout=10_000)
    qtbot.waitUntil(ed.isVisible, timeout=10_000)
    ed.confirm_on_close = False
    ed.close()

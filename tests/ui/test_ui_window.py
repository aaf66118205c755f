"""The main window's chrome: startup, refusals, saves, accessibility, language, settings, help."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
)
from uitest_driver import GENEVA, click, visible_texts, visible_widgets, wait_for_human

from game.engine import Propose, Term
from game.ui.dialogs import GameConfig, NewGameDialog, TextDialog, how_to_play_html, rules_markdown


def start(window, qtbot, side: str = "us", lang: str = "en", seed: int = 1, opponent: str = "ai") -> None:
    window.start_game(GameConfig(GENEVA, side, opponent, "pragmatist", "normal", seed, lang))
    wait_for_human(window, qtbot)


def test_app_opens_the_default_scenario_quickly(qtbot, qapp, monkeypatch, tmp_path) -> None:
    from game.ui.app import create_window
    from game.ui.main_window import settings

    settings().setValue("welcomed", True)  # a later start (the first one: test_ui_firstrun.py)
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path))  # no other test's unfinished game to resume
    win = create_window(None, "en")
    qtbot.addWidget(win)
    assert win.isVisible()
    assert win.windowTitle().startswith("Tariff Talks")
    qtbot.waitUntil(lambda: win.session is not None, timeout=30_000)
    assert win.session.scenario.meta.id == "geneva_2025"
    wait_for_human(win, qtbot)
    assert win.windowTitle().startswith("Tariff Talks — Geneva")
    assert win.page.isVisible()
    win.controller.stop()


def test_an_illegal_package_is_refused_with_its_rule(window, qtbot) -> None:
    start(window, qtbot)
    click(qtbot, window.page.end_btn)  # submit (empty) orders; the US opens the table on turn 1
    wait_for_human(window, qtbot)
    table = window.page.table
    ed = table.rows["us_chip_controls"].editor
    ed.combo.setCurrentIndex(ed.combo.findData(0.0))  # trading away the chip controls: a red line
    assert table.rows["us_chip_controls"].included
    assert "Rule 3.5" in table.builder_problem.text()
    click(qtbot, table.send_btn)
    assert window.page.banner.isVisible()
    assert "Rule 3.5" in window.page.banner.text()
    assert not window.session.game.state.offers  # nothing was played


def test_orders_over_budget_are_refused(window, qtbot) -> None:
    start(window, qtbot)
    orders = window.page.orders
    orders.editors["us_tariff_reciprocal"].spin.setValue(200)  # 75 steps x 0.2 = 15
    orders.editors["us_suspension"].spin.setValue(50)  # 10
    for iid in ("us_chip_controls", "us_entity_list", "us_de_minimis_end"):
        combo = orders.editors[iid].combo
        combo.setCurrentIndex(combo.findData(0.0))  # 6 + 4 + 3
    orders.editors["us_tariff_fentanyl"].spin.setValue(50)  # 6 steps x 0.5 = 3
    combo = orders.editors["us_consultation"].combo
    combo.setCurrentIndex(combo.findData(1.0))  # 2
    orders.statement.setCurrentIndex(orders.statement.findData("conciliatory"))  # 2
    orders.editors["us_tariff_reciprocal"].spin.setValue(0)  # 125 steps x 0.2 = 25 instead
    assert "Rule 2.4" in orders.problem.text()
    click(qtbot, window.page.end_btn)
    assert "Rule 2.4" in window.page.banner.text()
    assert window.session.game.state.sides["us"].orders is None


def test_save_and_open_round_trip(window, qtbot, tmp_path) -> None:
    pytest.importorskip("game.saves")
    from game.ui.main_window import saves_available

    if not saves_available():
        pytest.skip("game.saves is not built yet")
    start(window, qtbot, seed=9)
    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    window.act(Propose(side="us", terms=(Term(instrument="us_tariff_reciprocal", value=100),)))
    wait_for_human(window, qtbot)
    before = window.session.game.state_hash()
    n_actions = len(window.session.game.actions)
    path = tmp_path / "game.ttsave.json"
    assert window.save_to(path)
    assert window.open_from(path)
    wait_for_human(window, qtbot)
    assert len(window.session.game.actions) >= n_actions
    if len(window.session.game.actions) == n_actions:
        assert window.session.game.state_hash() == before
    assert window.config.opponent == "ai"
    assert window.controller.shown_side == "us"


def test_saves_missing_says_not_yet_available(window, qtbot, monkeypatch) -> None:
    import game.ui.main_window as mw

    shown = []
    monkeypatch.setattr(mw, "saves_available", lambda: False)
    monkeypatch.setattr(mw.MainWindow, "saves_not_yet_available", lambda self: shown.append(True))
    window.act_save.trigger()
    window.act_open.trigger()
    assert shown == [True, True]


INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QTextEdit, QAbstractItemView)


def interactive_controls(root: QWidget) -> list[QWidget]:
    out = []
    for w in visible_widgets(root):
        if not isinstance(w, INTERACTIVE):
            continue
        parent = w.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            continue  # the editor's own internal line edit / list
        if w.metaObject().className() in (
            "QScrollBar",
            "QTabBar",
            "QToolBarExtension",
            "QMenuBar",
            "QHeaderView",
        ):
            continue
        out.append(w)
    return out


@pytest.mark.parametrize("tab", [0, 1])
def test_every_control_is_named_and_reachable_by_keyboard(window, qtbot, tab) -> None:
    start(window, qtbot)
    if tab == 1:
        click(qtbot, window.page.end_btn)
        wait_for_human(window, qtbot)
    window.page.tabs.setCurrentIndex(tab)
    qtbot.wait(20)
    controls = interactive_controls(window)
    assert len(controls) > 20
    unnamed = [
        f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}" for w in controls if not w.accessibleName()
    ]
    assert not unnamed, f"controls without an accessible name: {unnamed}"

    def tab_reachable(w: QWidget) -> bool:
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return True
        # a table of editors (the proposal builder) is reached through its cell widgets
        return isinstance(w, QAbstractItemView) and any(
            c.focusPolicy() & Qt.FocusPolicy.TabFocus for c in w.viewport().findChildren(QWidget)
        )

    no_tab = [w.accessibleName() for w in controls if not tab_reachable(w)]
    assert not no_tab, f"controls out of the Tab order: {no_tab}"
    # and Tab really walks there: from the first control, End turn is reached
    controls[0].setFocus()
    seen = set()
    for _ in range(400):
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
        seen.add(window.focusWidget())
        if window.page.end_btn in seen:
            break
    assert window.page.end_btn in seen


def test_chinese_window_and_back(window, qtbot) -> None:
    start(window, qtbot, lang="zh")
    texts = "\n".join(visible_texts(window))
    assert "游戏(&G)" in [a.text() for a in window.menuBar().actions()]
    assert "美国代表团" in texts  # the briefing's title
    assert "2025年5月日内瓦" in texts  # the scenario's Chinese title
    assert "提交命令" in window.page.end_btn.text()
    start(window, qtbot, lang="en")
    assert "&Game" in [a.text() for a in window.menuBar().actions()]
    assert "Submit orders" in window.page.end_btn.text()


def test_meter_says_why_it_moved(window, qtbot) -> None:
    start(window, qtbot)
    from game.engine import EndTalks

    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    window.act(EndTalks(side="us"))  # the turn resolves
    wait_for_human(window, qtbot)
    btn, _spark = window.page.meters.cells["us.growth_pct"]
    click(qtbot, btn)
    why = window.page.meters.why.text()
    assert "Growth outlook" in why
    assert "Last turn:" in why
    assert "Why it moved:" in why or "No economic cause" in why
    assert btn.toolTip() == why


def test_walk_out_ends_in_the_debrief(window, qtbot) -> None:
    start(window, qtbot)
    window.walk_out(confirm=False)
    qtbot.waitUntil(lambda: window.debrief is not None and window.debrief.isVisible(), timeout=10_000)
    assert window.session.game.state.end_reason == "walk_out"
    assert window.debrief.tier_label.text() == "Collapse"


def test_theme_switch_and_settings_are_remembered(window, qtbot) -> None:
    start(window, qtbot)
    window.set_theme("dark")
    assert window.palette().color(window.backgroundRole()).lightness() < 128
    window.set_theme("light")
    assert window.palette().color(window.backgroundRole()).lightness() > 128
    window.resize(1400, 820)
    window.close()
    from game.ui.main_window import MainWindow, settings

    assert settings().value("theme") == "light"
    geometry = settings().value("geometry")
    assert geometry
    again = MainWindow("en")  # restores it (the offscreen screen clamps the size, so compare the bytes)
    qtbot.addWidget(again)
    assert again.restoreGeometry(geometry)


def test_new_game_dialog_lists_bundled_and_own_scenarios(qtbot, qapp, tmp_path, monkeypatch) -> None:
    import game.ui.dialogs as dialogs

    own = tmp_path / "scenarios"
    own.mkdir()
    shutil.copy(GENEVA, own / "my-geneva.yaml")
    (own / "broken.yaml").write_text("meta: [this is not a scenario\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "user_scenario_dir", lambda: own)
    dlg = NewGameDialog(lang="en")
    qtbot.addWidget(dlg)
    names = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    assert any("145% standoff" in n and "(yours)" not in n for n in names)
    assert any("(yours)" in n for n in names)
    broken = next(i for i, e in enumerate(dlg.entries) if e.path.name == "broken.yaml")
    assert not (dlg.list.item(broken).flags() & Qt.ItemFlag.ItemIsEnabled)
    assert dlg.entries[broken].error
    dlg.list.setCurrentRow(0)
    assert "Dates" in dlg.details.toPlainText() and "Difficulty" in dlg.details.toPlainText()
    dlg.side.setCurrentIndex(dlg.side.findData("china"))
    dlg.vs_human.setChecked(True)
    dlg.seed.setText("42")
    dlg.language.setCurrentIndex(dlg.language.findData("zh"))
    assert "日内瓦" in dlg.details.toPlainText() or "2025" in dlg.details.toPlainText()
    cfg = dlg.config()
    assert cfg is not None
    assert (cfg.side, cfg.opponent, cfg.seed, cfg.lang) == ("china", "hotseat", 42, "zh")
    assert not dlg.ai_style.isEnabled()


def test_help_texts(qtbot, qapp) -> None:
    guide = TextDialog("How to play", html_text=how_to_play_html())
    qtbot.addWidget(guide)
    assert "Hot-seat" in guide.browser.toPlainText()
    rules = TextDialog("Rules", markdown=rules_markdown())
    qtbot.addWidget(rules)
    assert "2.4" in rules.browser.toPlainText()

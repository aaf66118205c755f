"""The orders form, the meters' "why did this move?", the briefing panel, and opening
another scenario from a running game — driven as a person would (issue 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QListWidget, QWidget
from uitest_driver import GENEVA, answer_box, click, handover_up, wait_for_human

from game.engine import Accept, SubmitOrders
from game.saves import read_save_info
from game.scenario.loader import load_scenario
from game.scenario.models import tr
from game.text import describe_news
from game.ui.dialogs import GameConfig, NewGameDialog
from game.ui.panels import why_text

TUTORIAL = GENEVA.parent / "tutorial.yaml"


# ------------------------------------------------------------------ helpers
def ready(win, qtbot) -> None:
    """Hot-seat: the delegation whose turn it is takes the computer and presses Ready."""
    wait_for_human(win, qtbot)
    assert handover_up(win), "expected the hand-over screen"
    click(qtbot, win.handover.button)
    wait_for_human(win, qtbot)


def submit(win, qtbot) -> None:
    """Press the primary button (Submit orders / End turn) and wait for the game to move."""
    click(qtbot, win.page.end_btn)
    wait_for_human(win, qtbot)


def type_into(qtbot, spin, text: str) -> None:
    """Click into a spin box, select what is there and type ``text`` (focus stays in the box)."""
    line = spin.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, text)


def focus(win) -> QWidget | None:
    return QApplication.focusWidget()


def choose_in_new_game_dialog(title: str, *, hotseat: bool | None = None) -> None:
    """When Game ▸ New game… shows its dialog, pick the scenario ``title`` and start (as a person would)."""

    def poll(left: int) -> None:
        dlg = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, NewGameDialog) and w.isVisible()),
            None,
        )
        if dlg is None:
            if left > 0:
                QTimer.singleShot(25, lambda: poll(left - 1))
            return
        lst: QListWidget = dlg.list
        row = next(i for i in range(lst.count()) if lst.item(i).text() == title)
        rect = lst.visualItemRect(lst.item(row))
        QTest.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        if hotseat is not None:
            QTest.mouseClick(dlg.vs_human if hotseat else dlg.vs_ai, Qt.MouseButton.LeftButton)
        ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: poll(400))


def get_to(win, qtbot, state: str) -> None:
    """A Geneva game in one of the states a player may open another scenario from."""
    opponent = "hotseat" if state == "handover" else "ai"
    win.start_game(GameConfig(GENEVA, "us", opponent, "pragmatist", "easy", 11, "en"))
    wait_for_human(win, qtbot)
    if state == "orders":
        assert win.controller.view().phase == "orders"
    elif state == "table":
        submit(win, qtbot)
        assert win.controller.view().phase == "table"
    elif state == "handover":
        ready(win, qtbot)
        submit(win, qtbot)  # the US has given its orders: "Pass to the China delegation"
        assert handover_up(win) and win.handover.side == "china"
    elif state == "over":
        win.walk_out(confirm=False)
        qtbot.waitUntil(lambda: win.debrief is not None and win.debrief.isVisible(), timeout=20_000)


def assert_plays_the_tutorial(win, qtbot, side: str = "us") -> None:
    """The window shows the tutorial, the autosave holds it, and Submit works."""
    tutorial = load_scenario(TUTORIAL)
    assert win.session.scenario.meta.id == "tutorial"
    wait_for_human(win, qtbot)
    if handover_up(win):
        ready(win, qtbot)
    page = win.page
    assert win.stack.currentWidget() is page
    assert page.title.text() == tr(tutorial.meta.title, "en")
    mine = [i.id for i in tutorial.instruments if i.owner == side and i.player_controlled]
    assert list(page.orders.editors) == mine
    assert list(win.page.table.rows) == [
        i.id for i in tutorial.instruments if i.player_controlled and i.owner == side
    ] + [i.id for i in tutorial.instruments if i.player_controlled and i.owner != side]
    assert win.st_turn.text() == f"Turn 1 of {tutorial.end.deadline_turns}"
    qtbot.waitUntil(lambda: not win.render_pending())
    assert set(page.meters.cells) and page.briefing.gauges
    first_obj = tutorial.briefings[side].objectives[0].id
    assert "obj:" + first_obj in page.briefing.gauges
    v = win.controller.view()
    news = [page.news.list.item(i).text() for i in range(page.news.list.count())]
    assert [n for n in news if n.startswith("• ")] == [
        "• " + describe_news(v.scenario, n, "en") for n in v.news
    ]
    win.autosave.wait()
    assert read_save_info(win.autosave.saver.path).scenario_id == "tutorial"
    # Submit does something: the orders are in
    page.tabs.setCurrentIndex(0)
    click(qtbot, page.end_btn)
    qtbot.waitUntil(
        lambda: any(isinstance(a, SubmitOrders) and a.side == side for a in win.session.game.actions),
        timeout=10_000,
    )


# ------------------------------------------------------------- 1. open a scenario from any state
@pytest.mark.parametrize("state", ["orders", "table", "handover", "over"])
def test_open_scenario_file_from_any_state(window, qtbot, monkeypatch, state: str) -> None:
    get_to(window, qtbot, state)
    old_game = window.session.game
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(TUTORIAL), ""))
    window.act_open_scenario.trigger()  # Scenario ▸ Open scenario file… → tutorial.yaml
    assert window.session.game is not old_game
    assert window.debrief is None
    assert_plays_the_tutorial(window, qtbot)


@pytest.mark.parametrize("state", ["orders", "handover"])
def test_new_game_tutorial_from_a_running_game(window, qtbot, state: str) -> None:
    get_to(window, qtbot, state)
    tutorial = load_scenario(TUTORIAL)
    choose_in_new_game_dialog(tr(tutorial.meta.title, "en"))
    window.act_new.trigger()  # Game ▸ New game… → Tutorial
    assert_plays_the_tutorial(window, qtbot)


# ------------------------------------------------------------------- 2. warn before a breach
def sign_truce(win, qtbot) -> None:
    """Hot-seat Geneva, turn 1: no orders; the US proposes a truce at the table and China accepts."""
    win.start_game(GameConfig(GENEVA, "us", "hotseat", "pragmatist", "easy", 5, "en"))
    ready(win, qtbot)
    submit(win, qtbot)  # US orders: none
    ready(win, qtbot)
    submit(win, qtbot)  # China's orders: none
    ready(win, qtbot)
    assert win.controller.view().phase == "table" and win.controller.shown_side == "us"
    table = win.page.table
    win.page.tabs.setCurrentIndex(1)
    for iid in ("us_tariff_reciprocal", "cn_tariff_us"):
        type_into(qtbot, table.rows[iid].editor.spin, "34")
    assert table.rows["us_tariff_reciprocal"].included
    click(qtbot, table.send_btn)
    wait_for_human(win, qtbot)
    ready(win, qtbot)  # China
    assert win.check_action(Accept(side="china")) is None
    click(qtbot, table.accept_btn)
    wait_for_human(win, qtbot)
    ready(win, qtbot)  # turn 2, the US gives its orders
    v = win.controller.view()
    assert v.turn == 2 and v.phase == "orders" and len(v.active_agreements) == 1
    assert v.levels["us_tariff_reciprocal"] == 34.0


def test_orders_that_breach_an_agreement_say_so_and_ask(window, qtbot) -> None:
    sign_truce(window, qtbot)
    orders = window.page.orders
    ed = orders.editors["us_tariff_reciprocal"]
    trust = window.controller.view().shared["trust_pct"]
    type_into(qtbot, ed.spin, "50")
    # the form says it at once, as the orders are drafted
    warning = orders.breach.text()
    assert "US reciprocal tariff on China at most 34%" in warning and "your order: 50%" in warning
    assert f"Cost: 25 trust (from {trust:.0f} to {max(0, trust - 25):.0f}" in warning
    assert orders.breach.isVisible()

    # Submit → the question; No goes back to the form with nothing lost
    seen: list[str] = []
    answer_box("No", box_name="breachWarning", seen=seen)
    click(qtbot, window.page.end_btn)
    qtbot.waitUntil(lambda: bool(seen))
    assert "These orders breach an agreement in force." in seen[0]
    assert "The agreement signed on turn 1 holds US reciprocal tariff on China at most 34%" in seen[0]
    assert "25 trust" in seen[0] and "10 of your political capital" in seen[0]
    assert "China delegation's commitments in it snap back (China's tariff on US goods)" in seen[0]
    assert window.session.game.state.sides["us"].orders is None
    assert window.stack.currentWidget() is window.page and ed.value() == 50.0 and ed.isEnabled()

    # Submit again → Yes submits the breach
    seen.clear()
    answer_box("Yes", box_name="breachWarning", seen=seen)
    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    assert seen
    assert window.session.game.state.sides["us"].orders == {"us_tariff_reciprocal": 50.0}
    # the turn resolves: the engine finds the breach the form announced
    ready(window, qtbot)
    submit(window, qtbot)  # China's orders; China opens the table on even turns
    while window.session.game.state.turn == 2:
        if handover_up(window):
            ready(window, qtbot)
            continue
        v = window.controller.view()
        assert v.phase == "table"
        if v.pending_offer is not None and v.pending_offer.side != v.side:
            click(qtbot, window.page.table.reject_btn)
        else:
            click(qtbot, window.page.end_btn)
        wait_for_human(window, qtbot)
    ag = window.session.game.state.agreements[0]
    assert ag.status == "breached" and ag.breached_by == "us"


def test_orders_within_the_agreement_submit_without_a_question(window, qtbot) -> None:
    sign_truce(window, qtbot)
    ed = window.page.orders.editors["us_tariff_reciprocal"]
    type_into(qtbot, ed.spin, "30")  # easing further than agreed is never a breach
    assert window.page.orders.breach.text() == ""
    seen: list[str] = []
    answer_box("No", box_name="breachWarning", seen=seen, tries=8)
    click(qtbot, window.page.end_btn)
    wait_for_human(window, qtbot)
    assert not seen
    assert window.session.game.state.sides["us"].orders == {"us_tariff_reciprocal": 30.0}


# ---------------------------------------------------------------------------- 3. stale panels
def test_why_did_this_move_follows_the_turn(window, qtbot) -> None:
    window.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "easy", 3, "en"))
    wait_for_human(window, qtbot)
    qtbot.waitUntil(lambda: not window.render_pending())
    meters = window.page.meters
    btn, _spark = meters.cells["us.growth_pct"]
    click(qtbot, btn)
    v1 = window.controller.view()
    first = meters.why.text()
    assert first == why_text(v1, "us.growth_pct", "growth_pct", "us", "en")
    while window.controller.view().turn < 3:  # two turns go by
        v = window.controller.view()
        if v.phase == "orders":
            submit(window, qtbot)
        elif v.pending_offer is not None and v.pending_offer.side != v.side:
            click(qtbot, window.page.table.reject_btn)
            wait_for_human(window, qtbot)
        else:
            submit(window, qtbot)
        assert not window.session.over
    qtbot.waitUntil(lambda: not window.render_pending())
    now = window.controller.view()
    shown = meters.why.text()
    assert shown == why_text(now, "us.growth_pct", "growth_pct", "us", "en")
    assert shown != first and "Last turn:" in shown
    assert btn.toolTip() == shown


def test_a_new_games_first_hand_over_shows_its_own_turn(window, qtbot) -> None:
    window.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "easy", 3, "en"))
    wait_for_human(window, qtbot)
    while window.controller.view().turn < 2:
        v = window.controller.view()
        if v.pending_offer is not None and v.pending_offer.side != v.side:
            click(qtbot, window.page.table.reject_btn)
            wait_for_human(window, qtbot)
        else:
            submit(window, qtbot)
    assert window.st_turn.text() == "Turn 2 of 13"
    tutorial = load_scenario(TUTORIAL)
    choose_in_new_game_dialog(tr(tutorial.meta.title, "en"), hotseat=True)
    window.act_new.trigger()
    wait_for_human(window, qtbot)
    assert handover_up(window)
    assert window.st_turn.text() == f"Turn 1 of {tutorial.end.deadline_turns}"
    assert window.st_date.text() == tutorial.meta.start_date.isoformat()
    assert "2 more turns" not in window.st_deadline.text()
    assert f"{tutorial.end.deadline_turns - 1} more turns" in window.st_deadline.text()


# ------------------------------------------------------------------ 4. typing counts at once
def test_a_typed_level_counts_at_every_keystroke_and_tab_leaves(window, qtbot) -> None:
    window.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "easy", 3, "en"))
    wait_for_human(window, qtbot)
    orders = window.page.orders
    rules = window.session.game.rules
    ed = orders.editors["us_tariff_reciprocal"]
    ins = rules.instruments["us_tariff_reciprocal"]
    start = window.controller.view().levels[ins.id]
    type_into(qtbot, ed.spin, "115")
    assert focus(window) is ed.spin  # still typing: focus has not left
    cost = rules.move_cost(ins, start, 115.0)
    assert cost > 0
    assert orders.costs[ins.id].text() == f"{cost:.1f}"
    assert f"These orders cost {cost:.1f}" in orders.total.text()
    assert orders.moves() == {ins.id: 115.0}
    # Tab moves on to the next row's level editor
    QTest.keyClick(focus(window), Qt.Key.Key_Tab)
    fentanyl = orders.editors["us_tariff_fentanyl"]
    assert focus(window) is fentanyl.spin
    # a level typed between steps counts as its step, and the box shows that step once typing is done
    assert fentanyl.ins.step == 5.0
    type_into(qtbot, fentanyl.spin, "32")
    assert fentanyl.value() == 30.0 and orders.moves()["us_tariff_fentanyl"] == 30.0
    QTest.keyClick(focus(window), Qt.Key.Key_Tab)
    assert fentanyl.spin.text() == "30 %" and focus(window) is not fentanyl.spin

    # the proposal builder: the what-if follows the typing too, and Tab leaves
    window.page.tabs.setCurrentIndex(1)
    table = window.page.table
    row = table.rows["us_tariff_reciprocal"]
    type_into(qtbot, row.editor.spin, "34")
    assert focus(window) is row.editor.spin
    assert row.included and row.editor.value() == 34.0
    assert "Computing the effect of your package" in table.preview_caption.text()
    QTest.keyClick(focus(window), Qt.Key.Key_Tab)  # to the next cell's editor: how long the term lasts
    assert row.editing("proposed") is None and focus(window) is row.editing("lasts") is not None


# ---------------------------------------------------------- 5. the submitted orders stay shown
def test_the_orders_form_shows_what_was_submitted_until_the_next_turn(window, qtbot, tmp_path) -> None:
    window.start_game(GameConfig(GENEVA, "us", "hotseat", "pragmatist", "easy", 5, "en"))
    ready(window, qtbot)
    orders = window.page.orders
    type_into(qtbot, orders.editors["us_tariff_reciprocal"].spin, "115")
    orders.statement.setFocus()
    orders.statement.setCurrentIndex(orders.statement.findData("firm"))
    qtbot.mouseClick(orders.message, Qt.MouseButton.LeftButton)
    QTest.keyClicks(orders.message, "No more free rides.")
    submit(window, qtbot)
    ready(window, qtbot)  # China
    submit(window, qtbot)
    ready(window, qtbot)  # the US at the table (it opens on odd turns)
    window.page.tabs.setCurrentIndex(0)
    qtbot.wait(20)
    ed = orders.editors["us_tariff_reciprocal"]
    assert ed.value() == 115.0 and not ed.isEnabled()
    assert (
        orders.editors["us_tariff_fentanyl"].value() == window.controller.view().levels["us_tariff_fentanyl"]
    )
    assert orders.statement.currentData() == "firm" and not orders.statement.isEnabled()
    assert orders.message.text() == "No more free rides." and orders.message.isReadOnly()
    assert "Your orders for this turn are in: US reciprocal tariff on China → 115%" in orders.intro.text()
    qtbot.wait(100)  # (let the tab's layout settle before the screenshot)
    window.grab().save(str(tmp_path / "submitted-orders.png"))
    # the next turn: a fresh form from the levels now
    submit(window, qtbot)  # End turn: the US gives its orders first on turn 2 (no hand-over)
    v = window.controller.view()
    assert window.controller.shown_side == "us"
    assert v.turn == 2 and v.phase == "orders"
    assert ed.value() == v.levels["us_tariff_reciprocal"] == 115.0 and ed.isEnabled()
    assert orders.statement.currentData() == "none" and orders.message.text() == ""
    assert not orders.message.isReadOnly()


# ------------------------------------------------------------------------ 6. nothing cut off
def clipped(root: QWidget) -> list[str]:
    """Visible labels inside ``root`` whose text does not fit them."""
    out = []
    for lab in root.findChildren(QLabel):
        if not lab.isVisible() or not lab.text() or lab.textFormat() == Qt.TextFormat.RichText:
            continue
        r = lab.contentsRect()
        if lab.wordWrap():
            if lab.heightForWidth(r.width() + 2 * lab.margin()) > lab.height() + 1:
                out.append(f"{lab.text()!r}: needs {lab.heightForWidth(r.width())}px, has {lab.height()}")
        else:
            need = max(lab.fontMetrics().horizontalAdvance(line) for line in lab.text().split("\n"))
            if need > r.width() + 1:
                out.append(f"{lab.text()!r}: needs {need}px wide, has {r.width()}")
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("side", ["us", "china"])
def test_briefing_and_orders_text_is_never_cut_off(window, qtbot, tmp_path, lang: str, side: str) -> None:
    window.start_game(GameConfig(GENEVA, side, "ai", "pragmatist", "easy", 3, lang))
    wait_for_human(window, qtbot)
    qtbot.waitUntil(lambda: not window.render_pending())
    window.resize(1366, 768)
    qtbot.wait(50)
    page = window.page
    window.grab().save(str(tmp_path / f"window-{lang}-{side}.png"))
    brief = page.briefing
    assert brief.widget().width() <= brief.viewport().width()  # nothing off to the right
    assert not clipped(brief), clipped(brief)
    assert not clipped(page.orders), clipped(page.orders)
    # a narrow middle column: long instrument names wrap onto more lines, and say themselves in full
    page.splitter.setSizes([300, 380, 686])
    qtbot.wait(50)
    window.grab().save(str(tmp_path / f"narrow-{lang}-{side}.png"))
    assert not clipped(page.orders), clipped(page.orders)
    names = page.orders.names
    assert any(lab.height() > lab.fontMetrics().height() * 1.5 for lab in names.values())  # some wrapped
    for iid, lab in names.items():
        assert lab.text() in lab.toolTip()
        assert lab.text() == tr(window.session.scenario.instrument(iid).name, lang)

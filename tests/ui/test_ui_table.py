"""The negotiation table, driven as a player would: the what-if preview follows what is in front of
the player, each answer is shown where the player looks, the builder says what a comprehensive deal
needs, the agreements in force are listed with their dates, the draft stays across turns and
hand-overs, past offers and the advisers' package load with one action, Space ticks a term,
refusals speak the player's words, and another scenario rebuilds the table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from uitest_driver import GENEVA, click, handover_up, set_duration, set_level, visible_texts, wait_for_human

from game.engine import Propose, Term
from game.engine.preview import preview_deltas
from game.scenario.models import tr
from game.text import format_level, instrument_name, side_possessive, side_subject
from game.ui import workers
from game.ui.dialogs import GameConfig

TUTORIAL = Path(GENEVA).parent / "tutorial.yaml"


def start(window, qtbot, opponent: str = "ai", lang: str = "en", seed: int = 6, path: Path = GENEVA) -> None:
    if lang != "en":
        from game.ui.i18n import set_language

        set_language(lang)
    window.start_game(GameConfig(path, "us", opponent, "pragmatist", "normal", seed, lang))
    ready(window, qtbot)


def ready(window, qtbot) -> None:
    """Until a human may act (past a hand-over screen, as the next player would)."""
    wait_for_human(window, qtbot)
    while handover_up(window):
        click(qtbot, window.handover.button)
        wait_for_human(window, qtbot)


def submit_orders(window, qtbot) -> None:
    assert window.controller.view().phase == "orders"
    click(qtbot, window.page.end_btn)
    ready(window, qtbot)


def table(window):
    window.page.tabs.setCurrentIndex(1)
    return window.page.table


def space_on(qtbot, box) -> None:
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=30_000)
    QTest.keyClick(box, Qt.Key.Key_Space)


def tick(qtbot, t, iid: str) -> None:
    """Select an instrument's row of the builder and press Space (as a player would)."""
    t.table.setCurrentIndex(t.table.model().index(t.rows[iid].row, 1))
    space_on(qtbot, t.table)


def plain(label) -> str:
    """What a rich-text label reads as."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def preview_shown(t) -> bool:
    return not t.preview_busy and t.preview_table.isVisible() and t.preview_table.rowCount() > 0


def preview_numbers(t) -> dict[str, list[str]]:
    tab = t.preview_table
    return {
        tab.item(r, 0).text(): [tab.item(r, c).text() for c in range(1, tab.columnCount())]
        for r in range(tab.rowCount())
    }


def build(window, qtbot, package: list[tuple[str, float, int]]) -> None:
    t = table(window)
    click(qtbot, t.reset_btn)
    for iid, value, dur in package:
        set_level(window, iid, value, builder=True)
        if dur:
            set_duration(window, iid, dur)


SMALL = [("us_tariff_reciprocal", 100.0, 4), ("cn_tariff_us", 100.0, 0)]  # not comprehensive: play goes on


# ----------------------------------------------------------------------------- preview
def test_preview_placeholder_follows_the_draft_and_recomputes_next_turn(window, qtbot):
    start(window, qtbot)
    t = table(window)
    # nothing ticked: a sentence, not an empty table headed "1 2 3"
    assert not t.preview_table.isVisible()
    assert "Tick terms" in t.preview_caption.text()
    headers = [t.preview_table.horizontalHeaderItem(c).text() for c in range(t.preview_table.columnCount())]
    assert "1" not in headers and headers[0] == "Meter"
    tick(qtbot, t, "cn_tariff_us")
    assert t.rows["cn_tariff_us"].included
    set_level(window, "cn_tariff_us", 60.0, builder=True)
    qtbot.waitUntil(lambda: preview_shown(t), timeout=20_000)
    headers = [t.preview_table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Meter", "United States", "China"]
    # untick: the numbers go, the placeholder is back
    tick(qtbot, t, "cn_tariff_us")
    assert not t.rows["cn_tariff_us"].included
    assert not t.preview_table.isVisible() and t.preview_table.rowCount() == 0
    assert "Tick terms" in t.preview_caption.text()
    # a draft kept into the next turn is previewed again from the new turn's levels
    tick(qtbot, t, "cn_tariff_us")
    qtbot.waitUntil(lambda: preview_shown(t), timeout=20_000)
    submit_orders(window, qtbot)  # the US opens the table on turn 1
    click(qtbot, window.page.end_btn)  # and ends it without an offer
    ready(window, qtbot)
    v = window.controller.view()
    assert v.turn == 2
    t = table(window)
    assert t.terms() == (Term(instrument="cn_tariff_us", value=60.0),)
    qtbot.waitUntil(lambda: preview_shown(t) and t._preview_key[1] == 2, timeout=20_000)
    expected = preview_deltas(window.session.rules, v, t.terms(), turns=t.PREVIEW_TURNS)
    shown = preview_numbers(t)
    growth = shown["Growth outlook %"]
    assert growth[0] == f"{expected['us']['growth_pct']:+,.2f}".replace("-", "−")


def test_preview_of_their_offer_goes_when_the_offer_is_answered(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    submit_orders(window, qtbot)  # US
    submit_orders(window, qtbot)  # China
    build(window, qtbot, SMALL)
    click(qtbot, table(window).send_btn)  # the US proposes; China's turn at the table
    ready(window, qtbot)
    t = table(window)
    assert window.controller.shown_side == "china" and not t.terms()
    qtbot.waitUntil(lambda: preview_shown(t), timeout=20_000)
    assert "their offer" in t.preview_caption.text()
    click(qtbot, t.reject_btn)
    ready(window, qtbot)
    t = table(window)
    if window.controller.shown_side == "china":
        assert window.controller.view().pending_offer is None
    assert not t.preview_table.isVisible() and "Tick terms" in t.preview_caption.text()


# ----------------------------------------------------------------------------- answers
def test_a_rejection_that_ends_the_turn_is_shown_with_who_and_in_the_status_bar(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    submit_orders(window, qtbot)
    submit_orders(window, qtbot)
    sc = window.session.scenario
    for _ in range(sc.end.exchanges_per_turn):  # offers back and forth: the last one of the turn
        build(window, qtbot, SMALL)
        click(qtbot, table(window).send_btn)
        ready(window, qtbot)
    assert window.controller.view().exchanges_left == 0
    click(qtbot, table(window).reject_btn)  # the last offer is rejected: the turn ends
    ready(window, qtbot)
    v = window.controller.view()
    assert v.turn == 2 and v.phase == "orders"
    t = table(window)
    shown = window.controller.shown_side
    last = window.session.game.state.offers[-1]
    other = sc.other(shown)
    said = (
        f"{side_subject(sc, other, start=True)} rejected your offer (turn 1)."
        if last.side == shown
        else f"You rejected {side_possessive(sc, other)} offer (turn 1)."
    )
    assert t.result.isVisible() and said in plain(t.result)
    assert said in window.statusBar().currentMessage()


def test_ai_answer_note_and_a_signed_deal_with_its_agreement_dates(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    sc = window.session.scenario
    submit_orders(window, qtbot)
    submit_orders(window, qtbot)
    build(window, qtbot, SMALL)
    t = table(window)
    assert "Not comprehensive yet" in plain(t.deal_rule)
    click(qtbot, t.send_btn)
    ready(window, qtbot)
    t = table(window)
    assert window.controller.shown_side == "china"
    click(qtbot, t.accept_btn)
    ready(window, qtbot)
    t = table(window)
    assert "accepted" in plain(t.result) and "the deal is signed" in plain(t.result)
    assert "✔" in plain(t.result)
    assert "the deal is signed" in window.statusBar().currentMessage()
    assert window.controller.shown_side == "us" and not t.terms()  # the signed package left the draft
    # the agreements in force, with their dates
    assert t.bottom.tabText(2) == "Agreements in force (1)"
    t.bottom.setCurrentIndex(2)
    text = t.agreements.toPlainText()
    ag = window.controller.view().active_agreements[0]
    start_date = sc.meta.start_date
    week = dt.timedelta(days=sc.meta.turn_days)
    signed = start_date + (ag.signed_turn - 1) * week
    assert f"Signed on turn {ag.signed_turn} ({signed.isoformat()}), proposed by the United States" in text
    recip = next(bt for bt in ag.terms if bt.instrument == "us_tariff_reciprocal")
    expiry = start_date + (recip.from_turn - 1 + 4) * week  # four turns in force, then it snaps back
    name = instrument_name(sc, "us_tariff_reciprocal")
    prior = format_level(sc, "us_tariff_reciprocal", recip.prior)
    assert f"{name}: 100%" in text
    assert f"expires {expiry.isoformat()}, then snaps back to {prior}" in text
    assert f"{instrument_name(sc, 'cn_tariff_us')}: 100% · from" in text and "to the end of the game" in text


def test_the_ai_explains_its_answer_at_the_top(window, qtbot):
    start(window, qtbot)
    submit_orders(window, qtbot)
    t = table(window)
    build(
        window, qtbot, [("cn_tariff_us", 0.0, 0), ("cn_rare_earth_licensing", 0.0, 0)]
    )  # asks all, gives nothing
    click(qtbot, t.send_btn)
    ready(window, qtbot)
    offer = window.session.game.state.offers[0]
    assert offer.status in ("rejected", "countered")
    assert offer.response_reasons
    t = table(window)
    from game.reasons_text import answer_text

    reason = answer_text(window.session.scenario, offer, "en", head=False)  # the refusal, not the counter
    assert t.result.isVisible() and f"Why: {reason[:40]}" in plain(t.result)
    assert "China" in plain(t.result)
    assert window.statusBar().currentMessage().startswith("China ")


# ------------------------------------------------------------------ comprehensive deals
def test_the_builder_says_what_a_comprehensive_deal_needs(window, qtbot):
    start(window, qtbot)
    sc = window.session.scenario
    t = table(window)
    need = sc.end.comprehensive_deal
    assert f"needs {need.min_terms} or more terms" in plain(t.deal_rule)
    for iid in need.required_instruments:  # marked in the builder
        assert "★" in t.table.model().index(t.rows[iid].row, 1).data()
    first = need.required_instruments[0]
    tick(qtbot, t, first)
    text = plain(t.deal_rule)
    assert "Not comprehensive yet" in text
    for iid in need.required_instruments[1:]:
        assert instrument_name(sc, iid) in text
    assert not window.session.rules.is_comprehensive(t.terms())
    for iid in need.required_instruments[1:]:
        tick(qtbot, t, iid)
    extra = [i for i in t.rows if i not in need.required_instruments]
    k = 0
    while len(t.terms()) < need.min_terms:
        tick(qtbot, t, extra[k])
        k += 1
    assert window.session.rules.is_comprehensive(t.terms())
    assert "This draft is a comprehensive deal." in plain(t.deal_rule)


# ------------------------------------------------------------------ drafts and loading
def test_the_draft_stays_across_turns_and_hand_overs_and_is_never_shown_to_the_other_side(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    build(window, qtbot, SMALL)
    t = table(window)
    t.offer_message.setText("A private draft ZQX")
    drafted = t.terms()
    submit_orders(window, qtbot)  # hand-over to China
    assert window.controller.shown_side == "china"
    t = table(window)
    assert not t.terms() and "ZQX" not in "\n".join(visible_texts(window))
    submit_orders(window, qtbot)  # back to the US at the table
    assert window.controller.shown_side == "us"
    t = table(window)
    assert t.terms() == drafted and t.offer_message.text() == "A private draft ZQX"
    click(qtbot, t.send_btn)
    ready(window, qtbot)
    click(qtbot, table(window).reject_btn)  # China rejects, then ends the turn
    ready(window, qtbot)
    click(qtbot, window.page.end_btn)
    ready(window, qtbot)
    assert window.controller.view().turn == 2 and window.controller.shown_side == "us"
    assert table(window).terms() == drafted  # still there to adjust


def test_a_past_offer_loads_into_the_builder_from_the_history(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    submit_orders(window, qtbot)
    submit_orders(window, qtbot)
    build(window, qtbot, SMALL)
    t = table(window)
    sent = t.terms()
    click(qtbot, t.send_btn)
    ready(window, qtbot)
    click(qtbot, table(window).reject_btn)
    ready(window, qtbot)
    t = table(window)
    click(qtbot, t.reset_btn)
    assert not t.terms()
    t.bottom.setCurrentIndex(1)
    qtbot.waitUntil(lambda: t.history.isVisible(), timeout=30_000)
    assert "Load into the builder" in t.history.toPlainText()
    # keyboard: into the history, Tab to the link, Enter
    t.history.setFocus()
    QTest.keyClick(t.history, Qt.Key.Key_Tab)
    QTest.keyClick(t.history, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(t.terms()), timeout=30_000)
    assert sorted(t.terms(), key=lambda x: x.instrument) == sorted(sent, key=lambda x: x.instrument)
    assert "is in the proposal builder" in window.statusBar().currentMessage()


def test_the_advisers_package_loads_with_one_click(window, qtbot, monkeypatch):
    import game.ai

    advised = Propose(
        side="us",
        terms=(
            Term(instrument="us_tariff_reciprocal", value=30.0, duration_turns=13),
            Term(instrument="cn_tariff_us", value=10.0),
        ),
        note="We offer a Geneva truce.",
    )

    class Adviser:
        def decide(self, v):
            return advised

    start(window, qtbot)
    submit_orders(window, qtbot)
    monkeypatch.setattr(game.ai, "make_ai", lambda *a, **k: Adviser())  # the advisers, not the opponent
    t = table(window)
    click(qtbot, window.page.advice_btn)
    qtbot.waitUntil(lambda: t.advice_card.isVisible(), timeout=20_000)
    sc = window.session.scenario
    text = plain(t.advice_text)
    assert "US reciprocal tariff on China: 125% → 30% · 13 turns, then back" in text
    assert "China's tariff on US goods: 125% → 10%" in text
    assert "We offer a Geneva truce." in text
    assert "propose a package of 2 terms" in window.page.advice.text()
    click(qtbot, t.load_advice_btn)
    assert t.terms() == advised.terms
    assert instrument_name(sc, "us_tariff_reciprocal") in text


# ---------------------------------------------------------------------------- keyboard
def test_space_ticks_the_selected_row(window, qtbot):
    start(window, qtbot)
    t = table(window)
    row = t.rows["us_entity_list"]
    rect = t.table.visualRect(t.table.model().index(row.row, 1))
    t.scroll_area.ensureWidgetVisible(t.table, 0, 0)
    QTest.mouseClick(
        t.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert t.table.currentIndex().row() == row.row
    QTest.keyClick(t.table, Qt.Key.Key_Space)
    assert row.included
    QTest.keyClick(t.table, Qt.Key.Key_Space)
    assert not row.included
    # the Include cell's check box, clicked (a check state of the row, not a widget in the cell)
    include = t.table.visualRect(t.table.model().index(row.row, 0))
    assert not t.table.indexWidget(t.table.model().index(row.row, 0))
    QTest.mouseClick(
        t.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, include.center()
    )
    assert row.included


# --------------------------------------------------------------------------- refusals
def test_a_red_line_refusal_names_the_line_and_instrument_in_the_players_language(window, qtbot):
    for lang in ("en", "zh"):
        start(window, qtbot, lang=lang)
        submit_orders(window, qtbot)
        t = table(window)
        sc = window.session.scenario
        line = next(r for r in sc.briefings["us"].red_lines if r.id == "keep_chip_controls")
        set_level(window, "us_chip_controls", 0.0, builder=True)
        problem = t.builder_problem.text()
        assert "keep_chip_controls" not in problem and "us_chip_controls" not in problem
        assert tr(line.text, lang) in problem
        assert instrument_name(sc, "us_chip_controls", lang) in problem
        assert format_level(sc, "us_chip_controls", 1.0, lang) in problem
        # the rule is the engine's (kept as data with the refusal, not read back from its sentence)
        refusal = window.check_action(Propose(side="us", terms=t.terms()))
        assert refusal is not None and refusal.fields.get("red_line") == "keep_chip_controls"
        assert f" {refusal.rule}" in problem
        click(qtbot, t.send_btn)
        assert window.page.banner.isVisible() and tr(line.text, lang) in window.page.banner.text()
        assert "keep_chip_controls" not in window.page.banner.text()
        assert not window.session.game.state.offers


def test_an_ai_reason_says_levels_in_words():
    from game.reasons_text import level_words, stays
    from game.scenario.loader import load_scenario

    sc = load_scenario(GENEVA)
    chips = sc.instrument("us_chip_controls")
    assert level_words(chips, 1.0, "en") == "in force" and stays(chips, 1.0, "en") == "stays in force"
    assert stays(sc.instrument("cn_tariff_us"), 125.0, "en") == "stays at 125%"


# ------------------------------------------------------------------- another scenario
def test_another_scenario_rebuilds_the_table(window, qtbot):
    start(window, qtbot)
    submit_orders(window, qtbot)
    t = table(window)
    build(window, qtbot, SMALL)  # a draft and a preview under way on Geneva's instruments
    window.page.tabs.setCurrentIndex(1)
    start(window, qtbot, path=TUTORIAL)
    t = window.page.table
    sc = window.session.scenario
    ours = {i.id for i in sc.instruments if i.player_controlled and i.owner in sc.side_ids}
    assert set(t.rows) == ours
    assert "us_tariff_reciprocal" not in t.rows and not t.terms()
    window.page.tabs.setCurrentIndex(1)
    # a stale preview timer or worker of the old scenario would finish here and fail
    qtbot.waitUntil(lambda: not t.preview_timer.isActive() and not t.preview_busy, timeout=60_000)
    workers.wait_all(60_000)
    qtbot.wait(50)  # its answer, if any, reaches the GUI thread
    assert "failed" not in t.preview_caption.text()
    names = {t.table.model().index(r.row, 1).data().rstrip(" ★") for r in t.rows.values()}
    assert names == {instrument_name(sc, i) for i in ours}


def test_a_red_line_refusal_in_the_status_bar_does_not_survive_the_hand_over(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    submit_orders(window, qtbot)
    submit_orders(window, qtbot)
    sc = window.session.scenario
    line = next(r for r in sc.briefings["us"].red_lines if r.id == "keep_chip_controls")
    t = table(window)
    set_level(window, "us_chip_controls", 0.0, builder=True)
    click(qtbot, t.send_btn)
    refusal = window.statusBar().currentMessage()
    assert line.text.en in refusal  # the US's own red line, to the US
    build(window, qtbot, SMALL)
    click(qtbot, t.send_btn)  # a package within the lines: the screen goes to China
    wait_for_human(window, qtbot)
    assert handover_up(window)
    assert line.text.en not in "\n".join(visible_texts(window))  # the hand-over shows nothing
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    assert window.controller.shown_side == "china"
    # the refusal is gone; the line's text may be on China's screen only as the US's public
    # prior (rule 7.3: "What you know of them"), never as the US's refusal
    assert line.text.en not in window.statusBar().currentMessage()
    assert not any(refusal in text for text in visible_texts(window))
    known = window.page.briefing.findChild(QWidget, "knownTable")
    assert known is not None and known.isVisible()
    assert any(line.text.en in w.text() for w in known.findChildren(QLabel))


def test_the_builders_cells_get_their_editor_only_when_edited(window, qtbot):
    """No widget sits in a builder cell: a click on a Proposed cell opens its level editor, the
    level typed there reaches the draft (and ticks the term), leaving the cell closes the
    editor; the arrows move between rows without opening one (they would change a level)."""
    start(window, qtbot)
    t = table(window)
    window.page.tabs.setCurrentIndex(1)
    model = t.table.model()
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not [i for i in cells if t.table.indexWidget(i) is not None]
    row = t.rows["cn_tariff_us"]
    t.scroll_area.ensureWidgetVisible(t.table, 0, 0)
    rect = t.table.visualRect(model.index(row.row, 3))
    QTest.mouseClick(
        t.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    editor = row.editing("proposed")
    assert editor is not None and QApplication.focusWidget() is editor.spin
    line = editor.spin.lineEdit()
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, "60")
    assert row.included and row.draft.value == 60.0
    assert any(term.instrument == "cn_tariff_us" and term.value == 60.0 for term in t.terms())
    name = t.table.visualRect(model.index(row.row, 1))
    QTest.mouseClick(
        t.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, name.center()
    )
    qtbot.waitUntil(lambda: row.editing("proposed") is None)
    assert row.draft.value == 60.0 and "60" in model.index(row.row, 3).data()
    t.table.setCurrentIndex(model.index(row.row, 3))
    QTest.keyClick(t.table, Qt.Key.Key_Down)
    assert t.table.currentIndex().row() == row.row + 1 and t.table.indexWidget(t.table.currentIndex()) is None


# ----------------------------------------------------------------------------- reject with a reason
def _china_has_the_us_offer(window, qtbot):
    start(window, qtbot, opponent="hotseat")
    submit_orders(window, qtbot)  # US
    submit_orders(window, qtbot)  # China
    build(window, qtbot, SMALL)
    click(qtbot, table(window).send_btn)  # the US proposes; China's turn at the table
    ready(window, qtbot)
    assert window.controller.shown_side == "china"
    return table(window)


def test_the_reason_menu_lists_only_the_offers_instruments_and_plain_reject_carries_none(window, qtbot):
    t = _china_has_the_us_offer(window, qtbot)
    offered = [term.instrument for term in window.controller.view().pending_offer.terms]
    assert list(t.too_far_actions()) == offered  # the terms of the offer, in its order, nothing else
    assert t.too_far_btn.isEnabled() and t.reject_btn.text() == "&Reject"  # Alt+R unchanged
    click(qtbot, t.reject_btn)  # plain Reject: at once, no reason
    ready(window, qtbot)
    rejected = window.session.game.state.offers[0]
    assert rejected.status == "rejected" and rejected.response_reasons == ()


def test_reject_too_far_from_the_keyboard_reaches_the_engine_and_the_other_sides_view(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMenu

    from game.engine.reasons import ReasonKind
    from game.engine.view import view
    from game.reasons_text import render

    t = _china_has_the_us_offer(window, qtbot)
    target = "cn_tariff_us"
    chosen: list[str] = []

    def pick() -> None:  # in the open menu, as a player would: arrow keys, then Enter
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        for _ in range(len(menu.actions()) + 1):
            if menu.activeAction() is not None and menu.activeAction().data() == target:
                break
            QTest.keyClick(menu, Qt.Key.Key_Down)
        chosen.append(menu.activeAction().data())
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(20, pick)
    t.too_far_btn.setFocus()
    QTest.keyClick(t.too_far_btn, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # the mnemonic
    qtbot.waitUntil(lambda: window.session.game.state.offers[0].status == "rejected", timeout=20_000)
    assert chosen == [target]
    sc = window.session.scenario
    offer = window.session.game.state.offers[0]
    (why,) = offer.response_reasons
    assert why.kind is ReasonKind.TOO_FAR and why.instrument == target and why.level == 100.0
    # the US (the AI's seat in a game against the AI) sees it in its view, as the same data
    seen = view(sc, window.session.game.state, "us").offers[0]
    assert seen.response_reasons == (why,)
    assert render(sc, (why,), "en", side="china").startswith("Too far on ")


def test_reject_with_a_reason_shows_to_the_other_side_after_the_hand_over_only(window, qtbot):
    from game.engine.reasons import too_far
    from game.reasons_text import render

    t = _china_has_the_us_offer(window, qtbot)
    sc = window.session.scenario
    t.too_far_actions()["us_tariff_reciprocal"].trigger()
    said = render(sc, (too_far("us_tariff_reciprocal", 100.0),), "en", side="china")
    assert said.startswith("Too far on the ") and "reciprocal" in said
    # China may still have its own move (end the turn); the hand-over screen shows no reason
    for _ in range(5):
        wait_for_human(window, qtbot)
        if handover_up(window):
            break
        assert window.controller.shown_side == "china"
        click(qtbot, window.page.end_btn)
    assert handover_up(window)
    assert said not in "\n".join(visible_texts(window))
    ready(window, qtbot)
    assert window.controller.shown_side == "us"
    t = table(window)
    assert said in plain(t.result) or said in t.history.toPlainText()
    assert said in t.history.toPlainText()

"""Drive the window like a player: click buttons, tick terms, read what is on screen."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from game.engine import Accept
from game.scenario.models import tr

GENEVA = Path(__file__).resolve().parents[2] / "scenarios" / "geneva-2025.yaml"


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def handover_up(win) -> bool:
    return win.handover is not None and win.stack.currentWidget() is win.handover


def wait_for_human(win, qtbot, timeout: int = 60_000) -> None:
    """Until a human may act, the hand-over screen is up, or the game is over."""
    qtbot.waitUntil(
        lambda: (
            win.session.over
            or handover_up(win)
            or (win.controller.my_move() and win.controller.view() is not None and not win.render_pending())
        ),
        timeout=timeout,
    )
    qtbot.wait(20)  # let Qt show the widgets the last render added (shown through the event loop)


def set_level(win, iid: str, value: float, *, builder: bool) -> None:
    """Set an instrument's level through its editor widget (as a player would)."""
    ed = win.page.table.rows[iid].editor if builder else win.page.orders.editors[iid]
    if ed.combo is not None:
        ed.combo.setCurrentIndex(ed.combo.findData(value))
    else:
        ed.spin.setValue(value)


def set_duration(win, iid: str, turns: int) -> None:
    win.page.table.rows[iid].duration.setValue(turns)


def play_step(win, qtbot, *, propose_from_turn: int = 3, accept_from_turn: int = 2) -> str:
    """One human action through the widgets; returns what it did."""
    c = win.controller
    v = c.view()
    page = win.page
    side = v.side
    if v.phase == "orders":
        page.tabs.setCurrentIndex(0)
        if v.turn == 1:
            page.orders.statement.setCurrentIndex(page.orders.statement.findData("conciliatory"))
            page.orders.message.setText("We came to Geneva to talk.")
        if v.turn == 2:
            mine = [
                i for i in page.orders.editors if i.endswith("tariff_us") or i.endswith("tariff_reciprocal")
            ]
            for iid in mine:
                set_level(win, iid, max(0.0, v.levels[iid] - 5), builder=False)
        click(qtbot, page.end_btn)
        return "orders"
    page.tabs.setCurrentIndex(1)
    pending = v.pending_offer
    if pending is not None and pending.side != side:
        if v.turn >= accept_from_turn and win.check_action(Accept(side=side)) is None:
            click(qtbot, page.table.accept_btn)
            return "accept"
        click(qtbot, page.table.reject_btn)
        return "reject"
    if (
        v.turn >= propose_from_turn
        and v.exchanges_left > 0
        and not any(o.side == side and o.turn == v.turn for o in v.offers)
    ):
        page.table._reset_builder()
        for iid, value, dur in package_for(side, v.turn):
            set_level(win, iid, value, builder=True)
            if dur:
                set_duration(win, iid, dur)
        page.table.offer_message.setText("A way down for both of us.")
        before = len(win.session.game.state.offers)
        click(qtbot, page.table.send_btn)
        if len(win.session.game.state.offers) > before:
            return "propose"
    click(qtbot, page.end_btn)
    return "end"


def package_for(side: str, turn: int) -> list[tuple[str, float, int]]:
    """A Geneva-like package from either side (within each side's own red lines)."""
    if side == "us":
        return [
            ("us_tariff_reciprocal", 34.0, 0),
            ("us_suspension", 24.0, 13),
            ("cn_tariff_us", 34.0, 0),
            ("cn_suspension", 24.0, 13),
            ("cn_rare_earth_licensing", 0.0, 0),
            ("cn_fentanyl_pledge", 1.0, 0),
            ("cn_purchases", 20.0, 0),
        ]
    return [
        ("cn_tariff_us", 34.0, 0),
        ("cn_suspension", 24.0, 13),
        ("us_tariff_reciprocal", 34.0, 0),
        ("us_suspension", 24.0, 13),
        ("cn_rare_earth_licensing", 0.0, 0),
        ("cn_fentanyl_pledge", 1.0, 0),
        ("us_entity_list", 0.0, 0),
    ]


# ------------------------------------------------------------------ what is on screen
def visible_widgets(root: QWidget) -> Iterable[QWidget]:
    for w in [root, *root.findChildren(QWidget)]:
        if w.isVisible():
            yield w


def visible_texts(win) -> list[str]:
    """Every string a visible widget shows (or would show as a tooltip or to a screen reader)."""
    out = [win.windowTitle()]
    for w in visible_widgets(win):
        out += [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.windowTitle(), w.statusTip()]
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QTextEdit):
            out.append(w.toPlainText())
        if isinstance(w, QProgressBar):
            out.append(w.text())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                out += [w.item(i).text(), w.item(i).toolTip()]
        if isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    it = w.item(r, c)
                    if it is not None:
                        out += [it.text(), it.toolTip()]
    out.append(win.statusBar().currentMessage())
    return [t for t in out if t]


def private_texts(scenario, side: str, state=None) -> list[str]:
    """The texts of a side's private briefing, in both languages (the summary first).

    A briefing with priors (rule 7.3) has its objectives and red lines public — the other
    side's "What you know of them" card names them — so then its secrets are its draw as its
    own panel gives it (with ``state``): each red line with its drawn level, each objective
    with its drawn weight."""
    from game.text import red_line_words

    b = scenario.briefings[side]
    drawn = state.briefings.get(side) if state is not None else None
    texts = []
    for lang in ("en", "zh"):
        texts.append(tr(b.summary, lang))
        if not b.has_priors:
            texts += [tr(o.text, lang) for o in b.objectives]
            texts += [tr(r.text, lang) for r in b.red_lines]
        elif drawn is not None:
            texts += [red_line_words(scenario, r, lang) for r in drawn.red_lines]
            if lang == "en":  # the window's caption of an objective (BriefingPanel)
                texts += [f"{tr(o.text, lang)} (weight {o.weight:g})" for o in drawn.objectives]
    return [t for t in texts if t]


def leaks(win, scenario, other: str) -> list[str]:
    shown = visible_texts(win)
    state = win.session.game.state if win.session is not None else None
    return [p for p in private_texts(scenario, other, state) if any(p in t for t in shown)]


# ------------------------------------------------------------------ message boxes
class DialogWatch:
    """A :func:`when_dialog` poller: :meth:`finished` once it has acted or run out of tries."""

    def __init__(self) -> None:
        self.acted = False
        self.over = False

    def finished(self) -> bool:
        return self.over


def when_dialog(cls, act, *, seen: list | None = None, tries: int = 200, match=None) -> DialogWatch:
    """When a dialog of class ``cls`` (for which ``match(dialog)`` holds, if given) shows, note
    its title in ``seen`` and do ``act(dialog)`` (as a person would). Polls ``tries`` times,
    25 ms apart; the watch it returns says when it is done (to wait for it, not for a time)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    watch = DialogWatch()

    def poll(left: int) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, cls) and w.isVisible() and (match is None or match(w)):
                if seen is not None:
                    seen.append(w.windowTitle())
                watch.acted = watch.over = True
                act(w)
                return
        if left > 0:
            QTimer.singleShot(25, lambda: poll(left - 1))
        else:
            watch.over = True

    QTimer.singleShot(0, lambda: poll(tries))
    return watch


def answer_box(button_name: str, *, box_name: str = "", seen: list | None = None, tries: int = 200) -> None:
    """When a modal QMessageBox (named ``box_name``, if given) appears, click its button
    ``button_name`` (an object name, or a standard button's name such as "Yes" or "Ok"),
    as a person would; its text and informative text go to ``seen``."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    def click_button(w: QMessageBox) -> None:
        if seen is not None:
            seen.append(f"{w.text()}\n{w.informativeText()}")
        button = w.findChild(QAbstractButton, button_name)
        if button is None:
            button = w.button(getattr(QMessageBox.StandardButton, button_name))
        assert button is not None, f"no button {button_name} in {w.text()!r}"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    when_dialog(
        QMessageBox, click_button, tries=tries, match=lambda w: not box_name or w.objectName() == box_name
    )

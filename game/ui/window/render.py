"""Drawing the window from its controller: the game page (the controls at once, the
read-only panels in later slices of the event loop), the status bar's public date, turn and
deadline, the hand-over screen, the debrief, and the controller's signals (thinking,
refused, failed, hand-over, over).

Every panel gets its context from ``controller.context()`` — the shown side's view and
nothing else — and a deferred slice is dropped if the screen has moved on or changed hands.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

if TYPE_CHECKING:
    from game.ui.common import Ctx
    from game.ui.main_window import MainWindow

APP_TITLE = "Tariff Talks"


class _Panel(Protocol):
    """A panel of the game page: it draws itself from one side's context."""

    def refresh(self, ctx: Ctx) -> None: ...


class WindowRenderer(QObject):
    """Renders the window's pages from the controller; answers the controller's signals."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self._generation = 0
        self._pending_slices = 0

    def drop_deferred(self) -> None:
        """Forget the render slices still waiting (the screen changes hands)."""
        self._generation += 1

    def pending(self) -> bool:
        """Parts of the last render are still waiting for their slice of the event loop."""
        return self._pending_slices > 0

    @Slot()
    def render(self) -> None:
        win = self.win
        c, page = win.controller, win.page
        win.update_undo_actions()
        win.act_replay_this.setEnabled(win.session is not None and win.session.over)
        if c is None or page is None:
            return
        if page.advice_key is not None and page.advice_key != win.advisers.key():
            page.clear_advice()  # advice is for one side, one moment: never carried over
        page.advice_btn.setEnabled(c.my_move())
        from game.text import side_name

        if win.session is None or win.session.over:  # (a controller always has its session)
            return  # the debrief takes over (see on_over)
        self._generation += 1
        ctx = c.context()
        if ctx is None:
            page.clear()
            return
        from game.ui.common import named

        v = ctx.view
        sc, lang = v.scenario, win.lang
        # The controls first; the read-only panels in later slices of the event loop, so
        # that no single slice stalls the window (the AI may be thinking meanwhile).
        page.orders.refresh(ctx)
        page.table.refresh(ctx)
        generation = self._generation
        for k, panel in enumerate((page.briefing, page.meters, page.news)):
            self._pending_slices += 1
            QTimer.singleShot(4 * k, self, lambda p=panel: self._render_later(p, ctx, generation))
        from game.scenario.models import tr

        me = side_name(sc, v.side, lang)
        them = side_name(sc, v.other, lang)
        page.title.setText(tr(sc.meta.title, lang))
        opp = self._opponent_label(v.other)
        page.info.setText(
            QCoreApplication.translate(
                "MainWindow", "You: {me} delegation · Opposite: {them} ({opp})"
            ).format(me=me, them=them, opp=opp)
        )
        if c.ai_busy:
            phase = QCoreApplication.translate("MainWindow", "{them} is thinking…").format(them=them)
        elif v.phase == "orders":
            phase = (
                QCoreApplication.translate("MainWindow", "Orders: your move")
                if ctx.can_act
                else QCoreApplication.translate("MainWindow", "Orders: waiting for {them}").format(them=them)
            )
        else:
            phase = (
                QCoreApplication.translate("MainWindow", "Table: your move")
                if ctx.can_act
                else QCoreApplication.translate("MainWindow", "Table: {them} to move").format(them=them)
            )
        page.phase.setText(phase)
        # primary button
        if not ctx.can_act:
            page.end_btn.setText(
                QCoreApplication.translate("MainWindow", "Waiting for {them}…").format(them=them)
            )
            page.end_btn.setEnabled(False)
        elif v.phase == "orders":
            page.end_btn.setText(QCoreApplication.translate("MainWindow", "Submit orders"))
            page.end_btn.setEnabled(True)
        elif v.pending_offer is not None and v.pending_offer.side != v.side:
            page.end_btn.setText(QCoreApplication.translate("MainWindow", "Answer their offer first"))
            page.end_btn.setEnabled(False)
        else:
            page.end_btn.setText(QCoreApplication.translate("MainWindow", "End turn"))
            page.end_btn.setEnabled(True)
        named(page.end_btn, page.end_btn.text())
        page.walk_btn.setEnabled(not c.ai_busy)
        key = (v.phase, v.turn)
        if page._last_phase != key:
            page.tabs.setCurrentIndex(0 if v.phase == "orders" else 1)
            page._last_phase = key
        self.show_turn_status()
        win.setWindowTitle(f"{APP_TITLE} — {tr(sc.meta.title, lang)}")
        win.stack.setCurrentWidget(page)

    def show_turn_status(self) -> None:
        """The status bar's date, turn and deadline: public, the same for both sides."""
        win = self.win
        if win.session is None:
            return
        sc, state = win.session.scenario, win.session.game.state
        turn, total = state.turn, sc.end.deadline_turns
        date = sc.meta.start_date + dt.timedelta(days=(turn - 1) * sc.meta.turn_days)
        win.st_date.setText(date.strftime("%Y-%m-%d"))
        win.st_turn.setText(
            QCoreApplication.translate("MainWindow", "Turn {n} of {total}").format(n=turn, total=total)
        )
        if win.session.over:
            win.st_deadline.setText(
                QCoreApplication.translate("MainWindow", "The game is over: see the debrief")
            )
            return
        deadline_date = sc.meta.start_date + dt.timedelta(days=total * sc.meta.turn_days - 1)
        from game.ui.main_window import MainWindow  # a count: Qt's plural, in MainWindow's context

        win.st_deadline.setText(
            MainWindow.tr("Deadline {date}: %n more turn(s) after this one", "", max(0, total - turn)).format(
                date=deadline_date.isoformat()
            )
        )

    def _render_later(self, panel: _Panel, ctx: Ctx, generation: int) -> None:
        """A deferred slice of :meth:`render` — dropped if the screen moved on (or changed hands)."""
        self._pending_slices -= 1
        c = self.win.controller
        if generation != self._generation or c is None or c.shown_side != ctx.view.side:
            return
        panel.refresh(ctx)

    def _opponent_label(self, side: str) -> str:
        session = self.win.session
        assert session is not None  # (only asked while a game is on)
        seat = session.seats[side]
        if seat.is_human:
            return QCoreApplication.translate("MainWindow", "hot-seat")
        from game.ui.dialogs import ai_seat_words

        return ai_seat_words(getattr(seat, "label", "ai")) or QCoreApplication.translate("MainWindow", "AI")

    # ------------------------------------------------------- controller signals
    @Slot(bool, str)
    def on_thinking(self, on: bool, side: str) -> None:
        from game.text import side_name

        win = self.win
        if win.page is None or win.session is None:
            return
        name = side_name(win.session.scenario, side, win.lang)
        text = QCoreApplication.translate("MainWindow", "The {side} delegation is thinking…").format(
            side=name
        )
        win.page.set_thinking(on, text)
        if on:
            win.page.phase.setText(
                QCoreApplication.translate("MainWindow", "{them} is thinking…").format(them=name)
            )
            win.page.end_btn.setEnabled(False)
            win.page.walk_btn.setEnabled(False)
            win.statusBar().showMessage(text)
        else:
            win.statusBar().clearMessage()
        win.update_undo_actions()  # nothing can be taken back while the other side thinks

    @Slot(str, str)
    def on_refused(self, rule: str, message: str) -> None:
        win = self.win
        if win.page is None:
            return
        text = (
            QCoreApplication.translate("MainWindow", "Rule {rule}: {message}").format(
                rule=rule, message=message
            )
            if rule
            else message
        )
        win.page.banner.setText(text)
        win.page.banner.show()
        win.statusBar().showMessage(text, 8000)
        QTimer.singleShot(8000, win.page.banner.hide)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        win = self.win
        if win.page is not None:
            win.page.banner.setText(message)
            win.page.banner.show()
        win.statusBar().showMessage(message)

    @Slot(str)
    def on_handover(self, side: str) -> None:
        from game.text import side_name

        win = self.win
        if win.page is None or win.handover is None or win.session is None:
            return
        self.drop_deferred()  # drop any deferred render of the previous side
        win.page.clear()
        win.statusBar().clearMessage()  # a refusal may quote the previous side's capital or red line
        sc = win.session.scenario
        prev = next(s for s in sc.side_ids if s != side)
        started = bool(win.session.game.actions)
        win.handover.show_for(
            side,
            side_name(sc, side, win.lang),
            sc.side(side).colour,
            side_name(sc, prev, win.lang) if started else None,
        )
        self.show_turn_status()  # this game's (never the previous game's)
        win.setWindowTitle(f"{APP_TITLE} — " + QCoreApplication.translate("MainWindow", "hand-over"))
        win.stack.setCurrentWidget(win.handover)
        win.handover.button.setFocus()

    @Slot(str)
    def on_ready(self, side: str) -> None:
        if self.win.controller is not None:
            self.win.controller.ready(side)

    @Slot()
    def on_over(self) -> None:
        from game.ui.debrief import DebriefPage

        win = self.win
        if win.page is not None:
            win.page.clear()
        if win.debrief is not None:
            win.stack.removeWidget(win.debrief)
            win.debrief.deleteLater()
        assert win.session is not None  # the controller said the game is over: there is one
        win.debrief = DebriefPage(win.session, win.lang)
        win.stack.addWidget(win.debrief)
        win.stack.setCurrentWidget(win.debrief)
        win.setWindowTitle(f"{APP_TITLE} — " + QCoreApplication.translate("MainWindow", "Debrief"))
        self.show_turn_status()
        win.editors.sync_secrecy()

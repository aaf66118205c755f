""" "Ask your advisers": the AI's suggestion for the side at the screen, computed from that
side's view only (what the controller gives it); private to that side and dropped as soon
as anything moves or the screen is handed over."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot

from game.ui import workers

if TYPE_CHECKING:
    from game.engine import Action
    from game.ui.main_window import MainWindow


class Advisers(QObject):
    """The side at the screen's own advisers (an AI style and level)."""

    ADVISER = ("pragmatist", "hard")

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win

    def key(self) -> tuple[str, int] | None:
        """What a piece of advice is for: the side at the screen and the moves played so far."""
        c, session = self.win.controller, self.win.session
        if c is None or session is None or c.shown_side is None:
            return None
        return (c.shown_side, len(session.game.actions))

    @Slot()
    def ask(self) -> None:
        """Ask the advisers what they would do now (off the GUI thread)."""
        c, page = self.win.controller, self.win.page
        if c is None or page is None or not c.my_move():
            return
        v = c.view()
        key = self.key()
        if v is None or key is None:
            return
        page.advice_key = key
        page.advice.setText(QCoreApplication.translate("MainWindow", "Your advisers are thinking…"))
        page.advice.show()
        adviser = self.ADVISER

        def work() -> Action:
            from game.ai import make_ai

            return make_ai(*adviser).decide(v)

        workers.start(work, self.done, self.failed, tag=key)

    @Slot(object, object)
    def done(self, tag: object, action: Action) -> None:
        page = self.win.page
        if page is None or tag != self.key() or page.advice_key != tag:
            return  # the game moved on, or the screen changed hands: the advice is stale
        page.advice.setText(self.describe(action))
        page.table.set_advice(action)  # a package can be loaded into the builder with one click

    @Slot(object, object)
    def failed(self, tag: object, exc: object) -> None:
        page = self.win.page
        if page is not None and page.advice_key == tag:
            page.advice.setText(
                QCoreApplication.translate("MainWindow", "Your advisers could not agree: {err}").format(
                    err=str(exc)
                )
            )

    def describe(self, action: Action) -> str:
        """The advisers' suggestion in short lines: what changes, from what to what."""
        from game.engine import Accept, Counter, EndTalks, Propose, Reject, SubmitOrders
        from game.reasons_text import action_text
        from game.text import statement_label, term_change

        win = self.win
        assert win.session is not None  # (advice is asked for during a game)
        sc = win.session.scenario
        lang = win.lang
        v = win.controller.view() if win.controller is not None else None
        levels = v.levels if v is not None else {}
        note = action_text(sc, action, lang, own=True)  # the advisers speak to their own side
        if isinstance(action, SubmitOrders):
            moves = "; ".join(term_change(sc, i, levels.get(i), x, lang) for i, x in action.moves.items())
            what = QCoreApplication.translate(
                "MainWindow", "Advisers: submit orders — {moves}; statement: {statement}."
            ).format(
                moves=moves or QCoreApplication.translate("MainWindow", "no moves"),
                statement=statement_label(action.statement, lang),
            )
        elif isinstance(action, Propose | Counter):
            from game.ui.main_window import MainWindow  # a count: Qt's plural, in MainWindow's context

            what = MainWindow.tr(
                "Advisers: propose a package of %n term(s) — see it in the negotiation table, ready to load.",
                "",
                len(action.terms),
            )
            note = ""  # the package's note is shown with it, in the table
        elif isinstance(action, Accept):
            what = QCoreApplication.translate("MainWindow", "Advisers: accept the offer.")
        elif isinstance(action, Reject):
            what = QCoreApplication.translate("MainWindow", "Advisers: reject the offer.")
        elif isinstance(action, EndTalks):
            what = QCoreApplication.translate("MainWindow", "Advisers: make no further offer this turn.")
        else:
            what = QCoreApplication.translate("MainWindow", "Advisers: walk out.")
        return f"{what} {note}".strip()

"""The negotiation table's what-if preview: what a package (the draft, or the offer on the
table) would do to both sides' meters and to the player's score over the next turns, with
it minus without it — computed off the GUI thread from the side at the screen's view, a
moment after the last change, and dropped when the screen moves on or changes hands.

Its words keep the table panel's translation context (``TablePanel``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.engine import Term
from game.text import METER_DECIMALS, METER_GOOD_DIRECTION, meter_label, side_name
from game.ui import workers
from game.ui.common import Ctx, good_bad_colour, named, signed, wrap_label

#: What a preview's worker is tagged with: (token, side, terms, what the preview is of).
_Tag = tuple[int, str, tuple[Term, ...], str]


class WhatIfPreview(QWidget):
    """The preview tab: a caption and a table of meter changes (a sentence while there is nothing to show)."""

    TURNS = 4
    #: milliseconds of quiet after the last change before the preview is computed
    DELAY_MS = 250

    def __init__(self, context: Callable[[], Ctx | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context  # the panel's context now (the side at the screen's view)
        self._token = 0
        self._terms: tuple[Term, ...] | None = None
        self.key: tuple | None = None  # (side, turn, phase, terms) the preview is (being) computed for
        self._what = ""
        self.busy = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self._run)
        pl = QVBoxLayout(self)
        pl.setContentsMargins(6, 6, 6, 6)
        self.caption = wrap_label("", object_name="hint")
        pl.addWidget(self.caption)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("TablePanel", "Meter"), "", ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        named(
            self.table,
            QCoreApplication.translate("TablePanel", "What-if preview of the package's effect on the meters"),
        )
        self.table.hide()
        pl.addWidget(self.table, 1)
        pl.addStretch(0)
        self.placeholder()

    def drop(self) -> None:
        """Forget a preview waiting or being computed (its answer, when it comes, is stale)."""
        self._token += 1
        self.timer.stop()
        self.busy = False

    def forget(self) -> None:
        """Another scenario: nothing computed for the old one is kept."""
        self.drop()
        self.key = None
        self._terms = None

    def follow(self, want: tuple[tuple[Term, ...], str] | None) -> bool:
        """Keep the preview on ``want`` (terms, and what they are: the draft, their offer) or on
        nothing; True if a new preview was asked for."""
        ctx = self.context()
        if want is None or ctx is None:
            if self.key is not None or self.table.rowCount():
                self.drop()
                self.placeholder()
            return False
        terms, what = want
        v = ctx.view
        if (v.side, v.turn, v.phase, terms) == self.key:
            return False
        self.request(terms, what)
        return True

    def placeholder(self) -> None:
        self.key = None
        self._terms = None
        self.table.setRowCount(0)
        self.table.hide()
        self.caption.setText(
            QCoreApplication.translate(
                "TablePanel",
                "Tick terms in the builder (or receive an offer) to see what they would do to the meters.",
            )
        )

    def request(self, terms: tuple[Term, ...], what: str) -> None:
        ctx = self.context()
        v = ctx.view if ctx is not None else None
        self._terms = terms
        self._what = what
        self.key = (v.side, v.turn, v.phase, terms) if v is not None else None
        self._token += 1  # an older preview's answer is now stale
        self.caption.setText(
            QCoreApplication.translate("TablePanel", "Computing the effect of {what}…").format(what=what)
        )
        self.timer.start()

    @Slot()
    def _run(self) -> None:
        ctx = self.context()
        terms = self._terms
        if ctx is None or not terms:
            return
        from game.engine.preview import preview_deltas

        self._token += 1
        rules, v, turns = ctx.rules, ctx.view, self.TURNS
        self.busy = True
        workers.start(
            lambda: preview_deltas(rules, v, terms, turns=turns),
            self._done,
            self._failed,
            tag=(self._token, v.side, terms, self._what),
        )

    @Slot(object, object)
    def _done(self, tag: _Tag, deltas: dict[str, dict[str, float]]) -> None:
        token, side, _terms, what = tag
        ctx = self.context()
        if token != self._token or ctx is None or ctx.view.side != side:
            return  # stale: the screen has moved on (or changed hands)
        self.busy = False
        self._show(ctx, deltas, what)

    @Slot(object, object)
    def _failed(self, tag: _Tag, exc: Exception) -> None:
        token = tag[0]
        if token != self._token:
            return
        self.busy = False
        self.table.setRowCount(0)
        self.table.hide()
        self.caption.setText(
            QCoreApplication.translate("TablePanel", "The preview failed: {err}").format(err=str(exc))
        )

    def _show(self, ctx: Ctx, deltas: dict[str, dict[str, float]], what: str) -> None:
        v, sc, lang = ctx.view, ctx.scenario, ctx.lang
        self.caption.setText(
            QCoreApplication.translate(
                "TablePanel", "Effect of {what} in {n} turns: with it, minus without it."
            ).format(what=what, n=self.TURNS)
        )
        order = [v.side, v.other]
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TablePanel", "Meter"),
                side_name(sc, order[0], lang),
                side_name(sc, order[1], lang),
            ]
        )
        rows: list[tuple[str, list[float | None], str]] = []
        meters = list(deltas.get(order[0], {}).keys())
        for m in meters:
            rows.append((meter_label(m, lang), [deltas.get(s, {}).get(m) for s in order], m))
        for m, d in deltas.get("shared", {}).items():
            rows.append((meter_label(m, lang), [d, None], m))
        score = deltas.get("score", {}).get(v.side)
        if score is not None:
            rows.append((QCoreApplication.translate("TablePanel", "Your score"), [score, None], "score"))
        self.table.setRowCount(len(rows))
        pal = self.palette()
        for r, (label, vals, meter) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            for c, val in enumerate(vals, start=1):
                if val is None:
                    self.table.setItem(r, c, QTableWidgetItem(""))
                    continue
                d = METER_DECIMALS.get(meter, 1)
                item = QTableWidgetItem(signed(val, max(1, d)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                direction = 1 if meter == "score" else METER_GOOD_DIRECTION.get(meter, 0)
                item.setForeground(good_bad_colour(direction, round(val, max(1, d)), pal))  # as shown
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.show()

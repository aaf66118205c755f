"""The negotiation table: the offer on the table, the proposal builder and its what-if preview."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.engine import Accept, Action, Counter, Propose, Reject, Term
from game.scenario.models import tr
from game.text import (
    METER_DECIMALS,
    METER_GOOD_DIRECTION,
    describe_package_term,
    format_level,
    instrument_name,
    meter_label,
    side_name,
)
from game.ui import workers
from game.ui.common import (
    Card,
    Ctx,
    LevelEditor,
    good_bad_colour,
    named,
    side_colour,
    signed,
    wrap_label,
)
from game.ui.panels.base import (
    Checker,
    tradable,
)


@dataclass
class BuilderRow:
    """One instrument's row in the proposal builder."""

    box: QCheckBox
    editor: LevelEditor
    duration: QSpinBox  # 0 = to the end of the game
    start: QSpinBox  # turns after signing (0 = at once)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.box, self.editor, self.duration, self.start)

    def term(self, iid: str) -> Term:
        d = self.duration.value()
        return Term(
            instrument=iid,
            value=self.editor.value(),
            duration_turns=d if d > 0 else None,
            start_after_turns=self.start.value(),
        )

    def set(self, include: bool, value: float, duration: int, start: int) -> None:
        """Fill the row without emitting signals."""
        for w in (self.box, self.duration, self.start):
            w.blockSignals(True)
        self.box.setChecked(include)
        self.editor.set_value(value)
        self.duration.setValue(duration)
        self.start.setValue(start)
        for w in (self.box, self.duration, self.start):
            w.blockSignals(False)


class TablePanel(QWidget):
    """The negotiation table: incoming offer, proposal builder, what-if preview, history."""

    action = Signal(object)

    PREVIEW_TURNS = 4

    def __init__(self, checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.ctx: Ctx | None = None
        self._key: tuple[str, str, str] | None = None
        self._token = 0
        self._preview_terms: tuple[Term, ...] | None = None
        self.rows: dict[str, BuilderRow] = {}
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(250)
        self.preview_timer.timeout.connect(self._run_preview)
        self.preview_busy = False
        self._history_key: tuple | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        outer.addWidget(self.split)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.split.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        lay = QVBoxLayout(inner)

        self.status = wrap_label("", object_name="hint")
        lay.addWidget(self.status)

        # incoming offer
        self.incoming = Card(self.tr("Offer on the table"))
        self.incoming_text = wrap_label("", rich=True)
        named(self.incoming_text, self.tr("Offer on the table"))
        self.incoming.body.addWidget(self.incoming_text)
        brow = QHBoxLayout()
        self.accept_btn = named(QPushButton(self.tr("&Accept")), self.tr("Accept the offer"))
        self.reject_btn = named(QPushButton(self.tr("&Reject")), self.tr("Reject the offer"))
        self.edit_btn = named(
            QPushButton(self.tr("&Edit as counter-offer")),
            self.tr("Load the offer into the proposal builder"),
        )
        self.accept_btn.setObjectName("primary")
        self.accept_btn.clicked.connect(self._accept)
        self.reject_btn.clicked.connect(self._reject)
        self.edit_btn.clicked.connect(self._load_pending)
        for b in (self.accept_btn, self.reject_btn, self.edit_btn):
            brow.addWidget(b)
        brow.addStretch(1)
        self.incoming.body.addLayout(brow)
        lay.addWidget(self.incoming)

        # builder
        self.builder = Card(self.tr("Proposal builder"))
        hint = wrap_label(
            self.tr(
                "Tick the terms to include. Each term sets one instrument, yours or theirs, to a level for a number "
                "of turns (then it snaps back) or to the end of the game."
            ),
            object_name="hint",
        )
        self.builder.body.addWidget(hint)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Include"),
                self.tr("Instrument"),
                self.tr("Now"),
                self.tr("Proposed level"),
                self.tr("Lasts"),
                self.tr("Starts"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for c in (3, 4, 5):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        named(self.table, self.tr("Terms of the package"))
        self.builder.body.addWidget(self.table)
        self.offer_message = QLineEdit()
        self.offer_message.setPlaceholderText(self.tr("A message with the offer (optional)"))
        named(self.offer_message, self.tr("Message with the offer"))
        self.offer_message.setMaxLength(240)
        self.builder.body.addWidget(self.offer_message)
        self.builder_problem = wrap_label("", object_name="problem")
        self.builder.body.addWidget(self.builder_problem)
        brow = QHBoxLayout()
        self.send_btn = named(QPushButton(self.tr("&Propose")), self.tr("Put the package on the table"))
        self.send_btn.setObjectName("primary")
        self.send_btn.clicked.connect(self._send)
        self.reset_btn = named(QPushButton(self.tr("Clear &terms")), self.tr("Clear the proposal builder"))
        self.reset_btn.clicked.connect(self._reset_builder)
        brow.addWidget(self.send_btn)
        brow.addWidget(self.reset_btn)
        brow.addStretch(1)
        self.builder.body.addLayout(brow)
        lay.addWidget(self.builder)

        lay.addStretch(1)
        self.bottom = QTabWidget()
        named(self.bottom, self.tr("What-if preview and history of offers"))
        self.preview = QWidget()
        pl = QVBoxLayout(self.preview)
        pl.setContentsMargins(6, 6, 6, 6)
        self.preview_caption = wrap_label(
            self.tr("Tick terms in the builder to see what they would do to the meters."), object_name="hint"
        )
        pl.addWidget(self.preview_caption)
        self.preview_table = QTableWidget(0, 3)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        named(self.preview_table, self.tr("What-if preview of the package's effect on the meters"))
        pl.addWidget(self.preview_table, 1)
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)
        named(self.history, self.tr("History of offers"))
        self.bottom.addTab(self.preview, self.tr("What-if preview"))
        self.bottom.addTab(self.history, self.tr("Offers so far"))
        self.split.addWidget(self.bottom)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([400, 230])

    # ------------------------------------------------------------------ render
    def clear(self) -> None:
        self._token += 1
        self.preview_timer.stop()
        self.ctx = None
        self._key = None
        self.rows.clear()
        self.table.setRowCount(0)
        self.incoming_text.setText("")
        self.offer_message.clear()
        self.builder_problem.setText("")
        self.preview_table.setRowCount(0)
        self.preview_caption.setText("")
        self.history.clear()
        self._history_key = None
        self.status.setText("")
        self._preview_terms = None

    def _build(self, ctx: Ctx) -> None:
        self.rows.clear()
        v, lang, sc = ctx.view, ctx.lang, ctx.scenario
        groups = [(v.side, tradable(ctx, v.side)), (v.other, tradable(ctx, v.other))]
        n = sum(len(g) + 1 for _, g in groups)
        self.table.setRowCount(n)
        r = 0
        bold = QFont(self.font())
        bold.setBold(True)
        for owner, instruments in groups:
            label = (
                self.tr("{side} commits (you)").format(side=side_name(sc, owner, lang))
                if owner == v.side
                else self.tr("{side} commits").format(side=side_name(sc, owner, lang))
            )
            item = QTableWidgetItem(label)
            item.setFont(bold)
            item.setForeground(side_colour(sc, owner))
            self.table.setItem(r, 0, item)
            self.table.setSpan(r, 0, 1, 6)
            r += 1
            for ins in instruments:
                name = instrument_name(sc, ins.id, lang)
                box = named(QCheckBox(), self.tr("Include {name}").format(name=name))
                box.toggled.connect(self._builder_changed)
                holder = QWidget()
                hl = QHBoxLayout(holder)
                hl.setContentsMargins(6, 0, 0, 0)
                hl.addWidget(box)
                self.table.setCellWidget(r, 0, holder)
                it = QTableWidgetItem(name)
                if ins.description:
                    it.setToolTip(tr(ins.description, lang))
                self.table.setItem(r, 1, it)
                self.table.setItem(r, 2, QTableWidgetItem(format_level(sc, ins.id, v.levels[ins.id], lang)))
                ed = LevelEditor(ins, sc, lang)
                ed.set_value(v.levels[ins.id])
                ed.setAccessibleName(self.tr("Proposed level of {name}").format(name=name))
                ed.changed.connect(lambda b=box: (b.setChecked(True), self._builder_changed()))
                self.table.setCellWidget(r, 3, ed)
                dur = QSpinBox()
                dur.setRange(0, max(1, v.deadline_turns))
                dur.setSpecialValueText(self.tr("to the end"))
                dur.setSuffix(self.tr(" turns"))
                dur.setKeyboardTracking(False)
                named(dur, self.tr("Duration of the term on {name} (0: to the end)").format(name=name))
                dur.valueChanged.connect(lambda _v, b=box: (b.setChecked(True), self._builder_changed()))
                self.table.setCellWidget(r, 4, dur)
                start = QSpinBox()
                start.setRange(0, max(1, v.deadline_turns))
                start.setSpecialValueText(self.tr("at once"))
                start.setPrefix(self.tr("in "))
                start.setSuffix(self.tr(" turns"))
                start.setKeyboardTracking(False)
                named(
                    start, self.tr("Turns after signing before the term on {name} starts").format(name=name)
                )
                start.valueChanged.connect(lambda _v, b=box: (b.setChecked(True), self._builder_changed()))
                self.table.setCellWidget(r, 5, start)
                self.rows[ins.id] = BuilderRow(box, ed, dur, start)
                r += 1
        self.table.resizeRowsToContents()
        self._fit_table()

    def _fit_table(self) -> None:
        h = self.table.horizontalHeader().height() + 4
        for r in range(self.table.rowCount()):
            h += self.table.rowHeight(r)
        self.table.setMinimumHeight(h + self.table.horizontalScrollBar().sizeHint().height())
        self.table.setMaximumHeight(h + self.table.horizontalScrollBar().sizeHint().height())

    def render(self, ctx: Ctx) -> None:
        prev = self.ctx
        self.ctx = ctx
        v, lang, sc = ctx.view, ctx.lang, ctx.scenario
        key = (v.side, lang, sc.meta.id)
        if key != self._key:
            self._build(ctx)
            self._key = key
        elif prev is not None and prev.view.turn != v.turn:
            self._refresh_now_column(ctx)
        pending = v.pending_offer
        theirs_pending = pending is not None and pending.side != v.side
        table_move = ctx.can_act and v.phase == "table"
        self.incoming.setVisible(pending is not None)
        if pending is not None:
            who = side_name(sc, pending.side, lang)
            head = (
                self.tr("{who} offers (turn {turn}):").format(who=who, turn=pending.turn)
                if theirs_pending
                else self.tr("Your offer is on the table, waiting for {who}:").format(
                    who=side_name(sc, v.other, lang)
                )
            )
            self.incoming_text.setText(self._offer_html(ctx, pending, head))
        self.accept_btn.setEnabled(table_move and theirs_pending)
        self.reject_btn.setEnabled(table_move and theirs_pending)
        self.edit_btn.setEnabled(theirs_pending)
        self.send_btn.setText(self.tr("&Counter-propose") if theirs_pending else self.tr("&Propose"))
        self.send_btn.setEnabled(table_move and v.exchanges_left > 0)
        for row in self.rows.values():
            for w in row.widgets():
                w.setEnabled(v.phase != "over")
        if v.phase == "orders":
            status = self.tr(
                "The table opens once both delegations have given their orders. You can draft a package now."
            )
        elif v.phase == "over":
            status = self.tr("The game is over.")
        elif ctx.can_act and theirs_pending:
            status = self.tr(
                "Your move: accept, reject, or counter their offer. Offers left this turn: {n}."
            ).format(n=v.exchanges_left)
        elif ctx.can_act:
            status = self.tr(
                "Your move: put a package on the table, or end the turn. Offers left this turn: {n}."
            ).format(n=v.exchanges_left)
        else:
            status = self.tr("Waiting for the {who} delegation. Offers left this turn: {n}.").format(
                who=side_name(sc, v.other, lang), n=v.exchanges_left
            )
        self.status.setText(status)
        hkey = (v.side, lang, tuple((o.id, o.status) for o in v.offers))
        if hkey != self._history_key:
            self._history_key = hkey
            self.history.setHtml(self._history_html(ctx))
            self.bottom.setTabText(1, self.tr("Offers so far ({n})").format(n=len(v.offers)))
        self._validate()
        if (
            theirs_pending
            and pending is not None
            and self._preview_terms != tuple(pending.terms)
            and not self._any_checked()
        ):
            self.request_preview(tuple(pending.terms), self.tr("their offer"))

    def _refresh_now_column(self, ctx: Ctx) -> None:
        r = 0
        for _owner in (ctx.view.side, ctx.view.other):
            r += 1
            for iid in [i.id for i in tradable(ctx, _owner)]:
                self.table.setItem(
                    r, 2, QTableWidgetItem(format_level(ctx.scenario, iid, ctx.view.levels[iid], ctx.lang))
                )
                row = self.rows[iid]
                if not row.box.isChecked():
                    row.editor.set_value(ctx.view.levels[iid])
                r += 1

    def _offer_html(self, ctx: Ctx, offer: object, head: str) -> str:
        sc, lang = ctx.scenario, ctx.lang
        terms = "".join(
            f"<li>{html.escape(describe_package_term(sc, t, lang))}</li>"
            for t in offer.terms  # type: ignore[attr-defined]
        )
        out = f"<b>{html.escape(head)}</b><ul style='margin-top:2px'>{terms}</ul>"
        if offer.message:  # type: ignore[attr-defined]
            out += f"<p>“{html.escape(offer.message)}”</p>"  # type: ignore[attr-defined]
        if offer.note:  # type: ignore[attr-defined]
            out += f"<p><i>{html.escape(offer.note)}</i></p>"  # type: ignore[attr-defined]
        return out

    def _history_html(self, ctx: Ctx) -> str:
        v, sc, lang = ctx.view, ctx.scenario, ctx.lang
        if not v.offers:
            return "<p><i>" + html.escape(self.tr("No offers yet.")) + "</i></p>"
        status_words = {
            "pending": self.tr("on the table"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
            "countered": self.tr("countered"),
            "lapsed": self.tr("lapsed"),
        }
        parts = []
        for o in reversed(v.offers):
            col = side_colour(sc, o.side).name()
            who = html.escape(side_name(sc, o.side, lang))
            terms = "; ".join(html.escape(describe_package_term(sc, t, lang)) for t in o.terms)
            head = self.tr("Turn {turn} · {who} · {status}").format(
                turn=o.turn, who="\x00", status=status_words.get(o.status, o.status)
            )
            head = html.escape(head).replace("\x00", f"<span style='color:{col}'><b>{who}</b></span>")
            p = f"<p style='margin-bottom:6px'>{head}<br/>{terms}"
            if o.message:
                p += f"<br/>“{html.escape(o.message)}”"
            if o.note:
                p += f"<br/><i>{html.escape(o.note)}</i>"
            if o.response_note:
                p += "<br/>↳ <i>" + html.escape(o.response_note) + "</i>"
            parts.append(p + "</p>")
        return "".join(parts)

    # ----------------------------------------------------------------- builder
    def _any_checked(self) -> bool:
        return any(row.box.isChecked() for row in self.rows.values())

    def terms(self) -> tuple[Term, ...]:
        return tuple(row.term(iid) for iid, row in self.rows.items() if row.box.isChecked())

    def set_terms(self, terms: Sequence[Term]) -> None:
        """Fill the builder with a package (used for counter-offers and by tests)."""
        self._reset_builder(preview=False)
        for t in terms:
            if t.instrument not in self.rows:
                continue
            self.rows[t.instrument].set(True, t.value, t.duration_turns or 0, t.start_after_turns)
        self._builder_changed()

    def _reset_builder(self, preview: bool = True) -> None:
        if self.ctx is None:
            return
        for iid, row in self.rows.items():
            row.set(False, self.ctx.view.levels[iid], 0, 0)
        self.offer_message.clear()
        if preview:
            self._builder_changed()

    def _load_pending(self) -> None:
        if self.ctx is not None and self.ctx.view.pending_offer is not None:
            self.set_terms(self.ctx.view.pending_offer.terms)

    @Slot()
    def _builder_changed(self) -> None:
        self._validate()
        terms = self.terms()
        if terms:
            self.request_preview(terms, self.tr("your package"))

    def _builder_action(self) -> Action | None:
        ctx = self.ctx
        if ctx is None:
            return None
        terms = self.terms()
        v = ctx.view
        msg = self.offer_message.text().strip()
        if v.pending_offer is not None and v.pending_offer.side != v.side:
            return Counter(side=v.side, terms=terms, message=msg)
        return Propose(side=v.side, terms=terms, message=msg)

    def _validate(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        v = ctx.view
        problem = None
        if not self.terms():
            problem = None
        elif ctx.can_act and v.phase == "table":
            act = self._builder_action()
            problem = self.checker(act) if act is not None else None
        self.builder_problem.setText(problem or "")

    def _send(self) -> None:
        act = self._builder_action()
        if act is None:
            return
        if not act.terms:  # type: ignore[union-attr]
            self.builder_problem.setText(self.tr("Tick at least one term to include."))
            return
        self.action.emit(act)

    def _accept(self) -> None:
        if self.ctx is not None:
            self.action.emit(Accept(side=self.ctx.view.side))

    def _reject(self) -> None:
        if self.ctx is not None:
            self.action.emit(Reject(side=self.ctx.view.side))

    def after_sent(self) -> None:
        """The package went on the table: clear the builder."""
        self._reset_builder(preview=False)

    # ----------------------------------------------------------------- preview
    def request_preview(self, terms: tuple[Term, ...], what: str) -> None:
        self._preview_terms = terms
        self._preview_what = what
        self.bottom.setCurrentWidget(self.preview)
        self.preview_caption.setText(self.tr("Computing the effect of {what}…").format(what=what))
        self.preview_timer.start()

    @Slot()
    def _run_preview(self) -> None:
        ctx = self.ctx
        terms = self._preview_terms
        if ctx is None or not terms:
            return
        from game.engine.preview import preview_deltas

        self._token += 1
        rules, v, turns = ctx.rules, ctx.view, self.PREVIEW_TURNS
        self.preview_busy = True
        workers.start(
            lambda: preview_deltas(rules, v, terms, turns=turns),
            self._preview_done,
            self._preview_failed,
            tag=(self._token, v.side, terms, self._preview_what),
        )

    @Slot(object, object)
    def _preview_done(self, tag: object, deltas: object) -> None:
        token, side, _terms, what = tag  # type: ignore[misc]
        if token != self._token or self.ctx is None or self.ctx.view.side != side:
            return  # stale: the screen has moved on (or changed hands)
        self.preview_busy = False
        self._show_preview(self.ctx, deltas, what)  # type: ignore[arg-type]

    @Slot(object, object)
    def _preview_failed(self, tag: object, exc: object) -> None:
        token = tag[0]  # type: ignore[index]
        if token != self._token:
            return
        self.preview_busy = False
        self.preview_caption.setText(self.tr("The preview failed: {err}").format(err=str(exc)))

    def _show_preview(self, ctx: Ctx, deltas: dict[str, dict[str, float]], what: str) -> None:
        v, sc, lang = ctx.view, ctx.scenario, ctx.lang
        self.preview_caption.setText(
            self.tr("Effect of {what} in {n} turns: with it, minus without it.").format(
                what=what, n=self.PREVIEW_TURNS
            )
        )
        order = [v.side, v.other]
        self.preview_table.setColumnCount(3)
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Meter"), side_name(sc, order[0], lang), side_name(sc, order[1], lang)]
        )
        rows: list[tuple[str, list[float | None], str]] = []
        meters = list(deltas.get(order[0], {}).keys())
        for m in meters:
            rows.append((meter_label(m, lang), [deltas.get(s, {}).get(m) for s in order], m))
        for m, d in deltas.get("shared", {}).items():
            rows.append((meter_label(m, lang), [d, None], m))
        score = deltas.get("score", {}).get(v.side)
        if score is not None:
            rows.append((self.tr("Your score"), [score, None], "score"))
        self.preview_table.setRowCount(len(rows))
        pal = self.palette()
        for r, (label, vals, meter) in enumerate(rows):
            self.preview_table.setItem(r, 0, QTableWidgetItem(label))
            for c, val in enumerate(vals, start=1):
                if val is None:
                    self.preview_table.setItem(r, c, QTableWidgetItem(""))
                    continue
                d = METER_DECIMALS.get(meter, 1)
                item = QTableWidgetItem(signed(val, max(1, d)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                direction = 1 if meter == "score" else METER_GOOD_DIRECTION.get(meter, 0)
                item.setForeground(good_bad_colour(direction, val, pal))
                self.preview_table.setItem(r, c, item)
        self.preview_table.resizeColumnsToContents()
        self.preview_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview_table.resizeRowsToContents()

"""The negotiation table: what the other side answered, the offer on the table, the proposal
builder (with what a comprehensive deal needs), its what-if preview, the history of offers and
the agreements in force."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.engine import Accept, Action, Counter, Propose, Reject, Term
from game.engine.reasons import too_far
from game.reasons_text import action_text, answer_text
from game.text import (
    format_level,
    instrument_name,
    red_line_words,
    side_name,
    side_subject,
)
from game.ui.common import (
    Card,
    Ctx,
    good_bad_colour,
    named,
    wrap_label,
)
from game.ui.panels.base import Checker, Refusal
from game.ui.panels.builder import BuilderModel, BuilderRow, BuilderTable
from game.ui.panels.preview import WhatIfPreview
from game.ui.panels.table_words import (
    agreements_html,
    answer_words,
    deal_rule_html,
    deal_words,
    history_html,
    latest_answer,
    levels_at,
    offer_html,
    package_html,
)


class TablePanel(QWidget):
    """The negotiation table: the last answer, the incoming offer, the advisers' package, the
    proposal builder, and below it the what-if preview, the history of offers and the
    agreements in force."""

    action = Signal(object)
    #: a line for the status bar (and, when the flag is set, a refusal for the banner)
    notice = Signal(str, bool)

    PREVIEW_TURNS = 4

    def __init__(self, checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.ctx: Ctx | None = None
        self._key: tuple | None = None
        self._scenario_key: tuple | None = None
        self.builder_model = BuilderModel(self)
        self.builder_model.edited.connect(self._builder_changed)
        #: each side's draft (terms, message), kept across turns and hand-overs; never shown to the other side
        self._drafts: dict[str, tuple[tuple[Term, ...], str]] = {}
        self.advice: tuple[Term, ...] | None = None  # the advisers' package, ready to load
        self._deals_seen: dict[str, set[tuple]] = {}  # per side: signed offers whose draft was cleared
        self.fit_timer = QTimer(self)
        self.fit_timer.setSingleShot(True)
        self.fit_timer.setInterval(0)
        self.fit_timer.timeout.connect(self._fit_rows)
        self._history_key: tuple | None = None
        self._agreements_key: tuple | None = None
        self._result_key: tuple | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        outer.addWidget(self.split)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area = scroll
        self.split.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        lay = QVBoxLayout(inner)

        # the last answer at the table: accepted, rejected, countered, lapsed
        self.result = wrap_label("", rich=True, object_name="tableResult")
        named(self.result, self.tr("The last answer at the table"))
        self.result.hide()
        lay.addWidget(self.result)

        self.status = wrap_label("", object_name="hint")
        lay.addWidget(self.status)

        # incoming offer
        self.incoming = Card(self.tr("Offer on the table"))
        self.incoming_text = wrap_label("", rich=True)
        named(self.incoming_text, self.tr("Offer on the table"))
        self.incoming.body.addWidget(self.incoming_text)
        self.incoming_problem = wrap_label("", object_name="problem")
        self.incoming_problem.hide()
        self.incoming.body.addWidget(self.incoming_problem)
        brow = QHBoxLayout()
        self.accept_btn = named(QPushButton(self.tr("&Accept")), self.tr("Accept the offer"))
        self.reject_btn = named(QPushButton(self.tr("&Reject")), self.tr("Reject the offer"))
        # an optional reason: plain Reject stays one click (and Alt+R); this one opens a menu of
        # the offer's instruments (Alt+F, then the arrow keys and Enter)
        self.too_far_btn = named(
            QPushButton(self.tr("Reject: too &far on…")),
            self.tr("Reject the offer and say which term went too far (optional)"),
        )
        self.too_far_menu = QMenu(self.too_far_btn)
        named(self.too_far_menu, self.tr("Reject: which term went too far"))
        self.too_far_btn.setMenu(self.too_far_menu)
        self._too_far_key: tuple | None = None
        self.edit_btn = named(
            QPushButton(self.tr("&Edit as counter-offer")),
            self.tr("Load the offer into the proposal builder"),
        )
        self.accept_btn.setObjectName("primary")
        self.accept_btn.clicked.connect(self._accept)
        self.reject_btn.clicked.connect(self._reject)
        self.edit_btn.clicked.connect(self._load_pending)
        for b in (self.accept_btn, self.reject_btn, self.too_far_btn, self.edit_btn):
            brow.addWidget(b)
        brow.addStretch(1)
        # the answer first: on a laptop screen a long package would push it out of sight
        self.incoming.body.insertLayout(self.incoming.body.indexOf(self.incoming_text), brow)
        lay.addWidget(self.incoming)

        # the advisers' package (from "Ask your advisers"), ready to load
        self.advice_card = Card(self.tr("Your advisers suggest this package"))
        self.advice_text = wrap_label("", rich=True)
        named(self.advice_text, self.tr("Your advisers' package"))
        self.advice_card.body.addWidget(self.advice_text)
        self.load_advice_btn = named(
            QPushButton(self.tr("&Load into the builder")),
            self.tr("Load the advisers' package into the proposal builder"),
        )
        self.load_advice_btn.clicked.connect(self.load_advice)
        arow = QHBoxLayout()
        arow.addWidget(self.load_advice_btn)
        arow.addStretch(1)
        self.advice_card.body.addLayout(arow)
        self.advice_card.hide()
        lay.addWidget(self.advice_card)

        # builder
        self.builder = Card(self.tr("Proposal builder"))
        hint = wrap_label(
            self.tr(
                "Tick the terms to include (Space ticks the selected row). A term holds one instrument, yours "
                "or theirs, at a level for some turns (then it snaps back) or to the end. Your draft stays "
                "from turn to turn."
            ),
            object_name="hint",
        )
        self.builder.body.addWidget(hint)
        self.table = BuilderTable(self.builder_model)
        self.table.horizontalHeader().sectionResized.connect(self._name_width_changed)
        named(self.table, self.tr("Terms of the package"))
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        self.space.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.space.activated.connect(self._toggle_current_row)
        self.builder.body.addWidget(self.table)
        self.deal_rule = wrap_label("", rich=True)
        named(self.deal_rule, self.tr("What a comprehensive deal needs"))
        self.builder.body.addWidget(self.deal_rule)
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
        named(self.bottom, self.tr("What-if preview, history of offers and agreements in force"))
        self.preview = WhatIfPreview(lambda: self.ctx)
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)
        self.history.anchorClicked.connect(self._history_link)
        named(
            self.history,
            self.tr("History of offers"),
            self.tr("Each offer has a link that loads it into the proposal builder."),
        )
        self.agreements = QTextBrowser()
        self.agreements.setOpenLinks(False)
        named(self.agreements, self.tr("Agreements in force"))
        self.bottom.addTab(self.preview, self.tr("What-if preview"))
        self.bottom.addTab(self.history, self.tr("Offers so far"))
        self.bottom.addTab(self.agreements, self.tr("Agreements"))
        self.split.addWidget(self.bottom)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([430, 200])

    # ------------------------------------------------------------------ render
    def clear(self) -> None:
        """Wipe everything private to the side at the screen (before a hot-seat hand-over);
        that side's draft is kept aside, unseen, for its next turn at the screen."""
        self._save_draft()
        self.preview.drop()
        self.ctx = None
        self._key = None
        self.builder_model.clear()
        self.incoming_text.setText("")
        self.incoming_problem.setText("")
        self.offer_message.clear()
        self.builder_problem.setText("")
        self.deal_rule.setText("")
        self.preview.placeholder()
        self.history.clear()
        self._history_key = None
        self.agreements.clear()
        self._agreements_key = None
        self.result.clear()
        self.result.hide()
        self._result_key = None
        self.status.setText("")
        self.set_advice(None)

    def _save_draft(self) -> None:
        if self.ctx is not None and self.builder_model.rows:
            self._drafts[self.ctx.view.side] = (self.terms(), self.offer_message.text())

    def _build(self, ctx: Ctx) -> None:
        self.builder_model.build(ctx, self.font())
        self.table.resizeRowsToContents()
        self._fit_table()
        self.fit_timer.start()

    @Slot(int, int, int)
    def _name_width_changed(self, _section: int, _old: int, _new: int) -> None:
        self.fit_timer.start()  # the names wrap to the new width once the layout has settled

    @Slot()
    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
        self._fit_table()

    def _fit_table(self) -> None:
        h = self.table.horizontalHeader().height() + 4
        for r in range(self.builder_model.rowCount()):
            h += self.table.rowHeight(r)
        bar = self.table.horizontalScrollBar()
        sb = bar.sizeHint().height() if bar.maximum() > 0 else 0
        self.table.setMinimumHeight(h + sb)
        self.table.setMaximumHeight(h + sb)

    @Slot()
    def _toggle_current_row(self) -> None:
        self.builder_model.toggle(self.table.currentIndex().row())

    def refresh(self, ctx: Ctx) -> None:  # not render(): that is QWidget.render(target)
        prev = self.ctx
        v, lang, sc = ctx.view, ctx.lang, ctx.scenario
        scenario_key = (sc.meta.id, tuple(i.id for i in sc.instruments))
        if scenario_key != self._scenario_key:
            # another scenario: nothing of the old one (drafts, advice, a preview under way) carries over
            self._drafts.clear()
            self._deals_seen.clear()
            self._scenario_key = scenario_key
            self._key = None
            self.preview.forget()
            self._result_key = None
            self._history_key = None
            self._agreements_key = None
            self.set_advice(None)
            prev = None
        elif prev is not None and prev.view.side != v.side:
            self._save_draft()
        self.ctx = ctx
        key = (v.side, lang, scenario_key)
        if key != self._key:
            self._build(ctx)
            self._key = key
            draft = self._drafts.get(v.side)
            if draft is not None:
                self._fill(draft[0])
                self.offer_message.setText(draft[1])
        elif prev is not None and prev.view.turn != v.turn:
            self._refresh_now_column(ctx)
        pending = v.pending_offer
        theirs_pending = pending is not None and pending.side != v.side
        table_move = ctx.can_act and v.phase == "table"
        self.incoming.setVisible(pending is not None)
        if pending is not None:
            who = side_subject(sc, pending.side, lang, start=True)
            head = (
                self.tr("{who} offers (turn {turn}):").format(who=who, turn=pending.turn)
                if theirs_pending
                else self.tr("Your offer is on the table, waiting for {who}:").format(
                    who=side_name(sc, v.other, lang)
                )
            )
            self.incoming_text.setText(offer_html(ctx, pending, head, self.builder_model.rows))
        self.accept_btn.setEnabled(table_move and theirs_pending)
        self.reject_btn.setEnabled(table_move and theirs_pending)
        self.too_far_btn.setEnabled(table_move and theirs_pending)
        self._fill_too_far(ctx)
        self.edit_btn.setEnabled(theirs_pending)
        self.send_btn.setText(self.tr("&Counter-propose") if theirs_pending else self.tr("&Propose"))
        self.send_btn.setEnabled(table_move and v.exchanges_left > 0)
        self.builder_model.set_enabled(v.phase != "over")
        accept_problem = self._accept_problem(ctx) if table_move and theirs_pending else None
        self.incoming_problem.setText(accept_problem or "")
        self.incoming_problem.setVisible(bool(accept_problem))
        if v.phase == "orders" and v.turn < v.scenario.end.table_from_turn:
            status = self.tr(
                "This turn is orders only: the table opens on turn {n}. You can draft a package now."
            ).format(n=v.scenario.end.table_from_turn)
        elif v.phase == "orders":
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
        self._render_result(ctx)
        hkey = (v.side, lang, v.turn, tuple((o.id, o.status) for o in v.offers))
        if hkey != self._history_key:
            self._history_key = hkey
            self.history.setHtml(history_html(ctx, self.builder_model.rows))
            self.bottom.setTabText(1, self.tr("Offers so far ({n})").format(n=len(v.offers)))
        akey = (v.side, lang, v.turn, tuple((a.id, a.status, len(a.terms)) for a in v.agreements))
        if akey != self._agreements_key:
            self._agreements_key = akey
            self.agreements.setHtml(agreements_html(ctx))
            n = len(v.active_agreements)
            self.bottom.setTabText(
                2, self.tr("Agreements in force ({n})").format(n=n) if n else self.tr("Agreements")
            )
        self._validate()
        self._update_preview(switch=False)

    def _refresh_now_column(self, ctx: Ctx) -> None:
        self.builder_model.refresh_now(ctx.view.levels)

    # ------------------------------------------------------------ what is said
    def _render_result(self, ctx: Ctx) -> None:
        o = latest_answer(ctx)
        key = None if o is None else (ctx.view.side, o.id, o.status)
        if o is None:
            self.result.hide()
            self._result_key = None
            return
        if key == self._result_key and self.result.isVisible():
            return
        pal = self.palette()
        status = o.status
        good = status == "accepted"
        colour = (
            good_bad_colour(1, 1 if good else -1, pal) if status != "lapsed" else pal.color(pal.ColorRole.Mid)
        )
        mark = {"accepted": "✔", "rejected": "✘", "countered": "↺", "lapsed": "…"}[status]
        head = answer_words(ctx, o)
        body = f"<b style='color:{colour.name()}'>{mark} {html.escape(head)}</b>"
        if good:
            ag = next((a for a in ctx.view.agreements if a.offer_id == o.id), None)
            if ag is not None and ag.comprehensive:
                body += " <b>★ " + html.escape(self.tr("It is a comprehensive deal.")) + "</b>"
            body += package_html(ctx, o.terms, levels_at(ctx.view, o.turn), self.builder_model.rows)
        # the reason only (a counter-offer is shown in its own card; the head says the answer)
        note = answer_text(ctx.scenario, o, ctx.lang, head=False)
        if note:
            body += "<br/>" + html.escape(self.tr("Why:")) + f" <i>{html.escape(note)}</i>"
        self.result.setText(body)
        self.result.setStyleSheet(
            f"QLabel#tableResult {{ border-left: 4px solid {colour.name()}; padding: 6px 10px; "
            f"background: {pal.color(pal.ColorRole.Base).name()}; }}"
        )
        self.result.show()
        if key != self._result_key:
            self._result_key = key
            side = ctx.view.side
            deal = (o.id, o.turn, tuple(o.terms))
            if good and deal not in self._deals_seen.setdefault(side, set()):
                self._deals_seen[side].add(deal)
                self._reset_builder(preview=False)  # the package is in force now: a fresh draft
            self.scroll_area.verticalScrollBar().setValue(0)  # the answer is the first thing to read
            line = head + (f" {note}" if note else "")
            self.notice.emit(line if len(line) <= 200 else line[:199] + "…", False)

    def _update_deal_rule(self) -> None:
        """Say what a comprehensive deal needs (the scenario's rule) and whether the draft is one."""
        if self.ctx is None:
            return
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText).name()
        text, tip = deal_rule_html(self.ctx, self.terms(), muted)
        self.deal_rule.setToolTip(tip)
        self.deal_rule.setText(text)

    # ----------------------------------------------------------------- builder
    def _any_checked(self) -> bool:
        return any(d.include for d in self.builder_model.drafts().values())

    def terms(self) -> tuple[Term, ...]:
        return self.builder_model.terms()

    @property
    def rows(self) -> dict[str, BuilderRow]:
        """The builder's rows by instrument (to read or drive one, as the tests do)."""
        return {iid: BuilderRow(self.table, iid) for iid in self.builder_model.rows}

    def _fill(self, terms: Sequence[Term]) -> None:
        """Put a package in the builder (without a preview or signals)."""
        if self.ctx is not None:
            self.builder_model.fill(terms, self.ctx.view.levels)

    def set_terms(self, terms: Sequence[Term]) -> None:
        """Fill the builder with a package (a counter-offer, a past offer, the advisers' package)."""
        self._fill(terms)
        self.offer_message.clear()
        self._builder_changed()

    def _reset_builder(self, preview: bool = True) -> None:
        if self.ctx is None:
            return
        self.builder_model.fill((), self.ctx.view.levels)
        self.offer_message.clear()
        if preview:
            self._builder_changed()

    def _load_pending(self) -> None:
        if self.ctx is not None and self.ctx.view.pending_offer is not None:
            self.set_terms(self.ctx.view.pending_offer.terms)

    @Slot(QUrl)
    def _history_link(self, url: QUrl) -> None:
        """A link in the history of offers: ``load:<offer id>`` puts that offer in the builder."""
        if self.ctx is None or url.scheme() != "load":
            return
        try:
            oid = int(url.path())
        except ValueError:
            return
        offer = next((o for o in self.ctx.view.offers if o.id == oid), None)
        if offer is not None:
            self.set_terms(offer.terms)
            self.notice.emit(
                self.tr("The offer of turn {turn} is in the proposal builder.").format(turn=offer.turn), False
            )

    def set_advice(self, action: Action | None) -> None:
        """Keep the advisers' suggestion: a package (propose or counter) can be loaded with one click."""
        terms = tuple(getattr(action, "terms", ()) or ())
        self.advice = terms or None
        ctx = self.ctx
        if not terms or ctx is None:
            self.advice_card.hide()
            self.advice_text.clear()
            return
        body = package_html(ctx, terms, ctx.view.levels, self.builder_model.rows) + deal_words(ctx, terms)
        note = action_text(ctx.scenario, action, ctx.lang, own=True)  # the advisers speak to their own side
        if note:
            body += f"<p><i>{html.escape(note)}</i></p>"
        self.advice_text.setText(body)
        self.advice_card.show()

    @Slot()
    def load_advice(self) -> None:
        if self.advice:
            self.set_terms(self.advice)
            self.notice.emit(self.tr("Your advisers' package is in the proposal builder."), False)

    @Slot()
    def _builder_changed(self) -> None:
        self._validate()
        self._update_preview(switch=True)

    def _builder_action(self) -> Propose | Counter | None:
        ctx = self.ctx
        if ctx is None:
            return None
        terms = self.terms()
        v = ctx.view
        msg = self.offer_message.text().strip()
        if v.pending_offer is not None and v.pending_offer.side != v.side:
            return Counter(side=v.side, terms=terms, message=msg)
        return Propose(side=v.side, terms=terms, message=msg)

    def _red_line_words(self, ctx: Ctx, terms: Sequence[Term], problem: str) -> str:
        """The engine names a red line by its id; say it in the player's words and language."""
        v, rules = ctx.view, ctx.rules
        try:
            before = set(rules.crossed_red_lines(v.side, v.levels))
            after = set(rules.crossed_red_lines(v.side, rules.package_levels(v.levels, tuple(terms))))
        except Exception:  # the engine's own message is still right, only less readable
            return problem
        crossed = [rl for rl in v.briefing.red_lines if rl.id in after - before]
        if not crossed:
            return problem
        rule = problem.rule if isinstance(problem, Refusal) and problem.rule else "3.5"
        lines = "; ".join(red_line_words(ctx.scenario, rl, ctx.lang) for rl in crossed)
        return self.tr("Rule {rule}: this package crosses your red line: {lines}").format(
            rule=rule, lines=lines
        )

    def _accept_problem(self, ctx: Ctx) -> str | None:
        pending = ctx.view.pending_offer
        if pending is None:
            return None
        problem = self.checker(Accept(side=ctx.view.side))
        return self._red_line_words(ctx, pending.terms, problem) if problem else None

    def _validate(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        v = ctx.view
        problem = None
        terms = self.terms()
        if terms and ctx.can_act and v.phase == "table":
            act = self._builder_action()
            problem = self.checker(act) if act is not None else None
            if problem:
                problem = self._red_line_words(ctx, terms, problem)
        elif terms:
            problem = self._red_line_words(ctx, terms, "") or None
        self.builder_problem.setText(problem or "")
        self._update_deal_rule()

    def _send(self) -> None:
        act = self._builder_action()
        if act is None or self.ctx is None:
            return
        if not act.terms:
            self.builder_problem.setText(self.tr("Tick at least one term to include."))
            return
        problem = self.checker(act)
        if problem:
            words = self._red_line_words(self.ctx, act.terms, problem)
            if words != problem:  # a red line: say it in the player's words, play nothing
                self.builder_problem.setText(words)
                self.notice.emit(words, True)
                return
        self.action.emit(act)

    def _accept(self) -> None:
        if self.ctx is None:
            return
        problem = self._accept_problem(self.ctx)
        if problem and problem != self.checker(Accept(side=self.ctx.view.side)):
            self.notice.emit(problem, True)
            return
        self.action.emit(Accept(side=self.ctx.view.side))

    def _reject(self) -> None:
        if self.ctx is not None:
            self.action.emit(Reject(side=self.ctx.view.side))

    def _fill_too_far(self, ctx: Ctx) -> None:
        """The reason menu: one entry per term of their offer on the table ("the US reciprocal
        tariff (10%)"), nothing else."""
        v = ctx.view
        pending = v.pending_offer
        theirs = pending if pending is not None and pending.side != v.side else None
        key = (v.side, ctx.lang, None if theirs is None else (theirs.id, tuple(theirs.terms)))
        if key == self._too_far_key:
            return
        self._too_far_key = key
        self.too_far_menu.clear()
        if theirs is None:
            return
        head = self.too_far_menu.addAction(self.tr("Reject — too far on (optional):"))
        head.setEnabled(False)
        for term in theirs.terms:
            iid, level = term.instrument, term.value
            text = self.tr("{name} ({level})").format(
                name=instrument_name(ctx.scenario, iid, ctx.lang),
                level=format_level(ctx.scenario, iid, level, ctx.lang),
            )
            act = self.too_far_menu.addAction(text)
            act.setData(iid)
            act.triggered.connect(lambda _=False, i=iid, x=level: self._reject_too_far(i, x))

    def too_far_actions(self) -> dict[str, QAction]:
        """The reason menu's entries by instrument (to read or drive one, as the tests do)."""
        return {a.data(): a for a in self.too_far_menu.actions() if a.data()}

    def _reject_too_far(self, instrument: str, level: float) -> None:
        """Reject, saying the offer went too far on ``instrument`` (at ``level``, its term)."""
        if self.ctx is not None:
            self.action.emit(Reject(side=self.ctx.view.side, reasons=(too_far(instrument, level),)))

    def after_sent(self) -> None:
        """The package went on the table: the draft stays (to adjust after an answer); the message goes."""
        self.offer_message.clear()

    # ----------------------------------------------------------------- preview
    def _desired_preview(self) -> tuple[tuple[Term, ...], str] | None:
        ctx = self.ctx
        if ctx is None or ctx.view.phase == "over":
            return None
        terms = self.terms()
        if terms:
            return terms, self.tr("your package")
        pending = ctx.view.pending_offer
        if pending is not None and pending.side != ctx.view.side:
            return tuple(pending.terms), self.tr("their offer")
        return None

    def _update_preview(self, switch: bool) -> None:
        """Keep the what-if preview on what is in front of the player now: the draft, else their
        offer, else nothing (never an offer that has gone, never last turn's numbers)."""
        if self.preview.follow(self._desired_preview()) and switch:
            self.bottom.setCurrentWidget(self.preview)

    # (the preview's parts, as the panel's: the tests and the secrecy audit read them here)
    PREVIEW_TURNS = WhatIfPreview.TURNS

    @property
    def preview_table(self) -> QTableWidget:
        return self.preview.table

    @property
    def preview_caption(self) -> QLabel:
        return self.preview.caption

    @property
    def preview_timer(self) -> QTimer:
        return self.preview.timer

    @property
    def preview_busy(self) -> bool:
        return self.preview.busy

    @property
    def _preview_key(self) -> tuple | None:
        return self.preview.key

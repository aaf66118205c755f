"""The orders form: this side's private moves and statement for the week."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from game.engine import SubmitOrders
from game.engine.actions import STATEMENTS, Statement
from game.engine.breach import BreachForecast, order_breaches
from game.scenario.models import tr
from game.text import (
    format_level,
    instrument_name,
    side_name,
    statement_label,
)
from game.ui.common import (
    Card,
    Ctx,
    LevelEditor,
    named,
    wrap_label,
)
from game.ui.panels.base import (
    Checker,
    _clear_layout,
    scenario_key,
    tradable,
)


class OrdersPanel(QWidget):
    """This turn's private orders: instrument moves with their capital cost, and a statement.

    Once submitted, the form shows the orders as they were given (``View.my_orders``, the
    statement and its words), read-only, until the next turn."""

    def __init__(self, checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.ctx: Ctx | None = None
        self._key: tuple[object, ...] | None = None  # (side, lang, scenario) the rows are built for
        self._turn: int | None = None
        self.editors: dict[str, LevelEditor] = {}
        self.costs: dict[str, QLabel] = {}
        self.now_labels: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        self.lay = QVBoxLayout(inner)
        self.intro = wrap_label("", object_name="hint")
        self.lay.addWidget(self.intro)
        self.card = Card(self.tr("Unilateral moves"))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.card.body.addWidget(self.grid_host)
        self.lay.addWidget(self.card)

        st = Card(self.tr("Public statement"))
        self.statement = QComboBox()
        named(self.statement, self.tr("Statement"))
        self.statement.currentIndexChanged.connect(self._changed)
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("Optional words for the press"))
        named(self.message, self.tr("Statement text"))
        self.message.setMaxLength(240)
        srow = QHBoxLayout()
        srow.addWidget(self.statement)
        srow.addWidget(self.message, 1)
        st.body.addLayout(srow)
        self.lay.addWidget(st)
        self.total = wrap_label()
        self.total.setObjectName("total")
        self.lay.addWidget(self.total)
        #: Says, as the orders are drafted, which agreement in force they would breach.
        self.breach = wrap_label("", object_name="problem")
        named(self.breach, self.tr("Agreements these orders would breach"))
        self.lay.addWidget(self.breach)
        self.problem = wrap_label("", object_name="problem")
        self.lay.addWidget(self.problem)
        self.lay.addStretch(1)

    def clear(self) -> None:
        _clear_layout(self.grid)
        self.editors.clear()
        self.costs.clear()
        self.now_labels.clear()
        self.names.clear()
        self.ctx = None
        self._key = None
        self._turn = None
        self.intro.setText("")
        self.total.setText("")
        self.breach.setText("")
        self.problem.setText("")
        self.message.clear()
        self.statement.clear()

    def _set_form(self, ctx: Ctx, moves: dict[str, float], statement: str, message: str) -> None:
        """Fill the form (without signals): each instrument at its move or its level now."""
        v, sc, lang = ctx.view, ctx.scenario, ctx.lang
        for iid, ed in self.editors.items():
            ed.set_value(moves.get(iid, v.levels[iid]))
            self.now_labels[iid].setText(format_level(sc, iid, v.levels[iid], lang))
        self.statement.blockSignals(True)
        self.statement.setCurrentIndex(max(0, self.statement.findData(statement)))
        self.statement.blockSignals(False)
        if self.message.text() != message:
            self.message.setText(message)

    def _build(self, ctx: Ctx) -> None:
        _clear_layout(self.grid)
        self.editors.clear()
        self.costs.clear()
        self.now_labels.clear()
        self.names.clear()
        lang, sc = ctx.lang, ctx.scenario
        heads = [self.tr("Instrument"), self.tr("Now"), self.tr("New level"), self.tr("Capital cost")]
        for c, h in enumerate(heads):
            lab = QLabel(h)
            lab.setObjectName("colHead")
            self.grid.addWidget(lab, 0, c)
        for r, ins in enumerate(tradable(ctx, ctx.view.side), start=1):
            full = instrument_name(sc, ins.id, lang)
            # a long name wraps onto more lines (never clipped); the tooltip has it whole
            name = QLabel(full)
            name.setWordWrap(True)
            name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            name.setMinimumWidth(80)
            name.setToolTip(f"{full}\n{tr(ins.description, lang)}" if ins.description else full)
            self.grid.addWidget(name, r, 0)
            self.names[ins.id] = name
            now = QLabel(format_level(sc, ins.id, ctx.view.levels[ins.id], lang))
            self.now_labels[ins.id] = now
            self.grid.addWidget(now, r, 1)
            ed = LevelEditor(ins, sc, lang)
            ed.set_value(ctx.view.levels[ins.id])
            ed.setAccessibleName(self.tr("New level of {name}").format(name=full))
            ed.changed.connect(self._changed)
            name.setBuddy(ed.editor())
            self.grid.addWidget(ed, r, 2)
            cost = QLabel("0")
            cost.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(cost, r, 3)
            self.editors[ins.id] = ed
            self.costs[ins.id] = cost
        self.grid.setColumnStretch(0, 1)
        self.statement.blockSignals(True)
        self.statement.clear()
        for s in STATEMENTS:
            self.statement.addItem(statement_label(s, lang), s)
        self.statement.blockSignals(False)
        self.message.clear()

    def refresh(self, ctx: Ctx) -> None:  # not render(): that is QWidget.render(target)
        v = ctx.view
        key = (v.side, ctx.lang, scenario_key(ctx))
        rebuilt = key != self._key or any(i not in ctx.rules.instruments for i in self.editors)
        self.ctx = ctx
        if rebuilt:
            self._build(ctx)
            self._key = key
        submitted = v.my_orders is not None
        if submitted:
            # what was given, as it was given, until the turn resolves
            self._set_form(ctx, dict(v.my_orders or {}), v.my_statement, v.my_message)
        elif rebuilt or v.turn != self._turn:
            self._set_form(ctx, {}, "none", "")  # a new turn: start again from the levels now
        self._turn = v.turn
        editable = ctx.can_act and v.phase == "orders" and not submitted
        for ed in self.editors.values():
            ed.setEnabled(editable)
        self.statement.setEnabled(editable)
        self.message.setReadOnly(not editable)  # submitted words stay readable, not editable
        self.message.setEnabled(editable or submitted)
        if submitted:
            moves = ", ".join(
                f"{instrument_name(ctx.scenario, i, ctx.lang)} → {format_level(ctx.scenario, i, x, ctx.lang)}"
                for i, x in (v.my_orders or {}).items()
            )
            self.intro.setText(
                self.tr(
                    "Your orders for this turn are in: {moves}. They take effect when the turn resolves."
                ).format(moves=moves or self.tr("no moves"))
            )
        elif v.phase == "orders":
            self.intro.setText(
                self.tr(
                    "Choose this week's unilateral moves and a public statement. They stay private until the turn "
                    "resolves. Every step costs political capital."
                )
            )
        else:
            self.intro.setText(self.tr("Orders are closed for this turn: the table is open."))
        self._changed()

    def moves(self) -> dict[str, float]:
        if self.ctx is None:
            return {}
        out = {}
        for iid, ed in self.editors.items():
            val = ed.value()
            if abs(val - self.ctx.view.levels[iid]) > 1e-9:
                out[iid] = val
        return out

    def statement_value(self) -> Statement:
        data = self.statement.currentData()  # one of STATEMENTS (see render), or None
        return next((s for s in STATEMENTS if s == data), "none")

    def action(self) -> SubmitOrders | None:
        if self.ctx is None:
            return None
        return SubmitOrders(
            side=self.ctx.view.side,
            moves=self.moves(),
            statement=self.statement_value(),
            message=self.message.text().strip(),
        )

    def breaches(self, moves: dict[str, float] | None = None) -> BreachForecast | None:
        """The agreements in force these orders (the form's, or ``moves``) would breach."""
        if self.ctx is None:
            return None
        return order_breaches(self.ctx.view, self.moves() if moves is None else moves)

    def describe_breaches(self, forecast: BreachForecast) -> str:
        """Which agreement, which instrument, and what it costs, in the player's words."""
        ctx = self.ctx
        assert ctx is not None
        sc, lang = ctx.scenario, ctx.lang
        lines = []
        for b in forecast.breaches:
            for t in b.terms:
                name = instrument_name(sc, t.instrument, lang)
                committed = format_level(sc, t.instrument, t.committed, lang)
                ordered = format_level(sc, t.instrument, t.ordered, lang)
                text = (
                    self.tr(
                        "The agreement signed on turn {turn} holds {name} at most {committed}; your order: {ordered}."
                    )
                    if t.bound == "at_most"
                    else self.tr(
                        "The agreement signed on turn {turn} holds {name} at least {committed}; your order: {ordered}."
                    )
                )
                lines.append(
                    "• " + text.format(turn=b.signed_turn, name=name, committed=committed, ordered=ordered)
                )
            if b.snaps_back:
                lines.append(
                    "  "
                    + self.tr(
                        "It becomes void: the {other} delegation's commitments in it snap back ({what})."
                    ).format(
                        other=side_name(sc, ctx.view.other, lang),
                        what=", ".join(instrument_name(sc, i, lang) for i in b.snaps_back),
                    )
                )
        lines.append(
            self.tr(
                "Cost: {trust:.0f} trust (from {before:.0f} to {after:.0f}, before the turn's other changes) and "
                "{capital:.0f} of your political capital."
            ).format(
                trust=forecast.trust_cost,
                before=forecast.trust_before,
                after=forecast.trust_after,
                capital=forecast.capital_cost,
            )
        )
        if forecast.collapses:
            lines.append(self.tr("Trust would run out: the talks collapse and the game ends."))
        return "\n".join(lines)

    def confirm(self, action: SubmitOrders) -> bool:
        """Before submitting: if these orders breach an agreement in force, say so, with the
        cost, and ask. Yes submits; No keeps the form as it is (nothing is lost)."""
        forecast = self.breaches(dict(action.moves))
        if forecast is None or not forecast.breaches:
            return True
        box = QMessageBox(self.window())
        box.setObjectName("breachWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Breach an agreement?"))
        n = len(forecast.breaches)
        box.setText(
            self.tr("These orders breach an agreement in force.")
            if n == 1
            else self.tr("These orders breach {n} agreements in force.").format(n=n)
        )
        box.setInformativeText(
            self.describe_breaches(forecast) + "\n\n" + self.tr("Submit these orders anyway?")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Yes, breach it"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&No, back to the orders"))
        box.exec()
        yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
        box.deleteLater()
        return yes

    @Slot()
    def _changed(self) -> None:
        ctx = self.ctx
        if ctx is None or not self.editors:
            return
        v = ctx.view
        for iid, ed in self.editors.items():
            ins = ctx.rules.instruments.get(iid)
            if ins is not None:
                self.costs[iid].setText(f"{ctx.rules.move_cost(ins, v.levels[iid], ed.value()):.1f}")
        cost = ctx.rules.orders_cost_levels(v.levels, self.moves(), self.statement_value())
        self.total.setText(
            self.tr("These orders cost {cost:.1f} of your {capital:.0f} political capital.").format(
                cost=cost, capital=v.political_capital
            )
        )
        problem = None
        drafting = v.phase == "orders" and v.my_orders is None and ctx.can_act
        if drafting:
            act = self.action()
            problem = self.checker(act) if act is not None else None
        forecast = self.breaches() if drafting else None
        self.breach.setText(
            "⚠ "
            + self.tr("These orders breach an agreement in force.")
            + "\n"
            + self.describe_breaches(forecast)
            if forecast is not None and forecast.breaches
            else ""
        )
        self.problem.setText(problem or "")

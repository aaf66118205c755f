"""The orders form: this side's private moves and statement for the week."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from game.engine import SubmitOrders
from game.engine.actions import STATEMENTS
from game.scenario.models import tr
from game.text import (
    format_level,
    instrument_name,
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
    tradable,
)


class OrdersPanel(QWidget):
    """This turn's private orders: instrument moves with their capital cost, and a statement."""

    def __init__(self, checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.ctx: Ctx | None = None
        self._key: tuple[str, int, str] | None = None
        self.editors: dict[str, LevelEditor] = {}
        self.costs: dict[str, QLabel] = {}
        self.now_labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
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
        self.total = QLabel()
        self.total.setObjectName("total")
        self.lay.addWidget(self.total)
        self.problem = wrap_label("", object_name="problem")
        self.lay.addWidget(self.problem)
        self.lay.addStretch(1)

    def clear(self) -> None:
        _clear_layout(self.grid)
        self.editors.clear()
        self.costs.clear()
        self.ctx = None
        self._key = None
        self.intro.setText("")
        self.total.setText("")
        self.problem.setText("")
        self.message.clear()
        self.statement.clear()

    def _new_turn(self, ctx: Ctx) -> None:
        """A new turn: the editors start again from the current levels (widgets kept)."""
        v, sc, lang = ctx.view, ctx.scenario, ctx.lang
        for iid, ed in self.editors.items():
            ed.set_value(v.levels[iid])
            self.now_labels[iid].setText(format_level(sc, iid, v.levels[iid], lang))
        self.statement.blockSignals(True)
        self.statement.setCurrentIndex(0)
        self.statement.blockSignals(False)
        self.message.clear()

    def _build(self, ctx: Ctx) -> None:
        _clear_layout(self.grid)
        self.editors.clear()
        self.costs.clear()
        self.now_labels.clear()
        lang, sc = ctx.lang, ctx.scenario
        heads = [self.tr("Instrument"), self.tr("Now"), self.tr("New level"), self.tr("Capital cost")]
        for c, h in enumerate(heads):
            lab = QLabel(h)
            lab.setObjectName("colHead")
            self.grid.addWidget(lab, 0, c)
        for r, ins in enumerate(tradable(ctx, ctx.view.side), start=1):
            name = QLabel(instrument_name(sc, ins.id, lang))
            name.setWordWrap(True)
            if ins.description:
                name.setToolTip(tr(ins.description, lang))
            self.grid.addWidget(name, r, 0)
            now = QLabel(format_level(sc, ins.id, ctx.view.levels[ins.id], lang))
            self.now_labels[ins.id] = now
            self.grid.addWidget(now, r, 1)
            ed = LevelEditor(ins, sc, lang)
            ed.set_value(ctx.view.levels[ins.id])
            ed.setAccessibleName(
                self.tr("New level of {name}").format(name=instrument_name(sc, ins.id, lang))
            )
            ed.changed.connect(self._changed)
            name.setBuddy(ed.editor())
            self.grid.addWidget(ed, r, 2)
            cost = QLabel("0")
            self.grid.addWidget(cost, r, 3)
            self.editors[ins.id] = ed
            self.costs[ins.id] = cost
        self.grid.setColumnStretch(0, 3)
        self.statement.blockSignals(True)
        self.statement.clear()
        for s in STATEMENTS:
            self.statement.addItem(statement_label(s, lang), s)
        self.statement.blockSignals(False)
        self.message.clear()

    def render(self, ctx: Ctx) -> None:
        self.ctx = ctx
        v = ctx.view
        key = (v.side, v.turn, ctx.lang)
        if self._key is None or key[0::2] != self._key[0::2]:
            self._build(ctx)
        elif key != self._key:
            self._new_turn(ctx)
        self._key = key
        submitted = v.my_orders is not None
        editable = ctx.can_act and v.phase == "orders" and not submitted
        for ed in self.editors.values():
            ed.setEnabled(editable)
        self.statement.setEnabled(editable)
        self.message.setEnabled(editable)
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

    def statement_value(self) -> str:
        return str(self.statement.currentData() or "none")

    def action(self) -> SubmitOrders | None:
        if self.ctx is None:
            return None
        return SubmitOrders(
            side=self.ctx.view.side,
            moves=self.moves(),
            statement=self.statement_value(),  # type: ignore[arg-type]
            message=self.message.text().strip(),
        )

    @Slot()
    def _changed(self) -> None:
        ctx = self.ctx
        if ctx is None or not self.editors:
            return
        v = ctx.view
        for iid, ed in self.editors.items():
            ins = ctx.rules.instruments[iid]
            self.costs[iid].setText(f"{ctx.rules.move_cost(ins, v.levels[iid], ed.value()):.1f}")
        cost = ctx.rules.orders_cost_levels(v.levels, self.moves(), self.statement_value())
        self.total.setText(
            self.tr("These orders cost {cost:.1f} of your {capital:.0f} political capital.").format(
                cost=cost, capital=v.political_capital
            )
        )
        problem = None
        if v.phase == "orders" and v.my_orders is None and ctx.can_act:
            act = self.action()
            problem = self.checker(act) if act is not None else None
        self.problem.setText(problem or "")


# ------------------------------------------------------------------------------- table

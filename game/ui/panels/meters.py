"""The meters (with trends and "why did this move?") and the news."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from game.engine import View
from game.engine.state import TurnRecord
from game.text import (
    METER_DECIMALS,
    METER_GOOD_DIRECTION,
    channel_label,
    describe_news,
    format_meter,
    meter_label,
    side_name,
)
from game.ui.common import (
    Card,
    Ctx,
    Sparkline,
    good_bad_colour,
    named,
    side_colour,
    signed,
    wrap_label,
)
from game.ui.panels.base import (
    Panels,
    _clear_layout,
    scenario_key,
    shared_meter_rows,
    side_meter_rows,
)


def why_text(v: View, key: str, meter: str, side: str | None, lang: str) -> str:
    """'Why did this move?' for one meter: the change this turn and its recorded causes."""
    hist = v.history
    who = side_name(v.scenario, side, lang) if side else Panels.tr("Shared")
    label = meter_label(meter, lang)
    if not hist:
        return f"{label} — {who}"

    def value(rec: TurnRecord) -> float | None:
        if side is None:
            return rec.shared.get(meter)
        return rec.meters.get(side, {}).get(meter)

    now = value(hist[-1])
    before = value(hist[-2]) if len(hist) >= 2 else None
    lines = [f"{label} — {who}"]
    if now is not None and before is not None:
        d = METER_DECIMALS.get(meter, 1)
        lines.append(
            Panels.tr("Last turn: {before} → {now} ({delta})").format(
                before=format_meter(meter, before),
                now=format_meter(meter, now),
                delta=signed(now - before, d),
            )
        )
    elif now is not None:
        lines.append(Panels.tr("Now: {now}").format(now=format_meter(meter, now)))
    causes = hist[-1].why.get(key, {})
    nonzero = sorted(((ch, c) for ch, c in causes.items() if abs(c) > 1e-6), key=lambda kv: -abs(kv[1]))
    if nonzero:
        lines.append(Panels.tr("Why it moved:"))
        for ch, c in nonzero:
            lines.append(f"  • {channel_label(ch, lang)}: {signed(c, 2)}")
    else:
        lines.append(
            Panels.tr(
                "No economic cause recorded: this meter moves with statements, agreements, breaches and events."
            )
        )
    return "\n".join(lines)


class MetersPanel(QWidget):
    """Both sides' meters with trends; each value says why it moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, self.tr("Meters"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.card = Card(self.tr("Meters"))
        lay.addWidget(self.card)
        lay.addStretch(1)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.card.body.addWidget(self.grid_host)
        self.why = wrap_label(self.tr("Select a value to see why it moved."), object_name="why")
        named(self.why, self.tr("Why the selected meter moved"))
        self.card.body.addWidget(self.why)
        self.cells: dict[str, tuple[QToolButton, Sparkline]] = {}
        self._layout_key: tuple[object, ...] | None = None
        self._values_key: tuple[object, ...] | None = None
        self._why_texts: dict[str, str] = {}
        #: The meter whose "why did this move?" is shown (it follows each new turn).
        self.selected: str | None = None

    def clear(self) -> None:
        _clear_layout(self.grid)
        self.cells.clear()
        self._layout_key = None
        self._values_key = None
        self._why_texts.clear()
        self.selected = None
        self.why.setText(self.tr("Select a value to see why it moved."))

    def _build(self, ctx: Ctx) -> None:
        _clear_layout(self.grid)
        self.cells.clear()
        v, lang = ctx.view, ctx.lang
        order = [v.side, v.other]
        self.grid.addWidget(QLabel(""), 0, 0)
        for k, s in enumerate(order):
            name = side_name(ctx.scenario, s, lang) + (self.tr(" (you)") if s == v.side else "")
            head = QLabel(name)
            head.setObjectName("meterHead")
            head.setStyleSheet(
                f"border-width: 0 0 3px 0; border-style: solid; border-color: {side_colour(ctx.scenario, s).name()};"
            )
            self.grid.addWidget(head, 0, 1 + 2 * k, 1, 2)
        r = 1
        for meter in side_meter_rows():
            self.grid.addWidget(wrap_label(meter_label(meter, lang)), r, 0)
            for k, s in enumerate(order):
                self._cell(f"{s}.{meter}", r, 1 + 2 * k, meter, s, lang, ctx)
            r += 1
        shared = QLabel(self.tr("Shared"))
        shared.setObjectName("meterHead")
        self.grid.addWidget(shared, r, 0, 1, 5)
        r += 1
        for meter in shared_meter_rows():
            self.grid.addWidget(wrap_label(meter_label(meter, lang)), r, 0)
            self._cell(meter, r, 1, meter, None, lang, ctx)
            r += 1
        self.grid.setColumnStretch(0, 1)
        self._layout_key = self._build_key(ctx)

    @staticmethod
    def _build_key(ctx: Ctx) -> tuple[object, ...]:
        return (ctx.view.side, ctx.lang, scenario_key(ctx))

    def _cell(self, key: str, r: int, c: int, meter: str, side: str | None, lang: str, ctx: Ctx) -> None:
        btn = QToolButton()
        btn.setAutoRaise(True)
        btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        who = side_name(ctx.scenario, side, lang) if side else self.tr("shared")
        named(
            btn, self.tr("{meter}, {who}: why did it move?").format(meter=meter_label(meter, lang), who=who)
        )
        btn.clicked.connect(lambda _=False, k=key: self._show_why(k))
        spark = Sparkline()
        spark.setAccessibleName(
            self.tr("Trend of {meter}, {who}").format(meter=meter_label(meter, lang), who=who)
        )
        self.grid.addWidget(btn, r, c)
        self.grid.addWidget(spark, r, c + 1)
        self.cells[key] = (btn, spark)

    def _show_why(self, key: str) -> None:
        self.selected = key
        self.why.setText(self._why_texts.get(key, ""))

    def refresh(self, ctx: Ctx) -> None:  # not render(): that is QWidget.render(target)
        v, lang = ctx.view, ctx.lang
        if self._layout_key != self._build_key(ctx):
            self._build(ctx)
            self._values_key = None
            self._why_texts.clear()
            self.selected = None
            self.why.setText(self.tr("Select a value to see why it moved."))
        # (the values themselves too: a new game of the same scenario may open on other numbers)
        values_key = (len(v.history), v.turn, v.meters, v.shared)
        if values_key == self._values_key:
            return
        self._values_key = values_key
        pal = self.palette()
        for key, (btn, spark) in self.cells.items():
            side, meter = key.split(".", 1) if "." in key else (None, key)
            series = [
                (rec.meters.get(side, {}).get(meter) if side else rec.shared.get(meter)) for rec in v.history
            ]
            series_f = [x for x in series if x is not None]
            now = v.meters.get(side, {}).get(meter) if side else v.shared.get(meter)
            if now is None:
                btn.setText("—")
                continue
            prev = series_f[-2] if len(series_f) >= 2 else now
            delta = now - prev
            d = METER_DECIMALS.get(meter, 1)
            moved = abs(delta) >= 0.5 * 10**-d
            arrow = ("▲" if delta > 0 else "▼") if moved else ""
            change = f" {arrow}{format_meter(meter, abs(delta))}" if moved else ""
            btn.setText(format_meter(meter, now) + change)
            colour = good_bad_colour(METER_GOOD_DIRECTION.get(meter, 0), delta if moved else 0.0, pal)
            bpal = btn.palette()
            bpal.setColor(QPalette.ColorRole.ButtonText, colour)
            btn.setPalette(bpal)
            text = why_text(v, key, meter, side, lang)
            self._why_texts[key] = text
            btn.setToolTip(text)
            spark.set_values(
                series_f, side_colour(ctx.scenario, side) if side else pal.color(QPalette.ColorRole.Text)
            )
        if self.selected is not None:  # the explanation shown follows the turn
            self._show_why(self.selected)


# -------------------------------------------------------------------------------- news
class NewsPanel(QWidget):
    """The news feed, newest turn first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.card = Card(self.tr("News"))
        lay.addWidget(self.card)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        named(self.list, self.tr("News feed"))
        self.card.body.addWidget(self.list)

    def clear(self) -> None:
        self._key: tuple[object, ...] | None = None
        self.list.clear()

    def refresh(self, ctx: Ctx) -> None:  # not render(): that is QWidget.render(target)
        v, lang = ctx.view, ctx.lang
        key = (v.side, lang, scenario_key(ctx), tuple(v.news))  # another game may have as many items
        if key == getattr(self, "_key", None):
            return
        self._key = key
        self.list.clear()
        by_turn: dict[int, list[str]] = {}
        for item in v.news:
            by_turn.setdefault(item.turn, []).append(describe_news(ctx.scenario, item, lang))
        bold = QFont(self.font())
        bold.setBold(True)
        for turn in sorted(by_turn, reverse=True):
            head = QListWidgetItem(self.tr("Turn {n}").format(n=turn))
            head.setFont(bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(head)
            for line in by_turn[turn]:
                it = QListWidgetItem("• " + line)
                it.setToolTip(line)
                self.list.addItem(it)


# ------------------------------------------------------------------------------ orders

"""The debrief: the outcome, both scores, both briefings revealed, the zone of possible
agreement, meter charts, the timeline, and what happened in 2025. Export as PNG or PDF.

The game is over, so everything is revealed: this page reads the whole state.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPixmap, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.engine.hidden_types import briefing as drawn_briefing
from game.engine.scoring import outcome
from game.registry import meters as meter_registry
from game.scenario.models import tr
from game.text import METER_DECIMALS, meter_label, side_name
from game.ui import report, workers
from game.ui.common import Card, named, side_colour, wrap_label

if TYPE_CHECKING:
    from game.engine.zopa import Zopa
    from game.session import Session

CHART_METERS: tuple[str, ...] = report.SIDE_METERS
SHARED_CHART_METERS: tuple[str, ...] = report.SHARED_METERS
#: Meters that cannot go below 0 (their axes start at 0 at the lowest) or above 100 (their ranges).
NON_NEGATIVE: frozenset[str] = frozenset(m for m, (lo, _hi) in meter_registry.ranges().items() if lo >= 0.0)
AT_MOST_100: frozenset[str] = frozenset(m for m, (_lo, hi) in meter_registry.ranges().items() if hi == 100.0)


def nice_axis(
    lo: float,
    hi: float,
    *,
    floor: float | None = None,
    ceiling: float | None = None,
    max_ticks: int = 6,
    min_step: float = 0.0,
) -> tuple[float, float, float, int]:
    """A readable axis over [lo, hi]: (start, end, step, decimals). The step is 1, 2, 2.5 or 5
    times a power of ten, start and end are multiples of it, there are at most ``max_ticks``
    labels and ``decimals`` is enough to tell every label apart. ``floor``/``ceiling`` clip
    the range to what the quantity can take (a share never below 0)."""
    if hi < lo:
        lo, hi = hi, lo
    if floor is not None:
        lo = max(lo, floor)
    if ceiling is not None:
        hi = min(hi, ceiling)
    if hi - lo < 1e-9:  # a flat line: a small band around it
        pad = max(abs(hi) * 0.05, min_step, 1e-3)
        lo, hi = lo - pad, hi + pad
        if floor is not None and lo < floor:
            lo, hi = floor, max(hi, floor + 2 * pad)
    raw = (hi - lo) / max(1, max_ticks - 1)
    e0 = math.floor(math.log10(raw))
    candidates = sorted(m * 10.0**e for e in range(e0, e0 + 3) for m in (1, 2, 2.5, 5))
    for step in candidates:
        if step < raw - 1e-12 or step < min_step - 1e-12:
            continue
        start = math.floor(lo / step + 1e-9) * step
        end = math.ceil(hi / step - 1e-9) * step
        if round((end - start) / step) + 1 <= max_ticks:
            break
    if end - start < step / 2:
        end = start + step
    if floor is not None and start < floor:
        start = floor
    if ceiling is not None and end > ceiling:
        end = ceiling
    decimals = next(d for d in range(7) if abs(round(step, d) - step) < 1e-9 * max(1.0, step))
    return start, end, step, decimals


def axis_labels(axis: QValueAxis) -> list[str]:
    """The labels a value axis with dynamic ticks shows (its format applied to each tick)."""
    fmt = axis.labelFormat()
    step = axis.tickInterval()
    out = []
    k = math.ceil((axis.min() - axis.tickAnchor()) / step - 1e-9)
    while True:
        v = axis.tickAnchor() + k * step
        if v > axis.max() + 1e-9 * max(1.0, abs(v)):
            break
        out.append(fmt % v)
        k += 1
    return out


def print_palette() -> QPalette:
    """Dark text on white, for the charts of the printed document whatever the window's theme."""
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#1b1f24"))
    pal.setColor(QPalette.ColorRole.Mid, QColor("#c9ced6"))
    return pal


class DebriefPage(QWidget):
    """The debrief, with its export buttons in a bar above it (never part of the export)."""

    def __init__(self, session: Session, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.zopa: Zopa | None = None
        self.zopa_view: QChartView | None = None
        named(self, self.tr("Debrief"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # the export bar
        self.bar = QFrame()
        self.bar.setObjectName("debriefBar")
        self.bar.setFrameShape(QFrame.Shape.NoFrame)
        self.bar.setStyleSheet("QFrame#debriefBar { border-bottom: 1px solid palette(mid); }")
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(18, 8, 18, 8)
        self.export_status = wrap_label("", object_name="hint")
        named(self.export_status, self.tr("Export status"))
        bar.addWidget(self.export_status, 1)
        self.png_btn = named(
            QPushButton(self.tr("Export &PNG…")), self.tr("Export the debrief as a PNG image")
        )
        self.pdf_btn = named(
            QPushButton(self.tr("Export P&DF…")), self.tr("Export the debrief as a PDF document")
        )
        self.png_btn.setObjectName("exportPng")
        self.pdf_btn.setObjectName("exportPdf")
        self.png_btn.clicked.connect(lambda: self._export_dialog("png"))
        self.pdf_btn.clicked.connect(lambda: self._export_dialog("pdf"))
        bar.addWidget(self.png_btn)
        bar.addWidget(self.pdf_btn)
        outer.addWidget(self.bar)
        # the debrief itself (what the PNG shows)
        self.scroll_area = QScrollArea()  # not `scroll`: that is QWidget.scroll()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName("debrief")
        self.content.setAutoFillBackground(True)
        self.scroll_area.setWidget(self.content)
        outer.addWidget(self.scroll_area, 1)
        self.lay = QVBoxLayout(self.content)
        self.lay.setContentsMargins(18, 10, 18, 18)
        self.lay.setSpacing(12)
        self._build()

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        game = self.session.game
        sc, st, lang = game.scenario, game.state, self.lang
        a, b = sc.side_ids
        tier = outcome(sc, st)

        title = QLabel(self.tr("Debrief — {title}").format(title=tr(sc.meta.title, lang)))
        title.setObjectName("debriefTitle")
        title.setWordWrap(True)
        self.lay.addWidget(title)
        tier_lab = QLabel(tr(tier.name, lang))
        tier_lab.setObjectName("debriefTier")
        self.lay.addWidget(tier_lab)
        self.tier_label = tier_lab
        self.end_label = wrap_label(report.end_line(self.session, lang))
        self.lay.addWidget(self.end_label)

        # scores and briefings side by side
        row = QHBoxLayout()
        for s in (a, b):
            row.addWidget(self._side_card(s), 1)
        self.lay.addLayout(row)

        # zone of possible agreement + 2025
        row = QHBoxLayout()
        self.zopa_card = Card(self.tr("The zone of possible agreement"))
        self.zopa_caption = wrap_label(
            self.tr("Computing the zone of possible agreement…"), object_name="hint"
        )
        self.zopa_card.body.addWidget(self.zopa_caption)
        self.zopa_host = QVBoxLayout()
        self.zopa_card.body.addLayout(self.zopa_host)
        self.zopa_card.body.addStretch(1)
        row.addWidget(self.zopa_card, 1)
        row.addWidget(self._history_card(), 1)
        self.lay.addLayout(row)

        # charts
        charts = Card(self.tr("The meters over the game"))
        grid = QGridLayout()
        meters = [(m, True) for m in CHART_METERS] + [(m, False) for m in SHARED_CHART_METERS]
        self.chart_views: dict[str, QChartView] = {}
        for k, (m, per_side) in enumerate(meters):
            view = self._meter_chart(m, per_side)
            self.chart_views[m] = view
            grid.addWidget(view, k // 4, k % 4)
        charts.body.addLayout(grid)
        self.lay.addWidget(charts)

        self.lay.addWidget(self._agreements_card())
        self.lay.addWidget(self._timeline_card())
        self.lay.addStretch(1)

        workers.start(self._compute_zopa, self._zopa_done, self._zopa_failed)

    def _side_card(self, side: str) -> Card:
        game = self.session.game
        sc, lang = game.scenario, self.lang
        name = side_name(sc, side, lang)
        card = Card(report.side_heading(self.session, side, lang))
        card.title.setWordWrap(True)
        card.title.setStyleSheet(
            f"border-width: 0 0 0 6px; border-style: solid; border-color: {sc.side(side).colour}; padding-left: 6px;"
        )
        brief = drawn_briefing(sc, game.state, side)
        if brief.summary:
            card.body.addWidget(wrap_label(tr(brief.summary, lang), object_name="summary"))
        rows = report.score_rows(self.session, side, lang)
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Objective"), self.tr("Value"), self.tr("Credit"), self.tr("Points")]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, it)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        h = table.horizontalHeader().height() + 4 + sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(h)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        named(table, self.tr("Score breakdown of {side}").format(side=name))
        card.body.addWidget(table)
        if brief.red_lines:
            card.body.addWidget(QLabel(self.tr("Red lines:")))
            for text in report.red_line_texts(self.session, side, lang):
                card.body.addWidget(wrap_label("✗ " + text, object_name="redLine"))
        hidden = report.hidden_type_rows(self.session, side, lang)
        if hidden:  # rule 7.3: both draws revealed, and where each fell in its prior
            card.body.addWidget(QLabel(self.tr("Hidden type: drawn this game")))
            card.body.addWidget(self._hidden_table(hidden, name))
        card.body.addStretch(1)
        return card

    def _hidden_table(self, rows: list[tuple[str, str, str, str]], name: str) -> QWidget:
        """Rule 7.3's reveal as a grid of wrapping labels (readable at any width, in any language)."""
        host = QWidget()
        host.setObjectName("hiddenTypeTable")
        named(host, self.tr("Hidden type of {side}").format(side=name))
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for c, stretch in enumerate((4, 1, 3, 2)):
            grid.setColumnStretch(c, stretch)
        heads = (self.tr("Quantity"), self.tr("Drawn"), self.tr("Prior"), self.tr("Where it fell"))
        for c, caption in enumerate(heads):
            head = QLabel(caption)
            head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, c)
        for r, cells in enumerate(rows, start=1):
            for c, text in enumerate(cells):
                grid.addWidget(
                    wrap_label(text, object_name="hiddenTypeCell"), r, c, Qt.AlignmentFlag.AlignTop
                )
        return host

    def _history_card(self) -> Card:
        card = Card(self.tr("What really happened"))
        rows = report.history_rows(self.session, self.lang)
        if rows is None:
            card.body.addWidget(
                wrap_label(self.tr("This scenario has no historical comparison."), object_name="hint")
            )
            return card
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels([self.tr("Topic"), self.tr("In reality"), self.tr("In your game")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        hh = table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setMinimumHeight(360)
        self._history_table = table
        named(table, self.tr("Comparison with 2025"))
        card.body.addWidget(table)
        card.body.addWidget(
            wrap_label(
                self.tr("Source: the scenario's history and its sources."),
                object_name="hint",
            )
        )
        card.body.addStretch(1)
        return card

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_history_table()

    def _fit_history_table(self) -> None:
        """The 2025 comparison shows every row whole: its height follows its wrapped rows."""
        t = getattr(self, "_history_table", None)
        if t is not None:
            t.resizeRowsToContents()
            h = t.horizontalHeader().height() + 4 + sum(t.rowHeight(r) for r in range(t.rowCount()))
            t.setFixedHeight(h)

    def _chart(self, title: str, pal: QPalette | None = None) -> QChart:
        pal = pal or self.palette()
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.legend().setVisible(False)
        chart.setBackgroundRoundness(4)
        chart.setBackgroundBrush(pal.color(QPalette.ColorRole.Base))
        chart.setTitleBrush(pal.color(QPalette.ColorRole.Text))
        return chart

    def _axes(
        self, chart: QChart, series: list, meter: str, xmax: float, ymin: float, ymax: float, pal: QPalette
    ) -> None:
        ax, ay = QValueAxis(), QValueAxis()
        xmax = max(1.0, xmax)
        ax.setRange(0, xmax)
        xstep = nice_axis(0, xmax, floor=0, max_ticks=8, min_step=1)[2]
        ax.setTickType(QValueAxis.TickType.TicksDynamic)
        ax.setTickAnchor(0)
        ax.setTickInterval(xstep)
        ax.setLabelFormat("%d")
        start, end, step, decimals = nice_axis(
            ymin,
            ymax,
            floor=0.0 if meter in NON_NEGATIVE else None,
            ceiling=100.0 if meter in AT_MOST_100 else None,
            min_step=10.0 ** -METER_DECIMALS.get(meter, 1),
        )
        ay.setRange(start, end)
        ay.setTickType(QValueAxis.TickType.TicksDynamic)
        ay.setTickAnchor(start)
        ay.setTickInterval(step)
        ay.setLabelFormat(f"%.{decimals}f")
        _attach_axes(chart, ax, ay, series, pal)

    def _meter_chart(
        self, meter: str, per_side: bool, *, pal: QPalette | None = None, legend: bool | None = None
    ) -> QChartView:
        """A meter's chart over the game (both sides' lines, or the shared meter's)."""
        game = self.session.game
        sc, st, lang = game.scenario, game.state, self.lang
        pal = pal or self.palette()
        chart = self._chart(meter_label(meter, lang), pal)
        series = []
        values: list[float] = []
        owners = list(sc.side_ids) if per_side else [None]
        for s in owners:
            line = QLineSeries()
            line.setName(side_name(sc, s, lang) if s else meter_label(meter, lang))
            colour = side_colour(sc, s) if s else pal.color(QPalette.ColorRole.Text)
            line.setPen(QPen(colour, 2))
            for rec in st.history:
                val = rec.meters.get(s, {}).get(meter) if s else rec.shared.get(meter)
                if val is not None:
                    line.append(QPointF(rec.turn, val))
                    values.append(val)
            line.setPointsVisible(line.count() <= 2)  # a single point shows as a dot, not as nothing
            chart.addSeries(line)
            series.append(line)
        if per_side:
            chart.legend().setVisible(meter == CHART_METERS[0] if legend is None else legend)
            chart.legend().setLabelColor(pal.color(QPalette.ColorRole.Text))
        lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
        self._axes(chart, series, meter, max((r.turn for r in st.history), default=1), lo, hi, pal)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(QSize(240, 190))
        named(view, self.tr("Chart of {meter} over the game").format(meter=meter_label(meter, lang)))
        view.setProperty("meter", meter)
        return view

    def _agreements_card(self) -> Card:
        card = Card(self.tr("Agreement terms"))
        blocks = report.agreement_blocks(self.session, self.lang)
        if not blocks:
            card.body.addWidget(wrap_label(self.tr("No agreement was signed.")))
        self.agreement_tables: list[QTableWidget] = []
        for blk in blocks:
            card.body.addWidget(wrap_label(blk.heading, object_name="agreementHeading"))
            table = QTableWidget(len(blk.rows), 4)
            table.setHorizontalHeaderLabels(
                [self.tr("Instrument"), self.tr("Before"), self.tr("Agreed"), self.tr("In force")]
            )
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            for r, cells in enumerate(blk.rows):
                for c, text in enumerate(cells):
                    it = QTableWidgetItem(text)
                    if c in (1, 2):
                        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, c, it)
            hh = table.horizontalHeader()  # names and levels side by side, the span takes the rest
            for c in (0, 1, 2):
                hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
            hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            table.resizeRowsToContents()
            h = hh.height() + 4 + sum(table.rowHeight(r) for r in range(table.rowCount()))
            table.setFixedHeight(h)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            named(table, blk.heading)
            self.agreement_tables.append(table)
            card.body.addWidget(table)
        return card

    def _timeline_card(self) -> Card:
        game = self.session.game
        sc = game.scenario
        card = Card(self.tr("Timeline of moves and agreements"))
        entries = report.timeline(self.session, self.lang)
        self.timeline_labels: list[QLabel] = []
        if not entries:
            card.body.addWidget(wrap_label(self.tr("Nothing happened.")))
            return card
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        columns = 3
        for k, (turn, lines) in enumerate(entries):
            items = "<br/>".join(
                (f"<span style='color:{side_colour(sc, side).name()}'>●</span> " if side else "")
                + html.escape(text, quote=False)
                for side, text in lines
            )
            head = html.escape(self.tr("Turn {n}").format(n=turn), quote=False)
            lab = wrap_label(f"<b>{head}</b><br/>{items}", rich=True)
            lab.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            named(lab, self.tr("Turn {n}").format(n=turn))
            self.timeline_labels.append(lab)
            grid.addWidget(lab, k // columns, k % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        card.body.addLayout(grid)
        return card

    # ------------------------------------------------------------------- zopa
    def _compute_zopa(self) -> Zopa:
        from game.engine.zopa import zone_of_agreement

        game = self.session.game
        return zone_of_agreement(game.scenario, game.seed, game.state)

    @Slot(object, object)
    def _zopa_done(self, tag: object, zopa: Zopa) -> None:
        self.zopa = zopa
        view = self._zopa_chart(zopa)
        view.setMinimumSize(QSize(560, 420))
        self.zopa_view = view
        self.zopa_host.addWidget(view)
        self.zopa_legend = wrap_label(self.zopa_legend_html(), rich=True, object_name="zopaLegend")
        named(self.zopa_legend, self.tr("Legend of the zone of possible agreement"))
        self.zopa_host.addWidget(self.zopa_legend)
        self.zopa_caption.setText(self.zopa_caption_text())

    def zopa_caption_text(self) -> str:
        zopa = self.zopa
        if zopa is None:
            return self.zopa_caption.text()
        n_in = sum(1 for p in zopa.points if p.in_zone)
        return self.tr(
            "{n} sampled packages, signed at the start and projected to the deadline; {k} of them left both "
            "sides above their walk-away values (green). The star is where the game actually ended."
        ).format(n=len(zopa.points), k=n_in)

    def zopa_legend_html(self) -> str:
        """The chart's legend as wrapped rich text (Qt's legend cut the long entries off)."""
        entries = [
            ("#9aa3ad", "●", self.tr("Other packages")),
            ("#2e9d57", "●", self.tr("Packages both sides prefer to no deal")),
            ("#444444", "●", self.tr("No deal (projected)")),
            ("#e0a100", "★", self.tr("Where the game landed")),
        ]
        if self.zopa is not None and self.zopa.agreements:
            entries.append(("#d35400", "▲", self.tr("Packages signed (projected from the start)")))
        entries.append(("#b3261e", "┄", self.tr("Walk-away values")))
        return " &nbsp; ".join(
            f"<span style='white-space: nowrap'><span style='color:{c}; font-size: large'>{mark}</span> "
            f"{html.escape(text, quote=False)}</span>"
            for c, mark, text in entries
        )

    def _zopa_chart(self, zopa: Zopa, pal: QPalette | None = None) -> QChartView:
        """The sampled packages' scores for both sides, the walk-away lines, no deal and the end."""
        game = self.session.game
        sc, lang = game.scenario, self.lang
        pal = pal or self.palette()
        a, b = zopa.sides
        chart = self._chart("", pal)  # no legend in the chart: zopa_legend_html() is shown beside it
        inside, outside = QScatterSeries(), QScatterSeries()
        inside.setName(self.tr("Packages both sides prefer to no deal"))
        outside.setName(self.tr("Other packages"))
        inside.setColor(QColor("#2e9d57"))
        outside.setColor(QColor("#9aa3ad"))
        for s in (inside, outside):
            s.setMarkerSize(7)
            s.setBorderColor(Qt.GlobalColor.transparent)
        for p in zopa.points:
            (inside if p.in_zone else outside).append(QPointF(p.scores[a], p.scores[b]))
        nodeal = QScatterSeries()
        nodeal.setName(self.tr("No deal (projected)"))
        nodeal.setColor(QColor("#444444"))
        nodeal.setMarkerSize(11)
        nodeal.append(QPointF(zopa.no_deal[a], zopa.no_deal[b]))
        final = QScatterSeries()
        final.setName(self.tr("Where the game landed"))
        final.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeStar)
        final.setColor(QColor("#e0a100"))
        final.setMarkerSize(20)
        final.append(QPointF(zopa.final[a], zopa.final[b]))
        series: list[QLineSeries | QScatterSeries] = [outside, inside, nodeal, final]
        if zopa.agreements:
            signed = QScatterSeries()
            signed.setName(self.tr("Packages signed (projected from the start)"))
            signed.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            signed.setColor(QColor("#d35400"))
            signed.setMarkerSize(13)
            for ag in zopa.agreements:
                signed.append(QPointF(ag[a], ag[b]))
            series.append(signed)
        wa, wb = zopa.walk_away[a], zopa.walk_away[b]
        va, vb = QLineSeries(), QLineSeries()
        va.setName(self.tr("Walk-away values"))
        pen = QPen(QColor("#b3261e"), 1.5, Qt.PenStyle.DashLine)
        va.setPen(pen)
        vb.setPen(pen)
        va.append(QPointF(wa, 0))
        va.append(QPointF(wa, 100))
        vb.append(QPointF(0, wb))
        vb.append(QPointF(100, wb))
        series += [va, vb]
        for one in series:
            chart.addSeries(one)
        ax, ay = QValueAxis(), QValueAxis()
        ax.setTitleText(self.tr("{side} score").format(side=side_name(sc, a, lang)))
        ay.setTitleText(self.tr("{side} score").format(side=side_name(sc, b, lang)))
        for axis in (ax, ay):
            axis.setRange(0, 100)
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
            axis.setTickInterval(20)
            axis.setLabelFormat("%d")
            axis.setTitleBrush(pal.color(QPalette.ColorRole.Text))
        _attach_axes(chart, ax, ay, series, pal)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        named(view, self.tr("Zone of possible agreement"))
        return view

    @Slot(object, object)
    def _zopa_failed(self, tag: object, exc: object) -> None:
        self.zopa_caption.setText(
            self.tr("The zone of possible agreement could not be computed: {err}").format(err=str(exc))
        )

    # ----------------------------------------------------------------- export
    def _export_dialog(self, kind: str) -> None:
        filt = self.tr("PNG image (*.png)") if kind == "png" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the debrief"), str(Path.home() / f"debrief.{kind}"), filt
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(f".{kind}")
        try:
            written = self.export(target, kind)
        except OSError as exc:
            msg = self.tr("Could not write {path}: {err}").format(
                path=str(target), err=exc.strerror or str(exc)
            )
            self.export_status.setText(msg)
            QMessageBox.warning(self, self.tr("Export the debrief"), msg)
            return
        self.export_status.setText(self.tr("Exported to {path}").format(path=str(written)))

    def render_pixmap(self) -> QPixmap:
        """The whole debrief (not just the visible part, and not the export bar) as an image."""
        w = self.content
        width = self.scroll_area.viewport().width()
        for _ in range(3):  # grow to the hint, let the layout place the table, refit its wrapped rows
            size = w.sizeHint().expandedTo(QSize(width, 0))
            if w.size().height() < size.height():
                w.resize(size)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self._fit_history_table()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return w.grab()

    def chart_images(self, scale: float = 2.0) -> dict[str, QImage]:
        """Each meter's chart drawn afresh for print: dark on white, a fixed size, ``scale`` times the pixels."""
        out: dict[str, QImage] = {}
        pal = print_palette()
        meters = [(m, True) for m in CHART_METERS] + [(m, False) for m in SHARED_CHART_METERS]
        for m, per_side in meters:
            view = self._meter_chart(m, per_side, pal=pal, legend=False)
            out[m] = _render(view, report.CHART_W, report.CHART_H, scale)
            view.deleteLater()
        return out

    def build_document(self) -> QTextDocument:
        """The printable debrief (a QTextDocument) from the same game as the page."""
        zopa_img = None
        if self.zopa is not None:
            view = self._zopa_chart(self.zopa, print_palette())
            zopa_img = _render(view, report.ZOPA_W, report.ZOPA_H, 2.0)
            view.deleteLater()
            caption = self.zopa_caption_text()
        else:
            caption = self.tr(
                "The zone of possible agreement was still being computed when this document was made."
            )
        legend = self.zopa_legend_html() if self.zopa is not None else ""
        return report.build_document(self.session, self.lang, self.chart_images(), zopa_img, caption, legend)

    def export(self, path: Path, kind: str | None = None) -> Path:
        """Write the debrief as a PNG image or a PDF document (by ``kind``, else the file's extension)."""
        path = Path(path)
        kind = kind or ("pdf" if path.suffix.lower() == ".pdf" else "png")
        if not path.suffix:
            path = path.with_suffix(f".{kind}")
        if kind == "pdf":
            doc = self.build_document()
            game = self.session.game
            title = self.tr("Debrief — {title}").format(title=tr(game.scenario.meta.title, self.lang))
            _check_writable(path)
            report.write_pdf(doc, path, title)
        else:
            _check_writable(path)
            if not self.render_pixmap().save(str(path), "PNG"):
                raise OSError(f"could not save the image to {path}")
        return path


def _check_writable(path: Path) -> None:
    """Raise OSError (with the reason) if ``path`` cannot be written."""
    with open(path, "ab"):
        pass


def _render(view: QChartView, w: int, h: int, scale: float) -> QImage:
    """A chart view drawn into an image of w×h logical pixels (``scale`` times as many real ones)."""
    view.resize(w, h)
    view.chart().resize(w, h)
    img = QImage(int(w * scale), int(h * scale), QImage.Format.Format_ARGB32)
    img.setDevicePixelRatio(scale)
    img.fill(QColor("#ffffff"))
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.chart().scene().render(painter, QRectF(0, 0, w, h), QRectF(0, 0, w, h))
    painter.end()
    return img


def _attach_axes(
    chart: QChart, ax: QValueAxis, ay: QValueAxis, series: list[QLineSeries | QScatterSeries], pal: QPalette
) -> None:
    """Bottom and left axes in the palette's colours, attached to every series."""
    for axis in (ax, ay):
        axis.setLabelsBrush(pal.color(QPalette.ColorRole.Text))
        axis.setGridLineColor(pal.color(QPalette.ColorRole.Mid))
    chart.addAxis(ax, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(ay, Qt.AlignmentFlag.AlignLeft)
    for s in series:
        s.attachAxis(ax)
        s.attachAxis(ay)

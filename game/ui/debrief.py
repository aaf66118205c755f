"""The debrief: the outcome, both scores, both briefings revealed, the zone of possible
agreement, meter charts, the timeline, and what happened in 2025. Export as PNG or PDF.

The game is over, so everything is revealed: this page reads the whole state.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QPageSize, QPainter, QPalette, QPdfWriter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.engine.scoring import outcome, score
from game.scenario.models import tr
from game.text import (
    HISTORY_2025,
    describe_news,
    describe_package_term,
    end_reason_label,
    format_level,
    format_meter,
    instrument_name,
    meter_label,
    side_name,
)
from game.ui import workers
from game.ui.common import Card, named, side_colour, wrap_label
from game.ui.panels import SHARED_METER_ROWS, SIDE_METER_ROWS

CHART_METERS: tuple[str, ...] = (*SIDE_METER_ROWS, "political_capital")


class DebriefPage(QScrollArea):
    def __init__(self, session: object, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.zopa = None
        self.setWidgetResizable(True)
        named(self, self.tr("Debrief"))
        self.content = QWidget()
        self.content.setObjectName("debrief")
        self.content.setAutoFillBackground(True)
        self.setWidget(self.content)
        self.lay = QVBoxLayout(self.content)
        self.lay.setContentsMargins(18, 14, 18, 18)
        self.lay.setSpacing(12)
        self._build()

    # ------------------------------------------------------------------ build
    def _build(self) -> None:
        game = self.session.game  # type: ignore[attr-defined]
        sc, st, lang = game.scenario, game.state, self.lang
        a, b = sc.side_ids
        tier = outcome(sc, st)

        top = QHBoxLayout()
        col = QVBoxLayout()
        title = QLabel(self.tr("Debrief — {title}").format(title=tr(sc.meta.title, lang)))
        title.setObjectName("debriefTitle")
        title.setWordWrap(True)
        col.addWidget(title)
        tier_lab = QLabel(tr(tier.name, lang))
        tier_lab.setObjectName("debriefTier")
        col.addWidget(tier_lab)
        self.tier_label = tier_lab
        reason = end_reason_label(st.end_reason, lang)
        line = self.tr("The game ended on turn {turn}: {reason}.").format(turn=st.turn, reason=reason)
        if tier.description:
            line = tr(tier.description, lang) + " " + line
        col.addWidget(wrap_label(line))
        top.addLayout(col, 1)
        self.png_btn = named(
            QPushButton(self.tr("Export &PNG…")), self.tr("Export the debrief as a PNG image")
        )
        self.pdf_btn = named(
            QPushButton(self.tr("Export P&DF…")), self.tr("Export the debrief as a PDF document")
        )
        self.png_btn.clicked.connect(lambda: self._export_dialog("png"))
        self.pdf_btn.clicked.connect(lambda: self._export_dialog("pdf"))
        top.addWidget(self.png_btn, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.pdf_btn, 0, Qt.AlignmentFlag.AlignTop)
        self.lay.addLayout(top)

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
        meters = [(m, True) for m in CHART_METERS] + [(m, False) for m in SHARED_METER_ROWS]
        for k, (m, per_side) in enumerate(meters):
            grid.addWidget(self._meter_chart(m, per_side), k // 4, k % 4)
        charts.body.addLayout(grid)
        self.lay.addWidget(charts)

        self.lay.addWidget(self._timeline_card())
        self.lay.addStretch(1)

        workers.start(self._compute_zopa, self._zopa_done, self._zopa_failed)

    def _side_card(self, side: str) -> Card:
        game = self.session.game  # type: ignore[attr-defined]
        sc, st, lang = game.scenario, game.state, self.lang
        name = side_name(sc, side, lang)
        seat = self.session.seats[side]  # type: ignore[attr-defined]
        from game.ui.dialogs import ai_seat_words

        label = getattr(seat, "label", "AI")
        who = self.tr("human") if seat.is_human else ai_seat_words(label) or label
        sco = score(sc, st, side)
        card = Card(
            self.tr("{side} ({who}): score {score:.1f} — walk-away {walk:.0f}").format(
                side=name, who=who, score=sco.total, walk=sco.walk_away
            )
        )
        card.title.setStyleSheet(
            f"border-width: 0 0 0 6px; border-style: solid; border-color: {sc.side(side).colour}; padding-left: 6px;"
        )
        brief = sc.briefings[side]
        if brief.summary:
            card.body.addWidget(wrap_label(tr(brief.summary, lang), object_name="summary"))
        table = QTableWidget(len(sco.items), 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Objective"), self.tr("Value"), self.tr("Credit"), self.tr("Points")]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        objs = {o.id: o for o in brief.objectives}
        for r, item in enumerate(sco.items):
            obj = objs[item.id]
            value = (
                format_level(sc, obj.instrument, item.value, lang)
                if obj.instrument
                else format_meter(obj.meter or "", item.value)
            )
            cells = [tr(obj.text, lang), value, f"{item.credit * 100:.0f}%", f"{item.points:.1f}"]
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
            for rl in brief.red_lines:
                card.body.addWidget(wrap_label("✗ " + tr(rl.text, lang), object_name="redLine"))
        card.body.addStretch(1)
        return card

    def _history_card(self) -> Card:
        game = self.session.game  # type: ignore[attr-defined]
        sc, st, lang = game.scenario, game.state, self.lang
        card = Card(self.tr("What happened in 2025"))
        rows = HISTORY_2025.get(sc.meta.id, [])
        if not rows:
            card.body.addWidget(
                wrap_label(self.tr("This scenario has no historical comparison."), object_name="hint")
            )
            return card
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels([self.tr("Topic"), self.tr("In 2025"), self.tr("In your game")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        pick = 1 if lang == "zh" else 0
        for r, (topic, happened, instruments) in enumerate(rows):
            ours = "\n".join(
                f"{instrument_name(sc, i, lang)}: {format_level(sc, i, st.levels[i], lang)}"
                for i in instruments
                if i in st.levels
            )
            if not instruments:
                ags = [ag for ag in st.agreements if ag.status in ("in_force", "expired")]
                ours = (
                    self.tr("{n} agreement(s) signed; {m} in force at the end").format(
                        n=len(st.agreements), m=sum(1 for ag in st.agreements if ag.status == "in_force")
                    )
                    if st.agreements
                    else self.tr("No agreement")
                )
                del ags
            for c, text in enumerate((topic[pick], happened[pick], ours)):
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
                self.tr("Source: shared calibration notes (IMF, BEA, US Census, press reports)."),
                object_name="hint",
            )
        )
        card.body.addStretch(1)
        return card

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        t = getattr(self, "_history_table", None)
        if t is not None:
            t.resizeRowsToContents()
            h = t.horizontalHeader().height() + 4 + sum(t.rowHeight(r) for r in range(t.rowCount()))
            t.setFixedHeight(h)

    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.legend().setVisible(False)
        chart.setBackgroundRoundness(4)
        pal = self.palette()
        chart.setBackgroundBrush(pal.color(QPalette.ColorRole.Base))
        chart.setTitleBrush(pal.color(QPalette.ColorRole.Text))
        return chart

    def _axes(self, chart: QChart, series: list, xmax: float, ymin: float, ymax: float) -> None:
        pal = self.palette()
        ax, ay = QValueAxis(), QValueAxis()
        ax.setRange(0, max(1.0, xmax))
        ax.setLabelFormat("%d")
        ax.setTickCount(min(8, int(max(1.0, xmax)) + 1))
        pad = (ymax - ymin) * 0.08 or 1.0
        ay.setRange(ymin - pad, ymax + pad)
        span = ymax - ymin
        ay.setLabelFormat("%.2f" if span < 1 else "%.1f" if span < 10 else "%.0f")
        ay.setTickCount(5)
        _attach_axes(chart, ax, ay, series, pal)

    def _meter_chart(self, meter: str, per_side: bool) -> QChartView:
        game = self.session.game  # type: ignore[attr-defined]
        sc, st, lang = game.scenario, game.state, self.lang
        chart = self._chart(meter_label(meter, lang))
        series = []
        values: list[float] = []
        owners = list(sc.side_ids) if per_side else [None]
        for s in owners:
            line = QLineSeries()
            line.setName(side_name(sc, s, lang) if s else meter_label(meter, lang))
            colour = side_colour(sc, s) if s else self.palette().color(QPalette.ColorRole.Text)
            line.setPen(QPen(colour, 2))
            for rec in st.history:
                val = rec.meters.get(s, {}).get(meter) if s else rec.shared.get(meter)
                if val is not None:
                    line.append(QPointF(rec.turn, val))
                    values.append(val)
            chart.addSeries(line)
            series.append(line)
        if per_side:
            chart.legend().setVisible(meter == CHART_METERS[0])
            chart.legend().setLabelColor(self.palette().color(QPalette.ColorRole.Text))
        lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
        self._axes(chart, series, max((r.turn for r in st.history), default=1), lo, hi)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(QSize(240, 190))
        named(view, self.tr("Chart of {meter} over the game").format(meter=meter_label(meter, lang)))
        return view

    def _timeline_card(self) -> Card:
        game = self.session.game  # type: ignore[attr-defined]
        sc, st, lang = game.scenario, game.state, self.lang
        card = Card(self.tr("Timeline of moves and agreements"))
        by_turn: dict[int, list[str]] = {}
        for n in st.news:
            if n.kind == "event":
                continue
            by_turn.setdefault(n.turn, []).append(html.escape(describe_news(sc, n, lang)))
        status = {
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
            "countered": self.tr("countered"),
            "lapsed": self.tr("lapsed"),
            "pending": self.tr("pending"),
        }
        for o in st.offers:
            who = side_name(sc, o.side, lang)
            if o.status == "accepted":
                terms = "; ".join(describe_package_term(sc, t, lang) for t in o.terms)
                text = self.tr("{who}'s package is signed: {terms}").format(who=who, terms=terms)
            else:
                text = self.tr("{who} offers {n} terms — {status}").format(
                    who=who, n=len(o.terms), status=status.get(o.status, o.status)
                )
            by_turn.setdefault(o.turn, []).append(
                f"<span style='color:{side_colour(sc, o.side).name()}'>●</span> " + html.escape(text)
            )
        if not by_turn:
            card.body.addWidget(wrap_label(self.tr("Nothing happened.")))
            return card
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        columns = 3
        for k, turn in enumerate(sorted(by_turn)):
            items = "<br/>".join(by_turn[turn])
            head = html.escape(self.tr("Turn {n}").format(n=turn))
            lab = wrap_label(f"<b>{head}</b><br/>{items}", rich=True)
            lab.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            named(lab, self.tr("Turn {n}").format(n=turn))
            grid.addWidget(lab, k // columns, k % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        card.body.addLayout(grid)
        return card

    # ------------------------------------------------------------------- zopa
    def _compute_zopa(self) -> object:
        from game.engine.zopa import zone_of_agreement

        game = self.session.game  # type: ignore[attr-defined]
        return zone_of_agreement(game.scenario, game.seed, game.state)

    @Slot(object, object)
    def _zopa_done(self, tag: object, zopa: object) -> None:
        self.zopa = zopa
        game = self.session.game  # type: ignore[attr-defined]
        sc, lang = game.scenario, self.lang
        a, b = zopa.sides  # type: ignore[attr-defined]
        chart = self._chart("")
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().setLabelColor(self.palette().color(QPalette.ColorRole.Text))
        inside, outside = QScatterSeries(), QScatterSeries()
        inside.setName(self.tr("Packages both sides prefer to no deal"))
        outside.setName(self.tr("Other packages"))
        inside.setColor(QColor("#2e9d57"))
        outside.setColor(QColor("#9aa3ad"))
        for s in (inside, outside):
            s.setMarkerSize(7)
            s.setBorderColor(Qt.GlobalColor.transparent)
        for p in zopa.points:  # type: ignore[attr-defined]
            (inside if p.in_zone else outside).append(QPointF(p.scores[a], p.scores[b]))
        nodeal = QScatterSeries()
        nodeal.setName(self.tr("No deal (projected)"))
        nodeal.setColor(QColor("#444444"))
        nodeal.setMarkerSize(11)
        nodeal.append(QPointF(zopa.no_deal[a], zopa.no_deal[b]))  # type: ignore[attr-defined]
        final = QScatterSeries()
        final.setName(self.tr("Where the game landed"))
        final.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeStar)
        final.setColor(QColor("#e0a100"))
        final.setMarkerSize(20)
        final.append(QPointF(zopa.final[a], zopa.final[b]))  # type: ignore[attr-defined]
        series = [outside, inside, nodeal, final]
        if zopa.agreements:  # type: ignore[attr-defined]
            signed = QScatterSeries()
            signed.setName(self.tr("Packages signed (projected from the start)"))
            signed.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            signed.setColor(QColor("#d35400"))
            signed.setMarkerSize(13)
            for ag in zopa.agreements:  # type: ignore[attr-defined]
                signed.append(QPointF(ag[a], ag[b]))
            series.append(signed)
        wa, wb = zopa.walk_away[a], zopa.walk_away[b]  # type: ignore[attr-defined]
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
        for s in series:
            chart.addSeries(s)
        markers = chart.legend().markers(vb)
        for m in markers:
            m.setVisible(False)
        pal = self.palette()
        ax, ay = QValueAxis(), QValueAxis()
        ax.setRange(0, 100)
        ay.setRange(0, 100)
        ax.setTitleText(self.tr("{side} score").format(side=side_name(sc, a, lang)))
        ay.setTitleText(self.tr("{side} score").format(side=side_name(sc, b, lang)))
        for axis in (ax, ay):
            axis.setLabelFormat("%d")
            axis.setTitleBrush(pal.color(QPalette.ColorRole.Text))
        _attach_axes(chart, ax, ay, series, pal)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(QSize(560, 380))
        named(view, self.tr("Zone of possible agreement"))
        self.zopa_host.addWidget(view)
        n_in = sum(1 for p in zopa.points if p.in_zone)  # type: ignore[attr-defined]
        self.zopa_caption.setText(
            self.tr(
                "{n} sampled packages, signed at the start and projected to the deadline; {k} of them left both "
                "sides above their walk-away values (green). The star is where the game actually ended."
            ).format(n=len(zopa.points), k=n_in)  # type: ignore[attr-defined]
        )

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
        if path:
            self.export(Path(path))

    def render_pixmap(self) -> QPixmap:
        """The whole debrief (not just the visible part) as an image."""
        w = self.content
        size = w.sizeHint().expandedTo(QSize(self.viewport().width(), 0))
        if w.size().height() < size.height():
            w.resize(size)
        return w.grab()

    def export(self, path: Path) -> Path:
        """Write the debrief as PNG or PDF (by the file's extension)."""
        path = Path(path)
        pix = self.render_pixmap()
        if path.suffix.lower() == ".pdf":
            writer = QPdfWriter(str(path))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setResolution(150)
            writer.setTitle(self.tr("Tariff Talks debrief"))
            painter = QPainter(writer)
            page = painter.viewport()
            scale = page.width() / max(1, pix.width())
            slice_h = int(page.height() / scale)
            y = 0
            first = True
            while y < pix.height():
                if not first:
                    writer.newPage()
                first = False
                part = pix.copy(QRect(0, y, pix.width(), min(slice_h, pix.height() - y)))
                target = QRect(0, 0, page.width(), int(part.height() * scale))
                painter.drawPixmap(target, part)
                y += slice_h
            painter.end()
        else:
            if not path.suffix:
                path = path.with_suffix(".png")
            pix.save(str(path), "PNG")
        return path


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

"""The game page: header, briefing | orders & table | meters & news, and the action bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from game.ui.common import named, wrap_label

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow


class GamePage(QWidget):
    """Header, briefing | orders & table | meters & news, and the action bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        from game.ui.panels import BriefingPanel, MetersPanel, NewsPanel, OrdersPanel, TablePanel

        self.window_ = window
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)

        header = QWidget()
        header.setObjectName("headerBar")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(12, 6, 12, 6)
        col = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("headerTitle")
        self.info = QLabel()
        self.info.setObjectName("headerInfo")
        col.addWidget(self.title)
        col.addWidget(self.info)
        hl.addLayout(col, 1)
        self.phase = QLabel()
        self.phase.setObjectName("phase")
        hl.addWidget(self.phase, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(header)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.briefing = BriefingPanel()
        self.splitter.addWidget(self.briefing)
        self.tabs = QTabWidget()
        named(self.tabs, self.tr("Orders and negotiation table"))
        self.orders = OrdersPanel(window.check_action)
        self.table = TablePanel(window.check_action)
        self.table.notice.connect(self._table_notice)
        self.tabs.addTab(self.orders, self.tr("&Orders"))
        self.tabs.addTab(self.table, self.tr("Negotiation &table"))
        self.splitter.addWidget(self.tabs)
        right = QSplitter(Qt.Orientation.Vertical)
        self.meters = MetersPanel()
        self.news = NewsPanel()
        meter_scroll = QScrollArea()
        meter_scroll.setWidgetResizable(True)
        meter_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        meter_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        meter_scroll.setWidget(self.meters)
        right.addWidget(meter_scroll)
        right.addWidget(self.news)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([420, 240])
        self.right = right
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([285, 615, 466])
        lay.addWidget(self.splitter, 1)

        bar = QWidget()
        bar.setObjectName("actionBar")
        bl = QHBoxLayout(bar)
        bl.setContentsMargins(12, 6, 12, 6)
        self.banner = wrap_label("", object_name="banner")
        self.banner.hide()
        named(self.banner, self.tr("Message"))
        bl.addWidget(self.banner, 1)
        self.thinking = QLabel()
        self.thinking.setObjectName("thinking")
        bl.addWidget(self.thinking)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        named(self.busy, self.tr("The AI is thinking"))
        bl.addWidget(self.busy)
        bl.addStretch(0)
        self.advice = wrap_label("", object_name="advice")
        named(self.advice, self.tr("Your advisers' suggestion"))
        self.advice.hide()
        bl.addWidget(self.advice, 2)
        self.advice_btn = named(
            QPushButton(self.tr("Ask your &advisers")), self.tr("Ask your advisers what they would do now")
        )
        self.advice_btn.clicked.connect(window.ask_advice)
        bl.addWidget(self.advice_btn)
        self.walk_btn = named(QPushButton(self.tr("&Walk out")), self.tr("Walk out of the talks"))
        self.walk_btn.setObjectName("danger")
        self.walk_btn.clicked.connect(lambda: window.walk_out(confirm=True))
        bl.addWidget(self.walk_btn)
        self.end_btn = named(QPushButton(self.tr("End turn")), self.tr("End turn"))
        self.end_btn.setObjectName("primary")
        self.end_btn.setToolTip(self.tr("Ctrl+Enter"))
        self.end_btn.clicked.connect(window.primary_action)
        bl.addWidget(self.end_btn)
        lay.addWidget(bar)
        self._last_phase: tuple[str, int] | None = None
        self.advice_key: tuple[str, int] | None = None  # (side, actions played) the advice is for

    def clear(self) -> None:
        for panel in (self.briefing, self.orders, self.table, self.meters, self.news):
            panel.clear()
        self.title.clear()
        self.info.clear()
        self.phase.clear()
        self.banner.hide()
        self.banner.clear()
        self.clear_advice()
        self._last_phase = None

    def clear_advice(self) -> None:
        self.advice.clear()
        self.advice.hide()
        self.advice_key = None
        self.table.set_advice(None)

    def _table_notice(self, text: str, problem: bool) -> None:
        """An answer at the table (or a refusal) for the status bar, and a refusal for the banner too."""
        self.window_.statusBar().showMessage(text, 12000)
        if problem:
            self.banner.setText(text)
            self.banner.show()
            QTimer.singleShot(8000, self.banner.hide)

    def set_thinking(self, on: bool, text: str) -> None:
        self.thinking.setText(text if on else "")
        self.busy.setVisible(on)

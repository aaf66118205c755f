"""The replay viewer: step through a saved or finished game, turn by turn (read-only).

A game is its scenario, seed and actions, so the viewer needs nothing but the
rebuilt :class:`~game.engine.Game`: every turn's meters come from the state's
history, its moves, statements and events from the news, its offers from the table.
Everything is revealed, as in the debrief.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from game.engine import Game
from game.scenario.models import SIDE_METERS, tr
from game.text import describe_news, describe_package_term, format_level, format_meter, meter_label, side_name
from game.ui.common import named


class ReplayViewer(QDialog):
    """Turn 0 is the start; the last turn is where the game ended."""

    def __init__(self, game: Game, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.game = game
        self.lang = lang
        sc = game.scenario
        self.setWindowTitle(self.tr("Replay — {title}").format(title=tr(sc.meta.title, lang)))
        self.resize(1000, 680)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_btn = named(QPushButton(self.tr("◀ &Previous turn")), self.tr("Previous turn"))
        self.next_btn = named(QPushButton(self.tr("&Next turn ▶")), self.tr("Next turn"))
        self.slider = named(QSlider(), self.tr("Turn"))
        from PySide6.QtCore import Qt

        self.slider.setOrientation(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(game.state.history) - 1)
        self.label = QLabel()
        bar.addWidget(self.prev_btn)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.next_btn)
        bar.addWidget(self.label)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.meters = named(QTableWidget(), self.tr("Meters at the end of the turn"))
        self.meters.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.events = named(QTextEdit(), self.tr("What happened this turn"))
        self.events.setReadOnly(True)
        split.addWidget(self.meters)
        split.addWidget(self.events)
        split.setSizes([420, 580])
        lay.addWidget(split, 1)
        close = named(QPushButton(self.tr("&Close")), self.tr("Close the replay"))
        close.clicked.connect(self.accept)
        lay.addWidget(close)
        self.prev_btn.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 1))
        self.next_btn.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 1))
        self.slider.valueChanged.connect(self.show_turn)
        self.show_turn(0)

    def show_turn(self, index: int) -> None:
        game, lang, sc = self.game, self.lang, self.game.scenario
        history = game.state.history
        index = max(0, min(index, len(history) - 1))
        rec = history[index]
        prev = history[index - 1] if index > 0 else None
        last = len(history) - 1
        self.prev_btn.setEnabled(index > 0)
        self.next_btn.setEnabled(index < last)
        if index == 0:
            self.label.setText(self.tr("The start"))
        else:
            self.label.setText(self.tr("Turn {n} of {total}").format(n=rec.turn, total=history[last].turn))
        sides = sc.side_ids
        rows = [(s, m) for m in SIDE_METERS for s in sides] + [(None, m) for m in rec.shared]
        self.meters.setColumnCount(3)
        self.meters.setHorizontalHeaderLabels([self.tr("Meter"), self.tr("Value"), self.tr("Change")])
        self.meters.setRowCount(len(rows))
        for r, (side, meter) in enumerate(rows):
            now = rec.meters[side][meter] if side else rec.shared[meter]
            before = (prev.meters[side][meter] if side else prev.shared[meter]) if prev else None
            who = f"{side_name(sc, side, lang)} · " if side else ""
            cells = (
                who + meter_label(meter, lang),
                format_meter(meter, now),
                "" if before is None else f"{now - before:+.2f}",
            )
            for c, text in enumerate(cells):
                self.meters.setItem(r, c, QTableWidgetItem(text))
        self.meters.resizeColumnsToContents()
        lines = []
        if index > 0:
            for n in game.state.news:
                if n.turn == rec.turn:
                    lines.append("• " + describe_news(sc, n, lang))
            for o in game.state.offers:
                if o.turn == rec.turn:
                    terms = "; ".join(describe_package_term(sc, t, lang) for t in o.terms)
                    lines.append(
                        self.tr("• {side} offers: {terms} — {status}").format(
                            side=side_name(sc, o.side, lang), terms=terms, status=o.status
                        )
                    )
                    if o.note:
                        lines.append(f"    “{o.note}”")
        if prev is not None:
            moved = [
                f"{k}: {format_level(sc, k, prev.instruments[k], lang)} → {format_level(sc, k, v, lang)}"
                for k, v in rec.instruments.items()
                if abs(v - prev.instruments.get(k, v)) > 1e-9
            ]
            if moved:
                lines.append(self.tr("Instruments that moved:"))
                lines += ["    " + m for m in moved]
        self.events.setPlainText("\n".join(lines) or self.tr("The game starts here."))

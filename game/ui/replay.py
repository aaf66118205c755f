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

from game.engine import Accept, Counter, EndTalks, Game, Propose, Reject, SubmitOrders, WalkOut
from game.reasons_text import answer_text, offer_text
from game.scenario.models import SIDE_METERS, tr
from game.text import (
    describe_news,
    describe_package_term,
    format_level,
    format_meter,
    instrument_name,
    meter_label,
    side_name,
    statement_label,
)
from game.ui.common import named


def action_turns(game: Game) -> list[int]:
    """The turn in which each of ``game``'s actions was played (one replay of the game)."""
    g = Game(game.scenario, game.seed)
    turns = []
    for a in game.actions:
        turns.append(g.state.turn)
        g.play(a)
    return turns


class ReplayViewer(QDialog):
    """Turn 0 is the start; the last turn is where the game ended."""

    def __init__(self, game: Game, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.game = game
        self.lang = lang
        self.turns = action_turns(game)
        history = game.state.history
        played = [*self.turns, *(n.turn for n in game.state.news)]
        #: A last turn that did not resolve (a walk-out, or a game saved mid-turn): one more
        #: step, with the meters as they were at its start.
        self.open_turn: int | None = max(played) if played and max(played) > history[-1].turn else None
        self.last = len(history) - 1 + (1 if self.open_turn is not None else 0)
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
        self.slider.setRange(0, self.last)
        self.slider.setPageStep(1)
        self.slider.setToolTip(self.tr("Left and Right arrows step a turn; Home and End go to the ends"))
        self.label = QLabel()
        self.label.setObjectName("replayTurn")
        bar.addWidget(self.prev_btn)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.next_btn)
        bar.addWidget(self.label)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.meters = named(QTableWidget(), self.tr("Meters at the end of the turn"))
        self.meters.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.meters.verticalHeader().hide()
        self.meters.horizontalHeader().setStretchLastSection(True)
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
        last = self.last
        index = max(0, min(index, last))
        unresolved = index >= len(history)  # the open last turn (see ``open_turn``)
        rec = history[-1] if unresolved else history[index]
        prev = None if unresolved or index == 0 else history[index - 1]
        turn = self.open_turn if unresolved and self.open_turn is not None else rec.turn
        total = self.open_turn if self.open_turn is not None else history[-1].turn
        self.prev_btn.setEnabled(index > 0)
        self.next_btn.setEnabled(index < last)
        if index == 0:
            self.label.setText(self.tr("The start"))
        elif unresolved:
            self.label.setText(
                self.tr("Turn {n} of {total} (did not resolve: meters as it began)").format(
                    n=turn, total=total
                )
            )
        else:
            self.label.setText(self.tr("Turn {n} of {total}").format(n=turn, total=total))
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
        lines: list[str] = []
        if index > 0:
            moves = self.describe_moves(turn)
            if moves:
                lines.append(self.tr("Moves:"))
                lines += moves
            news = [n for n in game.state.news if n.turn == turn]
            if news:
                lines.append(self.tr("News:"))
                lines += ["• " + describe_news(sc, n, lang) for n in news]
            statuses = {
                "accepted": self.tr("accepted"),
                "rejected": self.tr("rejected"),
                "countered": self.tr("countered"),
                "lapsed": self.tr("lapsed"),
                "pending": self.tr("pending"),
            }
            offers = [o for o in game.state.offers if o.turn == turn]
            if offers:
                lines.append(self.tr("Offers:"))
            for o in offers:
                terms = "; ".join(describe_package_term(sc, t, lang) for t in o.terms)
                lines.append(
                    self.tr("• {side} offers: {terms} — {status}").format(
                        side=side_name(sc, o.side, lang), terms=terms, status=statuses.get(o.status, o.status)
                    )
                )
                why, answer = offer_text(sc, o, lang), answer_text(sc, o, lang)  # public parts only
                if why:
                    lines.append(f"    “{why}”")
                if answer:
                    lines.append(f"    ↳ “{answer}”")
        if prev is not None:
            moved = [
                f"{instrument_name(sc, k, lang)}: {format_level(sc, k, prev.instruments[k], lang)} → "
                f"{format_level(sc, k, v, lang)}"
                for k, v in rec.instruments.items()
                if k in prev.instruments and abs(v - prev.instruments[k]) > 1e-9
            ]
            if moved:
                lines.append(self.tr("Instruments that moved:"))
                lines += ["    " + m for m in moved]
        self.events.setPlainText("\n".join(lines) or self.tr("The game starts here."))

    def describe_moves(self, turn: int) -> list[str]:
        """Every action played in ``turn``: orders, statements, answers (offers are listed apart)."""
        sc, lang = self.game.scenario, self.lang
        out = []
        for action, t in zip(self.game.actions, self.turns, strict=True):
            if t != turn:
                continue
            who = side_name(sc, action.side, lang)
            if isinstance(action, SubmitOrders):
                moves = "; ".join(
                    f"{instrument_name(sc, i, lang)} → {format_level(sc, i, v, lang)}"
                    for i, v in action.moves.items()
                )
                out.append(
                    self.tr("• {side}: orders ({moves}), statement: {statement}").format(
                        side=who,
                        moves=moves or self.tr("no moves"),
                        statement=statement_label(action.statement, lang),
                    )
                )
                if action.message:
                    out.append(f"    “{action.message}”")
            elif isinstance(action, Accept):
                out.append(self.tr("• {side} accepts the offer").format(side=who))
            elif isinstance(action, Reject):
                out.append(self.tr("• {side} rejects the offer").format(side=who))
            elif isinstance(action, Counter):
                out.append(self.tr("• {side} rejects the offer and counters").format(side=who))
            elif isinstance(action, Propose):
                out.append(self.tr("• {side} makes an offer").format(side=who))
            elif isinstance(action, EndTalks):
                out.append(self.tr("• {side} makes no further offer this turn").format(side=who))
            elif isinstance(action, WalkOut):
                out.append(self.tr("• {side} walks out").format(side=who))
        return out

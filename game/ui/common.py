"""Small widgets and helpers shared by the window's panels.

Imports only Qt at module level (the engine, scenario and text modules are for type
hints or imported when first used), so the main window can show before they load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from game.engine import Rules, View
    from game.scenario.models import Instrument, Scenario

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class Ctx:
    """Everything a panel may render: one side's view, the rules as that side sees them
    (built from ``view.scenario``, which holds only this side's briefing), the language.
    Made by :meth:`game.ui.controller.GameController.context` only."""

    view: View
    rules: Rules
    lang: str
    can_act: bool  # the shown side may act now (its move, no AI thinking)

    @property
    def scenario(self) -> Scenario:
        return self.view.scenario  # carries only this side's briefing


def named(widget: W, name: str, description: str = "") -> W:
    """Give a control its accessible name (and description)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def side_colour(scenario: Scenario, side: str) -> QColor:
    try:
        return QColor(scenario.side(side).colour)
    except KeyError:
        return QColor("#666666")


def good_bad_colour(direction: int, delta: float, palette: QPalette) -> QColor:
    """Green for a change that is good for the side, red for bad, the text colour otherwise."""
    if abs(delta) < 1e-9 or direction == 0:
        return palette.color(QPalette.ColorRole.Text)
    good = (delta > 0) == (direction > 0)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    if good:
        return QColor("#5ccf7a") if dark else QColor("#1b7f3b")
    return QColor("#ff7b72") if dark else QColor("#b3261e")


def signed(value: float, decimals: int = 2) -> str:
    if abs(value) < 0.5 * 10**-decimals:
        return f"{0:.{decimals}f}"
    return f"{value:+,.{decimals}f}".replace("-", "−")


class Card(QFrame):
    """A titled, framed section."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 10)
        lay.setSpacing(6)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        lay.addWidget(self.title)
        self.body = lay

    def setTitle(self, text: str) -> None:
        self.title.setText(text)


class LevelEditor(QWidget):
    """Edit an instrument's level: a drop-down for on/off instruments, a spin box otherwise.

    (No Python overrides of Qt virtuals here or in :class:`Sparkline`: layout and painting
    then never need the GIL, so an AI thinking in a worker thread cannot stall them.)
    """

    changed = Signal()

    def __init__(self, ins: Instrument, scenario: Scenario, lang: str, parent: QWidget | None = None) -> None:
        from game.text import format_level

        super().__init__(parent)
        self.ins = ins
        self.combo: QComboBox | None = None
        self.spin: QDoubleSpinBox | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        steps = round((ins.max - ins.min) / ins.step)
        if steps <= 4:
            self.combo = QComboBox()
            for k in range(steps + 1):
                value = ins.min + k * ins.step
                self.combo.addItem(format_level(scenario, ins.id, value, lang), value)
            self.combo.currentIndexChanged.connect(self.changed)
            lay.addWidget(self.combo)
        else:
            self.spin = QDoubleSpinBox()
            self.spin.setRange(ins.min, ins.max)
            self.spin.setSingleStep(ins.step)
            decimals = 0 if float(ins.step).is_integer() else max(1, len(f"{ins.step:g}".split(".")[-1]))
            self.spin.setDecimals(decimals)
            if ins.unit == "pct":
                self.spin.setSuffix(" %")
            elif ins.unit == "bn":
                # the words around the number of billions, in the language's order ("$25 bn", "25 十亿美元")
                before, _n, after = self.tr("${n} bn").partition("{n}")
                self.spin.setPrefix(before)
                self.spin.setSuffix(after)
            # every keystroke counts (the cost and the what-if follow the typing, not the focus);
            # Tab still leaves the box for the next control
            self.spin.setKeyboardTracking(True)
            self.spin.valueChanged.connect(self.changed)
            # a typed level between steps (12 where the steps are 5) counts as its step (10): the
            # box says so once the typing is done (Tab, Enter, a click elsewhere)
            self._typed = False
            self.spin.lineEdit().textEdited.connect(self._on_typed)
            self.spin.editingFinished.connect(self._snap)
            lay.addWidget(self.spin)
        self.setFocusProxy(self.editor())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def editor(self) -> QWidget:
        box = self.combo if self.combo is not None else self.spin
        assert box is not None  # __init__ makes one of the two
        return box

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.editor().setAccessibleName(name)

    def value(self) -> float:
        if self.combo is not None:
            return float(self.combo.currentData())
        assert self.spin is not None
        ins = self.ins
        k = round((self.spin.value() - ins.min) / ins.step)
        return float(ins.min + k * ins.step)

    def _on_typed(self, _text: str) -> None:
        self._typed = True

    def _snap(self) -> None:
        typed, self._typed = self._typed, False
        if typed and self.spin is not None and abs(self.spin.value() - self.value()) > 1e-9:
            self.spin.setValue(self.value())

    def set_value(self, value: float) -> None:
        """Set the level without emitting ``changed``."""
        if self.combo is not None:
            combo = self.combo
            best = min(range(combo.count()), key=lambda i: abs(float(combo.itemData(i)) - value))
            combo.blockSignals(True)
            combo.setCurrentIndex(best)
            combo.blockSignals(False)
        elif self.spin is not None:
            self.spin.blockSignals(True)
            self.spin.setValue(value)
            self.spin.blockSignals(False)


class Sparkline(QLabel):
    """A tiny line chart of a meter's history (drawn once into a pixmap when the data change)."""

    WIDTH, HEIGHT = 64, 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float] = []
        self.setFixedSize(self.WIDTH, self.HEIGHT + 2)

    def set_values(self, values: Sequence[float], colour: QColor) -> None:
        values = [float(v) for v in values]
        if values == self.values and self.pixmap() is not None and not self.pixmap().isNull():
            return
        self.values = values
        ratio = self.devicePixelRatioF() or 1.0
        pix = QPixmap(int(self.WIDTH * ratio), int(self.HEIGHT * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(Qt.GlobalColor.transparent)
        if len(values) >= 2:
            p = QPainter(pix)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            w, h = self.WIDTH - 6, self.HEIGHT - 6
            lo, hi = min(values), max(values)
            flat = hi - lo < 1e-9
            n = len(values)
            path = QPainterPath()
            for i, v in enumerate(values):
                x = 3 + w * i / (n - 1)
                y = 3 + h - (h * 0.5 if flat else h * (v - lo) / (hi - lo))
                if i == 0:
                    path.moveTo(QPointF(x, y))
                else:
                    path.lineTo(QPointF(x, y))
            p.setPen(QPen(colour, 1.6))
            p.drawPath(path)
            p.setBrush(colour)
            p.drawEllipse(path.currentPosition(), 2.2, 2.2)
            p.end()
        self.setPixmap(pix)


def hline() -> QFrame:
    f = QFrame()
    f.setFrameShape(QFrame.Shape.HLine)
    f.setFrameShadow(QFrame.Shadow.Sunken)
    return f


def row(*widgets: QWidget, stretch_last: bool = False) -> QHBoxLayout:
    lay = QHBoxLayout()
    for w in widgets:
        lay.addWidget(w)
    if not stretch_last:
        lay.addStretch(1)
    return lay


def wrap_label(text: str = "", *, rich: bool = False, object_name: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        lab.setObjectName(object_name)
    return lab

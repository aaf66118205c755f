"""What the panels share: meter rows, the translator, small widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from game.engine import Action
from game.registry import instruments as kind_registry
from game.registry import meters as meter_registry
from game.scenario.models import Instrument
from game.ui.common import (
    Ctx,
    wrap_label,
)
from game.ui.i18n import TrContext


def side_meter_rows() -> tuple[str, ...]:
    """The meters panel's rows for each side, in order: the registry's public side meters
    (a private one, political capital, is the side's own: its briefing shows it)."""
    return meter_registry.public_side_meters()


def shared_meter_rows() -> tuple[str, ...]:
    """The meters panel's rows shared by the table: the registry's shared meters."""
    return meter_registry.shared_meters()


#: Meters shown for each side, in order (as the registry stood at start-up).
SIDE_METER_ROWS: tuple[str, ...] = side_meter_rows()
#: Meters shared by the table.
SHARED_METER_ROWS: tuple[str, ...] = shared_meter_rows()


class Refusal(str):
    """The engine's refusal of an action as the player reads it ("Rule 3.5: …"), with its rule
    number and fields kept as data, so that a panel can say more (which red line) without
    reading the sentence back."""

    rule: str
    fields: dict[str, object]

    def __new__(cls, text: str, rule: str = "", fields: dict[str, object] | None = None) -> Refusal:
        refusal = super().__new__(cls, text)
        refusal.rule = rule
        refusal.fields = dict(fields or {})
        return refusal


#: The window's checker: the engine's verdict on an action for the side at the screen (None if
#: legal; a :class:`Refusal` when the rules forbid it, or a plain sentence such as "Wait for your turn.")
Checker = Callable[[Action], "str | None"]


class Panels(TrContext):
    """The translation context of this module's words."""


def _clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # never while count() > 0
            break
        w = item.widget()
        if w is not None:
            w.hide()
            w.deleteLater()
        elif (inner := item.layout()) is not None:
            _clear_layout(inner)


def scenario_key(ctx: Ctx) -> tuple[object, ...]:
    """What a panel's widgets are built from, per scenario: its meta, sides and instruments.

    A panel rebuilds its rows when this changes — another scenario, or an edited copy of
    the same one (same id, other instruments) — never only when the scenario's id does.
    Compared with ``==``: the same objects compare at once, others by content."""
    sc = ctx.scenario
    return (sc.meta, tuple(sc.sides), tuple(sc.instruments))


def tradable(ctx: Ctx, owner: str | None = None) -> list[Instrument]:
    """The instruments that may be terms of a package (rule 3.2), of ``owner`` or of both sides."""
    return [
        i
        for i in ctx.scenario.instruments
        if kind_registry.tradable(i, ctx.rules.sides) and (owner is None or i.owner == owner)
    ]


# ---------------------------------------------------------------------------- briefing
class Gauge(QWidget):
    """A caption with its value on the right and a slim bar underneath."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setVerticalSpacing(2)
        self.caption = wrap_label(caption)
        self.value = QLabel()
        self.value.setObjectName("gaugeValue")
        # a long value ("0% · now $0bn → $25bn", in Chinese too) wraps: never clipped by the panel
        self.value.setWordWrap(True)
        self.value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(7)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.bar.setFixedWidth(72)
        lay.addWidget(self.caption, 0, 0, 1, 2)
        lay.addWidget(self.bar, 1, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.value, 1, 1)
        lay.setColumnStretch(1, 1)

    def set(self, fraction: float, text: str, accessible: str) -> None:
        self.bar.setValue(round(100 * max(0.0, min(1.0, fraction))))
        self.value.setText(text)
        self.bar.setAccessibleName(accessible)
        self.bar.setAccessibleDescription(text)

"""The hot-seat hand-over screen: fills the window between the delegations' private phases."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from game.ui.common import named


class HandOverScreen(QWidget):
    """ "Pass to the China delegation — Ready". Shows nothing private of either side."""

    ready = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.side = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 40, 40, 40)
        lay.addStretch(2)
        self.title = QLabel()
        self.title.setObjectName("handoverTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.text = QLabel()
        self.text.setObjectName("handoverText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        lay.addWidget(self.text)
        lay.addSpacing(24)
        self.button = QPushButton(self.tr("Ready"))
        self.button.setObjectName("handoverReady")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.setMinimumWidth(220)
        self.button.clicked.connect(lambda: self.ready.emit(self.side))
        named(self.button, self.tr("Ready"))
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(3)

    def show_for(self, side: str, side_label: str, colour: str, previous_label: str | None) -> None:
        self.side = side
        self.title.setText(self.tr("Pass to the {side} delegation").format(side=side_label))
        if previous_label:
            text = self.tr(
                "The {prev} delegation's screen is hidden. When only the {side} delegation can see the screen, "
                "press Ready."
            ).format(prev=previous_label, side=side_label)
        else:
            text = self.tr("When only the {side} delegation can see the screen, press Ready.").format(
                side=side_label
            )
        self.text.setText(text)
        self.setStyleSheet(
            f"#handover {{ border-width: 12px 0 0 0; border-style: solid; border-color: {colour}; }}"
        )
        named(self.button, self.tr("Ready: the {side} delegation has the computer").format(side=side_label))
        self.button.setFocus()

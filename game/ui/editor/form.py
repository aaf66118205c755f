"""The editor's form view: the scenario's meta fields, its sides and instruments (tables),
its end and table settings. It reads the text's plain data (:meth:`ScenarioForm.load`) and
says what the author changed (:attr:`~ScenarioForm.value_edited`,
:attr:`~ScenarioForm.text_edited`), never writing the text itself: the editor applies each
change to the YAML surgically (:mod:`game.scenario.yaml_edit`) and loads the form again.

Its words keep the editor's translation context (``ScenarioEditor``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from game.scenario.yaml_edit import KeyPath, display, text_part
from game.ui.common import named
from game.ui.editor.table_model import Column, FormTable


class ScenarioForm(QScrollArea):
    """The form: every control edits one scalar of the file (or one language of a text)."""

    #: a scalar at a path was set (the value typed: a number, a date, a text)
    value_edited = Signal(object, object)
    #: one language of a player-facing text at a path was set: path, language, text
    text_edited = Signal(object, str, str)
    #: Add instrument was pressed
    add_requested = Signal()
    #: Remove instrument was pressed with this row selected
    remove_requested = Signal(int)
    #: Remove instrument was pressed with no row selected
    nothing_to_remove = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setWidgetResizable(True)
        named(self, QCoreApplication.translate("ScenarioEditor", "Form view"))
        body = QWidget()
        lay = QVBoxLayout(body)

        # meta
        meta = QGroupBox(QCoreApplication.translate("ScenarioEditor", "Scenario"), body)
        named(meta, QCoreApplication.translate("ScenarioEditor", "Scenario details"))
        fl = QFormLayout(meta)
        self.f_id = self._line(QCoreApplication.translate("ScenarioEditor", "Scenario id"), ("meta", "id"))
        self.f_title_en = self._line(
            QCoreApplication.translate("ScenarioEditor", "Title (English)"), ("meta", "title"), "en"
        )
        self.f_title_zh = self._line(
            QCoreApplication.translate("ScenarioEditor", "Title (Chinese)"), ("meta", "title"), "zh"
        )
        self.f_start = self._line(
            QCoreApplication.translate("ScenarioEditor", "Start date"), ("meta", "start_date")
        )
        self.f_start.setPlaceholderText("YYYY-MM-DD")
        self.f_author = self._line(QCoreApplication.translate("ScenarioEditor", "Author"), ("meta", "author"))
        self.f_version = self._line(
            QCoreApplication.translate("ScenarioEditor", "Version"), ("meta", "version")
        )
        self.f_turn_days = named(QSpinBox(), QCoreApplication.translate("ScenarioEditor", "Days per turn"))
        self.f_turn_days.setRange(1, 366)
        self.f_turn_days.valueChanged.connect(lambda v: self._form_set(("meta", "turn_days"), v))
        self.f_difficulty = named(QComboBox(), QCoreApplication.translate("ScenarioEditor", "Difficulty"))
        for key, label in (
            ("tutorial", QCoreApplication.translate("ScenarioEditor", "Tutorial")),
            ("easy", QCoreApplication.translate("ScenarioEditor", "Easy")),
            ("normal", QCoreApplication.translate("ScenarioEditor", "Normal")),
            ("hard", QCoreApplication.translate("ScenarioEditor", "Hard")),
        ):
            self.f_difficulty.addItem(label, key)
        self.f_difficulty.activated.connect(
            lambda _i: self._form_set(("meta", "difficulty"), self.f_difficulty.currentData())
        )
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "&Id:"), self.f_id)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "Title (&English):"), self.f_title_en)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "Title (&Chinese):"), self.f_title_zh)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "Start &date:"), self.f_start)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "Days per t&urn:"), self.f_turn_days)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "Di&fficulty:"), self.f_difficulty)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "&Author:"), self.f_author)
        fl.addRow(QCoreApplication.translate("ScenarioEditor", "&Version:"), self.f_version)
        lay.addWidget(meta)

        # sides
        sides = QGroupBox(QCoreApplication.translate("ScenarioEditor", "Sides"), body)
        named(sides, QCoreApplication.translate("ScenarioEditor", "Sides"))
        sl = QVBoxLayout(sides)
        self.sides_table = FormTable(
            [
                Column(QCoreApplication.translate("ScenarioEditor", "Id"), "id"),
                Column(QCoreApplication.translate("ScenarioEditor", "Name (English)"), "name", "en"),
                Column(QCoreApplication.translate("ScenarioEditor", "Name (Chinese)"), "name", "zh"),
                Column(QCoreApplication.translate("ScenarioEditor", "Region"), "region"),
                Column(QCoreApplication.translate("ScenarioEditor", "Colour"), "colour"),
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Political capital"),
                    "political_capital",
                    "number",
                ),
                Column(QCoreApplication.translate("ScenarioEditor", "Approval %"), "approval_pct", "number"),
            ],
            QCoreApplication.translate("ScenarioEditor", "Sides table"),
        )
        self.sides_table.setMinimumHeight(90)
        self.sides_table.table_model.cell_edited.connect(lambda r, c, v: self._cell_edited("sides", r, c, v))
        sl.addWidget(self.sides_table)
        lay.addWidget(sides)

        # instruments
        instruments = QGroupBox(QCoreApplication.translate("ScenarioEditor", "Instruments"), body)
        named(instruments, QCoreApplication.translate("ScenarioEditor", "Instruments"))
        il = QVBoxLayout(instruments)
        self.instruments_table = FormTable(
            [
                Column(QCoreApplication.translate("ScenarioEditor", "Id"), "id"),
                Column(QCoreApplication.translate("ScenarioEditor", "Kind"), "kind"),
                Column(QCoreApplication.translate("ScenarioEditor", "Owner"), "owner"),
                Column(QCoreApplication.translate("ScenarioEditor", "Target"), "target"),
                Column(QCoreApplication.translate("ScenarioEditor", "Name (English)"), "name", "en"),
                Column(QCoreApplication.translate("ScenarioEditor", "Name (Chinese)"), "name", "zh"),
                Column(QCoreApplication.translate("ScenarioEditor", "Min"), "min", "number"),
                Column(QCoreApplication.translate("ScenarioEditor", "Max"), "max", "number"),
                Column(QCoreApplication.translate("ScenarioEditor", "Step"), "step", "number"),
                Column(QCoreApplication.translate("ScenarioEditor", "Start"), "start", "number"),
                Column(QCoreApplication.translate("ScenarioEditor", "Share"), "share", "number"),
                Column(QCoreApplication.translate("ScenarioEditor", "Cost"), "cost", "number"),
            ],
            QCoreApplication.translate("ScenarioEditor", "Instruments table"),
        )
        self.instruments_table.setMinimumHeight(220)
        self.instruments_table.table_model.cell_edited.connect(
            lambda r, c, v: self._cell_edited("instruments", r, c, v)
        )
        il.addWidget(self.instruments_table)
        buttons = QHBoxLayout()
        self.add_instrument_btn = named(
            QPushButton(QCoreApplication.translate("ScenarioEditor", "A&dd instrument")),
            QCoreApplication.translate("ScenarioEditor", "Add an instrument at the end of the list"),
        )
        self.add_instrument_btn.clicked.connect(self.add_requested)
        self.remove_instrument_btn = named(
            QPushButton(QCoreApplication.translate("ScenarioEditor", "&Remove instrument")),
            QCoreApplication.translate("ScenarioEditor", "Remove the selected instrument"),
        )
        self.remove_instrument_btn.clicked.connect(self._remove_clicked)
        buttons.addWidget(self.add_instrument_btn)
        buttons.addWidget(self.remove_instrument_btn)
        buttons.addStretch(1)
        il.addLayout(buttons)
        lay.addWidget(instruments)

        # end
        end = QGroupBox(QCoreApplication.translate("ScenarioEditor", "End and table"), body)
        named(end, QCoreApplication.translate("ScenarioEditor", "End and table"))
        el = QFormLayout(end)
        self.f_deadline = named(QSpinBox(), QCoreApplication.translate("ScenarioEditor", "Deadline in turns"))
        self.f_deadline.setRange(1, 520)
        self.f_deadline.valueChanged.connect(lambda v: self._form_set(("end", "deadline_turns"), v))
        self.f_exchanges = named(QSpinBox(), QCoreApplication.translate("ScenarioEditor", "Offers per turn"))
        self.f_exchanges.setRange(1, 20)
        self.f_exchanges.valueChanged.connect(lambda v: self._form_set(("end", "exchanges_per_turn"), v))
        self.f_trust = named(
            QDoubleSpinBox(), QCoreApplication.translate("ScenarioEditor", "Trust at the start (%)")
        )
        self.f_trust.setRange(0, 100)
        self.f_trust.setDecimals(0)
        self.f_trust.valueChanged.connect(lambda v: self._form_set(("trust_pct",), v))
        el.addRow(QCoreApplication.translate("ScenarioEditor", "Dead&line (turns):"), self.f_deadline)
        el.addRow(QCoreApplication.translate("ScenarioEditor", "Offers &per turn:"), self.f_exchanges)
        el.addRow(QCoreApplication.translate("ScenarioEditor", "&Trust at the start (%):"), self.f_trust)
        lay.addWidget(end)

        note = QLabel(
            QCoreApplication.translate(
                "ScenarioEditor",
                "Briefings, events and scoring are edited in the Text view; "
                "every field is described in docs/authoring.md.",
            ),
            body,
        )
        note.setWordWrap(True)
        named(note, QCoreApplication.translate("ScenarioEditor", "About the form"))
        lay.addWidget(note)
        lay.addStretch(1)
        self.setWidget(body)

    def _line(self, name: str, key: KeyPath, lang: str | None = None) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setProperty("path", key)
        edit.setProperty("lang", lang or "")
        edit.editingFinished.connect(lambda e=edit: self._line_edited(e))
        return edit

    def _remove_clicked(self) -> None:
        row = self.instruments_table.current_row()
        if row < 0:
            self.nothing_to_remove.emit()
        else:
            self.remove_requested.emit(row)

    def load(self, data: object) -> None:
        """Fill the form from the text's plain data (even when the scenario has errors; off
        if the text is not a mapping at all)."""
        if not isinstance(data, dict):
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self._loading = True
        try:
            meta: dict[str, Any] = data["meta"] if isinstance(data.get("meta"), dict) else {}
            self._set_line(self.f_id, display(meta.get("id")))
            self._set_line(self.f_title_en, text_part(meta.get("title"), "en"))
            self._set_line(self.f_title_zh, text_part(meta.get("title"), "zh"))
            start = meta.get("start_date")
            self._set_line(self.f_start, start.isoformat() if isinstance(start, dt.date) else display(start))
            self._set_line(self.f_author, display(meta.get("author")))
            self._set_line(self.f_version, display(meta.get("version")))
            self._set_spin(self.f_turn_days, meta.get("turn_days"), 7)
            index = self.f_difficulty.findData(meta.get("difficulty", "normal"))
            if index >= 0 and index != self.f_difficulty.currentIndex():
                self.f_difficulty.setCurrentIndex(index)
            sides = data.get("sides")
            self.sides_table.table_model.load(
                [s for s in sides if isinstance(s, dict)] if isinstance(sides, list) else []
            )
            instruments = data.get("instruments")
            self.instruments_table.table_model.load(
                [i if isinstance(i, dict) else {} for i in instruments]
                if isinstance(instruments, list)
                else []
            )
            end: dict[str, Any] = data["end"] if isinstance(data.get("end"), dict) else {}
            self._set_spin(self.f_deadline, end.get("deadline_turns"), 13)
            self._set_spin(self.f_exchanges, end.get("exchanges_per_turn"), 3)
            self._set_spin(self.f_trust, data.get("trust_pct"), 30)
        finally:
            self._loading = False

    @staticmethod
    def _set_line(edit: QLineEdit, text: str) -> None:
        if edit.text() != text and not edit.hasFocus():
            edit.setText(text)
            edit.setCursorPosition(0)

    @staticmethod
    def _set_spin(spin: QSpinBox | QDoubleSpinBox, value: object, default: float) -> None:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else default
        if spin.value() != number:
            if isinstance(spin, QDoubleSpinBox):
                spin.setValue(float(number))
            else:
                spin.setValue(int(number))  # what Qt makes of a float for a QSpinBox: truncated

    def _line_edited(self, edit: QLineEdit) -> None:
        if self._loading:
            return
        path = tuple(edit.property("path"))
        lang = edit.property("lang")
        value = edit.text().strip()
        if lang:
            self.text_edited.emit(path, lang, value)
        elif path == ("meta", "start_date"):
            try:
                self._form_set(path, dt.date.fromisoformat(value))
            except ValueError:
                self._form_set(path, value)
        else:
            self._form_set(path, value)

    def _form_set(self, path: KeyPath, value: object) -> None:
        if self._loading:
            return
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        self.value_edited.emit(path, value)

    def _cell_edited(self, section: str, row: int, column: Column, value: object) -> None:
        if self._loading:
            return
        if column.is_text:
            self.text_edited.emit((section, row, column.key), column.kind, str(value))
        else:
            self._form_set((section, row, column.key), value)

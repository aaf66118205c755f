"""The proposal builder's table (its words keep the table panel's translation context): one row per instrument either side may trade (your side's
commitments first, each side under its heading), with whether it is in the package, its
level now, the level proposed, how long the term lasts and when it starts.

A :class:`BuilderModel` holds the draft (plain data: a :class:`DraftTerm` per instrument);
a :class:`BuilderTable` shows it. No widget sits in a cell: the Include column is a check
state, and the cell being edited gets its editor from a delegate — a level editor
(:class:`LevelDelegate`, the same editor as the orders form's) or a number of turns
(:class:`TurnsDelegate`) — made on demand and gone when the cell is left. Every keystroke
in an editor reaches the model (the what-if preview follows the typing); Tab moves on to
the next cell's editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from game.engine import Term
from game.scenario.models import Instrument, Scenario, tr
from game.text import format_level, instrument_name, side_name
from game.ui.common import Ctx, LevelEditor, named, side_colour
from game.ui.panels.base import tradable

Index = QModelIndex | QPersistentModelIndex

INCLUDE, NAME, NOW, PROPOSED, LASTS, STARTS = range(6)
#: The columns a player edits, by name (for :meth:`BuilderRow.edit`).
EDITABLE = {"proposed": PROPOSED, "lasts": LASTS, "starts": STARTS}


@dataclass
class DraftTerm:
    """One instrument's line of the draft: in the package or not, and the term it would be."""

    include: bool
    value: float
    duration: int = 0  # turns; 0 = to the end of the game
    start: int = 0  # turns after signing; 0 = at once

    def term(self, iid: str) -> Term:
        return Term(
            instrument=iid,
            value=self.value,
            duration_turns=self.duration if self.duration > 0 else None,
            start_after_turns=self.start,
        )


@dataclass
class _Line:
    """A row of the table: a side's heading (``ins`` None) or an instrument."""

    owner: str
    label: str
    ins: Instrument | None = None
    now: float = 0.0
    draft: DraftTerm | None = None
    tip: str = ""


class BuilderModel(QAbstractTableModel):
    """The draft package, row by row; :attr:`edited` when the player changes it."""

    #: the player changed the draft (ticked a term, typed a level, a duration, a start)
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[_Line] = []
        self.rows: dict[str, int] = {}  # instrument id -> its row
        self.scenario: Scenario | None = None
        self.lang = "en"
        self.deadline_turns = 1
        self.enabled = True
        self._bold: QFont | None = None
        self._colours: dict[str, QColor] = {}

    # ----------------------------------------------------------------- building
    def build(self, ctx: Ctx, font: QFont) -> None:
        """The rows for the side at the screen: its own tradable instruments, then the other side's."""
        v, lang, sc = ctx.view, ctx.lang, ctx.scenario
        required = set(sc.end.comprehensive_deal.required_instruments)
        self.beginResetModel()
        self.scenario, self.lang, self.deadline_turns = sc, lang, max(1, v.deadline_turns)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self.lines, self.rows, self._colours = [], {}, {}
        for owner in (v.side, v.other):
            self._colours[owner] = side_colour(sc, owner)
            label = (
                QCoreApplication.translate("TablePanel", "{side} commits (you)").format(
                    side=side_name(sc, owner, lang)
                )
                if owner == v.side
                else QCoreApplication.translate("TablePanel", "{side} commits").format(
                    side=side_name(sc, owner, lang)
                )
            )
            self.lines.append(_Line(owner, label))
            for ins in tradable(ctx, owner):
                name = instrument_name(sc, ins.id, lang)
                tip = name
                if ins.description:
                    tip += "\n" + tr(ins.description, lang)
                if ins.id in required:
                    tip += "\n★ " + QCoreApplication.translate(
                        "TablePanel", "A comprehensive deal needs a term on this instrument."
                    )
                level = v.levels[ins.id]
                self.rows[ins.id] = len(self.lines)
                self.lines.append(
                    _Line(
                        owner,
                        name + (" ★" if ins.id in required else ""),
                        ins,
                        level,
                        DraftTerm(False, level),
                        tip,
                    )
                )
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.lines, self.rows = [], {}
        self.endResetModel()

    def heading_rows(self) -> list[int]:
        return [r for r, line in enumerate(self.lines) if line.ins is None]

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("TablePanel", "Include"),
            QCoreApplication.translate("TablePanel", "Instrument"),
            QCoreApplication.translate("TablePanel", "Now"),
            QCoreApplication.translate("TablePanel", "Proposed"),
            QCoreApplication.translate("TablePanel", "Lasts"),
            QCoreApplication.translate("TablePanel", "Starts"),
        )[section]

    def _level(self, iid: str, value: float) -> str:
        assert self.scenario is not None
        return format_level(self.scenario, iid, value, self.lang)

    def display(self, line: _Line, column: int) -> str:
        d = line.draft
        assert line.ins is not None and d is not None
        if column == NAME:
            return line.label
        if column == NOW:
            return self._level(line.ins.id, line.now)
        if column == PROPOSED:
            return self._level(line.ins.id, d.value)
        if column == LASTS:
            if d.duration == 0:
                return QCoreApplication.translate("TablePanel", "to the end")
            return str(d.duration) + QCoreApplication.translate("TablePanel", " turns")
        if column == STARTS:
            if d.start == 0:
                return QCoreApplication.translate("TablePanel", "at once")
            return QCoreApplication.translate("TablePanel", "in {n} turns").format(n=d.start)
        return ""

    def accessible(self, line: _Line, column: int) -> str:
        assert line.ins is not None and self.scenario is not None  # (a line is made from a scenario)
        name = instrument_name(self.scenario, line.ins.id, self.lang)
        if column == INCLUDE:
            return QCoreApplication.translate("TablePanel", "Include {name}").format(name=name)
        if column == PROPOSED:
            return QCoreApplication.translate("TablePanel", "Proposed level of {name}").format(name=name)
        if column == LASTS:
            return QCoreApplication.translate(
                "TablePanel", "Duration of the term on {name} (0: to the end)"
            ).format(name=name)
        if column == STARTS:
            return QCoreApplication.translate(
                "TablePanel", "Turns after signing before the term on {name} starts"
            ).format(name=name)
        return self.display(line, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if line.ins is None:  # a side's heading, across the row
            if column != INCLUDE:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return line.label
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._colours.get(line.owner)
            return None
        d = line.draft
        assert d is not None
        if role == Qt.ItemDataRole.DisplayRole and column != INCLUDE:
            return self.display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return {PROPOSED: d.value, LASTS: d.duration, STARTS: d.start}.get(column)
        if role == Qt.ItemDataRole.CheckStateRole and column == INCLUDE:
            return Qt.CheckState.Checked if d.include else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return line.tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible(line, column)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        line = self.lines[index.row()]
        if line.ins is None:
            return Qt.ItemFlag.ItemIsEnabled
        if not self.enabled:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == INCLUDE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (PROPOSED, LASTS, STARTS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # ------------------------------------------------------------------ writing
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        line, column = self.lines[index.row()], index.column()
        d = line.draft
        if d is None:
            return False
        if column == INCLUDE and role == Qt.ItemDataRole.CheckStateRole:
            include = Qt.CheckState(value) == Qt.CheckState.Checked
            if include == d.include:
                return False
            d.include = include
        elif role == Qt.ItemDataRole.EditRole and column in (PROPOSED, LASTS, STARTS):
            before = (d.value, d.duration, d.start)
            if column == PROPOSED:
                d.value = float(value)
            elif column == LASTS:
                d.duration = max(0, min(int(value), self.deadline_turns))
            else:
                d.start = max(0, min(int(value), self.deadline_turns))
            if before == (d.value, d.duration, d.start) and d.include:
                return True
            d.include = True  # a term the player works on is in the package
        else:
            return False
        self._row_changed(index.row())
        self.edited.emit()
        return True

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def toggle(self, row: int) -> bool:
        """Tick or untick the term on ``row`` (False: not a term's row, or the builder is off)."""
        if not 0 <= row < len(self.lines) or self.lines[row].draft is None or not self.enabled:
            return False
        d = self.lines[row].draft
        assert d is not None
        state = Qt.CheckState.Unchecked if d.include else Qt.CheckState.Checked
        return self.setData(self.index(row, INCLUDE), state.value, Qt.ItemDataRole.CheckStateRole)

    # ------------------------------------------------------- the draft as a whole
    def drafts(self) -> dict[str, DraftTerm]:
        return {
            line.ins.id: line.draft for line in self.lines if line.ins is not None and line.draft is not None
        }

    def terms(self) -> tuple[Term, ...]:
        return tuple(d.term(iid) for iid, d in self.drafts().items() if d.include)

    def fill(self, terms: Sequence[Term], levels: dict[str, float]) -> None:
        """Put a package in the builder (the rest at today's levels, unticked) without :attr:`edited`."""
        given = {t.instrument: t for t in terms}
        for line in self.lines:
            if line.ins is None or line.draft is None:
                continue
            t = given.get(line.ins.id)
            if t is None:
                line.draft = DraftTerm(False, levels.get(line.ins.id, line.now))
            else:
                line.draft = DraftTerm(True, t.value, t.duration_turns or 0, t.start_after_turns)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, self.columnCount() - 1))

    def refresh_now(self, levels: dict[str, float]) -> None:
        """A new turn: the Now column (and the levels of unticked terms) follow the new levels."""
        for line in self.lines:
            if line.ins is None or line.draft is None:
                continue
            line.now = levels[line.ins.id]
            if not line.draft.include:
                line.draft.value = line.now
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, self.columnCount() - 1))

    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.enabled = on
            if self.lines:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self.lines) - 1, self.columnCount() - 1)
                )


class IncludeDelegate(QStyledItemDelegate):
    """The Include column: a click anywhere in the cell ticks or unticks the term (not only on
    the small box Qt draws)."""

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: Index) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            return True  # each click of it ticks or unticks, as on a check box
        if kind != QEvent.Type.MouseButtonRelease or not isinstance(model, BuilderModel):
            return super().editorEvent(event, model, option, index)
        mouse = cast(QMouseEvent, event)
        if mouse.button() == Qt.MouseButton.LeftButton and option.rect.contains(mouse.position().toPoint()):
            model.toggle(index.row())
            return True
        return False


class _EditedColumn(QStyledItemDelegate):
    """A column whose cells get an editor: wide enough for the editor's buttons too."""

    #: room for a spin box's arrows (or a drop-down's) beside the text
    EDITOR_ROOM = 34

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + self.EDITOR_ROOM, size.height())


class LevelDelegate(_EditedColumn):
    """The Proposed column's editor: the instrument's level editor (a spin box, or a drop-down
    for on/off instruments), made when the cell is edited; every change reaches the model."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, BuilderModel) and model.scenario is not None
        line = model.lines[index.row()]
        assert line.ins is not None
        editor = LevelEditor(line.ins, model.scenario, model.lang, parent)
        editor.setAccessibleName(model.accessible(line, PROPOSED))
        editor.setAutoFillBackground(True)
        editor.changed.connect(lambda e=editor: self.commitData.emit(e))
        # the keys (Tab, Enter, Escape) reach the box inside the editor: treat them as the editor's
        editor.editor().installEventFilter(self)
        return editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        parent = obj.parent()
        outer = parent if isinstance(parent, LevelEditor) else obj
        return super().eventFilter(outer, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, LevelEditor)
        value = float(index.data(Qt.ItemDataRole.EditRole))
        if abs(editor.value() - value) > 1e-9:  # never while the player types it
            editor.set_value(value)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, LevelEditor)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TurnsDelegate(_EditedColumn):
    """The Lasts and Starts columns' editor: a number of turns (0: to the end / at once)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, BuilderModel)
        line = model.lines[index.row()]
        spin = QSpinBox(parent)
        spin.setRange(0, model.deadline_turns)
        if index.column() == LASTS:
            spin.setSpecialValueText(QCoreApplication.translate("TablePanel", "to the end"))
            spin.setSuffix(QCoreApplication.translate("TablePanel", " turns"))
        else:
            spin.setSpecialValueText(QCoreApplication.translate("TablePanel", "at once"))
            # the words around the number, in the language's order ("in 3 turns", "3回合后")
            before, _n, after = QCoreApplication.translate("TablePanel", "in {n} turns").partition("{n}")
            spin.setPrefix(before)
            spin.setSuffix(after)
        spin.setKeyboardTracking(False)
        spin.setAutoFillBackground(True)
        named(spin, model.accessible(line, index.column()))
        spin.valueChanged.connect(lambda _v, s=spin: self.commitData.emit(s))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        value = int(index.data(Qt.ItemDataRole.EditRole))
        if editor.value() != value:
            editor.blockSignals(True)
            editor.setValue(value)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class BuilderTable(QTableView):
    """The builder's view: a side's heading across its row, a click (or Tab) into a cell edits it."""

    def __init__(self, model: BuilderModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.builder_model = model
        self.setItemDelegateForColumn(INCLUDE, IncludeDelegate(self))
        self.setItemDelegateForColumn(PROPOSED, LevelDelegate(self))
        self.setItemDelegateForColumn(LASTS, TurnsDelegate(self))
        self.setItemDelegateForColumn(STARTS, TurnsDelegate(self))
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # a click on a cell edits it; the arrows move between rows without editing (in an open
        # editor they would change the level); Enter, F2 or a digit typed edits the current cell
        trig = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            trig.SelectedClicked | trig.DoubleClicked | trig.EditKeyPressed | trig.AnyKeyPressed
        )
        self.clicked.connect(self._edit_clicked)
        self.setTabKeyNavigation(False)  # Tab in a cell's editor moves on to the next cell's
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        # rows tall enough for the editors a cell gets
        probe = QSpinBox()
        self.verticalHeader().setMinimumSectionSize(probe.sizeHint().height() + 2)
        probe.deleteLater()
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(INCLUDE, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for c in (NOW, PROPOSED, LASTS, STARTS):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self._spans)

    def _edit_clicked(self, index: QModelIndex) -> None:
        if index.flags() & Qt.ItemFlag.ItemIsEditable and self.indexWidget(index) is None:
            self.edit(index)

    def _spans(self) -> None:
        self.clearSpans()
        for r in self.builder_model.heading_rows():
            self.setSpan(r, 0, 1, 6)

    def editor_at(self, row: int, column: int) -> QWidget | None:
        """The editor open in a cell (None if that cell is not being edited)."""
        return self.indexWidget(self.builder_model.index(row, column))

    def edit_cell(self, row: int, column: int) -> QWidget | None:
        """Edit a cell as a click on it would; its editor (None if the cell is not editable now)."""
        index = self.builder_model.index(row, column)
        self.setCurrentIndex(index)
        if self.indexWidget(index) is None:
            self.edit(index)
        return self.indexWidget(index)


class BuilderRow:
    """One instrument's row of the builder, for code that reads or drives it by instrument."""

    def __init__(self, view: BuilderTable, iid: str) -> None:
        self.view = view
        self.iid = iid

    @property
    def row(self) -> int:
        return self.view.builder_model.rows[self.iid]

    @property
    def draft(self) -> DraftTerm:
        d = self.view.builder_model.lines[self.row].draft
        assert d is not None
        return d

    @property
    def included(self) -> bool:
        return self.draft.include

    def toggle(self) -> bool:
        return self.view.builder_model.toggle(self.row)

    def editing(self, column: str) -> QWidget | None:
        """The editor open in this row's ``column`` (``proposed``, ``lasts``, ``starts``), if any."""
        return self.view.editor_at(self.row, EDITABLE[column])

    def edit(self, column: str) -> QWidget | None:
        """Open this row's ``column`` for editing (as a click on it) and return its editor."""
        return self.view.edit_cell(self.row, EDITABLE[column])

    @property
    def editor(self) -> LevelEditor:
        """The Proposed cell's level editor, opened for editing."""
        ed = self.edit("proposed")
        assert isinstance(ed, LevelEditor)
        return ed

    @property
    def duration(self) -> QSpinBox:
        """The Lasts cell's editor, opened for editing."""
        ed = self.edit("lasts")
        assert isinstance(ed, QSpinBox)
        return ed

"""The editor form's tables (sides, instruments): one row per list item of the file, one
column per scalar under it — a :class:`FormTableModel` over the rows' plain data, shown by a
:class:`FormTable` view whose :class:`CellDelegate` makes a line editor only for the cell
being edited (no widget sits in a cell otherwise)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from game.scenario.yaml_edit import display, parse_number, text_part
from game.ui.common import named

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column of a form table: its header, the key under the row's item, and its type
    (``en``/``zh``: one language of a player-facing text under ``key``)."""

    header: str
    key: str
    kind: Literal["str", "number", "en", "zh"] = "str"

    @property
    def is_text(self) -> bool:
        return self.kind in ("en", "zh")

    def shown(self, row: object) -> str:
        raw = row.get(self.key) if isinstance(row, dict) else None
        return text_part(raw, self.kind) if self.is_text else display(raw)

    def typed(self, text: str) -> object:
        """What a typed cell means: a number for a number column (else the text, for the
        validator to report), the text otherwise."""
        text = text.strip()
        return parse_number(text) if self.kind == "number" else text


class FormTableModel(QAbstractTableModel):
    """The rows' cells as the file says them; an edit is not stored here but announced with
    :attr:`cell_edited` — the editor changes the text, validates it and loads the rows again."""

    #: row, column, value typed
    cell_edited = Signal(int, object, object)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._cells: list[list[str]] = []

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self._cells[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.columns[index.column()].header}, {text}"
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].kind == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------------ writing
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        if text == self._cells[index.row()][index.column()]:
            return False
        column = self.columns[index.column()]
        self.cell_edited.emit(index.row(), column, column.typed(text))
        return True

    def load(self, rows: Sequence[object]) -> None:
        """Show ``rows`` (the list items' plain data); only the cells that changed are redrawn
        (the selection and the current cell stay when the number of rows does)."""
        cells = [[c.shown(row) for c in self.columns] for row in rows]
        if len(cells) != len(self._cells):
            self.beginResetModel()
            self._cells = cells
            self.endResetModel()
            return
        for r, (old, new) in enumerate(zip(self._cells, cells, strict=True)):
            if old != new:
                self._cells[r] = new
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))


class CellDelegate(QStyledItemDelegate):
    """A line editor for the one cell being edited, named for its column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        header = str(model.headerData(index.column(), Qt.Orientation.Horizontal))
        edit = named(QLineEdit(parent), header)
        if model.data(index, Qt.ItemDataRole.TextAlignmentRole):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class FormTable(QTableView):
    """A form table: its model, the on-demand cell editor, one row selected at a time."""

    def __init__(self, columns: Sequence[Column], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_model = FormTableModel(columns, self)
        self.setModel(self.table_model)
        self.setItemDelegate(CellDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(140)
        named(self, name)

    @property
    def columns(self) -> list[Column]:
        return self.table_model.columns

    def row_count(self) -> int:
        return self.table_model.rowCount()

    def current_row(self) -> int:
        """The selected row, -1 if none."""
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

"""The scenario editor (Scenario → Edit…): edit → validate → play-test.

A form view (meta, sides, instruments, end) and a text view (YAML with syntax
highlighting and line numbers) edit the same text. Validation runs live, a moment
after the last keystroke, through :func:`game.scenario.loader.validate_text`; its
problems are listed below and a click jumps to the line.

The text is the document: saving writes it as it is, so the author's comments, key
order and layout survive. An edit in the form changes only the scalar it is about,
at the position the YAML parser recorded for it (or inserts one ``key: value``
line when the key was absent) — the document is never re-dumped.

**Play-test** hands the edited scenario (validated, unsaved changes included) to
the callback given to :func:`open_scenario_editor`; the main window starts a game
from it at once.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from game.scenario.diagnostics import Diagnostic, count_by_severity
from game.scenario.loader import load_yaml_with_positions, validate_text
from game.scenario.models import Scenario
from game.ui.common import named
from game.ui.highlighter import YamlHighlighter

#: Milliseconds of quiet after the last keystroke before the text is validated.
VALIDATE_DELAY_MS = 350

KeyPath = tuple[str | int, ...]
PlayTest = Callable[[Scenario, Path | None], None]

# ============================================================================
# Surgical YAML edits (no Qt)
# ============================================================================


class EditError(Exception):
    """A form edit cannot be applied to the text (it does not parse, or the place is missing)."""


_UNSAFE_PLAIN = set(":#,[]{}&*!|>'\"%@`\\")


def _plain_ok(s: str) -> bool:
    """Whether ``s`` can be written as a plain (unquoted) YAML scalar and read back as itself."""
    if not s or s != s.strip() or "\n" in s or any(ch in _UNSAFE_PLAIN for ch in s):
        return False
    if s[0] in "-?" or s.startswith(("- ", "? ")):
        return False
    try:
        return yaml.safe_load(s) == s
    except (yaml.YAMLError, ValueError):
        return False


def render_scalar(value: object) -> str:
    """``value`` as a YAML scalar: plain where it reads back the same, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value) if math.isfinite(value) else json.dumps(str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value)
    return s if _plain_ok(s) else json.dumps(s, ensure_ascii=False)


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` (positions included), or None if it does not parse."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                return v
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def node_at(root: yaml.Node | None, path: KeyPath) -> yaml.Node | None:
    node = root
    for key in path:
        if node is None:
            return None
        node = _child(node, key)
    return node


def _last_index(text: str, node: yaml.Node) -> int:
    """Index just after the last character of ``node``'s content (trailing blanks excluded)."""
    end = node.end_mark.index
    if isinstance(node, yaml.MappingNode) and node.value:
        end = max(_last_index(text, node.value[-1][1]), _last_index(text, node.value[-1][0]))
    elif isinstance(node, yaml.SequenceNode) and node.value:
        end = _last_index(text, node.value[-1])
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _replace_scalar(text: str, node: yaml.ScalarNode, rendered: str) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        # a block scalar ends after its last line break: keep one
        rendered += "\n"
    return _replace(text, start, end, rendered)


def _insert_key(text: str, mapping: yaml.MappingNode, key: str, rendered: str) -> str:
    if mapping.flow_style:
        close = mapping.end_mark.index - 1
        if text[close] != "}":
            raise EditError(f"cannot add `{key}` here: edit it in the text view")
        sep = ", " if mapping.value else ""
        before = close
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        return _replace(text, before, close, f"{sep}{key}: {rendered}" + text[before:close])
    if not mapping.value:
        raise EditError(f"cannot add `{key}` to an empty mapping: edit it in the text view")
    indent = mapping.value[0][0].start_mark.column
    last = _last_index(text, mapping)
    eol = text.find("\n", last)
    if eol < 0:
        eol = len(text)
    return _replace(text, eol, eol, "\n" + " " * indent + f"{key}: {rendered}")


def set_value(text: str, path: KeyPath, value: object) -> str:
    """``text`` with the scalar at ``path`` set to ``value``, all else untouched.

    The scalar is replaced at the position the parser recorded for it. A missing
    last key is added to its mapping (a new line in a block mapping, ``, key: v``
    in a flow mapping). Raises :class:`EditError` if the text does not parse or
    the place cannot be found.
    """
    root = compose(text)
    if root is None:
        raise EditError("the text has a syntax error: fix it in the text view first")
    rendered = render_scalar(value)
    node = node_at(root, path)
    if isinstance(node, yaml.ScalarNode):
        return _replace_scalar(text, node, rendered)
    if node is not None:
        raise EditError(f"{_path_text(path)} is not a single value: edit it in the text view")
    parent = node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode) and isinstance(path[-1], str):
        return _insert_key(text, parent, path[-1], rendered)
    raise EditError(f"{_path_text(path[:-1])} is missing: add it in the text view")


def set_text(text: str, path: KeyPath, lang: Literal["en", "zh"], value: str) -> str:
    """Set one language of a player-facing text (a plain string or ``{en: …, zh: …}``)."""
    root = compose(text)
    if root is None:
        raise EditError("the text has a syntax error: fix it in the text view first")
    node = node_at(root, path)
    if isinstance(node, yaml.MappingNode) or node is None:
        if node is None and lang == "zh":
            raise EditError(f"{_path_text(path)} is missing: add it in the text view")
        return set_value(text, (*path, lang) if node is not None else path, value)
    if not isinstance(node, yaml.ScalarNode):
        raise EditError(f"{_path_text(path)} is not a text")
    if lang == "en":
        return _replace_scalar(text, node, render_scalar(value))
    # a plain string gains its translation: write it as a flow mapping in place
    english = render_scalar(str(node.value))
    return _replace_scalar(text, node, f"{{en: {english}, zh: {render_scalar(value)}}}")


def _item_dash(text: str, item: yaml.Node) -> int:
    """Index of the ``-`` that opens a block sequence item."""
    i = item.start_mark.index - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] != "-":
        raise EditError("this list is not written one item per line: edit it in the text view")
    return i


def append_item(text: str, path: KeyPath, lines: Sequence[str]) -> str:
    """Append a block-sequence item (``lines``, unindented, the first without ``- ``) to the list at ``path``."""
    root = compose(text)
    seq = node_at(root, path)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise EditError(f"{_path_text(path)} is not a list written one item per line")
    dash = _item_dash(text, seq.value[0])
    col = dash - (text.rfind("\n", 0, dash) + 1)
    last = _last_index(text, seq)
    eol = text.find("\n", last)
    if eol < 0:
        eol = len(text)
    pad = " " * col
    block = "\n" + pad + "- " + lines[0] + "".join("\n" + pad + "  " + line for line in lines[1:])
    return _replace(text, eol, eol, block)


def remove_item(text: str, path: KeyPath, index: int) -> str:
    """Remove item ``index`` (its lines) from the block list at ``path``."""
    root = compose(text)
    seq = node_at(root, path)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not 0 <= index < len(seq.value):
        raise EditError(f"{_path_text(path)} has no item {index}")
    item = seq.value[index]
    start = text.rfind("\n", 0, _item_dash(text, item)) + 1
    end_content = _last_index(text, item)
    end = text.find("\n", end_content)
    end = len(text) if end < 0 else end + 1
    return text[:start] + text[end:]


def _path_text(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def minimal_change(old: str, new: str) -> tuple[int, int, str]:
    """``(start, end, replacement)`` such that ``old[:start] + replacement + old[end:] == new``."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


#: A new scenario: the smallest one that validates (the authoring tutorial's first step).
TEMPLATE = """\
# yaml-language-server: $schema=../docs/scenario.schema.json
#
# A new scenario. The guide is docs/authoring.md; every field is described there.

meta:
  id: my_scenario
  title: {en: My scenario, zh: 我的剧本}
  start_date: 2025-05-06
  turn_days: 7

sides:
  - id: us
    region: us
    name: {en: United States, zh: 美国}
  - id: china
    region: china
    name: {en: China, zh: 中国}

instruments:
  - id: us_tariff
    kind: tariff
    owner: us
    target: china
    unit: pct
    name: {en: US tariff on Chinese goods, zh: 美国对华关税}
    max: 150
    start: 100
  - id: cn_tariff
    kind: tariff
    owner: china
    target: us
    unit: pct
    name: {en: China's tariff on US goods, zh: 中国对美关税}
    max: 150
    start: 100

briefings:
  us:
    walk_away: 30
    objectives:
      - id: tariff_down
        text: {en: Bring China's tariff down, zh: 降低中方关税}
        instrument: cn_tariff
        baseline: 100
        target: 10
  china:
    walk_away: 30
    objectives:
      - id: tariff_down
        text: {en: Bring the US tariff down, zh: 降低美方关税}
        instrument: us_tariff
        baseline: 100
        target: 10

scoring:
  tiers:
    - id: deal
      name: {en: Deal, zh: 达成协议}
      requires: deal
    - id: no_deal
      name: {en: No deal, zh: 未达成协议}
      requires: any

end:
  deadline_turns: 8
  comprehensive_deal:
    min_terms: 2
"""


# ============================================================================
# Widgets
# ============================================================================


class _LineNumbers(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """A plain-text editor with line numbers, a current-line highlight and problem underlines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        self.numbers = _LineNumbers(self)
        self._problems: list[tuple[int, str]] = []
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_numbers)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self._update_margin()

    def line_number_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margin(self, _count: int = 0) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self.numbers.scroll(0, dy)
        else:
            self.numbers.update(0, rect.y(), self.numbers.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.numbers.setGeometry(QRect(cr.left(), cr.top(), self.line_number_width(), cr.height()))

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        painter = QPainter(self.numbers)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.alternateBase())
        problem_lines = {line for line, _ in self._problems}
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                line = number + 1
                colour = QColor("#c62828") if line in problem_lines else palette.placeholderText().color()
                painter.setPen(colour)
                painter.drawText(
                    0, top, self.numbers.width() - 5, height, Qt.AlignmentFlag.AlignRight, str(line)
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()

    def set_problems(self, problems: list[tuple[int, str]]) -> None:
        """Lines to underline: ``(line, severity)``, 1-based."""
        self._problems = problems
        self._refresh_selections()
        self.numbers.update()

    def _refresh_selections(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        current = QTextEdit.ExtraSelection()
        current.format.setBackground(self.palette().alternateBase())
        current.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        current.cursor = self.textCursor()
        current.cursor.clearSelection()
        selections.append(current)
        doc = self.document()
        for line, severity in self._problems:
            block = doc.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            colour = {"error": "#d32f2f", "warning": "#ef8f00"}.get(severity, "#1976d2")
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            sel.format.setUnderlineColor(QColor(colour))
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)

    def go_to(self, line: int, col: int = 1) -> None:
        """Put the cursor at a 1-based line and column and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            QTextCursor.MoveMode.MoveAnchor,
            max(0, min(col - 1, block.length() - 1)),
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1


@dataclass(frozen=True)
class _Column:
    """A column of a form table: its header, the key under the row's item, and its type."""

    header: str
    key: str
    kind: Literal["str", "number", "en", "zh"] = "str"


def _text_part(value: object, lang: str) -> str:
    if isinstance(value, dict):
        part = value.get(lang)
        return "" if part is None else str(part)
    if value is None:
        return ""
    return str(value) if lang == "en" else ""


def _display(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parse_number(text: str) -> object:
    """A number typed in a cell; anything else is kept as text for the validator to report."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


class FormTable(QTableWidget):
    """One row per list item (sides, instruments); each cell edits one scalar."""

    cell_edited = Signal(int, str, object)  # row, key or key.lang, value

    def __init__(self, columns: Sequence[_Column], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = list(columns)
        self.setHorizontalHeaderLabels([c.header for c in columns])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(140)
        named(self, name)
        self._loading = False
        self.itemChanged.connect(self._changed)

    def load(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows`` (plain data); cells whose text already matches are left alone."""
        self._loading = True
        try:
            if self.rowCount() != len(rows):
                self.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, col in enumerate(self.columns):
                    raw = row.get(col.key) if isinstance(row, dict) else None
                    text = _text_part(raw, col.kind) if col.kind in ("en", "zh") else _display(raw)
                    item = self.item(r, c)
                    if item is None:
                        item = QTableWidgetItem(text)
                        self.setItem(r, c, item)
                    elif item.text() != text:
                        item.setText(text)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{col.header}, {text}")
        finally:
            self._loading = False

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        col = self.columns[item.column()]
        text = item.text().strip()
        value: object = _parse_number(text) if col.kind == "number" else text
        key = f"{col.key}.{col.kind}" if col.kind in ("en", "zh") else col.key
        self.cell_edited.emit(item.row(), key, value)


# ============================================================================
# The editor window
# ============================================================================


class ScenarioEditor(QMainWindow):
    """Edit a scenario in a form or as YAML, validate it live, save it, play-test it."""

    #: Emitted after each validation with the scenario (or None) and the diagnostics.
    validated = Signal(object, list)
    #: Emitted after a successful save, with the path.
    saved = Signal(Path)

    def __init__(
        self,
        parent: QWidget | None = None,
        path: Path | None = None,
        on_play_test: PlayTest | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.path: Path | None = None
        #: Where Save proposes to write an unsaved document (a copy of a built-in scenario).
        self.suggested_path: Path | None = None
        self.on_play_test = on_play_test
        self.scenario: Scenario | None = None
        self.diagnostics: list[Diagnostic] = []
        #: Ask before closing with unsaved changes (tests turn it off).
        self.confirm_on_close = True
        self._saved_text = ""
        self._form_loading = False
        self._validated_text: str | None = None
        named(self, self.tr("Scenario editor"))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(VALIDATE_DELAY_MS)
        self.timer.timeout.connect(self.validate_now)

        self._build_actions()
        self._build_ui()
        if path is not None:
            self.open_path(Path(path))
        else:
            self.set_document(TEMPLATE, None)
        self.resize(1000, 760)

    # ------------------------------------------------------------------ layout
    def _build_actions(self) -> None:
        style = self.style()
        self.act_new = QAction(self.tr("&New scenario"), self)
        self.act_new.setShortcut(QKeySequence.StandardKey.New)
        self.act_new.triggered.connect(self.new_document)
        self.act_open = QAction(self.tr("&Open…"), self)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(self.open_dialog)
        self.act_save = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("&Save"), self
        )
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save)
        self.act_save_as = QAction(self.tr("Save &as…"), self)
        self.act_save_as.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.act_save_as.triggered.connect(self.save_as)
        self.act_validate = QAction(self.tr("&Validate now"), self)
        self.act_validate.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.act_validate.triggered.connect(self.validate_now)
        self.act_play = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("&Play-test"), self
        )
        self.act_play.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.act_play.setToolTip(self.tr("Start a game from the edited scenario (F5)"))
        self.act_play.triggered.connect(self.play_test)
        self.act_close = QAction(self.tr("&Close"), self)
        self.act_close.setShortcut(QKeySequence.StandardKey.Close)
        self.act_close.triggered.connect(self.close)

        menu = self.menuBar().addMenu(self.tr("&Scenario"))
        for act in (self.act_new, self.act_open, self.act_save, self.act_save_as):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_validate)
        menu.addAction(self.act_play)
        menu.addSeparator()
        menu.addAction(self.act_close)

        bar = QToolBar(self.tr("Scenario"), self)
        named(bar, self.tr("Scenario editor toolbar"))
        bar.setObjectName("editor_toolbar")
        bar.addAction(self.act_save)
        bar.addAction(self.act_validate)
        bar.addAction(self.act_play)
        for act in bar.actions():
            button = bar.widgetForAction(act)
            if button is not None:
                named(button, act.text().replace("&", ""), act.toolTip())
        self.addToolBar(bar)

    def _build_ui(self) -> None:
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)

        self.tabs = QTabWidget(central)
        named(self.tabs, self.tr("Form and text views"))
        self.form = self._build_form()
        self.text = CodeEditor(self.tabs)
        named(
            self.text,
            self.tr("Scenario text (YAML)"),
            self.tr("The scenario file; problems are listed below the editor."),
        )
        self.highlighter = YamlHighlighter(self.text.document(), self.text.palette())
        self.text.textChanged.connect(self._text_changed)
        self.tabs.addTab(self.form, self.tr("&Form"))
        self.tabs.addTab(self.text, self.tr("&Text"))
        self.tabs.setCurrentWidget(self.text)

        bottom = QWidget(central)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.problems_label = QLabel(self.tr("Problems"), bottom)
        named(self.problems_label, self.tr("Problems"))
        self.summary = QLabel("", bottom)
        named(self.summary, self.tr("Validation summary"))
        self.play_btn = named(QPushButton(self.tr("&Play-test"), bottom), self.tr("Play-test the scenario"))
        self.play_btn.clicked.connect(self.play_test)
        head.addWidget(self.problems_label)
        head.addWidget(self.summary, 1)
        head.addWidget(self.play_btn)
        bl.addLayout(head)
        self.problems = QListWidget(bottom)
        named(
            self.problems,
            self.tr("Problems"),
            self.tr("Problems found in the scenario; activate one to jump to its line."),
        )
        self.problems.itemActivated.connect(self._jump_to_problem)
        self.problems.itemClicked.connect(self._jump_to_problem)
        bl.addWidget(self.problems)

        split = QSplitter(Qt.Orientation.Vertical, central)
        named(split, self.tr("Editor and problems"))
        split.addWidget(self.tabs)
        split.addWidget(bottom)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay.addWidget(split)
        self.setCentralWidget(central)
        self.status = self.statusBar()
        named(self.status, self.tr("Status"))

    def _line(self, name: str, key: KeyPath, lang: str | None = None) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setProperty("path", key)
        edit.setProperty("lang", lang or "")
        edit.editingFinished.connect(lambda e=edit: self._line_edited(e))
        return edit

    def _build_form(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        named(scroll, self.tr("Form view"))
        body = QWidget()
        lay = QVBoxLayout(body)

        # meta
        meta = QGroupBox(self.tr("Scenario"), body)
        named(meta, self.tr("Scenario details"))
        fl = QFormLayout(meta)
        self.f_id = self._line(self.tr("Scenario id"), ("meta", "id"))
        self.f_title_en = self._line(self.tr("Title (English)"), ("meta", "title"), "en")
        self.f_title_zh = self._line(self.tr("Title (Chinese)"), ("meta", "title"), "zh")
        self.f_start = self._line(self.tr("Start date"), ("meta", "start_date"))
        self.f_start.setPlaceholderText("YYYY-MM-DD")
        self.f_author = self._line(self.tr("Author"), ("meta", "author"))
        self.f_version = self._line(self.tr("Version"), ("meta", "version"))
        self.f_turn_days = named(QSpinBox(), self.tr("Days per turn"))
        self.f_turn_days.setRange(1, 366)
        self.f_turn_days.valueChanged.connect(lambda v: self._form_set(("meta", "turn_days"), v))
        self.f_difficulty = named(QComboBox(), self.tr("Difficulty"))
        for key, label in (
            ("tutorial", self.tr("Tutorial")),
            ("easy", self.tr("Easy")),
            ("normal", self.tr("Normal")),
            ("hard", self.tr("Hard")),
        ):
            self.f_difficulty.addItem(label, key)
        self.f_difficulty.activated.connect(
            lambda _i: self._form_set(("meta", "difficulty"), self.f_difficulty.currentData())
        )
        fl.addRow(self.tr("&Id:"), self.f_id)
        fl.addRow(self.tr("Title (&English):"), self.f_title_en)
        fl.addRow(self.tr("Title (&Chinese):"), self.f_title_zh)
        fl.addRow(self.tr("Start &date:"), self.f_start)
        fl.addRow(self.tr("Days per t&urn:"), self.f_turn_days)
        fl.addRow(self.tr("Di&fficulty:"), self.f_difficulty)
        fl.addRow(self.tr("&Author:"), self.f_author)
        fl.addRow(self.tr("&Version:"), self.f_version)
        lay.addWidget(meta)

        # sides
        sides = QGroupBox(self.tr("Sides"), body)
        named(sides, self.tr("Sides"))
        sl = QVBoxLayout(sides)
        self.sides_table = FormTable(
            [
                _Column(self.tr("Id"), "id"),
                _Column(self.tr("Name (English)"), "name", "en"),
                _Column(self.tr("Name (Chinese)"), "name", "zh"),
                _Column(self.tr("Region"), "region"),
                _Column(self.tr("Colour"), "colour"),
                _Column(self.tr("Political capital"), "political_capital", "number"),
                _Column(self.tr("Approval %"), "approval_pct", "number"),
            ],
            self.tr("Sides table"),
        )
        self.sides_table.setMinimumHeight(90)
        self.sides_table.cell_edited.connect(lambda r, k, v: self._cell_edited("sides", r, k, v))
        sl.addWidget(self.sides_table)
        lay.addWidget(sides)

        # instruments
        instruments = QGroupBox(self.tr("Instruments"), body)
        named(instruments, self.tr("Instruments"))
        il = QVBoxLayout(instruments)
        self.instruments_table = FormTable(
            [
                _Column(self.tr("Id"), "id"),
                _Column(self.tr("Kind"), "kind"),
                _Column(self.tr("Owner"), "owner"),
                _Column(self.tr("Target"), "target"),
                _Column(self.tr("Name (English)"), "name", "en"),
                _Column(self.tr("Name (Chinese)"), "name", "zh"),
                _Column(self.tr("Min"), "min", "number"),
                _Column(self.tr("Max"), "max", "number"),
                _Column(self.tr("Step"), "step", "number"),
                _Column(self.tr("Start"), "start", "number"),
                _Column(self.tr("Share"), "share", "number"),
                _Column(self.tr("Cost"), "cost", "number"),
            ],
            self.tr("Instruments table"),
        )
        self.instruments_table.setMinimumHeight(220)
        self.instruments_table.cell_edited.connect(lambda r, k, v: self._cell_edited("instruments", r, k, v))
        il.addWidget(self.instruments_table)
        buttons = QHBoxLayout()
        self.add_instrument_btn = named(
            QPushButton(self.tr("A&dd instrument")), self.tr("Add an instrument at the end of the list")
        )
        self.add_instrument_btn.clicked.connect(self.add_instrument)
        self.remove_instrument_btn = named(
            QPushButton(self.tr("&Remove instrument")), self.tr("Remove the selected instrument")
        )
        self.remove_instrument_btn.clicked.connect(self.remove_instrument)
        buttons.addWidget(self.add_instrument_btn)
        buttons.addWidget(self.remove_instrument_btn)
        buttons.addStretch(1)
        il.addLayout(buttons)
        lay.addWidget(instruments)

        # end
        end = QGroupBox(self.tr("End and table"), body)
        named(end, self.tr("End and table"))
        el = QFormLayout(end)
        self.f_deadline = named(QSpinBox(), self.tr("Deadline in turns"))
        self.f_deadline.setRange(1, 520)
        self.f_deadline.valueChanged.connect(lambda v: self._form_set(("end", "deadline_turns"), v))
        self.f_exchanges = named(QSpinBox(), self.tr("Offers per turn"))
        self.f_exchanges.setRange(1, 20)
        self.f_exchanges.valueChanged.connect(lambda v: self._form_set(("end", "exchanges_per_turn"), v))
        self.f_trust = named(QDoubleSpinBox(), self.tr("Trust at the start (%)"))
        self.f_trust.setRange(0, 100)
        self.f_trust.setDecimals(0)
        self.f_trust.valueChanged.connect(lambda v: self._form_set(("trust_pct",), v))
        el.addRow(self.tr("Dead&line (turns):"), self.f_deadline)
        el.addRow(self.tr("Offers &per turn:"), self.f_exchanges)
        el.addRow(self.tr("&Trust at the start (%):"), self.f_trust)
        lay.addWidget(end)

        note = QLabel(
            self.tr(
                "Briefings, events and scoring are edited in the Text view; "
                "every field is described in docs/authoring.md."
            ),
            body,
        )
        note.setWordWrap(True)
        named(note, self.tr("About the form"))
        lay.addWidget(note)
        lay.addStretch(1)
        scroll.setWidget(body)
        return scroll

    # ---------------------------------------------------------------- document
    @property
    def modified(self) -> bool:
        return self.text.toPlainText() != self._saved_text

    def set_document(self, text: str, path: Path | None) -> None:
        """Show ``text`` (from ``path``, a copy of a built-in scenario, or a new scenario) and
        validate it at once. Untouched, it has no changes to save: closing it does not ask
        (a copy or a new scenario is still saved with Save As, wherever the author chooses)."""
        self.path = path
        self.text.setPlainText(text)
        self._saved_text = self.text.toPlainText()  # as the text view holds it (line ends)
        self.text.document().setModified(False)
        self.validate_now()
        self._update_title()

    def open_path(self, path: Path) -> bool:
        try:
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            self.status.showMessage(
                self.tr("Cannot open {path}: {error}").format(path=str(path), error=exc.strerror)
            )
            return False
        self.suggested_path = None
        self.set_document(text, path)
        return True

    def open_copy(self, source: Path, target: Path) -> bool:
        """Edit a copy of ``source`` (a scenario shipped with the game, never overwritten):
        Save proposes ``target`` (in the player's scenario folder)."""
        try:
            text = source.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            self.status.showMessage(
                self.tr("Cannot open {path}: {error}").format(path=str(source), error=exc.strerror)
            )
            return False
        self.suggested_path = target
        self.set_document(text, None)
        self.status.showMessage(
            self.tr("A copy of the built-in scenario {name}: Save puts it in your scenario folder.").format(
                name=source.name
            )
        )
        return True

    def new_document(self) -> None:
        if self._maybe_keep_changes():
            self.suggested_path = None
            self.set_document(TEMPLATE, None)

    def open_dialog(self) -> None:
        if not self._maybe_keep_changes():
            return
        start = str(self.path.parent) if self.path is not None else str(_default_folder())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a scenario"), start, self.tr("Scenarios (*.yaml *.yml)")
        )
        if name:
            self.open_path(Path(name))

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = self.path or self.suggested_path or _default_folder() / "my-scenario.yaml"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the scenario"), str(start), self.tr("Scenarios (*.yaml *.yml)")
        )
        if not name:
            return False
        return self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        """Write the text exactly as it is (comments, order and layout kept), atomically."""
        from game.saves.atomic import atomic_write

        text = self.text.toPlainText()
        if not text.endswith("\n"):
            text += "\n"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, text.encode("utf-8"), keep_backup=False)
        except OSError as exc:
            self.status.showMessage(
                self.tr("Cannot save {path}: {error}").format(path=str(path), error=exc.strerror)
            )
            return False
        self.path = path
        self._saved_text = self.text.toPlainText()
        self.text.document().setModified(False)
        self._update_title()
        self.status.showMessage(self.tr("Saved {path}").format(path=str(path)), 5000)
        self.saved.emit(path)
        return True

    def _update_title(self) -> None:
        if self.path is not None:
            name = self.path.name
        elif self.suggested_path is not None:
            name = self.tr("{name} (copy, not saved yet)").format(name=self.suggested_path.name)
        else:
            name = self.tr("New scenario")
        star = "*" if self.modified else ""
        self.setWindowTitle(self.tr("{name}{star} — Scenario editor").format(name=name, star=star))

    def _maybe_keep_changes(self) -> bool:
        """True if it is fine to drop the current text (saved, discarded, or unchanged)."""
        if not self.modified or not self.confirm_on_close:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this scenario?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._maybe_keep_changes():
            self.timer.stop()
            event.accept()
        else:
            event.ignore()

    # -------------------------------------------------------------- validation
    @property
    def filename(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.suggested_path.name if self.suggested_path is not None else "new-scenario.yaml"

    def _text_changed(self) -> None:
        self._update_title()
        self.timer.start()

    def validate_now(self) -> Scenario | None:
        """Validate the current text now; update the problems list and the form."""
        self.timer.stop()
        text = self.text.toPlainText()
        scenario, diagnostics = validate_text(text, self.filename)
        self.scenario, self.diagnostics = scenario, diagnostics
        self._validated_text = text
        self._show_problems(diagnostics)
        self._load_form(text)
        self.validated.emit(scenario, diagnostics)
        return scenario

    def _show_problems(self, diagnostics: list[Diagnostic]) -> None:
        self.problems.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "hint": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        words = {"error": self.tr("error"), "warning": self.tr("warning"), "hint": self.tr("hint")}
        for d in diagnostics:
            text = self.tr("Line {line}, column {col}: {severity}: {message}").format(
                line=d.line, col=d.col, severity=words[d.severity], message=d.message
            )
            item = QListWidgetItem(icons[d.severity], text)
            item.setData(Qt.ItemDataRole.UserRole, (d.line, d.col))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(d.format())
            self.problems.addItem(item)
        counts = count_by_severity(diagnostics)
        if not diagnostics:
            summary = self.tr("No problems: ready to play-test.")
        else:
            e, w, h = counts["error"], counts["warning"], counts["hint"]
            summary = self.tr("{errors}, {warnings}, {hints}").format(  # "1 error", never "1 errors"
                errors=self.tr("%n error(s)", "", e),
                warnings=self.tr("%n warning(s)", "", w),
                hints=self.tr("%n hint(s)", "", h),
            )
        self.summary.setText(summary)
        self.summary.setAccessibleDescription(summary)
        self.text.set_problems([(d.line, d.severity) for d in diagnostics])
        self.play_btn.setEnabled(counts["error"] == 0)
        self.act_play.setEnabled(counts["error"] == 0)

    def _jump_to_problem(self, item: QListWidgetItem) -> None:
        line, col = item.data(Qt.ItemDataRole.UserRole)
        self.go_to_line(line, col)

    def go_to_line(self, line: int, col: int = 1) -> None:
        """Show the text view with the cursor at ``line``:``col`` (1-based)."""
        self.tabs.setCurrentWidget(self.text)
        self.text.go_to(line, col)

    # -------------------------------------------------------------- play-test
    def play_test(self) -> bool:
        """Validate now; if the scenario has no error, hand it to the play-test callback."""
        scenario = self.validate_now()
        if scenario is None:
            self.status.showMessage(self.tr("Fix the errors listed below before play-testing."), 8000)
            if self.problems.count():
                self.problems.setCurrentRow(0)
                self.problems.setFocus()
            return False
        if self.on_play_test is None:
            self.status.showMessage(self.tr("The scenario is valid."), 5000)
            return False
        self.status.showMessage(self.tr("Starting a game from the edited scenario…"), 5000)
        self.on_play_test(scenario, self.path)
        return True

    # -------------------------------------------------------------------- form
    def _load_form(self, text: str) -> None:
        """Fill the form from the text's plain data (even when the scenario has errors)."""
        data, _positions, _problems = load_yaml_with_positions(text, self.filename)
        if not isinstance(data, dict):
            self.form.setEnabled(False)
            return
        self.form.setEnabled(True)
        self._form_loading = True
        try:
            meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
            self._set_line(self.f_id, _display(meta.get("id")))
            self._set_line(self.f_title_en, _text_part(meta.get("title"), "en"))
            self._set_line(self.f_title_zh, _text_part(meta.get("title"), "zh"))
            start = meta.get("start_date")
            self._set_line(self.f_start, start.isoformat() if isinstance(start, dt.date) else _display(start))
            self._set_line(self.f_author, _display(meta.get("author")))
            self._set_line(self.f_version, _display(meta.get("version")))
            self._set_spin(self.f_turn_days, meta.get("turn_days"), 7)
            index = self.f_difficulty.findData(meta.get("difficulty", "normal"))
            if index >= 0 and index != self.f_difficulty.currentIndex():
                self.f_difficulty.setCurrentIndex(index)
            sides = data.get("sides")
            self.sides_table.load(
                [s for s in sides if isinstance(s, dict)] if isinstance(sides, list) else []
            )
            instruments = data.get("instruments")
            self.instruments_table.load(
                [i if isinstance(i, dict) else {} for i in instruments]
                if isinstance(instruments, list)
                else []
            )
            end = data.get("end") if isinstance(data.get("end"), dict) else {}
            self._set_spin(self.f_deadline, end.get("deadline_turns"), 13)
            self._set_spin(self.f_exchanges, end.get("exchanges_per_turn"), 3)
            self._set_spin(self.f_trust, data.get("trust_pct"), 30)
        finally:
            self._form_loading = False

    @staticmethod
    def _set_line(edit: QLineEdit, text: str) -> None:
        if edit.text() != text and not edit.hasFocus():
            edit.setText(text)
            edit.setCursorPosition(0)

    @staticmethod
    def _set_spin(spin: QSpinBox | QDoubleSpinBox, value: object, default: float) -> None:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else default
        if spin.value() != number:
            spin.setValue(number)  # type: ignore[arg-type]

    def _line_edited(self, edit: QLineEdit) -> None:
        if self._form_loading:
            return
        path = tuple(edit.property("path"))
        lang = edit.property("lang")
        value = edit.text().strip()
        if lang:
            self._apply(lambda text: set_text(text, path, lang, value), path)
        elif path == ("meta", "start_date"):
            try:
                self._form_set(path, dt.date.fromisoformat(value))
            except ValueError:
                self._form_set(path, value)
        else:
            self._form_set(path, value)

    def _form_set(self, path: KeyPath, value: object) -> None:
        if self._form_loading:
            return
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        self._apply(lambda text: set_value(text, path, value), path)

    def _cell_edited(self, section: str, row: int, key: str, value: object) -> None:
        if "." in key:
            field, lang = key.split(".")
            path: KeyPath = (section, row, field)
            self._apply(lambda text: set_text(text, path, lang, str(value)), path)  # type: ignore[arg-type]
        else:
            self._form_set((section, row, key), value)

    def _apply(self, edit: Callable[[str], str], path: KeyPath) -> bool:
        """Apply a surgical edit to the text, as one undoable step; report why if it cannot."""
        old = self.text.toPlainText()
        try:
            new = edit(old)
        except EditError as exc:
            self.status.showMessage(str(exc), 8000)
            self.validate_now()  # puts the form back as the text says
            return False
        if new == old:
            return True
        self.replace_text(new)
        self.status.showMessage(self.tr("Changed {path}").format(path=_path_text(path)), 3000)
        self.validate_now()
        return True

    def replace_text(self, new: str) -> None:
        """Change the text to ``new`` by replacing only the part that differs (one undo step)."""
        old = self.text.toPlainText()
        start, end, middle = minimal_change(old, new)
        cursor = QTextCursor(self.text.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(middle)
        cursor.endEditBlock()

    def add_instrument(self) -> None:
        data, _, _ = load_yaml_with_positions(self.text.toPlainText(), self.filename)
        sides = (
            [s.get("id") for s in (data or {}).get("sides", []) if isinstance(s, dict)]
            if isinstance(data, dict)
            else []
        )
        owner = str(sides[0]) if sides else "us"
        target = str(sides[1]) if len(sides) > 1 else "china"
        existing = (
            {i.get("id") for i in data.get("instruments", []) if isinstance(i, dict)}
            if isinstance(data, dict) and isinstance(data.get("instruments"), list)
            else set()
        )
        n = 1
        while f"new_instrument_{n}" in existing:
            n += 1
        lines = [
            f"id: new_instrument_{n}",
            "kind: tariff",
            f"owner: {owner}",
            f"target: {target}",
            "unit: pct",
            "name: {en: New instrument, zh: 新工具}",
            "min: 0",
            "max: 100",
            "step: 1",
            "start: 0",
        ]
        if self._apply(lambda text: append_item(text, ("instruments",), lines), ("instruments",)):
            self.instruments_table.selectRow(self.instruments_table.rowCount() - 1)

    def remove_instrument(self) -> None:
        row = self.instruments_table.currentRow()
        if row < 0:
            self.status.showMessage(self.tr("Select an instrument to remove."), 5000)
            return
        self._apply(lambda text: remove_item(text, ("instruments",), row), ("instruments", row))


def _default_folder() -> Path:
    from game.ui.dialogs import user_scenario_dir

    return user_scenario_dir()


def open_scenario_editor(parent: QWidget | None, path: Path | None, on_play_test: PlayTest) -> ScenarioEditor:
    """Open the editor on ``path`` (None: a new scenario) and show it.

    ``on_play_test(scenario, path)`` is called by **Play-test** with the edited,
    validated scenario and the file it came from (None if never saved).
    """
    editor = ScenarioEditor(parent, path, on_play_test)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


__all__ = [
    "TEMPLATE",
    "CodeEditor",
    "EditError",
    "ScenarioEditor",
    "append_item",
    "minimal_change",
    "open_scenario_editor",
    "remove_item",
    "render_scalar",
    "set_text",
    "set_value",
]

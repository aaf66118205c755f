"""The scenario editor's window (Scenario → Edit…): edit → validate → play-test.

A form view (:mod:`.form`: meta, sides, instruments, end) and a text view (:mod:`.code_view`:
YAML with syntax highlighting and line numbers) edit the same text. Validation runs live, a
moment after the last keystroke, through :func:`game.scenario.loader.validate_text`; its
problems are listed below and a click jumps to the line.

The text is the document: saving writes it as it is, so the author's comments, key order
and layout survive. An edit in the form changes only the scalar it is about
(:mod:`game.scenario.yaml_edit`) — the document is never re-dumped — as one undo step.

**Play-test** hands the edited scenario (validated, unsaved changes included) to the
callback given to :func:`open_scenario_editor`; the main window starts a game from it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from game.scenario.diagnostics import Diagnostic, count_by_severity
from game.scenario.loader import load_yaml_with_positions, validate_text
from game.scenario.models import Scenario
from game.scenario.yaml_edit import (
    EditError,
    KeyPath,
    append_item,
    minimal_change,
    new_instrument_lines,
    path_text,
    remove_item,
    set_text,
    set_value,
)
from game.ui.common import named
from game.ui.editor.code_view import CodeEditor
from game.ui.editor.form import ScenarioForm
from game.ui.editor.template import TEMPLATE
from game.ui.highlighter import YamlHighlighter

#: Milliseconds of quiet after the last keystroke before the text is validated.
VALIDATE_DELAY_MS = 350

PlayTest = Callable[[Scenario, Path | None], None]


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
        self.status = self.statusBar()
        named(self.status, self.tr("Status"))
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)

        self.tabs = QTabWidget(central)
        named(self.tabs, self.tr("Form and text views"))
        self.form = ScenarioForm(self.tabs)
        self.form.value_edited.connect(self._form_set)
        self.form.text_edited.connect(self._form_text_set)
        self.form.add_requested.connect(self.add_instrument)
        self.form.remove_requested.connect(self.remove_instrument)
        self.form.nothing_to_remove.connect(
            lambda: self.status.showMessage(self.tr("Select an instrument to remove."), 5000)
        )
        form = self.form  # its controls, as the editor's (the tests and the tab order reach them here)
        self.f_id, self.f_title_en, self.f_title_zh = form.f_id, form.f_title_en, form.f_title_zh
        self.f_start, self.f_author, self.f_version = form.f_start, form.f_author, form.f_version
        self.f_turn_days, self.f_difficulty = form.f_turn_days, form.f_difficulty
        self.f_deadline, self.f_exchanges, self.f_trust = form.f_deadline, form.f_exchanges, form.f_trust
        self.sides_table, self.instruments_table = form.sides_table, form.instruments_table
        self.add_instrument_btn, self.remove_instrument_btn = (
            form.add_instrument_btn,
            form.remove_instrument_btn,
        )
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
        self.form.load(data)

    def _form_set(self, path: KeyPath, value: object) -> None:
        self._apply(lambda text: set_value(text, path, value), path)

    def _form_text_set(self, path: KeyPath, lang: str, value: str) -> None:
        self._apply(lambda text: set_text(text, path, lang, value), path)

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
        self.status.showMessage(self.tr("Changed {path}").format(path=path_text(path)), 3000)
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
        """A new instrument at the end of the list (a tariff of the first side on the second)."""
        data, _, _ = load_yaml_with_positions(self.text.toPlainText(), self.filename)
        lines = new_instrument_lines(data)
        if self._apply(lambda text: append_item(text, ("instruments",), lines), ("instruments",)):
            self.instruments_table.selectRow(self.instruments_table.row_count() - 1)

    def remove_instrument(self, row: int | None = None) -> None:
        """Remove the instrument at ``row`` (the selected one if not given)."""
        if row is None:
            row = self.instruments_table.current_row()
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

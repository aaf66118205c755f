"""The scenario editor: live validation at the right line, jumping to problems,
surgical form edits that keep comments, atomic saves, and play-test to turn 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from game.scenario.models import Scenario
from game.ui.editor import ScenarioEditor, open_scenario_editor

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
GENEVA = ROOT / "scenarios" / "geneva-2025.yaml"


def _line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in the text")


def _changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.splitlines(), new.splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "tutorial.yaml"
    shutil.copyfile(TUTORIAL, path)
    return path


@pytest.fixture
def played(qtbot):
    return []


@pytest.fixture
def editor(qtbot, qapp, scenario_file: Path, played: list) -> ScenarioEditor:
    from game.ai import make_ai
    from game.session import Session

    def on_play_test(scenario: Scenario, path: Path | None) -> None:
        """What the main window does: start a game at once (here with AI seats on both sides)."""
        session = Session.new(scenario, {side: make_ai() for side in scenario.side_ids}, seed=3)
        for _ in range(500):
            if session.over or session.game.state.turn >= 2:
                break
            session.step_ai()
        played.append((scenario, path, session))

    ed = ScenarioEditor(None, scenario_file, on_play_test)
    ed.confirm_on_close = False
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def _type_at(ed: ScenarioEditor, qtbot, line: int, col: int, select: int, typed: str) -> None:
    """Put the cursor at line:col in the text view, select ``select`` characters, and type."""
    ed.tabs.setCurrentWidget(ed.text)
    ed.text.go_to(line, col)
    cursor = ed.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, select)
    ed.text.setTextCursor(cursor)
    if select:
        qtbot.keyClick(ed.text, Qt.Key.Key_Delete)
    qtbot.keyClicks(ed.text, typed)


def test_error_is_reported_live_at_its_line_then_fixed_and_play_tested(editor, qtbot, played) -> None:
    ed = editor
    assert ed.scenario is not None
    assert ed.problems.count() == 0
    original = ed.text.toPlainText()
    line = _line_of(original, "kind: tariff")
    col = original.splitlines()[line - 1].index("tariff") + 1

    # the author misspells a kind: reported live (after the debounce), at its line
    _type_at(ed, qtbot, line, col, len("tariff"), "tarrif")
    assert ed.timer.isActive()  # not validated on every keystroke
    qtbot.waitUntil(lambda: ed.problems.count() > 0, timeout=30_000)
    errors = [d for d in ed.diagnostics if d.severity == "error"]
    assert errors, [d.format() for d in ed.diagnostics]
    assert errors[0].line == line
    assert "tarrif" in errors[0].message
    assert ed.scenario is None
    assert f"Line {line}," in ed.problems.item(0).text()
    assert not ed.play_btn.isEnabled()

    # play-test refuses while there is an error
    assert ed.play_test() is False
    assert played == []

    # a click on the problem jumps to its line in the text view
    ed.go_to_line(1)
    assert ed.text.current_line() == 1
    item = ed.problems.item(0)
    rect = ed.problems.visualItemRect(item)
    qtbot.mouseClick(ed.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ed.tabs.currentWidget() is ed.text
    assert ed.text.current_line() == line

    # fix it: the problems go away
    _type_at(ed, qtbot, line, col, len("tarrif"), "tariff")
    qtbot.waitUntil(lambda: ed.problems.count() == 0 and ed.scenario is not None, timeout=30_000)
    assert ed.text.toPlainText() == original
    assert ed.play_btn.isEnabled()

    # play-test: the callback gets the edited scenario and its path; the game reaches turn 2
    qtbot.mouseClick(ed.play_btn, Qt.MouseButton.LeftButton)
    assert len(played) == 1
    scenario, path, session = played[0]
    assert scenario.meta.id == "tutorial"
    assert path == ed.path
    assert session.game.state.turn == 2


def test_play_test_uses_unsaved_edits(editor, qtbot, played) -> None:
    ed = editor
    text = ed.text.toPlainText()
    ed.replace_text(text.replace("deadline_turns: 5", "deadline_turns: 6"))
    assert ed.modified
    assert ed.windowTitle().startswith("tutorial.yaml*")
    ed.act_play.trigger()
    assert played and played[0][0].end.deadline_turns == 6
    assert played[0][2].game.state.turn == 2


def test_form_edits_change_only_their_scalar_and_save_keeps_comments(editor, qtbot, scenario_file) -> None:
    ed = editor
    before = ed.text.toPlainText()
    ed.tabs.setCurrentWidget(ed.form)

    # instruments table: the start level of the first instrument
    table = ed.instruments_table
    model = table.model()
    assert model.rowCount() == 4
    start_col = [c.key for c in table.columns].index("start")
    assert model.index(0, start_col).data() == "50"
    model.setData(model.index(0, start_col), "45")
    qtbot.waitUntil(
        lambda: ed.scenario is not None and ed.scenario.instruments[0].start == 45, timeout=30_000
    )
    assert _changed_lines(before, ed.text.toPlainText()) == [("    start: 50", "    start: 45")]

    # a field the file leaves out is added to its mapping, one line, in place
    share_col = [c.key for c in table.columns].index("share")
    model.setData(model.index(0, share_col), "0.5")
    assert ed.scenario is not None and ed.scenario.instruments[0].share == 0.5
    after = ed.text.toPlainText()
    assert after.count("\n") == before.count("\n") + 1
    assert "    cost: 0.2\n    share: 0.5\n" in after

    # meta fields and the Chinese title
    ed.f_turn_days.setValue(14)
    assert ed.scenario is not None and ed.scenario.meta.turn_days == 14
    ed.f_title_zh.setText("教程：新标题")
    ed.f_title_zh.editingFinished.emit()
    assert ed.scenario is not None
    assert ed.scenario.meta.title.zh == "教程：新标题"  # type: ignore[union-attr]

    # a bad number typed in the form is kept and reported, not lost
    model.setData(model.index(1, start_col), "lots")
    assert ed.scenario is None
    assert any(d.severity == "error" and "start" in d.format() for d in ed.diagnostics)
    model.setData(model.index(1, start_col), "1")
    assert ed.scenario is not None

    # every comment and the key order survive; saving writes the text as it is
    text = ed.text.toPlainText()
    for line in before.splitlines():
        if line.lstrip().startswith("#"):
            assert line in text
    assert ed.save_to(scenario_file)
    assert scenario_file.read_text(encoding="utf-8") == text
    assert not ed.modified
    assert not list(scenario_file.parent.glob("*.tmp"))

    # undo takes back the last form edit, as one step
    ed.text.undo()
    assert ed.text.toPlainText().count("    start: lots\n") == 1
    assert ed.modified


def test_add_and_remove_an_instrument(editor, qtbot) -> None:
    ed = editor
    model = ed.instruments_table.model()
    n = model.rowCount()
    ed.add_instrument_btn.click()
    assert model.rowCount() == n + 1
    assert ed.scenario is not None
    assert ed.scenario.instruments[-1].id == "new_instrument_1"
    assert ed.instruments_table.current_row() == n  # the new one is selected
    ed.instruments_table.setCurrentIndex(model.index(n, 0))
    ed.remove_instrument_btn.click()
    assert model.rowCount() == n
    assert ed.text.toPlainText() == TUTORIAL.read_text(encoding="utf-8")


def test_every_control_has_an_accessible_name(editor) -> None:
    ed = editor
    kinds = (
        QAbstractButton,
        QLineEdit,
        QAbstractSpinBox,
        QComboBox,
        QTableView,
        QListWidget,
        QPlainTextEdit,
        QTabWidget,
    )
    unnamed = []
    for widget in ed.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or combo box
        if widget.objectName().startswith("qt_") or type(widget).__name__ == "QToolBarExtension":
            continue  # Qt's own parts (tab scroll arrows, toolbar extension)
        if not widget.accessibleName():
            unnamed.append(
                f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', lambda: '')()!r}"
            )
    assert unnamed == []


def test_text_view_has_line_numbers_and_highlighting(editor) -> None:
    ed = editor
    assert ed.text.line_number_width() > 0
    assert ed.text.numbers.width() > 0
    comment = ed.text.document().findBlockByNumber(0)
    assert comment.text().startswith("# yaml-language-server")
    assert comment.layout().formats()  # the comment is highlighted
    key_line = ed.text.document().findBlockByNumber(_line_of(ed.text.toPlainText(), "meta:") - 1)
    assert key_line.layout().formats()


def test_new_scenario_template_is_valid_and_open_helper(qtbot, qapp) -> None:
    calls: list = []
    ed = open_scenario_editor(None, None, lambda s, p: calls.append((s, p)))
    ed.confirm_on_close = False
    qtbot.addWidget(ed)
    assert ed.isVisible()
    assert ed.path is None
    assert ed.problems.count() == 0
    assert ed.play_test()
    assert calls and calls[0][1] is None and calls[0][0].meta.id == "my_scenario"


def test_the_editor_speaks_chinese(qtbot, qapp, scenario_file) -> None:
    """The editor's strings come from the window's catalog (every one translated:
    tests/ui/test_ui_i18n.py); here they show."""
    from game.ui.i18n import set_language

    set_language("zh")
    try:
        ed = ScenarioEditor(None, scenario_file, None)
        ed.confirm_on_close = False
        qtbot.addWidget(ed)
        assert ed.windowTitle() == "tutorial.yaml — 剧本编辑器"
        assert ed.summary.text() == "没有问题：可以试玩。"
    finally:
        set_language("en")


def test_a_table_cell_gets_its_editor_only_while_it_is_edited(editor, qtbot) -> None:
    """The form's tables are a model and a view: no widget sits in a cell; editing one makes a
    line editor named for its column, and what is typed there changes the text."""
    from PySide6.QtWidgets import QLineEdit

    ed = editor
    ed.tabs.setCurrentWidget(ed.form)
    table = ed.sides_table
    model = table.model()
    assert not table.viewport().findChildren(QLineEdit)
    col = [c.key for c in table.columns].index("political_capital")
    index = model.index(0, col)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == f"Political capital, {index.data()}"
    table.setCurrentIndex(index)
    table.edit(index)
    editors = table.viewport().findChildren(QLineEdit)
    assert len(editors) == 1 and editors[0].accessibleName() == "Political capital"
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], "77")
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)  # the delegate commits it (a queued call)
    qtbot.waitUntil(lambda: ed.scenario is not None and ed.scenario.sides[0].political_capital == 77)
    assert model.index(0, col).data() == "77"

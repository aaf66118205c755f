"""Help ▸ Rules is the players' rulebook: every numbered rule, and no developer matter."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from game.ui.dialogs import TextDialog

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def open_rules(window, qtbot) -> dict[str, str]:
    """Help ▸ Rules, as a person opens it; returns what the dialog showed, then closes it."""
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.act_rules in help_menu.actions()
    seen: dict[str, str] = {}

    def read(left: int = 200) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, TextDialog) and w.isVisible():
                seen["title"] = w.windowTitle()
                seen["text"] = w.browser.toPlainText()
                seen["markdown"] = w.browser.toMarkdown()
                w.reject()
                return
        if left:
            QTimer.singleShot(20, lambda: read(left - 1))

    QTimer.singleShot(0, read)
    window.act_rules.trigger()  # modal: returns once read() has closed it
    assert seen, "Help ▸ Rules showed no rulebook"
    return seen


def test_help_rules_shows_every_numbered_rule_and_no_developer_matter(window, qtbot):
    shown = open_rules(window, qtbot)
    text = shown["text"]
    assert shown["title"] == "Rules"
    numbers = re.findall(r"\*\*(\d+\.\d+)\*\*", RULES_MD.read_text(encoding="utf-8"))
    assert len(numbers) >= 30  # the rulebook's numbered rules, as refusals cite them
    missing = [n for n in numbers if not re.search(rf"(?m)^\s*{re.escape(n)}\b", text)]
    assert not missing, f"rules missing from Help ▸ Rules: {missing}"
    for developer_matter in ("tests/", ".py", "docs/", "test_rule", "For developers", "scenario authors"):
        assert developer_matter not in text, f"{developer_matter!r} in the players' rulebook"
    identifiers = re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", text)
    assert not identifiers, f"file and field names in the players' rulebook: {identifiers}"
    assert "`" not in shown["markdown"]  # no code spans at all
    # what a player needs is still there: the rule a refusal cites, with its words
    assert "political capital" in text and "red lines" in text and "walk out" in text


def test_the_rules_file_keeps_its_notes_for_developers():
    """The notes are dropped from the window, not from docs/rules.md."""
    md = RULES_MD.read_text(encoding="utf-8")
    assert "tests/engine/test_rules.py" in md and "table_from_turn" in md

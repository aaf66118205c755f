"""Help ▸ Rules is the players' rulebook, in English or Chinese: every numbered rule, no developer matter."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from game.ui.dialogs import TextDialog

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
RULES_ZH = RULES_MD.with_name("rules.zh.md")


def rule_numbers(path: Path) -> list[str]:
    return re.findall(r"\*\*(\d+\.\d+)\*\*", path.read_text(encoding="utf-8"))


def open_rules(window, qtbot) -> dict[str, str]:
    """Help ▸ Rules, as a person opens it; returns what the dialog showed, then closes it."""
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    help_menu = next(m for m in menus if window.act_rules in m.actions())
    assert help_menu.title() in ("&Help", "帮助(&H)")
    seen: dict[str, str] = {}
    returned = False

    def read(left: int = 3000) -> None:
        if returned:  # the action came back without a dialog: stop looking
            return
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
    returned = True
    assert seen, "Help ▸ Rules showed no rulebook"
    return seen


def test_help_rules_shows_every_numbered_rule_and_no_developer_matter(window, qtbot):
    shown = open_rules(window, qtbot)
    text = shown["text"]
    assert shown["title"] == "Rules"
    numbers = rule_numbers(RULES_MD)
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


def test_help_rules_in_chinese_is_the_chinese_players_rulebook(window, qtbot):
    from uitest_driver import GENEVA

    from game.scenario.loader import load_scenario
    from game.session import HumanSeat, Session
    from game.ui.dialogs import GameConfig

    session = Session.new(load_scenario(GENEVA), {"us": HumanSeat(), "china": HumanSeat()}, seed=1)
    # (the window fixture puts the remembered language back to English afterwards)
    window.start_session(session, GameConfig(GENEVA, "us", "hotseat", seed=1, lang="zh"))
    shown = open_rules(window, qtbot)
    text = shown["text"]
    assert shown["title"] == "规则"
    assert "关税谈判 — 规则手册" in text and "政治资本" in text and "红线" in text
    missing = [n for n in rule_numbers(RULES_MD) if not re.search(rf"(?m)^\s*{re.escape(n)}\b", text)]
    assert not missing, f"rules missing from the Chinese rulebook: {missing}"
    for developer_matter in ("tests/", ".py", "docs/", "For developers"):
        assert developer_matter not in text
    assert "`" not in shown["markdown"]


def test_the_chinese_rulebook_has_the_same_numbered_rules():
    assert rule_numbers(RULES_ZH) == rule_numbers(RULES_MD)

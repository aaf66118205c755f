"""Every user-visible string of the window goes through tr() and has a Chinese translation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import game.ui
from game.ui.i18n_zh import ZH

UI = Path(game.ui.__file__).resolve().parent
#: The window's modules (the scenario editor's modules keep their own list of strings).
WINDOW_MODULES = (
    "app.py",
    "common.py",
    "controller.py",
    "debrief.py",
    "dialogs.py",
    "game_page.py",
    "handover.py",
    "main_window.py",
    "persistence.py",
    "replay.py",
    "report.py",
    "panels/__init__.py",
    "panels/base.py",
    "panels/briefing.py",
    "panels/meters.py",
    "panels/orders.py",
    "panels/table.py",
    "theme.py",
    "workers.py",
)
TR_NAMES = {"tr", "_t", "t", "translate"}


def wrapped_strings() -> dict[str, str]:
    """source text -> file, for every tr()/_t()/QCoreApplication.translate() call with a literal."""
    out: dict[str, str] = {}
    for path in (UI / name for name in WINDOW_MODULES):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name not in TR_NAMES:
                continue
            arg = node.args[1] if name == "translate" and len(node.args) > 1 else node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.setdefault(arg.value, str(path.relative_to(UI)))
    return out


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}", text))


def test_every_wrapped_string_has_a_chinese_translation() -> None:
    strings = wrapped_strings()
    assert len(strings) > 200
    missing = {s: f for s, f in strings.items() if s not in ZH}
    assert not missing, f"untranslated: {missing}"


def test_translations_keep_their_placeholders() -> None:
    for src, zh in ZH.items():
        assert placeholders(src) == placeholders(zh), src


def ai_strings() -> set[str]:
    """The AI's style names and style and level descriptions (game.ai), shown translated."""
    from game.ai import level_choices, style_choices

    out = set()
    for c in [*style_choices(), *level_choices()]:
        out |= {str(c[k]) for k in ("name", "description") if k in c}
    return out


def test_the_ai_names_and_descriptions_have_chinese_translations() -> None:
    missing = sorted(s for s in ai_strings() if s not in ZH)
    assert not missing, f"AI styles/levels without a translation: {missing}"


def test_no_stale_translations() -> None:
    strings = wrapped_strings()
    ai = ai_strings()
    stale = [s for s in ZH if s not in strings and s not in ai]
    assert not stale, f"translations of strings no longer in the window: {stale}"


def test_translator_answers_in_chinese(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from game.ui.i18n import set_language

    set_language("zh")
    try:
        assert QCoreApplication.translate("MainWindow", "End turn") == "结束回合"
        assert QCoreApplication.translate("MainWindow", "not a wrapped string") == "not a wrapped string"
    finally:
        set_language("en")
    assert QCoreApplication.translate("MainWindow", "End turn") == "End turn"

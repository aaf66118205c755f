"""The rulebook and the code agree on the rules' numbers.

``docs/rules.md`` numbers the rules (``- **2.5** …``). Every rule has a test named for it
(a test function whose name contains ``rule_2_5``, e.g. ``test_rule_2_5_one_statement_a_turn``),
no test is named for a rule that does not exist, and every place in the game that cites a rule
— a docstring or comment ("rule 4.3", "rules 4.7–4.8", "Rule 5"), or the rule a refusal names
(``IllegalAction("2.4", …)``) — cites one the rulebook has. The Chinese rulebook numbers the
same rules.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULEBOOK = ROOT / "docs" / "rules.md"

_RULE_LINE = re.compile(r"^\s*- \*\*(\d+)\.(\d+)\*\*", re.M)
_SECTION_LINE = re.compile(r"^## (\d+)\. ", re.M)
#: "rule 4.3", "Rules 4 and 5", "rules 4.7–4.8", "rules 1, 2 and 3.2-3.6", "rule 2.4's"
_CITATION = re.compile(
    r"\b[Rr]ules?\s+(\d+(?:\.\d+)?(?:\s*(?:,|and|or|to|[-–])\s*\d+(?:\.\d+)?)*)(?![\d.]*\d)"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TEST_NAME_RULE = re.compile(r"rule_(\d+)_(\d+)(?!\d)")


def rule_numbers(text: str) -> list[str]:
    """The numbered rules of a rulebook, in order: ``["1.1", "1.2", …]``."""
    return [f"{a}.{b}" for a, b in _RULE_LINE.findall(text)]


def section_numbers(text: str) -> set[str]:
    return set(_SECTION_LINE.findall(text))


def cited_numbers(text: str) -> Iterator[tuple[int, str]]:
    """(line, number) of every rule or section a text cites."""
    for m in _CITATION.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        for n in _NUMBER.findall(m.group(1)):
            yield line, n


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


@functools.cache
def all_test_names() -> frozenset[str]:
    """Every test function's name in tests/ (module level and in classes)."""
    names: set[str] = set()
    for path in _python_files(ROOT / "tests"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
                names.add(node.name)
    return frozenset(names)


RULES = rule_numbers(RULEBOOK.read_text(encoding="utf-8"))
SECTIONS = section_numbers(RULEBOOK.read_text(encoding="utf-8"))


def test_the_rulebook_numbers_its_rules() -> None:
    assert len(RULES) >= 30 and len(set(RULES)) == len(RULES), RULES
    assert {r.split(".")[0] for r in RULES} == SECTIONS


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_has_a_test_named_for_it(rule: str) -> None:
    tag = "rule_" + rule.replace(".", "_")
    named = sorted(n for n in all_test_names() if re.search(rf"{tag}(?!\d)", n))
    assert named, (
        f"rule {rule} of docs/rules.md has no test named for it: "
        f"name one test_{tag}_… (in tests/engine/ if the engine implements it)"
    )


def test_no_test_is_named_for_a_rule_the_rulebook_lacks() -> None:
    wrong = sorted(
        n for n in all_test_names() for a, b in _TEST_NAME_RULE.findall(n) if f"{a}.{b}" not in RULES
    )
    assert not wrong, f"tests named for rules docs/rules.md does not have: {wrong}"


def test_the_chinese_rulebook_numbers_the_same_rules() -> None:
    zh = (ROOT / "docs" / "rules.zh.md").read_text(encoding="utf-8")
    assert rule_numbers(zh) == RULES
    assert section_numbers(zh) == SECTIONS


def _bad_citations(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT)
    return [
        f"{rel}:{line}: rule {n}"
        for line, n in cited_numbers(text)
        if n not in (RULES if "." in n else SECTIONS)
    ]


def test_the_game_cites_only_rules_the_rulebook_has() -> None:
    files = _python_files(ROOT / "game") + [
        p for p in sorted((ROOT / "docs").glob("*.md")) if not p.name.startswith("rules")
    ]
    bad = [b for p in files for b in _bad_citations(p)]
    assert not bad, "citations of rules docs/rules.md does not have:\n" + "\n".join(bad)


def _refusal_rules(path: Path) -> Iterator[tuple[int, str]]:
    """(line, rule) of every rule number the engine's code names: a string "N.M"."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"\d+\.\d+", node.value)
        ):
            yield node.lineno, node.value


def test_every_refusal_names_a_rule_the_rulebook_has() -> None:
    named = {
        (f"{p.relative_to(ROOT)}:{line}", rule)
        for p in _python_files(ROOT / "game" / "engine")
        for line, rule in _refusal_rules(p)
    }
    assert {"2.4", "3.5", "3.6"} <= {rule for _, rule in named}  # the scan sees the refusals
    bad = sorted(f"{where}: {rule}" for where, rule in named if rule not in RULES)
    assert not bad, f"refusals naming rules docs/rules.md does not have: {bad}"


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("(rule 4.3)", ["4.3"]),
        ("Rule 4 then rule 5: resolve", ["4", "5"]),
        ("rules 4.7–4.8 apply", ["4.7", "4.8"]),
        ("Legality (rules 1, 2 and 3.2-3.6): what", ["1", "2", "3.2", "3.6"]),
        ("rule 3.2's check", ["3.2"]),
        ("Rule 8: view", ["8"]),
        ("no rules here, 4.3 percent", []),
    ],
)
def test_citations_are_read_from_prose(text: str, cited: list[str]) -> None:
    assert [n for _, n in cited_numbers(text)] == cited


def test_a_misnumbered_citation_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = tmp_path / "game" / "planted.py"
    planted.parent.mkdir()
    planted.write_text('"""Rule 9.1: scores (rule 6.1 in the rulebook).\n\nSee rule 6 and rules 8-9."""\n')
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert _bad_citations(planted) == [
        "game/planted.py:1: rule 9.1",
        "game/planted.py:3: rule 8",
        "game/planted.py:3: rule 9",
    ]

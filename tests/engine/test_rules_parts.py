"""The rules in parts (game/engine/rules/): each part a module with one job, using only the
parts before it, and the package still offering every name game.engine.rules offered."""

from __future__ import annotations

import ast
from pathlib import Path

import game.engine.rules as rules_package
from game.engine.rules import Rules
from game.engine.rules.base import RulesBase
from game.engine.rules.events import EventRules
from game.engine.rules.legality import LegalityRules
from game.engine.rules.resolution import ResolutionRules
from game.engine.rules.table import TableRules

PACKAGE = Path(rules_package.__file__).parent
#: the parts, in the order they build on each other
CHAIN = ("constants", "base", "politics", "legality", "events", "resolution", "table", "core")

#: what the single module offered before the split (and what the game and the tests import)
PUBLIC_BEFORE = (
    "Rules",
    "DealCheck",
    "Econ",
    "UPPER_BOUND_KINDS",
    "TRUST_STATEMENT",
    "APPROVAL_STATEMENT",
    "CAPITAL_STATEMENT",
    "UNCERTAINTY_STATEMENT",
    "TRUST_ESCALATION",
    "TRUST_DEESCALATION",
    "TRUST_AGREEMENT",
    "TRUST_BREACH",
    "CAPITAL_BREACH",
    "APPROVAL_AGREEMENT",
    "CAPITAL_REGEN_BASE",
    "UNCERTAINTY_WALK_OUT",
    "UNCERTAINTY_BREACH",
    "FACTION_SENSITIVITY",
    "RECESSION_TURNS",
)


def _parts_imported(name: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("game.engine.rules."):
            found.add(node.module.rsplit(".", 1)[1])
    return found


def test_every_part_is_in_the_chain() -> None:
    assert {p.stem for p in PACKAGE.glob("*.py")} == {*CHAIN, "__init__"}


def test_each_part_uses_only_the_parts_before_it() -> None:
    for k, name in enumerate(CHAIN):
        later = _parts_imported(name) - set(CHAIN[:k])
        assert not later, f"{name} imports {sorted(later)}, which come after it"


def test_rules_is_the_chain_of_parts() -> None:
    assert Rules.__mro__[1:6] == (TableRules, ResolutionRules, EventRules, LegalityRules, RulesBase)


def test_the_package_offers_every_name_the_module_did() -> None:
    missing = [n for n in PUBLIC_BEFORE if not hasattr(rules_package, n)]
    assert missing == []
    assert set(PUBLIC_BEFORE) <= set(rules_package.__all__)

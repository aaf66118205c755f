"""The AI builds its rules from the view it is given: no cache shared between decisions or threads."""

from __future__ import annotations

import ast
from pathlib import Path

import game.ai.negotiator as negotiator
from game.ai.negotiator import rules_for
from game.engine import Game


def test_rules_come_from_the_views_own_scenario(geneva) -> None:
    g = Game(geneva, 1)
    us, china = g.view("us"), g.view("china")
    ru, rc = rules_for(us), rules_for(china)
    assert ru.scenario is us.scenario and rc.scenario is china.scenario
    assert set(ru.scenario.briefings) == {"us"} and set(rc.scenario.briefings) == {"china"}
    # the same public scenario gives the same rules, whatever was asked before
    assert rules_for(us).instruments == ru.instruments and rules_for(us).econ.params == ru.econ.params


def test_negotiator_keeps_no_module_level_cache() -> None:
    tree = ast.parse(Path(negotiator.__file__).read_text(encoding="utf-8"))
    mutable = [
        t.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and isinstance(node.value, ast.Dict | ast.List | ast.Set)
        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(t, ast.Name) and not t.id.startswith("__")
    ]
    assert mutable == []

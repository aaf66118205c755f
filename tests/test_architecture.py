"""Import contracts: the layers of ``game`` import only downwards, and Qt stays in the UI.

Read from the source with :mod:`ast` (nothing is imported). Every ``import`` and
``from … import`` statement counts, wherever it is, with relative imports resolved and
``from game import cli`` read as an import of ``game.cli``; the *units* are the top-level
packages and modules of ``game`` (``game.ai``, ``game.cli``, ``game.engine``,
``game.resources``, ``game.text``…).

1. **Layers**: ``game.scenario``, ``game.economy`` and ``game.engine`` import none of
   ``game.ai``, ``game.agents`` (the agent protocol's program seats), ``game.saves``,
   ``game.ui``, ``game.cli`` — not even lazily.
   Nothing in ``game`` imports ``game.cli`` either (lazily or not): the command line sits on
   top, and only ``python -m game`` (``game/__main__.py``) and the ``tariff-talks`` script
   call it — this is what keeps the old lazy cycles ``cli → ai.tournament → cli`` and
   ``ui → cli`` from coming back.
2. **Qt**: nothing outside ``game.ui`` imports ``PySide6`` or ``shiboken6`` (lazily or not);
   the only import of ``game.ui`` from outside it is the CLI's window launch
   (``game.cli.window``), and that one sits inside a function, so the headless commands
   never load Qt.
3. **No cycles** between the units, counting **module-level** imports only: those that
   run when a module is first imported. An import inside a function (a lazy import) runs
   when the function is called, after both modules are loaded, so it cannot make an import
   cycle and is not counted here (it still counts for rules 1 and 2). Imports under
   ``if TYPE_CHECKING:`` never run and are not counted either. ``game/__main__.py`` (the
   ``python -m game`` entry, which nothing imports) is left out.
4. **Base modules**: ``game.i18n`` imports nothing of ``game``, and ``game.registry`` (the
   meter and instrument-kind registries) nothing but ``game.i18n`` — not even lazily — so
   every layer may use them.

Each rule is also run on a planted violation, so that it is known to catch one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"

CORE = ("game.scenario", "game.economy", "game.engine")
ABOVE_CORE = ("game.ai", "game.agents", "game.saves", "game.ui", "game.cli")
QT = ("PySide6", "shiboken6")
#: base units -> what of ``game`` each may import (besides itself)
BASE: dict[str, tuple[str, ...]] = {"game.i18n": (), "game.registry": ("game.i18n",)}
WINDOW_LAUNCH = "game.cli.window"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. game.cli.window
    target: str  # what it imports, e.g. game.ui.app
    line: int
    lazy: bool  # inside a function
    type_only: bool  # under `if TYPE_CHECKING:`

    def where(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(source: str, module: str, is_package: bool, known: set[str]) -> Iterator[Import]:
    """Every import in ``source`` (the module ``module``), with where and how it runs."""
    package = module if is_package else module.rpartition(".")[0]

    def walk(node: ast.AST, lazy: bool, type_only: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, alias.name, child.lineno, lazy, type_only)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    target = child.module or ""
                for alias in child.names:  # `from game import cli` imports the module game.cli
                    sub = f"{target}.{alias.name}"
                    yield Import(module, sub if sub in known else target, child.lineno, lazy, type_only)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                yield from walk(child, True, type_only)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    yield from walk(ast.Module(body=[stmt], type_ignores=[]), lazy, True)
                for stmt in child.orelse:
                    yield from walk(ast.Module(body=[stmt], type_ignores=[]), lazy, type_only)
            else:
                yield from walk(child, lazy, type_only)

    yield from walk(ast.parse(source), False, False)


def scan(root: Path) -> list[Import]:
    """Every import in the package at ``root`` (``game/__main__.py`` left out)."""
    files = [p for p in sorted(root.rglob("*.py")) if p.name != "__main__.py" or p.parent != root]
    known = {module_name(p, root) for p in files}
    out: list[Import] = []
    for p in files:
        name = module_name(p, root)
        out.extend(imports_of(p.read_text(encoding="utf-8"), name, p.name == "__init__.py", known))
    return out


def _within(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def unit(name: str, root_name: str = "game") -> str | None:
    """The top-level package or module of ``game`` that ``name`` belongs to (None: not game's own
    or ``game`` itself)."""
    parts = name.split(".")
    if parts[0] != root_name or len(parts) < 2:
        return None
    return ".".join(parts[:2])


def layer_violations(found: list[Import]) -> list[str]:
    out = [i.where() for i in found if _within(i.module, CORE) and _within(i.target, ABOVE_CORE)]
    cli = ("game.cli",)
    out += [
        i.where() + " (nothing imports the CLI)"
        for i in found
        if _within(i.target, cli) and not _within(i.module, cli)
    ]
    return list(dict.fromkeys(out))  # one line per import statement, however many names it takes


def base_violations(found: list[Import]) -> list[str]:
    out = []
    for i in found:
        for base, allowed in BASE.items():
            inside = _within(i.module, (base,)) and _within(i.target, ("game",))
            if inside and not _within(i.target, (base, *allowed)):
                may = ", ".join(allowed) or "nothing of game"
                out.append(i.where() + f" ({base} is a base module: it may import {may})")
    return list(dict.fromkeys(out))


def qt_violations(found: list[Import]) -> list[str]:
    out = []
    for i in found:
        if _within(i.module, ("game.ui",)):
            continue
        if _within(i.target, QT):
            out.append(i.where() + " (Qt lives in game.ui only)")
        elif _within(i.target, ("game.ui",)) and not (i.module == WINDOW_LAUNCH and i.lazy):
            out.append(i.where() + f" (only {WINDOW_LAUNCH} may, inside a function)")
    return out


def unit_cycles(found: list[Import]) -> list[list[str]]:
    """The cycles of the graph of module-level imports between top-level units, each once."""
    graph: dict[str, set[str]] = {}
    for i in found:
        a, b = unit(i.module), unit(i.target)
        if i.lazy or i.type_only or a is None or b is None or a == b:
            continue
        graph.setdefault(a, set()).add(b)
    # strongly connected components (Tarjan); each with more than one unit is a cycle
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    comps: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def _cycle_report(found: list[Import], comps: list[list[str]]) -> list[str]:
    lines = []
    for comp in comps:
        lines.append(" <-> ".join(comp))
        for i in found:
            a, b = unit(i.module), unit(i.target)
            if not (i.lazy or i.type_only) and a in comp and b in comp and a != b:
                lines.append("    " + i.where())
    return lines


# ----------------------------------------------------------------------------- the contracts
@pytest.fixture(scope="module")
def game_imports() -> list[Import]:
    found = scan(GAME)
    assert len({i.module for i in found}) > 50, "the scan found too few modules: is the path right?"
    return found


def test_scenario_economy_and_engine_import_nothing_above_them(game_imports: list[Import]) -> None:
    assert layer_violations(game_imports) == []


def test_qt_is_imported_only_by_the_ui_and_the_window_launch(game_imports: list[Import]) -> None:
    assert qt_violations(game_imports) == []
    launches = [i for i in game_imports if i.module == WINDOW_LAUNCH and _within(i.target, ("game.ui",))]
    assert launches and all(i.lazy for i in launches)  # the CLI does open the window, lazily
    assert any(_within(i.target, QT) for i in game_imports if _within(i.module, ("game.ui",)))


def test_base_modules_import_nothing_of_the_game(game_imports: list[Import]) -> None:
    assert base_violations(game_imports) == []
    assert any(i.module.startswith("game.registry") and i.target == "game.i18n" for i in game_imports)


def test_no_import_cycle_between_top_level_packages(game_imports: list[Import]) -> None:
    assert _cycle_report(game_imports, unit_cycles(game_imports)) == []


# ------------------------------------------------------------------------- planted violations
def _planted(tmp_path: Path, files: dict[str, str]) -> list[Import]:
    """A copy of ``game`` with ``files`` (path in the package -> text) added or replaced."""
    import shutil

    root = tmp_path / "game"
    shutil.copytree(GAME, root, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    return scan(root)


@pytest.mark.slow  # copies and scans the whole package
@pytest.mark.parametrize(
    "text",
    [
        "from game.saves import save_game\n",
        "def f():\n    from ..ai import make_ai\n",  # lazy and relative: still a violation
        "def f():\n    from game.agents import AgentSeat\n",
        "from game import cli\n",
    ],
)
def test_layer_rule_catches_a_planted_import(tmp_path: Path, text: str) -> None:
    found = _planted(tmp_path, {"engine/planted.py": text})
    assert [v for v in layer_violations(found) if v.startswith("game.engine.planted")]


@pytest.mark.slow  # copies and scans the whole package
@pytest.mark.parametrize("rel", ["ai/planted.py", "ui/planted.py", "saves/planted.py"])
def test_layer_rule_catches_a_planted_import_of_the_cli(tmp_path: Path, rel: str) -> None:
    found = _planted(tmp_path, {rel: "def f():\n    from game.cli import UsageError\n"})
    assert [v for v in layer_violations(found) if "planted" in v and "game.cli" in v]


@pytest.mark.slow  # copies and scans the whole package
@pytest.mark.parametrize(
    ("rel", "text"),
    [
        ("saves/planted.py", "def f():\n    from PySide6.QtCore import QObject\n"),
        ("text_planted.py", "import shiboken6\n"),
        ("cli/window.py", "from game.ui.app import run_app\n"),  # the launch, but not lazily
        ("cli/simulate.py", "def f():\n    import game.ui.app\n"),  # lazily, but not the launch
    ],
)
def test_qt_rule_catches_a_planted_import(tmp_path: Path, rel: str, text: str) -> None:
    found = _planted(tmp_path, {rel: text})
    assert qt_violations(found)


@pytest.mark.slow  # copies and scans the whole package
def test_cycle_rule_catches_a_planted_cycle_and_ignores_a_lazy_one(tmp_path: Path) -> None:
    # game.engine is imported by game.ai at module level; engine importing ai back is a cycle
    found = _planted(tmp_path, {"engine/planted.py": "import game.ai\n"})
    assert any({"game.ai", "game.engine"} <= set(c) for c in unit_cycles(found))
    lazy = _planted(tmp_path / "lazy", {"engine/planted.py": "def f():\n    import game.ai\n"})
    assert unit_cycles(lazy) == []
    typing_only = _planted(
        tmp_path / "typing",
        {"engine/planted.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import game.ai\n"},
    )
    assert unit_cycles(typing_only) == []


@pytest.mark.slow  # copies and scans the whole package
@pytest.mark.parametrize(
    ("rel", "text"),
    [
        ("registry/planted.py", "from game.engine.rules import Rules\n"),
        ("registry/planted.py", "def f():\n    from ..scenario import models\n"),  # lazy and relative
        ("registry/meters.py", "from game import text\n"),  # `from game import x` is game.x
    ],
)
def test_base_rule_catches_a_planted_import(tmp_path: Path, rel: str, text: str) -> None:
    found = _planted(tmp_path, {rel: text})
    assert [v for v in base_violations(found) if v.startswith("game.registry.")]


@pytest.mark.slow  # copies and scans the whole package
def test_base_rule_allows_the_registry_its_translations_and_catches_i18n_importing_it(
    tmp_path: Path,
) -> None:
    ok = _planted(tmp_path, {"registry/planted.py": "from game.i18n import N_\n"})
    assert base_violations(ok) == []
    bad = _planted(tmp_path / "bad", {"i18n.py": (GAME / "i18n.py").read_text() + "\nimport game.registry\n"})
    assert [v for v in base_violations(bad) if v.startswith("game.i18n ")]

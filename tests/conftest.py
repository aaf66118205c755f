"""Shared fixtures, and the fast default run. The UI tests run on Qt's offscreen platform.

Tests marked ``slow`` (whole games driven through the window, fuzzers, tournaments, packaging,
the recorded games of ``tests/test_same_games.py``) are left out of a plain ``pytest``; they run

- with ``--slow`` (the README's test command and ``.ci/run`` use it: CI runs everything);
- with a ``-m`` expression that names them (``pytest -m slow``: the slow ones alone);
- when their file or the test itself is named on the command line
  (``pytest tests/test_same_games.py``, ``pytest tests/ui/test_ui_hotseat.py::test_…``);
  naming a folder keeps the default.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import game  # noqa: F401  (before numpy: it pins numpy's instructions, see game/__init__.py)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"

_DESELECTED = pytest.StashKey[int]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        default=False,
        help="also run the tests marked slow (whole-game UI drives, fuzzers, tournaments, packaging, "
        "the recorded games); CI and the README's test command do",
    )


def _named_files(config: pytest.Config) -> set[Path]:
    """The test files named on the command line (by themselves or with ``::test``), not folders."""
    named = set()
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::", 1)[0])
        if path.is_file():
            named.add(path.resolve())
    return named


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow") or "slow" in (config.getoption("markexpr") or ""):
        return
    named = _named_files(config)
    left_out = [i for i in items if i.get_closest_marker("slow") and i.path.resolve() not in named]
    if not left_out:
        return
    config.hook.pytest_deselected(items=left_out)
    gone = set(map(id, left_out))
    items[:] = [i for i in items if id(i) not in gone]
    config.stash[_DESELECTED] = len(left_out)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    n = config.stash.get(_DESELECTED, 0)
    if n:
        tests = "test" if n == 1 else "tests"
        terminalreporter.write_line(
            f"{n} slow {tests} left out: `pytest --slow` runs everything (as CI does)"
        )


@pytest.fixture(scope="session")
def geneva():
    import yaml

    from game.scenario.models import Scenario

    return Scenario.model_validate(
        yaml.safe_load((SCENARIOS / "geneva-2025.yaml").read_text(encoding="utf-8"))
    )


#: Geneva as it was before it had hidden types (rule 7.3): every briefing number fixed. For
#: tests that need Geneva's old fixed numbers, or a briefing that is wholly private (rule 7.1).
GENEVA_FIXED = ROOT / "tests" / "engine" / "data" / "geneva-fixed.yaml"


@pytest.fixture(scope="session")
def geneva_fixed():
    import yaml

    from game.scenario.models import Scenario

    sc = Scenario.model_validate(yaml.safe_load(GENEVA_FIXED.read_text(encoding="utf-8")))
    assert not any(b.has_priors for b in sc.briefings.values())
    return sc

"""A built wheel carries what the game needs, and an installed copy plays from any folder.

The wheel is built from a copy of the files a source distribution holds (so the build
never writes ``build/`` or ``*.egg-info`` into the work tree), installed with
``pip install --target`` into a fresh folder, and run with that folder as the only place
``game`` can come from, with the current directory elsewhere: nothing may be read from
the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What a source distribution holds (setup.py copies scenarios/, docs/ and assets/ into the package).
SOURCE_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
SOURCE_DIRS = ("game", "scenarios", "docs", "assets")

pytestmark = pytest.mark.slow  # builds a wheel and installs it in a new venv


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def wheel_and_target(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("packaging")
    src = base / "src"
    src.mkdir()
    for name in SOURCE_FILES:
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "screenshots", "img")
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    wheels = base / "wheels"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(src)], base)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("tariff_talks-*.whl")
    target = base / "target"
    installed = _run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], base
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return wheel, target


def test_wheel_carries_the_scenarios_the_rulebook_and_the_icons(wheel_and_target: tuple[Path, Path]) -> None:
    wheel, _target = wheel_and_target
    names = set(zipfile.ZipFile(wheel).namelist())
    scenarios = sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))
    assert scenarios, "the project has no scenarios to ship"
    for name in scenarios:
        assert f"game/data/scenarios/{name}" in names
    for name in ("rules.md", "rules.zh.md", "authoring.md"):
        assert f"game/data/docs/{name}" in names
    assert "game/data/assets/icon-256.png" in names
    for mo in sorted((ROOT / "game" / "locale").glob("*/LC_MESSAGES/tariff_talks.mo")):
        assert mo.relative_to(ROOT).as_posix() in names  # the translations game.i18n reads
    window_catalogs = sorted((ROOT / "game" / "ui" / "translations").glob("tariff_talks_*.qm"))
    assert len(window_catalogs) >= 2
    for qm in window_catalogs:
        assert qm.relative_to(ROOT).as_posix() in names  # the window's, game.ui.i18n reads them
    assert "game/resources.py" in names
    entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "tariff-talks = game.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_copy_plays_a_game_from_another_folder(
    wheel_and_target: tuple[Path, Path], tmp_path: Path
) -> None:
    _wheel, target = wheel_and_target
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(target), TARIFF_TALKS_HOME=str(tmp_path / "home"), PYTHONSAFEPATH="1")
    # Which copy of the game runs, and where it finds its files:
    probe = _run(
        [
            sys.executable,
            "-c",
            "import game, game.resources as r; print(game.__file__); print(r.default_scenario_path()); "
            "print(r.doc_path('rules.zh.md'))",
        ],
        elsewhere,
        env,
    )
    assert probe.returncode == 0, probe.stderr
    module, scenario, rules = (Path(line) for line in probe.stdout.splitlines())
    assert module.is_relative_to(target)
    assert scenario == target / "game" / "data" / "scenarios" / "geneva-2025.yaml"
    assert rules == target / "game" / "data" / "docs" / "rules.zh.md"

    # The installed copy speaks Chinese outside the window: its catalog came along.
    said = _run(
        [sys.executable, "-c", "from game.i18n import t; print(t('zh', 'the game is over'))"], elsewhere, env
    )
    assert said.returncode == 0, said.stderr
    assert said.stdout.strip() == "游戏已结束"

    played = _run(
        [sys.executable, "-m", "game", "simulate", "--us", "ai", "--china", "ai", "--seed", "1", "--json"],
        elsewhere,
        env,
    )
    assert played.returncode == 0, played.stderr
    lines = played.stdout.splitlines()
    assert len(lines) == 1, played.stdout
    summary = json.loads(lines[0])
    assert summary["seed"] == 1 and summary["turns"] >= 1 and summary["outcome"]


def test_installed_copy_shows_the_rulebook_and_lists_the_scenarios(
    wheel_and_target: tuple[Path, Path], tmp_path: Path
) -> None:
    """Help ▸ Rules and the New game dialog's list, as the installed copy's window computes them."""
    _wheel, target = wheel_and_target
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(
        PYTHONPATH=str(target),
        PYTHONSAFEPATH="1",
        QT_QPA_PLATFORM="offscreen",
        TARIFF_TALKS_HOME=str(tmp_path),
    )
    code = (
        "import json\n"
        "from game.ui import dialogs\n"
        "entries = dialogs.scenario_catalogue()\n"
        "print(json.dumps({'rules': dialogs.rules_markdown(), 'tutorial': str(dialogs.tutorial_path()),\n"
        "  'bundled': sorted(e.path.name for e in entries if e.bundled and e.scenario is not None)}))\n"
    )
    out = _run([sys.executable, "-c", code], tmp_path, env)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert "not installed" not in got["rules"]
    first_rule = next(
        line
        for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    assert first_rule in got["rules"]
    assert Path(got["tutorial"]) == target / "game" / "data" / "scenarios" / "tutorial.yaml"
    assert got["bundled"] == sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))


def test_installed_copy_passes_its_self_test_window_included(
    wheel_and_target: tuple[Path, Path], tmp_path: Path
) -> None:
    """The installed copy, run from another folder, loads every scenario, plays, and opens its window."""
    _wheel, target = wheel_and_target
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(
        PYTHONPATH=str(target),
        PYTHONSAFEPATH="1",
        QT_QPA_PLATFORM="offscreen",
        TARIFF_TALKS_HOME=str(tmp_path / "home"),
    )
    out = _run([sys.executable, "-m", "game", "--selftest"], elsewhere, env)
    assert out.returncode == 0, out.stdout + out.stderr
    checks = {
        line.split()[1]: line.split()[0] for line in out.stdout.splitlines() if line[:4] in ("ok  ", "FAIL")
    }
    assert checks.get("window") == "ok" and checks.get("scenarios") == "ok", out.stdout

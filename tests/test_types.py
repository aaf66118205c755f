"""mypy reports no error on game/ (issue 12: "mypy in CI, 0 errors").

The configuration is `[tool.mypy]` in pyproject.toml: the Qt-free core (engine, economy,
scenario, saves, registry, i18n) is checked strictly, the rest with `check_untyped_defs`.
CI runs the README's test command, so this test is the type check in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # A cache of its own per checkout, so a stale one from another tree never hides an error.
    env.setdefault("MYPY_CACHE_DIR", str(ROOT / ".mypy_cache"))
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-color-output", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow  # about 20 s from a cold cache
def test_mypy_finds_no_error_in_game() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")
    result = _mypy("--config-file", str(ROOT / "pyproject.toml"), "game")
    assert result.returncode == 0, (
        f"mypy found errors (exit {result.returncode}):\n{result.stdout}{result.stderr}"
    )


def test_mypy_configuration_is_strict_for_the_core(tmp_path: Path) -> None:
    """The strict override really applies: an unannotated function in the core is an error,
    the same function in the UI layer is not (so `strict` did not leak to every module)."""
    pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")
    probe = "def untyped(x):\n    return x\n"
    (tmp_path / "game" / "engine").mkdir(parents=True)
    (tmp_path / "game" / "ui").mkdir(parents=True)
    for package in ("game", "game/engine", "game/ui"):
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "game" / "engine" / "probe.py").write_text(probe)
    (tmp_path / "game" / "ui" / "probe.py").write_text(probe)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--no-error-summary",
            "--no-color-output",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "game/engine/probe.py",
            "game/ui/probe.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = result.stdout + result.stderr
    assert "game/engine/probe.py:1: error: Function is missing a type annotation" in out, out
    assert "game/ui/probe.py" not in out, out

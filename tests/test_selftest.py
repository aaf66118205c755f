"""``tariff-talks --selftest`` on the source tree (CI runs it on the PyInstaller bundle too)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.cli.selftest import Check, run_selftest

ROOT = Path(__file__).resolve().parent.parent


def test_selftest_passes_on_the_source_tree_and_leaves_the_players_data_alone(tmp_path: Path) -> None:
    home, config = tmp_path / "home", tmp_path / "config"
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", TARIFF_TALKS_HOME=str(home), XDG_CONFIG_HOME=str(config)
    )
    done = subprocess.run(
        [sys.executable, "-m", "game", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,  # a hang guard only
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    names = ("scenarios", "rulebook", "translations", "AI game", "window")
    for name in names:
        assert any(line.startswith("ok ") and f" {name} " in line for line in lines), (name, lines)
    assert lines[-1] == f"self-test passed: {len(names)} checks"
    shipped = len(list((ROOT / "scenarios").glob("*.yaml")))
    assert f"{shipped} load" in done.stdout and "replays to the same state" in done.stdout
    assert not home.exists() and not config.exists()  # it used folders of its own


def test_the_selftest_command_without_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selftest", "--no-window"]) == 0
    report = capsys.readouterr().out
    assert "window" not in report and report.rstrip().endswith("self-test passed: 4 checks")


def test_a_broken_scenario_fails_the_selftest_with_its_located_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    good = (ROOT / "scenarios" / "geneva-2025.yaml").read_text(encoding="utf-8")
    (folder / "geneva-2025.yaml").write_text(good, encoding="utf-8")
    (folder / "broken.yaml").write_text("meta:\n  titel: x\n", encoding="utf-8")
    monkeypatch.setattr("game.resources.bundled_scenario_dirs", lambda: (folder,))
    out = io.StringIO()
    assert run_selftest(out, window=False) == 1
    report = out.getvalue()
    broken = folder.resolve() / "broken.yaml"
    assert f"FAIL scenarios     {broken}:1:1: error: missing required key 'id' in meta (and " in report
    assert "ok   AI game" in report  # the other checks still run
    assert report.rstrip().endswith("self-test FAILED: scenarios (1 of 4 checks)")


def test_a_check_that_raises_is_reported_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import game.cli.selftest as st

    def broken() -> Check:
        raise RuntimeError("the rulebook vanished")

    broken.__name__ = "check_rulebook"
    monkeypatch.setattr(st, "CHECKS", (st.check_scenarios, broken))
    out = io.StringIO()
    assert run_selftest(out, window=False) == 1
    assert "FAIL rulebook      RuntimeError: the rulebook vanished (test_selftest.py:" in out.getvalue()
    assert "Traceback" not in out.getvalue()

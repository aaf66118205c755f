"""The command line: exit codes, --help everywhere, simulate, validate, schema, forecast."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import build_parser, main
from game.scenario.models import METER_RANGES

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"

GENEVA = str(SCENARIOS / "geneva-2025.yaml")
HISTORY = str(SCENARIOS / "history-2025.yaml")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.mark.parametrize("cmd", ["", *subcommands()])
def test_help_on_every_subcommand(capsys, cmd):
    argv = [cmd, "--help"] if cmd else ["--help"]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "usage:" in out


def test_usage_errors_exit_2(capsys):
    assert run(capsys, "simulate", "--games", "x")[0] == 2
    assert run(capsys, "simulate", "--us", "robot")[0] == 2
    assert run(capsys, "simulate", "--us", "ai:genius")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "forecast", "--scenario", HISTORY, "--date", "2025-13-01")[0] == 2


def test_validate_shipped_scenarios_exit_0(capsys):
    code, out, _ = run(capsys, "validate", *sorted(str(p) for p in SCENARIOS.glob("*.yaml")))
    assert code == 0, out


def test_validate_broken_variant_exits_1_with_located_messages(capsys, tmp_path):
    text = (SCENARIOS / "geneva-2025.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("  turn_days: 7", "  turn_dayz: 7"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "turn_days" in s)
    assert f"{bad}:{line}:3: error: unknown key 'turn_dayz'" in out and "did you mean 'turn_days'?" in out


def test_schema_is_json(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert "properties" in schema and "meta" in schema["properties"]


def simulate(capsys, seed: int) -> dict:
    code, out, _ = run(
        capsys, "simulate", "--scenario", GENEVA, "--us", "ai", "--china", "ai", "--seed", str(seed), "--json"
    )
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_simulate_json_is_deterministic_and_seeds_differ(capsys):
    a, b = simulate(capsys, 7), simulate(capsys, 7)
    assert a == b
    for key in ("seed", "turns", "outcome", "scores", "meters", "state_hash"):
        assert key in a
    assert set(a["meters"]) == {"us", "china", "world"}
    for side in ("us", "china"):
        for name, value in a["meters"][side].items():
            lo, hi = METER_RANGES[name]
            assert lo <= value <= hi
    others = {simulate(capsys, s)["state_hash"] for s in (1, 2, 3)}
    assert len(others | {a["state_hash"]}) > 1


def test_simulate_games_progress_on_stderr(capsys):
    code, out, err = run(capsys, "simulate", "--scenario", GENEVA, "--games", "2", "--json")
    assert code == 0
    assert len(out.strip().splitlines()) == 2
    assert "2/2 games" in err


def test_simulate_broken_scenario_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\x00\x01 not yaml")
    code, _, err = run(capsys, "simulate", "--scenario", str(bad))
    assert code == 1 and f"{bad}:" in err


def test_forecast_json_shape(capsys):
    code, out, _ = run(capsys, "forecast", "--scenario", HISTORY, "--date", "2025-01-17", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["date"] == "2025-01-17"
    assert set(data) >= {"date", "world", "us", "china"}
    assert set(data["us"]) == {"growth_pct", "recession_prob_pct", "inflation_pct"}


@pytest.mark.parametrize(
    ("date", "world", "us", "china"),
    [("2025-01-17", 3.3, 2.7, 4.6), ("2025-04-22", 2.8, 1.8, 4.0)],
)
def test_forecast_hits_the_imf_outlooks(capsys, date, world, us, china):
    code, out, _ = run(capsys, "forecast", "--scenario", HISTORY, "--date", date, "--json")
    data = json.loads(out)
    assert code == 0
    assert abs(data["world"]["growth_pct"] - world) <= 0.15
    assert abs(data["us"]["growth_pct"] - us) <= 0.15
    assert abs(data["china"]["growth_pct"] - china) <= 0.15


def test_forecast_recession_odds_at_the_peak(capsys):
    code, out, _ = run(capsys, "forecast", "--scenario", HISTORY, "--date", "2025-04-15", "--json")
    assert code == 0
    assert 45 <= json.loads(out)["us"]["recession_prob_pct"] <= 65


def test_python_dash_m_game_is_the_same_command():
    res = subprocess.run(
        [sys.executable, "-m", "game", "validate", GENEVA],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr


def test_no_display_gives_a_message_not_a_crash(capsys, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = run(capsys)
    assert code == 1 and "no display" in err and "simulate --us human" in err

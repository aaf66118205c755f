"""The command line: exit codes, --help everywhere, simulate, validate, schema, forecast, and replay's
secrecy about a running hot-seat game."""

from __future__ import annotations

import io
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


@pytest.mark.slow  # validates and lints all six scenarios (tests/scenario lints each in the fast run)
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
    assert set(data["us"]) == {"region", "growth_pct", "recession_prob_pct", "inflation_pct"}


def _renamed_sides(tmp_path: Path) -> Path:
    """Geneva with its sides called ``wash`` and ``beij`` (their regions still us and china)."""
    from game.scenario.loader import load_scenario

    sc = load_scenario(GENEVA)
    text = sc.model_dump_json()
    for old, new in (('"us"', '"wash"'), ('"china"', '"beij"')):
        text = text.replace(old, new)
    data = json.loads(text)
    for side, region in zip(data["sides"], ("us", "china"), strict=True):
        side["region"] = region
    path = tmp_path / "renamed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_forecast_is_keyed_by_the_scenarios_side_ids(capsys, tmp_path):
    # issue 14: forecast printed and keyed the regions (us, china) whatever the sides were
    path = _renamed_sides(tmp_path)
    code, out, _ = run(capsys, "forecast", "--scenario", str(path), "--turn", "1", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert {"wash", "beij"} <= set(data) and "us" not in data
    assert (data["wash"]["region"], data["beij"]["region"]) == ("us", "china")
    code, out, _ = run(capsys, "forecast", "--scenario", str(path), "--turn", "1")
    assert "  wash " in out and "  beij " in out


def test_seats_are_given_by_the_scenarios_side_ids(capsys, tmp_path):
    path = str(_renamed_sides(tmp_path))
    code, out, err = run(
        capsys,
        "simulate",
        "--scenario",
        path,
        "--seat",
        "wash=ai:hardliner:easy",
        "--seat",
        "beij=ai:conceder:easy",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["seats"] == {"wash": "ai:hardliner:easy", "beij": "ai:conceder:easy"}
    # a side left out is the AI
    code, out, err = run(capsys, "simulate", "--scenario", path, "--seat", "beij=ai:conceder:easy", "--json")
    assert code == 0 and json.loads(out)["seats"]["beij"] == "ai:conceder:easy", err
    # the shorthands only where the scenario has such a side; every mistake names the sides
    for argv, message in (
        (["--us", "human"], "--us: this scenario has no side 'us' (its sides: wash, beij)"),
        (["--seat", "eu=ai"], "this scenario has no side 'eu' (its sides: wash, beij)"),
        (["--seat", "wash"], "--seat 'wash': write SIDE=SEAT, e.g. --seat wash=human (sides: wash, beij)"),
        (["--seat", "wash=ai", "--seat", "wash=human"], "the seat of 'wash' is given twice"),
    ):
        code, out, err = run(capsys, "simulate", "--scenario", path, *argv)
        assert code == 2 and message in err, (argv, err)
        assert "Traceback" not in err
    # in Geneva --us and --china are the sides us and china
    code, out, err = run(
        capsys, "simulate", "--us", "ai:conceder:easy", "--seat", "china=ai:hardliner:easy", "--json"
    )
    assert code == 0 and json.loads(out)["seats"] == {
        "us": "ai:conceder:easy",
        "china": "ai:hardliner:easy",
    }, err


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


# ------------------------------------------------------------------ replay keeps a running hot-seat game's secrets
SECRET = "US-SECRET-STATEMENT-MARKER"


class _Keyboard(io.StringIO):
    """Standard input that is a terminal, with a person's answer already typed."""

    def isatty(self) -> bool:
        return True


def _save(tmp_path: Path, game, seats: dict[str, str], name: str = "g.json") -> Path:
    from game.saves import save_game

    return save_game(tmp_path / name, game, seats=seats, scenario_path=Path(GENEVA))


@pytest.fixture
def running_hot_seat(tmp_path: Path) -> Path:
    """Hot-seat Geneva in turn 1: the US has submitted its orders; China is at the keyboard."""
    from game.engine import Game, SubmitOrders
    from game.scenario.loader import load_scenario

    game = Game(load_scenario(GENEVA), seed=2)
    game.play(SubmitOrders(side="us", moves={"us_tariff_reciprocal": 115}, statement="firm", message=SECRET))
    assert not game.over
    return _save(tmp_path, game, {"us": "human", "china": "human"})


def _finished_game():
    from game.ai import make_ai
    from game.scenario.loader import load_scenario
    from game.session import Session

    session = Session.new(load_scenario(GENEVA), {"us": make_ai(), "china": make_ai()}, seed=2)
    session.play_to_end()
    return session.game


def test_replay_step_refuses_a_running_hot_seat_game(capsys, monkeypatch, running_hot_seat):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a script or CI: not a terminal
    code, out, err = run(capsys, "replay", str(running_hot_seat), "--step")
    assert code == 1
    assert out == ""  # not a line of the game
    assert "hot-seat game still in progress" in err and "turn 1" in err
    assert "United States and China" in err
    assert "orders and statements" in err and "political capital" in err  # says what it would reveal
    assert "--reveal-secrets" in err and "nothing shown" in err
    assert "Type 'reveal'" not in err  # nobody to ask


def test_replay_without_step_still_checks_a_running_hot_seat_game(capsys, running_hot_seat):
    code, out, _ = run(capsys, "replay", str(running_hot_seat))
    assert code == 0 and "verified against the save" in out
    assert "→" not in out and "statement" not in out and "Political capital" not in out


def test_replay_step_reveal_secrets_shows_it(capsys, running_hot_seat):
    code, out, err = run(capsys, "replay", str(running_hot_seat), "--step", "--reveal-secrets")
    assert code == 0, err
    assert "United States orders: US reciprocal tariff on China → 115; a firm statement" in out
    assert "hot-seat" not in err


@pytest.mark.parametrize(("answer", "shown"), [("reveal\n", True), ("no\n", False), ("", False)])
def test_replay_step_asks_at_a_terminal(capsys, monkeypatch, running_hot_seat, answer, shown):
    monkeypatch.setattr(sys, "stdin", _Keyboard(answer))
    code, out, err = run(capsys, "replay", str(running_hot_seat), "--step")
    assert "Type 'reveal' to continue" in err and "hot-seat game still in progress" in err
    assert code == (0 if shown else 1)
    assert ("→ 115" in out) == shown


def test_replay_step_of_a_finished_hot_seat_game_is_shown(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    game = _finished_game()
    assert game.over
    path = _save(tmp_path, game, {"us": "human", "china": "human"})
    code, out, err = run(capsys, "replay", str(path), "--step")
    assert code == 0, err
    assert "orders:" in out and "Political capital" in out and "Game over" in out
    assert "hot-seat" not in err


def test_replay_step_of_a_running_game_against_the_ai_is_shown(capsys, monkeypatch, tmp_path):
    from game.engine import Game, SubmitOrders
    from game.scenario.loader import load_scenario

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    game = Game(load_scenario(GENEVA), seed=2)
    game.play(SubmitOrders(side="us", moves={"us_tariff_reciprocal": 115}, statement="firm"))
    path = _save(tmp_path, game, {"us": "human", "china": "ai:pragmatist:normal"})
    code, out, err = run(capsys, "replay", str(path), "--step")
    assert code == 0, err
    assert "→ 115" in out and "hot-seat" not in err

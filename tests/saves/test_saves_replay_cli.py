"""``tariff-talks replay FILE [--step]``."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.saves import save_game
from game.saves.files import canonical_checksum


@pytest.fixture
def saved(tmp_path, short_path, finished_game):
    return save_game(
        tmp_path / "g.json", finished_game, seats={"us": "ai", "china": "ai"}, scenario_path=short_path
    )


def test_replay_ok(saved, capsys) -> None:
    assert main(["replay", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "verified against the save" in out


def test_replay_step_prints_turns(saved, finished_game, capsys) -> None:
    assert main(["replay", str(saved), "--step"]) == 0
    out = capsys.readouterr().out
    for t in range(1, finished_game.state.turn + 1):
        assert f"turn {t} resolves" in out
    assert "orders:" in out and "Growth outlook %" in out and "Trust %" in out
    assert "Game over" in out


def test_replay_mismatch_says_where(saved, capsys) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    for cp in data["checkpoints"][2:]:
        cp["digest"] = "f" * 64
    data["final_state_hash"] = "f" * 64
    data["checksum"] = canonical_checksum(data)
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert main(["replay", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "MISMATCH" in err and "in turn 2" in err and "still matched after turn 1" in err


def test_replay_final_only_mismatch(saved, capsys) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["checkpoints"] = data["checkpoints"][:1]
    data["final_state_hash"] = "e" * 64
    data["checksum"] = canonical_checksum(data)
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert main(["replay", str(saved)]) == 1
    assert "final state differs" in capsys.readouterr().err


def test_replay_illegal_action(saved, capsys) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["actions"].insert(3, {"type": "accept", "side": "us"})
    data["checksum"] = canonical_checksum(data)
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert main(["replay", str(saved)]) == 1
    assert "action 4 of" in capsys.readouterr().err


def test_replay_bad_file_and_usage(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["replay", str(bad)]) == 1
    assert "truncated" in capsys.readouterr().err
    assert main(["replay", str(tmp_path / "missing.json")]) == 1
    assert main(["replay"]) == 2
    assert main(["replay", str(bad), "--bogus"]) == 2


def test_replay_with_another_scenario(saved, tmp_path, capsys) -> None:
    import saves_testkit as kit

    other = kit.write_short_scenario(tmp_path / "o", 3)
    assert main(["replay", str(saved), "--scenario", str(other)]) == 0


def test_simulate_save_then_replay(tmp_path, capsys) -> None:
    p = tmp_path / "sim.json"
    assert main(["simulate", "--seed", "5", "--save", str(p)]) == 0
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["scenario"]["file_name"] == "geneva-2025.yaml" and data["scenario"]["text_format"] == "yaml"
    assert main(["replay", str(p)]) == 0

"""Save and load: round trips, the file's contents, backups, scenario changes, migrations."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path

import pytest
import saves_testkit as kit

from game.engine import Game
from game.saves import FORMAT_VERSION, SaveError, backup_path, load_game, read_save_info, save_game
from game.saves.checkpoints import turn_digest
from game.saves.files import canonical_checksum


def _rewrite(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    data["checksum"] = canonical_checksum(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_roundtrip_same_state(tmp_path, short_path, scenario_dir, midgame) -> None:
    p = tmp_path / "g.json"
    save_game(
        p,
        midgame,
        seats={"us": "human", "china": "ai:hardliner:hard"},
        meta={"title": "test"},
        scenario_path=short_path,
    )
    lg = load_game(p, scenario_dir=scenario_dir)
    assert lg.game.state_hash() == midgame.state_hash()
    assert lg.game.actions == midgame.actions
    assert lg.seats == {"us": "human", "china": "ai:hardliner:hard"}
    assert lg.user_meta == {"title": "test"}
    assert lg.verified and lg.warnings == [] and not lg.scenario_changed
    assert lg.scenario_file == short_path
    # the loaded game plays on exactly like the original
    rng1, rng2 = random.Random(1), random.Random(1)
    kit.play_random(midgame, rng1)
    kit.play_random(lg.game, rng2)
    assert lg.game.state_hash() == midgame.state_hash()


def test_file_contents(tmp_path, short_path, finished_game) -> None:
    p = save_game(
        tmp_path / "g.json", finished_game, seats={"us": "a", "china": "b"}, scenario_path=short_path
    )
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["format"] == "tariff-talks-save" and data["format_version"] == FORMAT_VERSION
    sc = data["scenario"]
    assert (
        sc["id"] == "geneva_2025" and sc["file_name"] == "short-geneva.yaml" and sc["text_format"] == "yaml"
    )
    assert sc["text"] == short_path.read_text(encoding="utf-8")
    assert sc["sha256"] == hashlib.sha256(sc["text"].encode()).hexdigest()
    assert data["seed"] == finished_game.seed and len(data["actions"]) == len(finished_game.actions)
    assert data["final_state_hash"] == finished_game.state_hash()
    assert data["meta"]["over"] is True and data["meta"]["outcome"] == finished_game.outcome().id
    cps = data["checkpoints"]
    start = Game(finished_game.scenario, finished_game.seed)
    assert cps[0] == {"turn": 0, "actions": 0, "digest": turn_digest(start.state)}
    assert [c["turn"] for c in cps] == list(range(finished_game.state.turn + 1))
    assert cps[-1]["actions"] == len(finished_game.actions) and cps[-1]["digest"] == turn_digest(
        finished_game.state
    )
    assert data["checksum"] == canonical_checksum(data)
    for stamp in ("created_at", "updated_at"):
        assert dt.datetime.fromisoformat(data[stamp]).tzinfo is not None


def test_backup_keeps_previous_save(tmp_path, short_path, short) -> None:
    p = tmp_path / "g.json"
    g = Game(short, 3)
    rng = random.Random(3)
    save_game(p, g, scenario_path=short_path)
    assert not backup_path(p).exists()
    g.play(kit.random_action(g, rng))
    save_game(p, g, scenario_path=short_path)
    g.play(kit.random_action(g, rng))
    save_game(p, g, scenario_path=short_path)
    assert len(load_game(p).game.actions) == 2
    assert len(load_game(backup_path(p)).game.actions) == 1
    first, last = read_save_info(backup_path(p)), read_save_info(p)
    assert first.created_at == last.created_at  # the same game
    assert not list(tmp_path.glob(".*.tmp"))


def test_damaged_file_does_not_replace_good_backup(tmp_path, short_path, short) -> None:
    p = tmp_path / "g.json"
    g = Game(short, 3)
    save_game(p, g, scenario_path=short_path)
    save_game(p, g, scenario_path=short_path)
    good = backup_path(p).read_bytes()
    p.write_bytes(b"{ damaged")
    save_game(p, g, scenario_path=short_path)
    assert backup_path(p).read_bytes() == good


def test_resaving_a_loaded_game_keeps_the_scenario_text(tmp_path, short_path, midgame) -> None:
    p, q = tmp_path / "a.json", tmp_path / "b.json"
    save_game(p, midgame, scenario_path=short_path)
    lg = load_game(p)
    save_game(q, lg.game)  # no scenario_path: remembered from the load
    a, b = (json.loads(x.read_text(encoding="utf-8"))["scenario"] for x in (p, q))
    assert a == b


def test_scenario_without_known_file_is_embedded_as_json(tmp_path, short) -> None:
    sc = short.model_copy(update={"trust_pct": 42.0})  # a scenario no file holds
    g = Game(sc, 1)
    p = save_game(tmp_path / "g.json", g)
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["scenario"]["text_format"] == "json" and data["scenario"]["file_name"] is None
    lg = load_game(p, scenario_dir=tmp_path)
    assert lg.game.scenario == sc and lg.verified


def test_scenario_file_changed_but_actions_still_legal(tmp_path, finished_game, short_path) -> None:
    d = tmp_path / "scen"
    cur = kit.write_short_scenario(d, 3)
    p = save_game(tmp_path / "g.json", finished_game, scenario_path=cur)
    cur.write_text(
        cur.read_text(encoding="utf-8").replace("author: Tariff Talks team", "author: Someone else")
    )
    lg = load_game(p, scenario_dir=d)
    assert lg.scenario_changed and lg.verified
    assert any("has changed since this save; replayed with the saved copy" in w for w in lg.warnings)
    assert lg.current_game is not None and lg.current_game.actions == finished_game.actions
    assert lg.game.state_hash() == finished_game.state_hash()


def test_scenario_file_changed_and_actions_now_illegal(tmp_path) -> None:
    from game.engine import IllegalAction

    d = tmp_path / "scen"
    cur = kit.write_short_scenario(d, 5)
    sc = kit.load(cur)
    changed = kit.short_scenario_text(5).replace("exchanges_per_turn: 3", "exchanges_per_turn: 1")
    sc1 = kit.load(kit.write_short_scenario(tmp_path / "other", 5))
    sc1 = sc1.model_copy(update={"end": sc1.end.model_copy(update={"exchanges_per_turn": 1})})
    for seed in range(200):  # a game with two offers in one turn: illegal with one exchange a turn
        g = kit.play_random(Game(sc, seed), random.Random(seed), max_actions=40)
        try:
            Game.replay(sc1, seed, g.actions)
        except IllegalAction:
            break
    else:
        raise AssertionError("no game with two offers in a turn")
    p = save_game(tmp_path / "g.json", g, scenario_path=cur)
    cur.write_text(changed, encoding="utf-8")
    lg = load_game(p, scenario_dir=d)
    assert lg.scenario_changed and lg.current_game is None and lg.verified
    assert lg.game.state_hash() == g.state_hash()
    assert any("under the current file the game cannot be replayed" in w for w in lg.warnings)


def test_scenario_file_gone(tmp_path, short_path, midgame) -> None:
    d = tmp_path / "scen"
    cur = kit.write_short_scenario(d, 3)
    p = save_game(tmp_path / "g.json", midgame, scenario_path=cur)
    cur.unlink()
    lg = load_game(p, scenario_dir=d)
    assert lg.game.state_hash() == midgame.state_hash() and lg.verified
    assert any("no longer in" in w for w in lg.warnings)


def test_damaged_scenario_copy_uses_identical_current_file(
    tmp_path, short_path, scenario_dir, midgame
) -> None:
    p = save_game(tmp_path / "g.json", midgame, scenario_path=short_path)
    _rewrite(p, lambda d: d["scenario"].update(text=d["scenario"]["text"] + "\n# edited"))
    lg = load_game(p, scenario_dir=scenario_dir)
    assert lg.verified and any("damaged" in w for w in lg.warnings)
    with pytest.raises(SaveError) as ei:
        load_game(p, scenario_dir=tmp_path / "nowhere")
    assert ei.value.kind == "scenario"


def test_hash_mismatch_is_reported_with_the_turn(tmp_path, short_path, finished_game) -> None:
    p = save_game(tmp_path / "g.json", finished_game, scenario_path=short_path)

    def tamper(d: dict) -> None:
        for cp in d["checkpoints"][2:]:
            cp["digest"] = "0" * 64
        d["final_state_hash"] = "0" * 64

    _rewrite(p, tamper)
    lg = load_game(p)
    assert not lg.verified
    assert lg.divergence is not None and lg.divergence.turn == 2
    assert any("diverges from the saved game in turn 2" in w for w in lg.warnings)


def test_checksum_mismatch_is_a_warning(tmp_path, short_path, midgame) -> None:
    p = save_game(tmp_path / "g.json", midgame, seats={"us": "human"}, scenario_path=short_path)
    data = json.loads(p.read_text(encoding="utf-8"))
    data["seats"]["us"] = "edited"
    p.write_text(json.dumps(data), encoding="utf-8")
    lg = load_game(p)
    assert lg.seats == {"us": "edited"}
    assert any("changed outside the game" in w for w in lg.warnings)


def test_migration_from_synthetic_version_0(tmp_path, short_path, finished_game) -> None:
    from game.engine import action_to_dict

    v0 = {
        "tariff_talks_save": 0,
        "saved_at": "2025-05-06T10:00:00+00:00",
        "scenario_file": "short-geneva.yaml",
        "scenario_yaml": short_path.read_text(encoding="utf-8"),
        "seed": finished_game.seed,
        "players": {"us": "human", "china": "ai"},
        "moves": [action_to_dict(a) for a in finished_game.actions],
    }
    p = tmp_path / "old.json"
    p.write_text(json.dumps(v0), encoding="utf-8")
    lg = load_game(p, scenario_dir=short_path.parent)
    assert lg.game.state_hash() == finished_game.state_hash()
    assert lg.info.format_version == 0 and lg.seats == {"us": "human", "china": "ai"}
    assert any("older format (0)" in w for w in lg.warnings)
    assert any("no state hash" in w for w in lg.warnings)
    assert lg.info.scenario_id == "geneva_2025"
    # saving it again writes the current format, verified on the next load
    q = save_game(tmp_path / "new.json", lg.game, lg.seats)
    lg2 = load_game(q)
    assert lg2.verified and lg2.info.format_version == FORMAT_VERSION and lg2.warnings == []


def test_broken_version_0_is_a_clear_error(tmp_path) -> None:
    p = tmp_path / "old.json"
    p.write_text(json.dumps({"tariff_talks_save": 0, "seed": 1}), encoding="utf-8")
    with pytest.raises(SaveError) as ei:
        load_game(p)
    assert ei.value.kind == "not_a_save" and "format 0" in ei.value.message


def test_future_version_is_refused(tmp_path, short_path, midgame) -> None:
    p = save_game(tmp_path / "g.json", midgame, scenario_path=short_path)
    before = p.read_bytes()
    _rewrite(p, lambda d: d.update(format_version=FORMAT_VERSION + 1, app_version="9.0.0"))
    with pytest.raises(SaveError) as ei:
        load_game(p)
    assert ei.value.kind == "future_version"
    assert "newer version of Tariff Talks (9.0.0)" in ei.value.message
    assert p.read_bytes() != before  # (our rewrite) — and loading changed nothing:
    snapshot = p.read_bytes()
    with pytest.raises(SaveError):
        load_game(p)
    assert p.read_bytes() == snapshot


def test_save_to_missing_folder_is_a_save_error(tmp_path, midgame) -> None:
    with pytest.raises(SaveError) as ei:
        save_game(tmp_path / "no" / "such" / "g.json", midgame)
    assert ei.value.kind == "io"


def test_unserialisable_meta_is_a_save_error(tmp_path, midgame) -> None:
    with pytest.raises(SaveError) as ei:
        save_game(tmp_path / "g.json", midgame, meta={"x": object()})
    assert ei.value.kind == "invalid"
    assert not (tmp_path / "g.json").exists()

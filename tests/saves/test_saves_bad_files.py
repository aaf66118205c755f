"""Bad save files: each gets a SaveError with a clear message; nothing on disk changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.saves import MAX_SAVE_BYTES, SaveError, backup_path, load_game, read_save_info, save_game
from game.saves.files import canonical_checksum


@pytest.fixture
def good(tmp_path, short_path, midgame) -> Path:
    p = tmp_path / "g.json"
    save_game(p, midgame, seats={"us": "human"}, scenario_path=short_path)
    save_game(p, midgame, seats={"us": "human"}, scenario_path=short_path)  # so that a backup exists
    return p


def _expect(path: Path, kind: str, words: str) -> SaveError:
    files = {p: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}
    with pytest.raises(SaveError) as ei:
        load_game(path)
    err = ei.value
    assert err.kind == kind, err
    assert words in err.message, err.message
    assert err.path == path
    assert {p: p.read_bytes() for p in path.parent.iterdir() if p.is_file()} == files  # untouched
    return err


def _edit(path: Path, change, checksum: bool = True) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    if checksum:
        data["checksum"] = canonical_checksum(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_missing_file(tmp_path) -> None:
    _expect_missing = pytest.raises(SaveError)
    with _expect_missing as ei:
        load_game(tmp_path / "nope.json")
    assert ei.value.kind == "not_found" and not ei.value.backup_available


def test_truncated_inside_a_chinese_character(good) -> None:
    data = good.read_bytes()
    cut = data.index("中".encode()) + 1 if "中".encode() in data else None
    assert cut is not None  # the save holds Chinese text (the scenario's zh names)
    good.write_bytes(data[:cut])
    _expect(good, "truncated", "truncated")


def test_truncated(good) -> None:
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])
    err = _expect(good, "truncated", "truncated")
    assert err.backup_available
    assert load_game(backup_path(good)).verified  # the backup is offered, and it loads


def test_empty(good) -> None:
    good.write_bytes(b"")
    _expect(good, "truncated", "empty")


def test_binary_junk(good) -> None:
    good.write_bytes(os.urandom(4096) + b"\xff\xfe")
    _expect(good, "not_text", "not text")


def test_corrupted_json(good) -> None:
    data = good.read_bytes()
    i = data.index(b'"seed"')
    good.write_bytes(data[:i] + b"@@" + data[i:])
    err = _expect(good, "corrupted", "not valid JSON at line")
    assert err.backup_available


def test_not_a_save(good) -> None:
    good.write_text('{"hello": "world"}')
    _expect(good, "not_a_save", "not a Tariff Talks save")
    good.write_text("[1, 2, 3]")
    _expect(good, "not_a_save", "not a Tariff Talks save")


def test_deep_nesting(good) -> None:
    good.write_text("[" * 100_000 + "]" * 100_000)
    _expect(good, "corrupted", "nested")
    _edit(good.with_name(good.name + ".bak"), lambda d: None)  # still fine
    deep: object = 1
    for _ in range(200):
        deep = {"x": deep}
    good.write_text(json.dumps({"format": "tariff-talks-save", "format_version": 1, "meta": deep}))
    _expect(good, "corrupted", "nested more than")


def test_huge_file(good) -> None:
    with open(good, "wb") as f:
        f.truncate(MAX_SAVE_BYTES + 10)
    _expect(good, "too_large", "too large")


def test_wrong_types(good) -> None:
    _edit(good, lambda d: d.update(seed="7"))
    err = _expect(good, "invalid", "seed")
    assert "edited by hand" in err.message


def test_out_of_range_and_unknown_keys(good) -> None:
    _edit(good, lambda d: d.update(seed=2**70))
    _expect(good, "invalid", "seed")
    _edit(good, lambda d: d.update(seed=1, cheat=True))
    _expect(good, "invalid", "cheat")


def test_hand_edited_action_is_illegal(good) -> None:
    def cheat(d: dict) -> None:
        first = d["actions"][0]
        first["moves"] = {"cn_tariff_us": 0.0} if first["side"] == "us" else {"us_tariff_reciprocal": 0.0}

    _edit(good, cheat)
    err = _expect(good, "illegal_action", "action 1 of")
    assert "Rule 2.2" in err.message


def test_invalid_action(good) -> None:
    _edit(good, lambda d: d["actions"].insert(0, {"type": "bribe", "side": "us"}))
    _expect(good, "illegal_action", "not a valid action")


def test_invalid_scenario_copy(good) -> None:
    import hashlib

    def breaks(d: dict) -> None:
        text = d["scenario"]["text"].replace("deadline_turns: 3", "deadline_turns: -3")
        d["scenario"]["text"] = text
        d["scenario"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()

    _edit(good, breaks)
    err = _expect(good, "scenario", "not a valid scenario")
    assert "deadline_turns" in err.message or ":" in err.message


def test_hostile_yaml_in_scenario_copy(good) -> None:
    import hashlib

    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"

    def hostile(d: dict) -> None:
        d["scenario"]["text"] = bomb + "x: !!python/object/apply:os.system ['echo pwned']\n"
        d["scenario"]["sha256"] = hashlib.sha256(d["scenario"]["text"].encode()).hexdigest()

    _edit(good, hostile)
    _expect(good, "scenario", "not a valid scenario")


def test_read_save_info_is_fast_and_checks_too(good, midgame) -> None:
    info = read_save_info(good)
    assert (
        info.actions == len(midgame.actions)
        and info.meta is not None
        and info.meta.turn == midgame.state.turn
    )
    good.write_text("{")
    with pytest.raises(SaveError):
        read_save_info(good)


def test_a_folder_is_not_a_save(tmp_path) -> None:
    with pytest.raises(SaveError) as ei:
        load_game(tmp_path)
    assert ei.value.kind == "io"


def test_error_message_reads_well(good) -> None:
    good.write_bytes(good.read_bytes()[:100])
    with pytest.raises(SaveError) as ei:
        load_game(good)
    assert str(ei.value).startswith(str(good))
    assert "A backup of the previous save is available." in str(ei.value)


def test_truncated_after_a_byte_order_mark(tmp_path) -> None:
    p = tmp_path / "bom.json"
    p.write_bytes(b"\xef\xbb\xbf" + '{"format": "tariff-talks-save", "name": "中a中'.encode()[:-1])
    _expect(p, "truncated", "truncated")


def test_stray_bytes_after_a_save_are_damage(good) -> None:
    good.write_bytes(good.read_bytes() + "中".encode()[:2])
    _expect(good, "corrupted", "stray bytes")

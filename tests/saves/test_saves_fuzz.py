"""Hypothesis fuzzes the save loader: mutated valid saves and random bytes.

Whatever the file holds, load_game returns a game or raises SaveError — never
another exception, never a hang (each example has a deadline).
"""

from __future__ import annotations

import contextlib
import functools
import json
import random
from pathlib import Path

import pytest
import saves_testkit as kit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.saves import SaveError, load_game, save_game
from game.saves.files import canonical_checksum

pytestmark = pytest.mark.slow  # a fuzzer

FUZZ = settings(
    max_examples=150,
    deadline=60_000,  # ms per example: a hang guard only (a loaded machine must not fail it)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
    database=None,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@functools.cache
def _valid_save() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        sc_path = kit.write_short_scenario(Path(d), 3)
        sc = kit.load(sc_path)
        g = kit.play_random(Game(sc, 4), random.Random(4), max_actions=14)
        p = save_game(Path(d) / "g.json", g, seats={"us": "human", "china": "ai"}, scenario_path=sc_path)
        return p.read_bytes()


def _load_ok_or_save_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        load_game(path, scenario_dir=path.parent)
    except SaveError as err:
        assert err.message and isinstance(err.message, str)


def _paths(obj: object, prefix: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    out = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "text":  # the scenario text: mutated as bytes below instead
                out.append((*prefix, k))
                continue
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(obj, list):
        for i, v in enumerate(obj[:6]):
            out.extend(_paths(v, (*prefix, i)))
    return out


def _set(obj: object, path: tuple, value: object, delete: bool) -> object:  # type: ignore[type-arg]
    if not path:
        return value
    parent = obj
    for k in path[:-1]:
        parent = parent[k]  # type: ignore[index]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value  # type: ignore[index]
    return obj


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(work: Path, data: bytes) -> None:
    _load_ok_or_save_error(work / "random.json", data)


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10**9), junk=st.binary(max_size=40), mode=st.integers(0, 2))
def test_byte_mutations_of_a_valid_save(work: Path, cut: int, junk: bytes, mode: int) -> None:
    data = _valid_save()
    i = cut % len(data)
    if mode == 0:
        mutated = data[:i]  # truncated
    elif mode == 1:
        mutated = data[:i] + junk + data[i + len(junk) :]  # overwritten
    else:
        mutated = data[:i] + junk + data[i:]  # inserted
    _load_ok_or_save_error(work / "bytes.json", mutated)


@FUZZ
@given(
    which=st.integers(min_value=0, max_value=10**6),
    value=json_values,
    delete=st.booleans(),
    fix_checksum=st.booleans(),
)
def test_json_mutations_of_a_valid_save(
    work: Path, which: int, value: object, delete: bool, fix_checksum: bool
) -> None:
    doc = json.loads(_valid_save())
    paths = _paths(doc)
    doc = _set(doc, paths[which % len(paths)], value, delete)
    if fix_checksum and isinstance(doc, dict):
        with contextlib.suppress(ValueError):
            doc["checksum"] = canonical_checksum(doc)
    try:
        text = json.dumps(doc)
    except ValueError:
        return
    _load_ok_or_save_error(work / "json.json", text.encode())


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10**9), junk=st.text(max_size=30))
def test_scenario_text_mutations(work: Path, cut: int, junk: str) -> None:
    import hashlib

    doc = json.loads(_valid_save())
    text = doc["scenario"]["text"]
    i = cut % len(text)
    text = text[:i] + junk + text[i + len(junk) :]
    doc["scenario"]["text"] = text
    doc["scenario"]["sha256"] = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    doc["checksum"] = canonical_checksum(doc)
    _load_ok_or_save_error(work / "scen.json", json.dumps(doc).encode())


def test_the_valid_save_loads(work: Path) -> None:
    p = work / "valid.json"
    p.write_bytes(_valid_save())
    assert load_game(p).verified

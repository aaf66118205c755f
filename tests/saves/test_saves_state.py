"""No module state in game/saves: what a save needs travels with the game (its save record).

- a game keeps its ``created_at`` through its shallow copies (the window's autosave
  snapshots) and undo, and a loaded game keeps the one in its file; another Game of the
  same scenario and seed is another game;
- checkpoints stay incremental across snapshots, also when several threads save at once;
- the record goes when the game goes;
- the parse memo is bounded and never mistakes an edited file for the old one.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import gc
import os
import random
import threading
import weakref
from pathlib import Path

import saves_testkit as kit

import game.saves
from game.engine import Game
from game.saves import UndoStack, load_game, read_save_info, save_game
from game.saves.autosave import default_autosaver
from game.saves.checkpoints import CheckpointTracker
from game.saves.files import encode_save
from game.saves.record import SaveRecord, attach_record, record_of
from game.saves.scenario_source import _ParseCache, _parses, parse_scenario_text, read_scenario_file

SAVES_DIR = Path(game.saves.__file__).resolve().parent
OLD = dt.datetime(2025, 5, 6, 9, 0, tzinfo=dt.UTC)  # not "now": it can only come from the record

#: Module-level names in game/saves that hold a mutable object on purpose, and why.
ALLOWED = {
    ("migrations.py", "MIGRATIONS"): "a fixed table of format migrations, never changed at run time",
    ("scenario_source.py", "_parses"): "a bounded, thread-safe memo of immutable parses (no game state)",
}
_MUTABLE_CALLS = {
    "dict",
    "list",
    "set",
    "OrderedDict",
    "defaultdict",
    "deque",
    "WeakKeyDictionary",
    "WeakValueDictionary",
    "WeakSet",
    "Counter",
}


def _snapshot(game: Game) -> Game:
    """What the window's autosave hands its worker thread (game/ui/persistence.py)."""
    snap = copy.copy(game)
    snap.actions = list(game.actions)
    snap.state = game.state.copy()
    return snap


def _mutable_module_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"global {', '.join(n.names)}" for n in ast.walk(tree) if isinstance(n, ast.Global)]
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        mutable = isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp)
        if isinstance(value, ast.Call):
            fn = value.func
            name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
            mutable = name in _MUTABLE_CALLS or name.endswith("Cache")
        for t in targets:
            if not (mutable and isinstance(t, ast.Name)) or t.id.startswith("__"):  # __all__
                continue
            if (path.name, t.id) not in ALLOWED:
                found.append(t.id)
    return found


def test_saves_modules_keep_no_mutable_module_state() -> None:
    found = {p.name: names for p in sorted(SAVES_DIR.glob("*.py")) if (names := _mutable_module_names(p))}
    assert found == {}
    assert {f for f, _ in ALLOWED} <= {p.name for p in SAVES_DIR.glob("*.py")}


def test_a_game_keeps_its_created_at_through_snapshots_and_undo(tmp_path, short) -> None:
    rng = random.Random(4)
    g = Game(short, 3)
    attach_record(g, SaveRecord(created_at=OLD))
    g.play(kit.random_action_for(g, "us", rng))
    snap = _snapshot(g)
    g.play(kit.random_action_for(g, "china", rng))  # the game moves on; the snapshot does not
    assert read_save_info(save_game(tmp_path / "snap.json", snap)).created_at == OLD
    assert read_save_info(save_game(tmp_path / "g.json", g)).created_at == OLD
    # undo rebuilds the game: still the same game
    stack = UndoStack(g, ["us", "china"])
    stack.play(kit.random_action_for(g, g.to_move()[0], rng))
    rebuilt = stack.undo(stack.game.actions[-1].side)
    assert rebuilt is not g
    assert read_save_info(save_game(tmp_path / "undone.json", rebuilt)).created_at == OLD
    # a new Game of the same scenario and seed is another game
    other = Game(short, 3)
    assert read_save_info(save_game(tmp_path / "other.json", other)).created_at != OLD
    assert record_of(other) is not record_of(g)


def test_resaving_a_loaded_game_keeps_the_files_created_at(tmp_path, short_path, midgame) -> None:
    attach_record(midgame, SaveRecord(created_at=OLD))
    p = save_game(tmp_path / "a.json", midgame, scenario_path=short_path)
    lg = load_game(p)
    assert record_of(lg.game).created_at == OLD
    q = save_game(tmp_path / "b.json", _snapshot(lg.game))
    assert read_save_info(q).created_at == OLD
    assert read_save_info(q).scenario_file == short_path.name  # the text travels too


def test_checkpoints_stay_incremental_across_snapshots(short) -> None:
    rng = random.Random(8)
    g = Game(short, 2)
    seen: set[int] = set()
    for _ in range(12):
        if g.over:
            break
        g.play(kit.random_action(g, rng))
        encode_save(_snapshot(g))
        tracker = record_of(g).tracker
        assert tracker is not None and tracker.shadow.actions == g.actions
        seen.add(id(tracker))
    assert len(seen) == 1  # one tracker, fed one action at a time
    fresh = CheckpointTracker(short, 2).update(g.actions)
    assert record_of(g).checkpoints(g) == fresh


def test_several_threads_saving_one_game_get_its_checkpoints(short) -> None:
    rng = random.Random(9)
    g = kit.play_random(Game(short, 6), rng)
    snaps = [_snapshot(g) for _ in range(4)]
    start = threading.Barrier(len(snaps), timeout=60)
    results: list[object] = []

    def save(s: Game) -> None:
        start.wait()
        try:
            results.append(record_of(s).checkpoints(s))
        except Exception as err:  # reported below
            results.append(err)

    threads = [threading.Thread(target=save, args=(s,)) for s in snaps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    fresh = CheckpointTracker(short, 6).update(g.actions)
    assert results == [fresh] * len(snaps)


def test_the_record_goes_with_the_game(tmp_path, midgame) -> None:
    g = Game(midgame.scenario, midgame.seed)
    for a in midgame.actions:
        g.play(a)
    save_game(tmp_path / "g.json", g)
    ref = weakref.ref(record_of(g))
    del g
    gc.collect()
    assert ref() is None


def test_parse_cache_is_a_bounded_lru() -> None:
    cache = _ParseCache(maxsize=3)
    for key in "abc":
        cache.put(key, None)
    assert cache.get("a") == (True, None)  # a is now the most recently used
    cache.put("d", None)
    assert cache.get("b") == (False, None)  # the least recently used went
    assert [cache.get(k)[0] for k in "acd"] == [True, True, True]


def test_parsing_many_scenarios_keeps_the_memo_bounded(short) -> None:
    for i in range(_parses.maxsize + 10):
        text = short.model_copy(update={"trust_pct": 10.0 + i / 8}).model_dump_json()
        assert parse_scenario_text(text, "json", "x.json").trust_pct == 10.0 + i / 8
    assert len(_parses._items) <= _parses.maxsize


def test_an_edited_scenario_file_is_parsed_again_even_with_its_old_size_and_time(tmp_path) -> None:
    p = kit.write_short_scenario(tmp_path, 3)
    text, first = read_scenario_file(p)
    assert first is not None and first.meta.author == "Tariff Talks team"
    st = p.stat()
    p.write_text(text.replace("author: Tariff Talks team", "author: Tariff Talks TEAM"), encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert p.stat().st_size == st.st_size and p.stat().st_mtime_ns == st.st_mtime_ns
    _text, second = read_scenario_file(p)
    assert second is not None and second.meta.author == "Tariff Talks TEAM"


def test_default_autosaver_follows_the_home_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path / "one"))
    a = default_autosaver()
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path / "two"))
    b = default_autosaver()
    assert a.directory == tmp_path / "one" / "autosave" and b.directory == tmp_path / "two" / "autosave"

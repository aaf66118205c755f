"""Autosave and resuming after a crash."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import saves_testkit as kit

from game.engine import Game
from game.saves import Autosaver, autosave, find_resumable, finish_autosave, home, load_game
from game.saves.autosave import default_saves_dir


def test_home_follows_the_environment(saves_home) -> None:
    assert home() == saves_home
    assert default_saves_dir() == saves_home / "saves" and (saves_home / "saves").is_dir()


def test_autosave_and_clean_finish(saves_home, midgame) -> None:
    path = autosave(midgame, {"us": "human", "china": "ai"})
    assert path == saves_home / "autosave" / "current.json"
    assert load_game(path).game.state_hash() == midgame.state_hash()
    marker = json.loads((saves_home / "autosave" / "running.json").read_text())
    assert marker["pid"] == os.getpid()
    assert find_resumable() == path  # our own marker: a crash would leave exactly this
    finish_autosave()
    assert find_resumable() is None
    assert path.exists()  # the last game stays on disk


def test_finished_game_is_not_offered(saves_home, finished_game) -> None:
    autosave(finished_game)
    assert not (saves_home / "autosave" / "running.json").exists()
    assert find_resumable() is None


def test_resume_after_a_killed_process(saves_home, short_path) -> None:
    code = f"""
import os, random, sys, signal
sys.path.insert(0, {str(kit.ROOT / "tests" / "saves")!r})
import saves_testkit as kit
from game.engine import Game
from game.saves import autosave
sc = kit.load(kit.Path({str(short_path)!r}))
g = Game(sc, 21)
rng = random.Random(21)
for _ in range(8):
    g.play(kit.random_action(g, rng))
    autosave(g, {{"us": "human", "china": "ai"}})
print(g.state_hash(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
    env = dict(os.environ, PYTHONPATH=str(kit.ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == -9, out.stderr
    path = find_resumable()
    assert path is not None
    lg = load_game(path)
    assert lg.game.state_hash() == out.stdout.strip() and lg.seats == {"us": "human", "china": "ai"}
    Autosaver().discard()
    assert find_resumable() is None and not path.exists()


def test_marker_of_a_running_process_is_not_offered(saves_home, midgame) -> None:
    saver = Autosaver()
    saver.save(midgame)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        saver.marker.write_text(json.dumps({"pid": other.pid}))
        assert saver.find_resumable() is None  # another window is playing it
    finally:
        other.kill()
        other.wait()
    assert saver.find_resumable() == saver.path


def test_only_the_backup_loads(saves_home, short, midgame) -> None:
    saver = Autosaver()
    saver.save(midgame)
    saver.save(midgame)
    saver.path.write_bytes(b"{")
    assert saver.find_resumable() == saver.path.with_name("current.json.bak")


def test_watch_saves_every_turn_and_each_human_action(saves_home, short) -> None:
    from game.session import Session

    class RandomSeat:
        def __init__(self, human: bool, seed: int) -> None:
            self.label = "human" if human else "ai:random"
            self.is_human = human
            self.rng = random.Random(seed)
            self.game: Game | None = None

        def decide(self, v):
            assert self.game is not None
            return kit.random_action_for(self.game, v.side, self.rng)

    seats = {"us": RandomSeat(True, 1), "china": RandomSeat(False, 2)}
    s = Session.new(short, seats, seed=9)  # type: ignore[arg-type]
    for seat in seats.values():
        seat.game = s.game
    saver = Autosaver()
    saved: list[tuple[int, str, int]] = []
    orig = saver.save

    def spy(game, seats=None, meta=None):
        saved.append((game.state.turn, game.state.phase, len(game.actions)))
        return orig(game, seats, meta)

    saver.save = spy  # type: ignore[method-assign]
    saver.watch(s)
    s.play_to_end()
    human_actions = sum(1 for a in s.game.actions if a.side == "us")
    assert len(saved) >= human_actions
    assert saved[-1][2] == len(s.game.actions) and saved[-1][1] == "over"
    assert {t for t, _p, _n in saved} >= set(range(1, s.game.state.turn + 1))
    assert load_game(saver.path).game.state_hash() == s.game.state_hash()
    assert saver.find_resumable() is None  # over: finished cleanly


def test_autosave_errors_do_not_stop_play(saves_home, midgame) -> None:
    saves_home.mkdir(parents=True, exist_ok=True)
    (saves_home / "autosave").write_text("a file where the folder should be")
    saver = Autosaver()
    errors = []
    saver.on_error = errors.append
    assert saver.maybe_save(midgame) is False
    assert saver.last_error is not None and errors and errors[0].kind == "io"

"""Child process of test_saves_kill.py: a fork server whose workers save in a loop.

Usage: python saves_kill_child.py SCENARIO_FILE WORK_DIR

Reads lines "go SEED" on stdin; for each, forks a worker that plays a seeded
random game, saving it after every action with ``save_game`` (WORK_DIR/manual.json)
and autosaving it (WORK_DIR/autosave/current.json), forever; prints the
worker's pid, waits until it dies (the test kills it with SIGKILL) and prints
"done". Forking from a process that has already imported everything makes each
of the 200 kills cheap.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import saves_testkit as kit

from game.engine import Game
from game.saves import Autosaver, save_game


def worker(scenario_path: Path, work: Path, seed: int) -> None:
    sc = kit.load(scenario_path)
    saver = Autosaver(work / "autosave")
    rng = random.Random(seed)
    seats = {"us": "human", "china": "ai"}
    g = Game(sc, seed)
    while True:
        if g.over:
            seed += 1000
            g = Game(sc, seed)
        g.play(kit.random_action(g, rng))
        save_game(work / "manual.json", g, seats, scenario_path=scenario_path)
        saver.save(g, seats)


def main() -> None:
    scenario_path, work = Path(sys.argv[1]), Path(sys.argv[2])
    kit.load(scenario_path)  # warm the imports before forking
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "go":
            break
        seed = int(parts[1])
        pid = os.fork()
        if pid == 0:
            try:
                worker(scenario_path, work, seed)
            finally:
                os._exit(0)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("done", flush=True)


if __name__ == "__main__":
    main()

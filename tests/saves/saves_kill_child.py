"""Child process of test_saves_kill.py: a fork server whose workers save in a loop.

Usage: python saves_kill_child.py SCENARIO_FILE WORK_DIR

Prints "ready" once everything is imported. Then reads lines "go SEED" on stdin; for
each, forks a worker that plays a seeded random game, saving it after every action with
``save_game`` (WORK_DIR/manual.json) and autosaving it (WORK_DIR/autosave/current.json),
forever. The worker announces itself ("worker PID") and acknowledges every completed
pair of saves ("saved N": both files of the N-th action are on disk), so the test kills
it after the saves it chose, whatever the machine's speed. The server waits until the
worker dies (the test kills it with SIGKILL) and prints "done". While a worker lives,
only it writes to stdout, so the lines never interleave; each line is one ``write`` (see
:func:`say`), so a kill never leaves half a line. Forking from a process that has already
imported everything makes each of the 200 kills cheap.
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


def say(line: str) -> None:
    """One line on stdout in one write(2) to the pipe: a kill lands before it or after it, never
    inside (``print`` may write the text and its newline separately, e.g. under PYTHONUNBUFFERED)."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def worker(scenario_path: Path, work: Path, seed: int) -> None:
    say(f"worker {os.getpid()}")
    sc = kit.load(scenario_path)
    saver = Autosaver(work / "autosave")
    rng = random.Random(seed)
    seats = {"us": "human", "china": "ai"}
    g = Game(sc, seed)
    saved = 0
    while True:
        if g.over:
            seed += 1000
            g = Game(sc, seed)
        g.play(kit.random_action(g, rng))
        save_game(work / "manual.json", g, seats, scenario_path=scenario_path)
        saver.save(g, seats)
        saved += 1
        say(f"saved {saved}")


def main() -> None:
    scenario_path, work = Path(sys.argv[1]), Path(sys.argv[2])
    kit.load(scenario_path)  # warm the imports before forking
    say("ready")
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
        os.waitpid(pid, 0)
        say("done")


if __name__ == "__main__":
    main()

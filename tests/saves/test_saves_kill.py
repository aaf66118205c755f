"""SIGKILL at random moments during saving and autosaving, 200 times.

After every kill: each save file on disk loads (or, if it did not, its backup
does — in practice the file itself always loads: the rename is atomic);
nothing half-written is ever at a save's path; leftover temporary files are
cleaned up by the next save; the autosave is offered for resuming exactly when
its game had not ended.

Independent of the machine's speed: the test kills each worker after a chosen
number of saves the worker has acknowledged (``saved N`` on its stdout, written
after both files of the N-th action are on disk), not after a time. A short
random pause after the acknowledgement only spreads the kills over the next
save's steps; every assertion holds wherever the kill lands. The one timeout is a
guard against a hung child (minutes), never reached when the test passes.
"""

from __future__ import annotations

import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest
import saves_testkit as kit

from game.saves import Autosaver, SaveError, backup_path, load_game

KILLS = 200
HERE = Path(__file__).resolve().parent
HANG_GUARD_S = 300.0  # a hung child fails the test instead of hanging the run

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)"),
    pytest.mark.slow,
]


class _Lines:
    """The child's stdout, line by line, read on a thread so that a hung child cannot hang the test."""

    def __init__(self, stream: IO[str]) -> None:
        self._q: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._q.put(line.strip())
        self._q.put(None)

    def next(self, waiting_for: str) -> str:
        try:
            line = self._q.get(timeout=HANG_GUARD_S)
        except queue.Empty:
            raise AssertionError(f"the kill-test child hung (waiting for {waiting_for})") from None
        assert line is not None, f"the kill-test child exited (waiting for {waiting_for})"
        return line

    def until(self, wanted: str) -> None:
        """Skip the worker's acknowledgements up to the line ``wanted``."""
        while (line := self.next(wanted)) != wanted:
            assert re.fullmatch(r"saved \d+", line), f"unexpected line from the kill-test child: {line!r}"


def _loads(path: Path) -> bool:
    try:
        load_game(path)
    except SaveError:
        return False
    return True


def test_kill_while_saving(tmp_path: Path) -> None:
    scenario = kit.write_short_scenario(tmp_path / "scen", 3)
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(kit.ROOT), env.get("PYTHONPATH", "")])
    server = subprocess.Popen(
        [sys.executable, str(HERE / "saves_kill_child.py"), str(scenario), str(work)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.stdin is not None and server.stdout is not None
    lines = _Lines(server.stdout)
    rng = random.Random(20250506)
    stats = {"main_ok": 0, "backup_only": 0, "temps_left": 0, "resumable": 0, "saves_seen": 0}
    manual, auto = work / "manual.json", work / "autosave" / "current.json"
    try:
        assert lines.next("ready") == "ready"
        for i in range(KILLS):
            server.stdin.write(f"go {i}\n")
            server.stdin.flush()
            who, pid = lines.next("the worker's pid").split()
            assert who == "worker", who
            acks = rng.randint(1, 3) if i == 0 else rng.randint(0, 3)  # the first lets a save complete
            if acks:
                lines.until(f"saved {acks}")
            time.sleep(rng.uniform(0.0, 0.02))  # where in the next save the kill lands: anywhere is safe
            os.kill(int(pid), signal.SIGKILL)
            lines.until("done")
            for path in (manual, auto):
                assert path.exists(), f"kill {i}: {path.name} vanished"
                stats["saves_seen"] += 1
                if _loads(path):
                    stats["main_ok"] += 1
                else:
                    assert _loads(backup_path(path)), f"kill {i}: neither {path.name} nor its backup loads"
                    stats["backup_only"] += 1
            leftovers = [p for p in work.rglob(".*.tmp")]
            stats["temps_left"] += bool(leftovers)
            assert len(leftovers) <= 4, leftovers  # cleaned up by the next save
            found = Autosaver(work / "autosave").find_resumable()
            stats["resumable"] += found is not None
            over = load_game(found or auto).game.over
            assert (found is None) == over, f"kill {i}: resumable {found}, game over {over}"
    finally:
        server.stdin.close()
        server.kill()
        server.wait()
    print(f"\nkill test: {KILLS} kills, {stats}")
    assert stats["backup_only"] == 0  # the stronger property: the file itself always loads
    assert stats["saves_seen"] == 2 * KILLS
    assert stats["resumable"] >= KILLS // 2  # most kills land in a game that had not ended

"""SIGKILL at random moments during saving and autosaving, 200 times.

After every kill: each save file on disk loads (or, if it did not, its backup
does — in practice the file itself always loads: the rename is atomic);
nothing half-written is ever at a save's path; leftover temporary files are
cleaned up by the next save; the autosave is offered for resuming.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import saves_testkit as kit

from game.saves import Autosaver, SaveError, backup_path, load_game

KILLS = 200
HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")


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
    rng = random.Random(20250506)
    stats = {"main_ok": 0, "backup_only": 0, "temps_left": 0, "resumable": 0, "saves_seen": 0}
    manual, auto = work / "manual.json", work / "autosave" / "current.json"
    try:
        assert server.stdout.readline().strip() == "ready"
        for i in range(KILLS):
            server.stdin.write(f"go {i}\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.05) if i else 0.3)  # the first lets a save complete
            os.kill(pid, signal.SIGKILL)
            assert server.stdout.readline().strip() == "done"
            for path in (manual, auto):
                if not path.exists():
                    assert i == 0 or not backup_path(path).exists(), f"kill {i}: {path.name} vanished"
                    continue
                stats["saves_seen"] += 1
                if _loads(path):
                    stats["main_ok"] += 1
                else:
                    assert _loads(backup_path(path)), f"kill {i}: neither {path.name} nor its backup loads"
                    stats["backup_only"] += 1
            leftovers = [p for p in work.rglob(".*.tmp")]
            stats["temps_left"] += bool(leftovers)
            assert len(leftovers) <= 4, leftovers  # cleaned up by the next save
            if auto.exists():
                found = Autosaver(work / "autosave").find_resumable()
                stats["resumable"] += found is not None
                if found is None:
                    marker = work / "autosave" / "running.json"
                    print(
                        f"kill {i}: not resumable; marker {marker.read_text() if marker.exists() else None}"
                    )
    finally:
        server.stdin.close()
        server.kill()
        server.wait()
    print(f"\nkill test: {KILLS} kills, {stats}")
    assert stats["backup_only"] == 0  # the stronger property: the file itself always loads
    assert stats["saves_seen"] >= 2 * (KILLS - 5)
    assert stats["resumable"] >= KILLS // 2  # games killed before they ended are offered

"""Startup time of the game window against a bare PySide6 window, measured in the same run.

Run: ``.venv/bin/python benchmarks/startup.py [--runs 7]``. Target: median ratio ≤ 1.5×.

Each measurement is a fresh subprocess, timed from launch until it prints a line:

- **bare**: ``python -c`` that imports PySide6 Qt Widgets, creates a QApplication and a
  QMainWindow, shows it and prints once its event loop runs;
- **window** (the figure the target is about): ``python -m game`` (what ``tariff-talks``
  runs) until the main window is shown — menus, status bar and the "Opening the
  scenario…" page — and its event loop runs, so it answers input;
- **game**: the same process until the default scenario is loaded and the game is on the
  table (loaded off the GUI thread while the window is already up), for information.

Runs alternate (bare, game, bare, game, …) so that machine noise hits both alike; the
ratio is taken per pair and the median reported. Off a desktop (no DISPLAY or
WAYLAND_DISPLAY), Qt's offscreen platform is used.

The children byte-compile into a cache of their own (``PYTHONPYCACHEPREFIX``, a temporary
folder; the unmeasured warm-up run fills it), whatever ``PYTHONDONTWRITEBYTECODE`` says:
an installed game has its ``.pyc`` files (pip compiles a wheel as it installs it), as
PySide6 has its own. Without them every start compiles the game's modules from source
again — some 30 of them before the window shows: on a loaded two-core machine that sets
``PYTHONDONTWRITEBYTECODE=1`` the ratio measured 1.65–1.69× that way, 1.28–1.56× with the
cache (the spread is the machine's load).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
win = QMainWindow()
win.setWindowTitle("bare")
win.resize(1366, 768)
win.show()
QTimer.singleShot(0, lambda: (print("SHOWN", flush=True), app.quit()))
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="tariff-talks-bench-")  # no saved geometry
    env["TARIFF_TALKS_HOME"] = tempfile.mkdtemp(prefix="tariff-talks-bench-home-")  # no autosave to resume
    # compiled modules, as an installed game has them (see the module's docstring); the tree stays clean
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="tariff-talks-bench-pyc-")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def timed(cmd: list[str], marks: tuple[str, ...], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch until each mark line appears on the child's stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    out: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word = line.strip()
        if word in marks and word not in out:
            out[word] = time.perf_counter() - start
        if len(out) == len(marks):
            break
    proc.wait(timeout=60)
    missing = [m for m in marks if m not in out]
    if missing:
        raise RuntimeError(f"{' '.join(cmd)} never printed {missing}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=7, help="pairs of measurements (default 7)")
    args = p.parse_args(argv)
    env = _env()
    py = sys.executable
    game_env = dict(env, TARIFF_TALKS_STARTUP_PROBE="game")
    # warm the file cache once (not measured)
    timed([py, "-c", BARE], ("SHOWN",), env)
    timed([py, "-m", "game"], ("SHOWN", "GAME"), game_env)
    bare, window, game, ratios = [], [], [], []
    for _ in range(args.runs):
        b = timed([py, "-c", BARE], ("SHOWN",), env)["SHOWN"]
        g = timed([py, "-m", "game"], ("SHOWN", "GAME"), game_env)
        bare.append(b)
        window.append(g["SHOWN"])
        game.append(g["GAME"])
        ratios.append(g["SHOWN"] / b)
    med = statistics.median
    ratio = med(ratios)
    print(f"bare PySide6 window shown:      median {med(bare) * 1000:6.0f} ms  ({args.runs} runs)")
    print(f"Tariff Talks main window shown: median {med(window) * 1000:6.0f} ms")
    print(f"Tariff Talks game on the table: median {med(game) * 1000:6.0f} ms  (loaded off the GUI thread)")
    print(
        f"ratio window / bare: median {ratio:.2f}x (target <= {TARGET_RATIO}x): {'ok' if ratio <= TARGET_RATIO else 'SLOW'}"
    )
    print(
        f"ratio game / bare:   median {med(g / b for g, b in zip(game, bare, strict=True)):.2f}x (for information)"
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

"""The window shows before the heavy parts of the game load (benchmarks/startup.py times it;
this checks the cause, which does not depend on the machine's speed): when the main window
is made and shown, none of the scenario models, the engine, numpy, pydantic, the dialogs or
the panels has been imported — they load off the GUI thread or when first needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "numpy",
    "pydantic",
    "game.engine",
    "game.scenario.models",
    "game.ui.dialogs",
    "game.ui.panels",
    "game.ui.debrief",
    "PySide6.QtCharts",
)

PROBE = f"""
import sys
from game.cli import build_parser  # the command line's own start (python -m game)
from game.ui.app import create_window, make_app

app = make_app()
win = create_window(None, "en")  # shown; the event loop has not run, so nothing has loaded since
print("LOADED:" + ",".join(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_the_window_shows_before_the_heavy_modules_load(tmp_path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TARIFF_TALKS_HOME=str(tmp_path / "home"),
        PYTHONPATH=str(ROOT),
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED:"))
    loaded = [m for m in line.removeprefix("LOADED:").split(",") if m]
    assert loaded == [], f"imported before the window shows: {loaded}"

"""What every command shares: exit codes, the usage error, the parser that raises it, and
loading a scenario with located messages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from game.i18n import t
from game.resources import default_scenario_path

if TYPE_CHECKING:
    from game.scenario.models import Scenario

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A wrong flag or value: exit 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors raise :class:`UsageError` (``main`` prints them, exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


def load_scenario_or_report(path: Path | None, err: TextIO | None = None) -> Scenario | None:
    """Load a scenario (the default one if ``path`` is None); on a problem print located
    messages and return None."""
    from game.scenario.diagnostics import ScenarioError
    from game.scenario.loader import load_scenario

    path = path or default_scenario_path()
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=err or sys.stderr)
        return None


def progress_bar(done: int, total: int, stream: TextIO | None = None, lang: str | None = None) -> None:
    """A one-line progress bar on stderr: ``[#####.....] 3/10 games``."""
    out = stream or sys.stderr
    width = 30
    filled = int(width * done / total)
    end = "\n" if done == total else ""
    games = t(lang, "{done}/{total} games", done=done, total=total)
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {games}{end}")
    out.flush()

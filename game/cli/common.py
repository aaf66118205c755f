"""What every command shares: exit codes, the usage error, the parser that raises it, and
loading a scenario with located messages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from game.i18n import t
from game.resources import default_scenario_path

if TYPE_CHECKING:
    from game.scenario.models import Scenario

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A wrong flag or value: exit 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors raise :class:`UsageError` (``main`` prints them, exit 2),
    with its own words (headings, ``-h``, "usage:") in ``lang``; argparse's own error details
    stay English."""

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        self.lang = lang
        kwargs.setdefault("formatter_class", _formatter(lang))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t(lang, "positional arguments")
        self._optionals.title = t(lang, "options")
        self.add_argument("-h", "--help", action="help", help=t(lang, "show this help message and exit"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: " + t(self.lang, "error: {error}", error=message))


def _formatter(lang: str | None) -> type[argparse.HelpFormatter]:
    usage = t(lang, "usage: ")

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage_text: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
            super().add_usage(usage_text, actions, groups, usage if prefix is None else prefix)

    return Formatter


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

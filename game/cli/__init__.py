"""``tariff-talks``: the window with no arguments; headless subcommands otherwise.

Exit codes: 0 ok, 1 a problem found (a broken scenario, a failed check), 2 a usage error.

One module per command or group: :mod:`~game.cli.parser` (every flag),
:mod:`~game.cli.window` (``play``: the only way from here to the UI, imported lazily),
:mod:`~game.cli.scenarios` (``validate``, ``schema``), :mod:`~game.cli.simulate`,
:mod:`~game.cli.replay`, :mod:`~game.cli.forecast`, :mod:`~game.cli.tournament`,
:mod:`~game.cli.selftest` (``--selftest``: does this copy of the game work?);
:mod:`~game.cli.common` holds the exit codes, :class:`UsageError` and scenario loading.
Command modules are imported when their command runs, so ``--help`` and a headless game
stay quick and never load Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from game.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, UsageError, load_scenario_or_report
from game.cli.parser import build_parser
from game.i18n import t

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEM",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "load_scenario_or_report",
    "main",
]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_in(argv)
    parser = build_parser(lang)
    try:
        args = parser.parse_args(argv)
    except UsageError as err:
        print(err, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        return _dispatch(args)
    except UsageError as err:
        print("tariff-talks: " + t(lang, "error: {error}", error=err), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\n" + t(lang, "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _lang_in(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of a command line, before (or without) parsing it: the language of the
    messages about the command line itself."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _dispatch(args: argparse.Namespace) -> int:
    cmd = args.command
    if cmd == "selftest" or (cmd is None and args.selftest):
        from game.cli.selftest import selftest_command

        return selftest_command(args)
    if cmd in (None, "play"):
        from game.cli.window import open_window

        return open_window(getattr(args, "scenario", None), args.lang)  # None: the last game's
    if cmd in ("validate", "schema"):
        from game.cli.scenarios import schema_command, validate_command

        return validate_command(args) if cmd == "validate" else schema_command(args)
    if cmd == "simulate":
        from game.cli.simulate import simulate_command

        return simulate_command(args)
    if cmd == "replay":
        from game.cli.replay import replay_command

        return replay_command(args)
    if cmd == "forecast":
        from game.cli.forecast import forecast_command

        return forecast_command(args)
    if cmd == "tournament":
        from game.cli.tournament import tournament_command

        return tournament_command(args)
    raise UsageError(t(args.lang, "unknown command {command!r}", command=cmd))

"""The command line: ``tariff-talks [--lang L] [COMMAND ...]``, every command and flag."""

from __future__ import annotations

import argparse
import functools
import math
from pathlib import Path
from typing import cast

from game.cli.common import Parser
from game.i18n import normalise, t


def seconds(text: str) -> float:
    """A positive, finite number of seconds (``--agent-timeout``)."""
    value = float(text)
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(text)
    return value


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (the command line's ``--lang``, read before parsing)."""
    p = Parser(
        lang=lang,
        prog="tariff-talks",
        description=t(
            lang,
            "Tariff Talks — negotiate the 2025 US–China tariff war. "
            "With no command, opens the game window on the default scenario.",
        ),
    )
    p.add_argument(
        "--lang",
        type=normalise,
        default=None,
        metavar="LANG",
        help=t(
            lang,
            "language of the texts: en, zh, or the pseudo-locale en-XA that shows untranslated text "
            "(default: en; the window: the last game's)",
        ),
    )
    p.add_argument(
        "--selftest",
        action="store_true",
        help=t(
            lang,
            "check this copy of the game (scenarios, rulebook, translations, an AI game, the window "
            "offscreen) and exit: 0 if all passed (the same as the selftest command)",
        ),
    )
    sub = p.add_subparsers(
        dest="command",
        metavar="COMMAND",
        # argparse only calls parser_class(**kwargs): a partial that fixes lang serves as the class
        parser_class=cast("type[Parser]", functools.partial(Parser, lang=lang)),
    )

    sp = sub.add_parser("play", help=t(lang, "open the game window (the same as no command)"))
    sp.add_argument("--scenario", type=Path, default=None, help=t(lang, "scenario file to open"))

    sp = sub.add_parser(
        "validate", help=t(lang, "check scenario files; prints file:line:col: severity: message")
    )
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.add_argument(
        "--format", choices=("text", "json"), default="text", help=t(lang, "output format (default: text)")
    )
    sp.add_argument(
        "--no-lint",
        action="store_true",
        help=t(lang, "skip the lint that plays each valid scenario's numbers"),
    )

    sp = sub.add_parser("schema", help=t(lang, "print the scenario JSON Schema"))
    sp.add_argument(
        "--agent",
        action="store_true",
        help=t(lang, "print the agent protocol's JSON Schema instead (both directions, docs/agents.md)"),
    )

    sp = sub.add_parser(
        "selftest", help=t(lang, "check this copy of the game works (a build, an install); exit 0 if so")
    )
    sp.add_argument("--no-window", action="store_true", help=t(lang, "skip opening the window offscreen"))

    sp = sub.add_parser("simulate", help=t(lang, "play whole games headless, or play one at the terminal"))
    sp.add_argument(
        "--scenario", type=Path, default=None, help=t(lang, "scenario file (default: Geneva 2025)")
    )
    sp.add_argument(
        "--seat",
        action="append",
        default=[],
        metavar="SIDE=SEAT",
        help=t(
            lang,
            "who plays the scenario's side SIDE (repeat for each side; default ai): human, script, "
            "ai[:STYLE[:LEVEL]] or cmd:PROGRAM [ARGS]",
        ),
    )
    sp.add_argument(
        "--us", default=None, metavar="SEAT", help=t(lang, "the same as --seat us=SEAT (where a side is us)")
    )
    sp.add_argument(
        "--china",
        default=None,
        metavar="SEAT",
        help=t(lang, "the same as --seat china=SEAT (where a side is china)"),
    )
    sp.add_argument(
        "--agent-timeout",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help=t(
            lang,
            "a seat cmd:PROGRAM [ARGS] is a program speaking the agent protocol (docs/agents.md): "
            "seconds it has for each answer (default 5)",
        ),
    )
    sp.add_argument("--seed", type=int, default=0, help=t(lang, "random seed of the first game (default 0)"))
    sp.add_argument(
        "--games", type=int, default=1, metavar="K", help=t(lang, "number of games (seeds seed..seed+K-1)")
    )
    sp.add_argument("--json", action="store_true", help=t(lang, "one JSON object per game per line"))
    sp.add_argument(
        "--save", type=Path, default=None, metavar="FILE", help=t(lang, "save the (last) game to FILE")
    )

    sp = sub.add_parser(
        "replay", help=t(lang, "replay a saved game and check its final state (exit 1 on a mismatch)")
    )
    sp.add_argument("file", type=Path, metavar="FILE", help=t(lang, "a save file"))
    sp.add_argument(
        "--step", action="store_true", help=t(lang, "print the game turn by turn: moves, offers, meters")
    )
    sp.add_argument(
        "--scenario",
        type=Path,
        default=None,
        help=t(lang, "replay with this scenario file, not the saved copy"),
    )
    sp.add_argument(
        "--reveal-secrets",
        action="store_true",
        help=t(
            lang,
            "with --step, print an unfinished hot-seat game anyway (both sides' orders, statements "
            "and political capital); without it such a game is refused, or asked about on a terminal",
        ),
    )

    sp = sub.add_parser(
        "forecast", help=t(lang, "play a scenario's scripted events to a date and print the outlook")
    )
    sp.add_argument("--scenario", type=Path, required=True)
    g = sp.add_mutually_exclusive_group(required=True)
    g.add_argument("--date", help=t(lang, "YYYY-MM-DD"))
    g.add_argument("--turn", type=int)
    sp.add_argument("--json", action="store_true")

    sp = sub.add_parser(
        "tournament", help=t(lang, "every AI style and level against the others, on both sides")
    )
    sp.add_argument(
        "--scenario", type=Path, default=None, help=t(lang, "scenario file (default: Geneva 2025)")
    )
    sp.add_argument(
        "--games",
        "--seeds",
        type=int,
        default=None,
        metavar="N",
        help=t(lang, "games per pairing: seeds S..S+N-1 (default 1; 40 with --criteria)"),
    )
    sp.add_argument("--seed", type=int, default=0, metavar="S", help=t(lang, "first seed (default 0)"))
    sp.add_argument(
        "--json",
        nargs="?",
        const=True,
        default=False,
        metavar="FILE",
        help=t(lang, "print the results as JSON (with FILE: write them there and print the table)"),
    )
    sp.add_argument(
        "--criteria",
        action="store_true",
        help=t(
            lang,
            "measure issue 13's done-when criteria instead (ladder, probes, variety, balance, latency; "
            "pragmatist unless --styles) and print pass or fail",
        ),
    )
    sp.add_argument(
        "--markdown",
        type=Path,
        default=None,
        metavar="FILE",
        help=t(lang, "with --criteria: also write the tables as Markdown for docs/ai.md"),
    )
    sp.add_argument(
        "--reference",
        default=None,
        metavar="STYLE:LEVEL",
        help=t(lang, "with --criteria: the duplicate boards' fixed opponent (default: the highest level)"),
    )
    sp.add_argument(
        "--no-latency",
        action="store_true",
        help=t(lang, "with --criteria: skip the decision-time benchmark"),
    )
    sp.add_argument(
        "--probes",
        nargs="?",
        const="",
        default=None,
        metavar="NAMES",
        help=t(
            lang,
            "play the probe suite instead: scripted note-less strategies (comma-separated, default: "
            "all) against every chosen style and level, on both sides, each compared with the AI's "
            "own score in that seat against itself",
        ),
    )
    sp.add_argument("--styles", default=None, help=t(lang, "comma-separated styles (default: all)"))
    sp.add_argument("--levels", default=None, help=t(lang, "comma-separated levels (default: all)"))
    sp.add_argument("--jobs", type=int, default=None, help=t(lang, "worker processes (default: up to 2)"))
    sp.add_argument(
        "--agent",
        action="append",
        default=[],
        metavar="cmd:PROGRAM",
        help=t(lang, "also enter a program seat cmd:PROGRAM [ARGS] (the agent protocol; repeatable)"),
    )
    sp.add_argument(
        "--agent-timeout",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help=t(lang, "seconds a program seat has for each answer (default 5)"),
    )
    return p

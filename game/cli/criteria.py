"""``tariff-talks tournament --criteria``: issue 13's "Done when", measured and judged.

The games and the verdicts are :func:`game.ai.criteria.run_criteria`'s; this module reads
the flags, prints the table, and writes the JSON file and the Markdown fragment for
``docs/ai.md`` (which repeats the command that made it).
"""

from __future__ import annotations

import argparse
import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.common import EXIT_OK, UsageError, progress_bar
from game.cli.tournament import cannot_write
from game.i18n import t

if TYPE_CHECKING:
    from game.scenario.models import Scenario


def criteria_command(
    args: argparse.Namespace,
    scenario: Scenario,
    styles: list[str],
    levels: list[str],
    probes: list[str] | None,
    seeds: int,
    jobs: int | None,
) -> int:
    """Play the criteria's games, print the verdicts and tables; exit 0 whether or not they
    pass (the table says), 1 if a file cannot be written."""
    from game.ai.criteria import format_criteria, run_criteria

    lang = args.lang or "en"
    reference = args.reference
    if reference is not None:
        from game.ai import LEVELS, STYLES

        style, _, level = reference.partition(":")
        if style not in STYLES or level not in LEVELS:
            raise UsageError(
                t(
                    lang,
                    "--reference: {spec!r} is not an AI: use STYLE:LEVEL ({styles}; {levels})",
                    spec=reference,
                    styles=", ".join(STYLES),
                    levels=", ".join(LEVELS),
                )
            )
    summary = run_criteria(
        scenario,
        seeds,
        int(args.seed),
        styles=styles,
        levels=levels,
        reference=reference,
        probes=probes,
        jobs=jobs,
        latency=not args.no_latency,
        progress=progress_bar,
    )
    command = command_line(args, seeds)
    summary["command"] = command
    json_out = args.json if isinstance(args.json, str) else None
    try:
        if json_out:
            Path(json_out).write_text(
                json.dumps(summary, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
            )
        if args.markdown:
            Path(args.markdown).write_text(format_criteria(summary, markdown=True, command=command) + "\n")
    except OSError as err:
        return cannot_write(err, lang)
    if args.json is True:
        print(json.dumps(summary, sort_keys=True, ensure_ascii=False))
    else:
        print(format_criteria(summary))
    return EXIT_OK


def command_line(args: argparse.Namespace, seeds: int) -> str:
    """The command that reproduces this run (files and progress aside), for the fragment."""
    parts = ["tariff-talks", "tournament", "--criteria"]
    if args.scenario is not None:
        parts += ["--scenario", str(args.scenario)]
    parts += ["--seeds", str(seeds)]
    if int(args.seed):
        parts += ["--seed", str(args.seed)]
    for flag, value in (
        ("--styles", args.styles),
        ("--levels", args.levels),
        ("--reference", args.reference),
    ):
        if value is not None:
            parts += [flag, value]
    if args.probes is not None:
        parts += ["--probes", args.probes] if args.probes else ["--probes"]
    if args.jobs is not None:
        parts += ["--jobs", str(args.jobs)]
    if args.no_latency:
        parts.append("--no-latency")
    return shlex.join(parts)

"""``tariff-talks tournament``: every AI style and level against the others, and its report.

The tournament itself is :func:`game.ai.tournament.run_tournament`; this module reads the
flags and prints the tables.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.cli.common import EXIT_OK, EXIT_PROBLEM, UsageError, load_scenario_or_report, progress_bar
from game.i18n import t

if TYPE_CHECKING:
    from game.scenario.models import Scenario


def tournament_command(args: argparse.Namespace) -> int:
    """``tariff-talks tournament``: exit 0, 1 if the scenario is broken, 2 on a usage error."""
    from game.ai import LEVELS, STYLES
    from game.ai.tournament import run_tournament

    lang = args.lang or "en"
    criteria = getattr(args, "criteria", False)
    if args.games is None:
        from game.ai.criteria import DEFAULT_SEEDS

        args.games = DEFAULT_SEEDS if criteria else 1
    games = int(args.games)
    if games < 1:
        raise UsageError(t(lang, "--games must be at least 1"))
    jobs = args.jobs
    if jobs is not None and jobs < 1:
        raise UsageError(t(lang, "--jobs must be at least 1"))
    styles = _choices(args.styles, list(STYLES), "--styles", lang)
    levels = _choices(args.levels, list(LEVELS), "--levels", lang)
    probes = None
    if args.probes is not None:
        from game.ai.probes import PROBES

        probes = list(PROBES) if args.probes == "" else _choices(args.probes, list(PROBES), "--probes", lang)
    if not criteria and (
        getattr(args, "markdown", None)
        or getattr(args, "reference", None)
        or getattr(args, "no_latency", False)
    ):
        raise UsageError(t(lang, "--markdown, --reference and --no-latency go with --criteria"))
    scenario = load_scenario_or_report(args.scenario)
    if scenario is None:
        return EXIT_PROBLEM
    if criteria:
        from game.ai.criteria import DEFAULT_STYLES
        from game.cli.criteria import criteria_command

        picked = list(DEFAULT_STYLES) if args.styles is None else styles
        return criteria_command(args, scenario, picked, levels, probes, games, jobs)
    if probes is not None:
        return _probes_command(args, scenario, probes, styles, levels, games, jobs)
    if getattr(args, "agent", None):
        return _agents_command(args, scenario, styles, levels, games, jobs)
    summary = run_tournament(
        scenario,
        games,
        int(args.seed),
        styles=styles,
        levels=levels,
        jobs=jobs,
        progress=progress_bar,
    )
    return _report(summary, args.json, lambda: format_report(summary, scenario.side_ids))


def _probes_command(
    args: argparse.Namespace,
    scenario: Scenario,
    probes: list[str],
    styles: list[str],
    levels: list[str],
    seeds: int,
    jobs: int | None,
) -> int:
    """``tariff-talks tournament --probes``: the probe suite (game.ai.probes) and its table."""
    from game.ai.probes import format_probes, run_probes

    summary = run_probes(
        scenario,
        seeds,
        int(args.seed),
        probes=probes,
        styles=styles,
        levels=levels,
        jobs=jobs,
        progress=progress_bar,
    )
    return _report(summary, args.json, lambda: format_probes(summary))


def _agents_command(
    args: argparse.Namespace,
    scenario: Scenario,
    styles: list[str],
    levels: list[str],
    games: int,
    jobs: int | None,
) -> int:
    """``--agent cmd:…``: the programs against the chosen AIs (and each other), both sides
    (game.agents.tournament), instead of the AI round robin."""
    from game.agents import DEFAULT_TIMEOUT_S, AgentSpecError, parse_agent_spec
    from game.agents.tournament import format_cells, run_agent_cells

    lang = args.lang or "en"
    for spec in args.agent:
        try:
            parse_agent_spec(spec, lang)
        except AgentSpecError as err:
            raise UsageError(str(err)) from None
    summary = run_agent_cells(
        scenario,
        list(args.agent),
        [f"{s}:{lv}" for s in styles for lv in levels],
        games,
        int(args.seed),
        timeout=args.agent_timeout or DEFAULT_TIMEOUT_S,
        jobs=jobs,
        progress=progress_bar,
    )
    return _report(summary, args.json, lambda: format_cells(summary))


def _report(summary: dict[str, Any], as_json: bool | str, table: Callable[[], str]) -> int:
    """Print a tournament's summary: one JSON line, or its table for people (``--json FILE``:
    the table, and the JSON into FILE)."""
    if isinstance(as_json, str):
        try:
            Path(as_json).write_text(json.dumps(summary, sort_keys=True, ensure_ascii=False) + "\n")
        except OSError as err:
            return cannot_write(err)
    print(json.dumps(summary, sort_keys=True, ensure_ascii=False) if as_json is True else table())
    return EXIT_OK


def cannot_write(err: OSError, lang: str | None = None) -> int:
    """A file the command was asked to write could not be: say which and why (stderr), exit 1."""
    print(t(lang, "cannot write {path}: {error}", path=err.filename, error=err.strerror), file=sys.stderr)
    return EXIT_PROBLEM


def _choices(raw: str | None, allowed: list[str], flag: str, lang: str = "en") -> list[str]:
    if raw is None:
        return allowed
    picked = [x.strip() for x in raw.split(",") if x.strip()]
    bad = [x for x in picked if x not in allowed]
    if bad or not picked:
        raise UsageError(
            t(
                lang,
                "{flag}: unknown {names}: choose from {allowed}",
                flag=flag,
                names=", ".join(bad) or repr(raw),
                allowed=", ".join(allowed),
            )
        )
    return list(dict.fromkeys(picked))


def format_report(summary: dict, sides: Sequence[str]) -> str:
    """The tournament's tables as text (English: a report for the AI's developers, like the lint's)."""
    lines = [
        f"Tournament on {summary['scenario']}: {len(summary['entrants'])} entrants, "
        f"{summary['games_per_pairing']} game(s) per pairing and side order, seed {summary['seed']}",
        "",
        f"{'entrant':<22} {'games':>5} {'mean':>6} "
        + " ".join(f"{s:>6}" for s in sides)
        + f" {'win%':>6} {'deal%':>6}",
    ]
    for row in summary["table"]:
        lines.append(
            f"{row['entrant']:<22} {row['games']:>5} {row['mean_score']:>6.1f} "
            + " ".join(f"{row[f'mean_{s}']:>6.1f}" for s in sides)
            + f" {100 * row['win_rate']:>5.0f}% {100 * row['agreement_rate']:>5.0f}%"
        )
    lines += [
        "",
        "Levels, duplicate boards: share of boards (side, opponent, seed) where the higher level",
        "of a style scores more than its level below against the same opponent (ties half), per side",
    ]
    for r in summary["levels"]:
        cells = "  ".join(
            f"{s} {100 * r[s]['share']:3.0f}% ({r[s]['wins']}-{r[s]['ties']}-{r[s]['losses']}, {r[s]['mean_diff']:+.1f})"
            for s in sides
        )
        lines.append(f"  {r['style']:<13} {r['higher']:>6} > {r['lower']:<6} {cells}")
    if summary["head_to_head"]:
        lines += [
            "",
            "Levels head to head: each style at a level against each style at the level below, "
            "sides swapped, same seed;",
            "a pair of games is won on the mean score over the pair (ties half)",
        ]
        for r in summary["head_to_head"]:
            p = r["pairs"]
            per_style = "  ".join(f"{st} {100 * v['share']:.0f}%" for st, v in r["by_style"].items())
            n = p["wins"] + p["ties"] + p["losses"]
            lines.append(
                f"  {r['higher']:>6} > {r['lower']:<6} {100 * p['share']:3.0f}% of {n} pairs "
                f"({p['wins']}-{p['ties']}-{p['losses']}, {p['mean_diff']:+.1f})   by style: {per_style}"
            )
    if summary["styles_at_top"]:
        lines += ["", "Top level: pragmatist against each style (paired games, ties half)"]
        for r in summary["styles_at_top"]:
            lines.append(
                f"  {r['pragmatist']} vs {r['against']:<22} {100 * r['share']:3.0f}% "
                f"({r['wins']}-{r['ties']}-{r['losses']}), mean {r['mean_diff']:+.1f} points"
            )
    bal = summary["balance"]["overall"]
    lines += [
        "",
        f"Balance (same AI both sides): {sides[0]} {bal[sides[0]]:.1f}, {sides[1]} {bal[sides[1]]:.1f}, "
        f"gap {bal['gap']:+.1f} points",
        "Outcomes: " + ", ".join(f"{k} {v}" for k, v in summary["outcomes"].items()),
        f"Slowest decision: {summary['max_decision_ms']:.0f} ms",
    ]
    return "\n".join(lines)

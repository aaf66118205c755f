"""``tariff-talks``: the window with no arguments; headless subcommands otherwise.

Exit codes: 0 ok, 1 a problem found (a broken scenario, a failed check), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from game.resources import default_scenario_path

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A wrong flag or value: exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="tariff-talks",
        description="Tariff Talks — negotiate the 2025 US–China tariff war. "
        "With no command, opens the game window on the default scenario.",
    )
    p.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the texts (default: en)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sp = sub.add_parser("play", help="open the game window (the same as no command)")
    sp.add_argument("--scenario", type=Path, default=None, help="scenario file to open")

    sp = sub.add_parser("validate", help="check scenario files; prints file:line:col: severity: message")
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    sp.add_argument(
        "--no-lint", action="store_true", help="skip the lint that plays each valid scenario's numbers"
    )

    sub.add_parser("schema", help="print the scenario JSON Schema")

    sp = sub.add_parser("simulate", help="play whole games headless, or play one at the terminal")
    sp.add_argument("--scenario", type=Path, default=None, help="scenario file (default: Geneva 2025)")
    sp.add_argument(
        "--us",
        default="ai",
        metavar="SEAT",
        help="seat of the first side: human, script or ai[:STYLE[:LEVEL]]",
    )
    sp.add_argument("--china", default="ai", metavar="SEAT", help="seat of the second side")
    sp.add_argument("--seed", type=int, default=0, help="random seed of the first game (default 0)")
    sp.add_argument(
        "--games", type=int, default=1, metavar="K", help="number of games (seeds seed..seed+K-1)"
    )
    sp.add_argument("--json", action="store_true", help="one JSON object per game per line")
    sp.add_argument("--save", type=Path, default=None, metavar="FILE", help="save the (last) game to FILE")

    sp = sub.add_parser("replay", help="replay a saved game and check its final state (exit 1 on a mismatch)")
    sp.add_argument("file", type=Path, metavar="FILE", help="a save file")
    sp.add_argument("--step", action="store_true", help="print the game turn by turn: moves, offers, meters")
    sp.add_argument(
        "--scenario", type=Path, default=None, help="replay with this scenario file, not the saved copy"
    )
    sp.add_argument(
        "--reveal-secrets",
        action="store_true",
        help="with --step, print an unfinished hot-seat game anyway (both sides' orders, statements "
        "and political capital); without it such a game is refused, or asked about on a terminal",
    )

    sp = sub.add_parser("forecast", help="play a scenario's scripted events to a date and print the outlook")
    sp.add_argument("--scenario", type=Path, required=True)
    g = sp.add_mutually_exclusive_group(required=True)
    g.add_argument("--date", help="YYYY-MM-DD")
    g.add_argument("--turn", type=int)
    sp.add_argument("--json", action="store_true")

    sp = sub.add_parser("tournament", help="every AI style and level against the others, on both sides")
    sp.add_argument("--scenario", type=Path, default=None, help="scenario file (default: Geneva 2025)")
    sp.add_argument("--games", type=int, default=1, metavar="N", help="games per pairing: seeds S..S+N-1")
    sp.add_argument("--seed", type=int, default=0, metavar="S", help="first seed (default 0)")
    sp.add_argument("--json", action="store_true", help="print the results as JSON")
    sp.add_argument("--styles", default=None, help="comma-separated styles (default: all)")
    sp.add_argument("--levels", default=None, help="comma-separated levels (default: all)")
    sp.add_argument("--jobs", type=int, default=None, help="worker processes (default: up to 2)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
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
        print(f"tariff-talks: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    cmd = args.command
    lang = args.lang or "en"
    if cmd in (None, "play"):
        return _open_window(getattr(args, "scenario", None), args.lang)  # None: the last game's
    if cmd == "validate":
        from game.scenario.validate import run_validate

        extra = None
        if not args.no_lint:
            from game.lint import lint_file

            extra = lint_file
        return run_validate(list(args.files), args.format, extra=extra)
    if cmd == "schema":
        from game.scenario.schema import scenario_json_schema

        print(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    if cmd == "simulate":
        return _simulate(args, lang)
    if cmd == "replay":
        from game.saves.replay import run_replay

        return run_replay(
            args.file, step=args.step, scenario_path=args.scenario, reveal_secrets=args.reveal_secrets
        )
    if cmd == "forecast":
        return _forecast(args)
    if cmd == "tournament":
        from game.ai.tournament import tournament_command

        return tournament_command(args)
    raise UsageError(f"unknown command {cmd!r}")


def _no_display() -> bool:
    """On Linux, Qt aborts the process when there is no screen to open a window on."""
    import os

    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _open_window(scenario: Path | None, lang: str | None) -> int:
    if _no_display():
        print(
            "tariff-talks: no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set).\nRun it from a desktop session, or play at the terminal:\n"
            "  tariff-talks simulate --us human --china ai",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    try:
        from game.ui.app import run_app
    except ImportError as err:
        print(
            "The game window is not available here "
            f"({err}).\nPlay at the terminal instead:\n"
            "  tariff-talks simulate --us human --china ai\n"
            "or see `tariff-talks --help`.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    return run_app(scenario, lang)


def load_scenario_or_report(path: Path | None, err: TextIO | None = None):
    """Load a scenario; on a problem print located messages and return None."""
    from game.scenario.diagnostics import ScenarioError
    from game.scenario.loader import load_scenario

    path = path or default_scenario_path()
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=err or sys.stderr)
        return None


def parse_seat(spec: str, lang: str):
    from game.ai import make_ai, parse_ai_spec

    if spec == "human":
        from game.terminal import TerminalSeat

        return TerminalSeat(lang=lang)
    if spec == "script":
        from game.session import ScriptSeat

        return ScriptSeat()
    try:
        style, level = parse_ai_spec(spec)
    except ValueError as err:
        raise UsageError(str(err)) from None
    return make_ai(style, level)


def game_summary(session) -> dict:
    """The JSON summary of a finished (or stopped) game."""
    game = session.game
    st = game.state
    sides = game.scenario.side_ids
    return {
        "seed": game.seed,
        "turns": st.turn,
        "outcome": game.outcome().id,
        "end_reason": st.end_reason,
        "scores": {s: round(game.score(s).total, 3) for s in sides},
        "meters": {**{s: st.meters[s] for s in sides}, "world": st.shared},
        "agreements": sum(1 for a in st.agreements),
        "actions": len(game.actions),
        "seats": {s: session.seats[s].label for s in sides},
        "state_hash": game.state_hash(),
    }


def _simulate(args: argparse.Namespace, lang: str) -> int:
    from game.session import Session
    from game.terminal import QuitGame

    if args.games < 1:
        raise UsageError("--games must be at least 1")
    scenario = load_scenario_or_report(args.scenario)
    if scenario is None:
        return EXIT_PROBLEM
    a, b = scenario.side_ids
    specs = {a: args.us, b: args.china}
    humans = [s for s, spec in specs.items() if spec == "human"]
    if humans and args.games > 1:
        raise UsageError("a human seat plays one game at a time: drop --games")
    if humans and not sys.stdin.isatty() and args.json:
        raise UsageError("--json is for AI-only games")
    progress = args.games > 1 and not humans
    session = None
    for k in range(args.games):
        seats = {s: parse_seat(spec, lang) for s, spec in specs.items()}
        session = Session.new(scenario, seats, seed=args.seed + k)
        try:
            session.play_to_end()
        except QuitGame:
            print("\nYou left the table; the game was not finished.", file=sys.stderr)
            return EXIT_OK
        summary = game_summary(session)
        if args.json:
            print(json.dumps(summary, sort_keys=True, ensure_ascii=False), flush=True)
        elif not humans:
            _print_summary(summary)
        if humans:
            _print_debrief(session, lang)
        if progress:
            _progress(k + 1, args.games)
    if args.save is not None and session is not None:
        from game.saves import SaveError, save_game

        seats = {s: session.seats[s].label for s in session.scenario.side_ids}
        try:
            save_game(
                args.save, session.game, seats=seats, scenario_path=args.scenario or default_scenario_path()
            )
        except SaveError as err:
            print(f"tariff-talks: {err}", file=sys.stderr)
            return EXIT_PROBLEM
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / total)
    end = "\n" if done == total else ""
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} games{end}")
    sys.stderr.flush()


def _print_summary(s: dict) -> None:
    scores = ", ".join(f"{k} {v:.1f}" for k, v in s["scores"].items())
    print(f"seed {s['seed']}: {s['outcome']} after {s['turns']} turns ({s['end_reason']}); scores {scores}")


def _print_debrief(session, lang: str) -> None:
    from game.scenario.models import tr

    game = session.game
    tier = game.outcome()
    print("=" * 72)
    print(f"Outcome: {tr(tier.name, lang)} — {game.state.end_reason}")
    for s in game.scenario.side_ids:
        sc = game.score(s)
        print(f"{s}: score {sc.total:.1f} (walk-away {sc.walk_away:g})")
        for item in sc.items:
            print(
                f"   {item.id:<18} value {item.value:>9.2f}  credit {item.credit * 100:5.0f}%  +{item.points:.1f}"
            )
        rl = game.scenario.briefings[s].red_lines
        if rl:
            print("   red lines: " + "; ".join(tr(r.text, lang) for r in rl))
    print("=" * 72)


def _forecast(args: argparse.Namespace) -> int:
    import datetime as dt

    from game.forecast import forecast

    scenario = load_scenario_or_report(args.scenario)
    if scenario is None:
        return EXIT_PROBLEM
    date = None
    if args.date is not None:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r} is not a date: use YYYY-MM-DD") from None
    try:
        result = forecast(scenario, date=date, turn=args.turn)
    except ValueError as err:
        raise UsageError(str(err)) from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"Forecast for {result['date']} (turn {result['turn']}):")
        print(f"  world growth {result['world']['growth_pct']:.2f}%")
        for region in ("us", "china"):
            r = result[region]
            print(
                f"  {region:<6} growth {r['growth_pct']:.2f}%  recession {r['recession_prob_pct']:.1f}%  "
                f"inflation {r['inflation_pct']:.2f}%"
            )
    return EXIT_OK

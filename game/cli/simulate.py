"""``tariff-talks simulate``: play whole games headless (AI or scripted seats), or one at the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from game.cli.common import EXIT_OK, EXIT_PROBLEM, UsageError, load_scenario_or_report, progress_bar
from game.i18n import pt, t
from game.resources import default_scenario_path


def parse_seat(spec: str, lang: str, agent_timeout: float | None = None) -> Any:
    """A seat from its command-line spec: ``human``, ``script``, ``ai[:STYLE[:LEVEL]]`` or
    ``cmd:PROGRAM [ARGS]`` (a program, game.agents; ``agent_timeout``: seconds per answer)."""
    from game.ai import make_ai, parse_ai_spec

    if spec.startswith("cmd:"):
        from game.agents import DEFAULT_TIMEOUT_S, AgentSeat, AgentSpecError

        try:
            return AgentSeat(spec, timeout=agent_timeout or DEFAULT_TIMEOUT_S, lang=lang)
        except AgentSpecError as err:
            raise UsageError(str(err)) from None
    if spec.startswith("probe:"):
        from game.ai.probes import make_probe, parse_probe_spec

        try:
            return make_probe(parse_probe_spec(spec))  # a scripted note-less strategy (docs/ai.md)
        except ValueError as err:
            raise UsageError(str(err)) from None
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


def game_summary(session: Any) -> dict[str, Any]:
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


def seat_specs(
    sides: Sequence[str], seats: Sequence[str], shorthands: dict[str, str | None], lang: str
) -> dict[str, str]:
    """Each side's seat from ``--seat SIDE=SEAT`` (repeatable) and the ``--us``/``--china``
    shorthands (``--seat us=…``, for scenarios with such a side); ``ai`` where none is given.
    A malformed option, a side the scenario does not have or a side given twice is a usage
    error naming the scenario's sides."""
    names = ", ".join(sides)
    given: dict[str, str] = {}

    def put(side: str, spec: str, option: str) -> None:
        if side not in sides:
            raise UsageError(
                t(
                    lang,
                    "{option}: this scenario has no side {side!r} (its sides: {sides})",
                    option=option,
                    side=side,
                    sides=names,
                )
            )
        if side in given:
            raise UsageError(t(lang, "the seat of {side!r} is given twice", side=side))
        given[side] = spec

    for item in seats:
        side, sep, spec = item.partition("=")
        if not sep or not side.strip() or not spec.strip():
            raise UsageError(
                t(
                    lang,
                    "--seat {item!r}: write SIDE=SEAT, e.g. --seat {side}=human (sides: {sides})",
                    item=item,
                    side=sides[0],
                    sides=names,
                )
            )
        put(side.strip(), spec.strip(), f"--seat {item}")
    for name, short in shorthands.items():
        if short is not None:
            put(name, short, f"--{name}")
    return {s: given.get(s, "ai") for s in sides}


def simulate_command(args: argparse.Namespace) -> int:
    from game.session import Session
    from game.terminal import QuitGame

    lang = args.lang or "en"
    if args.games < 1:
        raise UsageError(t(lang, "--games must be at least 1"))
    scenario = load_scenario_or_report(args.scenario)
    if scenario is None:
        return EXIT_PROBLEM
    specs = seat_specs(scenario.side_ids, args.seat, {"us": args.us, "china": args.china}, lang)
    humans = [s for s, spec in specs.items() if spec == "human"]
    if humans and args.games > 1:
        raise UsageError(t(lang, "a human seat plays one game at a time: drop --games"))
    if humans and not sys.stdin.isatty() and args.json:
        raise UsageError(t(lang, "--json is for AI-only games"))
    progress = args.games > 1 and not humans
    session = None
    for k in range(args.games):
        seats = {s: parse_seat(spec, lang, getattr(args, "agent_timeout", None)) for s, spec in specs.items()}
        session = Session.new(scenario, seats, seed=args.seed + k)
        try:
            session.play_to_end()
        except QuitGame:
            print("\n" + t(lang, "You left the table; the game was not finished."), file=sys.stderr)
            return EXIT_OK
        finally:
            agents = _report_agents(session, lang)
        summary = game_summary(session)
        if agents:
            summary["agents"] = agents
        if args.json:
            print(json.dumps(summary, sort_keys=True, ensure_ascii=False), flush=True)
        elif not humans:
            _print_summary(summary, lang)
        if humans:
            _print_debrief(session, lang)
        if progress:
            progress_bar(k + 1, args.games, lang=lang)
    if args.save is not None and session is not None:
        from game.saves import SaveError, save_game

        labels = {s: session.seats[s].label for s in session.scenario.side_ids}
        try:
            save_game(
                args.save, session.game, seats=labels, scenario_path=args.scenario or default_scenario_path()
            )
        except SaveError as err:
            print(f"tariff-talks: {err}", file=sys.stderr)
            return EXIT_PROBLEM
    return EXIT_OK


def _report_agents(session: Any, lang: str) -> dict[str, Any]:
    """Stop the program seats (game.agents) and print what each did wrong on stderr; their
    reports by side (none: no program seat)."""
    from game.agents import AgentSeat, incident_text

    out = {}
    for side, seat in session.seats.items():
        if isinstance(seat, AgentSeat):
            seat.close()
            out[side] = seat.report()
            for i in seat.incidents:
                print(f"tariff-talks: {side} ({seat.label}): {incident_text(i, lang)}", file=sys.stderr)
            if seat.incidents and seat.stderr_text:
                print(t(lang, "its stderr ends:") + "\n" + seat.stderr_text[-2000:], file=sys.stderr)
    return out


def _print_summary(s: dict[str, Any], lang: str = "en") -> None:
    scores = ", ".join(f"{k} {v:.1f}" for k, v in s["scores"].items())
    print(
        t(
            lang,
            "seed {seed}: {outcome} after {turns} turns ({reason}); scores {scores}",
            seed=s["seed"],
            outcome=s["outcome"],
            turns=s["turns"],
            reason=s["end_reason"],  # ids, like the outcome: the line is also read by scripts
            scores=scores,
        )
    )


def _print_debrief(session: Any, lang: str) -> None:
    from game.engine.hidden_types import briefing as drawn_briefing
    from game.engine.hidden_types import public_prior
    from game.hidden_text import reveal_rows
    from game.scenario.models import tr
    from game.text import end_reason_label, side_name

    game = session.game
    tier = game.outcome()
    print("=" * 72)
    reason = end_reason_label(game.state.end_reason, lang)
    print(t(lang, "Outcome: {outcome} — {reason}", outcome=tr(tier.name, lang), reason=reason))
    for s in game.scenario.side_ids:
        sc = game.score(s)
        print(
            t(
                lang,
                "{side}: score {score} (walk-away {walk_away})",
                side=side_name(game.scenario, s, lang),
                score=f"{sc.total:.1f}",
                walk_away=f"{sc.walk_away:g}",
            )
        )
        if sc.outside_option:  # rule 6.3
            print(
                "   "
                + t(
                    lang,
                    "walked out: scores its walk-away value (its objectives gave {points})",
                    points=f"{sc.by_objectives:.1f}",
                )
            )
        objectives = {o.id: tr(o.text, lang) for o in drawn_briefing(game.scenario, game.state, s).objectives}
        for item in sc.items:
            print("   " + objectives.get(item.id, item.id))
            line = t(
                lang,
                "value {value}  credit {credit}%  +{points}",
                value=f"{item.value:>9.2f}",
                credit=f"{item.credit * 100:5.0f}",
                points=f"{item.points:.1f}",
            )
            print(f"      {line}")
        rl = drawn_briefing(game.scenario, game.state, s).red_lines
        if rl:
            lines = pt(lang, "list", "; ").join(tr(r.text, lang) for r in rl)
            print("   " + t(lang, "red lines: {lines}", lines=lines))
        prior = public_prior(game.scenario, s)
        if prior is not None:  # rule 7.3: the draw revealed, and where it fell in the prior
            print("   " + t(lang, "hidden type (drawn this game):"))
            for row in reveal_rows(game.scenario, prior, drawn_briefing(game.scenario, game.state, s), lang):
                print(
                    "      "
                    + t(
                        lang,
                        "{quantity}: {drawn} — {prior}, {where}",
                        quantity=row.what,
                        drawn=row.drawn,
                        prior=row.prior,
                        where=row.where,
                    )
                )
    print("=" * 72)

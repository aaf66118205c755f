"""``tariff-talks replay FILE [--step]``: replay a save and check it (the command and its printing;
the replay itself is :func:`game.saves.checkpoints.replay_checked`).

The actions are replayed with the scenario copy inside the save (or with
``--scenario FILE``), and the state hash is compared at every checkpoint (the
start and each turn's end) and at the end. Exit 0 if everything matches; 1 if
the file cannot be read, an action does not replay, or a hash differs — saying
in which turn the replay diverged. ``--step`` prints the game turn by turn:
the orders (moves and statements), the offers and answers at the table, the
news, and the meters after each turn.

A save of a hot-seat game that is not over (two human seats) holds both
delegations' secrets, so ``--step`` does not print it: it says what it would
reveal and exits 1, unless ``reveal_secrets`` (``--reveal-secrets``) is given or,
when standard input is a terminal, the person there types ``reveal``. A finished
game, or one against the AI, replays as always.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from game.cli.common import EXIT_OK, EXIT_PROBLEM
from game.engine import (
    Accept,
    Action,
    Counter,
    EndTalks,
    Game,
    Propose,
    Reject,
    SubmitOrders,
    Term,
    WalkOut,
)
from game.i18n import nt, pt, t
from game.registry import meters as meter_registry
from game.saves.checkpoints import replay_checked
from game.saves.errors import SaveError
from game.saves.files import _scenario_from_doc, _short, decode_actions, read_document
from game.scenario.models import Scenario
from game.session import is_human_label, keeps_secrets


def _terms(scenario: Scenario, terms: tuple[Term, ...], lang: str = "en") -> str:
    from game.text import format_level, instrument_name

    parts = []
    for term in terms:
        name = instrument_name(scenario, term.instrument, lang)
        value = format_level(scenario, term.instrument, term.value, lang)  # 30%, $25bn, in force
        if term.duration_turns:
            n = term.duration_turns
            parts.append(
                nt(
                    lang,
                    "{instrument} {value} for {n} turn",
                    "{instrument} {value} for {n} turns",
                    n,
                    instrument=name,
                    value=value,
                    n=n,
                )
            )
        else:
            parts.append(t(lang, "{instrument} {value}", instrument=name, value=value))
    return pt(lang, "terms", "; ").join(parts)


def describe_action(scenario: Scenario, a: Action, lang: str = "en") -> str:
    """One line for an action, as a spectator would read it."""
    from game.text import STATEMENT_WORDS, instrument_name, side_name

    who = side_name(scenario, a.side, lang)
    if isinstance(a, SubmitOrders):
        moves = pt(lang, "list", ", ").join(
            f"{instrument_name(scenario, i, lang)} → {v:g}" for i, v in a.moves.items()
        ) or t(lang, "no moves")
        if a.statement != "none":
            statement = t(lang, STATEMENT_WORDS.get(a.statement, a.statement))
            return t(
                lang,
                "{side} orders: {moves}; {statement}",
                side=who,
                moves=moves,
                statement=statement,
            )
        return t(lang, "{side} orders: {moves}", side=who, moves=moves)
    if isinstance(a, Propose):
        return t(lang, "{side} proposes: {terms}", side=who, terms=_terms(scenario, a.terms, lang))
    if isinstance(a, Counter):
        return t(lang, "{side} counters: {terms}", side=who, terms=_terms(scenario, a.terms, lang))
    if isinstance(a, Accept):
        return t(lang, "{side} accepts", side=who)
    if isinstance(a, Reject):
        return t(lang, "{side} rejects", side=who)
    if isinstance(a, EndTalks):
        return t(lang, "{side} ends the talks for this turn", side=who)
    if isinstance(a, WalkOut):
        return t(lang, "{side} walks out", side=who)
    return f"{who} {a.type}"


def _print_turn_end(game: Game, turn: int, news_from: int, out: TextIO, lang: str = "en") -> int:
    from game.text import describe_news, meter_label, side_name

    st = game.state
    sc = game.scenario
    for item in st.news[news_from:]:
        if item.kind != "event":
            print("    " + t(lang, "news: {news}", news=describe_news(sc, item, lang)), file=out)
    rec = st.history[-1]
    for s in sc.side_ids:  # every meter of the registry (the turn's record has them all)
        ms = pt(lang, "list", ", ").join(
            f"{meter_label(m, lang)} {rec.meters[s][m]:.1f}"
            for m in meter_registry.side_meters()
            if m in rec.meters.get(s, {})
        )
        print("    " + t(lang, "{side}: {meters}", side=side_name(sc, s, lang), meters=ms), file=out)
    shared = pt(lang, "list", ", ").join(
        f"{meter_label(m, lang)} {rec.shared[m]:.1f}"
        for m in meter_registry.shared_meters()
        if m in rec.shared
    )
    print("    " + t(lang, "world: {meters}", meters=shared), file=out)
    return len(st.news)


def _print_events(game: Game, news_from: int, out: TextIO, lang: str = "en") -> int:
    from game.text import describe_news

    for item in game.state.news[news_from:]:
        if item.kind == "event":
            print("    " + t(lang, "event: {news}", news=describe_news(game.scenario, item, lang)), file=out)
    return len(game.state.news)


def human_sides(seats: Mapping[str, str]) -> list[str]:
    """The sides a save records as played by people."""
    return [s for s, label in seats.items() if is_human_label(label)]


def _played(scenario: Scenario, seed: int, actions: Sequence[Action]) -> Game | None:
    """The game after the saved actions, played quietly (None if they do not replay: the
    checked replay then reports why)."""
    game = Game(scenario, seed)
    try:
        for a in actions:
            game.play(a)
    except Exception:
        return None
    return game


def secrets_warning(
    path: Path, scenario: Scenario, seats: Mapping[str, str], turn: int, lang: str = "en"
) -> str:
    """What ``--step`` would reveal of a running hot-seat game, and how to go on."""
    from game.text import side_name

    sides = [side_name(scenario, s, lang) for s in human_sides(seats)]
    people = t(lang, "{items} and {last}", items=pt(lang, "list", ", ").join(sides[:-1]), last=sides[-1])
    return "\n".join(
        (
            "tariff-talks replay: "
            + t(
                lang,
                "{path} is a hot-seat game still in progress (turn {turn}; {people} are both played by people).",
                path=path,
                turn=turn,
                people=people,
            ),
            "  "
            + t(
                lang,
                "--step would reveal both delegations' secrets: every side's orders and statements, "
                "including this turn's not yet resolved, the offers, and each side's political capital.",
            ),
            "  " + t(lang, "Finish the game first, or, if both delegations agree, add --reveal-secrets."),
        )
    )


def _asked_to_reveal(stdin: TextIO, err: TextIO, lang: str = "en") -> bool:
    """On a terminal, ask; elsewhere (a script, CI) the answer is no."""
    try:
        interactive = bool(stdin.isatty())
    except (AttributeError, ValueError):
        interactive = False
    if not interactive:
        return False
    err.write("  " + t(lang, "Type 'reveal' to continue (anything else stops): "))
    err.flush()
    try:
        answer = stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().lower() == "reveal"


def run_replay(
    path: str | Path,
    *,
    step: bool = False,
    scenario_path: str | Path | None = None,
    reveal_secrets: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
    lang: str = "en",
) -> int:
    """Replay the save at ``path``; return the exit code (0 ok, 1 a problem).

    With ``step`` on a running hot-seat game, nothing is printed but a warning (exit 1)
    unless ``reveal_secrets``, or ``stdin`` is a terminal and its answer is ``reveal``.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    stdin = stdin or sys.stdin
    p = Path(path)
    try:
        doc, _version = read_document(p)
        if scenario_path is not None:
            from game.scenario.diagnostics import ScenarioError
            from game.scenario.loader import load_scenario

            try:
                scenario = load_scenario(scenario_path)
            except ScenarioError as exc:
                for d in exc.diagnostics[:10]:
                    print(d.format(), file=err)
                return EXIT_PROBLEM
        else:
            scenario, _text = _scenario_from_doc(doc.scenario, p, False, None, [])
        actions = decode_actions(doc, p, False)
    except SaveError as exc:
        hint = " " + t(lang, "A backup of the previous save is available.") if exc.backup_available else ""
        print(f"tariff-talks replay: {exc.path or p}: {exc.text(lang)}{hint}", file=err)
        return EXIT_PROBLEM

    if step and not reveal_secrets and len(human_sides(doc.seats)) >= 2:
        played = _played(scenario, doc.seed, actions)
        if keeps_secrets(len(human_sides(doc.seats)), played is not None and played.over):
            turn = played.state.turn if played is not None else (doc.meta.turn if doc.meta else 1)
            print(secrets_warning(p, scenario, doc.seats, turn, lang), file=err)
            if not _asked_to_reveal(stdin, err, lang):
                print("tariff-talks replay: " + t(lang, "nothing shown."), file=err)
                return EXIT_PROBLEM

    news_at = 0
    state = {"turn": 1, "news": 0}

    def on_action(i: int, a: Action, game: Game) -> None:
        nonlocal news_at
        print(f"  {i + 1:>4}. {describe_action(game.scenario, a, lang)}", file=out)
        st = game.state
        if st.turn != state["turn"] or st.phase == "over":
            resolved = state["turn"]
            print("  — " + t(lang, "turn {turn} resolves", turn=resolved) + " —", file=out)
            news_at = _print_turn_end(game, resolved, news_at, out, lang)
            if st.phase != "over":
                print(t(lang, "Turn {turn}", turn=st.turn), file=out)
                news_at = _print_events(game, news_at, out, lang)
            state["turn"] = st.turn

    if step:
        g0 = Game(scenario, doc.seed)
        print(
            t(
                lang,
                "{scenario} (version {version}), seed {seed}",
                scenario=scenario.meta.id,
                version=scenario.meta.version,
                seed=doc.seed,
            ),
            file=out,
        )
        print(t(lang, "Turn {turn}", turn=1), file=out)
        news_at = _print_events(g0, 0, out, lang)
    try:
        game, divergence = replay_checked(
            scenario, doc.seed, actions, doc.checkpoints, on_action=on_action if step else None
        )
    except BrokenPipeError:
        raise
    except Exception as exc:
        i = getattr(exc, "index", None)
        if i is not None:
            where = t(
                lang,
                "action {n} of {total} ({action})",
                n=i + 1,
                total=len(actions),
                action=f"{actions[i].side} {actions[i].type}",
            )
        else:
            where = t(lang, "an action")
        said = t(lang, "{action} does not replay: {error}", action=where, error=_short(exc))
        print(f"tariff-talks replay: {p}: {said}", file=err)
        return EXIT_PROBLEM
    final = game.state_hash()
    if step and game.over:
        from game.text import end_reason_label

        print(
            t(
                lang,
                "Game over: {reason}; outcome {outcome}",
                reason=end_reason_label(game.state.end_reason, lang),
                outcome=game.outcome().id,
            ),
            file=out,
        )
    if divergence is not None:
        print(f"tariff-talks replay: {p}: MISMATCH: {divergence.describe(lang)}", file=err)
        print("  " + t(lang, "expected {hash}", hash=divergence.expected), file=err)
        print("  " + t(lang, "replayed {hash}", hash=divergence.actual), file=err)
        return EXIT_PROBLEM
    if doc.final_state_hash is not None and final != doc.final_state_hash:
        print(
            f"tariff-talks replay: {p}: MISMATCH: "
            + t(
                lang,
                "the final state differs from the saved one (after all {n} actions; every turn checkpoint matched)",
                n=len(actions),
            ),
            file=err,
        )
        return EXIT_PROBLEM
    checked = (
        t(lang, "verified against the save")
        if doc.final_state_hash is not None
        else t(lang, "no saved hash to check (older save)")
    )
    print(
        t(
            lang,
            "replayed {actions} actions, {turns} turns ({phase}); final state {hash}… {checked} "
            "({checkpoints} checkpoints matched)",
            actions=len(actions),
            turns=game.state.turn,
            phase=game.state.phase,
            hash=final[:12],
            checked=checked,
            checkpoints=len(doc.checkpoints),
        ),
        file=out,
    )
    return EXIT_OK


def replay_command(args: argparse.Namespace) -> int:
    return run_replay(
        args.file,
        step=args.step,
        scenario_path=args.scenario,
        reveal_secrets=args.reveal_secrets,
        lang=args.lang or "en",
    )

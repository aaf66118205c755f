"""``tariff-talks replay FILE [--step]``: replay a save and check it.

The actions are replayed with the scenario copy inside the save (or with
``--scenario FILE``), and the state hash is compared at every checkpoint (the
start and each turn's end) and at the end. Exit 0 if everything matches; 1 if
the file cannot be read, an action does not replay, or a hash differs — saying
in which turn the replay diverged. ``--step`` prints the game turn by turn:
the orders (moves and statements), the offers and answers at the table, the
news, and the meters after each turn.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.engine import Accept, Action, Counter, EndTalks, Game, Propose, Reject, SubmitOrders, WalkOut
from game.saves.checkpoints import replay_checked
from game.saves.errors import SaveError
from game.saves.files import _scenario_from_doc, _short, decode_actions, read_document
from game.scenario.models import Scenario

EXIT_OK, EXIT_PROBLEM = 0, 1

_METERS = (
    "growth_pct",
    "recession_prob_pct",
    "inflation_pct",
    "exports_bn",
    "approval_pct",
    "political_capital",
)
_SHARED = ("world_growth_pct", "uncertainty_index", "trust_pct")


def _terms(scenario: Scenario, terms: tuple) -> str:  # type: ignore[type-arg]
    from game.text import instrument_name

    parts = []
    for t in terms:
        dur = f" for {t.duration_turns} turns" if t.duration_turns else ""
        parts.append(f"{instrument_name(scenario, t.instrument)} {t.value:g}{dur}")
    return "; ".join(parts)


def describe_action(scenario: Scenario, a: Action) -> str:
    """One line for an action, as a spectator would read it."""
    from game.text import instrument_name, side_name

    who = side_name(scenario, a.side)
    if isinstance(a, SubmitOrders):
        moves = ", ".join(f"{instrument_name(scenario, i)} → {v:g}" for i, v in a.moves.items()) or "no moves"
        st = f"; {a.statement} statement" if a.statement != "none" else ""
        return f"{who} orders: {moves}{st}"
    if isinstance(a, Propose):
        return f"{who} proposes: {_terms(scenario, a.terms)}"
    if isinstance(a, Counter):
        return f"{who} counters: {_terms(scenario, a.terms)}"
    if isinstance(a, Accept):
        return f"{who} accepts"
    if isinstance(a, Reject):
        return f"{who} rejects"
    if isinstance(a, EndTalks):
        return f"{who} ends the talks for this turn"
    if isinstance(a, WalkOut):
        return f"{who} walks out"
    return f"{who} {a.type}"


def _print_turn_end(game: Game, turn: int, news_from: int, out: TextIO) -> int:
    from game.text import describe_news, meter_label, side_name

    st = game.state
    sc = game.scenario
    for item in st.news[news_from:]:
        if item.kind != "event":
            print(f"    news: {describe_news(sc, item)}", file=out)
    rec = st.history[-1]
    for s in sc.side_ids:
        ms = ", ".join(
            f"{meter_label(m)} {rec.meters[s][m]:.1f}" for m in _METERS if m in rec.meters.get(s, {})
        )
        print(f"    {side_name(sc, s)}: {ms}", file=out)
    shared = ", ".join(f"{meter_label(m)} {rec.shared[m]:.1f}" for m in _SHARED if m in rec.shared)
    print(f"    world: {shared}", file=out)
    return len(st.news)


def _print_events(game: Game, news_from: int, out: TextIO) -> int:
    from game.text import describe_news

    for item in game.state.news[news_from:]:
        if item.kind == "event":
            print(f"    event: {describe_news(game.scenario, item)}", file=out)
    return len(game.state.news)


def run_replay(
    path: str | Path,
    *,
    step: bool = False,
    scenario_path: str | Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Replay the save at ``path``; return the exit code (0 ok, 1 a problem)."""
    out = out or sys.stdout
    err = err or sys.stderr
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
        print(f"tariff-talks replay: {exc}", file=err)
        return EXIT_PROBLEM

    news_at = 0
    state = {"turn": 1, "news": 0}

    def on_action(i: int, a: Action, game: Game) -> None:
        nonlocal news_at
        print(f"  {i + 1:>4}. {describe_action(game.scenario, a)}", file=out)
        st = game.state
        if st.turn != state["turn"] or st.phase == "over":
            resolved = state["turn"]
            print(f"  — turn {resolved} resolves —", file=out)
            news_at = _print_turn_end(game, resolved, news_at, out)
            if st.phase != "over":
                print(f"Turn {st.turn}", file=out)
                news_at = _print_events(game, news_at, out)
            state["turn"] = st.turn

    if step:
        g0 = Game(scenario, doc.seed)
        print(f"{scenario.meta.id} (version {scenario.meta.version}), seed {doc.seed}", file=out)
        print("Turn 1", file=out)
        news_at = _print_events(g0, 0, out)
    try:
        game, divergence = replay_checked(
            scenario, doc.seed, actions, doc.checkpoints, on_action=on_action if step else None
        )
    except BrokenPipeError:
        raise
    except Exception as exc:
        i = getattr(exc, "index", None)
        where = (
            f"action {i + 1} of {len(actions)} ({actions[i].side} {actions[i].type})"
            if i is not None
            else "an action"
        )
        print(f"tariff-talks replay: {p}: {where} does not replay: {_short(exc)}", file=err)
        return EXIT_PROBLEM
    final = game.state_hash()
    if step and game.over:
        print(f"Game over: {game.state.end_reason}; outcome {game.outcome().id}", file=out)
    if divergence is not None:
        print(f"tariff-talks replay: {p}: MISMATCH: {divergence.describe()}", file=err)
        print(f"  expected {divergence.expected}\n  replayed {divergence.actual}", file=err)
        return EXIT_PROBLEM
    if doc.final_state_hash is not None and final != doc.final_state_hash:
        print(
            f"tariff-talks replay: {p}: MISMATCH: the final state differs from the saved one "
            f"(after all {len(actions)} actions; every turn checkpoint matched)",
            file=err,
        )
        return EXIT_PROBLEM
    checked = (
        "verified against" if doc.final_state_hash is not None else "no saved hash to check (older save)"
    )
    n_cp = len(doc.checkpoints)
    print(
        f"replayed {len(actions)} actions, {game.state.turn} turns ({game.state.phase}); "
        f"final state {final[:12]}… {checked if doc.final_state_hash is None else checked + ' the save'}"
        f" ({n_cp} checkpoints matched)",
        file=out,
    )
    return EXIT_OK

"""Program seats in a tournament: each agent against each AI entrant, on both sides.

``tariff-talks tournament --agent "cmd:PROGRAM [ARGS]"`` plays these *cells* — an agent, an
opponent (an AI ``style:level``, or another agent), a side, ``games`` seeds — instead of the
AI round robin, and reports per cell the agent's mean score, the opponent's, the outcomes and
what the program did wrong (:class:`~game.agents.seat.Incident`). Deterministic for a seed
as long as the programs are.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from game.agents.seat import DEFAULT_TIMEOUT_S, AgentSeat, is_agent_spec
from game.scenario.models import Scenario


@dataclass(frozen=True)
class CellGame:
    seed: int
    seats: dict[str, str]  # side -> seat spec ("cmd:…" or "style:level")
    scores: dict[str, float]
    outcome: str
    end_reason: str | None
    turns: int
    agreements: int
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)  # side -> AgentSeat.report()


def make_seat(spec: str, timeout: float = DEFAULT_TIMEOUT_S) -> Any:
    """A seat from a tournament spec: ``cmd:…`` (a program) or ``style:level`` (an AI)."""
    if is_agent_spec(spec):
        return AgentSeat(spec, timeout=timeout)
    from game.ai import make_ai

    style, _, level = spec.partition(":")
    return make_ai(style, level or "normal")


def play_cell_game(scenario: Scenario, seed: int, first: str, second: str, timeout: float) -> CellGame:
    """One game: ``first`` on the scenario's first side, ``second`` on the other."""
    from game.session import Session

    a, b = scenario.side_ids
    seats = {a: make_seat(first, timeout), b: make_seat(second, timeout)}
    session = Session.new(scenario, seats, seed=seed)
    try:
        session.play_to_end()
    finally:
        reports = {}
        for side, seat in seats.items():
            if isinstance(seat, AgentSeat):
                seat.close()
                reports[side] = seat.report()
    g = session.game
    return CellGame(
        seed=seed,
        seats={a: first, b: second},
        scores={s: round(g.score(s).total, 3) for s in scenario.side_ids},
        outcome=g.outcome().id,
        end_reason=g.state.end_reason,
        turns=g.state.turn,
        agreements=len(g.state.agreements),
        reports=reports,
    )


def _play(job: tuple[Scenario, int, str, str, float]) -> CellGame:
    return play_cell_game(*job)


def run_agent_cells(
    scenario: Scenario,
    agents: Sequence[str],
    opponents: Sequence[str],
    games: int = 1,
    seed: int = 0,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Every agent against every opponent (AIs as ``style:level``, and the other agents) on
    both sides, ``games`` seeds each; the cells' table and every game (JSON-ready)."""
    first, second = scenario.side_ids
    rivals = list(dict.fromkeys([*opponents, *agents]))
    plan: list[tuple[Scenario, int, str, str, float]] = []
    for agent in agents:
        for rival in rivals:
            for k in range(games):
                plan.append((scenario, seed + k, agent, rival, timeout))
                if rival != agent:
                    plan.append((scenario, seed + k, rival, agent, timeout))
    from game.ai.tournament import run_jobs

    results = run_jobs(_play, plan, jobs=jobs or 1, progress=progress)
    cells = []
    for agent in agents:
        for rival in rivals:
            for side, other in ((first, second), (second, first)):
                mine = [r for r in results if r.seats[side] == agent and r.seats[other] == rival]
                if not mine:
                    continue
                cells.append(
                    {
                        "agent": agent,
                        "side": side,
                        "opponent": rival,
                        "games": len(mine),
                        "mean_score": _mean([r.scores[side] for r in mine]),
                        "opponent_mean": _mean([r.scores[other] for r in mine]),
                        "deal_rate": _mean([1.0 if r.agreements else 0.0 for r in mine]),
                        "outcomes": _count([r.outcome for r in mine]),
                        "incidents": sum(len(r.reports.get(side, {}).get("incidents", ())) for r in mine),
                        "out": sum(1 for r in mine if r.reports.get(side, {}).get("out")),
                    }
                )
    return {
        "scenario": scenario.meta.id,
        "games_per_cell": games,
        "seed": seed,
        "agents": list(agents),
        "opponents": list(opponents),
        "cells": cells,
        "results": [asdict(r) for r in results],
    }


def format_cells(summary: dict[str, Any]) -> str:
    """The cells as a text table (English, like the AI tournament's report)."""
    lines = [
        f"Agents on {summary['scenario']}: {summary['games_per_cell']} game(s) per cell, seed {summary['seed']}",
        "",
        f"{'agent':<32} {'side':<6} {'opponent':<24} {'games':>5} {'mean':>6} {'theirs':>6} {'deal%':>6} {'faults':>6}",
    ]
    for c in summary["cells"]:
        name = c["agent"] if len(c["agent"]) <= 32 else c["agent"][:29] + "..."
        rival = c["opponent"] if len(c["opponent"]) <= 24 else c["opponent"][:21] + "..."
        lines.append(
            f"{name:<32} {c['side']:<6} {rival:<24} {c['games']:>5} {c['mean_score']:>6.1f} "
            f"{c['opponent_mean']:>6.1f} {100 * c['deal_rate']:>5.0f}% {c['incidents']:>6}"
        )
    return "\n".join(lines)


def _mean(xs: list[float]) -> float:
    return round(statistics.fmean(xs), 3) if xs else 0.0


def _count(items: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return dict(sorted(out.items()))

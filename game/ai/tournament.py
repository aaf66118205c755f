"""Round-robin tournaments of AI styles and levels (Axelrod 1984 ran the first ones).

Every *entrant* (a style at a level) plays every entrant, itself included, on both
sides, for ``games`` seeds each. Scores are not comparable across sides (each side
scores its own briefing), so results are read the way duplicate bridge reads them:
a *board* is (side, opponent, seed); entrants who sat at the same board are compared
with each other. An entrant's **win rate** is the share of those comparisons it wins
(ties count half; scores within ``TIE_POINTS`` = 0.5 of 100 are a tie). "Level L beats
level L-1" is read two ways: on duplicate boards, the share of boards where style S at
level L scored more than S at L-1 against the same opponent, per side; and **head to
head**, the share of side-swapped pairs of games (L against L-1, then L-1 against L,
same seed) whose mean score L wins — each plays both sides, so the difference between
the sides cancels out.

Deterministic for a seed (all but the wall-clock ``max_decision_ms`` fields): every game is (scenario, seed, entrants) and the AIs are
pure functions of their views; results are gathered in a fixed order whatever the
number of worker processes.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

from game.ai import LEVELS, STYLES, make_ai
from game.engine.actions import Term
from game.scenario.models import Scenario

Job = TypeVar("Job")
Result = TypeVar("Result")

if TYPE_CHECKING:
    from game.session import Seat

Entrant = tuple[str, str]  # (style, level)

#: scores closer than this (points out of 100) count as a tie in paired comparisons
TIE_POINTS = 0.5


@dataclass(frozen=True)
class GameResult:
    seed: int
    seats: dict[str, str]  # side -> "style:level"
    scores: dict[str, float]
    outcome: str
    end_reason: str | None
    turns: int
    agreements: int
    decisions: int
    max_decision_ms: float


@dataclass(frozen=True)
class DealRecord:
    """An agreement signed in a game: its week (1 = the first week of play), whether it was a
    comprehensive deal, and its package as :func:`package_key` spells it."""

    week: int
    comprehensive: bool
    package: str


@dataclass(frozen=True)
class GameRecord(GameResult):
    """A :class:`GameResult` with what the variety measures read (``play_seats(record=True)``):
    the agreements signed, and every offer put on the table as (side, package key), in order."""

    deals: tuple[DealRecord, ...]
    offers: tuple[tuple[str, str], ...]


def package_key(terms: Iterable[Term]) -> str:
    """A package's terms in one canonical string (order-free): two offers with the same key
    commit the same instruments to the same levels for the same time."""
    parts = []
    for term in terms:
        part = f"{term.instrument}={term.value:g}"
        if term.duration_turns is not None:
            part += f"/{term.duration_turns}w"
        if term.start_after_turns:
            part += f"+{term.start_after_turns}w"
        parts.append(part)
    return ";".join(sorted(parts))


def entrant_id(e: Entrant) -> str:
    return f"{e[0]}:{e[1]}"


def play_game(scenario: Scenario, seed: int, a: Entrant, b: Entrant) -> GameResult:
    """One AI-vs-AI game: ``a`` on the scenario's first side, ``b`` on the second."""
    side_a, side_b = scenario.side_ids
    return play_seats(
        scenario,
        seed,
        {side_a: make_ai(*a), side_b: make_ai(*b)},
        {side_a: entrant_id(a), side_b: entrant_id(b)},
    )


def play_seats(
    scenario: Scenario, seed: int, seats: dict[str, Seat], labels: dict[str, str], *, record: bool = False
) -> GameResult:
    """One game between any seats that decide from their views (AIs, probes), timed;
    ``labels`` name them in the result. ``record``: a :class:`GameRecord`, with the game's
    agreements and offers (game.ai.criteria's variety measures)."""
    from game.session import Session

    session = Session.new(scenario, seats, seed=seed)
    first_turn = session.game.state.turn
    worst = 0.0
    n = 0
    while not session.over:
        side = session.next_actor()
        assert side is not None
        t0 = time.perf_counter()
        action = seats[side].decide(session.view(side))
        worst = max(worst, time.perf_counter() - t0)
        n += 1
        session.submit(action)
    g = session.game
    result = GameResult(
        seed=seed,
        seats=dict(labels),
        scores={s: round(g.score(s).total, 3) for s in scenario.side_ids},
        outcome=g.outcome().id,
        end_reason=g.state.end_reason,
        turns=g.state.turn,
        agreements=len(g.state.agreements),
        decisions=n,
        max_decision_ms=round(worst * 1000.0, 2),
    )
    if not record:
        return result
    offers = {o.id: o for o in g.state.offers}
    deals = tuple(
        DealRecord(
            week=a.signed_turn - first_turn + 1,
            comprehensive=a.comprehensive,
            package=package_key(offers[a.offer_id].terms),
        )
        for a in g.state.agreements
    )
    return GameRecord(
        **{f.name: getattr(result, f.name) for f in fields(GameResult)},
        deals=deals,
        offers=tuple((o.side, package_key(o.terms)) for o in g.state.offers),
    )


def _play(job: tuple[Scenario, int, Entrant, Entrant]) -> GameResult:
    return play_game(*job)


def schedule(entrants: Sequence[Entrant], games: int, seed: int) -> list[tuple[int, Entrant, Entrant]]:
    """Every ordered pair of entrants (self-play included), ``games`` seeds each."""
    return [(seed + k, a, b) for k in range(games) for a, b in itertools.product(entrants, entrants)]


def run_tournament(
    scenario: Scenario,
    games: int = 1,
    seed: int = 0,
    *,
    styles: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Play the tournament and return its results and tables (JSON-ready)."""
    styles = list(styles or STYLES)
    levels = list(levels or LEVELS)
    entrants: list[Entrant] = [(s, lv) for s in styles for lv in levels]
    plan = schedule(entrants, games, seed)
    work = [(scenario, s, a, b) for s, a, b in plan]
    results = run_jobs(_play, work, jobs=jobs, progress=progress)
    return summarise(scenario, entrants, results, games=games, seed=seed)


def run_jobs(
    play: Callable[[Job], Result],
    work: Sequence[Job],
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """``play`` each job, in up to ``jobs`` worker processes (default: up to 2), the results
    in the order of ``work`` whatever the number of workers; ``progress(done, total)``."""
    jobs = max(1, min(jobs or min(2, os.cpu_count() or 1), len(work)))
    results: list[Result] = []
    if jobs == 1:
        for i, job in enumerate(work):
            results.append(play(job))
            if progress:
                progress(i + 1, len(work))
    else:
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if sys.platform == "win32" else "fork")
        with ctx.Pool(jobs) as pool:
            for i, r in enumerate(pool.imap(play, work, chunksize=1)):
                results.append(r)
                if progress:
                    progress(i + 1, len(work))
    return results


# ---------------------------------------------------------------------- analysis
def summarise(
    scenario: Scenario, entrants: Sequence[Entrant], results: Sequence[GameResult], *, games: int, seed: int
) -> dict:
    sides = scenario.side_ids
    ids = [entrant_id(e) for e in entrants]
    # board (side, opponent, seed) -> entrant -> score
    boards: dict[tuple[str, str, int], dict[str, float]] = {}
    by_entrant: dict[str, list[float]] = {i: [] for i in ids}
    by_entrant_side: dict[str, dict[str, list[float]]] = {i: {s: [] for s in sides} for i in ids}
    deals: dict[str, list[bool]] = {i: [] for i in ids}
    for r in results:
        for s in sides:
            me = r.seats[s]
            other = r.seats[sides[1] if s == sides[0] else sides[0]]
            boards.setdefault((s, other, r.seed), {})[me] = r.scores[s]
            by_entrant[me].append(r.scores[s])
            by_entrant_side[me][s].append(r.scores[s])
            deals[me].append(r.agreements > 0)
    wins: dict[str, list[float]] = {i: [] for i in ids}
    for board in boards.values():
        for a, b in itertools.permutations(board, 2):
            wins[a].append(
                1.0 if board[a] > board[b] + 1e-9 else 0.5 if abs(board[a] - board[b]) <= 1e-9 else 0.0
            )
    table: list[dict[str, Any]] = []
    for i in ids:
        table.append(
            {
                "entrant": i,
                "games": len(by_entrant[i]),
                "mean_score": _mean(by_entrant[i]),
                **{f"mean_{s}": _mean(by_entrant_side[i][s]) for s in sides},
                "win_rate": _mean(wins[i]),
                "agreement_rate": _mean([1.0 if d else 0.0 for d in deals[i]]),
            }
        )
    table.sort(key=lambda row: -row["mean_score"])
    return {
        "scenario": scenario.meta.id,
        "games_per_pairing": games,
        "seed": seed,
        "entrants": ids,
        "table": table,
        "levels": level_ladder(entrants, boards, sides),
        "head_to_head": head_to_head(entrants, results, sides),
        "styles_at_top": style_duel(entrants, boards),
        "balance": balance(results, sides),
        "outcomes": _count(r.outcome for r in results),
        "max_decision_ms": max((r.max_decision_ms for r in results), default=0.0),
        "results": [asdict(r) for r in results],
    }


def _paired(boards: dict, a: str, b: str, side: str | None = None) -> tuple[int, int, int, float]:
    """(wins, ties, losses, mean difference) of ``a`` against ``b`` on the boards both sat at."""
    w = t = lo = 0
    diffs = []
    for (s, _opp, _seed), board in boards.items():
        if side is not None and s != side:
            continue
        if a in board and b in board:
            d = board[a] - board[b]
            diffs.append(d)
            if d > TIE_POINTS:
                w += 1
            elif d < -TIE_POINTS:
                lo += 1
            else:
                t += 1
    return w, t, lo, _mean(diffs)


def level_ladder(entrants: Sequence[Entrant], boards: dict, sides: Sequence[str]) -> list[dict]:
    """For each style and consecutive levels: how often the higher level scores more, per side."""
    out = []
    styles = list(dict.fromkeys(e[0] for e in entrants))
    levels = [lv for lv in LEVELS if any(e[1] == lv for e in entrants)]
    for st in styles:
        for lo, hi in itertools.pairwise(levels):
            a, b = f"{st}:{hi}", f"{st}:{lo}"
            row: dict = {"style": st, "higher": hi, "lower": lo}
            for s in sides:
                w, t, lo_, diff = _paired(boards, a, b, s)
                n = w + t + lo_
                row[s] = {
                    "wins": w,
                    "ties": t,
                    "losses": lo_,
                    "share": (w + 0.5 * t) / n if n else 0.0,
                    "mean_diff": diff,
                }
            out.append(row)
    return out


def _wtl(diffs: Sequence[float]) -> dict:
    w = sum(1 for d in diffs if d > TIE_POINTS)
    lo = sum(1 for d in diffs if d < -TIE_POINTS)
    t = len(diffs) - w - lo
    return {
        "wins": w,
        "ties": t,
        "losses": lo,
        "share": (w + 0.5 * t) / len(diffs) if diffs else 0.0,
        "mean_diff": _mean(diffs),
    }


def head_to_head(
    entrants: Sequence[Entrant], results: Sequence[GameResult], sides: Sequence[str]
) -> list[dict]:
    """Each level against the level below, face to face: a *pair* is two games with the same
    seed and the sides swapped (level L of one style against level L-1 of another, then the
    other way round), won by the level with the higher mean score over the pair, so each
    plays both sides once and the difference between the sides cancels out (ties within
    ``TIE_POINTS`` count half). Per style too, by the higher level's style."""
    first, second = sides[0], sides[1]
    games = {(r.seed, r.seats[first], r.seats[second]): r.scores for r in results}
    seeds = sorted({r.seed for r in results})
    styles = list(dict.fromkeys(e[0] for e in entrants))
    levels = [lv for lv in LEVELS if any(e[1] == lv for e in entrants)]
    out = []
    for lo, hi in itertools.pairwise(levels):
        pairs: list[float] = []
        by_style: dict[str, list[float]] = {st: [] for st in styles}
        for s1, s2, seed in itertools.product(styles, styles, seeds):
            h, low = f"{s1}:{hi}", f"{s2}:{lo}"
            a, b = games.get((seed, h, low)), games.get((seed, low, h))
            if a is None or b is None:
                continue
            d = (a[first] + b[second]) / 2 - (a[second] + b[first]) / 2
            pairs.append(d)
            by_style[s1].append(d)
        if pairs:
            out.append(
                {
                    "higher": hi,
                    "lower": lo,
                    "pairs": _wtl(pairs),
                    "by_style": {st: _wtl(v) for st, v in by_style.items() if v},
                }
            )
    return out


def style_duel(entrants: Sequence[Entrant], boards: dict) -> list[dict]:
    """Styles at the highest level present, compared pairwise with the pragmatist."""
    top = max((LEVELS.index(e[1]) for e in entrants), default=0)
    lvl = LEVELS[top]
    here = [e for e in entrants if e[1] == lvl]
    out = []
    for e in here:
        if e[0] == "pragmatist":
            continue
        a, b = f"pragmatist:{lvl}", entrant_id(e)
        if a not in {entrant_id(x) for x in here}:
            break
        w, t, lo, diff = _paired(boards, a, b)
        n = w + t + lo
        out.append(
            {
                "pragmatist": a,
                "against": b,
                "wins": w,
                "ties": t,
                "losses": lo,
                "share": (w + 0.5 * t) / n if n else 0.0,
                "mean_diff": diff,
            }
        )
    return out


def balance(results: Sequence[GameResult], sides: Sequence[str]) -> dict:
    """Self-play (the same AI on both sides): how far apart the sides' mean scores are."""
    per: dict[str, list[tuple[float, float]]] = {}
    for r in results:
        a, b = (r.seats[s] for s in sides)
        if a == b:
            per.setdefault(a, []).append((r.scores[sides[0]], r.scores[sides[1]]))
    rows = {
        k: {
            sides[0]: _mean([x for x, _ in v]),
            sides[1]: _mean([y for _, y in v]),
            "gap": _mean([x - y for x, y in v]),
        }
        for k, v in per.items()
    }
    allv = [xy for v in per.values() for xy in v]
    return {
        "by_entrant": rows,
        "overall": {
            sides[0]: _mean([x for x, _ in allv]),
            sides[1]: _mean([y for _, y in allv]),
            "gap": _mean([x - y for x, y in allv]),
        },
    }


def _mean(xs: Sequence[float] | list[float]) -> float:
    xs = list(xs)
    return round(statistics.fmean(xs), 3) if xs else 0.0


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return dict(sorted(out.items()))

"""Rule 7.3: hidden types — each game draws each side's briefing from its public prior.

A briefing may give a private quantity (an objective's ``weight`` or ``target``, a red line's
``value``, the ``walk_away`` value, the ``faction_strength``) as a prior
(:class:`game.scenario.models.Prior`) instead of a number. At set-up each such quantity is drawn
once, from the game's seed, with a random stream of its own: a numpy ``Generator`` seeded by
(game seed, :data:`STREAM_TAG`, the side, the quantity's path). No other stream (events, the
AI) is consumed or shifted, and adding a prior to one quantity never moves another's draw.

The drawn briefing is that side's briefing for the whole game (scoring, red lines, walk-away,
its view); it is kept in :attr:`GameState.briefings`. With no prior in a side's briefing the
draw is the file's briefing itself. The prior is public: :func:`public_prior` is what the other
side is told (the file's briefing, whose numbers are the priors' middles, less its private
summary).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Literal

import numpy as np

from game.engine.state import GameState
from game.scenario.models import Briefing, Objective, Prior, RedLine, Scenario

#: Tags this module's random streams (any other stream of the game uses other seeds).
STREAM_TAG = zlib.crc32(b"hidden-types")
#: Decimals of a draw from a ``between`` prior that has no step (weights, targets, walk-away).
DRAW_DECIMALS = 2


def _rng(seed: int, side: str, path: str) -> np.random.Generator:
    words = [int(seed) & 0xFFFFFFFF, (int(seed) >> 32) & 0xFFFFFFFF, STREAM_TAG]
    words += [zlib.crc32(side.encode()), zlib.crc32(path.encode())]
    return np.random.default_rng(words)


Grid = tuple[float, float]  # (origin, step) of an instrument's levels


def grid_points(prior: Prior, grid: Grid) -> list[float]:
    """The levels on ``grid`` a ``between`` prior covers (inclusive)."""
    assert prior.between is not None
    origin, step = grid
    lo, hi = prior.between
    k_lo = math.ceil((lo - origin) / step - 1e-9)
    k_hi = math.floor((hi - origin) / step + 1e-9)
    return [round(origin + k * step, 9) for k in range(k_lo, k_hi + 1)]


def draw(prior: Prior, rng: np.random.Generator, grid: Grid | None = None) -> float:
    """One value of ``prior``: uniform between its bounds (on ``grid`` when given, else rounded
    to :data:`DRAW_DECIMALS`), or one of its choices with its weights."""
    if prior.one_of is not None:
        choices = prior.choices()
        p = np.array([w for _, w in choices], dtype=float)
        return float(choices[int(rng.choice(len(choices), p=p / p.sum()))][0])
    assert prior.between is not None
    lo, hi = prior.between
    if grid is not None:
        points = grid_points(prior, grid)
        return points[int(rng.integers(0, len(points)))] if points else round(lo, 9)
    return min(hi, max(lo, round(float(rng.uniform(lo, hi)), DRAW_DECIMALS)))


def middle(prior: Prior, grid: Grid | None = None) -> float:
    """The prior's middle, on ``grid`` when given (the level nearest the mean, the lower on a tie)."""
    m = prior.middle
    if grid is None:
        return m
    origin, step = grid
    k = math.floor((m - origin) / step + 0.5 - 1e-9)
    return round(origin + k * step, 9)


def snap(value: float, grid: Grid, avoid: float | None = None) -> float:
    """The level on ``grid`` nearest ``value`` (the lower on a tie), never ``avoid``: a level
    that would be it is moved one step on ``value``'s side of it (an objective's target never
    lands on its baseline)."""
    origin, step = grid
    k = math.floor((value - origin) / step + 0.5 - 1e-9)
    level = round(origin + k * step, 9)
    if avoid is not None and abs(level - avoid) < 1e-9 and value != avoid:
        level = round(level + (step if value > avoid else -step), 9)
    return level


def _grid(scenario: Scenario, item: RedLine | Objective) -> Grid | None:
    """The step grid of the instrument a red line or an objective reads (None: a meter)."""
    if item.instrument is None:
        return None
    try:
        ins = scenario.instrument(item.instrument)
    except KeyError:
        return None
    return (ins.min, ins.step)


def draw_target(prior: Prior, rng: np.random.Generator, baseline: float, grid: Grid | None) -> float:
    """An objective's drawn target: on the step of the instrument it reads (``grid``) — each of
    the instrument's levels in a ``between`` range equally likely, a choice of ``one_of`` (or a
    range with no level in it) rounded to the nearest level — and never its ``baseline``."""
    if grid is None:
        return draw(prior, rng)
    if prior.between is not None and grid_points(prior, grid):
        return snap(draw(prior, rng, grid), grid, baseline)
    return snap(draw(prior, rng), grid, baseline)


def draw_briefing(scenario: Scenario, side: str, seed: int) -> Briefing:
    """``side``'s briefing for the game with ``seed``: each prior drawn, each number as it is.

    The draw is a plain briefing (no ``priors`` left: every number is this game's), so it reads
    back from JSON as it is; its prior stays in the scenario (:func:`public_prior`)."""
    b = scenario.briefings[side]
    if not b.has_priors:
        return b

    def drawn(path: str, prior: Prior | None, value: float, grid: Grid | None = None) -> float:
        return value if prior is None else draw(prior, _rng(seed, side, path), grid)

    def target(o: Objective) -> float:
        # on the step of the instrument it reads, never its baseline (a baseline is never a
        # prior: PRIOR_FIELDS); a meter's target to DRAW_DECIMALS
        prior = o.priors.get("target")
        if prior is None:
            return o.target
        return draw_target(
            prior, _rng(seed, side, f"objectives.{o.id}.target"), o.baseline, _grid(scenario, o)
        )

    objectives = [
        o.model_copy(
            update={
                "weight": drawn(f"objectives.{o.id}.weight", o.priors.get("weight"), o.weight),
                "target": target(o),
                "priors": {},
            }
        )
        for o in b.objectives
    ]
    red_lines = [
        r.model_copy(
            update={
                "value": drawn(f"red_lines.{r.id}.value", r.priors.get("value"), r.value, _grid(scenario, r)),
                "priors": {},
            }
        )
        for r in b.red_lines
    ]
    return b.model_copy(
        update={
            "objectives": objectives,
            "red_lines": red_lines,
            "walk_away": drawn("walk_away", b.priors.get("walk_away"), b.walk_away),
            "faction_strength": drawn(
                "faction_strength", b.priors.get("faction_strength"), b.faction_strength
            ),
            "priors": {},
        }
    )


def draw_briefings(scenario: Scenario, seed: int) -> dict[str, Briefing]:
    """Every side's drawn briefing (rule 7.3), by side id."""
    return {s: draw_briefing(scenario, s, seed) for s in scenario.side_ids}


def briefing(scenario: Scenario, state: GameState, side: str) -> Briefing:
    """The briefing ``side`` plays this game with: its draw (the file's when it has no prior)."""
    drawn = state.briefings.get(side)
    return drawn if drawn is not None else scenario.briefings[side]


def faction_strength(scenario: Scenario, state: GameState, side: str) -> float:
    """Rule 4.8's multiple of faction pressure for ``side`` (1 where no briefing says)."""
    drawn = state.briefings.get(side) or scenario.briefings.get(side)
    return drawn.faction_strength if drawn is not None else 1.0


def public_prior(scenario: Scenario, side: str) -> Briefing | None:
    """What the other side is told of ``side``'s briefing: the file's briefing when it has a
    prior (its numbers are the priors' middles; a fixed number is known exactly), else nothing
    (a briefing without priors stays wholly private, rule 7.1).

    Only the objectives, red lines and quantities are public (rule 7.3): the briefing's
    ``summary`` (its private prose) is blanked here, so no consumer of the prior (a view's
    ``other_prior``, the agent wire, the debrief) can pass it on."""
    b = scenario.briefings[side]
    return b.model_copy(update={"summary": ""}) if b.has_priors else None


def guess_from_prior(scenario: Scenario, prior: Briefing) -> Briefing:
    """The prior's middle as a briefing: red-line levels on their instruments' steps."""
    return prior.model_copy(
        update={
            "red_lines": [
                r.model_copy(update={"value": middle(r.priors["value"], _grid(scenario, r))})
                if "value" in r.priors
                else r
                for r in prior.red_lines
            ]
        }
    )


# --------------------------------------------------------------------------- for people
QuantityKind = Literal["weight", "target", "red_line", "walk_away", "faction_strength"]


@dataclass(frozen=True)
class Quantity:
    """One private quantity of a briefing: what it is, its prior (None: a fixed number)."""

    kind: QuantityKind
    item: Objective | RedLine | None  # the objective or red line it belongs to
    prior: Prior | None
    value: float  # the file's number (a prior's middle), or the draw in a drawn briefing


def quantities(b: Briefing) -> list[Quantity]:
    """The briefing's private quantities in reading order: each objective's weight and target,
    each red line's level, the walk-away value, the faction's strength."""
    out: list[Quantity] = []
    for o in b.objectives:
        out.append(Quantity("weight", o, o.priors.get("weight"), o.weight))
        out.append(Quantity("target", o, o.priors.get("target"), o.target))
    for r in b.red_lines:
        out.append(Quantity("red_line", r, r.priors.get("value"), r.value))
    out.append(Quantity("walk_away", None, b.priors.get("walk_away"), b.walk_away))
    out.append(Quantity("faction_strength", None, b.priors.get("faction_strength"), b.faction_strength))
    return out


Band = Literal["low", "middle", "high", "fixed"]


@dataclass(frozen=True)
class Position:
    """Where a draw fell in its prior: the share of the range below it (0..1), its third, and
    for ``one_of`` which choice (0-based) and how likely it was."""

    fraction: float
    band: Band
    choice: int | None = None
    probability: float | None = None


def position(prior: Prior | None, value: float) -> Position:
    if prior is None or prior.low == prior.high:
        return Position(0.5, "fixed")
    fraction = min(1.0, max(0.0, (value - prior.low) / (prior.high - prior.low)))
    band: Band = "low" if fraction < 1 / 3 else "high" if fraction > 2 / 3 else "middle"
    if prior.one_of is not None:
        choices = prior.choices()
        idx = min(range(len(choices)), key=lambda i: abs(choices[i][0] - value))
        return Position(fraction, band, idx, choices[idx][1])
    return Position(fraction, band)

"""The zone of possible agreement, for the debrief.

After the game everything is revealed, so both sides' scores can be computed for
the same packages: a sample of packages is applied to the opening position and
projected to the deadline with the batch economy model, once from each side's
view (:func:`game.engine.preview.project_packages` scores only the viewing side).
A package lies in the zone when both sides score at least their walk-away values
and it crosses no red line. The deal that was actually reached is shown against
that cloud: the final scores of the game.

Pure and deterministic (no Qt): the window calls it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.actions import Term
from game.engine.hidden_types import briefing
from game.engine.preview import project_packages
from game.engine.rules import Rules
from game.engine.scoring import score
from game.engine.state import GameState
from game.engine.view import view
from game.registry.instruments import friendliest, kind_of
from game.registry.instruments import tradable as is_tradable
from game.scenario.models import Instrument, Scenario

#: Fractions of the way from the opening level to the friendliest level.
FRACTIONS: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class PackagePoint:
    """One sampled package and both sides' projected scores."""

    terms: tuple[Term, ...]
    scores: dict[str, float]  # side -> projected score
    red_lines: tuple[str, ...]  # "side:red_line_id" crossed by the package
    in_zone: bool


@dataclass(frozen=True)
class Zopa:
    sides: tuple[str, str]
    walk_away: dict[str, float]
    points: tuple[PackagePoint, ...]
    no_deal: dict[str, float]  # projected scores with no package
    final: dict[str, float]  # the game's actual final scores
    agreements: tuple[dict[str, float], ...]  # projected scores of the packages signed in the game

    @property
    def zone_exists(self) -> bool:
        return any(p.in_zone for p in self.points)


def _friendly(ins: Instrument) -> float:
    """The level that is friendliest to the other side (for purchases, the sample goes
    60% of the way up)."""
    if kind_of(ins).channel == "purchases":
        return ins.min + (ins.max - ins.min) * 0.6
    return friendliest(ins)


def _snap(ins: Instrument, value: float) -> float:
    k = round((value - ins.min) / ins.step)
    return float(min(ins.max, max(ins.min, ins.min + k * ins.step)))


def sample_packages(
    rules: Rules, levels: dict[str, float], n: int, rng_seed: int = 0
) -> list[tuple[Term, ...]]:
    """``n`` distinct random packages over both sides' player-controlled instruments."""
    rng = np.random.default_rng(rng_seed)
    tradable = [i for i in rules.scenario.instruments if is_tradable(i, rules.sides)]
    out: list[tuple[Term, ...]] = []
    seen: set[tuple[tuple[str, float], ...]] = set()
    attempts = 0
    while len(out) < n and attempts < n * 20:
        attempts += 1
        depth = float(rng.choice(FRACTIONS[1:]))
        terms = []
        for ins in tradable:
            if rng.random() < 0.45:
                continue
            frac = min(1.0, max(0.0, depth + float(rng.normal(0.0, 0.2))))
            cur = levels[ins.id]
            value = _snap(ins, cur + (_friendly(ins) - cur) * frac)
            if value != cur:
                terms.append(Term(instrument=ins.id, value=value))
        key = tuple((t.instrument, t.value) for t in terms)
        if not terms or key in seen:
            continue
        seen.add(key)
        out.append(tuple(terms))
    return out


def zone_of_agreement(
    scenario: Scenario,
    seed: int,
    final_state: GameState,
    *,
    samples: int = 160,
    turns: int | None = None,
    rng_seed: int = 0,
) -> Zopa:
    """Sample packages at the opening position and score them for both sides."""
    rules = Rules(scenario)
    start = rules.new_state(seed)
    sides = rules.sides
    a, b = sides
    horizon = turns if turns is not None else max(1, scenario.end.deadline_turns)
    packages = sample_packages(rules, start.levels, samples, rng_seed)
    signed = []
    for ag in final_state.agreements:
        offer = final_state.offers[ag.offer_id]
        signed.append(tuple(offer.terms))
    batch: list[tuple[Term, ...]] = [(), *packages, *signed]
    projected: dict[str, list[float]] = {}
    for s in sides:
        v = view(scenario, start, s)
        projected[s] = [p.my_score for p in project_packages(rules, v, batch, turns=horizon)]
    walk = {s: float(briefing(scenario, start, s).walk_away) for s in sides}
    points = []
    for k, terms in enumerate(packages, start=1):
        after = rules.package_levels(start.levels, terms)
        crossed = tuple(
            f"{s}:{rl}"
            for s in sides
            for rl in rules.crossed_red_lines(s, after, briefing(scenario, start, s))
        )
        sc = {s: round(projected[s][k], 3) for s in sides}
        in_zone = not crossed and all(sc[s] >= walk[s] for s in sides)
        points.append(PackagePoint(terms, sc, crossed, in_zone))
    n0 = 1 + len(packages)
    agreements = tuple({s: round(projected[s][n0 + j], 3) for s in sides} for j in range(len(signed)))
    return Zopa(
        sides=(a, b),
        walk_away=walk,
        points=tuple(points),
        no_deal={s: round(projected[s][0], 3) for s in sides},
        final={s: round(score(scenario, final_state, s).total, 3) for s in sides},
        agreements=agreements,
    )

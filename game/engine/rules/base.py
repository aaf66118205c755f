"""What every part of the rules shares: the scenario bound to the economy model
(:class:`RulesBase`), the shocks news brings, and the clip/round/compare helpers.

The rules are one class, :class:`game.engine.rules.Rules`, built as a chain of parts, each
a module with one job, each using only the parts below it::

    RulesBase (base) <- LegalityRules (legality) <- EventRules (events)
      <- ResolutionRules (resolution) <- TableRules (table) <- Rules (core)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from game import economy as eco
from game.registry.instruments import KindSpec, kind_of
from game.scenario.models import METER_RANGES, Instrument, Scenario


def _round(x: float) -> float:
    return float(round(x, 9))


@dataclass(frozen=True)
class Econ:
    """The economy model bound to a scenario."""

    params: eco.Params
    dt_years: float
    region_index: dict[str, int]  # side, region id or "row" -> economy region index
    world: eco.World = eco.DEFAULT_WORLD  # the regions the model runs


class RulesBase:
    """The scenario the rules are of, its instruments by id, and the economy model bound to it."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.sides = scenario.side_ids
        self.instruments: dict[str, Instrument] = {i.id: i for i in scenario.instruments}
        #: each instrument's kind (what the economy reads, which way is a concession, …)
        self.kinds: dict[str, KindSpec] = {i.id: kind_of(i) for i in scenario.instruments}
        self.suspensions: dict[str, list[Instrument]] = {}
        for ins in scenario.instruments:
            if self.kinds[ins.id].suspends and ins.applies_to:
                self.suspensions.setdefault(ins.applies_to, []).append(ins)
        _own, region_overrides = eco.split_overrides(dict(scenario.economy.overrides))
        world = eco.world_of(
            (*(s.region for s in scenario.sides), *scenario.economy.regions), region_overrides
        )
        region_index = {r: world.index(r) for r in world.ids}
        for s in scenario.sides:
            region_index[s.id] = world.index(s.region)
        params = eco.params_with_overrides(eco.default_params(), dict(scenario.economy.overrides))
        self.econ = Econ(params, scenario.meta.turn_days / 365.0, region_index, world)


@dataclass
class _Shocks:
    uncertainty: float = 0.0
    growth: np.ndarray = field(default_factory=lambda: np.zeros(eco.DEFAULT_WORLD.size))

    def any(self) -> bool:
        return self.uncertainty != 0.0 or bool(np.any(self.growth != 0.0))

    def add(self, shock: str, region: int, amount: float) -> None:
        """Add ``amount`` to the economy's news input ``shock`` (a meter's
        :attr:`~game.registry.meters.Economy.shock`), for economy region ``region``."""
        if shock == "growth_news_pp":
            self.growth[region] += amount
        elif shock == "uncertainty_news":
            self.uncertainty += amount
        else:
            raise ValueError(f"the rules know no economy shock {shock!r}")


def _clip(value: float, meter: str) -> float:
    return _clip_to(value, METER_RANGES[meter])


def _clip_to(value: float, bounds: tuple[float, float]) -> float:
    """``value`` within ``bounds`` (a meter's range), rounded; the lowest if it is not finite."""
    lo, hi = bounds
    if not math.isfinite(value):
        value = lo
    return _round(min(hi, max(lo, value)))


def _compare(value: float, op: str, ref: float) -> bool:
    if op == ">=":
        return value >= ref - 1e-9
    if op == "<=":
        return value <= ref + 1e-9
    if op == ">":
        return value > ref
    if op == "<":
        return value < ref
    return abs(value - ref) <= 1e-9

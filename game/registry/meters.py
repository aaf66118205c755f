"""The meters: one :class:`MeterSpec` each, the one place a meter is described.

Everything else derives from :data:`METERS`: the scenario's meter names and ranges
(:mod:`game.scenario.models`, and from them validation, the JSON schema and the authoring
reference), the economy model's output bounds, the rules' meter writing and the preview's
projection (:meth:`Economy.read`), what a view keeps private, which meters events may move,
the lint's range check, the window's meter rows, the replay's lines and the words (label,
decimals, good direction) of :mod:`game.text`.

A new meter is its spec here, its equation (in the economy model, or in the rules for a
meter the rules compute) and its line in ``docs/rules.md``; ``docs/architecture.md``
("How to add a meter") lists the files.

This module imports nothing of ``game`` but :mod:`game.i18n` (for :func:`N_`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from game.i18n import N_

Scope = Literal["side", "shared"]
#: ``pct`` percent, ``bn`` billions of US dollars a year, ``index`` an index (100 = normal),
#: ``points`` a score of points.
Unit = Literal["pct", "bn", "index", "points"]
#: Where the economy's output is read: ``region`` ``out[g, region]``; ``world`` ``out[g]``;
#: ``exports`` ``out[g, other, region]`` (what the other side imports from this one);
#: ``balance`` exports less imports, ``out[g, other, region] - out[g, region, other]``.
At = Literal["region", "world", "exports", "balance"]
#: How an event's effect moves a meter: ``state`` sets the rules' own value (on the side's
#: state, or the game state for a shared meter); ``shock`` feeds the economy model news
#: (the shock named by :attr:`Economy.shock`), so the meter follows at the next step.
EventHook = Literal["state", "shock"]


@dataclass(frozen=True)
class Economy:
    """Where the economy model computes a meter: the field ``output`` of
    :class:`game.economy.Meters`, read at ``at``."""

    output: str
    at: At
    #: The news input an event's shock to this meter feeds (``growth_news_pp`` per region,
    #: ``uncertainty_news`` for the world); None: events cannot shock it.
    shock: str | None = None

    def read(self, m: object, g: int, region: int = 0, other: int = 0) -> float:
        """The meter's value in game ``g`` of a batch of economy meters ``m``, for the side
        whose economy region is ``region`` facing ``other`` (unused for a shared meter)."""
        a = getattr(m, self.output)  # a numpy array: (G, regions), (G,) or (G, regions, regions)
        if self.at == "region":
            return float(a[g, region])
        if self.at == "world":
            return float(a[g])
        exports = float(a[g, other, region])
        if self.at == "exports":
            return exports
        return exports - float(a[g, region, other])


@dataclass(frozen=True)
class MeterSpec:
    """One meter: what it is, where it comes from, how it reads."""

    id: str  # the name scenarios and saves use; the unit is in the name
    scope: Scope  # every side has one (``side``), or the whole table shares it (``shared``)
    range: tuple[float, float]  # the value is clipped to it
    unit: Unit
    decimals: int  # display precision
    good: Literal[1, 0, -1]  # +1: a rise is good for the side; -1: bad; 0: neither
    label: str  # English, marked for translation: shown as ``t(lang, spec.label)``
    #: Where the economy model computes it; None: the rules compute it (politics and trust)
    #: and keep it on the state (``SideState.<id>`` or ``GameState.<id>``).
    economy: Economy | None = None
    private: bool = False  # the other side never sees it (rule 7.1)
    events: EventHook | None = None  # how an event's effect may move it; None: it cannot


#: Every meter, in display order: the side meters, then the shared ones.
METERS: tuple[MeterSpec, ...] = (
    MeterSpec(
        "growth_pct", "side", (-15.0, 15.0), "pct", 2, 1, N_("Growth outlook %"),
        economy=Economy("growth_pct", "region", shock="growth_news_pp"), events="shock",
    ),
    MeterSpec(
        "recession_prob_pct", "side", (0.0, 100.0), "pct", 0, -1, N_("Recession risk %"),
        economy=Economy("recession_prob_pct", "region"),
    ),
    MeterSpec(
        "inflation_pct", "side", (-5.0, 30.0), "pct", 1, -1, N_("Inflation %"),
        economy=Economy("inflation_pct", "region"),
    ),
    MeterSpec(
        "exports_bn", "side", (0.0, 5000.0), "bn", 0, 1, N_("Exports to other side $bn"),
        economy=Economy("imports_bn", "exports"),
    ),
    MeterSpec(
        "trade_balance_bn", "side", (-5000.0, 5000.0), "bn", 0, 1, N_("Bilateral balance $bn"),
        economy=Economy("imports_bn", "balance"),
    ),
    MeterSpec(
        "market_index", "side", (0.0, 1000.0), "index", 0, 1, N_("Market index"),
        economy=Economy("market_index", "region"),
    ),
    MeterSpec("approval_pct", "side", (0.0, 100.0), "pct", 0, 1, N_("Approval %"), events="state"),
    MeterSpec(
        "political_capital", "side", (0.0, 100.0), "points", 0, 1, N_("Political capital"),
        private=True, events="state",
    ),
    MeterSpec(
        "faction_pressure_pct", "side", (0.0, 100.0), "pct", 0, -1, N_("Faction pressure %"), events="state"
    ),
    MeterSpec(
        "threat_credibility_pct", "side", (0.0, 100.0), "pct", 0, 1, N_("Threat credibility %"),
        events="state",
    ),
    MeterSpec(
        "world_growth_pct", "shared", (-15.0, 15.0), "pct", 2, 1, N_("World growth %"),
        economy=Economy("world_growth_pct", "world"),
    ),
    MeterSpec(
        "uncertainty_index", "shared", (0.0, 1000.0), "index", 0, -1, N_("Policy uncertainty"),
        economy=Economy("uncertainty_index", "world", shock="uncertainty_news"), events="shock",
    ),
    MeterSpec("trust_pct", "shared", (0.0, 100.0), "pct", 0, 1, N_("Trust %"), events="state"),
)  # fmt: skip


# ------------------------------------------------------------------------------ look-ups
# Functions, not module constants, so that every derived list follows METERS (a test
# adds a meter to it and checks that the lists follow).
def all_meters() -> tuple[MeterSpec, ...]:
    return METERS


def meter(meter_id: str) -> MeterSpec | None:
    """The spec of ``meter_id``, or None if there is no such meter."""
    for spec in METERS:
        if spec.id == meter_id:
            return spec
    return None


def _ids(specs: Iterator[MeterSpec]) -> tuple[str, ...]:
    return tuple(s.id for s in specs)


def side_meters() -> tuple[str, ...]:
    """Ids of the meters every side has, in display order."""
    return _ids(s for s in METERS if s.scope == "side")


def shared_meters() -> tuple[str, ...]:
    """Ids of the meters the whole table shares, in display order."""
    return _ids(s for s in METERS if s.scope == "shared")


def public_side_meters() -> tuple[str, ...]:
    """Side meters both sides see (the window's meter rows)."""
    return _ids(s for s in METERS if s.scope == "side" and not s.private)


def private_meters() -> tuple[str, ...]:
    """Side meters the other side never sees (rule 7.1)."""
    return _ids(s for s in METERS if s.private)


def event_meters() -> frozenset[str]:
    """Meters an event's effect may move."""
    return frozenset(s.id for s in METERS if s.events is not None)


def rules_meters() -> tuple[str, ...]:
    """Meters the rules compute (politics and trust), not the economy model."""
    return _ids(s for s in METERS if s.economy is None)


def ranges(scope: Scope | None = None) -> dict[str, tuple[float, float]]:
    """Meter id -> (lowest, highest), of one scope or of all."""
    return {s.id: s.range for s in METERS if scope is None or s.scope == scope}


def economy_output_bounds() -> dict[str, tuple[float, float]]:
    """The economy model's output field -> the range its meter clips to, for the outputs a
    meter reads as they are (``region``, ``world``, ``exports``)."""
    out: dict[str, tuple[float, float]] = {}
    for s in METERS:
        if s.economy is not None and s.economy.at != "balance":
            out.setdefault(s.economy.output, s.range)
    return out


def decimals(meter_id: str, default: int = 1) -> int:
    spec = meter(meter_id)
    return spec.decimals if spec else default


def good_direction(meter_id: str) -> int:
    """+1 if a rise of the meter is good for its side, -1 if bad, 0 if neither (or unknown)."""
    spec = meter(meter_id)
    return spec.good if spec else 0

"""The library of region profiles the economy model can run: which regions exist, and the
2024 figures of each, with their sources.

A model *world* (:class:`World`) is a list of named regions plus the rest of the world
(``row``, always last): a scenario's sides govern some of them, and the scenario may name
further regions to model apart (``economy.regions``). Everything a world does not name is
in ``row``, which is what remains of the world once the named regions are taken out of it.

The United States' and China's figures are :class:`~game.economy.params.Params` fields
(several of them are fitted to the 2025 outlooks by ``python -m game.economy.calibration``),
as are the rest of the world's when only those two are modelled. Every other region's
figures are here, each with its source; the model carves them out of the rest of the world,
so world GDP, world growth and world trade stay the same whichever regions a world names.

Figures are 2024 goods trade in billions of US dollars (importer's imports from exporter),
nominal GDP in billions of US dollars, weights in world growth at purchasing-power parity.
Euro figures are converted at the ECB's 2024 average of 1.082 USD per EUR; yen at 151.5 JPY
per USD; Canadian dollars at 1.370 CAD per USD.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, fields

#: every region a world can name (besides ``row``), in the library's order
LIBRARY: tuple[str, ...] = ("us", "china", "eu", "japan", "mexico", "canada")
#: the regions whose own figures are economy parameters (the calibrated pair)
CORE: tuple[str, ...] = ("us", "china")
ROW_ID = "row"

_IMF_JAN = "IMF WEO update, 17 Jan 2025"
_IMF_DB = "IMF WEO Apr 2025 database, 2024"
_IMF_OCT = "IMF WEO Oct 2024, 2025 consumer prices"
_PPP = "IMF WEO Apr 2025 database, share of world GDP at PPP, 2024"
_EUROSTAT = "Eurostat, EU27 extra-EU trade in goods 2024 (Comext), EUR converted at 1.082"
_CENSUS = "US Census Bureau, 2024 trade in goods (FT-900 annual)"
_GAC = "China General Administration of Customs, 2024, USD"
_MOF = "Japan Ministry of Finance trade statistics 2024, JPY converted at 151.5"
_STATCAN = "Statistics Canada, merchandise trade 2024 (customs basis), CAD converted at 1.370"
_INEGI = "INEGI, Mexico's merchandise trade balance 2024"


def _sources(*, imports: str, exports: str, **own: str) -> tuple[tuple[str, str], ...]:
    """A profile's sources: the IMF's for GDP, weight, outlook and prices, judgement for the
    recession odds and pass-through (as the rest of the world's), unless ``own`` names another."""
    out = {
        "gdp_bn": _IMF_DB,
        "weight": _PPP,
        "growth_base_pct": _IMF_JAN,
        "inflation_base_pct": _IMF_OCT,
        "recession_base_pct": "judgement (long-run frequency, as the rest of the world)",
        "pass_through": "judgement (as the rest of the world)",
        "imports_total_bn": imports,
        "exports_total_bn": exports,
    }
    out.update(own)
    return tuple(out.items())


@dataclass(frozen=True)
class Profile:
    """One library region's own figures (the US's and China's are economy parameters)."""

    id: str
    name: str
    gdp_bn: float
    weight: float  # share of world growth (PPP)
    growth_base_pct: float  # 2025 growth, IMF January 2025
    inflation_base_pct: float  # 2025 consumer prices, before the new tariffs
    recession_base_pct: float  # 12-month recession odds at baseline
    pass_through: float  # share of a tariff passed to the importer's prices
    imports_total_bn: float  # goods imports from the whole world
    exports_total_bn: float  # goods exports to the whole world
    #: the source of each figure, by field name
    sources: tuple[tuple[str, str], ...] = ()

    def source(self, name: str) -> str:
        return dict(self.sources).get(name, "")


#: 2024 figures of the regions that are not economy parameters
PROFILES: dict[str, Profile] = {
    "eu": Profile(
        "eu",
        "European Union",
        gdp_bn=19420.0,
        weight=0.142,
        growth_base_pct=1.0,
        inflation_base_pct=2.0,
        recession_base_pct=15.0,
        pass_through=0.8,
        imports_total_bn=2633.0,
        exports_total_bn=2796.0,
        sources=_sources(
            imports=_EUROSTAT + ": extra-EU imports EUR 2,434bn",
            exports=_EUROSTAT + ": extra-EU exports EUR 2,584bn",
            gdp_bn=_IMF_DB + " (EU27)",
            growth_base_pct=_IMF_JAN + " (euro area, 1.0)",
            inflation_base_pct=_IMF_OCT + " (euro area, 2.0)",
        ),
    ),
    "japan": Profile(
        "japan",
        "Japan",
        gdp_bn=4026.0,
        weight=0.034,
        growth_base_pct=1.1,
        inflation_base_pct=2.0,
        recession_base_pct=15.0,
        pass_through=0.8,
        imports_total_bn=744.0,
        exports_total_bn=707.0,
        sources=_sources(imports=_MOF + ": JPY 112.7tn", exports=_MOF + ": JPY 107.1tn"),
    ),
    "mexico": Profile(
        "mexico",
        "Mexico",
        gdp_bn=1853.0,
        weight=0.018,
        growth_base_pct=1.4,
        inflation_base_pct=3.5,
        recession_base_pct=15.0,
        pass_through=0.8,
        imports_total_bn=625.0,
        exports_total_bn=617.0,
        sources=_sources(imports=_INEGI, exports=_INEGI),
    ),
    "canada": Profile(
        "canada",
        "Canada",
        gdp_bn=2241.0,
        weight=0.013,
        growth_base_pct=2.0,
        inflation_base_pct=2.1,
        recession_base_pct=15.0,
        pass_through=0.8,
        imports_total_bn=573.0,
        exports_total_bn=568.0,
        sources=_sources(imports=_STATCAN + ": CAD 785bn", exports=_STATCAN + ": CAD 778bn"),
    ),
}

#: 2024 goods imports of the first region from the second (bn USD) between library regions,
#: with the source; the US–China pair is the economy parameters' (``imports_us_from_china_bn``)
TRADE_2024: dict[tuple[str, str], tuple[float, str]] = {
    ("us", "eu"): (605.8, _CENSUS),
    ("eu", "us"): (370.2, _CENSUS + " (US exports to the EU)"),
    ("us", "japan"): (148.2, _CENSUS),
    ("japan", "us"): (79.7, _CENSUS + " (US exports to Japan)"),
    ("us", "mexico"): (505.9, _CENSUS),
    ("mexico", "us"): (334.0, _CENSUS + " (US exports to Mexico)"),
    ("us", "canada"): (412.7, _CENSUS),
    ("canada", "us"): (349.4, _CENSUS + " (US exports to Canada)"),
    ("eu", "china"): (560.3, _EUROSTAT + ": EUR 517.8bn"),
    ("china", "eu"): (230.8, _EUROSTAT + ": EU exports to China EUR 213.3bn"),
    ("japan", "china"): (152.0, _GAC + " (China's exports to Japan)"),
    ("china", "japan"): (156.2, _GAC),
    ("mexico", "china"): (90.2, _GAC + " (China's exports to Mexico)"),
    ("china", "mexico"): (19.1, _GAC),
    ("canada", "china"): (64.7, _STATCAN + ": CAD 88.6bn"),
    ("china", "canada"): (21.9, _STATCAN + ": Canada's exports to China, CAD 30.0bn"),
    ("eu", "japan"): (68.0, _EUROSTAT + ": EUR 62.9bn"),
    ("japan", "eu"): (69.0, _EUROSTAT + ": EU exports to Japan EUR 63.8bn"),
    ("eu", "mexico"): (30.3, _EUROSTAT + ": EUR 28.0bn"),
    ("mexico", "eu"): (54.1, _EUROSTAT + ": EU exports to Mexico EUR 50.0bn"),
    ("eu", "canada"): (35.7, _EUROSTAT + ": EUR 33.0bn"),
    ("canada", "eu"): (56.3, _EUROSTAT + ": EU exports to Canada EUR 52.0bn"),
    ("japan", "mexico"): (7.3, _MOF + ": JPY 1.1tn"),
    ("mexico", "japan"): (17.2, _MOF + ": Japan's exports to Mexico JPY 2.6tn"),
    ("japan", "canada"): (12.5, _STATCAN + ": Canada's exports to Japan CAD 17.1bn"),
    ("canada", "japan"): (14.0, _STATCAN + ": CAD 19.2bn"),
    ("mexico", "canada"): (6.8, _STATCAN + ": Canada's exports to Mexico CAD 9.3bn"),
    ("canada", "mexico"): (32.1, _STATCAN + ": CAD 44.0bn"),
}

PROFILE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Profile) if f.name not in ("id", "name", "sources")
)


#: what each profile field may be (an override is checked against it): (low, high, open ends, unit)
FIELD_LIMITS: dict[str, tuple[float, float | None, bool, str]] = {
    "gdp_bn": (0.0, None, True, "bn USD"),
    "weight": (0.0, 0.5, False, "share"),
    "growth_base_pct": (-20.0, 20.0, False, "%"),
    "inflation_base_pct": (-20.0, 50.0, False, "%"),
    "recession_base_pct": (0.0, 100.0, True, "%"),
    "pass_through": (0.0, 1.0, False, "share"),
    "imports_total_bn": (0.0, None, False, "bn USD"),
    "exports_total_bn": (0.0, None, False, "bn USD"),
}


def override_name(region: str, field: str) -> str:
    """The economy override that sets a library region's figure, named as the US's and China's
    parameters are: ``gdp_eu_bn``, ``weight_japan``, ``growth_base_mexico_pct``, ``pass_through_canada``."""
    for unit in ("_bn", "_pct"):
        if field.endswith(unit):
            return f"{field[: -len(unit)]}_{region}{unit}"
    return f"{field}_{region}"


#: every library region's overridable figure: override name -> (region, profile field)
OVERRIDES: dict[str, tuple[str, str]] = {
    override_name(r, f): (r, f) for r in PROFILES for f in PROFILE_FIELDS
}


class UnknownRegion(ValueError):
    """A region the library does not have."""


@dataclass(frozen=True)
class World:
    """The regions one model runs: ``regions`` named apart (sides' and background ones, in the
    scenario's order), then the rest of the world. Hashable: the model caches what it derives."""

    regions: tuple[str, ...] = CORE
    #: a scenario's overrides of library regions' figures (names of :data:`OVERRIDES`), sorted
    overrides: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        problems = world_problems(self.regions)
        problems += [
            f"no library figure {name!r} to override" for name, _ in self.overrides if name not in OVERRIDES
        ]
        if problems:
            raise UnknownRegion("; ".join(problems))

    @property
    def ids(self) -> tuple[str, ...]:
        """Every region of the model, ``row`` last."""
        return (*self.regions, ROW_ID)

    @property
    def size(self) -> int:
        return len(self.regions) + 1

    def index(self, region: str) -> int:
        return self.ids.index(region)

    def profile(self, region: str) -> Profile:
        """A library region's figures in this world, with the scenario's overrides."""
        own = {OVERRIDES[name][1]: value for name, value in self.overrides if OVERRIDES[name][0] == region}
        return dataclasses.replace(PROFILES[region], **own) if own else PROFILES[region]  # type: ignore[arg-type]


def world_problems(regions: tuple[str, ...] | list[str]) -> list[str]:
    """What is wrong with a world's list of named regions (empty if nothing)."""
    out: list[str] = []
    seen: set[str] = set()
    for r in regions:
        if r == ROW_ID:
            out.append("'row' is the rest of the world: a world does not name it")
        elif r not in LIBRARY:
            out.append(f"no region {r!r} in the library (it has {', '.join(LIBRARY)})")
        elif r in seen:
            out.append(f"region {r!r} is named twice")
        seen.add(r)
    for r in CORE:
        if r not in regions:
            out.append(
                f"a world models {' and '.join(CORE)} (their figures are the fitted ones); {r!r} is missing"
            )
    return out


DEFAULT_WORLD = World()


@functools.lru_cache(maxsize=64)
def world_of(regions: tuple[str, ...], overrides: tuple[tuple[str, float], ...] = ()) -> World:
    """The world of ``regions`` with the calibrated pair first (in the library's order), then the
    others in the order given: a scenario's sides and background regions make its world;
    ``overrides`` set library regions' figures (:data:`OVERRIDES` names)."""
    extra = tuple(r for r in regions if r not in CORE and r != ROW_ID)
    ordered: list[str] = [*CORE]
    for r in extra:
        if r not in ordered:
            ordered.append(r)
    return World(tuple(ordered), tuple(sorted(overrides)))

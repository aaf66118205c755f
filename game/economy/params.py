"""Every parameter of the economy model, with its value and its source, in one place.

Each field of :class:`Params` is a plain float (so a scenario can override any of
them by name). Its metadata carries the unit, the source and whether it is *fitted*
(re-estimated by ``python -m game.economy.calibration``) or *fixed* (taken from the
literature, from data, or a stated judgement). ``docs/economy.md`` prints the same
table (``python -m game.economy.calibration --table`` regenerates it).

Regions are indexed ``us`` = 0, ``china`` = 1, ``row`` (rest of world) = 2.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.economy import regions as region_library

REGIONS: tuple[str, ...] = ("us", "china", "row")
US, CHINA, ROW = 0, 1, 2


@dataclass(frozen=True)
class Limits:
    """The values a parameter may take (a scenario's ``economy.overrides`` are checked against
    them): between ``lo`` and ``hi``, either end left out when ``*_open`` (a divisor, a log-odds)
    or absent when None; ``why`` says what breaks outside them."""

    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    why: str = ""

    def admits(self, x: float) -> bool:
        if not math.isfinite(x):
            return False
        if self.lo is not None and (x <= self.lo if self.lo_open else x < self.lo):
            return False
        return not (self.hi is not None and (x >= self.hi if self.hi_open else x > self.hi))

    def text(self, unit: str = "") -> str:
        """ "more than 0 bn USD", "from 0 to 1", "more than 0% and less than 100%", "any finite
        number" (``unit`` as :data:`Params` metadata gives it; ``-`` and ``share`` print none)."""
        u = "" if unit in ("", "-", "share") else unit if unit == "%" else f" {unit}"

        def low(x: float) -> str:
            return f"more than {x:g}" if self.lo_open else f"at least {x:g}"

        def high(x: float) -> str:
            return f"less than {x:g}" if self.hi_open else f"at most {x:g}"

        lo, hi = self.lo, self.hi
        if lo is not None and hi is not None:
            if not self.lo_open and not self.hi_open:
                return f"from {lo:g} to {hi:g}{u}"
            return f"{low(lo)}{u} and {high(hi)}{u}"
        if lo is not None:
            return f"{low(lo)}{u}"
        if hi is not None:
            return f"{high(hi)}{u}"
        return "a finite number"


#: what a unit allows unless a parameter says otherwise (``_p(..., limits=...)``)
UNIT_LIMITS: dict[str, Limits] = {
    "share": Limits(0.0, 1.0),
    "bn USD": Limits(0.0, None),
    "years": Limits(0.0, 50.0),
    "1/years": Limits(0.0, None),
}
_ANY = Limits()
_POSITIVE_GDP = Limits(0.0, None, lo_open=True, why="the model divides by a region's GDP")
_ODDS = Limits(0.0, 100.0, lo_open=True, hi_open=True, why="the model works in the odds' logarithm")


def _p(
    value: float, unit: str, source: str, doc: str, *, fitted: bool = False, limits: Limits | None = None
) -> Any:
    lim = limits if limits is not None else UNIT_LIMITS.get(unit, _ANY)
    assert lim.admits(value), f"default {value} outside its own limits"
    return field(
        default=value,
        metadata={"unit": unit, "source": source, "doc": doc, "fitted": fitted, "limits": lim},
    )


_CENSUS = "US Census Bureau, 2024 trade in goods (FT-900 annual)"
_GAC = "China General Administration of Customs, 2024 totals in USD"
_FIT = "fitted: python -m game.economy.calibration (figures dated up to 30 Apr 2025)"


@dataclass(frozen=True)
class Params:
    """Parameters of the reduced-form model (see ``docs/economy.md`` for the equations)."""

    # ---------------------------------------------------------------- baseline
    growth_base_us_pct: float = _p(2.7, "%", "IMF WEO update, 17 Jan 2025", "US 2025 growth, no new tariffs")
    growth_base_china_pct: float = _p(4.6, "%", "IMF WEO update, 17 Jan 2025", "China 2025 growth")
    growth_base_world_pct: float = _p(
        3.3, "%", "IMF WEO update, 17 Jan 2025", "World 2025 growth; RoW's base is implied by the weights"
    )
    weight_us: float = _p(0.15, "share", "IMF WEO database, PPP weights", "US weight in world growth")
    weight_china: float = _p(0.19, "share", "IMF WEO database, PPP weights", "China weight in world growth")
    weight_row: float = _p(
        0.66,
        "share",
        "IMF WEO database, PPP weights",
        "RoW weight in world growth",
        limits=Limits(0.0, 1.0, lo_open=True, why="RoW's base growth is divided by its weight"),
    )
    gdp_us_bn: float = _p(
        29185.0,
        "bn USD",
        "BEA / IMF WEO Apr 2025 database, 2024",
        "US nominal GDP 2024",
        limits=_POSITIVE_GDP,
    )
    gdp_china_bn: float = _p(
        18748.0,
        "bn USD",
        "NBS / IMF WEO Apr 2025 database, 2024",
        "China nominal GDP 2024",
        limits=_POSITIVE_GDP,
    )
    gdp_row_bn: float = _p(
        62100.0,
        "bn USD",
        "IMF WEO Apr 2025 database: world ≈ 110,000 minus US and China",
        "RoW nominal GDP 2024",
        limits=_POSITIVE_GDP,
    )
    inflation_base_us_pct: float = _p(
        2.666,
        "%",
        _FIT + ": BLS CPI, 12-month change, Jan-Mar 2025 (3.0, 2.8, 2.4); IMF WEO Apr 2025, 3.0",
        "US CPI inflation (12-month change) with no new tariffs",
        fitted=True,
    )
    inflation_base_china_pct: float = _p(
        -0.01476,
        "%",
        _FIT + ": NBS CPI, 12-month change, Jan-Mar 2025 (0.5, -0.7, -0.1); IMF WEO Apr 2025, 0.0",
        "China CPI inflation (12-month change) with no new tariffs",
        fitted=True,
    )
    inflation_base_row_pct: float = _p(
        5.4,
        "%",
        "implied by IMF world 4.2% (Jan 2025) and the weights (approx.)",
        "RoW CPI inflation (12-month change) with no new tariffs",
    )
    recession_base_us_pct: float = _p(
        15.0,
        "%",
        "Goldman Sachs 12-month odds at the start of 2025, as reported",
        "US 12-month recession odds",
        limits=_ODDS,
    )
    recession_base_china_pct: float = _p(
        10.0, "%", "judgement", "China 12-month recession odds at baseline", limits=_ODDS
    )
    recession_base_row_pct: float = _p(
        15.0, "%", "judgement (long-run frequency)", "RoW 12-month recession odds", limits=_ODDS
    )

    # ------------------------------------------------- base trade flows, 2024
    imports_us_from_china_bn: float = _p(438.9, "bn USD", _CENSUS, "US goods imports from China")
    imports_china_from_us_bn: float = _p(
        143.5, "bn USD", _CENSUS + " (US exports to China)", "China's imports from US"
    )
    imports_us_from_row_bn: float = _p(
        2856.7, "bn USD", _CENSUS + ": total imports 3,295.6 minus China", "US imports from RoW"
    )
    imports_row_from_us_bn: float = _p(
        1940.3, "bn USD", _CENSUS + ": total exports 2,083.8 minus China", "RoW imports from US"
    )
    imports_china_from_row_bn: float = _p(
        2442.2, "bn USD", _GAC + ": total imports 2,585.7 minus US 143.5", "China's imports from RoW"
    )
    imports_row_from_china_bn: float = _p(
        3138.6, "bn USD", _GAC + ": total exports 3,577.5 minus US 438.9", "RoW imports from China"
    )

    # ------------------------------------------------------------ trade channel
    trade_elasticity: float = _p(
        2.5, "-", "import-demand elasticity, trade literature (range 2-4)", "sigma in (1+p*tau)^-sigma"
    )
    trade_adjust_years: float = _p(
        0.2,
        "years",
        "judgement; 2018-19 import responses came within 1-2 quarters (Amiti-Redding-Weinstein 2019)",
        "time constant of import flows' partial adjustment",
    )
    pass_through_us: float = _p(
        1.0,
        "share",
        "Amiti-Redding-Weinstein (JEP 2019); Fajgelbaum et al. (QJE 2020)",
        "tariff pass-through, US",
    )
    pass_through_china: float = _p(
        0.6,
        "share",
        "judgement: partial pass-through, substitution to other suppliers",
        "pass-through, China",
    )
    pass_through_row: float = _p(0.8, "share", "judgement", "tariff pass-through, RoW")
    diversion_share: float = _p(
        0.5,
        "share",
        "judgement after Fajgelbaum et al. (AER:I 2024, 'global reallocations')",
        "share of an importer's lost imports re-sourced from the third region",
    )
    deflection_share: float = _p(
        0.25,
        "share",
        "judgement after Fajgelbaum et al. (AER:I 2024)",
        "share of an exporter's lost sales redirected to the third region",
    )
    purchase_displacement: float = _p(
        0.8,
        "share",
        "judgement (soybeans: bought from the US instead of Brazil)",
        "purchases displacing 3rd region",
    )

    # ------------------------------------------------------- growth outlook
    growth_adjust_years: float = _p(
        0.12,
        "years",
        "judgement: forecasts are revised over 1-2 months (monthly surveys, IMF rounds); longer lags fit better",
        "time constant of the growth outlook",
    )
    # --------------------------------------------------- policy reaction function
    policy_response_us: float = _p(
        0.0,
        "share",
        "judgement: no US fiscal response in 2025; the Fed held rates until September",
        "share of the US growth shortfall (beyond the threshold) that policy offsets",
    )
    policy_response_china: float = _p(
        0.5,
        "share",
        "judgement: China's 2025 fiscal and credit support (a wider budget deficit, special bonds, "
        "the May rate and reserve-ratio cuts); IMF WEO update, Jul 2025",
        "share of China's growth shortfall (beyond the threshold) that fiscal and credit policy offsets",
    )
    policy_response_row: float = _p(
        0.2,
        "share",
        "judgement: automatic stabilisers and rate cuts (ECB and others in 2025)",
        "the same for the rest of the world and the library's regions",
    )
    policy_threshold_pp: float = _p(
        0.3,
        "pp",
        "judgement: a shortfall within forecast noise moves no policy",
        "growth shortfall below the January base that policy ignores",
        limits=Limits(0.0, 10.0),
    )
    policy_adjust_years: float = _p(
        0.25,
        "years",
        "judgement: support is announced and takes effect over a quarter",
        "time constant of the policy response",
        limits=Limits(0.0, 50.0, lo_open=True, why="the response's speed divides by it"),
    )
    growth_per_export_change: float = _p(
        0.5025, "pp per % of GDP", _FIT, "growth outlook per 1% of GDP of exports lost or gained", fitted=True
    )
    growth_per_import_cost: float = _p(
        0.5372, "pp per % of GDP", _FIT, "growth outlook per 1% of GDP of tariff import cost", fitted=True
    )
    growth_per_uncertainty: float = _p(
        0.1128,
        "pp per 100 pts",
        _FIT,
        "growth outlook per 100 points of uncertainty (US exposure)",
        fitted=True,
    )
    uncertainty_exposure_us: float = _p(1.0, "-", "normalisation", "exposure of US activity to uncertainty")
    uncertainty_exposure_china: float = _p(
        0.5433, "-", _FIT + "; prior 0.5 ± 0.3", "exposure of China to the uncertainty index", fitted=True
    )
    uncertainty_exposure_row: float = _p(
        0.5959, "-", _FIT + "; prior 0.5 ± 0.3", "exposure of RoW to uncertainty", fitted=True
    )

    # ------------------------------------------------------ uncertainty index
    uncertainty_decay_years: float = _p(
        0.15,
        "years",
        "judgement: EPU shocks halve in about 5-6 weeks",
        "time constant of the uncertainty stock",
        limits=Limits(0.0, 50.0, lo_open=True, why="the stock's decay divides by it"),
    )
    uncertainty_persistent_share: float = _p(
        0.2,
        "share",
        "judgement: after the 2018-19 tariff rounds the trade-policy uncertainty indices stayed"
        " elevated for more than a year (Caldara, Iacoviello, Molligo, Prestipino & Raffo, JME"
        " 2020; Baker, Bloom & Davis trade EPU)",
        "share of the volatility term that goes to the persistent stock (a regime that can move"
        " tariffs by 100 points overnight is remembered)",
    )
    uncertainty_persistent_years: float = _p(
        2.0,
        "years",
        "judgement (same sources): trade-policy uncertainty halves in more than a year",
        "time constant of the persistent uncertainty stock",
        limits=Limits(0.0, 50.0, lo_open=True, why="the persistent stock's decay divides by it"),
    )
    persistent_credibility_decay_per_year: float = _p(
        1.0,
        "1/years",
        "judgement: only a credible agreement kept for a long time restores confidence in the regime",
        "extra decay rate of the persistent stock under a fully credible agreement",
    )
    uncertainty_stock_floor: float = _p(
        -50.0,
        "index pts",
        "Baker, Bloom & Davis EPU index: its calmest months since 1985 sit near 50 (normal = 100)",
        "lowest value of the news/volatility stock: good news cannot calm policy below that",
    )
    uncertainty_per_volatility: float = _p(
        40.0,
        "pts per log-pt",
        "judgement, sets the April 2025 peak at several hundred (EPU April 2025 ≈ 716)",
        "points per trade-weighted log-point of tariff increase",
    )
    uncertainty_cut_weight: float = _p(
        0.25, "-", "judgement", "weight of tariff cuts relative to increases in the volatility term"
    )
    uncertainty_per_tariff_level: float = _p(
        15.0, "pts per log-pt", "judgement", "points per trade-weighted log-point of tariffs in force"
    )
    credibility_damping: float = _p(
        0.8,
        "share",
        "judgement",
        "share of new bad news, volatility and level a fully credible agreement absorbs",
    )
    credibility_decay_per_year: float = _p(
        5.0,
        "1/years",
        "judgement",
        "extra decay rate of the uncertainty stock under a fully credible agreement",
    )

    # --------------------------------------------------------------- inflation
    inflation_per_import_cost: float = _p(
        1.832,
        "pp per % of GDP",
        _FIT + ": Yale Budget Lab, 9-15 Apr 2025, price level +2.9-3.0%",
        "long-run rise of the consumer price level (%) per 1% of GDP of tariff import cost",
        fitted=True,
    )
    price_adjust_years: float = _p(
        1.484,
        "years",
        _FIT + ": IMF WEO Apr 2025, 2025 consumer prices with the tariffs to 4 Apr (US 3.0%, China 0.0%)",
        "time constant of the tariffs' pass-through to consumer prices",
        fitted=True,
        limits=Limits(0.0, 50.0, lo_open=True, why="the pass-through's speed divides by it"),
    )
    inflation_per_growth: float = _p(
        0.15, "pp per pp", "judgement (flat Phillips curve)", "inflation per pp of growth-outlook change"
    )
    inflation_adjust_years: float = _p(
        0.1, "years", "judgement", "time constant of inflation's demand and measures terms"
    )

    # -------------------------------------------------------------- recession
    recession_per_growth: float = _p(
        0.5916, "logit per pp", _FIT, "recession log-odds per pp of growth-outlook cut", fitted=True
    )
    recession_per_uncertainty: float = _p(
        0.2612,
        "logit per 100 pts",
        _FIT,
        "recession log-odds per 100 uncertainty points (x exposure)",
        fitted=True,
    )
    recession_per_inflation: float = _p(
        0.2,
        "logit per pp",
        "judgement (stagflation limits policy easing)",
        "log-odds per pp of extra inflation",
    )

    # ----------------------------------------------------------------- markets
    market_per_growth: float = _p(
        4.0,
        "% per pp",
        "judgement (earnings ≈ GDP); check: S&P 500 -15% YTD on 8 Apr 2025",
        "equity per pp growth",
    )
    market_per_uncertainty: float = _p(
        2.0,
        "% per 100 pts",
        "judgement (risk premium); same check",
        "equity per 100 uncertainty pts (x exposure)",
    )
    market_adjust_years: float = _p(
        0.02, "years", "judgement: markets move within a week", "market time constant"
    )

    # ---------------------------------------------------------------- approval
    approval_per_growth: float = _p(
        1.0, "pp per pp", "game-design judgement", "approval per pp growth outlook"
    )
    approval_per_inflation: float = _p(0.7, "pp per pp", "game-design judgement", "approval per pp inflation")
    approval_per_market: float = _p(0.05, "pp per %", "game-design judgement", "approval per % market move")


PARAM_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Params))
FITTED_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Params) if f.metadata["fitted"])


def default_params() -> Params:
    """The calibrated defaults."""
    return _DEFAULT


_DEFAULT = Params()


@dataclass(frozen=True)
class OverrideProblem:
    """Something wrong with a scenario's ``economy.overrides``: ``name`` is the key it is about,
    ``on_key`` whether the key itself is wrong (an unknown name) rather than its value."""

    name: str
    message: str
    on_key: bool = False


#: the base trade flows (their total divides every trade share)
TRADE_FLOWS: tuple[str, ...] = (
    "imports_us_from_china_bn",
    "imports_china_from_us_bn",
    "imports_us_from_row_bn",
    "imports_row_from_us_bn",
    "imports_china_from_row_bn",
    "imports_row_from_china_bn",
)


def override_problems(overrides: Mapping[str, object], params: Params | None = None) -> list[OverrideProblem]:
    """Every problem of ``overrides`` against ``params`` (default: the calibrated defaults):
    names that are not parameters ("did you mean …?"), values that are not numbers or lie
    outside the parameter's :class:`Limits`, and trade flows that would all be zero."""
    base = params or default_params()
    out: list[OverrideProblem] = []
    good: dict[str, float] = {}
    known = (*PARAM_NAMES, *region_library.OVERRIDES)
    for name, value in overrides.items():
        if name in region_library.OVERRIDES:
            problem = _region_override_problem(name, value)
            if problem is not None:
                out.append(problem)
            continue
        if name not in PARAM_NAMES:
            close = difflib.get_close_matches(str(name), known, n=3, cutoff=0.5)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            out.append(
                OverrideProblem(
                    name,
                    f"unknown economy parameter {name!r}{hint} (docs/economy.md lists them all)",
                    on_key=True,
                )
            )
            continue
        try:
            x = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            out.append(OverrideProblem(name, f"economy parameter {name!r} must be a number, not {value!r}"))
            continue
        meta = describe(name)
        lim: Limits = meta["limits"]
        if not lim.admits(x):
            why = f" ({lim.why})" if lim.why else ""
            out.append(
                OverrideProblem(
                    name, f"economy parameter {name!r} is {x:g}; it must be {lim.text(meta['unit'])}{why}"
                )
            )
            continue
        good[name] = x
    row_weight = good.get("weight_row", base.weight_row)
    if not out and _library_weight(overrides) >= row_weight:
        names = [
            n
            for n in overrides
            if n == "weight_row" or region_library.OVERRIDES.get(n, ("", ""))[1] == "weight"
        ]
        out.append(
            OverrideProblem(
                names[-1] if names else "weight_row",
                f"the library regions' weights ({_library_weight(overrides):g} in all) must stay below the rest of "
                f"the world's ({row_weight:g}): they are carved out of it",
            )
        )
    flows = [good.get(n, getattr(base, n)) for n in TRADE_FLOWS]
    if any(n in good for n in TRADE_FLOWS) and sum(flows) <= 0.0:
        last = next(n for n in reversed(list(overrides)) if n in TRADE_FLOWS)
        out.append(
            OverrideProblem(
                last, "the base trade flows (imports_*_bn) are all zero: at least one must be above 0"
            )
        )
    return out


def _library_weight(overrides: Mapping[str, object]) -> float:
    """The library regions' weights in world growth, with ``overrides`` (already checked)."""
    total = 0.0
    for r, prof in region_library.PROFILES.items():
        v = overrides.get(region_library.override_name(r, "weight"), prof.weight)
        total += float(v) if isinstance(v, int | float) else prof.weight
    return total


def _region_override_problem(name: str, value: object) -> OverrideProblem | None:
    _region, fld = region_library.OVERRIDES[name]
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return OverrideProblem(name, f"economy parameter {name!r} must be a number, not {value!r}")
    lo, hi, lo_open, unit = region_library.FIELD_LIMITS[fld]
    lim = Limits(lo, hi, lo_open=lo_open)
    if not lim.admits(x):
        return OverrideProblem(name, f"economy parameter {name!r} is {x:g}; it must be {lim.text(unit)}")
    return None


def split_overrides(overrides: Mapping[str, float]) -> tuple[dict[str, float], tuple[tuple[str, float], ...]]:
    """A scenario's overrides as (parameters, library regions' figures for
    :func:`game.economy.regions.world_of`)."""
    params = {k: v for k, v in overrides.items() if k not in region_library.OVERRIDES}
    regions = tuple(sorted((k, float(v)) for k, v in overrides.items() if k in region_library.OVERRIDES))
    return params, regions


def params_with_overrides(params: Params, overrides: Mapping[str, float]) -> Params:
    """``params`` with some fields replaced by name.

    Raises ``KeyError`` with a "did you mean …?" hint on an unknown name and ``ValueError`` on
    a value that is not a finite number or lies outside the parameter's limits
    (:func:`override_problems`; a scenario file's are reported, located, before it plays).
    """
    if not overrides:
        return params
    problems = override_problems(overrides, params)
    for pr in problems:
        if pr.on_key:
            raise KeyError(pr.message)
    if problems:
        raise ValueError(problems[0].message)
    own, _regions = split_overrides(overrides)  # (the library regions' figures are the world's)
    return dataclasses.replace(params, **{k: float(v) for k, v in own.items()})


def describe(name: str) -> dict[str, Any]:
    """Unit, source, doc and fitted flag of one parameter."""
    for f in dataclasses.fields(Params):
        if f.name == name:
            return dict(f.metadata)
    raise KeyError(name)


def markdown_table(params: Params | None = None) -> str:
    """The parameter table of ``docs/economy.md``."""
    p = params or default_params()
    rows = ["| parameter | value | unit | allowed | meaning | source |", "|---|---|---|---|---|---|"]
    for f in dataclasses.fields(Params):
        m = f.metadata
        name = f"**{f.name}**" if m["fitted"] else f"`{f.name}`"
        allowed = m["limits"].text(m["unit"])
        rows.append(
            f"| {name} | {getattr(p, f.name):.4g} | {m['unit']} | {allowed} | {m['doc']} | {m['source']} |"
        )
    return "\n".join(rows)

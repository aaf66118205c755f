"""Calibration of the economy model to figures dated up to 30 April 2025.

Run ``python -m game.economy.calibration`` to re-fit the free parameters and print
them with the figures they reproduce (paste the values into
:mod:`game.economy.params`). ``--table`` prints the parameter table of
``docs/economy.md``, ``--timeline`` the historical replay inputs, and
``--replay-csv FILE`` writes the weekly meters of the 2025 replay (for
``scripts/replay_chart.py``).

The procedure:

1. ``inflation_per_import_cost`` in closed form: at the tariffs of 9-15 April 2025
   (US on China +145, on the rest of the world +10) the steady-state US price
   effect equals the Yale Budget Lab's +2.95% (price level +2.9-3.0%).
2. The other free parameters by regularised least squares (Levenberg-Marquardt,
   numerical Jacobian; weak priors keep them near plausible values): the model is
   run weekly from 6 January 2025 (warm-up 0, baseline state) on the tariff path of
   :func:`calibration_timeline` and read on the turns containing the target dates.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from game.economy.model import (
    Inputs,
    Meters,
    derived,
    initial_state,
    stack_inputs,
    steady_targets,
    step,
    zero_inputs,
)
from game.economy.params import FITTED_NAMES, REGIONS, Params, default_params, markdown_table

START = dt.date(2025, 1, 6)
TURN_DAYS = 7
DT_YEARS = TURN_DAYS / 365.0

Matrix = list[list[float]]


class Entry(NamedTuple):
    """A dated move: from ``date`` the matrix of additional tariffs is ``tariffs``."""

    date: dt.date
    tariffs: Matrix  # tariffs[i][j]: region i on imports from region j, pp over end-2024
    uncertainty_news: float  # one-off index points on the turn containing ``date``
    note: str


def _m(us_cn: float = 0.0, us_row: float = 0.0, cn_us: float = 0.0, row_us: float = 0.0) -> Matrix:
    return [[0.0, us_cn, us_row], [cn_us, 0.0, 0.0], [row_us, 0.0, 0.0]]


_D = dt.date
#: The historical path to 30 April 2025 (the fit uses it). Effective rates, documented in docs/economy.md.
_HISTORY: tuple[Entry, ...] = (
    Entry(_D(2025, 1, 6), _m(), 0.0, "start: tariffs of end-2024, IMF January baseline"),
    Entry(
        _D(2025, 1, 20),
        _m(),
        40.0,
        "inauguration; 'America First Trade Policy' memo; threats of 1 Feb tariffs",
    ),
    Entry(
        _D(2025, 2, 4),
        _m(10),
        60.0,
        "US +10 on China (fentanyl, IEEPA); Canada/Mexico tariffs delayed 30 days",
    ),
    Entry(
        _D(2025, 2, 10),
        _m(10, cn_us=1),
        40.0,
        "China 15% coal/LNG, 10% crude/farm machinery (≈$14bn, ≈+1 effective); steel/aluminium and reciprocal plans",
    ),
    Entry(
        _D(2025, 3, 4),
        _m(20, 2, 1, 0.5),
        80.0,
        "US fentanyl tariff 20%; Canada/Mexico 25% on non-USMCA goods (≈+2 on RoW); Canada retaliates (≈+0.5)",
    ),
    Entry(
        _D(2025, 3, 10),
        _m(20, 3, 3, 1.0),
        40.0,
        "China 10-15% on US farm goods (≈+3 in all); US 25% steel/aluminium 12 Mar (≈+1 on RoW); more retaliation",
    ),
    Entry(_D(2025, 3, 26), _m(20, 3, 3, 1.0), 40.0, "25% auto tariffs announced (in force 3 April)"),
    Entry(
        _D(2025, 4, 2),
        _m(20, 10, 3, 1.0),
        250.0,
        "'Liberation Day': autos 3 Apr, 10% baseline 5 Apr (≈+10 effective on RoW); reciprocal 34% on China announced",
    ),
    Entry(
        _D(2025, 4, 9),
        _m(145, 10, 128, 1.0),
        -120.0,
        "US on China 84% then 145% (9-10 Apr); China 34%, 84%, 125% (+3 earlier) = 128; 90-day pause for the others",
    ),
)
#: The IMF April 2025 reference: the tariffs announced up to 4 April, held (no 9 April escalation or pause).
_REFERENCE: tuple[Entry, ...] = (
    *_HISTORY[:-2],
    Entry(
        _D(2025, 4, 2),
        _m(54, 10, 37, 1.0),
        250.0,
        "IMF reference: US on China 20 + 34 = 54; China on US 34 + 3 = 37; US on RoW ≈ +10",
    ),
)
#: After April: illustrative, NOT fitted (out of sample); effective rates approximate.
_LATER: tuple[Entry, ...] = (
    Entry(
        _D(2025, 5, 12),
        _m(30, 10, 13, 1.0),
        -150.0,
        "Geneva: 24 points suspended for 90 days (30% / 10% + 3)",
    ),
    Entry(
        _D(2025, 6, 9), _m(30, 10, 13, 1.0), -30.0, "London framework: rare earths for easing of export curbs"
    ),
    Entry(
        _D(2025, 8, 7),
        _m(30, 15, 13, 1.0),
        40.0,
        "country-specific reciprocal rates in force (≈+15 on RoW, approx.)",
    ),
    Entry(_D(2025, 8, 11), _m(30, 15, 13, 1.0), -30.0, "truce extended to 10 Nov"),
    Entry(
        _D(2025, 10, 10), _m(30, 15, 13, 1.0), 150.0, "threat of +100% from 1 Nov; rare-earth rules widened"
    ),
    Entry(
        _D(2025, 11, 10), _m(20, 15, 10, 1.0), -120.0, "Kuala Lumpur / Busan: fentanyl 20→10; truce a year"
    ),
)


def calibration_timeline(
    variant: str = "history", *, extended: bool = False
) -> list[tuple[dt.date, Matrix, float]]:
    """The dated tariff path the fit assumes: ``[(date, tariff matrix, uncertainty news), ...]``.

    ``variant="history"``: what happened (US/China escalation to 145/128 on 9-12 April);
    ``variant="imf_reference"``: the IMF April WEO reference (tariffs to 4 April held).
    Each matrix is the full matrix in force from that date (rows: importer us, china,
    row; columns: the exporter); the news is added on the turn containing the date.
    ``extended=True`` (history only) adds the illustrative, unfitted rest of 2025.
    """
    return [(e.date, [list(r) for r in e.tariffs], e.uncertainty_news) for e in _entries(variant, extended)]


def _entries(variant: str, extended: bool = False) -> tuple[Entry, ...]:
    if variant == "history":
        return _HISTORY + (_LATER if extended else ())
    if variant == "imf_reference":
        return _REFERENCE
    raise ValueError(f"unknown timeline variant {variant!r}; use 'history' or 'imf_reference'")


def turn_of(date: dt.date, start: dt.date = START, turn_days: int = TURN_DAYS) -> int:
    """The (1-based) turn containing ``date``; dates before the start belong to turn 1."""
    return max(1, (date - start).days // turn_days + 1)


def timeline_inputs(
    timeline: list[tuple[dt.date, Matrix, float]],
    turns: int,
    *,
    start: dt.date = START,
    turn_days: int = TURN_DAYS,
) -> list[Inputs]:
    """Inputs (batch of one) of turns 1..``turns``: the engine's reading of the timeline."""
    out = []
    for t in range(1, turns + 1):
        inp = zero_inputs(1)
        for date, matrix, news in timeline:
            tt = turn_of(date, start, turn_days)
            if tt <= t:
                inp.tariff_pct[0] = np.array(matrix, dtype=float)
            if tt == t:
                inp.uncertainty_news[0] += news
        out.append(inp)
    return out


def replay(params: Params, timelines: list[list[tuple[dt.date, Matrix, float]]], turns: int) -> list[Meters]:
    """Run the timelines (one game each, batched) weekly from the baseline; meters after each turn."""
    per_turn = [timeline_inputs(tl, turns) for tl in timelines]
    g = len(timelines)
    state = initial_state(params, zero_inputs(g), uncertainty_index=100.0, warmup_steps=0, dt_years=DT_YEARS)
    out = []
    for t in range(turns):
        state, m, _ = step(params, state, stack_inputs([pt[t] for pt in per_turn]), DT_YEARS)
        out.append(m)
    return out


# ----------------------------------------------------------------------- targets
@dataclass(frozen=True)
class Target:
    name: str
    variant: str  # timeline variant
    date: dt.date  # read after the turn containing this date
    #: growth / world / recession; cpi_q1: the 12-month CPI change at the ends of January, February and
    #: March averaged; cpi_year: the 2025 average as forecast on the date (that day's policy held)
    meter: str
    region: int  # region index (ignored for world)
    value: float
    sd: float  # weight in the fit: residual / sd
    tolerance: tuple[float, float]  # acceptance band (absolute)
    source: str


def _band(v: float, tol: float) -> tuple[float, float]:
    return (v - tol, v + tol)


_IMF_J = "IMF WEO update, 17 Jan 2025"
_IMF_A = "IMF WEO, 22 Apr 2025 (tariffs to 4 Apr)"
TARGETS: tuple[Target, ...] = (
    Target("world growth, Jan", "history", _D(2025, 1, 17), "world", 0, 3.3, 0.05, _band(3.3, 0.15), _IMF_J),
    Target("US growth, Jan", "history", _D(2025, 1, 17), "growth", 0, 2.7, 0.05, _band(2.7, 0.15), _IMF_J),
    Target("China growth, Jan", "history", _D(2025, 1, 17), "growth", 1, 4.6, 0.05, _band(4.6, 0.15), _IMF_J),
    Target(
        "world growth, Apr (ref.)",
        "imf_reference",
        _D(2025, 4, 22),
        "world",
        0,
        2.8,
        0.05,
        _band(2.8, 0.15),
        _IMF_A,
    ),
    Target(
        "US growth, Apr (ref.)",
        "imf_reference",
        _D(2025, 4, 22),
        "growth",
        0,
        1.8,
        0.05,
        _band(1.8, 0.15),
        _IMF_A,
    ),
    Target(
        "China growth, Apr (ref.)",
        "imf_reference",
        _D(2025, 4, 22),
        "growth",
        1,
        4.0,
        0.05,
        _band(4.0, 0.15),
        _IMF_A,
    ),
    Target(
        "world growth, Apr (history)",
        "history",
        _D(2025, 4, 22),
        "world",
        0,
        2.8,
        0.07,
        _band(2.8, 0.15),
        _IMF_A,
    ),
    Target(
        "US growth, Apr (history)",
        "history",
        _D(2025, 4, 22),
        "growth",
        0,
        1.8,
        0.07,
        _band(1.8, 0.15),
        _IMF_A,
    ),
    Target(
        "China growth, Apr (history)",
        "history",
        _D(2025, 4, 22),
        "growth",
        1,
        4.0,
        0.07,
        _band(4.0, 0.15),
        _IMF_A,
    ),
    Target(
        "US recession odds, late Mar",
        "history",
        _D(2025, 3, 28),
        "recession",
        0,
        35.0,
        6.0,
        (20.0, 50.0),
        "Goldman Sachs, late Mar 2025: 35%",
    ),
    Target(
        "US recession odds, 6 Apr",
        "history",
        _D(2025, 4, 6),
        "recession",
        0,
        52.0,
        8.0,
        (40.0, 66.0),
        "Goldman 45% (6 Apr), Kalshi 54% (3 Apr), JPM 60% (3 Apr)",
    ),
    Target(
        "US recession odds, 15 Apr peak",
        "history",
        _D(2025, 4, 15),
        "recession",
        0,
        55.0,
        3.0,
        (45.0, 65.0),
        "JPM 60%, Kalshi peak 66%, Goldman 45% (3-7 Apr)",
    ),
    # prices: the 12-month CPI readings of the first quarter (published by 10 April), averaged (a
    # constant trend does not follow the month-to-month noise: China's Lunar New Year swing from
    # 0.5% to -0.7%), and the April WEO's 2025 annual average, read as the model's own forecast
    # of it on 22 April: the reference path's tariffs held to December, the weekly 12-month
    # changes of 2025 averaged
    Target(
        "US CPI 12-month, Jan-Mar average",
        "history",
        _D(2025, 3, 31),
        "cpi_q1",
        0,
        round((3.0 + 2.8 + 2.4) / 3, 4),
        0.15,
        _band(2.73, 0.3),
        "BLS CPI: 3.0% (Jan), 2.8% (Feb), 2.4% (Mar), published to 10 Apr 2025",
    ),
    Target(
        "China CPI 12-month, Jan-Mar average",
        "history",
        _D(2025, 3, 31),
        "cpi_q1",
        1,
        round((0.5 - 0.7 - 0.1) / 3, 4),
        0.15,
        _band(-0.1, 0.3),
        "NBS China CPI: 0.5% (Jan), -0.7% (Feb), -0.1% (Mar), published to 9 Apr 2025",
    ),
    Target(
        "US 2025 inflation, Apr (ref.)",
        "imf_reference",
        _D(2025, 4, 22),
        "cpi_year",
        0,
        3.0,
        0.1,
        _band(3.0, 0.3),
        "IMF WEO, 22 Apr 2025: US consumer prices 2025 (annual average)",
    ),
    Target(
        "China 2025 inflation, Apr (ref.)",
        "imf_reference",
        _D(2025, 4, 22),
        "cpi_year",
        1,
        0.0,
        0.1,
        _band(0.0, 0.3),
        "IMF WEO, 22 Apr 2025: China consumer prices 2025 (annual average)",
    ),
)
VARIANTS: tuple[str, ...] = ("history", "imf_reference")

#: price-level target: Yale Budget Lab, 9-15 April 2025 (US on China +145, others +10)
YALE_PRICE_LEVEL_PCT = 2.95
YALE_PEAK_TARIFFS: Matrix = _m(145, 10, 128, 1.0)
#: growth target: Yale Budget Lab, 9-15 April 2025: US 2025 growth -1.1 pp from the tariffs
YALE_GROWTH_PP = -1.1
YALE_GROWTH_SD = 0.1

#: fitted in step 2, with weak priors (mean, sd)
PRIORS: dict[str, tuple[float, float]] = {
    "growth_per_export_change": (0.4, 0.4),
    "growth_per_import_cost": (0.4, 0.4),
    "growth_per_uncertainty": (0.2, 0.2),
    "uncertainty_exposure_china": (0.5, 0.3),
    "uncertainty_exposure_row": (0.5, 0.3),
    "recession_per_growth": (0.7, 0.7),
    "recession_per_uncertainty": (0.3, 0.3),
    "inflation_base_us_pct": (2.7, 0.5),
    "inflation_base_china_pct": (0.0, 0.5),
    "price_adjust_years": (1.0, 1.0),
}
#: fitted parameters that may be negative (the others are kept above zero)
SIGNED: frozenset[str] = frozenset({"inflation_base_us_pct", "inflation_base_china_pct"})
#: the weeks of 2025 (the annual averages read them)
YEAR_TURNS = 52


def _read(m: Meters, t: Target, g: int) -> float:
    if t.meter == "world":
        return float(m.world_growth_pct[g])
    if t.meter == "growth":
        return float(m.growth_pct[g, t.region])
    return float(m.recession_prob_pct[g, t.region])


#: the month ends the first quarter's CPI readings are read at
Q1_MONTH_ENDS: tuple[dt.date, ...] = (_D(2025, 1, 31), _D(2025, 2, 28), _D(2025, 3, 31))


def held_timeline(variant: str, date: dt.date) -> list[tuple[dt.date, Matrix, float]]:
    """The timeline as known on ``date``: its moves up to that date, held from then on."""
    return [e for e in calibration_timeline(variant) if e[0] <= date]


def evaluate(params: Params) -> list[tuple[Target, float]]:
    """Every target with the model's figure (an annual average: the model's forecast on the
    target's date — that day's policy held to December — of the weekly 12-month changes of
    2025 averaged)."""
    turns = max(turn_of(t.date) for t in TARGETS if t.meter != "cpi_year")
    ms = replay(params, [calibration_timeline(v) for v in VARIANTS], turns)
    yearly = [t for t in TARGETS if t.meter == "cpi_year"]
    keys = sorted({(t.variant, t.date) for t in yearly})
    ys = replay(params, [held_timeline(v, d) for v, d in keys], YEAR_TURNS) if keys else []
    out = []
    for t in TARGETS:
        if t.meter == "cpi_year":
            g = keys.index((t.variant, t.date))
            value = float(np.mean([m.inflation_pct[g, t.region] for m in ys]))
        elif t.meter == "cpi_q1":
            g = VARIANTS.index(t.variant)
            value = float(np.mean([ms[turn_of(d) - 1].inflation_pct[g, t.region] for d in Q1_MONTH_ENDS]))
        else:
            value = _read(ms[turn_of(t.date) - 1], t, VARIANTS.index(t.variant))
        out.append((t, value))
    return out


def steady_price_effect(params: Params, tariffs: Matrix) -> float:
    """Steady-state US CPI effect (pp) of a tariff matrix."""
    d = derived(params)
    tau = np.array([tariffs], dtype=float)
    _, cost, _ = steady_targets(params, d, tau, np.zeros_like(tau), np.zeros_like(tau))
    return float(d.cost_to_inflation[0] * cost[0, 0])


def steady_growth_effect(params: Params, tariffs: Matrix) -> np.ndarray:
    """Steady-state effect (pp) of a tariff matrix on each region's growth through trade and prices
    (no uncertainty): the model's counterpart of the Yale Budget Lab's growth estimate."""
    d = derived(params)
    tau = np.array([tariffs], dtype=float)
    targets, cost, _ = steady_targets(params, d, tau, np.zeros_like(tau), np.zeros_like(tau))
    effect: np.ndarray = d.export_to_growth * targets[0, 0].sum(axis=0) + d.cost_to_growth * cost[0]
    return effect


def _residuals(params: Params, names: tuple[str, ...], theta: np.ndarray) -> np.ndarray:
    p = dataclasses.replace(params, **dict(zip(names, map(float, theta), strict=True)))
    res = [(v - t.value) / t.sd for t, v in evaluate(p)]
    res.append((float(steady_growth_effect(p, YALE_PEAK_TARIFFS)[0]) - YALE_GROWTH_PP) / YALE_GROWTH_SD)
    res += [(x - PRIORS[n][0]) / PRIORS[n][1] for n, x in zip(names, theta, strict=True)]
    return np.array(res)


def fit(params: Params | None = None, *, iterations: int = 60, verbose: bool = False) -> Params:
    """Re-fit the free parameters (see the module docstring); returns the fitted Params."""
    p = params or default_params()
    # step 1: closed form (the price effect is linear in the parameter)
    unit = dataclasses.replace(p, inflation_per_import_cost=1.0)
    p = dataclasses.replace(
        p, inflation_per_import_cost=YALE_PRICE_LEVEL_PCT / steady_price_effect(unit, YALE_PEAK_TARIFFS)
    )
    # step 2: Levenberg-Marquardt
    names = tuple(PRIORS)
    theta = np.array([PRIORS[n][0] for n in names])
    floor = np.array([-np.inf if n in SIGNED else 1e-6 for n in names])
    lam = 1e-2
    r = _residuals(p, names, theta)
    cost = float(r @ r)
    for it in range(iterations):
        jac = np.empty((r.size, theta.size))
        for k in range(theta.size):
            h = 1e-6 * max(abs(theta[k]), 1e-2)
            th = theta.copy()
            th[k] += h
            jac[:, k] = (_residuals(p, names, th) - r) / h
        jtj = jac.T @ jac
        grad = jac.T @ r
        while True:
            delta = np.linalg.solve(jtj + lam * np.diag(np.diag(jtj) + 1e-12), -grad)
            cand = np.maximum(theta + delta, floor)
            rc = _residuals(p, names, cand)
            cc = float(rc @ rc)
            if cc < cost:
                theta, r, lam = cand, rc, max(lam / 3.0, 1e-9)
                improved = cost - cc
                cost = cc
                break
            lam *= 4.0
            if lam > 1e12:
                improved = 0.0
                break
        if verbose:
            print(f"  iteration {it + 1}: cost {cost:.6f}", file=sys.stderr)
        if improved < 1e-12:
            break
    return dataclasses.replace(p, **dict(zip(names, map(float, theta), strict=True)))


def report(params: Params) -> str:
    """The targets, the model's figures and whether they are within the acceptance band."""
    lines = [
        "| target | date (turn) | timeline | published | model | band | ok |",
        "|---|---|---|---|---|---|---|",
    ]
    for t, v in evaluate(params):
        ok = t.tolerance[0] <= v <= t.tolerance[1]
        lines.append(
            f"| {t.name} | {t.date.isoformat()} ({turn_of(t.date)}) | {t.variant} | {t.value:g} "
            f"| {v:.2f} | {t.tolerance[0]:g}..{t.tolerance[1]:g} | {'yes' if ok else 'NO'} |"
        )
    price = steady_price_effect(params, YALE_PEAK_TARIFFS)
    growth = float(steady_growth_effect(params, YALE_PEAK_TARIFFS)[0])
    lines.append(
        f"| US price effect of the 9-15 Apr tariffs (steady state, pp) | 2025-04-15 | - | {YALE_PRICE_LEVEL_PCT:g} "
        f"| {price:.2f} | 2.9..3.0 | {'yes' if 2.9 <= price <= 3.0 else 'NO'} |"
    )
    lines.append(
        f"| US growth effect of the 9-15 Apr tariffs, trade + prices (steady state, pp) | 2025-04-15 | - "
        f"| {YALE_GROWTH_PP:g} | {growth:.2f} | -1.3..-0.9 | {'yes' if -1.3 <= growth <= -0.9 else 'NO'} |"
    )
    return "\n".join(lines)


def timeline_table() -> str:
    """The 'Historical replay inputs' table of docs/economy.md."""
    lines = [
        "| date | turn | US on China | US on RoW | China on US | RoW on US | uncertainty news | what |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for variant, extended in (("history", True), ("imf_reference", False)):
        entries = _entries(variant, extended)
        if variant == "imf_reference":
            entries = entries[-1:]
        for e in entries:
            m = e.tariffs
            tag = "" if variant == "history" else " *(IMF reference variant)*"
            later = " *(not fitted)*" if e in _LATER else ""
            lines.append(
                f"| {e.date.isoformat()} | {turn_of(e.date)} | {m[0][1]:g} | {m[0][2]:g} | {m[1][0]:g} | {m[2][0]:g} "
                f"| {e.uncertainty_news:+g} | {e.note}{tag}{later} |"
            )
    return "\n".join(lines)


def weekly_csv(params: Params, turns: int = 52) -> str:
    """Weekly meters of the extended history replay as CSV (for scripts/replay_chart.py)."""
    ms = replay(params, [calibration_timeline("history", extended=True)], turns)
    cols = ["turn", "date", "world_growth_pct", "uncertainty_index"]
    for r in REGIONS:
        cols += [f"{r}.growth_pct", f"{r}.recession_prob_pct", f"{r}.inflation_pct", f"{r}.market_index"]
    cols += ["us.imports_from_china_bn", "china.imports_from_us_bn"]
    lines = [",".join(cols)]
    for t, m in enumerate(ms, start=1):
        end = START + dt.timedelta(days=(t - 1) * TURN_DAYS + TURN_DAYS - 1)
        row = [str(t), end.isoformat(), f"{m.world_growth_pct[0]:.4f}", f"{m.uncertainty_index[0]:.2f}"]
        for i in range(len(REGIONS)):
            row += [
                f"{m.growth_pct[0, i]:.4f}",
                f"{m.recession_prob_pct[0, i]:.3f}",
                f"{m.inflation_pct[0, i]:.4f}",
                f"{m.market_index[0, i]:.3f}",
            ]
        row += [f"{m.imports_bn[0, 0, 1]:.2f}", f"{m.imports_bn[0, 1, 0]:.2f}"]
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m game.economy.calibration", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--table", action="store_true", help="print the parameter table (markdown)")
    ap.add_argument("--timeline", action="store_true", help="print the historical replay inputs (markdown)")
    ap.add_argument(
        "--check", action="store_true", help="report the stored defaults against the targets, no fit"
    )
    ap.add_argument("--replay-csv", metavar="FILE", help="write the weekly meters of the 2025 replay")
    args = ap.parse_args(argv)
    if args.table:
        print(markdown_table())
        return 0
    if args.timeline:
        print(timeline_table())
        return 0
    if args.replay_csv:
        with open(args.replay_csv, "w", encoding="utf-8") as fh:
            fh.write(weekly_csv(default_params()))
        print(f"wrote {args.replay_csv}")
        return 0
    if args.check:
        print(report(default_params()))
        return 0
    fitted = fit(verbose=True)
    print("# fitted values (paste into game/economy/params.py):")
    for name in FITTED_NAMES:
        print(f"{name} = {getattr(fitted, name):.4g}")
    print()
    print(report(fitted))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

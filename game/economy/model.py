"""The reduced-form economy model: inputs, state, meters and the vectorised step.

Every array has a leading dimension G (games in the batch); a step advances all the
games at once with whole-array numpy operations (no Python loop over games). The
equations are written out in ``docs/economy.md``; the parameters live in
:mod:`game.economy.params`.

Channels (the "why did this move?" vocabulary of :data:`Attribution`):

- ``trade``: tariffs moving trade flows (exports lost, diversion, deflection);
- ``prices``: what tariffs cost the importer (real income, CPI);
- ``uncertainty``: the policy-uncertainty index (for the index itself: ``tariffs``,
  ``news``, ``measures``, ``agreement``, ``adjustment``);
- ``measures``: non-tariff measures (trade shifts, direct growth/inflation shocks);
- ``agreement``: purchase commitments and the credibility of agreements;
- ``policy``: fiscal and credit support, a reaction function of the growth shortfall;
- ``news``: one-off growth news;
- ``demand``: inflation following the growth outlook;

Prices: the tariffs' cost to the importer raises a consumer *price level* towards its
long-run effect, gradually (time constant ``price_adjust_years``); the inflation meter is
the price level's 12-month change (its ``prices`` channel) plus the demand and measures
terms, so a one-off tariff lifts inflation for a year and then fades while the tariff
stays in force;
- ``adjustment``: decay and clipping (whatever the named channels do not explain).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from game.economy import regions as lib
from game.economy.params import Params
from game.economy.regions import DEFAULT_WORLD, World
from game.registry import meters as meter_registry

NR = DEFAULT_WORLD.size  # regions of the default world: us, china, row
#: growth and market channels (axis 1 of State.growth_dev / State.market_log)
GROWTH_CHANNELS: tuple[str, ...] = (
    "trade",
    "prices",
    "uncertainty",
    "measures",
    "agreement",
    "policy",
    "news",
)
#: import-flow channels (axis 1 of State.imports_dev)
IMPORT_CHANNELS: tuple[str, ...] = ("trade", "measures", "agreement")
#: inflation channels (axis 1 of State.inflation_dev)
INFLATION_CHANNELS: tuple[str, ...] = ("prices", "measures", "demand")
#: the level terms of the uncertainty index (axis 1 of State.uncertainty_levels)
UNCERTAINTY_LEVELS: tuple[str, ...] = ("tariffs", "measures", "agreement")

Attribution = dict[str, dict[str, np.ndarray]]
POLICY = GROWTH_CHANNELS.index("policy")


# ---------------------------------------------------------------------------- inputs
@dataclass
class Inputs:
    """What the rules engine feeds the model each step (float64 arrays, leading dim G).

    ``tariff_pct[g, i, j]`` is the additional tariff (pp over end-2024) region i levies
    on imports from region j; the other fields are documented in ``docs/economy.md``.
    """

    tariff_pct: np.ndarray  # (G,3,3)
    trade_shift_pct: np.ndarray  # (G,3,3)
    purchases_bn: np.ndarray  # (G,3,3)
    growth_shock_pp: np.ndarray  # (G,3)
    inflation_shock_pp: np.ndarray  # (G,3)
    uncertainty_level: np.ndarray  # (G,)
    uncertainty_news: np.ndarray  # (G,)
    growth_news_pp: np.ndarray  # (G,3)
    agreement_credibility: np.ndarray  # (G,)

    @property
    def games(self) -> int:
        return int(self.tariff_pct.shape[0])


def zero_inputs(games: int, world: World = DEFAULT_WORLD) -> Inputs:
    """Inputs of ``games`` games of ``world`` with no tariffs, measures, news or agreements."""
    g = int(games)
    n = world.size
    return Inputs(
        tariff_pct=np.zeros((g, n, n)),
        trade_shift_pct=np.zeros((g, n, n)),
        purchases_bn=np.zeros((g, n, n)),
        growth_shock_pp=np.zeros((g, n)),
        inflation_shock_pp=np.zeros((g, n)),
        uncertainty_level=np.zeros(g),
        uncertainty_news=np.zeros(g),
        growth_news_pp=np.zeros((g, n)),
        agreement_credibility=np.zeros(g),
    )


def stack_inputs(items: list[Inputs]) -> Inputs:
    """Concatenate batches of inputs along G."""
    if not items:
        raise ValueError("stack_inputs needs at least one Inputs")
    return Inputs(
        **{
            f.name: np.concatenate([np.asarray(getattr(it, f.name), dtype=float) for it in items], axis=0)
            for f in dataclasses.fields(Inputs)
        }
    )


# ----------------------------------------------------------------------------- state
@dataclass
class State:
    """The model's memory, leading dim G. Every meter is a function of the state.

    - ``tariff_prev`` (G,3,3): tariffs of the previous step (the volatility term);
    - ``imports_dev`` (G,3,3,3): import flows minus their 2024 base, per IMPORT_CHANNELS;
    - ``growth_dev`` (G,6,3): growth outlook minus the IMF January base, per GROWTH_CHANNELS;
    - ``inflation_dev`` (G,3,3): inflation minus its base, per INFLATION_CHANNELS;
    - ``market_log`` (G,6,3): log of market index / 100, per GROWTH_CHANNELS;
    - ``uncertainty_stock`` (G,): decaying stock of volatility and news (index points);
    - ``uncertainty_persistent`` (G,): the slow stock — the share of the volatility that is
      remembered (``uncertainty_persistent_share``), decaying over years and faster only
      under a credible agreement (index points);
    - ``uncertainty_levels`` (G,3): level terms while in force, per UNCERTAINTY_LEVELS;
    - ``approval_pressure`` (G,3): the economy's effect on approval in the last step (pp);
    - ``price_level`` (G,3): the consumer price level's rise from the tariffs (%, over the
      no-new-tariff path);
    - ``price_history`` (G,L,3): ``price_level`` at the end of each of the last L steps (L: a
      year of steps, :func:`history_steps`), the oldest first — the 12-month change reads it.
    """

    tariff_prev: np.ndarray
    imports_dev: np.ndarray
    growth_dev: np.ndarray
    inflation_dev: np.ndarray
    market_log: np.ndarray
    uncertainty_stock: np.ndarray
    uncertainty_levels: np.ndarray
    approval_pressure: np.ndarray
    price_level: np.ndarray
    price_history: np.ndarray
    uncertainty_persistent: np.ndarray

    @property
    def games(self) -> int:
        return int(self.tariff_prev.shape[0])

    def _map(self, fn: Any) -> State:
        return State(**{f.name: fn(getattr(self, f.name)) for f in dataclasses.fields(State)})

    def copy(self) -> State:
        return self._map(np.copy)

    def repeat(self, games: int) -> State:
        """A batch-of-one state repeated ``games`` times (for AI lookahead)."""
        if self.games != 1:
            raise ValueError(f"repeat needs a batch of one, not {self.games}")
        return self._map(lambda a: np.repeat(a, int(games), axis=0))

    def take(self, index: int) -> State:
        """Game ``index`` of the batch, as a batch of one."""
        i = int(index)
        return self._map(lambda a: a[i : i + 1].copy())

    def to_dict(self) -> dict[str, list[Any]]:
        """JSON-able; floats survive a JSON round trip exactly."""
        return {f.name: getattr(self, f.name).tolist() for f in dataclasses.fields(State)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> State:
        out = cls(**{f.name: np.array(d[f.name], dtype=np.float64) for f in dataclasses.fields(State)})
        if out.price_history.ndim != 3:  # an empty history's list loses its shape
            out.price_history = np.zeros((out.games, 0, out.price_level.shape[1]))
        return out


def history_steps(dt_years: float) -> int:
    """Steps in a year (at least one): the length of :attr:`State.price_history`."""
    return max(1, round(1.0 / float(dt_years)))


def stack_states(items: list[State]) -> State:
    """Concatenate batches of states along G."""
    return State(
        **{
            f.name: np.concatenate([getattr(s, f.name) for s in items], axis=0)
            for f in dataclasses.fields(State)
        }
    )


# ---------------------------------------------------------------------------- meters
@dataclass
class Meters:
    """What the game shows (leading dim G); always within the documented ranges."""

    growth_pct: np.ndarray  # (G,3)
    world_growth_pct: np.ndarray  # (G,)
    recession_prob_pct: np.ndarray  # (G,3)
    inflation_pct: np.ndarray  # (G,3)
    imports_bn: np.ndarray  # (G,3,3)
    market_index: np.ndarray  # (G,3)
    uncertainty_index: np.ndarray  # (G,)
    approval_pressure_pp: np.ndarray  # (G,3)


#: output ranges of the meters (clipped): those the game's meters read, from the meter
#: registry (``imports_bn`` is read by ``exports_bn``), and the model's own pressure on approval
METER_BOUNDS: dict[str, tuple[float, float]] = {
    **meter_registry.economy_output_bounds(),
    "approval_pressure_pp": (-100.0, 100.0),
}


# --------------------------------------------------------------------------- derived
@dataclass(frozen=True)
class _Derived:
    n: int  # regions, row last
    m0: np.ndarray  # (N,N) base imports, zero diagonal
    off: np.ndarray  # (N,N) 1 off the diagonal, 0 on it
    w_trade: np.ndarray  # (N,N) share of each flow in the modelled trade
    w_div: np.ndarray  # (N,N,N) [i,j,k]: share of i's lost imports from j re-sourced from k
    w_def: np.ndarray  # (N,N,N) [l,i,j]: share of j's lost sales at l redirected to importer i
    gdp: np.ndarray  # (N,)
    pass_through: np.ndarray  # (N,1) importer's pass-through
    weights: np.ndarray  # (N,)
    growth_base: np.ndarray  # (N,)
    inflation_base: np.ndarray  # (N,)
    recession_logit0: np.ndarray  # (N,)
    exposure: np.ndarray  # (N,)
    export_to_growth: np.ndarray  # (N,) pp growth per bn of exports
    cost_to_growth: np.ndarray  # (N,) pp growth per bn of import cost (negative)
    cost_to_inflation: np.ndarray  # (N,)
    unc_to_growth: np.ndarray  # (N,) pp per index point above 100 (negative)
    unc_to_market: np.ndarray  # (N,) log points per index point (negative)
    unc_to_recession: np.ndarray  # (N,) logit per index point
    policy_response: np.ndarray  # (N,) share of the shortfall beyond the threshold offset


def base_imports(p: Params, world: World = DEFAULT_WORLD) -> np.ndarray:
    """The 2024 import matrix of ``world`` (bn USD, importer by exporter, zero diagonal): the US
    and China from the parameters, the library's regions from :data:`regions.TRADE_2024` and their
    totals, and the rest of the world what remains of the parameters' rest of the world once the
    named regions are taken out of it (never below zero)."""
    ids = world.ids
    n = world.size
    us, china, row = 0, 1, n - 1
    m0 = np.zeros((n, n))
    m0[us, china] = p.imports_us_from_china_bn
    m0[china, us] = p.imports_china_from_us_bn
    m0[us, row] = p.imports_us_from_row_bn
    m0[row, us] = p.imports_row_from_us_bn
    m0[china, row] = p.imports_china_from_row_bn
    m0[row, china] = p.imports_row_from_china_bn
    extra = range(2, n - 1)
    for x in extra:
        for j in range(n - 1):
            if j != x:
                m0[x, j] = lib.TRADE_2024[(ids[x], ids[j])][0]
                m0[j, x] = lib.TRADE_2024[(ids[j], ids[x])][0]
    for x in extra:
        prof = world.profile(ids[x])
        m0[x, row] = prof.imports_total_bn - sum(m0[x, j] for j in range(n - 1) if j != x)
        m0[row, x] = prof.exports_total_bn - sum(m0[j, x] for j in range(n - 1) if j != x)
    for c in (us, china):
        for x in extra:
            m0[c, row] -= m0[c, x]
            m0[row, c] -= m0[x, c]
    out: np.ndarray = np.maximum(m0, 0.0)
    return out


def _shares(a: np.ndarray) -> np.ndarray:
    """``out[x, y, z]``: row x's share of its flow to z among every z that is neither x nor y,
    in proportion to ``a[x, z]`` (equal shares where those flows are all zero)."""
    n = a.shape[0]
    out = np.zeros((n, n, n))
    for x in range(n):
        for y in range(n):
            if x == y:
                continue
            zs = [z for z in range(n) if z not in (x, y)]
            tot = sum(a[x, z] for z in zs)
            for z in zs:
                out[x, y, z] = a[x, z] / tot if tot > 0 else 1.0 / len(zs)
    return out


def _redirect_weights(m0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where lost trade goes, in proportion to the base flows. ``w_div[i, j, k]``: of what
    importer i no longer buys from j, the share it re-sources from k (k neither i nor j);
    ``w_def[l, i, j]``: of what exporter j no longer sells to l, the share it redirects to
    importer i (i neither j nor l). With three regions every share is 1: the third region."""
    w_div = _shares(m0)
    w_def = np.transpose(_shares(m0.T), (1, 2, 0))  # [j, l, i] -> [l, i, j]
    return w_div, np.ascontiguousarray(w_def)


@functools.lru_cache(maxsize=32)
def derived(p: Params, world: World = DEFAULT_WORLD) -> _Derived:
    ids = world.ids
    n = world.size
    profs = [world.profile(r) for r in ids[2:-1]]
    m0 = base_imports(p, world)
    w_row = p.weight_row - sum(x.weight for x in profs)
    gdp = np.array(
        [p.gdp_us_bn, p.gdp_china_bn, *(x.gdp_bn for x in profs), p.gdp_row_bn - sum(x.gdp_bn for x in profs)]
    )
    weights = np.array([p.weight_us, p.weight_china, *(x.weight for x in profs), w_row])
    g_row = (
        p.growth_base_world_pct
        - p.weight_us * p.growth_base_us_pct
        - p.weight_china * p.growth_base_china_pct
        - sum(x.weight * x.growth_base_pct for x in profs)
    ) / (w_row)
    growth_base = np.array(
        [p.growth_base_us_pct, p.growth_base_china_pct, *(x.growth_base_pct for x in profs), g_row]
    )
    rec = (
        np.array(
            [
                p.recession_base_us_pct,
                p.recession_base_china_pct,
                *(x.recession_base_pct for x in profs),
                p.recession_base_row_pct,
            ]
        )
        / 100.0
    )
    # the library's regions are as exposed to policy uncertainty as the rest of the world (fitted)
    exposure = np.array(
        [p.uncertainty_exposure_us, p.uncertainty_exposure_china] + [p.uncertainty_exposure_row] * (n - 2)
    )
    w_div, w_def = _redirect_weights(m0)
    arrays = {
        "m0": m0,
        "off": 1.0 - np.eye(n),
        "w_trade": m0 / m0.sum(),
        "w_div": w_div,
        "w_def": w_def,
        "gdp": gdp,
        "pass_through": np.array(
            [
                [p.pass_through_us],
                [p.pass_through_china],
                *([x.pass_through] for x in profs),
                [p.pass_through_row],
            ]
        ),
        "weights": weights,
        "growth_base": growth_base,
        "inflation_base": np.array(
            [
                p.inflation_base_us_pct,
                p.inflation_base_china_pct,
                *(x.inflation_base_pct for x in profs),
                p.inflation_base_row_pct,
            ]
        ),
        "recession_logit0": np.log(rec / (1.0 - rec)),
        "exposure": exposure,
        "export_to_growth": p.growth_per_export_change * 100.0 / gdp,
        "cost_to_growth": -p.growth_per_import_cost * 100.0 / gdp,
        "cost_to_inflation": p.inflation_per_import_cost * 100.0 / gdp,
        "unc_to_growth": -p.growth_per_uncertainty * exposure / 100.0,
        "unc_to_market": -p.market_per_uncertainty * exposure / 100.0 / 100.0,
        "unc_to_recession": p.recession_per_uncertainty * exposure / 100.0,
        "policy_response": np.array(
            [p.policy_response_us, p.policy_response_china] + [p.policy_response_row] * (n - 2)
        ),
    }
    for arr in arrays.values():
        arr.setflags(write=False)
    return _Derived(n=n, **arrays)


def _decayed(
    stock: np.ndarray, dt: float, years: float, credible_rate: float, cred: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """An uncertainty stock after a step of ``dt`` years: its decay with time constant ``years``,
    and, of a positive stock, the extra decay a credible agreement brings (``credible_rate`` a
    year at full credibility ``cred``). Returns (what is kept, the extra decay)."""
    decay = math.exp(-dt / years)
    extra = np.maximum(stock, 0.0) * decay * (1.0 - np.exp(-dt * credible_rate * cred))
    kept: np.ndarray = stock * decay - extra
    return kept, extra


def _alpha(dt: float, tau: float) -> float:
    """Share of the gap closed in one step of ``dt`` years with time constant ``tau``."""
    return 1.0 - math.exp(-dt / tau) if tau > 0 else 1.0


# ------------------------------------------------------------------------- equations
def _csum(a: np.ndarray) -> np.ndarray:
    """Sum over axis 1 by adding slices (much faster than a strided reduction; same in any batch)."""
    out: np.ndarray = a[:, 0] + a[:, 1]
    for k in range(2, a.shape[1]):
        out += a[:, k]
    return out


def _bounded(x: Any, lo: float, hi: float) -> np.ndarray:
    """``x`` as floats within [lo, hi]; NaN becomes ``lo`` (fmax ignores NaN)."""
    out: np.ndarray = np.fmin(np.fmax(np.asarray(x, dtype=np.float64), lo), hi)
    return out


def _levels(
    p: Params, d: _Derived, log_tariff: np.ndarray, measures: np.ndarray, cred: np.ndarray
) -> np.ndarray:
    """Uncertainty level terms while in force: (G,3) = tariffs, measures, agreement."""
    g = log_tariff.shape[0]
    out = np.empty((g, 3))
    tariffs = (p.uncertainty_per_tariff_level * 100.0) * (log_tariff * d.w_trade).reshape(g, d.n * d.n).sum(
        axis=1
    )
    out[:, 0] = tariffs
    out[:, 1] = measures
    out[:, 2] = -p.credibility_damping * cred * (tariffs + np.maximum(measures, 0.0))
    return out


def _uncertainty_raw(state: State) -> np.ndarray:
    raw: np.ndarray = (
        100.0 + state.uncertainty_stock + state.uncertainty_persistent + state.uncertainty_levels.sum(axis=1)
    )
    return raw


def _clip(a: np.ndarray, name: str) -> np.ndarray:
    lo, hi = METER_BOUNDS[name]
    clipped: np.ndarray = np.minimum(np.maximum(a, lo), hi)
    return clipped


def _derived_for(params: Params, world: World, *arrays: np.ndarray) -> _Derived:
    """What ``world`` derives from ``params``, after checking that ``arrays`` (G, ..., N) are of
    its N regions."""
    d = derived(params, world)
    for a in arrays:
        if a.shape[-1] != d.n:
            raise ValueError(
                f"arrays of {a.shape[-1]} regions given to a world of {d.n} ({', '.join(world.ids)})"
            )
    return d


def meters(params: Params, state: State, world: World = DEFAULT_WORLD) -> Meters:
    """The meters a state shows."""
    d = _derived_for(params, world, state.approval_pressure)
    growth = _clip(d.growth_base + _csum(state.growth_dev), "growth_pct")
    world_growth = _clip((growth * d.weights).sum(axis=1), "world_growth_pct")
    inflation = _clip(d.inflation_base + _csum(state.inflation_dev), "inflation_pct")
    imports = _clip(d.m0 + _csum(state.imports_dev), "imports_bn") * d.off
    market = _clip(100.0 * np.exp(np.minimum(_csum(state.market_log), 20.0)), "market_index")
    unc = _clip(_uncertainty_raw(state), "uncertainty_index")
    z = (
        d.recession_logit0
        - params.recession_per_growth * (growth - d.growth_base)
        + d.unc_to_recession * (unc - 100.0)[:, None]
        + params.recession_per_inflation * np.maximum(inflation - d.inflation_base, 0.0)
    )
    rec = 100.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -40.0), 40.0)))
    return Meters(
        growth_pct=growth,
        world_growth_pct=world_growth,
        recession_prob_pct=_clip(rec, "recession_prob_pct"),
        inflation_pct=inflation,
        imports_bn=imports,
        market_index=market,
        uncertainty_index=unc,
        approval_pressure_pp=_clip(state.approval_pressure, "approval_pressure_pp"),
    )


def steady_targets(
    p: Params, d: _Derived, tau: np.ndarray, shift: np.ndarray, purchases: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Steady-state import deviations per channel (G,3,3,3), import cost (G,3), log(1+tau).

    ``tau``, ``shift`` and ``purchases`` must already be within their domains.
    """
    g = tau.shape[0]
    log_tariff = np.log1p(tau / 100.0)
    log_price = np.log1p(d.pass_through * tau / 100.0)
    factor = np.exp(-p.trade_elasticity * log_price)  # (1 + p*tau)^-sigma
    lost = d.m0 * (1.0 - factor)
    # lost flows are redirected only towards a relatively cheaper route: the share is
    # (P_lost - P_new) / (P_lost - 1), clipped to 0..1, where P = 1 + pass-through x tariff;
    # diversion: importer i re-sources from k what it lost from j (r_div[g, i, j, k]);
    # deflection: exporter j redirects to importer i what it lost at l (r_def[g, l, i, j])
    price = np.exp(log_price)
    p_lost = price[:, :, :, None]
    r_div = np.minimum(
        np.maximum((p_lost - price[:, :, None, :]) / np.maximum(p_lost - 1.0, 1e-12), 0.0), 1.0
    )
    p_lost_def = price[:, :, None, :]
    r_def = np.minimum(
        np.maximum((p_lost_def - price[:, None, :, :]) / np.maximum(p_lost_def - 1.0, 1e-12), 0.0), 1.0
    )
    div = ((p.diversion_share * r_div) * d.w_div * lost[:, :, :, None]).sum(axis=2)  # (G, i, k)
    dfl = ((p.deflection_share * r_def) * d.w_def * lost[:, :, None, :]).sum(axis=1)  # (G, i, j)
    redirected = div + dfl
    after_tariff = (d.m0 + redirected) * factor * d.off
    keep = 1.0 + shift / 100.0
    after_measures = after_tariff * keep
    # purchases i commits to from j displace its imports from the others, as diversion would
    displaced = p.purchase_displacement * (purchases[:, :, :, None] * d.w_div).sum(axis=2)
    final = (np.maximum(after_measures - displaced, 0.1 * after_measures) + purchases) * d.off
    targets = np.empty((g, len(IMPORT_CHANNELS), d.n, d.n))
    targets[:, 0] = after_tariff - d.m0
    targets[:, 1] = after_measures - after_tariff
    targets[:, 2] = final - after_measures
    # real cost of the tariffs to the importer: consumer-surplus loss of a CES import demand
    s1 = p.trade_elasticity - 1.0
    per_pair = (1.0 - np.exp(-s1 * log_price)) / s1 if abs(s1) > 1e-09 else log_price
    cost = (d.m0 * keep * per_pair).sum(axis=2)
    return targets, cost, log_tariff


def step(
    params: Params, state: State, inputs: Inputs, dt_years: float, world: World = DEFAULT_WORLD
) -> tuple[State, Meters, Attribution]:
    """Advance every game of ``world`` by ``dt_years``. Pure: the arguments are not modified."""
    p = params
    d = _derived_for(p, world, state.approval_pressure, inputs.growth_shock_pp)
    dt = float(dt_years)
    tau = _bounded(inputs.tariff_pct, 0.0, 10000.0)
    shift = _bounded(inputs.trade_shift_pct, -100.0, 1000.0)
    purchases = _bounded(inputs.purchases_bn, 0.0, 1e5)
    cred = _bounded(inputs.agreement_credibility, 0.0, 1.0)
    unews = _bounded(inputs.uncertainty_news, -1e5, 1e5)
    ulevel = _bounded(inputs.uncertainty_level, -1e5, 1e5)
    gnews = _bounded(inputs.growth_news_pp, -100.0, 100.0)
    gshock = _bounded(inputs.growth_shock_pp, -100.0, 100.0)
    ishock = _bounded(inputs.inflation_shock_pp, -100.0, 100.0)
    before = meters(p, state, world)
    g = tau.shape[0]

    # --- trade flows: partial adjustment towards the steady state of current policy
    imp_targets, cost, log_tariff = steady_targets(p, d, tau, shift, purchases)
    imports_dev = state.imports_dev + _alpha(dt, p.trade_adjust_years) * (imp_targets - state.imports_dev)

    # --- uncertainty index: decaying stock of volatility and news, plus level terms
    dlog = log_tariff - np.log1p(np.maximum(state.tariff_prev, 0.0) / 100.0)
    moves = np.maximum(dlog, 0.0) + p.uncertainty_cut_weight * np.maximum(-dlog, 0.0)
    vol = (p.uncertainty_per_volatility * 100.0) * (moves * d.w_trade).reshape(g, d.n * d.n).sum(axis=1)
    damp = p.credibility_damping * cred
    kept, extra = _decayed(
        state.uncertainty_stock, dt, p.uncertainty_decay_years, p.credibility_decay_per_year, cred
    )
    news_cut = damp * np.maximum(unews, 0.0)
    phi = p.uncertainty_persistent_share
    stock = kept + vol * (1.0 - damp) * (1.0 - phi) + (unews - news_cut)
    stock = np.maximum(stock, p.uncertainty_stock_floor)
    # the persistent stock: the remembered share of the volatility, decaying over years (and
    # faster only under a credible agreement)
    kept_p, extra_p = _decayed(
        state.uncertainty_persistent,
        dt,
        p.uncertainty_persistent_years,
        p.persistent_credibility_decay_per_year,
        cred,
    )
    persistent = kept_p + vol * (1.0 - damp) * phi
    levels = _levels(p, d, log_tariff, ulevel, cred)
    unc = _clip(100.0 + stock + persistent + levels.sum(axis=1), "uncertainty_index")
    unc_gap = (unc - 100.0)[:, None]

    # --- growth outlook: targets per channel, partial adjustment (news: permanent shifts)
    exports = imp_targets[:, :, 0] + imp_targets[:, :, 1] + imp_targets[:, :, 2]  # (G,ch,exporter)
    nc = len(GROWTH_CHANNELS) - 1
    g_targets = np.empty((g, nc, d.n))
    g_targets[:, 0] = d.export_to_growth * exports[:, 0]
    g_targets[:, 1] = d.cost_to_growth * cost
    g_targets[:, 2] = d.unc_to_growth * unc_gap
    g_targets[:, 3] = d.export_to_growth * exports[:, 1] + gshock
    g_targets[:, 4] = d.export_to_growth * exports[:, 2]
    # policy reacts to the shortfall of the outlook it sees (every other channel, last step)
    shortfall = -(_csum(state.growth_dev) - state.growth_dev[:, POLICY])
    g_targets[:, POLICY] = d.policy_response * np.maximum(shortfall - p.policy_threshold_pp, 0.0)
    growth_dev = np.empty_like(state.growth_dev)
    growth_dev[:, :POLICY] = state.growth_dev[:, :POLICY] + _alpha(dt, p.growth_adjust_years) * (
        g_targets[:, :POLICY] - state.growth_dev[:, :POLICY]
    )
    growth_dev[:, POLICY] = state.growth_dev[:, POLICY] + _alpha(dt, p.policy_adjust_years) * (
        g_targets[:, POLICY] - state.growth_dev[:, POLICY]
    )
    growth_dev[:, nc] = state.growth_dev[:, nc] + gnews

    # --- inflation: the price level closes on the tariffs' long-run effect; the meter reads its
    # 12-month change, plus the demand and measures terms (rates, partial adjustment)
    price_level = state.price_level + _alpha(dt, p.price_adjust_years) * (
        d.cost_to_inflation * cost - state.price_level
    )
    hist = state.price_history
    n_hist = history_steps(dt)
    if hist.shape[1] != n_hist:  # a fresh baseline (or another step length): flat prices before
        hist = np.repeat(state.price_level[:, None, :], n_hist, axis=1)
    price_history = np.concatenate([hist[:, 1:], price_level[:, None, :]], axis=1)
    i_targets = np.empty_like(state.inflation_dev)
    i_targets[:, 0] = 0.0  # (the prices channel is the price level's change, set below)
    i_targets[:, 1] = ishock
    i_targets[:, 2] = p.inflation_per_growth * _csum(growth_dev)
    inflation_dev = state.inflation_dev + _alpha(dt, p.inflation_adjust_years) * (
        i_targets - state.inflation_dev
    )
    inflation_dev[:, 0] = price_level - hist[:, 0]

    # --- market: forward-looking, reacts to the growth targets (not the lagged outlook)
    m_targets = g_targets * (p.market_per_growth / 100.0)
    m_targets[:, 2] += d.unc_to_market * unc_gap
    market_log = np.empty_like(state.market_log)
    market_log[:, :nc] = state.market_log[:, :nc] + _alpha(dt, p.market_adjust_years) * (
        m_targets - state.market_log[:, :nc]
    )
    market_log[:, nc] = state.market_log[:, nc] + gnews * (p.market_per_growth / 100.0)

    # --- approval pressure, by channel
    dg = growth_dev - state.growth_dev  # (G,6,3)
    dk = market_log - state.market_log  # (G,6,3)
    di = inflation_dev - state.inflation_dev  # (G,3,3)
    ap = p.approval_per_growth * dg + (p.approval_per_market * 100.0) * dk
    ap[:, 1] -= p.approval_per_inflation * di[:, 0]
    ap[:, 3] -= p.approval_per_inflation * di[:, 1]
    ap_demand = -p.approval_per_inflation * di[:, 2]
    pressure = _csum(ap) + ap_demand

    new = State(
        tariff_prev=tau,
        imports_dev=imports_dev,
        growth_dev=growth_dev,
        inflation_dev=inflation_dev,
        market_log=market_log,
        uncertainty_stock=stock,
        uncertainty_levels=levels,
        approval_pressure=pressure,
        price_level=price_level,
        price_history=price_history,
        uncertainty_persistent=persistent,
    )
    after = meters(p, new, world)

    # --- attribution: the named channels plus "adjustment" (decay, clipping) = the change
    attr: Attribution = {}
    growth_parts = {c: dg[:, k] for k, c in enumerate(GROWTH_CHANNELS)}
    attr["growth_pct"] = growth_attr = _with_adjustment(growth_parts, after.growth_pct - before.growth_pct)
    attr["world_growth_pct"] = _with_adjustment(
        {c: (v * d.weights).sum(axis=1) for c, v in growth_parts.items()},
        after.world_growth_pct - before.world_growth_pct,
    )
    attr["inflation_pct"] = _with_adjustment(
        {c: di[:, k] for k, c in enumerate(INFLATION_CHANNELS)}, after.inflation_pct - before.inflation_pct
    )
    dm = imports_dev - state.imports_dev
    attr["imports_bn"] = _with_adjustment(
        {c: dm[:, k] for k, c in enumerate(IMPORT_CHANNELS)}, after.imports_bn - before.imports_bn
    )
    dlevels = levels - state.uncertainty_levels
    d_unc = after.uncertainty_index - before.uncertainty_index
    attr["uncertainty_index"] = _with_adjustment(
        {
            "tariffs": vol + dlevels[:, 0],
            "news": unews,
            "measures": dlevels[:, 1],
            "agreement": dlevels[:, 2] - vol * damp - news_cut - extra - extra_p,
        },
        d_unc,
    )
    # market: log changes per channel, scaled to the level change (secant slope)
    d_level = after.market_index - before.market_index
    slope_m = _secant(d_level, _csum(dk), after.market_index)
    attr["market_index"] = _with_adjustment(
        {c: dk[:, k] * slope_m for k, c in enumerate(GROWTH_CHANNELS)}, d_level
    )
    # recession: log-odds changes per channel, scaled to the probability change
    z_parts = {c: -p.recession_per_growth * v for c, v in growth_attr.items()}
    z_parts["uncertainty"] = z_parts["uncertainty"] + d.unc_to_recession * d_unc[:, None]
    z_parts["prices"] = z_parts["prices"] + p.recession_per_inflation * (
        np.maximum(after.inflation_pct - d.inflation_base, 0.0)
        - np.maximum(before.inflation_pct - d.inflation_base, 0.0)
    )
    d_rec = after.recession_prob_pct - before.recession_prob_pct
    pr = after.recession_prob_pct / 100.0
    z_total = cast(np.ndarray, sum(z_parts.values()))  # a sum of arrays: never the empty sum's 0
    slope_r = _secant(d_rec, z_total, 100.0 * pr * (1.0 - pr))
    attr["recession_prob_pct"] = _with_adjustment({c: v * slope_r for c, v in z_parts.items()}, d_rec)
    ap_parts = {c: ap[:, k] for k, c in enumerate(GROWTH_CHANNELS)}
    ap_parts["demand"] = ap_demand
    attr["approval_pressure_pp"] = _with_adjustment(ap_parts, after.approval_pressure_pp)
    return new, after, attr


def _secant(dy: np.ndarray, dx: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """dy/dx where dx is not tiny, else the local derivative ``fallback``."""
    small = np.abs(dx) < 1e-12
    return np.where(small, fallback, dy / np.where(small, 1.0, dx))


def _with_adjustment(parts: dict[str, np.ndarray], change: np.ndarray) -> dict[str, np.ndarray]:
    """``parts`` plus an ``adjustment`` channel so that they sum to ``change``."""
    total = change
    for v in parts.values():
        total = total - v
    if "adjustment" in parts:
        parts["adjustment"] = parts["adjustment"] + total
    else:
        parts["adjustment"] = total
    return parts


# ------------------------------------------------------------------------- set-up
def baseline_state(games: int, history: int = 0, world: World = DEFAULT_WORLD) -> State:
    """The pre-2025 baseline of ``world``: 2024 trade flows, IMF January 2025 outlook, index 100,
    prices on their no-new-tariff path for ``history`` steps (none: the first step fills a year's)."""
    g = int(games)
    n = world.size
    return State(
        tariff_prev=np.zeros((g, n, n)),
        imports_dev=np.zeros((g, len(IMPORT_CHANNELS), n, n)),
        growth_dev=np.zeros((g, len(GROWTH_CHANNELS), n)),
        inflation_dev=np.zeros((g, len(INFLATION_CHANNELS), n)),
        market_log=np.zeros((g, len(GROWTH_CHANNELS), n)),
        uncertainty_stock=np.zeros(g),
        uncertainty_levels=np.zeros((g, len(UNCERTAINTY_LEVELS))),
        approval_pressure=np.zeros((g, n)),
        price_level=np.zeros((g, n)),
        price_history=np.zeros((g, int(history), n)),
        uncertainty_persistent=np.zeros(g),
    )


def initial_state(
    params: Params,
    inputs: Inputs,
    *,
    uncertainty_index: float | np.ndarray,
    warmup_steps: int,
    dt_years: float,
    world: World = DEFAULT_WORLD,
) -> State:
    """The state at a scenario's start.

    From the pre-2025 baseline, the model runs ``warmup_steps`` steps at ``inputs``
    (their one-off news ignored) with the uncertainty index pinned at
    ``uncertainty_index``, so that the lags are partly settled; the starting tariffs
    count as already in force (no volatility on turn 1). With no warm-up the state is
    the baseline with the given tariffs and uncertainty: at zero inputs and 100 it
    shows exactly the IMF January 2025 figures.
    """
    g = inputs.games
    target = np.broadcast_to(np.asarray(uncertainty_index, dtype=float), (g,)).copy()
    n = world.size
    state = baseline_state(g, history_steps(dt_years), world)
    tau = _bounded(inputs.tariff_pct, 0.0, 10000.0)
    cred = _bounded(inputs.agreement_credibility, 0.0, 1.0)
    ulevel = _bounded(inputs.uncertainty_level, -1e5, 1e5)
    state.tariff_prev = tau.copy()
    quiet = dataclasses.replace(inputs, uncertainty_news=np.zeros(g), growth_news_pp=np.zeros((g, n)))
    state.uncertainty_levels = _levels(
        params, _derived_for(params, world, inputs.growth_shock_pp), np.log1p(tau / 100.0), ulevel, cred
    )
    # the index above its level terms is the scenario's history of volatility: the persistent
    # share of it is in the slow stock (and decays with it), the rest in the fast one
    gap0 = target - 100.0 - state.uncertainty_levels.sum(axis=1)
    state.uncertainty_persistent = params.uncertainty_persistent_share * np.maximum(gap0, 0.0)
    state.uncertainty_stock = gap0 - state.uncertainty_persistent
    # pin the index: the fast stock is set so that, after this step's decay (and the slow
    # stock's), the index is the target
    dt = float(dt_years)
    decay = math.exp(-dt / params.uncertainty_decay_years)
    extra = np.exp(-dt * params.credibility_decay_per_year * cred)
    decay_p = math.exp(-dt / params.uncertainty_persistent_years)
    extra_p = np.exp(-dt * params.persistent_credibility_decay_per_year * cred)
    for _ in range(int(warmup_steps)):
        r = state.uncertainty_persistent
        r_next = r * decay_p * np.where(r > 0.0, extra_p, 1.0)
        gap = target - 100.0 - state.uncertainty_levels.sum(axis=1) - r_next
        state.uncertainty_stock = gap / (decay * np.where(gap > 0.0, extra, 1.0))
        state, _, _ = step(params, state, quiet, dt_years, world)
        state.uncertainty_stock = (
            target - 100.0 - state.uncertainty_levels.sum(axis=1) - state.uncertainty_persistent
        )
    state.approval_pressure = np.zeros((g, n))
    return state

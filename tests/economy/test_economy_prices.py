"""Prices (issue 14): a price level the tariffs raise gradually, inflation its 12-month change,
and sweeps of every tariff from 0 to 500% monotone and bounded."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game import economy as eco
from game.economy.model import METER_BOUNDS, derived, history_steps, steady_targets

DT = 7 / 365
YEAR = history_steps(DT)


def _run(inputs: list[eco.Inputs], games: int = 1) -> tuple[list[eco.State], list[eco.Meters]]:
    p = eco.default_params()
    s = eco.initial_state(p, eco.zero_inputs(games), uncertainty_index=100.0, warmup_steps=0, dt_years=DT)
    states, ms = [], []
    for inp in inputs:
        s, m, _ = eco.step(p, s, inp, DT)
        states.append(s)
        ms.append(m)
    return states, ms


def _tariff(us_on_china: float) -> eco.Inputs:
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0, eco.US, eco.CHINA] = us_on_china
    return inp


def test_a_year_of_history_is_kept_and_inflation_is_its_12_month_change() -> None:
    assert YEAR == 52
    states, _ = _run([_tariff(100.0)] * 80)
    s = states[-1]
    assert s.price_history.shape == (1, YEAR, 3)
    assert s.price_history[0, -1, eco.US] == s.price_level[0, eco.US]
    # the prices channel of inflation is the price level now minus a year ago
    a_year_ago = states[-1 - YEAR].price_level[0, eco.US]
    assert s.inflation_dev[0, 0, eco.US] == pytest.approx(s.price_level[0, eco.US] - a_year_ago, abs=1e-12)


def test_a_tariff_held_lifts_the_price_level_gradually_and_its_inflation_fades() -> None:
    p = eco.default_params()
    d = derived(p)
    tau = np.zeros((1, 3, 3))
    tau[0, eco.US, eco.CHINA] = 100.0
    _, cost, _ = steady_targets(p, d, tau, np.zeros_like(tau), np.zeros_like(tau))
    long_run = float(d.cost_to_inflation[eco.US] * cost[0, eco.US])
    weeks = 8 * YEAR
    states, _ = _run([_tariff(100.0)] * weeks)
    level = np.array([s.price_level[0, eco.US] for s in states])
    infl = np.array([s.inflation_dev[0, 0, eco.US] for s in states])
    assert np.all(np.diff(level) > 0)  # gradual: a little more each week, never all at once
    assert level[3] < 0.1 * long_run  # after a month most of it is still to come
    assert level[-1] == pytest.approx(long_run, rel=0.01)  # in the end all of it
    peak = int(np.argmax(infl))
    assert infl[peak] > 0.3
    assert YEAR - 1 <= peak <= YEAR + 1  # the 12-month change peaks when the first year is out
    assert infl[-1] < 0.05 * infl[peak]  # and fades while the tariff stays in force


def test_removing_a_tariff_brings_prices_back_down() -> None:
    states, ms = _run([_tariff(100.0)] * (3 * YEAR) + [eco.zero_inputs(1)] * (3 * YEAR))
    base = eco.default_params().inflation_base_us_pct
    after = [s.price_level[0, eco.US] for s in states[3 * YEAR :]]
    assert np.all(np.diff(after) < 0)
    # the year after the cut, the prices channel is below zero (disinflation), then it fades too
    assert states[4 * YEAR].inflation_dev[0, 0, eco.US] < -0.3
    assert abs(states[-1].inflation_dev[0, 0, eco.US]) < 0.2
    assert ms[-1].inflation_pct[0, eco.US] == pytest.approx(base, abs=0.25)


def test_the_first_step_from_a_bare_baseline_starts_a_flat_history() -> None:
    p = eco.default_params()
    s = eco.baseline_state(2)  # no history yet (as a hand-built state may have)
    assert s.price_history.shape == (2, 0, 3)
    inp = eco.zero_inputs(2)
    inp.tariff_pct[:, eco.US, eco.CHINA] = 50.0
    s, _, _ = eco.step(p, s, inp, DT)
    assert s.price_history.shape == (2, YEAR, 3)
    assert np.all(s.price_history[:, :-1] == 0.0)
    round_trip = eco.State.from_dict(eco.baseline_state(1).to_dict())
    assert round_trip.price_history.shape == (1, 0, 3)


#: tariff levels of the sweeps (pp over end-2024)
SWEEP = np.arange(0.0, 501.0, 10.0)
PAIRS = [(i, j) for i, j in itertools.product(range(3), range(3)) if i != j]


@pytest.mark.parametrize("weeks", [1, 13, 52, 156])
def test_sweeps_of_every_tariff_are_monotone_and_bounded(weeks: int) -> None:
    """Each tariff alone, from 0 to 500%, held ``weeks`` weeks: the importer's price level and
    inflation never fall as it rises, and neither side of the tariff gains growth or loses
    recession odds; every meter stays in its range."""
    n = len(SWEEP)
    games = n * len(PAIRS)
    inp = eco.zero_inputs(games)
    for k, (i, j) in enumerate(PAIRS):
        inp.tariff_pct[k * n : (k + 1) * n, i, j] = SWEEP
    states, ms = _run([inp] * weeks, games)
    m, s = ms[-1], states[-1]
    for name, (lo, hi) in METER_BOUNDS.items():
        a = getattr(m, name)
        assert np.all(np.isfinite(a)) and np.all((a >= lo) & (a <= hi)), name
    eps = 1e-9
    for k, (i, j) in enumerate(PAIRS):
        rows = slice(k * n, (k + 1) * n)
        where = f"region {i} taxing region {j}, after {weeks} weeks"
        assert np.all(np.diff(s.price_level[rows, i]) >= -eps), where
        assert np.all(np.diff(m.inflation_pct[rows, i]) >= -eps), where
        for r in (i, j):
            assert np.all(np.diff(m.growth_pct[rows, r]) <= eps), (where, r)
            assert np.all(np.diff(m.recession_prob_pct[rows, r]) >= -eps), (where, r)

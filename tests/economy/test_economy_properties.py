"""Property tests (hypothesis) of the economy model."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from game import economy as eco
from game.economy.model import METER_BOUNDS

DT = 7 / 365
TURNS = 6

tariff_paths = arrays(
    np.float64, (TURNS, 3, 3), elements=st.floats(0, 300, allow_nan=False, allow_subnormal=False)
)
news_paths = arrays(
    np.float64, (TURNS,), elements=st.floats(-300, 600, allow_nan=False, allow_subnormal=False)
)
shifts = arrays(np.float64, (3, 3), elements=st.floats(-100, 50, allow_nan=False, allow_subnormal=False))
purchases = arrays(np.float64, (3, 3), elements=st.floats(0, 200, allow_nan=False, allow_subnormal=False))
small = st.floats(-2, 2, allow_nan=False, allow_subnormal=False)
unit = st.floats(0, 1, allow_nan=False, allow_subnormal=False)


def _inputs(
    tariffs: np.ndarray, news: float, shift: np.ndarray, buy: np.ndarray, shock: float, cred: float
) -> eco.Inputs:
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0] = tariffs
    inp.uncertainty_news[0] = news
    inp.trade_shift_pct[0] = shift
    inp.purchases_bn[0] = buy
    inp.growth_shock_pp[0] = shock
    inp.inflation_shock_pp[0] = -shock
    inp.growth_news_pp[0] = shock / 2
    inp.uncertainty_level[0] = 50 * shock
    inp.agreement_credibility[0] = cred
    return inp


def _start(games: int) -> eco.State:
    return eco.initial_state(
        eco.default_params(), eco.zero_inputs(games), uncertainty_index=100.0, warmup_steps=0, dt_years=DT
    )


@settings(max_examples=60, deadline=None)
@given(tariff_paths, news_paths, shifts, purchases, small, unit)
def test_finite_and_in_range(tariffs, news, shift, buy, shock, cred) -> None:
    p = eco.default_params()
    s = _start(1)
    for t in range(TURNS):
        s, m, attr = eco.step(p, s, _inputs(tariffs[t], news[t], shift, buy, shock, cred), DT)
        for name, (lo, hi) in METER_BOUNDS.items():
            a = getattr(m, name)
            assert np.all(np.isfinite(a)), name
            assert np.all((a >= lo) & (a <= hi)), (name, a)
        for channels in attr.values():
            for a in channels.values():
                assert np.all(np.isfinite(a))


@settings(max_examples=60, deadline=None)
@given(
    tariff_paths,
    st.integers(0, 2),
    st.integers(0, 2),
    arrays(np.float64, (TURNS,), elements=st.floats(0, 150, allow_nan=False, allow_subnormal=False)),
    news_paths,
    shifts,
    purchases,
)
def test_higher_tariff_never_raises_imports_from_the_tariffed_side(
    tariffs, i, j, extra, news, shift, buy
) -> None:
    if i == j:
        j = (i + 1) % 3
    p = eco.default_params()
    low = np.minimum(tariffs, 300 - extra[:, None, None])
    high = low.copy()
    high[:, i, j] += extra  # the second game's tariff of i on j is higher, everything else equal
    s = _start(2)
    for t in range(TURNS):
        a = _inputs(low[t], news[t], shift, buy, 0.0, 0.0)
        b = _inputs(high[t], news[t], shift, buy, 0.0, 0.0)
        s, m, _ = eco.step(p, s, eco.stack_inputs([a, b]), DT)
        assert m.imports_bn[1, i, j] <= m.imports_bn[0, i, j] * (1 + 1e-12) + 1e-9


@settings(max_examples=60, deadline=None)
@given(tariff_paths, news_paths, unit, unit, small)
def test_credible_agreement_never_raises_uncertainty(tariffs, news, c1, c2, shock) -> None:
    lo_c, hi_c = min(c1, c2), max(c1, c2)
    p = eco.default_params()
    s = _start(2)
    zero = np.zeros((3, 3))
    for t in range(TURNS):
        a = _inputs(tariffs[t], news[t], zero, zero, shock, lo_c)
        b = _inputs(tariffs[t], news[t], zero, zero, shock, hi_c)
        s, m, _ = eco.step(p, s, eco.stack_inputs([a, b]), DT)
        assert m.uncertainty_index[1] <= m.uncertainty_index[0] + 1e-9


@settings(max_examples=30, deadline=None)
@given(tariff_paths, news_paths)
def test_attribution_sums_for_any_path(tariffs, news) -> None:
    p = eco.default_params()
    s = _start(1)
    old = eco.meters(p, s)
    zero = np.zeros((3, 3))
    for t in range(TURNS):
        s, m, attr = eco.step(p, s, _inputs(tariffs[t], news[t], zero, zero, 0.3, 0.5), DT)
        for name, channels in attr.items():
            change = (
                getattr(m, name) if name == "approval_pressure_pp" else getattr(m, name) - getattr(old, name)
            )
            np.testing.assert_allclose(sum(channels.values()), change, atol=1e-8)
        old = m

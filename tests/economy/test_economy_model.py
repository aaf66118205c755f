"""Unit tests of the economy model: interface, baseline, purity, batching, attribution."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from game import economy as eco
from game.economy.model import METER_BOUNDS

DT = 7 / 365


def _state(games: int = 1) -> eco.State:
    return eco.initial_state(
        eco.default_params(), eco.zero_inputs(games), uncertainty_index=100.0, warmup_steps=0, dt_years=DT
    )


def _busy_inputs(games: int, seed: int = 0) -> eco.Inputs:
    rng = np.random.default_rng(seed)
    inp = eco.zero_inputs(games)
    inp.tariff_pct[:] = rng.uniform(0, 200, size=(games, 3, 3))
    inp.trade_shift_pct[:] = rng.uniform(-50, 10, size=(games, 3, 3))
    inp.purchases_bn[:] = rng.uniform(0, 50, size=(games, 3, 3))
    inp.growth_shock_pp[:] = rng.uniform(-0.5, 0.2, size=(games, 3))
    inp.inflation_shock_pp[:] = rng.uniform(-0.2, 0.5, size=(games, 3))
    inp.uncertainty_level[:] = rng.uniform(-50, 150, size=games)
    inp.uncertainty_news[:] = rng.uniform(-100, 200, size=games)
    inp.growth_news_pp[:] = rng.uniform(-0.3, 0.3, size=(games, 3))
    inp.agreement_credibility[:] = rng.uniform(0, 1, size=games)
    return inp


def test_regions_and_indices() -> None:
    assert eco.REGIONS == ("us", "china", "row")
    assert (eco.US, eco.CHINA, eco.ROW) == (0, 1, 2)


def test_baseline_shows_imf_january_2025() -> None:
    p = eco.default_params()
    m = eco.meters(p, _state())
    np.testing.assert_allclose(m.growth_pct[0, :2], [2.7, 4.6], atol=1e-12)
    np.testing.assert_allclose(m.world_growth_pct, [3.3], atol=1e-12)
    np.testing.assert_allclose(m.uncertainty_index, [100.0])
    np.testing.assert_allclose(m.market_index, 100.0)
    np.testing.assert_allclose(m.recession_prob_pct[0, 0], p.recession_base_us_pct)
    assert m.imports_bn[0, eco.US, eco.CHINA] == pytest.approx(438.9)
    assert m.imports_bn[0, eco.CHINA, eco.US] == pytest.approx(143.5)
    # stepping the baseline with nothing happening changes nothing
    _, m2, _ = eco.step(p, _state(), eco.zero_inputs(1), DT)
    for f in dataclasses.fields(eco.Meters):
        np.testing.assert_allclose(getattr(m2, f.name), getattr(m, f.name), atol=1e-12, err_msg=f.name)


def test_initial_state_pins_uncertainty_and_warms_up() -> None:
    p = eco.default_params()
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0, eco.US, eco.CHINA] = 145
    inp.tariff_pct[0, eco.CHINA, eco.US] = 125
    inp.uncertainty_news[0] = 500  # one-off news is ignored in the warm-up
    s = eco.initial_state(p, inp, uncertainty_index=450.0, warmup_steps=4, dt_years=DT)
    m = eco.meters(p, s)
    assert m.uncertainty_index[0] == pytest.approx(450.0)
    assert m.growth_pct[0, eco.US] < 2.7 - 0.3
    assert m.imports_bn[0, eco.US, eco.CHINA] < 438.9 * 0.8
    assert m.approval_pressure_pp[0].tolist() == [0.0, 0.0, 0.0]
    # no volatility on turn 1: the starting tariffs are already in force
    inp.uncertainty_news[0] = 0
    _, _, attr = eco.step(p, s, inp, DT)
    assert attr["uncertainty_index"]["tariffs"][0] == pytest.approx(0.0, abs=1e-9)
    s0 = eco.initial_state(p, inp, uncertainty_index=450.0, warmup_steps=0, dt_years=DT)
    assert eco.meters(p, s0).uncertainty_index[0] == pytest.approx(450.0)
    assert eco.meters(p, s0).growth_pct[0, eco.US] == pytest.approx(2.7)


def test_params_overrides() -> None:
    p = eco.params_with_overrides(eco.default_params(), {"trade_elasticity": 3.0})
    assert p.trade_elasticity == 3.0
    assert eco.default_params().trade_elasticity == 2.5
    assert eco.params_with_overrides(p, {}) is p
    with pytest.raises(
        KeyError, match=r"unknown economy parameter 'trade_elastcity'; did you mean 'trade_elasticity'"
    ):
        eco.params_with_overrides(p, {"trade_elastcity": 3.0})
    with pytest.raises(ValueError):
        eco.params_with_overrides(p, {"trade_elasticity": float("nan")})


def test_every_parameter_is_documented() -> None:
    from game.economy.params import describe

    for f in dataclasses.fields(eco.Params):
        meta = describe(f.name)
        assert meta["source"] and meta["doc"] and meta["unit"], f.name
        assert isinstance(getattr(eco.default_params(), f.name), float)


def test_step_is_pure_and_deterministic() -> None:
    p = eco.default_params()
    s = _state(4)
    inp = _busy_inputs(4)
    s_before = json.dumps(s.to_dict())
    i_before = {k: v.copy() for k, v in vars(inp).items()}
    a = eco.step(p, s, inp, DT)
    b = eco.step(p, s, inp, DT)
    assert json.dumps(s.to_dict()) == s_before
    for k, v in vars(inp).items():
        np.testing.assert_array_equal(v, i_before[k])
    assert json.dumps(a[0].to_dict()) == json.dumps(b[0].to_dict())
    # the new state shares no memory with the inputs or the old state
    a[0].tariff_prev[:] = -1
    np.testing.assert_array_equal(inp.tariff_pct, i_before["tariff_pct"])


def test_state_round_trips_through_json_exactly() -> None:
    p = eco.default_params()
    s, _, _ = eco.step(p, _state(3), _busy_inputs(3), DT)
    back = eco.State.from_dict(json.loads(json.dumps(s.to_dict())))
    for f in dataclasses.fields(eco.State):
        np.testing.assert_array_equal(getattr(back, f.name), getattr(s, f.name))
        assert getattr(back, f.name).dtype == np.float64


def test_copy_take_repeat() -> None:
    p = eco.default_params()
    s, _, _ = eco.step(p, _state(3), _busy_inputs(3), DT)
    one = s.take(1)
    assert one.games == 1
    rep = one.repeat(5)
    assert rep.games == 5
    np.testing.assert_array_equal(rep.growth_dev[4], s.growth_dev[1])
    c = s.copy()
    c.growth_dev[:] = 0
    assert np.any(s.growth_dev != 0)
    with pytest.raises(ValueError):
        s.repeat(2)


def test_stack_inputs() -> None:
    a, b = _busy_inputs(2, 1), _busy_inputs(3, 2)
    st = eco.stack_inputs([a, b])
    assert st.tariff_pct.shape == (5, 3, 3)
    np.testing.assert_array_equal(st.uncertainty_news[2:], b.uncertainty_news)


def test_batch_equals_single_games() -> None:
    p = eco.default_params()
    g, turns = 6, 12
    inputs = [_busy_inputs(g, seed) for seed in range(turns)]
    batch = _state(g)
    singles = [_state(1) for _ in range(g)]
    for t in range(turns):
        batch, mb, _ = eco.step(p, batch, inputs[t], DT)
        for i in range(g):
            one = eco.Inputs(**{k: v[i : i + 1] for k, v in vars(inputs[t]).items()})
            singles[i], ms, _ = eco.step(p, singles[i], one, DT)
            for f in dataclasses.fields(eco.Meters):
                np.testing.assert_array_equal(getattr(ms, f.name)[0], getattr(mb, f.name)[i], err_msg=f.name)


def test_attribution_sums_to_change() -> None:
    p = eco.default_params()
    g = 5
    s = _state(g)
    m_old = eco.meters(p, s)
    for t in range(10):
        s, m, attr = eco.step(p, s, _busy_inputs(g, 100 + t), DT)
        assert set(attr) == {f.name for f in dataclasses.fields(eco.Meters)}
        for name, channels in attr.items():
            total = sum(channels.values())
            new, old = getattr(m, name), getattr(m_old, name)
            change = new if name == "approval_pressure_pp" else new - old
            assert total.shape == new.shape, name
            np.testing.assert_allclose(total, change, atol=1e-9, err_msg=name)
        m_old = m


def test_attribution_names_the_cause() -> None:
    """A tariff hike shows up as trade/prices in growth and as tariffs in the uncertainty index."""
    p = eco.default_params()
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0, eco.US, eco.CHINA] = 100
    _, _, attr = eco.step(p, _state(), inp, DT)
    assert attr["uncertainty_index"]["tariffs"][0] > 100
    assert attr["growth_pct"]["trade"][0, eco.CHINA] < 0
    assert attr["growth_pct"]["prices"][0, eco.US] < 0
    assert attr["imports_bn"]["trade"][0, eco.US, eco.CHINA] < 0
    assert attr["inflation_pct"]["prices"][0, eco.US] > 0


def test_meters_in_range_at_extremes() -> None:
    p = eco.default_params()
    g = 4
    inp = eco.zero_inputs(g)
    inp.tariff_pct[:] = 300.0
    inp.tariff_pct[1] = 0.0
    inp.uncertainty_news[:] = [5000, -5000, 1e4, 0]
    inp.trade_shift_pct[2] = -100
    inp.purchases_bn[3] = 1e4
    inp.growth_news_pp[0] = -20
    inp.growth_news_pp[1] = 20
    inp.inflation_shock_pp[0] = 40
    inp.agreement_credibility[:] = [0, 1, 0.5, 2.0]
    s = _state(g)
    for _ in range(60):
        s, m, _ = eco.step(p, s, inp, DT)
        for name, (lo, hi) in METER_BOUNDS.items():
            a = getattr(m, name)
            assert np.all(np.isfinite(a)), name
            assert np.all((a >= lo) & (a <= hi)), name


def test_nan_inputs_do_not_poison_the_state() -> None:
    p = eco.default_params()
    inp = eco.zero_inputs(1)
    for k in vars(inp):
        getattr(inp, k)[...] = np.nan
    s, _, _ = eco.step(p, _state(), inp, DT)
    assert all(np.all(np.isfinite(v)) for v in vars(s).values())


def test_tariff_war_magnitudes() -> None:
    """Sanity of the steady state: a 145/125 war cuts US-China trade by most of it, and hurts both."""
    p = eco.default_params()
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0, eco.US, eco.CHINA] = 145
    inp.tariff_pct[0, eco.CHINA, eco.US] = 125
    s = _state()
    for _ in range(104):
        s, m, _ = eco.step(p, s, inp, DT)
    assert m.imports_bn[0, eco.US, eco.CHINA] < 0.25 * 438.9
    assert m.imports_bn[0, eco.US, eco.ROW] > 2856.7  # diversion to the rest of the world
    assert m.growth_pct[0, eco.US] < 2.7 - 0.3
    assert m.growth_pct[0, eco.CHINA] < 4.6 - 0.5
    assert m.inflation_pct[0, eco.US] > 1.9 + 1.0
    # cutting the tariffs back lifts the outlook
    s2 = s
    for _ in range(52):
        s2, m2, _ = eco.step(p, s2, eco.zero_inputs(1), DT)
    assert m2.growth_pct[0, eco.US] > m.growth_pct[0, eco.US] + 0.3
    assert abs(m2.imports_bn[0, eco.US, eco.CHINA] - 438.9) < 20

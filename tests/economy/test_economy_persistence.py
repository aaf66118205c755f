"""The persistent uncertainty stock (issue 14): calm returns slowly after a tariff shock, and
faster only under a credible agreement."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from game import economy as eco

DT = 7 / 365


def _shock_then_calm(p: eco.Params, *, credibility: float, weeks_after: int) -> tuple[eco.State, eco.Meters]:
    """Four weeks of 145% / 125% between the US and China, then every tariff gone and
    ``weeks_after`` weeks with agreements of this credibility in force (no news)."""
    s = eco.initial_state(p, eco.zero_inputs(1), uncertainty_index=100.0, warmup_steps=0, dt_years=DT)
    war = eco.zero_inputs(1)
    war.tariff_pct[0, eco.US, eco.CHINA] = 145.0
    war.tariff_pct[0, eco.CHINA, eco.US] = 125.0
    m = eco.meters(p, s)
    for _ in range(4):
        s, m, _ = eco.step(p, s, war, DT)
    calm = eco.zero_inputs(1)
    calm.agreement_credibility[0] = credibility
    for _ in range(weeks_after):
        s, m, _ = eco.step(p, s, calm, DT)
    return s, m


def test_a_tariff_shock_is_remembered_for_a_year() -> None:
    p = eco.default_params()
    s, m = _shock_then_calm(p, credibility=0.0, weeks_after=52)
    # the fast stock is gone (time constant about 8 weeks), the persistent one is not
    assert abs(s.uncertainty_stock[0]) < 1.0
    assert s.uncertainty_persistent[0] > 20.0
    assert m.uncertainty_index[0] == pytest.approx(100.0 + s.uncertainty_persistent[0], abs=1.0)
    # without the persistent share the index is back to normal within the year
    p0 = dataclasses.replace(p, uncertainty_persistent_share=0.0)
    s0, m0 = _shock_then_calm(p0, credibility=0.0, weeks_after=52)
    assert s0.uncertainty_persistent[0] == 0.0
    assert m0.uncertainty_index[0] < 101.0
    assert m.uncertainty_index[0] > m0.uncertainty_index[0] + 20.0


def test_the_persistent_stock_decays_with_its_time_constant_and_faster_under_credibility() -> None:
    p = eco.default_params()
    weeks = 26
    base, _ = _shock_then_calm(p, credibility=0.0, weeks_after=0)
    r0 = float(base.uncertainty_persistent[0])
    # the week the tariffs go is itself volatility (cuts count a quarter): measure from after it
    after_cut, _ = _shock_then_calm(p, credibility=0.0, weeks_after=1)
    r1 = float(after_cut.uncertainty_persistent[0])
    assert r1 > r0 * math.exp(-DT / p.uncertainty_persistent_years)
    none, _ = _shock_then_calm(p, credibility=0.0, weeks_after=1 + weeks)
    assert none.uncertainty_persistent[0] == pytest.approx(
        r1 * math.exp(-weeks * DT / p.uncertainty_persistent_years), rel=1e-9
    )
    # a fully credible agreement in force: the extra decay rate k_R on top
    start, _ = _shock_then_calm(p, credibility=1.0, weeks_after=1)
    full, _ = _shock_then_calm(p, credibility=1.0, weeks_after=1 + weeks)
    rate = 1.0 / p.uncertainty_persistent_years + p.persistent_credibility_decay_per_year
    assert full.uncertainty_persistent[0] == pytest.approx(
        start.uncertainty_persistent[0] * math.exp(-weeks * DT * rate), rel=1e-9
    )
    # still slow: half a year of a fully credible agreement leaves more than 40% of it
    assert full.uncertainty_persistent[0] > 0.4 * start.uncertainty_persistent[0]


def test_a_scenarios_starting_index_is_split_between_the_stocks() -> None:
    p = eco.default_params()
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0, eco.US, eco.CHINA] = 145.0
    inp.tariff_pct[0, eco.CHINA, eco.US] = 125.0
    for warmup in (0, 8):
        s = eco.initial_state(p, inp, uncertainty_index=450.0, warmup_steps=warmup, dt_years=DT)
        m = eco.meters(p, s)
        assert m.uncertainty_index[0] == pytest.approx(450.0)
        above = 450.0 - 100.0 - float(s.uncertainty_levels[0].sum())
        share = s.uncertainty_persistent[0] / above
        # the persistent share at the start, a little less after the warm-up's decay
        assert share == pytest.approx(p.uncertainty_persistent_share, rel=0.1)
        assert share <= p.uncertainty_persistent_share + 1e-12
    # at normal times there is nothing to remember
    s = eco.initial_state(p, eco.zero_inputs(1), uncertainty_index=100.0, warmup_steps=3, dt_years=DT)
    assert s.uncertainty_persistent.tolist() == [0.0]
    np.testing.assert_allclose(eco.meters(p, s).uncertainty_index, [100.0])

"""The policy channel: fiscal and credit support as a reaction function of the growth shortfall."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game import economy as eco
from game.economy.model import POLICY

DT = 7 / 365


def _war(params: eco.Params, us_on_china: float, china_on_us: float, weeks: int = 40):
    inp = eco.zero_inputs(1)
    inp.tariff_pct[0, eco.US, eco.CHINA] = us_on_china
    inp.tariff_pct[0, eco.CHINA, eco.US] = china_on_us
    s = eco.initial_state(params, eco.zero_inputs(1), uncertainty_index=100.0, warmup_steps=0, dt_years=DT)
    attrs = []
    for _ in range(weeks):
        s, m, a = eco.step(params, s, inp, DT)
        attrs.append(a)
    return s, m, attrs


def test_china_supports_its_growth_in_a_tariff_war_and_the_us_does_not() -> None:
    p = eco.default_params()
    s, _m, attrs = _war(p, 145.0, 125.0)
    policy = s.growth_dev[0, POLICY]
    assert policy[eco.US] == 0.0
    assert policy[eco.CHINA] > 0.1
    # it offsets at most its share of what the other channels take away
    others = s.growth_dev[0].sum(axis=0) - policy
    assert policy[eco.CHINA] <= p.policy_response_china * max(0.0, -others[eco.CHINA]) + 1e-9
    assert any(a["growth_pct"]["policy"][0, eco.CHINA] > 0 for a in attrs)


def test_without_the_reaction_china_grows_less() -> None:
    p = eco.default_params()
    off = dataclasses.replace(p, policy_response_china=0.0)
    _, with_policy, _ = _war(p, 145.0, 125.0)
    _, without, _ = _war(off, 145.0, 125.0)
    assert with_policy.growth_pct[0, eco.CHINA] > without.growth_pct[0, eco.CHINA] + 0.1
    assert with_policy.growth_pct[0, eco.US] == pytest.approx(without.growth_pct[0, eco.US], abs=1e-6)


def test_a_shortfall_within_the_threshold_moves_no_policy() -> None:
    p = dataclasses.replace(eco.default_params(), policy_threshold_pp=5.0)
    s, _, _ = _war(p, 145.0, 125.0)
    assert np.all(s.growth_dev[0, POLICY] == 0.0)


def test_calm_times_need_no_support() -> None:
    s, _, _ = _war(eco.default_params(), 0.0, 0.0, weeks=10)
    assert np.all(s.growth_dev[0, POLICY] == 0.0)

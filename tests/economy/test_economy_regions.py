"""Regions as data: a world names regions of the library; the rest of the world is what remains."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game import economy as eco
from game.economy import regions as lib
from game.economy.model import base_imports, derived

DT = 7 / 365
EU_WORLD = eco.world_of(("us", "eu"))
ALL = eco.world_of(lib.LIBRARY)


def test_a_world_always_models_the_us_and_china_first_and_the_rest_last() -> None:
    assert EU_WORLD.ids == ("us", "china", "eu", "row")
    assert eco.world_of(("eu", "china")).ids == ("us", "china", "eu", "row")
    assert ALL.ids == ("us", "china", "eu", "japan", "mexico", "canada", "row")
    assert eco.world_of(("us", "china")) == eco.DEFAULT_WORLD


@pytest.mark.parametrize(
    ("regions", "needle"),
    [
        (("us", "china", "atlantis"), "no region 'atlantis'"),
        (("us", "china", "row"), "rest of the world"),
        (("us",), "'china' is missing"),
        (("us", "china", "eu", "eu"), "named twice"),
    ],
)
def test_a_world_of_unknown_or_repeated_regions_says_what_is_wrong(
    regions: tuple[str, ...], needle: str
) -> None:
    with pytest.raises(lib.UnknownRegion, match=needle):
        lib.World(regions)


@pytest.mark.parametrize("world", [EU_WORLD, ALL], ids=["eu", "all"])
def test_carving_regions_out_of_the_rest_keeps_the_world_whole(world: lib.World) -> None:
    p = eco.default_params()
    d0, d = derived(p), derived(p, world)
    assert d.gdp.sum() == pytest.approx(d0.gdp.sum())
    assert d.weights.sum() == pytest.approx(1.0)
    assert (d.growth_base * d.weights).sum() == pytest.approx(p.growth_base_world_pct)
    m0, m = base_imports(p), base_imports(p, world)
    # the US's and China's own totals are as before, whatever the split
    for r in (0, 1):
        assert m[r].sum() == pytest.approx(m0[r].sum())
        assert m[:, r].sum() == pytest.approx(m0[:, r].sum())
    assert (m >= 0).all() and (np.diag(m) == 0).all()
    for x, rid in enumerate(world.ids[2:-1], start=2):
        prof = lib.PROFILES[rid]
        assert m[x].sum() == pytest.approx(prof.imports_total_bn)
        assert m[:, x].sum() == pytest.approx(prof.exports_total_bn)
        assert d.growth_base[x] == prof.growth_base_pct


@pytest.mark.parametrize("world", [eco.DEFAULT_WORLD, ALL], ids=["three", "seven"])
def test_lost_trade_is_shared_out_once(world: lib.World) -> None:
    d = derived(eco.default_params(), world)
    n = d.n
    for i in range(n):
        for j in range(n):
            if i != j:
                assert d.w_div[i, j].sum() == pytest.approx(1.0)
                assert d.w_div[i, j, i] == d.w_div[i, j, j] == 0.0
                assert d.w_def[j, :, i].sum() == pytest.approx(1.0)
    if n == 3:  # three regions: all of it to the third
        assert set(np.unique(d.w_div)) == {0.0, 1.0}


def _run(world: lib.World, tariffs: dict[tuple[str, str], float], weeks: int = 26) -> eco.Meters:
    p = eco.default_params()
    inp = eco.zero_inputs(1, world)
    for (by, on), pct in tariffs.items():
        inp.tariff_pct[0, world.index(by), world.index(on)] = pct
    s = eco.initial_state(
        p, eco.zero_inputs(1, world), uncertainty_index=100.0, warmup_steps=0, dt_years=DT, world=world
    )
    m = eco.meters(p, s, world)
    for _ in range(weeks):
        s, m, _ = eco.step(p, s, inp, DT, world)
    return m


def test_with_no_new_tariffs_every_region_shows_its_january_outlook() -> None:
    m = _run(ALL, {})
    for x, rid in enumerate(ALL.ids[2:-1], start=2):
        assert m.growth_pct[0, x] == pytest.approx(lib.PROFILES[rid].growth_base_pct)
        assert m.inflation_pct[0, x] == pytest.approx(lib.PROFILES[rid].inflation_base_pct)


def test_a_us_tariff_on_the_eu_hurts_the_eu_and_diverts_us_imports() -> None:
    w = EU_WORLD
    us, china, eu, row = (w.index(r) for r in w.ids)
    calm, war = _run(w, {}), _run(w, {("us", "eu"): 30.0})
    assert war.imports_bn[0, us, eu] < 0.8 * calm.imports_bn[0, us, eu]
    assert war.imports_bn[0, us, china] > calm.imports_bn[0, us, china]
    assert war.imports_bn[0, us, row] > calm.imports_bn[0, us, row]
    assert war.growth_pct[0, eu] < calm.growth_pct[0, eu] - 0.1
    assert war.growth_pct[0, us] < calm.growth_pct[0, us]
    # the EU sells some of what the US no longer buys to China and the rest of the world
    assert war.imports_bn[0, china, eu] > calm.imports_bn[0, china, eu]


def test_sweeps_of_a_tariff_on_the_eu_are_monotone_and_bounded() -> None:
    w = EU_WORLD
    us, eu = w.index("us"), w.index("eu")
    rows = [_run(w, {("us", "eu"): t}, weeks=20) for t in range(0, 501, 50)]
    for a, b in itertools.pairwise(rows):
        assert b.growth_pct[0, eu] <= a.growth_pct[0, eu] + 1e-9
        assert b.growth_pct[0, us] <= a.growth_pct[0, us] + 1e-9
        assert b.inflation_pct[0, us] >= a.inflation_pct[0, us] - 1e-9
        assert b.recession_prob_pct[0, eu] >= a.recession_prob_pct[0, eu] - 1e-9
    for m in rows:
        for name, (lo, hi) in eco.METER_BOUNDS.items():
            a = getattr(m, name)
            assert np.isfinite(a).all() and (a >= lo).all() and (a <= hi).all()


def test_arrays_of_another_world_are_refused() -> None:
    p = eco.default_params()
    s = eco.baseline_state(1)
    with pytest.raises(ValueError, match="3 regions given to a world of 4"):
        eco.meters(p, s, EU_WORLD)


def test_every_library_figure_has_a_source() -> None:
    for prof in lib.PROFILES.values():
        for name in lib.PROFILE_FIELDS:
            assert prof.source(name), (prof.id, name)
    core = {("us", "china"), ("china", "us")}  # the parameters' pair
    for a in lib.LIBRARY:
        for b in lib.LIBRARY:
            if a != b and (a, b) not in core:
                value, source = lib.TRADE_2024[(a, b)]
                assert value > 0 and source, (a, b)


def test_a_scenario_may_override_a_library_regions_figures_by_name() -> None:
    from game.economy.params import override_problems, split_overrides

    assert lib.override_name("eu", "gdp_bn") == "gdp_eu_bn"
    assert lib.override_name("japan", "weight") == "weight_japan"
    assert override_problems({"gdp_eu_bn": 20000.0, "pass_through_canada": 0.5}) == []
    own, regional = split_overrides({"gdp_eu_bn": 20000.0, "trade_elasticity": 3.0})
    assert own == {"trade_elasticity": 3.0} and regional == (("gdp_eu_bn", 20000.0),)
    w = eco.world_of(("us", "eu"), regional)
    assert w.profile("eu").gdp_bn == 20000.0 and w.profile("eu").weight == lib.PROFILES["eu"].weight
    d, d0 = derived(eco.default_params(), w), derived(eco.default_params(), EU_WORLD)
    assert d.gdp[2] == 20000.0 and d.gdp.sum() == pytest.approx(d0.gdp.sum())  # carved out of RoW


@pytest.mark.parametrize(
    ("overrides", "needle"),
    [
        ({"gdp_eu_bn": 0}, "'gdp_eu_bn' is 0; it must be more than 0 bn USD"),
        ({"pass_through_japan": 2}, "from 0 to 1"),
        ({"gdp_europe_bn": 1}, "did you mean 'gdp_eu_bn'"),
        ({"weight_eu": 0.5, "weight_japan": 0.3}, "must stay below the rest of the world's"),
        ({"weight_mexico": "a lot"}, "must be a number"),
    ],
)
def test_bad_region_overrides_say_what_is_wrong(overrides: dict, needle: str) -> None:
    from game.economy.params import override_problems

    problems = override_problems(overrides)
    assert any(needle in p.message for p in problems), [p.message for p in problems]

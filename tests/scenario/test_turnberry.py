"""Turnberry (US–EU, July 2025): a scenario whose second side is not China, on a world of four
regions, with tariffs in the background that no delegation moves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine import Game
from game.engine.rules import Rules
from game.forecast import forecast, play_passive_turn
from game.scenario.loader import load_scenario, validate_file

ROOT = Path(__file__).resolve().parents[2]
TURNBERRY = ROOT / "scenarios" / "turnberry-2025.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(TURNBERRY)


def test_it_validates_without_errors_or_warnings() -> None:
    sc, diags = validate_file(TURNBERRY)
    assert sc is not None
    assert [d for d in diags if d.severity in ("error", "warning")] == []


def test_its_world_is_the_us_china_the_eu_and_the_rest(scenario) -> None:
    rules = Rules(scenario)
    assert rules.econ.world.ids == ("us", "china", "eu", "row")
    ri = rules.econ.region_index
    assert (ri["us"], ri["eu"], ri["china"], ri["row"]) == (0, 2, 1, 3)
    inp = rules.econ_inputs(
        {i.id: float(i.start) for i in scenario.instruments}, statements={}, shocks=None, credibility=0.0
    )
    # the background: the US–China truce and the US's effective tariff on the rest
    assert inp.tariff_pct[0, ri["us"], ri["china"]] == 30.0
    assert inp.tariff_pct[0, ri["china"], ri["us"]] == 10.0
    assert inp.tariff_pct[0, ri["us"], ri["row"]] == 11.0
    # the instruments: 10% on 70% of EU goods, 25% on 7.5%, 50% on 3%
    assert inp.tariff_pct[0, ri["us"], ri["eu"]] == pytest.approx(0.7 * 10 + 0.075 * 25 + 0.03 * 50)


def test_the_letter_takes_effect_on_1_august_when_there_is_no_deal(scenario) -> None:
    game = Game(scenario, 0)
    levels = []
    while not game.over and game.state.turn <= 4:
        levels.append(game.state.levels["us_tariff_reciprocal"])
        play_passive_turn(game)
    # two weeks of talks (14-27 July), then the turn of 28 July - 3 August opens at 30%
    assert levels[:3] == [10.0, 10.0, 30.0]


def test_the_30_percent_tariff_costs_the_eu_growth(scenario) -> None:
    before = forecast(scenario, turn=2)
    after = forecast(scenario, turn=8)
    assert after["eu"]["region"] == "eu"
    assert after["eu"]["growth_pct"] < before["eu"]["growth_pct"] - 0.15
    assert after["us"]["growth_pct"] < before["us"]["growth_pct"]
    assert "china" not in after


def test_it_plays_with_the_ai_on_both_sides_and_names_the_sides_by_their_ids(capsys) -> None:
    code = main(
        [
            "simulate",
            "--scenario",
            str(TURNBERRY),
            "--seat",
            "us=ai",
            "--seat",
            "eu=ai",
            "--games",
            "2",
            "--json",
        ]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    games = [json.loads(line) for line in out]
    assert len(games) == 2
    for g in games:
        assert set(g["scores"]) == {"us", "eu"} and set(g["seats"]) == {"us", "eu"}
        assert g["outcome"]


def test_the_china_shorthand_is_refused_where_no_side_is_china(capsys) -> None:
    assert main(["simulate", "--scenario", str(TURNBERRY), "--china", "ai", "--games", "1"]) == 2
    assert "no side 'china' (its sides: us, eu)" in capsys.readouterr().err

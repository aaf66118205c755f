"""The calibration targets, hit by running the timeline week by week through step()."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from game import economy as eco
from game.economy import calibration as cal
from game.economy.params import FITTED_NAMES


def _read(variant: str, date: dt.date) -> eco.Meters:
    ms = cal.replay(eco.default_params(), [eco.calibration_timeline(variant)], cal.turn_of(date))
    return ms[-1]


def test_january_baseline_with_no_new_tariffs() -> None:
    m = _read("history", dt.date(2025, 1, 17))
    assert abs(m.world_growth_pct[0] - 3.3) <= 0.15
    assert abs(m.growth_pct[0, eco.US] - 2.7) <= 0.15
    assert abs(m.growth_pct[0, eco.CHINA] - 4.6) <= 0.15


@pytest.mark.parametrize("variant", ["imf_reference", "history"])
def test_april_imf_outlook(variant: str) -> None:
    m = _read(variant, dt.date(2025, 4, 22))
    assert abs(m.world_growth_pct[0] - 2.8) <= 0.15
    assert abs(m.growth_pct[0, eco.US] - 1.8) <= 0.15
    assert abs(m.growth_pct[0, eco.CHINA] - 4.0) <= 0.15


@pytest.mark.parametrize("day", [13, 15, 22])
def test_us_recession_odds_at_the_peak(day: int) -> None:
    m = _read("history", dt.date(2025, 4, day))
    assert 45.0 <= m.recession_prob_pct[0, eco.US] <= 65.0


def test_uncertainty_peaks_at_several_hundred_in_april() -> None:
    ms = cal.replay(eco.default_params(), [eco.calibration_timeline("history")], 17)
    u = [float(m.uncertainty_index[0]) for m in ms]
    assert u[0] == pytest.approx(100.0)
    assert 400 <= max(u) <= 900
    assert int(np.argmax(u)) + 1 in (13, 14)  # the turns of 2 and 9 April


def test_every_calibration_target_within_band() -> None:
    for target, value in cal.evaluate(eco.default_params()):
        lo, hi = target.tolerance
        assert lo <= value <= hi, (target.name, value)


def test_refit_reproduces_the_stored_values() -> None:
    fitted = cal.fit()
    for name in FITTED_NAMES:
        assert getattr(fitted, name) == pytest.approx(getattr(eco.default_params(), name), rel=2e-3), name


def test_timeline_shape_and_dates() -> None:
    for variant in cal.VARIANTS:
        tl = eco.calibration_timeline(variant)
        assert tl[0][0] == cal.START
        dates = [d for d, _, _ in tl]
        assert dates == sorted(dates)
        assert all(d <= dt.date(2025, 4, 30) for d in dates)
        for _, matrix, news in tl:
            assert len(matrix) == 3 and all(len(r) == 3 for r in matrix)
            assert all(matrix[i][i] == 0 for i in range(3))
            assert isinstance(news, float)
    assert eco.calibration_timeline("history", extended=True)[-1][0].year == 2025
    with pytest.raises(ValueError):
        eco.calibration_timeline("nope")


def test_timeline_inputs_follow_the_engine_turn_rule() -> None:
    tl = eco.calibration_timeline("history")
    ins = cal.timeline_inputs(tl, 16)
    # turn 5 = 3-9 Feb contains 4 Feb: US +10 on China from that turn, news once
    assert ins[3].tariff_pct[0, eco.US, eco.CHINA] == 0
    assert ins[4].tariff_pct[0, eco.US, eco.CHINA] == 10
    assert ins[4].uncertainty_news[0] == 60
    assert ins[5].uncertainty_news[0] == 40
    assert ins[13].tariff_pct[0, eco.US, eco.CHINA] == 145  # turn 14 = 7-13 April
    assert ins[15].uncertainty_news[0] == 0
    assert cal.turn_of(dt.date(2025, 1, 1)) == 1
    assert cal.turn_of(dt.date(2025, 4, 22)) == 16


def test_replay_tables_render() -> None:
    assert "| 2025-04-09 | 14 | 145 |" in cal.timeline_table()
    csv = cal.weekly_csv(eco.default_params(), turns=3)
    assert csv.count("\n") == 4


def test_params_table_has_every_parameter() -> None:
    from game.economy.params import markdown_table

    table = markdown_table()
    for f in dataclasses.fields(eco.Params):
        assert f.name in table


def test_the_parameter_table_of_docs_economy_is_the_generated_one() -> None:
    # (python -m game.economy.calibration --table prints it; paste it over the old one)
    from pathlib import Path

    from game.economy.params import markdown_table

    doc = (Path(__file__).resolve().parents[2] / "docs" / "economy.md").read_text(encoding="utf-8")
    assert markdown_table() in doc


def test_the_fit_reads_only_figures_dated_up_to_30_april_2025(monkeypatch) -> None:
    # issue 14's discipline: later figures are for checking, never for fitting — every target
    # the fit weighs is dated by then, and the fit never asks for the extended (post-April)
    # timeline of tariffs and news
    cutoff = dt.date(2025, 4, 30)
    assert all(t.date <= cutoff for t in cal.TARGETS), [t.name for t in cal.TARGETS if t.date > cutoff]
    asked: list[bool] = []
    real = cal._entries

    def entries(variant: str, extended: bool = False):
        asked.append(extended)
        return real(variant, extended)

    monkeypatch.setattr(cal, "_entries", entries)
    cal.fit(iterations=1)
    assert asked and not any(asked)

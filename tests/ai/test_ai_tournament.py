"""Tournaments: deterministic for a seed; the CLI's usage errors exit 2."""

from __future__ import annotations

import pytest

from game.ai.tournament import run_tournament
from game.cli import main
from game.cli.tournament import format_report

pytestmark = pytest.mark.slow  # tournaments: every style and level against the others


def _untimed(summary: dict) -> dict:
    out = {k: v for k, v in summary.items() if k != "max_decision_ms"}
    out["results"] = [{k: v for k, v in r.items() if k != "max_decision_ms"} for r in summary["results"]]
    return out


def test_tournament_is_deterministic(geneva):
    kw = dict(styles=["pragmatist", "conceder"], levels=["easy"], jobs=1)
    a = run_tournament(geneva, 1, 3, **kw)
    b = run_tournament(geneva, 1, 3, **kw)
    assert _untimed(a) == _untimed(b)  # everything but the wall-clock timings
    assert len(a["results"]) == 4  # every ordered pair, self-play included
    text = format_report(a, geneva.side_ids)
    assert "pragmatist:easy" in text and "Balance" in text


def test_tournament_command_runs_and_reports_progress(capsys):
    rc = main(
        ["tournament", "--games", "1", "--styles", "conceder", "--levels", "easy", "--jobs", "1", "--json"]
    )
    out, err = capsys.readouterr()
    assert rc == 0
    assert '"table"' in out
    assert "1/1 games" in err


def test_tournament_usage_errors_exit_2(capsys):
    assert main(["tournament", "--games", "0"]) == 2
    assert main(["tournament", "--styles", "nobody"]) == 2
    assert main(["tournament", "--levels", "godlike"]) == 2
    assert main(["tournament", "--games", "x"]) == 2


def _result(seed: int, us: str, china: str, us_score: float, china_score: float):
    from game.ai.tournament import GameResult

    return GameResult(
        seed,
        {"us": us, "china": china},
        {"us": us_score, "china": china_score},
        "truce",
        None,
        13,
        1,
        10,
        1.0,
    )


def test_head_to_head_pairs_swap_sides_and_cancel_the_side_difference():
    from game.ai.tournament import head_to_head

    entrants = [("pragmatist", "easy"), ("pragmatist", "normal")]
    results = [
        # the US side scores 20 more than China whoever plays it; normal is 1 point better
        _result(0, "pragmatist:normal", "pragmatist:easy", 81.0, 60.0),
        _result(0, "pragmatist:easy", "pragmatist:normal", 80.0, 61.0),
        # a second seed: a tie within half a point
        _result(1, "pragmatist:normal", "pragmatist:easy", 80.2, 60.0),
        _result(1, "pragmatist:easy", "pragmatist:normal", 80.0, 60.1),
    ]
    (row,) = head_to_head(entrants, results, ["us", "china"])
    assert (row["higher"], row["lower"]) == ("normal", "easy")
    assert (row["pairs"]["wins"], row["pairs"]["ties"], row["pairs"]["losses"]) == (1, 1, 0)
    assert row["pairs"]["share"] == 0.75
    assert row["by_style"]["pragmatist"]["share"] == 0.75
    # a pair with a game missing is left out, not counted as a loss
    assert head_to_head(entrants, results[:3], ["us", "china"])[0]["pairs"]["wins"] == 1

"""Tournaments: deterministic for a seed; the CLI's usage errors exit 2."""

from __future__ import annotations

from game.ai.tournament import format_report, run_tournament
from game.cli import main


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

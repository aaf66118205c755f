"""Issue 13's criteria harness (game.ai.criteria, ``tariff-talks tournament --criteria``):
the paired statistics, each criterion's pass/fail on small made-up results, the schedule
(every game the criteria read, once), the recorded games, and one tiny real run."""

from __future__ import annotations

import json
import math
from dataclasses import asdict

import pytest

from game.ai import make_ai
from game.ai.criteria import (
    MARGIN,
    WIN_SHARE,
    cell_passes,
    criteria_schedule,
    format_criteria,
    paired,
    parse_benchmark,
    summarise_criteria,
    t975,
)
from game.ai.tournament import DealRecord, GameRecord, GameResult, package_key, play_seats
from game.cli import main
from game.engine import Term

E, N = "pragmatist:easy", "pragmatist:normal"


# ------------------------------------------------------------------------ statistics
def test_t975_matches_students_table():
    for df, t in ((1, 12.706), (4, 2.776), (10, 2.228), (20, 2.086), (39, 2.023), (100, 1.984)):
        assert t975(df) == pytest.approx(t, abs=1e-3)
    assert t975(0) == math.inf


def test_paired_counts_ties_half_and_gives_the_margins_interval():
    p = paired([4.0, 5.0, 0.3, -1.0])  # win, win, tie (within 0.5), loss
    assert (p["games"], p["wins"], p["ties"], p["losses"]) == (4, 2, 1, 1)
    assert p["share"] == 0.625 and p["win_share"] == 0.5
    assert p["mean_margin"] == pytest.approx(2.075)
    sd = math.sqrt(sum((d - 2.075) ** 2 for d in (4.0, 5.0, 0.3, -1.0)) / 3)
    half = 3.182 * sd / 2
    assert p["ci95"] == pytest.approx([2.075 - half, 2.075 + half], abs=2e-3)
    assert paired([7.0])["ci95"] is None and paired([])["share"] == 0.0


def test_a_ladder_cell_needs_both_the_share_and_the_margin():
    ok = {"games": 40, "share": WIN_SHARE, "mean_margin": MARGIN}
    assert cell_passes(ok)
    assert not cell_passes({**ok, "share": WIN_SHARE - 0.01})
    assert not cell_passes({**ok, "mean_margin": MARGIN - 0.1})
    assert not cell_passes({**ok, "games": 0})


def test_parse_benchmark_reads_the_levels_row():
    text = (
        "level    decisions   p50 ms   p90 ms   p99 ms   max ms\n"
        "hard            41     17.6     21.9     29.2     29.2\n"
        "expert          26     18.1     23.6    260.2    301.0\n"
        "slowest expert decision 301 ms: OVER the 250 ms budget\n"
    )
    row = parse_benchmark(text, "expert")
    assert row == {
        "level": "expert",
        "decisions": 26,
        "p50_ms": 18.1,
        "p90_ms": 23.6,
        "p99_ms": 260.2,
        "max_ms": 301.0,
    }
    assert parse_benchmark(text, "easy") is None


# -------------------------------------------------------------------------- schedule
def test_the_schedule_plays_each_game_the_criteria_read_once():
    plan = criteria_schedule(
        ["pragmatist"], ["easy", "normal", "hard", "expert"], "pragmatist:expert", ["stonewall"], 2, 5
    )
    assert len(plan) == len(set(plan))
    X, H = "pragmatist:expert", "pragmatist:hard"
    for s in (5, 6):
        # self-play, both head-to-head orders, the reference's boards, the probes at the top two levels
        for game in [(s, X, X), (s, H, X), (s, X, H), (s, E, X), (s, X, E), (s, N, E), (s, E, N)]:
            assert game in plan
        for lv in ("hard", "expert"):
            assert (s, "probe:stonewall", f"pragmatist:{lv}") in plan
            assert (s, f"pragmatist:{lv}", "probe:stonewall") in plan
        assert (s, "probe:stonewall", N) not in plan
    # per seed: 4 self-play + 6 head to head + 4 new reference boards + 2x2 probe games
    assert len(plan) == 2 * (4 + 6 + 4 + 4)


# ---------------------------------------------------------------- the recorded games
def test_package_key_ignores_term_order_and_keeps_durations():
    a = Term(instrument="x", value=10.0)
    b = Term(instrument="y", value=0.0, duration_turns=4)
    c = Term(instrument="y", value=0.0, duration_turns=4, start_after_turns=1)
    assert package_key([a, b]) == package_key([b, a]) == "x=10;y=0/4w"
    assert package_key([a, c]) != package_key([a, b])


def test_play_seats_records_offers_and_agreements_only_when_asked(geneva):
    seats = {"us": make_ai("pragmatist", "normal"), "china": make_ai("pragmatist", "normal")}
    labels = {"us": N, "china": N}
    plain = play_seats(geneva, 0, seats, labels)
    assert type(plain) is GameResult
    rec = play_seats(geneva, 0, {s: make_ai("pragmatist", "normal") for s in seats}, labels, record=True)
    assert isinstance(rec, GameRecord)
    base = {k: v for k, v in asdict(rec).items() if k not in ("deals", "offers")}
    assert base == {**asdict(plain), "max_decision_ms": base["max_decision_ms"]}
    assert len(rec.deals) == rec.agreements
    assert rec.offers and all(side in ("us", "china") for side, _ in rec.offers)
    for d in rec.deals:
        assert d.week >= 1 and d.package in {key for _, key in rec.offers}


# --------------------------------------------------------------- made-up results
def _g(
    seed: int,
    us: str,
    china: str,
    su: float,
    sc: float,
    outcome: str = "truce",
    deals: tuple[DealRecord, ...] = (),
    offers: tuple[tuple[str, str], ...] = (),
) -> GameRecord:
    return GameRecord(
        seed, {"us": us, "china": china}, {"us": su, "china": sc}, outcome, None, 13, len(deals), 10, 1.0,
        deals=deals, offers=offers,
    )  # fmt: skip


def _summary(geneva, results, probes=()):
    return summarise_criteria(
        geneva,
        results,
        styles=["pragmatist"],
        levels=["easy", "normal"],
        reference=N,
        probes=list(probes),
        seeds=2,
        seed=0,
    )


def _ladder_games() -> list[GameRecord]:
    """Two seeds, easy < normal. Head to head: normal as US 80 / 78 against easy's 70 / 76
    as US (margins +10, +2); as China normal 60 / 65 against easy's 50 / 64 (+10, +1).
    Self-play (normal is the reference): normal 70/58 and 72/61; easy against normal,
    US 70 / 76 (duplicate margins +0, -4: normal's own 70 / 72 as US)."""
    return [
        _g(0, N, E, 80, 50),
        _g(0, E, N, 70, 60),
        _g(1, N, E, 78, 64),
        _g(1, E, N, 76, 65),
        _g(0, N, N, 70, 58),
        _g(1, N, N, 72, 61),
        _g(0, E, E, 40, 42),
        _g(1, E, E, 41, 44),
    ]


def test_the_ladder_pairs_by_seed_and_seat_both_readings(geneva):
    s = _summary(geneva, _ladder_games())
    (row,) = s["ladder"]
    h_us, h_cn = row["head_to_head"]["us"], row["head_to_head"]["china"]
    assert (h_us["wins"], h_us["ties"], h_us["losses"], h_us["mean_margin"]) == (2, 0, 0, 6.0)
    assert (h_cn["wins"], h_cn["ties"], h_cn["losses"], h_cn["mean_margin"]) == (2, 0, 0, 5.5)
    assert h_us["pass"] and h_cn["pass"]
    d_us = row["duplicate"]["us"]  # normal vs normal 70 / 72 against easy vs normal 70 / 76
    assert (d_us["wins"], d_us["ties"], d_us["losses"], d_us["mean_margin"]) == (0, 1, 1, -2.0)
    assert not d_us["pass"] and not row["pass"]
    verdict = {v["criterion"]: v["pass"] for v in s["criteria"]}
    assert verdict["ladder"] is False and verdict["latency"] is None


def test_the_ladder_passes_when_every_cell_does(geneva):
    games = []
    for seed in (0, 1):
        games += [_g(seed, N, N, 70, 70), _g(seed, E, E, 40, 40)]
        games += [_g(seed, N, E, 80, 50), _g(seed, E, N, 60, 75)]
    s = _summary(geneva, games)
    (row,) = s["ladder"]
    margins = {
        (m, side): row[m][side]["mean_margin"]
        for m in ("head_to_head", "duplicate")
        for side in ("us", "china")
    }
    # head to head: 80 - 60 as US, 75 - 50 as China; against normal: 70 - 60, 70 - 50
    assert margins == {
        ("head_to_head", "us"): 20.0,
        ("head_to_head", "china"): 25.0,
        ("duplicate", "us"): 10.0,
        ("duplicate", "china"): 20.0,
    }
    assert row["pass"] and {v["criterion"]: v["pass"] for v in s["criteria"]}["ladder"] is True


def test_balance_is_judged_per_level_on_self_play(geneva):
    s = _summary(geneva, _ladder_games())
    bal = {b["entrant"]: b for b in s["balance"]}
    assert bal[N]["us"] == 71.0 and bal[N]["china"] == 59.5 and bal[N]["gap"] == 11.5
    assert not bal[N]["pass"]
    assert bal[E]["gap"] == -2.5 and bal[E]["pass"]
    assert {v["criterion"]: v["pass"] for v in s["criteria"]}["balance"] is False


def test_variety_counts_tiers_week_one_deals_packages_and_repeated_offers(geneva):
    p1, p2 = "a=1", "b=2"
    week1 = DealRecord(week=1, comprehensive=True, package=p1)
    later = DealRecord(week=3, comprehensive=True, package=p2)
    truce = DealRecord(week=1, comprehensive=False, package=p2)
    games = [
        _g(0, N, N, 70, 70, "historic_deal", (week1,), (("us", p2), ("china", p1), ("us", p2), ("us", p1))),
        _g(1, N, N, 70, 70, "truce", (truce,), (("us", p2), ("china", p2))),
        _g(0, E, E, 50, 50, "deal", (later,), (("us", p2),)),
        _g(1, E, E, 50, 50, "collapse", (), (("us", p1), ("us", p1), ("china", p1))),
    ]
    s = _summary(geneva, games)
    v = {r["entrant"]: r for r in s["variety"]}
    n = v[N]
    assert n["outcomes"] == {"historic_deal": 0.5, "truce": 0.5} and n["pass_tiers"]
    assert n["week1_comprehensive_share"] == 0.5 and not n["pass_week1"]  # a week-1 truce does not count
    assert (n["agreements"], n["distinct_packages"], n["top_package_share"]) == (2, 2, 0.5)
    assert n["pass_packages"] and not n["pass"]
    assert n["distinct_offered_per_game"] == 1.5  # {p2, p1} and {p2}
    assert n["repeat_offer_share"] == round(1 / 6, 4)  # the US's second p2
    e = v[E]
    assert e["week1_comprehensive_share"] == 0.0 and e["pass_week1"] and e["pass_tiers"]
    assert e["repeat_offer_share"] == 0.25  # the US's second p1; China's p1 is its first
    assert e["top_package_share"] == 1.0 and not e["pass_packages"]
    assert {c["criterion"]: c["pass"] for c in s["criteria"]}["variety"] is False


def test_probes_fail_when_a_probe_beats_the_top_levels_self_play_or_a_level_inverts(geneva):
    base = [_g(0, N, N, 70, 60), _g(0, E, E, 50, 50)]
    fine = [
        _g(0, "probe:stonewall", N, 65, 62),
        _g(0, N, "probe:stonewall", 72, 55),
        _g(0, "probe:stonewall", E, 66, 55),
        _g(0, E, "probe:stonewall", 60, 58),
    ]
    s = _summary(geneva, base + fine, probes=["stonewall"])
    assert s["probes_result"]["pass"], s["probes_result"]
    beaten = [*fine[1:], _g(0, "probe:stonewall", N, 71, 62)]  # 71 > normal's own 70 as US
    s = _summary(geneva, base + beaten, probes=["stonewall"])
    assert not s["probes_result"]["pass"]
    assert [(c["ai"], c["probe_side"]) for c in s["probes_result"]["beaten"]] == [(N, "us")]
    inverted = [*fine[:3], _g(0, E, "probe:stonewall", 73, 58)]  # easy 73 > normal 72 as US against it
    s = _summary(geneva, base + inverted, probes=["stonewall"])
    assert not s["probes_result"]["pass"] and not s["probes_result"]["beaten"]
    assert [x["probe_side"] for x in s["probes_result"]["inversions"]] == ["china"]
    text = format_criteria(s, markdown=True, command="tariff-talks tournament --criteria")
    assert text.startswith("```\ntariff-talks tournament --criteria\n```")
    assert "| stonewall | pragmatist (china seat) | 1 | 55.0 | 60.0 | PASS | 72.0 | 73.0 | FAIL |" in text


# ------------------------------------------------------------------------- the CLI
def test_criteria_flags_without_criteria_or_with_a_bad_reference_exit_2(capsys):
    assert main(["tournament", "--markdown", "x.md"]) == 2
    assert main(["tournament", "--criteria", "--reference", "pragmatist:grandmaster"]) == 2
    err = capsys.readouterr().err
    assert "--criteria" in err and "--reference" in err


@pytest.mark.slow  # 2 seeds x (2 self-play, 2 head to head, 2 levels x 1 probe x 2 seats) = 16 games
def test_a_tiny_real_run_writes_the_table_the_json_and_the_markdown(tmp_path, capsys):
    js, md = tmp_path / "c.json", tmp_path / "c.md"
    argv = ["tournament", "--criteria", "--seeds", "2", "--levels", "easy,normal", "--probes", "accept_first"]
    argv += ["--jobs", "1", "--no-latency", "--json", str(js), "--markdown", str(md)]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "16/16 games" in err
    summary = json.loads(js.read_text())
    assert summary["games"] == 16 and summary["reference"] == N and summary["seeds"] == 2
    assert [v["criterion"] for v in summary["criteria"]] == [
        "ladder",
        "probes",
        "variety",
        "balance",
        "latency",
    ]
    (row,) = summary["ladder"]
    assert all(row[m][s]["games"] == 2 for m in ("head_to_head", "duplicate") for s in ("us", "china"))
    assert all(v["games"] == 2 for v in summary["variety"]) and summary["latency"] is None
    fragment = md.read_text()
    command = "tariff-talks tournament --criteria --seeds 2 --levels easy,normal --probes accept_first --jobs 1 --no-latency"
    assert summary["command"] == command and fragment.startswith(f"```\n{command}\n```")
    assert "| pragmatist normal > easy | head to head | us | 2 |" in fragment
    assert "Ladder" in out and "| " not in out  # the terminal gets the aligned table


def test_a_file_that_cannot_be_written_is_named_and_exits_1(tmp_path, capsys):
    # one level: its self-play and one probe on either side, three games, no ladder pair
    argv = ["tournament", "--criteria", "--seeds", "1", "--levels", "easy", "--probes", "accept_first"]
    argv += ["--jobs", "1", "--no-latency", "--markdown", str(tmp_path / "no" / "such" / "dir.md")]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert "cannot write" in err and "dir.md" in err and not out


def test_json_file_on_a_plain_tournament_writes_the_json_and_prints_the_table(tmp_path, capsys):
    js = tmp_path / "t.json"
    argv = ["tournament", "--games", "1", "--styles", "pragmatist", "--levels", "easy", "--jobs", "1"]
    assert main([*argv, "--json", str(js)]) == 0
    out, _ = capsys.readouterr()
    summary = json.loads(js.read_text())
    assert summary["entrants"] == [E] and len(summary["results"]) == 1
    assert out.startswith("Tournament on geneva_2025: 1 entrants")
    assert main([*argv, "--json"]) == 0  # the bare flag still prints the JSON line
    assert json.loads(capsys.readouterr()[0])["entrants"] == [E]

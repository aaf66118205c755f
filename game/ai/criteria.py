"""Issue 13's "Done when", measured: one run that plays every game the criteria need and
says, for each, pass or fail (``tariff-talks tournament --criteria``; ``docs/ai.md``).

The games, for each style (pragmatist by default), level (easy < normal < hard < expert)
and seed ``seed .. seed+seeds-1`` — each game played once, whatever reads it:

- **self-play** (the same AI on both sides): balance, variety, and the probes' reference;
- **head to head** (each adjacent pair of levels, both seat assignments): the ladder's
  first reading;
- **duplicate boards** (every level, in either seat, against one fixed *reference*
  opponent, by default the first style at the highest level: ``pragmatist:expert``): the
  ladder's second reading (the reference's own board is its self-play game);
- **probes** (every probe of :mod:`game.ai.probes`, in either seat, against the two highest
  levels: hard and expert).

The criteria (thresholds below, as constants):

1. **Ladder.** For each style and adjacent pair of levels (A the higher, B the lower), per
   side and per reading, paired by seed. *Head to head*: A beats B on (seed, side) when A's
   score in that seat against B exceeds B's score in that seat against A on the same seed.
   *Duplicate boards*: A beats B when A's score in that seat against the reference exceeds
   B's in that seat against the reference on the same seed. Scores within
   ``TIE_POINTS`` (0.5) are a tie and count half, as in every table of
   :mod:`game.ai.tournament`; the wins-only share is reported too. A cell passes when the
   share is at least ``WIN_SHARE`` (65%) and the mean margin at least ``MARGIN`` (3 points);
   a pair passes when its four cells (2 readings x 2 sides) do.
2. **Probes.** No probe, in either seat, scores more against the top level than the top
   level scores in that seat against itself (a *beaten* cell of
   :func:`~game.ai.probes.summarise_probes`), and against every probe in every seat the top
   level's own score is at least the level below's (no *inversion*).
3. **Variety.** Self-play at each level: no outcome tier over ``TIER_MAX`` (half) of the
   games; fewer than ``WEEK1_MAX`` (10%) of the games a comprehensive deal signed in week
   1; and deals differ from game to game: the commonest agreement package is at most
   ``PACKAGE_MAX`` (half) of the agreements signed. Reported too: distinct packages per
   agreement, distinct packages offered per game, and the share of offers that repeat a
   package the same side had already offered in that game (issue 13 measured 39%).
4. **Balance.** Self-play at each level: |mean first side's score - mean second side's| at
   most ``BALANCE_GAP`` (3 points).
5. **Latency.** ``benchmarks/ai.py`` (run as a program, its default workload) for the top
   level: p99 of the decision times at most ``BUDGET_MS`` (250 ms); p50 and max reported.

Every game is (scenario, seed, seats) and the AIs are pure functions of their views, so
all but the latency is the same on every run of the same command.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from game.ai import LEVELS
from game.ai.tournament import TIE_POINTS, GameRecord, GameResult, play_seats, run_jobs
from game.scenario.models import Scenario

#: ladder: the higher level's share of paired games (ties half) and mean margin, points
WIN_SHARE = 0.65
MARGIN = 3.0
#: variety: the largest share of games one outcome tier may have
TIER_MAX = 0.5
#: variety: comprehensive deals signed in week 1 must be fewer than this share of the games
WEEK1_MAX = 0.10
#: variety: the largest share of the agreements signed one package may have
PACKAGE_MAX = 0.5
#: balance: the largest gap between the sides' mean scores in self-play, points
BALANCE_GAP = 3.0
#: latency: the budget for the top level's p99 decision time (benchmarks/ai.py's BUDGET_MS)
BUDGET_MS = 250.0

DEFAULT_STYLES = ("pragmatist",)
DEFAULT_SEEDS = 40

#: the two-sided 97.5% quantile of Student's t for 1..10 degrees of freedom
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228)

Job = tuple[Scenario, int, str, str]


# --------------------------------------------------------------------- statistics
def t975(df: int) -> float:
    """Student's t 97.5% quantile (a 95% two-sided interval) for ``df`` degrees of freedom:
    the table to 10, then the Cornish-Fisher expansion about the normal's (error < 1e-4)."""
    if df < 1:
        return math.inf
    if df <= len(_T975):
        return _T975[df - 1]
    z = 1.959963985
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * df**4)
    )


def paired(diffs: Sequence[float]) -> dict[str, Any]:
    """Paired margins (the higher level's score minus the lower's, one per seed): wins, ties
    (within ``TIE_POINTS``) and losses, the share won (ties half) and won outright, the mean
    margin and its 95% confidence interval (Student's t; none for fewer than 2)."""
    n = len(diffs)
    w = sum(1 for d in diffs if d > TIE_POINTS)
    lo = sum(1 for d in diffs if d < -TIE_POINTS)
    mean = statistics.fmean(diffs) if n else 0.0
    if n >= 2:
        half = t975(n - 1) * statistics.stdev(diffs) / math.sqrt(n)
        ci: list[float] | None = [round(mean - half, 3), round(mean + half, 3)]
    else:
        ci = None
    return {
        "games": n,
        "wins": w,
        "ties": n - w - lo,
        "losses": lo,
        "share": round((w + 0.5 * (n - w - lo)) / n, 4) if n else 0.0,
        "win_share": round(w / n, 4) if n else 0.0,
        "mean_margin": round(mean, 3),
        "ci95": ci,
    }


def cell_passes(cell: dict[str, Any]) -> bool:
    """A ladder cell: played, won in ``WIN_SHARE`` of its games (ties half), by ``MARGIN``."""
    return bool(cell["games"]) and cell["share"] >= WIN_SHARE - 1e-9 and cell["mean_margin"] >= MARGIN - 1e-9


# ------------------------------------------------------------------------ the plan
def default_reference(styles: Sequence[str], levels: Sequence[str]) -> str:
    """The duplicate boards' fixed opponent: the first style at the highest level."""
    return f"{styles[0]}:{_ordered(levels)[-1]}"


def probe_levels(levels: Sequence[str]) -> list[str]:
    """The levels the probes play: the two highest chosen (hard and expert by default)."""
    return _ordered(levels)[-2:]


def criteria_schedule(
    styles: Sequence[str],
    levels: Sequence[str],
    reference: str,
    probes: Sequence[str],
    seeds: int,
    seed: int,
) -> list[tuple[int, str, str]]:
    """(seed, first side's seat, second side's seat) of every game the criteria read, each
    once (a game two criteria read is played once), in a fixed order."""
    from game.ai.probes import PREFIX

    levels = _ordered(levels)
    plan: list[tuple[int, str, str]] = []
    for k in range(seeds):
        s = seed + k
        for st in styles:
            for lv in levels:
                plan.append((s, f"{st}:{lv}", f"{st}:{lv}"))
        for st in styles:
            for lo, hi in itertools.pairwise(levels):
                a, b = f"{st}:{hi}", f"{st}:{lo}"
                plan += [(s, a, b), (s, b, a)]
        for st in styles:
            for lv in levels:
                e = f"{st}:{lv}"
                plan += [(s, e, reference), (s, reference, e)]
        for st in styles:
            for lv in probe_levels(levels):
                e = f"{st}:{lv}"
                for p in probes:
                    plan += [(s, PREFIX + p, e), (s, e, PREFIX + p)]
    return list(dict.fromkeys(plan))


def _play(job: Job) -> GameRecord:
    from game.ai.probes import _seat

    scenario, seed, a, b = job
    side_a, side_b = scenario.side_ids
    result = play_seats(
        scenario, seed, {side_a: _seat(a), side_b: _seat(b)}, {side_a: a, side_b: b}, record=True
    )
    assert isinstance(result, GameRecord)
    return result


def run_criteria(
    scenario: Scenario,
    seeds: int = DEFAULT_SEEDS,
    seed: int = 0,
    *,
    styles: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
    reference: str | None = None,
    probes: Sequence[str] | None = None,
    jobs: int | None = None,
    latency: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Play every game the criteria need (in up to ``jobs`` processes), then time the top
    level's decisions with ``benchmarks/ai.py`` (unless ``latency`` is False), and return
    the measurements and verdicts (JSON-ready)."""
    from game.ai.probes import PROBES, make_probe

    styles = list(styles or DEFAULT_STYLES)
    levels = _ordered(levels or LEVELS)
    reference = reference or default_reference(styles, levels)
    probes = list(PROBES) if probes is None else list(probes)
    for p in probes:
        make_probe(p)
    plan = criteria_schedule(styles, levels, reference, probes, seeds, seed)
    t0 = time.perf_counter()
    results = run_jobs(_play, [(scenario, s, a, b) for s, a, b in plan], jobs=jobs, progress=progress)
    elapsed = time.perf_counter() - t0
    lat = measure_latency(levels[-1]) if latency else None
    summary = summarise_criteria(
        scenario,
        results,
        styles=styles,
        levels=levels,
        reference=reference,
        probes=probes,
        seeds=seeds,
        seed=seed,
        latency=lat,
    )
    # wall clock, like the latency: the one part of the summary a rerun does not repeat
    summary["timing"] = {
        "games_s": round(elapsed, 1),
        "games_per_s": round(len(results) / elapsed, 3) if elapsed else 0.0,
    }
    return summary


# ------------------------------------------------------------------------ analysis
def summarise_criteria(
    scenario: Scenario,
    results: Sequence[GameResult],
    *,
    styles: Sequence[str],
    levels: Sequence[str],
    reference: str,
    probes: Sequence[str],
    seeds: int,
    seed: int,
    latency: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every measurement and verdict from the games' results (any order; games the criteria
    do not read are ignored). ``latency``: :func:`measure_latency`'s answer, or None (not
    measured: the criterion is left out of the verdict and says so)."""
    sides = scenario.side_ids
    levels = _ordered(levels)
    games: dict[tuple[int, str, str], GameResult] = {
        (r.seed, r.seats[sides[0]], r.seats[sides[1]]): r for r in results
    }
    seed_list = sorted({r.seed for r in results})
    ladder = ladder_cells(games, sides, styles, levels, reference, seed_list)
    probe_part = probe_criteria(scenario, results, styles, levels, probes, seeds=seeds, seed=seed)
    selfplay = {
        f"{st}:{lv}": [
            games[(s, f"{st}:{lv}", f"{st}:{lv}")]
            for s in seed_list
            if (s, f"{st}:{lv}", f"{st}:{lv}") in games
        ]
        for st in styles
        for lv in levels
    }
    variety_rows = [variety(e, rs) for e, rs in selfplay.items()]
    balance_rows = [balance_row(e, rs, sides) for e, rs in selfplay.items()]
    lat = latency_verdict(latency)
    verdicts = [
        {"criterion": "ladder", "pass": bool(ladder) and all(r["pass"] for r in ladder)},
        {"criterion": "probes", "pass": probe_part["pass"]},
        {"criterion": "variety", "pass": bool(variety_rows) and all(r["pass"] for r in variety_rows)},
        {"criterion": "balance", "pass": bool(balance_rows) and all(r["pass"] for r in balance_rows)},
        {"criterion": "latency", "pass": lat["pass"] if lat else None},
    ]
    return {
        "scenario": scenario.meta.id,
        "sides": list(sides),
        "seeds": seeds,
        "seed": seed,
        "styles": list(styles),
        "levels": levels,
        "reference": reference,
        "probes": list(probes),
        "games": len(results),
        "thresholds": {
            "win_share": WIN_SHARE,
            "margin": MARGIN,
            "tie_points": TIE_POINTS,
            "tier_max": TIER_MAX,
            "week1_max": WEEK1_MAX,
            "package_max": PACKAGE_MAX,
            "balance_gap": BALANCE_GAP,
            "budget_ms": BUDGET_MS,
        },
        "criteria": verdicts,
        "pass": all(v["pass"] is not False for v in verdicts),
        "ladder": ladder,
        "probes_result": probe_part,
        "variety": variety_rows,
        "balance": balance_rows,
        "latency": lat,
        "results": [_compact(r) for r in results],
    }


def ladder_cells(
    games: dict[tuple[int, str, str], GameResult],
    sides: Sequence[str],
    styles: Sequence[str],
    levels: Sequence[str],
    reference: str,
    seeds: Sequence[int],
) -> list[dict[str, Any]]:
    """Per style and adjacent pair of levels: the two readings' paired cells, per side."""
    first = sides[0]

    def game(s: int, side: str, me: str, them: str) -> GameResult | None:
        return games.get((s, me, them) if side == first else (s, them, me))

    out = []
    for st in styles:
        for lo, hi in itertools.pairwise(_ordered(levels)):
            a, b = f"{st}:{hi}", f"{st}:{lo}"
            row: dict[str, Any] = {
                "style": st,
                "higher": hi,
                "lower": lo,
                "head_to_head": {},
                "duplicate": {},
            }
            for side in sides:
                h2h, dup = [], []
                for s in seeds:
                    x, y = game(s, side, a, b), game(s, side, b, a)
                    if x is not None and y is not None:
                        h2h.append(x.scores[side] - y.scores[side])
                    x, y = game(s, side, a, reference), game(s, side, b, reference)
                    if x is not None and y is not None:
                        dup.append(x.scores[side] - y.scores[side])
                for method, diffs in (("head_to_head", h2h), ("duplicate", dup)):
                    cell = paired(diffs)
                    cell["pass"] = cell_passes(cell)
                    row[method][side] = cell
            row["pass"] = all(row[m][s]["pass"] for m in ("head_to_head", "duplicate") for s in sides)
            out.append(row)
    return out


def probe_criteria(
    scenario: Scenario,
    results: Sequence[GameResult],
    styles: Sequence[str],
    levels: Sequence[str],
    probes: Sequence[str],
    *,
    seeds: int,
    seed: int,
) -> dict[str, Any]:
    """The probe suite's cells (:func:`~game.ai.probes.summarise_probes`, on the games of the
    two highest levels) and the criterion: no beaten cell at the top level, no inversion."""
    from game.ai.probes import PREFIX, summarise_probes

    pl = probe_levels(levels)
    wanted = {f"{st}:{lv}" for st in styles for lv in pl}
    mine = []
    for r in results:
        seats = set(r.seats.values())
        self_play = len(seats) == 1 and seats <= wanted
        if self_play or (any(x.startswith(PREFIX) for x in seats) and seats & wanted):
            mine.append(r)
    if not probes:
        return {"levels": pl, "cells": [], "beaten": [], "inversions": [], "pass": True}
    summary = summarise_probes(scenario, probes, styles, pl, mine, seeds=seeds, seed=seed)
    top = pl[-1]
    beaten = [c for c in summary["cells"] if c["level"] == top and c["beaten"]]
    missing = [c for c in summary["cells"] if not c["games"]]
    return {
        "levels": pl,
        "top": top,
        "cells": summary["cells"],
        "beaten": beaten,
        "inversions": summary["inversions"],
        "missing": len(missing),
        "pass": not beaten and not summary["inversions"] and not missing,
    }


def variety(entrant: str, rs: Sequence[GameResult]) -> dict[str, Any]:
    """One self-play entrant's variety: outcome shares, comprehensive deals in week 1,
    packages agreed and offered, repeated offers."""
    n = len(rs)
    tiers = Counter(r.outcome for r in rs)
    deals = [d for r in rs if isinstance(r, GameRecord) for d in r.deals]
    week1 = sum(
        1 for r in rs if isinstance(r, GameRecord) and any(d.comprehensive and d.week == 1 for d in r.deals)
    )
    packages = Counter(d.package for d in deals)
    offered: list[int] = []
    offers = repeats = 0
    for r in rs:
        if not isinstance(r, GameRecord):
            continue
        offered.append(len({key for _side, key in r.offers}))
        seen: set[tuple[str, str]] = set()
        for o in r.offers:
            offers += 1
            if o in seen:
                repeats += 1
            seen.add(o)
    top_tier, top_n = tiers.most_common(1)[0] if tiers else ("", 0)
    top_pkg_n = packages.most_common(1)[0][1] if packages else 0
    top_tier_share = round(top_n / n, 4) if n else 0.0
    week1_share = round(week1 / n, 4) if n else 0.0
    top_package_share = round(top_pkg_n / len(deals), 4) if deals else 0.0
    row: dict[str, Any] = {
        "entrant": entrant,
        "games": n,
        "outcomes": {k: round(v / n, 4) for k, v in sorted(tiers.items())} if n else {},
        "top_tier": top_tier,
        "top_tier_share": top_tier_share,
        "week1_comprehensive_share": week1_share,
        "agreements": len(deals),
        "distinct_packages": len(packages),
        "distinct_per_agreement": round(len(packages) / len(deals), 4) if deals else 0.0,
        "top_package_share": top_package_share,
        "offers": offers,
        "distinct_offered_per_game": round(statistics.fmean(offered), 3) if offered else 0.0,
        "repeat_offer_share": round(repeats / offers, 4) if offers else 0.0,
    }
    row["pass_tiers"] = bool(n) and top_tier_share <= TIER_MAX + 1e-9
    row["pass_week1"] = bool(n) and week1_share < WEEK1_MAX - 1e-9
    row["pass_packages"] = top_package_share <= PACKAGE_MAX + 1e-9
    row["pass"] = row["pass_tiers"] and row["pass_week1"] and row["pass_packages"]
    return row


def balance_row(entrant: str, rs: Sequence[GameResult], sides: Sequence[str]) -> dict[str, Any]:
    """One self-play entrant: each side's mean score, the gap (first minus second, with its
    95% interval over the games) and the verdict."""
    a, b = sides[0], sides[1]
    gaps = paired([r.scores[a] - r.scores[b] for r in rs])
    row = {
        "entrant": entrant,
        "games": len(rs),
        a: round(statistics.fmean(r.scores[a] for r in rs), 3) if rs else 0.0,
        b: round(statistics.fmean(r.scores[b] for r in rs), 3) if rs else 0.0,
        "gap": gaps["mean_margin"],
        "ci95": gaps["ci95"],
    }
    row["pass"] = bool(rs) and abs(row["gap"]) <= BALANCE_GAP + 1e-9
    return row


# ------------------------------------------------------------------------- latency
BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "ai.py"
_ROW = re.compile(r"^(\w+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")


def parse_benchmark(text: str, level: str) -> dict[str, Any] | None:
    """``benchmarks/ai.py``'s row for ``level``: decisions, p50, p90, p99 and max (ms)."""
    for line in text.splitlines():
        m = _ROW.match(line.strip())
        if m and m.group(1) == level:
            return {
                "level": level,
                "decisions": int(m.group(2)),
                "p50_ms": float(m.group(3)),
                "p90_ms": float(m.group(4)),
                "p99_ms": float(m.group(5)),
                "max_ms": float(m.group(6)),
            }
    return None


def measure_latency(level: str, benchmark: Path = BENCHMARK) -> dict[str, Any]:
    """Run ``benchmarks/ai.py --levels LEVEL`` (its default workload, one process) and read
    its row; ``{"error": …}`` when it cannot be run or read (e.g. an installed copy without
    the benchmarks folder)."""
    cmd = [sys.executable, str(benchmark), "--levels", level]
    if not benchmark.is_file():
        return {"level": level, "error": f"{benchmark} not found"}
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    row = parse_benchmark(proc.stdout, level)
    if proc.returncode != 0 or row is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [""]
        return {"level": level, "error": f"benchmarks/ai.py exited {proc.returncode}: {tail[0]}"}
    row["command"] = f"python benchmarks/ai.py --levels {level}"
    return row


def latency_verdict(lat: dict[str, Any] | None) -> dict[str, Any] | None:
    if lat is None:
        return None
    out = dict(lat)
    out["pass"] = False if "error" in lat else lat["p99_ms"] <= BUDGET_MS
    return out


# ------------------------------------------------------------------------ the report
def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> list[str]:
    """Rows as a Markdown table, or as aligned text (numbers right-aligned)."""
    if markdown:
        out = [
            "| " + " | ".join(headers) + " |",
            "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|",
        ]
        return out + ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _ok(v: bool | None) -> str:
    return "n/a" if v is None else "PASS" if v else "FAIL"


def _ci(ci: list[float] | None) -> str:
    return "–" if ci is None else f"[{ci[0]:+.1f}, {ci[1]:+.1f}]"


def format_criteria(summary: dict[str, Any], *, markdown: bool = False, command: str | None = None) -> str:
    """The verdicts and the tables behind them, as text for people or as a Markdown fragment
    for ``docs/ai.md`` (English: a report for the AI's developers, like the probes')."""
    sides = summary["sides"]
    pct = "%"
    head = (
        f"Issue 13's criteria on {summary['scenario']}: {summary['seeds']} seed(s) from {summary['seed']}, "
        f"styles {', '.join(summary['styles'])}, levels {', '.join(summary['levels'])}, "
        f"duplicate-board reference {summary['reference']}, {summary['games']} games"
    )
    lines: list[str] = []
    if markdown and command:
        lines += ["```", command, "```", ""]
    lines += [head]
    if "timing" in summary:
        tm = summary["timing"]
        lines.append(f"(the games took {tm['games_s']:.0f} s, {tm['games_per_s']:.2f} games/s)")
    lines += [""]
    names = {
        "ladder": f"Ladder: each level beats the level below in >= {WIN_SHARE:.0%} of paired games by >= {MARGIN:g} points, both readings, both sides",
        "probes": "Probes: no probe beats the top level's self-play score in its seat; the top level scores at least the level below against every probe",
        "variety": f"Variety: no tier over {TIER_MAX:.0%} of games, comprehensive week-1 deals under {WEEK1_MAX:.0%}, no package over {PACKAGE_MAX:.0%} of agreements",
        "balance": f"Balance: equal AIs, {sides[0]} and {sides[1]} mean scores within {BALANCE_GAP:g} points",
        "latency": f"Latency: top level's p99 decision <= {BUDGET_MS:g} ms (benchmarks/ai.py)",
    }
    lines += _table(
        ["criterion", "verdict"],
        [[names[v["criterion"]], _ok(v["pass"])] for v in summary["criteria"]],
        markdown,
    )

    lines += [
        "",
        "Ladder (share: ties within 0.5 points count half; wins: outright; margin: mean higher - lower, points, 95% CI)",
        "",
    ]
    rows = []
    for r in summary["ladder"]:
        for method in ("head_to_head", "duplicate"):
            for s in sides:
                c = r[method][s]
                rows.append(
                    [
                        f"{r['style']} {r['higher']} > {r['lower']}",
                        method.replace("_", " "),
                        s,
                        str(c["games"]),
                        f"{c['wins']}-{c['ties']}-{c['losses']}",
                        f"{100 * c['share']:.0f}{pct}",
                        f"{100 * c['win_share']:.0f}{pct}",
                        f"{c['mean_margin']:+.1f}",
                        _ci(c["ci95"]),
                        _ok(c["pass"]),
                    ]
                )
    lines += _table(
        ["pair", "reading", "side", "games", "W-T-L", "share", "wins", "margin", "95% CI", ""], rows, markdown
    )

    pr = summary["probes_result"]
    if pr["cells"]:
        top = pr["top"]
        below = pr["levels"][0] if len(pr["levels"]) > 1 else None
        lines += [
            "",
            f"Probes against {top}"
            + (f" and {below}" if below else "")
            + f" (probe: the probe's mean score; self-play: the {top} AI's own mean in that seat against itself; "
            "AI: the AI's mean against the probe)",
            "",
        ]
        by = {(c["probe"], c["style"], c["level"], c["probe_side"]): c for c in pr["cells"]}
        inv = {(x["probe"], x["style"], x["probe_side"]) for x in pr["inversions"]}
        rows = []
        for (p, st, lv, s), c in by.items():
            if lv != top:
                continue
            low = by.get((p, st, below, s)) if below else None
            rows.append(
                [
                    p,
                    f"{st} ({s} seat)",
                    str(c["games"]),
                    f"{c['probe_score']:.1f}",
                    f"{c['reference']:.1f}",
                    _ok(not c["beaten"]),
                    f"{c['ai_score']:.1f}",
                    f"{low['ai_score']:.1f}" if low else "–",
                    _ok((p, st, s) not in inv),
                ]
            )
        lines += _table(
            [
                "probe",
                "against (probe's seat)",
                "games",
                "probe",
                "self-play",
                "",
                f"AI {top}",
                f"AI {below or '–'}",
                "",
            ],
            rows,
            markdown,
        )

    lines += [
        "",
        "Variety (self-play; offers: distinct packages offered per game; repeats: offers repeating the same side's earlier package)",
        "",
    ]
    rows = []
    for v in summary["variety"]:
        rows.append(
            [
                v["entrant"],
                str(v["games"]),
                f"{v['top_tier']} {100 * v['top_tier_share']:.0f}{pct}",
                f"{100 * v['week1_comprehensive_share']:.0f}{pct}",
                f"{v['distinct_packages']}/{v['agreements']}",
                f"{100 * v['top_package_share']:.0f}{pct}",
                f"{v['distinct_offered_per_game']:.1f}",
                f"{100 * v['repeat_offer_share']:.0f}{pct}",
                _ok(v["pass"]),
            ]
        )
    lines += _table(
        ["AI", "games", "top tier", "week-1 deals", "packages", "top package", "offers", "repeats", ""],
        rows,
        markdown,
    )
    lines += [""] + [
        f"{'- ' if markdown else '  '}{v['entrant']} outcomes: "
        + ", ".join(f"{k} {100 * x:.0f}{pct}" for k, x in v["outcomes"].items())
        for v in summary["variety"]
    ]

    lines += ["", "Balance (self-play)", ""]
    rows = [
        [
            b["entrant"],
            str(b["games"]),
            f"{b[sides[0]]:.1f}",
            f"{b[sides[1]]:.1f}",
            f"{b['gap']:+.1f}",
            _ci(b["ci95"]),
            _ok(b["pass"]),
        ]
        for b in summary["balance"]
    ]
    lines += _table(["AI", "games", sides[0], sides[1], "gap", "95% CI", ""], rows, markdown)

    lat = summary["latency"]
    lines += [""]
    if lat is None:
        lines.append("Latency: not measured (--no-latency)")
    elif "error" in lat:
        lines.append(f"Latency: not measured: {lat['error']}")
    else:
        lines.append(
            f"Latency ({lat['command']}, one process): {lat['level']} {lat['decisions']} decisions, "
            f"p50 {lat['p50_ms']:.1f} ms, p90 {lat['p90_ms']:.1f} ms, p99 {lat['p99_ms']:.1f} ms, "
            f"max {lat['max_ms']:.1f} ms: {_ok(lat['pass'])} (budget {BUDGET_MS:g} ms)"
        )
    return "\n".join(lines)


# ------------------------------------------------------------------------- helpers
def _ordered(levels: Sequence[str]) -> list[str]:
    """Levels weakest first, as LEVELS orders them."""
    return [lv for lv in LEVELS if lv in levels]


def _compact(r: GameResult) -> dict[str, Any]:
    """A game for the JSON file: its result, its agreements, and its offers counted."""
    d = {k: v for k, v in asdict(r).items() if k not in ("deals", "offers")}
    if isinstance(r, GameRecord):
        d["deals"] = [asdict(x) for x in r.deals]
        d["offers"] = len(r.offers)
        d["distinct_offers"] = len({key for _s, key in r.offers})
    return d


__all__ = [
    "BALANCE_GAP",
    "BUDGET_MS",
    "MARGIN",
    "WEEK1_MAX",
    "WIN_SHARE",
    "criteria_schedule",
    "format_criteria",
    "paired",
    "run_criteria",
    "summarise_criteria",
]

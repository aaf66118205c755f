"""How long AI decisions take: percentiles per level, over whole AI-vs-AI games.

    .venv/bin/python benchmarks/ai.py [--games N] [--levels expert,hard]

Each decision is timed on its own (single process). The budget (docs/ai.md) is
250 ms for any decision at the highest level.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.ai import LEVELS, STYLES, make_ai
from game.resources import default_scenario_path
from game.scenario.loader import load_scenario
from game.session import Session

BUDGET_MS = 250.0


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100.0 * (len(xs) - 1))))
    return xs[k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=2, help="games per style and side (default 2)")
    ap.add_argument("--levels", default=",".join(LEVELS))
    args = ap.parse_args(argv)
    scenario = load_scenario(default_scenario_path())
    opponents = [(s, lv) for s in STYLES for lv in ("normal", "expert")]
    print(f"{'level':<8} {'decisions':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    worst_top = 0.0
    for level in args.levels.split(","):
        times: list[float] = []
        for k in range(args.games):
            for i, style in enumerate(STYLES):
                opp = opponents[(i + k) % len(opponents)]
                for side_first in (True, False):
                    me = make_ai(style, level)
                    them = make_ai(*opp)
                    seats = {"us": me, "china": them} if side_first else {"us": them, "china": me}
                    session = Session.new(scenario, seats, seed=k)
                    while not session.over:
                        side = session.next_actor()
                        v = session.view(side)
                        t0 = time.perf_counter()
                        action = seats[side].decide(v)
                        if seats[side] is me:
                            times.append((time.perf_counter() - t0) * 1000.0)
                        session.submit(action)
        row = [percentile(times, p) for p in (50, 90, 99)] + [max(times)]
        print(f"{level:<8} {len(times):>9} " + " ".join(f"{x:>8.1f}" for x in row))
        if level == LEVELS[-1]:
            worst_top = max(times)
    if worst_top:
        verdict = "within" if worst_top <= BUDGET_MS else "OVER"
        print(f"slowest {LEVELS[-1]} decision {worst_top:.0f} ms: {verdict} the {BUDGET_MS:.0f} ms budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Median time to resolve one Geneva turn (engine and economy together).

Run: ``.venv/bin/python benchmarks/turn.py``. Target: under 2 ms on the project's
machines. Because these machines are noisy, it also prints the turn's cost as a
ratio to a fixed pure-Python reference workload timed in the same run, which is
the figure to compare between runs and machines.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import EndTalks, Game, SubmitOrders
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parent.parent


def reference_workload() -> None:
    """A fixed amount of pure-Python work (dict and float arithmetic)."""
    d = {}
    for i in range(20_000):
        d[i % 97] = d.get(i % 97, 0.0) + i * 0.5


def time_it(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    scenario = load_scenario(ROOT / "scenarios" / "geneva-2025.yaml")
    game = Game(scenario, seed=7)
    a, b = scenario.side_ids
    base_state = game.state.copy()
    moves = {a: {"us_tariff_fentanyl": 15}, b: {}}

    def one_turn() -> None:
        game.state = base_state.copy()
        game.play(SubmitOrders(side=a, moves=moves[a], statement="firm"))
        game.play(SubmitOrders(side=b, moves=moves[b], statement="conciliatory"))
        game.play(EndTalks(side=game.to_move()[0]))

    def copy_only() -> None:
        game.state = base_state.copy()

    for _ in range(20):
        one_turn()
    turn = time_it(one_turn, 300)
    copies = time_it(copy_only, 300)
    ref = time_it(reference_workload, 300)
    med_turn = statistics.median(turn) - statistics.median(copies)
    med_ref = statistics.median(ref)
    print(f"median time to resolve one Geneva turn: {med_turn * 1e3:.3f} ms (target < 2 ms)")
    print(
        f"  (state copy excluded: {statistics.median(copies) * 1e3:.3f} ms; p90 turn {sorted(turn)[270] * 1e3:.3f} ms)"
    )
    print(f"reference workload: {med_ref * 1e3:.3f} ms; turn / reference = {med_turn / med_ref:.2f}")


if __name__ == "__main__":
    main()

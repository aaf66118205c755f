"""Benchmark of the economy model's step.

Prints the time of one step for 10,000 games at once, of 10,000 single-game steps in
a loop, their ratio (target >= 50x) and the cost of one game's single step in
microseconds (target well under 1 ms).

    .venv/bin/python benchmarks/economy.py [--games 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from game import economy as eco

DT = 7 / 365


def _inputs(games: int, seed: int = 1) -> eco.Inputs:
    rng = np.random.default_rng(seed)
    inp = eco.zero_inputs(games)
    inp.tariff_pct[:] = rng.uniform(0, 150, size=(games, 3, 3))
    inp.trade_shift_pct[:] = rng.uniform(-20, 0, size=(games, 3, 3))
    inp.purchases_bn[:] = rng.uniform(0, 20, size=(games, 3, 3))
    inp.uncertainty_news[:] = rng.uniform(-50, 50, size=games)
    inp.agreement_credibility[:] = rng.uniform(0, 1, size=games)
    return inp


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=10_000)
    args = ap.parse_args()
    g = args.games
    params = eco.default_params()
    inputs = _inputs(g)
    state = eco.initial_state(
        params, eco.zero_inputs(g), uncertainty_index=100.0, warmup_steps=0, dt_years=DT
    )
    eco.step(params, state, inputs, DT)  # warm caches

    batch = _best(lambda: eco.step(params, state, inputs, DT), 5)

    singles_in = [eco.Inputs(**{k: v[i : i + 1] for k, v in vars(inputs).items()}) for i in range(g)]
    singles_st = [state.take(i) for i in range(g)]

    def loop() -> None:
        for s, i in zip(singles_st, singles_in, strict=True):
            eco.step(params, s, i, DT)

    looped = _best(loop, 2)
    one = looped / g
    print(f"batch step, {g} games at once : {batch * 1e3:9.2f} ms")
    print(f"{g} single-game steps (loop)  : {looped * 1e3:9.2f} ms")
    print(f"speed-up batch vs loop        : {looped / batch:9.1f}x  (target >= 50x)")
    print(f"one game's single step        : {one * 1e6:9.1f} us  (target well under 1000 us)")


if __name__ == "__main__":
    main()

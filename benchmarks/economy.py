"""Benchmark of the economy model's step.

For batches of 10, 30 (what the AI's lookahead steps at once), 100 and 10,000 games,
prints the time of one step for the whole batch, of as many single-game steps in a
loop, and their ratio — the batch speed-up (targets: 3x at 10 games, 8x at 30,
20x at 100, 50x at 10,000) — and the cost of one game's single step in microseconds
(target well under 1 ms). The ratios are measured in the same run, so a busy machine
slows both sides alike.

    .venv/bin/python benchmarks/economy.py [--games 10 30 100 10000]
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


#: the batch speed-up each batch size should reach
TARGETS: dict[int, float] = {10: 3.0, 30: 8.0, 100: 20.0, 10_000: 50.0}


def measure(params: eco.Params, g: int) -> tuple[float, float]:
    """(batch step, loop of single-game steps) in seconds, for ``g`` games."""
    inputs = _inputs(g)
    state = eco.initial_state(
        params, eco.zero_inputs(g), uncertainty_index=100.0, warmup_steps=0, dt_years=DT
    )
    eco.step(params, state, inputs, DT)  # warm caches
    singles_in = [eco.Inputs(**{k: v[i : i + 1] for k, v in vars(inputs).items()}) for i in range(g)]
    singles_st = [state.take(i) for i in range(g)]

    def loop() -> None:
        for s, i in zip(singles_st, singles_in, strict=True):
            eco.step(params, s, i, DT)

    reps = max(2, min(200, 20_000 // g))
    return _best(lambda: eco.step(params, state, inputs, DT), max(5, reps)), _best(loop, max(2, reps // 10))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, nargs="+", default=list(TARGETS))
    args = ap.parse_args()
    params = eco.default_params()
    print(f"{'games':>7} | {'batch step':>12} | {'single steps':>13} | {'speed-up':>9} | target")
    one = None
    for g in args.games:
        batch, looped = measure(params, g)
        target = TARGETS.get(g)
        mark = "" if target is None else f">= {target:g}x {'ok' if looped / batch >= target else 'MISSED'}"
        print(f"{g:>7} | {batch * 1e3:9.3f} ms | {looped * 1e3:10.2f} ms | {looped / batch:8.1f}x | {mark}")
        one = looped / g
    if one is not None:
        print(f"one game's single step: {one * 1e6:.1f} us  (target well under 1000 us)")


if __name__ == "__main__":
    main()

"""Random AI-against-AI games saved, loaded and replayed: the shared check.

Run the full check (1,000 whole 13-turn Geneva games) from the repository root::

    .venv/bin/python tests/saves/saves_random_games.py [GAMES] [--turns N]

The test suite runs the same check on 1,000 games of a 3-turn Geneva
(test_saves_random_games.py) to keep its run time short.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import saves_testkit as kit

from game.engine import Game
from game.saves import load_game, save_game


def check_random_games(games: int, scenario_path: Path, work: Path) -> dict:
    """Play ``games`` seeded random games; save, load (replaying) and compare each.

    Raises AssertionError at the first game whose loaded state differs.
    """
    sc = kit.load(scenario_path)
    ends: Counter[str] = Counter()
    actions = turns = 0
    for seed in range(games):
        g = kit.play_random(Game(sc, seed), random.Random(seed))
        p = save_game(
            work / f"g{seed % 7}.json",
            g,
            seats={"us": "ai:random", "china": "ai:random"},
            scenario_path=scenario_path,
        )
        lg = load_game(p, scenario_dir=scenario_path.parent)
        assert lg.verified, (seed, lg.warnings)
        assert lg.game.actions == g.actions, seed
        assert lg.game.state_hash() == g.state_hash(), seed
        ends[str(g.state.end_reason)] += 1
        actions += len(g.actions)
        turns += g.state.turn
    return {
        "games": games,
        "identical": games,
        "actions": actions,
        "turns": turns,
        "ends": dict(ends),
    }


def main(argv: list[str]) -> int:
    games = int(argv[0]) if argv and not argv[0].startswith("-") else 1000
    turns = int(argv[argv.index("--turns") + 1]) if "--turns" in argv else None
    with tempfile.TemporaryDirectory() as d:
        path = kit.GENEVA if turns is None else kit.write_short_scenario(Path(d) / "scen", turns)
        t0 = time.perf_counter()  # the script reports how long it took; the test does not read a clock
        result = check_random_games(games, path, Path(d))
        print({**result, "seconds": round(time.perf_counter() - t0, 1)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

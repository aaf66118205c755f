"""1,000 random AI-against-AI games saved, loaded and replayed end in identical states.

The players pick random legal actions (seeded; every action checked by the
rules), so the games cover offers, counters, breaches, walk-outs and every kind
of ending. To keep the suite fast the games are played on a 3-turn Geneva;
``TT_SAVES_FULL=1`` plays whole 13-turn games instead, and
``tests/saves/saves_random_games.py`` runs the full check as a script.
``TT_SAVES_GAMES`` changes the count.
"""

from __future__ import annotations

import os
import random

import pytest
import saves_testkit as kit
from saves_random_games import check_random_games

from game.cli.replay import run_replay
from game.engine import Game
from game.saves import save_game

GAMES = int(os.environ.get("TT_SAVES_GAMES", "1000"))
FULL = os.environ.get("TT_SAVES_FULL") == "1"

pytestmark = pytest.mark.slow  # 1,000 games saved, loaded and replayed


def test_random_games_roundtrip(tmp_path, short_path) -> None:
    result = check_random_games(GAMES, kit.GENEVA if FULL else short_path, tmp_path)
    print(f"\nrandom games: {result}")
    assert result["identical"] == GAMES
    assert len(result["ends"]) >= 3  # several kinds of ending were exercised


def test_replay_cli_on_whole_games(tmp_path, capsys) -> None:
    sc = kit.load(kit.GENEVA)
    for seed in range(20):
        g = kit.play_random(Game(sc, seed), random.Random(seed))
        p = save_game(tmp_path / f"r{seed}.json", g, scenario_path=kit.GENEVA)
        assert run_replay(p) == 0

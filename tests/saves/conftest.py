"""Fixtures for the saves tests."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import saves_testkit as kit


@pytest.fixture(autouse=True)
def saves_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own TARIFF_TALKS_HOME: nothing touches the real user data dir."""
    home = tmp_path / "home"
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def scenario_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the short (3-turn) Geneva scenario."""
    d = tmp_path_factory.mktemp("scenarios")
    kit.write_short_scenario(d, 3)
    return d


@pytest.fixture(scope="session")
def short_path(scenario_dir: Path) -> Path:
    return scenario_dir / "short-geneva.yaml"


@pytest.fixture(scope="session")
def short(short_path: Path):
    return kit.load(short_path)


@pytest.fixture
def finished_game(short):
    from game.engine import Game

    return kit.play_random(Game(short, 11), random.Random(11))


@pytest.fixture
def midgame(short):
    """A game stopped in its second turn."""
    from game.engine import Game

    rng = random.Random(5)
    for seed in range(100):
        g = Game(short, seed)
        while not g.over and g.state.turn < 2:
            g.play(kit.random_action(g, rng))
        if not g.over:
            g.play(kit.random_action(g, rng))
            if not g.over:
                return g
    raise AssertionError("no game reached turn 2")

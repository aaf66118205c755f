"""The same seeds give the same games: a fixed set of AI games keeps its recorded state hashes.

A deliberate change of play records them again with ``python scripts/golden_games.py --write``
(the commit says which change moved them); a refactor must leave them alone.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # 48 whole AI games (run it by name: pytest tests/test_same_games.py)


def _golden_module():
    spec = importlib.util.spec_from_file_location("golden_games", ROOT / "scripts" / "golden_games.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recorded_games_replay_to_the_same_state_hashes() -> None:
    golden = _golden_module()
    before = json.loads(golden.GOLDEN.read_text(encoding="utf-8"))
    now = golden.play_all()
    assert set(now) == set(before), "the set of recorded games changed: run scripts/golden_games.py --write"
    changed = {k: (before[k], now[k]) for k in now if now[k] != before[k]}
    assert not changed, (
        f"{len(changed)} of {len(now)} games play differently from the record "
        f"(a refactor must not change play; a deliberate change records them again):\n"
        + "\n".join(f"{k}\n  was {was}\n  now {is_}" for k, (was, is_) in list(changed.items())[:5])
    )

"""Record or check the state hashes of a fixed set of AI games (the same seeds give the same games).

    python scripts/golden_games.py            # check against tests/data/golden_games.json
    python scripts/golden_games.py --write    # record them again (say why in the commit message)

A refactor must leave every hash as it was; a deliberate change of play (a rule, an AI, the
economy) records them again, and the commit says which change moved them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden_games.json"

#: (first side's seat, second side's seat) for every scenario and seed.
PAIRS: tuple[tuple[str, str], ...] = (
    ("ai:pragmatist:expert", "ai:hardliner:normal"),
    ("ai:reciprocator:hard", "ai:conceder:easy"),
    ("ai:hardliner:expert", "ai:pragmatist:expert"),
    ("ai:conceder:normal", "ai:reciprocator:expert"),
)
SEEDS: tuple[int, ...] = (1, 7)

#: Fields that hold words for people, or the reasons given for a decision, not the play itself:
#: ``text``, ``message``, and every field whose name ends in ``note`` or ``reasons``
#: (``note``, ``response_note``, ``order_reasons``…), so that reasons as data may replace prose.
PROSE_FIELDS = frozenset({"text", "message"})


def is_prose(key: str) -> bool:
    return key in PROSE_FIELDS or key.endswith(("note", "reasons"))


def play_hash(state_dict: object) -> str:
    """A hash of the state without its prose: the same decisions give the same hash."""
    import hashlib

    from game.engine.state import _json_default

    def strip(x: object) -> object:
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if not is_prose(k)}
        if isinstance(x, list | tuple):
            return [strip(v) for v in x]
        return x

    blob = json.dumps(strip(state_dict), sort_keys=True, default=_json_default, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def play_all() -> dict[str, str]:
    """``"scenario-file seed first-seat second-seat"`` -> the final play hash (and turns, outcome)."""
    sys.path.insert(0, str(ROOT))
    from game.ai import make_ai, parse_ai_spec
    from game.scenario.loader import load_scenario
    from game.session import Session

    out: dict[str, str] = {}
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = load_scenario(path)
        a, b = scenario.side_ids
        for seed in SEEDS:
            for spec_a, spec_b in PAIRS:
                seats = {a: make_ai(*parse_ai_spec(spec_a)), b: make_ai(*parse_ai_spec(spec_b))}
                session = Session.new(scenario, seats, seed=seed)
                session.play_to_end()
                game = session.game
                key = f"{path.name} {seed} {spec_a} {spec_b}"
                out[key] = (
                    f"{play_hash(game.state.to_dict())} turns={game.state.turn} outcome={game.outcome().id}"
                )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the hashes again")
    args = parser.parse_args(argv)
    now = play_all()
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} games in {GOLDEN.relative_to(ROOT)}")
        return 0
    before = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    for k in changed:
        print(f"{k}\n  was {before.get(k)}\n  now {now.get(k)}")
    print(f"{len(now) - len(changed)} of {len(now)} games as recorded")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Write ``docs/scenario.schema.json`` from the scenario models, and ``docs/agent.schema.json``
(the agent protocol's messages, which hold a side's briefing: a scenario model) with it.

The schema is what ``tariff-talks schema`` prints; the shipped scenarios name it in
their first line (``# yaml-language-server: $schema=../docs/scenario.schema.json``)
so that YAML editors complete and check them.

Usage::

    python scripts/gen_schema.py          # rewrite docs/scenario.schema.json and docs/agent.schema.json
    python scripts/gen_schema.py --check  # exit 1 if either file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.agents.protocol import agent_json_schema  # noqa: E402
from game.scenario.schema import scenario_json_schema  # noqa: E402

#: Where the schema is written, relative to the project root.
SCHEMA_PATH = ROOT / "docs" / "scenario.schema.json"
#: The agent protocol's schema (what ``tariff-talks schema --agent`` prints; docs/agents.md).
AGENT_SCHEMA_PATH = ROOT / "docs" / "agent.schema.json"


def render() -> str:
    """The schema file's text: stable key order, UTF-8, a final newline."""
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"


def render_agent() -> str:
    """The agent protocol's schema file's text, in the same form."""
    return json.dumps(agent_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    parser.add_argument("--output", type=Path, default=SCHEMA_PATH, help="where to write the schema")
    args = parser.parse_args(argv)
    files = [(args.output, render())]
    if args.output == SCHEMA_PATH:  # the project's own files: the agent protocol's too
        files.append((AGENT_SCHEMA_PATH, render_agent()))
    stale = 0
    for path, text in files:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            print(f"{path} is stale: run python scripts/gen_schema.py", file=sys.stderr)
            stale = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        print(f"wrote {path}")
    return stale


if __name__ == "__main__":
    sys.exit(main())

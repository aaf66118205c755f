"""Write ``docs/scenario.schema.json`` from the scenario models.

The schema is what ``tariff-talks schema`` prints; the shipped scenarios name it in
their first line (``# yaml-language-server: $schema=../docs/scenario.schema.json``)
so that YAML editors complete and check them.

Usage::

    python scripts/gen_schema.py          # rewrite docs/scenario.schema.json
    python scripts/gen_schema.py --check  # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.scenario.schema import scenario_json_schema  # noqa: E402

#: Where the schema is written, relative to the project root.
SCHEMA_PATH = ROOT / "docs" / "scenario.schema.json"


def render() -> str:
    """The schema file's text: stable key order, UTF-8, a final newline."""
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    parser.add_argument("--output", type=Path, default=SCHEMA_PATH, help="where to write the schema")
    args = parser.parse_args(argv)
    text = render()
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is stale: run python scripts/gen_schema.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(args.output, text)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

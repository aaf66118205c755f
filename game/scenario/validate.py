"""``validate``: check scenario files and print every problem, located.

Text output is one ``file:line:col: severity: message`` line per problem (the
format editors and CI annotate), then a summary line on ``err``. JSON output is
a list of objects (see :meth:`Diagnostic.to_json`).

Exit code: 0 if no file has an error (warnings and hints are fine), 1 if any
has, including a file that is missing or unreadable.

Run directly: ``python -m game.scenario.validate [--format json] FILE...``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Literal, TextIO

from game.scenario.diagnostics import Diagnostic, has_errors, summary
from game.scenario.loader import validate_file
from game.scenario.models import Scenario

#: A further check run on each file that validates: (scenario, file name) -> problems.
ExtraCheck = Callable[[Scenario, str], list[Diagnostic]]


def run_validate(
    files: list[str],
    fmt: Literal["text", "json"] = "text",
    out: TextIO | None = None,
    err: TextIO | None = None,
    extra: ExtraCheck | None = None,
) -> int:
    """Validate ``files``; print diagnostics to ``out``, the summary to ``err``; return the exit code.

    ``extra`` runs on every file that validates (the CLI passes the lint that plays
    the scenario's numbers, which needs the engine and so cannot live here)."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    diagnostics: list[Diagnostic] = []
    for name in files:
        scenario, found = validate_file(name)
        if scenario is not None and extra is not None:
            found = sorted([*found, *extra(scenario, name)], key=lambda d: (d.line, d.col))
        diagnostics.extend(found)
        if fmt == "text":
            for d in found:
                print(d.format(), file=out)
    if fmt == "json":
        json.dump([d.to_json() for d in diagnostics], out, ensure_ascii=False, indent=2)
        out.write("\n")
    print(summary(diagnostics, len(files)), file=err)
    return 1 if has_errors(diagnostics) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Check scenario files.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario files (YAML)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    args = parser.parse_args(argv)
    return run_validate(args.files, args.format)


if __name__ == "__main__":
    sys.exit(main())

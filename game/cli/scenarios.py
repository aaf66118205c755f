"""``tariff-talks validate`` and ``tariff-talks schema``: check scenario files, print the schema."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Literal, TextIO

from game.cli.common import EXIT_OK, EXIT_PROBLEM

if TYPE_CHECKING:
    from game.scenario.validate import ExtraCheck


def validate_command(args: argparse.Namespace) -> int:
    extra = None
    if not args.no_lint:
        from game.lint import lint_file

        extra = lint_file
    return run_validate(list(args.files), args.format, extra=extra)


def run_validate(
    files: list[str],
    fmt: Literal["text", "json"] = "text",
    out: TextIO | None = None,
    err: TextIO | None = None,
    extra: ExtraCheck | None = None,
) -> int:
    """Validate ``files`` (:func:`game.scenario.validate.validate_files`) and print what was found.

    Text: one ``file:line:col: severity: message`` line per problem on ``out`` (the format
    editors and CI annotate); JSON: a list of objects (:meth:`Diagnostic.to_json`) on ``out``.
    Then a summary line on ``err``. Returns 0 if no file has an error (warnings and hints are
    fine), 1 if any has, including a file that is missing or unreadable."""
    from game.scenario.diagnostics import summary
    from game.scenario.validate import all_diagnostics, validate_files

    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    results = validate_files(files, extra)
    diagnostics = all_diagnostics(results)
    if fmt == "json":
        json.dump([d.to_json() for d in diagnostics], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for d in diagnostics:
            print(d.format(), file=out)
    print(summary(diagnostics, len(files)), file=err)
    return EXIT_OK if all(r.ok for r in results) else EXIT_PROBLEM


def schema_command(args: argparse.Namespace) -> int:
    if getattr(args, "agent", False):
        from game.agents import agent_json_schema

        print(json.dumps(agent_json_schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    from game.scenario.schema import scenario_json_schema

    print(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK

"""``tariff-talks validate`` and ``tariff-talks schema``: check scenario files, print the schema."""

from __future__ import annotations

import argparse
import json

from game.cli.common import EXIT_OK


def validate_command(args: argparse.Namespace) -> int:
    from game.scenario.validate import run_validate

    extra = None
    if not args.no_lint:
        from game.lint import lint_file

        extra = lint_file
    return run_validate(list(args.files), args.format, extra=extra)


def schema_command(args: argparse.Namespace) -> int:
    from game.scenario.schema import scenario_json_schema

    print(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK

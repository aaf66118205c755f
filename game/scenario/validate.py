"""Validate scenario files: every problem of each file, located, as data.

:func:`validate_files` is pure (it reads the files and prints nothing): it returns one
:class:`FileResult` per file, whose diagnostics are in file order. The command that
prints them (``tariff-talks validate``: one ``file:line:col: severity: message`` line
per problem, or JSON, then a summary) is :func:`game.cli.scenarios.run_validate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from game.scenario.diagnostics import Diagnostic, has_errors
from game.scenario.loader import validate_file
from game.scenario.models import Scenario

#: A further check run on each file that validates: (scenario, file name) -> problems.
ExtraCheck = Callable[[Scenario, str], list[Diagnostic]]


@dataclass(frozen=True)
class FileResult:
    """One file's validation: the scenario if it has no error, and every problem found."""

    file: str
    scenario: Scenario | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """No error (warnings and hints are fine)."""
        return not has_errors(self.diagnostics)


def validate_one(name: str, extra: ExtraCheck | None = None) -> FileResult:
    """Validate one file; ``extra`` runs on it too if it validates (the CLI passes the lint
    that plays the scenario's numbers, which needs the engine and so cannot live here)."""
    scenario, found = validate_file(name)
    if scenario is not None and extra is not None:
        found = sorted([*found, *extra(scenario, name)], key=lambda d: (d.line, d.col))
    return FileResult(name, scenario, tuple(found))


def validate_files(files: Iterable[str], extra: ExtraCheck | None = None) -> list[FileResult]:
    """Validate every file in ``files``, in order (see :func:`validate_one`)."""
    return [validate_one(name, extra) for name in files]


def all_diagnostics(results: Sequence[FileResult]) -> list[Diagnostic]:
    """Every problem of every file, file by file."""
    return [d for r in results for d in r.diagnostics]

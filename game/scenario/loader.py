"""Load and validate scenario files: every problem at once, each located.

``validate_text`` / ``validate_file`` never raise: they return the scenario (or
``None``) and a list of :class:`~game.scenario.diagnostics.Diagnostic`, sorted
by position. ``load_scenario`` / ``load_scenario_text`` raise
:class:`~game.scenario.diagnostics.ScenarioError` instead when there is an error.

Stages, each feeding the next only if it could run:

1. bytes -> text: size limit, UTF-8, no control characters;
2. text -> plain data + positions (:mod:`game.scenario.yaml_safe`): safe,
   bounded, duplicate and non-text keys reported;
3. data -> :class:`~game.scenario.models.Scenario` (pydantic), errors mapped to
   the offending key or value (:mod:`game.scenario.model_errors`);
4. cross-reference checks (:mod:`game.scenario.checks`), only once step 3 passes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path as FsPath
from typing import Final

from pydantic import ValidationError

from game.scenario.checks import check_scenario
from game.scenario.diagnostics import (
    SEVERITIES,
    Diagnostic,
    Locator,
    Path,
    Pos,
    ScenarioError,
    has_errors,
    sort_diagnostics,
)
from game.scenario.model_errors import map_validation_error
from game.scenario.models import Scenario
from game.scenario.raw_refs import raw_reference_checks
from game.scenario.yaml_safe import MAX_BYTES, Positions, too_large
from game.scenario.yaml_safe import load_yaml_with_positions as _load_yaml

#: Most diagnostics reported for one file; the rest are summarised in one line.
MAX_DIAGNOSTICS: Final = 200

__all__ = [
    "MAX_BYTES",
    "MAX_DIAGNOSTICS",
    "ScenarioError",
    "load_scenario",
    "load_scenario_text",
    "load_yaml_with_positions",
    "validate_file",
    "validate_text",
]


def load_yaml_with_positions(
    text: str | bytes, filename: str
) -> tuple[object, dict[Path, Pos], list[Diagnostic]]:
    """Plain data of one YAML document, ``path -> (line, col)`` and problems.

    ``positions`` is a :class:`~game.scenario.yaml_safe.Positions`: a dict of
    where each value starts, with ``.key_positions`` for where keys start.
    ``data`` is ``None`` if the document could not be read. Never raises.
    """
    return _load_yaml(text, filename)


def _cap(diagnostics: list[Diagnostic], filename: str) -> list[Diagnostic]:
    if len(diagnostics) <= MAX_DIAGNOSTICS:
        return diagnostics
    shown, rest = diagnostics[:MAX_DIAGNOSTICS], diagnostics[MAX_DIAGNOSTICS:]
    worst = min((d.severity for d in rest), key=SEVERITIES.index)
    last = shown[-1]
    note = Diagnostic(
        worst,
        f"… and {len(rest)} more problems not shown (fix the ones above first)",
        filename,
        last.line,
        last.col,
    )
    return [*shown, note]


def _validate(text: str | bytes, filename: str) -> tuple[Scenario | None, list[Diagnostic]]:
    data, positions, diagnostics = _load_yaml(text, filename)
    if data is None:
        return None, _cap(sort_diagnostics(diagnostics), filename)
    keys = positions.key_positions if isinstance(positions, Positions) else {}
    locator = Locator(positions, keys)
    if not isinstance(data, dict):
        line, col = locator.value(())
        diagnostics.append(
            Diagnostic(
                "error",
                "a scenario file is a mapping of sections (meta:, sides:, instruments:, briefings:, "
                f"events:, scoring:, end:), but this file holds {_kind(data)}",
                filename,
                line,
                col,
            )
        )
        return None, _cap(sort_diagnostics(diagnostics), filename)
    scenario: Scenario | None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        scenario = None
        diagnostics.extend(
            map_validation_error(exc, data, locator, filename, Scenario, limit=MAX_DIAGNOSTICS)
        )
        # every problem at once: names that do not exist, even though the file did not parse
        seen = {(d.line, d.col, d.message) for d in diagnostics}
        diagnostics.extend(
            d for d in raw_reference_checks(data, locator, filename) if (d.line, d.col, d.message) not in seen
        )
    if scenario is not None:
        diagnostics.extend(check_scenario(scenario, locator, filename))
    diagnostics = _cap(sort_diagnostics(diagnostics), filename)
    return (None if has_errors(diagnostics) else scenario), diagnostics


def _kind(data: object) -> str:
    if isinstance(data, list):
        return "a list"
    if isinstance(data, str):
        return "a single text"
    return f"a single value ({data!r})"[:80]


def validate_text(text: str | bytes, filename: str) -> tuple[Scenario | None, list[Diagnostic]]:
    """Validate scenario text; report every problem at once. Never raises.

    Returns the scenario only if there is no error-severity diagnostic (warnings
    and hints are fine), else ``None``.
    """
    try:
        return _validate(text, filename)
    except Exception as exc:  # a bug in the validator must not crash the caller
        message = f"internal error while validating ({type(exc).__name__}: {exc}); please report this"
        return None, [Diagnostic("error", message, filename, 1, 1)]


def _read_bounded(path: str | os.PathLike[str]) -> tuple[bytes | None, list[Diagnostic]]:
    """At most ``MAX_BYTES + 1`` bytes of a regular file, or a located error."""
    name = os.fspath(path)

    def fail(message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic("error", message, name, 1, 1)]

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return fail("file not found")
    except OSError as exc:
        return fail(f"cannot read the file: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        return fail("this is a directory, not a scenario file")
    if not stat.S_ISREG(info.st_mode):
        return fail("this is not a regular file")
    if info.st_size > MAX_BYTES:
        return None, [too_large(info.st_size, name)]
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        return fail(f"cannot read the file: {exc.strerror or exc}")
    if len(data) > MAX_BYTES:
        return None, [too_large(len(data), name)]
    return data, []


def validate_file(path: str | os.PathLike[str]) -> tuple[Scenario | None, list[Diagnostic]]:
    """Validate a scenario file; a missing or unreadable file is a located error too."""
    data, diagnostics = _read_bounded(path)
    if data is None:
        return None, diagnostics
    return validate_text(data, os.fspath(path))


def _raise_or_return(scenario: Scenario | None, diagnostics: list[Diagnostic]) -> Scenario:
    if scenario is None:
        raise ScenarioError([d for d in diagnostics if d.severity == "error"] or diagnostics)
    return scenario


def load_scenario(path: str | os.PathLike[str] | FsPath) -> Scenario:
    """The scenario in ``path``; raises :class:`ScenarioError` (errors only) if it has any error."""
    return _raise_or_return(*validate_file(path))


def load_scenario_text(text: str | bytes, filename: str = "<text>") -> Scenario:
    """The scenario in ``text``; raises :class:`ScenarioError` if it has any error."""
    return _raise_or_return(*validate_text(text, filename))

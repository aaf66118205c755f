"""Located validation results for scenario files.

A :class:`Diagnostic` is one problem found in a scenario file, pointing at a
1-based ``line`` and ``col`` so that editors and terminals can jump to it.

Severities (after the Unciv mod checker's documented levels):

- ``error``: the scenario cannot be played as written; loading refuses it.
- ``warning``: the scenario loads, but something is almost surely unintended
  (an event that can never fire, a start level off the step grid, …).
- ``hint``: style only (a text without a Chinese translation, …).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "hint"]
#: Severities from most to least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "hint")
_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: A key path in the YAML document: mapping keys and list indices.
Path = tuple[str | int, ...]
#: A 1-based (line, col) position.
Pos = tuple[int, int]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a scenario file, with a 1-based ``line`` and ``col``."""

    severity: Severity
    message: str
    file: str
    line: int
    col: int
    path: Path = ()

    def format(self) -> str:
        """``file:line:col: severity: message``, the format compilers use."""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
            "path": list(self.path),
        }

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ScenarioError(Exception):
    """A scenario file could not be loaded; ``diagnostics`` says why and where."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Duplicates merged, then in file order (errors first at the same spot)."""
    unique = list(dict.fromkeys(diagnostics))
    return sorted(unique, key=lambda d: (d.file, d.line, d.col, _RANK[d.severity]))


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    counts: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """E.g. ``2 errors, 1 warning, 0 hints in 3 files``."""
    counts = count_by_severity(diagnostics)

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (
        f"{n(counts['error'], 'error')}, {n(counts['warning'], 'warning')}, "
        f"{n(counts['hint'], 'hint')} in {n(files, 'file')}"
    )


def format_path(path: Sequence[str | int]) -> str:
    """``('sides', 0, 'name')`` -> ``sides[0].name``; the empty path is ``the top level``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "the top level"


class Locator:
    """Maps key paths of the document to 1-based positions.

    ``values`` holds where each value starts, ``keys`` where the key naming it
    starts. A path that is not in the document (a default, a missing key) falls
    back to its nearest ancestor that is.
    """

    def __init__(self, values: dict[Path, Pos], keys: dict[Path, Pos] | None = None) -> None:
        self.values = values
        self.keys = keys if keys is not None else {}

    def value(self, path: Sequence[str | int]) -> Pos:
        p = tuple(path)
        while p:
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def key(self, path: Sequence[str | int]) -> Pos:
        """Where the key of ``path`` is; for a list item, where the item is."""
        p = tuple(path)
        if p in self.keys:
            return self.keys[p]
        return self.value(p)

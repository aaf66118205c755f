"""Which scenario text goes into a save, and finding the scenario's current file.

A save embeds the scenario's whole text so that it can be replayed even after
the file changed or disappeared. For a game being saved, the text comes from
(first that applies):

1. ``scenario_path`` given to ``save_game`` — used if that file still parses to
   the very scenario the game is played with;
2. the text remembered in the game's save record (:mod:`game.saves.record`): the
   text of its last save, or, for a loaded game, the copy inside the save it was
   loaded from (so re-saving a loaded game keeps its text);
3. a file in the bundled scenario folders that parses to the same scenario;
4. otherwise a canonical JSON dump of the scenario model (``text_format: json``).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from game.resources import bundled_scenario_dirs
from game.saves.schema import ScenarioCopy
from game.scenario.models import Scenario

#: Where the bundled scenarios live (an installed copy's, the repository's, a bundle's).
BUNDLED_SCENARIO_DIRS: tuple[Path, ...] = bundled_scenario_dirs()
SCENARIO_SUFFIXES = (".yaml", ".yml")
_MAX_SCENARIO_FILE = 4 * 1024 * 1024


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class ScenarioSource:
    """The text a scenario was parsed from (kept in the game's save record between saves)."""

    scenario: Scenario
    text: str
    text_format: Literal["yaml", "json"]
    file_name: str | None


class _ParseCache:
    """A bounded, thread-safe LRU of parses by the text's hash: pure memoisation (scenarios are
    immutable), so loading saves of one scenario shares one Scenario object and scanning the
    scenario folders does not parse an unchanged file twice. Holds no text, only parses."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._lock = threading.Lock()
        self._items: OrderedDict[str, Scenario | None] = OrderedDict()

    def get(self, key: str) -> tuple[bool, Scenario | None]:
        with self._lock:
            if key not in self._items:
                return False, None
            self._items.move_to_end(key)
            return True, self._items[key]

    def put(self, key: str, value: Scenario | None) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


#: "format:sha256" of a scenario text -> its scenario (None: a file with errors).
_parses = _ParseCache(maxsize=64)


def parse_scenario_text(text: str, text_format: str, filename: str) -> Scenario:
    """Parse an embedded scenario; raises ScenarioError, pydantic.ValidationError or ValueError.

    Successful parses are memoised by the text's hash (scenarios are immutable, so
    games loaded from saves of the same scenario share one Scenario object).
    """
    key = f"{text_format}:{sha256_text(text)}"
    found, hit = _parses.get(key)
    if found and hit is not None:
        return hit
    if text_format == "json":
        scenario = Scenario.model_validate_json(text)
    else:
        from game.scenario.loader import load_scenario_text

        scenario = load_scenario_text(text, filename)
    _parses.put(key, scenario)
    return scenario


def read_scenario_file(path: Path) -> tuple[str, Scenario | None]:
    """The text of a scenario file and the scenario it parses to (None if it has errors).

    The parse is memoised by the text's hash (the file is read every time, so an edited
    file is never mistaken for the old one). Raises OSError or UnicodeDecodeError if unreadable.
    """
    with open(path, "rb") as f:
        raw = f.read(_MAX_SCENARIO_FILE + 1)
    if len(raw) > _MAX_SCENARIO_FILE:
        raise OSError(f"{path.name} is too large to be a scenario")
    text = raw.decode("utf-8")
    found, hit = _parses.get(f"yaml:{sha256_text(text)}")
    if found:
        return text, hit
    try:
        scenario: Scenario | None = parse_scenario_text(text, "yaml", path.name)
    except Exception:  # a broken scenario file: callers report it
        scenario = None
        _parses.put(f"yaml:{sha256_text(text)}", None)
    return text, scenario


def scenario_files(dirs: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        try:
            out.extend(sorted(p for p in d.iterdir() if p.suffix in SCENARIO_SUFFIXES and p.is_file()))
        except OSError:
            continue
    return out


def choose_source(
    scenario: Scenario,
    scenario_path: str | os.PathLike[str] | None = None,
    remembered: ScenarioSource | None = None,
) -> ScenarioSource:
    """The text to embed in a save of a game played with ``scenario`` (see the module docstring):
    ``scenario_path`` if it parses to ``scenario``, else ``remembered`` (the game's save record),
    else a bundled file that parses to it, else the scenario's canonical JSON."""
    if scenario_path is not None:
        p = Path(scenario_path)
        try:
            text, parsed = read_scenario_file(p)
        except (OSError, UnicodeDecodeError):
            parsed = None
        if parsed is not None and parsed == scenario:
            return ScenarioSource(scenario, text, "yaml", p.name)
    if remembered is not None and remembered.scenario is scenario:
        return remembered
    for p in scenario_files(BUNDLED_SCENARIO_DIRS):
        try:
            text, parsed = read_scenario_file(p)
        except (OSError, UnicodeDecodeError):
            continue
        if parsed is not None and parsed == scenario:
            return ScenarioSource(scenario, text, "yaml", p.name)
    return ScenarioSource(scenario, scenario.model_dump_json(), "json", None)


def scenario_copy(src: ScenarioSource) -> ScenarioCopy:
    """The :class:`ScenarioCopy` that embeds ``src`` in a save."""
    return ScenarioCopy(
        id=src.scenario.meta.id,
        version=src.scenario.meta.version,
        file_name=src.file_name,
        text_format=src.text_format,
        text=src.text,
        sha256=sha256_text(src.text),
    )


def scenario_copy_for(
    scenario: Scenario,
    scenario_path: str | os.PathLike[str] | None = None,
    remembered: ScenarioSource | None = None,
) -> ScenarioCopy:
    """The :class:`ScenarioCopy` to embed in a save of a game played with ``scenario``."""
    return scenario_copy(choose_source(scenario, scenario_path, remembered))


def find_current_file(copy: ScenarioCopy, scenario_id: str, dirs: tuple[Path, ...]) -> Path | None:
    """The scenario file a save's scenario comes from, as it is now: by its file name if the
    save names one, else the file whose scenario has the id ``scenario_id``."""
    if copy.file_name:  # a save that names its file: only that file counts
        for d in dirs:
            p = d / copy.file_name
            if p.is_file():
                return p
        return None
    needle = scenario_id
    if not needle:
        return None
    for p in scenario_files(dirs):
        try:
            _text, parsed = read_scenario_file(p)
        except (OSError, UnicodeDecodeError):
            continue
        if parsed is not None and parsed.meta.id == needle:
            return p
    return None

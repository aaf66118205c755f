"""Which scenario text goes into a save, and finding the scenario's current file.

A save embeds the scenario's whole text so that it can be replayed even after
the file changed or disappeared. For a game being saved, the text comes from
(first that applies):

1. ``scenario_path`` given to ``save_game`` — used if that file still parses to
   the very scenario the game is played with;
2. the text remembered for this scenario object — :func:`remember_scenario_source`
   (``load_game`` does this, so re-saving a loaded game keeps its text);
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
class _Source:
    scenario: Scenario
    text: str
    text_format: str
    file_name: str | None


_lock = threading.Lock()
_remembered: OrderedDict[int, _Source] = OrderedDict()  # id(scenario) -> source (holds the scenario)
_parse_cache: dict[str, tuple[Scenario | None]] = {}
_text_cache: dict[
    str, Scenario
] = {}  # "format:sha256" of an embedded text -> its scenario  # sha256 of a file's text -> its parse


def remember_scenario_source(
    scenario: Scenario, text: str, file_name: str | None, text_format: str = "yaml"
) -> None:
    """Record that ``scenario`` was parsed from ``text`` (the file ``file_name``), for later saves."""
    with _lock:
        _remembered[id(scenario)] = _Source(scenario, text, text_format, file_name)
        _remembered.move_to_end(id(scenario))
        while len(_remembered) > 32:
            _remembered.popitem(last=False)


def _remembered_source(scenario: Scenario) -> _Source | None:
    with _lock:
        src = _remembered.get(id(scenario))
    return src if src is not None and src.scenario is scenario else None


def parse_scenario_text(text: str, text_format: str, filename: str) -> Scenario:
    """Parse an embedded scenario; raises ScenarioError, pydantic.ValidationError or ValueError.

    Successful parses are cached by the text's hash (scenarios are immutable, so
    games loaded from saves of the same scenario share one Scenario object).
    """
    key = f"{text_format}:{sha256_text(text)}"
    with _lock:
        hit = _text_cache.get(key)
    if hit is not None:
        return hit
    if text_format == "json":
        scenario = Scenario.model_validate_json(text)
    else:
        from game.scenario.loader import load_scenario_text

        scenario = load_scenario_text(text, filename)
    with _lock:
        _text_cache[key] = scenario
        while len(_text_cache) > 32:
            _text_cache.pop(next(iter(_text_cache)))
    return scenario


def read_scenario_file(path: Path) -> tuple[str, Scenario | None]:
    """The text of a scenario file and the scenario it parses to (None if it has errors).

    The parse is cached by the text's hash. Raises OSError or UnicodeDecodeError if unreadable.
    """
    with open(path, "rb") as f:
        raw = f.read(_MAX_SCENARIO_FILE + 1)
    if len(raw) > _MAX_SCENARIO_FILE:
        raise OSError(f"{path.name} is too large to be a scenario")
    text = raw.decode("utf-8")
    digest = sha256_text(text)
    with _lock:
        hit = _parse_cache.get(digest)
    if hit is not None:
        return text, hit[0]
    try:
        scenario: Scenario | None = parse_scenario_text(text, "yaml", path.name)
    except Exception:  # a broken scenario file: callers report it
        scenario = None
    with _lock:
        _parse_cache[digest] = (scenario,)
        while len(_parse_cache) > 64:
            _parse_cache.pop(next(iter(_parse_cache)))
    return text, scenario


def scenario_files(dirs: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        try:
            out.extend(sorted(p for p in d.iterdir() if p.suffix in SCENARIO_SUFFIXES and p.is_file()))
        except OSError:
            continue
    return out


def scenario_copy_for(
    scenario: Scenario, scenario_path: str | os.PathLike[str] | None = None
) -> ScenarioCopy:
    """The :class:`ScenarioCopy` to embed in a save of a game played with ``scenario``."""
    src: _Source | None = None
    if scenario_path is not None:
        p = Path(scenario_path)
        try:
            text, parsed = read_scenario_file(p)
        except (OSError, UnicodeDecodeError):
            parsed = None
        if parsed is not None and parsed == scenario:
            src = _Source(scenario, text, "yaml", p.name)
    if src is None:
        src = _remembered_source(scenario)
    if src is None:
        for p in scenario_files(BUNDLED_SCENARIO_DIRS):
            try:
                text, parsed = read_scenario_file(p)
            except (OSError, UnicodeDecodeError):
                continue
            if parsed is not None and parsed == scenario:
                src = _Source(scenario, text, "yaml", p.name)
                break
    if src is None:
        src = _Source(scenario, scenario.model_dump_json(), "json", None)
    remember_scenario_source(scenario, src.text, src.file_name, src.text_format)
    return ScenarioCopy(
        id=scenario.meta.id,
        version=scenario.meta.version,
        file_name=src.file_name,
        text_format=src.text_format,  # type: ignore[arg-type]
        text=src.text,
        sha256=sha256_text(src.text),
    )


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

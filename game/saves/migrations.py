"""Upgrading saves written in older formats.

Every format change adds one function to :data:`MIGRATIONS`: it takes the raw
JSON object of version ``n`` (already checked to be a dict) and returns the
object of version ``n + 1``. :func:`migrate` chains them up to
:data:`~game.saves.schema.FORMAT_VERSION`; the result is then validated by the
current model, so a migration only has to move data, not check it. Migrations
must be pure (no I/O, no game logic) and must never raise anything but
:class:`MigrationError` (a KeyError or TypeError in one is caught and reported
as a damaged file).

Version 0 is the pre-release layout, kept so that the framework is exercised by
a test::

    {"tariff_talks_save": 0, "saved_at": ISO-8601, "scenario_file": NAME,
     "scenario_yaml": TEXT, "seed": INT, "players": {SIDE: LABEL},
     "moves": [ACTION, …]}

It had no hashes, checkpoints or metadata: a migrated save is replayed but not
verified (``load_game`` says so in its warnings).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from game.saves.schema import FORMAT_NAME, FORMAT_VERSION

Raw = dict[str, Any]


class MigrationError(Exception):
    """The old file lacks something its format requires."""


def detect_version(data: Raw) -> int:
    """The format version of a raw save object; MigrationError if it is not a save."""
    if data.get("format") == FORMAT_NAME:
        v = data.get("format_version")
        if type(v) is not int:
            raise MigrationError("its format_version is missing or not a whole number")
        return v
    if "tariff_talks_save" in data:
        v = data["tariff_talks_save"]
        if v != 0 or type(v) is not int:
            raise MigrationError("its tariff_talks_save version is not 0")
        return 0
    raise MigrationError("it is not a Tariff Talks save (no 'format': 'tariff-talks-save')")


def _v0_to_v1(old: Raw) -> Raw:
    text = old["scenario_yaml"]
    if not isinstance(text, str):
        raise MigrationError("scenario_yaml is not text")
    return {
        "format": FORMAT_NAME,
        "format_version": 1,
        "app_version": "unknown (save format 0)",
        "created_at": old["saved_at"],
        "updated_at": old["saved_at"],
        "scenario": {
            "id": "",  # filled in from the scenario itself on load
            "version": "",
            "file_name": old.get("scenario_file"),
            "text_format": "yaml",
            "text": text,
            "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        },
        "seed": old["seed"],
        "seats": old.get("players", {}),
        "actions": old["moves"],
        "meta": None,
        "checkpoints": [],
        "final_state_hash": None,
        "checksum": None,
    }


#: version n -> function turning a version-n object into a version n+1 object.
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {0: _v0_to_v1}


def migrate(data: Raw) -> tuple[Raw, int]:
    """Bring ``data`` up to FORMAT_VERSION; return it and the version it had.

    Raises MigrationError if the file is not a save or cannot be upgraded. A
    version newer than FORMAT_VERSION is returned unchanged (the caller refuses it).
    """
    original = version = detect_version(data)
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"save format {version} is too old to be read by this version")
        try:
            data = step(data)
        except MigrationError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise MigrationError(
                f"a save of format {version} with missing or damaged fields ({err!r})"
            ) from None
        version += 1
        if not isinstance(data, dict):
            raise MigrationError("migration produced no object")
    return data, original

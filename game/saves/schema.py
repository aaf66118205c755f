"""The save file format (version 1), as pydantic models, and its limits.

A save is one UTF-8 JSON object::

    {
      "format": "tariff-talks-save",        # what the file is
      "format_version": 1,                  # this layout; older ones are migrated
      "app_version": "0.3.0",               # the game that wrote it
      "created_at": "2025-05-06T09:00:00+00:00",  # first save of this game
      "updated_at": "2025-05-06T09:42:00+00:00",  # this save
      "scenario": {                         # the scenario, whole, so that the save
        "id": "geneva_2025",                #   loads even if the file changed or is gone
        "version": "1",
        "file_name": "geneva-2025.yaml",    # the file it came from, if known (no folders)
        "text_format": "yaml",              # "yaml" (the file's text) or "json" (a dump)
        "text": "meta:\n  id: geneva_2025\n…",
        "sha256": "…"                       # of the UTF-8 text
      },
      "seed": 7,
      "seats": {"us": "human", "china": "ai:pragmatist:normal"},
      "actions": [{"type": "orders", "side": "us", …}, …],   # the game itself
      "meta": {"turn": 5, "phase": "table", "sides": ["us", "china"], "over": false,
               "end_reason": null, "outcome": null, "scores": {…}, "actions": 37,
               "user": {}},                 # for listings; recomputed on load
      "checkpoints": [{"turn": 0, "actions": 0, "digest": "…"},
                      {"turn": 1, "actions": 6, "digest": "…"}, …],
      "final_state_hash": "…",              # state_hash() after all the actions
      "checksum": "…"                       # sha256 of the canonical JSON of all the rest
    }

``checkpoints`` hold a digest of the state at the start (turn 0) and after each
turn's resolution (the turn that resolved, and how many actions had been played),
so a replay that differs can say in which turn it diverged. ``checksum`` detects edits
made outside the game (a warning, not an error: the actions are what count).
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue, StringConstraints

FORMAT_NAME: Final = "tariff-talks-save"
#: The format this version writes. Older ones are upgraded by :mod:`game.saves.migrations`.
FORMAT_VERSION: Final = 1
#: Biggest save file read (bytes). A 520-turn game with every offer is far below this.
MAX_SAVE_BYTES: Final = 16 * 1024 * 1024
#: Deepest JSON nesting accepted (a valid save nests about 6 deep).
MAX_DEPTH: Final = 32
#: Most actions in one save (a scenario lasts at most 520 turns).
MAX_ACTIONS: Final = 100_000
#: Longest embedded scenario text (the scenario loader's own limit is 2 MiB).
MAX_SCENARIO_CHARS: Final = 4 * 1024 * 1024

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Short = Annotated[str, StringConstraints(max_length=200)]
FileName = Annotated[str, StringConstraints(max_length=255, pattern=r"^[^/\\\x00]+$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ScenarioCopy(_Model):
    """The scenario a game was played with: its identity and its whole text."""

    id: Short = Field(description="meta.id of the scenario ('' if unknown, e.g. after a migration).")
    version: Short = Field(description="meta.version of the scenario.")
    file_name: FileName | None = Field(default=None, description="Name of the file it was loaded from.")
    text_format: Literal["yaml", "json"] = Field(description="yaml: the file's text; json: a canonical dump.")
    text: Annotated[str, StringConstraints(max_length=MAX_SCENARIO_CHARS)]
    sha256: Sha256 = Field(description="sha256 of the UTF-8 encoded text.")


class Checkpoint(_Model):
    """The state's turn digest after ``actions`` actions: at the start (turn 0) or when
    ``turn`` resolved (see :func:`game.saves.checkpoints.turn_digest`)."""

    turn: int = Field(ge=0, le=100_000)
    actions: int = Field(ge=0, le=MAX_ACTIONS)
    digest: Sha256


class SaveMeta(_Model):
    """What a listing (recent games, the Open dialog) shows without replaying the game."""

    turn: int = Field(ge=0, le=100_000)
    phase: Literal["orders", "table", "over"]
    sides: list[Short] = Field(max_length=8)
    over: bool
    end_reason: Short | None = None
    outcome: Short | None = Field(default=None, description="Outcome tier id once the game is over.")
    scores: dict[Short, float] = Field(default_factory=dict, max_length=8)
    actions: int = Field(ge=0, le=MAX_ACTIONS)
    user: dict[Short, JsonValue] = Field(
        default_factory=dict, max_length=100, description="The caller's own metadata (save_game(meta=…))."
    )


class SaveFile(_Model):
    """A whole save file, format version 1."""

    format: Literal["tariff-talks-save"]
    format_version: Literal[1]
    app_version: Short
    created_at: Annotated[AwareDatetime, Field(strict=False)]
    updated_at: Annotated[AwareDatetime, Field(strict=False)]
    scenario: ScenarioCopy
    seed: int = Field(ge=-(2**63), le=2**63 - 1)
    seats: dict[Short, Short] = Field(default_factory=dict, max_length=8)
    actions: list[dict[str, Any]] = Field(max_length=MAX_ACTIONS)
    meta: SaveMeta | None = None
    checkpoints: list[Checkpoint] = Field(default_factory=list, max_length=MAX_ACTIONS + 1)
    final_state_hash: Sha256 | None = None
    checksum: Sha256 | None = None

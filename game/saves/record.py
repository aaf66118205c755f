"""What saving one game carries from one save to the next: its :class:`SaveRecord`.

A save of a game needs three things that are not in the game's actions: when the
game was first saved (``created_at``, kept by every later save), the text of its
scenario (the file it came from, or the copy inside the save it was loaded from)
and its checkpoints so far (computed incrementally, so autosaving every turn costs
one turn's replay). They travel with the game, in ``game.extras[RECORD_KEY]`` —
not in module dictionaries keyed by games or by ``id(scenario)``:

- a game's first save creates its record; :func:`game.saves.load_game` gives the
  loaded game a record with the save's ``created_at`` and scenario text;
- shallow copies of a game (the window's autosave snapshots, ``copy.copy``) and the
  game undo rebuilds share their ``extras``, so they share the record: the same game
  keeps its ``created_at`` and its checkpoint tracker;
- when the game is garbage, so is its record.

The record is thread-safe: the window autosaves snapshots on a worker thread while
Save writes the game itself on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

from game.engine import Game
from game.saves.checkpoints import CheckpointTracker
from game.saves.scenario_source import ScenarioSource
from game.saves.schema import Checkpoint
from game.scenario.models import Scenario

#: The key of the saves layer's record in ``Game.extras``.
RECORD_KEY = "saves"


def now() -> dt.datetime:
    """The time stamp of a save (UTC, to the second)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(eq=False)
class SaveRecord:
    """One game's save state (see the module docstring)."""

    created_at: dt.datetime
    source: ScenarioSource | None = None
    tracker: CheckpointTracker | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def checkpoints(self, game: Game) -> list[Checkpoint]:
        """The checkpoints of ``game`` so far (replaying only what was played since the last call)."""
        with self._lock:
            tr = self.tracker
            if tr is None or tr.scenario is not game.scenario or tr.seed != game.seed:
                tr = self.tracker = CheckpointTracker(game.scenario, game.seed)
            return tr.update(game.actions)

    def source_for(self, scenario: Scenario) -> ScenarioSource | None:
        """The remembered text of ``scenario`` (None if none, or if it is of another scenario)."""
        with self._lock:
            src = self.source
        return src if src is not None and src.scenario is scenario else None

    def remember(self, source: ScenarioSource) -> None:
        with self._lock:
            self.source = source


def record_of(game: Game) -> SaveRecord:
    """``game``'s save record, created (with ``created_at`` now) by its first save."""
    rec = game.extras.get(RECORD_KEY)
    if isinstance(rec, SaveRecord):
        return rec
    fresh = SaveRecord(created_at=now())
    rec = game.extras.setdefault(RECORD_KEY, fresh)  # atomic: two first saves at once get one record
    if not isinstance(rec, SaveRecord):  # something else under our key: replace it
        game.extras[RECORD_KEY] = rec = fresh
    return rec


def checkpoints_for(game: Game) -> list[Checkpoint]:
    """The checkpoints of ``game`` so far (incremental across calls: the tracker is in its record)."""
    return record_of(game).checkpoints(game)


def attach_record(game: Game, record: SaveRecord) -> SaveRecord:
    """Give ``game`` ``record`` (a loaded game: the save's ``created_at`` and scenario text)."""
    game.extras[RECORD_KEY] = record
    return record

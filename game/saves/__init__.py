"""Save files, autosave, replay and undo — no Qt here.

For the window (game/ui):

- **Save / Save As**: ``save_game(path, game, seats={side: label}, scenario_path=…)``;
  default folder ``default_saves_dir()``; suggested suffix ``SAVE_SUFFIX``.
- **Open / recent games**: ``read_save_info(path)`` lists a file without replaying;
  ``load_game(path)`` returns a :class:`LoadedGame` (``.game``, ``.seats``,
  ``.warnings`` to show, ``.current_game`` to offer when the scenario changed).
  On :class:`SaveError` show ``err.message``; if ``err.backup_available`` offer
  ``load_game(backup_path(path))``. The current game is never touched by a failed load.
- **Autosave / resume**: :class:`Autosaver` (``find_resumable()`` at start-up,
  ``watch(session)`` while playing, ``finish()`` on a clean finish).
- **Undo / redo**: :class:`UndoStack` (``UndoStack.for_session(session)``).
- **Replay**: ``tariff-talks replay FILE [--step]`` (:func:`game.cli.replay.run_replay`).

The file format and the decisions are documented in :mod:`game.saves.schema`,
:mod:`game.saves.files` and ``game/saves/README.md``.
"""

from __future__ import annotations

from game.resources import home
from game.saves.atomic import atomic_write, backup_path
from game.saves.autosave import (
    Autosaver,
    autosave,
    default_saves_dir,
    find_resumable,
    finish_autosave,
)
from game.saves.errors import SaveError
from game.saves.files import (
    SAVE_SUFFIX,
    LoadedGame,
    SaveInfo,
    encode_save,
    load_game,
    read_save_info,
    save_game,
)
from game.saves.schema import FORMAT_VERSION, MAX_SAVE_BYTES
from game.saves.undo import UndoError, UndoStack

__all__ = [
    "FORMAT_VERSION",
    "MAX_SAVE_BYTES",
    "SAVE_SUFFIX",
    "Autosaver",
    "LoadedGame",
    "SaveError",
    "SaveInfo",
    "UndoError",
    "UndoStack",
    "atomic_write",
    "autosave",
    "backup_path",
    "default_saves_dir",
    "encode_save",
    "find_resumable",
    "finish_autosave",
    "home",
    "load_game",
    "read_save_info",
    "save_game",
]

"""Autosave, and resuming after a crash.

Where things live (``home()``): ``$TARIFF_TALKS_HOME`` if set (tests), else
``platformdirs.user_data_dir("tariff-talks")``::

    HOME/saves/                  default folder for Save / Save As / Open
    HOME/autosave/current.json   the game in progress (and current.json.bak)
    HOME/autosave/running.json   the marker: a game is in progress in process PID

How the window uses it::

    saver = Autosaver()                      # HOME/autosave
    path = saver.find_resumable()            # at start-up
    if path: ask "Resume the unfinished game?" -> load_game(path) or saver.discard()
    saver.watch(session)                     # autosaves during play (see maybe_save)
    ...
    saver.finish()                           # on a clean finish: game over, or the
                                             # player closed/replaced the game on purpose

The marker is written with the first autosave of a game and removed by
:meth:`Autosaver.finish` (and automatically once an autosaved game is over). If
the process dies (crash, kill, power cut) the marker stays, so the next start
finds it: :meth:`Autosaver.find_resumable` returns the autosave to offer — unless
the marker's process is still running (another window playing that game).
Autosave errors (disk full…) never interrupt play: ``maybe_save`` records them
in ``last_error`` and calls ``on_error``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from game.engine import Action, Game
from game.resources import home
from game.saves.atomic import atomic_write, backup_path, pid_alive
from game.saves.errors import SaveError
from game.saves.files import read_save_info, save_game

AUTOSAVE_NAME = "current.json"
MARKER_NAME = "running.json"


def default_saves_dir(create: bool = True) -> Path:
    """The default folder for Save / Save As / Open (created if ``create``)."""
    d = home() / "saves"
    if create:
        d.mkdir(parents=True, exist_ok=True)
    return d


def autosave_dir() -> Path:
    return home() / "autosave"


class Autosaver:
    """Autosaves one game at a time to ``directory/current.json`` (default: HOME/autosave)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else autosave_dir()
        self.path = self.directory / AUTOSAVE_NAME
        self.marker = self.directory / MARKER_NAME
        self.last_error: SaveError | None = None
        self.on_error: Callable[[SaveError], None] | None = None
        self._last_position: tuple[int, int, str] | None = None  # (id(game), turn, phase)

    # ------------------------------------------------------------- saving
    def save(
        self, game: Game, seats: Mapping[str, str] | None = None, meta: Mapping[str, Any] | None = None
    ) -> Path:
        """Autosave ``game`` now (atomically, keeping current.json.bak). Raises SaveError."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise SaveError(
                "cannot create the autosave folder: {error}",
                self.directory,
                kind="io",
                error=err.strerror or err,
            ) from None
        if not game.over:
            self._mark()
        save_game(self.path, game, seats, meta)
        if game.over:
            self.finish()
        self._last_position = (id(game), game.state.turn, game.state.phase)
        return self.path

    def maybe_save(
        self,
        game: Game,
        seats: Mapping[str, str] | None = None,
        action: Action | None = None,
        *,
        human_sides: frozenset[str] | set[str] = frozenset(),
    ) -> bool:
        """Autosave if a turn resolved (or phase changed, or the game ended) since the
        last autosave, or ``action`` was a human's. Never raises; returns True if saved."""
        pos = (id(game), game.state.turn, game.state.phase)
        human = action is not None and action.side in human_sides
        if pos == self._last_position and not human:
            return False
        try:
            self.save(game, seats)
        except SaveError as err:
            self.last_error = err
            if self.on_error is not None:
                self.on_error(err)
            return False
        self.last_error = None
        return True

    def watch(self, session: Any) -> Callable[[Action], None]:
        """Autosave ``session`` (a :class:`game.session.Session`) as it plays: every turn,
        and after each human action. Returns the callback (remove it from
        ``session.on_action`` to stop)."""

        def on_action(action: Action) -> None:
            seats = {s: seat.label for s, seat in session.seats.items()}
            humans = {s for s, seat in session.seats.items() if seat.is_human}
            self.maybe_save(session.game, seats, action, human_sides=humans)

        session.on_action.append(on_action)
        self.maybe_save(session.game, {s: seat.label for s, seat in session.seats.items()})
        return on_action

    # ------------------------------------------------------------- marker
    def _mark(self) -> None:
        mine = self._read_marker()
        if mine is not None and mine.get("pid") == os.getpid():
            return
        body = {"pid": os.getpid(), "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        atomic_write(self.marker, json.dumps(body).encode(), keep_backup=False)

    def _read_marker(self) -> dict[str, Any] | None:
        try:
            raw = self.marker.read_bytes()[:4096]
            data = json.loads(raw)
        except (OSError, ValueError):
            return {} if self.marker.exists() else None
        return data if isinstance(data, dict) else {}

    def finish(self) -> None:
        """A clean finish: nothing to resume any more (the autosave file is kept)."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.marker)

    def discard(self) -> None:
        """The player declined to resume: remove the marker and the autosave files."""
        self.finish()
        for p in (self.path, backup_path(self.path)):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(p)
        self._last_position = None

    def find_resumable(self) -> Path | None:
        """The autosave of a game that did not finish cleanly, to offer to resume; else None.

        Returns current.json, or current.json.bak if only the backup is readable.
        None if there is no marker (clean finish), if the marker's process is
        still running (another instance is playing it), or if nothing loads.
        """
        marker = self._read_marker()
        if marker is None:
            return None
        pid = marker.get("pid")
        if isinstance(pid, int) and pid != os.getpid() and pid_alive(pid):
            return None
        for p in (self.path, backup_path(self.path)):
            try:
                info = read_save_info(p)
            except SaveError:
                continue
            if info.meta is not None and info.meta.over:
                return None  # the game had ended: nothing to resume
            return p
        return None


def default_autosaver() -> Autosaver:
    """An Autosaver of HOME/autosave (a new one each time: the module keeps none; a window that
    autosaves a game keeps its own, whose ``last_error`` and position are its own)."""
    return Autosaver()


def autosave(
    game: Game, seats: Mapping[str, str] | None = None, meta: Mapping[str, Any] | None = None
) -> Path:
    """Autosave ``game`` to HOME/autosave/current.json now. Raises SaveError."""
    return default_autosaver().save(game, seats, meta)


def find_resumable() -> Path | None:
    """The autosave to offer to resume at start-up, or None (see :meth:`Autosaver.find_resumable`)."""
    return default_autosaver().find_resumable()


def finish_autosave() -> None:
    """Mark the autosaved game as cleanly finished: it will not be offered for resuming."""
    default_autosaver().finish()

"""The saves' error family: one exception, :class:`SaveError`, with a clear message."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from game.i18n import t

#: Why a save could not be read or written (for programs; people read ``message``).
SaveErrorKind = Literal[
    "not_found",  # no file at that path
    "io",  # the file system refused (permissions, disk full, …)
    "too_large",  # bigger than MAX_SAVE_BYTES
    "not_text",  # binary junk: not UTF-8 text
    "truncated",  # JSON that stops in the middle
    "corrupted",  # not JSON, or JSON nested too deeply
    "not_a_save",  # JSON, but not a Tariff Talks save
    "future_version",  # made by a newer version of the game
    "invalid",  # a save, but with fields of the wrong type or out of range (hand edits)
    "scenario",  # the scenario copy inside the save is damaged or invalid
    "illegal_action",  # an action that does not replay (invalid or against the rules)
]


class SaveError(Exception):
    """A save file that cannot be read (or written).

    ``message`` says what is wrong in one or two sentences for a person, in English;
    :meth:`text` says it in the reader's language (``msgid`` is the English message with
    ``{placeholders}``, ``fields`` what fills them: the catalogs translate it);
    ``path`` is the file; ``backup_available`` is True when ``FILE.bak`` exists and
    looks like a valid save (offer it: ``load_game(backup_path(path))``);
    ``kind`` classifies the problem (see :data:`SaveErrorKind`).

    Raising a SaveError never changes anything on disk or in the current game.
    """

    def __init__(
        self,
        message: str,
        path: str | os.PathLike[str] | None = None,
        backup_available: bool = False,
        *,
        kind: SaveErrorKind = "invalid",
        **fields: Any,
    ) -> None:
        self.msgid = message
        self.fields = fields
        message = message.format(**fields) if fields else message
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.backup_available = backup_available
        self.kind = kind

    def text(self, lang: str | None) -> str:
        """``message`` in ``lang`` (what is wrong, without the path)."""
        return t(lang, self.msgid, **self.fields)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        hint = " A backup of the previous save is available." if self.backup_available else ""
        return f"{where}{self.message}{hint}"

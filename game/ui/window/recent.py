"""The recent games: :class:`RecentGames`, a model over one ``QSettings`` key, and
:class:`RecentMenu`, which shows it as Game ▸ Open recent."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow


class RecentGames:
    """The saved games opened or saved last, newest first, at most ``limit``, with no repeats.

    The list lives in ``settings()`` under :attr:`KEY` (a list of paths as strings); nothing
    is cached here, so two windows of one process see the same list."""

    KEY = "recent_games"
    LIMIT = 8

    def __init__(self, settings: Callable[[], QSettings], limit: int = LIMIT) -> None:
        self._settings = settings
        self.limit = limit

    def paths(self) -> list[Path]:
        value = self._settings().value(self.KEY, [])
        # one remembered path reads back as a string, none as None or an empty list
        items = [value] if isinstance(value, str) else list(cast("Iterable[object]", value or []))
        return [Path(str(p)) for p in items if p]

    def _store(self, paths: Iterable[Path]) -> None:
        self._settings().setValue(self.KEY, [str(p) for p in paths])

    def remember(self, path: Path) -> None:
        """Put ``path`` first (moving it up if it was there already); the oldest beyond the limit go."""
        path = Path(path)
        self._store([path, *(p for p in self.paths() if p != path)][: self.limit])

    def forget(self, paths: Iterable[Path]) -> None:
        gone = {Path(p) for p in paths}
        self._store(p for p in self.paths() if p not in gone)

    def clear(self) -> None:
        self._store([])

    def prune(self) -> list[Path]:
        """Drop the files that are no longer there; return them (to say so)."""
        gone = [p for p in self.paths() if not p.exists()]
        if gone:
            self.forget(gone)
        return gone


class RecentMenu(QObject):
    """Game ▸ Open recent: fills the window's ``recent_menu`` each time it opens."""

    def __init__(self, win: MainWindow, games: RecentGames) -> None:
        super().__init__(win)
        self.win = win
        self.games = games
        self._labels: dict[tuple[Path, str], tuple[int | None, str]] = {}  # (path, lang) -> (mtime, label)

    def label(self, path: Path) -> str:
        """What Open recent says about a save (read without replaying it: fast; kept until the file changes)."""
        from game.saves import SaveError, read_save_info

        try:
            stamp: int | None = path.stat().st_mtime_ns
        except OSError:
            stamp = None
        key = (path, self.win.lang)
        hit = self._labels.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        try:
            info = read_save_info(path)
        except SaveError as err:
            label = QCoreApplication.translate("MainWindow", "{name} — cannot be read: {err}").format(
                name=path.name, err=err.text(self.win.lang)
            )
        else:
            when = info.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if info.meta is None:
                label = QCoreApplication.translate("MainWindow", "{name} — {scenario}, saved {when}").format(
                    name=path.name, scenario=info.scenario_id, when=when
                )
            elif info.meta.over:
                label = QCoreApplication.translate(
                    "MainWindow", "{name} — {scenario}, finished on turn {turn}, saved {when}"
                ).format(name=path.name, scenario=info.scenario_id, turn=info.meta.turn, when=when)
            else:
                label = QCoreApplication.translate(
                    "MainWindow", "{name} — {scenario}, turn {turn}, saved {when}"
                ).format(name=path.name, scenario=info.scenario_id, turn=info.meta.turn, when=when)
        self._labels[key] = (stamp, label)
        return label

    @Slot()
    def fill(self) -> None:
        """The last games, newest first; files that have gone are dropped (and said so)."""
        menu = self.win.recent_menu
        menu.clear()
        gone = self.games.prune()
        if gone:
            self.win.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Removed from the recent games (no longer there): {names}"
                ).format(names=", ".join(p.name for p in gone)),
                8000,
            )
        items = self.games.paths()
        if not items:
            empty = menu.addAction(QCoreApplication.translate("MainWindow", "(no recent games)"))
            empty.setEnabled(False)
            return
        for k, path in enumerate(items, 1):
            act = menu.addAction(f"&{k} " + self.label(path).replace("&", "&&"))
            act.setToolTip(str(path))
            act.setStatusTip(str(path))
            act.setData(str(path))
            act.triggered.connect(lambda _=False, p=path: self.open(p))
        menu.addSeparator()
        clear = menu.addAction(QCoreApplication.translate("MainWindow", "&Clear the list"))
        clear.triggered.connect(lambda: self.games.clear())

    def open(self, path: Path) -> bool:
        """Open a recent game; a file that has gone is dropped from the list, with a message."""
        if not path.exists():
            self.games.forget([path])
            text = QCoreApplication.translate(
                "MainWindow", "{path} is no longer there; removed from the recent games."
            ).format(path=str(path))
            self.win.statusBar().showMessage(text, 8000)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.win, QCoreApplication.translate("MainWindow", "Open recent"), text)
            return False
        return self.win.open_from(path, interactive=True)

"""The recent games list (game.ui.window.recent.RecentGames): a model over one QSettings key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from game.ui.window.recent import RecentGames


@pytest.fixture
def store(tmp_path: Path):
    ini = str(tmp_path / "settings.ini")
    return lambda: QSettings(ini, QSettings.Format.IniFormat)


def test_newest_first_without_repeats(store, tmp_path: Path) -> None:
    games = RecentGames(store)
    a, b = tmp_path / "a.tariff", tmp_path / "b.tariff"
    assert games.paths() == []
    games.remember(a)
    games.remember(b)
    assert games.paths() == [b, a]
    games.remember(a)  # opened again: it moves up, it is not listed twice
    assert games.paths() == [a, b]


def test_the_oldest_go_beyond_the_limit(store, tmp_path: Path) -> None:
    games = RecentGames(store, limit=3)
    paths = [tmp_path / f"{k}.tariff" for k in range(5)]
    for p in paths:
        games.remember(p)
    assert games.paths() == [paths[4], paths[3], paths[2]]


def test_the_list_is_kept_in_the_settings(store, tmp_path: Path) -> None:
    games = RecentGames(store)
    games.remember(tmp_path / "a.tariff")
    # another model over the same store (another window, the next start) reads the same list
    assert RecentGames(store).paths() == [tmp_path / "a.tariff"]
    assert store().value(RecentGames.KEY) in ([str(tmp_path / "a.tariff")], str(tmp_path / "a.tariff"))


def test_one_remembered_path_reads_back_as_a_list(store, tmp_path: Path) -> None:
    # an INI file (or an older version) stores a list of one path as a plain string
    store().setValue(RecentGames.KEY, str(tmp_path / "only.tariff"))
    assert RecentGames(store).paths() == [tmp_path / "only.tariff"]


def test_forget_clear_and_prune(store, tmp_path: Path) -> None:
    games = RecentGames(store)
    here, gone, other = tmp_path / "here.tariff", tmp_path / "gone.tariff", tmp_path / "other.tariff"
    here.write_text("{}", encoding="utf-8")
    other.write_text("{}", encoding="utf-8")
    for p in (other, gone, here):
        games.remember(p)
    assert games.prune() == [gone]  # the file is no longer there: dropped, and named
    assert games.paths() == [here, other]
    assert games.prune() == []
    games.forget([other])
    assert games.paths() == [here]
    games.clear()
    assert games.paths() == []

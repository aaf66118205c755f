"""Where the game's files are: the bundled scenarios and rulebook, the icons, and the player's folder.

One place answers "where is it?" for every layer (the CLI, the window, saves), and it
works the same in the three ways the game runs:

- **an installed wheel** (``pip install .``): the build copies the project's top-level
  ``scenarios/``, the players' rulebook (``docs/rules*.md``, ``docs/authoring.md``) and
  ``assets/`` into the package as ``game/data/{scenarios,docs,assets}`` (see ``setup.py``);
  they are found with :mod:`importlib.resources`;
- **the source tree** (a clone, or an editable install): there is no ``game/data``; the
  files are read where the project keeps them, beside the ``game`` package;
- **a PyInstaller bundle**: ``scenarios/`` and ``assets/`` sit in the bundle's folder
  (``sys._MEIPASS``), as ``packaging/tariff-talks.spec`` puts them.

The player's own files live in :func:`home` (``$TARIFF_TALKS_HOME`` if set, else the
platform's user data folder): ``saves/``, ``autosave/`` and ``scenarios/``.

Qt-free and free of the game's other packages: anything may import it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_HOME = "TARIFF_TALKS_HOME"
APP_NAME = "tariff-talks"
DEFAULT_SCENARIO = "geneva-2025.yaml"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent  # the project's folder, when running from the source tree


def _package_data(kind: str) -> Path | None:
    """``game/data/<kind>`` of an installed package, if it is there (and on disk)."""
    from importlib import resources  # here, not at start-up: 8 ms before the window shows

    try:
        found = resources.files("game").joinpath("data", kind)
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - a package without a location
        return None
    if isinstance(found, Path) and found.is_dir():
        return found
    return None


def _candidates(kind: str, source_path: str) -> list[Path]:
    """Where ``kind`` may be, best first: the installed package's, the source tree's, a bundle's."""
    out: list[Path] = []
    packaged = _package_data(kind)
    if packaged is not None:
        out.append(packaged)
    out.append(_SOURCE_ROOT / source_path)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        out.append(Path(bundle) / source_path)
    return out


def bundled_scenario_dirs() -> tuple[Path, ...]:
    """Every folder that holds the bundled scenarios, best first (the existing ones only, or the
    source tree's when none exists)."""
    found = [p for p in _candidates("scenarios", "scenarios") if p.is_dir()]
    return tuple(found) or (_SOURCE_ROOT / "scenarios",)


def bundled_scenario_dir() -> Path:
    """The folder of the scenarios that come with the game."""
    return bundled_scenario_dirs()[0]


def default_scenario_path() -> Path:
    """The scenario played when none is named (Geneva 2025)."""
    for base in bundled_scenario_dirs():
        p = base / DEFAULT_SCENARIO
        if p.exists():
            return p
    return bundled_scenario_dir() / DEFAULT_SCENARIO


def home() -> Path:
    """The game's data folder: ``$TARIFF_TALKS_HOME`` or the platform's user data dir."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_scenario_dir() -> Path:
    """The player's own scenarios: ``scenarios/`` in :func:`home`, next to ``saves/``."""
    return home() / "scenarios"


def doc_path(name: str) -> Path | None:
    """A bundled document (``rules.md``, ``rules.zh.md``, ``authoring.md``), or None if this
    copy of the game does not have it."""
    for base in _candidates("docs", "docs"):
        p = base / name
        if p.is_file():
            return p
    return None


def read_doc(name: str) -> str | None:
    """The text of a bundled document, or None if this copy of the game does not have it."""
    p = doc_path(name)
    return p.read_text(encoding="utf-8") if p is not None else None

"""Build hook: ship the project's top-level files inside the ``game`` package.

The project keeps its scenarios in ``scenarios/``, the players' rulebook in ``docs/`` and
the icons in ``assets/``, beside the ``game`` package. A wheel must carry them, so the
build copies them into the built package as ``game/data/{scenarios,docs,assets}``, where
:mod:`game.resources` finds them. An editable install needs no copy: ``game.resources``
reads them from the source tree. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: (folder in the project, glob patterns) -> copied to game/data/<folder>
BUNDLED = {
    "scenarios": ("*.yaml", "*.yml"),
    "docs": ("rules.md", "rules.zh.md", "authoring.md"),
    "assets": ("*.png", "*.svg"),
}


class build_py_with_data(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # game.resources reads the source tree
        for folder, patterns in BUNDLED.items():
            target = Path(self.build_lib) / "game" / "data" / folder
            target.mkdir(parents=True, exist_ok=True)
            for pattern in patterns:
                for src in sorted((ROOT / folder).glob(pattern)):
                    shutil.copy2(src, target / src.name)


setup(cmdclass={"build_py": build_py_with_data})

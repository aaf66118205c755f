"""Build the one-folder PyInstaller bundle, check what it carries, and run its self-test.

Usage (from anywhere; the Python must have the game and PyInstaller installed)::

    .venv/bin/python packaging/build.py            # build dist/tariff-talks/
    .venv/bin/python packaging/build.py --selftest # ... then run dist/tariff-talks/tariff-talks --selftest

The build is ``pyinstaller packaging/tariff-talks.spec`` (work files in ``build/pyinstaller``).
Then every file the game reads at run time must be in the bundle, found by the same globs as
the spec's folders: the scenarios, the rulebook and authoring guide, the icons, the gettext
catalogs (``game/locale/**``) and the window's Qt catalogs (``game/ui/translations/*.qm``).
A language or scenario added to the project is therefore checked without touching this file.
Exit 0 if the bundle was built, carries everything and (with ``--selftest``) passes its self-test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "tariff-talks.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "tariff-talks"

#: (glob in the project, where its files sit in the bundle's data folder)
CARRIED: tuple[tuple[str, str], ...] = (
    ("scenarios/*.yaml", "scenarios"),
    ("docs/rules*.md", "docs"),
    ("docs/authoring.md", "docs"),
    ("assets/*.png", "assets"),
    ("game/locale/*/LC_MESSAGES/*.mo", "game/locale/{lang}/LC_MESSAGES"),
    ("game/ui/translations/*.qm", "game/ui/translations"),
)


def bundle_dir() -> Path:
    return DIST / NAME


def executable() -> Path:
    return bundle_dir() / (NAME + (".exe" if os.name == "nt" else ""))


def data_dir() -> Path:
    """Where the bundle keeps its data (``sys._MEIPASS``): ``_internal/`` since PyInstaller 6."""
    inside = bundle_dir() / "_internal"
    return inside if inside.is_dir() else bundle_dir()


def expected_files() -> list[tuple[Path, Path]]:
    """(file in the project, where the bundle must have it), for every carried file."""
    out = []
    for pattern, target in CARRIED:
        found = sorted(ROOT.glob(pattern))
        if not found:
            raise SystemExit(f"build: nothing in the project matches {pattern!r}")
        for src in found:
            lang = src.parent.parent.name if "{lang}" in target else ""
            out.append((src, data_dir() / target.format(lang=lang) / src.name))
    return out


def missing_files() -> list[str]:
    return [
        f"{dst.relative_to(bundle_dir())} (from {src.relative_to(ROOT)})"
        for src, dst in expected_files()
        if not dst.is_file() or dst.stat().st_size != src.stat().st_size
    ]


def build() -> float:
    """Run PyInstaller on the spec; return the seconds it took."""
    start = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    print("build: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.monotonic() - start


def selftest() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    print(f"build: {executable().relative_to(ROOT)} --selftest", flush=True)
    # run from another folder: the bundle must find its files by itself
    return subprocess.run([str(executable()), "--selftest"], env=env, cwd=Path.home(), check=False).returncode


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--selftest", action="store_true", help="run the bundle's self-test after building")
    p.add_argument("--no-build", action="store_true", help="check (and self-test) an existing bundle")
    args = p.parse_args(argv)
    if not args.no_build:
        try:
            seconds = build()
        except subprocess.CalledProcessError as err:
            print(f"build: PyInstaller failed (exit {err.returncode})", file=sys.stderr)
            return 1
        print(f"build: {bundle_dir().relative_to(ROOT)}/ built in {seconds:.0f} s", flush=True)
    if not executable().is_file():
        print(f"build: no bundle at {executable()}", file=sys.stderr)
        return 1
    missing = missing_files()
    if missing:
        print("build: the bundle lacks:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    print(f"build: the bundle carries all {len(expected_files())} data files", flush=True)
    if args.selftest:
        code = selftest()
        if code != 0:
            print(f"build: the bundle's self-test failed (exit {code})", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

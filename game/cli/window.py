"""``tariff-talks`` and ``tariff-talks play``: open the game window.

The only place outside ``game.ui`` that reaches Qt, and only inside :func:`open_window`:
the headless commands never import PySide6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.cli.common import EXIT_PROBLEM, EXIT_USAGE
from game.i18n import t


def no_display() -> bool:
    """On Linux, Qt aborts the process when there is no screen to open a window on."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def open_window(scenario: Path | None, lang: str | None) -> int:
    if no_display():
        print(
            "tariff-talks: "
            + t(
                lang,
                "no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                "Run it from a desktop session, or play at the terminal:",
            )
            + "\n  tariff-talks simulate --us human --china ai",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    try:
        from game.ui.app import run_app  # lazily: the only import of the UI (and Qt) from the CLI
    except ImportError as err:
        print(
            t(
                lang,
                "The game window is not available here ({error}).\nPlay at the terminal instead:",
                error=err,
            )
            + "\n  tariff-talks simulate --us human --china ai\n"
            + t(lang, "or see `tariff-talks --help`."),
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    from game.i18n import PSEUDO
    from game.ui.i18n import available_languages, is_known

    if lang is not None and not is_known(lang):
        known = ", ".join([*available_languages(), PSEUDO])
        print(
            "tariff-talks: "
            + t(
                lang,
                "--lang {lang}: the window has no translation for it (it has {known})",
                lang=lang,
                known=known,
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    return run_app(scenario, lang)


def window_languages() -> list[str]:
    """The languages the window has a Qt catalog for (English and each ``.qm``; the self-test)."""
    from game.ui.i18n import available_languages

    return available_languages()


def open_and_close_window(scenario: Path) -> tuple[str | None, str]:
    """The self-test's window check: open the window offscreen on ``scenario``, see the game,
    close it (:func:`game.ui.smoke.open_and_close`). Returns (problem or None, what was seen)."""
    try:
        from game.ui.smoke import open_and_close
    except ImportError as err:
        return f"the window cannot load: {err}", ""
    return open_and_close(scenario)

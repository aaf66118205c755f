"""``tariff-talks --selftest`` (or ``tariff-talks selftest``): does this copy of the game work?

Meant for a build (the PyInstaller bundle in CI, an installed wheel), it checks, in order:

1. **scenarios** — every bundled scenario loads (a broken one is reported with its located
   messages);
2. **rulebook** — the players' rulebook (English and Chinese) and the authoring guide are there;
3. **translations** — each language's gettext catalog (``game/locale``) loads, and each has the
   window's Qt catalog (``game/ui/translations``) too;
4. **AI game** — two AIs play the default scenario to the end, and replaying its actions gives the
   same state, bit for bit;
5. **window** — the game window opens offscreen on the default scenario, shows the game and
   closes (``--no-window`` skips it).

It prints one line per check (``ok`` or ``FAIL`` and what was wrong) and a summary; exit 0 only
if every check passed, 1 otherwise. It keeps the player's data and settings untouched: it runs
with a data folder and a settings folder of its own, removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from game.cli.common import EXIT_OK, EXIT_PROBLEM

SELFTEST_SEED = 1  # the AI game's seed


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_scenarios() -> Check:
    from game.resources import bundled_scenario_dirs
    from game.scenario.diagnostics import ScenarioError
    from game.scenario.loader import load_scenario

    found = (p.resolve() for d in bundled_scenario_dirs() for p in (*d.glob("*.yaml"), *d.glob("*.yml")))
    files = sorted(dict.fromkeys(found))  # a bundle's folder may be listed twice
    if not files:
        return Check("scenarios", False, f"no scenario in {', '.join(map(str, bundled_scenario_dirs()))}")
    problems: list[str] = []
    ids: list[str] = []
    for path in files:
        try:
            ids.append(load_scenario(path).meta.id)
        except ScenarioError as err:
            more = len(err.diagnostics) - 1
            problems.append(err.diagnostics[0].format() + (f" (and {more} more)" if more else ""))
    if problems:
        return Check("scenarios", False, "; ".join(problems))
    return Check("scenarios", True, f"{len(files)} load: {', '.join(ids)}")


def check_rulebook() -> Check:
    from game.resources import read_doc

    missing = []
    for name in ("rules.md", "rules.zh.md", "authoring.md"):
        text = read_doc(name)
        if not text or (name.startswith("rules") and "**1.1**" not in text):
            missing.append(name)
    if missing:
        return Check("rulebook", False, f"missing or empty: {', '.join(missing)}")
    return Check("rulebook", True, "rules.md, rules.zh.md, authoring.md")


def check_translations() -> Check:
    import gettext

    from game.cli.window import window_languages
    from game.i18n import available_languages, translation

    langs = [lang for lang in available_languages() if lang != "en"]
    if not langs:
        return Check("translations", False, "no gettext catalog (game/locale/*/LC_MESSAGES/*.mo)")
    problems = []
    for lang in langs:
        if not isinstance(translation(lang), gettext.GNUTranslations):
            problems.append(f"{lang}: the gettext catalog does not load")
        if lang not in window_languages():
            problems.append(f"{lang}: no window catalog (game/ui/translations/*_{lang}.qm)")
    if problems:
        return Check("translations", False, "; ".join(problems))
    return Check("translations", True, f"en, {', '.join(langs)} (gettext and Qt catalogs)")


def check_ai_game() -> Check:
    from game.ai import make_ai, parse_ai_spec
    from game.engine import Game
    from game.resources import default_scenario_path
    from game.scenario.loader import load_scenario
    from game.session import Seat, Session

    scenario = load_scenario(default_scenario_path())
    seats: dict[str, Seat] = {s: make_ai(*parse_ai_spec("ai")) for s in scenario.side_ids}
    session = Session.new(scenario, seats, seed=SELFTEST_SEED)
    session.play_to_end()
    game = session.game
    if not game.over:
        return Check("AI game", False, f"stopped at turn {game.state.turn} without ending")
    again = Game.replay(scenario, game.seed, game.actions)
    if again.state_hash() != game.state_hash():
        return Check("AI game", False, "replaying the game's actions gave another state")
    scores = ", ".join(f"{s} {game.score(s).total:.1f}" for s in scenario.side_ids)
    return Check(
        "AI game",
        True,
        f"{scenario.meta.id} seed {game.seed}: {game.outcome().id} after {game.state.turn} turns, "
        f"{len(game.actions)} actions; scores {scores}; replays to the same state",
    )


def check_window() -> Check:
    from game.cli.window import no_display, open_and_close_window
    from game.resources import default_scenario_path

    if no_display():
        return Check("window", False, "no display and QT_QPA_PLATFORM unset")
    problem, seen = open_and_close_window(default_scenario_path())
    return Check("window", problem is None, problem or f"opened and closed offscreen: {seen}")


CHECKS: tuple[Callable[[], Check], ...] = (
    check_scenarios,
    check_rulebook,
    check_translations,
    check_ai_game,
    check_window,
)


def _run_one(fn: Callable[[], Check], out: TextIO) -> Check:
    start = time.monotonic()
    try:
        result = fn()
    except Exception as err:  # a self-test reports what broke; it never dies with a traceback
        where = traceback.extract_tb(err.__traceback__)[-1]
        name = fn.__name__.removeprefix("check_").replace("_", " ")
        result = Check(
            name, False, f"{type(err).__name__}: {err} ({Path(where.filename).name}:{where.lineno})"
        )
    mark = "ok  " if result.ok else "FAIL"
    print(
        f"{mark} {result.name:<13} {result.detail} ({time.monotonic() - start:.1f} s)", file=out, flush=True
    )
    return result


def run_selftest(out: TextIO | None = None, *, window: bool = True) -> int:
    """Run every check, print the report on ``out``; 0 if all passed, else 1."""
    out = sys.stdout if out is None else out
    checks = [c for c in CHECKS if window or c is not check_window]
    print(f"tariff-talks self-test ({_where()})", file=out)
    saved = {k: os.environ.get(k) for k in ("TARIFF_TALKS_HOME", "XDG_CONFIG_HOME", "QT_QPA_PLATFORM")}
    with tempfile.TemporaryDirectory(prefix="tariff-talks-selftest-") as tmp:
        os.environ["TARIFF_TALKS_HOME"] = str(Path(tmp) / "home")  # no saves or autosave of the player's
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # nor the window's settings (Linux)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            results = [_run_one(c, out) for c in checks]
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    failed = [r.name for r in results if not r.ok]
    if failed:
        print(f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {len(results)} checks)", file=out)
        return EXIT_PROBLEM
    print(f"self-test passed: {len(results)} checks", file=out)
    return EXIT_OK


def _where() -> str:
    if getattr(sys, "frozen", False):
        return f"bundle {Path(sys.executable).parent}"
    import game

    return f"package {Path(game.__file__).parent}"


def selftest_command(args: argparse.Namespace) -> int:
    return run_selftest(window=not getattr(args, "no_window", False))

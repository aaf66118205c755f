"""Screenshots of the game window for docs/screenshots/ (offscreen, with QWidget.grab).

Run: ``.venv/bin/python scripts/screenshots.py [--out docs/screenshots]``.

Produces the New game dialog, the main window mid-game in English and in Chinese
(with the scenario's Chinese texts), the hot-seat hand-over screen, the debrief, and
the main window in the dark theme — the window shots at 1366×768 (``NAME.png``) and
at 1920×1080 (``NAME-1920x1080.png``).

``--tour en-XA zh`` instead shoots a whole game in each language given, into
``docs/screenshots/tour/<lang>/`` at 1366×768: the first-run page, New game, the
orders, a message box, the table with an offer, Qt's file dialog, the hot-seat
hand-over, How to play, the debrief, the replay, About, every menu and the scenario
editor. In the pseudo-locale
``en-XA`` every translated string is accented and bracketed, so plain English on those
pictures is a string that is not translated, and a cut bracket a string that is clipped.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="tariff-talks-shots-"))
# The games played for the pictures autosave: keep them out of the player's data folder.
os.environ.setdefault("TARIFF_TALKS_HOME", tempfile.mkdtemp(prefix="tariff-talks-shots-home-"))

import game.ui  # noqa: E402, F401 - the binding work-around, before Qt starts

SIZE = (1366, 768)
#: The window shots are taken at each size: a laptop and a full-HD screen.
SIZES = ((1366, 768), (1920, 1080))
GENEVA = ROOT / "scenarios" / "geneva-2025.yaml"


def wait(ms: int) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def wait_until(cond: Callable[[], bool], timeout_s: float = 60.0) -> None:
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        wait(10)


def new_window(lang: str):
    from game.ui.i18n import set_language
    from game.ui.main_window import MainWindow

    set_language(lang)
    win = MainWindow(lang)
    win.min_think_ms = 0
    win.resize(*SIZE)
    win.show()
    return win


def human_turn_ready(win) -> bool:
    c = win.controller
    return win.session.over or (c is not None and c.my_move() and c.view() is not None)


def play_until_offer(win, max_turn: int = 4) -> None:
    """Play as the US (orders: a conciliatory statement; at the table: pass) until the AI's
    offer is on the table."""
    from game.engine import EndTalks

    while True:
        wait_until(lambda: human_turn_ready(win))
        v = win.controller.view()
        if win.session.over or v.turn > max_turn:
            return
        if v.phase == "table" and v.pending_offer is not None and v.pending_offer.side != v.side:
            return
        if v.phase == "orders":
            orders = win.page.orders
            orders.statement.setCurrentIndex(orders.statement.findData("conciliatory"))
            if v.turn == 2:
                ed = orders.editors["us_tariff_reciprocal"]
                ed.spin.setValue(v.levels["us_tariff_reciprocal"] - 10)
            win.primary_action()
        else:
            win.act(EndTalks(side=v.side))


def settle(win) -> None:
    wait(80)
    wait_until(lambda: not win.page.table.preview_busy and not win.page.table.preview_timer.isActive())
    wait(120)


def shot(widget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def window_shots(win, path: Path, settle_fn: Callable[[], None] | None = None) -> None:
    """``win`` at each of SIZES: ``path`` at the first, ``<stem>-WxH.png`` at the others."""
    for k, (w, h) in enumerate(SIZES):
        win.resize(w, h)
        wait(150)
        if settle_fn is not None:
            settle_fn()
        shot(win, path if k == 0 else path.with_name(f"{path.stem}-{w}x{h}{path.suffix}"))
    win.resize(*SIZE)


def modal_shot(path: Path, open_it: Callable[[], object], close: str = "reject") -> None:
    """Open a modal dialog with ``open_it`` (it blocks), shoot it, then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def grab() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(50, grab)
            return
        wait(150)
        shot(w, path)
        getattr(w, close)()

    QTimer.singleShot(100, grab)
    open_it()


def play_out(win) -> None:
    """Play the rest of the game as the US: conciliatory orders, one comprehensive package
    from turn 3, accept an offer from turn 3 when the rules allow, else end the talks."""
    from game.engine import Accept, EndTalks, Propose, Term

    while not win.session.over:
        wait_until(lambda: human_turn_ready(win))
        if win.session.over:
            break
        v = win.controller.view()
        if v.phase == "orders":
            win.page.orders.statement.setCurrentIndex(win.page.orders.statement.findData("conciliatory"))
            win.primary_action()
        elif v.pending_offer is not None and v.pending_offer.side != v.side:
            ok = v.turn >= 3 and win.check_action(Accept(side=v.side)) is None
            (win.page.table.accept_btn if ok else win.page.table.reject_btn).click()
        elif (
            v.turn >= 3
            and v.exchanges_left > 0
            and not any(o.side == "us" and o.turn == v.turn for o in v.offers)
        ):
            terms = (
                Term(instrument="us_tariff_reciprocal", value=34),
                Term(instrument="us_suspension", value=24, duration_turns=13),
                Term(instrument="cn_tariff_us", value=34),
                Term(instrument="cn_suspension", value=24, duration_turns=13),
                Term(instrument="cn_rare_earth_licensing", value=0),
                Term(instrument="cn_fentanyl_pledge", value=1),
            )
            if not win.act(Propose(side="us", terms=terms)):
                win.act(EndTalks(side="us"))
        else:
            win.act(EndTalks(side=v.side))


def tour(lang: str, out: Path) -> None:
    """A whole game in ``lang``, screen by screen, into ``out`` (see the module's docstring)."""
    from PySide6.QtWidgets import QFileDialog

    from game.ui.dialogs import GameConfig, NewGameDialog, offer_welcome

    out.mkdir(parents=True, exist_ok=True)
    win = new_window(lang)
    offer_welcome(win)
    wait(200)
    shot(win, out / "01-welcome.png")

    dlg = NewGameDialog(
        win, lang=lang, defaults=GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 0, lang)
    )
    dlg.resize(960, 620)
    dlg.show()
    wait(150)
    shot(dlg, out / "02-new-game.png")
    dlg.close()

    win.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 2, lang))
    wait_until(lambda: human_turn_ready(win))
    win.page.tabs.setCurrentIndex(0)
    wait(200)
    shot(win, out / "03-orders.png")
    modal_shot(out / "04-walk-out.png", lambda: win.walk_out(confirm=True))

    play_until_offer(win)
    win.page.tabs.setCurrentIndex(1)
    settle(win)
    shot(win, out / "05-table.png")

    files = QFileDialog(win, win.tr("Open a saved game"))
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.setDirectory(str(ROOT / "scenarios"))
    files.setNameFilter(win.tr("Scenarios (*.yaml *.yml)"))
    files.resize(900, 560)
    files.show()
    wait(300)
    shot(files, out / "06-file-dialog.png")
    files.close()
    win.close()

    win = new_window(lang)
    win.start_game(GameConfig(GENEVA, "us", "hotseat", seed=1, lang=lang))
    wait_until(lambda: win.stack.currentWidget() is win.handover)
    win.handover.button.click()
    wait_until(lambda: human_turn_ready(win))
    win.primary_action()
    wait_until(lambda: win.stack.currentWidget() is win.handover)
    wait(100)
    shot(win, out / "07-hand-over.png")
    win.close()

    win = new_window(lang)
    win.start_game(GameConfig(GENEVA, "us", "ai", "reciprocator", "normal", 4, lang))
    modal_shot(out / "08-how-to-play.png", win.show_how_to_play)
    play_out(win)
    wait_until(lambda: win.debrief is not None and win.debrief.zopa is not None)
    wait(300)
    shot(win, out / "09-debrief.png")
    win.debrief.render_pixmap().save(str(out / "10-debrief-report.png"), "PNG")
    print(f"wrote {out / '10-debrief-report.png'}")

    replay = win.show_replay(win.session.game)
    replay.resize(*SIZE)
    wait(300)
    shot(replay, out / "13-replay.png")
    replay.close()
    modal_shot(out / "14-about.png", win.show_about, close="accept")
    for k, action in enumerate(win.menuBar().actions()):
        menu = action.menu()
        if menu is None:
            continue
        menu.popup(win.mapToGlobal(win.menuBar().actionGeometry(action).bottomLeft()))
        wait(150)
        shot(menu, out / f"15-menu-{k + 1}.png")
        menu.hide()

    editor = win.edit_scenario()
    editor.confirm_on_close = False
    editor.resize(*SIZE)
    editor.tabs.setCurrentWidget(editor.form)
    wait(400)
    shot(editor, out / "16-editor-form.png")
    editor.tabs.setCurrentWidget(editor.text)
    wait(200)
    shot(editor, out / "17-editor-text.png")
    editor.close()
    win.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--tour", nargs="+", metavar="LANG", help="a whole game in each language (en, zh, en-XA)")
    args = p.parse_args(argv)
    out: Path = args.out

    from game.ui.app import make_app
    from game.ui.dialogs import GameConfig, NewGameDialog
    from game.ui.theme import apply_theme

    app = make_app()
    apply_theme(app, "light")
    if args.tour:
        for lang in args.tour:
            tour(lang, out / "tour" / lang)
        from game.ui import workers

        workers.wait_all(10_000)
        return 0

    # 1. the New game dialog
    win = new_window("en")
    dlg = NewGameDialog(
        win, lang="en", defaults=GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 0, "en")
    )
    dlg.resize(960, 620)
    dlg.show()
    wait(150)
    shot(dlg, out / "new-game.png")
    dlg.close()

    # 2. mid-game, English: the AI's offer on the table, with its what-if preview
    win.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 2, "en"))
    play_until_offer(win)
    win.page.tabs.setCurrentIndex(1)
    settle(win)
    window_shots(win, out / "main-window-en.png", lambda: settle(win))
    # ... and its Orders tab and meters at the start of the next turn
    win.close()

    # 3. mid-game, Chinese
    win = new_window("zh")
    win.start_game(GameConfig(GENEVA, "us", "ai", "pragmatist", "normal", 2, "zh"))
    play_until_offer(win)
    win.page.tabs.setCurrentIndex(1)
    settle(win)
    window_shots(win, out / "main-window-zh.png", lambda: settle(win))
    win.close()

    # 4. the hot-seat hand-over screen
    win = new_window("en")
    win.start_game(GameConfig(GENEVA, "us", "hotseat", seed=1, lang="en"))
    wait_until(lambda: win.stack.currentWidget() is win.handover)
    win.handover.button.click()
    wait_until(lambda: human_turn_ready(win))
    win.page.orders.statement.setCurrentIndex(win.page.orders.statement.findData("firm"))
    win.primary_action()
    wait_until(lambda: win.stack.currentWidget() is win.handover)
    wait(100)
    window_shots(win, out / "hand-over.png")
    win.close()

    # 5. a whole game against the AI, then the debrief
    win = new_window("en")
    win.start_game(GameConfig(GENEVA, "us", "ai", "reciprocator", "normal", 4, "en"))
    play_out(win)
    wait_until(lambda: win.debrief is not None and win.debrief.zopa is not None)
    wait(300)
    window_shots(win, out / "debrief-window.png")
    win.debrief.render_pixmap().save(str(out / "debrief.png"), "PNG")
    print(f"wrote {out / 'debrief.png'}")
    win.close()

    # 6. dark theme, mid-game
    apply_theme(app, "dark")
    win = new_window("en")
    win.start_game(GameConfig(GENEVA, "china", "ai", "hardliner", "normal", 3, "en"))
    wait_until(lambda: human_turn_ready(win))
    wait(200)
    shot(win, out / "main-window-dark.png")
    win.close()
    from game.ui import workers

    workers.wait_all(10_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The main window: menus, the game page, the hand-over screen, the debrief."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from game.ui import workers

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

# Only what the empty window needs is imported here, so it shows quickly; the game page,
# panels, dialogs, engine and economy are imported when first needed.

APP_TITLE = "Tariff Talks"
SETTINGS_ORG = "TariffTalks"
SETTINGS_APP = "Tariff Talks"


def _qt():
    from PySide6 import QtWidgets

    return QtWidgets


def _shortcut(keys: QKeySequence, parent: QWidget):
    from PySide6.QtGui import QShortcut

    return QShortcut(keys, parent)


def saves_available() -> bool:
    """game/saves provides save_game and load_game (built in parallel; absent in early builds)."""
    try:
        import game.saves as saves
    except ImportError:
        return False
    return hasattr(saves, "save_game") and hasattr(saves, "load_game")


def settings() -> QSettings:
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


def is_first_run() -> bool:
    """The very first start: nothing is remembered yet (no game, no window, no choice)."""
    return not settings().allKeys()


def _alive(widget: QWidget) -> bool:
    """The C++ side of ``widget`` still exists (a closed editor deletes itself)."""
    from shiboken6 import isValid

    return isValid(widget)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


class MainWindow(QMainWindow):
    #: A game is on the table (new, loaded or the default one at startup).
    game_started = Signal()

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self.lang = lang
        self.session = None  # game.session.Session
        self.controller = None  # game.ui.controller.GameController
        self.config = None  # game.ui.dialogs.GameConfig
        self.debrief = None
        self.min_think_ms = 350
        self._render_generation = 0
        self._pending_slices = 0
        self.setWindowTitle(APP_TITLE)
        self.setObjectName("mainWindow")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        # (centred with stretches: the Qt namespace of enums is slow to load, see benchmarks/startup.py)
        self.loading = QLabel()
        self.loading.setObjectName("handoverText")
        self.loading.setWordWrap(True)
        holder = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.loading, 4)
        row.addStretch(1)
        col = QVBoxLayout(holder)
        col.addStretch(1)
        col.addLayout(row)
        col.addStretch(2)
        self.stack.addWidget(holder)
        self.page = None  # game.ui.game_page.GamePage, built with the first game
        self.handover = None
        self.autosave = None  # game.ui.persistence.AutosaveService, made with the first game
        self._save_path: Path | None = None  # where Save writes without asking
        self.undo_stack = None  # game.saves.undo.UndoStack of the current session
        self._recent_cache: dict[
            tuple[Path, str], tuple[int | None, str]
        ] = {}  # (path, lang) -> (mtime, label)
        self._build_menus()
        self._build_status()
        self.loading.setText(self.tr("Opening the scenario…"))
        from game.ui.app import restore_window

        self.welcome = None  # game.ui.dialogs.WelcomePage on the very first start
        self.setMinimumSize(1024, 640)
        restore_window(self, settings())  # size, maximised, as last closed

    # ------------------------------------------------------------------ chrome
    def _build_menus(self) -> None:
        # setShortcuts([...]) rather than setShortcut(...): the latter's overload resolution
        # loads the whole Qt namespace of enums (~15 ms) before the window can show.
        mb = self.menuBar()
        mb.clear()
        game = mb.addMenu(self.tr("&Game"))
        self.act_new = QAction(self.tr("&New game…"), self)
        self.act_new.setShortcuts([QKeySequence("Ctrl+N")])
        self.act_new.triggered.connect(self.new_game_dialog)
        self.act_open = QAction(self.tr("&Open…"), self)
        self.act_open.setShortcuts([QKeySequence("Ctrl+O")])
        self.act_open.triggered.connect(self.open_game_dialog)
        self.act_save = QAction(self.tr("&Save…"), self)
        self.act_save.setShortcuts([QKeySequence("Ctrl+S")])
        self.act_save.triggered.connect(self.save_game_dialog)
        self.act_save_as = QAction(self.tr("Save &As…"), self)
        self.act_save_as.setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self.act_save_as.triggered.connect(lambda: self.save_game_dialog(save_as=True))
        self.act_quit = QAction(self.tr("&Quit"), self)
        self.act_quit.setShortcuts([QKeySequence("Ctrl+Q")])
        self.act_quit.triggered.connect(self.close)
        for a in (self.act_new, self.act_open, self.act_save, self.act_save_as):
            game.addAction(a)
        self.recent_menu = game.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_replay = QAction(self.tr("Re&play a saved game…"), self)
        self.act_replay.triggered.connect(self.replay_dialog)
        self.act_replay_this = QAction(self.tr("Replay &this game"), self)
        self.act_replay_this.triggered.connect(self.replay_current)
        self.act_replay_this.setEnabled(self.session is not None and self.session.over)
        game.addAction(self.act_replay)
        game.addAction(self.act_replay_this)
        game.addSeparator()
        game.addAction(self.act_quit)

        scenario_menu = mb.addMenu(self.tr("&Scenario"))
        self.act_edit_scenario = QAction(self.tr("&Edit this scenario…"), self)
        self.act_edit_scenario.setShortcuts([QKeySequence("Ctrl+E")])
        self.act_edit_scenario.triggered.connect(self.edit_scenario)
        self.act_new_scenario = QAction(self.tr("&New scenario…"), self)
        self.act_new_scenario.triggered.connect(lambda: self.edit_scenario(new=True))
        self.act_open_scenario = QAction(self.tr("&Open scenario file…"), self)
        self.act_open_scenario.triggered.connect(self.open_scenario_dialog)
        for a in (self.act_edit_scenario, self.act_new_scenario, self.act_open_scenario):
            scenario_menu.addAction(a)

        edit = mb.addMenu(self.tr("&Edit"))
        self.act_undo = QAction(self.tr("&Undo your last move"), self)
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_undo.triggered.connect(self.undo_move)
        self.act_redo = QAction(self.tr("&Redo"), self)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.triggered.connect(self.redo_move)
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        self.update_undo_actions()

        view = mb.addMenu(self.tr("&View"))
        theme_menu = view.addMenu(self.tr("&Theme"))
        from PySide6.QtGui import QActionGroup

        group = QActionGroup(self)
        current = str(settings().value("theme", "system"))
        names = {
            "system": self.tr("Follow the &system"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        for mode, label in names.items():
            a = QAction(label, self, checkable=True)
            a.setChecked(mode == current)
            a.triggered.connect(lambda _=False, m=mode: self.set_theme(m))
            group.addAction(a)
            theme_menu.addAction(a)
        self.act_orders_tab = QAction(self.tr("&Orders"), self)
        self.act_orders_tab.setShortcuts([QKeySequence("Ctrl+1")])
        self.act_orders_tab.triggered.connect(lambda: self._show_tab(0))
        self.act_table_tab = QAction(self.tr("Negotiation &table"), self)
        self.act_table_tab.setShortcuts([QKeySequence("Ctrl+2")])
        self.act_table_tab.triggered.connect(lambda: self._show_tab(1))
        view.addAction(self.act_orders_tab)
        view.addAction(self.act_table_tab)

        help_ = mb.addMenu(self.tr("&Help"))
        self.act_howto = QAction(self.tr("&How to play"), self)
        self.act_howto.setShortcuts([QKeySequence("F1")])
        self.act_howto.triggered.connect(self.show_how_to_play)
        self.act_rules = QAction(self.tr("&Rules"), self)
        self.act_rules.triggered.connect(self.show_rules)
        self.act_about = QAction(self.tr("&About Tariff Talks"), self)
        self.act_about.triggered.connect(self.show_about)
        for a in (self.act_howto, self.act_rules, self.act_about):
            help_.addAction(a)
        if not hasattr(self, "_primary_keys"):
            from game.ui.app import PrimaryKeys

            # works after any dialog closes, only while the game page shows (see PrimaryKeys)
            self._primary_keys = PrimaryKeys(
                self,
                self.primary_action,
                lambda: self.page is not None and self.stack.currentWidget() is self.page,
            )
            self._primary_shortcuts = self._primary_keys.shortcuts

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.st_date = QLabel()
        self.st_turn = QLabel()
        self.st_deadline = QLabel()
        #: Shown only while autosaving fails (until the next autosave succeeds).
        self.st_autosave = QLabel()
        self.st_autosave.setObjectName("autosaveWarning")
        self.st_autosave.hide()
        for w in (self.st_autosave, self.st_date, self.st_turn, self.st_deadline):
            sb.addPermanentWidget(w)

    def _show_tab(self, i: int) -> None:
        if self.page is not None:
            self.page.tabs.setCurrentIndex(i)

    def set_theme(self, mode: str) -> None:
        from game.ui.theme import apply_theme

        settings().setValue("theme", mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, mode)
        if self.page is not None:
            self.page.meters.clear()
            self.page.briefing.clear()
        self.render()

    # ---------------------------------------------------------------- starting
    def open_default(self, path: Path | None = None) -> None:
        """Load a scenario off the GUI thread and start a game against the AI on it."""
        from game.resources import default_scenario_path

        p = Path(path) if path is not None else default_scenario_path()
        s = settings()
        side = str(s.value("side", ""))
        style = str(s.value("ai_style", "pragmatist"))
        level = str(s.value("ai_level", "normal"))

        def load():
            from game.scenario.loader import load_scenario

            return load_scenario(p)

        self._pending_default = (p, side, style, level)
        workers.start(load, self._default_loaded, self._default_failed, tag=str(p))

    @Slot(object, object)
    def _default_loaded(self, tag: object, scenario: object) -> None:
        from game.ui.dialogs import GameConfig

        p, side, style, level = self._pending_default
        sides = scenario.side_ids  # type: ignore[attr-defined]
        cfg = GameConfig(
            scenario_path=p,
            side=side if side in sides else sides[0],
            opponent="ai",
            ai_style=style,
            ai_level=level,
            seed=random.randrange(1_000_000),
            lang=self.lang,
        )
        try:
            self.start_game(cfg, scenario)  # type: ignore[arg-type]
        except Exception as exc:  # a bad saved setting must not stop the window
            self.loading.setText(self.tr("Could not start the game: {err}").format(err=str(exc)))

    @Slot(object, object)
    def _default_failed(self, tag: object, exc: object) -> None:
        from game.scenario.diagnostics import ScenarioError

        if isinstance(exc, ScenarioError) and getattr(exc, "diagnostics", None):
            text = "\n".join(d.format() for d in exc.diagnostics[:8])
        else:
            text = str(exc)
        self.loading.setText(
            self.tr(
                "The scenario {path} could not be opened:\n{err}\n\nChoose Game ▸ New game… to pick another."
            ).format(path=str(tag), err=text)
        )

    def start_game(self, config: object, scenario: object | None = None) -> None:
        """Start a new game from a :class:`GameConfig` (the scenario is loaded if not given)."""
        from game.ai import make_ai
        from game.session import HumanSeat, Session
        from game.ui.dialogs import GameConfig

        assert isinstance(config, GameConfig)
        if scenario is None:
            from game.scenario.loader import load_scenario

            scenario = load_scenario(config.scenario_path)
        sides = scenario.side_ids  # type: ignore[attr-defined]
        other = sides[1] if config.side == sides[0] else sides[0]
        seats: dict = {config.side: HumanSeat(label="human")}
        seats[other] = (
            HumanSeat(label="human")
            if config.opponent == "hotseat"
            else make_ai(config.ai_style, config.ai_level)
        )
        session = Session.new(scenario, seats, seed=config.seed)  # type: ignore[arg-type]
        self.start_session(session, config)

    def start_session(self, session: object, config: object) -> None:
        """Put a session (new or loaded) in the window."""
        from game.ui.controller import GameController
        from game.ui.handover import HandOverScreen
        from game.ui.i18n import set_language

        if self.controller is not None:
            self.controller.stop()
        lang = config.lang  # type: ignore[attr-defined]
        if lang != self.lang or self.page is None:
            self.lang = lang
            set_language(lang)
            self._build_menus()
            self._rebuild_pages()
        self.session = session
        self.config = config
        self._save_path = None
        self._watch_session(session)
        if self.debrief is not None:
            self.stack.removeWidget(self.debrief)
            self.debrief.deleteLater()
            self.debrief = None
        c = GameController(session, lang, self)  # type: ignore[arg-type]
        c.min_think_ms = self.min_think_ms
        c.changed.connect(self.render)
        c.thinking.connect(self._on_thinking)
        c.refused.connect(self._on_refused)
        c.handover.connect(self._on_handover)
        c.over.connect(self._on_over)
        c.failed.connect(self._on_failed)
        self.controller = c
        assert isinstance(self.handover, HandOverScreen)
        s = settings()
        s.setValue("side", config.side)  # type: ignore[attr-defined]
        s.setValue("ai_style", config.ai_style)  # type: ignore[attr-defined]
        s.setValue("ai_level", config.ai_level)  # type: ignore[attr-defined]
        s.setValue("lang", lang)
        c.start()
        # after start: its first hand-over clears the status bar, and this may say why the editor went
        self._sync_editor_secrecy()
        self.game_started.emit()

    # ------------------------------------------------------------------ advice
    ADVISER = ("pragmatist", "hard")

    def _advice_key(self) -> tuple[str, int] | None:
        c = self.controller
        if c is None or self.session is None or c.shown_side is None:
            return None
        return (c.shown_side, len(self.session.game.actions))

    @Slot()
    def ask_advice(self) -> None:
        """Ask the side at the screen's own advisers (the AI, from that side's view only)
        what they would do now; the answer is private to that side and is cleared as soon
        as anything moves or the screen is handed over."""
        c, page = self.controller, self.page
        if c is None or page is None or not c.my_move():
            return
        v = c.view()
        key = self._advice_key()
        if v is None or key is None:
            return
        page.advice_key = key
        page.advice.setText(self.tr("Your advisers are thinking…"))
        page.advice.show()

        def work() -> object:
            from game.ai import make_ai

            return make_ai(*self.ADVISER).decide(v)

        workers.start(work, self._advice_done, self._advice_failed, tag=key)

    @Slot(object, object)
    def _advice_done(self, tag: object, action: object) -> None:
        page = self.page
        if page is None or tag != self._advice_key() or page.advice_key != tag:
            return  # the game moved on, or the screen changed hands: the advice is stale
        page.advice.setText(self.describe_advice(action))
        page.table.set_advice(action)  # a package can be loaded into the builder with one click

    @Slot(object, object)
    def _advice_failed(self, tag: object, exc: object) -> None:
        if self.page is not None and self.page.advice_key == tag:
            self.page.advice.setText(self.tr("Your advisers could not agree: {err}").format(err=str(exc)))

    def describe_advice(self, action: object) -> str:
        """The advisers' suggestion in short lines: what changes, from what to what."""
        from game.engine import Accept, Counter, EndTalks, Propose, Reject, SubmitOrders
        from game.text import statement_label, term_change

        sc = self.session.scenario  # type: ignore[union-attr]
        lang = self.lang
        v = self.controller.view() if self.controller is not None else None
        levels = v.levels if v is not None else {}
        note = getattr(action, "note", "")
        if isinstance(action, SubmitOrders):
            moves = "; ".join(term_change(sc, i, levels.get(i), x, lang) for i, x in action.moves.items())
            what = self.tr("Advisers: submit orders — {moves}; statement: {statement}.").format(
                moves=moves or self.tr("no moves"), statement=statement_label(action.statement, lang)
            )
        elif isinstance(action, Propose | Counter):
            what = self.tr(
                "Advisers: propose a package of {n} terms — see it in the negotiation table, ready to load."
            ).format(n=len(action.terms))
            note = ""  # the package's note is shown with it, in the table
        elif isinstance(action, Accept):
            what = self.tr("Advisers: accept the offer.")
        elif isinstance(action, Reject):
            what = self.tr("Advisers: reject the offer.")
        elif isinstance(action, EndTalks):
            what = self.tr("Advisers: make no further offer this turn.")
        else:
            what = self.tr("Advisers: walk out.")
        return f"{what} {note}".strip()

    # ---------------------------------------------------------- autosave, undo
    # ------------------------------------------------------------ recent games
    RECENT_MAX = 8

    def recent_games(self) -> list[Path]:
        value = settings().value("recent_games", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(str(p)) for p in items if p]

    def _remember_recent(self, path: Path) -> None:
        items = [p for p in self.recent_games() if p != path]
        settings().setValue("recent_games", [str(p) for p in [path, *items][: self.RECENT_MAX]])

    def _forget_recent(self, paths: list[Path]) -> None:
        settings().setValue("recent_games", [str(p) for p in self.recent_games() if p not in paths])

    def recent_label(self, path: Path) -> str:
        """What Open recent says about a save (read without replaying it: fast)."""
        from game.saves import SaveError, read_save_info

        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            stamp = None
        cache, key = self._recent_cache, (path, self.lang)
        hit = cache.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        try:
            info = read_save_info(path)
        except SaveError as err:
            label = self.tr("{name} — cannot be read: {err}").format(name=path.name, err=err.message)
        else:
            when = info.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if info.meta is None:
                label = self.tr("{name} — {scenario}, saved {when}").format(
                    name=path.name, scenario=info.scenario_id, when=when
                )
            elif info.meta.over:
                label = self.tr("{name} — {scenario}, finished on turn {turn}, saved {when}").format(
                    name=path.name, scenario=info.scenario_id, turn=info.meta.turn, when=when
                )
            else:
                label = self.tr("{name} — {scenario}, turn {turn}, saved {when}").format(
                    name=path.name, scenario=info.scenario_id, turn=info.meta.turn, when=when
                )
        cache[key] = (stamp, label)
        return label

    @Slot()
    def _fill_recent(self) -> None:
        """The last RECENT_MAX games, newest first; files that have gone are dropped (and said so)."""
        menu = self.recent_menu
        menu.clear()
        items = self.recent_games()
        gone = [p for p in items if not p.exists()]
        if gone:
            self._forget_recent(gone)
            self.statusBar().showMessage(
                self.tr("Removed from the recent games (no longer there): {names}").format(
                    names=", ".join(p.name for p in gone)
                ),
                8000,
            )
            items = [p for p in items if p not in gone]
        if not items:
            empty = menu.addAction(self.tr("(no recent games)"))
            empty.setEnabled(False)
            return
        for k, path in enumerate(items, 1):
            act = menu.addAction(f"&{k} " + self.recent_label(path).replace("&", "&&"))
            act.setToolTip(str(path))
            act.setStatusTip(str(path))
            act.setData(str(path))
            act.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear the list"))
        clear.triggered.connect(lambda: settings().setValue("recent_games", []))

    def open_recent(self, path: Path) -> bool:
        """Open a recent game; a file that has gone is dropped from the list, with a message."""
        if not path.exists():
            self._forget_recent([path])
            text = self.tr("{path} is no longer there; removed from the recent games.").format(path=str(path))
            self.statusBar().showMessage(text, 8000)
            _qt().QMessageBox.information(self, self.tr("Open recent"), text)
            return False
        return self.open_from(path, interactive=True)

    # ------------------------------------------------------------------ replay
    def replay_dialog(self) -> None:
        from game.saves import SAVE_SUFFIX, SaveError, default_saves_dir, load_game

        path, _ = _qt().QFileDialog.getOpenFileName(
            self,
            self.tr("Replay a saved game"),
            str(default_saves_dir()),
            self.tr("Saved games (*{suffix} *.json)").format(suffix=SAVE_SUFFIX),
        )
        if not path:
            return
        try:
            loaded = load_game(Path(path))
        except SaveError as err:
            _qt().QMessageBox.warning(self, self.tr("Replay a saved game"), err.message)
            return
        from game.session import is_human_label, keeps_secrets

        people = sum(is_human_label(label) for label in loaded.seats.values())
        if keeps_secrets(people, loaded.game.over):  # as `tariff-talks replay --step` refuses it
            self._closed_until_over(
                self.tr("Replay"),
                self.tr(
                    "This save is a hot-seat game still in progress. A replay shows both sides' "
                    "briefings, orders and political capital: it opens once the game is over."
                ),
            )
            return
        self.show_replay(loaded.game)

    def replay_current(self) -> None:
        if self.session is not None:
            self.show_replay(self.session.game)

    def show_replay(self, game: object) -> object:
        """Step through ``game`` turn by turn in a read-only viewer (everything revealed)."""
        from game.engine import Game
        from game.ui.replay import ReplayViewer

        assert isinstance(game, Game)
        if self.controller is not None and self.controller.reveals(game):
            self._closed_until_over(
                self.tr("Replay"),
                self.tr(
                    "This is the game now running (or a save of it). A replay shows both sides' "
                    "briefings, orders and political capital: it opens once the game is over."
                ),
            )
            return None
        self.replay_viewer = ReplayViewer(game, self.lang, self)
        self.replay_viewer.show()
        return self.replay_viewer

    def _closed_until_over(self, title: str, text: str) -> None:
        """Say why something that reads the whole game stays closed for now."""
        self.statusBar().showMessage(text, 8000)
        _qt().QMessageBox.information(self, title, text)

    # ---------------------------------------------------------------- scenarios
    def _sync_editor_secrecy(self) -> None:
        """While a hot-seat game runs, the scenario editor (it shows whole files, both
        briefings included) is hidden — nothing in it is lost; it comes back when the game
        is over or a game that keeps no secrets replaces it."""
        keeps_secrets = self.controller is not None and self.controller.keeps_secrets
        editor = getattr(self, "editor", None)
        if keeps_secrets and editor is not None and _alive(editor) and editor.isVisible():
            editor.hide()
            self._editor_hidden = editor
            self.statusBar().showMessage(
                self.tr(
                    "The scenario editor is hidden during this hot-seat game (it shows both "
                    "briefings); it comes back when the game is over."
                ),
                10_000,
            )
            return
        hidden = getattr(self, "_editor_hidden", None)
        if not keeps_secrets and hidden is not None:
            self._editor_hidden = None
            if _alive(hidden):
                hidden.show()
                hidden.raise_()

    def edit_scenario(self, new: bool = False) -> object:
        """Scenario ▸ Edit: the current scenario in the editor (or one the player chooses;
        a built-in scenario is edited as a copy for the player's own folder). Play-test
        starts a game from it here at once."""
        from game.ui.dialogs import bundled_scenario_dir, user_scenario_dir
        from game.ui.editor import open_scenario_editor

        editor = getattr(self, "editor", None)
        if editor is not None and not (_alive(editor) and editor.isVisible()):
            editor = None
        current = getattr(self.config, "scenario_path", None)
        path: Path | None = None
        if current is not None and Path(current).suffix.lower() in (".yaml", ".yml"):
            path = Path(current) if Path(current).is_file() else None
        if self.controller is not None and self.controller.keeps_secrets:
            # The editor shows whole files (this game's, its saves', copies of them), both
            # briefings included: none opens while two delegations share the screen — not a
            # new scenario either (its File ▸ Open… reaches any file, this game's included).
            self._closed_until_over(
                self.tr("Edit this scenario"),
                self.tr(
                    "A scenario file holds both delegations' briefings: the scenario editor opens "
                    "once this hot-seat game is over."
                ),
            )
            return None
        builtin = path is not None and _inside(path, bundled_scenario_dir())
        target = user_scenario_dir() / path.name if builtin and path is not None else path
        if not new and editor is not None:
            # the editor is open: bring it to the front — on the current scenario, unless the
            # author has unsaved work in it (or is play-testing a copy)
            if (
                not editor.modified
                and target is not None
                and target not in (editor.path, editor.suggested_path)
            ):
                if builtin and path is not None:
                    editor.open_copy(path, target)
                else:
                    editor.open_path(target)
            editor.raise_()
            editor.activateWindow()
            return editor
        if not new and path is None:
            path = self.choose_scenario_file(self.tr("Edit a scenario"))
            if path is None:
                return None
            builtin = _inside(path, bundled_scenario_dir())
        if new:
            path, builtin = None, False
        self.editor = open_scenario_editor(self, None if builtin else path, self.play_test)
        if builtin and path is not None:
            self.editor.open_copy(path, user_scenario_dir() / path.name)
        return self.editor

    def choose_scenario_file(self, title: str) -> Path | None:
        """A scenario file chosen by the player (starting in their own scenario folder if it has any)."""
        from game.ui.dialogs import bundled_scenario_dir, user_scenario_dir

        own = user_scenario_dir()
        folder = own if own.is_dir() and any(own.glob("*.y*ml")) else bundled_scenario_dir()
        name, _ = _qt().QFileDialog.getOpenFileName(
            self, title, str(folder), self.tr("Scenarios (*.yaml *.yml)")
        )
        return Path(name) if name else None

    def play_test(self, scenario: object, path: Path | None) -> None:
        """Start a game at once from an edited scenario, with the New game choices made
        before (side, opponent, AI) or, the first time, against the AI."""
        from game.ui.dialogs import GameConfig

        sides = scenario.side_ids  # type: ignore[attr-defined]
        prev = self.config
        side = getattr(prev, "side", sides[0])
        cfg = GameConfig(
            scenario_path=Path(path) if path else Path("untitled.yaml"),
            side=side if side in sides else sides[0],
            opponent=getattr(prev, "opponent", "ai"),
            ai_style=getattr(prev, "ai_style", "pragmatist"),
            ai_level=getattr(prev, "ai_level", "normal"),
            seed=random.randrange(1_000_000),
            lang=self.lang,
        )
        self.start_game(cfg, scenario)
        self.statusBar().showMessage(self.tr("Play-testing the edited scenario."), 6000)
        self.raise_()
        self.activateWindow()

    def open_scenario_dialog(self) -> None:
        path = self.choose_scenario_file(self.tr("Open scenario"))
        if path is not None:
            self.open_scenario_file(path)

    def open_scenario_file(self, path: Path) -> bool:
        """Validate a scenario file; start a game on it, or list its problems, located."""
        from game.scenario.loader import validate_file

        scenario, problems = validate_file(path)
        if scenario is None:
            errors = [d for d in problems if d.is_error]
            shown = errors[:12]
            text = "\n".join(d.format() for d in shown)
            if len(errors) > len(shown):
                text += "\n" + self.tr("…and {n} more (see the details).").format(n=len(errors) - len(shown))
            qt = _qt()
            box = qt.QMessageBox(self)
            box.setObjectName("scenarioProblems")
            box.setIcon(qt.QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Open scenario"))
            box.setText(self.tr("This scenario has problems:\n\n{problems}").format(problems=text))
            box.setDetailedText("\n".join(d.format() for d in problems))
            fix = None
            if self.controller is None or not self.controller.keeps_secrets:  # see edit_scenario
                fix = box.addButton(self.tr("&Fix it in the editor…"), qt.QMessageBox.ButtonRole.ActionRole)
                fix.setObjectName("fixInEditor")
                fix.setAccessibleName(self.tr("Open the scenario in the editor at its first problem"))
            close = box.addButton(qt.QMessageBox.StandardButton.Close)
            box.setDefaultButton(close)
            box.exec()
            clicked = box.clickedButton()
            box.deleteLater()
            if fix is not None and clicked is fix and path.is_file():
                from game.ui.editor import open_scenario_editor

                self.editor = open_scenario_editor(self, path, self.play_test)
                if errors:
                    self.editor.go_to_line(errors[0].line, errors[0].col)
            return False
        self.play_test(scenario, path)
        return True

    def _watch_session(self, session: object) -> None:
        """Autosave this session as it plays, and track its moves for undo."""
        from game.saves.undo import UndoStack
        from game.ui.persistence import AutosaveService

        if self.autosave is None:
            self.autosave = AutosaveService(self)
            self.autosave.failed.connect(self._on_autosave_failed)
            self.autosave.saved.connect(self._on_autosaved)
        self.autosave.watch(session)
        self.undo_stack = UndoStack.for_session(session)

    @Slot(str)
    def _on_autosave_failed(self, message: str) -> None:
        """Never interrupts play: a lasting note in the status bar (the reason in its tooltip)."""
        text = self.tr("Autosave failed: {err}").format(err=message)
        self.st_autosave.setText(self.tr("⚠ Autosave failed"))
        self.st_autosave.setToolTip(text)
        self.st_autosave.setAccessibleName(text)
        self.st_autosave.show()
        self.statusBar().showMessage(text, 8000)

    @Slot()
    def _on_autosaved(self) -> None:
        if self.st_autosave.isVisible():
            self.st_autosave.hide()
            self.statusBar().showMessage(self.tr("Autosaving works again."), 5000)

    def _undo_side(self) -> str | None:
        """Whose moves Undo takes back: the side at the screen. Nobody's on the hot-seat
        hand-over screen: a move handed over is final (whoever is at the keyboard now may
        be the other delegation)."""
        c = self.controller
        if c is None or self.session is None or c.ai_busy or self.session.over:
            return None
        return c.shown_side

    def update_undo_actions(self) -> None:
        st, side = self.undo_stack, self._undo_side()
        can_undo = st is not None and side is not None and st.can_undo(side)
        can_redo = st is not None and side is not None and st.can_redo(side)
        self.act_undo.setEnabled(can_undo)
        self.act_redo.setEnabled(can_redo)
        why = st.why_not_undo(side) if st is not None and side is not None and not can_undo else None
        c = self.controller
        if c is not None and c.hot_seat and c.shown_side is None:
            why = self.tr("A move is final once the computer is handed over.")
        self.act_undo.setToolTip(why or self.tr("Take back your last move in this phase"))

    @Slot()
    def undo_move(self) -> None:
        """Edit ▸ Undo: take back the last move of the side at the screen, within this phase."""
        from game.saves.undo import UndoError

        side, st = self._undo_side(), self.undo_stack
        if side is None or st is None:
            return
        try:
            st.undo(side)
        except UndoError as err:
            self.statusBar().showMessage(str(err), 5000)
            return
        self._after_undo(side)

    @Slot()
    def redo_move(self) -> None:
        from game.engine import IllegalAction
        from game.saves.undo import UndoError

        side, st = self._undo_side(), self.undo_stack
        if side is None or st is None:
            return
        try:
            st.redo(side)
        except (UndoError, IllegalAction) as err:
            self.statusBar().showMessage(str(err), 5000)
            return
        if self.controller is not None:
            self.controller._advance()
        self.update_undo_actions()

    def _after_undo(self, side: str) -> None:
        if self.autosave is not None:
            self.autosave.save_now()
        c = self.controller
        if c is not None:
            c.changed.emit()  # the same side stays at the screen (undo never crosses a hand-over)
        self.update_undo_actions()
        self.statusBar().showMessage(self.tr("Your last move was taken back."), 4000)

    # -------------------------------------------------------------- start-up
    def start_or_resume(self, path: Path | None = None) -> None:
        """At start-up: offer to resume a game that did not finish (a crash, a kill, the
        window closed mid-game); otherwise open ``path`` or the default scenario."""
        import os

        self._first_run = is_first_run()  # read before anything is remembered
        if path is not None or os.environ.get("TARIFF_TALKS_STARTUP_PROBE"):
            self.open_default(path)
            return

        def find() -> object:
            from game.saves import find_resumable

            return find_resumable()

        workers.start(find, self._resume_found, lambda tag, exc: self.open_default(None), tag="resume")

    #: The answers to the start-up question about an unfinished game.
    RESUME, START_NEW, DISCARD = "resume", "new", "discard"

    @Slot(object, object)
    def _resume_found(self, tag: object, found: object) -> None:
        if found is None:
            # the very first start: the tutorial, How to play, or Geneva
            if getattr(self, "_first_run", False):
                from game.ui.dialogs import offer_welcome

                offer_welcome(self)
                return
            self.open_default(None)
            return
        from game.saves.autosave import default_autosaver

        path = Path(str(found))
        choice = self.ask_resume(path)
        if choice == self.RESUME:
            if self.open_from(path, interactive=True, remember=False):
                self.statusBar().showMessage(self.tr("Resumed your unfinished game."), 6000)
                return
        elif choice == self.START_NEW:
            kept = self.keep_unfinished(path)
            default_autosaver().finish()
            if kept is not None:
                self.statusBar().showMessage(
                    self.tr("Your unfinished game was kept in {path} (Game ▸ Open recent).").format(
                        path=str(kept)
                    ),
                    10_000,
                )
        else:
            default_autosaver().discard()
        self.open_default(None)

    def keep_unfinished(self, path: Path) -> Path | None:
        """Copy the autosave of an unfinished game into the saves folder (and the recent
        games), so that starting a new game does not lose it. None if it could not be kept."""
        from game.saves import SAVE_SUFFIX, SaveError, atomic_write, default_saves_dir, read_save_info

        try:
            info = read_save_info(path)
            data = path.read_bytes()
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            turn = info.meta.turn if info.meta is not None else 0
            target = default_saves_dir() / f"unfinished-{info.scenario_id}-turn{turn}-{stamp}{SAVE_SUFFIX}"
            atomic_write(target, data, keep_backup=False)
        except (SaveError, OSError) as err:
            message = err.message if isinstance(err, SaveError) else str(err)
            self.statusBar().showMessage(
                self.tr("The unfinished game could not be kept: {err}").format(err=message), 10_000
            )
            return None
        self._remember_recent(target)
        return target

    def ask_resume(self, path: Path) -> str:
        """Ask what to do with the unfinished game autosaved at ``path``: ``RESUME`` it,
        ``START_NEW`` (the unfinished game is kept in the saves folder) or ``DISCARD`` it.

        The question is a QMessageBox named ``resumePrompt`` whose buttons are named
        ``resumeButton``, ``startNewButton`` and ``discardButton``; closing it (Escape)
        starts a new game and keeps the old one."""
        from game.saves import SaveError, read_save_info

        detail = ""
        try:
            info = read_save_info(path)
            if info.meta is not None:
                detail = self.tr(" ({scenario}, turn {turn}, saved {when})").format(
                    scenario=info.scenario_id,
                    turn=info.meta.turn,
                    when=info.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                )
        except SaveError:
            pass
        qt = _qt()
        box = qt.QMessageBox(self)
        box.setObjectName("resumePrompt")
        box.setIcon(qt.QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Resume?"))
        box.setText(self.tr("A game did not finish last time{detail}. Resume it?").format(detail=detail))
        box.setInformativeText(
            self.tr(
                "Start new keeps the unfinished game in your saves folder (Game ▸ Open recent); "
                "Discard deletes it."
            )
        )
        resume = box.addButton(self.tr("&Resume"), qt.QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("&Start new"), qt.QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("&Discard"), qt.QMessageBox.ButtonRole.DestructiveRole)
        for button, name, label in (
            (resume, "resumeButton", self.tr("Resume the unfinished game")),
            (new, "startNewButton", self.tr("Start a new game and keep the unfinished one")),
            (discard, "discardButton", self.tr("Discard the unfinished game")),
        ):
            button.setObjectName(name)
            button.setAccessibleName(label)
        box.setDefaultButton(resume)
        box.setEscapeButton(new)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is resume:
            return self.RESUME
        if clicked is discard:
            return self.DISCARD
        return self.START_NEW

    def _rebuild_pages(self) -> None:
        from game.ui.handover import HandOverScreen

        for w in (self.page, self.handover):
            if w is not None:
                self.stack.removeWidget(w)
                w.deleteLater()
        from game.ui.game_page import GamePage

        self.page = GamePage(self)
        self.page.table.action.connect(self.act)
        self.handover = HandOverScreen()
        self.handover.ready.connect(self._on_ready)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.handover)
        if self.page is not None:
            s = settings()
            state = s.value("splitter")
            if isinstance(state, QByteArray | bytes) and state:
                self.page.splitter.restoreState(QByteArray(state))

    # ------------------------------------------------------------------ acting
    def check_action(self, action: object) -> str | None:
        """The engine's verdict on an action, without playing it (None if legal)."""
        from game.engine import IllegalAction

        if self.session is None:
            return None
        c = self.controller
        if c is not None and c.shown_side != getattr(action, "side", None):
            # the full game answers only for the side at the screen (its own capital, its own
            # red lines): never about the other side's
            return self.tr("Wait for your turn.")
        try:
            self.session.game.check(action)  # type: ignore[union-attr]
        except IllegalAction as err:
            return self.tr("Rule {rule}: {message}").format(rule=err.rule, message=err.message)
        return None

    @Slot(object)
    def act(self, action: object) -> bool:
        from game.engine import Counter, Propose

        if self.controller is None:
            return False
        ok = self.controller.act(action)  # type: ignore[arg-type]
        if ok and isinstance(action, Propose | Counter) and self.page is not None:
            self.page.table.after_sent()
        return ok

    @Slot()
    def primary_action(self) -> None:
        """Submit orders (orders phase) or end the turn (at the table)."""
        from game.engine import EndTalks

        c = self.controller
        if c is None or self.page is None or not c.my_move():
            return
        v = c.view()
        if v is None:
            return
        if v.phase == "orders":
            action = self.page.orders.action()
            # orders that breach an agreement in force: say what it costs and ask first
            if action is not None and self.page.orders.confirm(action):
                self.act(action)
        elif v.phase == "table" and (v.pending_offer is None or v.pending_offer.side == v.side):
            self.act(EndTalks(side=v.side))

    def walk_out(self, confirm: bool = True) -> None:
        from game.engine import WalkOut

        c = self.controller
        if c is None or c.shown_side is None or c.ai_busy or self.session is None or self.session.over:
            return
        if confirm:
            answer = _qt().QMessageBox.question(
                self,
                self.tr("Walk out?"),
                self.tr("Leave the table for good? The talks collapse and the game ends."),
            )
            if answer != _qt().QMessageBox.StandardButton.Yes:
                return
        self.act(WalkOut(side=c.shown_side))

    # ------------------------------------------------------------------ render
    @Slot()
    def render(self) -> None:
        c, page = self.controller, self.page
        self.update_undo_actions()
        self.act_replay_this.setEnabled(self.session is not None and self.session.over)
        if c is None or page is None:
            return
        if page.advice_key is not None and page.advice_key != self._advice_key():
            page.clear_advice()  # advice is for one side, one moment: never carried over
        page.advice_btn.setEnabled(c.my_move())
        from game.text import side_name

        if self.session.over:  # type: ignore[union-attr]
            return  # the debrief takes over (see _on_over)
        self._render_generation += 1
        ctx = c.context()
        if ctx is None:
            page.clear()
            return
        from game.ui.common import named

        v = ctx.view
        sc, lang = v.scenario, self.lang
        # The controls first; the read-only panels in later slices of the event loop, so
        # that no single slice stalls the window (the AI may be thinking meanwhile).
        page.orders.render(ctx)
        page.table.render(ctx)
        generation = self._render_generation
        for k, panel in enumerate((page.briefing, page.meters, page.news)):
            self._pending_slices += 1
            QTimer.singleShot(4 * k, self, lambda p=panel: self._render_later(p, ctx, generation))
        from game.scenario.models import tr

        me = side_name(sc, v.side, lang)
        them = side_name(sc, v.other, lang)
        page.title.setText(tr(sc.meta.title, lang))
        opp = self._opponent_label(v.other)
        page.info.setText(
            self.tr("You: {me} delegation · Opposite: {them} ({opp})").format(me=me, them=them, opp=opp)
        )
        if c.ai_busy:
            phase = self.tr("{them} is thinking…").format(them=them)
        elif v.phase == "orders":
            phase = (
                self.tr("Orders: your move")
                if ctx.can_act
                else self.tr("Orders: waiting for {them}").format(them=them)
            )
        else:
            phase = (
                self.tr("Table: your move")
                if ctx.can_act
                else self.tr("Table: {them} to move").format(them=them)
            )
        page.phase.setText(phase)
        # primary button
        if not ctx.can_act:
            page.end_btn.setText(self.tr("Waiting for {them}…").format(them=them))
            page.end_btn.setEnabled(False)
        elif v.phase == "orders":
            page.end_btn.setText(self.tr("Submit orders"))
            page.end_btn.setEnabled(True)
        elif v.pending_offer is not None and v.pending_offer.side != v.side:
            page.end_btn.setText(self.tr("Answer their offer first"))
            page.end_btn.setEnabled(False)
        else:
            page.end_btn.setText(self.tr("End turn"))
            page.end_btn.setEnabled(True)
        named(page.end_btn, page.end_btn.text())
        page.walk_btn.setEnabled(not c.ai_busy)
        key = (v.phase, v.turn)
        if page._last_phase != key:
            page.tabs.setCurrentIndex(0 if v.phase == "orders" else 1)
            page._last_phase = key
        self._show_turn_status()
        self.setWindowTitle(f"{APP_TITLE} — {tr(sc.meta.title, lang)}")
        self.stack.setCurrentWidget(page)

    def _show_turn_status(self) -> None:
        """The status bar's date, turn and deadline: public, the same for both sides."""
        if self.session is None:
            return
        sc, state = self.session.scenario, self.session.game.state
        turn, total = state.turn, sc.end.deadline_turns
        date = sc.meta.start_date + dt.timedelta(days=(turn - 1) * sc.meta.turn_days)
        self.st_date.setText(date.strftime("%Y-%m-%d"))
        self.st_turn.setText(self.tr("Turn {n} of {total}").format(n=turn, total=total))
        if self.session.over:
            self.st_deadline.setText(self.tr("The game is over: see the debrief"))
            return
        deadline_date = sc.meta.start_date + dt.timedelta(days=total * sc.meta.turn_days - 1)
        self.st_deadline.setText(
            self.tr("Deadline {date}: {n} more turns after this one").format(
                date=deadline_date.isoformat(), n=max(0, total - turn)
            )
        )

    def _render_later(self, panel: QWidget, ctx: object, generation: int) -> None:
        """A deferred slice of :meth:`render` — dropped if the screen moved on (or changed hands)."""
        self._pending_slices -= 1
        c = self.controller
        if generation != self._render_generation or c is None or c.shown_side != ctx.view.side:  # type: ignore[attr-defined]
            return
        panel.render(ctx)  # type: ignore[attr-defined]

    def render_pending(self) -> bool:
        """Parts of the last render are still waiting for their slice of the event loop."""
        return self._pending_slices > 0

    def _opponent_label(self, side: str) -> str:
        seat = self.session.seats[side]  # type: ignore[union-attr]
        if seat.is_human:
            return self.tr("hot-seat")
        from game.ui.dialogs import ai_seat_words

        return ai_seat_words(getattr(seat, "label", "ai")) or self.tr("AI")

    @Slot(bool, str)
    def _on_thinking(self, on: bool, side: str) -> None:
        from game.text import side_name

        if self.page is None or self.session is None:
            return
        name = side_name(self.session.scenario, side, self.lang)
        text = self.tr("The {side} delegation is thinking…").format(side=name)
        self.page.set_thinking(on, text)
        if on:
            self.page.phase.setText(self.tr("{them} is thinking…").format(them=name))
            self.page.end_btn.setEnabled(False)
            self.page.walk_btn.setEnabled(False)
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()
        self.update_undo_actions()  # nothing can be taken back while the other side thinks

    @Slot(str, str)
    def _on_refused(self, rule: str, message: str) -> None:
        if self.page is None:
            return
        text = self.tr("Rule {rule}: {message}").format(rule=rule, message=message) if rule else message
        self.page.banner.setText(text)
        self.page.banner.show()
        self.statusBar().showMessage(text, 8000)
        QTimer.singleShot(8000, self.page.banner.hide)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.page is not None:
            self.page.banner.setText(message)
            self.page.banner.show()
        self.statusBar().showMessage(message)

    @Slot(str)
    def _on_handover(self, side: str) -> None:
        from game.text import side_name

        if self.page is None or self.handover is None or self.session is None:
            return
        self._render_generation += 1  # drop any deferred render of the previous side
        self.page.clear()
        self.statusBar().clearMessage()  # a refusal may quote the previous side's capital or red line
        sc = self.session.scenario
        prev = next(s for s in sc.side_ids if s != side)
        started = bool(self.session.game.actions)
        self.handover.show_for(
            side,
            side_name(sc, side, self.lang),
            sc.side(side).colour,
            side_name(sc, prev, self.lang) if started else None,
        )
        self._show_turn_status()  # this game's (never the previous game's)
        self.setWindowTitle(f"{APP_TITLE} — " + self.tr("hand-over"))
        self.stack.setCurrentWidget(self.handover)
        self.handover.button.setFocus()

    @Slot(str)
    def _on_ready(self, side: str) -> None:
        if self.controller is not None:
            self.controller.ready(side)

    @Slot()
    def _on_over(self) -> None:
        from game.ui.debrief import DebriefPage

        if self.page is not None:
            self.page.clear()
        if self.debrief is not None:
            self.stack.removeWidget(self.debrief)
            self.debrief.deleteLater()
        self.debrief = DebriefPage(self.session, self.lang)
        self.stack.addWidget(self.debrief)
        self.stack.setCurrentWidget(self.debrief)
        self.setWindowTitle(f"{APP_TITLE} — " + self.tr("Debrief"))
        self._show_turn_status()
        self._sync_editor_secrecy()

    # ------------------------------------------------------------------- menus
    def new_game_dialog(self) -> None:
        from game.ui.dialogs import NewGameDialog

        dlg = NewGameDialog(self, lang=self.lang, defaults=self.config)
        cfg = dlg.config() if dlg.exec() == NewGameDialog.DialogCode.Accepted else None
        dlg.deleteLater()  # a hidden dialog left alive stays the "active window" for shortcuts
        if cfg is not None:
            try:
                self.start_game(cfg)
            except Exception as exc:
                _qt().QMessageBox.warning(self, self.tr("New game"), str(exc))

    def save_game_dialog(self, save_as: bool = False) -> None:
        if not saves_available():
            self.saves_not_yet_available()
            return
        if self.session is None:
            return
        if not save_as and self._save_path is not None:
            self.save_to(self._save_path)
            return
        from game.saves import SAVE_SUFFIX, default_saves_dir

        folder = default_saves_dir()
        if self._save_path is not None and self._save_path.parent.is_dir():
            folder = self._save_path.parent  # Save As: next to the file this game came from
        suggested = (
            folder / f"{self.session.scenario.meta.id}-turn{self.session.game.state.turn}{SAVE_SUFFIX}"
        )
        path, _ = _qt().QFileDialog.getSaveFileName(
            self,
            self.tr("Save game"),
            str(suggested),
            self.tr("Saved games (*{suffix})").format(suffix=SAVE_SUFFIX),
        )
        if path:
            if not path.endswith(SAVE_SUFFIX) and not path.endswith(".json"):
                path += SAVE_SUFFIX
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save the game (False, with the reason on screen, if it could not be saved)."""
        from game.saves import SaveError, save_game

        session = self.session
        assert session is not None
        scenario_path = getattr(self.config, "scenario_path", None)
        if scenario_path is not None and Path(scenario_path).suffix.lower() not in (".yaml", ".yml"):
            scenario_path = None
        try:
            save_game(
                path,
                session.game,
                seats={s: session.seats[s].label for s in session.scenario.side_ids},
                scenario_path=scenario_path,
            )
        except SaveError as err:
            _qt().QMessageBox.warning(self, self.tr("Save game"), err.message)
            return False
        self._save_path = Path(path)
        self._remember_recent(Path(path))
        self.statusBar().showMessage(self.tr("Saved to {path}").format(path=str(path)), 5000)
        return True

    def open_game_dialog(self) -> None:
        if not saves_available():
            self.saves_not_yet_available()
            return
        from game.saves import SAVE_SUFFIX, default_saves_dir

        path, _ = _qt().QFileDialog.getOpenFileName(
            self,
            self.tr("Open game"),
            str(default_saves_dir()),
            self.tr("Saved games (*{suffix} *.json)").format(suffix=SAVE_SUFFIX),
        )
        if path:
            self.open_from(Path(path), interactive=True)

    def open_from(self, path: Path, interactive: bool = False, remember: bool = True) -> bool:
        """Open a saved game; on a bad file, say what is wrong (and offer its backup).

        ``remember``: Save writes back to ``path`` and it joins the recent games (not
        for the autosave, which is resumed but never becomes "your" file)."""
        from game.saves import SaveError, backup_path, load_game

        qt = _qt()
        source = Path(path)
        try:
            loaded = load_game(source)
        except SaveError as err:
            if not (interactive and err.backup_available):
                if interactive:
                    qt.QMessageBox.warning(self, self.tr("Open game"), err.message)
                self.statusBar().showMessage(err.message, 8000)
                return False
            answer = qt.QMessageBox.question(
                self,
                self.tr("Open game"),
                self.tr("{err}\n\nOpen the backup of this save instead?").format(err=err.message),
            )
            if answer != qt.QMessageBox.StandardButton.Yes:
                return False
            source = backup_path(path)
            try:
                loaded = load_game(source)
            except SaveError as err2:
                qt.QMessageBox.warning(self, self.tr("Open game"), err2.message)
                return False
        game = loaded.game
        if loaded.scenario_changed and loaded.current_game is not None and interactive:
            answer = qt.QMessageBox.question(
                self,
                self.tr("Open game"),
                self.tr(
                    "The scenario file has changed since this game was saved. Continue with the current "
                    "scenario file? (No: keep the scenario as it was saved.)"
                ),
            )
            if answer == qt.QMessageBox.StandardButton.Yes:
                game = loaded.current_game
        if loaded.warnings and interactive:
            box = qt.QMessageBox(self)
            box.setObjectName("openWarnings")
            box.setIcon(qt.QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Open game"))
            box.setText(self.tr("The game was opened, with these remarks:"))
            box.setInformativeText("\n".join("• " + w for w in loaded.warnings))
            box.exec()
            box.deleteLater()
        self._start_loaded(game, dict(loaded.seats), loaded.scenario_file or path)
        if remember:
            # Save writes back to the file the player opened (a good save replaces a damaged one).
            self._save_path = Path(path)
            self._remember_recent(Path(path))
        return True

    def _start_loaded(self, game: object, labels: dict[str, str], scenario_path: Path) -> None:
        from game.ai import make_ai, parse_ai_spec
        from game.session import HumanSeat, Session
        from game.ui.dialogs import GameConfig

        sides = game.scenario.side_ids  # type: ignore[attr-defined]
        seats: dict = {}
        humans = []
        for s in sides:
            label = str(labels.get(s, "human"))
            try:
                style, level = parse_ai_spec(label)
                seats[s] = make_ai(style, level)
            except ValueError:  # "human", "script", or an AI this build does not know
                seats[s] = HumanSeat(label="human")
                humans.append(s)
        if not humans:  # an AI-only game (e.g. simulated): the player takes the first side
            humans.append(sides[0])
            seats[sides[0]] = HumanSeat(label="human")
        human = humans[0]
        opp = seats[next(s for s in sides if s != human)]
        style, level = ("pragmatist", "normal")
        if not opp.is_human:
            style, level = parse_ai_spec(opp.label)
        cfg = GameConfig(
            scenario_path=Path(scenario_path),
            side=human,
            opponent="hotseat" if opp.is_human else "ai",
            ai_style=style,
            ai_level=level,
            seed=game.seed,  # type: ignore[attr-defined]
            lang=self.lang,
        )
        self.start_session(Session(game, seats), cfg)  # type: ignore[arg-type]

    def saves_not_yet_available(self) -> None:
        """Saving and opening games arrive with game/saves."""
        _qt().QMessageBox.information(
            self,
            self.tr("Not yet available"),
            self.tr("Saving and opening games is not yet available in this build."),
        )

    def show_how_to_play(self) -> None:
        from game.ui.dialogs import TextDialog, how_to_play_html

        dlg = TextDialog(self.tr("How to play"), html_text=how_to_play_html(), parent=self)
        dlg.exec()
        dlg.deleteLater()
        self.activateWindow()  # the keys (Ctrl+Enter) are the game's again

    def show_rules(self) -> None:
        from game.ui.dialogs import TextDialog, rules_markdown

        TextDialog(self.tr("Rules"), markdown=rules_markdown(), parent=self).exec()

    def show_about(self) -> None:
        _qt().QMessageBox.about(
            self,
            self.tr("About Tariff Talks"),
            self.tr(
                "Tariff Talks — a negotiation game of the 2025 US–China tariff war.\n\n"
                "Scenarios, rules and the economy model are documented in the docs folder. "
                "Figures come from the IMF, the BEA, the US Census Bureau and the banks' research, as cited "
                "in each scenario."
            ),
        )

    # ------------------------------------------------------------------- close
    def closeEvent(self, event: QCloseEvent) -> None:
        from game.ui.app import remember_window

        s = settings()
        remember_window(self, s)  # size, maximised (the language is remembered with each game)
        if self.page is not None:
            s.setValue("splitter", self.page.splitter.saveState())
        if self.controller is not None:
            self.controller.stop()
        workers.wait_all(3000)
        if self.autosave is not None:
            self.autosave.shutdown()
        super().closeEvent(event)

"""The main window's shell: the stack of pages (loading, game, hand-over, debrief), starting
a game, acting, and the rooms that do the rest — one job each, in :mod:`game.ui.window`:
menus and actions, recent games, resume, advice, undo and autosave, save and open, the
replay and editor launchers, and rendering.

The public methods below are the window's interface (the menus, the game page, the
tests and the scripts call them); most hand the work to their room at once.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal, Slot
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
from game.ui.window.advice import Advisers
from game.ui.window.editor_launcher import EditorLauncher
from game.ui.window.files import SaveLoad
from game.ui.window.menus import build_menus, build_status
from game.ui.window.recent import RecentGames, RecentMenu
from game.ui.window.render import APP_TITLE, WindowRenderer
from game.ui.window.replay_launcher import ReplayLauncher
from game.ui.window.resume import ResumeFlow
from game.ui.window.settings import SETTINGS_APP, SETTINGS_ORG, is_first_run, settings
from game.ui.window.undo import UndoWiring

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu

    from game.engine import Action, Game
    from game.saves.undo import UndoStack
    from game.scenario.models import Scenario
    from game.session import Seat, Session
    from game.ui.controller import GameController
    from game.ui.debrief import DebriefPage
    from game.ui.dialogs import GameConfig, WelcomePage
    from game.ui.editor import ScenarioEditor
    from game.ui.game_page import GamePage
    from game.ui.handover import HandOverScreen
    from game.ui.persistence import AutosaveService
    from game.ui.replay import ReplayViewer

# Only what the empty window needs is imported here, so it shows quickly; the game page,
# panels, dialogs, engine and economy are imported when first needed.

__all__ = [
    "APP_TITLE",
    "SETTINGS_APP",
    "SETTINGS_ORG",
    "MainWindow",
    "is_first_run",
    "saves_available",
    "settings",
]


def _qt():
    from PySide6 import QtWidgets

    return QtWidgets


def saves_available() -> bool:
    """game/saves provides save_game and load_game (built in parallel; absent in early builds)."""
    try:
        import game.saves as saves
    except ImportError:
        return False
    return hasattr(saves, "save_game") and hasattr(saves, "load_game")


class MainWindow(QMainWindow):
    #: A game is on the table (new, loaded or the default one at startup).
    game_started = Signal()

    #: The answers to the start-up question about an unfinished game (see :class:`ResumeFlow`).
    RESUME, START_NEW, DISCARD = ResumeFlow.RESUME, ResumeFlow.START_NEW, ResumeFlow.DISCARD

    # Made by game.ui.window.menus (build_menus, build_status), rebuilt with the language:
    act_new: QAction
    act_open: QAction
    act_save: QAction
    act_save_as: QAction
    act_quit: QAction
    act_replay: QAction
    act_replay_this: QAction
    act_edit_scenario: QAction
    act_new_scenario: QAction
    act_open_scenario: QAction
    act_undo: QAction
    act_redo: QAction
    act_orders_tab: QAction
    act_table_tab: QAction
    act_howto: QAction
    act_rules: QAction
    act_about: QAction
    recent_menu: QMenu
    st_turn: QLabel
    st_date: QLabel
    st_deadline: QLabel
    st_autosave: QLabel

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self.lang = lang
        self.session: Session | None = None
        self._programs_seen: dict[str, int] = {}  # side -> a program seat's incidents shown
        self.controller: GameController | None = None
        self.config: GameConfig | None = None
        self.debrief: DebriefPage | None = None
        self.min_think_ms = 350
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
        self.page: GamePage | None = None  # built with the first game
        self.handover: HandOverScreen | None = None
        # the rooms (each a QObject child of the window, so results of worker threads reach it)
        self.renderer = WindowRenderer(self)
        self.recent = RecentMenu(self, RecentGames(settings))
        self.resume = ResumeFlow(self)
        self.advisers = Advisers(self)
        self.undo_wiring = UndoWiring(self)
        self.files = SaveLoad(self)
        self.replays = ReplayLauncher(self)
        self.editors = EditorLauncher(self)
        self._build_menus()
        build_status(self)
        from game.ui.app import PrimaryKeys

        # works after any dialog closes, only while the game page shows (see PrimaryKeys)
        self._primary_keys = PrimaryKeys(
            self,
            self.primary_action,
            lambda: self.page is not None and self.stack.currentWidget() is self.page,
        )
        self._primary_shortcuts = self._primary_keys.shortcuts
        self.loading.setText(self.tr("Opening the scenario…"))
        from game.ui.app import restore_window

        self.welcome: WelcomePage | None = None  # on the very first start
        self.setMinimumSize(1024, 640)
        restore_window(self, settings())  # size, maximised, as last closed

    # ------------------------------------------------------------------ chrome
    def _build_menus(self) -> None:
        """(Re)build the menus in the window's language (see :mod:`game.ui.window.menus`)."""
        build_menus(self)

    def show_tab(self, i: int) -> None:
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
        self.refresh()

    def closed_until_over(self, title: str, text: str) -> None:
        """Say why something that reads the whole game stays closed for now."""
        self.statusBar().showMessage(text, 8000)
        _qt().QMessageBox.information(self, title, text)

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
    def _default_loaded(self, tag: object, scenario: Scenario) -> None:
        from game.ui.dialogs import GameConfig

        p, side, style, level = self._pending_default
        sides = scenario.side_ids
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
            self.start_game(cfg, scenario)
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

    def start_game(self, config: GameConfig, scenario: Scenario | None = None) -> None:
        """Start a new game from a :class:`GameConfig` (the scenario is loaded if not given)."""
        from game.ai import make_ai
        from game.session import HumanSeat, Session
        from game.ui.dialogs import GameConfig

        assert isinstance(config, GameConfig)
        if scenario is None:
            from game.scenario.loader import load_scenario

            scenario = load_scenario(config.scenario_path)
        sides = scenario.side_ids
        other = sides[1] if config.side == sides[0] else sides[0]
        seats: dict[str, Seat] = {config.side: HumanSeat(label="human")}
        if config.opponent == "program":  # a program seat (game.agents): decides on a worker, like an AI
            from game.agents import AgentSeat

            seats[other] = AgentSeat("cmd:" + config.program, lang=config.lang)
        else:
            seats[other] = (
                HumanSeat(label="human")
                if config.opponent == "hotseat"
                else make_ai(config.ai_style, config.ai_level)
            )
        session = Session.new(scenario, seats, seed=config.seed)
        self.start_session(session, config)

    def _report_programs(self) -> None:
        """A program seat's new incidents (a refused answer, a timeout…) on the banner, in words."""
        from game.agents import AgentSeat, incident_text
        from game.ui.dialogs import ai_seat_words

        if self.session is None:
            return
        for side, seat in self.session.seats.items():
            if isinstance(seat, AgentSeat) and len(seat.incidents) > self._programs_seen.get(side, 0):
                self._programs_seen[side] = len(seat.incidents)
                who = ai_seat_words(seat.label) or seat.label
                self.renderer.on_failed(f"{who} — {incident_text(seat.incidents[-1], self.lang)}")

    def start_session(self, session: Session, config: GameConfig) -> None:
        """Put a session (new or loaded) in the window."""
        from game.ui.controller import GameController
        from game.ui.handover import HandOverScreen
        from game.ui.i18n import set_language

        if self.controller is not None:
            self.controller.stop()
        if self.session is not None and self.session is not session:
            for seat in self.session.seats.values():  # a program seat's process ends with its game
                close = getattr(seat, "close", None)
                if close is not None:
                    close()
        lang = config.lang
        if lang != self.lang or self.page is None:
            self.lang = lang
            set_language(lang)
            self._build_menus()
            self._rebuild_pages()
        self.session = session
        self._programs_seen = {}
        self.config = config
        self.files.save_path = None
        self.undo_wiring.watch(session)
        if self.debrief is not None:
            self.stack.removeWidget(self.debrief)
            self.debrief.deleteLater()
            self.debrief = None
        c = GameController(session, lang, self)
        c.min_think_ms = self.min_think_ms
        c.changed.connect(self.refresh)
        r = self.renderer
        c.thinking.connect(r.on_thinking)
        c.refused.connect(r.on_refused)
        c.handover.connect(r.on_handover)
        c.over.connect(r.on_over)
        c.failed.connect(r.on_failed)
        c.changed.connect(self._report_programs)
        self.controller = c
        assert isinstance(self.handover, HandOverScreen)
        s = settings()
        s.setValue("side", config.side)
        s.setValue("ai_style", config.ai_style)
        s.setValue("ai_level", config.ai_level)
        s.setValue("lang", lang)
        c.start()
        # after start: its first hand-over clears the status bar, and this may say why the editor went
        self.editors.sync_secrecy()
        self.game_started.emit()

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

    # ----------------------------------------------------------- the rooms' doors
    # (what the menus, the game page, the dialogs and the tests call; the work is in the rooms)
    def start_or_resume(self, path: Path | None = None) -> None:
        """At start-up: offer to resume an unfinished game, else open ``path`` or the default."""
        self.resume.start(path)

    def ask_resume(self, path: Path) -> str:
        return self.resume.ask(path)

    def keep_unfinished(self, path: Path) -> Path | None:
        return self.resume.keep_unfinished(path)

    @Slot()
    def ask_advice(self) -> None:
        self.advisers.ask()

    def _advice_key(self) -> tuple[str, int] | None:
        return self.advisers.key()

    def _advice_done(self, tag: object, action: Action) -> None:
        self.advisers.done(tag, action)

    def describe_advice(self, action: Action) -> str:
        return self.advisers.describe(action)

    @property
    def autosave(self) -> AutosaveService | None:
        """The autosave service (None until the first game)."""
        return self.undo_wiring.autosave

    @property
    def undo_stack(self) -> UndoStack | None:
        return self.undo_wiring.stack

    def update_undo_actions(self) -> None:
        self.undo_wiring.update_actions()

    def undo_move(self) -> None:
        self.undo_wiring.undo()

    def redo_move(self) -> None:
        self.undo_wiring.redo()

    def recent_games(self) -> list[Path]:
        return self.recent.games.paths()

    def _remember_recent(self, path: Path) -> None:
        self.recent.games.remember(path)

    def open_recent(self, path: Path) -> bool:
        return self.recent.open(path)

    @property
    def _save_path(self) -> Path | None:
        """Where Save writes without asking."""
        return self.files.save_path

    def save_game_dialog(self, save_as: bool = False) -> None:
        if not saves_available():
            self.saves_not_yet_available()
            return
        self.files.save_dialog(save_as)

    def open_game_dialog(self) -> None:
        if not saves_available():
            self.saves_not_yet_available()
            return
        self.files.open_dialog()

    def save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    def open_from(self, path: Path, interactive: bool = False, remember: bool = True) -> bool:
        return self.files.open_from(path, interactive=interactive, remember=remember)

    def saves_not_yet_available(self) -> None:
        """Saving and opening games arrive with game/saves."""
        _qt().QMessageBox.information(
            self,
            self.tr("Not yet available"),
            self.tr("Saving and opening games is not yet available in this build."),
        )

    @property
    def replay_viewer(self) -> ReplayViewer | None:
        return self.replays.viewer

    def show_replay(self, game: Game) -> ReplayViewer | None:
        return self.replays.show(game)

    @property
    def editor(self) -> ScenarioEditor | None:
        """The scenario editor last opened (it may have been closed since)."""
        return self.editors.editor

    def edit_scenario(self, new: bool = False) -> ScenarioEditor | None:
        return self.editors.edit(new=new)

    def open_scenario_file(self, path: Path) -> bool:
        return self.editors.open_file(path)

    def play_test(self, scenario: Scenario, path: Path | None) -> None:
        self.editors.play_test(scenario, path)

    @Slot()
    def refresh(self) -> None:  # not render(): that is QWidget.render(target)
        self.renderer.render()

    def render_pending(self) -> bool:
        """Parts of the last render are still waiting for their slice of the event loop."""
        return self.renderer.pending()

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
        self.handover.ready.connect(self.renderer.on_ready)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.handover)
        if self.page is not None:
            s = settings()
            state = s.value("splitter")
            if isinstance(state, QByteArray | bytes) and state:
                self.page.splitter.restoreState(QByteArray(state))

    # ------------------------------------------------------------------ acting
    def check_action(self, action: Action) -> str | None:
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
            self.session.game.check(action)
        except IllegalAction as err:
            from game.ui.panels.base import Refusal

            text = self.tr("Rule {rule}: {message}").format(rule=err.rule, message=err.text(self.lang))
            return Refusal(text, err.rule, err.fields)
        return None

    @Slot(object)
    def act(self, action: Action) -> bool:
        from game.engine import Counter, Propose

        if self.controller is None:
            return False
        ok = self.controller.act(action)
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
        self.undo_wiring.shutdown()
        super().closeEvent(event)

    if TYPE_CHECKING:  # last in the class: lupdate loses the class's context after it
        # PySide6 also answers MainWindow.tr("…", "", n) on the class (the rooms of game.ui.window
        # translate in this context so; lupdate reads it as context MainWindow): the stubs only
        # know the instance method.
        @classmethod
        def tr(cls, sourceText: str, disambiguation: str | None = None, n: int = -1) -> str: ...

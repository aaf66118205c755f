"""The window's menu bar (Game, Scenario, Edit, View, Help), its actions and shortcuts, and
the status bar's permanent fields.

The actions stay attributes of the window (``act_new``, ``act_undo``…: the tests and the
secrecy audit drive the window through them); what each one does lives in its own room
(:mod:`.files`, :mod:`.recent`, :mod:`.undo`, :mod:`.replay_launcher`,
:mod:`.editor_launcher`). The menus are rebuilt when the window's language changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from game.ui.window.settings import settings

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow


def _action(win: MainWindow, text: str, *keys: str) -> QAction:
    act = QAction(text, win)
    if keys:
        # setShortcuts([...]) rather than setShortcut(...): the latter's overload resolution
        # loads the whole Qt namespace of enums (~15 ms) before the window can show.
        act.setShortcuts([QKeySequence(k) for k in keys])
    return act


def build_menus(win: MainWindow) -> None:
    """(Re)build the menu bar in the window's current language."""
    mb = win.menuBar()
    mb.clear()
    game = mb.addMenu(QCoreApplication.translate("MainWindow", "&Game"))
    win.act_new = _action(win, QCoreApplication.translate("MainWindow", "&New game…"), "Ctrl+N")
    win.act_new.triggered.connect(win.new_game_dialog)
    win.act_open = _action(win, QCoreApplication.translate("MainWindow", "&Open…"), "Ctrl+O")
    win.act_open.triggered.connect(win.open_game_dialog)
    win.act_save = _action(win, QCoreApplication.translate("MainWindow", "&Save…"), "Ctrl+S")
    win.act_save.triggered.connect(win.save_game_dialog)
    win.act_save_as = _action(win, QCoreApplication.translate("MainWindow", "Save &As…"), "Ctrl+Shift+S")
    win.act_save_as.triggered.connect(lambda: win.save_game_dialog(save_as=True))
    win.act_quit = _action(win, QCoreApplication.translate("MainWindow", "&Quit"), "Ctrl+Q")
    win.act_quit.triggered.connect(win.close)
    for a in (win.act_new, win.act_open, win.act_save, win.act_save_as):
        game.addAction(a)
    win.recent_menu = game.addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
    win.recent_menu.aboutToShow.connect(win.recent.fill)
    win.act_replay = _action(win, QCoreApplication.translate("MainWindow", "Re&play a saved game…"))
    win.act_replay.triggered.connect(win.replays.choose_and_show)
    win.act_replay_this = _action(win, QCoreApplication.translate("MainWindow", "Replay &this game"))
    win.act_replay_this.triggered.connect(win.replays.show_current)
    win.act_replay_this.setEnabled(win.session is not None and win.session.over)
    game.addAction(win.act_replay)
    game.addAction(win.act_replay_this)
    game.addSeparator()
    game.addAction(win.act_quit)

    scenario_menu = mb.addMenu(QCoreApplication.translate("MainWindow", "&Scenario"))
    win.act_edit_scenario = _action(
        win, QCoreApplication.translate("MainWindow", "&Edit this scenario…"), "Ctrl+E"
    )
    win.act_edit_scenario.triggered.connect(lambda: win.edit_scenario())
    win.act_new_scenario = _action(win, QCoreApplication.translate("MainWindow", "&New scenario…"))
    win.act_new_scenario.triggered.connect(lambda: win.edit_scenario(new=True))
    win.act_open_scenario = _action(win, QCoreApplication.translate("MainWindow", "&Open scenario file…"))
    win.act_open_scenario.triggered.connect(win.editors.open_dialog)
    for a in (win.act_edit_scenario, win.act_new_scenario, win.act_open_scenario):
        scenario_menu.addAction(a)

    edit = mb.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    win.act_undo = _action(win, QCoreApplication.translate("MainWindow", "&Undo your last move"), "Ctrl+Z")
    win.act_undo.triggered.connect(win.undo_wiring.undo)
    win.act_redo = _action(win, QCoreApplication.translate("MainWindow", "&Redo"), "Ctrl+Shift+Z", "Ctrl+Y")
    win.act_redo.triggered.connect(win.undo_wiring.redo)
    edit.addAction(win.act_undo)
    edit.addAction(win.act_redo)
    win.update_undo_actions()

    view = mb.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    theme_menu = view.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
    from PySide6.QtGui import QActionGroup

    group = QActionGroup(win)
    current = str(settings().value("theme", "system"))
    names = {
        "system": QCoreApplication.translate("MainWindow", "Follow the &system"),
        "light": QCoreApplication.translate("MainWindow", "&Light"),
        "dark": QCoreApplication.translate("MainWindow", "&Dark"),
    }
    for mode, label in names.items():
        a = QAction(label, win, checkable=True)
        a.setChecked(mode == current)
        a.triggered.connect(lambda _=False, m=mode: win.set_theme(m))
        group.addAction(a)
        theme_menu.addAction(a)
    win.act_orders_tab = _action(win, QCoreApplication.translate("MainWindow", "&Orders"), "Ctrl+1")
    win.act_orders_tab.triggered.connect(lambda: win.show_tab(0))
    win.act_table_tab = _action(win, QCoreApplication.translate("MainWindow", "Negotiation &table"), "Ctrl+2")
    win.act_table_tab.triggered.connect(lambda: win.show_tab(1))
    view.addAction(win.act_orders_tab)
    view.addAction(win.act_table_tab)

    help_ = mb.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    win.act_howto = _action(win, QCoreApplication.translate("MainWindow", "&How to play"), "F1")
    win.act_howto.triggered.connect(win.show_how_to_play)
    win.act_rules = _action(win, QCoreApplication.translate("MainWindow", "&Rules"))
    win.act_rules.triggered.connect(win.show_rules)
    win.act_about = _action(win, QCoreApplication.translate("MainWindow", "&About Tariff Talks"))
    win.act_about.triggered.connect(win.show_about)
    for a in (win.act_howto, win.act_rules, win.act_about):
        help_.addAction(a)


def build_status(win: MainWindow) -> None:
    """The status bar's permanent fields: date, turn, deadline, and a lasting autosave warning."""
    sb = win.statusBar()
    win.st_date = QLabel()
    win.st_turn = QLabel()
    win.st_deadline = QLabel()
    #: Shown only while autosaving fails (until the next autosave succeeds).
    win.st_autosave = QLabel()
    win.st_autosave.setObjectName("autosaveWarning")
    win.st_autosave.hide()
    for w in (win.st_autosave, win.st_date, win.st_turn, win.st_deadline):
        sb.addPermanentWidget(w)

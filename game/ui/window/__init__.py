"""The main window's rooms, one job each (the shell is :mod:`game.ui.main_window`).

- :mod:`.settings` — where the window remembers things between runs (``QSettings``);
- :mod:`.menus` — the menu bar, its actions and shortcuts, and the status bar's fields;
- :mod:`.recent` — the recent games: a model over ``QSettings`` and the Open recent menu;
- :mod:`.resume` — at start-up, an unfinished game: Resume / Start new / Discard;
- :mod:`.advice` — "Ask your advisers", from the view of the side at the screen only;
- :mod:`.undo` — autosave of the running session and the Undo / Redo actions;
- :mod:`.files` — Save, Save As and Open of saved games;
- :mod:`.replay_launcher` — Replay a saved game / this game, closed while secrets are kept;
- :mod:`.editor_launcher` — the scenario editor, play-test, Open scenario file;
- :mod:`.render` — the game page, the hand-over and the debrief drawn from the controller.

Each module imports only Qt and light modules at its top, so that the window shows before
the engine, the scenarios and the panels load (``tests/ui/test_ui_startup_imports.py``).
"""

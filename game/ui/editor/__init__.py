"""The scenario editor (Scenario → Edit…), in rooms with one job each:

- :mod:`.window` — :class:`ScenarioEditor`, the editor's window: actions, the document
  (open, save, copies of built-in scenarios), live validation and its problems, play-test;
- :mod:`.form` — the form view: every control edits one scalar of the file;
- :mod:`.table_model` — the form's tables (sides, instruments) as a model, a view and an
  on-demand cell editor;
- :mod:`.code_view` — the text view: line numbers, current line, problems underlined;
- :mod:`.template` — the document a new scenario starts from.

What the form does to the text (surgical YAML edits that keep the author's comments and
layout) is Qt-free and lives in :mod:`game.scenario.yaml_edit`.
"""

from __future__ import annotations

from game.ui.editor.code_view import CodeEditor
from game.ui.editor.template import TEMPLATE
from game.ui.editor.window import ScenarioEditor, open_scenario_editor

__all__ = ["TEMPLATE", "CodeEditor", "ScenarioEditor", "open_scenario_editor"]

"""The hidden-information audit's tools: a scenario whose secrets are markers, the
secrets each side may not see at a moment of the game, a scan of every text of every
widget of every window, and a runner that triggers each menu action and shortcut of
the window, answering its dialogs (after scanning them) and putting the game back.

Markers: every private text of the US briefing (summary, objective texts and ids,
red-line texts and ids, in English and Chinese) contains ``ZQUS``, China's ``ZQCN``;
the walk-away values are 37 (US) and 43 (China). Private moves (see
:class:`Secrets`) are the press words of a side's statement and the level of a
move no one else uses, secret until the turn resolves (rules 2.1, 4, 7.1).

With hidden types (rule 7.3; the marker scenario is then Geneva as shipped, with its priors)
a side's objectives and red lines are public — the other side's "What you know of them"
shows their texts and each quantity's range — so their texts and ids carry ``ZPUS``/``ZPCN``
(public markers) instead; the summary keeps the private marker. What stays secret is the
draw: the walk-away is drawn from a narrow range just above 37 (43), so a draw shows as
``37.12``–``37.18`` and rounds to the old value; an objective's drawn weight and a red line's
drawn level are shown to their own side after the text (``… objective (weight 2.5)``,
``… red line (… at least 15%)``), which is the pattern of a drawn number leaked with its text.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from PySide6.QtCore import QEventLoop, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from shiboken6 import getCppPointer

ROOT = Path(__file__).resolve().parents[2]
GENEVA = ROOT / "scenarios" / "geneva-2025.yaml"
#: Geneva before rule 7.3: every briefing number fixed, a briefing wholly private (rule 7.1).
GENEVA_FIXED = ROOT / "tests" / "engine" / "data" / "geneva-fixed.yaml"

#: Every private text of a side's briefing contains its marker (matched case-insensitively:
#: the ids are lower case).
MARK = {"us": "ZQUS", "china": "ZQCN"}
#: With priors (rule 7.3), the marker of a side's public texts: its objectives and red lines.
PUBLIC_MARK = {"us": "ZPUS", "china": "ZPCN"}
#: Each side's walk-away value in the marker scenario (Geneva has 35 for both); with priors,
#: the walk-away is drawn between this + 0.11 and this + 0.19 (so that a draw is a number
#: like no other on a screen, and rounds to this).
WALK_AWAY = {"us": 37, "china": 43}


def walk_away_range(side: str) -> tuple[float, float]:
    """The marker scenario's walk-away prior for ``side`` (with priors)."""
    return (WALK_AWAY[side] + 0.11, WALK_AWAY[side] + 0.19)


# ------------------------------------------------------------------ the marker scenario
def write_marker_scenario(path: Path, priors: bool = True) -> Path:
    """Geneva with every private text of each side replaced by a unique marker: as shipped,
    with its priors (rule 7.3: objectives and red lines public, with public markers; the
    walk-away drawn from a marker range), or without (``priors=False``: the fixed copy,
    every briefing wholly private)."""
    data = yaml.safe_load((GENEVA if priors else GENEVA_FIXED).read_text(encoding="utf-8"))
    data["meta"]["id"] = "geneva_markers"
    for side, brief in data["briefings"].items():
        brief["summary"] = {
            "en": f"{MARK[side]}-summary-en Private briefing",
            "zh": f"{MARK[side]}-summary-zh 私密简报",
        }
        if priors:
            assert "between" in brief["walk_away"] or "one_of" in brief["walk_away"]
            brief["walk_away"] = {"between": list(walk_away_range(side))}
        else:
            brief["walk_away"] = WALK_AWAY[side]
        m = PUBLIC_MARK[side] if priors else MARK[side]
        for k, obj in enumerate(brief["objectives"], 1):
            obj["id"] = f"{m.lower()}_obj{k}"
            obj["text"] = {"en": f"{m}-obj{k}-en objective", "zh": f"{m}-obj{k}-zh 目标"}
        for k, rl in enumerate(brief.get("red_lines", []), 1):
            rl["id"] = f"{m.lower()}_rl{k}"
            rl["text"] = {"en": f"{m}-rl{k}-en red line", "zh": f"{m}-rl{k}-zh 红线"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------ what may not be seen
#: pattern -> literals (lower case), one of which is in any text the pattern matches
HINTS: dict[re.Pattern[str], tuple[str, ...]] = {}


def _pattern(regex: str, *hints: str, flags: int = 0) -> re.Pattern[str]:
    pat = re.compile(regex, flags)
    HINTS[pat] = tuple(h.lower() for h in hints)
    return pat


@dataclass(frozen=True)
class PrivateMove:
    """A side's orders of one turn: secret until that turn resolves."""

    side: str
    turn: int
    instrument: str
    level: float
    statement: str
    press: str  # the statement's words: a marker of its own (public once the turn resolves)


@dataclass
class Secrets:
    """What each side keeps from the other, as the game goes."""

    moves: list[PrivateMove] = field(default_factory=list)
    #: Drafts a side typed and never sent (never public): side -> markers
    drafts: dict[str, list[str]] = field(default_factory=dict)
    #: The marker scenario has priors (rule 7.3; :func:`write_marker_scenario`)
    priors: bool = True

    def patterns(self, side: str, turn: int) -> list[tuple[str, re.Pattern[str]]]:
        """(what, pattern) of everything of ``side`` that is secret while ``turn`` is being played."""
        out: list[tuple[str, re.Pattern[str]]] = [
            (f"{side}'s briefing", _pattern(re.escape(MARK[side]), MARK[side], flags=re.I)),
            (
                f"{side}'s walk-away value",
                _pattern(
                    rf"(?:walk-away|底线)(?:分数)?\s*(?:value\s*)?{WALK_AWAY[side]}(?!\d)",
                    "walk-away",
                    "底线",
                    flags=re.I,
                ),
            ),
        ]
        if self.priors:  # rule 7.3: the draw (its public prior may be seen)
            out += draw_patterns(side)
        for mv in self.moves:
            if mv.side == side and mv.turn >= turn:
                out.append(
                    (f"{side}'s press words of turn {mv.turn}", _pattern(re.escape(mv.press), mv.press))
                )
                out.append(
                    (
                        f"{side}'s order {mv.instrument} → {mv.level:g} of turn {mv.turn}",
                        _pattern(rf"(?<![\d.]){mv.level:g}(?:\.0+)?\s*%", f"{mv.level:g}"),
                    )
                )
        for d in self.drafts.get(side, []):
            out.append((f"{side}'s unsent draft", _pattern(re.escape(d), d)))
        return out


def draw_patterns(side: str) -> list[tuple[str, re.Pattern[str]]]:
    """(what, pattern) of ``side``'s draw in the marker scenario with priors (rule 7.3): its
    drawn walk-away as a number (strictly inside its range: a bound is what the prior shows),
    and an objective or red line of its followed by a parenthesis — the weight or drawn level
    its own briefing panel gives after the text (the other side's "What you know" card quotes
    the text in “ ” and gives the range in a cell of its own)."""
    w = WALK_AWAY[side]
    m = PUBLIC_MARK[side]
    return [
        (
            f"{side}'s drawn walk-away value",
            _pattern(rf"(?<![\d.]){w}\.1[2-8](?!\d)", f"{w}.1"),
        ),
        (
            f"{side}'s drawn weight or red-line level",
            _pattern(
                rf"{re.escape(m)}-(?:obj|rl)\d+-(?:en|zh) (?:objective|red line|目标|红线)\s*[(（]",
                m,
                flags=re.I,
            ),
        ),
    ]


# ------------------------------------------------------------------ every text on screen
def describe(w: QObject) -> str:
    """Class, object name and parent chain of a widget (for a failure message)."""
    chain = []
    o: QObject | None = w
    while o is not None and len(chain) < 12:
        name = o.objectName()
        chain.append(type(o).__name__ + (f"#{name}" if name else ""))
        o = o.parent()
    return " < ".join(chain)


ITEM_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


def _model_texts(model, parent: QModelIndex | None = None, depth: int = 0) -> Iterator[str]:
    if model is None or depth > 4:
        return
    parent = parent if parent is not None else QModelIndex()
    rows = model.rowCount(parent)
    try:
        cols = model.columnCount(parent)
    except TypeError:  # a list model: one column
        cols = 1
    if depth == 0:
        for c in range(cols):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield str(model.headerData(c, Qt.Orientation.Horizontal, role) or "")
        for r in range(rows):
            yield str(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) or "")
    for r in range(min(rows, 2000)):
        for c in range(cols):
            idx = model.index(r, c, parent)
            for role in ITEM_ROLES:
                value = model.data(idx, role)
                if value is not None:
                    yield str(value)
            if c == 0 and model.rowCount(idx) > 0:  # a branch of a tree
                yield from _model_texts(model, idx, depth + 1)


def _chart_texts(w: QWidget) -> Iterator[str]:
    charts = sys.modules["PySide6.QtCharts"]
    chart = w.chart()
    if chart is None:
        return
    yield chart.title()
    for s in chart.series():
        yield s.name()
        for attr in ("barSets",):
            for bs in getattr(s, attr, lambda: [])():
                yield bs.label()
    for ax in chart.axes():
        yield ax.titleText()
        if isinstance(ax, charts.QBarCategoryAxis):
            yield from ax.categories()
        if isinstance(ax, charts.QCategoryAxis):
            yield from ax.categoriesLabels()
    for marker in chart.legend().markers():
        yield marker.label()


def _tab_texts(w: QTabBar) -> list[str]:
    return [t for i in range(w.count()) for t in (w.tabText(i), w.tabToolTip(i), w.tabWhatsThis(i))]


def _action_texts(w: QWidget) -> list[str]:
    return [t for a in w.actions() for t in (a.text(), a.toolTip(), a.statusTip(), a.whatsThis())]


def _view_texts(w: QAbstractItemView) -> Iterator[str]:
    parent = w.parent()
    if isinstance(parent, QComboBox) or isinstance(parent.parent() if parent else None, QComboBox):
        return  # a combo's drop-down list: read through the combo
    yield from _model_texts(w.model())


#: What each kind of widget shows, beyond what every widget has (title, tooltip, status
#: tip, What's This, accessible name and description, its actions).
_KIND_TEXTS: tuple[tuple[type, tuple[Callable[[QWidget], object], ...]], ...] = (
    (QLabel, (QLabel.text,)),
    (QAbstractButton, (QAbstractButton.text,)),
    (QLineEdit, (QLineEdit.text, QLineEdit.placeholderText)),
    (QTextEdit, (QTextEdit.toPlainText, QTextEdit.placeholderText)),
    (QPlainTextEdit, (QPlainTextEdit.toPlainText, QPlainTextEdit.placeholderText)),
    (QAbstractSpinBox, (QAbstractSpinBox.text, QAbstractSpinBox.specialValueText)),
    (QProgressBar, (QProgressBar.text, QProgressBar.format)),
    (QGroupBox, (QGroupBox.title,)),
    (QComboBox, (QComboBox.currentText, lambda w: _model_texts(w.model()))),
    (QTabBar, (_tab_texts,)),
    (QAbstractItemView, (_view_texts,)),
    (QMessageBox, (QMessageBox.text, QMessageBox.informativeText, QMessageBox.detailedText)),
    (QMenu, (QMenu.title,)),
    (QMainWindow, (lambda w: w.statusBar().currentMessage() if w.statusBar() is not None else "",)),
)
_COMMON: tuple[Callable[[QWidget], object], ...] = (
    QWidget.windowTitle,
    QWidget.toolTip,
    QWidget.statusTip,
    QWidget.whatsThis,
    QWidget.accessibleName,
    QWidget.accessibleDescription,
    _action_texts,
)
_GETTERS: dict[type, tuple[Callable[[QWidget], object], ...]] = {}


def _getters(cls: type) -> tuple[Callable[[QWidget], object], ...]:
    got = _GETTERS.get(cls)
    if got is None:
        got = _COMMON + tuple(g for kind, gs in _KIND_TEXTS if issubclass(cls, kind) for g in gs)
        charts = sys.modules.get("PySide6.QtCharts")
        if charts is not None and issubclass(cls, charts.QChartView):
            got += (lambda w: _chart_texts(w),)
        _GETTERS[cls] = got
    return got


def widget_texts(w: QWidget) -> list[str]:
    """Every string ``w`` shows, or would show as a tooltip, a title or to a screen reader."""
    out: list[str] = []
    for get in _getters(type(w)):
        value = get(w)
        if isinstance(value, str):
            if value:
                out.append(value)
        else:
            out += [t for t in value if t]  # type: ignore[union-attr]
    return out


def all_widgets() -> Iterator[QWidget]:
    """Every widget of every window on screen — hidden children included (a hidden tab,
    a collapsed detail, a page under the current one)."""
    seen: set[int] = set()
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for w in [top, *top.findChildren(QWidget)]:
            if id(w) not in seen:
                seen.add(id(w))
                yield w


def scan(patterns: list[tuple[str, re.Pattern[str]]], where: str) -> list[str]:
    """Findings: every text of every window that matches a secret (one search per secret
    over all the texts joined, then the widget of each match)."""
    widgets: list[QWidget] = []
    texts: list[str] = []
    for w in all_widgets():
        got = widget_texts(w)
        widgets += [w] * len(got)
        texts += got
    joined = "\x00".join(texts)
    lower = joined.lower()
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    found = []
    for what, pat in patterns:
        hints = HINTS.get(pat)
        if hints is not None and not any(h in lower for h in hints):
            continue  # (a cheap look for the literal part first)
        reported: set[int] = set()
        for m in pat.finditer(joined):
            k = bisect.bisect_right(starts, m.start()) - 1
            if id(widgets[k]) in reported:
                continue  # the first of a secret's matches in a widget is enough
            reported.add(id(widgets[k]))
            text, a = texts[k], m.start() - starts[k]
            excerpt = text[max(0, a - 60) : a + len(m.group()) + 60].replace("\n", " ")
            found.append(f"{where}: {what} in {describe(widgets[k])}: …{excerpt}…")
    return found


# ------------------------------------------------------------------ every action
@dataclass
class Trigger:
    """One thing a person can do from the keyboard or the menus."""

    label: str
    run: Callable[[], None]
    is_quit: bool = False
    in_menu: bool = False  # the shortcut of an action also in the menus


def menu_actions(win: QMainWindow) -> list[tuple[str, QAction]]:
    """Every action reachable from the menu bar, submenus included (Open recent filled)."""
    out: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        menu.aboutToShow.emit()
        for a in menu.actions():
            if a.isSeparator():
                continue
            data = a.data()
            if isinstance(data, str) and data:  # an Open recent entry: named by its file (its
                label = f"{path} ▸ [{Path(data).name}]"  # text numbers it and says when it was saved)
            else:
                label = f"{path} ▸ {a.text().replace('&', '')}"
            if a.menu() is not None:
                walk(a.menu(), label)
            else:
                out.append((label, a))

    for top in win.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), top.text().replace("&", ""))
    return out


def press(win: QMainWindow, seq: QKeySequence, target: QWidget | None = None) -> None:
    """Press a key sequence as a person would, on the widget with the focus."""
    if not win.isActiveWindow():
        win.activateWindow()
        assert QTest.qWaitForWindowActive(win, 30_000), "the window could not be made active for a shortcut"
    for k in range(seq.count()):
        combo = seq[k]
        widget = target or QApplication.focusWidget() or win
        QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def triggers(win: QMainWindow) -> list[Trigger]:
    """Every menu action (triggered), and every shortcut of the window (pressed)."""
    out: list[Trigger] = []
    quit_action = getattr(win, "act_quit", None)
    quits = {pointer(quit_action)} if quit_action is not None else set()
    menus = menu_actions(win)
    in_menus = {pointer(a) for _, a in menus}
    for label, a in menus:
        out.append(Trigger(f"menu {label}", a.trigger, is_quit=pointer(a) in quits))
    keys: dict[str, Trigger] = {}
    for a in win.findChildren(QAction):
        for seq in a.shortcuts():
            text = seq.toString()
            if text and text not in keys:
                keys[text] = Trigger(
                    f"key {text}",
                    lambda s=seq: press(win, s),
                    is_quit=pointer(a) in quits,
                    in_menu=pointer(a) in in_menus,
                )
    for sc in win.findChildren(QShortcut):
        text = sc.key().toString()
        if not text or text in keys:
            continue
        parent = sc.parent()
        widget_only = sc.context() == Qt.ShortcutContext.WidgetShortcut and isinstance(parent, QWidget)
        target = parent if widget_only else None
        seq = sc.key()
        keys[text] = Trigger(f"key {text}", lambda s=seq, t=target: press(win, s, t))
    return out + list(keys.values())


# ------------------------------------------------------------------ dialogs
class DialogAnswerer:
    """While an action runs: each modal dialog is scanned (every window), then closed;
    file dialogs answer ``self.open_path`` / ``self.save_path`` (the calls are counted)."""

    def __init__(self, monkeypatch, save_path: Path) -> None:
        #: the file an open dialog answers, or a function of the dialog's filter that chooses it
        self.open_path: Path | Callable[[str], Path | None] | None = None
        self.last_answer: Path | None = None
        self.save_path = save_path
        self.file_dialogs = 0
        self.patterns: Callable[[], list[tuple[str, re.Pattern[str]]]] = list
        self.where = ""
        self.findings: list[str] = []
        self.dialogs: list[str] = []
        self._active = False
        answerer = self

        def get_open(*args: object, **kwargs: object) -> tuple[str, str]:
            answerer.file_dialogs += 1
            p = answerer.open_path
            if callable(p):  # chooses by the dialog's file filter (its last text argument)
                texts = [a for a in args if isinstance(a, str)] + [
                    v for v in kwargs.values() if isinstance(v, str)
                ]
                p = p(texts[-1] if texts else "")
            answerer.last_answer = p
            return (str(p) if p is not None else "", "")

        def get_save(*args: object, **kwargs: object) -> tuple[str, str]:
            answerer.file_dialogs += 1
            return (str(answerer.save_path), "")

        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))

    def _modal(self) -> QWidget | None:
        w = QApplication.activeModalWidget()
        if w is not None:
            return w
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and isinstance(top, QDialog) and top.isModal():
                return top
        return None

    def _poll(self) -> None:
        if not self._active:
            return
        w = self._modal()
        if w is not None:
            title = w.windowTitle() or type(w).__name__
            self.dialogs.append(title)
            pats = self.patterns()
            self.findings += scan(pats, f"{self.where} [dialog {title!r}]")
            self.findings += step_sliders(w, pats, f"{self.where} [dialog {title!r}]")
            if isinstance(w, QDialog):
                w.reject()
            else:
                w.close()
        QTimer.singleShot(10, self._poll)

    def run(self, action: Callable[[], None], patterns: Callable[[], list], where: str) -> None:
        """Run ``action``; ``patterns()``: the secrets at the moment a dialog shows."""
        self.patterns, self.where = patterns, where
        self._active = True
        QTimer.singleShot(0, self._poll)
        try:
            action()
        finally:
            self._active = False


def step_sliders(top: QWidget, patterns, where: str) -> list[str]:
    """Move every slider of a window (a replay's turns) through its range, scanning at each step."""
    found: list[str] = []
    for slider in top.findChildren(QSlider):
        for value in range(slider.minimum(), slider.maximum() + 1):
            slider.setValue(value)
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            found += scan(patterns, f"{where} [slider {slider.accessibleName() or 'slider'} at {value}]")
    return found


def pointer(w: QObject) -> int:
    """The C++ object behind ``w`` (Python wrappers come and go)."""
    return getCppPointer(w)[0]


def visible_windows() -> set[int]:
    return {pointer(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def new_windows(before: set[int]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and pointer(w) not in before]


def close_new_windows(before: set[int]) -> None:
    """Close the windows an action opened (an editor without asking to save)."""
    for top in new_windows(before):
        if hasattr(top, "confirm_on_close"):
            top.confirm_on_close = False
        top.close()
        top.deleteLater()

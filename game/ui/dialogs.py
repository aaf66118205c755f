"""The New game dialog, the scenario catalogue, and the help windows."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from game.i18n import t as words
from game.resources import bundled_scenario_dir, read_doc, user_scenario_dir
from game.scenario.models import Scenario, tr
from game.text import difficulty_label
from game.ui.common import named, wrap_label
from game.ui.i18n import TrContext, available_languages, current_language, is_known, language_name

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow


def language_choices(current: str) -> list[tuple[str, str]]:
    """(code, name) of each language the window has a catalog for (game/ui/translations/), and
    the pseudo-locale while it is the one in use (it is not offered otherwise)."""
    codes = available_languages()
    if is_known(current) and current not in codes:
        codes.append(current)
    return [(code, language_name(code)) for code in codes]


class Dialogs(TrContext):
    """The translation context of this module's words."""


@dataclass(frozen=True)
class GameConfig:
    """What the New game dialog chose."""

    scenario_path: Path
    side: str  # the (first) human side
    opponent: str = "ai"  # "ai", "hotseat" or "program"
    ai_style: str = "pragmatist"
    ai_level: str = "normal"
    seed: int = 0
    lang: str = "en"
    program: str = ""  # "program": its command line, PROGRAM [ARGS] (game.agents, docs/agents.md)


@dataclass(frozen=True)
class CatalogueEntry:
    path: Path
    scenario: Scenario | None
    error: str = ""
    bundled: bool = True


def scenario_catalogue() -> list[CatalogueEntry]:
    """The bundled scenarios and the user's own, each loaded (or with its first error)."""
    from game.scenario.diagnostics import ScenarioError
    from game.scenario.loader import load_scenario

    out: list[CatalogueEntry] = []
    seen: set[Path] = set()
    for folder, bundled in ((bundled_scenario_dir(), True), (user_scenario_dir(), False)):
        if not folder.is_dir():
            continue
        for path in sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml"))):
            rp = path.resolve()
            if rp in seen:
                continue
            seen.add(rp)
            try:
                out.append(CatalogueEntry(path, load_scenario(path), "", bundled))
            except ScenarioError as exc:
                first = exc.diagnostics[0].format() if getattr(exc, "diagnostics", None) else str(exc)
                out.append(CatalogueEntry(path, None, first, bundled))
            except Exception as exc:  # a broken file must not break the dialog
                out.append(CatalogueEntry(path, None, str(exc), bundled))
    return out


def ai_styles() -> list[tuple[str, str, str]]:
    """(key, name, description) of each AI style, from the AI package's metadata when it has some."""
    import game.ai as ai

    choices = getattr(ai, "style_choices", None)
    if callable(choices):
        try:
            return [
                (str(c["key"]), str(c.get("name") or c["key"]), str(c.get("description") or ""))
                for c in choices()
            ]
        except (KeyError, TypeError, AttributeError):
            pass
    defaults = {
        "pragmatist": Dialogs.tr("Looks ahead with the economy model and concedes steadily."),
        "hardliner": Dialogs.tr("Boulware: holds out and concedes only near the deadline."),
        "conceder": Dialogs.tr("Concedes early to close a deal."),
        "reciprocator": Dialogs.tr("Tit-for-tat with forgiveness: answers your moves in kind."),
    }
    out = []
    for key, cls in getattr(ai, "STYLES", {}).items():
        name = getattr(cls, "name", None)
        desc = getattr(cls, "description", None)
        out.append(
            (
                key,
                name if isinstance(name, str) else key.capitalize(),
                desc if isinstance(desc, str) else defaults.get(key, ""),
            )
        )
    return out


def ai_seat_words(label: str) -> str | None:
    """'ai:pragmatist:expert' -> 'Pragmatist, Expert' in the window's language; 'cmd:python bot.py'
    -> 'Program: python bot.py' (a program seat, game.agents); None if neither."""
    if label.startswith("cmd:"):
        return Dialogs.tr("Program: {command}").format(command=label[len("cmd:") :])
    parts = label.split(":")
    if len(parts) != 3 or parts[0] != "ai":
        return None
    names = {key: name for key, name, _desc in ai_styles()}
    levels = {
        "easy": Dialogs.tr("Easy"),
        "normal": Dialogs.tr("Normal"),
        "hard": Dialogs.tr("Hard"),
        "expert": Dialogs.tr("Expert"),
    }
    style = words(current_language(), names.get(parts[1], parts[1]))  # the AI's own name (game.ai)
    return Dialogs.tr("AI: {style}, {level}").format(style=style, level=levels.get(parts[2], parts[2]))


def ai_levels() -> list[tuple[str, str]]:
    """(key, description) of each AI level, weakest first."""
    import game.ai as ai

    choices = getattr(ai, "level_choices", None)
    if callable(choices):
        try:
            return [(str(c["key"]), str(c.get("description") or "")) for c in choices()]
        except (KeyError, TypeError, AttributeError):
            pass
    return [(lv, "") for lv in getattr(ai, "LEVELS", ("normal",))]


def scenario_dates(sc: Scenario) -> tuple[dt.date, dt.date]:
    start = sc.meta.start_date
    return start, start + dt.timedelta(days=sc.end.deadline_turns * sc.meta.turn_days - 1)


def give_back_focus(dialog: QDialog) -> None:
    """After a dialog closes, its window is the active one again: its keys (Ctrl+Enter, F1,
    Ctrl+N…) work at once, also where no window manager hands the focus back."""
    parent = dialog.parentWidget()
    if parent is not None and parent.window().isVisible():
        parent.window().activateWindow()


class NewGameDialog(QDialog):
    """Scenario, side, opponent (AI style and level, or hot-seat), seed, language."""

    def done(self, result: int) -> None:
        super().done(result)
        give_back_focus(self)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        catalogue: list[CatalogueEntry] | None = None,
        lang: str = "en",
        defaults: GameConfig | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New game — Tariff Talks"))
        self.setModal(True)
        self.lang = lang
        self.entries = catalogue if catalogue is not None else scenario_catalogue()
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        outer.addLayout(top, 1)

        left = QVBoxLayout()
        lab = QLabel(self.tr("&Scenario"))
        left.addWidget(lab)
        self.list = QListWidget()
        named(self.list, self.tr("Scenario"))
        lab.setBuddy(self.list)
        for e in self.entries:
            title = tr(e.scenario.meta.title, lang) if e.scenario else e.path.name
            item = QListWidgetItem(title if e.bundled else self.tr("{title} (yours)").format(title=title))
            if e.scenario is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(e.error)
            self.list.addItem(item)
        self.list.setMinimumWidth(260)
        left.addWidget(self.list, 1)
        folder = wrap_label(
            self.tr("Your own scenarios go in {folder}").format(folder=str(user_scenario_dir())),
            object_name="hint",
        )
        left.addWidget(folder)
        top.addLayout(left, 2)

        right = QVBoxLayout()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        named(self.details, self.tr("About the scenario"))
        right.addWidget(self.details, 1)

        form_box = QGroupBox(self.tr("Your game"))
        form = QFormLayout(form_box)
        self.side = QComboBox()
        named(self.side, self.tr("Your side"))
        form.addRow(self.tr("Your si&de"), self.side)

        opp = QWidget()
        ol = QVBoxLayout(opp)
        ol.setContentsMargins(0, 0, 0, 0)
        self.vs_ai = named(QRadioButton(self.tr("Play against the &AI")), self.tr("Play against the AI"))
        self.vs_human = named(
            QRadioButton(self.tr("&Hot-seat: two people on this computer")),
            self.tr("Hot-seat: two people on this computer"),
        )
        self.vs_ai.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.vs_ai)
        group.addButton(self.vs_human)
        self.vs_program = named(
            QRadioButton(self.tr("Play against a &program (the agent protocol)")),
            self.tr("Play against a program"),
        )
        group.addButton(self.vs_program)
        self.program = QLineEdit()
        self.program.setPlaceholderText(self.tr("PROGRAM [ARGS], e.g. python my_bot.py"))
        named(self.program, self.tr("The program's command line"))
        self.program_hint = wrap_label(
            self.tr("It reads the game's JSON lines on stdin and answers on stdout (docs/agents.md)."),
            object_name="hint",
        )
        ol.addWidget(self.vs_ai)
        ai_row = QHBoxLayout()
        self.ai_style = QComboBox()  # not `style`: that is QWidget.style()
        named(self.ai_style, self.tr("AI style"))
        # the AI's own names and descriptions (game.ai's words, in its catalogs), in the window's language
        self.style_info = {key: words(lang, desc) for key, _name, desc in ai_styles()}
        for key, name, _desc in ai_styles():
            self.ai_style.addItem(words(lang, name), key)
        self.level = QComboBox()
        named(self.level, self.tr("AI level"))
        level_words = {
            "easy": self.tr("Easy"),
            "normal": self.tr("Normal"),
            "hard": self.tr("Hard"),
            "expert": self.tr("Expert"),
        }
        self.level_info = {lv: words(lang, desc) for lv, desc in ai_levels()}
        for lv, _desc in ai_levels():
            self.level.addItem(level_words.get(lv, lv.capitalize()), lv)
        ai_row.addSpacing(20)
        ai_row.addWidget(self.ai_style, 1)
        ai_row.addWidget(self.level, 1)
        ol.addLayout(ai_row)
        self.style_hint = wrap_label("", object_name="hint")
        ol.addWidget(self.style_hint)
        ol.addWidget(self.vs_human)
        ol.addWidget(self.vs_program)
        program_row = QHBoxLayout()
        program_row.addSpacing(20)
        program_row.addWidget(self.program, 1)
        ol.addLayout(program_row)
        ol.addWidget(self.program_hint)
        form.addRow(self.tr("Opponent"), opp)

        self.seed = QLineEdit()
        self.seed.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.seed.setPlaceholderText(self.tr("random"))
        named(self.seed, self.tr("Seed (optional)"))
        form.addRow(self.tr("S&eed"), self.seed)

        self.language = QComboBox()
        named(self.language, self.tr("Language"))
        for code, name in language_choices(lang):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form.addRow(self.tr("&Language"), self.language)
        right.addWidget(form_box)
        top.addLayout(right, 3)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start the game"))
        named(ok, self.tr("Start the game"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        named(cancel, self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.list.currentRowChanged.connect(self._scenario_changed)
        self.ai_style.currentIndexChanged.connect(self._style_changed)
        self.level.currentIndexChanged.connect(self._style_changed)
        self.vs_ai.toggled.connect(self._opponent_changed)
        self.vs_program.toggled.connect(self._opponent_changed)
        self.language.currentIndexChanged.connect(lambda _i: self._scenario_changed(self.list.currentRow()))

        if defaults is not None:
            self._apply_defaults(defaults)
        if self.list.currentRow() < 0 and self.entries:
            first_ok = next((i for i, e in enumerate(self.entries) if e.scenario is not None), 0)
            self.list.setCurrentRow(first_ok)
        self._style_changed()
        self._opponent_changed()
        self.resize(900, 600)

    def _apply_defaults(self, d: GameConfig) -> None:
        for i, e in enumerate(self.entries):
            if e.path.resolve() == Path(d.scenario_path).resolve():
                self.list.setCurrentRow(i)
        self._scenario_changed(self.list.currentRow())
        idx = self.side.findData(d.side)
        if idx >= 0:
            self.side.setCurrentIndex(idx)
        self.vs_human.setChecked(d.opponent == "hotseat")
        self.vs_program.setChecked(d.opponent == "program")
        self.program.setText(d.program)
        for combo, val in ((self.ai_style, d.ai_style), (self.level, d.ai_level), (self.language, d.lang)):
            idx = combo.findData(val)
            if idx >= 0:
                combo.setCurrentIndex(idx)

    def current_lang(self) -> str:
        return str(self.language.currentData() or "en")

    def _scenario_changed(self, row: int) -> None:
        if row < 0 or row >= len(self.entries):
            return
        e = self.entries[row]
        lang = self.current_lang()
        keep = self.side.currentData()
        self.side.clear()
        if e.scenario is None:
            self.details.setPlainText(e.error)
            return
        sc = e.scenario
        for s in sc.sides:
            self.side.addItem(tr(s.name, lang), s.id)
        idx = self.side.findData(keep)
        if idx >= 0:
            self.side.setCurrentIndex(idx)
        start, end = scenario_dates(sc)
        import html

        rows = [
            (self.tr("Dates"), f"{start.isoformat()} – {end.isoformat()}"),
            (
                self.tr("Length"),
                self.tr("{n} turns of {d} days").format(n=sc.end.deadline_turns, d=sc.meta.turn_days),
            ),
            (self.tr("Difficulty"), difficulty_label(sc.meta.difficulty, lang)),
        ]
        table = "".join(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>" for k, v in rows
        )
        self.details.setHtml(
            f"<h2>{html.escape(tr(sc.meta.title, lang))}</h2>"
            f"<p>{html.escape(tr(sc.meta.description, lang))}</p><table>{table}</table>"
        )

    def _style_changed(self) -> None:
        style = self.style_info.get(str(self.ai_style.currentData()), "")
        level = self.level_info.get(str(self.level.currentData()), "")
        self.style_hint.setText("\n".join(t for t in (style, level) if t))

    def _opponent_changed(self) -> None:
        ai = self.vs_ai.isChecked()
        self.ai_style.setEnabled(ai)
        self.level.setEnabled(ai)
        self.style_hint.setEnabled(ai)
        self.program.setEnabled(self.vs_program.isChecked())

    def accept(self) -> None:
        """Start, unless the program's command line names no program (then say why, and stay)."""
        if self.vs_program.isChecked():
            from game.agents import AgentSpecError, parse_agent_spec

            try:
                parse_agent_spec("cmd:" + self.program.text().strip(), current_language())
            except AgentSpecError as err:
                self.program_hint.setText(str(err))
                self.program.setFocus()
                return
        super().accept()

    def config(self) -> GameConfig | None:
        row = self.list.currentRow()
        if row < 0 or self.entries[row].scenario is None:
            return None
        text = self.seed.text().strip()
        seed = int(text) if text else random.randrange(1_000_000)
        opponent = "ai" if self.vs_ai.isChecked() else "hotseat"
        if self.vs_program.isChecked():
            opponent = "program"
        return GameConfig(
            scenario_path=self.entries[row].path,
            side=str(self.side.currentData()),
            opponent=opponent,
            ai_style=str(self.ai_style.currentData()),
            ai_level=str(self.level.currentData()),
            program=self.program.text().strip(),
            seed=seed,
            lang=self.current_lang(),
        )


# --------------------------------------------------------------------------------- help
def how_to_play_html() -> str:
    parts = [
        ("h2", Dialogs.tr("How to play Tariff Talks")),
        (
            "p",
            Dialogs.tr(
                "You lead a delegation in the 2025 tariff war. Each turn is a week. Your private briefing (left) "
                "lists your objectives, your red lines and your political capital. Your score follows your own "
                "objectives, so both sides can win — or both can lose."
            ),
        ),
        ("h3", Dialogs.tr("1. Orders")),
        (
            "p",
            Dialogs.tr(
                "In the Orders tab, move your instruments — tariffs, export controls, purchases — and choose a "
                "public statement. Every step costs political capital. Orders stay secret until the turn resolves. "
                "Press Submit orders (Ctrl+Enter)."
            ),
        ),
        ("h3", Dialogs.tr("2. The table")),
        (
            "p",
            Dialogs.tr(
                "Then the table opens. Build a package in the proposal builder: tick terms on your instruments and "
                "theirs, set levels and durations (a term that lasts N turns snaps back afterwards). The what-if "
                "preview shows how the package would move both sides' meters in four turns. Propose it, or answer "
                "their offer: accept, reject, or edit it into a counter-offer. A few offers are allowed per turn; "
                "End turn closes the table."
            ),
        ),
        ("h3", Dialogs.tr("3. Resolution")),
        (
            "p",
            Dialogs.tr(
                "Orders and agreed terms take effect together, the economy model steps and the news arrives. Click "
                "any meter value to see why it moved. Breaking an agreement costs trust and capital."
            ),
        ),
        ("h3", Dialogs.tr("4. The end")),
        (
            "p",
            Dialogs.tr(
                "The game ends with a comprehensive deal, a walk-out, a collapse of trust, a recession or the "
                "deadline. The debrief reveals both briefings, the zone of possible agreement and what happened in "
                "2025. Export it as PNG or PDF from the debrief."
            ),
        ),
        ("h3", Dialogs.tr("Hot-seat")),
        (
            "p",
            Dialogs.tr(
                "Two players share one computer. Between the delegations' private phases a hand-over screen hides "
                "everything; press Ready only when the right delegation is at the keyboard."
            ),
        ),
        ("h3", Dialogs.tr("Keyboard")),
        (
            "p",
            Dialogs.tr(
                "Ctrl+N new game · Ctrl+S save · Ctrl+O open · Ctrl+Enter submit orders or end turn · Ctrl+1/2 "
                "switch between Orders and Table · F1 this guide · Tab moves between controls."
            ),
        ),
    ]
    import html

    return "".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in parts)


def rules_markdown() -> str:
    """The players' rulebook: docs/rules.md (docs/rules.<lang>.md in another language: rules.zh.md), its numbered rules,
    without its notes for developers and scenario authors (the quoted blocks that open with
    "For developers")."""
    text = read_doc(f"rules.{current_language()}.md")  # the rulebook in the window's language
    if text is None:
        text = read_doc("rules.md")
    if text is None:
        return Dialogs.tr("The rulebook (docs/rules.md) is not installed with this copy of the game.")
    kept: list[str] = []
    in_quote = dropping = False
    for line in text.splitlines(keepends=True):
        quoted = line.lstrip().startswith(">")
        if quoted and not in_quote:  # a quoted block starts: is it a note for developers?
            dropping = "for developers" in line.lower()
        in_quote = quoted
        if not (quoted and dropping):
            kept.append(line)
    return "".join(kept)


class TextDialog(QDialog):
    """A read-only document: the guide or the rules."""

    def done(self, result: int) -> None:
        super().done(result)
        give_back_focus(self)

    def __init__(
        self, title: str, *, html_text: str = "", markdown: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        named(self.browser, title)
        if markdown:
            self.browser.setMarkdown(markdown)
        else:
            self.browser.setHtml(html_text)
        lay.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        named(close, self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(720, 640)


# ------------------------------------------------------------------------------ first run
#: Set once the first-run welcome has been shown: later starts open as before.
WELCOMED_KEY = "welcomed"


def tutorial_path() -> Path:
    return bundled_scenario_dir() / "tutorial.yaml"


class WelcomePage(QWidget):
    """The first start's choice, in the window: the tutorial, How to play, or Geneva.

    ``chosen`` is emitted with ``"tutorial"``, ``"howto"`` or ``"play"``; ``language``
    with the code picked in the language box (the window then rebuilds the page)."""

    chosen = Signal(str)
    language = Signal(str)

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addStretch(2)
        title = QLabel(self.tr("Welcome to Tariff Talks"))
        title.setObjectName("handoverTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        outer.addWidget(title)
        intro = QLabel(
            self.tr(
                "You lead a delegation in the 2025 US–China tariff war: give orders, make offers at the "
                "table, and steer both economies toward a deal. New here? Start with the tutorial."
            )
        )
        intro.setObjectName("handoverText")
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setWordWrap(True)
        intro_row = QHBoxLayout()
        intro_row.addStretch(1)
        intro_row.addWidget(intro, 6)
        intro_row.addStretch(1)
        outer.addLayout(intro_row)
        outer.addSpacing(28)

        cards = QHBoxLayout()
        cards.setSpacing(18)
        self.buttons: dict[str, QPushButton] = {}
        for key, heading, text, label in (
            (
                "tutorial",
                self.tr("New to the game?"),
                self.tr(
                    "Five short turns, one lesson each: orders first, then the negotiation table. "
                    "Recommended for your first game."
                ),
                self.tr("&Start the tutorial"),
            ),
            (
                "howto",
                self.tr("The rules in brief"),
                self.tr(
                    "A turn, the table, the scoring and the keys, on one page. You come back here after."
                ),
                self.tr("&Read How to play"),
            ),
            (
                "play",
                self.tr("Ready to negotiate?"),
                self.tr(
                    "Geneva, May 2025: tariffs at 145% and 125%, a recession looming. "
                    "The full scenario, against the AI."
                ),
                self.tr("&Play Geneva"),
            ),
        ):
            card = QFrame()
            card.setObjectName("card")
            lay = QVBoxLayout(card)
            lay.setContentsMargins(18, 16, 18, 16)
            head = QLabel(heading)
            head.setObjectName("cardTitle")
            head.setWordWrap(True)
            lay.addWidget(head)
            body = wrap_label(text, object_name="hint")
            body.setMinimumHeight(body.fontMetrics().lineSpacing() * 3)
            body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            lay.addWidget(body, 1)
            button = QPushButton(label)
            button.setObjectName("primary" if key == "tutorial" else f"welcome_{key}")
            button.setMinimumHeight(36)
            named(button, label.replace("&", ""), text)
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            lay.addWidget(button)
            self.buttons[key] = button
            cards.addWidget(card, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(cards, 8)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addSpacing(18)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        lab = QLabel(self.tr("&Language"))
        self.lang_box = QComboBox()
        named(self.lang_box, self.tr("Language"))
        lab.setBuddy(self.lang_box)
        for code, name in language_choices(lang):
            self.lang_box.addItem(name, code)
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(lang)))
        self.lang_box.currentIndexChanged.connect(
            lambda _i: self.language.emit(str(self.lang_box.currentData()))
        )
        bottom.addWidget(lab)
        bottom.addWidget(self.lang_box)
        bottom.addStretch(1)
        outer.addLayout(bottom)
        later = wrap_label(
            self.tr(
                "This choice is offered once. Later: Game ▸ New game… (the tutorial is in the list) and "
                "Help ▸ How to play (F1)."
            ),
            object_name="hint",
        )
        later.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(later)
        outer.addStretch(3)
        self.setTabOrder(self.buttons["tutorial"], self.buttons["howto"])
        self.setTabOrder(self.buttons["howto"], self.buttons["play"])
        self.setTabOrder(self.buttons["play"], self.lang_box)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the button with the focus (as Space does)."""
        focus = self.focusWidget()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QPushButton):
            focus.click()
            return
        super().keyPressEvent(event)


def offer_welcome(win: MainWindow) -> None:
    """Show the first-run choice in the main window ``win`` (remembered: it is offered once).

    The tutorial or Geneva then opens as at any start; How to play opens the guide and
    comes back to the choice."""
    from game.ui.i18n import set_language
    from game.ui.main_window import settings

    settings().setValue(WELCOMED_KEY, True)  # remembered: the next start is not a first start
    stack = win.stack

    def build() -> WelcomePage:
        page = WelcomePage(win.lang)
        page.chosen.connect(choose)
        page.language.connect(relanguage)
        stack.addWidget(page)
        stack.setCurrentWidget(page)
        win.welcome = page
        win.setWindowTitle("Tariff Talks — " + QCoreApplication.translate("WelcomePage", "Welcome"))
        page.buttons["tutorial"].setFocus()
        return page

    def drop() -> None:
        page = getattr(win, "welcome", None)
        if page is not None:
            stack.removeWidget(page)
            page.deleteLater()
            win.welcome = None

    def relanguage(code: str) -> None:
        if code == win.lang:
            return
        win.lang = code
        set_language(code)
        settings().setValue("lang", code)
        win._build_menus()
        win.loading.setText(QCoreApplication.translate("MainWindow", "Opening the scenario…"))
        drop()
        build().lang_box.setFocus()

    def choose(key: str) -> None:
        if key == "howto":
            win.show_how_to_play()
            page = getattr(win, "welcome", None)
            if page is not None:
                page.buttons["tutorial"].setFocus()
            return
        drop()
        stack.setCurrentIndex(0)  # "Opening the scenario…"
        win.setWindowTitle("Tariff Talks")
        win.open_default(tutorial_path() if key == "tutorial" else None)

    build()
    # a game opened another way (Game ▸ New game…, Open…): the page goes
    win.game_started.connect(drop)

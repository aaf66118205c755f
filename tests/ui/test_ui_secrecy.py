"""The hidden-information audit of hot-seat games (issue 11).

A hot-seat Geneva game on a copy of the scenario whose private texts are markers
(``secrecy_kit``): each side's briefing (summary, objectives, red lines and their ids,
walk-away; English and Chinese), its orders of the turn (a move to a level nobody else
uses and the press words of its statement: secret until the turn resolves, rules 2.1
and 7.1) and a package it drafts at the table and never sends. The game is played
through the window; on every screen — each hand-over, each side's orders, the table
with an offer pending and answered, the next turn once the first has resolved — every
action of the menu bar (submenus and Open recent included) and every shortcut of the
window (its actions' and its QShortcuts, pressed on the focused widget) is triggered.
Modal dialogs are scanned and closed as they open; a file dialog for a game answers the
game's own save (made with Ctrl+S), then the autosave; one for a scenario, the scenario
file, then the save. After each action every
text of every window is scanned — hidden widgets included, item views, tabs, tooltips,
What's This, accessible names and descriptions, titles, the status bar, chart titles —
for a secret of the side not at the table (on a hand-over screen: of either side); a
replay's slider is moved through every turn. An action that takes back a move of a side
not at the table (undo across a hand-over) is a finding too. Then the game is put back
as it was on that screen if the action changed it.

Game ▸ Quit (and Ctrl+Q) closes the window for real only on the last screen; on the
others its close event is stopped before the window handles it. View ▸ Theme re-renders
as in play but does not re-apply the style sheet (the same for both sides, and slow).

Every action on every screen, in English and in Chinese.

Then one test per leak found in issue 11's walkthrough, on its old path (4, the
terminal, is tested elsewhere), and one for a leak the audit found.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from secrecy_kit import (
    MARK,
    PUBLIC_MARK,
    DialogAnswerer,
    PrivateMove,
    Secrets,
    all_widgets,
    close_new_windows,
    draw_patterns,
    new_windows,
    press,
    scan,
    step_sliders,
    triggers,
    visible_windows,
    walk_away_range,
    widget_texts,
    write_marker_scenario,
)
from uitest_driver import click, handover_up, package_for, set_level, wait_for_human

from game.engine import SubmitOrders
from game.ui.dialogs import GameConfig

SEED = 7


# ------------------------------------------------------------------ the game, as played
@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """Saves and the autosave of this test in its own folder."""
    monkeypatch.setenv("TARIFF_TALKS_HOME", str(tmp_path / "home"))
    from game.ui.main_window import settings

    settings().setValue("recent_games", [])
    return tmp_path / "home"


@pytest.fixture
def marker_scenario(tmp_path) -> Path:
    """Geneva as shipped, with its priors (rule 7.3), its secrets markers."""
    return write_marker_scenario(tmp_path / "geneva-markers.yaml")


@pytest.fixture
def fixed_marker_scenario(tmp_path) -> Path:
    """Geneva without priors (every briefing wholly private, rule 7.1), its secrets markers."""
    return write_marker_scenario(tmp_path / "geneva-fixed-markers.yaml", priors=False)


def start(window, qtbot, path: Path, lang: str = "en") -> None:
    window.start_game(GameConfig(path, "us", "hotseat", seed=SEED, lang=lang))
    wait_for_human(window, qtbot)
    assert handover_up(window)


def settle(window, qtbot) -> None:
    """Let queued signals, the deferred parts of a render and deferred deletions (the
    widgets a panel dropped) run, as the event loop would."""
    QApplication.processEvents()
    if window.controller is not None and window.render_pending():
        qtbot.waitUntil(lambda: not window.render_pending(), timeout=30_000)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def ready(window, qtbot) -> None:
    assert handover_up(window)
    click(qtbot, window.handover.button)
    wait_for_human(window, qtbot)
    settle(window, qtbot)


def shown(window) -> str | None:
    return window.controller.shown_side if window.controller is not None else None


#: (instrument, level, statement, press words) of each side's orders by turn
ORDERS = {
    ("us", 1): ("us_tariff_reciprocal", 115.0, "firm", "ZQUP1 the tariffs stay"),
    ("china", 1): ("cn_tariff_us", 117.0, "threatening", "ZQCP1 we will answer"),
    ("us", 2): ("us_tariff_reciprocal", 113.0, "firm", "ZQUP2 a small step"),
    ("china", 2): ("cn_tariff_us", 119.0, "firm", "ZQCP2 no more"),
}


#: The words of a package each side drafts at the table and never sends
DRAFTS = {"us": "ZQUD1 draft", "china": "ZQCD1 draft"}


def all_secrets(priors: bool = True) -> Secrets:
    """Every private move and draft of the game as played by :func:`play` (each secret
    until its turn resolves; a draft never sent, for ever), on the marker scenario with or
    without priors."""
    return Secrets(
        moves=[private_move(side, turn) for side, turn in ORDERS],
        drafts={side: [words.split()[0]] for side, words in DRAFTS.items()},
        priors=priors,
    )


def fill_orders(window, side: str, turn: int) -> None:
    iid, level, statement, words = ORDERS[(side, turn)]
    page = window.page
    page.tabs.setCurrentIndex(0)
    set_level(window, iid, level, builder=False)
    page.orders.statement.setCurrentIndex(page.orders.statement.findData(statement))
    page.orders.message.setText(words)


def private_move(side: str, turn: int) -> PrivateMove:
    iid, level, statement, words = ORDERS[(side, turn)]
    return PrivateMove(side, turn, iid, level, statement, words)


def submit_orders(window, qtbot, secrets: Secrets, side: str, turn: int) -> None:
    fill_orders(window, side, turn)
    before = len(window.session.game.actions)
    click(qtbot, window.page.end_btn)
    qtbot.waitUntil(lambda: len(window.session.game.actions) > before, timeout=30_000)
    last = window.session.game.actions[-1]
    assert isinstance(last, SubmitOrders) and last.message == ORDERS[(side, turn)][3]
    if private_move(side, turn) not in secrets.moves:
        secrets.moves.append(private_move(side, turn))
    wait_for_human(window, qtbot)


def draft_at_table(window, side: str, words: str) -> None:
    """A package drafted in the builder, with words, not sent."""
    page = window.page
    page.tabs.setCurrentIndex(1)
    set_level(window, "cn_purchases" if side == "us" else "us_entity_list", 0.0, builder=True)
    page.table.offer_message.setText(words)


@dataclasses.dataclass
class Screen:
    name: str
    absent: tuple[str, ...]  # whose secrets may not be on screen
    setup: Callable[[], None] = lambda: (
        None
    )  # what the person at the table has typed (redone after a restore)


def play(window, qtbot, path: Path, lang: str, secrets: Secrets) -> Iterator[Screen]:
    """Play the hot-seat game through the window, yielding at each screen to audit."""
    start(window, qtbot, path, lang)
    both = ("us", "china")
    yield Screen("start: hand-over to the US", both)
    ready(window, qtbot)
    yield Screen("US orders, turn 1 (typed, not submitted)", ("china",), lambda: fill_orders(window, "us", 1))
    submit_orders(window, qtbot, secrets, "us", 1)
    yield Screen("hand-over to China after the US's orders", both)
    ready(window, qtbot)
    yield Screen("China orders, turn 1", ("us",), lambda: fill_orders(window, "china", 1))
    submit_orders(window, qtbot, secrets, "china", 1)
    yield Screen("hand-over to the US for the table", both)
    ready(window, qtbot)
    yield Screen(
        "US at the table (a draft typed)", ("china",), lambda: draft_at_table(window, "us", DRAFTS["us"])
    )
    # the US proposes (its words are public from now on)
    table = window.page.table
    table._reset_builder()
    for iid, value, dur in package_for("us", 1):
        set_level(window, iid, value, builder=True)
        if dur:
            table.rows[iid].duration.setValue(dur)
    table.offer_message.setText("Public words of the US offer")
    before = len(window.session.game.state.offers)
    click(qtbot, table.send_btn)
    assert len(window.session.game.state.offers) == before + 1
    wait_for_human(window, qtbot)
    yield Screen("hand-over to China, the US's offer pending", both)
    ready(window, qtbot)
    yield Screen("China at the table, the US's offer pending", ("us",))
    click(qtbot, window.page.table.reject_btn)
    wait_for_human(window, qtbot)
    settle(window, qtbot)
    assert shown(window) == "china" and window.session.game.state.phase == "table"
    yield Screen(
        "China at the table after rejecting (a draft typed)",
        ("us",),
        lambda: draft_at_table(window, "china", DRAFTS["china"]),
    )
    draft_at_table(window, "china", DRAFTS["china"])
    click(qtbot, window.page.end_btn)  # no further offer: the table closes with China's draft unsent
    wait_for_human(window, qtbot)
    assert window.session.game.state.turn == 2
    yield Screen("hand-over to the US, turn 2 (turn 1 resolved)", both)
    ready(window, qtbot)
    yield Screen("US orders, turn 2", ("china",), lambda: fill_orders(window, "us", 2))
    submit_orders(window, qtbot, secrets, "us", 2)
    yield Screen("hand-over to China, turn 2", both)
    ready(window, qtbot)
    yield Screen("China orders, turn 2", ("us",), lambda: fill_orders(window, "china", 2))


# ------------------------------------------------------------------ running every action
class StopClose(QObject):
    """Quit, on every screen but the last: the close event is stopped before the window
    handles it (it would end the game under audit)."""

    def __init__(self) -> None:
        super().__init__()
        self.closes = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.closes += 1
            event.ignore()
            return True
        return False


class Auditor:
    def __init__(self, window, qtbot, monkeypatch, tmp_path: Path, secrets: Secrets, scenario: Path) -> None:
        self.window, self.qtbot, self.secrets = window, qtbot, secrets
        self.scenario = scenario
        self.own_save = tmp_path / "own-save.ttsave.json"
        self.snapshot = tmp_path / "snapshot.ttsave.json"
        self.answerer = DialogAnswerer(monkeypatch, self.own_save)
        self.findings: list[str] = []
        self.ran: list[str] = []
        self.stop_close = StopClose()
        self.snapshot_actions: list[object] = []

    def patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """The secrets of the side(s) not at the table now (both on a hand-over screen;
        none once the game is over)."""
        w = self.window
        if w.session is None or w.session.over:
            return []
        side = shown(w)
        absent = [s for s in ("us", "china") if s != side]
        turn = w.session.game.state.turn
        return [p for s in absent for p in self.secrets.patterns(s, turn)]

    def autosave_path(self) -> Path:
        from game.saves.autosave import AUTOSAVE_NAME, autosave_dir

        if self.window.autosave is not None:
            self.window.autosave.wait()
        return autosave_dir() / AUTOSAVE_NAME

    def state_key(self) -> tuple:
        w = self.window
        return (id(w.session), len(w.session.game.actions), shown(w), handover_up(w), w.session.over)

    def restore(self, screen: Screen, key: tuple) -> None:
        """Put the game back as it was on this screen (from the snapshot), Ready pressed if it was."""
        w, qtbot = self.window, self.qtbot
        same_game = not w.session.over and list(w.session.game.actions) == self.snapshot_actions
        if not (same_game and (handover_up(w) or shown(w) == key[2])):
            # (an Open of this very game leaves it as it was, on its hand-over screen)
            assert w.open_from(self.snapshot, interactive=False, remember=False)
            wait_for_human(w, qtbot)
        if key[2] is not None and shown(w) != key[2]:
            ready(w, qtbot)
        settle(w, qtbot)
        assert shown(w) == key[2] and len(w.session.game.actions) == key[1], "the game could not be restored"
        screen.setup()
        settle(w, qtbot)

    def audit_screen(self, screen: Screen, *, only: Callable[[str], bool] = lambda label: True) -> None:
        from game.saves import save_game

        w, qtbot = self.window, self.qtbot
        screen.setup()
        settle(w, qtbot)
        # the player saves the game (Ctrl+S): the save Open, Open recent and Replay are pointed at
        self.answerer.run(lambda: press(w, QKeySequence("Ctrl+S")), self.patterns, screen.name)
        assert self.own_save.exists(), "Ctrl+S did not save the game"
        session = w.session
        save_game(
            self.snapshot,
            session.game,
            seats={s: session.seats[s].label for s in session.scenario.side_ids},
            scenario_path=self.scenario,
        )
        key = self.state_key()
        assert tuple(s for s in ("us", "china") if s != shown(w)) == screen.absent
        self.findings += scan(self.patterns(), f"{screen.name} [as it is]")
        self.snapshot_actions = list(session.game.actions)
        current = {t.label: t for t in triggers(w)}
        todo = [(t.label, t.in_menu) for t in current.values() if not t.is_quit and only(t.label)]
        autosave = self.autosave_path()
        for label, in_menu in todo:
            # A dialog that opens a game answers the game's own save, then the autosave; one
            # that opens a scenario, the scenario file, then the game's own save (the wrong
            # kind of file). A shortcut of a menu action: the first only (the menu tried both).
            for k in range(1 if in_menu else 2):
                trig = current.get(label)
                if trig is None:
                    break  # e.g. an Open recent entry that is not there after a restore
                self.answerer.open_path = lambda flt, k=k, a=autosave: (
                    [self.scenario, self.own_save] if "yaml" in flt.lower() else [self.own_save, a]
                )[k]
                self.answerer.last_answer = None
                calls = self.answerer.file_dialogs
                where = f"{screen.name} — {label}" + (" (file dialog: second answer)" if k else "")
                first = len(self.findings)
                self.run_one(trig.run, where)
                if self.answerer.last_answer is not None:  # say which file the dialog answered
                    named = f"{screen.name} — {label} (file dialog → {self.answerer.last_answer.name})"
                    self.findings[first:] = [f.replace(where, named, 1) for f in self.findings[first:]]
                    where = named
                self.ran.append(where)
                if self.state_key() != key:
                    self.restore(screen, key)
                    key = self.state_key()
                    current = {t.label: t for t in triggers(w)}  # (the menus' actions, anew)
                if self.answerer.file_dialogs == calls or label.endswith(("Save…", "Save As…")):
                    break  # no file was asked for: one run is enough

    def run_one(self, run: Callable[[], None], where: str) -> None:
        w, qtbot = self.window, self.qtbot
        before = visible_windows()
        session, moves, at_table = w.session, list(w.session.game.actions), shown(w)
        w.installEventFilter(self.stop_close)
        try:
            self.answerer.run(run, self.patterns, where)
            settle(w, qtbot)
        finally:
            w.removeEventFilter(self.stop_close)
        if w.session is session:  # (not a game opened or started anew)
            after = list(session.game.actions)
            kept = next((k for k, (a, b) in enumerate(zip(moves, after, strict=False)) if a != b), len(after))
            undone = [a.side for a in moves[kept:]]
            if any(side != at_table for side in undone):
                self.findings.append(
                    f"{where}: took back a move of {', '.join(dict.fromkeys(undone))} with "
                    f"{at_table or 'nobody'} at the table (undo across a hand-over)"
                )
        self.findings += self.answerer.findings
        self.answerer.findings = []
        pats = self.patterns()
        self.findings += scan(pats, where)
        opened = new_windows(before)
        for top in opened:
            self.findings += step_sliders(top, pats, where)
        if opened:
            close_new_windows(before)
            settle(w, qtbot)

    def quit_for_real(self, screen: Screen) -> None:
        """Game ▸ Quit, on the last screen: the window really closes (any question it asks is audited)."""
        w = self.window
        self.answerer.run(w.act_quit.trigger, self.patterns, f"{screen.name} — menu Game ▸ Quit")
        self.findings += self.answerer.findings
        self.ran.append(f"{screen.name} — menu Game ▸ Quit")


def report(findings: list[str]) -> str:
    """The leaks, one line per action (with how many screens and secrets it leaked on)."""
    groups: dict[str, list[str]] = {}
    for f in dict.fromkeys(findings):
        m = re.match(r"(.*?): (?:(?:us|china)'s |took back )", f)  # "<screen> — <action>: <secret> in …"
        action = (m.group(1) if m else f[:80]).split(" — ", 1)[-1]
        groups.setdefault(action, []).append(f)
    lines = [f"{len(findings)} finding(s) by {len(groups)} action(s):"]
    for action, fs in groups.items():
        lines.append(f"- {action} ({len(fs)}×), e.g. {fs[0][:400]}")
    return "\n".join(lines)


# ------------------------------------------------------------------ the audit
@pytest.mark.slow  # every action on every screen: about a minute per language
@pytest.mark.parametrize(
    ("lang", "priors"), [("en", True), ("zh", True), ("en", False)], ids=["en", "zh", "en-fixed"]
)
def test_no_marker_of_the_absent_side_on_any_screen_after_any_action(
    window, qtbot, monkeypatch, tmp_path, home, lang, priors
) -> None:
    """With Geneva's priors (rule 7.3: the other side's prior is on screen, its draw never),
    in both languages; and once on the fixed copy, where the other briefing is wholly private."""
    import game.ui.theme

    marker_scenario = write_marker_scenario(tmp_path / "geneva-markers.yaml", priors=priors)
    # View ▸ Theme re-renders the screen as in play; only the application's style sheet (the
    # same for both sides, a third of a second each time) is not re-applied.
    monkeypatch.setattr(game.ui.theme, "apply_theme", lambda app, mode: None)
    secrets = all_secrets(priors)
    auditor = Auditor(window, qtbot, monkeypatch, tmp_path, secrets, marker_scenario)
    screens = 0
    last = None
    for screen in play(window, qtbot, marker_scenario, lang, secrets):
        screens += 1
        auditor.audit_screen(screen)
        last = screen
    assert last is not None
    auditor.quit_for_real(last)
    assert screens == 13
    ran = auditor.ran
    # the audit had its reach: menus, submenus, shortcuts, the file dialogs' answers
    # the audit had its reach: submenus (Open recent: the game's own save), shortcuts, dialogs,
    # the file dialogs' three answers
    for must in (
        "own-save.ttsave.json",
        "Ctrl+E",
        "Ctrl+Z",
        "Ctrl+Return",
        "Ctrl+S",
        "current.json",
        "markers.yaml",
    ):
        assert any(must in r for r in ran), f"never ran {must!r}"
    assert auditor.answerer.dialogs, "no dialog was opened"
    assert not auditor.findings, report(auditor.findings)


def test_the_audit_sees_a_marker_on_the_own_sides_screen(
    window, qtbot, tmp_path, home, marker_scenario
) -> None:
    """The scan has teeth: each side's markers are found on its own screen (briefing, its
    draw, draft, orders once submitted) — so their absence elsewhere means something."""
    from game.engine.hidden_types import draw_briefing
    from game.scenario.loader import load_scenario

    secrets = Secrets()
    screens = play(window, qtbot, marker_scenario, "en", secrets)
    next(screens)  # hand-over
    us = next(screens)
    us.setup()
    settle(window, qtbot)
    hits = "\n".join(scan(Secrets().patterns("us", 1), "US screen"))
    assert "us's briefing" in hits and "us's walk-away value" in hits
    assert "us's drawn weight or red-line level" in hits, hits  # its draw, on its own panel
    # China's public prior is on the US's screen (its objectives' texts and ranges), its draw not
    assert "ZPCN-obj1-en objective" in "\n".join(t for w in all_widgets() for t in widget_texts(w))
    assert not scan(Secrets().patterns("china", 1), "US screen")
    # the drawn walk-away's pattern finds the draw as a number would show it
    sc = load_scenario(marker_scenario)
    for side in ("us", "china"):
        walk = draw_briefing(sc, side, SEED).walk_away
        lo, hi = walk_away_range(side)
        assert lo < walk < hi  # a draw on a bound is what the prior shows
        pat = dict(draw_patterns(side))[f"{side}'s drawn walk-away value"]
        assert pat.search(f"walk-away {walk:g}") and pat.search(f"score {walk:.2f}")
        assert not pat.search(f"between {lo:g} and {hi:g}")
    secrets.moves.append(private_move("us", 1))
    hits = "\n".join(scan(secrets.patterns("us", 1), "US screen"))
    assert "press words of turn 1" in hits and "us_tariff_reciprocal → 115 of turn 1" in hits
    assert not scan(secrets.patterns("china", 1), "US screen")
    # the US's draft at the table, on its own screen
    screen = next(screens)
    while screen.name != "US at the table (a draft typed)":
        screen = next(screens)
    screen.setup()
    settle(window, qtbot)
    hits = "\n".join(scan(all_secrets().patterns("us", 1), "US at the table"))
    assert "us's unsent draft" in hits, hits
    # and China's briefing on China's screen
    while screen.name != "China at the table, the US's offer pending":
        screen = next(screens)
    settle(window, qtbot)
    hits = "\n".join(scan(all_secrets().patterns("china", 1), "China at the table"))
    assert "china's briefing" in hits and "china's walk-away value" in hits, hits


# ------------------------------------------------------------------ the five leaks of issue 11
def _us_orders_then_china_ready(window, qtbot, marker_scenario, secrets: Secrets) -> None:
    """Hot-seat Geneva: the US sets its reciprocal tariff to 115% with a firm statement in
    words of its own and submits; China presses Ready."""
    start(window, qtbot, marker_scenario)
    ready(window, qtbot)
    submit_orders(window, qtbot, secrets, "us", 1)
    assert handover_up(window) and window.handover.side == "china"
    ready(window, qtbot)
    assert shown(window) == "china"


def test_leak1_replay_of_a_save_or_the_autosave_of_the_running_game_is_refused(
    window, qtbot, monkeypatch, tmp_path, home, marker_scenario
) -> None:
    from game.saves.autosave import AUTOSAVE_NAME, autosave_dir
    from game.ui.replay import ReplayViewer

    secrets = Secrets()
    _us_orders_then_china_ready(window, qtbot, marker_scenario, secrets)
    answerer = DialogAnswerer(monkeypatch, tmp_path / "mid-game.ttsave.json")
    pats = secrets.patterns("us", 1)
    findings: list[str] = []
    answerer.run(lambda: press(window, QKeySequence("Ctrl+S")), lambda: pats, "Ctrl+S")
    assert (tmp_path / "mid-game.ttsave.json").exists()
    window.autosave.wait()
    autosave = autosave_dir() / AUTOSAVE_NAME
    assert autosave.exists()
    for path in (tmp_path / "mid-game.ttsave.json", autosave):
        answerer.open_path = path
        answerer.dialogs = []
        answerer.run(window.act_replay.trigger, lambda: pats, f"Game ▸ Replay a saved game… on {path.name}")
        findings += answerer.findings
        for viewer in window.findChildren(ReplayViewer):
            if viewer.isVisible():
                findings += step_sliders(viewer, pats, f"replay of {path.name}")
                findings.append(f"a replay of {path.name} opened mid-game")
                viewer.close()
        if not answerer.dialogs:  # a plain refusal instead
            findings.append(f"no message when replaying {path.name} mid-game")
    assert not findings, report(findings)
    assert shown(window) == "china" and len(window.session.game.actions) == 1

    # once the game is over, the replay opens (on the save made at its end)
    from game.engine import WalkOut

    assert window.act(WalkOut(side="china"))
    qtbot.waitUntil(lambda: window.session.over, timeout=30_000)
    end_save = tmp_path / "end.ttsave.json"
    assert window.save_to(end_save)
    answerer.open_path = end_save
    answerer.run(window.act_replay.trigger, list, "replay after the game")
    viewers = [v for v in window.findChildren(ReplayViewer) if v.isVisible()]
    assert viewers, "the replay did not open after the game was over"
    viewer = viewers[-1]
    viewer.slider.setValue(viewer.slider.maximum())
    text = viewer.events.toPlainText()
    assert "ZQUP1" in text or "115%" in text, text  # everything is revealed now
    viewer.close()


def test_leak2_undo_on_the_hand_over_does_not_take_back_the_other_sides_move(
    window, qtbot, home, marker_scenario
) -> None:
    secrets = Secrets()
    start(window, qtbot, marker_scenario)
    ready(window, qtbot)
    submit_orders(window, qtbot, secrets, "us", 1)
    assert handover_up(window) and window.handover.side == "china"
    actions = list(window.session.game.actions)
    # Ctrl+Z, then Edit ▸ Undo, on "Pass to the China delegation"
    press(window, QKeySequence("Ctrl+Z"))
    settle(window, qtbot)
    window.act_undo.trigger()
    settle(window, qtbot)
    assert list(window.session.game.actions) == actions, "the US's submitted orders were taken back"
    assert handover_up(window) and window.handover.side == "china", "the screen went back to the US"
    assert not scan(secrets.patterns("us", 1) + secrets.patterns("china", 1), "hand-over after Ctrl+Z")

    # and an offer: China answers nothing yet — the US proposes, then Ctrl+Z on China's hand-over
    ready(window, qtbot)
    submit_orders(window, qtbot, secrets, "china", 1)
    ready(window, qtbot)
    table = window.page.table
    table._reset_builder()
    for iid, value, dur in package_for("us", 1):
        set_level(window, iid, value, builder=True)
        if dur:
            table.rows[iid].duration.setValue(dur)
    click(qtbot, table.send_btn)
    wait_for_human(window, qtbot)
    assert handover_up(window) and window.handover.side == "china"
    offers = len(window.session.game.state.offers)
    actions = list(window.session.game.actions)
    press(window, QKeySequence("Ctrl+Z"))
    window.act_undo.trigger()
    settle(window, qtbot)
    assert list(window.session.game.actions) == actions and len(window.session.game.state.offers) == offers
    assert window.session.game.state.pending_offer is not None, "the US's offer was taken back"
    assert handover_up(window) and window.handover.side == "china"
    assert not window.act_undo.isEnabled()


def test_leak3_edit_this_scenario_during_chinas_phase_says_it_opens_after_the_game(
    window, qtbot, monkeypatch, tmp_path, home, marker_scenario
) -> None:
    from game.ui.editor import ScenarioEditor

    secrets = Secrets()
    _us_orders_then_china_ready(window, qtbot, marker_scenario, secrets)
    answerer = DialogAnswerer(monkeypatch, tmp_path / "x.ttsave.json")
    answerer.open_path = marker_scenario  # if the editor asks for a file, it gets this one
    pats = secrets.patterns("us", 1)
    findings: list[str] = []
    texts: list[str] = []
    for how, run in (
        ("Ctrl+E", lambda: press(window, QKeySequence("Ctrl+E"))),
        ("Scenario ▸ Edit this scenario…", window.act_edit_scenario.trigger),
    ):
        answerer.dialogs = []
        answerer.run(run, lambda: pats, how)
        settle(window, qtbot)
        findings += answerer.findings + scan(pats, how)
        editors = [e for e in window.findChildren(ScenarioEditor) if e.isVisible()]
        editors += [
            e for e in QApplication.topLevelWidgets() if isinstance(e, ScenarioEditor) and e.isVisible()
        ]
        for e in editors:
            findings.append(f"{how}: the scenario editor opened during China's phase")
            e.confirm_on_close = False
            e.close()
        if not answerer.dialogs:
            findings.append(f"{how}: no message saying why the editor does not open")
        texts.append(window.statusBar().currentMessage())
    assert not findings, report(findings)
    assert any("over" in t for t in texts), texts  # it says when it opens: once the game is over


def test_edit_this_scenario_on_a_hot_seat_game_opened_from_its_save_stays_closed(
    window, qtbot, monkeypatch, tmp_path, home, marker_scenario
) -> None:
    """Found by the audit (not in issue 11's list): a hot-seat game opened from a save or
    resumed from the autosave, on a scenario that is not a built-in one (the player's own,
    an edited copy), no longer knows its scenario file — so Ctrl+E asks for a file, and the
    scenario file or the game's own save chosen there opened in the editor, both briefings
    and the US's orders in it."""
    from game.ui.editor import ScenarioEditor

    secrets = Secrets()
    _us_orders_then_china_ready(window, qtbot, marker_scenario, secrets)
    save = tmp_path / "hot-seat.ttsave.json"
    answerer = DialogAnswerer(monkeypatch, save)
    pats = secrets.patterns("us", 1)
    answerer.run(lambda: press(window, QKeySequence("Ctrl+S")), lambda: pats, "Ctrl+S")
    answerer.open_path = save
    answerer.run(lambda: press(window, QKeySequence("Ctrl+O")), lambda: pats, "Ctrl+O")  # Game ▸ Open…
    wait_for_human(window, qtbot)
    ready(window, qtbot)
    assert shown(window) == "china" and len(window.session.game.actions) == 1
    findings: list[str] = []
    for chosen in (marker_scenario, save):
        answerer.open_path = chosen  # what the player picks, if Edit asks for a file
        how = f"Ctrl+E (a file dialog would answer {chosen.name})"
        answerer.run(lambda: press(window, QKeySequence("Ctrl+E")), lambda: pats, how)
        settle(window, qtbot)
        findings += answerer.findings + scan(pats, how)
        answerer.findings = []
        for e in QApplication.topLevelWidgets():
            if isinstance(e, ScenarioEditor) and e.isVisible():
                findings.append(f"{how}: the scenario editor opened on {e.path} during China's phase")
                e.confirm_on_close = False
                e.close()
    assert not findings, report(findings)


@pytest.mark.parametrize("priors", [True, False], ids=["priors", "fixed"])
def test_leak5_panel_contexts_carry_only_the_shown_sides_briefing(
    window, qtbot, monkeypatch, home, tmp_path, priors
) -> None:
    """Every Ctx a panel renders holds nothing of the other side's briefing: no Briefing of
    it, no text with its marker, anywhere in the objects reachable from the Ctx — but, with
    priors (rule 7.3), the other side's public prior as the scenario gives it less its summary
    (never its draw), and this side's own prior."""
    from game.engine.hidden_types import public_prior
    from game.scenario.loader import load_scenario
    from game.scenario.models import Briefing
    from game.ui import common

    marker_scenario = write_marker_scenario(tmp_path / "geneva-markers.yaml", priors=priors)
    sc = load_scenario(marker_scenario)

    seen: list[object] = []
    from game.ui import panels

    for cls in (
        panels.BriefingPanel,
        panels.OrdersPanel,
        panels.TablePanel,
        panels.MetersPanel,
        panels.NewsPanel,
    ):
        original = cls.refresh

        def wrapped(self, ctx, _original=original) -> object:
            seen.append(ctx)
            return _original(self, ctx)

        monkeypatch.setattr(cls, "refresh", wrapped)
    _us_orders_then_china_ready(window, qtbot, marker_scenario, Secrets())
    settle(window, qtbot)
    assert seen and all(isinstance(c, common.Ctx) for c in seen)
    sides = {c.view.side for c in seen}
    assert sides == {"us", "china"}, sides
    state = window.session.game.state
    for ctx in seen:
        side = ctx.view.side
        other = "china" if side == "us" else "us"
        prior = public_prior(sc, other)
        assert ctx.view.other_prior == prior and (prior is not None) == priors
        assert ctx.view.briefing == state.briefings.get(side, sc.briefings[side])  # its own draw
        public = [b for b in (ctx.view.my_prior, ctx.view.other_prior) if b is not None]
        if priors:
            assert state.briefings[other] != prior  # its draw is not its prior: it would be found
            assert PUBLIC_MARK[other] in repr(ctx.view.other_prior)
            # the public prior holds none of the other's private texts: its summary is blanked
            assert MARK[other].lower() not in repr(ctx.view.other_prior).lower()
        bad = _reachable_secrets(ctx, MARK[other], Briefing, ctx.view.briefing, public)
        assert not bad, f"a Ctx for {side} reaches {other}'s briefing: " + "; ".join(bad[:5])
        assert set(ctx.rules.scenario.briefings) == {side}


def _reachable_secrets(
    root: object, marker: str, briefing_cls: type, own: object, public: list[object] | None = None
) -> list[str]:
    """Paths from ``root`` to a string holding ``marker``, or to a Briefing other than ``own``
    (a Briefing in ``public`` — a prior — is allowed, and not looked into)."""
    import enum

    found: list[str] = []
    seen: set[int] = set()
    stack: list[tuple[object, str]] = [(root, "ctx")]
    marker_l = marker.lower()
    while stack and len(seen) < 400_000:
        obj, path = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            if marker_l in obj.lower():
                found.append(f"{path} = {obj[:60]!r}")
            continue
        if obj is None or isinstance(obj, int | float | bool | bytes | complex | enum.Enum | type):
            continue
        if isinstance(obj, briefing_cls) and any(obj is p or obj == p for p in public or ()):
            continue
        if isinstance(obj, briefing_cls) and obj is not own and obj != own:
            found.append(f"{path}: a Briefing")
        if isinstance(obj, QObject):
            found.append(f"{path}: a Qt object ({type(obj).__name__})")
            continue
        if isinstance(obj, dict):
            for k, v in obj.items():
                stack.append((k, f"{path}[key]"))
                stack.append((v, f"{path}[{k!r}]"))
            continue
        if isinstance(obj, list | tuple | set | frozenset):
            for i, v in enumerate(obj):
                stack.append((v, f"{path}[{i}]"))
            continue
        mod = type(obj).__module__
        if mod.startswith(("numpy",)):
            continue
        attrs = dict(getattr(obj, "__dict__", {}) or {})
        for slot in getattr(type(obj), "__slots__", ()):
            if hasattr(obj, slot):
                attrs[slot] = getattr(obj, slot)
        for name in getattr(type(obj), "__dataclass_fields__", {}):
            attrs.setdefault(name, getattr(obj, name, None))
        for name, v in attrs.items():
            if callable(v) and not hasattr(v, "__dict__"):
                continue
            stack.append((v, f"{path}.{name}"))
    return found

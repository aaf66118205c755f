"""The AI thinks off the GUI thread, and the window's event loop keeps running while it does.

Nothing here depends on the machine's speed: the AI's ``decide()`` does pure-Python busy
work (it holds the GIL in bursts, like a deep lookahead) until the window's heartbeat has
ticked a number of times *during that call*, or gives up after a fixed number of bursts.
If the AI ran on the GUI thread, or starved it of the GIL, no beat could land while it
thinks and the test fails. How long the event loop may stall is a speed question: it is
measured by ``benchmarks/responsive.py``, not here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from uitest_driver import GENEVA, play_step, wait_for_human

from game.ai import make_ai
from game.engine import Action, View
from game.scenario.loader import load_scenario
from game.session import HumanSeat, Session
from game.ui.dialogs import GameConfig

#: Beats of the window's heartbeat that must land while one decide() call runs.
BEATS_PER_DECISION = 5
#: Bursts of busy work after which a decide() call gives up waiting for the beats.
MAX_BURSTS = 100_000


class Heartbeat:
    """A 5 ms timer on the GUI thread; counts the beats that land while the AI's decide() runs."""

    def __init__(self) -> None:
        self.thinking = threading.Event()  # set by the AI while it is inside decide()
        self.enough = threading.Event()  # set here once enough beats landed in this decide()
        self.beats_now = 0
        self.beats_while_thinking = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.beat)

    def beat(self) -> None:
        if not self.thinking.is_set():
            return
        self.beats_now += 1
        self.beats_while_thinking += 1
        if self.beats_now >= BEATS_PER_DECISION:
            self.enough.set()

    def begin(self) -> None:
        self.enough.clear()
        self.beats_now = 0
        self.thinking.set()

    def end(self) -> None:
        self.thinking.clear()


@dataclass
class BusyAI:
    """The real AI, then busy work until the heartbeat has ticked BEATS_PER_DECISION times."""

    inner: object
    heartbeat: Heartbeat
    label: str = "ai:pragmatist:normal"
    is_human: bool = False
    threads: list[int] = field(default_factory=list)
    satisfied: list[bool] = field(default_factory=list)

    def decide(self, v: View) -> Action:
        self.threads.append(threading.get_ident())
        self.heartbeat.begin()
        try:
            action = self.inner.decide(v)  # type: ignore[attr-defined]
            bursts = 0
            while not self.heartbeat.enough.is_set() and bursts < MAX_BURSTS:
                sum(i * i for i in range(3000))
                bursts += 1
            self.satisfied.append(self.heartbeat.enough.is_set())
        finally:
            self.heartbeat.end()
        return action


def test_the_ai_decides_off_the_gui_thread_while_the_heartbeat_keeps_ticking(window, qtbot):
    gui_thread = threading.get_ident()
    scenario = load_scenario(GENEVA)
    hb = Heartbeat()
    ai = BusyAI(make_ai("pragmatist", "normal"), hb)
    session = Session.new(scenario, {"us": HumanSeat(), "china": ai}, seed=3)
    window.start_session(session, GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    hb.timer.start()
    try:
        while not session.over and session.game.state.turn <= 2:
            wait_for_human(window, qtbot)
            if session.over:
                break
            play_step(window, qtbot, propose_from_turn=99)
    finally:
        hb.timer.stop()
    assert len(ai.threads) >= 3, "the AI did not think"
    assert gui_thread not in ai.threads, "the AI's decide() ran on the GUI thread"
    assert all(ai.satisfied), (
        f"the heartbeat stopped while the AI thought: {ai.satisfied.count(False)} of "
        f"{len(ai.satisfied)} decisions saw fewer than {BEATS_PER_DECISION} beats"
    )
    assert hb.beats_while_thinking >= BEATS_PER_DECISION * len(ai.threads)


@dataclass
class HeldAI:
    """The real AI, held inside decide() until the test releases it."""

    inner: object
    label: str = "ai:hardliner:normal"
    is_human: bool = False
    entered: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def decide(self, v: View) -> Action:
        action = self.inner.decide(v)  # type: ignore[attr-defined]
        self.entered.set()
        self.release.wait(timeout=60)  # a guard against a hung test, never reached when it passes
        return action


def test_thinking_state_is_visible(window, qtbot):
    scenario = load_scenario(GENEVA)
    held = HeldAI(make_ai("hardliner", "normal"))
    # China is human, so the US AI moves first
    session = Session.new(scenario, {"us": held, "china": HumanSeat()}, seed=4)
    try:
        window.start_session(session, GameConfig(GENEVA, "china", "ai", seed=4, lang="en"))
        qtbot.waitUntil(held.entered.is_set, timeout=30_000)
        qtbot.waitUntil(lambda: window.page.busy.isVisible(), timeout=30_000)
        assert "thinking" in window.page.thinking.text()
        assert "thinking" in window.page.phase.text()
        assert not window.page.end_btn.isEnabled()
    finally:
        held.release.set()
    wait_for_human(window, qtbot)
    assert not window.page.busy.isVisible()
    assert window.page.end_btn.isEnabled()

"""While the AI thinks, the window's event loop never stalls for more than 50 ms."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from uitest_driver import GENEVA, play_step, wait_for_human

from game.ai import make_ai
from game.engine import Action, View
from game.scenario.loader import load_scenario
from game.session import HumanSeat, Session
from game.ui.dialogs import GameConfig

MAX_STALL_S = 0.050


@dataclass
class SlowAI:
    """The real AI, plus pure-Python busy work (it holds the GIL in bursts, like a deep lookahead)."""

    inner: object
    seconds: float
    label: str = "ai:pragmatist:normal"
    is_human: bool = False
    calls: list[float] = field(default_factory=list)

    def decide(self, v: View) -> Action:
        start = time.perf_counter()
        action = self.inner.decide(v)  # type: ignore[attr-defined]
        while time.perf_counter() - start < self.seconds:
            sum(i * i for i in range(3000))
        self.calls.append(time.perf_counter() - start)
        return action


class Heartbeat:
    """A 5 ms timer; records the gaps that start while the AI is thinking."""

    def __init__(self, window) -> None:
        self.window = window
        self.gaps: list[float] = []
        self.last: tuple[float, bool] | None = None
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.beat)

    def beat(self) -> None:
        now = time.perf_counter()
        thinking = bool(self.window.controller and self.window.controller.ai_busy)
        if self.last is not None and self.last[1]:
            self.gaps.append(now - self.last[0])
        self.last = (now, thinking)


def test_event_loop_never_stalls_while_the_ai_thinks(window, qtbot):
    scenario = load_scenario(GENEVA)
    slow = SlowAI(make_ai("pragmatist", "normal"), seconds=0.25)
    session = Session.new(scenario, {"us": HumanSeat(), "china": slow}, seed=3)
    window.start_session(session, GameConfig(GENEVA, "us", "ai", seed=3, lang="en"))
    hb = Heartbeat(window)
    hb.timer.start()
    try:
        while not session.over and session.game.state.turn <= 2:
            wait_for_human(window, qtbot)
            if session.over:
                break
            play_step(window, qtbot, propose_from_turn=99)
    finally:
        hb.timer.stop()
    assert len(slow.calls) >= 3, "the AI did not think"
    assert len(hb.gaps) > 50, "no heartbeat while the AI was thinking"
    worst = max(hb.gaps)
    assert worst <= MAX_STALL_S, f"the event loop stalled for {worst * 1000:.0f} ms while the AI thought"


def test_thinking_state_is_visible(window, qtbot):
    scenario = load_scenario(GENEVA)
    slow = SlowAI(make_ai("hardliner", "normal"), seconds=0.3)
    # China is human, so the US AI moves first
    session = Session.new(scenario, {"us": slow, "china": HumanSeat()}, seed=4)
    window.start_session(session, GameConfig(GENEVA, "china", "ai", seed=4, lang="en"))
    qtbot.waitUntil(lambda: window.page.busy.isVisible(), timeout=5_000)
    assert "thinking" in window.page.thinking.text()
    assert "thinking" in window.page.phase.text()
    assert not window.page.end_btn.isEnabled()
    wait_for_human(window, qtbot)
    assert not window.page.busy.isVisible()
    assert window.page.end_btn.isEnabled()

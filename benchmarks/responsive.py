"""How long the window's event loop stalls while the AI thinks, against the same loop idle.

Run: ``.venv/bin/python benchmarks/responsive.py [--rounds 6]``. Target: the worst gap while
the AI thinks is at most 10x the worst gap of the same heartbeat while nothing thinks
(with a 5 ms heartbeat, about 50 ms: below what a person notices as a stall).

A Geneva game in the real window (Qt's offscreen platform off a desktop): the US is
played through the widgets as a person would (tests/ui/uitest_driver.py), China is the
real pragmatist AI plus pure-Python busy work of ``--think`` seconds per decision (it holds
the GIL in bursts, like a deep lookahead). A 5 ms heartbeat timer on the GUI thread records
the gap between its beats. Each round has two measurements of the same length:

- **idle** (the baseline): the human's turn, the game on the table, nothing thinking;
- **thinking**: the human acts, and the gaps are recorded while the AI decides.

The ratio is taken per round (worst thinking gap / worst idle gap) and its median is the
figure compared with the target; the absolute worst gaps are printed for information. The
test suite checks only what does not depend on speed (tests/ui/test_ui_responsive.py: the
AI runs off the GUI thread and the heartbeat keeps ticking while it thinks).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="tariff-talks-bench-"))
os.environ.setdefault("TARIFF_TALKS_HOME", tempfile.mkdtemp(prefix="tariff-talks-bench-home-"))
os.environ.setdefault("TARIFF_TALKS_THEME", "light")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TARGET_RATIO = 10.0
HEARTBEAT_MS = 5


class Bot:
    """The few pytest-qt calls uitest_driver uses, without pytest."""

    def mouseClick(self, widget, button=Qt.MouseButton.LeftButton) -> None:
        QTest.mouseClick(widget, button)

    def wait(self, ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def waitUntil(self, predicate: Callable[[], bool], timeout: int = 60_000) -> None:
        deadline = time.perf_counter() + timeout / 1000
        while not predicate():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window never reached the expected state")
            self.wait(2)


@dataclass
class SlowAI:
    """The real AI, plus pure-Python busy work."""

    inner: object
    seconds: float
    label: str = "ai:pragmatist:normal"
    is_human: bool = False
    calls: list[float] = field(default_factory=list)

    def decide(self, v):
        start = time.perf_counter()
        action = self.inner.decide(v)  # type: ignore[attr-defined]
        while time.perf_counter() - start < self.seconds:
            sum(i * i for i in range(3000))
        self.calls.append(time.perf_counter() - start)
        return action


class Heartbeat:
    """A timer on the GUI thread; each gap between beats goes to the list ``into`` names."""

    def __init__(self) -> None:
        self.last: float | None = None
        self.into: list[float] | None = None
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.beat)

    def beat(self) -> None:
        now = time.perf_counter()
        if self.last is not None and self.into is not None:
            self.into.append(now - self.last)
        self.last = now

    def record(self, into: list[float] | None) -> None:
        self.into = into
        self.last = None  # a gap never spans two measurements


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=6, help="rounds of idle + thinking (default 6)")
    p.add_argument("--think", type=float, default=0.4, help="seconds each AI decision takes (default 0.4)")
    args = p.parse_args(argv)

    from uitest_driver import GENEVA, play_step, wait_for_human

    from game.ai import make_ai
    from game.scenario.loader import load_scenario
    from game.session import HumanSeat, Session
    from game.ui import workers
    from game.ui.app import make_app
    from game.ui.dialogs import GameConfig
    from game.ui.main_window import MainWindow

    QApplication.instance() or QApplication([])
    make_app()
    bot = Bot()
    win = MainWindow("en")
    win.min_think_ms = 0
    win.resize(1366, 768)
    win.show()
    hb = Heartbeat()
    hb.timer.start()

    results: list[tuple[float, float]] = []  # (worst idle gap, worst thinking gap) per round
    seed = 3
    try:
        while len(results) < args.rounds:
            scenario = load_scenario(GENEVA)
            slow = SlowAI(make_ai("pragmatist", "normal"), seconds=args.think)
            session = Session.new(scenario, {"us": HumanSeat(), "china": slow}, seed=seed)
            win.start_session(session, GameConfig(GENEVA, "us", "ai", seed=seed, lang="en"))
            seed += 1
            while len(results) < args.rounds and not session.over:
                wait_for_human(win, bot)
                if session.over:
                    break
                idle: list[float] = []
                hb.record(idle)
                bot.wait(int(args.think * 1000))
                thinking: list[float] = []
                calls = len(slow.calls)
                hb.record(thinking)
                play_step(win, bot, propose_from_turn=99)
                # the AI starts right after the human's action; record until it has answered
                bot.waitUntil(lambda s=session: not win.controller.ai_busy or s.over, timeout=120_000)
                hb.record(None)
                if len(slow.calls) > calls and idle and thinking:
                    results.append((max(idle), max(thinking)))
    finally:
        hb.timer.stop()
        if win.controller is not None:
            win.controller.stop()
        workers.wait_all(30_000)
        if win.autosave is not None:
            win.autosave.shutdown()

    med = statistics.median
    ratios = [t / i for i, t in results]
    ratio = med(ratios)
    worst_idle = max(i for i, _ in results)
    worst_thinking = max(t for _, t in results)
    print(f"heartbeat every {HEARTBEAT_MS} ms; {len(results)} rounds; AI decision {args.think:.2f} s each")
    print(
        f"worst gap, idle (baseline):   median {med(i for i, _ in results) * 1000:6.1f} ms, max {worst_idle * 1000:6.1f} ms"
    )
    print(
        f"worst gap, while AI thinks:   median {med(t for _, t in results) * 1000:6.1f} ms, max {worst_thinking * 1000:6.1f} ms"
    )
    verdict = "ok" if ratio <= TARGET_RATIO else "SLOW"
    print(f"ratio thinking / idle: median {ratio:.2f}x (target <= {TARGET_RATIO:g}x): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run slow, pure functions off the GUI thread.

A :class:`Task` runs ``fn()`` on Qt's global thread pool and delivers the result
(or the exception) back on the GUI thread through queued signals. Receivers must
be bound methods of QObjects that live in the GUI thread, so that Qt queues the
call to that thread.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar, overload

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_live: set[Task] = set()
_lock = threading.Lock()
_running = 0
_saved_interval: float | None = None

#: While a task runs, Python switches threads this often (seconds). The GUI thread then
#: waits at most this long for the GIL each time it needs it, instead of the default 5 ms,
#: so pure-Python work in a worker (the AI's lookahead) cannot stall the event loop.
BUSY_SWITCH_INTERVAL_S = 0.0005


def _enter() -> None:
    global _running, _saved_interval
    with _lock:
        if _running == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(BUSY_SWITCH_INTERVAL_S)
        _running += 1


def _leave() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _saved_interval is not None:
            sys.setswitchinterval(_saved_interval)


class _Signals(QObject):
    done = Signal(object, object)  # (tag, result)
    failed = Signal(object, object)  # (tag, exception)


class Task(QRunnable):
    """``fn()`` in a worker thread; ``done(tag, result)`` or ``failed(tag, exc)`` on the GUI thread."""

    def __init__(self, fn: Callable[[], Any], tag: object = None) -> None:
        super().__init__()
        self.fn = fn
        self.tag = tag
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        _enter()
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(self.tag, exc)
        else:
            self.signals.done.emit(self.tag, result)
        finally:
            _leave()
            _live.discard(self)


_Tag = TypeVar("_Tag")
_Result = TypeVar("_Result")


@overload
def start(
    fn: Callable[[], _Result],
    on_done: Callable[[None, _Result], None],
    on_failed: Callable[[None, Exception], None],
) -> Task: ...
@overload
def start(
    fn: Callable[[], _Result],
    on_done: Callable[[_Tag, _Result], None],
    on_failed: Callable[[_Tag, Exception], None],
    tag: _Tag,
) -> Task: ...
def start(
    fn: Callable[[], Any],
    on_done: Callable[[Any, Any], None],
    on_failed: Callable[[Any, Exception], None],
    tag: object = None,
) -> Task:
    """Start ``fn`` on the global pool; connect the result to ``on_done``/``on_failed``."""
    task = Task(fn, tag)
    task.signals.done.connect(on_done)
    task.signals.failed.connect(on_failed)
    _live.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_all(msecs: int = 30_000) -> bool:
    """Wait for every running task (used when closing the window and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)

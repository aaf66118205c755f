"""``GameState.copy()``: a deep copy that never touches its source, even with threads copying at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pytest

from game.ai import make_ai
from game.engine import GameState
from game.engine.state import NewsItem
from game.session import Session

COPIERS = 4
WAIT_S = 60.0  # only so that a broken copy fails instead of hanging; never reached when it works


@pytest.fixture(scope="module")
def midgame_state(geneva) -> GameState:
    """The state of an AI-vs-AI game a few turns in (agreements, offers, news and history filled in)."""
    s = Session.new(geneva, {side: make_ai() for side in geneva.side_ids}, seed=5)
    while not s.over and s.game.state.turn < 4:
        s.step_ai()
    assert s.game.state.history and s.game.state.news
    return s.game.state


def _econ_arrays(state: GameState) -> dict[str, np.ndarray]:
    return {k: v for k, v in vars(state.econ).items() if isinstance(v, np.ndarray)}


@dataclass
class _Rendezvous(NewsItem):
    """A news item whose deep copy, on a copier thread, waits for the reader at ``inside`` and
    then for ``release``: every copier is stopped in the middle of its copy while the reader looks."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Rendezvous:
        gate = _GATES.get(threading.get_ident())
        if gate is not None:
            gate.inside.wait()
            gate.release.wait()
            gate.passed = True
        return _Rendezvous(**{f.name: getattr(self, f.name) for f in fields(self)})


@dataclass
class _Gate:
    inside: threading.Barrier
    release: threading.Barrier
    passed: bool = False


_GATES: dict[int, _Gate] = {}  # copier thread -> its gate


def _check(look: Callable[[], bool]) -> bool | str:
    """``look()``, or what it raised (a source caught half-way may not even hash)."""
    try:
        return look()
    except Exception as err:
        return f"{type(err).__name__}: {err}"


def test_copy_from_several_threads_while_another_reads_econ(midgame_state) -> None:
    src = midgame_state.copy()
    src.news.append(_Rendezvous(turn=src.turn, kind="event", headline="rendezvous"))
    econ = src.econ
    before_hash = src.state_hash()
    before_arrays = {k: a.copy() for k, a in _econ_arrays(src).items()}
    inside = threading.Barrier(COPIERS + 1, timeout=WAIT_S)
    release = threading.Barrier(COPIERS + 1, timeout=WAIT_S)
    copies: list[GameState] = []
    errors: list[BaseException] = []

    def copier() -> None:
        gate = _GATES[threading.get_ident()] = _Gate(inside, release)
        try:
            copies.append(src.copy())
        except BaseException as err:  # reported by the test below
            errors.append(err)
            if not gate.passed:  # failed before the rendezvous: do not leave the reader waiting
                inside.abort()
                release.abort()
        finally:
            _GATES.pop(threading.get_ident(), None)

    threads = [threading.Thread(target=copier, name=f"copier-{i}") for i in range(COPIERS)]
    for t in threads:
        t.start()
    try:
        inside.wait()  # every copier is now inside src.copy(), stopped half-way
        during = {
            "econ is the same object": _check(lambda: src.econ is econ),
            "same state": _check(lambda: src.state_hash() == before_hash),
            "same economy arrays": _check(
                lambda: all(
                    np.array_equal(a, before_arrays[k], equal_nan=True) for k, a in _econ_arrays(src).items()
                )
            ),
        }
        release.wait()
    except BaseException:
        inside.abort()
        release.abort()
        raise
    finally:
        for t in threads:
            t.join(WAIT_S)
    assert during == dict.fromkeys(during, True)
    assert not errors, errors
    assert len(copies) == COPIERS
    # after: the source is untouched, and every copy is equal to it but shares no economy array with it
    assert src.econ is econ and src.state_hash() == before_hash
    for c in copies:
        assert c is not src and c.econ is not econ
        assert c.state_hash() == before_hash
        for k, a in _econ_arrays(c).items():
            assert not np.shares_memory(a, getattr(econ, k)), k


def test_copy_leaves_the_source_identical_and_is_independent(midgame_state) -> None:
    src = midgame_state.copy()
    econ = src.econ
    arrays = {k: id(a) for k, a in _econ_arrays(src).items()}
    before = src.state_hash()
    clone = src.copy()
    assert src.econ is econ and {k: id(a) for k, a in _econ_arrays(src).items()} == arrays
    assert clone.state_hash() == before == src.state_hash()
    assert clone.to_dict() == src.to_dict()
    # changing the copy everywhere leaves the source as it was
    for a in _econ_arrays(clone).values():
        a[...] = 0
    clone.levels[next(iter(clone.levels))] += 1.0
    clone.news[0].headline = "changed"
    clone.history[-1].meters[next(iter(clone.history[-1].meters))].clear()
    next(iter(clone.sides.values())).political_capital -= 1.0
    assert src.state_hash() == before
    assert clone.state_hash() != before

"""The same seed gives the same game on every x86-64 machine: importing ``game`` keeps numpy on
its baseline instructions, whose exp and log do not depend on the CPU (AVX-512's differ in the
last bits, and the recorded games of ``tests/test_same_games.py`` replayed differently on an
AVX2 machine than on the AVX-512 one that recorded them)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

X86 = platform.machine().lower() in ("x86_64", "amd64")


def _numpy_at_least(major: int, minor: int) -> bool:
    import numpy as np

    got = tuple(int(x) for x in np.__version__.split(".")[:2])
    return got >= (major, minor)


@pytest.mark.skipif(not X86, reason="numpy's dispatch levels are x86-64's")
def test_importing_game_first_keeps_numpy_on_its_baseline() -> None:
    if not _numpy_at_least(2, 4):
        pytest.skip("numpy before 2.4 names its features one by one")
    env = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    code = (
        "import game, numpy\n"
        "from numpy._core._multiarray_umath import __cpu_features__ as f\n"
        "print(f['X86_V3'], f['X86_V4'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"], out.stdout + out.stderr


@pytest.mark.skipif(not X86, reason="numpy's dispatch levels are x86-64's")
def test_this_test_run_has_numpy_on_its_baseline() -> None:
    """The tests themselves (the recorded games among them) run pinned: game was imported first."""
    if not _numpy_at_least(2, 4):
        pytest.skip("numpy before 2.4 names its features one by one")
    from numpy._core._multiarray_umath import __cpu_features__ as f

    assert not f["X86_V3"] and not f["X86_V4"]


def test_a_callers_own_setting_is_kept() -> None:
    env = dict(os.environ, NPY_DISABLE_CPU_FEATURES="")
    code = "import os, game\nprint(repr(os.environ['NPY_DISABLE_CPU_FEATURES']))\n"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "''"

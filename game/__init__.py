"""Tariff Talks: a negotiation role-play game of the 2025 US–China tariff war.

Importing the package pins numpy to its baseline instruction set (below), so that the engine
gives the same state bit for bit on every x86-64 machine.
"""

from __future__ import annotations

import os
import sys


def _pin_numpy_instructions() -> None:
    """Keep numpy on its baseline instructions (x86-64-v2) whatever the CPU offers.

    numpy picks faster code for AVX2 and AVX-512 machines at import time, and its AVX-512
    exp and log differ from the baseline's in the last bits: an economy step then differs by
    1e-16, an AI's choice can flip, and a seed's game differs between two machines (the recorded
    games of ``tests/test_same_games.py`` showed it). The environment variable is read once, when
    numpy is first imported, so this must run before; a caller's own setting is kept."""
    if "numpy" in sys.modules or "NPY_DISABLE_CPU_FEATURES" in os.environ:
        return
    try:
        from importlib.metadata import version

        major, minor = (int(x) for x in version("numpy").split(".")[:2])
    except (ImportError, ValueError):
        return
    if (major, minor) >= (2, 4):  # numpy 2.4 dispatches by micro-architecture level
        features = "X86_V3 X86_V4 AVX512_ICL AVX512_SPR"
    else:
        features = "AVX AVX2 FMA3 F16C AVX512F AVX512CD AVX512_KNL AVX512_KNM AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
    import platform

    if platform.machine().lower() in ("x86_64", "amd64"):
        os.environ["NPY_DISABLE_CPU_FEATURES"] = features


_pin_numpy_instructions()

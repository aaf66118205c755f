"""The benchmarks stay runnable: each one imports (its imports name things that exist)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py"))


def test_there_are_benchmarks() -> None:
    assert {p.stem for p in BENCHMARKS} >= {"ai", "economy", "responsive", "startup", "turn"}


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.stem)
def test_a_benchmark_imports(path: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"benchmark_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    env = dict(os.environ)
    try:
        spec.loader.exec_module(module)  # runs only the imports and definitions (main is guarded)
    finally:  # a benchmark may set its own data folders: not for the tests after this one
        os.environ.clear()
        os.environ.update(env)
        sys.modules.pop(spec.name, None)
    assert callable(getattr(module, "main", None))

"""Shared fixtures. The UI tests run on Qt's offscreen platform."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(scope="session")
def geneva():
    import yaml

    from game.scenario.models import Scenario

    return Scenario.model_validate(
        yaml.safe_load((SCENARIOS / "geneva-2025.yaml").read_text(encoding="utf-8"))
    )

"""Shared helpers of the agent-protocol tests."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = Path(__file__).parent / "programs"
BOT = ROOT / "docs" / "examples" / "agent_bot.py"


def cmd(*argv: str | Path) -> str:
    """A ``cmd:`` seat spec running this Python with ``argv``."""
    return "cmd:" + shlex.join([sys.executable, *(str(a) for a in argv)])

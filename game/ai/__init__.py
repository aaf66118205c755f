"""AI negotiators. Seat syntax everywhere: ``ai[:STYLE[:LEVEL]]``."""

from __future__ import annotations

from game.ai.negotiator import Negotiator, NegotiatorConfig

STYLES: dict[str, float] = {"pragmatist": 1.0, "hardliner": 0.3, "conceder": 3.0, "reciprocator": 1.0}
LEVELS: tuple[str, ...] = ("easy", "normal", "hard", "expert")
DEFAULT_STYLE = "pragmatist"
DEFAULT_LEVEL = "normal"


def make_ai(style: str = DEFAULT_STYLE, level: str = DEFAULT_LEVEL) -> Negotiator:
    if style not in STYLES:
        raise ValueError(f"unknown AI style {style!r}; choose from {', '.join(STYLES)}")
    if level not in LEVELS:
        raise ValueError(f"unknown AI level {level!r}; choose from {', '.join(LEVELS)}")
    return Negotiator(label=f"ai:{style}:{level}", config=NegotiatorConfig(beta=STYLES[style]))


def parse_ai_spec(spec: str) -> tuple[str, str]:
    """``ai``, ``ai:STYLE`` or ``ai:STYLE:LEVEL`` -> (style, level); ValueError if malformed."""
    parts = spec.split(":")
    if parts[0] != "ai" or len(parts) > 3:
        raise ValueError(f"{spec!r} is not a seat: use human or ai[:STYLE[:LEVEL]]")
    style = parts[1] if len(parts) > 1 and parts[1] else DEFAULT_STYLE
    level = parts[2] if len(parts) > 2 and parts[2] else DEFAULT_LEVEL
    make_ai(style, level)  # validates
    return style, level

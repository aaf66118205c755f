"""AI negotiators. Seat syntax everywhere: ``ai[:STYLE[:LEVEL]]`` (``ai`` = pragmatist, normal).

Styles (one class each, with metadata for the New game dialog) live in
:mod:`game.ai.styles`; difficulty levels in :mod:`game.ai.levels`; the shared
machinery in :mod:`game.ai.negotiator`; tournaments in :mod:`game.ai.tournament`.
See ``docs/ai.md``.
"""

from __future__ import annotations

from game.ai.levels import LEVEL_SPECS, Level
from game.ai.negotiator import Negotiator
from game.ai.styles import STYLE_CLASSES, Conceder, Hardliner, Pragmatist, Reciprocator

#: style key -> class (each class carries ``name``, ``description`` and ``traits``)
STYLES: dict[str, type[Negotiator]] = dict(STYLE_CLASSES)
#: difficulty levels, weakest first
LEVELS: tuple[str, ...] = ("easy", "normal", "hard", "expert")
DEFAULT_STYLE = "pragmatist"
DEFAULT_LEVEL = "normal"


def make_ai(style: str = DEFAULT_STYLE, level: str = DEFAULT_LEVEL) -> Negotiator:
    """A new AI seat of this style and level (ValueError if either is unknown)."""
    if style not in STYLES:
        raise ValueError(f"unknown AI style {style!r}; choose from {', '.join(STYLES)}")
    if level not in LEVELS:
        raise ValueError(f"unknown AI level {level!r}; choose from {', '.join(LEVELS)}")
    return STYLES[style](level)


def parse_ai_spec(spec: str) -> tuple[str, str]:
    """``ai``, ``ai:STYLE`` or ``ai:STYLE:LEVEL`` -> (style, level); ValueError if malformed."""
    parts = spec.split(":")
    if parts[0] != "ai" or len(parts) > 3:
        raise ValueError(
            f"{spec!r} is not a seat: use human, script, ai[:STYLE[:LEVEL]] or cmd:PROGRAM [ARGS]"
        )
    style = parts[1] if len(parts) > 1 and parts[1] else DEFAULT_STYLE
    level = parts[2] if len(parts) > 2 and parts[2] else DEFAULT_LEVEL
    make_ai(style, level)  # validates
    return style, level


def style_choices() -> list[dict[str, object]]:
    """Styles for the New game dialog: key, name, description, traits."""
    return [
        {"key": k, "name": c.name, "description": c.description, "traits": list(c.traits)}
        for k, c in STYLES.items()
    ]


def level_choices() -> list[dict[str, str]]:
    """Levels for the New game dialog: key and what the level can do."""
    return [{"key": k, "description": LEVEL_SPECS[k].description} for k in LEVELS]


__all__ = [
    "DEFAULT_LEVEL",
    "DEFAULT_STYLE",
    "LEVELS",
    "LEVEL_SPECS",
    "STYLES",
    "Conceder",
    "Hardliner",
    "Level",
    "Negotiator",
    "Pragmatist",
    "Reciprocator",
    "level_choices",
    "make_ai",
    "parse_ai_spec",
    "style_choices",
]

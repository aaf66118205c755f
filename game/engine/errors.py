"""The engine's error family."""

from __future__ import annotations


class IllegalAction(Exception):
    """An action the rules forbid. ``rule`` is the number in docs/rules.md."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"Rule {rule}: {message}")
        self.rule = rule
        self.message = message

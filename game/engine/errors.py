"""The engine's error family."""

from __future__ import annotations

from typing import Any

from game.i18n import t


class IllegalAction(Exception):
    """An action the rules forbid, as data: ``rule`` is the number in docs/rules.md,
    ``msgid`` the English message with ``{placeholders}`` (a catalog's message id) and
    ``fields`` what fills them (ids and numbers, never prose).

    ``message`` is the English sentence (logs, saves, tests); a reader sees
    :meth:`text` in their own language.
    """

    def __init__(self, rule: str, msgid: str, /, **fields: Any) -> None:
        self.rule = rule
        self.msgid = msgid
        self.fields = fields
        self.message = msgid.format(**fields)
        super().__init__(f"Rule {rule}: {self.message}")

    def text(self, lang: str | None) -> str:
        """The refusal's reason in ``lang`` (without the rule number)."""
        return t(lang, self.msgid, **self.fields)

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across worker processes
        return (_rebuild, (self.rule, self.msgid, self.fields))


def _rebuild(rule: str, msgid: str, fields: dict[str, Any]) -> IllegalAction:
    return IllegalAction(rule, msgid, **fields)

"""YAML syntax highlighting for the scenario editor's text view.

A line-by-line highlighter: comments, mapping keys, list dashes, quoted strings,
numbers and dates, booleans and nulls, anchors/aliases/tags, and the block-scalar
indicators (``>-``, ``|``). Colours follow the palette's lightness so that the
dark theme stays readable.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication

#: (name, pattern, group) for the token rules, applied in order (later wins).
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "key",
        re.compile(r"""^\s*(?:-\s+)*([^\s#'"{}\[\],:][^#{}\[\],:]*?|"[^"]*"|'[^']*')\s*(?=:(?:\s|$))"""),
        1,
    ),
    ("key", re.compile(r"""[{,]\s*([A-Za-z_][\w-]*)\s*(?=:\s)"""), 1),
    ("dash", re.compile(r"^\s*(-)(?=\s|$)"), 1),
    (
        "number",
        re.compile(r"""(?<![\w.-])([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?=\s*(?:$|[,}\]#]))"""),
        1,
    ),
    ("date", re.compile(r"""(?<![\w-])(\d{4}-\d{2}-\d{2})(?=\s*(?:$|[,}\]#]))"""), 1),
    ("constant", re.compile(r"""(?<=[:\-\[{,]\s)(true|false|null|~|yes|no)(?=\s*(?:$|[,}\]#]))""", re.I), 1),
    ("special", re.compile(r"""(?<=:\s)([|>][-+]?\d*)\s*(?=$|#)"""), 1),
    ("special", re.compile(r"""([&*][\w-]+|!{1,2}[\w/:.-]*)"""), 1),
    ("string", re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"""), 1),
)
_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _formats(dark: bool) -> dict[str, QTextCharFormat]:
    colours = {
        "key": "#7fb4ff" if dark else "#1f4e9c",
        "dash": "#c0c0c0" if dark else "#555555",
        "number": "#f5b86b" if dark else "#a64b00",
        "date": "#f5b86b" if dark else "#a64b00",
        "constant": "#d48cf0" if dark else "#7a1fa2",
        "special": "#e07a7a" if dark else "#b0262c",
        "string": "#9ad48a" if dark else "#2e7d32",
        "comment": "#8a8f98" if dark else "#6a737d",
    }
    out: dict[str, QTextCharFormat] = {}
    for name, colour in colours.items():
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(colour))
        if name == "key":
            fmt.setFontWeight(QFont.Weight.DemiBold)
        if name == "comment":
            fmt.setFontItalic(True)
        out[name] = fmt
    return out


def comment_start(line: str) -> int | None:
    """Where a ``#`` comment starts on ``line``, ignoring ``#`` inside quotes; None if none."""
    quote: str | None = None
    i = 0
    while i < len(line):
        ch = line[i]
        if quote is not None:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return None


class YamlHighlighter(QSyntaxHighlighter):
    """Highlights YAML in a QTextDocument."""

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        if palette is None:
            app = QApplication.instance()
            palette = app.palette() if isinstance(app, QApplication) else QPalette()
        self.formats = _formats(_is_dark(palette))

    def highlightBlock(self, text: str) -> None:
        cut = comment_start(text)
        code = text if cut is None else text[:cut]
        for name, pattern, group in _RULES:
            for match in pattern.finditer(code):
                start, end = match.span(group)
                if end > start:
                    self.setFormat(start, end - start, self.formats[name])
        if cut is not None:
            self.setFormat(cut, len(text) - cut, self.formats["comment"])


__all__ = ["YamlHighlighter", "comment_start"]

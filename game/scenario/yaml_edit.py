"""Edits of a scenario's YAML text that keep everything else as the author wrote it.

The text is the document: an edit changes only the scalar it is about, at the position the
YAML parser recorded for it, or inserts one ``key: value`` line (one list item) where the
key (item) was absent, or removes one item's lines — the document is never re-dumped, so
comments, key order, quoting and layout survive. No Qt here: the scenario editor's form
(``game.ui.editor``) calls these and puts the result in its text view as one undo step.

Also here, for the form: how a value of the file is shown in one cell (:func:`display`,
:func:`text_part`), how a typed cell is read back (:func:`parse_number`), and the lines of
a new instrument (:func:`new_instrument_lines`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence

import yaml

#: Where a value sits in the document: keys of mappings and indexes of lists, from the top.
KeyPath = tuple[str | int, ...]


class EditError(Exception):
    """A form edit cannot be applied to the text (it does not parse, or the place is missing)."""


_UNSAFE_PLAIN = set(":#,[]{}&*!|>'\"%@`\\")


def _plain_ok(s: str) -> bool:
    """Whether ``s`` can be written as a plain (unquoted) YAML scalar and read back as itself."""
    if not s or s != s.strip() or "\n" in s or any(ch in _UNSAFE_PLAIN for ch in s):
        return False
    if s[0] in "-?" or s.startswith(("- ", "? ")):
        return False
    try:
        loaded: object = yaml.safe_load(s)
    except (yaml.YAMLError, ValueError):
        return False
    return loaded == s


def render_scalar(value: object) -> str:
    """``value`` as a YAML scalar: plain where it reads back the same, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value) if math.isfinite(value) else json.dumps(str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value)
    return s if _plain_ok(s) else json.dumps(s, ensure_ascii=False)


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` (positions included), or None if it does not parse."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    return node


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for k, v in pairs:
            if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                return v
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        items: list[yaml.Node] = node.value
        return items[key]
    return None


def node_at(root: yaml.Node | None, path: KeyPath) -> yaml.Node | None:
    node = root
    for key in path:
        if node is None:
            return None
        node = _child(node, key)
    return node


def _last_index(text: str, node: yaml.Node) -> int:
    """Index just after the last character of ``node``'s content (trailing blanks excluded)."""
    end = node.end_mark.index
    if isinstance(node, yaml.MappingNode) and node.value:
        end = max(_last_index(text, node.value[-1][1]), _last_index(text, node.value[-1][0]))
    elif isinstance(node, yaml.SequenceNode) and node.value:
        end = _last_index(text, node.value[-1])
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _replace_scalar(text: str, node: yaml.ScalarNode, rendered: str) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        # a block scalar ends after its last line break: keep one
        rendered += "\n"
    return _replace(text, start, end, rendered)


def _insert_key(text: str, mapping: yaml.MappingNode, key: str, rendered: str) -> str:
    if mapping.flow_style:
        close = mapping.end_mark.index - 1
        if text[close] != "}":
            raise EditError(f"cannot add `{key}` here: edit it in the text view")
        sep = ", " if mapping.value else ""
        before = close
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        return _replace(text, before, close, f"{sep}{key}: {rendered}" + text[before:close])
    if not mapping.value:
        raise EditError(f"cannot add `{key}` to an empty mapping: edit it in the text view")
    indent = mapping.value[0][0].start_mark.column
    last = _last_index(text, mapping)
    eol = text.find("\n", last)
    if eol < 0:
        eol = len(text)
    return _replace(text, eol, eol, "\n" + " " * indent + f"{key}: {rendered}")


def set_value(text: str, path: KeyPath, value: object) -> str:
    """``text`` with the scalar at ``path`` set to ``value``, all else untouched.

    The scalar is replaced at the position the parser recorded for it. A missing
    last key is added to its mapping (a new line in a block mapping, ``, key: v``
    in a flow mapping). Raises :class:`EditError` if the text does not parse or
    the place cannot be found.
    """
    root = compose(text)
    if root is None:
        raise EditError("the text has a syntax error: fix it in the text view first")
    rendered = render_scalar(value)
    node = node_at(root, path)
    if isinstance(node, yaml.ScalarNode):
        return _replace_scalar(text, node, rendered)
    if node is not None:
        raise EditError(f"{path_text(path)} is not a single value: edit it in the text view")
    parent = node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode) and isinstance(path[-1], str):
        return _insert_key(text, parent, path[-1], rendered)
    raise EditError(f"{path_text(path[:-1])} is missing: add it in the text view")


def set_text(text: str, path: KeyPath, lang: str, value: str) -> str:
    """Set one language of a player-facing text (a plain string, the English, or a mapping
    ``{en: …, zh: …}`` of language codes). A plain string given another language becomes a
    flow mapping in place (``{en: Plain, zh: …}``)."""
    root = compose(text)
    if root is None:
        raise EditError("the text has a syntax error: fix it in the text view first")
    node = node_at(root, path)
    if isinstance(node, yaml.MappingNode) or node is None:
        if node is None and lang != "en":
            raise EditError(f"{path_text(path)} is missing: add it in the text view")
        return set_value(text, (*path, lang) if node is not None else path, value)
    if not isinstance(node, yaml.ScalarNode):
        raise EditError(f"{path_text(path)} is not a text")
    if lang == "en":
        return _replace_scalar(text, node, render_scalar(value))
    # a plain string gains its translation: write it as a flow mapping in place
    english = render_scalar(str(node.value))
    return _replace_scalar(text, node, f"{{en: {english}, {lang}: {render_scalar(value)}}}")


def _item_dash(text: str, item: yaml.Node) -> int:
    """Index of the ``-`` that opens a block sequence item."""
    i = item.start_mark.index - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] != "-":
        raise EditError("this list is not written one item per line: edit it in the text view")
    return i


def append_item(text: str, path: KeyPath, lines: Sequence[str]) -> str:
    """Append a block-sequence item (``lines``, unindented, the first without ``- ``) to the list at ``path``."""
    root = compose(text)
    seq = node_at(root, path)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise EditError(f"{path_text(path)} is not a list written one item per line")
    dash = _item_dash(text, seq.value[0])
    col = dash - (text.rfind("\n", 0, dash) + 1)
    last = _last_index(text, seq)
    eol = text.find("\n", last)
    if eol < 0:
        eol = len(text)
    pad = " " * col
    block = "\n" + pad + "- " + lines[0] + "".join("\n" + pad + "  " + line for line in lines[1:])
    return _replace(text, eol, eol, block)


def remove_item(text: str, path: KeyPath, index: int) -> str:
    """Remove item ``index`` (its lines) from the block list at ``path``."""
    root = compose(text)
    seq = node_at(root, path)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not 0 <= index < len(seq.value):
        raise EditError(f"{path_text(path)} has no item {index}")
    item = seq.value[index]
    start = text.rfind("\n", 0, _item_dash(text, item)) + 1
    end_content = _last_index(text, item)
    end = text.find("\n", end_content)
    end = len(text) if end < 0 else end + 1
    return text[:start] + text[end:]


def path_text(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def minimal_change(old: str, new: str) -> tuple[int, int, str]:
    """``(start, end, replacement)`` such that ``old[:start] + replacement + old[end:] == new``."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


# ---------------------------------------------------------------- the form's cells
def text_part(value: object, lang: str) -> str:
    """One language of a player-facing text: a plain string is the English (no translation)."""
    if isinstance(value, dict):
        part = value.get(lang)
        return "" if part is None else str(part)
    if value is None:
        return ""
    return str(value) if lang == "en" else ""


def display(value: object) -> str:
    """A value of the file as one line of a form (``7.0`` as ``7``, booleans as YAML writes them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_number(text: str) -> object:
    """A number typed in a cell; anything else is kept as text for the validator to report."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def new_instrument_lines(data: object) -> list[str]:
    """The lines of a new instrument for the document ``data`` (its plain data, however
    broken): a tariff of the first side on the second, under an id not yet taken."""
    doc = data if isinstance(data, dict) else {}
    sides_raw = doc.get("sides")
    sides = [s.get("id") for s in sides_raw if isinstance(s, dict)] if isinstance(sides_raw, list) else []
    owner = str(sides[0]) if sides else "us"
    target = str(sides[1]) if len(sides) > 1 else "china"
    instruments = doc.get("instruments")
    existing = (
        {i.get("id") for i in instruments if isinstance(i, dict)} if isinstance(instruments, list) else set()
    )
    n = 1
    while f"new_instrument_{n}" in existing:
        n += 1
    return [
        f"id: new_instrument_{n}",
        "kind: tariff",
        f"owner: {owner}",
        f"target: {target}",
        "unit: pct",
        "name: {en: New instrument, zh: 新工具}",
        "min: 0",
        "max: 100",
        "step: 1",
        "start: 0",
    ]

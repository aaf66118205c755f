"""Safe, bounded YAML reading that remembers where every value came from.

The YAML parser (libyaml when available) produces a stream of events; this
module builds plain Python data from them itself instead of letting PyYAML
construct objects. That gives, in one linear pass:

- no object construction at all: any tag other than the plain YAML types
  (``!!python/object``, ``!foo``, ``!!binary``, …) is a located error;
- a position for every value and key (:class:`Positions`);
- located errors for duplicate keys and non-text keys;
- hard limits on size, nesting depth, alias count and alias expansion, so a
  hostile file ("billion laughs", 100 MB of junk, 100 000 nested brackets) is
  rejected in milliseconds.

Merge keys (``<<: *defaults``) are supported. Aliases share the anchored
Python object; their expansion is counted against :data:`MAX_NODES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final, cast

import yaml
from yaml.constructor import SafeConstructor
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.resolver import Resolver

from game.scenario.diagnostics import Diagnostic, Path, Pos

#: Largest scenario file accepted, in bytes (characters for text already decoded).
MAX_BYTES: Final = 2 * 1024 * 1024
#: Deepest nesting of mappings and lists (a scenario needs about 8).
MAX_DEPTH: Final = 64
#: Most values (scalars, mappings, lists) in a document, aliases expanded.
MAX_NODES: Final = 50_000
#: Most aliases (``*name``) in a document.
MAX_ALIASES: Final = 1_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
#: The tag YAML gives a plain scalar (the stubs leave ``Resolver.resolve`` untyped).
_implicit_tag_of: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = _RESOLVER.resolve
_CONSTRUCTOR = SafeConstructor()
_YAML_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _YAML_TAG + "merge"
_STR_TAG = _YAML_TAG + "str"
_SCALAR_CONSTRUCTORS: dict[str, Any] = {
    _YAML_TAG + "null": SafeConstructor.construct_yaml_null,
    _YAML_TAG + "bool": SafeConstructor.construct_yaml_bool,
    _YAML_TAG + "int": SafeConstructor.construct_yaml_int,
    _YAML_TAG + "float": SafeConstructor.construct_yaml_float,
    _YAML_TAG + "timestamp": SafeConstructor.construct_yaml_timestamp,
    _STR_TAG: SafeConstructor.construct_yaml_str,
}
_KIND_OF_TAG = {
    _YAML_TAG + "null": "null",
    _YAML_TAG + "bool": "boolean",
    _YAML_TAG + "int": "number",
    _YAML_TAG + "float": "number",
    _YAML_TAG + "timestamp": "date",
}
_MAP_TAGS = (None, "!", _YAML_TAG + "map")
_SEQ_TAGS = (None, "!", _YAML_TAG + "seq")

#: Characters YAML does not allow in a file (C0/C1 controls except tab and line
#: breaks, lone surrogates, non-characters).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


class Positions(dict[Path, Pos]):
    """``path -> (line, col)`` (1-based) where each value starts.

    ``key_positions`` maps the same paths to where the *key* naming the value
    starts (mapping entries only).
    """

    def __init__(self) -> None:
        super().__init__()
        self.key_positions: dict[Path, Pos] = {}


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` -> ``!!python/object``."""
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pos_of_index(text: str, index: int) -> Pos:
    """1-based (line, col) of a character index."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _pos(mark: Any) -> Pos:
    return mark.line + 1, mark.column + 1


class _Fatal(Exception):
    """Stops reading: the document cannot be built."""

    def __init__(self, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


class _Special:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY = _Special("<no key>")  # a mapping waiting for its next key
_MERGE = _Special("<<")  # the key of a merge (`<<: *defaults`)
_BAD_KEY = _Special("<bad key>")  # a key that is not text; its value is dropped
_NOTHING = _Special("<nothing>")  # no document


class _Frame:
    """A mapping or list being built."""

    __slots__ = (
        "anchor",
        "entry_index",
        "is_map",
        "key",
        "key_pos",
        "merge_start",
        "merges",
        "path",
        "seen",
        "value",
    )

    def __init__(self, is_map: bool, path: Path, anchor: str | None, entry_index: int) -> None:
        self.is_map = is_map
        self.value: Any = {} if is_map else []
        self.path = path
        self.anchor = anchor
        self.entry_index = entry_index
        self.key: Any = _NO_KEY
        self.key_pos: Pos = (1, 1)
        self.seen: dict[str, Pos] = {}
        self.merge_start = 0
        self.merges: list[tuple[Any, int, int, Pos]] = []


class _Builder:
    """Builds plain data and positions from parser events."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []
        self.stack: list[_Frame] = []
        # (path, line, col, is_key) in document order; later entries win.
        self.entries: list[tuple[Path, int, int, bool]] = []
        self.anchors: dict[str, tuple[Any, Path, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.aliases = 0
        self.documents = 0
        self.root: Any = _NOTHING
        self.skip = 0  # depth inside a mapping/list used as a key, which is skipped

    # -- helpers -----------------------------------------------------------
    def tag_error(self, tag: str, pos: Pos, path: Path) -> None:
        """A tag other than plain YAML's: never constructed, always an error."""
        self.error(
            f"the tag {short_tag(tag)} is not allowed: a scenario holds plain data only "
            "(text, numbers, dates, true/false, lists and mappings)",
            pos,
            path,
        )

    def error(self, message: str, pos: Pos, path: Path = ()) -> None:
        self.diagnostics.append(Diagnostic("error", message, self.filename, pos[0], pos[1], path))

    def count(self, n: int, pos: Pos) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            if self.aliases:
                message = (
                    f"the document has more than {MAX_NODES} values once its aliases are expanded; "
                    "a scenario needs far fewer (is it an alias bomb?)"
                )
            else:
                message = f"the document has more than {MAX_NODES} values; a scenario needs far fewer"
            raise _Fatal(message, pos)

    def awaiting_key(self) -> bool:
        return bool(self.stack) and self.stack[-1].is_map and self.stack[-1].key is _NO_KEY

    def child_path(self) -> Path:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if not frame.is_map:
            return (*frame.path, len(frame.value))
        key = frame.key
        if key is _MERGE:
            return (*frame.path, "<<")
        if key is _BAD_KEY:
            return (*frame.path, "<bad key>")
        return (*frame.path, key)

    def deliver(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if not frame.is_map:
            frame.value.append(value)
            return
        key, frame.key = frame.key, _NO_KEY
        if key is _MERGE:
            frame.merges.append((value, frame.merge_start, len(self.entries), frame.key_pos))
        elif key is not _BAD_KEY:
            frame.value[key] = value

    # -- events ------------------------------------------------------------
    def feed(self, event: Event) -> None:
        cls = type(event)
        if self.skip:
            if cls is MappingStartEvent or cls is SequenceStartEvent:
                self.skip += 1
                self.count(1, _pos(event.start_mark))
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                self.skip -= 1
                if self.skip == 0:
                    self.stack[-1].key = _BAD_KEY
            elif cls is ScalarEvent:
                self.count(1, _pos(event.start_mark))
            return
        if cls is ScalarEvent:
            self.scalar(cast(ScalarEvent, event))  # `cls is` above: the exact class, faster than isinstance
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            self.start(event, cls is MappingStartEvent)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            self.end()
        elif cls is AliasEvent:
            self.alias(event)
        elif cls is DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _Fatal(
                    "a scenario file holds one YAML document, but a second one starts here (`---`)",
                    _pos(event.start_mark),
                )

    def scalar(self, event: ScalarEvent) -> None:
        pos = _pos(event.start_mark)
        self.count(1, pos)
        tag = event.tag
        if tag is None or tag == "!":
            if event.implicit[0]:  # a plain scalar: 12, true, 2025-05-06, text…
                tag = _implicit_tag_of(yaml.ScalarNode, event.value, event.implicit)
            else:  # quoted or a block: always text
                tag = _STR_TAG
        if self.awaiting_key():
            self.key(tag, event.value, event.value, pos)
            return
        path = self.child_path()
        value: Any = event.value
        constructor = None if tag == _STR_TAG else _SCALAR_CONSTRUCTORS.get(tag)
        if tag == _STR_TAG:
            pass
        elif constructor is not None:
            # The C parser's marks stand in for yaml.error.Mark (the stubs accept only the latter).
            start_mark = cast("Mark | None", event.start_mark)
            end_mark = cast("Mark | None", event.end_mark)
            node = yaml.ScalarNode(tag, event.value, start_mark, end_mark, event.style)
            try:
                value = constructor(_CONSTRUCTOR, node)
            except (ValueError, OverflowError, yaml.YAMLError) as exc:
                kind = _KIND_OF_TAG.get(tag, "value")
                self.error(f"cannot read the {kind} '{_short(event.value)}': {exc}", pos, path)
                value = event.value
        elif tag != _MERGE_TAG:
            self.tag_error(tag, pos, path)
        index = len(self.entries)
        self.entries.append((path, pos[0], pos[1], False))
        if event.anchor:
            self.anchors[event.anchor] = (value, path, index, index + 1)
        self.deliver(value)

    def key(self, tag: str | None, value: Any, raw: str, pos: Pos) -> None:
        frame = self.stack[-1]
        if tag == _MERGE_TAG:
            frame.key = _MERGE
            frame.key_pos = pos
            frame.merge_start = len(self.entries)
            return
        if tag != _STR_TAG or not isinstance(value, str):
            if tag is not None and tag in _KIND_OF_TAG:
                kind = _KIND_OF_TAG[tag]
                if raw == "" or tag == _YAML_TAG + "null":
                    self.error(f"a key is empty ({raw or 'nothing'}); keys must be text", pos, frame.path)
                else:
                    self.error(
                        f"the key '{_short(raw)}' is read by YAML as a {kind}, not as text; "
                        f'put it in quotes: "{_short(raw)}"',
                        pos,
                        frame.path,
                    )
            elif tag is not None and tag != _STR_TAG:
                self.error(f"the tag {short_tag(tag)} is not allowed on a key", pos, frame.path)
            else:
                self.error("keys must be text", pos, frame.path)
            value = raw if isinstance(raw, str) else _BAD_KEY
            if value is _BAD_KEY:
                frame.key = _BAD_KEY
                return
        first = frame.seen.get(value)
        path = (*frame.path, value)
        if first is not None:
            self.error(
                f"duplicate key '{_short(value)}' (first at line {first[0]}, column {first[1]}); "
                "the later value is used",
                pos,
                path,
            )
        frame.seen[value] = pos
        frame.key = value
        frame.key_pos = pos
        self.entries.append((path, pos[0], pos[1], True))

    def start(self, event: Any, is_map: bool) -> None:
        pos = _pos(event.start_mark)
        self.count(1, pos)
        if self.awaiting_key():
            self.error("a key must be plain text, not a mapping or a list", pos, self.stack[-1].path)
            self.skip = 1
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _Fatal(f"mappings and lists are nested more than {MAX_DEPTH} levels deep", pos)
        path = self.child_path()
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            self.tag_error(event.tag, pos, path)
        index = len(self.entries)
        self.entries.append((path, pos[0], pos[1], False))
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(is_map, path, event.anchor, index))

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.merges:
            self.merge(frame)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.value, frame.path, frame.entry_index, len(self.entries))
        self.deliver(frame.value)

    def merge(self, frame: _Frame) -> None:
        """Apply ``<<`` merge keys: explicit keys win, then earlier merged mappings."""
        explicit: dict[str, Any] = frame.value
        merged: dict[str, Any] = {}
        provider: dict[str | int, tuple[int, int]] = {}  # key -> (merge, item) it comes from
        prefix = (*frame.path, "<<")
        n = len(prefix)
        new_entries: list[tuple[Path, int, int, bool]] = []
        for m, (value, start, stop, pos) in enumerate(frame.merges):
            is_list = isinstance(value, list)
            items = value if is_list else [value]
            if not all(isinstance(item, dict) for item in items):
                self.error("`<<` merges a mapping or a list of mappings into this mapping", pos, frame.path)
                continue
            for i, item in enumerate(items):
                for k, v in item.items():
                    if k not in explicit and k not in merged:
                        merged[k] = v
                        provider[k] = (m, i)
            for path, line, col, is_key in self.entries[start:stop]:
                item_index = path[n] if is_list and len(path) > n else 0
                rest = path[n + 1 :] if is_list else path[n:]
                if rest and provider.get(rest[0]) == (m, item_index):
                    new_entries.append(((*frame.path, *rest), line, col, is_key))
        self.count(len(new_entries), frame.key_pos)
        self.entries.extend(new_entries)
        frame.value = {**merged, **explicit}

    def alias(self, event: Any) -> None:
        pos = _pos(event.start_mark)
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise _Fatal(f"the document uses more than {MAX_ALIASES} aliases (*name)", pos)
        name = event.anchor
        if name in self.open_anchors:
            raise _Fatal(f"the alias *{name} refers to a mapping or list that contains it", pos)
        if name not in self.anchors:
            raise _Fatal(f"the alias *{name} has no anchor &{name} before it", pos)
        value, anchor_path, start, stop = self.anchors[name]
        self.count(stop - start, pos)
        if self.awaiting_key():
            if isinstance(value, str):
                self.key(_STR_TAG, value, value, pos)
            else:
                self.error(f"the alias *{name} used as a key is not text", pos, self.stack[-1].path)
                self.stack[-1].key = _BAD_KEY
            return
        path = self.child_path()
        self.entries.append((path, pos[0], pos[1], False))
        n = len(anchor_path)
        for p, line, col, is_key in self.entries[start + 1 : stop]:
            self.entries.append(((*path, *p[n:]), line, col, is_key))
        self.deliver(value)


def _error(message: str, filename: str, pos: Pos = (1, 1)) -> Diagnostic:
    return Diagnostic("error", message, filename, pos[0], pos[1])


def _size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} kB"
    return f"{n} bytes"


def too_large(size: int, filename: str) -> Diagnostic:
    return _error(
        f"the file is too large ({_size_text(size)}); scenario files are limited to {_size_text(MAX_BYTES)}",
        filename,
    )


def decode(data: bytes, filename: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of ``data``, or a located error saying why it is not text."""
    if len(data) > MAX_BYTES:
        return None, [too_large(len(data), filename)]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_error("the file is UTF-16 text; save it as UTF-8", filename)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", "replace")) + 1
        binary = b"\0" in data[:8192]
        what = "is a binary file, not YAML text" if binary else "is not valid UTF-8 text"
        return None, [
            _error(
                f"the file {what} (byte 0x{data[start]:02X} at line {line}, column {col}); "
                "save scenarios as UTF-8 text",
                filename,
                (line, col),
            )
        ]
    return text, []


def check_characters(text: str, filename: str) -> list[Diagnostic]:
    """A located error for the first character YAML does not allow."""
    match = _BAD_CHAR.search(text)
    if match is None:
        return []
    char = match.group()
    pos = pos_of_index(text, match.start())
    if char == "\0":
        message = "the file contains a NUL character: is it a binary file? A scenario is YAML text"
    elif "\ud800" <= char <= "\udfff":
        message = f"the text contains a lone surrogate U+{ord(char):04X}, which is not a character"
    else:
        message = f"the control character U+{ord(char):04X} is not allowed in a YAML file"
    more = len(_BAD_CHAR.findall(text, match.end(), match.end() + 100_000))
    if more:
        message += f" ({more} more after it)"
    return [_error(message, filename, pos)]


def _line_text(text: str, line: int) -> str:
    """The 0-based ``line`` of ``text``."""
    parts = text.split("\n", line + 1)
    return parts[line] if line < len(parts) else ""


def _yaml_error_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    message = f"invalid YAML: {problem}"
    if exc.context:
        message += f" ({exc.context}"
        if exc.context_mark is not None:
            message += f" at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
        message += ")"
    mark = exc.problem_mark
    if mark is not None and "\t" in _line_text(text, mark.line)[: mark.column + 1]:
        message += "; YAML is indented with spaces, not tabs"
    if "exceeded maximum nesting depth" in problem:
        message = f"mappings and lists are nested more than {MAX_DEPTH} levels deep"
    return message


def load_yaml_with_positions(
    text: str | bytes, filename: str
) -> tuple[object, dict[Path, Pos], list[Diagnostic]]:
    """Read one YAML document as plain data, safely and within fixed limits.

    Returns ``(data, positions, diagnostics)``. ``positions`` is a
    :class:`Positions` (a ``dict`` from key paths to 1-based ``(line, col)``,
    with ``key_positions`` for keys). ``data`` is ``None`` when the document
    could not be built (or is empty); the diagnostics then say why. Never raises
    for any input.
    """
    positions = Positions()
    if isinstance(text, bytes | bytearray):
        decoded, diagnostics = decode(bytes(text), filename)
        if decoded is None:
            return None, positions, diagnostics
        text = decoded
    if len(text) > MAX_BYTES:
        return None, positions, [too_large(len(text), filename)]
    if text.startswith("\ufeff"):
        text = text[1:]
    diagnostics = check_characters(text, filename)
    if diagnostics:
        return None, positions, diagnostics
    builder = _Builder(filename)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Fatal as exc:
        return None, positions, [*builder.diagnostics, _error(exc.message, filename, exc.pos)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(mark) if mark is not None else (1, 1)
        return None, positions, [*builder.diagnostics, _error(_yaml_error_message(exc, text), filename, pos)]
    except yaml.YAMLError as exc:  # e.g. a ReaderError; the character check should have caught it
        return None, positions, [*builder.diagnostics, _error(f"invalid YAML: {exc}", filename)]
    if builder.documents == 0 and not text.strip():
        return None, positions, [_error("the file is empty", filename)]
    if builder.root is None or builder.root is _NOTHING:
        return (
            None,
            positions,
            [
                *builder.diagnostics,
                _error("the file has no content (only comments or blank lines)", filename),
            ],
        )
    for path, line, col, is_key in builder.entries:
        if is_key:
            positions.key_positions[path] = (line, col)
        else:
            positions[path] = (line, col)
    return builder.root, positions, builder.diagnostics

"""Turn pydantic's validation errors into located, readable diagnostics.

Pydantic reports an error at a ``loc`` such as ``('sides', 0, 'name', 'LocalText', 'en')``.
Some of its parts are document keys and list indices; others name the branch of
a union (``'str'``, ``'LocalText'``) or a dictionary key (``'[key]'``). This
module walks the model's type tree alongside the ``loc`` to tell them apart, so
that it knows the document path, the model that owns a key (for "unknown key
'X'; did you mean 'Y'?") and the allowed literal values.

Errors inside a union (a text is ``str | LocalText``) are merged: a mapping
gets the mapping branch's errors, anything else a single "expected a text"
message instead of one per branch.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.scenario.diagnostics import Diagnostic, Locator, Path, Pos, format_path
from game.scenario.models import LocalText

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"


def did_you_mean(word: str, choices: Sequence[str]) -> str | None:
    """The closest of ``choices`` to ``word`` (case differences first), if any is close."""
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return close[0]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def suggestion(word: object, choices: Sequence[str]) -> str:
    """``"; did you mean 'x'?"`` or ``""``."""
    if not isinstance(word, str):
        return ""
    match = did_you_mean(word, choices)
    return f"; did you mean '{match}'?" if match is not None and match != word else ""


def describe_value(value: object) -> str:
    """A short description of a YAML value for messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:39] + "…"
        return f"the text '{short}'"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``None`` from a union."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin is Union or origin is types.UnionType:
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def union_members(annotation: Any) -> list[Any]:
    return [unwrap(a) for a in get_args(annotation) if a is not type(None)]


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def is_text(annotation: Any) -> bool:
    """Whether ``annotation`` is a player-visible text (``str | LocalText``)."""
    annotation = unwrap(annotation)
    return is_union(annotation) and LocalText in union_members(annotation)


def _match_member(members: list[Any], tag: object) -> Any:
    for member in members:
        if is_model(member) and member.__name__ == tag:
            return member
    for member in members:
        name = getattr(member, "__name__", "")
        if isinstance(tag, str) and name and (tag == name or tag.endswith(name) or name in tag):
            return member
    non_models = [m for m in members if not is_model(m)]
    return non_models[0] if non_models else members[0]


def _child(node: Any, key: object) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _has(node: Any, key: object) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


def value_at(data: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        data = _child(data, part)
    return data


@dataclass
class Where:
    """Where a pydantic ``loc`` points in the document and in the model tree."""

    path: Path
    annotation: Any  # of the value at ``path`` (None if unknown, e.g. an unknown key)
    model: type[BaseModel] | None  # the model that owns the last key of ``path``
    dict_key: bool = False  # the error is about a dictionary key, not its value
    union_at: Path | None = None  # the outermost union crossed on the way
    union: Any = None
    union_member: Any = None


def resolve_loc(root: type[BaseModel], loc: Sequence[str | int], data: Any) -> Where:
    """Split a pydantic ``loc`` into a document path and what the models say about it."""
    annotation: Any = root
    node = data
    path: list[str | int] = []
    where = Where((), None, None)
    for part in loc:
        current = unwrap(annotation)
        if is_union(current):
            member = _match_member(union_members(current), part)
            if where.union_at is None:
                where.union_at, where.union, where.union_member = tuple(path), current, member
            annotation = member
            continue
        if part == "[key]":
            where.dict_key = True
            continue
        if is_model(current):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            annotation = field.annotation if field is not None else None
            where.model = current
        else:
            origin, args = get_origin(current), get_args(current)
            if origin in (list, tuple, set, frozenset):
                annotation = args[0] if args else None
            elif origin is dict:
                annotation = args[1] if len(args) == 2 else None
            elif _has(node, part):
                annotation = None
            else:
                continue  # a part of the loc that is not in the document (a validator's tag)
            where.model = None
        path.append(part)
        node = _child(node, part)
    where.path = tuple(path)
    where.annotation = annotation
    return where


def describe_union(annotation: Any) -> str:
    if is_text(annotation):
        return "a text: either a string, or a mapping with `en` (and optionally `zh`)"
    names = []
    for member in union_members(annotation):
        if is_model(member):
            names.append("a mapping")
        elif member is str:
            names.append("a string")
        elif member in (int, float):
            names.append("a number")
        else:
            names.append(getattr(member, "__name__", str(member)))
    return " or ".join(dict.fromkeys(names))


def _field_mentioned(message: str, model_input: Any) -> str | None:
    """The first key of ``model_input`` that a validator's message names."""
    if not isinstance(model_input, dict):
        return None
    word: str
    for word in re.findall(r"[a-z_]+", message):
        if word in model_input:
            return word
    return None


class _Mapper:
    def __init__(self, data: Any, locator: Locator, filename: str) -> None:
        self.data = data
        self.locator = locator
        self.filename = filename

    def diag(
        self, message: str, pos: Pos, path: Path, severity: Literal["error", "warning"] = "error"
    ) -> Diagnostic:
        return Diagnostic(severity, message, self.filename, pos[0], pos[1], path)

    def convert(self, error: Any, where: Where) -> Diagnostic:
        kind: str = error["type"]
        ctx: dict[str, Any] = error.get("ctx") or {}
        value = error.get("input")
        path = where.path
        name = format_path(path)
        loc = self.locator

        if kind == "missing":
            parent = path[:-1]
            where_text = "at the top level" if not parent else f"in {format_path(parent)}"
            return self.diag(f"missing required key '{path[-1]}' {where_text}", loc.key(parent), path)

        if kind == "extra_forbidden":
            parent = path[:-1]
            key = path[-1] if path else "?"
            where_text = "at the top level" if not parent else f"in {format_path(parent)}"
            allowed = list(where.model.model_fields) if where.model is not None else []
            hint = suggestion(key, allowed)
            if not hint and allowed:
                hint = "; allowed keys: " + ", ".join(allowed)
            return self.diag(f"unknown key '{_short(key)}' {where_text}{hint}", loc.key(path), path)

        if where.dict_key:
            key = path[-1] if path else value
            what = "side id" if ctx.get("pattern") == _ID_PATTERN else "key"
            return self.diag(
                f"{format_path(path[:-1])}: '{_short(key)}' is not a valid {what}{_id_rule(ctx)}",
                loc.key(path),
                path,
            )

        pos = loc.value(path)
        if kind == "value_error":
            text = str(ctx.get("error", error["msg"]))
            if text.startswith("Value error, "):
                text = text[len("Value error, ") :]
            field = _field_mentioned(text, value)
            if field is not None:
                pos = loc.key((*path, field))
            return self.diag(f"{name}: {text}", pos, path)

        if kind == "literal_error":
            allowed = [a for a in get_args(unwrap(where.annotation)) if isinstance(a, str)]
            choices = ", ".join(f"'{a}'" for a in allowed) or ctx.get("expected", "")
            return self.diag(
                f"{name}: {describe_value(value)} is not allowed; use one of {choices}{suggestion(value, allowed)}",
                pos,
                path,
            )

        if kind == "string_pattern_mismatch":
            pattern = ctx.get("pattern")
            if pattern == _COLOUR_PATTERN:
                return self.diag(
                    f"{name}: '{_short(value)}' is not a colour; write it as #rrggbb, e.g. #3366cc", pos, path
                )
            return self.diag(f"{name}: '{_short(value)}' is not a valid id{_id_rule(ctx)}", pos, path)

        if kind == "string_type":
            if isinstance(value, bool):
                return self.diag(
                    f"{name}: expected text, got {describe_value(value)}: YAML reads unquoted "
                    "yes/no/on/off/true/false as booleans; put the text in quotes",
                    pos,
                    path,
                )
            if isinstance(value, int | float | dt.date):
                return self.diag(
                    f"{name}: expected text, got {describe_value(value)}; put it in quotes", pos, path
                )
            return self.diag(f"{name}: expected text, got {describe_value(value)}", pos, path)

        if kind in ("dict_type", "model_type", "model_attributes_type"):
            return self.diag(
                f"{name}: expected a mapping (`key: value` lines), got {describe_value(value)}", pos, path
            )

        if kind in ("list_type", "tuple_type", "set_type"):
            return self.diag(
                f"{name}: expected a list (`- item` lines), got {describe_value(value)}", pos, path
            )

        if kind in (
            "float_type",
            "float_parsing",
            "int_type",
            "int_parsing",
            "int_from_float",
            "finite_number",
        ):
            expected = "a whole number" if kind.startswith("int") else "a number"
            if kind == "finite_number":
                expected = "a finite number"
            return self.diag(f"{name}: expected {expected}, got {describe_value(value)}", pos, path)

        if kind in ("bool_type", "bool_parsing"):
            return self.diag(f"{name}: expected true or false, got {describe_value(value)}", pos, path)

        if kind.startswith("date"):
            return self.diag(
                f"{name}: expected a date like 2025-05-06, got {describe_value(value)}", pos, path
            )

        bounds = {
            "greater_than_equal": ("at least", "ge"),
            "greater_than": ("above", "gt"),
            "less_than_equal": ("at most", "le"),
            "less_than": ("below", "lt"),
        }
        if kind in bounds:
            words, key = bounds[kind]
            return self.diag(
                f"{name}: {describe_value(value)} is out of range; it must be {words} {ctx.get(key)}",
                pos,
                path,
            )

        if kind in ("too_short", "too_long"):
            limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
            words = "at least" if kind == "too_short" else "at most"
            unit = "item" if limit == 1 else "items"
            if isinstance(value, str):
                unit = "character" if limit == 1 else "characters"
            actual = ctx.get("actual_length", len(value) if isinstance(value, list | str | dict) else "?")
            if (
                kind == "too_long"
                and isinstance(value, list)
                and isinstance(limit, int)
                and limit < len(value)
            ):
                pos = loc.value((*path, limit))  # the first item too many
            return self.diag(f"{name}: needs {words} {limit} {unit}, has {actual}", pos, path)

        return self.diag(f"{name}: {error['msg']}", pos, path)


def _id_rule(ctx: dict[str, Any]) -> str:
    if ctx.get("pattern") == _ID_PATTERN:
        return ": use lower-case letters, digits and underscores, starting with a letter (e.g. `us_tariff`)"
    pattern = ctx.get("pattern")
    return f": it must match {pattern}" if pattern else ""


def map_validation_error(
    exc: ValidationError,
    data: Any,
    locator: Locator,
    filename: str,
    model: type[BaseModel],
    limit: int = 200,
) -> list[Diagnostic]:
    """Located diagnostics for the first ``limit`` errors of ``exc``."""
    mapper = _Mapper(data, locator, filename)
    out: list[Diagnostic] = []
    unions: dict[Path, list[tuple[Any, Where]]] = {}
    for error in exc.errors(include_url=False)[:limit]:
        where = resolve_loc(model, error["loc"], data)
        if where.union_at is not None:
            unions.setdefault(where.union_at, []).append((error, where))
        else:
            out.append(mapper.convert(error, where))
    for union_path, items in unions.items():
        value = value_at(data, union_path)
        if isinstance(value, dict):
            branch = [(e, w) for e, w in items if is_model(w.union_member)]
            if branch:
                out.extend(mapper.convert(e, w) for e, w in branch)
                continue
        union = items[0][1].union
        out.append(
            mapper.diag(
                f"{format_path(union_path)}: expected {describe_union(union)}; got {describe_value(value)}",
                locator.value(union_path),
                union_path,
            )
        )
    return out

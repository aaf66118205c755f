"""Generate the field reference of ``docs/authoring.md`` from the scenario models.

The section between ``<!-- reference:start -->`` and ``<!-- reference:end -->`` is
rewritten from the pydantic models (field order, types, defaults) and the exported
JSON Schema (descriptions, examples, limits), so the reference cannot drift from
the code. ``tests/scenario/test_authoring_reference_fresh.py`` fails when it is stale.

Usage::

    python scripts/gen_authoring_reference.py          # rewrite the section
    python scripts/gen_authoring_reference.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import typing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pydantic import BaseModel  # noqa: E402
from pydantic_core import PydanticUndefined  # noqa: E402

from game.scenario import models  # noqa: E402
from game.scenario.schema import scenario_json_schema  # noqa: E402

DOC_PATH = ROOT / "docs" / "authoring.md"
START = "<!-- reference:start -->"
END = "<!-- reference:end -->"


# ------------------------------------------------------------------ model walk
def _models_in_order(root: type[BaseModel]) -> list[tuple[type[BaseModel], str]]:
    """Every model reachable from ``root``, breadth first, with where it appears in a file."""
    seen: dict[type[BaseModel], str] = {root: "the whole file"}
    queue: list[type[BaseModel]] = [root]
    while queue:
        model = queue.pop(0)
        for name, field in model.model_fields.items():
            for child in _nested_models(field.annotation):
                if child not in seen:
                    where = seen[model]
                    prefix = "" if model is root else f"{where}."
                    suffix = "[]" if _is_list_of(field.annotation, child) else ""
                    if _is_dict_of(field.annotation, child):
                        suffix = ".<side>"
                    seen[child] = f"{prefix}{name}{suffix}" if child is not models.LocalText else "any text"
                    if child is models.Prior:  # rule 7.3: written in place of a briefing's number
                        fields = [f"{m}.{f}" for m, fs in models.PRIOR_FIELDS.items() for f in fs]
                        seen[child] = "in place of a number: " + ", ".join(fields)
                    queue.append(child)
    return list(seen.items())


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        for m in _nested_models(arg):
            if m not in out:
                out.append(m)
    return out


def _is_list_of(annotation: Any, child: type[BaseModel]) -> bool:
    return typing.get_origin(annotation) is list and child in _nested_models(annotation)


def _is_dict_of(annotation: Any, child: type[BaseModel]) -> bool:
    return typing.get_origin(annotation) is dict and child in _nested_models(annotation)


# --------------------------------------------------------------- schema pieces
def _anchor(name: str) -> str:
    return name.lower()


def _type_text(prop: dict[str, Any]) -> str:
    """A short human type from a JSON Schema property."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        if name == "LocalText":
            return "text"
        return f"[{name}](#{_anchor(name)})"
    if "anyOf" in prop:
        members = [m for m in prop["anyOf"] if m.get("type") != "null"]
        refs = {m.get("$ref", "").rsplit("/", 1)[-1] for m in members}
        if "LocalText" in refs and any(m.get("type") == "string" for m in members):
            return "text"
        return " or ".join(_type_text(m) for m in members)
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type_text(prop.get('items', {}))}"
    if kind == "object":
        if "patternProperties" in prop:
            inner = next(iter(prop["patternProperties"].values()))
            return f"map of side id → {_type_text(inner)}"
        inner = prop.get("additionalProperties")
        if inner is False and "properties" in prop:
            return "map of parameter → number"
        if isinstance(inner, dict):
            return f"map of name → {_type_text(inner)}"
        return "mapping"
    if kind == "string" and prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    return {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}.get(
        str(kind), str(kind or "any")
    )


def _limits(prop: dict[str, Any]) -> str:
    """Limits of a property: ranges, exclusive bounds, patterns, list lengths."""
    parts: list[str] = []
    branches = [m for m in prop.get("anyOf", [prop]) if m.get("type") != "null"]
    for p in branches:
        lo, hi = p.get("minimum"), p.get("maximum")
        if lo is not None and hi is not None:
            parts.append(f"{_num(lo)} … {_num(hi)}")
        elif lo is not None:
            parts.append(f"≥ {_num(lo)}")
        elif hi is not None:
            parts.append(f"≤ {_num(hi)}")
        if "exclusiveMinimum" in p:
            parts.append(f"> {_num(p['exclusiveMinimum'])}")
        if "exclusiveMaximum" in p:
            parts.append(f"< {_num(p['exclusiveMaximum'])}")
        if "pattern" in p:
            parts.append(f"pattern `{p['pattern']}`")
        if p.get("type") == "string" and "enum" in p and "enum" not in prop:
            parts.append("one of " + ", ".join(f"`{v}`" for v in p["enum"]))
        lo_items, hi_items = p.get("minItems"), p.get("maxItems")
        if lo_items is not None and hi_items is not None and lo_items == hi_items:
            parts.append(f"exactly {lo_items} items")
        elif lo_items is not None:
            parts.append(f"at least {lo_items} item{'s' if lo_items != 1 else ''}")
        elif hi_items is not None:
            parts.append(f"at most {hi_items} items")
    return "; ".join(dict.fromkeys(parts))


def _num(x: float) -> str:
    return f"{x:g}"


def _default_text(model: type[BaseModel], name: str) -> str:
    field = model.model_fields[name]
    if field.is_required():
        return "**required**"
    factory = field.default_factory
    value = factory() if factory is not None else field.default  # type: ignore[call-arg]
    if value is PydanticUndefined:
        return "**required**"
    if isinstance(value, BaseModel):
        return "all defaults"
    if value is None:
        return "none"
    if isinstance(value, list | dict) and not value:
        return "empty"
    if isinstance(value, bool):
        return f"`{'true' if value else 'false'}`"
    if isinstance(value, float) and value.is_integer():
        return f"`{int(value)}`"
    if isinstance(value, dt.date):
        return f"`{value.isoformat()}`"
    if isinstance(value, str):
        return f"`{json.dumps(value, ensure_ascii=False)}`"
    return f"`{value}`"


def _example_text(prop: dict[str, Any]) -> str:
    examples = prop.get("examples")
    if not examples:
        for branch in prop.get("anyOf", []):
            if branch.get("examples"):
                examples = branch["examples"]
                break
    if not examples:
        return ""
    return ", ".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in examples[:2])


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _doc(model: type[BaseModel]) -> str:
    doc = (model.__doc__ or "").strip()
    return doc


# ----------------------------------------------------------------- rendering
def render_reference() -> str:
    """The generated reference (without the markers)."""
    schema = scenario_json_schema()
    defs: dict[str, Any] = {**schema.get("$defs", {}), "Scenario": schema}
    out: list[str] = [
        "<!-- Generated by scripts/gen_authoring_reference.py from game/scenario/models.py"
        " and the exported JSON Schema. Do not edit by hand. -->",
        "",
        "Every key of a scenario file, model by model, in the order the models nest. "
        '"Default" is what a key means when it is left out; a **required** key must be '
        "given. A *text* is a plain string or a mapping of language codes to texts, "
        "`{en: …, zh: …, fr: …}` (English required, every other language optional). Unknown keys are errors.",
        "",
    ]
    for model, where in _models_in_order(models.Scenario):
        name = model.__name__
        definition = defs.get(name, {})
        out.append(f'<a id="{_anchor(name)}"></a>')
        out.append("")
        out.append(f"### {name}")
        out.append("")
        out.append(
            f"*Where:* `{where}`" if where not in ("the whole file", "any text") else f"*Where:* {where}"
        )
        out.append("")
        description = definition.get("description") or _doc(model)
        if description:
            out.append(description.strip())
            out.append("")
        out.append("| key | type | default | limits | description | example |")
        out.append("|---|---|---|---|---|---|")
        props: dict[str, Any] = definition.get("properties", {})
        for field_name in model.model_fields:
            prop = props.get(field_name, {})
            out.append(
                "| `{}` | {} | {} | {} | {} | {} |".format(
                    field_name,
                    _cell(_type_text(prop)),
                    _default_text(model, field_name),
                    _cell(_limits(prop)),
                    _cell(prop.get("description", "")),
                    _cell(_example_text(prop)),
                )
            )
        out.append("")
    out += _meter_tables()
    out += _parameter_table()
    return "\n".join(out).rstrip() + "\n"


def _parameter_table() -> list[str]:
    """The economy model's parameters, as ``economy.overrides`` accepts them (from
    game.economy.params, where each is defined with its unit, limits and source)."""
    import dataclasses

    from game.economy import params as eco_params

    out = [
        '<a id="economy-parameters"></a>',
        "",
        "### Economy parameters",
        "",
        "Names that `economy.overrides` accepts, with the calibrated default, the unit and the "
        'values allowed (`validate` reports any other name, with a "did you mean …?", and any value '
        "outside its limits, at its line). Their sources and the equations that use them are in "
        "`docs/economy.md`.",
        "",
        "| parameter | default | unit | allowed | meaning |",
        "|---|---|---|---|---|",
    ]
    for f in dataclasses.fields(eco_params.Params):
        m = f.metadata
        lim = m["limits"]
        why = f" ({lim.why})" if lim.why else ""
        out.append(
            f"| `{f.name}` | {f.default:g} | {_cell(m['unit'])} | {_cell(lim.text(m['unit']) + why)} | {_cell(m['doc'])} |"
        )
    out.append("")
    return out


def _meter_tables() -> list[str]:
    out = [
        '<a id="meters"></a>',
        "",
        "### Meters",
        "",
        "Names that `meter:` accepts in objectives, conditions and effects. A side's meter "
        "needs `side:`; a shared meter must not have it. Effects of events may move only "
        "the meters marked *effect*; the economy model moves the others.",
        "",
        "| meter | whose | range | effect |",
        "|---|---|---|---|",
    ]
    for meter, (lo, hi) in models.SIDE_METERS.items():
        mark = "yes" if meter in models.EFFECT_METERS else ""
        out.append(f"| `{meter}` | each side | {_num(lo)} … {_num(hi)} | {mark} |")
    for meter, (lo, hi) in models.SHARED_METERS.items():
        mark = "yes" if meter in models.EFFECT_METERS else ""
        out.append(f"| `{meter}` | shared | {_num(lo)} … {_num(hi)} | {mark} |")
    out.append("")
    return out


def render_document(current: str) -> str:
    """``current`` with the section between the markers replaced."""
    if START not in current or END not in current:
        raise SystemExit(f"{DOC_PATH}: the markers {START} and {END} are missing")
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{render_reference()}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the reference is up to date")
    args = parser.parse_args(argv)
    current = DOC_PATH.read_text(encoding="utf-8")
    new = render_document(current)
    if args.check:
        if new != current:
            print(
                f"{DOC_PATH}: the reference is stale: run python scripts/gen_authoring_reference.py",
                file=sys.stderr,
            )
            return 1
        return 0
    if new != current:
        tmp = DOC_PATH.with_name(DOC_PATH.name + ".tmp")
        tmp.write_text(new, encoding="utf-8", newline="\n")
        tmp.replace(DOC_PATH)
        print(f"wrote {DOC_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

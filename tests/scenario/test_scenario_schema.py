"""The exported JSON Schema: valid draft 2020-12, documented, and accepting real scenarios."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.scenario import models as models_module
from game.scenario.loader import load_yaml_with_positions
from game.scenario.model_errors import is_model
from game.scenario.schema import FIELD_DOCS, scenario_json_schema, schema_json

MINIMAL = Path(__file__).parent / "data" / "minimal.yaml"


def _jsonable(value: Any) -> Any:
    """YAML data as JSON sees it: dates become ISO strings."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _minimal_data() -> Any:
    data, _, diagnostics = load_yaml_with_positions(MINIMAL.read_bytes(), str(MINIMAL))
    assert diagnostics == []
    return _jsonable(data)


def _definitions(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {**schema["$defs"], "Scenario": schema}


def test_schema_is_valid_draft_2020_12() -> None:
    schema = scenario_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_accepts_the_minimal_scenario() -> None:
    validator = jsonschema.Draft202012Validator(scenario_json_schema())
    errors = [e.message for e in validator.iter_errors(_minimal_data())]
    assert errors == []


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (lambda d: d["meta"].update(titel="x"), ["meta"]),
        (lambda d: d["sides"][0].update(region="usa"), ["sides", 0, "region"]),
        (lambda d: d["briefings"].update(US=d["briefings"]["us"]), ["briefings"]),
        (
            lambda d: d["events"][0]["effects"][0].update(meter="exports_bn"),
            ["events", 0, "effects", 0, "meter"],
        ),
        (lambda d: d["sides"][0].update(name={"en": "x", "French": "y"}), ["sides", 0, "name"]),
    ],
)
def test_schema_rejects_what_validation_rejects(edit: Any, path: list[Any]) -> None:
    data = _minimal_data()
    edit(data)
    validator = jsonschema.Draft202012Validator(scenario_json_schema())
    errors = list(validator.iter_errors(data))
    assert errors
    assert any(list(e.absolute_path)[: len(path)] == path for e in errors)


def test_every_field_has_a_description() -> None:
    missing = [
        f"{name}.{field}"
        for name, definition in _definitions(scenario_json_schema()).items()
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert missing == []


def test_every_scalar_field_has_an_example() -> None:
    def structured(prop: dict[str, Any]) -> bool:
        branches = prop.get("anyOf", [prop])
        return all(
            "$ref" in b or (b.get("type") == "array" and "$ref" in b.get("items", {})) for b in branches
        ) or ("$ref" in prop)

    missing = [
        f"{name}.{field}"
        for name, definition in _definitions(scenario_json_schema()).items()
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("examples") and not structured(prop) and name != "Scenario"
    ]
    assert missing == []


def test_field_docs_name_real_fields() -> None:
    models = {name: obj for name, obj in vars(models_module).items() if is_model(obj)}
    for name, fields in FIELD_DOCS.items():
        assert name in models, name
        assert set(fields) <= set(models[name].model_fields), name


def test_texts_accept_a_string_or_a_translation() -> None:
    title = scenario_json_schema()["$defs"]["Meta"]["properties"]["title"]
    assert {"type": "string"} in title["anyOf"]
    assert {"$ref": "#/$defs/LocalText"} in title["anyOf"]


def test_check_jsonschema_accepts_schema_and_minimal(tmp_path: Path) -> None:
    schema_path = tmp_path / "scenario.schema.json"
    schema_path.write_text(schema_json(), encoding="utf-8")
    json.loads(schema_path.read_text(encoding="utf-8"))
    tool = Path(sys.executable).parent / "check-jsonschema"
    if not tool.exists():
        pytest.skip("check-jsonschema is not installed")
    result = subprocess.run(
        [str(tool), "--schemafile", str(schema_path), str(MINIMAL)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

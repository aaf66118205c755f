"""docs/authoring.md's field reference is generated from the models: it must be fresh,
and it must name every field of every model."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel

from game.scenario import models

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "authoring.md"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_authoring_reference", ROOT / "scripts" / "gen_authoring_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_section_is_fresh() -> None:
    gen = _generator()
    current = DOC.read_text(encoding="utf-8")
    assert gen.render_document(current) == current, (
        "docs/authoring.md is stale: run python scripts/gen_authoring_reference.py"
    )


def test_reference_names_every_field_of_every_model() -> None:
    gen = _generator()
    reference = gen.render_reference()
    found = [m for m, _ in gen._models_in_order(models.Scenario)]
    every = [
        obj
        for obj in vars(models).values()
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and obj is not models.Model
        and obj.__module__ == models.__name__
    ]
    assert set(every) <= set(found)
    for model in found:
        assert f"### {model.__name__}\n" in reference
        for name in model.model_fields:
            assert f"| `{name}` |" in reference, f"{model.__name__}.{name}"
    for meter in models.METER_RANGES:
        assert f"| `{meter}` |" in reference


def test_tutorial_comes_before_the_reference() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert (
        text.index("## Tutorial")
        < text.index("<!-- reference:start -->")
        < text.index("<!-- reference:end -->")
    )

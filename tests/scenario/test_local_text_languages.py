"""Scenario texts take any language code: ``{en: …, zh: …, fr: …}`` or a plain string, with
English required and the English shown where a language is missing."""

from __future__ import annotations

import pytest

from game.resources import default_scenario_path
from game.scenario.loader import validate_text
from game.scenario.models import LocalText, tr

US = "name: {en: United States, zh: 美国}"


def _geneva(old: str, new: str) -> str:
    text = default_scenario_path().read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_any_language_code_and_the_english_fallback() -> None:
    text = LocalText.model_validate(
        {"en": "Talks", "zh": "会谈", "fr": "Négociations", "pt_BR": "Negociações"}
    )
    assert text.texts == {"en": "Talks", "zh": "会谈", "fr": "Négociations", "pt_BR": "Negociações"}
    assert tr(text, "fr") == "Négociations"
    assert tr(text, "fr_CA") == "Négociations"  # the language without its region
    assert tr(text, "pt-BR") == "Negociações"
    assert tr(text, "zh_CN") == "会谈"
    assert tr(text, "de") == "Talks"  # no German: English
    assert tr("Plain", "fr") == "Plain"
    assert tr(None, "fr") == ""


def test_the_pseudo_locale_marks_scenario_texts_too() -> None:
    out = tr(LocalText(en="Talks in Geneva"), "en-XA")
    assert out.startswith("[") and "Ţåĺķš" in out


def test_a_scenario_with_a_french_text_loads_and_hints_at_the_others() -> None:
    scenario, diagnostics = validate_text(
        _geneva(US, "name: {en: United States, zh: 美国, fr: États-Unis}"), "m.yaml"
    )
    assert scenario is not None
    assert tr(scenario.sides[0].name, "fr") == "États-Unis"
    assert tr(scenario.sides[1].name, "fr") == tr(scenario.sides[1].name, "en")
    hints = [d for d in diagnostics if d.severity == "hint" and "into fr" in d.message]
    assert hints and all(d.line > 0 for d in hints)
    assert not [d for d in diagnostics if d.severity == "error"]


@pytest.mark.parametrize(
    ("new", "words"),
    [
        ("name: {en: United States, French: x}", "'French' is not a language code"),
        ("name: {en: United States, fr: [1, 2]}", "sides[0].name.fr: expected text"),
        ("name: {zh: 美国, fr: États-Unis}", "missing required key 'en' in sides[0].name"),
    ],
)
def test_a_bad_text_gets_a_located_error(new: str, words: str) -> None:
    scenario, diagnostics = validate_text(_geneva(US, new), "m.yaml")
    assert scenario is None
    errors = [d for d in diagnostics if d.severity == "error"]
    assert any(words in d.message and d.line > 1 for d in errors), [d.format() for d in errors]

"""Surgical edits of a scenario's YAML text (game.scenario.yaml_edit): one scalar changed
where the parser found it, one key or list item added or removed, everything else — comments,
key order, quoting, layout — as the author wrote it. No Qt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.scenario.loader import load_yaml_with_positions, validate_text
from game.scenario.yaml_edit import (
    EditError,
    append_item,
    compose,
    display,
    minimal_change,
    new_instrument_lines,
    node_at,
    parse_number,
    path_text,
    remove_item,
    render_scalar,
    set_text,
    set_value,
    text_part,
)

ROOT = Path(__file__).resolve().parents[2]
GENEVA = ROOT / "scenarios" / "geneva-2025.yaml"
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"


def _changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.splitlines(), new.splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def test_set_value_replaces_one_scalar_in_geneva() -> None:
    text = GENEVA.read_text(encoding="utf-8")
    new = set_value(text, ("instruments", 0, "start"), 100)
    assert _changed_lines(text, new) == [("    start: 125", "    start: 100")]
    new = set_value(text, ("meta", "version"), "2")
    assert _changed_lines(text, new) == [('  version: "1"', '  version: "2"')]
    new = set_value(text, ("sides", 1, "colour"), "#aa0000")
    assert _changed_lines(text, new) == [('    colour: "#c8102e"', '    colour: "#aa0000"')]
    # a folded block scalar becomes one quoted line; the next key is untouched
    new = set_value(text, ("briefings", "us", "summary", "en"), "Short: and sweet")
    scenario, diagnostics = validate_text(new, "g.yaml")
    assert scenario is not None, diagnostics
    assert scenario.briefings["us"].summary.en == "Short: and sweet"  # type: ignore[union-attr]
    assert scenario.briefings["us"].summary.zh.startswith("总统")  # type: ignore[union-attr]


def test_set_text_adds_a_translation_in_place() -> None:
    text = "a:\n  name: Plain  # why\n  b: 1\n"
    assert set_text(text, ("a", "name"), "zh", "中文") == "a:\n  name: {en: Plain, zh: 中文}  # why\n  b: 1\n"
    assert set_text(text, ("a", "name"), "en", "New: one") == 'a:\n  name: "New: one"  # why\n  b: 1\n'
    flow = "t: {en: X}\n"
    assert set_text(flow, ("t",), "zh", "叉") == "t: {en: X, zh: 叉}\n"


def test_missing_keys_and_list_items() -> None:
    text = "m:\n  a: 1\n  n:\n    x: 1\n  # trailing comment\nz: 2\n"
    assert (
        set_value(text, ("m", "b"), True)
        == "m:\n  a: 1\n  n:\n    x: 1\n  b: true\n  # trailing comment\nz: 2\n"
    )
    with pytest.raises(EditError):
        set_value(text, ("q", "r"), 1)
    with pytest.raises(EditError):
        set_value("a: [1, 2\n", ("a",), 1)
    seq = "l:\n  - id: a\n    v: 1\n  # between\n  - id: b\n    v: 2\nk: 1\n"
    added = append_item(seq, ("l",), ["id: c", "v: 3"])
    assert added == "l:\n  - id: a\n    v: 1\n  # between\n  - id: b\n    v: 2\n  - id: c\n    v: 3\nk: 1\n"
    assert remove_item(added, ("l",), 2) == seq
    assert remove_item(seq, ("l",), 0) == "l:\n  # between\n  - id: b\n    v: 2\nk: 1\n"


@pytest.mark.parametrize(
    ("value", "rendered"),
    [
        ("plain words", "plain words"),
        ("1", '"1"'),
        ("yes", '"yes"'),
        ("a: b", '"a: b"'),
        ("#tag", '"#tag"'),
        ("中文", "中文"),
        (2.0, "2"),
        (0.25, "0.25"),
        (True, "true"),
        ("", '""'),
    ],
)
def test_render_scalar_reads_back(value: object, rendered: str) -> None:
    import yaml

    assert render_scalar(value) == rendered
    assert yaml.safe_load(f"k: {rendered}")["k"] == value


def test_minimal_change() -> None:
    old, new = "abcXYZdef", "abc12def"
    start, end, middle = minimal_change(old, new)
    assert old[:start] + middle + old[end:] == new
    assert (start, end, middle) == (3, 6, "12")


def test_a_text_takes_any_language_code() -> None:
    text = "a:\n  name: Plain\n"
    assert set_text(text, ("a", "name"), "fr", "Simple") == "a:\n  name: {en: Plain, fr: Simple}\n"
    assert set_text("t: {en: X, zh: 叉}\n", ("t",), "fr", "Ixe") == "t: {en: X, zh: 叉, fr: Ixe}\n"
    # a translation of a text the file does not have yet: there is no English to keep
    with pytest.raises(EditError, match="missing"):
        set_text(text, ("a", "title"), "zh", "标题")
    assert set_text(text, ("a", "title"), "en", "Title") == "a:\n  name: Plain\n  title: Title\n"


def test_a_block_scalar_keeps_its_line_end_and_dates_and_numbers_read_back() -> None:
    text = "a: |\n  two\n  lines\nb: 1\n"
    assert set_value(text, ("a",), "one") == "a: one\nb: 1\n"
    new = set_value("d: 2025-01-01\nn: 3\n", ("d",), dt.date(2025, 5, 6))
    assert new == "d: 2025-05-06\nn: 3\n"
    assert set_value(new, ("n",), 2.5) == "d: 2025-05-06\nn: 2.5\n"


def test_edit_errors_say_where() -> None:
    with pytest.raises(EditError, match="syntax error"):
        set_text("a: [\n", ("a",), "en", "x")
    with pytest.raises(EditError, match=r"m\.n is not a single value"):
        set_value("m:\n  n:\n    x: 1\n", ("m", "n"), 1)
    with pytest.raises(EditError, match=r"l has no item 5"):
        remove_item("l:\n  - 1\n", ("l",), 5)
    with pytest.raises(EditError, match="one item per line"):
        append_item("l: [1, 2]\n", ("l",), ["3"])
    # a flow mapping gains the key inside its braces
    assert set_value("m: {a: 1}\nz: 1\n", ("m", "b"), 2) == "m: {a: 1, b: 2}\nz: 1\n"
    assert set_value("m: {}\n", ("m", "b"), 2) == "m: {b: 2}\n"
    assert path_text(("instruments", 2, "start")) == "instruments[2].start"
    assert path_text(()) == "the document"


def test_node_at_follows_keys_and_indexes() -> None:
    root = compose("a:\n  - x: 1\n  - x: 2\n")
    node = node_at(root, ("a", 1, "x"))
    assert node is not None and node.value == "2"
    assert node_at(root, ("a", 5)) is None
    assert node_at(root, ("b",)) is None
    assert compose("a: [\n") is None


def test_the_forms_cells() -> None:
    assert text_part({"en": "E", "zh": "中"}, "zh") == "中"
    assert text_part("Plain", "en") == "Plain" and text_part("Plain", "zh") == ""
    assert text_part(None, "en") == "" and text_part({"en": "E"}, "fr") == ""
    assert display(7.0) == "7" and display(0.25) == "0.25" and display(True) == "true" and display(None) == ""
    assert parse_number("45") == 45 and isinstance(parse_number("45"), int)
    assert parse_number("2.0") == 2.0 and isinstance(parse_number("2.0"), float)
    assert parse_number("1e3") == 1000.0 and isinstance(parse_number("1e3"), float)
    assert parse_number("lots") == "lots"  # kept, for the validator to report


def test_a_new_instrument_is_valid_and_its_id_is_free() -> None:
    text = TUTORIAL.read_text(encoding="utf-8")
    data, _, _ = load_yaml_with_positions(text, "tutorial.yaml")
    lines = new_instrument_lines(data)
    assert lines[0] == "id: new_instrument_1"
    once = append_item(text, ("instruments",), lines)
    scenario, diagnostics = validate_text(once, "tutorial.yaml")
    assert scenario is not None, diagnostics
    assert scenario.instruments[-1].owner == scenario.sides[0].id
    data, _, _ = load_yaml_with_positions(once, "tutorial.yaml")
    assert new_instrument_lines(data)[0] == "id: new_instrument_2"
    assert new_instrument_lines(None)[2:4] == ["owner: us", "target: china"]
    # the comments of the file are all still there
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == [
        line for line in once.splitlines() if line.lstrip().startswith("#")
    ]

"""The safe YAML loader: positions, hostile input, and the broken-file corpus.

Each file in ``broken/`` declares what it must produce in header comments::

    # expect: LINE:COL: SEVERITY: part of the message
"""

from __future__ import annotations

import builtins
import re
from pathlib import Path

import pytest

from game.scenario import yaml_safe
from game.scenario.diagnostics import Diagnostic, ScenarioError
from game.scenario.loader import (
    MAX_BYTES,
    load_scenario,
    load_scenario_text,
    load_yaml_with_positions,
    validate_file,
    validate_text,
)
from game.scenario.yaml_safe import MAX_DEPTH, MAX_NODES, Positions

HERE = Path(__file__).parent
BROKEN = sorted((HERE / "broken").glob("*.yaml"))
MINIMAL = HERE / "data" / "minimal.yaml"
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (error|warning|hint): (.+)$", re.MULTILINE)


def _matching(diagnostics: list[Diagnostic], line: int, col: int, severity: str, text: str) -> bool:
    return any(
        (d.line, d.col, d.severity) == (line, col, severity) and text in d.message for d in diagnostics
    )


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_corpus(path: Path) -> None:
    expectations = EXPECT.findall(path.read_bytes().decode("utf-8", "replace"))
    assert expectations, f"{path.name} has no '# expect:' line"
    scenario, diagnostics = validate_file(path)
    assert scenario is None
    shown = "\n".join(d.format() for d in diagnostics)
    for line, col, severity, text in expectations:
        assert _matching(diagnostics, int(line), int(col), severity, text), (
            f"expected {line}:{col}: {severity}: {text}\ngot:\n{shown}"
        )
    assert all(d.file == str(path) for d in diagnostics)
    assert "internal error" not in shown


def test_minimal_scenario_is_valid_without_any_diagnostic() -> None:
    scenario, diagnostics = validate_file(MINIMAL)
    assert diagnostics == []
    assert scenario is not None
    assert scenario.side_ids == ("us", "china")
    assert load_scenario(MINIMAL) == scenario


def test_positions_are_one_based_for_values_and_keys() -> None:
    text = "a: 1\nb:\n  c: [x, 'y']\n  d: {e: 2025-05-06}\n"
    data, positions, diagnostics = load_yaml_with_positions(text, "t.yaml")
    assert diagnostics == []
    assert data == {"a": 1, "b": {"c": ["x", "y"], "d": {"e": __import__("datetime").date(2025, 5, 6)}}}
    assert positions[("a",)] == (1, 4)
    assert positions[("b", "c", 1)] == (3, 10)
    assert positions[("b", "d", "e")] == (4, 10)
    assert isinstance(positions, Positions)
    assert positions.key_positions[("b", "d")] == (4, 3)


def test_columns_count_characters_not_bytes() -> None:
    _, positions, _ = load_yaml_with_positions("名字: 日内瓦\nx: [日, y]\n", "t.yaml")
    assert positions[("名字",)] == (1, 5)
    assert positions[("x", 1)] == (2, 8)


def test_quoted_values_stay_text_and_plain_ones_are_typed() -> None:
    data, _, _ = load_yaml_with_positions("a: '12'\nb: 12\nc: 'no'\nd: no\ne: ~\nf: 1.5\n", "t.yaml")
    assert data == {"a": "12", "b": 12, "c": "no", "d": False, "e": None, "f": 1.5}


def test_merge_keys_are_supported_and_located() -> None:
    text = "base: &b {min: 0, max: 200}\nx:\n  <<: *b\n  max: 100\n"
    data, positions, diagnostics = load_yaml_with_positions(text, "t.yaml")
    assert diagnostics == []
    assert data["x"] == {"min": 0, "max": 100}  # type: ignore[index]
    assert positions[("x", "min")] == (1, 16)  # where the merged value was written
    assert positions[("x", "max")] == (4, 8)


def test_aliases_share_positions_of_their_anchor() -> None:
    data, positions, _ = load_yaml_with_positions("a: &l [1, 2]\nb: *l\n", "t.yaml")
    assert data == {"a": [1, 2], "b": [1, 2]}
    assert positions[("b",)] == (2, 4)
    assert positions[("b", 1)] == (1, 11)


def test_object_tags_never_construct_anything(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'a: !!python/object/apply:os.system ["touch {marker}"]\nb: !!python/name:os.system\n'
    data, _, diagnostics = load_yaml_with_positions(text, "t.yaml")
    assert not marker.exists()
    assert [(d.line, d.col) for d in diagnostics] == [(1, 4), (2, 4)]
    assert all("is not allowed" in d.message for d in diagnostics)
    assert data == {"a": [f"touch {marker}"], "b": ""}  # plain data only


class _Work:
    """How much work the loader did, counted (not timed): parser events read, values expanded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events = 0
        self.most_entries = 0
        feed, count = yaml_safe._Builder.feed, yaml_safe._Builder.count
        work = self

        def counting_feed(builder: yaml_safe._Builder, event: object) -> None:
            work.events += 1
            work.most_entries = max(work.most_entries, len(builder.entries))
            feed(builder, event)  # type: ignore[arg-type]

        def counting_count(builder: yaml_safe._Builder, n: int, pos: tuple[int, int]) -> None:
            work.most_entries = max(work.most_entries, len(builder.entries))
            count(builder, n, pos)

        monkeypatch.setattr(yaml_safe._Builder, "feed", counting_feed)
        monkeypatch.setattr(yaml_safe._Builder, "count", counting_count)


def test_alias_bomb_is_rejected_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    work = _Work(monkeypatch)
    scenario, diagnostics = validate_text("\n".join(lines), "bomb.yaml")
    # 10**10 values once expanded: the loader stops at its limit instead of expanding them
    assert work.most_entries <= MAX_NODES
    assert work.events < 200  # it stopped reading within the first few lines
    assert scenario is None
    assert len(diagnostics) == 1
    assert "alias bomb" in diagnostics[0].message


def test_many_aliases_are_rejected() -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 5000) + "]\n"
    _, diagnostics = validate_text(text, "t.yaml")
    assert "more than 1000 aliases" in diagnostics[0].message


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "- " * 100_000 + "x", "a:\n" + "".join("  " * i + "a:\n" for i in range(1, 200))]
)
def test_deep_nesting_is_rejected(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    work = _Work(monkeypatch)
    _, diagnostics = validate_text(text, "deep.yaml")
    assert work.events <= 3 * (MAX_DEPTH + 1)  # stopped at the limit, not at the end of the text
    assert len(diagnostics) == 1
    assert f"more than {MAX_DEPTH} levels deep" in diagnostics[0].message


def test_huge_file_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:  # 100 MB, sparse: quick to make
        f.seek(100 * 1024 * 1024 - 1)
        f.write(b"a")
    opened: list[str] = []
    real_open = builtins.open

    def spy_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    scenario, diagnostics = validate_file(path)
    monkeypatch.undo()
    assert str(path) not in opened, "the file was opened: its size alone should reject it"
    assert scenario is None
    assert [d.format() for d in diagnostics] == [
        f"{path}:1:1: error: the file is too large (100.0 MB); scenario files are limited to 2.0 MB"
    ]


def test_text_just_over_the_limit_is_rejected() -> None:
    _, diagnostics = validate_text(b"a" * (MAX_BYTES + 1), "big.yaml")
    assert "too large" in diagnostics[0].message
    _, diagnostics = validate_text("a" * (MAX_BYTES + 1), "big.yaml")
    assert "too large" in diagnostics[0].message


def test_binary_junk_is_reported_as_binary() -> None:
    _, diagnostics = validate_text(bytes(range(256)) * 4, "junk.bin")
    assert len(diagnostics) == 1
    assert "binary file" in diagnostics[0].message


def test_utf16_is_reported() -> None:
    _, diagnostics = validate_text("meta: x\n".encode("utf-16"), "u16.yaml")
    assert "UTF-16" in diagnostics[0].message


def test_bom_is_accepted() -> None:
    _, positions, diagnostics = load_yaml_with_positions("\ufeffa: 1\n".encode(), "bom.yaml")
    assert diagnostics == []
    assert positions[("a",)] == (1, 4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("   \n\n", "the file is empty"),
        ("# only\n", "no content"),
        ("~\n", "no content"),
    ],
)
def test_empty_files(text: str, message: str) -> None:
    scenario, diagnostics = validate_text(text, "e.yaml")
    assert scenario is None
    assert [(d.line, d.col) for d in diagnostics] == [(1, 1)]
    assert message in diagnostics[0].message


def test_missing_and_unreadable_files_are_located_errors(tmp_path: Path) -> None:
    _, diagnostics = validate_file(tmp_path / "nope.yaml")
    assert [d.format() for d in diagnostics] == [f"{tmp_path / 'nope.yaml'}:1:1: error: file not found"]
    _, diagnostics = validate_file(tmp_path)
    assert "directory" in diagnostics[0].message


def test_load_scenario_raises_with_every_error() -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text("meta: {id: X}\n", "x.yaml")
    errors = info.value.diagnostics
    assert len(errors) > 3
    assert all(d.severity == "error" for d in errors)
    assert str(info.value).splitlines() == [d.format() for d in errors]
    assert "x.yaml:1:12: error: meta.id: 'X' is not a valid id" in str(info.value)


def test_diagnostic_json_and_format() -> None:
    d = Diagnostic("warning", "careful", "a.yaml", 3, 5, ("events", 0, "when"))
    assert d.format() == "a.yaml:3:5: warning: careful"
    assert d.to_json() == {
        "file": "a.yaml",
        "line": 3,
        "col": 5,
        "severity": "warning",
        "message": "careful",
        "path": ["events", 0, "when"],
    }

"""Fuzzing: validate_text never raises, never hangs, and always locates its findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.diagnostics import Diagnostic
from game.scenario.loader import validate_text

pytestmark = pytest.mark.slow  # a fuzzer

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")
# Per example, a hang guard only: validation takes milliseconds, but a loaded machine must not fail it.
FUZZ = settings(
    deadline=dt.timedelta(seconds=60),
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow],
)
YAML_BITS = st.sampled_from(
    [
        ":",
        "-",
        " ",
        "  ",
        "\n",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a",
        "*a",
        "!!",
        "!!python/object:os.system",
        "'",
        '"',
        "#",
        "|",
        ">",
        "?",
        "<<: ",
        "---",
        "...",
        "~",
        "null",
        "yes",
        "1e9",
        ".nan",
        "2025-02-30",
        "\x00",
        "\x07",
        "\ufeff",
        "日",
        "\u2028",
        "%YAML 1.1",
        "- - - -",
        "{{{{",
        "&x [*x]",
    ]
)


def _sane(diagnostics: list[Diagnostic], text: str | bytes) -> None:
    lines = (text.count("\n") if isinstance(text, str) else text.count(b"\n")) + 2
    for d in diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.severity in ("error", "warning", "hint")
        assert 1 <= d.line <= lines + 1, d
        assert d.col >= 1, d
        assert "internal error" not in d.message, d.message


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    scenario, diagnostics = validate_text(data, "fuzz.bin")
    _sane(diagnostics, data)
    if scenario is None:
        assert any(d.severity == "error" for d in diagnostics)


@FUZZ
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    _, diagnostics = validate_text(text, "fuzz.yaml")
    _sane(diagnostics, text)


@st.composite
def mutated_minimal(draw: st.DrawFn) -> str:
    text = MINIMAL
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "dup_line", "drop_line"]))
        i = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:i] + draw(YAML_BITS) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 40)) :]
        elif op == "replace":
            text = text[:i] + draw(st.text(max_size=8)) + text[i + draw(st.integers(0, 8)) :]
        else:
            lines = text.splitlines(keepends=True)
            j = draw(st.integers(0, len(lines) - 1))
            lines[j : j + 1] = [lines[j], lines[j]] if op == "dup_line" else []
            text = "".join(lines)
    return text


@FUZZ
@given(mutated_minimal())
def test_mutated_scenario(text: str) -> None:
    scenario, diagnostics = validate_text(text, "mutated.yaml")
    _sane(diagnostics, text)
    assert (scenario is None) == any(d.severity == "error" for d in diagnostics)

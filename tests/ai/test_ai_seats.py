"""Seat syntax ``ai[:STYLE[:LEVEL]]`` and the styles' metadata for the New game dialog."""

from __future__ import annotations

import pytest

from game.ai import LEVELS, STYLES, level_choices, make_ai, parse_ai_spec, style_choices


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("ai", ("pragmatist", "normal")),
        ("ai:", ("pragmatist", "normal")),
        ("ai:hardliner", ("hardliner", "normal")),
        ("ai:conceder:expert", ("conceder", "expert")),
        ("ai::easy", ("pragmatist", "easy")),
        ("ai:reciprocator:hard", ("reciprocator", "hard")),
    ],
)
def test_seat_syntax(spec, expected):
    assert parse_ai_spec(spec) == expected


@pytest.mark.parametrize("spec", ["human", "ai:nobody", "ai:pragmatist:godlike", "ai:a:b:c", "bot"])
def test_bad_seats_are_refused(spec):
    with pytest.raises(ValueError):
        parse_ai_spec(spec)


def test_every_style_and_level_makes_a_labelled_seat():
    for style in STYLES:
        for level in LEVELS:
            ai = make_ai(style, level)
            assert ai.label == f"ai:{style}:{level}"
            assert ai.is_human is False


def test_metadata_for_the_new_game_dialog():
    styles = style_choices()
    assert {s["key"] for s in styles} == {"pragmatist", "hardliner", "conceder", "reciprocator"}
    for s in styles:
        assert s["name"] and s["description"] and s["traits"]
    assert [lv["key"] for lv in level_choices()] == list(LEVELS)
    assert all(lv["description"] for lv in level_choices())


def test_style_docstrings_cite_the_literature():
    import game.ai.negotiator as base

    text = (base.__doc__ or "") + "".join(c.__doc__ or "" for c in STYLES.values())
    for source in ("Rubinstein", "Faratin", "Axelrod", "Baarslag"):
        assert source in text

"""Issue 11's old path for the terminal leak: ``tariff-talks simulate --us human --china human``
itself (the seats the command line makes share the process's terminal), not only seats
given a desk by hand (tests/test_terminal.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from test_terminal import (
    CN_CAPITAL,
    CN_MARKERS,
    HANDOVER,
    HOT_SEAT_SEED,
    US_CAPITAL,
    US_MARKERS,
    ScriptedTerminal,
    hot_seat_commands,
    marked_data,
    screens_of,
    secrets,
)

from game.scenario.loader import load_scenario


@pytest.fixture(params=["fixed", "priors"])
def marked_file(tmp_path, request) -> Path:
    """Geneva with each side's private texts and political capital set to unique markers, as a
    file: without priors, and with priors (rule 7.3; marker walk-away ranges)."""
    path = tmp_path / "geneva-marked.yaml"
    data = marked_data(priors=request.param == "priors")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_simulate_with_two_human_seats_hands_over_at_the_terminal(monkeypatch, marked_file) -> None:
    import game.terminal
    from game.cli import main

    term = ScriptedTerminal(hot_seat_commands(limit=60))
    monkeypatch.setattr(sys, "stdin", term)
    monkeypatch.setattr(sys, "stdout", term)
    monkeypatch.setattr(game.terminal, "_console", None)  # this test's terminal, no other test's
    seed = str(HOT_SEAT_SEED)
    main(["simulate", "--scenario", str(marked_file), "--us", "human", "--china", "human", "--seed", seed])
    monkeypatch.undo()  # (the real streams back before asserting)
    # the debrief at the end shows both briefings' scores and red lines: the game is over then
    text, end, _debrief = term.getvalue().partition("Outcome:")
    assert end, "the game did not reach its debrief"
    assert HANDOVER.format("United States") in text and HANDOVER.format("China") in text
    scenario = load_scenario(marked_file)
    told = {s: secrets(scenario, s) for s in ("us", "china")}  # (never shown, shown) to the other
    capital = {"us": US_CAPITAL, "china": CN_CAPITAL}
    seen = set()
    shown = {"us": "", "china": ""}
    for who, screen in screens_of(text, tty=False):
        if who is None:
            continue
        seen.add(who)
        shown[who] += screen
        other = "china" if who == "us" else "us"
        for what, marker in told[other][0].items():
            assert marker not in screen, f"{other}'s {what} on {who}'s screen"
        assert f"Political capital: {capital[other]}." not in screen
    assert seen == {"us", "china"}
    assert US_MARKERS["summary"] in text and CN_MARKERS["summary"] in text  # each saw its own
    for side, other in (("us", "china"), ("china", "us")):  # and what is public of the other's prior
        for what, words in told[other][1].items():
            assert words in shown[side], f"{other}'s public {what} not on {side}'s screen"
        if "drawn walk-away" in told[side][0]:  # its own draw, on its own screen
            assert f"Walk-away score: {told[side][0]['drawn walk-away']} / 100" in shown[side]

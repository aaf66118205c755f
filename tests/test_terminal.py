"""A person can play a whole Geneva game at the terminal against the AI."""

from __future__ import annotations

import io

from game.ai import make_ai
from game.session import Session
from game.terminal import QuitGame, TerminalSeat


def test_terminal_plays_a_whole_game(geneva):
    script = (
        "help\nhelp offer\nbriefing\ninstruments\nbogus\nset 2 15\norders\nsay firm We stand firm\ndone\n"
    )
    script += "offer us_tariff_reciprocal=34 us_suspension=24/13 cn_tariff_us=34 cn_suspension=24/13\n"
    script += "preview\nwhy growth_pct\nreject\npass\npass\ndone\n" * 40
    out = io.StringIO()
    seat = TerminalSeat(stdin=io.StringIO(script), stdout=out)
    session = Session.new(geneva, {"us": seat, "china": make_ai()}, seed=3)
    session.play_to_end()
    text = out.getvalue()
    assert session.over
    assert "PRIVATE BRIEFING" in text and "Refused — rule" in text and "Unknown command 'bogus'" in text
    assert "offer TERM..." in text  # help for one command
    china_secret = geneva.briefings["china"].objectives[0].text.en
    assert china_secret not in text, "the other side's briefing must never be printed"


def test_terminal_end_of_input_quits_cleanly(geneva):
    seat = TerminalSeat(stdin=io.StringIO("meters\n"), stdout=io.StringIO())
    session = Session.new(geneva, {"us": seat, "china": make_ai()}, seed=3)
    try:
        session.play_to_end()
    except QuitGame:
        pass
    else:  # pragma: no cover
        raise AssertionError("end of input should stop the game")

"""A program seat in the window (game.agents): the New game dialog's "program" choice with
its command line (a missing program keeps the dialog open and says so), the program deciding
on a worker like an AI, and its process ended when another game replaces it."""

from __future__ import annotations

import shlex
import sys

from uitest_driver import GENEVA, wait_for_human

from game.agents import AgentSeat
from game.engine import SubmitOrders
from game.ui.dialogs import GameConfig, NewGameDialog

BOT = GENEVA.parents[1] / "docs" / "examples" / "agent_bot.py"


def test_the_new_game_dialog_takes_a_program(qtbot, qapp) -> None:
    dialog = NewGameDialog(lang="en")
    qtbot.addWidget(dialog)
    dialog.vs_program.setChecked(True)
    assert dialog.program.isEnabled() and not dialog.ai_style.isEnabled()
    dialog.program.setText("no-such-agent-program --fast")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "no-such-agent-program" in dialog.program_hint.text()
    dialog.program.setText(shlex.join([sys.executable, str(BOT)]))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    config = dialog.config()
    assert config is not None and config.opponent == "program"
    assert shlex.split(config.program) == [sys.executable, str(BOT)]


def test_a_program_plays_in_the_window_and_stops_with_its_game(window, qtbot) -> None:
    program = shlex.join([sys.executable, str(BOT)])
    window.start_game(GameConfig(GENEVA, "us", "program", program=program, seed=4, lang="en"))
    seat = window.session.seats["china"]
    assert isinstance(seat, AgentSeat) and not seat.is_human
    wait_for_human(window, qtbot)
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)  # the program answered (on a worker) and the game moved on
    assert any(a.side == "china" for a in window.session.game.actions)
    assert seat.incidents == [] and seat._proc is not None and seat._proc.poll() is None
    window.start_game(GameConfig(GENEVA, "us", "hotseat", seed=4, lang="en"))
    assert seat._proc.poll() is not None  # killed and reaped with its game


def test_a_silent_program_is_reported_in_the_window_and_the_game_goes_on(window, qtbot) -> None:
    program = shlex.join([sys.executable, "-c", "import time; time.sleep(600)"])
    window.start_game(GameConfig(GENEVA, "us", "program", program=program, seed=4, lang="en"))
    seat = window.session.seats["china"]
    seat.timeout = seat.start_timeout = 0.2
    wait_for_human(window, qtbot)
    window.act(SubmitOrders(side="us"))
    wait_for_human(window, qtbot)
    assert [i.kind for i in seat.incidents] == ["timeout"] and seat.out
    assert "no answer within" in window.page.banner.text()
    assert any(a.side == "china" for a in window.session.game.actions)  # the seat passed


def test_a_program_seat_is_named_as_a_program(qapp) -> None:
    from game.ui.dialogs import ai_seat_words

    assert ai_seat_words("cmd:python bot.py --fast") == "Program: python bot.py --fast"
    assert ai_seat_words("ai:pragmatist:expert") == "AI: Pragmatist, Expert"
    assert ai_seat_words("human") is None

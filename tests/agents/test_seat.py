"""The ``cmd:`` seat: a program plays a whole game (the example bot, in ``simulate`` and in a
tournament cell); a silent or crashing program is stopped, reported, and the game goes on;
a refused answer gets an error and a bounded number of retries, then the seat passes."""

from __future__ import annotations

import contextlib
import io
import json
import sys

import pytest
from agent_kit import BOT, PROGRAMS, cmd

from game.agents import AgentSeat, AgentSpecError, parse_agent_spec
from game.cli import main
from game.engine import SubmitOrders
from game.session import ScriptSeat, Session


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _game(geneva, seat: AgentSeat) -> Session:
    session = Session.new(geneva, {"us": seat, "china": ScriptSeat()}, seed=3)
    session.play_to_end()
    return session


def test_the_example_bot_plays_a_whole_game_in_simulate() -> None:
    code, out, err = _run(
        ["simulate", "--us", cmd(BOT), "--china", "ai:pragmatist:easy", "--json", "--seed", "2"]
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["seats"]["us"] == cmd(BOT)
    assert summary["end_reason"] is not None and summary["turns"] >= 1
    report = summary["agents"]["us"]
    assert report["decisions"] > 5 and not report["out"]
    assert report["exit_code"] == 0  # it read `end` and left by itself
    assert not [i for i in report["incidents"] if i["kind"] in ("timeout", "crash", "forfeit")]


def test_the_example_bot_plays_a_tournament_cell() -> None:
    code, out, err = _run(
        [
            "tournament",
            "--agent",
            cmd(BOT),
            "--styles",
            "conceder",
            "--levels",
            "easy",
            "--json",
            "--jobs",
            "1",
        ]
    )
    assert code == 0, err
    summary = json.loads(out)
    cells = {(c["side"], c["opponent"]) for c in summary["cells"]}
    assert {("us", "conceder:easy"), ("china", "conceder:easy")} <= cells
    for r in summary["results"]:
        assert r["outcome"] and r["turns"] >= 1
        for report in r["reports"].values():
            assert not report["out"] and report["exit_code"] == 0


def test_a_silent_program_times_out_is_stopped_and_the_game_goes_on(geneva) -> None:
    seat = AgentSeat(cmd("-c", "import time; time.sleep(600)"), timeout=0.2, start_timeout=0.2)
    session = _game(geneva, seat)
    assert session.over
    kinds = [i.kind for i in seat.incidents]
    assert kinds == ["timeout"]  # once: then it is out and the seat passes
    assert seat.out and seat._proc is not None and seat._proc.poll() is not None  # killed and reaped
    assert all(
        a == SubmitOrders(side="us") for a in session.game.actions if a.side == "us" and a.type == "orders"
    )


def test_a_crashing_program_is_reported_with_its_stderr(geneva) -> None:
    seat = AgentSeat(
        cmd("-c", "import sys; sys.stdin.readline(); sys.stderr.write('boom\\n'); sys.exit(3)"), timeout=5
    )
    session = _game(geneva, seat)
    assert session.over
    assert [i.kind for i in seat.incidents] == ["crash"]
    assert "3" in seat.incidents[0].message and seat.exit_code == 3
    assert "boom" in seat.stderr_text
    assert seat.report()["stderr"] == ["boom"]


def test_a_refused_answer_gets_an_error_and_bounded_retries_then_the_seat_passes(geneva) -> None:
    bad = json.dumps({"type": "submit_orders", "moves": {"us_tariff_reciprocal": 99999}})
    seat = AgentSeat(cmd(PROGRAMS / "stubborn.py", bad), timeout=5, max_attempts=3)
    session = Session.new(geneva, {"us": seat, "china": ScriptSeat()})
    action = seat.decide(session.view("us"))
    assert action == SubmitOrders(side="us")  # the pass
    assert [(i.kind, i.rule) for i in seat.incidents] == [
        ("refused", "2.3"),
        ("refused", "2.3"),
        ("refused", "2.3"),
        ("forfeit", ""),
    ]
    session.submit(action)
    session.play_to_end()  # every decision the same: the game still ends
    assert session.over
    seat.close()
    got = [line.split() for line in seat.stderr_text.splitlines()]
    # what the program was told: a view, then errors with the rule and the answers left
    assert got[:3] == [["view"], ["error", "2.3", "2"], ["error", "2.3", "1"]]
    assert got[-1] == ["end"]


def test_a_malformed_answer_gets_the_protocols_rule(geneva) -> None:
    seat = AgentSeat(cmd(PROGRAMS / "stubborn.py", "{oops"), timeout=5, max_attempts=2)
    session = Session.new(geneva, {"us": seat, "china": ScriptSeat()})
    seat.decide(session.view("us"))
    seat.close()
    assert [(i.kind, i.rule) for i in seat.incidents] == [
        ("refused", "agent.json"),
        ("refused", "agent.json"),
        ("forfeit", ""),
    ]


def test_a_missing_program_is_a_clear_usage_error() -> None:
    with pytest.raises(AgentSpecError, match="no program 'no-such-agent-program'"):
        parse_agent_spec("cmd:no-such-agent-program --fast")
    with pytest.raises(AgentSpecError, match="name the program"):
        parse_agent_spec("cmd:   ")
    with pytest.raises(AgentSpecError):
        parse_agent_spec('cmd:python "unclosed')
    assert parse_agent_spec(f"cmd:{sys.executable} 'a b' c")[1:] == ["a b", "c"]
    code, _out, err = _run(["simulate", "--us", "cmd:no-such-agent-program", "--china", "script"])
    assert code == 2 and "no-such-agent-program" in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_the_agent_timeout_is_a_positive_number_of_seconds(value: str) -> None:
    for command in (["simulate", "--us", "script"], ["tournament", "--agent", cmd(BOT)]):
        code, _out, err = _run([*command, "--agent-timeout", value])
        assert code == 2 and "--agent-timeout" in err and "Traceback" not in err

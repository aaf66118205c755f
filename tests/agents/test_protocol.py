"""The agent protocol's messages: every one round-trips through JSON, the schema that
``tariff-talks schema --agent`` prints accepts them (and a real game's views), and the
committed ``docs/agent.schema.json`` is that schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from agent_kit import ROOT

from game.agents import agent_json_schema, encode_view
from game.agents.protocol import (
    ACTION_TYPES,
    AGENT_ACTION,
    GAME_MESSAGE,
    AcceptMsg,
    CounterMsg,
    EndMessage,
    EndTalksMsg,
    ErrorMessage,
    ProposeMsg,
    RejectMsg,
    SubmitOrdersMsg,
    TermMsg,
    TooFar,
    ViewMessage,
    WalkOutMsg,
)
from game.ai import make_ai
from game.cli import main
from game.session import Session

SCHEMA_FILE = ROOT / "docs" / "agent.schema.json"


def _views(geneva) -> list:
    """Views of a real game at the start, at the table with an offer pending, and at the end."""
    session = Session.new(
        geneva, {"us": make_ai("pragmatist", "easy"), "china": make_ai("hardliner", "easy")}
    )
    views = [encode_view(session.view("us"))]
    while not session.over:
        session.step_ai()
        v = session.view("china")
        if v.pending_offer is not None and len(views) < 2:
            views.append(encode_view(v))
    views.append(encode_view(session.view("us")))
    assert len(views) == 3, "the game never had an offer on the table"
    return views


def _answers() -> list:
    term = TermMsg(instrument="cn_tariff_us", value=10)
    return [
        SubmitOrdersMsg(moves={"us_tariff_reciprocal": 100}, statement="firm", message="We hold."),
        SubmitOrdersMsg(),
        ProposeMsg(
            terms=[term, TermMsg(instrument="cn_purchases", value=5, duration_turns=4, start_after_turns=1)]
        ),
        CounterMsg(terms=[term], message="Closer."),
        AcceptMsg(),
        RejectMsg(),
        RejectMsg(reason=TooFar(instrument="us_chip_controls")),
        RejectMsg(reason=TooFar(instrument="us_tariff_fentanyl", level=0)),
        EndTalksMsg(),
        WalkOutMsg(),
    ]


def _game_messages(geneva) -> list:
    start, table, end = _views(geneva)
    return [
        ViewMessage(view=start),
        ViewMessage(view=table),
        ErrorMessage(
            rule="2.4",
            message="these orders cost 90 political capital and you have 60",
            attempts_left=2,
            view=start,
        ),
        ErrorMessage(rule="agent.json", message="not a JSON object", attempts_left=0, view=table),
        EndMessage(
            outcome="fragile_truce",
            end_reason="deadline",
            turns=13,
            scores={"us": 20.5, "china": 31.0},
            view=end,
        ),
    ]


def test_every_message_round_trips_through_json(geneva) -> None:
    for msg in _game_messages(geneva):
        line = msg.model_dump_json()
        assert "\n" not in line  # one message, one line
        again = GAME_MESSAGE.validate_json(line)
        assert again == msg and type(again) is type(msg)
        assert json.loads(line)["protocol"] == 1
    for msg in _answers():
        again = AGENT_ACTION.validate_json(msg.model_dump_json())
        assert again == msg and type(again) is type(msg)
    # an agent may leave out the version: it means protocol 1
    assert AGENT_ACTION.validate_python({"type": "accept"}) == AcceptMsg()


def test_every_answer_type_is_a_message() -> None:
    assert {m.type for m in _answers()} == set(ACTION_TYPES)


@pytest.fixture(scope="module")
def printed_schema() -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema", "--agent"]) == 0
    return json.loads(out.getvalue())


def test_schema_agent_validates_the_example_messages(printed_schema: dict, geneva) -> None:
    jsonschema.Draft202012Validator.check_schema(printed_schema)
    validator = jsonschema.Draft202012Validator(printed_schema)
    for msg in [*_game_messages(geneva), *_answers()]:
        data = msg.model_dump(mode="json")
        assert list(validator.iter_errors(data)) == [], data["type"]
    # and what an agent may write by hand, as in docs/agents.md
    for data in ({"type": "accept"}, {"type": "reject", "reason": {"instrument": "us_chip_controls"}}):
        assert list(validator.iter_errors(data)) == []


def test_schema_refuses_what_the_decoder_refuses(printed_schema: dict) -> None:
    validator = jsonschema.Draft202012Validator(printed_schema)
    for data in (
        {"type": "bid"},
        {"type": "accept", "protocol": 2},
        {"type": "propose"},
        {"type": "submit_orders", "statement": "rude"},
        {"type": "reject", "reason": {"kind": "too_far"}},
    ):
        assert list(validator.iter_errors(data)), data


def test_the_committed_schema_is_fresh(printed_schema: dict) -> None:
    assert printed_schema == agent_json_schema()
    committed = json.loads(Path(SCHEMA_FILE).read_text(encoding="utf-8"))
    assert committed == printed_schema, "docs/agent.schema.json is stale: run python scripts/gen_schema.py"


def test_the_docs_examples_are_valid_messages(printed_schema: dict, geneva) -> None:
    """Every JSON line in docs/agents.md's examples is a message the schema accepts (a view
    shown as ``{"...": "..."}`` stands for a real one) and the decoder or the game reads."""
    import re

    text = (ROOT / "docs" / "agents.md").read_text(encoding="utf-8")
    lines = [
        ln
        for block in re.findall(r"```json\n(.*?)```", text, re.S)
        for ln in block.splitlines()
        if ln.strip()
    ]
    assert len(lines) >= 10
    view = _views(geneva)[0].model_dump(mode="json")
    validator = jsonschema.Draft202012Validator(printed_schema)
    types = set()
    for line in lines:
        data = json.loads(line)
        if "view" in data:
            data["view"] = view
            GAME_MESSAGE.validate_python(data)
        else:
            AGENT_ACTION.validate_python(data)
        assert list(validator.iter_errors(data)) == [], line
        types.add(data["type"])
    assert types == {"view", "error", "end", *ACTION_TYPES}

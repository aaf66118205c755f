"""The agent protocol's messages, both directions, as pydantic models (version :data:`PROTOCOL`).

One JSON object per line. The game writes :class:`ViewMessage` whenever the seat must act,
:class:`ErrorMessage` after an answer it could not play (the agent answers again) and
:class:`EndMessage` when the game is over. The agent answers each view (or error) with one
:data:`AgentAction`. Every message carries ``"protocol": 1``; an agent may leave it out
of its answers (it then means the current version). ``docs/agents.md`` documents each
message with an example; ``tariff-talks schema --agent`` prints :func:`agent_json_schema`.

The view itself (:class:`AgentView`) is built by :func:`game.agents.encode.encode_view`
from ``view(state, side)`` alone; network play (issue 16) sends the same messages.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from game.engine.actions import Statement
from game.engine.reasons import Reason
from game.scenario.models import Briefing, Text

#: The protocol's version: every message says ``"protocol": 1``.
PROTOCOL: Final = 1
Version = Literal[1]
Phase = Literal["orders", "table", "over"]
#: What the seat may answer now (the ``type`` of an :data:`AgentAction`).
ActionType = Literal["submit_orders", "propose", "counter", "accept", "reject", "end_talks", "walk_out"]


class _Msg(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    protocol: Version = Field(default=PROTOCOL, description="The protocol's version.")


# ------------------------------------------------------------------------------ the view
class InstrumentInfo(BaseModel):
    """One instrument as the scenario defines it (public)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    owner: str = Field(description="The side that moves it (or `row`, the rest of the world).")
    target: str
    kind: str = Field(description="The instrument kind (the kind registry's id).")
    name: Text
    unit: str
    min: float
    max: float
    step: float = Field(description="Levels are min + k * step.")
    cost: float = Field(description="Political capital per step of a unilateral move (rule 2.4).")
    player_controlled: bool = Field(description="A delegation moves it (else only events do).")
    tradable: bool = Field(description="It may be a term of a package (rule 3.2).")
    applies_to: str | None = None


class TermInfo(BaseModel):
    """A term of a package: ``instrument`` (the committing side's) to ``value``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    value: float
    duration_turns: int | None = Field(
        default=None, description="Turns it lasts, then snaps back (null: to the end)."
    )
    start_after_turns: int = Field(default=0, description="Phase-in: turns after signing before it applies.")


class OfferInfo(BaseModel):
    """A package put on the table, as this side sees it (the other side's private reasons stripped)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    turn: int
    side: str = Field(description="Who proposed it.")
    terms: list[TermInfo]
    status: str = Field(description="pending, accepted, rejected, countered or lapsed.")
    message: str = ""
    reasons: list[Reason] = Field(default_factory=list, description="Why the proposer proposed it.")
    response_reasons: list[Reason] = Field(default_factory=list, description="Why it was answered as it was.")


class AgreementTermInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    owner: str
    value: float
    from_turn: int
    until_turn: int | None
    bound: str = Field(description="at_most or at_least.")
    active: bool


class AgreementInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    offer_id: int
    signed_turn: int
    proposer: str
    comprehensive: bool
    status: str = Field(description="in_force, expired, breached or superseded.")
    terms: list[AgreementTermInfo]


class HistoryEntry(BaseModel):
    """The record at the end of a turn's resolution (turn 0: the start)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    turn: int
    levels: dict[str, float]
    meters: dict[str, dict[str, float]] = Field(
        description="side -> meter -> value (the other side's private meters left out)."
    )
    shared: dict[str, float]


class NewsInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    turn: int
    kind: str
    side: str | None = None
    event_id: str | None = None


class ScoreInfo(BaseModel):
    """This side's score under its own briefing, as things stand."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    total: float
    walk_away: float


class AgentView(BaseModel):
    """Everything one side may see, derived from ``view(state, side)`` alone."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    side: str
    other: str
    phase: Phase
    turn: int
    deadline_turn: int = Field(description="The last turn: the game ends after it resolves.")
    date: str = Field(description="The turn's first day (ISO).")
    my_move: bool = Field(description="This side must act now.")
    can: list[ActionType] = Field(description="The answers that fit the phase and the table now.")
    levels: dict[str, float] = Field(description="instrument id -> level now.")
    instruments: list[InstrumentInfo]
    statement_costs: dict[Statement, float] = Field(
        description="Political capital each statement costs (rule 2.4)."
    )
    pending_offer: OfferInfo | None = Field(description="The offer on the table, to answer (null: none).")
    exchanges_left: int = Field(description="Offers still allowed at the table this turn (rule 3.4).")
    offers: list[OfferInfo] = Field(description="Every offer so far, oldest first.")
    agreements: list[AgreementInfo]
    briefing: Briefing = Field(description="This side's own briefing (the other side's is never sent).")
    other_prior: Briefing | None = Field(
        default=None,
        description="What this side knows of the other's briefing (rule 7.3): its public prior, numbers "
        "at the priors' middles, ranges and choices under `priors`; null when the other's briefing has no prior.",
    )
    political_capital: float
    meters: dict[str, dict[str, float]] = Field(
        description="side -> meter -> value now (the other side's private meters left out)."
    )
    shared: dict[str, float] = Field(description="Shared meters (world).")
    history: list[HistoryEntry]
    news: list[NewsInfo]
    my_orders: dict[str, float] | None = Field(
        description="This side's orders submitted this turn (null: not yet)."
    )
    other_submitted: bool = Field(description="The other side has submitted its orders this turn.")
    score: ScoreInfo
    end_reason: str | None = None


# ------------------------------------------------------------------- game -> agent
class ViewMessage(_Msg):
    """The seat must act: answer with one action."""

    type: Literal["view"] = "view"
    view: AgentView


class ErrorMessage(_Msg):
    """The last answer could not be played: answer again (``attempts_left`` more times)."""

    type: Literal["error"] = "error"
    rule: str = Field(
        description="The rule's number in docs/rules.md (e.g. 2.4), or agent.* for a malformed message."
    )
    message: str = Field(description="What was wrong, for the agent's author.")
    attempts_left: int = Field(description="Answers still accepted for this decision before the seat passes.")
    view: AgentView


class EndMessage(_Msg):
    """The game is over (no answer expected)."""

    type: Literal["end"] = "end"
    outcome: str = Field(description="The outcome tier's id.")
    end_reason: str | None = Field(description="deal, walk_out, trust, recession or deadline.")
    turns: int
    scores: dict[str, float] = Field(description="side -> final score (each under its own briefing).")
    view: AgentView


GameMessage = Annotated[ViewMessage | ErrorMessage | EndMessage, Field(discriminator="type")]


# ------------------------------------------------------------------- agent -> game
class TermMsg(BaseModel):
    """A term the agent offers or asks for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    value: float
    duration_turns: int | None = None
    start_after_turns: int = 0


class TooFar(BaseModel):
    """A reject's reason: the offer goes too far on ``instrument`` (optionally: at ``level``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["too_far"] = "too_far"
    instrument: str
    level: float | None = None


class SubmitOrdersMsg(_Msg):
    type: Literal["submit_orders"] = "submit_orders"
    moves: dict[str, float] = Field(default_factory=dict, description="instrument id -> new level.")
    statement: Statement = "none"
    message: str = ""


class ProposeMsg(_Msg):
    type: Literal["propose"] = "propose"
    terms: list[TermMsg]
    message: str = ""


class CounterMsg(_Msg):
    type: Literal["counter"] = "counter"
    terms: list[TermMsg]
    message: str = ""


class AcceptMsg(_Msg):
    type: Literal["accept"] = "accept"


class RejectMsg(_Msg):
    type: Literal["reject"] = "reject"
    reason: TooFar | None = None


class EndTalksMsg(_Msg):
    type: Literal["end_talks"] = "end_talks"


class WalkOutMsg(_Msg):
    type: Literal["walk_out"] = "walk_out"


AgentAction = Annotated[
    SubmitOrdersMsg | ProposeMsg | CounterMsg | AcceptMsg | RejectMsg | EndTalksMsg | WalkOutMsg,
    Field(discriminator="type"),
]
AGENT_ACTION: TypeAdapter[AgentAction] = TypeAdapter(AgentAction)
GAME_MESSAGE: TypeAdapter[GameMessage] = TypeAdapter(GameMessage)
#: every answer type, in the protocol's order
ACTION_TYPES: tuple[str, ...] = get_args(ActionType)


def agent_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of both directions: ``to_agent`` (what the game
    writes) and ``from_agent`` (what the agent answers), under ``$defs``."""
    to_agent = GAME_MESSAGE.json_schema(ref_template="#/$defs/{model}")
    from_agent = AGENT_ACTION.json_schema(ref_template="#/$defs/{model}")
    defs = {**to_agent.pop("$defs", {}), **from_agent.pop("$defs", {})}
    defs["ToAgent"] = to_agent
    defs["FromAgent"] = from_agent
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tariff-talks.example/schemas/agent.schema.json",
        "title": "Tariff Talks agent protocol",
        "description": f"Protocol {PROTOCOL}: one JSON object per line. The game writes a ToAgent "
        "message; the agent answers each view or error with one FromAgent message (docs/agents.md).",
        "oneOf": [{"$ref": "#/$defs/ToAgent"}, {"$ref": "#/$defs/FromAgent"}],
        "$defs": dict(sorted(defs.items())),
    }

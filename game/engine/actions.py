"""Actions: everything a side can do, as plain data.

A game is its scenario, its seed and the list of these actions (event-sourced):
saves, replays, undo and the determinism checks all follow from that.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from game.engine.reasons import Reason

Statement = Literal["none", "conciliatory", "firm", "threatening"]
STATEMENTS: tuple[Statement, ...] = ("none", "conciliatory", "firm", "threatening")


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    side: str
    reasons: tuple[Reason, ...] = Field(
        default=(), description="Why, as data (game.engine.reasons): rendered for people when shown."
    )
    note: str = Field(
        default="", description="Free text: only what a person typed (old saves: the AI's prose explanation)."
    )


class Term(BaseModel):
    """One commitment in a package: ``instrument`` (owned by the committing side) to ``value``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    value: float
    duration_turns: int | None = Field(
        default=None, description="Turns the term lasts; then it snaps back. None: until the game ends."
    )
    start_after_turns: int = Field(
        default=0, description="Phase-in: the term takes effect this many turns after signing (0 = at once)."
    )


class SubmitOrders(_Action):
    """A side's private unilateral orders for the turn and its public statement."""

    type: Literal["orders"] = "orders"
    moves: dict[str, float] = Field(default_factory=dict, description="instrument id -> new level")
    statement: Statement = "none"
    message: str = ""


class Propose(_Action):
    """Put a package on the table."""

    type: Literal["propose"] = "propose"
    terms: tuple[Term, ...]
    message: str = ""


class Accept(_Action):
    type: Literal["accept"] = "accept"


class Reject(_Action):
    type: Literal["reject"] = "reject"


class Counter(_Action):
    """Reject the offer on the table and propose another in one move."""

    type: Literal["counter"] = "counter"
    terms: tuple[Term, ...]
    message: str = ""


class EndTalks(_Action):
    """No (further) offer from this side this turn: the table closes."""

    type: Literal["end_talks"] = "end_talks"


class WalkOut(_Action):
    """Leave the table for good: the talks collapse."""

    type: Literal["walk_out"] = "walk_out"


Action = Annotated[
    SubmitOrders | Propose | Accept | Reject | Counter | EndTalks | WalkOut,
    Field(discriminator="type"),
]
ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)


def action_to_dict(action: Action) -> dict[str, Any]:
    return action.model_dump(mode="json")


def action_from_dict(data: object) -> Action:
    return ACTION_ADAPTER.validate_python(data)

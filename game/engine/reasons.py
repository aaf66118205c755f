"""Reasons as data: why a side did what it did, for machines to read and people to be told.

Every AI action carries ``reasons: tuple[Reason, ...]`` (:mod:`game.engine.actions`); the
state keeps them on offers (``Offer.reasons``, ``Offer.response_reasons``) and orders
(``SideState.order_reasons``). Nothing here is prose: a reason is a **kind** from the one
registry below (:data:`KINDS`) plus the ids and numbers it is about — the objective, red
line, instrument, meter, levels. Sentences are rendered at display time, in the reader's
language, by :mod:`game.reasons_text`; the opponent model (:mod:`game.ai.opponent`) reads
the structured public part and never parses words.

**Public and private.** The fields of :class:`Reason` itself are *public*: the other side
sees them (:func:`game.engine.view.view` keeps them). :attr:`Reason.private` holds what only
the side that gave the reason may see (its own score numbers, an objective's weight); ``view``
replaces it with ``None`` in every reason the *other* side gave (:meth:`Reason.public`).

**Coarsened fields (issue 13).** A refusal must not give the side's secrets away: the fields
listed in each kind's :attr:`ReasonSpec.coarsened` — a red line's exact ``level`` and ``text``,
an objective's ``value``, ``target`` and ``text``, the level an instrument stays at — are
*private* for that kind. The AI's builders (:mod:`game.ai.explain`) put them in
:class:`Private` only (``Private.level``, ``Private.text``, …) and give the public part a
direction (the instrument, the ``op`` of a line, who owns it) and at most a rough ``bound``;
and :meth:`Reason.public` blanks the coarsened fields whatever a builder (or an old save)
put there, so ``view`` hides them by construction. The opponent model learns from what is
left.

A human's Reject may carry a reason too (:attr:`ReasonKind.TOO_FAR`: "too far on
instrument X", optionally with the level that was too far); it reaches the AI as the same
structured data as an AI's refusal.

Free text stays only where a person typed it (``message``) and in ``note``, which old saves
filled with the AI's prose (they still load and show it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.scenario.models import Op, Text

#: How much better than no deal a package leaves the side (a negotiator does not quote its
#: own score): the public words for the private ``gain``.
Band = Literal["far", "clearly", "somewhat"]
StatementKind = Literal["none", "conciliatory", "firm", "threatening"]
#: What a reason explains: a package put on the table, an answer to one (accept, reject, the
#: refusal part of a counter), the orders of a turn, or the table closing.
Part = Literal["offer", "answer", "orders", "table"]


class ReasonKind(StrEnum):
    # a package proposed (the offer part of a Propose or Counter)
    OFFER = "offer"
    # answers
    ACCEPT = "accept"
    NIBBLE = "nibble"
    RED_LINE = "red_line"
    SHORTFALL = "shortfall"
    NO_BETTER_THAN_NO_DEAL = "no_better_than_no_deal"
    BREACH = "breach"
    CANNOT_AGREE = "cannot_agree"
    TOO_FAR = "too_far"
    # the table
    NO_OFFERS_LEFT = "no_offers_left"
    NOTHING_BEATS_NO_DEAL = "nothing_beats_no_deal"
    NOTHING_MORE = "nothing_more"
    WALK_OUT = "walk_out"
    # orders
    NO_MOVES = "no_moves"
    ANSWER_ESCALATION = "answer_escalation"
    MATCH_EASING = "match_easing"
    GOODWILL = "goodwill"
    LET_PASS = "let_pass"
    NO_CAPITAL = "no_capital"
    PAYS_ALONE = "pays_alone"
    NONE_PAYS = "none_pays"
    STATEMENT = "statement"
    # a scripted side (tests, the Session's script)
    SCRIPTED = "scripted"


@dataclass(frozen=True)
class ReasonSpec:
    """What one kind of reason is: the part it explains, whether it names the term that
    decided a refusal (the opponent model reads those as a line on ``instrument``), and the
    fields that are private for this kind (:meth:`Reason.public` blanks them)."""

    kind: ReasonKind
    part: Part
    names_limit: bool = False
    coarsened: tuple[str, ...] = ()


_SPECS = (
    ReasonSpec(ReasonKind.OFFER, "offer"),
    ReasonSpec(ReasonKind.ACCEPT, "answer"),
    ReasonSpec(ReasonKind.NIBBLE, "answer"),
    ReasonSpec(ReasonKind.RED_LINE, "answer", names_limit=True, coarsened=("level", "text")),
    ReasonSpec(
        ReasonKind.SHORTFALL, "answer", names_limit=True, coarsened=("value", "target", "text", "level")
    ),
    ReasonSpec(ReasonKind.NO_BETTER_THAN_NO_DEAL, "answer"),
    ReasonSpec(ReasonKind.BREACH, "answer"),
    ReasonSpec(ReasonKind.CANNOT_AGREE, "answer"),
    ReasonSpec(ReasonKind.TOO_FAR, "answer", names_limit=True),
    ReasonSpec(ReasonKind.NO_OFFERS_LEFT, "table"),
    ReasonSpec(ReasonKind.NOTHING_BEATS_NO_DEAL, "table"),
    ReasonSpec(ReasonKind.NOTHING_MORE, "table"),
    ReasonSpec(ReasonKind.WALK_OUT, "table"),
    ReasonSpec(ReasonKind.NO_MOVES, "orders"),
    ReasonSpec(ReasonKind.ANSWER_ESCALATION, "orders"),
    ReasonSpec(ReasonKind.MATCH_EASING, "orders"),
    ReasonSpec(ReasonKind.GOODWILL, "orders"),
    ReasonSpec(ReasonKind.LET_PASS, "orders"),
    ReasonSpec(ReasonKind.NO_CAPITAL, "orders"),
    ReasonSpec(ReasonKind.PAYS_ALONE, "orders"),
    ReasonSpec(ReasonKind.NONE_PAYS, "orders"),
    ReasonSpec(ReasonKind.STATEMENT, "orders"),
    ReasonSpec(ReasonKind.SCRIPTED, "table"),
)
#: The one registry of reason kinds.
KINDS: dict[ReasonKind, ReasonSpec] = {s.kind: s for s in _SPECS}


class TermRef(BaseModel):
    """A term a reason names: ``instrument`` from ``before`` (its level when the reason was
    given) to ``value``, for ``duration_turns`` (None: to the end). ``dropped``: a term of
    their package the nibble leaves out."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    value: float
    before: float
    duration_turns: int | None = None
    dropped: bool = False


class Private(BaseModel):
    """What only the side that gave the reason may see (stripped from the other side's view)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gain: float | None = Field(default=None, description="Score points over no deal.")
    score: float | None = Field(default=None, description="The side's projected score under the terms.")
    no_deal: float | None = Field(default=None, description="The side's projected score with no deal.")
    weight: float | None = Field(default=None, description="The objective's weight in the briefing.")
    credit: float | None = Field(default=None, description="The objective's credit (0..1) under the terms.")
    level: float | None = Field(
        default=None, description="The exact level: a red line's, or where the instrument stays."
    )
    text: Text | None = Field(default=None, description="The scenario's words for the red line or objective.")
    value: float | None = Field(default=None, description="The objective's value under the terms.")
    target: float | None = Field(default=None, description="The objective's target.")
    walk_away: float | None = Field(default=None, description="The side's walk-away value (rule 6.3).")


class Reason(BaseModel):
    """One reason for an action. Every field but :attr:`private` is public (see the module
    docstring; :data:`KINDS` says which public fields issue 13 will coarsen)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ReasonKind
    instrument: str | None = Field(
        default=None,
        description="The instrument the reason is about: a red line's, the one holding "
        "an objective back, the one moved, the one a human found too far.",
    )
    level: float | None = Field(
        default=None,
        description="A level of ``instrument``: the new level of a move, the level a person "
        "found too far (private for a red line and a shortfall: see ``coarsened``).",
    )
    bound: float | None = Field(
        default=None,
        description="A red line's rough bound, public: a level on a coarse grid on the far side "
        "of the line (the line lies between the current level and it), or a bluff inside it.",
    )
    op: Op | None = Field(
        default=None, description="A red line's comparison (the level is allowed when it holds)."
    )
    red_line: str | None = Field(default=None, description="The red line's id.")
    objective: str | None = Field(default=None, description="The objective's id.")
    meter: str | None = Field(default=None, description="The objective's meter (with ``meter_side``).")
    meter_side: str | None = None
    value: float | None = Field(default=None, description="The objective's value under the terms.")
    target: float | None = Field(default=None, description="The objective's target.")
    text: Text | None = Field(
        default=None, description="The scenario's own words for the red line or objective."
    )
    terms: tuple[TermRef, ...] = Field(default=(), description="The terms named (offer, accept, nibble).")
    more_terms: int = Field(default=0, description="Terms of the package not named.")
    band: Band | None = Field(default=None, description="How much better than no deal, in words.")
    turn: int | None = Field(default=None, description="The turn of a breach.")
    statement: StatementKind | None = None
    in_reply: bool = Field(default=False, description="A statement made in reply to theirs.")
    private: Private | None = None

    @property
    def spec(self) -> ReasonSpec:
        return KINDS[self.kind]

    def public(self) -> Reason:
        """This reason as the other side sees it: without its private part, and with the
        kind's coarsened fields blank (they are private by construction)."""
        blank = {f: None for f in KINDS[self.kind].coarsened if getattr(self, f) is not None}
        if self.private is not None:
            blank["private"] = None
        return self.model_copy(update=blank) if blank else self


def public(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    return tuple(r.public() for r in reasons)


def too_far(instrument: str, level: float | None = None) -> Reason:
    """A Reject's reason: the offer went too far on ``instrument`` (``level``: the level found
    too far, if said). The one place a person's or an agent's "too far" becomes data: the
    window, the terminal and the agent protocol all build it here."""
    return Reason(kind=ReasonKind.TOO_FAR, instrument=instrument, level=level)


def band_for(gain: float) -> Band:
    """The words for ``gain`` score points over no deal."""
    if gain >= 15:
        return "far"
    if gain >= 5:
        return "clearly"
    return "somewhat"


def of_part(reasons: tuple[Reason, ...], part: Part) -> tuple[Reason, ...]:
    """The reasons that explain ``part`` (e.g. a counter's refusal without its offer)."""
    return tuple(r for r in reasons if KINDS[r.kind].part == part)


def named_instruments(reasons: tuple[Reason, ...], *, limits_only: bool = False) -> set[str]:
    """Instruments the reasons name: all of them, or (``limits_only``) only those a refusal
    names as the term that decided it."""
    out: set[str] = set()
    for r in reasons:
        if limits_only and not KINDS[r.kind].names_limit:
            continue
        if r.instrument is not None:
            out.add(r.instrument)
        if not limits_only:
            out.update(t.instrument for t in r.terms)
    return out

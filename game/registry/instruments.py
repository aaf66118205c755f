"""The instrument kinds: one :class:`KindSpec` each, the one place a kind is described.

A scenario's instrument names its ``kind``; what the kind means is here: how the economy
model reads the level, whether an agreement's term on it is an upper or a lower bound
(and so which way a move is a concession), whether it may be traded at the table
(rule 3.2), and the words for the two levels of an on/off instrument. The scenario model's
``kind`` field (its allowed values, and the schema's enum), the rules' economy inputs,
agreements, breaches and trust, the agreement-zone search, the lint's scripted players,
the texts and the AI read these attributes and predicates instead of comparing kind names.

This module imports nothing of ``game`` but :mod:`game.i18n` (for :func:`N_`); the
predicates take any object with an instrument's attributes (:class:`InstrumentLike`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal, Protocol

from game.i18n import N_

#: How the economy model reads an instrument's level (rule 4.7):
#: ``tariff`` percentage points of tariff on ``share`` of the target's goods, less the
#: points suspended by the suspensions that apply to it; ``suspension`` points of the
#: tariff ``applies_to`` suspended (read through that tariff); ``purchases`` bn USD a year
#: the owner buys from the target; ``effects`` only its ``effects``, scaled by level / max.
Channel = Literal["tariff", "suspension", "purchases", "effects"]
#: What an agreement's term on the instrument commits its owner to (rule 4.3).
Bound = Literal["at_most", "at_least"]


class InstrumentLike(Protocol):
    """What the predicates read of an instrument (:class:`game.scenario.models.Instrument`)."""

    @property
    def kind(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def player_controlled(self) -> bool: ...
    @property
    def min(self) -> float: ...
    @property
    def max(self) -> float: ...
    @property
    def step(self) -> float: ...


@dataclass(frozen=True)
class KindSpec:
    """One kind of instrument."""

    id: str  # the name scenarios use in ``kind:``
    label: str  # English, marked for translation
    channel: Channel  # how the economy model reads the level
    effects: bool  # its ``effects`` apply, scaled linearly by level / max
    #: ``at_most``: an agreement's term caps the level, and raising it hurts the other side
    #: (a tariff, a measure); ``at_least``: the term is a floor, and lowering it hurts.
    bound: Bound
    tradable: bool = True  # may be a term of a package (rule 3.2), if player-controlled
    #: The words for an on/off instrument's two levels (at its minimum, at its maximum),
    #: English and marked for translation; None: the level reads as a number.
    level_words: tuple[str, str] | None = None
    #: For an on/off instrument, a term setting it to its minimum and to its maximum in words
    #: (message ids; ``{instrument}`` is its name with its article, ``{pledge}`` its bare name).
    move_words: tuple[str, str] | None = None
    #: What the level means, for scenario authors (reST; the ``Instrument`` model's docstring,
    #: and so the schema and the authoring reference, list it).
    doc: str = ""
    #: Rule 3.8, face and audience costs: the approval points its owner loses for conceding
    #: the instrument's whole range for good (in a signed term or by a unilateral order),
    #: in proportion to the share of the range conceded; a term with a duration costs
    #: :data:`game.engine.rules.constants.TEMPORARY_FACE_FACTOR` of it.
    face_cost_pp: float = 0.0
    #: Rule 3.8, the same for the owner's faction pressure (percentage points): the sensitive
    #: kinds, those a hawkish faction watches (security measures, enforcement pledges).
    faction_cost_pct: float = 0.0

    @property
    def upper_bound(self) -> bool:
        return self.bound == "at_most"

    @property
    def concession(self) -> int:
        """The direction of a move in the other side's favour: -1 down, +1 up."""
        return -1 if self.upper_bound else 1

    @property
    def suspends(self) -> bool:
        """It suspends points of another instrument (``applies_to``), which it needs."""
        return self.channel == "suspension"


KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        "tariff", N_("Tariff"), "tariff", effects=False, bound="at_most", face_cost_pp=4.0,
        doc="percentage points of tariff the owner levies on the target's goods\n"
        "(on ``share`` of them, 1.0 for a headline rate, less for a sector)",
    ),
    KindSpec(
        "suspension", N_("Suspended tariff points"), "suspension", effects=False, bound="at_least",
        face_cost_pp=4.0,
        doc="points of the tariff ``applies_to`` suspended (subtracted);\n"
        "when an agreement's term on it expires, it snaps back to its prior level",
    ),
    KindSpec(
        "measure", N_("Non-tariff measure"), "effects", effects=True, bound="at_most",
        face_cost_pp=3.0, faction_cost_pct=10.0,
        level_words=(N_("lifted"), N_("in force")),
        move_words=(N_("lift {instrument}"), N_("impose {instrument}")),
        doc="a non-tariff measure, 0 = off, ``max`` = fully in force",
    ),
    KindSpec(
        "purchase", N_("Purchase commitment"), "purchases", effects=True, bound="at_least",
        face_cost_pp=5.0,
        doc="the owner's purchase commitment from the target (bn USD a year)",
    ),
    KindSpec(
        "pledge", N_("Enforcement pledge"), "effects", effects=True, bound="at_least",
        face_cost_pp=3.0, faction_cost_pct=5.0,
        level_words=(N_("not given"), N_("in force")),
        move_words=(N_("drop {instrument}"), N_("commit to {pledge}")),
        doc="an enforcement pledge (0 = none, ``max`` = full)",
    ),
    KindSpec(
        "consultation", N_("Consultation mechanism"), "effects", effects=True, bound="at_least",
        level_words=(N_("not joined"), N_("joined")),
        move_words=(N_("leave the consultations"), N_("join a standing consultation mechanism")),
        doc="a consultation mechanism (0 = none, ``max`` = standing)",
    ),
)  # fmt: skip

_BY_ID: dict[str, KindSpec] = {k.id: k for k in KINDS}


def kind_ids() -> tuple[str, ...]:
    return tuple(k.id for k in KINDS)


def kind(kind_id: str) -> KindSpec:
    """The spec of a kind (KeyError for an unknown one: the scenario model allows only these)."""
    return _BY_ID[kind_id]


def kind_of(ins: InstrumentLike) -> KindSpec:
    return _BY_ID[ins.kind]


def kinds_doc(indent: str = "") -> str:
    """The kinds as a reST list for scenario authors, one item a kind, each line ``indent``-ed."""
    items = []
    for k, spec in enumerate(KINDS):
        first, *rest = spec.doc.split("\n")
        end = "." if k == len(KINDS) - 1 else ";"
        lines = [f"{indent}- ``{spec.id}``: {first}", *(f"{indent}  {line}" for line in rest)]
        lines[-1] += end
        items.append("\n".join(lines))
    return "\n".join(items)


def upper_bound_kinds() -> frozenset[str]:
    """Kinds whose commitment in an agreement is an upper bound ("at most")."""
    return frozenset(k.id for k in KINDS if k.upper_bound)


# ------------------------------------------------------------------------------ predicates
def tradable(ins: InstrumentLike, sides: Collection[str]) -> bool:
    """Rule 3.2: may ``ins`` be a term of a package between ``sides``? Its kind must be
    tradable, and a delegation at the table must move it (not events, not the rest of the world)."""
    return kind_of(ins).tradable and ins.player_controlled and ins.owner in sides


def hurts_other(ins: InstrumentLike, delta: float) -> bool:
    """Does moving ``ins`` by ``delta`` hurt the side it targets (rule 4.8: trust falls)?"""
    return delta > 0 if kind_of(ins).upper_bound else delta < 0


def conceded_share(ins: InstrumentLike, before: float, after: float) -> float:
    """Rule 3.8: the share of ``ins``'s range (0..1) that moving it from ``before`` to ``after``
    gives the side it targets; 0 for a move against that side or none."""
    span = ins.max - ins.min
    if span <= 0:
        return 0.0
    return max(0.0, (after - before) * kind_of(ins).concession / span)


def friendliest(ins: InstrumentLike) -> float:
    """The level most in the target's favour (the end a concession moves towards)."""
    return ins.min if kind_of(ins).upper_bound else ins.max


def hostile(ins: InstrumentLike) -> float:
    """The level least in the target's favour."""
    return ins.max if kind_of(ins).upper_bound else ins.min


def on_off(ins: InstrumentLike) -> bool:
    """An instrument with two levels only (off at ``min``, on at ``max``)."""
    return ins.max - ins.min <= ins.step + 1e-9


def level_word(ins: InstrumentLike, value: float) -> str | None:
    """The English word (a message id: translate with ``t(lang, word)``) for ``value`` of an
    on/off instrument whose kind has level words, at either end; None otherwise."""
    words = kind_of(ins).level_words
    if words is None or not on_off(ins):
        return None
    if abs(value - ins.min) < 1e-9:
        return words[0]
    if abs(value - ins.max) < 1e-9:
        return words[1]
    return None

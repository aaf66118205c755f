"""Pydantic v2 models of a scenario file.

A scenario is plain data: sides, instruments, a starting state, economy
parameters, one private briefing per side, events, scoring and end conditions.
Every model forbids unknown keys so that a misspelt key is reported (with a
"did you mean …?" hint added by :mod:`game.scenario.loader`).

Any text shown to players may be a plain string or a mapping language code -> text,
``{en: …, zh: …, fr: …}`` (English required; a missing language reads the English).
Units live in field names: ``*_pct`` is percent, ``*_bn`` is billions of US
dollars a year, ``*_pp`` is percentage points, ``*_turns`` counts turns.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from game import i18n
from game.economy import regions as region_library
from game.registry import instruments as kind_registry
from game.registry import meters as meter_registry

if TYPE_CHECKING:
    Region = str
else:  # the library's regions: pydantic checks them and the schema lists them
    Region = Literal[region_library.LIBRARY]
SideId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="A side's id, e.g. `us`.")]
Ident = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_]*$", description="An identifier: lower case, digits, underscores."),
]

#: Meters that every side has, and their ranges (from the registry). Units are in the names.
SIDE_METERS: dict[str, tuple[float, float]] = meter_registry.ranges("side")
#: Meters shared by the whole table.
SHARED_METERS: dict[str, tuple[float, float]] = meter_registry.ranges("shared")
METER_RANGES: dict[str, tuple[float, float]] = {**SIDE_METERS, **SHARED_METERS}
#: Meters an event's effect may move (the others follow from the economy model).
EFFECT_METERS: frozenset[str] = meter_registry.event_meters()


class Model(BaseModel):
    """Base of every scenario model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


#: A language code in a scenario text: ``en``, ``zh``, ``fr``, ``pt_BR``, ``zh-Hant``.
LANGUAGE_CODE = r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})?$"


class LocalText(Model):
    """A text in several languages, keyed by language code (`en`, `zh`, `fr`, `pt_BR`, …). English is required; a reader whose language is missing reads the English."""

    # ``en`` and ``zh`` are declared fields (the schema's examples, the editor's columns);
    # every other language code is an extra key, validated as a text.

    model_config = ConfigDict(
        extra="allow", frozen=True, json_schema_extra={"propertyNames": {"pattern": LANGUAGE_CODE}}
    )
    __pydantic_extra__: dict[str, str] = Field(init=False)

    en: str = Field(description="English text.", examples=["Talks in Geneva"])
    zh: str | None = Field(default=None, description="Simplified Chinese text.", examples=["日内瓦会谈"])

    @model_validator(mode="after")
    def _codes(self) -> LocalText:
        for code in self.__pydantic_extra__ or {}:
            if not re.match(LANGUAGE_CODE, code):
                raise ValueError(
                    f"{code!r} is not a language code: use one like en, zh, fr or pt_BR for each text"
                )
        return self

    @property
    def texts(self) -> dict[str, str]:
        """Every language's text, by code (English first; no empty ones)."""
        out = {"en": self.en}
        if self.zh:
            out["zh"] = self.zh
        out.update({k: v for k, v in (self.__pydantic_extra__ or {}).items() if v})
        return out

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.texts)

    def get(self, lang: str | None) -> str:
        """The text in ``lang`` (``zh_CN`` finds ``zh``), else in English."""
        texts = self.texts
        if not lang:
            return self.en
        code = lang.replace("-", "_")
        for key in (code, code.split("_")[0].lower()):
            for have, text in texts.items():
                if have.replace("-", "_").lower() == key.lower():
                    return text
        return self.en


Text = str | LocalText


def tr(text: Text | None, lang: str | None = "en") -> str:
    """The text in ``lang``, falling back to English. The pseudo-locale (``en-XA``) shows the
    English accented and lengthened, like every other word in it."""
    if text is None:
        return ""
    english = text if isinstance(text, str) else text.en
    if i18n.normalise(lang) == i18n.PSEUDO:
        return i18n.pseudo(english)
    if isinstance(text, str):
        return text
    return text.get(lang)


class Meta(Model):
    """Who, when and how long."""

    id: Ident = Field(description="Unique id of the scenario.", examples=["geneva_2025"])
    title: Text = Field(description="Title shown in the New game dialog.")
    description: Text = Field(default="", description="A paragraph for the New game dialog.")
    start_date: dt.date = Field(description="Date of turn 1.", examples=["2025-05-06"])
    turn_days: int = Field(default=7, ge=1, le=366, description="Game days per turn.")
    difficulty: Literal["tutorial", "easy", "normal", "hard"] = Field(
        default="normal", description="How hard the scenario is for a newcomer."
    )
    author: str = Field(default="", description="Who wrote the scenario.")
    version: str = Field(default="1", description="The scenario's own version.")
    sources: list[str] = Field(default_factory=list, description="Where the scenario's facts come from.")


class Member(Model):
    """A member of a delegation."""

    name: Text = Field(examples=["Scott Bessent"])
    role: Text = Field(default="", examples=["Treasury Secretary"])
    quote: Text | None = Field(default=None, description="A saying used as flavour text.")


class Side(Model):
    """A delegation at the table."""

    id: SideId = Field(examples=["us"])
    name: Text = Field(examples=["United States"])
    region: Region = Field(
        description="The economy model's region this side governs (a region of the library: the US, China, "
        "the EU, Japan, Mexico or Canada)."
    )
    colour: str = Field(default="#3366cc", pattern=r"^#[0-9a-fA-F]{6}$", description="Colour as #rrggbb.")
    delegation: list[Member] = Field(default_factory=list)
    faction: Text = Field(
        default="Exporters",
        description="The domestic lobby whose pressure rises as this side's exports to the other fall.",
    )
    political_capital: float = Field(default=60.0, ge=0, le=100, description="Starting political capital.")
    approval_pct: float = Field(default=50.0, ge=0, le=100, description="Starting domestic approval (%).")


if TYPE_CHECKING:
    InstrumentKind = str
else:  # the registry's kinds: pydantic checks them and the schema lists them
    InstrumentKind = Literal[kind_registry.kind_ids()]


class MeasureEffects(Model):
    """Economic effects of an instrument when at its maximum level (scaled linearly below)."""

    target_exports_pct: float = Field(
        default=0.0, ge=-100, le=100, description="Change of the target's exports to the owner (%)."
    )
    owner_exports_pct: float = Field(
        default=0.0,
        ge=-100,
        le=100,
        description="Change of the owner's exports to the target (%), e.g. export controls.",
    )
    target_growth_pp: float = Field(default=0.0, ge=-5, le=5, description="Target's growth outlook (pp).")
    owner_growth_pp: float = Field(default=0.0, ge=-5, le=5, description="Owner's growth outlook (pp).")
    target_inflation_pp: float = Field(default=0.0, ge=-5, le=5, description="Target's inflation (pp).")
    uncertainty_points: float = Field(
        default=0.0, ge=-500, le=500, description="Uncertainty index points while in force."
    )


class Instrument(Model):
    """A lever one side controls.

    Every instrument has a numeric level between ``min`` and ``max`` in steps of
    ``step``. Its ``kind`` says how the economy model reads the level:
    """  # the kinds' list follows the class: the instrument-kind registry writes it

    id: Ident = Field(examples=["us_tariff_china"])
    kind: InstrumentKind
    owner: str = Field(
        description="The side that controls the instrument, or `row` (rest of world) for background instruments."
    )
    target: str = Field(description="The side (or `row`, rest of world) the instrument is aimed at.")
    name: Text
    description: Text = ""
    min: float = Field(default=0.0, ge=-1000, le=10000)
    max: float = Field(default=100.0, ge=-1000, le=10000)
    step: float = Field(default=1.0, gt=0, le=10000, description="Smallest move.")
    start: float = Field(description="Level at the start of the scenario.")
    unit: Literal["pct", "bn", "level"] = "level"
    share: float = Field(
        default=1.0, gt=0, le=1, description="For tariffs: share of the target's goods covered."
    )
    applies_to: Ident | None = Field(default=None, description="For suspensions: the tariff it suspends.")
    cost: float = Field(
        default=1.0, ge=0, le=100, description="Political capital per step moved by a unilateral order."
    )
    player_controlled: bool = Field(
        default=True, description="False for background instruments that only events move."
    )
    effects: MeasureEffects = Field(default_factory=MeasureEffects)

    @model_validator(mode="after")
    def _check_range(self) -> Instrument:
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is above max ({self.max:g})")
        if not (self.min <= self.start <= self.max):
            raise ValueError(f"start ({self.start:g}) is outside {self.min:g}..{self.max:g}")
        if kind_registry.kind(self.kind).suspends and self.applies_to is None:
            raise ValueError("a suspension needs `applies_to`: the tariff it suspends")
        if self.owner == "row" and self.player_controlled:
            raise ValueError("an instrument owned by `row` must have `player_controlled: false`")
        return self


#: The kinds, as the registry describes them (the schema and the authoring reference read this).
Instrument.__doc__ = (Instrument.__doc__ or "").rstrip() + "\n\n" + kind_registry.kinds_doc("    ") + "\n    "


Op = Literal[">=", "<=", ">", "<", "=="]


class Condition(Model):
    """A comparison on a meter or an instrument's level."""

    meter: str | None = None
    side: SideId | None = None
    instrument: Ident | None = None
    op: Op = ">="
    value: float

    @model_validator(mode="after")
    def _one_subject(self) -> Condition:
        if (self.meter is None) == (self.instrument is None):
            raise ValueError("a condition names exactly one of `meter` or `instrument`")
        return self


class Prior(Model):
    """A private quantity's public prior (hidden types, rule 7.3): each game draws the quantity
    from it, from the seed. Write it in place of the number: ``{between: [lo, hi]}`` (uniform; a
    red line's level on its instrument's step) or ``{one_of: [a, b, c]}`` (equally likely, or
    with ``weights: [...]``, one per choice)."""

    between: list[float] | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="Uniform between these two values, `[lo, hi]` (inclusive).",
        examples=[[20, 40]],
    )
    one_of: list[float] | None = Field(
        default=None, min_length=1, description="One of these values.", examples=[[1, 2, 3]]
    )
    weights: list[float] | None = Field(
        default=None,
        description="With `one_of`: how likely each choice is (relative, one per choice).",
        examples=[[1, 2, 1]],
    )

    @model_validator(mode="after")
    def _shape(self) -> Prior:
        if (self.between is None) == (self.one_of is None):
            raise ValueError("a prior has exactly one of `between: [lo, hi]` or `one_of: [a, b, …]`")
        if self.between is not None:
            lo, hi = self.between
            if not (math.isfinite(lo) and math.isfinite(hi)):
                raise ValueError("`between` needs two finite numbers")
            if lo > hi:
                raise ValueError(f"between: lo ({lo:g}) is above hi ({hi:g})")
            if self.weights is not None:
                raise ValueError("`weights` go with `one_of`, not with `between`")
        if self.one_of is not None:
            if not all(math.isfinite(x) for x in self.one_of):
                raise ValueError("`one_of` needs finite numbers")
            if self.weights is not None:
                if len(self.weights) != len(self.one_of):
                    raise ValueError(
                        f"weights: {len(self.weights)} weights for {len(self.one_of)} choices "
                        "(give one weight per choice)"
                    )
                if any(not math.isfinite(w) or w < 0 for w in self.weights) or sum(self.weights) <= 0:
                    raise ValueError("weights: each weight is 0 or more, and at least one is above 0")
        return self

    def choices(self) -> list[tuple[float, float]]:
        """``one_of``'s (value, probability) pairs (empty for ``between``)."""
        if self.one_of is None:
            return []
        w = self.weights or [1.0] * len(self.one_of)
        total = sum(w)
        return [(x, wi / total) for x, wi in zip(self.one_of, w, strict=True)]

    @property
    def low(self) -> float:
        """The lowest value a draw can take."""
        if self.between is not None:
            return self.between[0]
        return min(x for x, p in self.choices() if p > 0)

    @property
    def high(self) -> float:
        if self.between is not None:
            return self.between[1]
        return max(x for x, p in self.choices() if p > 0)

    @property
    def middle(self) -> float:
        """The prior's mean: what the file's briefing reads as, and the other side's first guess."""
        if self.between is not None:
            return (self.between[0] + self.between[1]) / 2.0
        return sum(x * p for x, p in self.choices())


#: Briefing fields that may hold a prior instead of a number, and the range a prior must stay in.
PRIOR_FIELDS: dict[str, dict[str, tuple[float, float]]] = {
    "Objective": {"weight": (0.0, 100.0), "target": (-1e9, 1e9)},
    "RedLine": {"value": (-1e9, 1e9)},
    "Briefing": {"walk_away": (0.0, 100.0), "faction_strength": (0.0, 5.0)},
}


def _lift_priors(model: str, data: object) -> object:
    """Before validation: a prior written in place of a number moves to ``priors`` and the
    number becomes the prior's middle (so every reader of the field gets a number). A prior
    given under ``priors`` (a saved scenario's form) sets the number the same way."""
    if not isinstance(data, dict):
        return data
    fields = PRIOR_FIELDS[model]
    out = dict(data)
    raw_priors = out.get("priors", {})
    if not isinstance(raw_priors, dict):
        return data  # pydantic reports the wrong type
    priors: dict[str, Prior] = {}
    for key, raw in raw_priors.items():
        if key not in fields:
            raise ValueError(f"priors: {key!r} cannot have a prior (only {', '.join(fields)})")
        if isinstance(raw, dict) and isinstance(out.get(key), dict):
            raise ValueError(f"{key}: a prior both in place and under `priors`")
        priors[key] = _prior(key, raw, fields[key])
    for key, bounds in fields.items():
        raw = out.get(key)
        if isinstance(raw, dict | Prior):
            priors[key] = _prior(key, raw, bounds)
    for key, prior in priors.items():
        out[key] = prior.middle
    if priors:
        out["priors"] = priors
    return out


def _prior(key: str, raw: object, bounds: tuple[float, float]) -> Prior:
    if isinstance(raw, Prior):
        prior = raw
    else:
        try:
            prior = Prior.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            msg = str(err["msg"]).removeprefix("Value error, ")
            raise ValueError(f"{key}: {where + ': ' if where else ''}{msg}") from None
    if key == "weight" and prior.high <= 0:
        raise ValueError("weight: every value this prior can draw is 0: give it a choice above 0")
    lo, hi = bounds
    if prior.low < lo or prior.high > hi:
        raise ValueError(
            f"{key}: the prior reaches {prior.low:g}..{prior.high:g}, outside {key}'s range {lo:g}..{hi:g}"
        )
    return prior


def _priors_field() -> dict[str, Prior]:
    return Field(
        default_factory=dict,
        description="The public priors of this item's private quantities, by field (written in place "
        "of the number, e.g. `weight: {between: [1, 3]}`, they are kept here).",
    )


class Objective(Model):
    """A scored goal: credit rises linearly from ``baseline`` (0) to ``target`` (full).

    ``weight`` and ``target`` may be priors (hidden types): ``{between: [lo, hi]}`` or
    ``{one_of: [a, b], weights: [...]}``."""

    id: Ident
    text: Text
    weight: float = Field(default=1.0, gt=0, le=100)
    meter: str | None = Field(
        default=None, description="A meter name (with `side`), or omit and use `instrument`."
    )
    side: SideId | None = None
    instrument: Ident | None = None
    baseline: float = Field(description="Value that earns no credit.")
    target: float = Field(description="Value that earns full credit.")
    priors: dict[str, Prior] = _priors_field()

    @model_validator(mode="before")
    @classmethod
    def _priors(cls, data: object) -> object:
        return _lift_priors("Objective", data)

    @model_validator(mode="after")
    def _one_subject(self) -> Objective:
        if (self.meter is None) == (self.instrument is None):
            raise ValueError("an objective names exactly one of `meter` or `instrument`")
        if self.baseline == self.target:
            raise ValueError("baseline and target must differ")
        t = self.priors.get("target")
        if t is not None and t.low <= self.baseline <= t.high:
            raise ValueError(
                f"target: the prior {t.low:g}..{t.high:g} reaches the baseline ({self.baseline:g}); "
                "keep every target it can draw on one side of the baseline"
            )
        return self


class RedLine(Model):
    """A line this side will not cross in any package it proposes or accepts.

    ``value`` may be a prior (hidden types): ``{between: [lo, hi]}`` (drawn on the instrument's
    step) or ``{one_of: [a, b]}``; every level it can draw is in the instrument's range and on its step."""

    id: Ident
    text: Text
    instrument: Ident
    op: Op
    value: float
    priors: dict[str, Prior] = _priors_field()

    @model_validator(mode="before")
    @classmethod
    def _priors(cls, data: object) -> object:
        return _lift_priors("RedLine", data)


class Briefing(Model):
    """A side's private briefing: never shown to the other side."""

    summary: Text = ""
    objectives: list[Objective] = Field(min_length=1)
    red_lines: list[RedLine] = Field(default_factory=list)
    walk_away: float = Field(
        default=40.0, ge=0, le=100, description="Reservation value: the score this side expects with no deal."
    )
    faction_strength: float = Field(
        default=1.0,
        ge=0,
        le=5,
        description="How strongly this side's faction presses as its exports fall (rule 4.8): "
        "a multiple of the usual pressure.",
    )
    priors: dict[str, Prior] = _priors_field()

    @model_validator(mode="before")
    @classmethod
    def _priors(cls, data: object) -> object:
        return _lift_priors("Briefing", data)

    @model_validator(mode="after")
    def _some_weight(self) -> Briefing:
        lows = [o.priors["weight"].low if "weight" in o.priors else o.weight for o in self.objectives]
        if lows and all(w <= 0 for w in lows):
            raise ValueError(
                "objectives: every objective's weight prior can draw 0, so a game could score nothing; "
                "give one objective a weight that cannot be 0"
            )
        return self

    @property
    def has_priors(self) -> bool:
        """Whether any quantity of this briefing is a prior (hidden types are on for this side)."""
        return (
            bool(self.priors)
            or any(o.priors for o in self.objectives)
            or any(r.priors for r in self.red_lines)
        )


class Effect(Model):
    """What an event does: set or add to an instrument's level or a meter."""

    instrument: Ident | None = None
    meter: str | None = None
    side: SideId | None = None
    set: float | None = None
    add: float | None = None

    @model_validator(mode="after")
    def _shape(self) -> Effect:
        if (self.instrument is None) == (self.meter is None):
            raise ValueError("an effect names exactly one of `instrument` or `meter`")
        if (self.set is None) == (self.add is None):
            raise ValueError("an effect has exactly one of `set` or `add`")
        return self


class Trigger(Model):
    """When an event may fire. Every given clause must hold."""

    turn: int | None = Field(default=None, ge=1, description="Exactly on this turn.")
    date: dt.date | None = Field(default=None, description="On the turn that contains this date.")
    from_turn: int | None = Field(default=None, ge=1)
    to_turn: int | None = Field(default=None, ge=1)
    conditions: list[Condition] = Field(default_factory=list)
    on_change: Ident | None = Field(
        default=None, description="Fires in a turn in which this instrument moved."
    )
    no_agreement: bool = Field(default=False, description="Only while no agreement is in force.")


class Event(Model):
    """A scripted or random event: news plus effects."""

    id: Ident
    when: Trigger = Field(default_factory=Trigger)
    probability: float = Field(default=1.0, ge=0, le=1, description="Chance per turn once the trigger holds.")
    repeat: bool = Field(default=False, description="May fire more than once.")
    headline: Text
    news: Text = ""
    effects: list[Effect] = Field(default_factory=list)


class Tier(Model):
    """An outcome tier, checked in order: the first that matches is the outcome."""

    id: Ident
    name: Text
    description: Text = ""
    requires: Literal["deal", "agreement", "none", "collapse", "any"] = "any"
    min_score_each: float = Field(default=0.0, ge=0, le=100)


class Scoring(Model):
    tiers: list[Tier] = Field(min_length=1)


class ComprehensiveDeal(Model):
    """What makes an agreement a comprehensive deal that ends the game."""

    min_terms: int = Field(default=4, ge=1)
    required_instruments: list[Ident] = Field(default_factory=list)


class End(Model):
    deadline_turns: int = Field(ge=1, le=520, description="The game ends after this turn resolves.")
    exchanges_per_turn: int = Field(default=3, ge=1, le=20, description="Offers at the table per turn.")
    table_from_turn: int = Field(
        default=1, ge=1, description="The table first opens on this turn; earlier turns are orders only."
    )
    comprehensive_deal: ComprehensiveDeal = Field(default_factory=ComprehensiveDeal)
    ends_on_deal: bool = Field(default=True, description="A comprehensive deal ends the game.")
    recession_prob_pct: float = Field(
        default=90.0,
        ge=0,
        le=100,
        description="A side's recession probability at or above this ends the game.",
    )


class BackgroundTariff(Model):
    """A tariff in force all game that no side's instrument moves (pp over end-2024), such as the
    US tariff on China in a US–EU scenario."""

    owner: Region = Field(description="The region levying it.")
    target: Region | Literal["row"] = Field(
        description="The region whose goods it taxes (`row`: the rest of the world)."
    )
    pct: float = Field(ge=0, le=1000, description="Additional tariff (pp over end-2024).")


class Economy(Model):
    calibration: Literal["default"] = "default"
    regions: list[Region] = Field(
        default_factory=list,
        description="Further regions to model apart from the rest of the world (the US and China "
        "always are, and the sides' regions), e.g. `[japan]`.",
    )
    tariffs: list[BackgroundTariff] = Field(
        default_factory=list,
        description="Tariffs between modelled regions that no instrument moves, in force all game.",
    )
    overrides: dict[str, float] = Field(
        default_factory=dict,
        description="Economy parameters to override by name (Economy parameters, below: names, units, limits).",
    )
    uncertainty_index: float = Field(
        default=100.0, ge=0, le=1000, description="Uncertainty index at the start."
    )
    warmup_turns: int = Field(
        default=8, ge=0, le=104, description="Turns the model runs at the starting levels before turn 1."
    )


class HistoryRow(Model):
    """One row of the debrief's "what really happened" table: a topic, what happened, and the
    instruments whose final levels in the game are shown beside it."""

    topic: Text = Field(
        description="What the row is about (a column of its own).", examples=["US tariff on China"]
    )
    happened: Text = Field(
        description="What happened, in a sentence or two.",
        examples=["145% → 30% on 12–14 May (Geneva): 24 points suspended for 90 days"],
    )
    instruments: list[Ident] = Field(
        default_factory=list,
        description="Instruments whose final levels the debrief shows beside it (none: the game's agreements).",
        examples=[["us_tariff_reciprocal", "us_suspension"]],
    )


class Scenario(Model):
    """A whole scenario file."""

    meta: Meta
    sides: list[Side] = Field(min_length=2, max_length=2)
    instruments: list[Instrument] = Field(min_length=1)
    economy: Economy = Field(default_factory=Economy)
    briefings: dict[SideId, Briefing]
    events: list[Event] = Field(default_factory=list)
    scoring: Scoring
    end: End
    trust_pct: float = Field(
        default=30.0, ge=0, le=100, description="Trust between the delegations at the start."
    )
    history: list[HistoryRow] = Field(
        default_factory=list,
        description="What really happened, row by row, for the debrief to compare with the game (optional).",
    )

    def side(self, side_id: str) -> Side:
        for s in self.sides:
            if s.id == side_id:
                return s
        raise KeyError(side_id)

    def instrument(self, instrument_id: str) -> Instrument:
        for i in self.instruments:
            if i.id == instrument_id:
                return i
        raise KeyError(instrument_id)

    @property
    def side_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sides)

    def other(self, side_id: str) -> str:
        a, b = self.side_ids
        return b if side_id == a else a

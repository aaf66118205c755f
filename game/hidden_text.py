"""Hidden types (rule 7.3) in words: what a side knows of the other's briefing (its prior),
and, in the debrief, each draw and where it fell in its prior — in the reader's language
(``game.i18n``). Rows of plain strings, shared by the window, the debrief and the terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.engine.hidden_types import Quantity, position, quantities
from game.i18n import N_, t
from game.scenario.models import Briefing, Objective, Prior, RedLine, Scenario, tr
from game.text import format_level, format_meter, instrument_name

#: Where a draw fell in its range, in words.
BAND_WORDS = {
    "low": N_("lower third"),
    "middle": N_("middle third"),
    "high": N_("upper third"),
    "fixed": N_("fixed"),
}


@dataclass(frozen=True)
class PriorRow:
    """One item of the other side's prior — an objective (its weight and target together), a
    red line, the walk-away value, the faction's strength — and what is known of it."""

    what: str
    known: str


#: Under the prior's rows: how to read a plain number among ranges.
KNOWN_EXACTLY = N_("A single number is known exactly.")

#: A red line's level in the prior, by its comparison (``Floor on US fentanyl tariff on China:
#: one of 5%, 10% or 15%``).
_LINE_WORDS = {
    ">=": N_("Floor on {instrument}: {range}"),
    ">": N_("Floor on {instrument}: {range}"),
    "<=": N_("Ceiling on {instrument}: {range}"),
    "<": N_("Ceiling on {instrument}: {range}"),
}


@dataclass(frozen=True)
class RevealRow:
    """One quantity revealed in the debrief: the draw, its prior, where it fell."""

    what: str
    drawn: str
    prior: str
    where: str


def _what(q: Quantity, lang: str) -> str:
    item = q.item
    if q.kind == "weight" and isinstance(item, Objective):
        return t(lang, "Weight of “{objective}”", objective=tr(item.text, lang))
    if q.kind == "target" and isinstance(item, Objective):
        return t(lang, "Target of “{objective}”", objective=tr(item.text, lang))
    if q.kind == "red_line" and isinstance(item, RedLine):
        return t(lang, "Red line “{red_line}”", red_line=tr(item.text, lang))
    if q.kind == "walk_away":
        return t(lang, "Walk-away value")
    return t(lang, "Faction strength")


def _formatter(sc: Scenario, q: Quantity, lang: str) -> Callable[[float], str]:
    item = q.item
    if q.kind == "target" and isinstance(item, Objective):
        if item.instrument:
            iid = item.instrument
            return lambda x: format_level(sc, iid, x, lang)
        meter = item.meter or ""
        return lambda x: format_meter(meter, x) if abs(x - round(x, 2)) < 1e-9 else f"{x:g}"
    if q.kind == "red_line" and isinstance(item, RedLine):
        iid = item.instrument
        return lambda x: format_level(sc, iid, x, lang)
    if q.kind == "faction_strength":
        return lambda x: t(lang, "×{n}", n=f"{x:g}")
    return lambda x: f"{x:g}"


def prior_words(prior: Prior | None, value: float, fmt: Callable[[float], str], lang: str) -> str:
    """A prior in words: ``20%–40%``, ``1, 3 or 5 (50% on 3)``; a fixed number: ``35 (known)``."""
    if prior is None:
        return t(lang, "{value} (known)", value=fmt(value))
    if prior.between is not None:
        lo, hi = prior.between
        return t(lang, "between {low} and {high}", low=fmt(lo), high=fmt(hi))
    choices = prior.choices()
    weighted = prior.weights is not None and len({round(p, 9) for _, p in choices}) > 1
    names = [
        t(lang, "{value} ({p}%)", value=fmt(x), p=round(p * 100)) if weighted else fmt(x) for x, p in choices
    ]
    if len(names) == 1:
        return t(lang, "{value} (known)", value=names[0])
    return t(lang, "one of {first} or {last}", first=", ".join(names[:-1]), last=names[-1])


def where_words(prior: Prior | None, value: float, lang: str) -> str:
    """Where a draw fell: ``upper third``, ``choice 2 of 3 (50% likely)``, ``fixed``."""
    pos = position(prior, value)
    if (
        prior is not None
        and prior.one_of is not None
        and pos.choice is not None
        and pos.probability is not None
    ):
        return t(
            lang,
            "choice {n} of {count} ({p}% likely)",
            n=pos.choice + 1,
            count=len(prior.one_of),
            p=round(pos.probability * 100),
        )
    return t(lang, BAND_WORDS[pos.band])


def _known(sc: Scenario, q: Quantity, lang: str) -> str:
    """A quantity's prior in words; a plain number as it is (known exactly: see KNOWN_EXACTLY)."""
    fmt = _formatter(sc, q, lang)
    return fmt(q.value) if q.prior is None else prior_words(q.prior, q.value, fmt, lang)


def prior_rows(sc: Scenario, prior: Briefing, lang: str) -> list[PriorRow]:
    """What a side knows of the other's briefing (``View.other_prior``), one row an item: each
    objective's text with its weight and target, each red line's text with its level, the
    walk-away value, the faction's strength — a range or choices where the game draws it, a
    plain number where it is known exactly."""
    qs = quantities(prior)

    def of(kind: str, item: object) -> Quantity:
        return next(q for q in qs if q.kind == kind and q.item is item)

    rows = []
    for o in prior.objectives:
        known = t(
            lang,
            "Weight {weight} · target {target}",
            weight=_known(sc, of("weight", o), lang),
            target=_known(sc, of("target", o), lang),
        )
        rows.append(PriorRow(tr(o.text, lang), known))
    for r in prior.red_lines:
        words = _LINE_WORDS.get(r.op, N_("{instrument}: {range}"))
        name = instrument_name(sc, r.instrument, lang)
        rows.append(
            PriorRow(
                tr(r.text, lang), t(lang, words, instrument=name, range=_known(sc, of("red_line", r), lang))
            )
        )
    for kind in ("walk_away", "faction_strength"):
        q = of(kind, None)
        rows.append(PriorRow(_what(q, lang), _known(sc, q, lang)))
    return rows


def reveal_rows(sc: Scenario, prior: Briefing, drawn: Briefing, lang: str) -> list[RevealRow]:
    """The debrief's reveal of one side's type: each quantity drawn from a prior, its draw,
    the prior and where the draw fell in it (quantities written as plain numbers are left out)."""
    rows = []
    for q, d in zip(quantities(prior), quantities(drawn), strict=True):
        if q.prior is None:
            continue
        fmt = _formatter(sc, q, lang)
        rows.append(
            RevealRow(
                _what(q, lang),
                fmt(d.value),
                prior_words(q.prior, q.value, fmt, lang),
                where_words(q.prior, d.value, lang),
            )
        )
    return rows

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
from game.text import format_level, format_meter

#: Where a draw fell in its range, in words.
BAND_WORDS = {
    "low": N_("lower third"),
    "middle": N_("middle third"),
    "high": N_("upper third"),
    "fixed": N_("fixed"),
}


@dataclass(frozen=True)
class PriorRow:
    """One quantity of the other side's prior: what it is, and what is known of it."""

    what: str
    known: str


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


def prior_rows(sc: Scenario, prior: Briefing, lang: str) -> list[PriorRow]:
    """What a side knows of the other's briefing (``View.other_prior``): every private quantity's
    range or choices; a plain number is known exactly."""
    return [
        PriorRow(_what(q, lang), prior_words(q.prior, q.value, _formatter(sc, q, lang), lang))
        for q in quantities(prior)
    ]


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

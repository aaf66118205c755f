"""What an AI infers about the other side — from the public record only.

The other side's briefing (objectives, red lines, walk-away) is private and never in
this side's :class:`~game.engine.View`. What *is* public: every offer on the table
with the public part of its reasons and of the answer's reasons (structured data,
:mod:`game.engine.reasons`; never prose), the instrument levels turn by turn, the news
(orders, statements, breaches) and the agreements. From these the model infers, in
the spirit of Baarslag, Hendrikx, Hindriks & Jonker (2016), "Learning about the
opposition in bilateral multi-issue negotiation: a survey of opponent modeling
techniques" (JAAMAS 30):

- **blocks** (their suspected red lines): a term they refused while naming it as the
  term that decided (a red line, the instrument holding an objective back, a human's
  "too far on …"), or (stronger levels) a term that keeps getting refused while their
  own offers never move it. A block is a limit beyond which asks are not made; between
  the level they have conceded themselves and the refused level the model probes the
  middle (a binary search on the hidden line) — or, at the top level, takes the line's
  level from a red-line reason that gives it (issue 13 coarsens that level);
- **priorities** (preference modelling, frequency analysis): which of our
  instruments they keep asking for, which of theirs they concede readily;
- **a guessed briefing**: objectives the other side plausibly scores (its public
  growth, recession odds, exports and markets, plus what it asks of us), so the
  batch economy model can estimate how much a package is worth *to them*;
- **trust and breaches**: agreements they broke, their escalations and
  de-escalations; a breach is remembered (for ``memory_turns``) and costs trust.

``quality`` is the level's opponent-modelling capability: 0 none, 1 explicit reasons,
2 reasons + refusal patterns + halving + a guessed briefing, 3 + the exact level of a
named line + learned priorities.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.engine.hidden_types import guess_from_prior
from game.engine.reasons import Reason, ReasonKind, named_instruments
from game.engine.rules import Rules
from game.engine.state import Offer
from game.engine.view import View
from game.registry import instruments as kind_registry
from game.scenario.models import Briefing, Instrument, Objective

#: the modelling quality that takes a named red line's level from the refusal's reasons
EXACT_LINE_QUALITY = 3
#: the modelling quality that bisects between what they conceded and what they refused
BISECT_QUALITY = 2


def friendly_sign(ins: Instrument) -> int:
    """The direction (+1 up, -1 down) in which ``ins`` moves in its *target's* favour."""
    return kind_registry.kind_of(ins).concession


def friendly_extreme(ins: Instrument) -> float:
    return kind_registry.friendliest(ins)


@dataclass(frozen=True)
class Block:
    """Asks on ``instrument`` at or beyond ``limit`` (in the asking direction) are refused."""

    instrument: str
    limit: float
    safe: float  # a level they have conceded themselves (or the current level)
    explicit: bool  # named in a refusal's reasons (else inferred from a pattern)
    exact: bool = False  # the reasons gave the line's level: ``safe`` is on the line itself


@dataclass
class OpponentModel:
    quality: int
    blocks: dict[str, Block] = field(default_factory=dict)
    ask_weight: dict[str, float] = field(default_factory=dict)  # our instruments -> how much they want them
    conceded: dict[str, float] = field(
        default_factory=dict
    )  # their instruments -> furthest level they offered
    guessed: Briefing | None = None
    breaches: list[int] = field(default_factory=list)  # turns in which they broke an agreement
    trust: float = 0.3  # 0..1, our trust in them
    their_offers: int = 0

    def breaches_last_turn(self, v: View) -> bool:
        return any(t >= v.turn - 1 for t in self.breaches)

    # ----------------------------------------------------------------- asks
    def allowed(self, ins: Instrument, current: float, value: float) -> bool:
        """May we ask for ``value`` on their instrument ``ins``? Not at or beyond a refused level,
        and, once a line is suspected, not beyond the middle of what is left (a binary search)."""
        b = self.blocks.get(ins.id)
        if b is None:
            return True
        d = friendly_sign(ins)
        if (value - b.limit) * d >= -1e-9:
            return False
        if self.quality < BISECT_QUALITY:
            return True
        if b.exact:
            return (value - b.safe) * d <= 1e-9
        mid = (b.safe + b.limit) / 2.0
        return (value - mid) * d <= 1e-9

    def probe(self, ins: Instrument, current: float) -> float | None:
        """A level halfway between what they conceded and what they refused (the binary search)."""
        b = self.blocks.get(ins.id)
        if b is None or self.quality < 2:
            return None
        if b.exact:
            return b.safe if (b.safe - current) * friendly_sign(ins) > 1e-9 else None
        mid = (b.safe + b.limit) / 2.0
        k = round((mid - ins.min) / ins.step)
        value = ins.min + k * ins.step
        if not self.allowed(ins, current, value) or abs(value - current) < 1e-9:
            return None
        return round(value, 9)


def refusal_limits(offer: Offer) -> set[str]:
    """The instruments a refusal of ``offer`` names as the term that decided it (the public
    part of the answer's reasons: a red line, an objective's holder-back, "too far on …")."""
    return named_instruments(offer.response_reasons, limits_only=True)


def answer_names(v: View, offer: Offer) -> set[str]:
    """Every instrument the answer to ``offer`` names: its reasons, and for a counter the
    counter-offer's reasons too (the package they put in its place)."""
    named = named_instruments(offer.response_reasons)
    if offer.status == "countered" and offer.id + 1 < len(v.offers):
        nxt = v.offers[offer.id + 1]
        if nxt.side != offer.side:
            named |= named_instruments(nxt.reasons)
    return named


def build(rules: Rules, v: View, quality: int, memory_turns: int | None) -> OpponentModel:
    """Everything the model infers from the view (a pure function: same view, same model)."""
    model = OpponentModel(quality=quality)
    me, other = v.side, v.other
    ins_all = [i for i in rules.scenario.instruments if kind_registry.tradable(i, rules.sides)]
    theirs = {i.id: i for i in ins_all if i.owner == other}
    mine = {i.id: i for i in ins_all if i.owner == me}
    start = v.history[0].instruments if v.history else v.levels
    their_offers = [o for o in v.offers if o.side == other]
    my_offers = [o for o in v.offers if o.side == me]
    model.their_offers = len(their_offers)
    # what they have conceded on their own instruments (in offers and in agreements)
    conceded: dict[str, float] = {}
    for o in their_offers:
        for t in o.terms:
            if t.instrument in theirs:
                _further(conceded, theirs[t.instrument], t.value)
    for ag in v.agreements:
        for bt in ag.terms:
            if bt.instrument in theirs:
                _further(conceded, theirs[bt.instrument], bt.value)
    model.conceded = conceded
    # trust and breaches (all levels remember; the weakest forget after a while)
    model.trust, model.breaches = _trust(rules, v, memory_turns)
    if quality <= 0:
        return model
    # blocks from the reasons of our refused offers
    refused = [o for o in my_offers if o.status in ("rejected", "countered")]
    for o in refused:
        limits = refusal_limits(o)
        for t in o.terms:
            ins = theirs.get(t.instrument)
            if ins is None:
                continue
            if ins.id in limits:
                cur = v.levels.get(ins.id, start.get(ins.id, ins.start))
                _block(model, ins, t.value, cur, explicit=True)
                if quality >= EXACT_LINE_QUALITY:
                    _exact_line(model, ins, t.value, cur, o.response_reasons)
    if quality >= 2:
        # refusal patterns: asked twice beyond what they ever conceded, never moved by them
        for iid, ins in theirs.items():
            if iid in model.blocks:
                continue
            cur = v.levels[iid]
            safe = conceded.get(iid, cur)
            d = friendly_sign(ins)
            asks = [
                t.value
                for o in refused
                for t in o.terms
                if t.instrument == iid and (t.value - safe) * d > 1e-9
            ]
            if len(asks) >= 2 and iid not in conceded and len(their_offers) >= 1:
                least = min(asks, key=lambda x: (x - safe) * d)
                _block(model, ins, least, cur, explicit=False)
        model.guessed = guessed_briefing(rules, v, model)
    if quality >= 3:
        n = max(1, len(their_offers))
        for iid in mine:
            asked = sum(1 for o in their_offers if any(t.instrument == iid for t in o.terms))
            named = sum(1 for o in my_offers if iid in answer_names(v, o))
            model.ask_weight[iid] = 1.0 + 0.5 * asked / n + 0.25 * min(2, named)
        model.guessed = guessed_briefing(rules, v, model)
    return model


def _further(acc: dict[str, float], ins: Instrument, value: float) -> None:
    d = friendly_sign(ins)
    if ins.id not in acc or (value - acc[ins.id]) * d > 0:
        acc[ins.id] = value


def _block(model: OpponentModel, ins: Instrument, asked: float, current: float, *, explicit: bool) -> None:
    d = friendly_sign(ins)
    safe = model.conceded.get(ins.id, current)
    if (asked - safe) * d <= 1e-9:
        return  # they refused something they had conceded: not a line on this instrument
    old = model.blocks.get(ins.id)
    if old is None or (asked - old.limit) * d < 0:
        model.blocks[ins.id] = Block(ins.id, asked, safe, explicit or (old.explicit if old else False))


def _exact_line(
    model: OpponentModel, ins: Instrument, asked: float, current: float, reasons: tuple[Reason, ...]
) -> None:
    """Take the level of a named red line from the refusal's reasons ("no purchase commitment
    above $30bn a year"): the one red-line level given, that lies between where the instrument
    is and what we asked. It becomes the line itself (expert level).

    Only for instruments measured in % or $bn: an on/off instrument's line is the other
    level, which a block already says."""
    if ins.unit not in ("pct", "bn"):
        return
    d = friendly_sign(ins)
    found = [
        r.level
        for r in reasons
        if r.kind == ReasonKind.RED_LINE
        and r.instrument == ins.id
        and r.level is not None
        and (r.level - current) * d >= -1e-9
        and (asked - r.level) * d > 1e-9
        and ins.min - 1e-9 <= r.level <= ins.max + 1e-9
    ]
    b = model.blocks.get(ins.id)
    if len(found) != 1 or b is None:
        return
    # on the instrument's grid, rounded towards where it is now (a line "below 12.5%" on a
    # 1-point grid allows 13%, not 12%)
    steps = (found[0] - ins.min) / ins.step
    k = math.floor(steps + 1e-9) if d > 0 else math.ceil(steps - 1e-9)
    line = round(ins.min + k * ins.step, 9)
    if (line - current) * d < -1e-9:
        return
    if b.exact and (line - b.safe) * d > 1e-9:
        return  # an earlier reading is tighter: keep it
    model.blocks[ins.id] = Block(ins.id, line + d * ins.step, line, True, exact=True)


def _trust(rules: Rules, v: View, memory_turns: int | None) -> tuple[float, list[int]]:
    """Our trust in them: the public trust meter, less their breaches, plus or minus their moves."""
    trust = v.shared.get("trust_pct", 30.0) / 100.0
    breaches = [
        n.turn
        for n in v.news
        if n.kind == "breach"
        and n.side == v.other
        and (memory_turns is None or v.turn - n.turn <= memory_turns)
    ]
    trust -= 0.25 * len(breaches)
    for n in v.news:
        if n.kind != "order" or n.side != v.other or n.turn >= v.turn:
            continue
        ins = rules.instruments.get(n.headline)
        if ins is None or ins.target != v.side:
            continue
        before = _level_at(v, n.turn - 1, ins.id)
        after = _level_at(v, n.turn, ins.id)
        if before is None or after is None or abs(after - before) < 1e-12:
            continue
        trust += 0.04 if (after - before) * friendly_sign(ins) > 0 else -0.05
    kept = sum(
        1 for ag in v.agreements if ag.status in ("in_force", "expired") and v.turn - ag.signed_turn >= 2
    )
    trust += 0.05 * kept
    return min(1.0, max(0.0, trust)), breaches


def _level_at(v: View, turn: int, iid: str) -> float | None:
    for rec in v.history:
        if rec.turn == turn:
            return rec.instruments.get(iid)
    return None


def guessed_briefing(rules: Rules, v: View, model: OpponentModel) -> Briefing:
    """Objectives the other side plausibly scores, built from public facts only.

    With hidden types (rule 7.3) the other side's prior is public: the guess starts from its
    middle (every weight, target and level at the prior's mean). This is the hook for a belief
    over the prior updated from behaviour (issue 13 part 3); today the guess stays at the middle.
    Without a prior, the guess is built from the other side's public meters and asks."""
    if v.other_prior is not None:
        return guess_from_prior(rules.scenario, v.other_prior)
    other = v.other
    ref = v.history[0].meters.get(other, {}) if v.history else v.meters.get(other, {})
    cur = v.meters.get(other, {})
    g = ref.get("growth_pct", cur.get("growth_pct", 3.0))
    x = max(1.0, ref.get("exports_bn", cur.get("exports_bn", 100.0)))
    r = ref.get("recession_prob_pct", cur.get("recession_prob_pct", 30.0))
    mk = ref.get("market_index", cur.get("market_index", 100.0))
    objs = [
        _obj("growth", meter="growth_pct", side=other, baseline=g - 1.0, target=g + 0.8, weight=3),
        _obj("exports", meter="exports_bn", side=other, baseline=0.5 * x, target=1.3 * x, weight=3),
        _obj(
            "recession",
            meter="recession_prob_pct",
            side=other,
            baseline=min(100.0, r + 25),
            target=max(0.0, r - 20),
            weight=2,
        ),
        _obj("markets", meter="market_index", side=other, baseline=mk - 10, target=mk + 10, weight=1),
    ]
    start = v.history[0].instruments if v.history else v.levels
    for ins in rules.scenario.instruments:
        if not kind_registry.tradable(ins, rules.sides):
            continue
        s = start.get(ins.id, ins.start)
        if ins.owner == v.side and ins.target == other and not kind_registry.kind_of(ins).suspends:
            f = friendly_extreme(ins)
            if abs(f - s) > 1e-9:
                w = model.ask_weight.get(ins.id, 1.0) * (
                    0.5 if kind_registry.kind_of(ins).channel == "tariff" else 1.0
                )
                objs.append(_obj(f"ask_{ins.id}", instrument=ins.id, baseline=s, target=f, weight=w))
    return Briefing(objectives=objs, walk_away=0.0)


def _obj(oid: str, **kw: object) -> Objective:
    return Objective.model_validate({"id": oid, "text": oid, **kw})  # as Objective(**…): validated alike


def last_offer(v: View, side: str) -> Offer | None:
    for o in reversed(v.offers):
        if o.side == side:
            return o
    return None

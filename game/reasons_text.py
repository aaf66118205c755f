"""Reasons in words: :mod:`game.engine.reasons` rendered for a person, in the reader's language.

The one renderer of the AI's explanations (and of a human's structured reasons) for every
reader — terminal, window, replay, debrief, the advisers. Words go through
:func:`game.i18n.t` (English message ids with named placeholders; the catalogs translate
them), names and levels come from the scenario, so a reason reads the same in every view
that shows it and in the language of whoever reads it.

    render(scenario, offer.reasons, lang, side=offer.side)        # why it was proposed
    answer_text(scenario, offer, lang)                             # "Rejected. We still need …"

``own=True`` (the side reading its own reasons, e.g. its advisers) adds the private part
(its projected score); the other side's reasons never have one (``view`` strips it).
Old saves have prose notes and no reasons: :func:`offer_text` and :func:`answer_text` show
the note then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.engine.reasons import Band, Part, Reason, ReasonKind, TermRef, of_part
from game.engine.state import Offer
from game.i18n import N_, nt, pt, t
from game.registry import instruments as kind_registry
from game.scenario.models import Instrument, Scenario, tr
from game.text import instrument_name, side_subject


# ----------------------------------------------------------------- small words
def _num(x: float) -> str:
    return f"{x:g}"


def level_words(ins: Instrument, value: float, lang: str) -> str:
    """A level as a player reads it: ``30%``, ``$25bn a year``, ``in force`` (never a bare 1)."""
    if ins.unit == "pct":
        return f"{value:g}%"
    if ins.unit == "bn":
        # TRANSLATORS: {value} is in billions of US dollars; {hundred_millions} is the same amount
        # in units of 100 million (亿), for languages that count so. Use either.
        return t(lang, "${value}bn a year", value=_num(value), hundred_millions=_num(value * 10))
    word = kind_registry.level_word(ins, value)  # an on/off instrument's "in force", "lifted", …
    return t(lang, word) if word else _num(value)


def stays(ins: Instrument, value: float, lang: str) -> str:
    """'stays at 125%', 'stays in force', 'stays lifted'."""
    if kind_registry.level_word(ins, value):
        return t(lang, "stays {level}", level=level_words(ins, value, lang))
    return t(lang, "stays at {level}", level=level_words(ins, value, lang))


def the(scenario: Scenario, iid: str, lang: str) -> str:
    """The instrument's name with an article unless it has its own ("China's tariff …")."""
    n = instrument_name(scenario, iid, lang)
    first = n.split(" ", 1)[0]
    return n if first.endswith(("'s", "’s")) else pt(lang, "article", "the {name}", name=n)


def join(lang: str, parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' (in the reader's language)."""
    parts = [p for p in parts if p]
    if not parts:
        return ""
    acc = parts[0]
    for p in parts[1:-1]:
        acc = t(lang, "{items}, {item}", items=acc, item=p)
    if len(parts) > 1:
        acc = t(lang, "{items} and {last}", items=acc, last=parts[-1])
    return acc


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _duration(scenario: Scenario, turns: int, lang: str) -> str:
    days = turns * scenario.meta.turn_days
    if days % 7 == 0:
        return nt(lang, "{n} week", "{n} weeks", days // 7, n=days // 7)
    return nt(lang, "{n} turn", "{n} turns", turns, n=turns)


def describe_term(scenario: Scenario, term: TermRef, lang: str) -> str:
    """'cut the US reciprocal tariff on China to 60%', 'lift the rare-earth export licensing', …"""
    try:
        ins = scenario.instrument(term.instrument)
    except KeyError:
        return t(lang, "set {instrument} to {level}", instrument=term.instrument, level=_num(term.value))
    the_ins = the(scenario, ins.id, lang)
    value, level = term.value, level_words(ins, term.value, lang)
    kind = kind_registry.kind_of(ins)
    if kind.suspends:
        try:
            target = scenario.instrument(ins.applies_to or "")
        except KeyError:
            words = t(lang, "suspend {points} points", points=_num(value))
        else:
            words = t(
                lang,
                "suspend {points} points of {target}",
                points=_num(value),
                target=the(scenario, target.id, lang),
            )
    elif kind.move_words is not None and kind_registry.on_off(ins):  # lift, impose, join, commit to…
        to_max = value >= ins.max - 1e-9
        pledge = _lower_first(instrument_name(scenario, ins.id, lang))
        words = t(lang, kind.move_words[to_max], instrument=the_ins, pledge=pledge)
    elif kind.channel == "purchases" and value > term.before:
        words = t(lang, "commit to purchases of {level}", level=level)
    elif value < term.before or kind.channel == "purchases":
        words = t(lang, "cut {instrument} to {level}", instrument=the_ins, level=level)
    else:
        words = t(lang, "raise {instrument} to {level}", instrument=the_ins, level=level)
    if term.duration_turns is not None:
        words = t(
            lang, "{term} for {duration}", term=words, duration=_duration(scenario, term.duration_turns, lang)
        )
    return words


def _owner(scenario: Scenario, iid: str) -> str | None:
    try:
        return scenario.instrument(iid).owner
    except KeyError:
        return None


# ------------------------------------------------------------ one kind at a time
class _Ctx:
    """What every template needs: the scenario, the language, who gives the reason."""

    def __init__(self, scenario: Scenario, lang: str, side: str, own: bool) -> None:
        self.sc, self.lang, self.side, self.own = scenario, lang, side, own
        self.other = scenario.other(side) if side in scenario.side_ids else ""

    def other_subject(self) -> str:
        return side_subject(self.sc, self.other, self.lang)

    def term(self, term: TermRef) -> str:
        return describe_term(self.sc, term, self.lang)

    def the(self, iid: str | None) -> str:
        return the(self.sc, iid or "", self.lang)

    def level(self, iid: str | None, value: float | None) -> str:
        if iid is None or value is None:
            return ""
        try:
            return level_words(self.sc.instrument(iid), value, self.lang)
        except KeyError:
            return _num(value)

    def stays(self, iid: str | None, value: float | None) -> str:
        try:
            ins = self.sc.instrument(iid or "")
        except KeyError:
            return t(self.lang, "stays at {level}", level=_num(value or 0.0))
        return stays(ins, value if value is not None else ins.start, self.lang)


def _sentence(c: _Ctx, body: str) -> str:
    return t(c.lang, "{sentence}.", sentence=body)


def _better(lang: str, band: Band | None) -> str:
    if band == "far":
        return t(lang, "it leaves us far better off than no deal")
    if band == "clearly":
        return t(lang, "it leaves us clearly better off than no deal")
    return t(lang, "it leaves us somewhat better off than no deal")


def _which_better(lang: str, band: Band | None) -> str:
    if band == "far":
        return t(lang, "which leaves us far better off than no deal")
    if band == "clearly":
        return t(lang, "which leaves us clearly better off than no deal")
    return t(lang, "which leaves us somewhat better off than no deal")


def _private_gain(c: _Ctx, r: Reason) -> str:
    if not c.own or r.private is None or r.private.gain is None:
        return ""
    return " " + t(c.lang, "(By our projection, {gain} points over no deal.)", gain=f"{r.private.gain:+.1f}")


def _offer(c: _Ctx, r: Reason) -> str:
    gives = [c.term(x) for x in r.terms if _owner(c.sc, x.instrument) == c.side]
    asks = [c.term(x) for x in r.terms if _owner(c.sc, x.instrument) != c.side]
    lang = c.lang
    if gives and asks:
        head = t(lang, "We offer to {gives} if {other} will {asks}", gives=join(lang, gives),
                 other=c.other_subject(), asks=join(lang, asks))  # fmt: skip
    elif gives:
        head = t(lang, "We offer to {gives}", gives=join(lang, gives))
    else:
        head = t(lang, "We ask {other} to {asks}", other=c.other_subject(), asks=join(lang, asks))
    if r.more_terms > 0:
        head = nt(lang, "{offer} (with {n} more term)", "{offer} (with {n} more terms)", r.more_terms,
                  offer=head, n=r.more_terms)  # fmt: skip
    return t(lang, "{offer}: {why}.", offer=head, why=_better(lang, r.band)) + _private_gain(c, r)


def _accept(c: _Ctx, r: Reason) -> str:
    asks = [c.term(x) for x in r.terms]
    lang = c.lang
    if not asks:
        return t(
            lang, "{why}.", why=_better(lang, r.band)[:1].upper() + _better(lang, r.band)[1:]
        ) + _private_gain(c, r)
    return t(
        lang, "{other} will {asks}, {which}.", other=side_subject(c.sc, c.other, lang, start=True),
        asks=join(lang, asks), which=_which_better(lang, r.band),
    ) + _private_gain(c, r)  # fmt: skip


def _nibble(c: _Ctx, r: Reason) -> str:
    parts: list[str] = []
    for x in r.terms:
        if x.dropped:
            parts.append(t(c.lang, "we leave out the promise to {term}", term=c.term(x)))
        elif _owner(c.sc, x.instrument) == c.side:
            parts.append(t(c.lang, "we {term} only", term=c.term(x)))
        else:
            parts.append(t(c.lang, "{other} will {term}", other=c.other_subject(), term=c.term(x)))
    return t(c.lang, "Almost there: we would sign this if {changes}.", changes=join(c.lang, parts))


def _line_words(c: _Ctx, r: Reason, *, named: bool = True) -> str:
    """A red line in words: the side's own reader gets the scenario's words or the exact level
    (the private part); anyone else at most the rough public bound ("not above about …";
    without the instrument's name when the sentence has just said it: ``named=False``)."""
    priv = r.private if c.own else None
    text = priv.text if priv is not None and priv.text is not None else r.text
    if text is not None:
        return _lower_first(tr(text, c.lang).rstrip(".").rstrip("。"))
    exact = priv.level if priv is not None and priv.level is not None else r.level
    if exact is not None:
        level = c.level(r.instrument, exact)
        if r.op in ("<=", "<"):
            return t(c.lang, "{instrument} not above {level}", instrument=c.the(r.instrument), level=level)
        if r.op in (">=", ">"):
            return t(c.lang, "{instrument} not below {level}", instrument=c.the(r.instrument), level=level)
        return t(c.lang, "{instrument} at {level}", instrument=c.the(r.instrument), level=level)
    if r.bound is not None:
        level = c.level(r.instrument, r.bound)
        if not named:
            if r.op in ("<=", "<"):
                return t(c.lang, "not above about {level}", level=level)
            return t(c.lang, "not below about {level}", level=level)
        if r.op in ("<=", "<"):
            return t(
                c.lang, "{instrument} not above about {level}", instrument=c.the(r.instrument), level=level
            )
        return t(c.lang, "{instrument} not below about {level}", instrument=c.the(r.instrument), level=level)
    return ""


def _red_lines(c: _Ctx, rs: Sequence[Reason]) -> str:
    whats = [c.the(r.instrument) for r in rs]
    words = [w for w in (_line_words(c, r, named=len(rs) > 1) for r in rs) if w]
    if not words:
        return t(c.lang, "We will not move {instruments} that far.", instruments=join(c.lang, whats))
    lines = words[0]
    for w in words[1:]:
        lines = t(c.lang, "{lines}; {line}", lines=lines, line=w)
    return t(
        c.lang,
        "We will not move {instruments} that far — {lines}.",
        instruments=join(c.lang, whats),
        lines=lines,
    )


def _fmt_value(meter: str | None, value: float | None) -> str:
    m, x = meter or "", value or 0.0
    if m.endswith("_bn"):
        return f"${x:,.0f}bn"
    if m.endswith("_pct"):
        return f"{x:.1f}%"
    return f"{x:.3g}"


def _shortfall(c: _Ctx, r: Reason) -> str:
    """The term that decided a refusal, by its direction: on our own instrument they asked too
    much ("That goes too far on …"), on theirs they gave too little ("We need more on …").
    The side's own reader also gets the objective behind it, with its numbers (private)."""
    lang = c.lang
    if r.instrument is None:
        head = t(lang, "We cannot agree to these terms as they stand.")
    elif _owner(c.sc, r.instrument) == c.side:
        head = t(lang, "That goes too far on {instrument}.", instrument=c.the(r.instrument))
    else:
        head = t(lang, "We need more on {instrument}.", instrument=c.the(r.instrument))
    priv = r.private if c.own else None
    text = priv.text if priv is not None and priv.text is not None else r.text
    value = priv.value if priv is not None and priv.value is not None else r.value
    target = priv.target if priv is not None and priv.target is not None else r.target
    if text is None or value is None or target is None:
        return head
    goal = _lower_first(tr(text, lang).rstrip(".").rstrip("。"))
    if r.meter is None and r.instrument is not None:  # an objective on an instrument's own level
        level = priv.level if priv is not None and priv.level is not None else r.level
        body = t(lang, "We still need to {objective}, and {instrument} {stays}", objective=goal,
                 instrument=c.the(r.instrument), stays=c.stays(r.instrument, level))  # fmt: skip
        return head + " " + _sentence(c, body)
    body = t(
        lang, "We still need to {objective} ({value} under these terms, against a target of {target})",
        objective=goal, value=_fmt_value(r.meter, value), target=_fmt_value(r.meter, target),
    )  # fmt: skip
    return head + " " + _sentence(c, body)


def _too_far(c: _Ctx, r: Reason) -> str:
    if r.level is not None:
        return t(c.lang, "Too far on {instrument} ({level}).", instrument=c.the(r.instrument),
                 level=c.level(r.instrument, r.level))  # fmt: skip
    return t(c.lang, "Too far on {instrument}.", instrument=c.the(r.instrument))


def _move(template: str) -> Callable[[_Ctx, Reason], str]:
    def render(c: _Ctx, r: Reason) -> str:
        return t(c.lang, template, instrument=c.the(r.instrument), level=c.level(r.instrument, r.level))

    return render


def _pays_alone(c: _Ctx, r: Reason) -> str:
    try:
        measure = c.sc.instrument(r.instrument or "").kind == "measure"
    except KeyError:
        measure = False
    if measure:
        return t(c.lang, "We lift {instrument} ourselves: our projections show it pays for us even without a deal.",
                 instrument=c.the(r.instrument))  # fmt: skip
    return t(
        c.lang, "We lower {instrument} to {level} ourselves: our projections show it pays for us even without a deal.",
        instrument=c.the(r.instrument), level=c.level(r.instrument, r.level),
    )  # fmt: skip


def _statement(c: _Ctx, r: Reason) -> str:
    lang = c.lang
    if r.statement == "firm":
        return (
            t(lang, "We make a firm statement in reply to theirs.")
            if r.in_reply
            else t(lang, "We make a firm statement.")
        )
    if r.statement == "conciliatory":
        return t(lang, "We make a conciliatory statement.")
    if r.statement == "threatening":
        return t(lang, "We issue a warning.")
    return ""


def _fixed(message: str) -> Callable[[_Ctx, Reason], str]:
    return lambda c, r: t(c.lang, message)


def _breach(c: _Ctx, r: Reason) -> str:
    return t(c.lang, "They broke an agreement in turn {turn}; after that we need a clearly better package than this one.",
             turn=r.turn if r.turn is not None else "?")  # fmt: skip


#: one template per kind (red lines are grouped into one sentence apart)
TEMPLATES: dict[ReasonKind, Callable[[_Ctx, Reason], str]] = {
    ReasonKind.OFFER: _offer,
    ReasonKind.ACCEPT: _accept,
    ReasonKind.NIBBLE: _nibble,
    ReasonKind.RED_LINE: lambda c, r: _red_lines(c, [r]),
    ReasonKind.SHORTFALL: _shortfall,
    ReasonKind.NO_BETTER_THAN_NO_DEAL: _fixed(N_("That leaves us no better off than without a deal.")),
    ReasonKind.BREACH: _breach,
    ReasonKind.CANNOT_AGREE: _fixed(N_("We cannot agree to these terms as they stand.")),
    ReasonKind.TOO_FAR: _too_far,
    ReasonKind.NO_OFFERS_LEFT: _fixed(N_("No offers left this week; we will talk again next week.")),
    ReasonKind.NOTHING_BEATS_NO_DEAL: _fixed(
        N_(
            "Nothing to offer this week: no package we could propose beats our position without a deal by enough."
        )
    ),
    ReasonKind.NOTHING_MORE: _fixed(N_("Nothing more to offer this week.")),
    ReasonKind.WALK_OUT: _fixed(
        N_("Nothing we can still expect from these talks is worth more to us than walking away: we walk out.")
    ),
    ReasonKind.NO_MOVES: _fixed(N_("No unilateral moves this week.")),
    ReasonKind.ANSWER_ESCALATION: _move(N_("We answer their escalation by raising {instrument} to {level}.")),
    ReasonKind.MATCH_EASING: _move(N_("We match their easing by lowering {instrument} to {level}.")),
    ReasonKind.GOODWILL: _move(N_("As a goodwill gesture we lower {instrument} to {level}.")),
    ReasonKind.LET_PASS: _fixed(N_("We let their small escalation pass, for now.")),
    ReasonKind.NO_CAPITAL: _fixed(N_("No unilateral moves this week: we lack the political capital.")),
    ReasonKind.PAYS_ALONE: _pays_alone,
    ReasonKind.NONE_PAYS: _fixed(N_("No unilateral moves this week: our projections show none would pay.")),
    ReasonKind.STATEMENT: _statement,
    ReasonKind.SCRIPTED: _fixed(N_("We follow the script.")),
}


# ------------------------------------------------------------------- the API
def render(
    scenario: Scenario,
    reasons: Sequence[Reason],
    lang: str = "en",
    *,
    side: str,
    part: Part | None = None,
    own: bool = False,
) -> str:
    """``reasons`` given by ``side`` as sentences in ``lang`` ("" for none).

    ``part``: only the reasons explaining that part (e.g. ``"answer"``: a counter's refusal
    without its offer). ``own``: the reader is ``side`` itself (adds the private part)."""
    rs = tuple(reasons) if part is None else of_part(tuple(reasons), part)
    c = _Ctx(scenario, lang, side, own)
    out: list[str] = []
    i = 0
    while i < len(rs):
        r = rs[i]
        if r.kind == ReasonKind.RED_LINE:  # consecutive red lines: one sentence
            j = i
            while j < len(rs) and rs[j].kind == ReasonKind.RED_LINE:
                j += 1
            out.append(_red_lines(c, rs[i:j]))
            i = j
            continue
        out.append(TEMPLATES[r.kind](c, r))
        i += 1
    return " ".join(s for s in out if s)


def offer_text(scenario: Scenario, offer: Offer, lang: str = "en", *, own: bool = False) -> str:
    """Why ``offer`` was proposed, in words (an old save's prose note if it has no reasons)."""
    if offer.reasons:
        return render(scenario, offer.reasons, lang, side=offer.side, own=own)
    return offer.note


def answer_text(
    scenario: Scenario, offer: Offer, lang: str = "en", *, own: bool = False, head: bool = True
) -> str:
    """Why ``offer`` was answered as it was ("Rejected. We still need …"), or "".

    ``head``: start with the answer itself ("Accepted." / "Rejected."); leave it out where the
    reader is already told. An old save's prose note is shown as it is."""
    if not offer.response_reasons:
        return offer.response_note
    # (the engine keeps only a counter's refusal here; its offer is the next offer's reasons)
    why = render(scenario, offer.response_reasons, lang, side=scenario.other(offer.side), own=own)
    if not head or not why:
        return why
    if offer.status == "accepted":
        return t(lang, "Accepted. {why}", why=why)
    return t(lang, "Rejected. {why}", why=why)


def action_text(scenario: Scenario, action: object, lang: str = "en", *, own: bool = False) -> str:
    """An action's reasons in words (its typed note if it has none): for the advisers, whose
    reader is the side itself (``own``), and for logs."""
    reasons = getattr(action, "reasons", ())
    side = getattr(action, "side", "")
    if reasons:
        return render(scenario, reasons, lang, side=side, own=own)
    return str(getattr(action, "note", ""))

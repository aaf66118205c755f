"""Player-facing words shared by the terminal and the window: meter labels, side
names, news lines, terms and levels.

Every word goes through :mod:`game.i18n` (``t``/``nt``/``pt``, English message ids marked
for the catalogs); scenario texts come from the scenario in the reader's language
(:func:`~game.scenario.models.tr`). No language is special-cased here: a sentence's
word order is its translation's."""

from __future__ import annotations

from game.engine.actions import Term
from game.engine.state import NewsItem
from game.i18n import N_, nt, pt, t
from game.registry import instruments as kind_registry
from game.registry import meters as meter_registry
from game.scenario.models import RedLine, Scenario, tr

STATEMENT_WORDS: dict[str, str] = {
    "conciliatory": N_("a conciliatory statement"),
    "firm": N_("a firm statement"),
    "threatening": N_("a threatening statement"),
}

END_WORDS: dict[str, str] = {
    "trust": N_("Trust has run out: the talks collapse"),
    "recession": N_("A recession ends the talks"),
    "deal": N_("A comprehensive deal is signed"),
    "deadline": N_("The deadline has passed"),
}


def _word(lang: str, words: dict[str, str], key: str) -> str:
    """``words[key]`` in ``lang``; the key itself when it has no words."""
    msg = words.get(key)
    return t(lang, msg) if msg else key


def meter_label(meter: str, lang: str = "en") -> str:
    """The meter's label (from the meter registry) in ``lang``; the id itself if there is no such meter."""
    spec = meter_registry.meter(meter)
    return t(lang, spec.label) if spec else meter


def side_name(scenario: Scenario, side: str | None, lang: str = "en") -> str:
    if side is None:
        return ""
    try:
        return tr(scenario.side(side).name, lang)
    except KeyError:
        return side


#: English names that read with "the" in a sentence ("the United States", "the EU"). Names in
#: other scripts never match, so a translation's names read as they are.
_ARTICLE_FIRST_WORDS = ("United", "Republic", "People's", "European", "EU", "UK", "US", "USA")
_ARTICLE_LAST_WORDS = ("States", "Kingdom", "Republic", "Union", "Netherlands", "Philippines", "Emirates")


def side_subject(scenario: Scenario, side: str | None, lang: str = "en", *, start: bool = False) -> str:
    """The side's name as it reads in a sentence: "the United States", "China"
    (``start``: at the start of a sentence, "The United States"). A translation that has no
    article translates "the {name}" as the name alone."""
    name = side_name(scenario, side, lang)
    if not name:
        return name
    words = name.split()
    if words[0] in _ARTICLE_FIRST_WORDS or words[-1] in _ARTICLE_LAST_WORDS:
        if start:
            return pt(lang, "article", "The {name}", name=name)
        return pt(lang, "article", "the {name}", name=name)
    return name


def side_possessive(scenario: Scenario, side: str | None, lang: str = "en", *, start: bool = False) -> str:
    """The possessive: ``the United States'``, ``China's`` (English); ``中国的`` (Chinese)."""
    subject = side_subject(scenario, side, lang, start=start)
    if subject.endswith("s"):
        # TRANSLATORS: the possessive of a name ending in s ("the United States'").
        return t(lang, "{name}'", name=subject)
    return t(lang, "{name}'s", name=subject)


def instrument_name(scenario: Scenario, iid: str, lang: str = "en") -> str:
    try:
        return tr(scenario.instrument(iid).name, lang)
    except KeyError:
        return iid


def describe_news(scenario: Scenario, item: NewsItem, lang: str = "en") -> str:
    """One line of news for the feed."""
    who = side_subject(scenario, item.side, lang, start=True)  # "The United States moves …"
    if item.kind == "event" and item.event_id:
        for ev in scenario.events:
            if ev.id == item.event_id:
                body = tr(ev.news, lang)
                headline = tr(ev.headline, lang)
                if not body:
                    return headline
                return t(lang, "{headline} — {news}", headline=headline, news=body)
        return item.event_id
    if item.kind == "statement":
        words = _word(lang, STATEMENT_WORDS, item.headline)
        if item.text:
            return t(lang, "{who} makes {statement}: “{words}”", who=who, statement=words, words=item.text)
        return t(lang, "{who} makes {statement}", who=who, statement=words)
    if item.kind == "order":
        name = instrument_name(scenario, item.headline, lang)
        return t(lang, "{who} moves {instrument}: {change}", who=who, instrument=name, change=item.text)
    if item.kind == "agreement":
        by = side_subject(scenario, item.side, lang)
        return t(lang, "Agreement signed (proposed by {side})", side=by)
    if item.kind == "breach":
        return t(lang, "{who} breaches the agreement: it is void", who=who)
    if item.kind == "snap_back":
        name = instrument_name(scenario, item.headline, lang)
        return t(lang, "{instrument} snaps back to its level before the agreement", instrument=name)
    if item.kind == "threat":  # rule 4.10
        if item.headline == "carried_out":
            return t(lang, "{who} carries out its threat", who=who)
        return t(lang, "{who} backs down: its threat goes unfulfilled", who=who)
    if item.kind == "end":
        if item.headline == "walk_out":
            return t(lang, "{who} walks out: the talks collapse", who=who)
        return _word(lang, END_WORDS, item.headline)
    return item.headline


# ---------------------------------------------------------------- the window's words
# Additions for the desktop window (game/ui). Game-domain words live here, marked for the
# catalogs, so the terminal and the window say the same thing in every language.

STATEMENT_LABELS: dict[str, str] = {
    "none": N_("No statement"),
    "conciliatory": N_("Conciliatory"),
    "firm": N_("Firm"),
    "threatening": N_("Threatening"),
}

#: Causes the economy model records for a meter's change ("why did this move?").
CHANNEL_LABELS: dict[str, str] = {
    "trade": N_("Trade (tariffs and measures)"),
    "price": N_("Prices (tariff pass-through)"),
    "prices": N_("Prices (tariff pass-through)"),
    "uncertainty": N_("Policy uncertainty"),
    "news": N_("News and events"),
    "events": N_("News and events"),
    "shock": N_("Shocks"),
    "shocks": N_("Shocks"),
    "momentum": N_("Momentum of the economy"),
    "persistence": N_("Momentum of the economy"),
    "baseline": N_("Baseline trend"),
    "diversion": N_("Trade diversion"),
    "purchases": N_("Purchase commitments"),
    "measures": N_("Non-tariff measures"),
    "agreement": N_("Agreements"),
    "policy": N_("Policy support (fiscal and credit)"),
    "credibility": N_("Credibility of agreements"),
    "world": N_("World economy"),
    "market": N_("Markets"),
    "inflation": N_("Inflation"),
    "growth": N_("Growth"),
}

#: For each meter, +1 if a rise is good for the side, -1 if bad, 0 if neither (the registry's).
METER_GOOD_DIRECTION: dict[str, int] = {m.id: m.good for m in meter_registry.all_meters()}

#: Meter display precision (decimals; the registry's).
METER_DECIMALS: dict[str, int] = {m.id: m.decimals for m in meter_registry.all_meters()}

DIFFICULTY_LABELS: dict[str, str] = {
    "tutorial": N_("Tutorial"),
    "easy": N_("Easy"),
    "normal": N_("Normal"),
    "hard": N_("Hard"),
}

END_REASON_LABELS: dict[str, str] = {
    "deal": N_("a comprehensive deal was signed"),
    "walk_out": N_("a delegation walked out"),
    "trust": N_("trust ran out"),
    "recession": N_("a recession ended the talks"),
    "deadline": N_("the deadline passed"),
}


def statement_label(statement: str, lang: str = "en") -> str:
    return _word(lang, STATEMENT_LABELS, statement)


def channel_label(channel: str, lang: str = "en") -> str:
    msg = CHANNEL_LABELS.get(channel)
    if msg:
        return t(lang, msg)
    return channel.replace("_", " ").capitalize()


def difficulty_label(difficulty: str, lang: str = "en") -> str:
    return _word(lang, DIFFICULTY_LABELS, difficulty)


def end_reason_label(reason: str | None, lang: str = "en") -> str:
    if reason is None:
        return ""
    return _word(lang, END_REASON_LABELS, reason)


def format_meter(meter: str, value: float) -> str:
    """A meter's value with its usual precision (units are in the label)."""
    return f"{value:,.{meter_registry.decimals(meter)}f}"


def format_level(scenario: Scenario, iid: str, value: float, lang: str = "en") -> str:
    """An instrument's level in words: ``30%``, ``$25bn``, ``in force``."""
    try:
        ins = scenario.instrument(iid)
    except KeyError:
        return f"{value:g}"
    if ins.unit == "pct":
        return f"{value:g}%"
    if ins.unit == "bn":
        return money_bn(value, lang)
    word = kind_registry.level_word(ins, value)  # an on/off instrument's "in force", "lifted", …
    return t(lang, word) if word else f"{value:g}"


def money_bn(value: float, lang: str = "en") -> str:
    """An amount in billions of US dollars: ``$25bn`` (``250亿美元``)."""
    # TRANSLATORS: {value} is in billions of US dollars; {hundred_millions} is the same amount in
    # units of 100 million (亿), for languages that count so. Use either.
    return t(lang, "${value}bn", value=format(value, "g"), hundred_millions=format(value * 10, "g"))


def format_duration(turns: int | None, turn_days: int = 7, lang: str = "en") -> str:
    """A term's duration: ``for 13 turns (91 days)`` or ``until the end``."""
    if turns is None:
        return t(lang, "until the end of the game")
    return nt(
        lang,
        "for {n} turn ({days} days)",
        "for {n} turns ({days} days)",
        turns,
        n=turns,
        days=turns * turn_days,
    )


def describe_term(
    scenario: Scenario,
    instrument: str,
    value: float,
    duration_turns: int | None,
    lang: str = "en",
    start_after_turns: int = 0,
) -> str:
    """One term of a package in words (with its phase-in, if any)."""
    name = instrument_name(scenario, instrument, lang)
    level = format_level(scenario, instrument, value, lang)
    dur = format_duration(duration_turns, scenario.meta.turn_days, lang)
    if start_after_turns:
        return nt(
            lang,
            "{instrument}: {level}, {duration}, from {n} turn after signing",
            "{instrument}: {level}, {duration}, from {n} turns after signing",
            start_after_turns,
            instrument=name,
            level=level,
            duration=dur,
            n=start_after_turns,
        )
    return t(lang, "{instrument}: {level}, {duration}", instrument=name, level=level, duration=dur)


def term_change(scenario: Scenario, iid: str, now: float | None, value: float, lang: str = "en") -> str:
    """``US reciprocal tariff on China: 145% → 30%`` (or ``…: stays 30%`` when it does not move)."""
    name = instrument_name(scenario, iid, lang)
    to = format_level(scenario, iid, value, lang)
    if now is None:
        return t(lang, "{instrument}: {level}", instrument=name, level=to)
    if abs(now - value) < 1e-9:
        return t(lang, "{instrument}: stays {level}", instrument=name, level=to)
    was = format_level(scenario, iid, now, lang)
    return t(lang, "{instrument}: {was} → {level}", instrument=name, was=was, level=to)


def term_line(scenario: Scenario, term: Term, now: float | None = None, lang: str = "en") -> str:
    """One term of a package as a short line: the change, then how long and from when, e.g.
    ``US reciprocal tariff on China: 145% → 30% · 13 turns, then back`` (nothing said when it
    lasts to the end and starts at once)."""
    iid = term.instrument
    dur = term.duration_turns
    start = getattr(term, "start_after_turns", 0) or 0
    out = term_change(scenario, iid, now, term.value, lang)
    extra = []
    if dur is not None:
        extra.append(nt(lang, "{n} turn, then back", "{n} turns, then back", dur, n=dur))
    if start:
        extra.append(
            nt(lang, "starts {n} turn after signing", "starts {n} turns after signing", start, n=start)
        )
    if not extra:
        return out
    # TRANSLATORS: a term's change, then how long it lasts and when it starts.
    return t(lang, "{change} · {details}", change=out, details=pt(lang, "list", ", ").join(extra))


#: How a red line holds its instrument: the comparison, with the level (``at least 30%``).
_OP_WORDS: dict[str, str] = {
    ">=": N_("at least {level}"),
    ">": N_("above {level}"),
    "<=": N_("at most {level}"),
    "<": N_("below {level}"),
    "==": N_("exactly {level}"),
}


def red_line_words(scenario: Scenario, line: RedLine, lang: str = "en") -> str:
    """A red line for its own side's player: its text and what it holds, in display names,
    e.g. ``We do not trade away the chip export controls (US chip export controls: stay in force)``."""
    iid = line.instrument
    op, value = line.op, line.value
    text = tr(line.text, lang).rstrip(".。")
    name = instrument_name(scenario, iid, lang)
    level = format_level(scenario, iid, value, lang)
    try:
        ins = scenario.instrument(iid)
        binary = ins.max - ins.min <= ins.step + 1e-9
        at_edge = (op == ">=" and abs(value - ins.max) < 1e-9) or (op == "<=" and abs(value - ins.min) < 1e-9)
    except KeyError:
        binary = at_edge = False
    if binary and at_edge:
        holds = t(lang, "stays {level}", level=level)
    elif op in _OP_WORDS:
        holds = t(lang, _OP_WORDS[op], level=level)
    else:
        holds = f"{op} {level}"
    return t(lang, "{red_line} ({instrument}: {holds})", red_line=text, instrument=name, holds=holds)


def describe_package_term(scenario: Scenario, term: Term, lang: str = "en") -> str:
    """A :class:`~game.engine.actions.Term` in words."""
    return describe_term(
        scenario,
        term.instrument,
        term.value,
        term.duration_turns,
        lang,
        getattr(term, "start_after_turns", 0) or 0,
    )

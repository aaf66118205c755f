"""What the negotiation table says, as HTML for its labels: a package as a list of terms, an
offer, the answer to one, the history of offers, the agreements in force, and what a
comprehensive deal needs. Functions of the side at the screen's context only.

Its words keep the table panel's translation context (``TablePanel``).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from game.engine import Term, View
from game.engine.state import Offer
from game.reasons_text import answer_text, offer_text
from game.scenario.models import Scenario
from game.text import (
    format_level,
    instrument_name,
    side_name,
    side_possessive,
    side_subject,
    term_line,
)
from game.ui.common import Ctx, side_colour


def turn_date(scenario: Scenario, turn: int) -> dt.date:
    """The first day of a turn (turn 1 is the scenario's start date)."""
    return scenario.meta.start_date + dt.timedelta(days=(turn - 1) * scenario.meta.turn_days)


def levels_at(v: View, turn: int) -> dict[str, float]:
    """The instrument levels during ``turn`` (as the previous turn's resolution left them)."""
    for rec in v.history:
        if rec.turn == turn - 1:
            return dict(rec.instruments)
    return dict(v.levels)


def package_html(ctx: Ctx, terms: Sequence[Term], levels: dict[str, float], order: dict[str, int]) -> str:
    """A package as a bullet list, in the builder's order (your side's commitments first)."""
    ordered = sorted(terms, key=lambda t: order.get(t.instrument, len(order)))
    items = "".join(
        f"<li>{html.escape(term_line(ctx.scenario, t, levels.get(t.instrument), ctx.lang))}</li>"
        for t in ordered
    )
    return f"<ul style='margin-top:2px; margin-bottom:2px'>{items}</ul>"


def deal_words(ctx: Ctx, terms: Sequence[Term]) -> str:
    """'★ A comprehensive deal' (and whether signing it ends the talks), or nothing."""
    if not ctx.rules.deal_check(terms).comprehensive:
        return ""
    if ctx.scenario.end.ends_on_deal:
        words = QCoreApplication.translate("TablePanel", "A comprehensive deal: signing it ends the talks.")
    else:
        words = QCoreApplication.translate("TablePanel", "A comprehensive deal.")
    return f"<p><b>★ {html.escape(words)}</b></p>"


def offer_html(ctx: Ctx, offer: Offer, head: str, order: dict[str, int]) -> str:
    """An offer: its head, its terms, whether it is a comprehensive deal, its message and its reason."""
    terms = offer.terms
    out = f"<b>{html.escape(head)}</b>" + package_html(ctx, terms, ctx.view.levels, order)
    out += deal_words(ctx, terms)
    if offer.message:
        out += f"<p>“{html.escape(offer.message)}”</p>"
    why = offer_text(ctx.scenario, offer, ctx.lang)
    if why:
        out += f"<p><i>{html.escape(why)}</i></p>"
    return out


def answer_words(ctx: Ctx, o: Offer) -> str:
    """'China rejected your offer (turn 2).', 'You accepted the United States' offer (turn 3): …'"""
    v, sc, lang = ctx.view, ctx.scenario, ctx.lang
    side, status, turn = o.side, o.status, o.turn
    answerer = v.other if side == v.side else v.side
    if status == "lapsed":
        if side == v.side:
            return QCoreApplication.translate("TablePanel", "Your offer lapsed (turn {turn}).").format(
                turn=turn
            )
        return QCoreApplication.translate("TablePanel", "{whose} offer lapsed (turn {turn}).").format(
            whose=side_possessive(sc, side, lang, start=True), turn=turn
        )
    words = {
        ("them", "accepted"): QCoreApplication.translate(
            "TablePanel", "{who} accepted your offer (turn {turn}): the deal is signed."
        ),
        ("them", "rejected"): QCoreApplication.translate(
            "TablePanel", "{who} rejected your offer (turn {turn})."
        ),
        ("them", "countered"): QCoreApplication.translate(
            "TablePanel", "{who} answered your offer with a counter-offer (turn {turn})."
        ),
        ("you", "accepted"): QCoreApplication.translate(
            "TablePanel", "You accepted {whose} offer (turn {turn}): the deal is signed."
        ),
        ("you", "rejected"): QCoreApplication.translate(
            "TablePanel", "You rejected {whose} offer (turn {turn})."
        ),
        ("you", "countered"): QCoreApplication.translate(
            "TablePanel", "You answered {whose} offer with a counter-offer (turn {turn})."
        ),
    }
    text = words.get(("you" if answerer == v.side else "them", status), "")
    if "{who}" in text:
        return text.format(who=side_subject(sc, v.other, lang, start=True), turn=turn)
    return text.format(whose=side_possessive(sc, v.other, lang), turn=turn)


def latest_answer(ctx: Ctx) -> Offer | None:
    """The last offer answered (or lapsed) this turn or the last one, if any."""
    v = ctx.view
    answered = [o for o in v.offers if o.status != "pending" and o.turn >= v.turn - 1]
    return max(answered, key=lambda o: o.id) if answered else None


def history_html(ctx: Ctx, order: dict[str, int]) -> str:
    """Every offer so far, newest first, each with a link that loads it into the builder."""
    v, sc, lang = ctx.view, ctx.scenario, ctx.lang
    if not v.offers:
        return "<p><i>" + html.escape(QCoreApplication.translate("TablePanel", "No offers yet.")) + "</i></p>"
    status_words = {
        "pending": QCoreApplication.translate("TablePanel", "on the table"),
        "accepted": QCoreApplication.translate("TablePanel", "accepted: deal signed"),
        "rejected": QCoreApplication.translate("TablePanel", "rejected"),
        "countered": QCoreApplication.translate("TablePanel", "countered"),
        "lapsed": QCoreApplication.translate("TablePanel", "lapsed"),
    }
    load = html.escape(QCoreApplication.translate("TablePanel", "Load into the builder"))
    parts = []
    for o in reversed(v.offers):
        col = side_colour(sc, o.side).name()
        who = html.escape(side_name(sc, o.side, lang))
        head = QCoreApplication.translate("TablePanel", "Turn {turn} · {who} · {status}").format(
            turn=o.turn, who="\x00", status=status_words.get(o.status, o.status)
        )
        head = html.escape(head).replace("\x00", f"<span style='color:{col}'><b>{who}</b></span>")
        if o.status == "accepted":
            head = f"<b>✔ {head}</b>"
        p = f"<p style='margin-bottom:0px'>{head} · <a href='load:{o.id}'>{load}</a></p>"
        p += package_html(ctx, o.terms, levels_at(v, o.turn), order)
        extra = []
        if o.message:
            extra.append(f"“{html.escape(o.message)}”")
        why, answer = offer_text(sc, o, lang), answer_text(sc, o, lang)
        if why:
            extra.append(f"<i>{html.escape(why)}</i>")
        if answer:
            extra.append("↳ <i>" + html.escape(answer) + "</i>")
        if extra:
            p += "<p style='margin-top:0px; margin-bottom:8px'>" + "<br/>".join(extra) + "</p>"
        parts.append(p)
    return "".join(parts)


def agreements_html(ctx: Ctx) -> str:
    """The agreements signed, those in force first: each term, from when, until when, and after."""
    v, sc, lang = ctx.view, ctx.scenario, ctx.lang
    if not v.agreements:
        return (
            "<p><i>"
            + html.escape(QCoreApplication.translate("TablePanel", "No agreement has been signed yet."))
            + "</i></p>"
        )
    status_words = {
        "in_force": QCoreApplication.translate("TablePanel", "in force"),
        "expired": QCoreApplication.translate("TablePanel", "expired"),
        "breached": QCoreApplication.translate("TablePanel", "void: breached by {who}"),
        "superseded": QCoreApplication.translate("TablePanel", "replaced by a later agreement"),
    }
    parts = []
    for ag in sorted(v.agreements, key=lambda a: (a.status != "in_force", -a.id)):
        status = status_words.get(ag.status, ag.status).format(who=side_name(sc, ag.breached_by, lang))
        head = QCoreApplication.translate(
            "TablePanel", "Signed on turn {turn} ({date}), proposed by {who} · {status}"
        ).format(
            turn=ag.signed_turn,
            date=turn_date(sc, ag.signed_turn).isoformat(),
            who=side_subject(sc, ag.proposer, lang),
            status=status,
        )
        p = f"<p style='margin-bottom:0px'><b>{html.escape(head)}</b>"
        if ag.comprehensive:
            p += (
                " <b>★ "
                + html.escape(QCoreApplication.translate("TablePanel", "comprehensive deal"))
                + "</b>"
            )
        p += "</p><ul style='margin-top:2px'>"
        for bt in ag.terms:
            level = format_level(sc, bt.instrument, bt.value, lang)
            line = f"{instrument_name(sc, bt.instrument, lang)}{'：' if lang == 'zh' else ': '}{level}"
            when = [
                QCoreApplication.translate("TablePanel", "from {date}").format(
                    date=turn_date(sc, bt.from_turn).isoformat()
                )
            ]
            if bt.until_turn is None:
                when.append(QCoreApplication.translate("TablePanel", "to the end of the game"))
            else:
                when.append(
                    QCoreApplication.translate(
                        "TablePanel", "expires {date}, then snaps back to {level}"
                    ).format(
                        date=turn_date(sc, bt.until_turn + 1).isoformat(),
                        level=format_level(sc, bt.instrument, bt.prior, lang),
                    )
                )
            style = "" if bt.active or ag.status != "in_force" else " style='color:gray'"
            comma = QCoreApplication.translate("TablePanel", ", ", "between the clauses of a sentence")
            p += f"<li{style}>{html.escape(line)} · {html.escape(comma.join(when))}</li>"
        parts.append(p + "</ul>")
    return "".join(parts)


def deal_rule_html(ctx: Ctx, terms: Sequence[Term], muted: str) -> tuple[str, str]:
    """What a comprehensive deal needs (the scenario's rule, in ``muted`` colour) and whether
    ``terms`` make one, and the tooltip naming the instruments it needs."""
    sc, lang = ctx.scenario, ctx.lang
    check = ctx.rules.deal_check(terms)
    if sc.end.ends_on_deal:
        rule = QCoreApplication.translate(
            "TablePanel",
            "★ A comprehensive deal ends the talks. It needs {n} or more terms, commitments from both "
            "sides and a term on each ★ instrument.",
        )
    else:
        rule = QCoreApplication.translate(
            "TablePanel",
            "★ A comprehensive deal needs {n} or more terms, commitments from both sides and a term on "
            "each ★ instrument.",
        )
    rule = rule.format(n=check.min_terms)
    names = [instrument_name(sc, i, lang) for i in check.required]
    tip = (
        QCoreApplication.translate("TablePanel", "Needed for a comprehensive deal: {names}").format(
            names=", ".join(names)
        )
        if names
        else ""
    )
    if not check.n_terms:
        state = ""
    elif check.comprehensive:
        state = (
            "<b>"
            + html.escape(QCoreApplication.translate("TablePanel", "This draft is a comprehensive deal."))
            + "</b>"
        )
    else:
        lacks = []
        k = check.min_terms - check.n_terms
        if k == 1:
            lacks.append(QCoreApplication.translate("TablePanel", "one more term"))
        elif k > 1:
            lacks.append(QCoreApplication.translate("TablePanel", "{k} more terms").format(k=k))
        if not check.both_sides:
            lacks.append(QCoreApplication.translate("TablePanel", "a commitment from the other side"))
        lacks += [instrument_name(sc, i, lang) for i in check.missing]
        sep = QCoreApplication.translate("TablePanel", ", ", "between the items of a list")
        state = html.escape(
            QCoreApplication.translate("TablePanel", "Not comprehensive yet: it lacks {what}.").format(
                what=sep.join(lacks)
            )
        )
    text = f"<span style='color:{muted}'>{html.escape(rule)}</span>"
    return text + (" " + state if state else ""), tip

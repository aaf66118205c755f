"""The debrief as data and as a printable document.

The debrief page (:mod:`game.ui.debrief`) and its PDF export read the same finished
game through the functions here: the side headings with their scores, the score
breakdowns, the final meters, the agreements' terms, the timeline and the comparison
with 2025. :func:`build_document` lays them out as a :class:`QTextDocument` (HTML with
the charts added as image resources) and :func:`write_pdf` prints it with
:class:`QPdfWriter`: real text (selectable, searchable), headings, tables, each main
section on a new page, and Qt's pagination never cuts a line in half.

The game is over when this is used, so everything is revealed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from game.engine import Game
from game.engine.hidden_types import briefing as drawn_briefing
from game.engine.hidden_types import public_prior
from game.engine.scoring import outcome, score
from game.engine.state import Offer
from game.hidden_text import reveal_rows
from game.registry import meters as meter_registry
from game.scenario.models import tr
from game.text import (
    describe_news,
    end_reason_label,
    format_level,
    format_meter,
    instrument_name,
    meter_label,
    red_line_words,
    side_name,
    side_possessive,
    side_subject,
)
from game.ui.i18n import TrContext
from game.ui.panels.base import shared_meter_rows as _shared_rows
from game.ui.panels.base import side_meter_rows as _side_rows

if TYPE_CHECKING:
    from game.session import Session


def side_meters() -> tuple[str, ...]:
    """The per-side meters charted and tabulated: every side meter of the registry, the
    panel's rows first, then the private ones (political capital), which the debrief shows."""
    return (*_side_rows(), *meter_registry.private_meters())


def shared_meters() -> tuple[str, ...]:
    return _shared_rows()


#: The per-side meters charted and tabulated (the panel's rows and political capital).
SIDE_METERS: tuple[str, ...] = side_meters()
SHARED_METERS: tuple[str, ...] = shared_meters()


class DebriefReport(TrContext):
    """The translation context of this module's words."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


# ---------------------------------------------------------------------- the data
def _game(session: Session) -> Game:
    return session.game


def other_side(session: Session, side: str) -> str:
    """The side across the table from ``side``."""
    return next(s for s in _game(session).scenario.side_ids if s != side)


def seat_words(session: Session, side: str) -> str:
    """Who played a side: "human", or the AI's style and level ("AI: Pragmatist, Normal")."""
    from game.ui.dialogs import ai_seat_words

    seat = session.seats[side]
    label = getattr(seat, "label", "AI")
    return DebriefReport.tr("human") if seat.is_human else ai_seat_words(label) or label


def side_heading(session: Session, side: str, lang: str) -> str:
    """ "United States (human): score 66.9 — walk-away 35" (the page's card title and the PDF's)."""
    g = _game(session)
    sco = score(g.scenario, g.state, side)
    if sco.outside_option:  # rule 6.3: it walked out and takes its walk-away value
        return DebriefReport.tr(
            "{side} ({who}): walked out — scores its walk-away {walk:.0f} (its objectives gave {score:.1f})"
        ).format(
            side=side_name(g.scenario, side, lang),
            who=seat_words(session, side),
            score=sco.by_objectives,
            walk=sco.walk_away,
        )
    return DebriefReport.tr("{side} ({who}): score {score:.1f} — walk-away {walk:.0f}").format(
        side=side_name(g.scenario, side, lang),
        who=seat_words(session, side),
        score=sco.total,
        walk=sco.walk_away,
    )


def end_line(session: Session, lang: str) -> str:
    """The tier's description and how the game ended ("China walked out on turn 1.")."""
    g = _game(session)
    sc, st = g.scenario, g.state
    tier = outcome(sc, st)
    if st.end_reason == "walk_out" and st.ended_by:
        line = DebriefReport.tr("The game ended on turn {turn}: {side} walked out.").format(
            turn=st.turn, side=side_subject(sc, st.ended_by, lang)
        )
    else:
        line = DebriefReport.tr("The game ended on turn {turn}: {reason}.").format(
            turn=st.turn, reason=end_reason_label(st.end_reason, lang)
        )
    return (tr(tier.description, lang) + " " + line) if tier.description else line


def hidden_type_rows(session: Session, side: str, lang: str) -> list[tuple[str, str, str, str]]:
    """Rule 7.3's reveal: (quantity, drawn, prior, where the draw fell) for each of the side's
    quantities drawn from a prior; empty when its briefing has none."""
    g = _game(session)
    sc = g.scenario
    prior = public_prior(sc, side)
    if prior is None:
        return []
    drawn = drawn_briefing(sc, g.state, side)
    return [(r.what, r.drawn, r.prior, r.where) for r in reveal_rows(sc, prior, drawn, lang)]


def red_line_texts(session: Session, side: str, lang: str) -> list[str]:
    """The side's red lines as it played them: with priors (rule 7.3) each with its drawn level
    (the texts do not say it), else its text alone (as the briefing panel gives them)."""
    g = _game(session)
    sc = g.scenario
    lines = drawn_briefing(sc, g.state, side).red_lines
    if public_prior(sc, side) is None:
        return [tr(rl.text, lang) for rl in lines]
    return [red_line_words(sc, rl, lang) for rl in lines]


def score_rows(session: Session, side: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(objective, value, credit, points) for each of the side's objectives."""
    g = _game(session)
    sc, st = g.scenario, g.state
    objs = {o.id: o for o in drawn_briefing(sc, st, side).objectives}
    rows = []
    for item in score(sc, st, side).items:
        obj = objs[item.id]
        value = (
            format_level(sc, obj.instrument, item.value, lang)
            if obj.instrument
            else format_meter(obj.meter or "", item.value)
        )
        rows.append((tr(obj.text, lang), value, f"{item.credit * 100:.0f}%", f"{item.points:.1f}"))
    return rows


def offer_text(session: Session, offer: Offer, lang: str) -> str:
    """One offer of the timeline, naming the side that answered it (never the proposer as if it accepted)."""
    g = _game(session)
    sc = g.scenario
    proposer = offer.side
    answerer = side_subject(sc, other_side(session, proposer), lang)
    n = len(offer.terms)
    status = offer.status
    if status == "accepted":
        text = DebriefReport.tr("{whose} package of %n term(s) is accepted by {other} and signed", "", n)
        whose = side_possessive(sc, proposer, lang, start=True)  # "The United States'", "美国的"
        return text.format(whose=whose, other=answerer)
    answers = {
        "rejected": DebriefReport.tr("rejected by {other}"),
        "countered": DebriefReport.tr("countered by {other}"),
        "lapsed": DebriefReport.tr("lapsed without an answer"),
        "pending": DebriefReport.tr("not yet answered"),
    }
    answer = answers.get(status, status).format(other=answerer)
    who = side_subject(sc, proposer, lang, start=True)
    return DebriefReport.tr("{who} offers %n term(s) — {answer}", "", n).format(who=who, answer=answer)


def timeline(session: Session, lang: str) -> list[tuple[int, list[tuple[str | None, str]]]]:
    """Per turn: (side or None, line) for the moves and statements, then the offers and
    their answers, then what followed (breaches, snap-backs, the end). A line the news
    holds twice (a walk-out is news and the end of the game) is kept once; an agreement
    is told by the offer that made it (who proposed it and who accepted it)."""
    g = _game(session)
    sc, st = g.scenario, g.state
    first: dict[int, list[tuple[str | None, str]]] = {}
    table: dict[int, list[tuple[str | None, str]]] = {}
    after: dict[int, list[tuple[str | None, str]]] = {}
    for n in st.news:
        if n.kind in ("event", "agreement"):
            continue
        lines = (first if n.kind in ("statement", "order") else after).setdefault(n.turn, [])
        line = (None, describe_news(sc, n, lang))
        if line not in lines:
            lines.append(line)
    for o in st.offers:
        table.setdefault(o.turn, []).append((o.side, offer_text(session, o, lang)))
    turns = sorted(set(first) | set(table) | set(after))
    return [(t, first.get(t, []) + table.get(t, []) + after.get(t, [])) for t in turns]


@dataclass(frozen=True)
class AgreementBlock:
    heading: str
    rows: list[tuple[str, str, str, str]]  # instrument, before, agreed, in force


def agreement_blocks(session: Session, lang: str) -> list[AgreementBlock]:
    """Each agreement signed: who proposed and who accepted, its status, and its terms."""
    g = _game(session)
    sc, st = g.scenario, g.state
    statuses = {
        "in_force": DebriefReport.tr("in force at the end"),
        "expired": DebriefReport.tr("expired"),
        "breached": DebriefReport.tr("breached"),
        "superseded": DebriefReport.tr("superseded by a later agreement"),
    }
    out = []
    for k, ag in enumerate(st.agreements, start=1):
        status = statuses.get(ag.status, ag.status)
        if ag.status == "breached" and ag.breached_by:
            status = DebriefReport.tr("breached by {side}").format(
                side=side_subject(sc, ag.breached_by, lang)
            )
        heading = DebriefReport.tr(
            "Agreement {n}, signed on turn {turn}: proposed by {proposer}, accepted by {other} — {status}"
        ).format(
            n=k,
            turn=ag.signed_turn,
            proposer=side_subject(sc, ag.proposer, lang),
            other=side_subject(sc, other_side(session, ag.proposer), lang),
            status=status,
        )
        rows = []
        for t in ag.terms:
            if t.until_turn is None:
                span = DebriefReport.tr("from turn {a} to the end").format(a=t.from_turn)
            else:
                span = DebriefReport.tr("turns {a}–{b}").format(a=t.from_turn, b=t.until_turn)
            rows.append(
                (
                    instrument_name(sc, t.instrument, lang),
                    format_level(sc, t.instrument, t.prior, lang),
                    format_level(sc, t.instrument, t.value, lang),
                    span,
                )
            )
        out.append(AgreementBlock(heading, rows))
    return out


def final_meter_rows(session: Session, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of each side's meters at the start and at the end of the game."""
    g = _game(session)
    sc, st = g.scenario, g.state
    first = st.history[0] if st.history else None
    header = [DebriefReport.tr("Meter")]
    for s in sc.side_ids:
        name = side_name(sc, s, lang)
        header += [
            DebriefReport.tr("{side} at the start").format(side=name),
            DebriefReport.tr("{side} at the end").format(side=name),
        ]
    rows: list[list[str]] = []
    for m in side_meters():
        row = [meter_label(m, lang)]
        for s in sc.side_ids:
            row += [
                _value(m, first.meters.get(s, {}).get(m) if first else None),
                _value(m, st.meters.get(s, {}).get(m)),
            ]
        rows.append(row)
    return header, rows


def shared_meter_rows(session: Session, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the shared meters (world growth, uncertainty, trust) at the start and the end."""
    st = _game(session).state
    first = st.history[0] if st.history else None
    header = [
        DebriefReport.tr("Shared meter"),
        DebriefReport.tr("At the start"),
        DebriefReport.tr("At the end"),
    ]
    rows = [
        [meter_label(m, lang), _value(m, first.shared.get(m) if first else None), _value(m, st.shared.get(m))]
        for m in shared_meters()
    ]
    return header, rows


def _value(meter: str, value: float | None) -> str:
    return "—" if value is None else format_meter(meter, value)


def history_rows(session: Session, lang: str) -> list[tuple[str, str, str]] | None:
    """(topic, what happened in 2025, what the game did) — None if the scenario has no comparison."""
    g = _game(session)
    sc, st = g.scenario, g.state
    if not sc.history:
        return None
    out = []
    for row in sc.history:
        ours = "\n".join(
            f"{instrument_name(sc, i, lang)}: {format_level(sc, i, st.levels[i], lang)}"
            for i in row.instruments
            if i in st.levels
        )
        if not row.instruments:
            ours = agreements_summary(session)
        out.append((tr(row.topic, lang), tr(row.happened, lang), ours))
    return out


def agreements_summary(session: Session) -> str:
    st = _game(session).state
    n = len(st.agreements)
    m = sum(1 for ag in st.agreements if ag.status == "in_force")
    if not n:
        return DebriefReport.tr("No agreement")
    if n == 1:
        return (
            DebriefReport.tr("1 agreement signed, in force at the end")
            if m
            else DebriefReport.tr("1 agreement signed, not in force at the end")
        )
    return DebriefReport.tr("%n agreement(s) signed; {m} in force at the end", "", n).format(m=m)


# ------------------------------------------------------------------ the document
#: Headings of the document's sections, each on a new page (the first under the title).
def section_titles() -> dict[str, str]:
    return {
        "scores": DebriefReport.tr("Scores"),
        "meters": DebriefReport.tr("Final meters"),
        "agreements": DebriefReport.tr("Agreement terms"),
        "charts": DebriefReport.tr("The meters over the game"),
        "zopa": DebriefReport.tr("The zone of possible agreement"),
        "timeline": DebriefReport.tr("Timeline of moves and agreements"),
        "history": DebriefReport.tr("What really happened"),
    }


#: Sections that start a new page (the others follow on the same page). The zone of agreement
#: is a tall picture: after the meters' charts its heading could be left at a page's foot.
NEW_PAGE: tuple[str, ...] = ("meters", "charts", "zopa", "timeline")

_CSS = """
body { color: #1b1f24; }
h1 { font-size: 20pt; font-weight: 700; margin-bottom: 2px; }
h2 { font-size: 15pt; font-weight: 700; margin-top: 14px; margin-bottom: 6px; color: #1f3a5f; }
h3 { font-size: 12pt; font-weight: 700; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 2px; margin-bottom: 4px; }
p.tier { font-size: 14pt; font-weight: 600; color: #1f5fbf; margin-bottom: 4px; }
p.hint { color: #5b6470; }
p.redline { color: #b3261e; margin-top: 0px; margin-bottom: 0px; }
table.data { border-collapse: collapse; }
table.data th { background-color: #e7ebf0; font-weight: 600; }
td.num { text-align: right; }
"""


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1, widths: Sequence[int] = ()
) -> str:
    head = "".join(
        f"<th{f' width={widths[i]}%' if i < len(widths) else ''}>{_e(h)}</th>" for i, h in enumerate(header)
    )
    body = []
    for r in rows:
        cells = []
        for c, text in enumerate(r):
            cls = " class='num'" if c >= numeric_from else ""
            cells.append(f"<td{cls}>{_e(text).replace(chr(10), '<br/>')}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<table class='data' border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
    )


def _swatch(colour: str) -> str:
    return f"<span style='color:{colour}'>■</span>"


def chart_url(key: str) -> QUrl:
    return QUrl(f"chart:{key}")


def build_html(
    session: Session,
    lang: str,
    *,
    charts: Sequence[str] = (),
    zopa: bool = False,
    zopa_caption: str = "",
    zopa_legend: str = "",
) -> str:
    """The document's HTML; ``charts`` are the meters whose images are resources ``chart:<meter>``,
    ``zopa`` whether ``chart:zopa`` is one; ``zopa_legend`` is HTML (the page's legend)."""
    g = _game(session)
    sc, st = g.scenario, g.state
    titles = section_titles()
    parts: list[str] = []

    def section(key: str) -> None:
        brk = " style='page-break-before: always'" if key in NEW_PAGE else ""
        parts.append(f"<h2{brk}>{_e(titles[key])}</h2>")

    tier = outcome(sc, st)
    title = DebriefReport.tr("Debrief — {title}").format(title=tr(sc.meta.title, lang))
    parts.append(f"<h1>{_e(title)}</h1>")
    parts.append(f"<p class='tier'>{_e(tr(tier.name, lang))}</p>")
    parts.append(f"<p>{_e(end_line(session, lang))}</p>")

    # scores
    section("scores")
    summary = []
    for s in sc.side_ids:
        sco = score(sc, st, s)
        summary.append(
            (
                side_name(sc, s, lang),
                seat_words(session, s),
                f"{sco.total:.1f}",
                f"{sco.walk_away:.0f}",
                DebriefReport.tr("yes") if sco.total >= sco.walk_away else DebriefReport.tr("no"),
            )
        )
    parts.append(
        _table(
            [
                DebriefReport.tr("Side"),
                DebriefReport.tr("Played by"),
                DebriefReport.tr("Score"),
                DebriefReport.tr("Walk-away"),
                DebriefReport.tr("Better than walking away?"),
            ],
            summary,
            numeric_from=2,
        )
    )
    for s in sc.side_ids:
        parts.append(f"<h3>{_swatch(sc.side(s).colour)} {_e(side_heading(session, s, lang))}</h3>")
        brief = drawn_briefing(sc, st, s)
        if brief.summary:
            parts.append(f"<p class='hint'>{_e(tr(brief.summary, lang))}</p>")
        rows = score_rows(session, s, lang)
        total = score(sc, st, s).total
        rows.append((DebriefReport.tr("Total"), "", "", f"{total:.1f}"))
        parts.append(
            _table(
                [
                    DebriefReport.tr("Objective"),
                    DebriefReport.tr("Value"),
                    DebriefReport.tr("Credit"),
                    DebriefReport.tr("Points"),
                ],
                rows,
                widths=(61, 15, 12, 12),
            )
        )
        if brief.red_lines:
            parts.append("<p>" + _e(DebriefReport.tr("Red lines:")) + "</p>")
            parts += [f"<p class='redline'>✗ {_e(text)}</p>" for text in red_line_texts(session, s, lang)]
        hidden = hidden_type_rows(session, s, lang)
        if hidden:  # rule 7.3: the draw revealed, and where it fell in the prior
            parts.append("<p>" + _e(DebriefReport.tr("Hidden type: drawn this game")) + "</p>")
            parts.append(
                _table(
                    [
                        DebriefReport.tr("Quantity"),
                        DebriefReport.tr("Drawn"),
                        DebriefReport.tr("Prior"),
                        DebriefReport.tr("Where it fell"),
                    ],
                    hidden,
                    widths=(40, 14, 28, 18),
                )
            )

    # final meters
    section("meters")
    header, meter_rows = final_meter_rows(session, lang)
    parts.append(_table(header, meter_rows, widths=(24, 19, 19, 19, 19)))
    header, meter_rows = shared_meter_rows(session, lang)
    parts.append("<p style='font-size: 5pt'>&nbsp;</p>" + _table(header, meter_rows, widths=(24, 38, 38)))

    section("agreements")
    blocks = agreement_blocks(session, lang)
    if not blocks:
        parts.append("<p>" + _e(DebriefReport.tr("No agreement was signed.")) + "</p>")
    for b in blocks:
        parts.append(f"<h3>{_e(b.heading)}</h3>")
        parts.append(
            _table(
                [
                    DebriefReport.tr("Instrument"),
                    DebriefReport.tr("Before"),
                    DebriefReport.tr("Agreed"),
                    DebriefReport.tr("In force"),
                ],
                b.rows,
                widths=(46, 14, 14, 26),
            )
        )

    # charts
    section("charts")
    legend = " &nbsp; ".join(
        f"{_swatch(sc.side(s).colour)} {_e(side_name(sc, s, lang))}" for s in sc.side_ids
    )
    parts.append(f"<p>{legend}</p>")
    if charts:
        cells = [f"<td><img src='chart:{k}' width='{CHART_W}' height='{CHART_H}'/></td>" for k in charts]
        rows_html = ["<tr>" + "".join(cells[i : i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
        parts.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows_html) + "</table>")

    section("zopa")
    if zopa:
        parts.append(f"<p><img src='chart:zopa' width='{ZOPA_W}' height='{ZOPA_H}'/></p>")
        if zopa_legend:
            parts.append(f"<p>{zopa_legend}</p>")
    if zopa_caption:
        parts.append(f"<p class='hint'>{_e(zopa_caption)}</p>")

    section("timeline")
    entries = timeline(session, lang)
    if not entries:
        parts.append("<p>" + _e(DebriefReport.tr("Nothing happened.")) + "</p>")
    else:
        trows = []
        for turn, lines in entries:
            for k, (side, text) in enumerate(lines):
                mark = _swatch(sc.side(side).colour) + " " if side else ""
                turn_cell = _e(DebriefReport.tr("Turn {n}").format(n=turn))
                head = f"<td rowspan='{len(lines)}'>{turn_cell}</td>" if k == 0 else ""
                trows.append(f"<tr>{head}<td>{mark}{_e(text)}</td></tr>")
        parts.append(
            "<table class='data' border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<thead><tr><th width='14%'>"
            + _e(DebriefReport.tr("Turn"))
            + "</th><th>"
            + _e(DebriefReport.tr("What happened"))
            + "</th></tr></thead>"
            + "".join(trows)
            + "</table>"
        )

    section("history")
    hist = history_rows(session, lang)
    if hist is None:
        parts.append("<p>" + _e(DebriefReport.tr("This scenario has no historical comparison.")) + "</p>")
    else:
        parts.append(
            _table(
                [DebriefReport.tr("Topic"), DebriefReport.tr("In reality"), DebriefReport.tr("In your game")],
                hist,
                numeric_from=99,
                widths=(18, 46, 36),
            )
        )
        parts.append(
            "<p class='hint'>"
            + _e(DebriefReport.tr("Source: the scenario's history and its sources."))
            + "</p>"
        )
    return "<html><body>" + "\n".join(parts) + "</body></html>"


#: Sizes of the chart images in the document (CSS pixels at 96 dpi; the images have twice the pixels).
CHART_W, CHART_H = 310, 190
ZOPA_W, ZOPA_H = 600, 430


def build_document(
    session: Session,
    lang: str,
    charts: Mapping[str, QImage],
    zopa: QImage | None = None,
    zopa_caption: str = "",
    zopa_legend: str = "",
) -> QTextDocument:
    """The debrief as a text document, with the chart images as its resources."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Noto Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Sans Serif"])
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(_CSS)
    for key, image in charts.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, chart_url(key), image)
    if zopa is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, chart_url("zopa"), zopa)
    doc.setHtml(
        build_html(
            session,
            lang,
            charts=list(charts),
            zopa=zopa is not None,
            zopa_caption=zopa_caption,
            zopa_legend=zopa_legend,
        )
    )
    doc.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, DebriefReport.tr("Tariff Talks debrief")
    )
    return doc


#: Page margins (mm); the foot has room for the page number.
MARGIN_MM = 18.0
FOOT_MM = 24.0


def paginate(doc: QTextDocument, device: QPagedPaintDevice) -> QSizeF:
    """Lay the document out in pages of ``device`` (A4 with margins, in its pixels) and move
    any heading that would end a page, away from its text, to the top of the next page.
    Returns the page size; Qt's pagination never splits a line of text or an image."""
    layout = doc.documentLayout()
    layout.setPaintDevice(device)
    screen = QGuiApplication.primaryScreen()
    source_dpi = round(screen.logicalDotsPerInchY()) if screen is not None else 96  # as Qt scales margins
    mm = source_dpi / 25.4
    fmt = doc.rootFrame().frameFormat()
    fmt.setLeftMargin(MARGIN_MM * mm)
    fmt.setRightMargin(MARGIN_MM * mm)
    fmt.setTopMargin(MARGIN_MM * mm)
    fmt.setBottomMargin(FOOT_MM * mm)
    doc.rootFrame().setFrameFormat(fmt)
    page = QSizeF(device.width(), device.height())
    doc.setPageSize(page)
    for _ in range(64):  # each pass moves one heading; a document has a few dozen at most
        if not _move_one_stranded_heading(doc, page.height()):
            break
    return page


def _move_one_stranded_heading(doc: QTextDocument, page_h: float) -> bool:
    layout = doc.documentLayout()
    layout.documentSize()  # lay the whole document out
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        nxt = block.next()
        if fmt.headingLevel() > 0 and nxt.isValid():
            here = int(layout.blockBoundingRect(block).top() // page_h)
            there = int(layout.blockBoundingRect(nxt).top() // page_h)
            if there > here:
                cursor = QTextCursor(block)
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
                return True
        block = nxt
    return False


def write_pdf(doc: QTextDocument, path: Path, title: str = "") -> Path:
    """Print the document to an A4 PDF: real text, a page number at the foot of each page."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    writer.setResolution(300)
    writer.setTitle(title or DebriefReport.tr("Tariff Talks debrief"))
    writer.setCreator("Tariff Talks")
    page = paginate(doc, writer)
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"could not write the PDF to {path}")
    n = doc.pageCount()
    mm = writer.resolution() / 25.4
    font = QFont(doc.defaultFont())
    for k in range(n):
        if k:
            writer.newPage()
        painter.save()
        painter.translate(0, -k * page.height())
        doc.drawContents(painter, QRectF(0, k * page.height(), page.width(), page.height()))
        painter.restore()
        painter.setFont(font)
        painter.setPen(QColor("#5b6470"))
        foot = QRectF(
            MARGIN_MM * mm,
            page.height() - FOOT_MM * mm * 0.7,
            page.width() - 2 * MARGIN_MM * mm,
            FOOT_MM * mm * 0.4,
        )
        painter.drawText(
            foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{k + 1} / {n}"
        )
    painter.end()
    return Path(path)


__all__ = [
    "AgreementBlock",
    "agreement_blocks",
    "build_document",
    "build_html",
    "end_line",
    "final_meter_rows",
    "history_rows",
    "offer_text",
    "score_rows",
    "section_titles",
    "shared_meter_rows",
    "side_heading",
    "timeline",
    "write_pdf",
]

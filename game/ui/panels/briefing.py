"""The briefing panel: this side's own objectives, red lines and walk-away, and what it knows
of the other side's (its public prior, rule 7.3)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from game.engine.scoring import credit, objective_value
from game.hidden_text import KNOWN_EXACTLY, prior_rows
from game.i18n import t
from game.scenario.models import Briefing, Objective, tr
from game.text import (
    format_level,
    format_meter,
    red_line_words,
    side_name,
)
from game.ui.common import (
    Card,
    Ctx,
    named,
    wrap_label,
)
from game.ui.panels.base import (
    Gauge,
    _clear_layout,
    scenario_key,
)


class BriefingPanel(QScrollArea):
    """Your delegation and private briefing: objectives with current credit, red lines, capital.

    Built once per side, language and scenario; later renders only update the numbers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("briefingPanel")
        named(self, self.tr("Your delegation and private briefing"))
        self.inner = QWidget()
        self.lay = QVBoxLayout(self.inner)
        self.lay.setContentsMargins(8, 8, 8, 8)
        self.lay.setSpacing(8)
        self.setWidget(self.inner)
        self.setMinimumWidth(260)
        self._built: tuple[object, ...] | None = None  # (side, lang, scenario, briefing) built for
        self._key: tuple | None = None
        self.gauges: dict[str, Gauge] = {}

    def clear(self) -> None:
        self._built = None
        self._key = None
        self.gauges.clear()
        _clear_layout(self.lay)

    def _build(self, ctx: Ctx) -> None:
        _clear_layout(self.lay)
        self.gauges.clear()
        v, lang, sc = ctx.view, ctx.lang, ctx.scenario
        side = sc.side(v.side)
        head = QLabel(self.tr("{side} delegation").format(side=tr(side.name, lang)))
        head.setObjectName("sideTitle")
        head.setWordWrap(True)
        head.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        head.setStyleSheet(
            f"border-width: 0 0 0 6px; border-style: solid; border-color: {side.colour}; padding-left: 8px;"
        )
        self.lay.addWidget(head)
        for m in side.delegation:
            text = tr(m.name, lang) + (f" — {tr(m.role, lang)}" if m.role else "")
            self.lay.addWidget(wrap_label(text))
            if m.quote:
                self.lay.addWidget(wrap_label(f"“{tr(m.quote, lang)}”", object_name="quote"))

        card = Card(self.tr("Standing"))
        for key, caption, tip in (
            (
                "capital",
                self.tr("Political capital"),
                self.tr("Spent on unilateral moves; regenerates each turn with approval."),
            ),
            ("approval", self.tr("Approval at home"), ""),
            (
                "score",
                self.tr("Score now"),
                self.tr("Your walk-away value is the score you expect with no deal."),
            ),
        ):
            g = Gauge(caption)
            g.setToolTip(tip)
            card.body.addWidget(g)
            self.gauges[key] = g
        self.lay.addWidget(card)

        brief = v.briefing
        if brief.summary:
            card = Card(self.tr("Private briefing"))
            card.body.addWidget(wrap_label(tr(brief.summary, lang), object_name="summary"))
            self.lay.addWidget(card)

        card = Card(self.tr("Objectives"))
        for obj in brief.objectives:
            g = Gauge(self.tr("{text} (weight {w:g})").format(text=tr(obj.text, lang), w=obj.weight))
            card.body.addWidget(g)
            self.gauges["obj:" + obj.id] = g
        self.lay.addWidget(card)

        if brief.red_lines:
            card = Card(self.tr("Red lines"))
            for rl in brief.red_lines:
                # drawn from a prior (rule 7.3): the level this game, beside the text
                text = red_line_words(sc, rl, lang) if v.my_prior is not None else tr(rl.text, lang)
                card.body.addWidget(wrap_label("✗ " + text, object_name="redLine"))
            self.lay.addWidget(card)
        if v.other_prior is not None:
            self.lay.addWidget(self._known_card(ctx, v.other_prior))
        self.lay.addStretch(1)
        self._built = self._build_key(ctx)
        # The new contents' height (their labels wrap: a height for the width) reaches the
        # scroll area only through a layout request to it; without one it kept the viewport's
        # height and squeezed the cards into each other, with no scroll bar.
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _known_card(self, ctx: Ctx, prior: Briefing) -> Card:
        """Rule 7.3: what this side knows of the other's briefing — its public prior, one
        item a row (an objective's text, then its weight and target; a red line's text, then
        its level; the walk-away value; the faction's strength)."""
        sc, lang = ctx.scenario, ctx.lang
        other = side_name(sc, ctx.view.other, lang)
        card = Card(self.tr("What you know of them"))
        hint = self.tr(
            "The {side} delegation's briefing is drawn from these ranges each game; "
            "its draw stays secret until the debrief."
        ).format(side=other)
        card.body.addWidget(wrap_label(f"{hint} {t(lang, KNOWN_EXACTLY)}", object_name="hint"))
        host = QWidget()
        host.setObjectName("knownTable")
        named(host, self.tr("What you know of the {side} delegation").format(side=other))
        rows = QVBoxLayout(host)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(1)
        for k, row in enumerate(prior_rows(sc, prior, lang)):
            # (spacing and indent through the layout and QLabel, not style-sheet margins: a
            # wrapped label's height for its width does not count those, and it was cut off)
            if k:
                rows.addSpacing(5)
            what = wrap_label(row.what, object_name="knownWhat")
            what.setStyleSheet("font-weight: bold;")
            known = wrap_label(row.known, object_name="knownValue")
            known.setIndent(10)
            rows.addWidget(what)
            rows.addWidget(known)
        card.body.addWidget(host)
        return card

    @staticmethod
    def _build_key(ctx: Ctx) -> tuple[object, ...]:
        return (ctx.view.side, ctx.lang, scenario_key(ctx), ctx.view.briefing, ctx.view.other_prior)

    def refresh(self, ctx: Ctx) -> None:  # not render(): that is QWidget.render(target)
        v, lang, sc = ctx.view, ctx.lang, ctx.scenario
        if self._built != self._build_key(ctx):
            self._build(ctx)
            self._key = None
        key = (v.turn, len(v.history), v.political_capital, v.score.total, v.levels, v.meters.get(v.side))
        if key == self._key:
            return
        self._key = key
        g = self.gauges
        g["capital"].set(
            v.political_capital / 100.0, f"{v.political_capital:.0f}", self.tr("Political capital")
        )
        approval = v.meters.get(v.side, {}).get("approval_pct", 0.0)
        g["approval"].set(approval / 100.0, f"{approval:.0f}%", self.tr("Approval at home"))
        g["score"].set(
            v.score.total / 100.0,
            self.tr("{score:.0f} / 100 (walk-away {walk:.0f})").format(
                score=v.score.total, walk=v.score.walk_away
            ),
            self.tr("Score now"),
        )
        items = {i.id: i for i in v.score.items}
        for obj in v.briefing.objectives:
            item = items.get(obj.id)
            value = objective_value(obj, v.levels, v.meters, v.shared)
            c = item.credit if item else credit(obj, value)

            def fmt(x: float, obj: Objective = obj) -> str:
                if obj.instrument:
                    return format_level(sc, obj.instrument, x, lang)
                return format_meter(obj.meter or "", x)

            g["obj:" + obj.id].set(
                c,
                self.tr("{credit}% · now {now} → {target}").format(
                    credit=round(c * 100), now=fmt(value), target=fmt(obj.target)
                ),
                self.tr("Credit for: {text}").format(text=tr(obj.text, lang)),
            )


# ------------------------------------------------------------------------------ meters

"""Playing at the terminal: a human seat that reads commands from standard input.

Readable briefing, meters, offers and prompts, with help for each command.

Hot-seat (``simulate --us human --china human``): the seats share one :class:`Desk`,
the terminal. Whenever the side to act is not the side at the desk, the desk hands over
first: it clears the screen (and the scrollback, on a terminal), asks the player to pass
the computer to the other delegation and waits for Enter. A seat prints its side's
private things (briefing, political capital, draft orders) only from inside its own
``decide()``, after the desk is its own, so they never appear while the other side is
at the terminal.

Every word goes through :mod:`game.i18n` in the seat's language (``--lang``); command
names, instrument ids and the numbers typed stay as they are in every language.
"""

from __future__ import annotations

import shlex
import sys
import unicodedata
import weakref
from collections.abc import Callable
from typing import TextIO

from game.engine import (
    Accept,
    Action,
    Counter,
    EndTalks,
    IllegalAction,
    Propose,
    Reject,
    Rules,
    SubmitOrders,
    Term,
    View,
    WalkOut,
)
from game.engine.actions import STATEMENTS, Statement
from game.engine.preview import preview_deltas
from game.engine.reasons import too_far
from game.hidden_text import KNOWN_EXACTLY, prior_rows
from game.i18n import N_, nt, pt, t
from game.reasons_text import answer_text, offer_text
from game.scenario.models import SIDE_METERS, tr
from game.text import (
    channel_label,
    describe_news,
    meter_label,
    red_line_words,
    side_name,
    statement_label,
)

#: One line of help per command: the command's name and arguments stay as typed, in every language.
HELP: dict[str, str] = {
    "help": N_("help [COMMAND] — list the commands, or explain one."),
    "briefing": N_("briefing — your private briefing: objectives, red lines, walk-away score."),
    "meters": N_("meters — both sides' meters and the shared ones, with the change since last turn."),
    "why": N_("why METER [SIDE] — what moved a meter last turn, by channel (e.g. why growth_pct us)."),
    "instruments": N_("instruments — every instrument with its number, owner, level and range."),
    "news": N_("news — this game's news so far."),
    "table": N_("table — offers made so far and agreements in force."),
    "set": N_("set INSTRUMENT VALUE — (orders) draft a unilateral move; INSTRUMENT is its id or number."),
    "say": N_("say conciliatory|firm|threatening|none [MESSAGE] — (orders) your public statement."),
    "orders": N_("orders — (orders) show your draft orders and their political-capital cost."),
    "done": N_("done — (orders) submit your orders for this turn."),
    "offer": N_(
        "offer TERM... — (table) propose a package; TERM is INSTRUMENT=VALUE, add /TURNS for a "
        "limited term and @N to start it N turns later (e.g. us_suspension=24/13, cn_tariff_us=10@2)."
    ),
    "preview": N_("preview TERM... — what a package would do to the meters over the next 4 turns."),
    "accept": N_("accept — (table) accept the offer on the table."),
    "reject": N_(
        "reject [INSTRUMENT] — (table) reject the offer on the table; name one of its instruments "
        "(id or number) to say it went too far there (e.g. reject cn_tariff_us)."
    ),
    "counter": N_("counter TERM... — (table) reject the offer and propose this package instead."),
    "pass": N_("pass — (table) make no (further) offer this turn; the turn resolves."),
    "walkout": N_("walkout — leave the table for good: the talks collapse and the game ends."),
    "quit": N_("quit — stop playing (the game is not saved)."),
}


class QuitGame(Exception):
    """The player asked to stop."""


#: Clear the screen, move home, and clear the scrollback (xterm's ``E3``), so the next
#: delegation cannot scroll back to the last one's screen.
CLEAR_SCREEN = "\033[H\033[2J\033[3J"
#: Off a terminal (piped, or a file) there is nothing to clear: blank lines and a separator.
NOT_A_TTY_BREAK = "\n" * 40 + "#" * 72 + "\n"


class Desk:
    """The terminal that the human seats share: whose eyes are on it, and the hand-over."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self._stdin = stdin
        self._stdout = stdout
        self._seats: weakref.WeakSet[object] = weakref.WeakSet()  # the live seats at this desk
        #: The side whose things are on the screen now (None before the first move).
        self.at_terminal: str | None = None

    @property
    def stdin(self) -> TextIO:
        return self._stdin or sys.stdin

    @property
    def out(self) -> TextIO:
        return self._stdout or sys.stdout

    def join(self, seat: object) -> None:
        self._seats.add(seat)

    @property
    def hot_seat(self) -> bool:
        """More than one human seat shares this terminal."""
        return len(self._seats) > 1

    def is_tty(self) -> bool:
        try:
            return bool(self.out.isatty())
        except (AttributeError, ValueError):  # a closed or odd stream
            return False

    def clear(self) -> None:
        self.out.write(CLEAR_SCREEN if self.is_tty() else NOT_A_TTY_BREAK)
        self.out.flush()

    def take(self, side: str, name: str, lang: str) -> bool:
        """``side`` is about to act: hand the terminal over to it first if it is not there.

        Returns True if there was a hand-over (the screen was cleared). Raises
        :class:`QuitGame` at the end of input.
        """
        if self.at_terminal == side:
            return False
        if not self.hot_seat:
            self.at_terminal = side
            return False
        self.clear()
        self.at_terminal = None  # nobody's private things until the next delegation is there
        self.out.write(
            t(lang, "Pass the computer to the {side} delegation — press Enter when ready ", side=name)
        )
        self.out.flush()
        if not self.stdin.readline():
            raise QuitGame
        self.clear()
        self.at_terminal = side
        print(
            t(
                lang,
                "The {side} delegation has the computer. Type 'briefing' to see your private briefing again.",
                side=name,
            ),
            file=self.out,
        )
        return True


_console: Desk | None = None


def console_desk() -> Desk:
    """The process's own terminal (standard input and output), shared by its human seats."""
    global _console
    if _console is None:
        _console = Desk()
    return _console


class TerminalSeat:
    """A person at the terminal."""

    is_human = True

    def __init__(
        self,
        lang: str = "en",
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        desk: Desk | None = None,
    ) -> None:
        """``desk``: the terminal shared with the other human seat (hot-seat). By default,
        seats on the process's own standard input and output share :func:`console_desk`;
        a seat given its own streams gets a desk of its own."""
        self.label = "human"
        self.lang = lang
        if desk is None:
            desk = console_desk() if stdin is None and stdout is None else Desk(stdin, stdout)
        self.desk = desk
        desk.join(self)
        self.stdin = desk.stdin
        self.out = desk.out
        self._rules: Rules | None = None
        self._briefed = False
        self._draft: dict[str, float] = {}
        self._statement: Statement = "none"
        self._message = ""
        self._shown_turn = 0

    # -------------------------------------------------------------- plumbing
    def p(self, text: str = "") -> None:
        print(text, file=self.out)

    def read(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        if not line:
            raise QuitGame
        return line.strip()

    def refused(self, err: IllegalAction) -> None:
        self.p(
            "  ✗ "
            + t(self.lang, "Refused — rule {rule}: {reason}", rule=err.rule, reason=err.text(self.lang))
        )

    def rules(self, v: View) -> Rules:
        if self._rules is None:
            self._rules = Rules(v.scenario)
        return self._rules

    # --------------------------------------------------------------- decide
    def decide(self, v: View) -> Action:
        rules = self.rules(v)
        handed_over = self.desk.take(v.side, side_name(v.scenario, v.side, self.lang), self.lang)
        if not self._briefed:
            self._briefed = True
            self.show_briefing(v)
        if self._shown_turn != v.turn:
            self._shown_turn = v.turn
            self._draft, self._statement, self._message = {}, "none", ""
            self.show_turn(v)
        elif handed_over:  # the screen was cleared: show this side where it stands again
            self.show_turn(v)
            if v.phase == "orders" and (self._draft or self._statement != "none"):
                self.show_orders(v, rules)
        if v.phase == "table":
            self.show_table_state(v)
        handlers: dict[str, Callable[[View, Rules, list[str]], Action | None]] = {
            "help": self.cmd_help,
            "briefing": lambda v, r, a: self.show_briefing(v),
            "meters": lambda v, r, a: self.show_meters(v),
            "why": self.cmd_why,
            "instruments": lambda v, r, a: self.show_instruments(v, r),
            "news": lambda v, r, a: self.show_news(v, everything=True),
            "table": lambda v, r, a: self.show_table(v),
            "set": self.cmd_set,
            "say": self.cmd_say,
            "orders": lambda v, r, a: self.show_orders(v, r),
            "done": self.cmd_done,
            "offer": self.cmd_offer,
            "preview": self.cmd_preview,
            "accept": lambda v, r, a: Accept(side=v.side),
            "reject": self.cmd_reject,
            "counter": self.cmd_counter,
            "pass": lambda v, r, a: EndTalks(side=v.side),
            "walkout": self.cmd_walkout,
            "quit": self.cmd_quit,
        }
        while True:
            phase = (
                pt(self.lang, "phase", "orders") if v.phase == "orders" else pt(self.lang, "phase", "table")
            )
            side = side_name(v.scenario, v.side, self.lang)
            line = self.read(
                t(self.lang, "[{side} · turn {turn} · {phase}] > ", side=side, turn=v.turn, phase=phase)
            )
            if not line:
                continue
            try:
                words = shlex.split(line)
            except ValueError:
                self.p("  ✗ " + t(self.lang, "cannot read that line: a quotation mark is not closed"))
                continue
            cmd, args = words[0].lower(), words[1:]
            handler = handlers.get(cmd)
            if handler is None:
                self.p(
                    "  ✗ "
                    + t(self.lang, "Unknown command {command!r}. Type 'help' for the list.", command=cmd)
                )
                continue
            try:
                action = handler(v, rules, args)
            except (ValueError, KeyError) as err:
                self.p(f"  ✗ {err}")
                continue
            if action is None:
                continue
            return action

    # ------------------------------------------------------------- commands
    def cmd_help(self, v: View, r: Rules, args: list[str]) -> None:
        if args:
            help_text = HELP.get(args[0].lower())
            self.p(
                "  "
                + (
                    t(self.lang, help_text)
                    if help_text
                    else t(self.lang, "no command {command!r}", command=args[0])
                )
            )
            return
        self.p(t(self.lang, "Commands:"))
        for text in HELP.values():
            self.p("  " + t(self.lang, text))

    def cmd_why(self, v: View, r: Rules, args: list[str]) -> None:
        if not args:
            raise ValueError(t(self.lang, "usage: why METER [SIDE]"))
        meter = args[0]
        key = f"{args[1]}.{meter}" if len(args) > 1 else meter
        if meter in SIDE_METERS and len(args) == 1:
            key = f"{v.side}.{meter}"
        if not v.history or key not in v.history[-1].why:
            self.p("  " + t(self.lang, "No recorded causes for {meter} last turn.", meter=key))
            return
        self.p("  " + t(self.lang, "What moved {meter} last turn:", meter=key))
        for ch, val in sorted(v.history[-1].why[key].items(), key=lambda kv: -abs(kv[1])):
            self.p("    " + _pad(channel_label(ch, self.lang), 32) + f"{val:+.3f}")

    def _instrument_id(self, r: Rules, token: str) -> str:
        if token.isdigit():
            ids = [i.id for i in r.scenario.instruments if i.player_controlled]
            k = int(token)
            if not 1 <= k <= len(ids):
                raise ValueError(t(self.lang, "no instrument number {n}; type 'instruments'", n=k))
            return ids[k - 1]
        if token not in r.instruments:
            raise ValueError(
                t(self.lang, "no instrument {instrument!r}; type 'instruments'", instrument=token)
            )
        return token

    def _number(self, token: str) -> float:
        try:
            return float(token)
        except ValueError:
            raise ValueError(t(self.lang, "{value!r} is not a number", value=token)) from None

    def _count(self, token: str) -> int:
        try:
            return int(token)
        except ValueError:
            raise ValueError(t(self.lang, "{value!r} is not a whole number of turns", value=token)) from None

    def cmd_set(self, v: View, r: Rules, args: list[str]) -> None:
        if v.phase != "orders":
            raise ValueError(t(self.lang, "orders are closed this turn"))
        if len(args) != 2:
            raise ValueError(t(self.lang, "usage: set INSTRUMENT VALUE"))
        iid = self._instrument_id(r, args[0])
        self._draft[iid] = self._number(args[1])
        self.show_orders(v, r)

    def cmd_say(self, v: View, r: Rules, args: list[str]) -> None:
        if not args or args[0] not in STATEMENTS:
            raise ValueError(t(self.lang, "usage: say {choices} [MESSAGE]", choices="|".join(STATEMENTS)))
        self._statement = STATEMENTS[STATEMENTS.index(args[0])]  # args[0], typed as a Statement
        self._message = " ".join(args[1:])
        self.p(
            "  "
            + t(self.lang, "Statement: {statement}", statement=statement_label(self._statement, self.lang))
        )

    def cmd_done(self, v: View, r: Rules, args: list[str]) -> Action:
        if v.phase != "orders":
            raise ValueError(t(self.lang, "orders are closed this turn"))
        return SubmitOrders(
            side=v.side, moves=dict(self._draft), statement=self._statement, message=self._message
        )

    def _terms(self, r: Rules, args: list[str]) -> tuple[Term, ...]:
        if not args:
            raise ValueError(t(self.lang, "name at least one term: INSTRUMENT=VALUE[/TURNS]"))
        terms = []
        for a in args:
            if "=" not in a:
                raise ValueError(
                    t(
                        self.lang,
                        "{term!r} is not a term: write INSTRUMENT=VALUE or INSTRUMENT=VALUE/TURNS",
                        term=a,
                    )
                )
            name, rest = a.split("=", 1)
            duration, start = None, 0
            if "@" in rest:
                rest, st = rest.split("@", 1)
                start = self._count(st)
            if "/" in rest:
                rest, d = rest.split("/", 1)
                duration = self._count(d)
            terms.append(
                Term(
                    instrument=self._instrument_id(r, name),
                    value=self._number(rest),
                    duration_turns=duration,
                    start_after_turns=start,
                )
            )
        return tuple(terms)

    def cmd_offer(self, v: View, r: Rules, args: list[str]) -> Action:
        return Propose(side=v.side, terms=self._terms(r, args))

    def cmd_reject(self, v: View, r: Rules, args: list[str]) -> Action:
        """``reject`` or ``reject INSTRUMENT``: the reason "too far on INSTRUMENT" (at its level in
        the offer), as the same data the window and the agent protocol send."""
        if not args:
            return Reject(side=v.side)
        if len(args) > 1:
            raise ValueError(t(self.lang, "reject takes at most one instrument"))
        iid = self._instrument_id(r, args[0])
        offer = v.pending_offer
        term = next((x for x in offer.terms if x.instrument == iid), None) if offer is not None else None
        if term is None:
            raise ValueError(t(self.lang, "{instrument} is not in the offer on the table", instrument=iid))
        return Reject(side=v.side, reasons=(too_far(iid, term.value),))

    def cmd_counter(self, v: View, r: Rules, args: list[str]) -> Action:
        return Counter(side=v.side, terms=self._terms(r, args))

    def cmd_preview(self, v: View, r: Rules, args: list[str]) -> None:
        terms = self._terms(r, args) if args else (v.pending_offer.terms if v.pending_offer else ())
        if not terms:
            raise ValueError(
                t(self.lang, "usage: preview TERM... (or with an offer on the table, just 'preview')")
            )
        deltas = preview_deltas(r, v, terms)
        self.p("  " + t(self.lang, "In 4 turns, with the package rather than without:"))
        sep = pt(self.lang, "list", ", ")
        for s in r.sides:
            items = sep.join(f"{meter_label(k, self.lang)} {x:+.2f}" for k, x in deltas[s].items())
            self.p(f"    {side_name(v.scenario, s, self.lang)}: {items}")
        shared = deltas["shared"]
        self.p(
            f"    {meter_label('world_growth_pct', self.lang)} {shared['world_growth_pct']:+.2f}{sep}"
            f"{meter_label('uncertainty_index', self.lang)} {shared['uncertainty_index']:+.1f}"
        )
        self.p("    " + t(self.lang, "your score {change}", change=f"{deltas['score'][v.side]:+.1f}"))

    def cmd_walkout(self, v: View, r: Rules, args: list[str]) -> Action | None:
        answer = self.read(
            "  " + t(self.lang, "Walk out for good? The talks collapse. Type yes to confirm: ")
        )
        # TRANSLATORS: what the player types to confirm walking out (English "yes" and "y" work too).
        yes = {"y", "yes", t(self.lang, "yes").lower()}
        return WalkOut(side=v.side) if answer.lower() in yes else None

    def cmd_quit(self, v: View, r: Rules, args: list[str]) -> None:
        raise QuitGame

    # -------------------------------------------------------------- display
    def show_briefing(self, v: View) -> None:
        sc, lang = v.scenario, self.lang
        self.p("=" * 72)
        self.p(tr(sc.meta.title, lang))
        self.p(tr(sc.meta.description, lang))
        self.p("-" * 72)
        me = sc.side(v.side)
        members = pt(lang, "list", ", ").join(
            t(lang, "{name} ({role})", name=tr(m.name, lang), role=tr(m.role, lang)) for m in me.delegation
        )
        self.p(t(lang, "You are the {side} delegation: {members}", side=tr(me.name, lang), members=members))
        self.p(t(lang, "PRIVATE BRIEFING — {summary}", summary=tr(v.briefing.summary, lang)))
        self.p(t(lang, "Objectives (weight: from → to):"))
        for o in v.briefing.objectives:
            line = t(
                lang,
                "{objective}: {baseline} → {target}",
                objective=tr(o.text, lang),
                baseline=f"{o.baseline:g}",
                target=f"{o.target:g}",
            )
            self.p(f"  [{o.weight:g}] {line}")
        if v.briefing.red_lines:
            self.p(t(lang, "Red lines (you may not propose or accept a package that crosses them):"))
            for rl in v.briefing.red_lines:
                # drawn from a prior (rule 7.3): the level this game, beside the text (as the window)
                text = red_line_words(sc, rl, lang) if v.my_prior is not None else tr(rl.text, lang)
                self.p(f"  • {text}")
        self.p(
            t(
                lang,
                "Walk-away score: {score} / 100. Deadline: turn {turn}.",
                score=f"{v.briefing.walk_away:g}",
                turn=v.deadline_turns,
            )
        )
        if v.other_prior is not None:  # rule 7.3: the other side's public prior, never its draw
            self.p(
                t(
                    lang,
                    "What you know of the {side} delegation (drawn from these each game, secret until the end):",
                    side=side_name(sc, v.other, lang),
                )
            )
            for row in prior_rows(sc, v.other_prior, lang):
                self.p(f"  • {row.what}: {row.known}")
            self.p("  " + t(lang, KNOWN_EXACTLY))
        self.p(t(lang, "Type 'help' for the commands."))
        self.p("=" * 72)

    def show_turn(self, v: View) -> None:
        self.p("")
        self.p(
            "━━ "
            + t(
                self.lang,
                "Turn {turn} of {last} — week of {date}",
                turn=v.turn,
                last=v.deadline_turns,
                date=v.date.isoformat(),
            )
            + " ━━"
        )
        self.show_news(v, everything=False)
        self.show_meters(v)
        self.p(
            t(
                self.lang,
                "Political capital: {capital}. Your score so far: {score}.",
                capital=f"{v.political_capital:.0f}",
                score=f"{v.score.total:.0f}",
            )
        )

    def show_news(self, v: View, everything: bool) -> None:
        items = [n for n in v.news if everything or n.turn >= v.turn - 1]
        if not items:
            return
        self.p(t(self.lang, "News:"))
        for n in items[-15:]:
            self.p(f"  · [{n.turn}] {describe_news(v.scenario, n, self.lang)}")

    def show_meters(self, v: View) -> None:
        prev = v.history[-2] if len(v.history) >= 2 else None
        a, b = v.side, v.other
        lang = self.lang
        head = t(lang, "meter")
        self.p(
            "  "
            + _pad(head, 30)
            + _pad(side_name(v.scenario, a, lang), 16, right=True)
            + _pad(side_name(v.scenario, b, lang), 16, right=True)
        )
        secret = t(lang, "(secret)")
        for m in SIDE_METERS:
            cells = []
            for s in (a, b):
                val = v.meters.get(s, {}).get(m)
                if val is None:
                    cells.append(_pad(secret, 16, right=True))
                    continue
                d = ""
                if prev is not None and m in prev.meters.get(s, {}):
                    dv = val - prev.meters[s][m]
                    d = f" ({dv:+.1f})" if abs(dv) >= 0.05 else ""
                cells.append(f"{val:.1f}{d}".rjust(16))
            self.p("  " + _pad(meter_label(m, lang), 30) + "".join(cells))
        for m, val in v.shared.items():
            self.p("  " + _pad(meter_label(m, lang), 30) + f"{val:>16.1f}")

    def show_instruments(self, v: View, r: Rules) -> None:
        k = 0
        for ins in r.scenario.instruments:
            if not ins.player_controlled:
                continue
            k += 1
            who = side_name(v.scenario, ins.owner, self.lang)
            self.p(
                f"  {k:>2}. {ins.id:<26} {who:<14} {v.levels[ins.id]:>7g}  "
                + t(
                    self.lang,
                    "({min}..{max}, step {step}, cost {cost}/step)",
                    min=f"{ins.min:g}",
                    max=f"{ins.max:g}",
                    step=f"{ins.step:g}",
                    cost=f"{ins.cost:g}",
                )
                + f"  {tr(ins.name, self.lang)}"
            )

    def show_orders(self, v: View, r: Rules) -> None:
        cost = r.orders_cost_levels(v.levels, self._draft, self._statement)
        draft = ", ".join(f"{iid}={value:g}" for iid, value in self._draft.items()) or t(self.lang, "none")
        self.p(
            "  "
            + t(
                self.lang,
                "Draft orders: {draft}; statement: {statement}; cost {cost} of {capital} capital",
                draft=draft,
                statement=statement_label(self._statement, self.lang),
                cost=f"{cost:.1f}",
                capital=f"{v.political_capital:.0f}",
            )
        )

    def show_table(self, v: View) -> None:
        if not v.offers:
            self.p("  " + t(self.lang, "No offers yet."))
        for o in v.offers[-8:]:
            self.p(
                "  "
                + t(
                    self.lang,
                    "#{id} turn {turn} {side} [{status}]: {terms}",
                    id=o.id,
                    turn=o.turn,
                    side=side_name(v.scenario, o.side, self.lang),
                    status=t(self.lang, OFFER_STATUS.get(o.status, o.status)),
                    terms=format_terms(o.terms),
                )
            )
            why, answer = offer_text(v.scenario, o, self.lang), answer_text(v.scenario, o, self.lang)
            if why:
                self.p(f"      “{why}”")
            if answer:
                self.p(f"      ↳ “{answer}”")
        for a in v.active_agreements:
            terms = ", ".join(
                f"{term.instrument}={term.value:g}"
                + (" " + t(self.lang, "until turn {turn}", turn=term.until_turn) if term.until_turn else "")
                for term in a.terms
            )
            self.p(
                "  "
                + t(
                    self.lang,
                    "Agreement #{id} (signed turn {turn}): {terms}",
                    id=a.id,
                    turn=a.signed_turn,
                    terms=terms,
                )
            )

    def show_table_state(self, v: View) -> None:
        if v.pending_offer is not None:
            o = v.pending_offer
            side = side_name(v.scenario, o.side, self.lang)
            self.p("  " + t(self.lang, "Offer from {side}: {terms}", side=side, terms=format_terms(o.terms)))
            why = offer_text(v.scenario, o, self.lang)
            if why:
                self.p(f"    “{why}”")
            self.p("  " + t(self.lang, "accept, reject, counter TERM..., or preview"))
        else:
            last = v.offers[-1] if v.offers else None
            answer = (
                answer_text(v.scenario, last, self.lang) if last is not None and last.turn == v.turn else ""
            )
            if answer:
                self.p("  " + t(self.lang, "Their answer: “{answer}”", answer=answer))
            n = v.exchanges_left
            left = nt(self.lang, "{n} offer left this turn", "{n} offers left this turn", n, n=n)
            self.p("  " + t(self.lang, "The table is yours ({left}): offer TERM... or pass", left=left))


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    cells = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(1, width - cells) if not right else " " * max(0, width - cells)
    return fill + text if right else text + fill


#: An offer's status, as the table shows it.
OFFER_STATUS: dict[str, str] = {
    "pending": N_("on the table"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "countered": N_("countered"),
    "lapsed": N_("lapsed"),
}


def format_terms(terms: tuple[Term, ...]) -> str:
    return ", ".join(
        f"{t.instrument}={t.value:g}"
        + (f"/{t.duration_turns}" if t.duration_turns else "")
        + (f"@{t.start_after_turns}" if t.start_after_turns else "")
        for t in terms
    )

"""Playing at the terminal: a human seat that reads commands from standard input.

Readable briefing, meters, offers and prompts, with help for each command.

Hot-seat (``simulate --us human --china human``): the seats share one :class:`Desk`,
the terminal. Whenever the side to act is not the side at the desk, the desk hands over
first: it clears the screen (and the scrollback, on a terminal), asks the player to pass
the computer to the other delegation and waits for Enter. A seat prints its side's
private things (briefing, political capital, draft orders) only from inside its own
``decide()``, after the desk is its own, so they never appear while the other side is
at the terminal.
"""

from __future__ import annotations

import shlex
import sys
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
from game.engine.actions import STATEMENTS
from game.engine.preview import preview_deltas
from game.scenario.models import SIDE_METERS, tr
from game.text import describe_news, meter_label, side_name

HELP: dict[str, str] = {
    "help": "help [COMMAND] — list the commands, or explain one.",
    "briefing": "briefing — your private briefing: objectives, red lines, walk-away score.",
    "meters": "meters — both sides' meters and the shared ones, with the change since last turn.",
    "why": "why METER [SIDE] — what moved a meter last turn, by channel (e.g. why growth_pct us).",
    "instruments": "instruments — every instrument with its number, owner, level and range.",
    "news": "news — this game's news so far.",
    "table": "table — offers made so far and agreements in force.",
    "set": "set INSTRUMENT VALUE — (orders) draft a unilateral move; INSTRUMENT is its id or number.",
    "say": "say conciliatory|firm|threatening|none [MESSAGE] — (orders) your public statement.",
    "orders": "orders — (orders) show your draft orders and their political-capital cost.",
    "done": "done — (orders) submit your orders for this turn.",
    "offer": "offer TERM... — (table) propose a package; TERM is INSTRUMENT=VALUE, add /TURNS for a "
    "limited term and @N to start it N turns later (e.g. us_suspension=24/13, cn_tariff_us=10@2).",
    "preview": "preview TERM... — what a package would do to the meters over the next 4 turns.",
    "accept": "accept — (table) accept the offer on the table.",
    "reject": "reject — (table) reject the offer on the table.",
    "counter": "counter TERM... — (table) reject the offer and propose this package instead.",
    "pass": "pass — (table) make no (further) offer this turn; the turn resolves.",
    "walkout": "walkout — leave the table for good: the talks collapse and the game ends.",
    "quit": "quit — stop playing (the game is not saved).",
}


class QuitGame(Exception):
    """The player asked to stop."""


#: Clear the screen, move home, and clear the scrollback (xterm's ``E3``), so the next
#: delegation cannot scroll back to the last one's screen.
CLEAR_SCREEN = "\033[H\033[2J\033[3J"
#: Off a terminal (piped, or a file) there is nothing to clear: blank lines and a separator.
NOT_A_TTY_BREAK = "\n" * 40 + "#" * 72 + "\n"

_HANDOVER_TEXT = {
    "en": "Pass the computer to the {side} delegation — press Enter when ready ",
    "zh": "请把电脑交给{side}代表团 — 准备好后按回车键 ",
}
_WELCOME_TEXT = {
    "en": "The {side} delegation has the computer. Type 'briefing' to see your private briefing again.",
    "zh": "{side}代表团已就位。输入 'briefing' 可再次查看你方的机密简报。",
}


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
        self.out.write(_HANDOVER_TEXT.get(lang, _HANDOVER_TEXT["en"]).format(side=name))
        self.out.flush()
        if not self.stdin.readline():
            raise QuitGame
        self.clear()
        self.at_terminal = side
        print(_WELCOME_TEXT.get(lang, _WELCOME_TEXT["en"]).format(side=name), file=self.out)
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
        self._statement = "none"
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
        self.p(f"  ✗ Refused — rule {err.rule}: {err.message}")

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
            "reject": lambda v, r, a: Reject(side=v.side),
            "counter": self.cmd_counter,
            "pass": lambda v, r, a: EndTalks(side=v.side),
            "walkout": self.cmd_walkout,
            "quit": self.cmd_quit,
        }
        while True:
            phase = "orders" if v.phase == "orders" else "table"
            line = self.read(f"[{side_name(v.scenario, v.side, self.lang)} · turn {v.turn} · {phase}] > ")
            if not line:
                continue
            try:
                words = shlex.split(line)
            except ValueError as err:
                self.p(f"  ✗ {err}")
                continue
            cmd, args = words[0].lower(), words[1:]
            handler = handlers.get(cmd)
            if handler is None:
                self.p(f"  ✗ Unknown command {cmd!r}. Type 'help' for the list.")
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
            self.p("  " + HELP.get(args[0].lower(), f"no command {args[0]!r}"))
            return
        self.p("Commands:")
        for text in HELP.values():
            self.p("  " + text)

    def cmd_why(self, v: View, r: Rules, args: list[str]) -> None:
        if not args:
            raise ValueError("usage: why METER [SIDE]")
        meter = args[0]
        key = f"{args[1]}.{meter}" if len(args) > 1 else meter
        if meter in SIDE_METERS and len(args) == 1:
            key = f"{v.side}.{meter}"
        if not v.history or key not in v.history[-1].why:
            self.p(f"  No recorded causes for {key} last turn.")
            return
        self.p(f"  What moved {key} last turn:")
        for ch, val in sorted(v.history[-1].why[key].items(), key=lambda kv: -abs(kv[1])):
            self.p(f"    {ch:<14} {val:+.3f}")

    def _instrument_id(self, r: Rules, token: str) -> str:
        if token.isdigit():
            ids = [i.id for i in r.scenario.instruments if i.player_controlled]
            k = int(token)
            if not 1 <= k <= len(ids):
                raise ValueError(f"no instrument number {k}; type 'instruments'")
            return ids[k - 1]
        if token not in r.instruments:
            raise ValueError(f"no instrument {token!r}; type 'instruments'")
        return token

    def cmd_set(self, v: View, r: Rules, args: list[str]) -> None:
        if v.phase != "orders":
            raise ValueError("orders are closed this turn")
        if len(args) != 2:
            raise ValueError("usage: set INSTRUMENT VALUE")
        iid = self._instrument_id(r, args[0])
        self._draft[iid] = float(args[1])
        self.show_orders(v, r)

    def cmd_say(self, v: View, r: Rules, args: list[str]) -> None:
        if not args or args[0] not in STATEMENTS:
            raise ValueError(f"usage: say {'|'.join(STATEMENTS)} [MESSAGE]")
        self._statement = args[0]
        self._message = " ".join(args[1:])
        self.p(f"  Statement: {self._statement}")

    def cmd_done(self, v: View, r: Rules, args: list[str]) -> Action:
        if v.phase != "orders":
            raise ValueError("orders are closed this turn")
        return SubmitOrders(
            side=v.side, moves=dict(self._draft), statement=self._statement, message=self._message
        )  # type: ignore[arg-type]

    def _terms(self, r: Rules, args: list[str]) -> tuple[Term, ...]:
        if not args:
            raise ValueError("name at least one term: INSTRUMENT=VALUE[/TURNS]")
        terms = []
        for a in args:
            if "=" not in a:
                raise ValueError(f"{a!r} is not a term: write INSTRUMENT=VALUE or INSTRUMENT=VALUE/TURNS")
            name, rest = a.split("=", 1)
            duration, start = None, 0
            if "@" in rest:
                rest, st = rest.split("@", 1)
                start = int(st)
            if "/" in rest:
                rest, d = rest.split("/", 1)
                duration = int(d)
            terms.append(
                Term(
                    instrument=self._instrument_id(r, name),
                    value=float(rest),
                    duration_turns=duration,
                    start_after_turns=start,
                )
            )
        return tuple(terms)

    def cmd_offer(self, v: View, r: Rules, args: list[str]) -> Action:
        return Propose(side=v.side, terms=self._terms(r, args))

    def cmd_counter(self, v: View, r: Rules, args: list[str]) -> Action:
        return Counter(side=v.side, terms=self._terms(r, args))

    def cmd_preview(self, v: View, r: Rules, args: list[str]) -> None:
        terms = self._terms(r, args) if args else (v.pending_offer.terms if v.pending_offer else ())
        if not terms:
            raise ValueError("usage: preview TERM... (or with an offer on the table, just 'preview')")
        deltas = preview_deltas(r, v, terms)
        self.p("  In 4 turns, with the package rather than without:")
        for s in r.sides:
            items = ", ".join(f"{meter_label(k, self.lang)} {x:+.2f}" for k, x in deltas[s].items())
            self.p(f"    {side_name(v.scenario, s, self.lang)}: {items}")
        self.p(
            f"    world growth {deltas['shared']['world_growth_pct']:+.2f}, uncertainty {deltas['shared']['uncertainty_index']:+.1f}"
        )
        self.p(f"    your score {deltas['score'][v.side]:+.1f}")

    def cmd_walkout(self, v: View, r: Rules, args: list[str]) -> Action | None:
        answer = self.read("  Walk out for good? The talks collapse. Type yes to confirm: ")
        return WalkOut(side=v.side) if answer.lower() in ("y", "yes") else None

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
        self.p(
            f"You are the {tr(me.name, lang)} delegation: "
            + ", ".join(f"{tr(m.name, lang)} ({tr(m.role, lang)})" for m in me.delegation)
        )
        self.p(f"PRIVATE BRIEFING — {tr(v.briefing.summary, lang)}")
        self.p("Objectives (weight: from → to):")
        for o in v.briefing.objectives:
            self.p(f"  [{o.weight:g}] {tr(o.text, lang)}: {o.baseline:g} → {o.target:g}")
        if v.briefing.red_lines:
            self.p("Red lines (you may not propose or accept a package that crosses them):")
            for rl in v.briefing.red_lines:
                self.p(f"  • {tr(rl.text, lang)}")
        self.p(f"Walk-away score: {v.briefing.walk_away:g} / 100. Deadline: turn {v.deadline_turns}.")
        self.p("Type 'help' for the commands.")
        self.p("=" * 72)

    def show_turn(self, v: View) -> None:
        self.p("")
        self.p(f"━━ Turn {v.turn} of {v.deadline_turns} — week of {v.date.isoformat()} ━━")
        self.show_news(v, everything=False)
        self.show_meters(v)
        self.p(f"Political capital: {v.political_capital:.0f}. Your score so far: {v.score.total:.0f}.")

    def show_news(self, v: View, everything: bool) -> None:
        items = [n for n in v.news if everything or n.turn >= v.turn - 1]
        if not items:
            return
        self.p("News:")
        for n in items[-15:]:
            self.p(f"  · [{n.turn}] {describe_news(v.scenario, n, self.lang)}")

    def show_meters(self, v: View) -> None:
        prev = v.history[-2] if len(v.history) >= 2 else None
        a, b = v.side, v.other
        self.p(
            f"  {'meter':<26}{side_name(v.scenario, a, self.lang):>16}{side_name(v.scenario, b, self.lang):>16}"
        )
        for m in SIDE_METERS:
            cells = []
            for s in (a, b):
                val = v.meters.get(s, {}).get(m)
                if val is None:
                    cells.append(f"{'(secret)':>16}")
                    continue
                d = ""
                if prev is not None and m in prev.meters.get(s, {}):
                    dv = val - prev.meters[s][m]
                    d = f" ({dv:+.1f})" if abs(dv) >= 0.05 else ""
                cells.append(f"{val:.1f}{d}".rjust(16))
            self.p(f"  {meter_label(m, self.lang):<26}" + "".join(cells))
        for m, val in v.shared.items():
            self.p(f"  {meter_label(m, self.lang):<26}{val:>16.1f}")

    def show_instruments(self, v: View, r: Rules) -> None:
        k = 0
        for ins in r.scenario.instruments:
            if not ins.player_controlled:
                continue
            k += 1
            who = side_name(v.scenario, ins.owner, self.lang)
            self.p(
                f"  {k:>2}. {ins.id:<26} {who:<14} {v.levels[ins.id]:>7g}  ({ins.min:g}..{ins.max:g}, step {ins.step:g}, cost {ins.cost:g}/step)  {tr(ins.name, self.lang)}"
            )

    def show_orders(self, v: View, r: Rules) -> None:
        cost = r.orders_cost_levels(v.levels, self._draft, self._statement)
        self.p(
            f"  Draft orders: {self._draft or 'none'}; statement: {self._statement}; cost {cost:.1f} of {v.political_capital:.0f} capital"
        )

    def show_table(self, v: View) -> None:
        if not v.offers:
            self.p("  No offers yet.")
        for o in v.offers[-8:]:
            self.p(
                f"  #{o.id} turn {o.turn} {side_name(v.scenario, o.side, self.lang)} [{o.status}]: "
                + format_terms(o.terms)
            )
            if o.note:
                self.p(f"      “{o.note}”")
            if o.response_note:
                self.p(f"      ↳ “{o.response_note}”")
        for a in v.active_agreements:
            terms = ", ".join(
                f"{t.instrument}={t.value:g}" + (f" until turn {t.until_turn}" if t.until_turn else "")
                for t in a.terms
            )
            self.p(f"  Agreement #{a.id} (signed turn {a.signed_turn}): {terms}")

    def show_table_state(self, v: View) -> None:
        if v.pending_offer is not None:
            o = v.pending_offer
            self.p(f"  Offer from {side_name(v.scenario, o.side, self.lang)}: {format_terms(o.terms)}")
            if o.note:
                self.p(f"    “{o.note}”")
            self.p("  accept, reject, counter TERM..., or preview")
        else:
            last = v.offers[-1] if v.offers else None
            if last is not None and last.turn == v.turn and last.response_note:
                self.p(f"  Their answer: “{last.response_note}”")
            left = f"{v.exchanges_left} offer{'s' if v.exchanges_left != 1 else ''} left this turn"
            self.p(f"  The table is yours ({left}): offer TERM... or pass")


def format_terms(terms: tuple[Term, ...]) -> str:
    return ", ".join(
        f"{t.instrument}={t.value:g}"
        + (f"/{t.duration_turns}" if t.duration_turns else "")
        + (f"@{t.start_after_turns}" if t.start_after_turns else "")
        for t in terms
    )

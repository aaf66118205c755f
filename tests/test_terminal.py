"""A person can play a whole Geneva game at the terminal against the AI; two can play hot-seat."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.ai import make_ai
from game.session import Session
from game.terminal import Desk, QuitGame, TerminalSeat
from game.text import red_line_words

ROOT = Path(__file__).resolve().parent.parent


def test_terminal_plays_a_whole_game(geneva):
    script = (
        "help\nhelp offer\nbriefing\ninstruments\nbogus\nset 2 15\norders\nsay firm We stand firm\ndone\n"
    )
    script += "offer us_tariff_reciprocal=34 us_suspension=24/13 cn_tariff_us=34 cn_suspension=24/13\n"
    script += "preview\nwhy growth_pct\nreject\npass\npass\ndone\n" * 40
    out = io.StringIO()
    seat = TerminalSeat(stdin=io.StringIO(script), stdout=out)
    session = Session.new(geneva, {"us": seat, "china": make_ai()}, seed=3)
    session.play_to_end()
    text = out.getvalue()
    assert session.over
    assert "PRIVATE BRIEFING" in text and "Refused — rule" in text and "Unknown command 'bogus'" in text
    assert "offer TERM..." in text  # help for one command
    # rule 7.3: China's prior is public (its objectives, each quantity's range), its draw never
    assert geneva.briefings["china"].objectives[0].text.en in text
    state = session.game.state
    assert f"Walk-away score: {state.briefings['us'].walk_away:g} / 100" in text  # the US's own draw
    for rl in state.briefings["us"].red_lines:  # its drawn red lines, at their levels
        assert red_line_words(geneva, rl, "en") in text
    drawn = telling_draws(geneva, "china", state.briefings["china"], besides=state.briefings["us"])
    assert {"walk_away", "faction_strength"} <= {k for k, _ in drawn}, drawn
    for kind, number in drawn:  # (a signed number is a projection's change, never a draw)
        assert not re.search(rf"(?<![\d.+-]){re.escape(number)}(?![\d])", text), (
            f"China's drawn {kind} ({number}) printed on the US's terminal"
        )


def telling_draws(scenario, side: str, drawn, besides) -> list[tuple[str, str]]:
    """(kind, number as printed) of each quantity drawn for ``side`` (rule 7.3) whose number
    no prior shows (a bound, a choice or a middle), that is not on an instrument's level grid
    (a whole number) and is not one of the reader's own numbers (its draw ``besides``):
    printed, it could only be the draw."""
    from game.engine.hidden_types import quantities

    prior = scenario.briefings[side]
    shown = {q.value for q in quantities(besides)}
    for p in scenario.briefings.values():
        for q in quantities(p):
            shown |= {q.value, *(q.prior.between or ()), *(q.prior.one_of or ())} if q.prior else {q.value}
    out = []
    for q, d in zip(quantities(prior), quantities(drawn), strict=True):
        if q.prior is None or q.kind == "red_line":
            continue
        if d.value not in shown and abs(d.value - round(d.value)) > 1e-9:
            out.append((q.kind, f"{d.value:g}"))
    return out


def test_terminal_end_of_input_quits_cleanly(geneva):
    seat = TerminalSeat(stdin=io.StringIO("meters\n"), stdout=io.StringIO())
    session = Session.new(geneva, {"us": seat, "china": make_ai()}, seed=3)
    try:
        session.play_to_end()
    except QuitGame:
        pass
    else:  # pragma: no cover
        raise AssertionError("end of input should stop the game")


# ------------------------------------------------------------------ hot-seat at one terminal
US_MARKERS = {
    "summary": "US-BRIEFING-SUMMARY-MARKER",
    "objective": "US-OBJECTIVE-MARKER",
    "red line": "US-RED-LINE-MARKER",
}
CN_MARKERS = {
    "summary": "CN-BRIEFING-SUMMARY-MARKER",
    "objective": "CN-OBJECTIVE-MARKER",
    "red line": "CN-RED-LINE-MARKER",
}
US_CAPITAL, CN_CAPITAL = 87, 41
HANDOVER = "Pass the computer to the {} delegation — press Enter when ready"


#: Geneva before rule 7.3 (every briefing number fixed: a briefing wholly private).
GENEVA_FIXED = ROOT / "tests" / "engine" / "data" / "geneva-fixed.yaml"
#: The walk-away priors of the marked Geneva with hidden types: ranges whose draws (to two
#: decimals) are like no other number on a screen, so that a draw printed is found.
WALK_AWAY_PRIORS = {"us": (12.31, 12.39), "china": (47.71, 47.79)}
HOT_SEAT_SEED = 5


def marked_data(priors: bool = False) -> dict:
    """Geneva's data with each side's private texts and political capital set to unique
    markers: the fixed copy (wholly private briefings), or with ``priors`` the bundled file
    (rule 7.3) with marker walk-away priors."""
    import yaml

    path = ROOT / "scenarios" / "geneva-2025.yaml" if priors else GENEVA_FIXED
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for side, marks, capital in (("us", US_MARKERS, US_CAPITAL), ("china", CN_MARKERS, CN_CAPITAL)):
        b = data["briefings"][side]
        b["summary"] = {"en": marks["summary"], "zh": marks["summary"] + "-ZH"}
        b["objectives"][0]["text"] = {"en": marks["objective"], "zh": marks["objective"] + "-ZH"}
        b["red_lines"][0]["text"] = {"en": marks["red line"], "zh": marks["red line"] + "-ZH"}
        if priors:
            b["walk_away"] = {"between": list(WALK_AWAY_PRIORS[side])}
        next(s for s in data["sides"] if s["id"] == side)["political_capital"] = capital
    return data


def secrets(scenario, side: str, seed: int = HOT_SEAT_SEED) -> tuple[dict[str, str], dict[str, str]]:
    """What of ``side``'s briefing the other side's screens must never show, and what they
    must show (rule 7.3: with priors its objectives, red lines and ranges are public, its draw
    is not; without, all of it is private but for nothing)."""
    from game.engine.hidden_types import draw_briefing

    marks = dict(US_MARKERS if side == "us" else CN_MARKERS)
    if not scenario.briefings[side].has_priors:
        return marks, {}
    public = {"objective": marks.pop("objective"), "red line": marks.pop("red line")}
    lo, hi = WALK_AWAY_PRIORS[side]
    walk = draw_briefing(scenario, side, seed).walk_away
    assert lo < walk < hi, "a draw on a bound is what the prior shows: the test would prove nothing"
    marks["drawn walk-away"] = f"{walk:g}"
    public["walk-away range"] = f"between {lo:g} and {hi:g}"
    return marks, public


@pytest.fixture(scope="module", params=["fixed", "priors"])
def marked(request):
    """Geneva with each side's private texts and political capital set to unique markers:
    without priors, and with priors (marker walk-away ranges)."""
    from game.scenario.models import Scenario

    return Scenario.model_validate(marked_data(priors=request.param == "priors"))


class ScriptedTerminal(io.StringIO):
    """One screen and keyboard for both delegations: each line typed is chosen from the last
    prompt on the screen — Enter at a hand-over, else the next command of the side named in
    the prompt — and echoed, as a terminal does."""

    def __init__(self, commands: dict[str, Callable[[str, int], str]], tty: bool = False) -> None:
        super().__init__()
        self.commands = commands
        self.tty = tty
        self.typed: list[tuple[str, str]] = []

    def isatty(self) -> bool:
        return self.tty

    def readline(self, size: int = -1) -> str:
        last = self.getvalue().rstrip("\n").rsplit("\n", 1)[-1]
        if "Pass the computer to the" in last:
            self.typed.append(("handover", ""))
            self.write("\n")  # a terminal echoes what is typed
            return "\n"
        m = re.match(r"\[(United States|China) · turn (\d+) · (orders|table)\] > $", last)
        if m is None:
            return ""  # end of input: the game stops
        who = "us" if m.group(1) == "United States" else "china"
        line = self.commands[who](m.group(3), int(m.group(2)))
        self.typed.append((who, line))
        self.write(line + "\n")
        return line + "\n"


def hot_seat_commands(limit: int = 400) -> dict[str, Callable[[str, int], str]]:
    queues = {
        "us": ["briefing", "set us_tariff_reciprocal 115", "say firm US-STATEMENT-MARKER", "orders"],
        "china": ["briefing", "set cn_tariff_us 120", "say conciliatory CN-STATEMENT-MARKER", "orders"],
    }
    counts = {"us": 0, "china": 0}

    def player(side: str) -> Callable[[str, int], str]:
        def next_command(phase: str, turn: int) -> str:
            counts[side] += 1
            if counts[side] > limit:
                return "quit"
            if phase == "orders":
                return queues[side].pop(0) if queues[side] else "done"
            return "reject" if counts[side] % 2 else "pass"

        return next_command

    return {"us": player("us"), "china": player("china")}


def screens_of(text: str, tty: bool) -> list[tuple[str | None, str]]:
    """(whose screen, its text) between two clears; None for a hand-over screen."""
    from game.terminal import CLEAR_SCREEN, NOT_A_TTY_BREAK

    out: list[tuple[str | None, str]] = []
    for chunk in text.split(CLEAR_SCREEN if tty else NOT_A_TTY_BREAK):
        m = re.match(r"The (United States|China) delegation has the computer", chunk)
        if m:
            out.append(("us" if m.group(1) == "United States" else "china", chunk))
        else:
            out.append((None, chunk))
    return out


def play_hot_seat(scenario, tty: bool = False) -> tuple[ScriptedTerminal, Session]:
    term = ScriptedTerminal(hot_seat_commands(), tty=tty)
    desk = Desk(stdin=term, stdout=term)
    seats = {"us": TerminalSeat(desk=desk), "china": TerminalSeat(desk=desk)}
    session = Session.new(scenario, seats, seed=HOT_SEAT_SEED)
    session.play_to_end()  # the script plays to the end
    return term, session


@pytest.mark.parametrize("tty", [False, True], ids=["piped", "tty"])
def test_rule_7_2_hot_seat_hands_over_and_never_shows_the_other_side(marked, tty):
    term, session = play_hot_seat(marked, tty=tty)
    assert session.over
    text = term.getvalue()
    screens = screens_of(text, tty)
    handovers = [s for who, s in screens if who is None and "Pass the computer to the" in s]
    assert HANDOVER.format("China") in text and HANDOVER.format("United States") in text
    assert len(handovers) >= 2 * session.game.state.turn - 1  # at least one each way every turn
    assert ("\033[3J" in text) == tty and ("\033[2J" in text) == tty  # screen and scrollback cleared
    own = {"us": US_CAPITAL, "china": CN_CAPITAL}
    told = {s: secrets(marked, s) for s in ("us", "china")}
    seen = {"us": 0, "china": 0}
    shown: dict[str, str] = {"us": "", "china": ""}
    for who, screen in screens:
        if who is None:  # the hand-over screen itself shows nobody's secrets
            assert "MARKER" not in screen and "Political capital" not in screen
            for marks, _ in told.values():
                assert not any(m in screen for m in marks.values())
            continue
        seen[who] += 1
        shown[who] += screen
        other = "china" if who == "us" else "us"
        marks, _public = told[other]
        capital = own[other]
        for what, marker in marks.items():
            assert marker not in screen, f"{other}'s {what} on {who}'s screen"
        assert f"Political capital: {capital}." not in screen, (
            f"{other}'s political capital on {who}'s screen"
        )
        for cap in re.findall(r"Political capital: (\d+)\.", screen):
            assert int(cap) != capital
    assert seen["us"] >= session.game.state.turn and seen["china"] >= session.game.state.turn
    # each side saw its own briefing and capital, on its own screen
    us_screens = "".join(s for who, s in screens if who == "us")
    cn_screens = "".join(s for who, s in screens if who == "china")
    assert US_MARKERS["summary"] in us_screens and CN_MARKERS["summary"] in cn_screens
    assert f"Political capital: {US_CAPITAL}." in us_screens
    assert f"Political capital: {CN_CAPITAL}." in cn_screens
    # each side saw its own draw, and what is public of the other's prior (rule 7.3)
    for side, other in (("us", "china"), ("china", "us")):
        mine, _ = told[side]
        if "drawn walk-away" in mine:
            assert f"Walk-away score: {mine['drawn walk-away']} / 100" in shown[side]
        for what, words in told[other][1].items():
            assert words in shown[side], f"{other}'s public {what} not on {side}'s screen"


def test_the_us_draft_and_statement_are_gone_when_china_has_the_computer(marked):
    term, _ = play_hot_seat(marked)
    screens = screens_of(term.getvalue(), tty=False)
    first_us = next(i for i, (who, _) in enumerate(screens) if who == "us")
    first_cn = next(i for i, (who, _) in enumerate(screens) if who == "china")
    assert first_us < first_cn
    us_turn1, cn_turn1 = screens[first_us][1], screens[first_cn][1]
    assert "US-STATEMENT-MARKER" in us_turn1 and "us_tariff_reciprocal" in us_turn1  # the US drafted
    assert "Draft orders" in us_turn1
    # the hand-over prompt stood between them, and China's screen has none of the US draft
    between = [who for who, _ in screens[first_us + 1 : first_cn]]
    assert between == [None]
    assert HANDOVER.format("China") in screens[first_us + 1][1]
    assert "US-STATEMENT-MARKER" not in cn_turn1 and "us_tariff_reciprocal" not in cn_turn1
    assert "Draft orders: cn_tariff_us=120;" in cn_turn1


def test_hot_seat_waits_for_enter_and_end_of_input_stops(marked):
    desk = Desk(stdin=io.StringIO("done\n"), stdout=io.StringIO())
    seats = {"us": TerminalSeat(desk=desk), "china": TerminalSeat(desk=desk)}
    session = Session.new(marked, seats, seed=1)
    with pytest.raises(QuitGame):
        session.play_to_end()
    out = desk.out.getvalue()
    # the first delegation is asked to take the computer; "done" was its Enter, then input ends
    assert HANDOVER.format("United States") in out
    assert out.count("Pass the computer") == 1


def test_one_human_against_the_ai_gets_no_hand_over(marked):
    out = io.StringIO()
    seat = TerminalSeat(stdin=io.StringIO("done\npass\n" * 30), stdout=out)
    session = Session.new(marked, {"us": seat, "china": make_ai()}, seed=3)
    with contextlib.suppress(QuitGame):
        session.play_to_end()
    assert "Pass the computer" not in out.getvalue()
    assert US_MARKERS["summary"] in out.getvalue()


def test_hand_over_in_chinese(marked):
    desk = Desk(stdin=io.StringIO("\n"), stdout=io.StringIO())
    seats = {"us": TerminalSeat("zh", desk=desk), "china": TerminalSeat("zh", desk=desk)}
    with pytest.raises(QuitGame):
        Session.new(marked, seats, seed=1).play_to_end()
    out = desk.out.getvalue()
    assert "请把电脑交给美国代表团" in out and "美国代表团已就位" in out


def test_reject_with_an_instrument_gives_the_too_far_reason(geneva):
    from game.engine import Game, Propose, Reject, SubmitOrders, Term
    from game.engine.reasons import too_far

    g = Game(geneva, 1)
    for s in geneva.side_ids:
        g.play(SubmitOrders(side=s))
    g.play(Propose(side="us", terms=(Term(instrument="us_tariff_reciprocal", value=60),
                                     Term(instrument="cn_tariff_us", value=40))))  # fmt: skip
    numbers = [i.id for i in geneva.instruments if i.player_controlled]
    n = numbers.index("cn_tariff_us") + 1

    def answer(line: str) -> tuple[Reject, str]:
        out = io.StringIO()
        act = TerminalSeat(stdin=io.StringIO(line), stdout=out).decide(g.view("china"))
        assert isinstance(act, Reject)
        return act, out.getvalue()

    act, text = answer("reject bogus\nreject us_suspension\nreject a b\nreject cn_tariff_us\n")
    assert act.reasons == (too_far("cn_tariff_us", 40.0),)
    assert "no instrument 'bogus'" in text and "us_suspension is not in the offer on the table" in text
    act, _ = answer(f"reject {n}\n")  # by its number, as everywhere at the terminal
    assert act.reasons == (too_far("cn_tariff_us", 40.0),)
    act, _ = answer("reject\n")  # plain: no reason
    assert act.reasons == ()
    assert act.model_dump() == Reject(side="china").model_dump()

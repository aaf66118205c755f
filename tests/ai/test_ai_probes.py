"""The probe suite (issue 13, part 6): note-less scripted strategies as seats, and
``tariff-talks tournament --probes``.

Each probe plays whole games against an AI legally, never gives a reason (a Reject without a
note is the point), decides from its own side's view only, is deterministic for a seed, and
does what its description says; the suite's table compares each probe with the AI's own
score in that seat against itself and flags the cells the probe wins.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from game.ai import make_ai
from game.ai.probes import (
    PROBES,
    Probe,
    format_probes,
    greedy_package,
    make_probe,
    parse_probe_spec,
    probe_choices,
    summarise_probes,
    within_own_lines,
)
from game.ai.tournament import GameResult, play_game
from game.cli import main
from game.engine import Accept, Action, Counter, Propose, Reject, Rules, SubmitOrders, View
from game.session import Session

ROOT = Path(__file__).resolve().parents[2]
OPPONENT = ("pragmatist", "normal")


@dataclass
class Watched:
    """A probe seat that checks what it is given (a View of its own side, with only its own
    briefing) and records every view and action."""

    probe: Probe
    label: str = ""
    is_human: bool = False
    seen: list[tuple[View, Action]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.label = self.probe.label

    def decide(self, v: View) -> Action:
        assert type(v) is View
        assert set(v.scenario.briefings) == {v.side}, "a probe sees only its own side's briefing"
        action = self.probe.decide(v)
        self.seen.append((v, action))
        return action


def _play(geneva, name: str, side: str, seed: int = 0) -> tuple[Session, Watched]:
    other = geneva.other(side)
    watched = Watched(make_probe(name))
    session = Session.new(geneva, {side: watched, other: make_ai(*OPPONENT)}, seed=seed)
    session.play_to_end()  # an illegal action from a seat that is not a person raises here
    return session, watched


@pytest.mark.slow  # a whole game for each probe on each side
@pytest.mark.parametrize("side", ["us", "china"])
@pytest.mark.parametrize("name", list(PROBES))
def test_each_probe_plays_a_whole_game_legally_without_a_reason(geneva, name, side):
    session, watched = _play(geneva, name, side)
    assert session.over
    actions = [a for _, a in watched.seen]
    assert actions and all(a.side == side for a in actions)
    for a in actions:
        assert a.reasons == () and a.note == "", f"{name} gave a reason: {a}"
        if isinstance(a, SubmitOrders):
            assert a.message == ""
    # it did answer offers: a game against the AI puts some before it
    assert any(isinstance(a, Accept | Reject | Counter) for a in actions)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PROBES))
def test_a_probe_is_deterministic_for_a_seed(geneva, name):
    (s1, w1), (s2, w2) = _play(geneva, name, "china", seed=4), _play(geneva, name, "china", seed=4)
    assert [a.model_dump() for _, a in w1.seen] == [a.model_dump() for _, a in w2.seen]
    assert s1.game.state_hash() == s2.game.state_hash()


def test_a_probe_reads_nothing_but_its_view():
    """The module imports no way to the game's state (no Game, Session, GameState builder of
    its own): a probe's only input is the View handed to ``decide``."""
    tree = ast.parse((ROOT / "game" / "ai" / "probes.py").read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
    for banned in ("game.engine.Game", "game.engine.game", "game.session", "game.engine.state.GameState"):
        assert not any(i == banned or i.startswith(banned + ".") for i in imported), banned


# ------------------------------------------------------------------ each probe's strategy
@pytest.mark.slow
def test_stonewall_moves_nothing_and_accepts_only_on_the_last_turn(geneva):
    _, w = _play(geneva, "stonewall", "us")
    for v, a in w.seen:
        if isinstance(a, SubmitOrders):
            assert a.moves == {} and a.statement == "none"
        if isinstance(a, Accept | Propose):
            assert v.turn == v.deadline_turns
        if isinstance(a, Reject):
            assert v.turn < v.deadline_turns or v.pending_offer is None
    assert any(isinstance(a, Reject) for _, a in w.seen)


@pytest.mark.slow
def test_escalate_raises_its_tariffs_and_threatens_every_week(geneva):
    _, w = _play(geneva, "escalate", "china")
    orders = [(v, a) for v, a in w.seen if isinstance(a, SubmitOrders)]
    assert orders
    v, first = orders[0]
    assert first.statement == "threatening"
    assert first.moves and all(first.moves[i] > v.levels[i] for i in first.moves)
    assert not any(isinstance(a, Accept | Propose | Counter) for _, a in w.seen)


@pytest.mark.slow
def test_greedy_anchor_repeats_the_maximal_ask(geneva):
    _, w = _play(geneva, "greedy_anchor", "us")
    proposals = [(v, a) for v, a in w.seen if isinstance(a, Propose)]
    assert len(proposals) >= 2
    v0, p0 = proposals[0]
    assert p0.terms == greedy_package(Rules(v0.scenario), v0)
    assert all(geneva.instrument(t.instrument).owner == "china" for t in p0.terms)
    assert all(a.terms == p0.terms for _, a in proposals)


@pytest.mark.slow
def test_concede_named_gives_only_on_the_instruments_refusals_name(geneva):
    from game.engine.reasons import named_instruments

    _, w = _play(geneva, "concede_named", "china")
    proposals = [(v, a) for v, a in w.seen if isinstance(a, Propose)]
    assert len(proposals) >= 2
    moved_any = False
    for v, a in proposals:
        # the maximal ask at this week's levels (a deal or a move changes it; seed 0 signs one
        # in week 7), kept within its own red lines
        rules = Rules(v.scenario)
        ask = {t.instrument: t.value for t in within_own_lines(rules, v, greedy_package(rules, v))}
        named = set()
        for o in v.offers:
            if o.side == v.side and o.status in ("rejected", "countered"):
                named |= named_instruments(o.response_reasons, limits_only=True)
        now = {t.instrument: t.value for t in a.terms}
        changed = {i for i in ask.keys() | now.keys() if ask.get(i) != now.get(i)}
        assert changed <= named, f"turn {v.turn}: moved {changed - named} that no refusal named"
        moved_any |= bool(changed)
    assert moved_any  # the AI's refusals name terms, so the probe did concede something


@pytest.mark.slow
def test_copy_trimmed_sends_back_their_offer_less_its_costliest_terms(geneva):
    _, w = _play(geneva, "copy_trimmed", "us")
    copies = [(v, a) for v, a in w.seen if isinstance(a, Propose | Counter)]
    assert copies
    for v, a in copies:
        theirs = [o for o in v.offers if o.side == v.other][-1]
        assert {t.instrument for t in a.terms} <= {t.instrument for t in theirs.terms}
        assert a.terms != theirs.terms  # trimmed, not copied verbatim
        # only our own terms are shaved; theirs are copied as they offered them
        same = {t.instrument: t for t in theirs.terms}
        for t in a.terms:
            if geneva.instrument(t.instrument).owner == v.other:
                assert t == same[t.instrument]


@pytest.mark.slow
def test_accept_first_takes_the_first_offer_or_the_nearest_it_may_sign(geneva):
    _, w = _play(geneva, "accept_first", "us")
    answers = [a for v, a in w.seen if v.pending_offer is not None]
    assert answers and isinstance(answers[0], Accept | Counter)
    assert not any(isinstance(a, Propose) for _, a in w.seen)


# ------------------------------------------------------------------------- the registry
def test_the_registry_names_and_describes_six_probes():
    assert list(PROBES) == [
        "accept_first",
        "stonewall",
        "copy_trimmed",
        "greedy_anchor",
        "escalate",
        "concede_named",
    ]
    for row in probe_choices():
        assert row["description"] and "\n" not in row["description"]
        assert make_probe(row["key"]).label == f"probe:{row['key']}"
    assert parse_probe_spec("probe:stonewall") == "stonewall"
    for bad in ("probe:nobody", "ai:stonewall", "probe:"):
        with pytest.raises(ValueError):
            parse_probe_spec(bad)


# ---------------------------------------------------------------------------- the suite
def _r(seed: int, us: str, china: str, us_score: float, china_score: float) -> GameResult:
    return GameResult(
        seed,
        {"us": us, "china": china},
        {"us": us_score, "china": china_score},
        "truce",
        None,
        13,
        1,
        10,
        1.0,
    )


def test_the_suite_flags_a_probe_that_beats_the_ai_in_its_seat_and_level_inversions(geneva):
    results = [
        _r(0, "pragmatist:hard", "pragmatist:hard", 80.0, 70.0),
        _r(0, "pragmatist:expert", "pragmatist:expert", 84.0, 72.0),
        # stonewall as US: 85 > expert's own 84 in that seat (beaten); 79 < hard's 80 (not)
        _r(0, "probe:stonewall", "pragmatist:expert", 85.0, 60.0),
        _r(0, "probe:stonewall", "pragmatist:hard", 79.0, 65.0),
        # stonewall as China: 71 < 72 and 69 < 70, not beaten
        _r(0, "pragmatist:expert", "probe:stonewall", 81.0, 71.0),
        _r(0, "pragmatist:hard", "probe:stonewall", 78.0, 69.0),
    ]
    s = summarise_probes(geneva, ["stonewall"], ["pragmatist"], ["hard", "expert"], results, seeds=1, seed=0)
    cells = {(c["ai"], c["probe_side"]): c for c in s["cells"]}
    assert len(cells) == 4
    us_expert = cells[("pragmatist:expert", "us")]
    assert (us_expert["probe_score"], us_expert["ai_score"], us_expert["reference"]) == (85.0, 60.0, 84.0)
    assert us_expert["beaten"] and us_expert["margin"] == 1.0
    assert [(c["ai"], c["probe_side"]) for c in s["beaten"]] == [("pragmatist:expert", "us")]
    # the expert's own score against the probe (60 as China) is below the hard level's (65)
    assert [(x["probe_side"], x["higher"], x["lower"]) for x in s["inversions"]] == [("us", "expert", "hard")]
    text = format_probes(s)
    assert "| stonewall | pragmatist:expert | us | 85.0 | 60.0 | 84.0 | +1.0 | 100% | BEATEN |" in text
    assert "Beaten: 1 of 4 cells" in text


@pytest.mark.slow  # 13 games: six probes on both sides of one AI, and its self-play
def test_tournament_probes_runs_a_tiny_grid_in_both_outputs(geneva, capsys):
    base = [
        "tournament",
        "--probes",
        "--seeds",
        "1",
        "--styles",
        "pragmatist",
        "--levels",
        "easy",
        "--jobs",
        "1",
    ]
    assert main([*base, "--json"]) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert "13/13 games" in err
    assert len(summary["cells"]) == 2 * len(PROBES)
    own = play_game(geneva, 0, ("pragmatist", "easy"), ("pragmatist", "easy")).scores
    for c in summary["cells"]:
        assert c["games"] == 1 and c["ai"] == "pragmatist:easy"
        assert c["reference"] == round(own[c["probe_side"]], 3)
        assert c["beaten"] == (c["probe_score"] > c["reference"])
    assert main(base) == 0
    text, _ = capsys.readouterr()
    assert "| accept_first | pragmatist:easy | us |" in text and "Beaten:" in text


def test_tournament_probes_usage_errors_exit_2(capsys):
    assert main(["tournament", "--probes", "nobody", "--levels", "easy"]) == 2
    assert "--probes" in capsys.readouterr().err


@pytest.mark.slow  # one whole game
def test_a_probe_is_a_seat_of_simulate(capsys):
    rc = main(["simulate", "--us", "probe:stonewall", "--china", "ai:pragmatist:easy", "--json"])
    out, _ = capsys.readouterr()
    assert rc == 0
    assert json.loads(out)["seats"] == {"us": "probe:stonewall", "china": "ai:pragmatist:easy"}
    assert main(["simulate", "--us", "probe:nobody"]) == 2

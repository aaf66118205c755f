"""Model errors and cross-reference checks, located.

Each case edits the minimal scenario: ``old`` is replaced by ``new``, in which
``‸`` marks where the diagnostic must point (it is removed before validating).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.diagnostics import Diagnostic
from game.scenario.loader import validate_text

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")
MARK = "‸"
TIERS = MINIMAL[MINIMAL.index("  tiers:") : MINIMAL.index("end:")]


def _edit(old: str, new: str) -> tuple[str, int, int]:
    assert MINIMAL.count(old) >= 1, f"not in minimal.yaml: {old!r}"
    marked = MINIMAL.replace(old, new, 1)
    index = marked.index(MARK)
    line = marked.count("\n", 0, index) + 1
    col = index - (marked.rfind("\n", 0, index) + 1) + 1
    return marked.replace(MARK, ""), line, col


def _check(old: str, new: str, severity: str, message: str) -> list[Diagnostic]:
    text, line, col = _edit(old, new)
    scenario, diagnostics = validate_text(text, "m.yaml")
    shown = "\n".join(d.format() for d in diagnostics)
    assert any(
        (d.line, d.col, d.severity) == (line, col, severity) and message in d.message for d in diagnostics
    ), f"expected m.yaml:{line}:{col}: {severity}: …{message}…\ngot:\n{shown}"
    if severity == "error":
        assert scenario is None
    else:
        assert scenario is not None, shown
    return diagnostics


# (id, old, new, severity, message)
MODEL_CASES = [
    (
        "unknown_key",
        "  title: {en",
        "  ‸titel: {en",
        "error",
        "unknown key 'titel' in meta; did you mean 'title'?",
    ),
    (
        "missing_key",
        'meta:\n  id: minimal\n  title: {en: "Minimal talks", zh: "最小谈判"}\n',
        "‸meta:\n  id: minimal\n",
        "error",
        "missing required key 'title' in meta",
    ),
    (
        "missing_in_list_item",
        "  - id: china\n    name: {en: China, zh: 中国}\n",
        "  - ‸id: china\n",
        "error",
        "missing required key 'name' in sides[1]",
    ),
    (
        "literal",
        "    region: us\n",
        "    region: ‸usa\n",
        "error",
        "use one of 'us', 'china', 'eu', 'japan', 'mexico', 'canada'; did you mean 'us'?",
    ),
    (
        "text_wrong_type",
        "    name: {en: United States, zh: 美国}",
        "    name: ‸5",
        "error",
        "sides[0].name: expected a text: either a string, or a mapping with `en`",
    ),
    (
        "text_bad_language_code",
        "    name: {en: United States, zh: 美国}",
        "    name: {‸en: United States, French: x}",
        "error",
        "'French' is not a language code",
    ),
    (
        "text_missing_en",
        "    name: {en: United States, zh: 美国}",
        "    ‸name: {zh: 美国}",
        "error",
        "missing required key 'en' in sides[0].name",
    ),
    ("bad_id", "  id: minimal", "  id: ‸Minimal", "error", "meta.id: 'Minimal' is not a valid id"),
    (
        "bad_colour",
        '    colour: "#cc3333"',
        "    colour: ‸red",
        "error",
        "is not a colour; write it as #rrggbb",
    ),
    (
        "bad_date",
        "  start_date: 2025-05-06",
        "  start_date: ‸May 6",
        "error",
        "expected a date like 2025-05-06",
    ),
    (
        "start_out_of_range",
        "    start: 145",
        "    ‸start: 250",
        "error",
        "instruments[0]: start (250) is outside 0..200",
    ),
    (
        "not_a_number",
        "    start: 145",
        "    start: ‸lots",
        "error",
        "instruments[0].start: expected a number, got the text 'lots'",
    ),
    (
        "bad_side_key",
        "  china:\n    objectives",
        "  ‸China:\n    objectives",
        "error",
        "briefings: 'China' is not a valid side id",
    ),
    (
        "effect_shape",
        "      - {meter: trust_pct, add: 5}",
        "      - {meter: trust_pct, ‸set: 5, add: 3}",
        "error",
        "an effect has exactly one of `set` or `add`",
    ),
    (
        "boolean_for_text",
        "  id: minimal",
        "  id: minimal\n  author: ‸yes",
        "error",
        "YAML reads unquoted yes/no/on/off/true/false as booleans",
    ),
    (
        "number_for_text",
        "  id: minimal",
        "  id: minimal\n  version: ‸2",
        "error",
        "expected text, got the number 2; put it in quotes",
    ),
    (
        "too_many_sides",
        '    colour: "#cc3333"',
        '    colour: "#cc3333"\n  - ‸{id: eu, name: EU, region: us}',
        "error",
        "sides: needs at most 2 items, has 3",
    ),
    ("nan", "  turn_days: 7", "  turn_days: ‸.nan", "error", "expected a finite number"),
    (
        "below_minimum",
        "  turn_days: 7",
        "  turn_days: ‸0",
        "error",
        "meta.turn_days: the number 0 is out of range; it must be at least 1",
    ),
    (
        "empty_list",
        "    required_instruments: [us_tariff_china]",
        "    required_instruments: [us_tariff_china]\n  exchanges_per_turn: ‸[]",
        "error",
        "expected a whole number, got a list",
    ),
]

CHECK_CASES = [
    (
        "history_unknown_instrument",
        "    required_instruments: [us_tariff_china]\n",
        "    required_instruments: [us_tariff_china]\n"
        "history:\n  - topic: Tariffs\n    happened: Cut to 30%\n    instruments: [us_tariff_china, ‸us_tarif_china]\n",
        "error",
        "unknown instrument 'us_tarif_china'; did you mean 'us_tariff_china'?",
    ),
    (
        "unknown_briefing_side",
        "  china:\n    objectives",
        "  ‸chna:\n    objectives",
        "error",
        "briefing for unknown side 'chna'; did you mean 'china'?",
    ),
    (
        "owner_not_a_side",
        "    owner: us\n    target: china\n    name: {en: US tariff",
        "    owner: ‸usa\n    target: china\n    name: {en: US tariff",
        "error",
        "owner 'usa' is not a side; did you mean 'us'?",
    ),
    (
        "target_is_owner",
        "    owner: us\n    target: china\n    name: {en: US tariff",
        "    owner: us\n    target: ‸us\n    name: {en: US tariff",
        "error",
        "target 'us' is the instrument's own owner",
    ),
    (
        "suspension_other_owner",
        "    applies_to: us_tariff_china",
        "    applies_to: ‸china_tariff_us",
        "error",
        "is owned by 'china', but this suspension by 'us'",
    ),
    (
        "suspension_unknown",
        "    applies_to: us_tariff_china",
        "    applies_to: ‸us_tarif_china",
        "error",
        "unknown instrument 'us_tarif_china'; did you mean 'us_tariff_china'?",
    ),
    (
        "suspension_not_tariff",
        "    applies_to: us_tariff_china",
        "    applies_to: ‸china_soybeans",
        "error",
        "is a purchase; a suspension suspends a tariff",
    ),
    (
        "duplicate_instrument",
        "  - id: china_soybeans",
        "  - id: ‸us_suspension",
        "error",
        "duplicate instrument id 'us_suspension' (first on line",
    ),
    ("duplicate_side", "  - id: china\n    name", "  - id: ‸us\n    name", "error", "duplicate side id 'us'"),
    ("duplicate_region", "    region: china", "    region: ‸us", "error", "duplicate region 'us'"),
    (
        "reserved_side",
        "  - id: china\n    name",
        "  - id: ‸row\n    name",
        "error",
        "the side id 'row' is reserved",
    ),
    (
        "off_grid",
        "    step: 5\n    start: 0",
        "    step: 5\n    start: ‸2",
        "warning",
        "start 2 is not on the step grid (0 + k × 5)",
    ),
    (
        "unknown_meter",
        "        meter: growth_pct\n        side: us",
        "        meter: ‸growth_pc\n        side: us",
        "error",
        "unknown meter 'growth_pc'; did you mean 'growth_pct'?",
    ),
    (
        "side_meter_needs_side",
        "      - id: growth\n        text: {en: Keep growth up, zh: 保持增长}\n        meter: growth_pct\n        side: us\n",
        "      - ‸id: growth\n        text: {en: Keep growth up, zh: 保持增长}\n        meter: growth_pct\n",
        "error",
        "'growth_pct' is a side's meter: say whose with `side: us`",
    ),
    (
        "shared_meter_has_side",
        "        meter: growth_pct\n        side: us",
        "        meter: trust_pct\n        ‸side: us",
        "error",
        "'trust_pct' is shared by both sides: remove `side`",
    ),
    (
        "unknown_side_ref",
        "        meter: growth_pct\n        side: us",
        "        meter: growth_pct\n        side: ‸usa",
        "error",
        "unknown side 'usa'; did you mean 'us'?",
    ),
    (
        "objective_out_of_range",
        "        baseline: 0\n        target: 25",
        "        baseline: 0\n        target: ‸50",
        "warning",
        "target 50 is outside the possible range 0..30",
    ),
    (
        "red_line_unknown",
        "        instrument: china_soybeans\n        op",
        "        instrument: ‸china_soybean\n        op",
        "error",
        "unknown instrument 'china_soybean'; did you mean 'china_soybeans'?",
    ),
    (
        "effect_meter_not_movable",
        "      - {meter: trust_pct, add: 5}",
        "      - {meter: ‸exports_bn, side: us, add: 5}",
        "error",
        "events cannot move the meter 'exports_bn'",
    ),
    (
        "effect_set_out_of_range",
        "      - {meter: trust_pct, add: 5}",
        "      - {instrument: us_tariff_china, set: ‸500}",
        "warning",
        "set 500 is outside the range of 'us_tariff_china' (0..200)",
    ),
    (
        "effect_add_too_big",
        "      - {meter: trust_pct, add: 5}",
        "      - {meter: trust_pct, add: ‸500}",
        "warning",
        "add 500 is more than the whole range of the meter 'trust_pct'",
    ),
    (
        "turn_after_deadline",
        "    when: {turn: 2}",
        "    when: {turn: ‸20}",
        "error",
        "turn 20 is after the last turn (12, end.deadline_turns)",
    ),
    (
        "date_outside_span",
        "    when: {turn: 2}",
        "    when: {date: ‸2026-01-01}",
        "warning",
        "date 2026-01-01 is outside the scenario (2025-05-06 to 2025-07-28)",
    ),
    (
        "date_and_turn_disagree",
        "    when: {turn: 2}",
        "    when: {turn: 2, date: ‸2025-06-30}",
        "warning",
        "falls in turn 8, not turn 2",
    ),
    (
        "from_after_to",
        "    when: {turn: 2}",
        "    when: {from_turn: ‸5, to_turn: 3}",
        "error",
        "from_turn 5 is after to_turn 3",
    ),
    (
        "condition_unknown_instrument",
        "    when: {turn: 2}",
        "    when: {conditions: [{instrument: ‸us_tarif, value: 3}]}",
        "error",
        "unknown instrument 'us_tarif'",
    ),
    (
        "duplicate_event",
        "scoring:",
        "  - {id: ‸geneva_statement, headline: {en: Again, zh: 又}}\n\nscoring:",
        "error",
        "duplicate event id 'geneva_statement'",
    ),
    (
        "no_default_tier",
        TIERS,
        TIERS.replace("  tiers:", "  ‸tiers:").replace(
            "requires: any", "requires: none\n      min_score_each: 10"
        ),
        "warning",
        "no tier catches the default outcome",
    ),
    (
        "unreachable_tier",
        TIERS,
        TIERS.replace("requires: deal\n      min_score_each: 60", "requires: any").replace(
            "- id: stalemate", "- ‸id: stalemate"
        ),
        "warning",
        "tier 'stalemate' is never reached: tier 'deal' before it matches every outcome",
    ),
    (
        "required_instrument_unknown",
        "    required_instruments: [us_tariff_china]",
        "    required_instruments: [‸us_tarrif_china]",
        "error",
        "unknown instrument 'us_tarrif_china'; did you mean 'us_tariff_china'?",
    ),
    (
        "deal_impossible",
        "    min_terms: 2",
        "    min_terms: ‸9",
        "warning",
        "no comprehensive deal is possible",
    ),
    (
        "missing_translation",
        "    headline: {en: Joint statement in Geneva, zh: 日内瓦联合声明}",
        "    headline: ‸Joint statement",
        "hint",
        "text has no translation into zh",
    ),
    (
        "infinite_value",
        "        value: 25",
        "        value: ‸.inf",
        "error",
        "inf is not allowed here: use a finite number",
    ),
    # issue 14: economy.overrides were unchecked — a typo passed `validate --no-lint` and then
    # crashed every command with a KeyError; a zero time constant or weight divided by zero
    (
        "override_unknown_name",
        "scoring:\n  tiers:",
        "economy:\n  overrides:\n    ‸import_elasticity: 2.5\nscoring:\n  tiers:",
        "error",
        "unknown economy parameter 'import_elasticity'; did you mean 'trade_elasticity'",
    ),
    (
        "override_zero_time_constant",
        "scoring:\n  tiers:",
        "economy:\n  overrides:\n    uncertainty_decay_years: ‸0\nscoring:\n  tiers:",
        "error",
        "economy parameter 'uncertainty_decay_years' is 0; it must be more than 0 years",
    ),
    (
        "override_zero_weight",
        "scoring:\n  tiers:",
        "economy:\n  overrides:\n    weight_row: ‸0\nscoring:\n  tiers:",
        "error",
        "economy parameter 'weight_row' is 0; it must be more than 0 and at most 1",
    ),
    (
        "override_zero_gdp",
        "scoring:\n  tiers:",
        "economy:\n  overrides:\n    trade_elasticity: 3\n    gdp_us_bn: ‸0\nscoring:\n  tiers:",
        "error",
        "economy parameter 'gdp_us_bn' is 0; it must be more than 0 bn USD",
    ),
    (
        "override_share_above_one",
        "scoring:\n  tiers:",
        "economy:\n  overrides:\n    diversion_share: ‸1.5\nscoring:\n  tiers:",
        "error",
        "economy parameter 'diversion_share' is 1.5; it must be from 0 to 1",
    ),
    (
        "override_odds_of_certainty",
        "scoring:\n  tiers:",
        "economy:\n  overrides:\n    recession_base_us_pct: ‸100\nscoring:\n  tiers:",
        "error",
        "it must be more than 0% and less than 100%",
    ),
]

CASES = MODEL_CASES + CHECK_CASES


def test_a_good_override_passes_and_plays() -> None:
    from game.engine import Game

    text, _, _ = _edit(
        "scoring:\n  tiers:", "economy:\n  overrides:\n    trade_elasticity: 3.0‸\nscoring:\n  tiers:"
    )
    scenario, diagnostics = validate_text(text, "m.yaml")
    assert scenario is not None, "\n".join(d.format() for d in diagnostics)
    assert not [d for d in diagnostics if d.severity == "error"]
    Game(scenario, 1)  # the rules build the model's parameters with the override


def test_every_default_is_within_its_limits_and_every_limit_says_why_it_excludes_an_end() -> None:
    import dataclasses

    from game.economy.params import Params

    for f in dataclasses.fields(Params):
        lim = f.metadata["limits"]
        assert lim.admits(f.default), f.name
        if lim.lo_open or lim.hi_open:
            assert lim.why, f"{f.name}: say what breaks at the excluded end"


@pytest.mark.parametrize(
    ("old", "new", "severity", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_case(old: str, new: str, severity: str, message: str) -> None:
    assert new.count(MARK) == 1
    _check(old, new, severity, message)


def test_case_ids_are_unique() -> None:
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))


def test_missing_briefing_points_at_briefings_key() -> None:
    text, _, _ = _edit("  china:\n    objectives", "  chn‸a:\n    objectives")
    _, diagnostics = validate_text(text, "m.yaml")
    line = MINIMAL.splitlines().index("briefings:") + 1
    assert any(
        d.format()
        == f"m.yaml:{line}:1: error: no briefing for the side 'china': add `china:` under briefings"
        for d in diagnostics
    )


def test_every_problem_is_reported_at_once() -> None:
    text = MINIMAL.replace("  title:", "  titel:").replace("    region: us\n", "    region: usa\n")
    text = text.replace("    start: 145", "    start: lots")
    _, diagnostics = validate_text(text, "m.yaml")
    messages = " | ".join(d.message for d in diagnostics)
    for part in (
        "unknown key 'titel'",
        "'usa' is not allowed",
        "got the text 'lots'",
        "missing required key 'title'",
    ):
        assert part in messages


def test_no_translation_hints_without_any_chinese() -> None:
    import re

    plain = re.sub(r'\{en: "?([^,}"]+)"?, zh: [^}]+\}', r'"\1"', MINIMAL)
    assert "zh:" not in plain
    scenario, diagnostics = validate_text(plain, "plain.yaml")
    assert scenario is not None
    assert diagnostics == []


def test_union_errors_are_not_a_wall() -> None:
    text = MINIMAL.replace("    name: {en: United States, zh: 美国}", "    name: [a, b]")
    _, diagnostics = validate_text(text, "m.yaml")
    about_name = [d for d in diagnostics if d.path[:3] == ("sides", 0, "name")]
    assert len(about_name) == 1


def test_diagnostics_are_sorted_by_position() -> None:
    text = MINIMAL.replace("  title:", "  titel:").replace("    start: 145", "    start: lots")
    _, diagnostics = validate_text(text, "m.yaml")
    keys = [(d.line, d.col) for d in diagnostics]
    assert keys == sorted(keys)


def test_every_problem_at_once_even_when_the_file_does_not_parse():
    """A shape error (a misspelt key) does not hide a misspelt reference elsewhere."""
    from pathlib import Path

    from game.scenario.loader import validate_text

    geneva = (Path(__file__).resolve().parents[2] / "scenarios" / "geneva-2025.yaml").read_text(
        encoding="utf-8"
    )
    text = geneva.replace("  turn_days: 7", "  turn_dayz: 7").replace(
        "instrument: cn_fentanyl_pledge\n", "instrument: cn_fentanil_pledge\n", 1
    )
    scenario, found = validate_text(text, "g.yaml")
    messages = [d.format() for d in found]
    assert scenario is None
    assert any("unknown key 'turn_dayz'" in m for m in messages)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "cn_fentanil_pledge" in s)
    assert any(
        m.startswith(f"g.yaml:{line}:")
        and "unknown instrument 'cn_fentanil_pledge'" in m
        and "cn_fentanyl_pledge" in m
        for m in messages
    ), messages

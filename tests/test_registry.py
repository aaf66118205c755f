"""The registries: each meter and each instrument kind is declared once (game/registry/), and
what shows, checks or computes a meter or a kind follows from that declaration.

Two kinds of test: every registered meter reaches every place that shows one (the window's
rows, the debrief, the scenario schema, the replay, a label in every language), and a meter
added to the registry (a fake one, monkeypatched in) flows through to those places with no
other edit."""

from __future__ import annotations

import dataclasses
import io
import typing

import pytest

from game import economy as eco
from game.engine import Game, view
from game.engine.rules import UPPER_BOUND_KINDS, Rules
from game.engine.rules.base import _Shocks
from game.engine.state import GameState, SideState
from game.i18n import PSEUDO, available_languages, t
from game.registry import instruments as kinds
from game.registry import meters
from game.registry.meters import Economy, MeterSpec
from game.scenario import models
from game.scenario.schema import scenario_json_schema
from game.text import format_level, meter_label

#: fake meters read from outputs the economy has already (their "equation")
FAKE = MeterSpec(
    "fake_meter_pct",
    "side",
    (0.0, 1000.0),
    "index",
    1,
    1,
    "Fake meter %",
    economy=Economy("market_index", "region"),
)
FAKE_SHARED = MeterSpec(
    "fake_world_pct",
    "shared",
    (-15.0, 15.0),
    "pct",
    0,
    -1,
    "Fake world %",
    economy=Economy("world_growth_pct", "world"),
)


@pytest.fixture
def with_fake_meters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meters, "METERS", (*meters.METERS, FAKE, FAKE_SHARED))


def _schema_meter_enums() -> tuple[list[str], list[str], list[str]]:
    defs = scenario_json_schema()["$defs"]

    def enum(name: str) -> list[str]:
        prop = defs[name]["properties"]["meter"]
        found = [s["enum"] for s in prop.get("anyOf", [prop]) if "enum" in s]
        assert found, f"{name}.meter lists no meter names"
        return list(found[0])

    return enum("Condition"), enum("Objective"), enum("Effect")


def _replay_lines(game: Game) -> str:
    from game.cli.replay import _print_turn_end

    out = io.StringIO()
    _print_turn_end(game, game.state.turn, len(game.state.news), out)
    return out.getvalue()


def _ui_rows() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from game.ui import report
    from game.ui.panels.base import shared_meter_rows, side_meter_rows

    return side_meter_rows(), shared_meter_rows(), report.side_meters(), report.shared_meters()


# ------------------------------------------------------------------ every meter is shown
def test_every_meter_has_a_label_in_every_language() -> None:
    langs = [*available_languages(), PSEUDO]
    assert "zh" in langs
    for spec in meters.all_meters():
        assert meter_label(spec.id, "en") == spec.label != spec.id
        for lang in langs:
            if lang == "en":
                continue
            assert meter_label(spec.id, lang) != spec.label, f"{spec.id}: no {lang} label"


def test_every_meter_is_a_row_of_the_window_and_of_the_debrief() -> None:
    side_rows, shared_rows, report_side, report_shared = _ui_rows()
    for spec in meters.all_meters():
        if spec.scope == "side":
            assert spec.id in report_side  # the debrief charts and tabulates every side meter
            # the meters panel shows both sides' public meters; a private one is the side's own
            assert (spec.id in side_rows) != spec.private
        else:
            assert spec.id in shared_rows and spec.id in report_shared


def test_every_meter_is_in_the_schema_and_the_scenario_models() -> None:
    condition, objective, effect = _schema_meter_enums()
    ids = [s.id for s in meters.all_meters()]
    assert condition == objective == ids
    assert effect == sorted(s.id for s in meters.all_meters() if s.events is not None)
    assert list(models.METER_RANGES) == ids
    assert set(models.SIDE_METERS) == {s.id for s in meters.all_meters() if s.scope == "side"}


def test_every_meter_is_in_the_replay(geneva: models.Scenario) -> None:
    game = Game(geneva, 1)
    text = _replay_lines(game)
    for spec in meters.all_meters():
        assert meter_label(spec.id) in text, spec.id


def test_the_rules_write_every_meter_and_only_those(geneva: models.Scenario) -> None:
    game = Game(geneva, 1)
    for side in geneva.side_ids:
        assert list(game.state.meters[side]) == list(meters.side_meters())
    assert list(game.state.shared) == list(meters.shared_meters())


# --------------------------------------------------------- a new meter flows through
def test_a_new_meter_reaches_the_rows_the_schema_the_replay_and_its_label(
    with_fake_meters: None, geneva: models.Scenario
) -> None:
    side_rows, shared_rows, report_side, report_shared = _ui_rows()
    assert FAKE.id in side_rows and FAKE.id in report_side
    assert FAKE_SHARED.id in shared_rows and FAKE_SHARED.id in report_shared
    condition, objective, effect = _schema_meter_enums()
    assert FAKE.id in condition and FAKE_SHARED.id in objective
    assert FAKE.id not in effect  # events may not move it: its spec says so
    assert meter_label(FAKE.id) == "Fake meter %"
    assert meters.decimals(FAKE.id) == 1 and meters.good_direction(FAKE_SHARED.id) == -1
    game = Game(geneva, 1)  # the rules write it (from the economy's output its spec names)
    rec = game.state.history[-1]
    assert rec.meters["us"][FAKE.id] == rec.meters["us"]["market_index"]
    assert rec.shared[FAKE_SHARED.id] == rec.shared["world_growth_pct"]
    text = _replay_lines(game)
    assert f"Fake meter % {rec.meters['us'][FAKE.id]:.1f}" in text
    assert f"Fake world % {rec.shared[FAKE_SHARED.id]:.1f}" in text


def test_a_new_economy_meter_is_projected_by_the_preview(
    monkeypatch: pytest.MonkeyPatch, geneva: models.Scenario
) -> None:
    # a side meter read from an economy output flows into projected_meters with no edit there
    from game.engine.preview import projected_meters

    spec = MeterSpec(
        "fake_inflation_pct",
        "side",
        (-5.0, 30.0),
        "pct",
        1,
        -1,
        "x",
        economy=Economy("inflation_pct", "region"),
    )
    monkeypatch.setattr(meters, "METERS", (*meters.METERS, spec))
    rules = Rules(geneva)
    game = Game(geneva, 1, rules=rules)
    v = view(geneva, game.state, "us")
    m = eco.meters(rules.econ.params, game.state.econ)
    projected, _shared = projected_meters(rules, v, m, 0)
    assert projected["us"]["fake_inflation_pct"] == projected["us"]["inflation_pct"]


# ------------------------------------------------------------------ the specs hold together
def test_each_meter_comes_from_somewhere_the_engine_reads() -> None:
    econ_fields = {f.name for f in dataclasses.fields(eco.Meters)}
    side_fields = {f.name for f in dataclasses.fields(SideState)}
    state_fields = {f.name for f in dataclasses.fields(GameState)}
    ids = [s.id for s in meters.all_meters()]
    assert len(ids) == len(set(ids))
    for spec in meters.all_meters():
        lo, hi = spec.range
        assert lo < hi and spec.decimals >= 0 and spec.good in (-1, 0, 1)
        if spec.economy is not None:
            assert spec.economy.output in econ_fields, spec.id
            assert (spec.economy.at == "world") == (spec.scope == "shared"), spec.id
        else:  # the rules compute it and keep it on the state
            assert spec.id in (side_fields if spec.scope == "side" else state_fields), spec.id
        if spec.events == "shock":
            assert spec.economy is not None and spec.economy.shock is not None, spec.id
            _Shocks().add(spec.economy.shock, 0, 1.0)  # a shock the rules know
        if spec.events == "state":
            assert spec.economy is None, spec.id


def test_an_unknown_shock_is_refused() -> None:
    with pytest.raises(ValueError, match="no economy shock"):
        _Shocks().add("rainfall_mm", 0, 1.0)


def test_the_economy_clips_its_outputs_to_the_meters_ranges() -> None:
    for spec in meters.all_meters():
        if spec.economy is not None and spec.economy.at in ("region", "world"):
            assert eco.METER_BOUNDS[spec.economy.output] == spec.range


def test_private_meters_are_what_a_view_strips(geneva: models.Scenario) -> None:
    game = Game(geneva, 1)
    v = view(geneva, game.state, "us")
    private = set(meters.private_meters())
    assert private == {"political_capital"}
    assert private.isdisjoint(v.meters["china"]) and private <= set(v.meters["us"])


# ------------------------------------------------------------------- instrument kinds
def test_the_scenario_model_accepts_exactly_the_registered_kinds() -> None:
    annotation = models.Instrument.model_fields["kind"].annotation
    assert typing.get_args(annotation) == kinds.kind_ids()
    schema = scenario_json_schema()["$defs"]["Instrument"]["properties"]["kind"]
    assert schema["enum"] == list(kinds.kind_ids())


def test_upper_bound_kinds_are_the_at_most_ones() -> None:
    assert {"tariff", "measure"} == UPPER_BOUND_KINDS
    for spec in kinds.KINDS:
        assert spec.upper_bound == (spec.id in UPPER_BOUND_KINDS)
        assert spec.concession == (-1 if spec.upper_bound else 1)


def test_predicates_read_the_kind(geneva: models.Scenario) -> None:
    by_id = {i.id: i for i in geneva.instruments}
    tariff, purchases = by_id["us_tariff_reciprocal"], by_id["cn_purchases"]
    background = by_id["us_tariff_row"]
    sides = geneva.side_ids
    assert kinds.tradable(tariff, sides) and not kinds.tradable(background, sides)
    assert kinds.hurts_other(tariff, +1.0) and not kinds.hurts_other(tariff, -1.0)
    assert kinds.hurts_other(purchases, -1.0) and not kinds.hurts_other(purchases, +1.0)
    assert kinds.friendliest(tariff) == tariff.min and kinds.hostile(tariff) == tariff.max
    assert kinds.friendliest(purchases) == purchases.max
    assert Rules(geneva).kinds["us_suspension"].suspends


def test_on_off_levels_read_as_the_kinds_words_in_every_language(geneva: models.Scenario) -> None:
    pledge = next(i for i in geneva.instruments if i.kind == "pledge")
    assert format_level(geneva, pledge.id, pledge.min) == "not given"
    assert format_level(geneva, pledge.id, pledge.max) == "in force"
    for spec in kinds.KINDS:
        for word in spec.level_words or ():
            assert t("zh", word) != word, f"{spec.id}: '{word}' has no Chinese"
    tariff = next(i for i in geneva.instruments if i.kind == "tariff")
    assert kinds.level_word(tariff, tariff.min) is None  # a number, not a word


def test_the_instrument_docs_list_every_kind_as_the_registry_describes_it() -> None:
    doc = models.Instrument.__doc__ or ""
    schema = scenario_json_schema()["$defs"]["Instrument"]["description"]
    for spec in kinds.KINDS:
        first_line = spec.doc.split("\n")[0]
        assert f"``{spec.id}``: {first_line}" in doc and f"``{spec.id}``: {first_line}" in schema

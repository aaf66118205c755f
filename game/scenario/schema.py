"""JSON Schema (draft 2020-12) of a scenario file, for editor autocompletion.

Generated from the pydantic models, then completed here: a description and an
example for every field where sensible (the models' own ``description`` and
``examples`` win; :data:`FIELD_DOCS` fills the gaps), meter fields list the
meter names, and side ids are checked as dictionary keys.

Editors: with the YAML language server, put this first line in a scenario::

    # yaml-language-server: $schema=../docs/scenario.schema.json

The schema cannot express the cross-reference rules (ids that must exist,
turns within the deadline, …): ``tariff-talks validate`` checks those.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from typing import Any, Final

from game.economy import params as eco_params
from game.registry import meters as meter_registry
from game.scenario.models import EFFECT_METERS, PRIOR_FIELDS, SHARED_METERS, SIDE_METERS, Scenario

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID: Final = "https://tariff-talks.example/schemas/scenario.schema.json"

_METERS_TEXT = f"Side meters (need `side`): {', '.join(SIDE_METERS)}. Shared meters (no `side`): {', '.join(SHARED_METERS)}."

#: Descriptions and examples of fields the models leave undocumented:
#: ``{definition: {field: (description or None, examples or None)}}``.
FIELD_DOCS: Final[dict[str, dict[str, tuple[str | None, list[Any] | None]]]] = {
    "Scenario": {
        "meta": ("Who wrote the scenario, when it starts and how long a turn is.", None),
        "sides": ("The two delegations at the table.", None),
        "instruments": ("The levers the sides (and the rest of the world) control.", None),
        "economy": ("Economy model settings.", None),
        "briefings": ("One private briefing per side, keyed by side id.", None),
        "events": ("Scripted and random events: news and effects.", None),
        "scoring": ("Outcome tiers.", None),
        "end": ("When the game ends.", None),
        "trust_pct": (None, [30]),
    },
    "Meta": {
        "title": (None, ["Geneva, May 2025", {"en": "Geneva, May 2025", "zh": "2025年5月，日内瓦"}]),
        "description": (None, ["Both delegations arrive in Geneva with tariffs above 100%."]),
        "turn_days": (None, [7]),
        "difficulty": (None, ["normal"]),
        "author": (None, ["Tariff Talks team"]),
        "version": (None, ["1"]),
        "sources": (None, [["IMF World Economic Outlook, April 2025"]]),
    },
    "LocalText": {},
    "Member": {
        "name": ("Name of the delegation member.", None),
        "role": ("Their role in the delegation.", None),
        "quote": (None, ["We want fair trade."]),
    },
    "Side": {
        "id": ("Unique id of the side, used everywhere the scenario names it.", None),
        "name": ("Name shown to players.", None),
        "region": (None, ["us"]),
        "colour": (None, ["#3366cc"]),
        "delegation": ("Members of the delegation, for flavour.", None),
        "faction": (None, ["Farm lobby"]),
        "political_capital": (None, [60]),
        "approval_pct": (None, [45]),
    },
    "MeasureEffects": {
        "target_exports_pct": (None, [-20]),
        "owner_exports_pct": (None, [-10]),
        "target_growth_pp": (None, [-0.2]),
        "owner_growth_pp": (None, [-0.05]),
        "target_inflation_pp": (None, [0.3]),
        "uncertainty_points": (None, [20]),
    },
    "Instrument": {
        "id": ("Unique id of the instrument.", None),
        "kind": ("How the economy model reads the level (see the Instrument description).", ["tariff"]),
        "owner": (None, ["us"]),
        "target": (None, ["china"]),
        "name": ("Name shown to players.", ["US tariff on Chinese goods"]),
        "description": (
            "What the instrument is, for players.",
            ["The headline tariff on all Chinese goods."],
        ),
        "min": ("Lowest level.", [0]),
        "max": ("Highest level.", [200]),
        "step": (None, [1]),
        "start": (None, [145]),
        "unit": ("Unit of the level: percent, bn USD a year, or a plain level.", ["pct"]),
        "share": (None, [1.0]),
        "applies_to": (None, ["us_tariff_china"]),
        "cost": (None, [1]),
        "player_controlled": (None, [True]),
        "effects": ("Economic effects at the maximum level (for measures, pledges, …).", None),
    },
    "Condition": {
        "meter": ("Meter to compare. " + _METERS_TEXT, ["trust_pct"]),
        "side": ("Whose meter (side meters only).", ["us"]),
        "instrument": ("Instrument whose level to compare (instead of a meter).", ["us_tariff_china"]),
        "op": ("Comparison.", [">="]),
        "value": ("Value to compare with.", [40]),
    },
    "Objective": {
        "id": ("Unique id of the objective within the briefing.", ["soybean_exports"]),
        "text": ("What the side wants, shown in its briefing.", ["Restore soybean exports"]),
        "weight": ("Relative weight in the side's score.", [2]),
        "meter": (None, ["growth_pct"]),
        "side": ("Whose meter (side meters only).", ["us"]),
        "instrument": ("Instrument whose level is scored (instead of a meter).", ["china_tariff_us"]),
        "baseline": (None, [125]),
        "target": (None, [10]),
        "priors": (None, [{"weight": {"one_of": [1, 2, 3]}}]),
    },
    "RedLine": {
        "id": ("Unique id of the red line within the briefing.", ["no_purchase_quota"]),
        "text": ("The red line in words, shown in the side's briefing.", ["No purchase quotas above $25bn"]),
        "instrument": ("The instrument the red line is about.", ["china_soybeans"]),
        "op": ("The level must stay `op value` in any package.", ["<="]),
        "value": ("The limit.", [25]),
        "priors": (None, [{"value": {"between": [20, 40]}}]),
    },
    "Briefing": {
        "summary": (
            "The side's situation in a paragraph.",
            ["Markets are nervous; farmers want their buyers back."],
        ),
        "objectives": ("Scored goals.", None),
        "red_lines": ("Lines this side will not cross.", None),
        "walk_away": (None, [40, {"between": [30, 50]}]),
        "faction_strength": (None, [1, {"between": [0.5, 2]}]),
        "priors": (None, [{"walk_away": {"between": [30, 50]}}]),
    },
    "Effect": {
        "instrument": ("Instrument whose level to change.", ["us_tariff_china"]),
        "meter": (
            "Meter to change. Effects may move: " + ", ".join(sorted(EFFECT_METERS)) + ".",
            ["trust_pct"],
        ),
        "side": ("Whose meter (side meters only).", ["us"]),
        "set": ("Set the level or meter to this value.", [30]),
        "add": ("Add this to the level or meter (negative to lower it).", [-5]),
    },
    "Trigger": {
        "turn": (None, [3]),
        "date": (None, ["2025-05-12"]),
        "from_turn": ("Not before this turn.", [2]),
        "to_turn": ("Not after this turn.", [8]),
        "conditions": ("Conditions on meters or levels that must all hold.", None),
        "on_change": (None, ["us_tariff_china"]),
        "no_agreement": (None, [True]),
    },
    "Event": {
        "id": ("Unique id of the event.", ["geneva_statement"]),
        "when": ("When the event may fire; every given clause must hold.", None),
        "probability": (None, [0.25]),
        "repeat": (None, [False]),
        "headline": ("Headline shown in the briefing's news.", ["Joint statement in Geneva"]),
        "news": ("The news story.", ["Both sides agree to cut tariffs by 115 points for 90 days."]),
        "effects": ("What the event changes.", None),
    },
    "Tier": {
        "id": ("Unique id of the tier.", ["historic_deal"]),
        "name": ("Name shown in the debrief.", ["Historic deal"]),
        "description": (
            "What the outcome means, for the debrief.",
            ["A comprehensive deal both sides can sell."],
        ),
        "requires": (
            "What must have happened: a comprehensive `deal`, any `agreement`, `none` (no agreement), "
            "a `collapse` of the talks, or `any` outcome.",
            ["deal"],
        ),
        "min_score_each": ("Both sides' scores must be at least this.", [60]),
    },
    "Scoring": {"tiers": ("Outcome tiers, checked in order; end with a catch-all tier.", None)},
    "ComprehensiveDeal": {
        "min_terms": ("Fewest terms an agreement needs to count as comprehensive.", [4]),
        "required_instruments": ("Instruments a comprehensive deal must include.", [["us_tariff_china"]]),
    },
    "End": {
        "deadline_turns": (None, [13]),
        "exchanges_per_turn": (None, [3]),
        "table_from_turn": (None, [2]),
        "comprehensive_deal": ("What makes an agreement a comprehensive deal.", None),
        "ends_on_deal": (None, [True]),
        "recession_prob_pct": (None, [90]),
    },
    "BackgroundTariff": {
        "owner": (None, ["us"]),
        "target": (None, ["china"]),
        "pct": (None, [30]),
    },
    "Economy": {
        "calibration": ("Which calibration of the economy model to start from.", ["default"]),
        "overrides": (
            "Economy parameters to override by name (the table under Economy parameters lists them, "
            "with their units and limits).",
            [{"trade_elasticity": 3.0}],
        ),
        "regions": (None, [["japan"]]),
        "tariffs": (None, [[{"owner": "us", "target": "china", "pct": 30}]]),
        "uncertainty_index": (None, [100]),
        "warmup_turns": (None, [8]),
    },
}

#: Descriptions of definitions whose model has no docstring.
DEFINITION_DOCS: Final[dict[str, str]] = {
    "Scoring": "How the outcome is scored.",
    "End": "When the game ends.",
    "Economy": "Economy model settings for this scenario.",
}

_GENERIC = {"An identifier: lower case, digits, underscores.", "A side's id, e.g. `us`."}


def _meter_enum(prop: dict[str, Any], meters: list[str]) -> None:
    """Restrict the string branch of a meter field to the meter names."""
    branches = prop.get("anyOf", [prop])
    for branch in branches:
        if branch.get("type") == "string":
            branch["enum"] = meters


def _override_properties() -> dict[str, Any]:
    """``economy.overrides`` in the schema: one number per parameter of the model, with its
    meaning, unit and limits (game.economy.params: the one place they are defined); no other
    key (an editor can complete the names)."""
    props: dict[str, Any] = {}
    for f in dataclasses.fields(eco_params.Params):
        meta = f.metadata
        lim: eco_params.Limits = meta["limits"]
        unit = "" if meta["unit"] == "-" else f" ({meta['unit']})"
        prop: dict[str, Any] = {"type": "number", "description": f"{meta['doc']}{unit}", "default": f.default}
        if lim.lo is not None:
            prop["exclusiveMinimum" if lim.lo_open else "minimum"] = lim.lo
        if lim.hi is not None:
            prop["exclusiveMaximum" if lim.hi_open else "maximum"] = lim.hi
        props[f.name] = prop
    return {"properties": props, "additionalProperties": False}


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file."""
    schema = copy.deepcopy(Scenario.model_json_schema(mode="validation"))
    defs: dict[str, Any] = schema.get("$defs", {})
    all_defs = {**defs, "Scenario": schema}
    for name, definition in all_defs.items():
        if "description" not in definition and name in DEFINITION_DOCS:
            definition["description"] = DEFINITION_DOCS[name]
        docs = FIELD_DOCS.get(name, {})
        for field, prop in definition.get("properties", {}).items():
            description, examples = docs.get(field, (None, None))
            if description and (prop.get("description") in (None, *_GENERIC)):
                prop["description"] = description
            if examples and "examples" not in prop:
                prop["examples"] = examples
    meters = list(meter_registry.ranges())  # the meter registry, as it is now
    for name in ("Condition", "Objective"):
        if name in defs:
            _meter_enum(defs[name]["properties"]["meter"], meters)
    if "Effect" in defs:
        _meter_enum(defs["Effect"]["properties"]["meter"], sorted(meter_registry.event_meters()))
    if "Economy" in defs:
        defs["Economy"]["properties"]["overrides"].update(_override_properties())
    # rule 7.3: a prior may stand in place of a briefing's number (the models lift it to `priors`)
    for name, fields in PRIOR_FIELDS.items():
        for field in fields:
            prop = defs.get(name, {}).get("properties", {}).get(field)
            if prop is not None:
                number = {
                    k: prop.pop(k)
                    for k in list(prop)
                    if k not in ("description", "examples", "default", "title")
                }
                prop["anyOf"] = [number, {"$ref": "#/$defs/Prior"}]
    briefings = schema["properties"].get("briefings", {})
    patterns = list(briefings.get("patternProperties", {}))
    if patterns:
        briefings.setdefault("propertyNames", {})["pattern"] = patterns[0]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        **schema,
        "title": "Tariff Talks scenario",
    }


def schema_json(indent: int = 2) -> str:
    """The schema as JSON text (UTF-8, keys in a stable order)."""
    return json.dumps(scenario_json_schema(), indent=indent, ensure_ascii=False) + "\n"

"""The economy model: a small reduced-form macro model of the regions a scenario names (the
US and China always, any of the library's others: :mod:`game.economy.regions`) and the rest of
the world, vectorised over games (numpy only). See ``docs/economy.md``."""

from typing import TYPE_CHECKING

from game.economy.model import (
    GROWTH_CHANNELS,
    IMPORT_CHANNELS,
    INFLATION_CHANNELS,
    METER_BOUNDS,
    Attribution,
    Inputs,
    Meters,
    State,
    baseline_state,
    initial_state,
    meters,
    stack_inputs,
    stack_states,
    step,
    zero_inputs,
)
from game.economy.params import (
    CHINA,
    REGIONS,
    ROW,
    US,
    Params,
    default_params,
    params_with_overrides,
    split_overrides,
)
from game.economy.regions import DEFAULT_WORLD, LIBRARY, PROFILES, World, world_of, world_problems

if TYPE_CHECKING:
    import datetime as dt

    from game.economy.calibration import Matrix


def calibration_timeline(
    variant: str = "history", *, extended: bool = False
) -> "list[tuple[dt.date, Matrix, float]]":
    """The dated tariff path of the calibration; see :func:`game.economy.calibration.calibration_timeline`."""
    from game.economy import calibration  # imported lazily: `python -m game.economy.calibration`

    return calibration.calibration_timeline(variant, extended=extended)


__all__ = [
    "CHINA",
    "DEFAULT_WORLD",
    "GROWTH_CHANNELS",
    "IMPORT_CHANNELS",
    "INFLATION_CHANNELS",
    "LIBRARY",
    "METER_BOUNDS",
    "PROFILES",
    "REGIONS",
    "ROW",
    "US",
    "Attribution",
    "Inputs",
    "Meters",
    "Params",
    "State",
    "World",
    "baseline_state",
    "calibration_timeline",
    "default_params",
    "initial_state",
    "meters",
    "params_with_overrides",
    "split_overrides",
    "stack_inputs",
    "stack_states",
    "step",
    "world_of",
    "world_problems",
    "zero_inputs",
]

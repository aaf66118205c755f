"""An on/off instrument's levels read "in force" / "lifted" (实施 / 取消): its name must not be a
negation itself, or every line about it is a double negative ("End of the de minimis
exemption: lifted", issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.text import format_level, term_change

ROOT = Path(__file__).resolve().parents[2]
NEGATIONS_EN = ("end of", "no ", "lifting", "removal of", "repeal")
NEGATIONS_ZH = ("取消", "终止", "停止", "废除")


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.name)
def test_on_off_instruments_are_named_for_what_is_in_force(path: Path) -> None:
    sc = load_scenario(path)
    for ins in sc.instruments:
        if format_level(sc, ins.id, ins.min) != "lifted":
            continue  # not a measure that is lifted or in force
        assert not ins.name.en.lower().startswith(NEGATIONS_EN), f"{ins.id}: {ins.name.en!r}"
        assert not ins.name.zh.startswith(NEGATIONS_ZH), f"{ins.id}: {ins.name.zh!r}"


def test_the_de_minimis_line_reads_without_a_double_negative() -> None:
    sc = load_scenario(ROOT / "scenarios" / "geneva-2025.yaml")
    assert (
        term_change(sc, "us_de_minimis_end", 1.0, 0.0)
        == "Duty on small parcels from China: in force → lifted"
    )
    assert term_change(sc, "us_de_minimis_end", 1.0, 0.0, "zh") == "对中国小额包裹征税：实施 → 取消"

"""The lint that plays a scenario's numbers (run by `tariff-talks validate`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.lint import lint_file

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
GENEVA = (SCENARIOS / "geneva-2025.yaml").read_text(encoding="utf-8")
GENEVA_FIXED = (Path(__file__).resolve().parent / "engine" / "data" / "geneva-fixed.yaml").read_text(
    encoding="utf-8"
)


def _lint(tmp_path: Path, text: str) -> list:
    from game.scenario.loader import load_scenario

    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return lint_file(load_scenario(path), str(path))


def test_geneva_has_an_agreement_zone_and_every_event_fires(tmp_path):
    found = _lint(tmp_path, GENEVA)
    assert not [d for d in found if "agreement zone" in d.message or "never fired" in d.message], found


def test_an_event_that_cannot_fire_is_located(tmp_path):
    impossible = GENEVA.replace(
        '        - {meter: trust_pct, op: "<=", value: 12}',
        '        - {meter: trust_pct, op: ">=", value: 101}',
    )
    assert impossible != GENEVA
    found = [d for d in _lint(tmp_path, impossible) if "never fired" in d.message]
    assert len(found) == 1 and "'hawks'" in found[0].message
    line = impossible.splitlines()[found[0].line - 1]
    assert "when:" in line


#: Geneva with walk-away values no package reaches: fixed numbers (its copy before rule 7.3),
#: and priors (the bundled file, whose walk-aways are drawn: the lint reads the priors' middles).
GREEDY = {
    "fixed": GENEVA_FIXED.replace("    walk_away: 35", "    walk_away: 99"),
    "priors": GENEVA.replace("    walk_away: {between: [25, 45]}", "    walk_away: {between: [95, 99]}"),
}


@pytest.mark.parametrize("kind", sorted(GREEDY))
def test_no_agreement_zone_is_reported(tmp_path, kind):
    greedy = GREEDY[kind]
    assert greedy != (GENEVA_FIXED if kind == "fixed" else GENEVA)
    found = [d for d in _lint(tmp_path, greedy) if "agreement zone" in d.message]
    assert found and found[0].severity == "warning"
    assert "walk_away" in greedy.splitlines()[found[0].line - 1]


def test_validate_no_lint_flag(tmp_path, capsys):
    path = tmp_path / "s.yaml"
    path.write_text(GREEDY["priors"], encoding="utf-8")
    assert main(["validate", "--no-lint", str(path)]) == 0
    assert "agreement zone" not in capsys.readouterr().out
    assert main(["validate", str(path)]) == 0  # warnings do not fail validation
    assert "agreement zone" in capsys.readouterr().out

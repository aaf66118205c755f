"""Geneva's hidden types (rule 7.3) are what the rulebook says they are (docs/rules.md, 7.3)."""

from __future__ import annotations

from game.engine.hidden_types import quantities


def test_rule_7_3_geneva_draws_what_the_rulebook_says(geneva) -> None:
    drawn = {
        s: {
            (q.kind, getattr(q.item, "id", None)): q.prior for q in quantities(geneva.briefings[s]) if q.prior
        }
        for s in geneva.side_ids
    }
    fixed = {
        s: {(q.kind, getattr(q.item, "id", None)) for q in quantities(geneva.briefings[s]) if q.prior is None}
        for s in geneva.side_ids
    }
    for s in geneva.side_ids:
        b = geneva.briefings[s]
        assert drawn[s][("walk_away", None)].between == [25, 45]
        assert drawn[s][("faction_strength", None)].between == [0.75, 1.5]
        # the weight of every objective but China's respect and markets
        unweighted = {("weight", o.id) for o in b.objectives} & fixed[s]
        assert unweighted == ({("weight", "respect"), ("weight", "markets")} if s == "china" else set())
        # its growth target (and the US its purchase target); the other targets fixed
        targets = {k for k in drawn[s] if k[0] == "target"}
        assert targets == (
            {("target", "growth"), ("target", "purchases")} if s == "us" else {("target", "growth")}
        )
        # each red line's level but the US chip controls'
        assert {k for k in fixed[s] if k[0] == "red_line"} == (
            {("red_line", "keep_chip_controls")} if s == "us" else set()
        )
    fentanyl = drawn["us"][("red_line", "keep_fentanyl_tariff")]
    assert fentanyl.choices() == [(5.0, 0.25), (10.0, 0.5), (15.0, 0.25)]
    assert drawn["china"][("red_line", "purchase_cap")].between == [20, 40]
    assert drawn["china"][("red_line", "reciprocity")].between == [5, 15]

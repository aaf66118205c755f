"""The document a new scenario starts from."""

from __future__ import annotations

#: A new scenario: the smallest one that validates (the authoring tutorial's first step).
TEMPLATE = """\
# yaml-language-server: $schema=../docs/scenario.schema.json
#
# A new scenario. The guide is docs/authoring.md; every field is described there.

meta:
  id: my_scenario
  title: {en: My scenario, zh: 我的剧本}
  start_date: 2025-05-06
  turn_days: 7

sides:
  - id: us
    region: us
    name: {en: United States, zh: 美国}
  - id: china
    region: china
    name: {en: China, zh: 中国}

instruments:
  - id: us_tariff
    kind: tariff
    owner: us
    target: china
    unit: pct
    name: {en: US tariff on Chinese goods, zh: 美国对华关税}
    max: 150
    start: 100
  - id: cn_tariff
    kind: tariff
    owner: china
    target: us
    unit: pct
    name: {en: China's tariff on US goods, zh: 中国对美关税}
    max: 150
    start: 100

briefings:
  us:
    walk_away: 30
    objectives:
      - id: tariff_down
        text: {en: Bring China's tariff down, zh: 降低中方关税}
        instrument: cn_tariff
        baseline: 100
        target: 10
  china:
    walk_away: 30
    objectives:
      - id: tariff_down
        text: {en: Bring the US tariff down, zh: 降低美方关税}
        instrument: us_tariff
        baseline: 100
        target: 10

scoring:
  tiers:
    - id: deal
      name: {en: Deal, zh: 达成协议}
      requires: deal
    - id: no_deal
      name: {en: No deal, zh: 未达成协议}
      requires: any

end:
  deadline_turns: 8
  comprehensive_deal:
    min_terms: 2
"""

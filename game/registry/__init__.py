"""Registries: each game concept declared once, with its units and words.

- :mod:`game.registry.meters`: every meter (scope, range, unit, decimals, good direction,
  privacy, whether events move it, where the economy computes it, label);
- :mod:`game.registry.instruments`: every instrument kind (how the economy reads it, upper
  or lower bound and so the direction of a concession, tradable under rule 3.2, level words).

A base package: it imports nothing of ``game`` but :mod:`game.i18n`, so every layer may use
it (``tests/test_architecture.py`` checks this).
"""

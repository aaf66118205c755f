"""The main window's panels. Each renders from one side's :class:`~game.engine.View`
(through :class:`~game.ui.common.Ctx`) and nothing else; ``clear()`` wipes every
private thing before a hot-seat hand-over."""

from game.ui.panels.base import SHARED_METER_ROWS, SIDE_METER_ROWS, tradable
from game.ui.panels.briefing import BriefingPanel
from game.ui.panels.meters import MetersPanel, NewsPanel, why_text
from game.ui.panels.orders import OrdersPanel
from game.ui.panels.table import BuilderRow, TablePanel

__all__ = [
    "SHARED_METER_ROWS",
    "SIDE_METER_ROWS",
    "BriefingPanel",
    "BuilderRow",
    "MetersPanel",
    "NewsPanel",
    "OrdersPanel",
    "TablePanel",
    "tradable",
    "why_text",
]

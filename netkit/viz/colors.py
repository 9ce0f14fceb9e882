"""One sector palette shared by the network view and the static charts.

Colours are fixed per sector (not per position in a list), so that the same
sector has the same colour in every view, chart and report.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["OTHER_PALETTE", "SECTOR_COLORS", "category_colors", "sector_color"]

SECTOR_COLORS: dict[str, str] = {
    "university": "#1f77b4",
    "research": "#17becf",
    "firm": "#d62728",
    "startup": "#ff7f0e",
    "government": "#2ca02c",
    "health": "#9467bd",
    "nonprofit": "#8c564b",
    "other": "#7f7f7f",
    "unknown": "#c7c7c7",
}
"""Colour (hex) of each sector of :data:`netkit.model.SECTORS`."""

OTHER_PALETTE: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#d95f02",
    "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
)
"""Colours for categories that are not sectors (regions, communities …), in order."""

FALLBACK = "#c7c7c7"


def sector_color(sector: str) -> str:
    """The colour of a sector; grey for anything unknown.

    Examples
    --------
    >>> sector_color("university"), sector_color("no such sector")
    ('#1f77b4', '#c7c7c7')
    """
    return SECTOR_COLORS.get(sector, FALLBACK)


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """A colour per category: sector colours when the categories are sectors.

    Categories that are sectors keep their sector colour; other categories get
    the colours of :data:`OTHER_PALETTE` in the order given (cycling).

    Examples
    --------
    >>> category_colors(["firm", "university"])
    {'firm': '#d62728', 'university': '#1f77b4'}
    >>> category_colors(["North", "South"])
    {'North': '#4e79a7', 'South': '#f28e2b'}
    """
    out: dict[str, str] = {}
    i = 0
    for cat in categories:
        if cat in SECTOR_COLORS:
            out[cat] = SECTOR_COLORS[cat]
        else:
            out[cat] = OTHER_PALETTE[i % len(OTHER_PALETTE)]
            i += 1
    return out

"""Safe, offline HTML network views, static charts and backbones of big graphs.

>>> from netkit import viz
>>> callable(viz.write_html)
True
"""

from netkit.build.backbone import Backbone, backbone, disparity_pvalues
from netkit.viz.colors import SECTOR_COLORS, category_colors, sector_color
from netkit.viz.escape import csv_cell, json_for_script, markdown_cell
from netkit.viz.html import render_html, view_data, write_html
from netkit.viz.layout import layout
from netkit.viz.ties import tie_events

__all__ = [
    "SECTOR_COLORS",
    "Backbone",
    "backbone",
    "category_colors",
    "csv_cell",
    "disparity_pvalues",
    "json_for_script",
    "layout",
    "markdown_cell",
    "render_html",
    "sector_color",
    "tie_events",
    "view_data",
    "write_html",
]

"""Render sections to HTML (Jinja2, autoescape), Markdown (escaped cells), CSV (neutralised cells)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from netkit.model.files import csv_text
from netkit.report.sections import Chart, Section, Table
from netkit.viz import charts
from netkit.viz.colors import SECTOR_COLORS, sector_color
from netkit.viz.escape import markdown_cell, markdown_text, template_environment

__all__ = ["chart_svg", "fmt", "render_html", "render_markdown", "table_csv"]


def fmt(value: Any, key: str = "") -> str:
    """A value as text for a report: thousands separators, 4 significant digits, '–' if missing.

    Integers under a ``key`` that names a year (``year``, ``first`` …) have no separator.

    Examples
    --------
    >>> fmt(1234567), fmt(0.123456), fmt(float("nan")), fmt(True), fmt(1234.5678)
    ('1,234,567', '0.1235', '–', 'yes', '1,235')
    >>> fmt(2018), fmt(2018, "split year")
    ('2,018', '2018')
    """
    is_year = any(w in str(key).lower() for w in _YEAR_WORDS)
    if value is None:
        return "–"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, int | np.integer):
        v = int(value)
        return str(v) if is_year else f"{v:,}"
    if isinstance(value, float | np.floating):
        v = float(value)
        if not math.isfinite(v):
            return "–"
        if v == int(v) and abs(v) < 1e15:
            return fmt(int(v), key)
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:.4g}"
    try:
        if pd.isna(value):
            return "–"
    except (TypeError, ValueError):
        pass
    return str(value)


_YEAR_WORDS = ("year", "first", "last", "period")


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_)


@dataclass
class Cell:
    text: str
    num: bool


@dataclass
class TableView:
    name: str
    title: str
    note: str
    header: list[str]
    rows: list[list[Cell]]
    numeric: list[bool]
    shown: int
    total: int


def _frame_for_output(table: Table) -> pd.DataFrame:
    df = table.frame
    if table.index:
        df = df.reset_index()
    df = df.copy()
    df.columns = [str(c) for c in df.columns]
    return df


def table_view(table: Table) -> TableView:
    df = _frame_for_output(table)
    total = len(df)
    shown_df = df if table.rows is None else df.head(table.rows)
    values = shown_df.astype(object).to_numpy()
    header = list(df.columns)
    rows = [[Cell(fmt(v, h), _is_num(v)) for v, h in zip(row, header, strict=True)]
            for row in values]
    numeric = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
               for c in df.columns]
    return TableView(table.name, table.title, table.note, list(df.columns), rows, numeric,
                     len(shown_df), total)


def table_csv(table: Table) -> str:
    """The whole table as CSV text (UTF-8, '\\n' line ends), formula-like cells neutralised."""
    return csv_text(_frame_for_output(table), index=False, float_format="%.10g")


def chart_svg(chart: Chart) -> str:
    """Draw a chart spec as an inline SVG element."""
    o = dict(chart.options)
    if chart.kind == "line":
        return charts.line_chart(chart.data, title=chart.title, xlabel=o.get("xlabel", ""),
                                 ylabel=o.get("ylabel", ""), colors=o.get("colors"),
                                 lower=o.get("lower"), upper=o.get("upper"),
                                 percent=o.get("percent", False))
    if chart.kind == "bar":
        colors = None
        legend = None
        if "sector_colors" in o:
            colors = [sector_color(s) for s in o["sector_colors"]]
            if o.get("legend_sectors"):
                present = [s for s in SECTOR_COLORS if s in set(o["sector_colors"])]
                legend = {s: SECTOR_COLORS[s] for s in present}
        return charts.bar_chart(chart.data, title=chart.title, xlabel=o.get("xlabel", ""),
                                ylabel=o.get("ylabel", ""), colors=colors,
                                errors=o.get("errors"), legend=legend)
    if chart.kind == "heatmap":
        return charts.heatmap(chart.data, title=chart.title, xlabel=o.get("xlabel", ""),
                              ylabel=o.get("ylabel", ""), fmt=o.get("fmt", "{:.2g}"),
                              center=o.get("center"), colorbar=o.get("colorbar", ""))
    raise ValueError(f"unknown chart kind {chart.kind!r}")


@cache
def _env():
    env = template_environment("netkit.report")
    env.filters["fmt"] = fmt
    return env


@dataclass
class SectionView:
    key: str
    title: str
    paragraphs: list[str]
    facts: list[tuple[str, Any]]
    charts: list[Any]
    tables: list[TableView]


@dataclass
class ChartView:
    title: str
    svg: str


def section_views(sections: Sequence[Section]) -> list[SectionView]:
    return [SectionView(s.key, s.title, s.paragraphs, s.facts,
                        [ChartView(c.title, chart_svg(c)) for c in s.charts],
                        [table_view(t) for t in s.tables]) for s in sections]


def render_html(views: Sequence[SectionView], **page: Any) -> str:
    """``index.html`` of a report."""
    return _env().get_template("index.html.j2").render(sections=views, **page)


def _md_text(text: str) -> str:
    return markdown_text(str(text)).replace("\n", " ")


def _md_table(t: TableView) -> list[str]:
    lines = ["| " + " | ".join(markdown_cell(h) for h in t.header) + " |",
             "|" + "|".join("---:" if n else "---" for n in t.numeric) + "|"]
    lines += ["| " + " | ".join(markdown_cell(c.text) for c in row) + " |" for row in t.rows]
    return lines


def render_markdown(views: Sequence[SectionView], *, title: str, version: str,
                    generated: str | None, seed: int, n_nodes: str, n_edges: str) -> str:
    """``report.md`` of a report: the same sections, tables truncated like the HTML."""
    out = [f"# {_md_text(title)}", "",
           f"Generated by netkit {version}" + (f" on {generated}" if generated else "")
           + f" · seed {seed} · provenance in `run.json`.  ",
           f"Interactive network view: [network.html](network.html) ({n_nodes} organisations, "
           f"{n_edges} ties); charts are in [index.html](index.html).", ""]
    for i, s in enumerate(views, 1):
        out += [f"## {i}. {_md_text(s.title)}", ""]
        for p in s.paragraphs:
            out += [_md_text(p), ""]
        if s.facts:
            out += ["| | |", "|---|---:|"]
            out += [f"| {markdown_cell(label)} | {markdown_cell(fmt(value))} |"
                    for label, value in s.facts]
            out.append("")
        for t in s.tables:
            out += [f"### {_md_text(t.title)}", ""]
            out += _md_table(t)
            more = f"First {t.shown} of {t.total} rows. " if t.shown < t.total else ""
            out += ["", f"{more}All rows: [tables/{t.name}.csv](tables/{t.name}.csv)", ""]
    return "\n".join(out).rstrip() + "\n"

"""Static charts (matplotlib → inline SVG) for reports, in the sector colours of the view.

Charts are drawn on a :class:`matplotlib.figure.Figure` (no pyplot global
state), with text kept as text (``svg.fonttype = "none"``), mathtext off (a
``$`` in a region name is just a dollar sign) and a fixed hash salt, so the
same data give the same SVG bytes. The result is an ``<svg>`` element ready to
be placed inline in an HTML page: no XML prolog, no metadata, no external
reference.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from netkit.viz.colors import OTHER_PALETTE, SECTOR_COLORS

__all__ = ["bar_chart", "heatmap", "line_chart", "to_svg"]

_RC: dict[Any, Any] = {  # keys: matplotlib rc names (its stubs want their Literal type)
    "svg.fonttype": "none",
    "svg.hashsalt": "netkit",
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 8,
    "legend.frameon": False,
}
_WIDTH, _HEIGHT = 7.0, 3.6


def _colors(names: Sequence[str], colors: Mapping[str, str] | None) -> list[str]:
    out, i = [], 0
    for name in names:
        if colors and name in colors:
            out.append(colors[name])
        elif name in SECTOR_COLORS:
            out.append(SECTOR_COLORS[name])
        else:
            out.append(OTHER_PALETTE[i % len(OTHER_PALETTE)])
            i += 1
    return out


def _figure(width: float = _WIDTH, height: float = _HEIGHT):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=96, layout="tight")


_CLEAN = [
    (re.compile(r"<\?xml[^>]*\?>\s*"), ""),
    (re.compile(r"<!DOCTYPE[^>]*>\s*", re.S), ""),
    (re.compile(r"<metadata>.*?</metadata>\s*", re.S), ""),
    (re.compile(r'\s+xmlns(:\w+)?="[^"]*"'), ""),
]


def to_svg(fig, title: str | None = None) -> str:
    """An inline ``<svg>`` element (text) of a matplotlib figure.

    ``title`` becomes the SVG's accessible name (``role="img"`` and ``aria-label``).
    """
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None,
                                                "Type": None})
    text = buf.getvalue()
    for pattern, repl in _CLEAN:
        text = pattern.sub(repl, text)
    if title is not None:
        from html import escape

        text = text.replace("<svg ", f'<svg role="img" aria-label="{escape(title, quote=True)}" ',
                            1)
    return text.strip() + "\n"


def _axes(fig, title: str, xlabel: str, ylabel: str):
    ax = fig.add_subplot()
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def line_chart(data: pd.DataFrame, *, title: str, xlabel: str, ylabel: str,
               colors: Mapping[str, str] | None = None, lower: pd.DataFrame | None = None,
               upper: pd.DataFrame | None = None, percent: bool = False,
               markers: bool = True) -> str:
    """One line per column of ``data`` against its index; optional bands.

    Parameters
    ----------
    data : DataFrame
        Index = x values; one column per series (column names are the legend).
    title, xlabel, ylabel : str
    colors : mapping, optional
        Colour per column name (sector names get their sector colour anyway).
    lower, upper : DataFrame, optional
        Same shape as ``data``: a shaded band per series (e.g. percentiles).
    percent : bool
        Format the y axis as percentages of 1.

    Returns
    -------
    str
        An inline ``<svg>`` element.

    Examples
    --------
    >>> import pandas as pd
    >>> svg = line_chart(pd.DataFrame({"university": [1, 3, 2]}, index=[2020, 2021, 2022]),
    ...                  title="Ties", xlabel="year", ylabel="ties")
    >>> svg.startswith("<svg") and "Ties" in svg and "http" not in svg
    True
    """
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure()
        ax = _axes(fig, title, xlabel, ylabel)
        names = [str(c) for c in data.columns]
        x = np.asarray(data.index, dtype=float)
        for name, col, color in zip(names, data.columns, _colors(names, colors), strict=True):
            y = pd.to_numeric(data[col], errors="coerce").to_numpy(dtype=float)
            ax.plot(x, y, color=color, label=name, linewidth=1.6,
                    marker="o" if markers and len(x) <= 40 else None, markersize=3)
            if lower is not None and upper is not None and col in lower and col in upper:
                ax.fill_between(x, lower[col].to_numpy(dtype=float),
                                upper[col].to_numpy(dtype=float), color=color, alpha=0.15,
                                linewidth=0)
        if len(x) and np.all(np.mod(x[np.isfinite(x)], 1) == 0):
            ax.xaxis.get_major_locator().set_params(integer=True)
        if percent:
            from matplotlib.ticker import PercentFormatter

            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        if len(names) > 1:
            ax.legend(loc="best")
        return to_svg(fig, title)


def bar_chart(values: pd.Series, *, title: str, xlabel: str, ylabel: str,
              colors: Sequence[str] | None = None, horizontal: bool = True,
              errors: tuple[Sequence[float], Sequence[float]] | None = None,
              legend: Mapping[str, str] | None = None) -> str:
    """Bars of a Series (index = bar labels); horizontal by default.

    ``colors`` gives one colour per bar (e.g. the sector of each organisation);
    ``errors`` = (lower, upper) absolute bounds drawn as error bars; ``legend``
    maps legend labels to colours.

    Examples
    --------
    >>> import pandas as pd
    >>> svg = bar_chart(pd.Series([3, 1], index=["A & B", "<C>"]), title="T", xlabel="x",
    ...                 ylabel="y")
    >>> "A &amp; B" in svg and "&lt;C&gt;" in svg
    True
    """
    import matplotlib

    labels = [str(i) for i in values.index]
    v = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    height = max(_HEIGHT, 0.8 + 0.22 * len(labels)) if horizontal else _HEIGHT
    with matplotlib.rc_context(_RC):
        fig = _figure(height=height)
        ax = _axes(fig, title, xlabel, ylabel)
        col = list(colors) if colors is not None else _colors(["bar"], None) * len(v)
        pos = np.arange(len(v))
        err = None
        if errors is not None:
            lo, hi = np.asarray(errors[0], dtype=float), np.asarray(errors[1], dtype=float)
            err = np.vstack([np.clip(v - lo, 0, None), np.clip(hi - v, 0, None)])
        if horizontal:
            ax.barh(pos, v, color=col, xerr=err, ecolor="#333", capsize=3)
            ax.set_yticks(pos, labels)
            ax.invert_yaxis()
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
        else:
            ax.bar(pos, v, color=col, yerr=err, ecolor="#333", capsize=3)
            ax.set_xticks(pos, labels, rotation=30 if len(labels) > 6 else 0, ha="right"
                          if len(labels) > 6 else "center")
        if legend:
            from matplotlib.patches import Patch

            ax.legend(handles=[Patch(color=c, label=str(k)) for k, c in legend.items()],
                      loc="best")
        return to_svg(fig, title)


def heatmap(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str,
            fmt: str = "{:.2g}", cmap: str = "Blues", center: float | None = None,
            colorbar: str = "") -> str:
    """A labelled heat map of a matrix (index = rows, columns = columns), values written in cells.

    ``center`` makes a diverging map around that value (e.g. 1 for observed/expected).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[1, 2], [3, 4]], index=["a", "b"], columns=["a", "b"])
    >>> heatmap(m, title="M", xlabel="to", ylabel="from").count("<text") >= 4
    True
    """
    import matplotlib
    from matplotlib.colors import TwoSlopeNorm

    values = matrix.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    rows, cols = [str(i) for i in matrix.index], [str(c) for c in matrix.columns]
    size = max(3.2, 0.9 + 0.45 * max(len(rows), len(cols)))
    with matplotlib.rc_context(_RC):
        fig = _figure(width=min(9.0, size + 2.2), height=min(8.0, size + 0.6))
        ax = fig.add_subplot()
        ax.set_title(title, loc="left")
        norm = None
        finite = values[np.isfinite(values)]
        if center is not None and finite.size and finite.min() < center < finite.max():
            norm = TwoSlopeNorm(vcenter=center, vmin=finite.min(), vmax=finite.max())
            cmap = "RdBu_r"
        im = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=norm, aspect="auto")
        ax.set_xticks(np.arange(len(cols)), cols, rotation=35, ha="right")
        ax.set_yticks(np.arange(len(rows)), rows)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if len(rows) * len(cols) <= 200:
            hi = np.nanmax(np.abs(finite)) if finite.size else 0.0
            for i in range(len(rows)):
                for j in range(len(cols)):
                    v = values[i, j]
                    if np.isfinite(v):
                        if norm is not None:
                            dark = abs(float(norm(v)) - 0.5) > 0.3
                        else:
                            dark = hi > 0 and abs(v) > 0.6 * hi
                        ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                                color="white" if dark else "#222")
        cb = fig.colorbar(im, ax=ax, shrink=0.8)
        if colorbar:
            cb.set_label(colorbar)
        return to_svg(fig, title)

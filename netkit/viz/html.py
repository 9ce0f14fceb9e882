"""Self-contained, safe, offline HTML network views (``write_html``).

netkit's own template around vis-network: the library's JavaScript and CSS are
inlined from the installed pyvis package (no CDN, no external reference), a
Content-Security-Policy allows only the page's own scripts (by hash) and no
remote load, and every string from data reaches the page either through
Jinja2's autoescape or inside a JSON block that cannot close its ``<script>``
element; in the browser, strings are inserted with ``textContent`` and
tooltips are plain text. Node and edge data are written directly as JSON
columns (pyvis's ``add_node``/``add_edge`` are far too slow on big graphs).
"""

from __future__ import annotations

import logging
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import igraph as ig
import numpy as np
import pandas as pd

from netkit._docs import fill_doc
from netkit._version import __version__
from netkit.build.backbone import backbone as make_backbone
from netkit.errors import EmptyGraphError, ParameterError
from netkit.model.files import atomic_write_text
from netkit.viz.assets import csp_hash, vis_css, vis_js
from netkit.viz.colors import category_colors
from netkit.viz.escape import json_for_script, template_environment
from netkit.viz.layout import layout as make_layout
from netkit.viz.ties import tie_events

__all__ = ["render_html", "view_data", "write_html"]

log = logging.getLogger(__name__)

LAYERS = ("n_publication", "n_patent", "n_contract")
TEXT_ATTRIBUTES = ("country", "city")
NUMBER_ATTRIBUTES = ("founded_year", "lat", "lon")
IGRAPH_METRICS = ("degree", "strength", "betweenness", "pagerank")
PHYSICS_LIMIT = 1_000
PHYSICS_EDGE_LIMIT = 20_000
LABEL_LIMIT = 100
LABELS_SHOWN = 60
MAX_NODES = 5_000
MAX_EDGES = 100_000

def _strings(values: Any, n: int) -> list[str]:
    if values is None:
        return [""] * n
    s = pd.Series(list(values), dtype=object)
    return s.where(s.notna(), "").astype(str).tolist()


def _igraph_metric(graph: ig.Graph, name: str) -> np.ndarray:
    """A size metric for a graph given without ``metrics`` (a direct library call); the
    command line and the report pass the one centrality bundle of netkit.pipeline instead."""
    weights = "weight" if "weight" in graph.es.attributes() else None
    if name == "degree":
        return np.asarray(graph.degree(), dtype=float)
    if name == "strength":
        return np.asarray(graph.strength(weights=weights), dtype=float)
    if name == "betweenness":  # normalised like netkit.metrics.betweenness (the report, the CLI)
        n = graph.vcount()
        scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        return np.asarray(graph.betweenness(directed=False), dtype=float) * scale
    return np.asarray(graph.pagerank(weights=weights), dtype=float)


def _size_values(graph: ig.Graph, size: Any, metrics: pd.DataFrame | None
                 ) -> tuple[str | None, np.ndarray | None]:
    """The metric that sizes the nodes: (name, one value per vertex)."""
    n = graph.vcount()
    names = graph.vs["name"] if "name" in graph.vs.attributes() else None
    if size is None:
        return None, None
    if isinstance(size, pd.Series):
        if names is None:
            values = size.to_numpy(dtype=float)
        else:
            values = size.reindex(pd.Index(names, dtype=object)).to_numpy(dtype=float)
        if len(values) != n:
            raise ParameterError(f"size has {len(values)} values for {n} nodes")
        return (str(size.name) if size.name is not None else "size"), values
    if isinstance(size, np.ndarray | list | tuple):
        values = np.asarray(size, dtype=float)
        if len(values) != n:
            raise ParameterError(f"size has {len(values)} values for {n} nodes")
        return "size", values
    if not isinstance(size, str):
        raise ParameterError(f"size must be a metric name, a Series or an array, not {type(size).__name__}")
    if size in graph.vs.attributes():
        return size, np.asarray(pd.to_numeric(pd.Series(graph.vs[size]), errors="coerce"),
                                dtype=float)
    if metrics is not None and size in metrics.columns:
        col = metrics[size]
        values = col.reindex(pd.Index(names, dtype=object)) if names is not None else col
        return size, pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    if size in IGRAPH_METRICS:
        return size, _igraph_metric(graph, size)
    raise ParameterError(
        f"size {size!r} is neither a vertex attribute, a column of metrics, nor one of "
        f"{', '.join(IGRAPH_METRICS)}")


def _sizes(values: np.ndarray | None, n: int) -> np.ndarray:
    if values is None:
        return np.full(n, 10.0)
    v = np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)
    v = v - min(0.0, v.min()) if n else v
    top = v.max() if n else 0.0
    if top <= 0:
        return np.full(n, 10.0)
    return np.round(5.0 + 25.0 * np.sqrt(v / top), 1)


def _years(graph: ig.Graph, n: int, edges: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Edge year ranges (NaN if unknown) and each node's active range from its ties."""
    m = graph.ecount()
    attrs = graph.es.attributes()
    if "first_year" in attrs and "last_year" in attrs:
        e0 = np.asarray(graph.es["first_year"], dtype=float)
        e1 = np.asarray(graph.es["last_year"], dtype=float)
        e0[e0 < 0] = np.nan
        e1[e1 < 0] = np.nan
    else:
        e0 = np.full(m, np.nan)
        e1 = np.full(m, np.nan)
    v0 = np.full(n, np.inf)
    v1 = np.full(n, -np.inf)
    if m:
        known = ~np.isnan(e0)
        for end in (0, 1):
            np.minimum.at(v0, edges[known, end], e0[known])
            np.maximum.at(v1, edges[known, end], e1[known])
    v0[np.isinf(v0)] = np.nan
    v1[np.isinf(v1)] = np.nan
    return e0, e1, v0, v1


def _counts(values: list[Any]) -> list[int]:
    return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").fillna(0).astype(
        np.int64).tolist()


def _ints_or_none(a: np.ndarray) -> list[int | None]:
    a = np.asarray(a, dtype=float)
    missing = np.isnan(a)
    if not missing.any():
        return a.astype(np.int64).tolist()
    out = np.where(missing, 0, a).astype(np.int64).astype(object)
    out[missing] = None
    return out.tolist()


def _floats(a: np.ndarray, digits: int = 6) -> list[float | None]:
    a = np.asarray(a, dtype=float)
    out = np.round(a, digits).astype(object)
    out[~np.isfinite(a)] = None
    return out.tolist()


_DOC = {
    "graph": """\
        graph : igraph.Graph
            As made by :func:`netkit.build.org_graph` (vertex attributes ``name``,
            ``label``, ``sector``, ``region`` …; edge attributes ``weight``,
            ``count``, ``first_year``, ``last_year``, ``n_publication`` …).""",
    "view_options": """\
        color : str, default "sector"
            Categorical vertex attribute that colours the nodes (sector colours
            are the same as in netkit's charts). The legend filters by it.
        size : str, Series, array or None, default "betweenness"
            What sizes the nodes: a vertex attribute, a column of ``metrics``, a
            Series indexed by organisation id, an array in vertex order, or one of
            ``degree``, ``strength``, ``betweenness`` (normalised), ``pagerank``
            (computed by igraph when the graph has no such attribute; pass a
            precomputed Series — :func:`netkit.pipeline.view_sizes` — for big
            graphs). ``None``: all the same size.
        title : str
        events : Corpus or DataFrame, optional
            Where the events behind each tie come from (clicking a tie lists their
            kind, year and title): a Corpus, or a table of (source, target, kind,
            year, title[, event_id]). See :func:`netkit.viz.tie_events`.
        metrics : DataFrame, optional
            Indexed by organisation id; its numeric columns are shown when an
            organisation is clicked.
        seed : int, default 0
            Seed of the layout: same graph and seed → same picture.
        positions : array (n × 2), optional
            Precomputed node positions (skips the layout).
        physics : bool, optional
            Let vis-network's physics move the nodes. Default: on up to 1,000
            nodes and 20,000 ties, off beyond (the precomputed layout stays).
        max_nodes : int or None, default 5000
            Above this many nodes the view shows a backbone and says on the page
            what is shown and what was left out. ``None``: no limit.
        max_edges : int or None, default 100000
            Above this many ties the view also shows a backbone (and keeps at most
            this many ties). ``None``: no limit.
        backbone : {"disparity", "top"}
            The backbone: disparity filter at level ``alpha`` (then the top
            ``max_nodes`` by ``size``), or the top ``max_nodes`` organisations by
            ``size`` and their strongest ties. See :func:`netkit.build.backbone.backbone`.
        alpha : float, default 0.05
        max_events_per_tie : int, default 50
            Events listed per tie (the most recent first).""",
}


@fill_doc(_DOC)
def view_data(
    graph: ig.Graph,
    *,
    color: str = "sector",
    size: Any = "betweenness",
    title: str = "netkit network",
    events: Any = None,
    metrics: pd.DataFrame | None = None,
    seed: int = 0,
    positions: np.ndarray | None = None,
    physics: bool | None = None,
    max_nodes: int | None = MAX_NODES,
    max_edges: int | None = MAX_EDGES,
    backbone: str = "disparity",
    alpha: float = 0.05,
    max_events_per_tie: int = 50,
) -> tuple[dict[str, Any], str | None]:
    """The data of a network view (a JSON-ready dict) and the backbone notice, if any.

    What :func:`write_html` writes into the page (through :func:`render_html`).

    Parameters
    ----------
    {graph}
    {view_options}

    Returns
    -------
    data : dict
        The title, colour and size keys, the nodes and edges as JSON columns, the
        years and the events behind each tie.
    notice : str or None
        What the backbone shows and leaves out, when the graph was too big.
    """
    if not isinstance(graph, ig.Graph):
        raise ParameterError(f"graph must be an igraph.Graph, not {type(graph).__name__}")
    if graph.vcount() == 0:
        raise EmptyGraphError("the graph has no nodes: nothing to show")
    size_name, size_values = _size_values(graph, size, metrics)
    notice = None
    too_many_nodes = max_nodes is not None and graph.vcount() > max_nodes
    too_many_edges = max_edges is not None and graph.ecount() > max_edges
    if too_many_nodes or too_many_edges:
        groups = (_strings(graph.vs[color], graph.vcount()) if color in graph.vs.attributes()
                  else None)
        bb = make_backbone(graph, max_nodes if max_nodes is not None else graph.vcount(),
                           method=backbone, alpha=alpha, metric=size_values,
                           metric_name=size_name or "strength",
                           max_edges=max_edges if max_edges is not None else graph.ecount(),
                           groups=groups)
        graph, notice = bb.graph, bb.description
        if size_values is not None:
            size_values = size_values[bb.vertex_ids]
        if positions is not None:
            positions = np.asarray(positions, dtype=float)[bb.vertex_ids]
        if graph.vcount() == 0:
            raise EmptyGraphError("the backbone of the graph is empty; raise alpha or use "
                                  "backbone='top'")
    n, m = graph.vcount(), graph.ecount()
    vattrs = graph.vs.attributes()
    ids = _strings(graph.vs["name"], n) if "name" in vattrs else [str(i) for i in range(n)]
    labels = _strings(graph.vs["label"], n) if "label" in vattrs else list(ids)
    labels = [lab or ident for lab, ident in zip(labels, ids, strict=True)]
    if color in vattrs:
        cat_values = _strings(graph.vs[color], n)
    else:
        raise ParameterError(f"color {color!r} is not a vertex attribute "
                             f"(have: {', '.join(vattrs)})")
    cat_values = [c or "unknown" for c in cat_values]
    cat_index = pd.Index(sorted(set(cat_values), key=_category_key))
    regions = _strings(graph.vs["region"], n) if "region" in vattrs else [""] * n
    region_index = pd.Index(sorted({r for r in regions if r}))
    region_codes = [int(c) for c in region_index.get_indexer(regions)]
    if positions is None:
        xy = make_layout(graph, seed=seed)
    else:
        xy = np.asarray(positions, dtype=float)
        if xy.shape != (n, 2):
            raise ParameterError(f"positions must have shape ({n}, 2), not {xy.shape}")
    sizes = _sizes(size_values, n)
    show_label = np.zeros(n, dtype=bool)
    if n <= LABEL_LIMIT:
        show_label[:] = True
    else:
        show_label[np.lexsort((np.arange(n), -sizes))[:LABELS_SHOWN]] = True
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    e0, e1, v0, v1 = _years(graph, n, edges)
    known = np.concatenate([e0[~np.isnan(e0)], e1[~np.isnan(e1)]])
    years = [int(known.min()), int(known.max())] if known.size else [None, None]
    eattrs = graph.es.attributes()
    weight = (np.asarray(graph.es["weight"], dtype=float) if "weight" in eattrs else np.ones(m))
    count = (np.asarray(_counts(graph.es["count"]), dtype=np.int64) if "count" in eattrs
             else np.round(weight).astype(np.int64))
    attrs: dict[str, list[Any]] = {}
    for a in TEXT_ATTRIBUTES:
        if a in vattrs:
            attrs[a] = _strings(graph.vs[a], n)
    for a in NUMBER_ATTRIBUTES:
        if a in vattrs:
            values = np.array(pd.to_numeric(pd.Series(graph.vs[a]), errors="coerce"),
                              dtype=float)  # a writable copy
            if a == "founded_year":
                values[values < 0] = np.nan
                attrs[a] = _ints_or_none(values)
            else:
                attrs[a] = _floats(values, 5)
    metric_names: list[str] = []
    metric_values: list[list[Any]] = []
    if metrics is not None:
        table = metrics.reindex(pd.Index(ids, dtype=object))
        for col in table.columns:
            values = pd.to_numeric(table[col], errors="coerce")
            if values.notna().any():
                metric_names.append(str(col))
                metric_values.append(_floats(values.to_numpy(dtype=float)))
    if size_name is not None and size_values is not None and size_name not in metric_names:
        metric_names.insert(0, size_name)
        metric_values.insert(0, _floats(size_values))
    data: dict[str, Any] = {
        "title": title,
        "color_by": color,
        "size_by": size_name,
        "categories": cat_index.tolist(),
        "colors": list(category_colors(cat_index.tolist()).values()),
        "regions": region_index.tolist(),
        "years": years,
        "physics": bool(n <= PHYSICS_LIMIT and m <= PHYSICS_EDGE_LIMIT if physics is None
                        else physics),
        "notice": notice,
        "nodes": {
            "id": ids,
            "label": labels,
            "cat": [int(c) for c in cat_index.get_indexer(cat_values)],
            "region": region_codes,
            "x": np.rint(xy[:, 0]).astype(np.int64).tolist(),  # whole pixels: smaller, faster
            "y": np.rint(xy[:, 1]).astype(np.int64).tolist(),
            "size": sizes.tolist(),
            "value": _floats(size_values) if size_values is not None else [None] * n,
            "show_label": show_label.astype(int).tolist(),
            "y0": _ints_or_none(v0),
            "y1": _ints_or_none(v1),
            "attrs": attrs,
        },
        "metric_names": metric_names,
        "metric_values": metric_values,
        "edges": {
            "from": edges[:, 0].tolist(),
            "to": edges[:, 1].tolist(),
            "weight": (weight.astype(np.int64).tolist()
                       if np.all(np.mod(weight, 1) == 0) else _floats(weight, 4)),
            "count": count.tolist(),
            "y0": _ints_or_none(e0),
            "y1": _ints_or_none(e1),
            "layers": {a: _counts(graph.es[a]) for a in LAYERS if a in eattrs},
        },
        "events": _events_payload(events, ids, edges, max_events_per_tie) if events is not None
        else None,
    }
    return data, notice


def _category_key(c: str) -> tuple[int, str]:
    from netkit.model import SECTORS

    return (SECTORS.index(c), c) if c in SECTORS else (len(SECTORS), c)


def _events_payload(events: Any, ids: list[str], edges: np.ndarray, limit: int
                    ) -> dict[str, Any]:
    """Events table + per-edge event lists in CSR form (``ptr``, ``ev``): no loop over edges."""
    te = tie_events(events, ids, limit=limit)
    n = len(ids)
    pos = pd.Index(ids, dtype=object)
    a = pos.get_indexer(te["source"].astype(object))
    b = pos.get_indexer(te["target"].astype(object))
    lo, hi = np.minimum(edges[:, 0], edges[:, 1]), np.maximum(edges[:, 0], edges[:, 1])
    edge_key = lo.astype(np.int64) * n + hi
    order = np.argsort(edge_key, kind="stable")
    ev_key = np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b)
    at = np.searchsorted(edge_key[order], ev_key)
    at = np.clip(at, 0, max(len(order) - 1, 0))
    found = (a >= 0) & (b >= 0) & (len(order) > 0)
    if len(order):
        found &= edge_key[order][at] == ev_key
    te = te[found]
    edge_of = order[at[found]] if len(order) else np.zeros(0, dtype=np.int64)
    if len(te) and (te["event_id"] != "").all():
        table = te.drop_duplicates("event_id")
        ev = pd.Index(table["event_id"]).get_indexer(te["event_id"])
    else:
        table = te
        ev = np.arange(len(te))
    # CSR by edge, keeping each tie's order (most recent first)
    by_edge = np.argsort(edge_of, kind="stable")
    counts = np.bincount(edge_of, minlength=len(edges))
    ptr = np.concatenate([[0], np.cumsum(counts)])
    kinds = pd.Index(sorted(set(table["kind"])))
    # an event without a title is named by its id and source, never shown blank
    untitled = table["title"].str.strip() == ""
    named = table["event_id"].astype(str) + " (" + table["event_source"].astype(str) + ")"
    return {
        "kinds": kinds.tolist(),
        "kind": kinds.get_indexer(table["kind"]).tolist(),
        "year": _ints_or_none(table["year"].to_numpy(dtype=float, na_value=np.nan)),
        "title": named.where(untitled, table["title"]).astype(str).tolist(),
        "ptr": ptr.astype(np.int64).tolist(),
        "ev": np.asarray(ev, dtype=np.int64)[by_edge].tolist(),
    }


@cache
def _template():
    return template_environment("netkit.viz").get_template("network.html.j2")


@cache
def _app_js() -> str:
    return resources.files("netkit.viz").joinpath("templates/network.js").read_text("utf-8")


@cache
def _app_css() -> str:
    return resources.files("netkit.viz").joinpath("templates/network.css").read_text("utf-8")


def content_security_policy() -> str:
    """The page's CSP: only its own scripts and style sheets (by hash), data: images.

    No inline event handler, ``style`` attribute, remote script, style, font,
    image or connection is allowed; vis-network styles its elements through
    the CSSOM, which CSP does not restrict.
    """
    scripts = " ".join((csp_hash(vis_js()), csp_hash(_app_js())))
    styles = " ".join((csp_hash(vis_css()), csp_hash(_app_css())))
    return ("default-src 'none'; "
            f"script-src {scripts}; "
            f"style-src {styles}; img-src data:; font-src 'none'; connect-src 'none'; "
            "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def render_html(graph: ig.Graph, **kwargs: Any) -> str:
    """The HTML text of a network view (see :func:`write_html` for the parameters)."""
    data, notice = view_data(graph, **kwargs)
    n, m = len(data["nodes"]["id"]), len(data["edges"]["from"])
    y0, y1 = data["years"]
    span = f", {y0}–{y1}" if y0 is not None else ""
    summary = (f"{n:,} organisations, {m:,} ties{span}. Colour: {data['color_by']}; "
               f"size: {data['size_by'] or 'uniform'}.")
    return _template().render(
        title=data["title"],
        summary=summary,
        notice=notice,
        color_heading=str(data["color_by"]).replace("_", " ").capitalize(),
        version=__version__,
        csp=content_security_policy(),
        vis_css=vis_css(),
        vis_js=vis_js(),
        app_js=_app_js(),
        app_css=_app_css(),
        data_json=json_for_script(data, clean=False),
    )


@fill_doc(_DOC)
def write_html(graph: ig.Graph, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write a self-contained interactive HTML view of an organisation graph.

    The file works offline and contains no external reference: vis-network is
    inlined from the installed pyvis package, and a Content-Security-Policy
    allows only the page's own scripts. Every string from the data is escaped
    for its context; tooltips are plain text.

    Parameters
    ----------
    {graph}
    path : path
        The HTML file to write (atomically: a temporary file, then a rename).
    **options
        The keywords of :func:`view_data`, as follows.
    {view_options}

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    EmptyGraphError
        The graph (or its backbone) has no nodes.
    ParameterError
        An unknown colour attribute, size metric or backbone method.

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib
    >>> g = ig.Graph([(0, 1), (1, 2)])
    >>> g.vs["name"] = ["o:1", "o:2", "o:3"]
    >>> g.vs["label"] = ["Univ <A>", "Firm B", "Startup C"]
    >>> g.vs["sector"] = ["university", "firm", "startup"]
    >>> g.es["weight"] = [1.0, 2.0]
    >>> out = write_html(g, pathlib.Path(tempfile.mkdtemp()) / "net.html", size="degree")
    >>> text = out.read_text()
    >>> "Univ <A>" in text, "Univ \\\\u003cA\\\\u003e" in text, "Content-Security-Policy" in text
    (False, True, True)
    """
    path = Path(path)
    atomic_write_text(path, render_html(graph, **options))
    return path

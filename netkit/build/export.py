"""Write a collaboration graph for other tools: GraphML, GEXF, Pajek, VOSviewer, CSV.

Every writer is deterministic (same graph → same bytes), escapes text that
came from data (organisation names), and writes atomically: the file appears
under its name only when complete (a temporary file, then ``os.replace``), so a
failure never leaves a truncated file nor damages the previous one.

XML 1.0 forbids most control characters (``\x00``–``\x08``, ``\x0b``, ``\x0c``,
``\x0e``–``\x1f``), lone surrogates and U+FFFE/U+FFFF even as character
references; the GraphML and GEXF writers replace each of them in any string
(names, labels, attribute values and names) by U+FFFD (the replacement
character), so the files are always well-formed XML. The CSV writers go
through :func:`netkit.model.files.write_csv` (spreadsheet formulas neutralised).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

import igraph as ig
import numpy as np
import pandas as pd

from netkit.errors import ParameterError
from netkit.model.files import atomic_path, atomic_write_text, write_csv

__all__ = ["FORMATS", "export", "write_edgelist_csv", "write_gexf", "write_graphml", "write_pajek",
           "write_vosviewer", "write_vosviewer_txt", "xml_text"]

_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    r"""``value`` with every character XML 1.0 forbids replaced by U+FFFD.

    Examples
    --------
    >>> xml_text("A\x01B\x0bC\ufffe\ud800 ok\tend") == "A\ufffdB\ufffdC\ufffd\ufffd ok\tend"
    True
    """
    return _XML_FORBIDDEN.sub("\ufffd", value)


def _xml_clean_values(values: list) -> list:
    """Strings cleaned by :func:`xml_text`; other values (and a clean list) as they are."""
    strings = [v for v in values if isinstance(v, str)]
    if not strings or not _XML_FORBIDDEN.search("".join(strings)):
        return values
    return [xml_text(v) if isinstance(v, str) else v for v in values]


def _xml_safe_graph(graph: ig.Graph, *, fill_none: bool) -> ig.Graph:
    """A copy of ``graph`` whose string attributes (and attribute names) are valid XML text.

    ``fill_none`` replaces missing values by ``""`` (igraph's GraphML writer needs it).
    """
    clean = graph.copy()
    for seq in (clean.vs, clean.es):
        for attr in seq.attributes():
            values = seq[attr]
            if fill_none and any(v is None for v in values):
                values = ["" if v is None else v for v in values]
            values = _xml_clean_values(values)
            safe = xml_text(attr)
            if safe != attr:
                del seq[attr]
            seq[safe] = values
    for attr in clean.attributes():
        value = clean[attr]
        if isinstance(value, str):
            clean[attr] = xml_text(value)
    return clean

FORMATS = {"graphml": ".graphml", "gexf": ".gexf", "pajek": ".net", "vosviewer": ".json",
           "csv": ".csv"}
"""Format name → usual file suffix, for :func:`export`."""


def _names(graph: ig.Graph) -> list[str]:
    if "name" in graph.vs.attributes():
        return [str(x) for x in graph.vs["name"]]
    return [str(i) for i in range(graph.vcount())]


def _weights(graph: ig.Graph) -> list[float]:
    """The edge weights (1.0 each when the graph has no ``weight``)."""
    return graph.es["weight"] if "weight" in graph.es.attributes() else [1.0] * graph.ecount()


def _labels(graph: ig.Graph) -> list[str]:
    if "label" in graph.vs.attributes():
        return [str(x) if x not in (None, "") else n
                for x, n in zip(graph.vs["label"], _names(graph), strict=True)]
    return _names(graph)


def write_graphml(graph: ig.Graph, path: str | Path) -> Path:
    """Write GraphML (vertex ``name`` and every attribute kept; readable by Gephi, yEd, networkx).

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib, networkx as nx
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]; g.es["weight"] = [2.0]
    >>> p = write_graphml(g, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> nx.read_graphml(p).number_of_edges()
    1
    """
    path = Path(path)
    clean = _xml_safe_graph(graph, fill_none=True)
    with atomic_path(path) as tmp:
        clean.write_graphml(str(tmp))
    return path


def _gexf_type(values: list) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {bool, np.bool_}:
        return "boolean"
    if kinds and kinds <= {int, np.int64, np.int32, bool}:
        return "integer"
    if kinds and kinds <= {int, float, np.float64, np.int64}:
        return "double"
    return "string"


def _gexf_value(value, kind: str) -> str | None:
    if value is None:
        return None
    if kind == "double":
        value = float(value)
        return None if math.isnan(value) else repr(value)
    if kind == "boolean":
        return "true" if value else "false"
    return str(int(value)) if kind == "integer" else str(value)


def _gexf_attvalues(columns: dict[str, list], types: dict[str, str], index: int) -> list[str]:
    """The ``<attvalues>`` lines of one node or edge (missing values left out)."""
    out = ["        <attvalues>"]
    for attr, values in columns.items():
        value = _gexf_value(values[index], types[attr])
        if value is not None:
            out.append(f"          <attvalue for={quoteattr(attr)} value={quoteattr(value)}/>")
    out.append("        </attvalues>")
    return out


def write_gexf(graph: ig.Graph, path: str | Path) -> Path:
    """Write GEXF 1.2 with time intervals so that Gephi's timeline works.

    Each edge gets ``start = first_year`` and ``end = last_year`` (when known)
    and each vertex starts at the first year of any of its ties; the graph is
    written in ``mode="dynamic"`` with ``timeformat="integer"``. Every other
    vertex and edge attribute becomes a GEXF attribute.

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]
    >>> g.es["weight"] = [2.0]; g.es["first_year"] = [2015]; g.es["last_year"] = [2019]
    >>> p = write_gexf(g, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    >>> 'start="2015" end="2019"' in p.read_text()
    True
    """
    path = Path(path)
    graph = _xml_safe_graph(graph, fill_none=False)
    names = _names(graph)
    labels = _labels(graph)
    directed = graph.is_directed()
    edges = graph.get_edgelist()
    first = graph.es["first_year"] if "first_year" in graph.es.attributes() else [-1] * len(edges)
    last = graph.es["last_year"] if "last_year" in graph.es.attributes() else [-1] * len(edges)
    node_start = np.full(graph.vcount(), np.iinfo(np.int64).max)
    if edges:
        arr = np.asarray(edges, dtype=np.int64)
        fy = np.asarray([f if f is not None and f >= 0 else np.iinfo(np.int64).max for f in first])
        np.minimum.at(node_start, arr[:, 0], fy)
        np.minimum.at(node_start, arr[:, 1], fy)
    vattrs = [a for a in graph.vs.attributes() if a not in ("name", "label")]
    eattrs = [a for a in graph.es.attributes() if a not in ("weight",)]
    vtypes = {a: _gexf_type(graph.vs[a]) for a in vattrs}
    etypes = {a: _gexf_type(graph.es[a]) for a in eattrs}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
           "  <meta><creator>netkit</creator></meta>",
           f'  <graph mode="dynamic" timeformat="integer" defaultedgetype='
           f'"{"directed" if directed else "undirected"}">']
    for cls, attrs, types in (("node", vattrs, vtypes), ("edge", eattrs, etypes)):
        out.append(f'    <attributes class="{cls}" mode="static">')
        out.extend(f"      <attribute id={quoteattr(a)} title={quoteattr(a)} type=\"{types[a]}\"/>"
                   for a in attrs)
        out.append("    </attributes>")
    out.append("    <nodes>")
    vcols = {a: graph.vs[a] for a in vattrs}
    for i, name in enumerate(names):
        start = f' start="{int(node_start[i])}"' if node_start[i] != np.iinfo(np.int64).max else ""
        out.append(f"      <node id={quoteattr(name)} label={quoteattr(labels[i])}{start}>")
        out.extend(_gexf_attvalues(vcols, vtypes, i))
        out.append("      </node>")
    out.append("    </nodes>")
    out.append("    <edges>")
    weights = _weights(graph)
    ecols = {a: graph.es[a] for a in eattrs}
    for k, (u, v) in enumerate(edges):
        span = ""
        if first[k] is not None and first[k] >= 0:
            span = f' start="{int(first[k])}" end="{int(last[k])}"'
        out.append(f"      <edge id=\"{k}\" source={quoteattr(names[u])} target={quoteattr(names[v])}"
                   f" weight=\"{float(weights[k])!r}\"{span}>")
        out.extend(_gexf_attvalues(ecols, etypes, k))
        out.append("      </edge>")
    out.extend(["    </edges>", "  </graph>", "</gexf>", ""])
    atomic_write_text(path, "\n".join(out))
    return path


def _pajek_quote(text: str) -> str:
    return '"' + text.replace("\\", "/").replace('"', "'").replace("\n", " ") + '"'


def write_pajek(graph: ig.Graph, path: str | Path) -> Path:
    """Write a Pajek ``.net`` file: vertices numbered from 1 and labelled by ``name``; weighted edges.

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", 'b "x"']; g.es["weight"] = [2.0]
    >>> print(write_pajek(g, pathlib.Path(tempfile.mkdtemp()) / "g.net").read_text().strip())
    *Vertices 2
    1 "a"
    2 "b 'x'"
    *Edges
    1 2 2.0
    """
    path = Path(path)
    lines = [f"*Vertices {graph.vcount()}"]
    lines.extend(f"{i + 1} {_pajek_quote(n)}" for i, n in enumerate(_names(graph)))
    lines.append("*Arcs" if graph.is_directed() else "*Edges")
    weights = _weights(graph)
    lines.extend(f"{u + 1} {v + 1} {float(w)!r}"
                 for (u, v), w in zip(graph.get_edgelist(), weights, strict=True))
    atomic_write_text(path, "\n".join(lines) + "\n")
    return path


def _vos_clusters(graph: ig.Graph, cluster: str | None) -> list[int]:
    if cluster is None or cluster not in graph.vs.attributes():
        return [1] * graph.vcount()
    values = [str(v) for v in graph.vs[cluster]]
    codes = {v: i + 1 for i, v in enumerate(sorted(set(values)))}
    return [codes[v] for v in values]


def _vos_weights(graph: ig.Graph) -> tuple[np.ndarray, np.ndarray]:
    links = np.asarray(graph.degree(), dtype=np.int64)
    weights = graph.es["weight"] if "weight" in graph.es.attributes() else None
    strength = np.asarray(graph.strength(weights=weights), dtype=np.float64)
    return links, strength


def write_vosviewer(graph: ig.Graph, path: str | Path, cluster: str | None = "sector") -> Path:
    """Write a VOSviewer JSON map + network file (``{"network": {"items", "links"}}``).

    Items have integer ``id`` (1-based), ``label``, ``description`` (the node
    id), ``cluster`` (1-based code of the ``cluster`` vertex attribute, sorted),
    ``weights`` (``Links``, ``Total link strength``) and, if the vertex has
    ``lat``/``lon``, no coordinates (VOSviewer lays out itself). Links have
    ``source_id``, ``target_id`` and ``strength`` (the edge weight).

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib, json
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]; g.es["weight"] = [2.0]
    >>> p = write_vosviewer(g, pathlib.Path(tempfile.mkdtemp()) / "g.json")
    >>> json.loads(p.read_text())["network"]["links"]
    [{'source_id': 1, 'target_id': 2, 'strength': 2.0}]
    """
    path = Path(path)
    names, labels = _names(graph), _labels(graph)
    clusters = _vos_clusters(graph, cluster)
    links, strength = _vos_weights(graph)
    items = [{"id": i + 1, "label": labels[i], "description": names[i], "cluster": clusters[i],
              "weights": {"Links": int(links[i]), "Total link strength": float(strength[i])}}
             for i in range(graph.vcount())]
    weights = _weights(graph)
    link_list = [{"source_id": u + 1, "target_id": v + 1, "strength": float(w)}
                 for (u, v), w in zip(graph.get_edgelist(), weights, strict=True)]
    doc = {"network": {"items": items, "links": link_list}}
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return path


def write_vosviewer_txt(graph: ig.Graph, map_path: str | Path, network_path: str | Path,
                        cluster: str | None = "sector") -> tuple[Path, Path]:
    """Write VOSviewer's tab-separated map file and network file.

    The map file has the header ``id, label, cluster, weight<Links>,
    weight<Total link strength>``; the network file has one ``id1 id2
    strength`` line per edge, no header.

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]; g.es["weight"] = [2.0]
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> m, n = write_vosviewer_txt(g, d / "map.txt", d / "network.txt")
    >>> n.read_text()
    '1\\t2\\t2.0\\n'
    """
    map_path, network_path = Path(map_path), Path(network_path)
    links, strength = _vos_weights(graph)
    frame = pd.DataFrame({"id": np.arange(1, graph.vcount() + 1), "label": _labels(graph),
                          "cluster": _vos_clusters(graph, cluster),
                          "weight<Links>": links, "weight<Total link strength>": strength})
    frame["label"] = frame["label"].str.replace("\t", " ").str.replace("\n", " ")
    write_csv(frame, map_path, sep="\t", index=False)
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2) + 1
    weights = _weights(graph)
    net = pd.DataFrame({"a": edges[:, 0], "b": edges[:, 1], "w": weights})
    write_csv(net, network_path, sep="\t", index=False, header=False)
    return map_path, network_path


def write_edgelist_csv(graph: ig.Graph, path: str | Path) -> Path:
    """Write one row per edge: ``source``, ``target`` (node ids) and every edge attribute.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netkit.build import org_graph
    >>> from netkit.datasets import toy_corpus
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ties.csv"
    >>> header, first = write_edgelist_csv(org_graph(toy_corpus()), path).read_text().splitlines()[:2]
    >>> header.split(",")[:5], first
    (['source', 'target', 'weight', 'count', 'first_year'], 'a,b,2.0,2,2015,2019,1,1,0')
    """
    path = Path(path)
    names = np.asarray(_names(graph), dtype=object)
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    frame = pd.DataFrame({"source": pd.Series(names[edges[:, 0]], dtype=object),
                          "target": pd.Series(names[edges[:, 1]], dtype=object)})
    for attr in graph.es.attributes():
        frame[attr] = graph.es[attr]
    write_csv(frame, path, index=False)
    return path


def export(graph: ig.Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``graph`` in format ``fmt`` (default: guessed from the suffix of ``path``).

    Parameters
    ----------
    graph : igraph.Graph
    path : str or Path
    fmt : {"graphml", "gexf", "pajek", "vosviewer", "csv"}, optional

    Raises
    ------
    ParameterError
        Unknown format, or a suffix that names none.

    Examples
    --------
    >>> import igraph as ig, tempfile, pathlib
    >>> g = ig.Graph([(0, 1)]); g.vs["name"] = ["a", "b"]; g.es["weight"] = [1.0]
    >>> export(g, pathlib.Path(tempfile.mkdtemp()) / "g.net").read_text().splitlines()[0]
    '*Vertices 2'
    """
    path = Path(path)
    if fmt is None:
        by_suffix = {s: f for f, s in FORMATS.items()}
        fmt = by_suffix.get(path.suffix.lower())
        if fmt is None:
            raise ParameterError(f"cannot tell the graph format from {path.name!r}: use a suffix "
                                 f"{', '.join(FORMATS.values())} or give the format")
    writers = {"graphml": write_graphml, "gexf": write_gexf, "pajek": write_pajek,
               "vosviewer": write_vosviewer, "csv": write_edgelist_csv}
    if fmt not in writers:
        raise ParameterError(f"unknown graph format {fmt!r}; choose from {', '.join(writers)}")
    return writers[fmt](graph, path)

"""The view step: what the interactive network view shows and sizes its nodes by."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from netkit.build.backbone import BACKBONE_METHODS
from netkit.errors import InputError, ParameterError
from netkit.pipeline.params import Params, Range, option

__all__ = ["AUTO_BETWEENNESS_LIMIT", "GRAPH_SUFFIXES", "ViewParams", "read_view_input",
           "view_sizes"]

if TYPE_CHECKING:
    import igraph as ig

    from netkit.pipeline.graph import GraphParams


AUTO_BETWEENNESS_LIMIT = 5_000
GRAPH_SUFFIXES = {".graphml": "graphml", ".gml": "gml", ".net": "pajek", ".pajek": "pajek"}
CENTRALITIES = ("degree", "strength", "betweenness", "pagerank")


@dataclass(frozen=True)
class ViewParams(Params):
    """The interactive network.html."""

    SECTION = "view"
    TITLE = "the interactive network.html"

    color: str = option("sector", "vertex attribute that colours the nodes", types=str,
                        metavar="ATTR")
    size: str = option("auto", "vertex attribute or degree|strength|betweenness|pagerank that "
                       f"sizes the nodes (auto: betweenness up to {AUTO_BETWEENNESS_LIMIT:,} "
                       "nodes, strength beyond)", types=str, report="betweenness",
                       metavar="METRIC")
    max_nodes: int = option(5_000, "show a backbone above this many organisations (0: no "
                            "limit)", types=int, check=Range(0), metavar="N")
    max_edges: int = option(100_000, "… or above this many ties (0: no limit)", types=int,
                            check=Range(0), metavar="M")
    backbone: str = option("disparity", "backbone method for big graphs", types=str,
                           choices=BACKBONE_METHODS)
    alpha: float = option(0.05, "significance level of the disparity filter",
                          types=(int, float), check=Range(0, 1, low_open=True))
    title: str | None = option(None, "page title (default: from the input)", key=None)
    format: str = option("auto", "format of source files (auto: detect)", key=None,
                         short="-f", metavar="F")


def read_view_input(inputs: list[str | os.PathLike[str]], *, fmt: str = "auto",
                    graph: GraphParams | None = None):
    """(graph, corpus or None, default title) from a corpus folder, a graph file or source files.

    ``graph`` (GraphParams) filters the corpus: its years and kinds.
    """
    import igraph as ig

    from netkit.build import org_graph
    from netkit.pipeline.load import is_corpus_folder, load_corpus

    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists():
            raise InputError("no such file or folder", file=str(p))
    filters = graph.filters if graph is not None else {}
    if len(paths) == 1 and paths[0].suffix.lower() in GRAPH_SUFFIXES:
        if filters:
            raise ParameterError("--years and --kinds need a corpus, not a graph file")
        try:
            g = ig.Graph.Read(str(paths[0]), format=GRAPH_SUFFIXES[paths[0].suffix.lower()])
        except Exception as exc:  # igraph raises plain exceptions on malformed files
            raise InputError(f"cannot read graph: {exc}", file=str(paths[0])) from exc
        if "name" not in g.vs.attributes() and "id" in g.vs.attributes():
            g.vs["name"] = g.vs["id"]
        if g.is_directed():
            g.to_undirected(combine_edges="sum")
        return g, None, paths[0].stem
    if len(paths) == 1 and is_corpus_folder(paths[0]):
        corpus = load_corpus(paths[0])
    else:
        from netkit.ingest import read

        corpus = read(paths, format=fmt)
    if filters:
        corpus = corpus.filter(**filters)
    title = paths[0].name if len(paths) == 1 else f"{len(paths)} inputs"
    return org_graph(corpus), corpus, title


def view_sizes(graph: ig.Graph, size: str, *, seed: int = 0, centrality: pd.DataFrame | None = None
               ) -> tuple[Any, pd.DataFrame | None]:
    """(the ``size`` to give the view, the node metrics table) for a size name.

    A centrality name is taken from the one bundle
    (:func:`netkit.pipeline.structure.node_centrality`, or ``centrality`` when
    already computed) — never recomputed another way; a vertex attribute is
    passed through.
    """
    from netkit.pipeline.structure import node_centrality

    if size == "auto":
        size = "betweenness" if graph.vcount() <= AUTO_BETWEENNESS_LIMIT else "strength"
    if size in graph.vs.attributes() or size not in CENTRALITIES:
        return size, centrality
    if centrality is None:
        centrality = node_centrality(graph, seed=seed)
    return centrality[size].rename(size), centrality

"""``netkit view INPUT… --out FILE.html``: a self-contained interactive network view.

INPUT is a corpus folder (written by ``netkit ingest``), a graph file (GraphML,
GML, Pajek) or source files/folders that are read as ``netkit ingest`` would.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from netkit.errors import InputError, ParameterError

__all__ = ["HELP", "NAME", "configure", "load_graph_input", "run"]

NAME = "view"
HELP = "write a self-contained interactive HTML view of the collaboration network"
GRAPH_SUFFIXES = {".graphml": "graphml", ".gml": "gml", ".net": "pajek", ".pajek": "pajek"}
AUTO_BETWEENNESS_LIMIT = 5_000

log = logging.getLogger(__name__)


def _years(text: str) -> tuple[int, int]:
    try:
        lo, _, hi = text.partition("-")
        return int(lo), int(hi or lo)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YEAR or FROM-TO, got {text!r}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit view``."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a corpus folder, a graph file (.graphml/.gml/.net) or source files")
    parser.add_argument("--out", "-o", required=True, type=Path, metavar="FILE.html",
                        help="the HTML file to write")
    parser.add_argument("--title", default=None, help="page title (default: from the input)")
    parser.add_argument("--color", default="sector", metavar="ATTR",
                        help="vertex attribute that colours the nodes (default: sector)")
    parser.add_argument("--size", default="auto", metavar="METRIC",
                        help="vertex attribute or degree|strength|betweenness|pagerank that sizes "
                             f"the nodes (default: betweenness up to {AUTO_BETWEENNESS_LIMIT:,} "
                             "nodes, strength beyond)")
    parser.add_argument("--years", type=_years, default=None, metavar="FROM-TO",
                        help="keep only events of these years (corpus inputs)")
    parser.add_argument("--kinds", default=None, metavar="K[,K]",
                        help="keep only these event kinds: publication, patent, contract")
    parser.add_argument("--seed", type=int, default=0, help="layout seed (default 0)")
    parser.add_argument("--max-nodes", type=int, default=5_000, metavar="N",
                        help="show a backbone above N nodes (default 5000; 0: never)")
    parser.add_argument("--max-edges", type=int, default=100_000, metavar="M",
                        help="show a backbone above M ties (default 100000; 0: never)")
    parser.add_argument("--backbone", choices=("disparity", "top"), default="disparity",
                        help="backbone method for big graphs (default: disparity)")
    parser.add_argument("--alpha", type=float, default=0.05,
                        help="significance level of the disparity filter (default 0.05)")
    parser.add_argument("--format", "-f", default="auto", metavar="F",
                        help="format of source files (default: auto-detect)")


def load_graph_input(inputs: list[str | Path], *, fmt: str = "auto", years=None, kinds=None):
    """(graph, corpus or None, default title) from the inputs of ``netkit view``."""
    import igraph as ig

    from netkit.build import org_graph

    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists():
            raise InputError("no such file or folder", file=str(p))
    if len(paths) == 1 and paths[0].suffix.lower() in GRAPH_SUFFIXES:
        if years or kinds:
            raise ParameterError("--years and --kinds need a corpus, not a graph file")
        try:
            graph = ig.Graph.Read(str(paths[0]), format=GRAPH_SUFFIXES[paths[0].suffix.lower()])
        except Exception as exc:  # igraph raises plain exceptions on malformed files
            raise InputError(f"cannot read graph: {exc}", file=str(paths[0])) from exc
        if "name" not in graph.vs.attributes() and "id" in graph.vs.attributes():
            graph.vs["name"] = graph.vs["id"]
        if graph.is_directed():
            graph.to_undirected(combine_edges="sum")
        return graph, None, paths[0].stem
    if len(paths) == 1 and (paths[0] / "manifest.json").is_file():
        from netkit.cli._common import load_corpus

        corpus = load_corpus(paths[0])
    else:
        from netkit.ingest import read

        corpus = read(paths, format=fmt)
    if years or kinds:
        corpus = corpus.filter(years=years, kinds=kinds)
    title = paths[0].name if len(paths) == 1 else f"{len(paths)} inputs"
    return org_graph(corpus), corpus, title


def run(args: argparse.Namespace) -> int:
    """Read, build, write the view; print where it is."""
    from netkit.cli._common import check_output
    from netkit.viz import write_html

    check_output(args.out, args.inputs)
    kinds = args.kinds.split(",") if args.kinds else None
    graph, corpus, title = load_graph_input(args.inputs, fmt=args.format, years=args.years,
                                            kinds=kinds)
    size = args.size
    if size == "auto":
        size = "betweenness" if graph.vcount() <= AUTO_BETWEENNESS_LIMIT else "strength"
    color = args.color
    if color not in graph.vs.attributes():
        if color == "sector":
            graph.vs["sector"] = ["unknown"] * graph.vcount()
        else:
            raise ParameterError(f"--color {color!r} is not a vertex attribute; have: "
                                 + ", ".join(graph.vs.attributes()))
    path = write_html(graph, args.out, color=color, size=size, title=args.title or title,
                      events=corpus, seed=args.seed, max_nodes=args.max_nodes or None,
                      max_edges=args.max_edges or None,
                      backbone=args.backbone, alpha=args.alpha)
    print(f"view written to {path}: {graph.vcount():,} organisations, {graph.ecount():,} ties")
    return 0

"""``netkit view INPUT… --out FILE.html``: a self-contained interactive network view.

INPUT is a corpus folder (written by ``netkit ingest``), a graph file (GraphML,
GML, Pajek) or source files/folders that are read as ``netkit ingest`` would.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from netkit.errors import ParameterError

__all__ = ["HELP", "NAME", "configure", "load_graph_input", "run"]

NAME = "view"
HELP = "write a self-contained interactive HTML view of the collaboration network"

log = logging.getLogger(__name__)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit view``."""
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.graph import GraphParams
    from netkit.pipeline.schema import TopParams
    from netkit.pipeline.view import ViewParams

    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a corpus folder, a graph file (.graphml/.gml/.net) or source files")
    parser.add_argument("--out", "-o", required=True, type=Path, metavar="FILE.html",
                        help="the HTML file to write")
    add_options(parser, ViewParams, only=("title", "color", "size"))
    add_options(parser, GraphParams, only=("years", "kinds"))
    add_options(parser, TopParams, only=("seed",))
    add_options(parser, ViewParams, only=("max_nodes", "max_edges", "backbone", "alpha",
                                          "format"))


def load_graph_input(inputs: list[str | Path], *, fmt: str = "auto", years=None, kinds=None):
    """(graph, corpus or None, default title) from the inputs of ``netkit view``."""
    from netkit.pipeline.graph import GraphParams
    from netkit.pipeline.view import read_view_input

    return read_view_input(inputs, fmt=fmt, graph=GraphParams(years=years, kinds=kinds))


def run(args: argparse.Namespace) -> int:
    """Read, build, write the view; print where it is."""
    from netkit.cli._common import check_output
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.graph import GraphParams
    from netkit.pipeline.view import ViewParams, read_view_input, view_sizes
    from netkit.viz import write_html

    check_output(args.out, args.inputs)
    params = params_from_args(ViewParams, args)
    graph_params = params_from_args(GraphParams, args)
    graph, corpus, title = read_view_input(args.inputs, fmt=params.format, graph=graph_params)
    color = params.color
    if color not in graph.vs.attributes():
        if color == "sector":
            graph.vs["sector"] = ["unknown"] * graph.vcount()
        else:
            raise ParameterError(f"--color {color!r} is not a vertex attribute; have: "
                                 + ", ".join(graph.vs.attributes()))
    size, metrics = view_sizes(graph, params.size, seed=args.seed)
    path = write_html(graph, args.out, color=color, size=size, title=params.title or title,
                      events=corpus, metrics=metrics, seed=args.seed,
                      max_nodes=params.max_nodes or None, max_edges=params.max_edges or None,
                      backbone=params.backbone, alpha=params.alpha)
    print(f"view written to {path}: {graph.vcount():,} organisations, {graph.ecount():,} ties")
    return 0

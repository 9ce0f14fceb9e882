"""``netkit graph CORPUS_DIR --out FILE``: build a collaboration graph and write it.

Formats: GraphML, GEXF (with years for Gephi's timeline), Pajek, VOSviewer
JSON and an edge-list CSV; the format follows ``--format`` or the suffix of
``--out``.
"""

from __future__ import annotations

import argparse

from netkit.pipeline.cli_options import add_options, params_from_args
from netkit.pipeline.graph import GraphParams, parse_years

__all__ = ["HELP", "NAME", "add_graph_options", "add_projection_options", "configure", "graph_from_args", "parse_years",
           "run"]

NAME = "graph"
HELP = "build the organisation or person collaboration graph and export it (GraphML, GEXF …)"


PROJECTION_OPTIONS = ("level", "weighting", "years", "kinds", "max_event_size")
"""The graph options shared by ``netkit graph``, ``metrics``, ``diffusion`` and ``project``."""


def add_projection_options(parser: argparse.ArgumentParser) -> None:
    """The projection options (level, weighting, years, kinds, largest event kept),
    generated from :class:`netkit.pipeline.GraphParams`."""
    add_options(parser, GraphParams, only=PROJECTION_OPTIONS)


def add_graph_options(parser: argparse.ArgumentParser) -> None:
    """The corpus and every graph option, shared by ``netkit graph``, ``metrics``, ``diffusion``."""
    parser.add_argument("corpus", metavar="CORPUS_DIR", help="a corpus folder (netkit ingest/resolve --out)")
    add_projection_options(parser)
    add_options(parser, GraphParams, only=("sectors", "countries", "min_weight"))


def graph_from_args(args: argparse.Namespace):
    """Load the corpus named in ``args`` and build its graph: (filtered corpus, graph)."""
    from netkit.cli._common import load_corpus
    from netkit.errors import EmptyGraphError
    from netkit.pipeline.graph import build_graph

    try:
        result = build_graph(load_corpus(args.corpus), params_from_args(GraphParams, args))
    except EmptyGraphError as exc:  # say which options to check
        raise EmptyGraphError(f"{exc}; check --years, --kinds, --sectors, --countries") from None
    return result.corpus, result.graph


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit graph``."""
    from netkit.build import FORMATS

    add_graph_options(parser)
    parser.add_argument("--out", "-o", required=True, metavar="FILE", help="the graph file to write")
    parser.add_argument("--format", choices=tuple(FORMATS), default=None,
                        help="file format (default: from the suffix of --out: "
                             + ", ".join(f"{s}={f}" for f, s in FORMATS.items()) + ")")


def run(args: argparse.Namespace) -> int:
    """Build the graph, write it, print its size."""
    from netkit.build import export
    from netkit.cli._common import check_output

    out = check_output(args.out, [args.corpus])
    _, graph = graph_from_args(args)
    out.parent.mkdir(parents=True, exist_ok=True)
    path = export(graph, out, args.format)
    print(f"{graph.vcount()} nodes, {graph.ecount()} ties ({args.level}, {args.weighting}) "
          f"-> {path}")
    return 0

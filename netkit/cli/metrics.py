"""``netkit metrics CORPUS_DIR --out DIR``: the structural metrics, one CSV per family.

Writes ``centrality.csv``, ``bridging.csv``, ``brokerage.csv``,
``communities.csv``, ``mixing.csv`` and ``triple_helix.csv`` (and
``significance.csv`` with ``--null N``) to ``DIR``.
"""

from __future__ import annotations

import argparse

from netkit.cli.graph import add_graph_options, graph_from_args

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "metrics"
HELP = "compute centrality, Burt's measures, brokerage, communities and sector mixing as CSV"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit metrics``."""
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.schema import TopParams
    from netkit.pipeline.structure import StructureParams

    add_graph_options(parser)
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the CSV files")
    add_options(parser, StructureParams, only=("groups", "betweenness", "null_samples"))
    add_options(parser, TopParams, only=("seed",))


def run(args: argparse.Namespace) -> int:
    """Build the graph, compute the structural set, write the CSV files."""
    from netkit.cli._common import check_output
    from netkit.model.files import write_csv
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.structure import StructureParams, run_structure

    params = params_from_args(StructureParams, args)
    out = check_output(args.out, [args.corpus])
    corpus, graph = graph_from_args(args)
    out.mkdir(parents=True, exist_ok=True)
    tables = run_structure(graph, corpus, params, seed=args.seed).tables
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        write_csv(frame, path)
        print(f"{name:<13} {len(frame):>8} rows -> {path}")
    note = tables["centrality"].attrs
    if note.get("betweenness_method") == "kadabra":
        print(f"betweenness: KADABRA sampling, additive error ≤ {note['betweenness_epsilon']} "
              "with probability ≥ 0.9")
    if note.get("betweenness_method") == "sources":
        print(f"betweenness: estimated from {note['betweenness_sources']} sampled source nodes")
    return 0

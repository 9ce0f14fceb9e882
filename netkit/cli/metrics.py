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
    add_graph_options(parser)
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the CSV files")
    parser.add_argument("--groups", default="sector", metavar="ATTR",
                        help="vertex attribute of the groups for brokerage and mixing "
                             "(default sector; also region, country)")
    parser.add_argument("--betweenness", choices=("auto", "exact", "kadabra", "sources"),
                        default="auto",
                        help="exact, KADABRA adaptive sampling, or sampled sources (auto: exact up "
                             "to 5000 nodes, KADABRA up to 200000, then 16 sources)")
    parser.add_argument("--null", type=int, default=0, metavar="N",
                        help="also test the mixing matrix, E-I index and assortativity "
                             "against N degree-preserving rewirings")
    parser.add_argument("--seed", type=int, default=0, help="seed of sampling, Leiden and nulls")


def run(args: argparse.Namespace) -> int:
    """Build the graph, compute the structural set, write the CSV files."""
    import pandas as pd

    from netkit.cli._common import check_output
    from netkit.metrics.mixing import triple_helix
    from netkit.metrics.significance import (
        assortativity_significance,
        ei_significance,
        mixing_significance,
    )
    from netkit.metrics.structure import structural_set
    from netkit.model.files import write_csv

    out = check_output(args.out, [args.corpus])
    corpus, graph = graph_from_args(args)
    out.mkdir(parents=True, exist_ok=True)
    tables = structural_set(graph, args.groups, "weight", betweenness_method=args.betweenness,
                            seed=args.seed)
    tables["triple_helix"] = triple_helix(corpus).to_frame()
    if args.null > 0:
        mix = mixing_significance(graph, args.groups, args.null, seed=args.seed)
        mix.index = [f"mixing[{s}|{t}]" for s, t in mix.index]
        extra = pd.DataFrame([ei_significance(graph, args.groups, args.null, seed=args.seed),
                              assortativity_significance(graph, args.groups, args.null,
                                                         seed=args.seed)])
        tables["significance"] = pd.concat([mix, extra])
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

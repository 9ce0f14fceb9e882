"""``netkit diffusion CORPUS_DIR --seeds university --runs 1000 --out DIR``: how fast knowledge spreads.

Simulates weighted independent-cascade (or SI) diffusion from the seed
organisations on the collaboration graph, and follows the same seeds along
time-respecting paths of the temporal edge list. Writes to ``DIR``:

* ``adoption_curve.csv`` — share of the reachable network adopted per step (mean, percentile bands);
* ``time_to.csv`` — steps to reach 50 % and 90 % of the reachable network;
* ``first_arrival.csv`` — per target sector, the distribution of the first-arrival step;
* ``nodes.csv`` — per organisation: adoption probability and mean adoption step;
* ``temporal_latency.csv`` — years from the seeds to each sector along time-respecting paths;
* ``summary.json`` — parameters, sizes and (with ``--efficiency``) global and temporal efficiency.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from netkit.errors import ParameterError

__all__ = ["HELP", "NAME", "configure", "parse_seeds", "run"]

NAME = "diffusion"
HELP = "simulate knowledge diffusion (weighted IC/SI Monte-Carlo) and time-respecting reach"


def parse_seeds(text: str) -> str | list[str]:
    """A sector name, ``@FILE`` (one org id per line) or comma-separated org ids.

    Examples
    --------
    >>> parse_seeds("university"), parse_seeds("org:a, org:b")
    ('university', ['org:a', 'org:b'])
    """
    from netkit.model import SECTORS

    text = text.strip()
    if text in SECTORS:
        return text
    if text.startswith("@"):
        path = Path(text[1:])
        if not path.is_file():
            raise ParameterError(f"--seeds {text}: no such file")
        ids = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        ids = [i for i in ids if i and not i.startswith("#")]
    else:
        ids = [i.strip() for i in text.split(",") if i.strip()]
    if not ids:
        raise ParameterError("--seeds is empty")
    return ids


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit diffusion``."""
    from netkit.cli.graph import add_graph_options

    add_graph_options(parser)
    parser.add_argument("--seeds", default="university", metavar="SEEDS",
                        help="a sector (default university), comma-separated org ids, or @FILE")
    parser.add_argument("--model", choices=("ic", "si"), default="ic",
                        help="independent cascade (default) or susceptible-infected")
    parser.add_argument("--beta", type=float, default=0.1,
                        help="per-event transmission probability; a tie of weight w transmits "
                             "with 1-(1-beta)^w (default 0.1)")
    parser.add_argument("--runs", type=int, default=1000, help="Monte-Carlo runs (default 1000)")
    parser.add_argument("--max-steps", type=int, default=None, metavar="N",
                        help="stop every run after N steps")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--efficiency", action="store_true",
                        help="also compute global efficiency and temporal efficiency "
                             "(all pairs: slow on large graphs)")
    parser.add_argument("--strict", action="store_true",
                        help="time-respecting paths take one hop per year (default: ties of "
                             "the same year can be chained)")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the results")


def run(args: argparse.Namespace) -> int:
    """Simulate, follow time-respecting paths, write the tables."""
    import numpy as np
    import pandas as pd
    from tqdm import tqdm

    from netkit.build import temporal_edges
    from netkit.cli.graph import graph_from_args, parse_years
    from netkit.metrics.diffusion import global_efficiency, simulate_diffusion
    from netkit.metrics.temporal import earliest_arrival, sector_latency, temporal_efficiency

    if args.runs < 1:
        raise ParameterError("--runs must be at least 1")
    from netkit.cli._common import check_output
    from netkit.model.files import atomic_write_text, write_csv

    seeds = parse_seeds(args.seeds)
    out = check_output(args.out, [args.corpus])
    corpus, graph = graph_from_args(args)
    out.mkdir(parents=True, exist_ok=True)
    with tqdm(total=args.runs, desc=f"{args.model.upper()} runs", unit="run") as bar:
        result = simulate_diffusion(graph, seeds, model=args.model, beta=args.beta,
                                    runs=args.runs, max_steps=args.max_steps, seed=args.seed,
                                    n_jobs=args.jobs, progress=bar.update)
    tables = {
        "adoption_curve": result.adoption_curve(),
        "time_to": result.time_to((0.5, 0.9)),
        "first_arrival": result.first_arrival_summary(),
        "nodes": result.nodes,
    }
    summary: dict[str, object] = {
        "model": args.model, "beta": args.beta, "runs": args.runs, "seed": args.seed,
        "seeds": result.seeds if len(result.seeds) <= 50 else f"{len(result.seeds)} organisations",
        "n_seeds": len(result.seeds), "nodes": graph.vcount(), "ties": graph.ecount(),
        "n_reachable": result.n_reachable,
        "mean_final_share": float(result.final_size.mean() / max(result.n_reachable, 1)),
    }
    if args.level == "org":
        filt = corpus.filter(years=parse_years(args.years), kinds=args.kinds,
                             sectors=args.sectors, countries=args.countries)
        te = temporal_edges(filt)
        names = set(graph.vs["name"])
        te = te[te["u"].isin(names) & te["v"].isin(names)]
        # the seeds with a contact, from one set of endpoints (as the report does); a set
        # rebuilt per seed cost 227 s instead of 2.5 s on the CORDIS 2019 cohort
        contacts = set(te["u"]).union(te["v"])
        sources = [s for s in result.seeds if s in contacts]
        if sources and len(te):
            reach = earliest_arrival(te, sources, strict=args.strict)
            sectors = pd.Series(graph.vs["sector"], index=graph.vs["name"])
            tables["temporal_latency"] = sector_latency(reach, sectors)
            finite = np.isfinite(reach.arrival)
            summary["temporal_reached_share"] = float(finite.any(axis=0).mean())
        if args.efficiency and len(te):
            summary["temporal_efficiency"] = temporal_efficiency(
                earliest_arrival(te, strict=args.strict))
    if args.efficiency:
        summary["global_efficiency"] = global_efficiency(graph)
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        write_csv(frame, path)
        print(f"{name:<17} {len(frame):>8} rows -> {path}")
    atomic_write_text(out / "summary.json", json.dumps(summary, indent=2, default=float) + "\n")
    t = tables["time_to"]
    print(f"{len(result.seeds)} seeds reach {result.n_reachable} organisations; median steps to "
          f"50 %: {t.loc[0.5, 'median']:g}, to 90 %: {t.loc[0.9, 'median']:g} "
          f"(over the runs that get there) -> {out / 'summary.json'}")
    return 0

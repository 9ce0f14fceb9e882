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
    from netkit.pipeline.diffusion import parse_seeds as parse

    (spec,) = parse(text)
    return spec if isinstance(spec, str) else list(spec)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit diffusion``."""
    from netkit.cli.graph import add_graph_options
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.diffusion import DiffusionParams
    from netkit.pipeline.schema import TopParams

    add_graph_options(parser)
    add_options(parser, DiffusionParams, only=("seeds", "model", "beta", "runs", "max_steps"))
    add_options(parser, TopParams, only=("seed",))
    add_options(parser, DiffusionParams, only=("jobs", "efficiency", "strict"))
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the results")


def run(args: argparse.Namespace) -> int:
    """Simulate, follow time-respecting paths, write the tables."""
    from tqdm import tqdm

    from netkit.cli._common import check_output
    from netkit.cli.graph import graph_from_args
    from netkit.model.files import atomic_write_text, write_csv
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.diffusion import DiffusionParams, run_diffusion

    params = params_from_args(DiffusionParams, args)
    out = check_output(args.out, [args.corpus])
    corpus, graph = graph_from_args(args)
    out.mkdir(parents=True, exist_ok=True)
    with tqdm(total=params.runs, desc=f"{params.model.upper()} runs", unit="run") as bar:
        outcome = run_diffusion(graph, corpus, params, seed=args.seed, progress=bar.update)
    (only,) = outcome.runs
    if only.result is None:
        raise only.error if only.error is not None else ParameterError(only.problem or "")
    result = only.result
    tables = {
        "adoption_curve": result.adoption_curve(),
        "time_to": result.time_to((0.5, 0.9)),
        "first_arrival": result.first_arrival_summary(),
        "nodes": result.nodes,
    }
    summary: dict[str, object] = {
        "model": params.model, "beta": params.beta, "runs": params.runs, "seed": args.seed,
        "seeds": result.seeds if len(result.seeds) <= 50 else f"{len(result.seeds)} organisations",
        "n_seeds": len(result.seeds), "nodes": graph.vcount(), "ties": graph.ecount(),
        "n_reachable": result.n_reachable,
        "mean_final_share": float(result.final_size.mean() / max(result.n_reachable, 1)),
    }
    if outcome.temporal_latency is not None:
        tables["temporal_latency"] = outcome.temporal_latency
        summary["temporal_reached_share"] = outcome.temporal_reached_share
    if outcome.temporal_efficiency is not None:
        summary["temporal_efficiency"] = outcome.temporal_efficiency
    if outcome.global_efficiency is not None:
        summary["global_efficiency"] = outcome.global_efficiency
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

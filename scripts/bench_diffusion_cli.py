"""``netkit diffusion`` against the same workload through the API, on one saved corpus.

The CLI once rebuilt the set of all temporal-edge endpoints once per seed (227 s
against 2.5 s through the API on the real CORDIS 2019 cohort with university
seeds); the two paths must cost the same. Both are timed in this process, on the
same corpus, seeds, runs and random seed, as CPU time (``time.process_time``:
the machine is shared, wall time moves with its load) and wall time; the ratio
CLI / API is the figure to read.

Usage::

    netkit ingest ../shared/datasets/real/cordis-h2020-participations --out /tmp/cordis
    python scripts/bench_diffusion_cli.py /tmp/cordis --seeds university --runs 1000
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import tempfile
import time


def _api(corpus_dir: str, seeds: str, runs: int, seed: int) -> None:
    import pandas as pd

    from netkit.build import collaboration_graph, temporal_edges
    from netkit.metrics import earliest_arrival, sector_latency, simulate_diffusion
    from netkit.model import load

    corpus = load(corpus_dir)
    graph = collaboration_graph(corpus, "org", "full")
    result = simulate_diffusion(graph, seeds, runs=runs, seed=seed)
    result.adoption_curve()
    result.time_to((0.5, 0.9))
    result.first_arrival_summary()
    te = temporal_edges(corpus)
    contacts = set(te["u"]).union(te["v"])
    reach = earliest_arrival(te, [s for s in result.seeds if s in contacts])
    sector_latency(reach, pd.Series(graph.vs["sector"], index=graph.vs["name"]))


def _cli(corpus_dir: str, seeds: str, runs: int, seed: int) -> None:
    from netkit.cli import main

    with tempfile.TemporaryDirectory() as out, contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        code = main(["diffusion", corpus_dir, "--seeds", seeds, "--runs", str(runs),
                     "--seed", str(seed), "--out", out])
    if code:
        raise SystemExit(f"netkit diffusion exited {code}")


def _timed(func, *args) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    func(*args)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a saved corpus folder (netkit ingest --out)")
    parser.add_argument("--seeds", default="university")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    _timed(_api, args.corpus, args.seeds, 10, args.seed)  # warm-up: imports, caches
    api = _timed(_api, args.corpus, args.seeds, args.runs, args.seed)
    cli = _timed(_cli, args.corpus, args.seeds, args.runs, args.seed)
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"API: {api[0]:7.2f} s CPU, {api[1]:7.2f} s wall")
    print(f"CLI: {cli[0]:7.2f} s CPU, {cli[1]:7.2f} s wall")
    print(f"CLI / API: {cli[0] / api[0]:.2f} (CPU), {cli[1] / api[1]:.2f} (wall)")


if __name__ == "__main__":
    main()

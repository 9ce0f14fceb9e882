"""Benchmark of netkit's diffusion and temporal reachability.

1. Weighted independent cascade on a random graph (default 100,000 nodes,
   500,000 edges, weights 1 + Poisson(1) joint events): ``--runs`` Monte-Carlo
   runs with :func:`netkit.metrics.simulate_diffusion`, against the same
   simulation written as a per-node loop over a networkx graph: ``ndlib`` copies
   NDlib's ``IndependentCascadesModel.iteration`` (status dict copied and every
   node scanned at each iteration, one Python coin per attempt); ``frontier`` is
   a leaner loop that only visits the newly infected nodes (a baseline more
   favourable to Python). Loops are timed on ``--loop-runs`` runs and scaled
   linearly to ``--runs`` (runs are independent, so the cost is linear in their
   number); all use the same graph, seeds and probabilities, in the same
   process, and their mean cascade sizes are printed side by side as a check.
2. Temporal reachability from every university of the ``large`` synthetic
   ecosystem (:func:`netkit.build.temporal_edges` + :func:`netkit.metrics.earliest_arrival`).

Usage::

    python scripts/bench_diffusion.py                    # both parts, defaults
    python scripts/bench_diffusion.py --skip-temporal --beta 0.05 --jobs 2
    python scripts/bench_diffusion.py --corpus /tmp/large_corpus   # a saved large corpus

The machine's load average is printed with the figures: on a shared machine,
the absolute times move with it; the speed-up ratio much less.
"""

from __future__ import annotations

import argparse
import os
import random
import time

import igraph as ig
import networkx as nx
import numpy as np

from netkit.metrics.diffusion import simulate_diffusion, transmission_probability


def make_graph(n: int, m: int, seed: int) -> ig.Graph:
    """Erdős–Rényi G(n, m) with integer weights 1 + Poisson(1), seeded."""
    rng = random.Random(seed)
    previous = ig.set_random_number_generator(rng)
    try:
        g = ig.Graph.Erdos_Renyi(n=n, m=m)
    finally:
        ig.set_random_number_generator(previous or random)
    g.es["weight"] = (1 + np.random.default_rng(seed).poisson(1.0, g.ecount())).astype(float).tolist()
    g.vs["name"] = [f"n{i:06d}" for i in range(n)]
    return g


def ic_loop(h: nx.Graph, seeds: list[int], beta: float, runs: int, seed: int) -> list[int]:
    """Independent cascade, NDlib style: per run, per step, per infected node, per neighbour."""
    rnd = random.Random(seed)
    sizes = []
    for _ in range(runs):
        status = dict.fromkeys(h.nodes, 0)  # 0 susceptible, 1 infected (this step), 2 removed
        for s in seeds:
            status[s] = 1
        frontier = list(seeds)
        size = len(seeds)
        while frontier:
            new = []
            for u in frontier:
                for v, data in h[u].items():
                    if status[v] == 0 and rnd.random() < data["p"]:
                        status[v] = 1
                        new.append(v)
                status[u] = 2
            size += len(new)
            frontier = new
        sizes.append(size)
    return sizes


def machine_speed() -> str:
    """A fixed numpy reference (cumsum of 10^8 int32) to put absolute times in context."""
    x = np.ones(10**8, dtype=np.int32)
    t0 = time.perf_counter()
    np.cumsum(x, out=x)
    return f"reference cumsum of 1e8 int32: {time.perf_counter() - t0:.2f} s"


def ic_loop_ndlib(h: nx.Graph, seeds: list[int], beta: float, runs: int, seed: int) -> list[int]:
    """Independent cascade exactly as NDlib's ``IndependentCascadesModel.iteration`` is written.

    Every iteration copies the status dict and scans every node for the infected
    ones (NDlib: ``actual_status = {node: nstatus …}``; ``for u in self.graph.nodes``).
    """
    rnd = random.Random(seed)
    sizes = []
    for _ in range(runs):
        status = dict.fromkeys(h.nodes, 0)
        for s in seeds:
            status[s] = 1
        while True:
            actual = dict(status)
            active = False
            for u in h.nodes:
                if actual[u] != 1:
                    continue
                active = True
                for v, data in h[u].items():
                    if actual[v] == 0 and rnd.random() < data["p"]:
                        status[v] = 1
                status[u] = 2
            if not active:
                break
        sizes.append(sum(1 for x in status.values() if x))
    return sizes


def bench_ic(args) -> None:
    t0 = time.perf_counter()
    g = make_graph(args.nodes, args.edges, args.seed)
    seeds = list(range(args.seeds))
    print(f"graph: {g.vcount()} nodes, {g.ecount()} edges, built in {time.perf_counter() - t0:.1f} s; "
          f"beta={args.beta}, {len(seeds)} seeds, load average {os.getloadavg()[0]:.1f}")
    t0 = time.perf_counter()
    res = simulate_diffusion(g, seeds, beta=args.beta, runs=args.runs, seed=args.seed,
                             n_jobs=args.jobs)
    fast = time.perf_counter() - t0
    print(f"netkit vectorised IC: {args.runs} runs in {fast:.2f} s ({args.jobs} job(s)), "
          f"mean cascade {res.final_size.mean():.1f} nodes "
          f"({res.final_size.mean() / g.vcount():.1%} of the graph)")
    h = nx.Graph()
    h.add_nodes_from(range(g.vcount()))
    p = transmission_probability(g.es["weight"], args.beta)
    h.add_edges_from((u, v, {"p": float(q)}) for (u, v), q in zip(g.get_edgelist(), p, strict=True))
    loops = {"frontier": ic_loop, "ndlib": ic_loop_ndlib}
    for name in (loops if args.baseline == "both" else [args.baseline]):
        t0 = time.perf_counter()
        sizes = loops[name](h, seeds, args.beta, args.loop_runs, args.seed)
        loop = time.perf_counter() - t0
        scaled = loop * args.runs / args.loop_runs
        label = ("per-node loop over the frontier (networkx)" if name == "frontier" else
                 "NDlib-style loop (status copy + scan of every node per iteration, networkx)")
        print(f"{label}: {args.loop_runs} runs in {loop:.2f} s, mean cascade "
              f"{np.mean(sizes):.1f} nodes; scaled to {args.runs} runs: {scaled:.1f} s; "
              f"speed-up {scaled / fast:.1f}x")
    print(f"load average now {os.getloadavg()[0]:.1f}; {machine_speed()}")


def bench_temporal(args) -> None:
    from netkit.build import temporal_edges
    from netkit.datasets import synthetic_ecosystem
    from netkit.metrics.temporal import earliest_arrival
    from netkit.model import load

    t0 = time.perf_counter()
    if args.corpus:
        corpus = load(args.corpus)
    else:
        corpus, _ = synthetic_ecosystem(seed=args.seed, size="large")
    print(f"large ecosystem: {corpus} ({time.perf_counter() - t0:.1f} s to "
          f"{'load' if args.corpus else 'generate'}); load average {os.getloadavg()[0]:.1f}")
    t0 = time.perf_counter()
    te = temporal_edges(corpus)
    t_edges = time.perf_counter() - t0
    univ = corpus.organizations.loc[corpus.organizations["sector"] == "university", "org_id"]
    active = set(te["u"]) | set(te["v"])
    sources = [u for u in univ if u in active]
    for strict in (False, True):
        t0 = time.perf_counter()
        reach = earliest_arrival(te, sources, strict=strict)
        t_reach = time.perf_counter() - t0
        print(f"temporal reachability (strict={strict}) from {len(sources)} universities over "
              f"{len(te)} contacts / {len(reach.nodes)} organisations: temporal_edges "
              f"{t_edges:.1f} s + earliest_arrival {t_reach:.1f} s = {t_edges + t_reach:.1f} s; "
              f"{np.isfinite(reach.arrival).mean():.1%} of pairs reached")
    print(f"load average now {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=500_000)
    parser.add_argument("--beta", type=float, default=0.1)
    parser.add_argument("--seeds", type=int, default=10, help="number of seed nodes")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--loop-runs", type=int, default=10, help="runs of the timed loop")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline", choices=("frontier", "ndlib", "both"), default="both",
                        help="the Python loop to compare with (default both)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", default=None, help="a saved large corpus (skips generating)")
    parser.add_argument("--skip-ic", action="store_true")
    parser.add_argument("--skip-temporal", action="store_true")
    args = parser.parse_args()
    print(machine_speed())
    if not args.skip_ic:
        bench_ic(args)
    if not args.skip_temporal:
        bench_temporal(args)


if __name__ == "__main__":
    main()

"""Benchmarks of issue 6: projection, the structural set, networkx baseline, KADABRA accuracy.

Each case runs in its own subprocess so that its peak memory (max RSS) is its own.

    python scripts/bench_structure.py                 # the quick cases (projection 1M, 10k, 100k)
    python scripts/bench_structure.py --big           # also projection 10M and the 1M / 5M graph
    python scripts/bench_structure.py --case kadabra  # one case

Graphs come from igraph's Barabási–Albert generator (heavy-tailed degrees, the
hard case for Burt's measures and brokerage), with integer tie weights
(1 + geometric) and seven sectors drawn at random; participation tables for
the projection are random events (geometric sizes, mean ≈ 3.3 organisations)
over Zipf-skewed organisations and 21 years.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECTORS = ["university", "research", "firm", "startup", "government", "health", "nonprofit"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_graph(n: int, m_per_node: int, seed: int = 0):
    import random

    import igraph as ig
    import numpy as np

    from netkit.build.graphs import shared_values

    ig.set_random_number_generator(random.Random(seed))
    g = ig.Graph.Barabasi(n, m_per_node)
    rng = np.random.default_rng(seed)
    g.vs["name"] = [f"org:{i:07d}" for i in range(n)]
    # attribute lists share one Python object per distinct value, as org_graph builds them
    # (one str / float object per vertex / edge would add ~200 MB at 1M nodes / 5M edges)
    codes = rng.choice(len(SECTORS), size=n, p=[.1, .08, .4, .2, .06, .08, .08])
    g.vs["sector"] = np.array(SECTORS, dtype=object)[codes].tolist()
    g.es["weight"] = shared_values(1 + rng.geometric(0.5, size=g.ecount()), float)
    return g


def make_participations(rows: int, seed: int = 0):
    import numpy as np
    import pandas as pd

    from netkit.model import Corpus

    rng = np.random.default_rng(seed)
    n_orgs = max(1000, rows // 10)
    sizes = rng.geometric(0.3, size=rows // 2)
    sizes = sizes[: np.searchsorted(np.cumsum(sizes), rows) + 1]
    ev = np.repeat(np.arange(len(sizes)), sizes)[:rows]
    n_ev = int(ev.max()) + 1
    org = (rng.zipf(1.6, size=len(ev)) + rng.integers(0, n_orgs, len(ev))) % n_orgs
    org_ids = np.array([f"org:{i:07d}" for i in range(n_orgs)], dtype=object)
    ev_ids = np.array([f"pub:x:{i}" for i in range(n_ev)], dtype=object)
    return Corpus(
        organizations=pd.DataFrame({"org_id": org_ids, "name": org_ids,
                                    "sector": rng.choice(SECTORS, n_orgs)}),
        events=pd.DataFrame({"event_id": ev_ids,
                             "kind": rng.choice(["publication", "patent", "contract"], n_ev),
                             "year": rng.integers(2000, 2021, n_ev)}),
        participations=pd.DataFrame({"event_id": ev_ids[ev], "org_id": org_ids[org],
                                     "role": "author"}),
    )


def case_projection(rows: int) -> dict:
    """Time what a user calls: ``edge_table`` (the projection as a table) and ``org_graph``
    (the same plus an igraph graph with Python attribute lists), on a corpus built
    before the clock starts."""
    from netkit.build import org_graph
    from netkit.build.projection import edge_table

    corpus = make_participations(rows)
    t = time.perf_counter()
    table = edge_table(corpus)
    t_proj = time.perf_counter() - t
    peak_table = peak_mb()
    n_ties = len(table)
    del table
    t = time.perf_counter()
    g = org_graph(corpus)
    t_graph = time.perf_counter() - t
    return {"case": f"projection {rows:,} rows", "projection_s": round(t_proj, 2),
            "org_graph_s": round(t_graph, 2), "ties": n_ties, "nodes": g.vcount(),
            "peak_mb_table": round(peak_table), "peak_mb": round(peak_mb())}


def run_set(g, method: str = "auto") -> dict:
    import warnings

    from netkit.metrics.structure import structural_set

    with warnings.catch_warnings():  # library imports stay outside the clocks, as for networkx
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit  # noqa: F401  (~1 s on first import)
    t = time.perf_counter()
    tables = structural_set(g, "sector", "weight", betweenness_method=method, distances=False)
    total = time.perf_counter() - t
    parts = {k: round(v.attrs["seconds"], 2) for k, v in tables.items()}
    return {"total_s": round(total, 2), "parts_s": parts,
            "betweenness": tables["centrality"].attrs["betweenness_method"]}


def networkx_set(g) -> dict:
    """The same set in networkx (+ a pure-Python two-path count for brokerage, which
    networkx lacks): degree, strength, betweenness sampled with k = 5 % of the nodes,
    eigenvector, PageRank, constraint, effective size, articulation points,
    participation coefficient (Python over networkx adjacency), Louvain."""
    import networkx as nx

    from netkit.build import to_networkx

    h = to_networkx(g)
    sector = nx.get_node_attributes(h, "sector")
    t = time.perf_counter()
    times = {}

    def timed(name, f):
        s = time.perf_counter()
        f()
        times[name] = round(time.perf_counter() - s, 2)

    timed("degree", lambda: nx.degree_centrality(h))
    timed("strength", lambda: dict(h.degree(weight="weight")))
    timed("betweenness_k", lambda: nx.betweenness_centrality(h, k=max(2, len(h) // 20), seed=0))
    timed("eigenvector", lambda: nx.eigenvector_centrality_numpy(h, weight="weight"))
    timed("pagerank", lambda: nx.pagerank(h, weight="weight"))
    timed("constraint", lambda: nx.constraint(h, weight="weight"))
    timed("effective_size", lambda: nx.effective_size(h, weight="weight"))
    timed("articulation", lambda: set(nx.articulation_points(h)))

    def participation():
        out = {}
        for v in h:
            k = {}
            tot = 0.0
            for u in h[v]:
                k[sector[u]] = k.get(sector[u], 0) + 1
                tot += 1
            out[v] = 1 - sum((x / tot) ** 2 for x in k.values()) if tot else 0.0
        return out

    def brokerage_py():
        roles = {}
        for b in h:
            nb = list(h[b])
            for i, a in enumerate(nb):
                for c in nb[i + 1:]:
                    if h.has_edge(a, c):
                        continue
                    key = (b, len({sector[a], sector[b], sector[c]}))
                    roles[key] = roles.get(key, 0) + 2
        return roles

    timed("participation", participation)
    timed("brokerage_python", brokerage_py)
    timed("louvain", lambda: nx.community.louvain_communities(h, weight="weight", seed=0))
    return {"total_s": round(time.perf_counter() - t, 2), "parts_s": times}


def case_structural(n: int, m_per_node: int, baseline: bool = False) -> dict:
    g = make_graph(n, m_per_node)
    mem_graph = peak_mb()
    res = {"case": f"structural set {n:,} nodes / {g.ecount():,} edges",
           "netkit": run_set(g), "graph_peak_mb": round(mem_graph)}
    res["peak_mb"] = round(peak_mb())
    if baseline:
        res["networkx"] = networkx_set(g)
        res["speedup"] = round(res["networkx"]["total_s"] / res["netkit"]["total_s"], 1)
    return res


def case_kadabra(n: int = 10_000, m_per_node: int = 5) -> dict:
    import warnings

    import numpy as np
    import scipy.stats as st

    from netkit.metrics import betweenness

    with warnings.catch_warnings():  # the library import stays outside the clocks
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit  # noqa: F401
    g = make_graph(n, m_per_node)
    t = time.perf_counter()
    exact = betweenness(g, method="exact")
    t_exact = time.perf_counter() - t
    out = {"case": f"betweenness at {n:,} nodes / {g.ecount():,} edges",
           "exact_s": round(t_exact, 2)}
    idx = list(exact.nlargest(100).index)
    for eps in (0.005, 0.002):
        t = time.perf_counter()
        approx = betweenness(g, method="kadabra", seed=0, epsilon=eps)
        t_approx = time.perf_counter() - t
        out[f"kadabra(epsilon={eps})"] = {
            "seconds": round(t_approx, 2), "time_share": round(t_approx / t_exact, 3),
            "top100_found": len(set(idx) & set(approx.nlargest(100).index)),
            "spearman_top100": round(float(st.spearmanr(exact[idx], approx[idx])[0]), 4),
            "spearman_all": round(float(st.spearmanr(exact, approx)[0]), 4),
            "max_abs_error": round(float(np.abs(exact - approx).max()), 5)}
    return out


CASES = {
    "projection-1M": lambda: case_projection(1_000_000),
    "projection-10M": lambda: case_projection(10_000_000),
    "set-10k": lambda: case_structural(10_000, 5, baseline=True),
    "set-100k": lambda: case_structural(100_000, 5),
    "set-1M": lambda: case_structural(1_000_000, 5),
    "kadabra": case_kadabra,
}
QUICK = ["projection-1M", "kadabra", "set-10k", "set-100k"]
BIG = ["projection-10M", "set-1M"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=tuple(CASES), help="run one case in this process")
    parser.add_argument("--big", action="store_true", help="also the 10M / 1M-node cases")
    parser.add_argument("--json", metavar="FILE", help="append results as JSON lines")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(CASES[args.case]()))
        return
    for name in QUICK + (BIG if args.big else []):
        proc = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True,
                              text=True, check=False)
        line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        if proc.returncode != 0 or not line:
            print(f"{name}: FAILED\n{proc.stderr[-2000:]}")
            continue
        print(json.dumps(json.loads(line), indent=1))
        if args.json:
            with open(args.json, "a", encoding="utf-8") as fh:
                fh.write(line + "\n")


if __name__ == "__main__":
    main()

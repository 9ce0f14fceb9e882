"""Benchmarks of issues 6 and 19: projection, the structural set on Barabási–Albert and
heavy-tailed graphs, networkx and bare-library baselines, KADABRA accuracy.

Each case runs in its own subprocess so that its peak memory (max RSS) is its own.

    python scripts/bench_structure.py                 # the quick cases (projection 1M, 10k, 100k)
    python scripts/bench_structure.py --big           # also projection 10M and the 1M / 5M graph
    python scripts/bench_structure.py --case kadabra  # one case
    python scripts/bench_structure.py --heavy 100000  # heavy-tailed graph: netkit vs bare libraries
    python scripts/bench_structure.py --heavy 1000000 --no-baseline-constraint

Heavy-tailed graphs (issue 19) are projected by ``netkit.build.edge_table`` from
:func:`netkit.datasets.heavy_tailed_corpus` (Pareto organisation activity,
Zipf event sizes up to 50, 1.07 events per organisation) and saved once as
arrays; every measurement then loads them in a fresh process — the whole
structural set, each family alone, and the same work written straight on
igraph + networkit + scipy (the baseline) — so each peak RSS is that of one
measurement: the peak (VmHWM) is reset once the graph is loaded, so it counts the
graph's resident memory (and the imported libraries) plus the measurement's own
high-water mark, not igraph's one-off copy of the edge list while constructing the
graph. The ratio netkit / baseline is of times measured in the same run.

Graphs come from igraph's Barabási–Albert generator (heavy-tailed degrees, the
hard case for Burt's measures and brokerage), with integer tie weights
(1 + geometric) and seven sectors drawn at random; participation tables for
the projection are random events (geometric sizes, mean ≈ 3.3 organisations)
over Zipf-skewed organisations and 21 years.
"""

from __future__ import annotations

import argparse
import json
import os
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


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    """The resident set size now (Linux), to tell the graph's own memory from a peak."""
    return _status_mb("VmRSS")


def reset_peak() -> None:
    """Start the peak RSS (VmHWM) afresh from the current RSS (Linux ≥ 4.0), so that a
    measurement's peak is not that of loading its input (igraph's constructor copies the
    edge list to Python pairs)."""
    import gc

    from netkit.model.memory import release_memory

    gc.collect()
    release_memory()
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")


def measured_peak_mb() -> float:
    """The peak RSS since :func:`reset_peak`."""
    return _status_mb("VmHWM")


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
HEAVY_DIR = Path(os.environ.get("NETKIT_BENCH_DIR", "/tmp/netkit-bench"))  # the saved graphs


def heavy_prepare(n_orgs: int) -> dict:
    """Generate the heavy-tailed corpus, project it with ``edge_table``, save the graph as arrays."""
    import numpy as np

    from netkit.build.projection import edge_table
    from netkit.datasets import heavy_tailed_corpus

    t = time.perf_counter()
    corpus = heavy_tailed_corpus(n_orgs, seed=0)
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    table = edge_table(corpus)
    t_proj = time.perf_counter() - t
    nodes = np.asarray(table["source"].cat.categories, dtype=object)
    sector = (corpus.organizations.set_index("org_id")["sector"].astype(str)
              .reindex(nodes).to_numpy())
    codes = np.searchsorted(np.array(sorted(SECTORS), dtype=object), sector)
    HEAVY_DIR.mkdir(parents=True, exist_ok=True)
    path = HEAVY_DIR / f"heavy-{n_orgs}.npz"
    np.savez(path, u=table["source"].cat.codes.to_numpy().astype(np.int32),
             v=table["target"].cat.codes.to_numpy().astype(np.int32),
             weight=table["weight"].to_numpy(np.float64), sector=codes.astype(np.int8),
             n=len(nodes))
    deg = np.bincount(np.concatenate([table["source"].cat.codes, table["target"].cat.codes]),
                      minlength=len(nodes)).astype(np.float64)
    return {"case": f"heavy-tailed {n_orgs:,} organisations", "file": str(path),
            "nodes": len(nodes), "ties": len(table), "max_degree": int(deg.max()),
            "sum_deg2": float(deg @ deg), "generate_s": round(t_gen, 2),
            "edge_table_s": round(t_proj, 2), "peak_mb": round(peak_mb())}


def heavy_graph(path: str):
    """The saved heavy-tailed graph as the lean igraph graph the set runs on (name, sector, weight)."""
    import igraph as ig
    import numpy as np

    from netkit.build.graphs import shared_values

    data = np.load(path)
    n = int(data["n"])
    g = ig.Graph(n=n, edges=np.column_stack([data["u"], data["v"]]))  # no list of tuples
    g.vs["name"] = [f"org:{i:07d}" for i in range(n)]
    g.vs["sector"] = np.array(sorted(SECTORS), dtype=object)[data["sector"]].tolist()
    g.es["weight"] = shared_values(data["weight"].astype(np.int64), float)
    return g


def _quiet_networkit():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit
    return networkit


def netkit_family(g, family: str) -> dict:
    """One family of ``structural_set`` (or ``set``: all of them), as ``structural_set`` runs it."""
    from netkit.metrics._graphs import edge_cache
    from netkit.metrics.structure import _FAMILIES, _structural_set

    families = tuple(_FAMILIES) if family == "set" else (family,)
    t = time.perf_counter()
    with edge_cache():
        out = _structural_set(g, "sector", "weight", "auto", False, 0, families)
    return {"seconds": round(time.perf_counter() - t, 2),
            "parts_s": {k: round(v.attrs["seconds"], 2) for k, v in out.items()}}


def baseline_family(g, family: str, constraint: bool = True) -> dict:
    """The same work written straight on igraph + networkit + scipy, no netkit.

    centrality: igraph degree, strength, eigenvector, PageRank; networkit
    KADABRA (≤ 200,000 nodes) or 16-source betweenness, as netkit chooses.
    bridging: igraph ``constraint`` (Burt; no library has effective size),
    articulation points; participation coefficient and E–I from one sparse
    product with the sector indicator. brokerage: total open two-paths
    ``k(k − 1)(1 − C_i)`` from igraph's local clustering (no library has the
    Gould–Fernandez roles). communities: igraph Leiden (modularity, same
    iterations). mixing: a bincount of the sector pairs.
    """
    import numpy as np
    import scipy.sparse as sp

    nk = _quiet_networkit()
    fams = ["centrality", "bridging", "brokerage", "communities", "mixing"]
    parts = {}
    n = g.vcount()
    w = g.es["weight"]
    sector = np.unique(np.asarray(g.vs["sector"], dtype=object), return_inverse=True)[1]
    for fam in fams if family == "set" else [family]:
        t = time.perf_counter()
        if fam == "centrality":
            g.degree()
            g.strength(weights="weight")
            h = nk.Graph(n, weighted=False, directed=False)
            e = np.asarray(g.get_edgelist(), dtype=np.uint64)
            h.addEdges((e[:, 0], e[:, 1]))
            del e
            nk.setNumberOfThreads(1)
            nk.engineering.setSeed(0, True)
            algo = (nk.centrality.KadabraBetweenness(h, 0.005, 0.1, True) if n <= 200_000
                    else nk.centrality.EstimateBetweenness(h, 16, False, False))
            algo.run()
            algo.scores()
            del algo, h
            g.eigenvector_centrality(weights="weight")
            g.pagerank(weights="weight")
        elif fam == "bridging":
            if constraint:
                g.constraint(weights="weight")
            g.articulation_points()
            e = np.asarray(g.get_edgelist(), dtype=np.int64)
            a = sp.coo_matrix((np.ones(2 * len(e)), (np.r_[e[:, 0], e[:, 1]],
                                                     np.r_[e[:, 1], e[:, 0]])),
                              shape=(n, n)).tocsr()
            onehot = sp.csr_matrix((np.ones(n), (np.arange(n), sector)))
            ks = (a @ onehot).toarray()
            k = ks.sum(axis=1)
            1 - ((ks / np.maximum(k, 1)[:, None]) ** 2).sum(axis=1)
            internal = ks[np.arange(n), sector]
            (k - 2 * internal) / np.maximum(k, 1)
        elif fam == "brokerage":
            k = np.asarray(g.degree(), dtype=np.float64)
            c = np.asarray(g.transitivity_local_undirected(mode="zero"))
            k * (k - 1) * (1 - c)
        elif fam == "communities":
            g.community_leiden(objective_function="modularity", weights="weight",
                               n_iterations=2 if n <= 200_000 else 1)
        else:
            e = np.asarray(g.get_edgelist(), dtype=np.int64)
            np.bincount(sector[e[:, 0]] * 7 + sector[e[:, 1]], minlength=49)
        parts[fam] = round(time.perf_counter() - t, 2)
    del w
    return {"seconds": round(sum(parts.values()), 2), "parts_s": parts}


def heavy_measure(path: str, who: str, family: str, constraint: bool) -> dict:
    _quiet_networkit()  # the library imports stay outside the clocks
    import netkit.metrics.structure  # noqa: F401

    g = heavy_graph(path)
    loading_peak = peak_mb()
    reset_peak()
    loaded = rss_mb()
    res = (netkit_family(g, family) if who == "netkit"
           else baseline_family(g, family, constraint))
    return {"who": who, "family": family, **res, "graph_mb": round(loaded),
            "loading_peak_mb": round(loading_peak), "peak_mb": round(measured_peak_mb())}


def _subprocess(args: list[str]) -> dict | None:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                          check=False)
    line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    if proc.returncode != 0 or not line:
        print(f"{' '.join(args)}: FAILED\n{proc.stderr[-2000:]}")
        return None
    return json.loads(line)


def heavy(n_orgs: int, constraint: bool, families: list[str], out_json: str | None) -> None:
    prep = _subprocess(["--heavy-prepare", str(n_orgs)])
    if prep is None:
        return
    print(json.dumps(prep))
    rows = []
    for family in families:
        row = {"family": family}
        for who in ("netkit", "baseline"):
            res = _subprocess(["--heavy-measure", prep["file"], who, family,
                               "1" if constraint else "0"])
            if res is None:
                continue
            row[who] = res
        if "netkit" in row and "baseline" in row:
            row["ratio"] = round(row["netkit"]["seconds"] / max(row["baseline"]["seconds"], 0.01), 2)
        print(json.dumps(row))
        rows.append(row)
        if out_json:
            with open(out_json, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"graph": prep, **row}) + "\n")
    print(f"\n{prep['case']}: {prep['nodes']:,} nodes, {prep['ties']:,} ties, "
          f"max degree {prep['max_degree']:,}")
    print(f"{'family':<12} {'netkit s':>9} {'peak MB':>8} {'baseline s':>11} {'peak MB':>8} "
          f"{'ratio':>6}")
    for row in rows:
        nk_, bl = row.get("netkit", {}), row.get("baseline", {})
        print(f"{row['family']:<12} {nk_.get('seconds', float('nan')):>9} "
              f"{nk_.get('peak_mb', float('nan')):>8} {bl.get('seconds', float('nan')):>11} "
              f"{bl.get('peak_mb', float('nan')):>8} {row.get('ratio', float('nan')):>6}")


QUICK = ["projection-1M", "kadabra", "set-10k", "set-100k"]
BIG = ["projection-10M", "set-1M"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=tuple(CASES), help="run one case in this process")
    parser.add_argument("--big", action="store_true", help="also the 10M / 1M-node cases")
    parser.add_argument("--json", metavar="FILE", help="append results as JSON lines")
    parser.add_argument("--heavy", type=int, metavar="N_ORGS",
                        help="the heavy-tailed graph of N_ORGS organisations (issue 19)")
    parser.add_argument("--families", nargs="+", default=["set", "centrality", "bridging",
                                                          "brokerage", "communities", "mixing"],
                        help="with --heavy: what to measure (set = the whole structural set)")
    parser.add_argument("--no-baseline-constraint", action="store_true",
                        help="with --heavy: leave igraph's constraint out of the baseline")
    parser.add_argument("--heavy-prepare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--heavy-measure", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.heavy_prepare:
        print(json.dumps(heavy_prepare(args.heavy_prepare)))
        return
    if args.heavy_measure:
        path, who, family, constraint = args.heavy_measure
        print(json.dumps(heavy_measure(path, who, family, constraint == "1")))
        return
    if args.heavy:
        heavy(args.heavy, not args.no_baseline_constraint, args.families, args.json)
        return
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

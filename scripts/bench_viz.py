"""Benchmark of the network view: time and size of ``write_html``.

    python scripts/bench_viz.py

* 1,000 nodes / 8,000 edges, full view;
* 10,000 nodes / 80,000 edges, full view (``max_nodes=None``) — budget ≤ 1 s and ≤ 5 MB;
* 50,000 nodes / 400,000 edges through the backbone (disparity filter, then the
  5,000 organisations with the highest metric).

Graphs are random (Erdős–Rényi with heavy-tailed weights, sectors, regions and
years) so the benchmark needs no data; node size is a precomputed metric (a
Series), as the report passes it. Times include the seeded igraph layout and
the atomic write; each case is run three times and the best time is kept.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import igraph as ig
import numpy as np
import pandas as pd

from netkit.viz import write_html

SECTORS = ["university", "research", "firm", "startup", "government", "health"]


def make_graph(n: int, m: int, seed: int = 0) -> tuple[ig.Graph, pd.Series]:
    rng = np.random.default_rng(seed)
    g = ig.Graph.Erdos_Renyi(n=n, m=m)
    g.vs["name"] = [f"org:bench:{i:06d}" for i in range(n)]
    g.vs["label"] = [f"Organisation {i}" for i in range(n)]
    g.vs["sector"] = rng.choice(SECTORS, n).tolist()
    g.vs["region"] = rng.choice([f"R{i:02d}" for i in range(12)], n).tolist()
    g.vs["country"] = ["XV"] * n
    count = (rng.pareto(1.5, m) + 1).astype(int)
    g.es["count"] = count.tolist()
    g.es["weight"] = count.astype(float).tolist()
    first = rng.integers(2010, 2022, m)
    g.es["first_year"] = first.tolist()
    g.es["last_year"] = (first + rng.integers(0, 3, m)).tolist()
    for k in ("n_publication", "n_patent", "n_contract"):
        g.es[k] = rng.integers(0, 3, m).tolist()
    metric = pd.Series(rng.pareto(2.0, n), index=g.vs["name"], name="betweenness")
    return g, metric


def bench(n: int, m: int, **kwargs) -> tuple[float, int, int]:
    g, metric = make_graph(n, m)
    times = []
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "view.html"
        for _ in range(3):
            start = time.perf_counter()
            write_html(g, path, size=metric, **kwargs)
            times.append(time.perf_counter() - start)
        size = path.stat().st_size
    return min(times), size, g.vcount()


def main() -> None:
    cases = [
        ("1k nodes / 8k edges (full)", 1_000, 8_000, {"max_nodes": None, "max_edges": None}),
        ("10k nodes / 80k edges (full)", 10_000, 80_000,
         {"max_nodes": None, "max_edges": None}),
        ("50k nodes / 400k edges (backbone)", 50_000, 400_000, {"max_nodes": 5_000}),
    ]
    print(f"{'case':38s} {'time (s)':>9s} {'size (MB)':>10s}")
    for label, n, m, kw in cases:
        t, size, _ = bench(n, m, **kw)
        print(f"{label:38s} {t:9.2f} {size / 1e6:10.2f}")


if __name__ == "__main__":
    main()

"""How fast knowledge spreads: weighted independent-cascade and SI Monte-Carlo.

Both models run in discrete steps on a weighted graph. An edge of weight ``w``
transmits with probability ``p = 1 − (1 − β)^w`` per attempt — ``w`` joint
events are ``w`` independent chances with probability ``β`` each.

* **Independent cascade** (IC, Kempe et al. 2003): a node adopted at step ``k``
  makes one attempt on each neighbour at step ``k + 1``, then stays inactive.
* **SI** (susceptible–infected): an adopted node attempts on every neighbour at
  every step until it succeeds, so the delay along an edge is geometric with
  parameter ``p``; the arrival time of a node is the shortest path from the seeds
  with those random delays.

Many runs are simulated at once, as one flat state vector of ``runs × nodes``
arrival steps, with no Python loop over nodes or edges:

* IC uses the live-edge equivalence (Kempe et al. 2003): keep every edge with
  its transmission probability (one 32-bit coin per edge and run, drawn for the
  whole batch in one call); the adopters are the nodes reachable from the seeds
  and their adoption step is their breadth-first distance. The live edges of
  all runs form one block-diagonal CSR graph (built without sorting), searched
  level by level for all runs together.
* IC can also run like SI below with one coin per *attempt*, which is cheaper
  when cascades stay small; by default a first batch runs that way and the
  live-edge engine takes over when a run attempts more than half of the edges.
* SI expands the frontier of all runs at once: the out-edges of every newly
  adopted (run, node) are laid end to end with one ``repeat``, each attempt
  draws its geometric delay, and candidates wait in per-step buckets until the
  earliest one is final (a shortest-path search with random integer lengths).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order

from netkit.build.convert import GraphLike, as_igraph
from netkit.errors import EmptyGraphError, ParameterError
from netkit.metrics._graphs import edge_weights, names, node_index
from netkit.model import SECTORS

__all__ = [
    "DiffusionResult",
    "global_efficiency",
    "simulate_diffusion",
    "transmission_probability",
]

MODELS = ("ic", "si")
_BATCH_CELLS = 4_000_000  # runs × nodes simulated at once
_U32_MAX = 2**32 - 1
_LIVE_EDGE_SWITCH = 0.5  # IC: live-edge engine when a run attempts > this share of the edges


def transmission_probability(weight: npt.ArrayLike, beta: float) -> np.ndarray:
    """Per-attempt transmission probability ``1 − (1 − β)^w`` of edges of weight ``w``.

    ``w`` joint events are ``w`` independent chances of probability ``β``;
    non-integer weights interpolate.

    Parameters
    ----------
    weight : array_like of float
        Edge weights ``w ≥ 0`` (0 never transmits).
    beta : float
        Per-unit-weight transmission probability, in [0, 1].

    Returns
    -------
    numpy.ndarray
        ``1 − (1 − β)^w`` per edge, computed as ``−expm1(w · log1p(−β))``
        (accurate for small ``β``); with ``β = 1`` every edge of positive
        weight transmits.

    Raises
    ------
    ParameterError
        ``beta`` outside [0, 1], or a negative or NaN weight.

    See Also
    --------
    simulate_diffusion : Independent-cascade and SI spreading on the graph.

    Examples
    --------
    >>> transmission_probability([0, 1, 2], 0.5).tolist()
    [0.0, 0.5, 0.75]
    """
    if not 0.0 <= beta <= 1.0:
        raise ParameterError(f"beta must be in [0, 1], not {beta}")
    w = np.asarray(weight, dtype=np.float64)
    if (w < 0).any() or np.isnan(w).any():
        raise ParameterError("edge weights must be non-negative numbers")
    return -np.expm1(w * np.log1p(-beta)) if beta < 1 else (w > 0).astype(np.float64)


def _seed_index(graph: ig.Graph, seeds) -> np.ndarray:
    """Vertex positions of the seeds: a sector name, one node key, or a sequence of node keys.

    Seeds are always node keys (the ``name`` of the vertices, the networkx node
    keys), never vertex positions: on an igraph graph without names the keys
    are the vertex ids ``0 … n − 1``.
    """
    index = names(graph)
    if (isinstance(seeds, str) and seeds in SECTORS and "sector" in graph.vs.attributes()):
        idx = np.flatnonzero(np.asarray(graph.vs["sector"], dtype=object) == seeds)
        if len(idx) == 0:
            raise ParameterError(f"no organisation of sector {seeds!r} in the graph")
        return idx
    if _is_node_key(seeds, index) or isinstance(seeds, str) or not isinstance(seeds, Iterable):
        seeds = [seeds]
    seeds = list(seeds)
    if not seeds:
        raise ParameterError("no seeds given")
    idx = index.get_indexer(node_index(seeds))
    if (idx < 0).any():
        missing = [s for s, i in zip(seeds, idx, strict=True) if i < 0]
        raise ParameterError(f"unknown seed nodes (not node keys of the graph): {missing[:5]}"
                             + (f" … ({len(missing)} in all)" if len(missing) > 5 else ""))
    return np.unique(idx)


def _is_node_key(x, index: pd.Index) -> bool:
    try:
        return x in index
    except TypeError:  # unhashable: a list of keys
        return False


def _csr(graph: ig.Graph, weight: str | None, beta: float):
    """Out-adjacency in CSR form with the transmission probability of each entry."""
    n = graph.vcount()
    edges, w = edge_weights(graph, weight)
    p = transmission_probability(w, beta)
    src, dst = edges[:, 0], edges[:, 1]
    if not graph.is_directed():
        src, dst, p = np.concatenate([src, dst]), np.concatenate([dst, src]), np.concatenate([p, p])
    keep = (p > 0) & (src != dst)
    src, dst, p = src[keep], dst[keep], p[keep]
    order = np.argsort(src, kind="stable")
    src, dst, p = src[order], dst[order], p[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return indptr, dst, p


def _reachable(n: int, indptr: np.ndarray, indices: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """Nodes reachable from the seeds along edges that can transmit."""
    # a virtual node n linked to every seed
    ptr = np.concatenate([indptr, [indptr[-1] + len(seeds)]])
    adj = sp.csr_matrix((np.ones(len(indices) + len(seeds)), np.concatenate([indices, seeds]), ptr),
                        shape=(n + 1, n + 1))
    order = breadth_first_order(adj, n, directed=True, return_predecessors=False)
    mask = np.zeros(n + 1, dtype=bool)
    mask[order] = True
    return mask[:n]


def _simulate_batch(n, indptr, indices, thresh, logq, seeds, runs, model, max_steps, rng):
    """Arrival step of every (run, node) of one batch; -1 when never reached.

    The state is one flat vector over ``run * n + node``. Each step expands the
    frontier of all runs at once: the CSR segments of the frontier nodes are laid
    end to end (one ``repeat``), one uniform draw per attempt decides it (IC) or
    gives its geometric delay (SI), and only the successful attempts are mapped
    back to their (run, target) — by a binary search of the segment ends.
    """
    deg = np.diff(indptr)
    cells = runs * n
    itype = np.int32 if max(cells, len(indices)) < 2**31 - 1 else np.int64
    arr = np.full(cells, -1, dtype=np.int32)
    frontier = (np.arange(runs, dtype=itype)[:, None] * n + seeds.astype(itype)[None, :]).ravel()
    arr[frontier] = 0
    buckets: dict[int, list[np.ndarray]] = {}
    step = 0
    while True:
        if (max_steps is None or step < max_steps) and len(frontier):
            nodes = frontier % n
            d = deg[nodes]
            ends = np.cumsum(d)
            total = int(ends[-1])
            if total:
                offs = np.repeat((indptr[nodes] - (ends - d)).astype(itype), d)
                offs += np.arange(total, dtype=itype)
                if model == "ic":
                    # one 32-bit coin per attempt: success iff coin <= ceil(p 2^32) - 1
                    coin = rng.integers(0, _U32_MAX, total, dtype=np.uint32, endpoint=True)
                    hit = np.flatnonzero(coin <= thresh[offs])
                    delay = None
                else:
                    # geometric delay by inversion: floor(log(1 − U) / log(1 − p)) + 1
                    u = rng.random(total)
                    with np.errstate(divide="ignore"):
                        delay = np.floor(np.log1p(-u) / logq[offs]).astype(np.int64) + 1
                    hit = np.arange(total) if max_steps is None else np.flatnonzero(
                        step + delay <= max_steps)
                    delay = delay[hit]
                # the run of each hit: the frontier is sorted by run, so a search among the
                # few run boundaries (in attempt space) suffices
                base = frontier - nodes
                last = np.flatnonzero(np.diff(base, append=-1) != 0)
                run_of = np.searchsorted(ends[last], hit, side="right")
                target = base[last][run_of] + indices[offs[hit]]
                if delay is None:
                    if len(target):
                        buckets.setdefault(step + 1, []).append(target)
                elif len(target):
                    order = np.argsort(delay, kind="stable")
                    delay, target = delay[order], target[order]
                    uniq, first = np.unique(delay, return_index=True)
                    for t, chunk in zip(uniq.tolist(), np.split(target, first[1:]), strict=True):
                        buckets.setdefault(step + t, []).append(chunk)
        if not buckets:
            break
        step = min(buckets)
        cand = np.concatenate(buckets.pop(step))
        cand = np.sort(cand[arr[cand] < 0])
        if len(cand) > 1:
            cand = cand[np.concatenate(([True], cand[1:] != cand[:-1]))]
        arr[cand] = step
        frontier = cand
    return arr.reshape(runs, n)


def _ic_edges(graph: ig.Graph, weight: str | None, beta: float):
    """Edges that can transmit, with 32-bit success thresholds, in two sorted orders.

    Returns ``(eu, ev, thresh, by_v, undirected)``: the edges sorted by ``eu``
    (so that the live edges of a run, taken in order, are sorted by source) and
    the permutation ``by_v`` that sorts them by ``ev`` (for the reverse direction).
    """
    edges, w = edge_weights(graph, weight)
    p = transmission_probability(w, beta)
    keep = (p > 0) & (edges[:, 0] != edges[:, 1])
    edges, p = edges[keep], p[keep]
    order = np.argsort(edges[:, 0], kind="stable")
    edges, p = edges[order], p[order]
    thresh = (np.clip(np.ceil(p * 2.0**32), 1, 2.0**32) - 1).astype(np.uint32)
    by_v = np.argsort(edges[:, 1], kind="stable")
    return edges[:, 0], edges[:, 1], thresh, by_v, not graph.is_directed()


def _live_csr(live: np.ndarray, src: np.ndarray, dst: np.ndarray, n: int, itype):
    """CSR (indptr, flat targets) of the live edges of every run; ``live`` is runs × edges.

    The edges are sorted by ``src``, so the live entries, taken run by run in edge
    order, are already sorted by ``run * n + src``: no sort is needed.
    """
    runs, m = live.shape
    flat = np.flatnonzero(live.ravel())
    run = (flat // max(m, 1)).astype(itype)
    e = flat - run.astype(np.int64) * m
    rows = run * n + src[e].astype(itype)
    indptr = np.zeros(runs * n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=runs * n), out=indptr[1:])
    return indptr, run * n + dst[e].astype(itype)


def _ic_live_batch(n, ic_edges, seeds, runs, max_steps, rng):
    """Independent cascade as breadth-first search in live-edge graphs, one per run.

    Kempe et al. (2003): the nodes an IC process activates, and the step at which
    it activates them, are the nodes reachable from the seeds — and their BFS
    distance — in a random graph that keeps each edge with its transmission
    probability. On an undirected graph one coin per edge suffices, because only
    the attempt from the endpoint activated first can matter. The live edges of
    all runs of the batch form a block-diagonal graph (two CSR halves, one per
    direction, built without sorting), searched level by level for all runs at once.
    """
    eu, ev, thresh, by_v, undirected = ic_edges
    cells = runs * n
    itype = np.int32 if cells < 2**31 - 1 else np.int64
    coins = rng.integers(0, _U32_MAX, (runs, len(eu)), dtype=np.uint32, endpoint=True)
    live = coins <= thresh
    del coins
    halves = [_live_csr(live, eu, ev, n, itype)]
    if undirected:
        halves.append(_live_csr(live[:, by_v], ev[by_v], eu[by_v], n, itype))
    del live
    arr = np.full(cells, -1, dtype=np.int32)
    frontier = (np.arange(runs, dtype=itype)[:, None] * n + seeds.astype(itype)[None, :]).ravel()
    arr[frontier] = 0
    step = 0
    while len(frontier) and (max_steps is None or step < max_steps):
        found = []
        for indptr, indices in halves:
            start = indptr[frontier]
            d = indptr[frontier + 1] - start
            ends = np.cumsum(d)
            total = int(ends[-1])
            if total:
                offs = np.repeat(start - (ends - d), d)
                offs += np.arange(total, dtype=offs.dtype)
                found.append(indices[offs])
        if not found:
            break
        target = np.concatenate(found) if len(found) > 1 else found[0]
        target = np.sort(target[arr[target] < 0])
        if len(target) > 1:
            target = target[np.concatenate(([True], target[1:] != target[:-1]))]
        step += 1
        arr[target] = step
        frontier = target
    return arr.reshape(runs, n)


_SHARED: tuple[Any, ...] = ()


def _summarise_batch(rb: int, child: np.random.SeedSequence, shared: tuple[Any, ...]):
    """Simulate one batch and reduce it to counts per step, first arrivals, node sums."""
    n, indptr, indices, thresh, logq, seed_idx, model, max_steps, target_masks, keep, ic = shared
    rng = np.random.default_rng(child)
    if model == "ic" and ic is not None:
        arr = _ic_live_batch(n, ic, seed_idx, rb, max_steps, rng)
    else:
        arr = _simulate_batch(n, indptr, indices, thresh, logq, seed_idx, rb, model, max_steps,
                              rng)
    flat = arr.ravel()
    idx = np.flatnonzero(flat >= 0)  # one pass over the batch; the rest works on adopters
    steps = flat[idx].astype(np.int64)
    run = idx // n
    node = idx - run * n
    t_max = int(steps.max())
    counts = np.bincount(run * (t_max + 1) + steps,
                         minlength=rb * (t_max + 1)).reshape(rb, t_max + 1)
    k = len(target_masks)
    sector_code = np.full(n, -1, dtype=np.int64)
    for j, mask in enumerate(target_masks):  # a handful of sectors
        sector_code[mask] = j
    code = sector_code[node]
    ok = code >= 0
    never = np.iinfo(np.int64).max
    first = np.full(rb * k, never, dtype=np.int64)
    np.minimum.at(first, run[ok] * k + code[ok], steps[ok])
    fa = np.where(first == never, np.nan, first.astype(np.float64)).reshape(rb, k)
    return (counts, fa, np.bincount(node, minlength=n),
            np.bincount(node, weights=steps, minlength=n).astype(np.float64),
            arr if keep else None)


def _worker(job: tuple[int, np.random.SeedSequence]):
    return _summarise_batch(job[0], job[1], _SHARED)


def _run_batches(shared: tuple[Any, ...], sizes: list[int], children, n_jobs: int):
    """Yield the batch summaries in order, in this process or in ``n_jobs`` forked workers."""
    if n_jobs <= 1 or len(sizes) <= 1:
        for rb, child in zip(sizes, children, strict=True):
            yield _summarise_batch(rb, child, shared)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = shared  # inherited by the forked workers, never pickled
    try:
        ctx = mp.get_context("fork")
        with ProcessPoolExecutor(max_workers=n_jobs, mp_context=ctx) as pool:
            yield from pool.map(_worker, zip(sizes, children, strict=True))
    finally:
        _SHARED = ()


@dataclass
class DiffusionResult:
    """Summaries of a Monte-Carlo diffusion (see :func:`simulate_diffusion`).

    Attributes
    ----------
    counts : numpy.ndarray
        ``runs × (T + 1)`` int: nodes adopting at step ``k`` in each run (seeds at 0).
    first_arrival : pandas.DataFrame
        ``runs × sectors``: per run, the first step at which a non-seed node of
        the sector adopts (NaN when none does).
    nodes : pandas.DataFrame
        Per node (index: name): ``sector``, ``reachable`` (a path of edges that
        can transmit leads there from a seed), ``p_adopt`` (share of runs in
        which it adopts), ``mean_step`` (mean adoption step over those runs).
    n_reachable : int
        Nodes reachable from the seeds, seeds included: the denominator of shares.
    seeds : list
        The seed node keys (as in the graph: ``name`` or networkx node key).
    model, beta, runs, seed : parameters of the simulation.
    arrivals : numpy.ndarray or None
        ``runs × nodes`` arrival steps (-1: never), only with ``keep_arrivals=True``.
    """

    counts: np.ndarray
    first_arrival: pd.DataFrame
    nodes: pd.DataFrame
    n_reachable: int
    seeds: list[str]
    model: str
    beta: float
    runs: int
    seed: int | None
    arrivals: np.ndarray | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        return (f"<DiffusionResult {self.model.upper()} β={self.beta}: {self.runs} runs, "
                f"{len(self.seeds)} seeds, {self.n_reachable} reachable nodes, "
                f"mean final size {self.final_size.mean():.1f}>")

    @property
    def final_size(self) -> np.ndarray:
        """Adopters per run (seeds included)."""
        return self.counts.sum(axis=1)

    @property
    def cumulative_share(self) -> np.ndarray:
        """``runs × (T + 1)``: share of the reachable network adopted by step ``k``."""
        return np.cumsum(self.counts, axis=1) / max(self.n_reachable, 1)

    def adoption_curve(self, bands: Sequence[float] = (5, 25, 50, 75, 95)) -> pd.DataFrame:
        """Share of the reachable network adopted by each step: mean and percentile bands.

        Returns
        -------
        pandas.DataFrame
            Index ``step`` (0 = seeds only); columns ``mean`` and ``p5``, ``p25``, …
            (percentiles over runs of the cumulative share).
        """
        cum = self.cumulative_share
        out = pd.DataFrame({"mean": cum.mean(axis=0)}, index=pd.RangeIndex(cum.shape[1], name="step"))
        for q in bands:
            out[f"p{q:g}"] = np.percentile(cum, q, axis=0)
        out.attrs["name"] = "adoption curve"
        return out

    def steps_to(self, share: float) -> np.ndarray:
        """Per run, the first step by which ``share`` of the reachable network adopted (NaN: never)."""
        if not 0 < share <= 1:
            raise ParameterError(f"share must be in (0, 1], not {share}")
        cum = self.cumulative_share
        done = cum >= share - 1e-12
        first = done.argmax(axis=1).astype(np.float64)
        first[~done.any(axis=1)] = np.nan
        return first

    def time_to(self, shares: Sequence[float] = (0.5, 0.9)) -> pd.DataFrame:
        """Steps to reach each share of the reachable network: over the runs that reach it.

        Returns
        -------
        pandas.DataFrame
            Index ``share``; columns ``runs_reaching`` (share of runs), ``mean``,
            ``median``, ``p5``, ``p95`` (steps).
        """
        rows = []
        for s in shares:
            t = self.steps_to(s)
            ok = t[~np.isnan(t)]
            rows.append({
                "share": s, "runs_reaching": len(ok) / len(t) if len(t) else np.nan,
                "mean": ok.mean() if len(ok) else np.nan,
                "median": float(np.median(ok)) if len(ok) else np.nan,
                "p5": float(np.percentile(ok, 5)) if len(ok) else np.nan,
                "p95": float(np.percentile(ok, 95)) if len(ok) else np.nan,
            })
        return pd.DataFrame(rows).set_index("share")

    def first_arrival_summary(self) -> pd.DataFrame:
        """Per target sector: share of runs reaching it and the distribution of the first-arrival step."""
        fa = self.first_arrival
        out = pd.DataFrame({
            "runs_reached": fa.notna().mean(),
            "mean": fa.mean(),
            "median": fa.median(),
            "p5": fa.quantile(0.05),
            "p95": fa.quantile(0.95),
        })
        out.index.name = "sector"
        return out


def simulate_diffusion(
    graph: GraphLike,
    seeds: Hashable | Iterable[Hashable],
    *,
    model: str = "ic",
    beta: float = 0.1,
    weight: str | None = "weight",
    runs: int = 1000,
    max_steps: int | None = None,
    seed: int | None = 0,
    keep_arrivals: bool = False,
    batch_size: int | None = None,
    progress: Callable[[int], object] | None = None,
    n_jobs: int = 1,
    engine: str = "auto",
) -> DiffusionResult:
    """Monte-Carlo weighted independent-cascade or SI diffusion from seed organisations.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        E.g. :func:`netkit.build.org_graph`. Undirected edges transmit both ways.
    seeds : str, node key or sequence of node keys
        A sector (``"university"``: every vertex whose ``sector`` is
        university), one node key, or a sequence of node keys. Node keys are
        the vertex ``name`` (networkx: the node keys, of any hashable type;
        igraph without names: the vertex ids) — an integer is a key, never a
        vertex position. An unknown key raises :class:`~netkit.errors.ParameterError`.
    model : {"ic", "si"}
        Independent cascade or susceptible–infected.
    beta : float
        Per-unit-weight transmission probability; an edge of weight ``w``
        transmits with ``1 − (1 − β)^w`` per attempt.
    weight : str or None
        Edge attribute holding ``w`` (``None``: every edge has ``w = 1``).
    runs : int
        Monte-Carlo runs.
    max_steps : int, optional
        Stop each run after this many steps (default: until nothing changes).
    seed : int or None
        Seed of the random generator (default 0: the same call gives the same
        result); ``None`` draws a fresh one. See :mod:`netkit.metrics` for the seed policy.
    keep_arrivals : bool
        Keep the full ``runs × nodes`` matrix of arrival steps (memory!).
    batch_size : int, optional
        Runs simulated at once (default: as many as fit in ~4 M cells).
    progress : callable, optional
        Called with the number of runs finished after each batch (e.g. ``tqdm.update``).
    n_jobs : int
        Worker processes (forked; POSIX only) simulating batches in parallel.
        The result does not depend on ``n_jobs``: every batch has its own
        random stream, spawned from ``seed``.
    engine : {"auto", "attempts", "live"}
        IC only: ``attempts`` draws one coin per attempted edge (cheap for small
        cascades), ``live`` searches live-edge graphs (one coin per edge and run,
        cheap for large cascades); ``auto`` runs a first batch with
        ``attempts`` and switches to ``live`` when a run attempts more than half
        of the edges. Both are exact.

    Returns
    -------
    DiffusionResult
        Adoption counts per step and run, first arrival per sector, per-node
        adoption probabilities; see its methods ``adoption_curve``,
        ``time_to``, ``first_arrival_summary``.

    Raises
    ------
    ParameterError
        Unknown model or engine, unknown seed keys or sector, no seeds, missing
        weight attribute, negative weights, ``beta`` outside [0, 1], ``runs < 1``.
    EmptyGraphError
        When the graph has no vertex.

    See Also
    --------
    transmission_probability : Per-tie transmission probability from weights.
    earliest_arrival : Time-respecting reachability from sources.
    global_efficiency : Mean inverse distance of the static graph.

    Notes
    -----
    Shares are relative to the *reachable network*: the seeds and every node
    that a path of edges with positive transmission probability links to them.
    Seeds count as adopters at step 0. The first arrival in a sector ignores the
    seeds themselves (with all universities as seeds, the university row says
    when a non-seed university is first reached).

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg, É. Tardos. "Maximizing the spread of influence
       through a social network." KDD 2003.
    .. [2] G. Rossetti et al. "NDlib: a python library to model and analyze
       diffusion processes over complex networks." Int J Data Sci Anal 5, 2018.

    Examples
    --------
    SI with β = 1 on a path: the node at distance ``k`` adopts at step ``k``.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2), (2, 3)]); g.vs["name"] = list("abcd")
    >>> r = simulate_diffusion(g, ["a"], model="si", beta=1.0, weight=None, runs=3, seed=1)
    >>> r.counts.tolist()
    [[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]
    >>> r.time_to([0.5, 0.9])["median"].tolist()
    [1.0, 3.0]
    """
    if model not in MODELS:
        raise ParameterError(f"model must be one of {MODELS}, not {model!r}")
    if engine not in ("auto", "attempts", "live"):
        raise ParameterError(f"engine must be 'auto', 'attempts' or 'live', not {engine!r}")
    if runs < 1:
        raise ParameterError(f"runs must be at least 1, not {runs}")
    graph = as_igraph(graph)
    n = graph.vcount()
    if n == 0:
        raise EmptyGraphError("cannot simulate diffusion on a graph without vertices")
    seed_idx = _seed_index(graph, seeds)
    indptr, indices, prob = _csr(graph, weight, beta)
    thresh = (np.clip(np.ceil(prob * 2.0**32), 1, 2.0**32) - 1).astype(np.uint32)
    with np.errstate(divide="ignore"):
        logq = np.log1p(-prob)  # -inf for p = 1: delay 1
    reachable = _reachable(n, indptr, indices, seed_idx)
    keys = names(graph)
    sectors = (np.asarray(graph.vs["sector"], dtype=object).astype(str)
               if "sector" in graph.vs.attributes() else np.full(n, "unknown", dtype=object))
    sector_list = [s for s in SECTORS if s in set(sectors)] + sorted(set(sectors) - set(SECTORS))
    is_seed = np.zeros(n, dtype=bool)
    is_seed[seed_idx] = True
    target_masks = [(sectors == s) & ~is_seed for s in sector_list]

    if batch_size is None:
        batch_size = max(1, min(runs, _BATCH_CELLS // n))
    base = (n, indptr, indices, thresh, logq, seed_idx, model, max_steps, target_masks,
            keep_arrivals)
    pilot_seed, rest_seed = np.random.SeedSequence(seed).spawn(2)
    # a first batch with the per-attempt engine; for IC it also measures the cascade: when
    # the runs attempt more edges than half the graph, BFS in live-edge graphs is cheaper
    live = model == "ic" and engine == "live"
    pilot_runs = 0 if live else min(batch_size, runs)
    pilot = _summarise_batch(pilot_runs, pilot_seed, (*base, None)) if pilot_runs else None
    shared = (*base, None)
    rest_batch = batch_size
    if model == "ic" and engine == "auto":
        assert pilot is not None  # engine "auto" runs the pilot batch (live is False)
        attempts = float((pilot[2] * np.diff(indptr)).sum()) / pilot_runs
        live = attempts > _LIVE_EDGE_SWITCH * len(indices) / (1 if graph.is_directed() else 2)
    if live:
        ic_edges = _ic_edges(graph, weight, beta)
        shared = (*base, ic_edges)
        rest_batch = max(1, min(batch_size, _BATCH_CELLS * 2 // max(len(ic_edges[0]), 1)))
    left = runs - pilot_runs
    n_rest = -(-left // rest_batch)
    sizes = [min(rest_batch, left - b * rest_batch) for b in range(n_rest)]
    children = rest_seed.spawn(n_rest)
    counts_parts, first_parts, kept = [], [], []
    adopted = np.zeros(n, dtype=np.int64)
    step_sum = np.zeros(n, dtype=np.float64)
    for c, fa, ad, ss, arr in itertools.chain([pilot] if pilot is not None else [],
                                              _run_batches(shared, sizes, children, n_jobs)):
        counts_parts.append(c)
        first_parts.append(fa)
        adopted += ad
        step_sum += ss
        if keep_arrivals:
            kept.append(arr)
        if progress is not None:
            progress(len(c))
    width = max(c.shape[1] for c in counts_parts)
    counts = np.zeros((runs, width), dtype=np.int64)
    row = 0
    for c in counts_parts:
        counts[row:row + len(c), :c.shape[1]] = c
        row += len(c)
    first = pd.DataFrame(np.vstack(first_parts), columns=pd.Index(sector_list, name="sector"))
    first.index.name = "run"
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_step = np.where(adopted > 0, step_sum / adopted, np.nan)
    nodes = pd.DataFrame({
        "sector": sectors, "reachable": reachable, "p_adopt": adopted / runs, "mean_step": mean_step,
    }, index=keys)
    return DiffusionResult(
        counts=counts, first_arrival=first, nodes=nodes, n_reachable=int(reachable.sum()),
        seeds=keys[seed_idx].tolist(), model=model, beta=beta, runs=runs, seed=seed,
        arrivals=np.vstack(kept) if keep_arrivals else None,
    )


def global_efficiency(graph: GraphLike, weights: str | None = None, block: int = 256) -> float:
    """Global efficiency of a static graph: mean of ``1 / d(i, j)`` over ordered pairs ``i ≠ j``.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
    weights : str, optional
        Edge attribute used as a *length* (``None``: every edge has length 1).
        To treat a tie strength as closeness, pass an attribute holding ``1/w``.
    block : int
        Sources whose distances are computed at once (igraph's C core).

    Returns
    -------
    float
        ``E = 1 / (n (n − 1)) Σ_{i ≠ j} 1 / d(i, j)``; disconnected pairs
        contribute 0, so the measure is defined on disconnected graphs. 0 for
        fewer than two vertices.

    See Also
    --------
    harmonic : Sum of inverse distances (disconnected graphs).
    temporal_efficiency : Mean inverse arrival time.
    simulate_diffusion : Independent-cascade and SI spreading on the graph.

    Notes
    -----
    ``O(n (n + m))`` time: one breadth-first search (Dijkstra with weights) per
    vertex. Matches :func:`networkx.global_efficiency` on unweighted graphs.

    References
    ----------
    .. [1] V. Latora, M. Marchiori. "Efficient behavior of small-world
       networks." Phys. Rev. Lett. 87, 198701, 2001.

    Examples
    --------
    >>> import igraph as ig
    >>> round(global_efficiency(ig.Graph([(0, 1), (1, 2)])), 4)  # (1+1+1+1+.5+.5)/6
    0.8333
    """
    g = as_igraph(graph)
    n = g.vcount()
    if n < 2:
        return 0.0
    if weights is not None and weights not in g.es.attributes():
        raise ParameterError(f"the graph has no edge attribute {weights!r}")
    total = 0.0
    for lo in range(0, n, block):
        d = np.asarray(g.distances(source=range(lo, min(lo + block, n)), weights=weights),
                       dtype=np.float64)
        with np.errstate(divide="ignore"):
            inv = np.where(np.isfinite(d) & (d > 0), 1.0 / d, 0.0)
        total += inv.sum()
    return float(total / (n * (n - 1)))

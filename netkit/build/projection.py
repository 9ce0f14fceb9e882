"""Project the event × node incidence onto ties between organisations or people.

The incidence matrix ``B`` (events × nodes) is built once from the
participations (hashing, no string sorts of the full table). Its projection
``Bᵀ B`` is computed by enumerating the pairs of every event with vectorised
index arithmetic, packing (pair, year, kind) into one integer key, sorting
once and reducing each run: joint-event counts per layer, exact first and
last years and the weights of every weighting, with nothing looping over
nodes, edges or events in Python. A sparse-product formulation of the same
table is kept as a cross-check (``_edge_table(..., method="product")``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit.build.bipartite import _LEVELS, Incidence, _incidence, _scale_rows
from netkit.errors import ParameterError
from netkit.model import EVENT_KINDS, Corpus

__all__ = ["EDGE_ATTRIBUTES", "WEIGHTINGS", "edge_table", "pair_entries"]

EDGE_ATTRIBUTES = ("weight", "count", "first_year", "last_year",
                   *(f"n_{k}" for k in EVENT_KINDS))
"""Edge attributes of every projected graph."""

WEIGHTINGS = ("full", "fractional", "newman", "association")
"""The tie weightings of :func:`collaboration_graph`."""


_DECODE_BLOCK = 1 << 20  # ties per block when decoding the sorted pair keys
_KIND_BITS = 21  # per-kind joint-event counts are packed into one int64 (< 2**21 each)


def _canonical(m: sp.spmatrix) -> sp.csr_matrix:
    m = sp.csr_matrix(m)
    m.sum_duplicates()
    m.eliminate_zeros()
    return m


def _upper(m: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, column and value of the entries above the diagonal of a canonical CSR matrix."""
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    cols = m.indices.astype(np.int64)
    keep = rows < cols
    return rows[keep], cols[keep], m.data[keep]


class _Pairs:
    """The ties ``u < v`` of ``Bᵀ D B`` products sharing one sparsity pattern.

    Built from the first product: the entries above the diagonal, in canonical
    (row, column) order through one in-C index sort. Later products with the
    same input pattern have the same output pattern (and order), which is
    checked; their values are then read without any search.
    """

    def __init__(self, product: sp.csr_matrix) -> None:
        n = product.shape[0]
        self.indptr, self.indices = product.indptr, product.indices
        rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(product.indptr))
        keep = rows < product.indices
        self.keep = keep
        counts = np.bincount(rows[keep], minlength=n)
        upper = sp.csr_matrix((np.arange(int(keep.sum()), dtype=np.int64),
                               product.indices[keep], np.concatenate(([0], np.cumsum(counts)))),
                              shape=product.shape)
        upper.has_sorted_indices = False
        upper.sort_indices()  # permutes data along: data is now the sorting permutation
        self.perm = upper.data
        self.u = np.repeat(np.arange(n, dtype=np.int64), counts)
        self.v = upper.indices.astype(np.int64)
        self.n = n

    def values(self, product: sp.csr_matrix) -> np.ndarray:
        """The values of ``product`` at the ties, in order (0 where it has none)."""
        if (np.array_equal(product.indptr, self.indptr)
                and np.array_equal(product.indices, self.indices)):
            return product.data[self.keep][self.perm]
        product = _canonical(product)
        pu, pv, pd_ = _upper(product)
        out = np.zeros(len(self.u), dtype=product.dtype)
        out[np.searchsorted(self.u * self.n + self.v, pu * self.n + pv)] = pd_
        return out


def _year_range(b: sp.csr_matrix, bt: sp.csr_matrix, years: np.ndarray, pairs: _Pairs,
                max_count: int, exact_blocks: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """First and last year of the joint events of each tie (-1: no joint event has a year).

    Fast path: one product ``Bᵀ D B`` with ``D = 2^(k·(y − y₀))``, where
    ``2^k`` exceeds every pair's count; the binary exponent of the sum then
    gives the last year exactly (all terms are powers of two; lower years add
    less than one unit of the top one). The first year uses reversed years,
    carried in the imaginary part of the same (complex) product. Events
    without a year weigh ``2^-700``, far below any year, so the product keeps
    the pattern of the count product.
    When the years span too far for float64 exponents, fall back to one binary
    product per year merged by element-wise maxima in a balanced tree.
    """
    n_ties = len(pairs.u)
    fy = np.full(n_ties, -1, dtype=np.int64)
    ly = np.full(n_ties, -1, dtype=np.int64)
    known = years >= 0
    if not known.any() or not n_ties:
        return fy, ly
    y0, y1 = int(years[known].min()), int(years[known].max())
    k = int(max_count).bit_length() + 1
    if not exact_blocks and k * (y1 - y0) <= 960:
        last = np.ldexp(1.0, np.where(known, k * (years - y0), -700))
        first = np.ldexp(1.0, np.where(known, k * (y1 - years), -700))
        w = bt.astype(np.complex128) @ _scale_rows(b, last + 1j * first)
        values = pairs.values(w)
        e_last = np.frexp(values.real)[1] - 1
        e_first = np.frexp(values.imag)[1] - 1
        has = e_last >= 0
        ly[has] = e_last[has] // k + y0
        fy[has] = y1 - e_first[has] // k
        return fy, ly
    order = np.argsort(years, kind="stable")
    order = order[known[order]]
    blocks = np.split(order, np.flatnonzero(np.diff(years[order])) + 1)
    firsts, lasts = [], []
    for rows in blocks:
        y = int(years[rows[0]])
        blk = b[rows]
        pair = _canonical(blk.T.tocsr() @ blk)
        pair.data = np.full(len(pair.data), y1 - y + 1, dtype=np.int64)
        firsts.append(pair)
        last_m = pair.copy()
        last_m.data = np.full(len(pair.data), y - y0 + 1, dtype=np.int64)
        lasts.append(last_m)
    for target, mats, decode in ((fy, firsts, lambda d: y1 + 1 - d),
                                 (ly, lasts, lambda d: d - 1 + y0)):
        while len(mats) > 1:
            mats = [mats[i].maximum(mats[i + 1]) if i + 1 < len(mats) else mats[i]
                    for i in range(0, len(mats), 2)]
        d = pairs.values(mats[0])
        target[d > 0] = decode(d[d > 0])
    return fy, ly


def _edge_table(inc: Incidence, weighting: str, method: str = "pairs",
                exact_blocks: bool = False) -> dict[str, np.ndarray]:
    """One row per tie ``u < v`` (column indices) with weight, count, years and layer counts.

    ``method="pairs"`` (default) enumerates the pairs of every event
    (``Σ C(n_e, 2)`` of them) with vectorised index arithmetic, sorts their
    keys once and reduces each run: exact sums, minima and maxima, and half
    the work of the symmetric product. ``method="product"`` computes the same
    table from sparse products (kept as a cross-check):

    ``Bᵀ D B`` with ``D`` packing the event kind into bit fields gives the count
    per layer in one sparse product; first and last years come from one more
    (complex) product, see :func:`_year_range`; ``newman`` and ``fractional``
    weights from a third.
    """
    b = inc.matrix
    years = inc.events["year"].astype("float64").to_numpy(na_value=np.nan)
    years = np.where(np.isnan(years), -1, years).astype(np.int64)
    kinds = _kind_codes(inc.events["kind"])
    if method == "pairs":
        return _pair_table(inc, weighting, years, kinds)
    bt = b.T.tocsr()
    code = np.left_shift(np.int64(1), _KIND_BITS * kinds.astype(np.int64))
    packed = bt @ _scale_rows(b, code)
    pairs = _Pairs(packed)
    u, v = pairs.u, pairs.v
    packed_values = pairs.values(packed)
    mask = (1 << _KIND_BITS) - 1
    out = pd.DataFrame({"u": u, "v": v})
    layer_counts = [(packed_values >> (_KIND_BITS * i)) & mask for i in range(len(EVENT_KINDS))]
    count = layer_counts[0] + layer_counts[1] + layer_counts[2]
    out["count"] = count
    fy, ly = _year_range(b, bt, years, pairs, int(np.max(count, initial=0)), exact_blocks)
    out["first_year"] = fy
    out["last_year"] = ly
    for i, kind in enumerate(EVENT_KINDS):
        out[f"n_{kind}"] = layer_counts[i]
    if weighting == "full":
        out["weight"] = count.astype(np.float64)
    elif weighting == "association":
        occ = np.asarray(b.sum(axis=0)).ravel().astype(np.float64)
        n_events = float(np.count_nonzero(np.diff(b.indptr)))
        out["weight"] = n_events * count / (occ[u] * occ[v])
    else:
        if weighting == "newman":
            size = np.diff(b.indptr).astype(np.float64)
            # events of one node only reach the diagonal: any positive factor keeps the pattern
            factor = np.divide(1.0, size - 1.0, out=np.ones(len(size)), where=size > 1)
            w = bt.astype(np.float64) @ _scale_rows(b, factor)
        else:
            s = inc.shares
            w = s.T.tocsr() @ s
        out["weight"] = pairs.values(w).astype(np.float64)
    return {c: out[c].to_numpy() for c in out.columns}


def _kind_codes(kind: pd.Series) -> np.ndarray:
    """Index of each event's kind in :data:`EVENT_KINDS` (categorical fast path)."""
    if isinstance(kind.dtype, pd.CategoricalDtype):
        cats = np.asarray(kind.cat.categories, dtype=object)
        lookup = np.array([EVENT_KINDS.index(c) if c in EVENT_KINDS else -1 for c in cats])
        codes = kind.cat.codes.to_numpy()
        return np.where(codes >= 0, lookup[codes], -1)
    return pd.Categorical(kind.astype(str), categories=EVENT_KINDS).codes


def pair_entries(indptr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of entries of the same row of a CSR matrix, as sequential repeats.

    Returns ``later`` (for each entry, how many entries follow it in its row) and
    ``second`` (for each pair, the index of its second entry). The first entry of
    the pairs is ``np.repeat(np.arange(nnz), later)``: pair ``p`` joins entry
    ``i`` with a later entry of the same row, in row-major order, with no gathers.

    Examples
    --------
    >>> later, second = pair_entries(np.array([0, 3, 4, 6]))
    >>> later.tolist(), second.tolist()
    ([2, 1, 0, 0, 1, 0], [1, 2, 2, 5])
    """
    nnz = int(indptr[-1])
    lens = np.diff(indptr).astype(np.int64)
    entry = np.arange(nnz, dtype=np.int64)
    later = np.repeat(np.asarray(indptr[1:], dtype=np.int64), lens) - entry - 1
    second = np.arange(int(later.sum()), dtype=np.int64)
    second -= np.repeat(np.cumsum(later) - later - entry - 1, later)
    return later, second


def _packed_pair_table(b: sp.csr_matrix, event_code: np.ndarray, shift: int, y0: int,
                       unknown_rank: int | None) -> dict[str, np.ndarray]:
    """Ties, counts, years and layer counts from one sort of packed pair keys.

    Every pair ``(i, j)``, ``i < j``, of the nodes of an event becomes one int64
    key ``(i·n + j) << shift | rank(year) << 2 | kind``; after one in-place sort
    each run of equal pairs is one tie, its first key holds the first year and
    its last key with a known year the last year. Per-run sums (layer counts,
    unknown years) are differences of in-place cumulative sums at the run ends.
    At 10 million participations the pairs are ~24M-element arrays, and on
    virtual machines every freshly touched page is expensive: only two such
    int64 arrays are allocated (the keys and one work buffer), everything else
    is per tie or reuses them.
    """
    n = b.shape[1]
    indptr = b.indptr.astype(np.int64)
    nnz = int(indptr[-1])
    entry = np.arange(nnz, dtype=np.int64)
    later = np.repeat(indptr[1:], np.diff(indptr))
    later -= entry
    later -= 1  # entries after each entry in its event
    n_pairs = int(later.sum())
    cols = b.indices.astype(np.int64)
    head = cols * n
    head <<= shift
    head |= np.repeat(event_code, np.diff(indptr))
    key = np.repeat(head, later)  # first node and event of every pair, row-major
    del head
    # second entry of every pair: runs i+1, i+2, ... per first entry i, as one cumulative sum
    buf = np.ones(n_pairs, dtype=np.int64)
    firsts = np.flatnonzero(later)
    if len(firsts):
        block = np.cumsum(later[firsts]) - later[firsts]  # where each entry's pairs start
        step = firsts + 1
        step[1:] -= firsts[:-1] + later[firsts[:-1]]  # minus the last value of the previous run
        buf[block] = step
        del block, step
    del firsts, later, entry
    np.cumsum(buf, out=buf)
    np.take(cols, buf, out=buf, mode="clip")  # -> second node (elementwise, in place)
    del cols
    buf <<= shift
    key += buf
    key.sort()
    rank_mask = (1 << (shift - 2)) - 1
    out: dict[str, np.ndarray] = {}
    if not n_pairs:
        empty = np.zeros(0, dtype=np.int64)
        out.update(u=empty, v=empty.copy(), count=empty.copy(), first_year=empty.copy(),
                   last_year=empty.copy())
        for kind in EVENT_KINDS:
            out[f"n_{kind}"] = empty.copy()
        return out
    is_start = np.empty(n_pairs, dtype=bool)
    is_start[0] = True
    np.bitwise_xor(key[1:], key[:-1], out=buf[1:])
    np.right_shift(buf[1:], shift, out=buf[1:])
    np.not_equal(buf[1:], 0, out=is_start[1:])
    last = np.flatnonzero(is_start)  # first pair of each run, for now
    del is_start
    m = len(last)
    # per-tie columns are int32 (ids, counts, years): half the pages of int64; they are
    # decoded in blocks of ties so that the only tie-sized temporaries are the outputs
    new = {c: np.empty(m, dtype=np.int32) for c in ("u", "v", "count", "first_year",
                                                     "last_year", "n_publication", "n_patent")}
    out.update(new)
    first_year, count = out["first_year"], out["count"]
    blocks = [(r, min(r + _DECODE_BLOCK, m)) for r in range(0, m, _DECODE_BLOCK)]
    for r0, r1 in blocks:
        tie = key[last[r0:r1]]
        np.right_shift(tie, 2, out=first_year[r0:r1], casting="unsafe")
        tie >>= shift
        np.remainder(tie, n, out=out["v"][r0:r1], casting="unsafe")
        np.floor_divide(tie, n, out=out["u"][r0:r1], casting="unsafe")
    first_year &= rank_mask
    first_year += y0
    np.subtract(last[1:], last[:-1], out=count[:-1], casting="unsafe")
    count[-1] = n_pairs - last[-1]
    last[:-1] = last[1:]
    last[:-1] -= 1
    last[-1] = n_pairs - 1  # now the last pair of each run

    def run_sums(values: np.ndarray, ends: np.ndarray, decode) -> None:
        """Sums of ``values`` over the runs ending at ``ends``, block by block (``values`` is
        overwritten by its cumulative sum); ``decode(r0, r1, sums)`` stores each block."""
        np.cumsum(values, out=values)
        for r0, r1 in blocks:
            sums = values[ends[r0:r1]]
            sums[1:] -= values[ends[r0:r1 - 1]]
            if r0:
                sums[0] -= values[ends[r0 - 1]]
            decode(r0, r1, sums)

    unknown = None
    if unknown_rank is not None:  # pairs of events without a year (rank ``unknown_rank``) per run
        np.right_shift(key, 2, out=buf)
        buf &= rank_mask
        np.equal(buf, unknown_rank, out=buf)
        unknown = np.empty(m, dtype=np.int32)
        run_sums(buf, last, lambda r0, r1, sums: unknown.__setitem__(slice(r0, r1), sums))
    # layer counts: publication in the low 31 bits, patent above, contract = count - both
    lookup = np.array([1, 1 << 31, 0, 0], dtype=np.int64)
    np.bitwise_and(key, 3, out=buf)
    np.take(lookup, buf, out=buf, mode="clip")

    def layers(r0, r1, sums):
        np.bitwise_and(sums, (1 << 31) - 1, out=out["n_publication"][r0:r1], casting="unsafe")
        np.right_shift(sums, 31, out=out["n_patent"][r0:r1], casting="unsafe")

    run_sums(buf, last, layers)
    del buf
    contract = count - out["n_publication"]
    contract -= out["n_patent"]
    out["n_contract"] = contract
    if unknown is not None:
        last -= unknown  # the last pair with a known year
        np.maximum(last, 0, out=last)
    last_year = out["last_year"]
    for r0, r1 in blocks:
        tail = key[last[r0:r1]]
        tail >>= 2
        np.bitwise_and(tail, rank_mask, out=last_year[r0:r1], casting="unsafe")
    del last
    last_year += y0
    if unknown is not None:
        none = unknown == count
        first_year[none] = -1
        last_year[none] = -1
    order = ("u", "v", "count", "first_year", "last_year", *(f"n_{k}" for k in EVENT_KINDS))
    return {c: out[c] for c in order}


def _pair_table(inc: Incidence, weighting: str, years: np.ndarray,
                kinds: np.ndarray) -> dict[str, np.ndarray]:
    b = inc.matrix
    b.sort_indices()
    n_events, n = b.shape
    known = years >= 0
    span = int(years[known].max() - years[known].min()) + 2 if known.any() else 1
    y0 = int(years[known].min()) if known.any() else 0
    # sort by (pair, year, kind) with unknown years last, so that a run starts at its first
    # year; everything but the pair weights is decoded from the sorted key itself
    rank = np.where(known, years - y0, span - 1)
    shift = int(span - 1).bit_length() + 2  # year rank and kind packed below the pair key
    fits = n * n < 2 ** (62 - shift)  # else: astronomically many nodes
    if fits and weighting in ("full", "association"):
        event_code = (rank << 2) | kinds.astype(np.int64)
        out = _packed_pair_table(b, event_code, shift, y0,
                                 None if known.all() else span - 1)
        if weighting == "full":
            out["weight"] = out["count"].astype(np.float64)
        else:
            occ = np.bincount(b.indices, minlength=n).astype(np.float64)
            n_used = float(np.count_nonzero(np.diff(b.indptr)))
            out["weight"] = n_used * out["count"] / (occ[out["u"]] * occ[out["v"]])
        return out
    lens = np.diff(b.indptr).astype(np.int64)
    entry_event = np.repeat(np.arange(n_events, dtype=np.int64), lens)
    later, second = pair_entries(b.indptr)
    n_pairs = len(second)
    key = np.repeat(b.indices.astype(np.int64) * n, later)
    key += b.indices[second]
    ev = np.repeat(entry_event, later)
    # the first entry of each pair is only needed for fractional weights
    first = np.repeat(np.arange(b.nnz, dtype=np.int64), later) if weighting == "fractional" \
        else None
    order = np.lexsort((rank[ev], key))
    key, second, ev = key[order], second[order], ev[order]
    first = first[order] if first is not None else None
    del order
    rank = rank[ev]
    kind_of = kinds[ev].astype(np.int64)
    is_start = np.empty(n_pairs, dtype=bool)
    if n_pairs:
        is_start[0] = True
        np.not_equal(key[1:], key[:-1], out=is_start[1:])
    starts = np.flatnonzero(is_start)
    seg = np.cumsum(is_start, dtype=np.int64)
    seg -= 1
    del is_start
    m = len(starts)
    out: dict[str, np.ndarray] = {"u": key[starts] // n, "v": key[starts] % n}
    count = np.diff(np.concatenate((starts, [n_pairs]))).astype(np.int64)
    out["count"] = count
    unknown = np.bincount(seg[rank == span - 1], minlength=m)
    fy = rank[starts] + y0
    ends = starts + count - 1 - unknown  # last pair of the run with a known year
    ly = rank[np.maximum(ends, 0)] + y0 if m else np.zeros(0, dtype=np.int64)
    has = unknown < count
    out["first_year"] = np.where(has, fy, -1)
    out["last_year"] = np.where(has, ly, -1)
    kind_of += seg * 4
    per_kind = np.bincount(kind_of, minlength=4 * m).reshape(m, 4)
    for i, kind in enumerate(EVENT_KINDS):
        out[f"n_{kind}"] = per_kind[:, i].astype(np.int64)
    if weighting == "full":
        out["weight"] = count.astype(np.float64)
    elif weighting == "association":
        occ = np.asarray(b.sum(axis=0)).ravel().astype(np.float64)
        n_used = float(np.count_nonzero(lens))
        out["weight"] = n_used * count / (occ[out["u"]] * occ[out["v"]])
    elif weighting == "newman":
        out["weight"] = np.bincount(seg, weights=1.0 / (lens[ev] - 1.0), minlength=m)
    else:
        s = inc.shares
        s.sort_indices()
        if not (np.array_equal(s.indptr, b.indptr) and np.array_equal(s.indices, b.indices)):
            s = sp.csr_matrix((np.asarray(s[np.repeat(np.arange(n_events), lens), b.indices])
                               .ravel(), b.indices, b.indptr), shape=b.shape)
        out["weight"] = np.bincount(seg, weights=s.data[first] * s.data[second], minlength=m)
    return out


def edge_table(
    corpus: Corpus,
    level: str = "org",
    weighting: str = "full",
    **filters,
) -> pd.DataFrame:
    """The projection as a table, one row per tie, without building a graph.

    The same ties and edge attributes as :func:`collaboration_graph` (which
    takes the same arguments), for national-scale corpora where an igraph
    graph with Python attribute lists is the slow part: 10 million
    participation rows project in seconds, the graph takes minutes.

    Returns
    -------
    pandas.DataFrame
        ``source`` and ``target`` (categoricals over the node ids, sorted;
        ``source < target``), then :data:`EDGE_ATTRIBUTES`; ties in
        (source, target) order.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> c = toy_corpus()
    >>> t = edge_table(c)
    >>> print(t[["source", "target", "weight", "count", "first_year", "n_patent"]]
    ...       .to_string(index=False))
    source target  weight  count  first_year  n_patent
         a      b     2.0      2        2015         1
         a      c     1.0      1        2019         0
         b      c     1.0      1        2019         0
    """
    corpus, inc, table = _projection(corpus, level, weighting, **filters)
    return _tie_frame(inc.nodes, table)


def _tie_frame(node_ids: np.ndarray, table: dict[str, np.ndarray]) -> pd.DataFrame:
    """The tie table of :func:`edge_table` from the nodes and the columns of :func:`_edge_table`."""
    nodes = pd.Index(node_ids, dtype="str")
    frame = {"source": pd.Categorical.from_codes(table.pop("u"), dtype=pd.CategoricalDtype(nodes)),
             "target": pd.Categorical.from_codes(table.pop("v"), dtype=pd.CategoricalDtype(nodes))}
    frame.update((attr, table.pop(attr)) for attr in EDGE_ATTRIBUTES)
    return pd.DataFrame(frame, copy=False)


def _projection(corpus: Corpus, level: str, weighting: str, *,
                years: tuple[int, int] | list[int] | None = None,
                kinds: str | list[str] | None = None,
                sectors: str | list[str] | None = None,
                countries: str | list[str] | None = None,
                min_weight: float | None = None,
                max_event_size: int | None = None) -> tuple[Corpus, Incidence, dict]:
    """Check the arguments, filter the corpus, project: ``(corpus, incidence, edge table)``."""
    if level not in _LEVELS:
        raise ParameterError(f"level must be 'org' or 'person', not {level!r}")
    if weighting not in WEIGHTINGS:
        raise ParameterError(f"weighting must be one of {WEIGHTINGS}, not {weighting!r}")
    if any(f is not None for f in (years, kinds, sectors, countries)):
        corpus = corpus.filter(years=years, kinds=kinds, sectors=sectors, countries=countries)
    inc = _incidence(corpus, level, sort_events=False)
    if max_event_size is not None:
        if isinstance(max_event_size, bool) or not isinstance(max_event_size, int | np.integer) \
                or max_event_size < 2:
            raise ParameterError(f"max_event_size must be an integer ≥ 2, not {max_event_size!r}")
        inc = inc.without_large_events(int(max_event_size))
    table = _edge_table(inc, weighting)
    if min_weight is not None:
        keep = table["weight"] >= min_weight
        table = {c: x[keep] for c, x in table.items()}
    return corpus, inc, table

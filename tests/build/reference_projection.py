"""A reference implementation of the projection's tie table, from sparse matrix products.

Independent of the pair kernel (:mod:`netkit.build.pairs`): ``Bᵀ D B`` with ``D``
packing the event kind into bit fields gives the count per layer in one sparse
product; first and last years come from one more (complex) product, or from one
binary product per year merged by element-wise maxima (``exact_blocks``);
``newman`` and ``fractional`` weights from a third. The tests compare the kernel
with it, column by column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit.build.bipartite import Incidence, _scale_rows
from netkit.model import EVENT_KINDS

__all__ = ["product_edge_table"]

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
    """The ties ``u < v`` of ``Bᵀ D B`` products sharing one sparsity pattern, in canonical
    (row, column) order; later products with the same pattern are read without a search."""

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

    One product ``Bᵀ D B`` with ``D = 2^(k·(y − y₀))``, where ``2^k`` exceeds every
    pair's count: the binary exponent of the sum gives the last year (the first from
    reversed years, in the imaginary part). With ``exact_blocks`` (or years too far
    apart for float64 exponents), one binary product per year merged by maxima.
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


def product_edge_table(inc: Incidence, weighting: str,
                       exact_blocks: bool = False) -> dict[str, np.ndarray]:
    """The columns of :func:`netkit.build.pairs.tie_columns`, from sparse products."""
    b = inc.matrix
    years = inc.events["year"].astype("float64").to_numpy(na_value=np.nan)
    years = np.where(np.isnan(years), -1, years).astype(np.int64)
    kinds = pd.Categorical(inc.events["kind"].astype(str), categories=EVENT_KINDS).codes
    bt = b.T.tocsr()
    code = np.left_shift(np.int64(1), _KIND_BITS * kinds.astype(np.int64))
    packed = bt @ _scale_rows(b, code)
    pairs = _Pairs(packed)
    u, v = pairs.u, pairs.v
    packed_values = pairs.values(packed)
    mask = (1 << _KIND_BITS) - 1
    out: dict[str, np.ndarray] = {"u": u, "v": v}
    layer_counts = [(packed_values >> (_KIND_BITS * i)) & mask for i in range(len(EVENT_KINDS))]
    count = np.sum(layer_counts, axis=0) if layer_counts else np.zeros(len(u), dtype=np.int64)
    out["count"] = count
    out["first_year"], out["last_year"] = _year_range(b, bt, years, pairs,
                                                      int(np.max(count, initial=0)), exact_blocks)
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
    return out

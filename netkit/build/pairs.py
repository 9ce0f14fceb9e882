"""The pair kernel: the ties of the projection ``Bᵀ B`` from one sort of packed pair keys.

Every pair ``(i, j)``, ``i < j``, of the nodes of an event becomes one int64
key ``(i·n + j) << shift | rank(year) << k | kind`` with vectorised index
arithmetic (no loop over nodes, events or pairs in Python); after one sort,
each run of equal pairs is one tie. Joint-event counts per layer, exact first
and last years and the weight of any weighting of
:data:`~netkit.build.weighting.WEIGHTING_RULES` are reduced from the runs.
The layers are the event kinds of :data:`~netkit.model.EVENT_KINDS`, in its
order. A sparse-product formulation of the same table is kept in the tests as
a cross-check.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit.build.bipartite import Incidence
from netkit.build.weighting import TieTotals, Weighting
from netkit.errors import NetkitError, SchemaError
from netkit.model import EVENT_KINDS

__all__ = ["KIND_BITS", "pair_entries", "tie_columns"]

KIND_BITS = max(1, (len(EVENT_KINDS) - 1).bit_length())
"""Bits of the event kind at the bottom of a pair key."""

_DECODE_BLOCK = 1 << 20  # ties per block when decoding the sorted pair keys
_LAYER_BITS = 31  # joint events of one kind per tie < 2**31; two kinds per int64 sum
_LAYERS_PER_WORD = 63 // _LAYER_BITS


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


class _Entries:
    """Per-incidence inputs of the pair factors, in the order of the matrix's entries."""

    def __init__(self, inc: Incidence, b: sp.csr_matrix) -> None:
        self._inc, self._b = inc, b

    @cached_property
    def size(self) -> np.ndarray:
        """Distinct nodes of each entry's event."""
        lens = np.diff(self._b.indptr).astype(np.int64)
        return np.repeat(lens, lens)

    @cached_property
    def share(self) -> np.ndarray:
        """The node's share of the event (:attr:`Incidence.shares`), aligned with the entries."""
        b, s = self._b, self._inc.shares
        s.sort_indices()
        if not (np.array_equal(s.indptr, b.indptr) and np.array_equal(s.indices, b.indices)):
            rows = np.repeat(np.arange(b.shape[0]), np.diff(b.indptr))
            return np.asarray(s[rows, b.indices]).ravel()
        return s.data


def _kind_codes(kind: pd.Series) -> np.ndarray:
    """Index of each event's kind in :data:`EVENT_KINDS` (categorical fast path; -1: other)."""
    if isinstance(kind.dtype, pd.CategoricalDtype):
        cats = np.asarray(kind.cat.categories, dtype=object)
        lookup = np.array([EVENT_KINDS.index(c) if c in EVENT_KINDS else -1 for c in cats],
                          dtype=np.int64)
        codes = kind.cat.codes.to_numpy()
        return np.where(codes >= 0, lookup[codes], -1)
    return pd.Index(EVENT_KINDS).get_indexer(kind.astype(str)).astype(np.int64)


def _year_ranks(year: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each event's rank among the distinct known years (unknown: after them), and the year
    of each rank (-1 for the unknown rank, present only when a year is unknown)."""
    years = year.astype("float64").to_numpy(na_value=np.nan)
    years = np.where(np.isnan(years), -1, years).astype(np.int64)
    known = years >= 0
    y0 = int(years[known].min()) if known.any() else 0
    span = int(years[known].max()) - y0 + 1 if known.any() else 0
    if span <= max(len(years), 1 << 16):  # dense ranks by counting, no sort
        present = np.zeros(span + 1, dtype=bool)
        present[np.where(known, years - y0, span)] = True
        present[span] = False
        rank_of = np.cumsum(present) - 1
        values = np.flatnonzero(present[:span]) + y0
        rank = np.where(known, rank_of[np.where(known, years - y0, 0)], len(values))
    else:
        values = np.unique(years[known])
        rank = np.where(known, np.searchsorted(values, years), len(values))
    if not known.all():
        values = np.append(values, -1)
    return rank.astype(np.int64), values


def _enumerate_pairs(b: sp.csr_matrix, event_code: np.ndarray, shift: int,
                     first: np.ndarray | None, second: np.ndarray | None
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The packed keys of every pair in row-major order, a work buffer of the same length,
    and the pair terms ``first[i] · second[j]`` (None without ``first``).

    At 10 million participations the pairs are ~24M-element arrays, and on virtual
    machines every freshly touched page is expensive: only two such int64 arrays are
    allocated (the keys and one work buffer), plus the pair terms when asked for.
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
    terms = np.repeat(first, later) if first is not None else None
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
    if terms is not None and second is not None:
        terms *= second[buf]
    np.take(cols, buf, out=buf, mode="clip")  # -> second node (elementwise, in place)
    buf <<= shift
    key += buf
    return key, buf, terms


def tie_columns(inc: Incidence, weighting: Weighting) -> dict[str, np.ndarray]:
    """One row per tie ``u < v`` (column indices of ``inc``) with its weight, count, years
    and layer counts.

    Parameters
    ----------
    inc : Incidence
        The event × node incidence (its matrix gets sorted indices).
    weighting : Weighting
        From :data:`~netkit.build.weighting.WEIGHTING_RULES`.

    Returns
    -------
    dict of str to numpy.ndarray
        ``u``, ``v``, ``count``, ``first_year``, ``last_year`` (-1: no joint event
        has a year), ``n_<kind>`` per :data:`EVENT_KINDS`, ``weight``; ties in
        (u, v) order.

    Raises
    ------
    SchemaError
        An event of two or more nodes has a kind outside :data:`EVENT_KINDS`.
    NetkitError
        Too many nodes for the packed keys (beyond ~10⁸; project with DuckDB).

    Notes
    -----
    Without a pair term the keys are sorted in place; with one, the pairs are
    ordered stably by (tie, year) and each tie's terms are summed in that order
    (``numpy.bincount``), so the weights do not depend on the sort algorithm.
    Each run's first key holds its first year and its last key with a known
    year the last year; per-run sums (layer counts, pairs without a year) are
    differences of in-place cumulative sums at the run ends; the per-tie
    columns are int32 and decoded in blocks, so the only tie-sized temporaries
    are the outputs.

    Examples
    --------
    >>> from netkit.build.bipartite import incidence
    >>> from netkit.build.weighting import weighting_rule
    >>> from netkit.datasets import toy_corpus
    >>> t = tie_columns(incidence(toy_corpus()), weighting_rule("newman"))
    >>> t["u"].tolist(), t["v"].tolist(), t["count"].tolist(), t["weight"].tolist()
    ([0, 0, 1], [1, 2, 2], [2, 1, 1], [1.5, 0.5, 0.5])
    """
    b = inc.matrix
    b.sort_indices()
    n = b.shape[1]
    lens = np.diff(b.indptr)
    rank, year_of = _year_ranks(inc.events["year"])
    kinds = _kind_codes(inc.events["kind"])
    bad = (kinds < 0) & (lens >= 2)
    if bad.any():
        raise SchemaError([f"events.kind: {int(bad.sum())} event(s) of an unknown kind "
                           f"({inc.events['kind'].iloc[int(np.argmax(bad))]!r}); "
                           f"allowed: {', '.join(EVENT_KINDS)}"])
    rank_bits = int(len(year_of) - 1).bit_length()
    shift = rank_bits + KIND_BITS  # year rank and kind packed below the pair key
    if n * n >= 2 ** (62 - shift):
        raise NetkitError(f"{n} nodes are too many for the in-memory projection; "
                          "project with DuckDB (engine='duckdb')")
    entries = _Entries(inc, b)
    key, buf, terms = _enumerate_pairs(
        b, (rank << KIND_BITS) | np.maximum(kinds, 0), shift,
        weighting.first(entries) if weighting.first is not None else None,
        weighting.second(entries) if weighting.second is not None else None)
    if terms is None:
        key.sort()
    else:  # stable by (tie, year): the terms of a tie are summed in event order per year
        np.right_shift(key, KIND_BITS, out=buf)
        order = np.argsort(buf, kind="stable")
        np.take(key, order, out=buf)
        key, buf = buf, key
        terms = terms[order]
        del order
    out, pair_sum = _reduce_runs(key, buf, terms, n, shift, year_of,
                                 unknown_rank=len(year_of) - 1 if (year_of < 0).any() else None)
    del key, buf, terms
    occurrences = {}
    if weighting.occurrences:
        occ = np.bincount(b.indices, minlength=n).astype(np.float64)
        occurrences = {"occ_u": occ[out["u"]], "occ_v": occ[out["v"]],
                       "n_used": float(np.count_nonzero(lens))}
    out["weight"] = weighting.tie(TieTotals(out["count"], pair_sum, **occurrences))
    return out


def _reduce_runs(key: np.ndarray, buf: np.ndarray, terms: np.ndarray | None, n: int, shift: int,
                 year_of: np.ndarray, unknown_rank: int | None
                 ) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
    """The tie columns of sorted pair keys (``buf`` is overwritten) and the per-tie sums
    of ``terms``."""
    n_pairs = len(key)
    columns = ("u", "v", "count", "first_year", "last_year", *(f"n_{k}" for k in EVENT_KINDS))
    if not n_pairs:
        return ({c: np.zeros(0, dtype=np.int32) for c in columns},
                np.zeros(0) if terms is not None else None)
    rank_mask = (1 << (shift - KIND_BITS)) - 1
    is_start = np.empty(n_pairs, dtype=bool)
    is_start[0] = True
    np.bitwise_xor(key[1:], key[:-1], out=buf[1:])
    np.right_shift(buf[1:], shift, out=buf[1:])
    np.not_equal(buf[1:], 0, out=is_start[1:])
    last = np.flatnonzero(is_start)  # first pair of each run, for now
    m = len(last)
    pair_sum = None
    if terms is not None:
        np.cumsum(is_start, out=buf)
        buf -= 1  # the run of each pair
        pair_sum = np.bincount(buf, weights=terms, minlength=m)
    del is_start
    out = {c: np.empty(m, dtype=np.int32) for c in columns}
    first_year, count = out["first_year"], out["count"]
    blocks = [(r, min(r + _DECODE_BLOCK, m)) for r in range(0, m, _DECODE_BLOCK)]
    for r0, r1 in blocks:
        tie = key[last[r0:r1]]
        np.right_shift(tie, KIND_BITS, out=first_year[r0:r1], casting="unsafe")
        tie >>= shift
        np.remainder(tie, n, out=out["v"][r0:r1], casting="unsafe")
        np.floor_divide(tie, n, out=out["u"][r0:r1], casting="unsafe")
    first_year &= rank_mask
    np.subtract(last[1:], last[:-1], out=count[:-1], casting="unsafe")
    count[-1] = n_pairs - last[-1]
    last[:-1] = last[1:]
    last[:-1] -= 1
    last[-1] = n_pairs - 1  # now the last pair of each run

    def run_sums(values: np.ndarray, decode) -> None:
        """Sums of ``values`` over the runs, block by block (``values`` is overwritten by
        its cumulative sum); ``decode(r0, r1, sums)`` stores each block."""
        np.cumsum(values, out=values)
        for r0, r1 in blocks:
            sums = values[last[r0:r1]]
            sums[1:] -= values[last[r0:r1 - 1]]
            if r0:
                sums[0] -= values[last[r0 - 1]]
            decode(r0, r1, sums)

    unknown = None
    if unknown_rank is not None:  # pairs of events without a year per run
        np.right_shift(key, KIND_BITS, out=buf)
        buf &= rank_mask
        np.equal(buf, unknown_rank, out=buf)
        unknown = np.empty(m, dtype=np.int32)
        run_sums(buf, lambda r0, r1, sums: unknown.__setitem__(slice(r0, r1), sums))
    # joint events per kind: up to two kinds summed at once in 31-bit fields of an int64;
    # the last kind is the count minus the others
    counted = [f"n_{k}" for k in EVENT_KINDS[:-1]]
    for w in range(0, len(counted), _LAYERS_PER_WORD):
        word = counted[w:w + _LAYERS_PER_WORD]
        lookup = np.zeros(1 << KIND_BITS, dtype=np.int64)
        lookup[w:w + len(word)] = [1 << (_LAYER_BITS * j) for j in range(len(word))]
        np.bitwise_and(key, (1 << KIND_BITS) - 1, out=buf)
        np.take(lookup, buf, out=buf, mode="clip")

        def layers(r0, r1, sums, word=word):
            for j, column in enumerate(word):
                field = np.right_shift(sums, _LAYER_BITS * j)
                np.bitwise_and(field, (1 << _LAYER_BITS) - 1, out=out[column][r0:r1],
                               casting="unsafe")

        run_sums(buf, layers)
    rest = out[f"n_{EVENT_KINDS[-1]}"]
    rest[:] = count
    for column in counted:
        rest -= out[column]
    if unknown is not None:
        last -= unknown  # the last pair with a known year
        np.maximum(last, 0, out=last)
    last_year = out["last_year"]
    for r0, r1 in blocks:
        tail = key[last[r0:r1]]
        tail >>= KIND_BITS
        np.bitwise_and(tail, rank_mask, out=last_year[r0:r1], casting="unsafe")
    known_years = year_of[year_of >= 0]
    if len(known_years) and known_years[-1] - known_years[0] == len(known_years) - 1:
        first_year += known_years[0]  # every year in between is present: rank + first year
        last_year += known_years[0]
    else:
        np.take(year_of.astype(np.int32), first_year, out=first_year, mode="clip")
        np.take(year_of.astype(np.int32), last_year, out=last_year, mode="clip")
    if unknown is not None:
        none = unknown == count
        first_year[none] = -1
        last_year[none] = -1
    return out, pair_sum

"""The event × node incidence matrix of a corpus: who took part in what, with shares.

Built once from the participations by hashing (no string sorts of the full table);
:mod:`netkit.build.projection` projects it onto ties.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["Incidence", "incidence", "incidence_of_tables"]

# the levels of a projection and the participation column of each
LEVEL_COLUMNS = {"org": "org_id", "person": "person_id"}
LEVELS = tuple(LEVEL_COLUMNS)


class Incidence:
    """The event × node incidence of a corpus (one entry per event and node).

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        ``n_events × n_nodes``, 1 where the node took part in the event.
    nodes : numpy.ndarray of str
        Node ids in canonical (sorted) order: column ``j`` is ``nodes[j]``.
    events : pandas.DataFrame
        ``event_id``, ``kind``, ``year`` of each row of the matrix (sorted by id).
    shares : scipy.sparse.csr_matrix
        Same pattern as ``matrix``; each row sums to 1: the node's share of the
        event (from ``participations.share`` where given, else its number of
        participation rows), used by the ``fractional`` weighting.
    """

    __slots__ = ("_counts", "_shares", "events", "matrix", "nodes")

    def __init__(self, matrix: sp.csr_matrix, nodes: np.ndarray, events: pd.DataFrame,
                 shares: sp.csr_matrix | None = None,
                 counts: sp.csr_matrix | None = None) -> None:
        self.matrix = matrix
        self.nodes = nodes
        self.events = events
        self._shares = shares
        self._counts = counts  # participation rows per event and node, normalised on demand

    @property
    def shares(self) -> sp.csr_matrix:
        if self._shares is None:
            self._shares = _row_normalise(self.matrix if self._counts is None else self._counts)
            self._counts = None
        return self._shares


    def without_large_events(self, max_size: int) -> Incidence:
        """The same incidence with the rows of events of more than ``max_size`` nodes
        emptied (their nodes stay, without the ties those events made)."""
        keep = np.diff(self.matrix.indptr) <= max_size
        if keep.all():
            return self

        def rows(m: sp.csr_matrix | None) -> sp.csr_matrix | None:
            if m is None:
                return None
            entries = np.repeat(keep, np.diff(m.indptr))
            indptr = np.concatenate([[0], np.cumsum(np.diff(m.indptr) * keep)])
            return sp.csr_matrix((m.data[entries], m.indices[entries], indptr), shape=m.shape)

        return Incidence(rows(self.matrix), self.nodes, self.events, rows(self._shares),
                         rows(self._counts))


def _scale_rows(m: sp.csr_matrix, factor: np.ndarray) -> sp.csr_matrix:
    """``diag(factor) @ m`` for a CSR matrix, keeping the dtype of ``factor``."""
    out = sp.csr_matrix((np.repeat(factor, np.diff(m.indptr)) * m.data.astype(factor.dtype),
                         m.indices.copy(), m.indptr.copy()), shape=m.shape)
    return out


def _row_normalise(m: sp.csr_matrix) -> sp.csr_matrix:
    sums = np.asarray(m.sum(axis=1)).ravel().astype(np.float64)
    inv = np.divide(1.0, sums, out=np.zeros_like(sums), where=sums > 0)
    return _scale_rows(m, inv)


def _arrow_strings(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    """``values`` as an Arrow string array (zero-copy for pandas' Arrow-backed strings)."""
    if isinstance(values.dtype, pd.CategoricalDtype) or not pd.api.types.is_string_dtype(values):
        values = values.astype("str")
    return pa.array(values.array)


def _to_numpy(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return values.to_numpy() if isinstance(values, pa.ChunkedArray) \
        else values.to_numpy(zero_copy_only=False)


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (int32) of ``values`` in sorted order of the distinct values.

    One Arrow hash pass (``dictionary_encode``), then a sort of the distinct
    values only (UTF-8 byte order, which is code-point order).
    """
    encoded = pc.dictionary_encode(_arrow_strings(values))
    if isinstance(encoded, pa.ChunkedArray):
        dictionary = encoded.chunk(0).dictionary if encoded.num_chunks else pa.array([], pa.string())
        codes = np.concatenate([np.asarray(c.indices.to_numpy(), dtype=np.int32)
                                for c in encoded.chunks]) if encoded.num_chunks \
            else np.zeros(0, dtype=np.int32)
    else:
        dictionary = encoded.dictionary
        codes = np.asarray(encoded.indices.to_numpy(), dtype=np.int32)
    order = pc.sort_indices(dictionary).to_numpy()
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return rank[codes], np.asarray(_to_numpy(dictionary.take(order)), dtype=object)


def _positions(values: pd.Series, of: pd.Series) -> np.ndarray | None:
    """Position (int32) of each of ``values`` in ``of`` (ids, no duplicates); None if one is missing."""
    pos = pc.index_in(_arrow_strings(values), value_set=_arrow_strings(of))
    if pos.null_count:
        return None
    return np.asarray(_to_numpy(pos), dtype=np.int32)


def incidence(corpus: Corpus, level: str = "org") -> Incidence:
    """The incidence matrix of organisations (``level="org"``) or people (``"person"``).

    Parameters
    ----------
    corpus : Corpus
    level : {"org", "person"}

    Returns
    -------
    Incidence
        Rows are the events with at least one participation at this level,
        sorted by ``event_id``; columns are the nodes, sorted by id.

    Raises
    ------
    ParameterError
        If ``level`` is not ``"org"`` or ``"person"``.

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["b", "a"], "name": ["B", "A"], "sector": ["firm", "university"]},
    ...     events={"event_id": ["e1"], "kind": ["patent"], "year": [2020]},
    ...     participations={"event_id": ["e1", "e1", "e1"], "org_id": ["a", "b", "a"],
    ...                     "role": ["assignee"] * 3},
    ... )
    >>> inc = incidence(c)
    >>> list(inc.nodes), inc.matrix.toarray().tolist(), inc.shares.toarray().round(3).tolist()
    (['a', 'b'], [[1, 1]], [[0.667, 0.333]])
    """
    return _incidence(corpus, level, sort_events=True)


def _incidence(corpus: Corpus, level: str, sort_events: bool) -> Incidence:
    return incidence_of_tables(corpus.participations, corpus.events, level, sort_events)


def incidence_of_tables(participations: pd.DataFrame, events: pd.DataFrame, level: str = "org",
                        sort_events: bool = False) -> Incidence:
    """The incidence of bare tables: participations (``event_id``, the level's id column,
    ``share``) and events (``event_id``, ``kind``, ``year``), without a :class:`Corpus`.

    The rules of :func:`incidence`; this is what projection engines reading
    participation files (not a corpus folder) use. Every participation must
    name an event of ``events``.
    """
    column = LEVEL_COLUMNS.get(level)
    if column is None:
        raise ParameterError(f"level must be 'org' or 'person', not {level!r}")
    part = participations
    keep = part[column].notna().to_numpy()
    if not keep.all():
        part = part.loc[keep]
    ev = events[["event_id", "kind", "year"]]
    # the two hash passes over the participations run side by side (Arrow releases the GIL)
    with ThreadPoolExecutor(max_workers=2) as pool:
        if sort_events:
            event_codes = pool.submit(_sorted_codes, part["event_id"])
        else:  # rows = every event, in table order: a hash of the event ids, probed
            event_codes = pool.submit(_positions, part["event_id"], ev["event_id"])
        cols, nodes = _sorted_codes(part[column])
        rows = event_codes.result()
    if sort_events:
        rows, event_ids = rows
        n_events = len(event_ids)
        pos = pd.Index(ev["event_id"]).get_indexer(event_ids)
        events = ev.iloc[pos].reset_index(drop=True)
    else:
        if rows is None:
            codes, _ = pd.factorize(pd.concat([ev["event_id"], part["event_id"]],
                                              ignore_index=True))
            rows = codes[len(ev):]
        n_events = len(ev)
        events = ev.reset_index(drop=True)
    shape = (n_events, len(nodes))
    # COO -> CSR is a counting sort in C; duplicates are summed (participation rows per node)
    binary = sp.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=shape)
    shares = counts = None
    if part["share"].notna().any():
        share = part["share"].astype("float64").to_numpy(na_value=np.nan)
        share = np.where(np.isnan(share), 1.0, share)
        shares = _row_normalise(sp.csr_matrix((share, (rows, cols)), shape=shape))
    del rows, cols
    if binary.data.max(initial=1) > 1:  # a node with several rows in one event
        counts = binary
        binary = sp.csr_matrix((np.ones(binary.nnz, dtype=np.int64), binary.indices,
                                binary.indptr), shape=shape)
    return Incidence(binary, nodes, events, shares, None if shares is not None else counts)

"""Tie tables on disk: write and read :func:`~netkit.build.edge_table` as Parquet, and
build the collaboration graph from a tie table made elsewhere (``netkit project`` with
DuckDB or Spark, another machine, an earlier run).

Every projection engine writes the same Parquet schema, :data:`TIE_SCHEMA`.
"""

from __future__ import annotations

import glob
from pathlib import Path

import igraph as ig
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from netkit.build.bipartite import LEVELS
from netkit.build.graphs import _set_vertex_attributes, _vertex_frame, shared_values
from netkit.build.projection import EDGE_ATTRIBUTES
from netkit.errors import InputError, ParameterError
from netkit.model import Corpus
from netkit.model.files import atomic_path

__all__ = ["TIE_COLUMNS", "TIE_SCHEMA", "graph_from_edge_table", "read_edge_table",
           "write_edge_table"]

TIE_COLUMNS = ("source", "target", *EDGE_ATTRIBUTES)
"""The columns of a tie table, in order (those of :func:`~netkit.build.edge_table`)."""

TIE_SCHEMA = pa.schema([("source", pa.string()), ("target", pa.string()),
                        ("weight", pa.float64()),
                        *((c, pa.int64()) for c in EDGE_ATTRIBUTES[1:])])
"""The Parquet schema every projection engine writes: ids as strings, ``weight`` as
double, counts and years (-1: unknown) as int64; rows in (source, target) order."""


def _ids(column: pd.Series) -> pa.Array:
    """Node ids as an Arrow string array (a categorical is gathered in Arrow: no Python strings)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = pa.array(np.asarray(column.cat.categories, dtype=object), pa.string())
        return categories.take(pa.array(column.cat.codes.to_numpy()))
    return pa.array(column.astype(str).to_numpy(dtype=object), pa.string())


def write_edge_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a tie table (:func:`~netkit.build.edge_table`) as Parquet with :data:`TIE_SCHEMA`.

    The file is written atomically (:func:`netkit.model.files.atomic_path`), so a
    crash never leaves half a table behind.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netkit.datasets import synthetic_ecosystem
    >>> from netkit.build import edge_table
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> ties = edge_table(corpus)
    >>> path = write_edge_table(ties, pathlib.Path(tempfile.mkdtemp()) / "ties.parquet")
    >>> back = read_edge_table(path)
    >>> back[["source", "target", "weight"]].astype(str).equals(
    ...     ties[["source", "target", "weight"]].astype(str))
    True
    """
    missing = [c for c in TIE_COLUMNS if c not in table.columns]
    if missing:
        raise ParameterError(f"not a tie table: no column(s) {', '.join(missing)}")
    arrays = [_ids(table["source"]), _ids(table["target"]),
              pa.array(table["weight"].to_numpy(dtype=np.float64), pa.float64())]
    arrays += [pa.array(table[c].to_numpy(dtype=np.int64), pa.int64())
               for c in EDGE_ATTRIBUTES[1:]]
    path = Path(path)
    with atomic_path(path) as tmp:
        pq.write_table(pa.Table.from_arrays(arrays, schema=TIE_SCHEMA), tmp)
    return path


def _tie_files(path: str | Path) -> list[str]:
    """The Parquet file(s) of a tie table: a file, a folder of part files, or a glob."""
    text = str(path)
    if glob.has_magic(text):
        files = sorted(glob.glob(text, recursive=True))
    elif Path(text).is_dir():
        files = sorted(str(p) for p in Path(text).rglob("*.parquet"))
    else:
        files = [text] if Path(text).exists() else []
    if not files:
        raise InputError("no tie table (Parquet) found", file=text,
                         hint="give the --out of `netkit project` (a .parquet file or folder)")
    return files


def read_edge_table(path: str | Path) -> pd.DataFrame:
    """Read a tie table written by any projection engine (a file, a folder of parts, a glob).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`~netkit.build.edge_table`: ``source`` and
        ``target`` as categoricals over the sorted ids of the table's nodes,
        then :data:`~netkit.build.EDGE_ATTRIBUTES`, ties in (source, target)
        order.

    Raises
    ------
    InputError
        No such file, not Parquet, or a column of :data:`TIE_COLUMNS` missing.
    """
    files = _tie_files(path)
    tables = []
    for f in files:
        try:
            schema = pq.read_schema(f)
        except (OSError, pa.ArrowException) as exc:
            raise InputError(f"not a Parquet file ({exc})", file=f) from None
        missing = [c for c in TIE_COLUMNS if c not in schema.names]
        if missing:
            raise InputError(f"not a tie table: no column(s) {', '.join(missing)}", file=f,
                             hint="write it with `netkit project` or write_edge_table")
        tables.append(pq.read_table(f, columns=list(TIE_COLUMNS)).cast(TIE_SCHEMA))
    table = pa.concat_tables(tables).to_pandas()
    nodes = pd.Index(np.unique(np.concatenate([table["source"].to_numpy(dtype=object),
                                               table["target"].to_numpy(dtype=object)])),
                     dtype="str")
    dtype = pd.CategoricalDtype(nodes)
    frame = {"source": pd.Categorical(table["source"], dtype=dtype),
             "target": pd.Categorical(table["target"], dtype=dtype)}
    frame.update((c, table[c].to_numpy()) for c in EDGE_ATTRIBUTES)
    out = pd.DataFrame(frame, copy=False)
    swapped = out["source"].cat.codes.to_numpy() > out["target"].cat.codes.to_numpy()
    if swapped.any():
        raise InputError(f"{int(swapped.sum())} tie(s) with source after target", file=files[0],
                         hint="a tie table lists each tie once, source < target")
    order = np.lexsort((out["target"].cat.codes, out["source"].cat.codes))
    if not np.array_equal(order, np.arange(len(out))):
        out = out.iloc[order].reset_index(drop=True)
    return out


def graph_from_edge_table(edges: pd.DataFrame | str | Path, corpus: Corpus | None = None,
                          level: str = "org", weighting: str | None = None) -> ig.Graph:
    """The collaboration graph of a tie table (a DataFrame or a Parquet path).

    The sibling of :func:`~netkit.build.org_graph` for a projection made
    elsewhere (``netkit project --engine duckdb|spark``): with the corpus the
    ties came from, the graph is the one :func:`~netkit.build.collaboration_graph`
    builds (same vertices in the same order, same attributes).

    Parameters
    ----------
    edges : DataFrame or path
        A tie table (:func:`~netkit.build.edge_table`, :func:`read_edge_table`)
        or the path of one.
    corpus : Corpus, optional
        Gives the vertex attributes (``label``, ``sector`` …) and the nodes
        without ties (every node with a participation at this level). Without
        it, the vertices are the nodes of the ties, labelled by their ids.
    level : {"org", "person"}
    weighting : str, optional
        Recorded as the graph attribute ``weighting`` (the table does not say).

    Returns
    -------
    igraph.Graph
        As :func:`~netkit.build.collaboration_graph`.

    Examples
    --------
    >>> from netkit.datasets import synthetic_ecosystem
    >>> from netkit.build import edge_table, org_graph
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> g = graph_from_edge_table(edge_table(corpus), corpus)
    >>> h = org_graph(corpus)
    >>> g.vs["name"] == h.vs["name"], sorted(g.get_edgelist()) == sorted(h.get_edgelist())
    (True, True)
    """
    if level not in LEVELS:
        raise ParameterError(f"level must be 'org' or 'person', not {level!r}")
    if not isinstance(edges, pd.DataFrame):
        edges = read_edge_table(edges)
    source = edges["source"].astype(str).to_numpy(dtype=object)
    target = edges["target"].astype(str).to_numpy(dtype=object)
    ids = [source, target]
    if corpus is not None:
        column = "org_id" if level == "org" else "person_id"
        ids.append(corpus.participations[column].dropna().astype(str).to_numpy(dtype=object))
    nodes = np.unique(np.concatenate(ids)) if any(len(x) for x in ids) \
        else np.zeros(0, dtype=object)
    index = pd.Index(nodes)
    u, v = index.get_indexer(source), index.get_indexer(target)
    graph = ig.Graph(n=len(nodes), edges=list(zip(u.tolist(), v.tolist(), strict=True)),
                     directed=False)
    graph.vs["name"] = nodes.tolist()
    if corpus is not None:
        _set_vertex_attributes(graph, _vertex_frame(corpus, level, nodes))
    else:
        graph.vs["label"] = nodes.tolist()
    graph.es["weight"] = edges["weight"].to_numpy(dtype=np.float64).tolist()
    for attr in EDGE_ATTRIBUTES[1:]:
        graph.es[attr] = shared_values(edges[attr].to_numpy(dtype=np.int64))
    graph["level"] = level
    if weighting is not None:
        graph["weighting"] = weighting
    return graph

"""The in-memory engine: netkit's own projection (:func:`~netkit.build.edge_table`).

A corpus folder is loaded and projected as it is; participation files are read
with pyarrow into the two bare tables the projection needs (participations, and
events with the smallest year and kind of their rows), then projected by the
same code, :func:`~netkit.build.bipartite.incidence_of_tables` and
:func:`~netkit.build.projection._edge_table`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from netkit.build.bipartite import incidence_of_tables
from netkit.build.engines.source import ProjectionInput, ProjectionParams
from netkit.build.projection import _edge_table, _tie_frame, edge_table
from netkit.errors import InputError
from netkit.model import EVENT_KINDS

__all__ = ["BYTES_PER_ROW", "project", "read_tables", "run"]


BYTES_PER_ROW = 1000
"""Peak memory of this engine per participation row, about (measured by
``scripts/bench_project.py``: 1.1 GB at 10⁶ rows of heavy-tailed events, fractional); the
automatic engine choice compares ``rows × BYTES_PER_ROW`` with the memory available."""


def _strings(t: pa.Table) -> pd.DataFrame:
    return t.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow"),
                                     pa.large_string(): pd.StringDtype("pyarrow")}.get)


def read_tables(src: ProjectionInput, params: ProjectionParams) -> tuple[pd.DataFrame,
                                                                           pd.DataFrame]:
    """Participations and events of participation files, filtered by years and kinds."""
    column = params.column
    wanted = ["event_id", column, "year", "kind"] + (["share"] if src.has_share else [])
    parts = []
    for f in src.files:
        t = pq.read_table(f, columns=wanted)
        kind = t["kind"]
        bad = pc.invert(pc.fill_null(pc.is_in(kind, value_set=pa.array(EVENT_KINDS)), False))
        if pc.any(bad).as_py():
            example = pc.filter(kind, bad)[0].as_py()
            raise InputError(f"{pc.sum(bad).as_py()} row(s) with an unknown kind "
                             f"({example!r})", file=f,
                             hint=f"kind must be one of {', '.join(EVENT_KINDS)}")
        parts.append(t.select(wanted).cast(pa.schema([
            ("event_id", pa.string()), (column, pa.string()), ("year", pa.int64()),
            ("kind", pa.string()), *([("share", pa.float64())] if src.has_share else [])])))
    table = pa.concat_tables(parts)
    del parts
    events = table.group_by("event_id").aggregate([("year", "min"), ("kind", "min")]) \
        .rename_columns(["event_id", "year", "kind"])
    if params.years is not None:
        lo, hi = params.years
        events = events.filter(pc.fill_null(pc.and_(pc.greater_equal(events["year"], lo),
                                                    pc.less_equal(events["year"], hi)), False))
    if params.kinds is not None:
        events = events.filter(pc.is_in(events["kind"], value_set=pa.array(list(params.kinds))))
    if params.years is not None or params.kinds is not None:
        table = table.filter(pc.is_in(table["event_id"], value_set=events["event_id"]))
    part = _strings(table.drop_columns(["year", "kind"]))
    del table
    if "share" not in part.columns:
        part["share"] = float("nan")
    ev = _strings(events)
    ev["year"] = ev["year"].astype("Int64")
    return part, ev


def project(src: ProjectionInput, params: ProjectionParams) -> pd.DataFrame:
    """The tie table of ``src`` (a DataFrame, as :func:`~netkit.build.edge_table`)."""
    src.check_level(params.level)
    if src.kind == "corpus":
        from netkit.model import load

        corpus = load(Path(src.files[0]).parent)
        return edge_table(corpus, params.level, params.weighting, years=params.years,
                          kinds=list(params.kinds) if params.kinds is not None else None,
                          max_event_size=params.max_event_size)
    part, events = read_tables(src, params)
    inc = incidence_of_tables(part, events, params.level, sort_events=False)
    del part
    if params.max_event_size is not None:
        inc = inc.without_large_events(params.max_event_size)
    return _tie_frame(inc.nodes, _edge_table(inc, params.weighting))


def run(src: ProjectionInput, params: ProjectionParams, out: str | Path) -> int:
    """Project ``src`` in memory and write the tie table to ``out``; returns the number of ties."""
    from netkit.build.tie_table import write_edge_table

    table = project(src, params)
    write_edge_table(table, out)
    return len(table)

"""The DuckDB engine: the projection as SQL over Parquet, within a memory limit.

For participation tables that do not fit in memory. DuckDB reads the Parquet
files, and every step — the distinct (event, node) incidences with their summed
shares, the pair enumeration (a self-join of the incidences on the event) and
the aggregation of the pairs into ties — runs in its buffer manager under
``memory_limit``, spilling to ``temp_dir`` when the data do not fit. Node ids are
replaced by their rank in sorted order first, so the pairs are two integers,
and the tie table comes out in (source, target) order.

The rules are those of :func:`~netkit.build.edge_table`, the weights those of
:data:`~netkit.build.weighting.WEIGHTING_RULES` (their SQL text): one incidence per
event and node whatever the number of rows, shares ``coalesce(share, 1)``
summed per node and normalised per event, years and kinds from the events,
``-1`` for a tie none of whose joint events has a year.

Needs the ``scale`` extra (``pip install netkit[scale]``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from netkit.build.engines.source import ProjectionInput, ProjectionParams, available_memory
from netkit.build.weighting import Weighting, weighting_rule
from netkit.errors import InputError, NetkitError
from netkit.model import EVENT_KINDS
from netkit.model.files import atomic_path

__all__ = ["default_memory_limit", "project", "run"]


log = logging.getLogger(__name__)


def default_memory_limit() -> int:
    """Bytes DuckDB may use by default: half the available memory, at most 1.2 GB (the 2 GB
    peak of a 40-million-row projection includes Python, netkit's imports and what DuckDB
    allocates outside its buffer manager)."""
    return int(min(1.2 * 2**30, available_memory() // 2))


def _connect(db_path: str, memory_limit: int, threads: int | None, temp_dir: str):
    try:
        import duckdb
    except ImportError:
        raise NetkitError("the duckdb engine needs DuckDB: pip install netkit[scale]") from None
    con = duckdb.connect(db_path)
    con.execute(f"SET memory_limit = '{max(memory_limit // 2**20, 64)}MB'")
    con.execute(f"SET threads = {int(threads or os.cpu_count() or 1)}")
    con.execute(f"SET temp_directory = '{_quote(temp_dir)}'")
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")  # a library does not write to the terminal
    return con


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _files(files) -> str:
    return "[" + ", ".join(f"'{_quote(f)}'" for f in files) + "]"


def _event_filter(params: ProjectionParams) -> str:
    terms = []
    if params.years is not None:
        terms.append(f"year BETWEEN {int(params.years[0])} AND {int(params.years[1])}")
    if params.kinds is not None:
        terms.append("kind IN (" + ", ".join(f"'{k}'" for k in params.kinds) + ")")
    return (" WHERE " + " AND ".join(terms)) if terms else ""


def _check_kinds(con, src: ProjectionInput, relation: str) -> None:
    allowed = ", ".join(f"'{k}'" for k in EVENT_KINDS)
    n, example = con.execute(f"SELECT count(*), any_value(kind) FROM {relation} "
                             f"WHERE kind IS NULL OR kind NOT IN ({allowed})").fetchone()
    if n:
        raise InputError(f"{n} row(s) with an unknown kind ({example!r})",
                         file=src.events_file or src.files[0],
                         hint=f"kind must be one of {', '.join(EVENT_KINDS)}")


def _weight_sql(rule: Weighting, n_used: int) -> tuple[str, str]:
    """(aggregate over the pairs ``a``, ``b``, weight expression over the tie row) of a
    weighting's rule (:data:`~netkit.build.weighting.WEIGHTING_RULES`)."""
    aggregate = f"sum({rule.pair_sql.format(a='a', b='b')}) AS w" if rule.pair_sql else "0 AS w"
    weight = rule.tie_sql.format(count="cnt", pair_sum="w", occ_u="ou.occ", occ_v="ov.occ",
                                 n_used=int(n_used))
    return aggregate, weight


def run(src: ProjectionInput, params: ProjectionParams, out: str | Path, **options) -> int:
    """The engine interface: :func:`project`."""
    return project(src, params, out, **options)


def project(src: ProjectionInput, params: ProjectionParams, out: str | Path, *,
            memory_limit: int | None = None, threads: int | None = None,
            temp_dir: str | Path | None = None) -> int:
    """Project ``src`` with DuckDB and write the tie table (Parquet) to ``out``.

    Parameters
    ----------
    src, params
        The input and the projection's choices.
    out : path
        The Parquet file written (atomically: a temporary name, then renamed).
    memory_limit : int, optional
        Bytes DuckDB may hold (default :func:`default_memory_limit`).
    threads : int, optional
        Worker threads (default: every core).
    temp_dir : path, optional
        Where DuckDB spills (default: a new folder under the system's temporary
        folder, removed afterwards).

    Returns
    -------
    int
        The number of ties written.
    """
    src.check_level(params.level)
    out = Path(out)
    own_tmp = temp_dir is None
    work = Path(tempfile.mkdtemp(prefix="netkit-duckdb-", dir=temp_dir))
    try:
        con = _connect(str(work / "projection.duckdb"), memory_limit or default_memory_limit(),
                       threads, str(work / "spill"))
        try:
            n = _run(con, src, params, out)
        finally:
            con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not own_tmp:
            log.debug("spill folder %s removed", work)
    return n


def _run(con, src: ProjectionInput, params: ProjectionParams, out: Path) -> int:
    col = params.column
    share = "share" if src.has_share else "NULL"
    if src.kind == "corpus":
        con.execute(f"CREATE VIEW raw AS SELECT event_id::VARCHAR AS event_id, "
                    f"{col}::VARCHAR AS node, {share}::DOUBLE AS share "
                    f"FROM read_parquet({_files(src.files)})")
        con.execute(f"CREATE VIEW ev_all AS SELECT event_id::VARCHAR AS event_id, "
                    f"year::BIGINT AS year, kind::VARCHAR AS kind "
                    f"FROM read_parquet('{_quote(src.events_file)}')")
        _check_kinds(con, src, "ev_all")
        con.execute(f"CREATE TABLE ev AS SELECT * FROM ev_all{_event_filter(params)}")
    else:
        con.execute(f"CREATE VIEW raw AS SELECT event_id::VARCHAR AS event_id, "
                    f"{col}::VARCHAR AS node, {share}::DOUBLE AS share, year::BIGINT AS year, "
                    f"kind::VARCHAR AS kind "
                    f"FROM read_parquet({_files(src.files)}, union_by_name = true)")
        _check_kinds(con, src, "raw")
        con.execute(f"CREATE TABLE ev AS SELECT * FROM (SELECT event_id, min(year) AS year, "
                    f"min(kind) AS kind FROM raw GROUP BY event_id){_event_filter(params)}")
    filtered = params.years is not None or params.kinds is not None
    # one incidence per event and node, its share the sum of its rows' shares (1 where missing)
    con.execute("CREATE TABLE en AS SELECT r.event_id, r.node, sum(coalesce(r.share, 1.0)) AS s "
                "FROM raw r " + ("SEMI JOIN ev USING (event_id) " if filtered else "")
                + "WHERE r.node IS NOT NULL GROUP BY r.event_id, r.node")
    con.execute("CREATE TABLE nodes AS SELECT node, (row_number() OVER (ORDER BY node) - 1)"
                "::INTEGER AS code FROM (SELECT DISTINCT node FROM en)")
    # events of more than max_event_size nodes are left out (their nodes stay)
    largest = "" if params.max_event_size is None else \
        f" HAVING count(*) <= {int(params.max_event_size)}"
    con.execute("CREATE TABLE evs AS SELECT event_id, row_number() OVER () AS eid, "
                "count(*)::INTEGER AS n, sum(s) AS tot FROM en GROUP BY event_id" + largest)
    n_used = con.execute("SELECT count(*) FROM evs").fetchone()[0]
    kind_code = "CASE ev.kind " + " ".join(f"WHEN '{k}' THEN {i}"
                                           for i, k in enumerate(EVENT_KINDS)) + " END"
    con.execute(f"CREATE TABLE inc AS SELECT evs.eid, nodes.code, "
                f"CASE WHEN evs.tot > 0 THEN en.s / evs.tot ELSE 0.0 END AS share, "
                f"ev.year, ({kind_code})::TINYINT AS kind, evs.n "
                f"FROM en JOIN evs USING (event_id) JOIN ev USING (event_id) "
                f"JOIN nodes USING (node) WHERE evs.n >= 2")
    rule = weighting_rule(params.weighting)
    if rule.occurrences:
        con.execute("CREATE TABLE occ AS SELECT nodes.code, count(*) AS occ "
                    "FROM en JOIN evs USING (event_id) JOIN nodes USING (node) "
                    "GROUP BY nodes.code")
    con.execute("DROP TABLE en")
    aggregate, weight = _weight_sql(rule, n_used)
    occ_join = ("JOIN occ ou ON ou.code = t.u JOIN occ ov ON ov.code = t.v "
                if rule.occurrences else "")
    counts = ", ".join(f"sum((a.kind = {i})::BIGINT) AS n_{k}"
                       for i, k in enumerate(EVENT_KINDS))
    with atomic_path(out) as tmp:
        con.execute(
            f"COPY (SELECT ns.node AS source, nt.node AS target, ({weight})::DOUBLE AS weight, "
            f"cnt AS count, coalesce(fy, -1)::BIGINT AS first_year, "
            f"coalesce(ly, -1)::BIGINT AS last_year, "
            + ", ".join(f"n_{k}::BIGINT AS n_{k}" for k in EVENT_KINDS)
            + f" FROM (SELECT a.code AS u, b.code AS v, count(*)::BIGINT AS cnt, min(a.year) AS fy, "
            f"max(a.year) AS ly, {counts}, {aggregate} "
            f"FROM inc a JOIN inc b ON a.eid = b.eid AND a.code < b.code GROUP BY a.code, b.code) t "
            f"JOIN nodes ns ON ns.code = t.u JOIN nodes nt ON nt.code = t.v {occ_join}"
            f"ORDER BY t.u, t.v) TO '{_quote(str(tmp))}' (FORMAT parquet)")
    return int(con.execute(f"SELECT count(*) FROM read_parquet('{_quote(str(out))}')")
               .fetchone()[0])

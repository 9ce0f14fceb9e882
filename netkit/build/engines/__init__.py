"""Projection engines: the same tie table from participations, in memory, in DuckDB or on Spark.

* ``memory``: numpy in this process (:func:`~netkit.build.edge_table`); the default, needs
  nothing more;
* ``duckdb``: DuckDB over Parquet, within a memory limit, spilling to disk
  (``pip install netkit[scale]``);
* ``spark``: Spark, in local mode or on a cluster (``pip install netkit[spark]`` and Java).

Every engine reads a corpus folder or Parquet files of participations
(:func:`~netkit.build.engines.source.projection_input`) and writes the same
Parquet tie table (:data:`~netkit.build.tie_table.TIE_SCHEMA`), equal within
rounding of the weights (1e-9). ``engine="auto"`` takes ``memory`` when the
participations fit in the available memory, else ``duckdb``.

An engine is a module with ``run(src, params, out, **options) -> int`` (ties
written); :data:`ENGINES` maps names to modules, imported only when used, so
``import netkit`` never imports DuckDB or PySpark.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from netkit.build.engines.source import (
    ProjectionInput,
    ProjectionParams,
    available_memory,
    projection_input,
)
from netkit.errors import ParameterError

__all__ = ["ENGINES", "ProjectionInput", "ProjectionParams", "ProjectionResult",
           "choose_engine", "project", "projection_input"]

log = logging.getLogger(__name__)

ENGINES: dict[str, str] = {
    "memory": "netkit.build.engines.memory",
    "duckdb": "netkit.build.engines.duckdb",
    "spark": "netkit.build.engines.spark",
}
"""Engine name → module (imported on first use)."""

_OPTIONS = {"memory": set(), "duckdb": {"memory_limit", "threads", "temp_dir"},
            "spark": {"spark", "master", "conf"}}
"""The options each engine takes (the others are ignored, so that one set of options
serves ``engine="auto"``)."""


@dataclass(frozen=True)
class ProjectionResult:
    """What :func:`project` did: the engine, the file written, rows in and ties out, seconds."""

    engine: str
    out: str
    rows: int
    ties: int
    seconds: float


def choose_engine(src: ProjectionInput, memory: int | None = None) -> str:
    """``"memory"`` when the participations fit in half the available memory, else ``"duckdb"``.

    The memory engine needs about
    :data:`~netkit.build.engines.memory.BYTES_PER_ROW` bytes per participation
    row (the row count comes from the Parquet footers).

    Examples
    --------
    >>> src = ProjectionInput("participations", ("p.parquet",), None, frozenset(), 10**6, 0)
    >>> choose_engine(src, memory=8 * 2**30), choose_engine(src, memory=2**28)
    ('memory', 'duckdb')
    """
    from netkit.build.engines.memory import BYTES_PER_ROW

    memory = available_memory() if memory is None else memory
    return "memory" if src.rows * BYTES_PER_ROW <= memory // 2 else "duckdb"


def project(source: str | Path | ProjectionInput, out: str | Path, *, engine: str = "auto",
            level: str = "org", weighting: str = "full",
            years: tuple[int, int] | None = None, kinds: list[str] | str | None = None,
            max_event_size: int | None = None, **options: Any) -> ProjectionResult:
    """Project participations onto the tie table and write it as Parquet.

    Parameters
    ----------
    source : path or ProjectionInput
        A corpus folder, a Parquet file of participations, a folder of them or a glob.
    out : path
        The tie table written (Parquet, :data:`~netkit.build.tie_table.TIE_SCHEMA`);
        with ``engine="spark"`` also a URI on shared storage (``hdfs://``, ``s3a://``).
    engine : {"auto", "memory", "duckdb", "spark"}
    level, weighting, years, kinds, max_event_size
        As for :func:`~netkit.build.edge_table` (``years`` a closed range).
    **options
        Engine options: ``memory_limit`` (bytes), ``threads``, ``temp_dir`` for
        DuckDB; ``spark`` (a SparkSession), ``master``, ``conf`` (dict) for Spark.

    Returns
    -------
    ProjectionResult

    Raises
    ------
    ParameterError
        Unknown engine, level, weighting or kind.
    InputError
        Input not found, not Parquet, or missing columns.
    NetkitError
        The engine's extra is not installed (``pip install netkit[scale]`` /
        ``netkit[spark]``) or Spark finds no Java.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netkit.datasets import synthetic_ecosystem
    >>> from netkit.build import edge_table, read_edge_table
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> r = project(corpus.save(d / "corpus"), d / "ties.parquet", engine="memory")
    >>> r.engine, r.ties == len(edge_table(corpus))
    ('memory', True)
    """
    if isinstance(kinds, str):
        kinds = [kinds]
    params = ProjectionParams(level, weighting, tuple(years) if years is not None else None,
                              tuple(kinds) if kinds is not None else None, max_event_size)
    if engine != "auto" and engine not in ENGINES:
        raise ParameterError(f"unknown engine {engine!r}; choose from auto, "
                             f"{', '.join(ENGINES)}")
    if engine == "spark" and "://" in str(source):  # shared storage: Spark reads it itself
        src = source if isinstance(source, ProjectionInput) else str(source)
    else:
        src = source if isinstance(source, ProjectionInput) else projection_input(source)
        if engine == "auto":
            engine = choose_engine(src)
            log.info("engine %s for %d participation rows", engine, src.rows)
    known = set().union(*(_OPTIONS.values()))
    unknown = sorted(set(options) - known)
    if unknown:
        raise ParameterError(f"unknown engine option(s) {unknown}; known: {sorted(known)}")
    module = import_module(ENGINES[engine])
    start = time.perf_counter()
    ties = module.run(src, params, out,
                      **{k: v for k, v in options.items() if k in _OPTIONS[engine]})
    rows = src.rows if isinstance(src, ProjectionInput) else -1
    return ProjectionResult(engine, str(out), rows, int(ties), time.perf_counter() - start)

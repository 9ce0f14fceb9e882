"""``netkit project INPUT --out EDGES.parquet``: participations → tie table, in memory,
in DuckDB or on Spark.

INPUT is a corpus folder, a Parquet file of participations (``event_id``,
``org_id``, ``year``, ``kind``, optional ``person_id`` and ``share``), a folder
of them or a glob — or, with ``--from openalex --engine spark``, OpenAlex works
snapshot files (JSON Lines, ``.gz``), ingested on Spark first. The tie table
has the columns of ``netkit.build.edge_table``; ``netkit.build.read_edge_table``
and ``graph_from_edge_table`` (and the report's ``[graph] edges``) read it.
"""

from __future__ import annotations

import argparse
import re

from netkit.errors import ParameterError

__all__ = ["HELP", "NAME", "configure", "parse_size", "run"]

NAME = "project"
HELP = "project participations onto the tie table (Parquet) with the memory, DuckDB or Spark engine"

_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def parse_size(text: str) -> int:
    """``"1.5GB"`` → bytes (units B, KB, MB, GB, TB; powers of 1024).

    Examples
    --------
    >>> parse_size("1.5GB"), parse_size("800MB"), parse_size("1024")
    (1610612736, 838860800, 1024)
    """
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)B?\s*", text.upper())
    if not m:
        raise ParameterError(f"--memory-limit must look like 1.5GB or 800MB, not {text!r}")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def _conf(items: list[str] | None) -> dict[str, str]:
    out = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--spark-conf takes KEY=VALUE, not {item!r}")
        out[key.strip()] = value
    return out


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit project``."""
    from netkit.build.engines import ENGINES
    from netkit.cli.graph import add_projection_options

    parser.add_argument("input", metavar="INPUT",
                        help="a corpus folder, Parquet participations (file, folder or glob), "
                             "or OpenAlex works files with --from openalex")
    parser.add_argument("--out", required=True, metavar="EDGES.parquet",
                        help="the tie table written (Parquet; with Spark also a URI)")
    parser.add_argument("--engine", default="auto", metavar="ENGINE",
                        help=f"auto (default: memory if the participations fit, else duckdb), "
                             f"{', '.join(ENGINES)}")
    add_projection_options(parser)
    parser.add_argument("--from", dest="from_", choices=("participations", "openalex"),
                        default="participations",
                        help="what INPUT is: participations (default) or OpenAlex works "
                             "snapshot files (JSON Lines, .gz; --engine spark)")
    parser.add_argument("--participations-out", metavar="DIR", default=None,
                        help="with --from openalex: also keep the participations (Parquet)")
    scale = parser.add_argument_group("duckdb engine")
    scale.add_argument("--memory-limit", metavar="SIZE", default=None,
                       help="memory DuckDB may use, e.g. 1.5GB (default: half the available "
                            "memory, at most 1.2GB)")
    scale.add_argument("--threads", type=int, default=None, help="worker threads (default: all)")
    scale.add_argument("--temp-dir", metavar="DIR", default=None,
                       help="where DuckDB spills (default: the system's temporary folder)")
    spark = parser.add_argument_group("spark engine")
    spark.add_argument("--spark-master", metavar="URL", default=None,
                       help="spark://host:7077, yarn, k8s://… (default: local[*], or what "
                            "spark-submit gives)")
    spark.add_argument("--spark-conf", metavar="KEY=VALUE", action="append", default=None,
                       help="a Spark setting, e.g. spark.executor.memory=8g (repeatable)")


def run(args: argparse.Namespace) -> int:
    """Run ``netkit project``."""
    from netkit.build.engines import ENGINES, project
    from netkit.cli.graph import parse_years

    engine = args.engine
    if engine != "auto" and engine not in ENGINES:
        raise ParameterError(f"unknown engine {engine!r}; choose from auto, {', '.join(ENGINES)}")
    years = parse_years(args.years)
    options: dict = {}
    if args.memory_limit is not None:
        options["memory_limit"] = parse_size(args.memory_limit)
    if args.threads is not None:
        options["threads"] = args.threads
    if args.temp_dir is not None:
        options["temp_dir"] = args.temp_dir
    conf = _conf(args.spark_conf)
    if args.spark_master is not None:
        options["master"] = args.spark_master
    if conf:
        options["conf"] = conf
    source = args.input
    if args.from_ == "openalex":
        if engine != "spark":
            raise ParameterError("--from openalex reads works snapshots on Spark: add "
                                 "--engine spark (or read them with `netkit ingest`)")
        return _openalex(args, years, options)
    result = project(source, args.out, engine=engine, level=args.level,
                     weighting=args.weighting, years=years, kinds=args.kinds,
                     max_event_size=args.max_event_size, **options)
    rows = f"{result.rows:,} participation rows, " if result.rows >= 0 else ""
    print(f"wrote {result.ties:,} ties to {result.out} ({rows}engine {result.engine}, "
          f"{result.seconds:.1f} s)")
    return 0


def _openalex(args: argparse.Namespace, years, options: dict) -> int:
    import tempfile
    from pathlib import Path

    from netkit.build.engines import ProjectionParams
    from netkit.build.engines import spark as engine
    from netkit.ingest.spark_openalex import write_openalex_participations

    params = ProjectionParams(args.level, args.weighting, years,
                              tuple(args.kinds) if args.kinds else None, args.max_event_size)
    own = engine.active_session() is None  # stop only a session made here
    spark = engine.session(options.get("master"), options.get("conf"))
    try:
        keep = args.participations_out
        parts = keep or tempfile.mkdtemp(prefix="netkit-openalex-",
                                         dir=Path(args.out).parent if "://" not in args.out
                                         else None)
        counts = write_openalex_participations(spark, args.input, parts)
        print(f"read {counts['works_read']:,} works ({counts['corrupt']:,} malformed lines, "
              f"{counts['bad_id']:,} without a work id, dropped); "
              f"{counts['participations']:,} participations"
              + (f" written to {keep}" if keep else ""))
        ties = engine.run(parts, params, args.out, spark=spark)
    finally:
        if own:
            spark.stop()
        if not args.participations_out and "://" not in str(parts):
            import shutil

            shutil.rmtree(parts, ignore_errors=True)
    print(f"wrote {ties:,} ties to {args.out} (engine spark)")
    return 0

"""The Spark engine: the projection as Spark SQL, for participation tables beyond one machine.

The same steps and rules as the DuckDB engine (:mod:`netkit.build.engines.duckdb`):
distinct (event, node) incidences with summed shares, a self-join on the event
for the pairs ``source < target`` (byte order of the ids, which is the order of
every other engine), one aggregation into ties. Input and output may live on
shared storage (``hdfs://``, ``s3a://``, a mounted volume): the driver only
plans the job. The tie table is small (the organisation graph, ~10⁷ ties) and
everything downstream runs on one machine.

``master`` (``--spark-master``) and ``conf`` (``--spark-conf KEY=VALUE``) are
the usual Spark settings; under ``spark-submit`` they come from it. Without a
master, Spark runs in local mode on every core (``local[*]``).

Needs the ``spark`` extra (``pip install netkit[spark]``) and a Java runtime.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from netkit.build.engines.source import PARTICIPATION_COLUMNS, ProjectionInput, ProjectionParams
from netkit.build.weighting import weighting_rule
from netkit.errors import InputError, NetkitError
from netkit.model import EVENT_KINDS
from netkit.model.files import atomic_path

__all__ = ["active_session", "check_spark", "project_frame", "run", "session", "write_ties"]

log = logging.getLogger(__name__)


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def check_spark() -> None:
    """Raise a one-line :class:`~netkit.errors.NetkitError` unless PySpark and Java are here."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise NetkitError("the spark engine needs PySpark: pip install netkit[spark]") from None
    if _java() is None:
        raise NetkitError("the spark engine needs Java (17 or later), and none was found on "
                          "PATH or in JAVA_HOME: install a JRE (Debian: apt-get install "
                          "openjdk-17-jre-headless)")


def active_session():
    """The SparkSession already running in this process, or None."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return None
    return SparkSession.getActiveSession()


def session(master: str | None = None, conf: dict[str, str] | None = None,
            app: str = "netkit project"):
    """A SparkSession (the active one if any, else a new one with ``master`` and ``conf``)."""
    check_spark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    conf = dict(conf or {})
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit gives master and conf
    if (master or ("cluster" if under_submit else "local")).startswith("local"):
        conf.setdefault("spark.sql.shuffle.partitions", str(max(4, 2 * (os.cpu_count() or 1))))
        conf.setdefault("spark.ui.enabled", "false")
    conf.setdefault("spark.ui.showConsoleProgress", "false")
    for key, value in conf.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: wrong Java, bad master URL or setting
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise NetkitError(f"Spark could not start ({first}); check Java 17+ (JAVA_HOME), "
                          "--spark-master and --spark-conf") from None
    spark.sparkContext.setLogLevel(os.environ.get("NETKIT_SPARK_LOG_LEVEL", "ERROR"))
    return spark


def _is_uri(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _read(spark, source: str | ProjectionInput, params: ProjectionParams):
    """(participations, events, filtered?) as Spark DataFrames, columns checked."""
    from pyspark.sql import functions as F

    if isinstance(source, ProjectionInput):
        kind, files, events_file = source.kind, list(source.files), source.events_file
    else:
        text = str(source)
        if not _is_uri(text) and (Path(text) / "manifest.json").is_file():
            kind, files = "corpus", [str(Path(text) / "participations.parquet")]
            events_file = str(Path(text) / "events.parquet")
        else:
            kind, files, events_file = "participations", [text], None
    try:
        raw = spark.read.parquet(*files)
    except Exception as exc:  # AnalysisException: path not found, not Parquet
        raise InputError(f"Spark cannot read it as Parquet ({str(exc).splitlines()[0]})",
                         file=files[0]) from None
    required = ("event_id", "org_id") if kind == "corpus" else PARTICIPATION_COLUMNS
    missing = [c for c in required if c not in raw.columns]
    if params.level == "person" and "person_id" not in raw.columns:
        missing.append("person_id")
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}", file=files[0],
                         hint="participations need event_id, org_id, year, kind "
                              "(person_id and share are optional)")
    share = F.col("share").cast("double") if "share" in raw.columns \
        else F.lit(None).cast("double")
    part = raw.select(F.col("event_id").cast("string").alias("event_id"),
                      F.col(params.column).cast("string").alias("node"), share.alias("share"),
                      *([F.col("year").cast("long").alias("year"),
                         F.col("kind").cast("string").alias("kind")]
                        if kind != "corpus" else []))
    if kind == "corpus":
        ev = spark.read.parquet(events_file).select(
            F.col("event_id").cast("string").alias("event_id"),
            F.col("year").cast("long").alias("year"), F.col("kind").cast("string").alias("kind"))
    else:
        ev = part.groupBy("event_id").agg(F.min("year").alias("year"),
                                          F.min("kind").alias("kind"))
        part = part.drop("year", "kind")
    # a corpus folder was validated when it was saved; participation rows are checked (a scan)
    checked = raw if kind != "corpus" else None
    bad = checked.where(F.col("kind").isNull() | ~F.col("kind").isin(*EVENT_KINDS)) \
        .select("kind").limit(1).collect() if checked is not None else None
    if bad:
        raise InputError(f"an event with an unknown kind ({bad[0]['kind']!r})",
                         file=events_file or files[0],
                         hint=f"kind must be one of {', '.join(EVENT_KINDS)}")
    filtered = False
    if params.years is not None:
        ev = ev.where(F.col("year").between(int(params.years[0]), int(params.years[1])))
        filtered = True
    if params.kinds is not None:
        ev = ev.where(F.col("kind").isin(*params.kinds))
        filtered = True
    return part, ev, filtered


def project_frame(spark, source: str | ProjectionInput, params: ProjectionParams,
                  weightings: tuple[str, ...] | None = None):
    """The tie table as a (lazy) Spark DataFrame with the columns of :data:`TIE_SCHEMA`,
    sorted by (source, target).

    With ``weightings``, one column ``weight_<weighting>`` per weighting instead
    of ``weight`` (every weighting from one job).
    """
    from pyspark.sql import functions as F

    part, ev, filtered = _read(spark, source, params)
    part = part.where(F.col("node").isNotNull())
    if filtered:
        part = part.join(ev.select("event_id"), "event_id", "left_semi")
    en = part.groupBy("event_id", "node").agg(
        F.sum(F.coalesce(F.col("share"), F.lit(1.0))).alias("s"))
    evs = en.groupBy("event_id").agg(F.count(F.lit(1)).alias("n"), F.sum("s").alias("tot"))
    if params.max_event_size is not None:  # larger events are left out (their nodes stay)
        evs = evs.where(F.col("n") <= int(params.max_event_size))
    inc = (en.join(evs, "event_id").where(F.col("n") >= 2).join(ev, "event_id")
           .select("event_id", "node",
                   F.when(F.col("tot") > 0, F.col("s") / F.col("tot")).otherwise(F.lit(0.0))
                   .alias("share"), "year", "kind", "n"))
    a, b = inc.alias("a"), inc.alias("b")
    pairs = a.join(b, (F.col("a.event_id") == F.col("b.event_id"))
                   & (F.col("a.node") < F.col("b.node")))
    aggs = [F.count(F.lit(1)).alias("count"), F.min("a.year").alias("fy"),
            F.max("a.year").alias("ly"),
            *(F.sum(F.when(F.col("a.kind") == k, 1).otherwise(0)).cast("long").alias(f"n_{k}")
              for k in EVENT_KINDS)]
    rules = [weighting_rule(w) for w in (weightings or (params.weighting,))]
    # the weightings' SQL text (WEIGHTING_RULES): pair terms summed per tie, then tie formulas
    aggs += [F.expr(f"sum({r.pair_sql.format(a='a', b='b')})").alias(f"w_{r.name}")
             for r in rules if r.pair_sql]
    ties = pairs.groupBy(F.col("a.node").alias("source"), F.col("b.node").alias("target")) \
        .agg(*aggs)
    if any(r.occurrences for r in rules):
        n_used = evs.agg(F.count(F.lit(1)).cast("double").alias("n_used"))  # one row
        occ = en.join(evs.select("event_id"), "event_id", "left_semi") \
            .groupBy("node").agg(F.count(F.lit(1)).cast("double").alias("occ"))
        ties = (ties.join(occ.withColumnRenamed("node", "source")
                          .withColumnRenamed("occ", "occ_u"), "source")
                .join(occ.withColumnRenamed("node", "target")
                      .withColumnRenamed("occ", "occ_v"), "target")
                .crossJoin(F.broadcast(n_used)))
    weights = {r.name: F.expr(r.tie_sql.format(count="`count`", pair_sum=f"w_{r.name}",
                                                occ_u="occ_u", occ_v="occ_v", n_used="n_used"))
               for r in rules}
    if weightings is None:
        weight_columns = [weights[params.weighting].cast("double").alias("weight")]
    else:
        weight_columns = [weights[w].cast("double").alias(f"weight_{w}") for w in weightings]
    return ties.select(
        "source", "target", *weight_columns,
        F.col("count").cast("long").alias("count"),
        F.coalesce(F.col("fy"), F.lit(-1)).cast("long").alias("first_year"),
        F.coalesce(F.col("ly"), F.lit(-1)).cast("long").alias("last_year"),
        *(F.col(f"n_{k}").cast("long").alias(f"n_{k}") for k in EVENT_KINDS),
    ).orderBy("source", "target")


def write_ties(ties, out: str | Path) -> None:
    """Write a tie table DataFrame: one Parquet file for a local path (renamed into place),
    a folder of part files for a URI on shared storage."""
    out = str(out)
    if _is_uri(out):
        ties.write.mode("overwrite").parquet(out)
        return
    target = Path(out.removeprefix("file://"))
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.spark-", dir=target.parent))
    try:
        ties.coalesce(1).write.mode("overwrite").parquet(str(stage / "parts"))
        parts = sorted((stage / "parts").glob("part-*.parquet"))
        if len(parts) != 1:  # pragma: no cover - coalesce(1) writes one file
            raise NetkitError(f"Spark wrote {len(parts)} part files, expected one")
        with atomic_path(target) as tmp:
            os.replace(parts[0], tmp)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def run(src: str | ProjectionInput, params: ProjectionParams, out: str | Path, *,
        spark: Any = None, master: str | None = None,
        conf: dict[str, str] | None = None) -> int:
    """The engine interface: project ``src`` on Spark, write the tie table to ``out``.

    ``spark`` is a SparkSession to use (kept open); without it one is made from
    ``master`` and ``conf`` and stopped at the end.
    """
    own = spark is None and active_session() is None  # stop only a session made here
    if spark is None:
        spark = session(master, conf)
    try:
        write_ties(project_frame(spark, src, params), out)
        if _is_uri(str(out)):
            return spark.read.parquet(str(out)).count()
        import pyarrow.parquet as pq

        return pq.ParquetFile(str(out).removeprefix("file://")).metadata.num_rows
    finally:
        if own:
            spark.stop()

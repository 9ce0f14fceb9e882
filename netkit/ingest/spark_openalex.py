"""OpenAlex works snapshots on Spark: JSON Lines partitions (``.gz`` too) → participations.

The OpenAlex snapshot (``data/works/updated_date=*/part_*.gz``, 10⁸ works, 10⁹
authorships) is too large for the in-memory reader
(:mod:`netkit.ingest.formats.openalex`). This module reads it with Spark and
writes the participation table that ``netkit project --engine spark|duckdb``
projects: one row per author × institution with ``event_id``, ``org_id``,
``person_id``, ``year``, ``kind`` and ``share`` (null).

It applies the in-memory reader's rules and ids:

* event ``pub:openalex:W…`` from ``id``; ``year`` from ``publication_year``
  (an integer or a string of digits), else the first four digits of
  ``publication_date``;
* person ``per:openalex:A…`` from ``authorships[].author.id``, else
  ``per:openalex:W…:<position>`` (1-based);
* organisation ``org:openalex:I…`` from ``authorships[].institutions[].id``,
  else, for an institution with a name but no id,
  ``org:openalex:<org_key(name, country_code)>`` (the same key function, run as
  a Python UDF on those rows only); an institution with neither is skipped, an
  institution repeated in one authorship counts once, and an author with no
  institution keeps one row with ``org_id`` null.

What it does not cover (use ``netkit ingest`` for these): the
``organizations``, ``people``, ``org_ids`` and ``events`` tables (names,
sectors, ROR ids, titles, DOIs) and raw affiliation strings; quarantine
*detail* — a work whose ``id`` is not a work id is dropped and only counted,
and a malformed line is counted as corrupt (Spark's ``_corrupt_record``)
instead of being kept with its file and line; a ``publication_year`` that is
not an integer (e.g. ``2020.5``) is treated as missing rather than
quarantining the work; old (2022) snapshots' ``host_venue`` fields are not
needed and not read. A work that appears more than once (a snapshot can hold
several versions) is kept once: its version with the latest ``updated_date``
(the in-memory reader keeps the first it reads).

Needs the ``spark`` extra (``pip install netkit[spark]``); on a cluster, netkit
must be importable on the executors for the name-only institutions
(``spark-submit --py-files`` or installed there).
"""

from __future__ import annotations

__all__ = ["WORKS_SCHEMA_DDL", "openalex_participations", "write_openalex_participations"]

WORKS_SCHEMA_DDL = (
    "id STRING, publication_year STRING, publication_date STRING, updated_date STRING, "
    "authorships ARRAY<STRUCT<author: STRUCT<id: STRING>, "
    "institutions: ARRAY<STRUCT<id: STRING, display_name: STRING, country_code: STRING>>>>, "
    "_corrupt_record STRING"
)
"""The fields read from each work (everything else is skipped by the JSON reader)."""

_WORK_RX = r"^(?:https?://openalex\.org/)?([Ww][0-9]+)$"
_AUTHOR_RX = r"^(?:https?://openalex\.org/)?([Aa][0-9]+)$"
_INST_RX = r"^(?:https?://openalex\.org/)?([Ii][0-9]+)$"


def _short(col, rx: str):
    """The upper-case short id of an OpenAlex id column (null when it is not one)."""
    from pyspark.sql import functions as F

    s = F.upper(F.regexp_extract(F.trim(col), rx, 1))
    return F.when(s != "", s)


def _org_key_udf():
    from pyspark.sql import functions as F

    def key(name, country):
        from netkit.ingest.affiliations import org_key

        return "org:openalex:" + org_key(name, country or None)

    return F.udf(key, "string")


def openalex_participations(spark, paths: str | list[str]):
    """The participations of OpenAlex works files, as a lazy Spark DataFrame.

    Parameters
    ----------
    spark : SparkSession
    paths : str or list of str
        JSON Lines files, ``.gz`` or not, folders of them or globs, local or
        on shared storage.

    Returns
    -------
    (pyspark.sql.DataFrame, pyspark.sql.DataFrame)
        The participations (``event_id``, ``org_id``, ``person_id``, ``year``,
        ``kind``, ``share``) and the works as read (with ``event_id`` null for
        a bad id and ``_corrupt_record`` set for a malformed line), for counting.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    paths = [paths] if isinstance(paths, str) else list(paths)
    works = (spark.read.schema(WORKS_SCHEMA_DDL)
             .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record")
             .option("recursiveFileLookup", "true").json(paths))
    wid = _short(F.col("id"), _WORK_RX)
    year = F.expr("try_cast(trim(publication_year) AS BIGINT)")
    date_year = F.when(F.col("publication_date").rlike("^[0-9]{4}"),
                       F.substring("publication_date", 1, 4).cast("bigint"))
    works = works.select(
        F.when(wid.isNotNull(), F.concat(F.lit("pub:openalex:"), wid)).alias("event_id"),
        wid.alias("wid"), F.coalesce(year, date_year).alias("year"), "updated_date",
        "authorships", "_corrupt_record")
    good = works.where(F.col("event_id").isNotNull())
    latest = Window.partitionBy("event_id").orderBy(F.col("updated_date").desc_nulls_last())
    good = good.withColumn("_version", F.row_number().over(latest)).where("_version = 1")
    authors = good.select("event_id", "wid", "year",
                          F.posexplode_outer("authorships").alias("i", "au"))
    authors = authors.where(F.col("au").isNotNull())
    aid = _short(F.col("au.author.id"), _AUTHOR_RX)
    authors = authors.select(
        "event_id", "year", "i",
        F.when(aid.isNotNull(), F.concat(F.lit("per:openalex:"), aid))
        .otherwise(F.concat(F.lit("per:openalex:"), F.col("wid"), F.lit(":"),
                            (F.col("i") + 1).cast("string"))).alias("person_id"),
        F.col("au.institutions").alias("insts"))
    insts = authors.select("event_id", "year", "i", "person_id",
                           F.posexplode_outer("insts").alias("j", "inst"))
    iid = _short(F.col("inst.id"), _INST_RX)
    insts = insts.select("event_id", "year", "i", "person_id", "j", iid.alias("iid"),
                         F.trim(F.col("inst.display_name")).alias("iname"),
                         F.col("inst.country_code").alias("country"))
    by_id = insts.where(F.col("iid").isNotNull()).select(
        "event_id", "year", "i", "person_id", "j",
        F.concat(F.lit("org:openalex:"), F.col("iid")).alias("org_id"))
    by_name = insts.where(F.col("iid").isNull() & (F.coalesce(F.col("iname"), F.lit("")) != ""))
    by_name = by_name.select("event_id", "year", "i", "person_id", "j",
                             _org_key_udf()(F.col("iname"), F.col("country")).alias("org_id"))
    orgs = by_id.unionByName(by_name)
    first = Window.partitionBy("event_id", "i", "org_id").orderBy("j")
    orgs = orgs.withColumn("_n", F.row_number().over(first)).where("_n = 1") \
        .select("event_id", "i", "org_id", "person_id", "year")
    # authors with no usable institution keep one row with org_id null
    lone = authors.join(orgs.select("event_id", "i").distinct(), ["event_id", "i"], "left_anti") \
        .select("event_id", F.lit(None).cast("string").alias("org_id"), "person_id", "year")
    parts = orgs.drop("i").unionByName(lone).select(
        "event_id", "org_id", "person_id", "year", F.lit("publication").alias("kind"),
        F.lit(None).cast("double").alias("share"))
    return parts, works


def write_openalex_participations(spark, paths: str | list[str], out: str) -> dict[str, int]:
    """Read OpenAlex works with Spark and write their participations (Parquet folder ``out``).

    Returns
    -------
    dict
        ``works_read``, ``corrupt`` (malformed lines), ``bad_id`` (works
        without a valid work id, dropped), ``participations`` written.
    """
    from pyspark.sql import functions as F

    parts, works = openalex_participations(spark, paths)
    parts.write.mode("overwrite").parquet(str(out))
    row = works.agg(F.count(F.lit(1)).alias("n"),
                    F.sum(F.col("_corrupt_record").isNotNull().cast("int")).alias("corrupt"),
                    F.sum((F.col("event_id").isNull() & F.col("_corrupt_record").isNull())
                          .cast("int")).alias("bad")).collect()[0]
    written = spark.read.parquet(str(out)).count()
    return {"works_read": int(row["n"]), "corrupt": int(row["corrupt"] or 0),
            "bad_id": int(row["bad"] or 0), "participations": int(written)}

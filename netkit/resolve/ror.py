"""Read the Research Organization Registry's data dump (schema v2) as a registry table.

ROR publishes its whole registry as a zip on Zenodo (CC0): ``vX.Y-YYYY-MM-DD-ror-data.zip``
holding ``…-ror-data.json`` (a JSON array of records, schema v2) and ``…-ror-data.csv``
(the same records, one row each). :func:`read_ror` reads the zip, the JSON (also
gzipped) or the CSV and returns one row per record with the columns of a
:class:`netkit.resolve.Registry`:

* ``openalex_id`` (the registry key: here the ROR id, e.g. ``03yrm5c26``), ``ror``,
  ``registry`` (``"ror"``);
* ``name`` (the ``ror_display`` name), ``aliases`` (every other label and alias, in
  every language), ``labels`` (the official names), ``acronyms``, ``names`` (every
  name as ``(value, type, lang)``);
* ``type`` (the ROR types joined by ``;``), ``sector`` and ``sector_source`` from
  :func:`netkit.lexicon.ror_types.ror_sector`;
* ``country`` (ISO 3166-1 alpha-2), ``region`` (the GeoNames first-level
  subdivision), ``city``, ``lat``, ``lon`` of the first location;
* ``parents``, ``children``, ``related``, ``successors``, ``predecessors`` (tuples of
  ROR ids), ``status`` (active / inactive / withdrawn), ``founded_year``, ``grid``,
  ``wikidata``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from netkit.errors import InputError
from netkit.lexicon.ror_types import ror_sector
from netkit.resolve.identifiers import clean_identifier

__all__ = ["ROR_COLUMNS", "is_ror_file", "read_ror"]

ROR_COLUMNS = [
    "openalex_id", "ror", "registry", "name", "aliases", "labels", "acronyms", "names", "type",
    "sector",
    "sector_source", "country", "region", "city", "lat", "lon", "parents", "children",
    "related", "successors", "predecessors", "status", "founded_year", "grid", "wikidata",
]
_RELATIONS = {"parent": "parents", "child": "children", "related": "related",
              "successor": "successors", "predecessor": "predecessors"}
_HINT = "give the ROR data dump (the zip from Zenodo, or the .json or .csv inside it)"


def is_ror_file(path: str | Path) -> bool:
    """Whether a file looks like a ROR dump: a zip, a ``.csv``, or JSON that starts with ``[``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.json"
    >>> _ = p.write_text('[{"id": "https://ror.org/0abcde123"}]')
    >>> is_ror_file(p), is_ror_file(p.with_suffix(".jsonl"))
    (True, False)
    """
    p = Path(path)
    name = p.name.lower()
    if name.endswith((".zip", ".csv")):
        return True
    if not name.endswith((".json", ".json.gz")) or not p.is_file():
        return False
    opener = gzip.open if name.endswith(".gz") else open
    with opener(p, "rt", encoding="utf-8") as fh:
        head = fh.read(64).lstrip("\ufeff \t\r\n")
    return head.startswith("[")


def _short(url: object) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return None
    return clean_identifier("ror", url)


def _row(rec: dict) -> dict | None:
    """One registry row from a schema-v2 record (``None`` without an id)."""
    rid = _short(rec.get("id"))
    if rid is None:
        return None
    names = []
    for n in rec.get("names") or ():
        value = n.get("value") if isinstance(n, dict) else None
        if isinstance(value, str) and value.strip():
            for t in n.get("types") or ("alias",):
                names.append((value.strip(), str(t), n.get("lang") or ""))
    display = next((v for v, t, _ in names if t == "ror_display"), None)
    display = display or next((v for v, t, _ in names if t == "label"), None) \
        or (names[0][0] if names else None)
    aliases = tuple(sorted({v for v, t, _ in names if t in ("label", "alias") and v != display}))
    acronyms = tuple(sorted({v for v, t, _ in names if t == "acronym"}))
    types = [str(t) for t in rec.get("types") or ()]
    sector, rule = ror_sector(types)
    loc = next((x for x in rec.get("locations") or () if isinstance(x, dict)), {})
    geo = loc.get("geonames_details") or {}
    rel: dict[str, list[str]] = {v: [] for v in _RELATIONS.values()}
    for r in rec.get("relationships") or ():
        col = _RELATIONS.get(str(r.get("type", "")).lower())
        other = _short(r.get("id"))
        if col and other:
            rel[col].append(other)
    ext = {}
    for e in rec.get("external_ids") or ():
        if isinstance(e, dict):
            value = e.get("preferred") or next(iter(e.get("all") or ()), None)
            ext[str(e.get("type", "")).lower()] = value
    est = rec.get("established")

    def num(v):
        try:
            return float(v)
        except (TypeError, ValueError):
            return float("nan")

    return {
        "openalex_id": rid, "ror": rid, "registry": "ror", "name": display,
        "aliases": aliases, "acronyms": acronyms,
        "labels": tuple(sorted({v for v, t, _ in names if t == "label"})), "names": tuple(names),
        "type": ";".join(types) or None, "sector": sector, "sector_source": rule or None,
        "country": (geo.get("country_code") or None), "region":
            geo.get("country_subdivision_name") or None, "city": geo.get("name") or None,
        "lat": num(geo.get("lat")), "lon": num(geo.get("lng")),
        **{k: tuple(sorted(set(v))) for k, v in rel.items()},
        "status": rec.get("status") or "active",
        "founded_year": int(est) if isinstance(est, int | float) and est == est else None,
        "grid": ext.get("grid"), "wikidata": ext.get("wikidata"),
    }


def _split(cell: str | None) -> list[str]:
    if not cell:
        return []
    return [p.strip() for p in cell.split(";") if p.strip()]


def _lang_value(item: str) -> tuple[str, str]:
    """``"en: University of X"`` → ``("University of X", "en")``; ``no_lang_code`` → ``""``."""
    head, sep, rest = item.partition(": ")
    if sep and (head == "no_lang_code" or (len(head) in (2, 3) and head.isalpha()
                                           and head.islower())):
        return rest.strip(), "" if head == "no_lang_code" else head
    return item, ""


def _record_of_csv(row: dict) -> dict:
    """A CSV row of the dump as a schema-v2 record."""
    names = []
    for t in ("ror_display", "label", "alias", "acronym"):
        for item in _split(row.get(f"names.types.{t}")):
            value, lang = _lang_value(item)
            names.append({"value": value, "types": [t], "lang": lang or None})
    rels = []
    for item in _split(row.get("relationships")):
        head, _, rest = item.partition(":")
        for rid in rest.replace(",", " ").split():
            rels.append({"type": head.strip(), "id": rid})
    g = "locations.geonames_details."
    loc = {"geonames_details": {
        "name": row.get(f"{g}name"), "country_code": row.get(f"{g}country_code"),
        "country_subdivision_name": row.get(f"{g}country_subdivision_name"),
        "lat": row.get(f"{g}lat"), "lng": row.get(f"{g}lng")}}
    ext = [{"type": s, "preferred": row.get(f"external_ids.type.{s}.preferred") or None,
            "all": _split(row.get(f"external_ids.type.{s}.all"))}
           for s in ("grid", "wikidata", "isni", "fundref")]
    est = row.get("established")
    return {"id": row.get("id"), "names": names, "relationships": rels, "locations": [loc],
            "types": [t.strip() for t in (row.get("types") or "").replace(",", ";").split(";")
                      if t.strip()],
            "status": row.get("status"), "external_ids": ext,
            "established": int(est) if est and str(est).isdigit() else None}


def _records(path: Path) -> list[dict]:
    name = path.name.lower()
    if name.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            members = [m for m in z.namelist() if not m.endswith("/")]
            json_m = [m for m in members if m.lower().endswith(".json")]
            v2 = [m for m in json_m if "v2" in m.lower()] or json_m
            csv_m = [m for m in members if m.lower().endswith(".csv")]
            if v2:
                return _json_records(z.read(sorted(v2)[-1]).decode("utf-8-sig"), path)
            if csv_m:
                return _csv_records(z.read(sorted(csv_m)[-1]).decode("utf-8-sig"), path)
        raise InputError("no ROR JSON or CSV file inside the zip", file=str(path), hint=_HINT)
    if name.endswith(".csv"):
        return _csv_records(path.read_text(encoding="utf-8-sig"), path)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:
        return _json_records(fh.read(), path)


def _json_records(text: str, path: Path) -> list[dict]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc})", file=str(path), hint=_HINT) from None
    if not isinstance(data, list):
        raise InputError("a ROR dump is a JSON array of records", file=str(path), hint=_HINT)
    recs = [r for r in data if isinstance(r, dict)]
    if recs and "names" not in recs[0] and "name" in recs[0]:
        raise InputError("this is a ROR schema v1 file", file=str(path),
                         hint="use the schema v2 file of the dump (…-ror-data.json, or "
                              "…_schema_v2.json in older zips)")
    return recs


def _csv_records(text: str, path: Path) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "id" not in reader.fieldnames:
        raise InputError("the CSV has no 'id' column", file=str(path), hint=_HINT)
    return [_record_of_csv(row) for row in reader]


def read_ror(path: str | Path) -> pd.DataFrame:
    """The records of a ROR data dump as a registry table (columns :data:`ROR_COLUMNS`).

    Parameters
    ----------
    path : path
        The dump's zip, the schema-v2 JSON inside it (``.json`` or ``.json.gz``) or its
        CSV flavour.

    Returns
    -------
    DataFrame
        One row per ROR id (the first record wins), sorted by ROR id.

    Raises
    ------
    InputError
        If the file is missing, is not a ROR dump, or holds no record.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> rec = {"id": "https://ror.org/0abcde123", "types": ["education"],
    ...        "names": [{"value": "Univ of X", "types": ["ror_display", "label"], "lang": "en"},
    ...                  {"value": "UX", "types": ["acronym"], "lang": None}],
    ...        "locations": [{"geonames_details": {"name": "Xville", "country_code": "NO",
    ...                       "country_subdivision_name": "Oslo", "lat": 59.9, "lng": 10.7}}],
    ...        "relationships": [], "status": "active"}
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "v2-ror-data.json"
    >>> _ = p.write_text(json.dumps([rec]))
    >>> r = read_ror(p).iloc[0]
    >>> r["ror"], r["name"], r["acronyms"], r["sector"], r["city"], r["region"]
    ('0abcde123', 'Univ of X', ('UX',), 'university', 'Xville', 'Oslo')
    """
    p = Path(path)
    if not p.is_file():
        raise InputError("registry file not found", file=str(p), hint=_HINT)
    try:
        recs = _records(p)
    except (zipfile.BadZipFile, UnicodeDecodeError, OSError) as exc:
        raise InputError(f"cannot read the ROR dump ({exc})", file=str(p), hint=_HINT) from None
    rows = [r for r in (_row(rec) for rec in recs) if r is not None]
    if not rows:
        raise InputError("no ROR record found", file=str(p), hint=_HINT)
    df = pd.DataFrame(rows, columns=ROR_COLUMNS).drop_duplicates("ror")
    df["founded_year"] = pd.array(df["founded_year"], dtype="Int64")
    for c in ("lat", "lon"):
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    return df.sort_values("ror", kind="stable").reset_index(drop=True)

"""OpenAlex institutions (JSON Lines snapshot or API pages) as an organisation registry.

:func:`read_institutions` returns one row per institution — OpenAlex id, ROR, name,
type and the netkit sector it maps to, country, region, city, latitude, longitude,
and the parent / child / related links (``associated_institutions`` and
``lineage``). :mod:`netkit.resolve` uses it to give the institutions that works
mention their type, place and parents.

Read through :func:`netkit.ingest.read` (format ``openalex-institutions``) the same
file gives ``organizations`` rows (``org:openalex:I…``, the ids that works use) and
``org_ids`` (openalex, ror, grid, wikidata …), and no events.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from netkit.errors import RecordError
from netkit.ingest.formats.openalex import jsonl_values, openalex_sector, short_id, strip_prefix
from netkit.ingest.read import expand_paths
from netkit.ingest.registry import Format, ReadContext, register

__all__ = ["INSTITUTION_COLUMNS", "read_institutions"]

INSTITUTION_COLUMNS = [
    "org_id", "openalex_id", "ror", "name", "type", "sector", "sector_source", "country",
    "region", "city", "lat", "lon", "parents", "children", "related", "lineage", "aliases",
    "grid", "wikidata", "works_count",
]


def _values(inst: dict, key: str):
    """The values of a field that holds a JSON array (``[]`` when missing); a number
    or a boolean there is a :class:`~netkit.errors.RecordError`."""
    value = inst.get(key) or []
    if not isinstance(value, list | dict | str):
        raise RecordError(f"{key} is not a list")
    return value


def _links(inst: dict) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {"parent": [], "child": [], "related": []}
    for a in _values(inst, "associated_institutions"):
        if isinstance(a, dict):
            rel = str(a.get("relationship") or "related").lower()
            iid = short_id(a.get("id"), "I")
            if iid and rel in out:
                out[rel].append(iid)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def _row(inst) -> dict | None:
    """One registry row from an institution object (``None`` if it has no id or a
    field of the wrong type)."""
    try:
        return _row_unchecked(inst)
    except RecordError:
        return None


def _row_unchecked(inst) -> dict | None:
    if not isinstance(inst, dict):
        return None
    iid = short_id(inst.get("id"), "I")
    if iid is None:
        return None
    name = inst.get("display_name")
    type_ = inst.get("type")
    if not isinstance(name, str | None) or not isinstance(type_, str | None):
        raise RecordError("display_name and type must be text")
    sector, rule = openalex_sector(type_, name)
    geo = inst.get("geo") if isinstance(inst.get("geo"), dict) else {}
    ids = inst.get("ids") if isinstance(inst.get("ids"), dict) else {}
    links = _links(inst)
    lineage = tuple(x for x in (short_id(v, "I") for v in _values(inst, "lineage")) if x)
    parents = tuple(sorted(set(links["parent"]) | {x for x in lineage if x != iid}))
    international = inst.get("international") if isinstance(inst.get("international"), dict) \
        else {}
    translations = international.get("display_name")
    translations = list(translations.values()) if isinstance(translations, dict) else []
    # other names, acronyms and the name in other languages, each once, never the name itself
    aliases = tuple(dict.fromkeys(
        str(a) for a in [*_values(inst, "display_name_alternatives"),
                         *_values(inst, "display_name_acronyms"), *translations]
        if a and a != name))

    def num(v):
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None

    row = {
        "org_id": f"org:openalex:{iid}", "openalex_id": iid,
        "ror": strip_prefix(inst.get("ror") or ids.get("ror"), "https://ror.org/"),
        "name": name, "type": type_, "sector": sector, "sector_source": rule,
        "country": inst.get("country_code") or geo.get("country_code") or None,
        "region": geo.get("region") or None, "city": geo.get("city") or None,
        "lat": num(geo.get("latitude")), "lon": num(geo.get("longitude")),
        "parents": parents, "children": links["child"], "related": links["related"],
        "lineage": lineage, "aliases": aliases,
        "grid": ids.get("grid") or None,
        "wikidata": strip_prefix(ids.get("wikidata"), "https://www.wikidata.org/wiki/"),
        "works_count": inst.get("works_count"),
    }
    for key in ("ror", "country", "region", "city", "grid", "wikidata"):
        if not isinstance(row[key], str | None):
            raise RecordError(f"{key} must be text")
    return row


def read_institutions(paths: str | Path | Iterable[str | Path], *,
                      encoding: str | None = None) -> pd.DataFrame:
    """The institutions of OpenAlex JSON Lines files as a registry table.

    Parameters
    ----------
    paths : path or iterable of paths
        Files or folders of institution JSON Lines (``.gz`` allowed) or API pages.
    encoding : str, optional
        Text encoding when the file declares none.

    Returns
    -------
    DataFrame
        Columns :data:`INSTITUTION_COLUMNS`, one row per institution id (the
        first occurrence wins), sorted by ``org_id``. ``parents``, ``children``,
        ``related``, ``lineage`` and ``aliases`` hold tuples of OpenAlex ids / names;
        ``parents`` joins the ``parent`` links and the ``lineage`` ancestors.
        Lines that are not institutions are skipped (:func:`netkit.ingest.read`
        with ``format="openalex-institutions"`` accounts for them).

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> inst = {"id": "https://openalex.org/I2", "display_name": "Child Lab", "type": "facility",
    ...         "ror": "https://ror.org/0xyz", "country_code": "DE",
    ...         "geo": {"city": "Berlin", "latitude": 52.5, "longitude": 13.4},
    ...         "lineage": ["https://openalex.org/I1", "https://openalex.org/I2"]}
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "inst.jsonl"
    >>> _ = p.write_text(json.dumps(inst) + "\\n")
    >>> df = read_institutions(p)
    >>> df.loc[0, ["org_id", "ror", "sector", "city", "parents"]].tolist()
    ['org:openalex:I2', '0xyz', 'research', 'Berlin', ('I1',)]
    """
    rows: dict[str, dict] = {}
    for path in expand_paths(paths):
        for _, _, obj, _ in jsonl_values(path, encoding):
            row = _row(obj) if not isinstance(obj, Exception) else None
            if row is not None and row["org_id"] not in rows:
                rows[row["org_id"]] = row
    df = pd.DataFrame([rows[k] for k in sorted(rows)], columns=INSTITUTION_COLUMNS)
    for c in ("lat", "lon"):
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    df["works_count"] = pd.array(
        [v if isinstance(v, int) else None for v in df["works_count"]], dtype="Int64")
    return df


_SEEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _read(path: Path, ctx: ReadContext) -> None:
    b = ctx.builder
    seen: set[str] = _SEEN.setdefault(b, set())
    for n, raw, obj, _ in jsonl_values(path, ctx.encoding):
        ctx.ledger.seen()
        if isinstance(obj, Exception):
            ctx.ledger.quarantine(n, f"invalid JSON ({obj})", raw)
            continue
        row = _row(obj)
        if row is None:
            ctx.ledger.quarantine(n, "not an institution: missing or invalid id, or a field "
                                  "of the wrong type",
                                  raw or json.dumps(obj)[:2000])
            continue
        org_id = row["org_id"]
        if org_id in seen:
            ctx.ledger.duplicate()
            continue
        seen.add(org_id)
        known = b.org(org_id)
        if known is not None:
            # Already named by a work: the registry fills in place and type.
            fill = {k: row[k] for k in ("country", "region", "city", "lat", "lon")
                    if known.get(k) is None}
            if known.get("sector") == "unknown" or (known.get("sector_source") or "").startswith(
                    "name:"):
                fill.update(sector=row["sector"], sector_source=row["sector_source"])
            b.update_org(org_id, **fill)
        else:
            b.add_org(org_id, row["name"] or row["openalex_id"], row["sector"],
                      row["sector_source"], country=row["country"], region=row["region"],
                      city=row["city"], lat=row["lat"], lon=row["lon"])
        for scheme in ("openalex_id", "ror", "grid", "wikidata"):
            b.add_org_id(org_id, scheme.removesuffix("_id"), row[scheme])
        for parent in row["parents"]:
            b.add_org_id(org_id, "openalex_parent", parent)
        ctx.ledger.loaded()


def _sniff(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \r\n\t")
    if not text.startswith("{"):
        return False
    return ('"https://openalex.org/I' in text and '"authorships"' not in text
            and ('"associated_institutions"' in text or '"works_count"' in text
                 or '"geo"' in text))


register(Format(
    name="openalex-institutions",
    kind="registry",
    sniff=_sniff,
    reader=_read,
    description="OpenAlex institutions (JSON Lines): type, ROR, place and parent links",
    priority=15,
))

"""Write the small ROR excerpt shipped in ``tests/data/resolve/ror/`` (CC0 data).

Picks a few dozen records of the shared ROR sample (``ror-registry-sample``, schema v2)
— campuses and their systems, namesakes in different countries, a hospital and its
university, a record with a successor — and writes them the way ROR's dump ships them:
a zip holding ``…-ror-data.json`` (JSON array, schema v2) and ``…-ror-data.csv`` (one
row per record, lists joined by ``"; "``, names as ``lang: value``).

Run::

    python scripts/make_ror_excerpt.py [path/to/ror-v2-sample.json.gz]
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / ".." / "shared" / "datasets" / "real" / "ror-registry-sample" / \
    "ror-v2-sample.json.gz"
OUT = ROOT / "tests" / "data" / "resolve" / "ror" / "v2.0-2026-01-01-excerpt-ror-data.zip"
IDS = """00pjdza24 046rm7j60 05rrcem69 04ydmy275 0072zz521 038a1tp19 03z7kp760 03w5sq511
03v0r5n49 01v29qb04 0445phv87 05f950310 0420db125 006w34k90 00za53h95 04gndp242 002pd6e78
03vek6s52 0245cg223 022fs9h90 006e5kg04 01r9htc13 01tgyzw49 02j1m6098 006a7pj43 05qn5kv73
01xtthb56 05xg72x27 01f677e56 056d84691 00a2xv884 013q1eq08 05c1yfj14 00f1zfq44 01yc7t268
00cvxb145 00g30e956 034t30j35""".split()  # noqa: SIM905

CSV_COLUMNS = [
    "id", "admin.created.date", "admin.last_modified.date", "domains", "established",
    "external_ids.type.fundref.all", "external_ids.type.fundref.preferred",
    "external_ids.type.grid.all", "external_ids.type.grid.preferred",
    "external_ids.type.isni.all", "external_ids.type.isni.preferred",
    "external_ids.type.wikidata.all", "external_ids.type.wikidata.preferred",
    "links.type.website", "links.type.wikipedia",
    "locations.geonames_details.country_code", "locations.geonames_details.country_name",
    "locations.geonames_details.country_subdivision_name",
    "locations.geonames_details.lat", "locations.geonames_details.lng",
    "locations.geonames_details.name", "locations.geonames_id",
    "names.types.acronym", "names.types.alias", "names.types.label", "names.types.ror_display",
    "relationships", "status", "types",
]


def csv_row(rec: dict) -> dict:
    """One record in the layout of the dump's CSV flavour."""
    row = {c: "" for c in CSV_COLUMNS}
    row["id"] = rec["id"]
    row["admin.created.date"] = rec.get("admin", {}).get("created", {}).get("date", "")
    row["admin.last_modified.date"] = rec.get("admin", {}).get("last_modified", {}).get("date", "")
    row["domains"] = "; ".join(rec.get("domains") or [])
    row["established"] = rec.get("established") or ""
    for e in rec.get("external_ids") or []:
        row[f"external_ids.type.{e['type']}.all"] = "; ".join(e.get("all") or [])
        row[f"external_ids.type.{e['type']}.preferred"] = e.get("preferred") or ""
    for link in rec.get("links") or []:
        row[f"links.type.{link['type']}"] = link["value"]
    loc = (rec.get("locations") or [{}])[0]
    g = loc.get("geonames_details") or {}
    for k in ("country_code", "country_name", "country_subdivision_name", "lat", "lng", "name"):
        row[f"locations.geonames_details.{k}"] = g.get(k, "") if g.get(k) is not None else ""
    row["locations.geonames_id"] = loc.get("geonames_id", "")
    for t in ("acronym", "alias", "label", "ror_display"):
        vals = [n for n in rec.get("names") or [] if t in n["types"]]
        if t == "ror_display":
            row["names.types.ror_display"] = vals[0]["value"] if vals else ""
        else:
            row[f"names.types.{t}"] = "; ".join(
                f"{n.get('lang') or 'no_lang_code'}: {n['value']}" for n in vals)
    rels: dict[str, list[str]] = {}
    for r in rec.get("relationships") or []:
        rels.setdefault(r["type"].lower(), []).append(r["id"])
    row["relationships"] = "; ".join(f"{k}: {', '.join(v)}" for k, v in rels.items())
    row["status"] = rec.get("status", "")
    row["types"] = "; ".join(rec.get("types") or [])
    return row


def main(argv: list[str]) -> None:
    src = Path(argv[0]) if argv else SAMPLE
    with gzip.open(src) as fh:
        recs = [r for r in json.load(fh) if r["id"].rsplit("/", 1)[-1] in set(IDS)]
    recs.sort(key=lambda r: r["id"])
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(csv_row(r) for r in recs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    stem = OUT.name.removesuffix(".zip")
    with zipfile.ZipFile(OUT, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in ((f"{stem}.json", json.dumps(recs, ensure_ascii=False, indent=1)),
                           (f"{stem}.csv", buf.getvalue())):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print(f"{len(recs)} records written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Benchmark: streaming throughput and peak memory of the USPTO XML and PatentsView readers.

Writes large synthetic files at two sizes (the second ``--factor`` times the first),
reads each one in a fresh subprocess with ``netkit.ingest.read`` and reports wall
time, throughput (MB/s and records/s), the peak resident set size above the
interpreter's baseline (after imports), and the in-memory size of the canonical
tables produced. Streaming holds when the peak grows with the tables produced, not
with the bytes read: USPTO grant documents are mostly description and claims text,
which the reader parses one document at a time and drops.

Usage::

    python scripts/bench_ingest_patents.py                 # 1,500 and 6,000 grants; 40k and 160k patents
    python scripts/bench_ingest_patents.py --grants 500 --patents 10000 --factor 3
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["sensor", "housing", "claim", "method", "system", "apparatus", "layer", "signal", "circuit", "module", "device", "wherein", "comprising", "substrate", "first", "second", "electrode", "control", "unit", "configured"]


def _text(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


def write_uspto(path: Path, n: int, seed: int = 0) -> None:
    """A weekly-style file of ``n`` v4.5 grants, each with ~15 kB of description."""
    rng = random.Random(seed)
    filler = [_text(rng, 250) for _ in range(50)]  # reused paragraphs keep generation fast
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            num = f"{9000000 + i:08d}"
            paras = "\n".join(f'<p id="p-{k:04d}" num="{k:04d}">{filler[(i + k) % 50]}</p>'
                              for k in range(8))
            fh.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>\n'
                '<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" id="us-patent-grant" '
                'country="US">\n<us-bibliographic-data-grant>\n<publication-reference><document-id>'
                f"<country>US</country><doc-number>{num}</doc-number><kind>B2</kind>"
                "<date>20150106</date></document-id></publication-reference>\n"
                '<application-reference appl-type="utility"><document-id><country>US</country>'
                f"<doc-number>13{i:06d}</doc-number><date>{2010 + i % 5}0{1 + i % 9}15</date>"
                "</document-id></application-reference>\n"
                f'<invention-title id="t">{filler[i % 50][:60]}</invention-title>\n'
                "<us-parties><inventors>"
                + "".join(f'<inventor sequence="{k:03d}"><addressbook><last-name>Name{(i * 7 + k) % 5000}'
                          f"</last-name><first-name>F{k}</first-name><address><city>City{k}</city>"
                          "<country>US</country></address></addressbook></inventor>"
                          for k in range(1 + i % 3))
                + "</inventors></us-parties>\n<assignees><assignee><addressbook>"
                f"<orgname>Firm {i % 2000} Inc.</orgname><role>02</role><address><city>Austin"
                "</city><country>US</country></address></addressbook></assignee></assignees>\n"
                f"</us-bibliographic-data-grant>\n<description id=\"description\">\n{paras}\n"
                "</description>\n<claims id=\"claims\"><claim id=\"CLM-00001\" num=\"00001\">"
                f"<claim-text>{filler[(i * 3) % 50]}</claim-text></claim></claims>\n"
                "</us-patent-grant>\n")


def write_patentsview(folder: Path, n: int, seed: int = 0) -> None:
    """The five g_ tables for ``n`` patents (1 assignee, 1–3 inventors each)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    q = lambda s: f'"{s}"'  # noqa: E731
    with (folder / "g_patent.tsv").open("w") as pat, \
         (folder / "g_application.tsv").open("w") as app, \
         (folder / "g_assignee_disambiguated.tsv").open("w") as asg, \
         (folder / "g_inventor_disambiguated.tsv").open("w") as inv:
        pat.write('"patent_id"\t"patent_type"\t"patent_date"\t"patent_title"\t"wipo_kind"\t"num_claims"\t"withdrawn"\t"filename"\n')
        app.write('"application_id"\t"patent_id"\t"patent_application_type"\t"filing_date"\t"series_code"\t"rule_47_flag"\n')
        asg.write('"patent_id"\t"assignee_sequence"\t"assignee_id"\t"disambig_assignee_individual_name_first"\t"disambig_assignee_individual_name_last"\t"disambig_assignee_organization"\t"assignee_type"\t"location_id"\n')
        inv.write('"patent_id"\t"inventor_sequence"\t"inventor_id"\t"disambig_inventor_name_first"\t"disambig_inventor_name_last"\t"gender_code"\t"location_id"\n')
        for i in range(n):
            pid = str(9000000 + i)
            title = _text(rng, 8) + (' 12" ruler' if i % 97 == 0 else "")
            pat.write(f'{q(pid)}\t"utility"\t"2018-06-19"\t{q(title)}\t"B2"\t{1 + i % 20}\t0\t"ipg180619.xml"\n')
            app.write(f'{q("15/" + str(i))}\t{q(pid)}\t"15"\t"201{i % 8}-0{1 + i % 9}-1{i % 9}"\t"15"\t0\n')
            a = i % 3000
            asg.write(f'{q(pid)}\t0\t{q("a-" + str(a))}\t""\t""\t{q(f"Firm {a} Inc.")}\t{2 + a % 2}\t{q("l" + str(a % 500))}\n')
            for k in range(1 + i % 3):
                who = (i * 7 + k) % 20000
                inv.write(f'{q(pid)}\t{k}\t{q("i-" + str(who))}\t"First"\t{q("Last" + str(who))}\t"F"\t{q("l" + str(who % 500))}\n')
    with (folder / "g_location_disambiguated.tsv").open("w") as loc:
        loc.write('"location_id"\t"disambig_city"\t"disambig_state"\t"disambig_country"\t"latitude"\t"longitude"\t"county"\t"state_fips"\t"county_fips"\n')
        for k in range(500):
            loc.write(f'{q("l" + str(k))}\t{q("City" + str(k))}\t"TX"\t"US"\t30.{k}\t-97.{k}\t""\t48\t1\n')


def child(path: str) -> None:
    import netkit as nk  # imported before the baseline is taken

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    c = nk.ingest.read(path)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    table_bytes = sum(int(df.memory_usage(deep=True).sum()) for df in c.tables().values())
    print(json.dumps({"seconds": seconds, "baseline_kb": baseline, "peak_kb": peak,
                      "table_mb": table_bytes / 2**20, "events": c.n_events,
                      "participations": c.n_participations,
                      "records": int(c.accounting["records_seen"].sum()),
                      "quarantined": len(c.quarantine)}))


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(path)], check=True,
                         capture_output=True, text=True).stdout
    r = json.loads(out.strip().splitlines()[-1])
    size = sum(f.stat().st_size for f in ([path] if path.is_file() else path.iterdir()))
    r["mb"] = size / 2**20
    r["growth_mb"] = (r["peak_kb"] - r["baseline_kb"]) / 1024
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--grants", type=int, default=1500, help="USPTO grants at the first size")
    ap.add_argument("--patents", type=int, default=40000, help="PatentsView patents at the first size")
    ap.add_argument("--factor", type=int, default=4, help="second size = factor x first")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for k in (1, args.factor):
            f = tmp / f"ipg{k}.xml"
            write_uspto(f, args.grants * k)
            rows.append(("uspto-xml", args.grants * k, measure(f)))
            f.unlink()
            d = tmp / f"pv{k}"
            write_patentsview(d, args.patents * k)
            rows.append(("patentsview", args.patents * k, measure(d)))
    print(f"{'reader':12} {'patents':>8} {'file MB':>8} {'s':>6} {'MB/s':>6} {'rec/s':>8} "
          f"{'peak-base MB':>12} {'tables MB':>9} {'peak/tables':>11}")
    for name, n, r in rows:
        print(f"{name:12} {n:8d} {r['mb']:8.1f} {r['seconds']:6.2f} {r['mb'] / r['seconds']:6.1f} "
              f"{r['records'] / r['seconds']:8.0f} {r['growth_mb']:12.1f} {r['table_mb']:9.1f} "
              f"{r['growth_mb'] / max(r['table_mb'], 1e-9):11.2f}")
    for name in ("uspto-xml", "patentsview"):
        a, b = [r for x, _, r in rows if x == name]
        print(f"{name}: file x{b['mb'] / a['mb']:.1f} -> peak growth x"
              f"{b['growth_mb'] / max(a['growth_mb'], 1e-9):.1f}, tables x"
              f"{b['table_mb'] / a['table_mb']:.1f}")


if __name__ == "__main__":
    main()

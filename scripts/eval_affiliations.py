"""Measure affiliation → ROR linking and registry-free clustering on the Springer set.

``affiliations-ror-springer`` holds 10,000 real affiliation strings with the ROR id the
publisher asserted. It was split once into two halves (seeded; the row lists are
``tests/data/resolve/springer_{dev,test}_rows.txt``): rules were developed on the dev
half only. For each half this prints

* linking against the ROR sample (see :func:`link_scores`): precision = correct / linked
  (over strings that carry a ROR id), recall = correct / strings whose ROR record is in
  the sample, scored on the primary link and on every organisation the string names;
* (``--cluster``) clustering without a registry: B-cubed precision / recall of the
  organisations that :func:`netkit.resolve.resolve` makes of the strings;
* (``--sectors``) the sector netkit gives a string without a registry against the sector
  of the gold record's ROR types (:func:`sector_scores`).

Run::

    python scripts/eval_affiliations.py                 # both halves, linking
    python scripts/eval_affiliations.py --half dev --misses 40
    python scripts/eval_affiliations.py --cluster
    python scripts/eval_affiliations.py --half dev --labelled other_set.csv
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "real"
DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "resolve"
SPRINGER = "affiliations-ror-springer/springer_nature_affiliations_ror.csv"
ROR = "ror-registry-sample/ror-v2-sample.json.gz"


def labelled_file(path: Path) -> pd.DataFrame:
    """Another labelled set in the layout of ROR's test files (columns ``affiliation``
    and ``ror_id``, the id as a URL or bare), e.g. the Crossref publisher-asserted strings
    of ``ror-community/affiliation-matching-experimental``."""
    d = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    missing = {"affiliation", "ror_id"} - set(d.columns)
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(sorted(missing))} (need affiliation, ror_id)")
    return d.assign(ror=d["ror_id"].str.replace("https://ror.org/", "", regex=False))


def halves(real: Path) -> dict[str, pd.DataFrame]:
    """The two halves of the Springer set (columns ``ror``, ``affiliation``)."""
    d = pd.read_csv(real / SPRINGER, dtype=str, encoding="utf-8-sig")
    d = d.assign(ror=d["ror_id"].str.replace("https://ror.org/", "", regex=False))
    out = {}
    for half in ("dev", "test"):
        rows = np.loadtxt(DATA / f"springer_{half}_rows.txt", dtype=np.int64, comments="#")
        out[half] = d.iloc[rows].reset_index(drop=True)
    return out


def link_scores(df: pd.DataFrame, links: pd.DataFrame, known: set[str]) -> dict[str, float]:
    """Precision, recall and counts of a linking against the gold ids.

    * **primary** (strict): a string is correct when its link (``registry_id``, the
      organisation-level unit netkit picks) is the publisher's ROR id;
    * **any named**: a string is correct when the publisher's ROR id is among the
      organisations netkit names for it (``registry_id`` and ``others``: a string such as
      *"Department X, Zhongshan Hospital, Fudan University"* names two, the publisher
      asserted one of them).

    Precision = correct / linked, over strings that carry a ROR id (95 of the 10,000
    carry none: they are left out of precision). Recall = correct / strings whose ROR
    record is in the sample. ``precision_in_registry`` is the precision over the strings
    whose ROR record is in the sample (a string whose organisation the sample lacks can
    only be linked wrongly or not at all). ``orgs_per_link`` is the mean number of organisations named
    per linked string (the price of the *any named* figures).
    """
    got = links["registry_id"].to_numpy(dtype=object)
    gold = df["ror"].to_numpy(dtype=object)
    labelled = pd.notna(gold)
    linked = pd.notna(got) & labelled
    correct = linked & (got == gold)
    named = linked & np.array([g == r or g in (o or ()) for g, r, o in zip(
        gold, got, links["others"], strict=True)], dtype=bool)
    in_reg = np.isin(gold, list(known))
    n_orgs = np.array([1 + len(o or ()) for o in links["others"]])[linked]
    return {"strings": len(df), "labelled": int(labelled.sum()),
            "in_registry": int(in_reg.sum()), "linked": int(linked.sum()),
            "correct": int(correct.sum()),
            "precision": correct.sum() / max(linked.sum(), 1),
            "precision_in_registry": correct.sum() / max((linked & in_reg).sum(), 1),
            "recall": (correct & in_reg).sum() / max(in_reg.sum(), 1),
            "precision_any": named.sum() / max(linked.sum(), 1),
            "recall_any": (named & in_reg).sum() / max(in_reg.sum(), 1),
            "orgs_per_link": float(n_orgs.mean()) if len(n_orgs) else 0.0,
            "abstained": int((links["method"] == "ambiguous").sum())}


def bcubed(truth: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against true labels."""
    df = pd.DataFrame({"t": truth, "p": pred})
    both = df.groupby(["t", "p"]).size()
    nt = df.groupby("t").size()
    np_ = df.groupby("p").size()
    b = both.reset_index(name="n")
    # each item of (t, p) cell: precision n/|p|, recall n/|t|
    prec = (b["n"] * b["n"] / b["p"].map(np_)).sum() / len(df)
    rec = (b["n"] * b["n"] / b["t"].map(nt)).sum() / len(df)
    return float(prec), float(rec)


def cluster_strings(strings: list[str]) -> np.ndarray:
    """Resolve the strings without a registry, as a corpus read from a source would be:
    each distinct string is parsed (:func:`netkit.ingest.affiliations.parse_affiliation`)
    into its organisation, city and country, one raw organisation per distinct
    (organisation, country, city); returns the resolved organisation of each string."""
    import netkit as nk
    from netkit.ingest.affiliations import parse_affiliation

    uniq = list(dict.fromkeys(strings))
    parsed = [parse_affiliation(s) for s in uniq]
    orgs = pd.DataFrame({"name": [p.organization or s for p, s in zip(parsed, uniq, strict=True)],
                         "city": [p.city for p in parsed],
                         "country": [p.country for p in parsed]})
    raw = orgs.drop_duplicates(["name", "country", "city"]).reset_index(drop=True)
    raw["org_id"] = [f"org:s:{k}" for k in range(len(raw))]
    corpus = nk.Corpus(organizations={"org_id": raw["org_id"], "name": raw["name"],
                                      "sector": ["unknown"] * len(raw),
                                      "country": raw["country"], "city": raw["city"]})
    res = nk.resolve.resolve(corpus)
    raw_of = orgs.merge(raw, on=["name", "country", "city"], how="left")["org_id"].to_numpy()
    resolved = res.mapping.reindex(raw_of).to_numpy()
    pos = {s: k for k, s in enumerate(uniq)}
    return resolved[[pos[s] for s in strings]]


def sector_scores(df: pd.DataFrame, sectors: dict[str, str]) -> tuple[float, float, pd.DataFrame]:
    """Sector from the string alone (no registry) against the sector of the gold record's
    ROR types (:mod:`netkit.lexicon.ror_types`): accuracy, unknown share and the confusion
    table, over strings whose gold record is known and typed other than ``other``."""
    from netkit.ingest.affiliations import parse_affiliation
    from netkit.lexicon.sectors import sector_of_organization

    d = df.assign(gold=df["ror"].map(sectors)).dropna(subset=["gold"])
    d = d[d["gold"] != "other"]
    d = d.assign(pred=[sector_of_organization(parse_affiliation(s).organization or s)[0]
                       for s in d["affiliation"]])
    return ((d["pred"] == d["gold"]).mean(), (d["pred"] == "unknown").mean(),
            pd.crosstab(d["gold"], d["pred"]))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrong links and misses")
    ap.add_argument("--cluster", action="store_true", help="also score clustering without a registry")
    ap.add_argument("--sectors", action="store_true",
                    help="also score sectors from the strings against the gold records' ROR types")
    ap.add_argument("--labelled", type=Path, action="append", default=[],
                    help="also score linking on this labelled CSV (columns affiliation, ror_id)")
    ap.add_argument("--real", type=Path, default=REAL)
    ap.add_argument("--cache", type=Path, default=None,
                    help="pickle the registry index here (development runs)")
    args = ap.parse_args(argv)
    from netkit.resolve.link import RegistryIndex, link_affiliations
    from netkit.resolve.registry import load_registry

    t = time.perf_counter()
    reg = load_registry(args.real / ROR)
    if args.cache and args.cache.exists():
        import pickle

        idx = pickle.loads(args.cache.read_bytes())
    else:
        idx = RegistryIndex.build(reg)
        if args.cache:
            import pickle

            args.cache.write_bytes(pickle.dumps(idx))
    print(f"registry: {len(reg)} records, index built in {time.perf_counter() - t:.1f} s")
    known = set(reg.institutions["ror"])
    names = dict(zip(reg.institutions["ror"], reg.institutions["name"], strict=True))
    sets = {h: d for h, d in halves(args.real).items() if args.half in (h, "both")}
    sets.update({p.stem: labelled_file(p) for p in args.labelled})
    for half, df in sets.items():
        t = time.perf_counter()
        links = link_affiliations(df["affiliation"], None, index=idx)
        s = link_scores(df, links, known)
        print(f"{half}: linking P {s['precision']:.4f}  R {s['recall']:.4f}  "
              f"({s['correct']} correct of {s['linked']} linked; {s['in_registry']} of "
              f"{s['labelled']} labelled strings in the registry; {s['abstained']} abstained) "
              f"{time.perf_counter() - t:.1f} s")
        print(f"{half}: linking P {s['precision_in_registry']:.4f} over strings whose "
              "organisation is in the registry")
        print(f"{half}: linking, gold among the organisations named: "
              f"P {s['precision_any']:.4f}  R {s['recall_any']:.4f}  "
              f"({s['orgs_per_link']:.3f} organisations per linked string)")
        print("   by method:", links["method"].value_counts().to_dict())
        if args.misses:
            wrong = links[links["registry_id"].notna() & df["ror"].notna()
                          & (links["registry_id"] != df["ror"])]
            print(f"--- wrong links ({len(wrong)})")
            for k, r in wrong.head(args.misses).iterrows():
                print(f"  {r['affiliation']!r}\n     got {r['registry_id']} {r['name']!r} "
                      f"[{r['evidence']}]\n     gold {df.at[k, 'ror']} "
                      f"{names.get(df.at[k, 'ror'])!r}")
            miss = links[links["registry_id"].isna() & df["ror"].isin(known)]
            print(f"--- misses ({len(miss)})")
            for k, r in miss.head(args.misses).iterrows():
                print(f"  {r['affiliation']!r} [{r['method']}: {r['evidence']}]\n"
                      f"     gold {df.at[k, 'ror']} {names.get(df.at[k, 'ror'])!r}")
        if args.cluster:
            t = time.perf_counter()
            pred = cluster_strings(df["affiliation"].tolist())
            p, r = bcubed(df["ror"].to_numpy(), pred)
            print(f"{half}: clustering without a registry B-cubed P {p:.4f}  R {r:.4f}  "
                  f"{time.perf_counter() - t:.1f} s")
        if args.sectors:
            sectors = dict(zip(reg.institutions["ror"], reg.institutions["sector"], strict=True))
            acc, unknown, table = sector_scores(df, sectors)
            print(f"{half}: sector without a registry vs ROR types: accuracy {acc:.3f}, "
                  f"unknown {unknown:.3f} ({table.to_numpy().sum()} strings)")
            print(table.to_string())


if __name__ == "__main__":
    main()

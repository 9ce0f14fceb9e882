"""Benchmark person resolution: 100k / 300k / 1M author and inventor mentions.

The mentions come from the ``large`` synthetic ecosystem (about 1.5 million person
participations), with person ids spelled the way the sources give them: OpenAlex
``A…``, Scopus and PatentsView author ids where the event's source has them, a bare
name key for Web of Science and USPTO (so a third of the mentions must be linked by
name, organisation and co-authors). The first N mentions (events in id order) make a
size; each size is resolved in a fresh process, which prints the seconds of
:func:`netkit.resolve.resolve_people`, its peak memory (max RSS after loading minus
before) and the time per 100k mentions (flat = linear), and the ratio of each time to
the smallest size's against the ratio of sizes.

Run::

    python scripts/bench_people.py                      # 100k, 300k, 1M
    python scripts/bench_people.py 50000 100000 --size medium
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import netkit as nk

ID_SOURCES = {"openalex": "per:openalex:A{}", "scopus": "per:scopus:57{}",
              "patentsview": "per:patentsview:fl:{}"}


def source_ids(corpus: nk.Corpus) -> nk.Corpus:
    """The corpus with person ids as each event's source gives them."""
    part = corpus.participations
    src = part["event_id"].map(corpus.events.set_index("event_id")["source"]).astype(str)
    has = part["person_id"].notna()
    num = part["person_id"].str.rsplit(":", n=1).str[1]
    names = part["person_id"].map(corpus.people.set_index("person_id")["name"]).astype(object)
    key = names.str.lower().str.replace(r"\W+", " ", regex=True).str.strip()
    new = pd.Series(None, index=part.index, dtype=object)
    for source, pattern in ID_SOURCES.items():
        hit = has & (src == source)
        new[hit] = [pattern.format(n) for n in num[hit]]
    rest = has & new.isna()
    new[rest] = "per:" + src[rest] + ":" + key[rest]
    people = pd.DataFrame({"person_id": new[has].to_numpy(), "name": names[has].to_numpy()})
    people = people.drop_duplicates("person_id")
    return nk.Corpus(organizations=corpus.organizations, org_ids=corpus.org_ids, people=people,
                     events=corpus.events, participations=part.assign(person_id=new))


def first_mentions(corpus: nk.Corpus, n: int) -> nk.Corpus:
    """The events (in id order) whose person mentions add up to about ``n``."""
    part = corpus.participations.dropna(subset=["person_id"])
    per_event = part.groupby("event_id").size().sort_index()
    events = per_event.index[: int(np.searchsorted(per_event.cumsum().to_numpy(), n)) + 1]
    return nk.Corpus(**_subset(corpus, set(events)))


def _subset(corpus, events):
    part = corpus.participations[corpus.participations["event_id"].isin(events)]
    people = corpus.people[corpus.people["person_id"].isin(set(part["person_id"].dropna()))]
    orgs = corpus.organizations[corpus.organizations["org_id"].isin(set(part["org_id"].dropna()))]
    return {"organizations": orgs, "people": people, "participations": part,
            "events": corpus.events[corpus.events["event_id"].isin(events)]}


def run_one(folder: str) -> None:
    """In a fresh process: load, resolve, print seconds and peak memory."""
    corpus = nk.model.load(folder)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    res = nk.resolve.resolve_people(corpus)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = len(res.mentions)
    print(f"{n}\t{seconds:.2f}\t{peak / 1024:.0f}\t{(peak - before) / 1024:.0f}\t"
          f"{res.corpus.n_people}", flush=True)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--run":
        run_one(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--size", default="large", help="synthetic ecosystem size")
    args = parser.parse_args()
    t = time.perf_counter()
    corpus, _ = nk.datasets.synthetic_ecosystem(seed=0, size=args.size)
    corpus = source_ids(corpus)
    print(f"ecosystem '{args.size}': {corpus.participations['person_id'].notna().sum():,} "
          f"person participations ({time.perf_counter() - t:.0f} s to make)", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            first_mentions(corpus, n).save(folder)
            folders.append(folder)
        del corpus
        print("mentions\tseconds\tmax RSS MB\tRSS growth MB\tpeople", flush=True)
        for folder in folders:
            out = subprocess.run([sys.executable, __file__, "--run", str(folder)], check=True,
                                 capture_output=True, text=True).stdout.strip()
            print(out, flush=True)
            rows.append([float(x) for x in out.split("\t")])
    base_n, base_s = rows[0][0], rows[0][1]
    for n, s, *_ in rows:
        print(f"{int(n):>9,} mentions: {s:7.2f} s, {s / n * 1e5:5.2f} s per 100k, "
              f"time ratio {s / base_s:5.2f} for size ratio {n / base_n:5.2f}")


if __name__ == "__main__":
    main()

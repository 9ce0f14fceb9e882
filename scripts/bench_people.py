"""Benchmark person resolution: 100k / 300k / 1M author and inventor mentions.

The mentions come from the ``large`` synthetic ecosystem (about 1.5 million person
participations), with person ids spelled the way the sources give them: OpenAlex
``A…``, Scopus and PatentsView author ids where the event's source has them, a bare
name key for Web of Science and USPTO (so a third of the mentions must be linked by
name, organisation and co-authors). The first N mentions (events in id order) make a
size; each size is resolved in a fresh process, which prints the wall and CPU seconds
of :func:`netkit.resolve.resolve_people`, the memory of the loaded corpus, the process's
peak and the linking's own peak above the loaded corpus (``VmHWM`` after resetting it
once the corpus is loaded), the CPU time per 100k mentions (flat = linear), and the ratio
of each time to the smallest size's against the ratio of sizes. CPU seconds are the
figure to compare on a shared machine; wall seconds grow with the load.

Run::

    python scripts/bench_people.py                      # 100k, 300k, 1M
    python scripts/bench_people.py 50000 100000 --size medium
    python scripts/bench_people.py --keep /tmp/b        # keep (and reuse) the corpora
    python scripts/bench_people.py --topic-words 0      # without topic evidence
"""

from __future__ import annotations

import argparse
import gc
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


def _status_mb(field: str) -> float:
    """``VmRSS`` / ``VmHWM`` of this process in MB (``/proc/self/status``; the high-water
    mark belongs to the process's own memory map, unlike ``ru_maxrss``, which Linux
    carries over from the parent across ``exec``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def _reset_peak() -> bool:
    """Reset the high-water mark to the current RSS (Linux ≥ 4.0); False if refused."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def run_one(folder: str, topic_words: int = 2) -> None:
    """In a fresh process: load, resolve, print seconds (wall and CPU), the memory of the
    loaded corpus, the process's peak and the linking's own peak above the corpus."""
    corpus = nk.model.load(folder)
    gc.collect()
    loaded = _status_mb("VmRSS")
    reset = _reset_peak()
    t, cpu = time.perf_counter(), time.process_time()
    res = nk.resolve.resolve_people(corpus, min_topic_words=topic_words)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = _status_mb("VmHWM")
    n = len(res.mentions)
    own = f"{peak - loaded:.0f}" if reset else "nan"
    print(f"{n}\t{seconds:.2f}\t{cpu:.2f}\t{loaded:.0f}\t{peak:.0f}\t{own}\t"
          f"{res.corpus.n_people}", flush=True)


def main() -> None:
    if len(sys.argv) > 3 and sys.argv[1] == "--run":
        run_one(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--size", default="large", help="synthetic ecosystem size")
    parser.add_argument("--keep", help="folder to keep the corpora in (reused if there)")
    parser.add_argument("--topic-words", type=int, default=2,
                        help="min_topic_words of resolve_people (0: no topic evidence)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        folders = [root / f"{args.size}-{n}" for n in args.sizes]
        if not all((f / "manifest.json").exists() for f in folders):
            t = time.perf_counter()
            corpus, _ = nk.datasets.synthetic_ecosystem(seed=0, size=args.size)
            corpus = source_ids(corpus)
            print(f"ecosystem '{args.size}': "
                  f"{corpus.participations['person_id'].notna().sum():,} person "
                  f"participations ({time.perf_counter() - t:.0f} s to make)", flush=True)
            for n, folder in zip(args.sizes, folders, strict=True):
                first_mentions(corpus, n).save(folder)
            del corpus
        print("mentions\tseconds\tCPU s\tcorpus RSS MB\tpeak RSS MB\tlinking MB\tpeople",
              flush=True)
        for folder in folders:
            out = subprocess.run([sys.executable, __file__, "--run", str(folder),
                                  str(args.topic_words)], check=True,
                                 capture_output=True, text=True).stdout.strip()
            print(out, flush=True)
            rows.append([float(x) for x in out.split("\t")])
    base_n, base_s, base_c = rows[0][0], rows[0][1], rows[0][2]
    for n, s, c, *_ in rows:
        print(f"{int(n):>9,} mentions: {s:7.2f} s ({c:7.2f} CPU s), {c / n * 1e5:5.2f} CPU s "
              f"per 100k, CPU time ratio {c / base_c:5.2f} (wall {s / base_s:5.2f}) for size "
              f"ratio {n / base_n:5.2f}")


if __name__ == "__main__":
    main()

"""Benchmark organisation resolution: 10k / 30k / 100k distinct raw names.

Names are generated the way the synthetic ecosystem spells organisations across
sources (``netkit.datasets.names.spell``: WoS abbreviations and capitals, patent
offices' long legal forms, dropped accents …) plus, for half of the organisations,
a typing error (a doubled letter), from distinct base organisations
(universities, institutes, firms, start-ups with coined names and legal forms),
so that every raw name has a known true identity. Each size is resolved once;
the script prints seconds, seconds per 1,000 names (flat = linear growth),
pairwise precision / recall against the true identities, and the ratio of each
time to the 10k time against the ratio of sizes.

Run::

    python scripts/bench_resolve.py            # 10k, 30k, 100k
    python scripts/bench_resolve.py 10000 20000
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import pandas as pd

import netkit as nk
from netkit.datasets.names import SOURCES, spell

SYLLABLES = ("ve", "xo", "ra", "qu", "an", "ti", "lo", "mi", "zen", "ko", "ly", "nu", "tra",
             "vi", "sol", "gen", "ox", "ia", "ber", "ka", "dor", "fel", "mar", "sun", "tek")
FIELDS = ("Energy", "Marine Science", "Materials", "Health Technology", "Climate",
          "Biotechnology", "Transport", "Food Science", "Physics", "Chemistry")
INDUSTRY = ("Pharma", "Energy", "Robotics", "Materials", "Maritime", "Software", "Diagnostics",
            "Foods", "Semiconductors", "Analytics", "Engineering", "Instruments")
LEGAL = ("AB", "AS", "Ltd", "GmbH", "Oy", "Inc", "ASA")
COUNTRIES = ("NO", "SE", "DK", "FI", "DE", "FR", "GB", "US", "NL", "ES")


def coined(k: int, rng: np.random.Generator, taken: set[str]) -> str:
    """A made-up proper name (three or four syllables) not used before."""
    while True:
        n = 3 + int(rng.integers(2))
        word = "".join(SYLLABLES[i] for i in rng.integers(len(SYLLABLES), size=n)).capitalize()
        if word not in taken:
            taken.add(word)
            return word


def base_name(k: int, rng: np.random.Generator, taken: set[str]) -> str:
    word = coined(k, rng, taken)
    kind = int(rng.integers(5))
    if kind == 0:
        return (f"University of {word}", f"{word} University of Technology",
                f"{word} University")[int(rng.integers(3))]
    if kind == 1:
        return f"{word} Institute of {FIELDS[int(rng.integers(len(FIELDS)))]}"
    if kind == 2:
        return f"{word} {INDUSTRY[int(rng.integers(len(INDUSTRY)))]} {LEGAL[int(rng.integers(7))]}"
    if kind == 3:
        return f"{word} Labs {LEGAL[int(rng.integers(7))]}"
    return f"{word} Hospital"


def raw_names(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` distinct raw names with their true identity and country."""
    rng = np.random.default_rng(seed)
    rows: list[tuple[str, int, str]] = []
    seen: set[str] = set()
    taken: set[str] = set()
    k = 0
    while len(rows) < n:
        name = base_name(k, rng, taken)
        country = COUNTRIES[int(rng.integers(len(COUNTRIES)))]
        spellings = [spell(name, source, variant) for source in SOURCES for variant in range(4)]
        # one typing error in the coined word (a letter doubled), as OCR and typists make
        w = name.split()[0] if not name.startswith("University of") else name.split()[-1]
        if len(w) >= 7 and rng.random() < 0.5:
            i = int(rng.integers(2, len(w) - 1))
            spellings.append(name.replace(w, w[:i] + w[i] + w[i:]))
        for s in spellings:
            if s not in seen:
                seen.add(s)
                rows.append((s, k, country))
        k += 1
    df = pd.DataFrame(rows[:n], columns=["name", "true", "country"])
    # a third of the names come without a country, as WoS/Scopus names often do
    df.loc[rng.random(len(df)) < 0.33, "country"] = None
    return df


def corpus_of(df: pd.DataFrame) -> nk.Corpus:
    n = len(df)
    oid = [f"org:bench:{k}" for k in range(n)]
    ev = [f"pub:bench:{k // 10}" for k in range(n)]
    return nk.Corpus(
        organizations={"org_id": oid, "name": df["name"], "sector": ["unknown"] * n,
                       "country": df["country"]},
        events={"event_id": sorted(set(ev)), "kind": "publication", "source": "bench"},
        participations={"event_id": ev, "org_id": oid, "role": ["author"] * n})


def precision_recall(mapping: pd.Series, true: np.ndarray) -> tuple[float, float]:
    df = pd.DataFrame({"pred": mapping.to_numpy(), "true": true})

    def pairs(cols) -> int:
        s = df.groupby(cols).size().to_numpy(dtype=np.int64)
        return int((s * (s - 1) // 2).sum())

    tp, pp, tt = pairs(["pred", "true"]), pairs("pred"), pairs("true")
    return tp / pp if pp else 1.0, tp / tt if tt else 1.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 30_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(f"netkit {nk.__version__}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs visible")
    print(f"{'names':>8} {'orgs':>8} {'resolved':>8} {'seconds':>8} {'s/1k':>6} "
          f"{'precision':>9} {'recall':>6}")
    nk.resolve.resolve(corpus_of(raw_names(200, args.seed)))  # warm up (imports, regexes)
    first = None
    for n in args.sizes:
        df = raw_names(n, args.seed)
        corpus = corpus_of(df)
        t0 = time.perf_counter()
        res = nk.resolve.resolve(corpus)
        dt = time.perf_counter() - t0
        p, r = precision_recall(res.mapping, df["true"].to_numpy())
        print(f"{n:>8} {df['true'].nunique():>8} {res.corpus.n_organizations:>8} {dt:>8.2f} "
              f"{1000 * dt / n:>6.3f} {p:>9.4f} {r:>6.4f}", flush=True)
        if first is None:
            first = (n, dt)
        else:
            print(f"{'':>8} time ×{dt / first[1]:.2f} for size ×{n / first[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

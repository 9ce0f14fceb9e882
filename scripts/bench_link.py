"""Benchmark linking affiliation strings to the ROR sample: 100k / 300k / 1M strings.

Strings are sampled with replacement (seeded) from the 10,000 real Springer Nature
affiliation strings and from the spellings of the synthetic ecosystem's organisations
by every source (``netkit.datasets.names.spell``: WoS capitals and abbreviations,
patent offices' legal forms …), as a large bibliographic export repeats the same
affiliations many times. The registry (the shared ROR sample, 51,370 records) is read
and indexed once (timed apart); then each size is linked with the parse caches cleared,
so that each run parses every distinct string once. Printed: seconds per size, strings
per second, the ratio of each time to the 100k time against the ratio of sizes (1.0 =
linear), and the peak resident memory of the process.

Run::

    python scripts/bench_link.py                 # 100k, 300k, 1M
    python scripts/bench_link.py 10000 50000
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "real"


def pool(real: Path, seed: int = 0) -> np.ndarray:
    """The distinct strings that samples are drawn from."""
    import netkit as nk
    from netkit.datasets.names import SOURCES, spell

    springer = pd.read_csv(real / "affiliations-ror-springer" /
                           "springer_nature_affiliations_ror.csv", dtype=str,
                           encoding="utf-8-sig")["affiliation"].tolist()
    corpus, _ = nk.datasets.synthetic_ecosystem(seed=seed, size="small")
    names = corpus.organizations["name"].dropna().unique().tolist()
    synthetic = [spell(n, s, v) for n in names for s in SOURCES for v in range(2)]
    return np.array(list(dict.fromkeys(springer + synthetic)), dtype=object)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100_000, 300_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--real", type=Path, default=REAL)
    args = ap.parse_args(argv)
    from netkit.resolve import link, registry_index
    from netkit.resolve.normalize import normalize_name
    from netkit.resolve.registry import load_registry

    strings = pool(args.real, args.seed)
    print(f"pool: {len(strings)} distinct strings")
    t = time.perf_counter()
    reg = load_registry(args.real / "ror-registry-sample" / "ror-v2-sample.json.gz")
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    idx = link.RegistryIndex.build(reg)
    t_index = time.perf_counter() - t
    print(f"registry: {len(reg)} records read in {t_read:.1f} s, indexed in {t_index:.1f} s; "
          f"peak memory {peak_mb():.0f} MB")
    rng = np.random.default_rng(args.seed)
    base = None
    for n in args.sizes:
        sample = strings[rng.integers(len(strings), size=n)]
        link._part_facts.cache_clear()
        registry_index._folded_words.cache_clear()
        normalize_name.cache_clear()
        t = time.perf_counter()
        out = link.link_affiliations(sample, None, index=idx)
        dt = time.perf_counter() - t
        base = base or (n, dt)
        print(f"{n:>9} strings ({len(pd.unique(sample))} distinct): {dt:6.1f} s  "
              f"{n / dt:9.0f} strings/s  linked {out['registry_id'].notna().mean():.1%}  "
              f"time ratio {dt / base[1]:.2f} for size ratio {n / base[0]:.1f}  "
              f"peak memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()

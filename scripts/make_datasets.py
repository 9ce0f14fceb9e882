"""Regenerate the bundled sample datasets under ``datasets/synthetic/``.

The files are the synthetic ecosystem (seed 1, size "small") written as each
source would export it — OpenAlex, Web of Science, Scopus, USPTO, PatentsView,
CORDIS — with the ground truth in ``datasets/synthetic/truth/``. The output is
deterministic, so rerunning this script changes nothing unless netkit changed.

Usage: ``python scripts/make_datasets.py [--seed N] [--size S] [--out DIR]``
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from netkit.datasets.samples import write_samples

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", default="small")
    parser.add_argument("--out", type=Path, default=ROOT / "datasets" / "synthetic")
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    written = write_samples(args.out, seed=args.seed, size=args.size)
    for folder, files in written.items():
        size = sum(f.stat().st_size for f in files)
        print(f"{folder:12s} {len(files):3d} files {size / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()

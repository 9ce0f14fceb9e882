"""Write a netkit report from Python, on the bundled sample datasets.

    python scripts/report_example.py [OUT_DIR]

The same report as ``netkit report --config scripts/report.toml``, built from a
mapping instead of a TOML file — and a second, quicker one from a corpus held in
memory (the synthetic ecosystem), the way ``netkit demo`` does it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import netkit as nk
from netkit.report import write_report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets" / "synthetic"


def main(out: Path) -> None:
    config = {
        "title": "Synthetic ecosystem from the bundled source files",
        "seed": 1,
        "inputs": [{"path": str(DATA / name)} for name in
                   ("openalex", "wos", "scopus", "uspto", "patentsview", "cordis")],
        "resolve": {"enabled": True},
        "before_after": {"year": 2018},
    }
    start = time.perf_counter()
    folder = write_report(config, out / "from_files")
    print(f"{folder}/index.html  ({time.perf_counter() - start:.1f} s)")

    # a corpus in memory: no input files, no resolution needed (it is the true ecosystem)
    corpus, truth = nk.datasets.synthetic_ecosystem(seed=1, size="small")
    start = time.perf_counter()
    folder = write_report({"title": "Synthetic ecosystem (in memory)", "seed": 1,
                           "before_after": {"year": truth.intervention_year}},
                          out / "in_memory", corpus=corpus)
    print(f"{folder}/index.html  ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports" / "example")

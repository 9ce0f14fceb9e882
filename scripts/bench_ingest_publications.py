"""Throughput and memory of the publication readers (OpenAlex, Scopus, WoS).

    python scripts/bench_ingest_publications.py                 # large synthetic export + 1 GB RSS
    python scripts/bench_ingest_publications.py --size medium --gb 0.2
    python scripts/bench_ingest_publications.py --only scopus --gb 0   # the Scopus reader only

1. Writes the synthetic ecosystem's publications (``--size``, default ``large``) as
   OpenAlex JSON Lines, a Scopus CSV (2023 layout) and a WoS plain-text export in a
   temporary folder, and times ``netkit.ingest.read`` on each, on one core: MB/s and
   records/s. As DESIGN §7 asks, each figure is also given as a ratio against a
   baseline measured in the same run: the bare parse of the same file with the
   standard library (``json.loads`` per line, ``csv.reader``, a line loop).
   Scopus is also written in the older column layout (``scopus-old``), and both
   Scopus files are read a second time through the per-record path
   (``engine="records"``, rows ``…/rec``) to show what the columnar path gains; the
   peak resident memory of a process reading the Scopus file is printed too, with its
   CPU seconds in ``--repeat`` fresh processes (the fastest is reported: other load on
   the machine only ever adds CPU time; the median is printed too). The time counts
   from the call of ``nk.ingest.read``, after ``import netkit.ingest``.
2. Builds a JSON Lines file of ``--gb`` GB (the synthetic works repeated with fresh
   work ids) and reads it in a *subprocess*, reporting its peak resident memory
   (``VmHWM`` from ``/proc/self/status``; ``resource.getrusage(RUSAGE_SELF).ru_maxrss``
   is printed too, but on Linux it keeps the high-water mark of the parent — the
   benchmark process holding the synthetic ecosystem — across fork+exec).
   The file is deleted afterwards.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import netkit as nk  # noqa: E402
from netkit.datasets import synthetic_ecosystem  # noqa: E402
from netkit.datasets.writers import openalex, scopus, wos  # noqa: E402

RSS_CHILD = r"""
import resource, sys, time
sys.path.insert(0, {root!r})
import netkit as nk
import netkit.ingest  # the readers' modules: imported once per process, not per file
t = time.process_time()
c = nk.ingest.read({path!r})
dt = time.process_time() - t
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1])
print(c.n_events, c.n_participations, dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, hwm)
"""


def _baseline(path: Path, kind: str) -> float:
    t = time.process_time()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        if kind == "openalex":
            for line in fh:
                if line.strip():
                    json.loads(line)
        elif kind == "scopus":
            for _ in csv.reader(fh):
                pass
        else:
            for _ in fh:
                pass
    return time.process_time() - t


def throughput(directory: Path, size: str, seed: int, only: list[str]) -> dict[str, Path]:
    t = time.perf_counter()
    corpus, truth = synthetic_ecosystem(seed=seed, size=size)
    print(f"synthetic ecosystem {size!r}: {corpus} ({time.perf_counter() - t:.1f} s)")
    files = {}
    for kind, write, kw in (("openalex", openalex.write, {}), ("scopus", scopus.write, {}),
                            ("scopus-old", scopus.write, {"layout": "old"}),
                            ("wos", wos.write, {})):
        if kind.split("-")[0] in only:
            out = directory / "old" if kind == "scopus-old" else directory
            files[kind] = write(corpus, truth, out, **kw)[0]
    del corpus, truth
    print("CPU seconds of this process (time.process_time), so that other jobs on the "
          "machine do not count; wall seconds beside them.")
    print(f"{'reader':14} {'MB':>7} {'records':>8} {'cpu s':>6} {'wall s':>6} {'MB/s':>6} "
          f"{'rec/s':>7} {'baseline cpu s':>14} {'x baseline':>10}")
    runs = [(kind, path, {}) for kind, path in files.items()]
    runs += [(f"{kind}/rec", path, {"engine": "records"}) for kind, path in files.items()
             if kind.startswith("scopus")]
    for kind, path, options in runs:
        mb = path.stat().st_size / 1e6
        base = _baseline(path, kind.split("-")[0].split("/")[0])
        t, w = time.process_time(), time.perf_counter()
        c = nk.ingest.read(path, **options)
        dt, dw = time.process_time() - t, time.perf_counter() - w
        n = int(c.accounting["records_seen"].sum())
        assert int(c.accounting["quarantined"].sum()) == 0
        print(f"{kind:14} {mb:7.1f} {n:8d} {dt:6.2f} {dw:6.2f} {mb / dt:6.1f} {n / dt:7.0f} "
              f"{base:14.2f} {dt / base:10.1f}")
    return files


def big_jsonl(source: Path, target: Path, gb: float) -> int:
    """Repeat the works of ``source`` with fresh ids until ``target`` holds ``gb`` GB."""
    lines = [line for line in source.read_text("utf-8").splitlines() if line]
    need = int(gb * 1e9)
    written = copy = 0
    n = 0
    with open(target, "w", encoding="utf-8") as out:
        while written < need:
            copy += 1
            for line in lines:
                line = line.replace('"https://openalex.org/W1', f'"https://openalex.org/W{copy + 1}',
                                    1)
                out.write(line + "\n")
                written += len(line) + 1
                n += 1
                if written >= need:
                    break
    return n


def peak_rss(path: Path, what: str = "JSON Lines", repeat: int = 1) -> None:
    """Read ``path`` in ``repeat`` fresh processes; CPU seconds of each, the figures of
    the fastest (CPU time of a process still varies with other load on the machine)."""
    code = RSS_CHILD.format(root=str(ROOT), path=str(path))
    runs = []
    for _ in range(repeat):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        runs.append(res.stdout.split())
    n_events, n_parts, dt, maxrss_kb, hwm_kb = min(runs, key=lambda r: float(r[2]))
    gb = path.stat().st_size / 1e9
    times = sorted(float(r[2]) for r in runs)
    each = (f" (runs: {', '.join(f'{float(r[2]):.2f}' for r in runs)}; median "
            f"{times[len(times) // 2]:.2f} s, {int(n_events) / times[len(times) // 2]:.0f} "
            "records/s)") if repeat > 1 else ""
    print(f"{gb:.2f} GB {what}: {int(n_events)} records, {int(n_parts)} participations, "
          f"{float(dt):.2f} CPU s{each} ({gb * 1e3 / float(dt):.1f} MB/s, "
          f"{int(n_events) / float(dt):.0f} records/s); peak RSS of the reading "
          f"process {int(hwm_kb) / 1e6:.2f} GB (VmHWM; ru_maxrss says "
          f"{int(maxrss_kb) / 1e6:.2f} GB, but Linux carries the parent's high-water mark "
          "across fork+exec into ru_maxrss)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="large", choices=["tiny", "small", "medium", "large"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--gb", type=float, default=1.0, help="size of the RSS test file (0: skip)")
    ap.add_argument("--only", nargs="+", default=["openalex", "scopus", "wos"],
                    choices=["openalex", "scopus", "wos"], help="readers to time")
    ap.add_argument("--repeat", type=int, default=3,
                    help="fresh-process reads of the Scopus file (the fastest is reported)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nk-bench-") as d:
        d = Path(d)
        files = throughput(d, args.size, args.seed, args.only)
        if "scopus" in files:
            peak_rss(files["scopus"], "Scopus CSV (fresh process)", args.repeat)
        oa = files.get("openalex")
        if args.gb > 0 and oa is not None:
            big = d / "big.jsonl"
            n = big_jsonl(oa, big, args.gb)
            print(f"built {big.stat().st_size / 1e9:.2f} GB with {n} works")
            try:
                peak_rss(big)
            finally:
                big.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of issue 19: the projection engines (memory, DuckDB, Spark local mode) on
participation tables of 10⁶, 10⁷ and 4·10⁷ rows.

    python scripts/bench_project.py --rows 1e6 1e7 --engines memory duckdb spark
    python scripts/bench_project.py --rows 4e7 --engines duckdb --memory-limit 1.2GB

The participations are generated on the fly into Parquet (in blocks, so the
generator stays small): events with a heavy-tailed number of organisations
(Zipf, exponent 2.5, capped at 50: mean ≈ 1.9 rows, three events in four with one
organisation, one in 700 a consortium of 50, as in multi-institution papers),
organisations of Zipf-skewed activity (a few in thousands of events, most in
one or two), 24 years, kinds 70 % publications / 20 % patents / 10 % contracts,
OpenAlex-like string ids. Duplicate rows (an organisation twice in an event)
occur, as in real data.

Each engine runs in its own subprocess; the peak resident memory of the whole
process tree (the Python driver plus, for Spark, its JVM) is sampled from
/proc every 0.2 s. Times are wall-clock, including reading the Parquet input
and writing the tie table. Ratios are against the memory engine of the same
run (same input, same machine load). The tie tables of all engines are
compared (same ties, weights within 1e-9) when they were all run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_SIZE = 50


def generate(rows: int, out: Path, seed: int = 0, block: int = 2_000_000) -> dict:
    """Write ``rows`` participation rows (about; whole events) as Parquet part files."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    n_orgs = max(1000, rows // 40)
    written = events = 0
    part = 0
    kinds = pa.array(["publication", "patent", "contract"])
    while written < rows:
        k = min(block, rows - written)
        sizes = np.minimum(rng.zipf(2.5, size=k), MAX_SIZE)
        sizes = sizes[np.cumsum(sizes) <= k] if sizes[0] <= k else sizes[:1]
        n = int(sizes.sum())
        event = np.repeat(np.arange(events, events + len(sizes), dtype=np.int64), sizes)
        # Zipf-skewed activity: rank = n_orgs * u^3 (a few hubs, a long tail)
        org = (n_orgs * rng.random(n) ** 3).astype(np.int64)
        year = np.repeat(rng.integers(2000, 2024, size=len(sizes)), sizes)
        kind = np.repeat(rng.choice(3, size=len(sizes), p=[0.7, 0.2, 0.1]), sizes)
        table = pa.table({
            "event_id": pc.binary_join_element_wise("pub:openalex:W",
                                                    pc.cast(pa.array(event), pa.string()), ""),
            "org_id": pc.binary_join_element_wise("org:openalex:I",
                                                  pc.cast(pa.array(org), pa.string()), ""),
            "year": pa.array(year, pa.int64()),
            "kind": kinds.take(pa.array(kind)),
            "share": pa.nulls(n, pa.float64()),
        })
        pq.write_table(table, out / f"part-{part:04d}.parquet")
        part += 1
        written += n
        events += len(sizes)
    return {"rows": written, "events": events, "organisations": n_orgs, "files": part}


CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from netkit.build import project
options = json.loads({options!r})
t = time.perf_counter()
r = project({src!r}, {out!r}, engine={engine!r}, weighting={weighting!r}, **options)
print(json.dumps({{"seconds": time.perf_counter() - t, "ties": r.ties}}))
"""


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
        stack.extend(children.get(p, []))
    return total


def run_engine(engine: str, src: Path, out: Path, weighting: str, options: dict) -> dict:
    code = CHILD.format(root=str(ROOT), options=json.dumps(options), src=str(src),
                        out=str(out), engine=engine, weighting=weighting)
    start = time.perf_counter()
    # the child's output goes to files: a full pipe would block it (Spark and DuckDB log)
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=out_file, stderr=err_file,
                                text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)
        out_file.seek(0)
        err_file.seek(0)
        stdout, stderr = out_file.read(), err_file.read()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        return {"engine": engine, "error": stderr.strip().splitlines()[-1:]}
    result = json.loads(stdout.strip().splitlines()[-1])
    return {"engine": engine, "seconds": round(result["seconds"], 1),
            "process_seconds": round(wall, 1), "peak_rss_mb": round(peak / 2**20),
            "ties": result["ties"]}


def same_tables(paths: list[Path]) -> bool:
    import numpy as np
    import pyarrow.parquet as pq

    ref = pq.read_table(paths[0])
    for p in paths[1:]:
        t = pq.read_table(p)
        if t.num_rows != ref.num_rows:
            return False
        for c in ref.column_names:
            a, b = ref[c].to_numpy(), t[c].to_numpy()
            if c == "weight":
                if not np.allclose(a, b, rtol=0, atol=1e-9):
                    return False
            elif not np.array_equal(a, b):
                return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", nargs="+", type=float, default=[1e6])
    parser.add_argument("--engines", nargs="+", default=["memory", "duckdb", "spark"])
    parser.add_argument("--weighting", default="fractional")
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory limit, e.g. 1.2GB")
    parser.add_argument("--spark-driver-memory", default="2g")
    parser.add_argument("--dir", default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the participations already generated in --dir")
    args = parser.parse_args()
    import pyarrow.parquet as pq

    from netkit.cli.project import parse_size

    work = Path(args.dir or tempfile.mkdtemp(prefix="bench-project-"))
    for rows in args.rows:
        rows = int(rows)
        src = work / f"parts-{rows}"
        t = time.perf_counter()
        info = generate(rows, src) if not args.reuse or not src.is_dir() else \
            {"rows": sum(pq.ParquetFile(f).metadata.num_rows for f in src.glob("*.parquet")),
             "reused": str(src)}
        info["generate_seconds"] = round(time.perf_counter() - t, 1)
        info["parquet_mb"] = round(sum(f.stat().st_size for f in src.iterdir()) / 2**20)
        print(json.dumps({"input": info}), flush=True)
        results, outs = [], []
        for engine in args.engines:
            options: dict = {}
            if engine == "duckdb" and args.memory_limit:
                options["memory_limit"] = parse_size(args.memory_limit)
            if engine == "spark":
                options["conf"] = {"spark.driver.memory": args.spark_driver_memory}
            out = work / f"ties-{rows}-{engine}.parquet"
            res = run_engine(engine, src, out, args.weighting, options)
            res["rows"] = info["rows"]
            results.append(res)
            if "error" not in res:
                outs.append(out)
            print(json.dumps(res), flush=True)
        base = next((r for r in results if r["engine"] == "memory" and "seconds" in r), None)
        if base:
            for r in results:
                if "seconds" in r:
                    r["time_vs_memory"] = round(r["seconds"] / base["seconds"], 2)
        if len(outs) > 1:
            print(json.dumps({"rows": info["rows"], "identical_tie_tables": same_tables(outs)}),
                  flush=True)
        print(json.dumps({"summary": results}), flush=True)
        for out in outs:
            out.unlink(missing_ok=True)


if __name__ == "__main__":
    main()

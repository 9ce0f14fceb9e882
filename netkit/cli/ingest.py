"""``netkit ingest FILES… --out CORPUS_DIR``: read source records into a saved Corpus.

Prints one accounting row per input file (``records_seen = loaded + quarantined +
duplicates``), the size of each canonical table and the most common quarantine
reasons. ``--strict`` makes the command exit 1 when any record was quarantined.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

__all__ = ["EXIT_QUARANTINED", "HELP", "NAME", "configure", "format_accounting",
           "read_with_progress", "run"]

NAME = "ingest"
HELP = "read source files (OpenAlex, WoS, Scopus, patents, contracts …) into a corpus folder"
EXIT_QUARANTINED = 1


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit ingest``."""
    from netkit.ingest import FORMATS

    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="input files or folders (every file below a folder is read)")
    parser.add_argument("--out", "-o", required=True, metavar="CORPUS_DIR",
                        help="folder to write the corpus to (Parquet + manifest.json)")
    parser.add_argument("--format", "-f", default="auto", metavar="F",
                        help="input format (default: auto-detect each file); one of: auto, "
                        + ", ".join(sorted(FORMATS)))
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 if any record was quarantined, and stop at "
                             "a file of a folder that holds no records (default: skip it "
                             "with a warning)")
    parser.add_argument("--encoding", metavar="E", default=None,
                        help="text encoding of files without a byte-order mark "
                             "(default UTF-8), e.g. cp1252 or latin-1")
    parser.add_argument("--mapping", metavar="TOML", default=None,
                        help="column mapping of a CSV read with --format csv-mapped")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def format_accounting(accounting: pd.DataFrame) -> str:
    """The accounting table as aligned text, with a total row.

    Examples
    --------
    >>> acc = pd.DataFrame({"file": ["a.jsonl"], "format": ["openalex"], "records_seen": [3],
    ...                     "loaded": [2], "quarantined": [1], "duplicates": [0]})
    >>> print(format_accounting(acc))
    file     format    seen  loaded  quarantined  duplicates
    a.jsonl  openalex     3       2            1           0
    total                 3       2            1           0
    """
    cols = ["records_seen", "loaded", "quarantined", "duplicates"]
    rows = [["file", "format", "seen", "loaded", "quarantined", "duplicates"]]
    for r in accounting.itertuples(index=False):
        rows.append([str(r.file), str(r.format), *(str(int(getattr(r, c))) for c in cols)])
    rows.append(["total", "", *(str(int(accounting[c].sum())) for c in cols)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [v.rjust(w) for v, w in zip(row[2:], widths[2:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _bytes_read() -> int | None:
    """Bytes this process has read so far (Linux ``/proc/self/io``), else ``None``."""
    try:
        with open("/proc/self/io") as fh:
            for line in fh:
                if line.startswith("rchar:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def read_with_progress(files, *, format: str = "auto", encoding: str | None = None,
                       interval: float = 0.5, **options):
    """:func:`netkit.ingest.read` with a progress bar over the bytes of the input.

    On Linux the bar follows the bytes the process reads (``/proc/self/io``), so a
    single large file shows its progress too; elsewhere it counts files.
    """
    import threading

    from tqdm import tqdm

    from netkit.ingest import expand_paths, read

    start = _bytes_read()
    if start is None:
        return read(files, format=format, encoding=encoding, progress=True, **options)
    total = sum(p.stat().st_size for p in expand_paths(files))
    bar = tqdm(total=total, unit="B", unit_scale=True, desc="reading", file=sys.stderr)
    stop = threading.Event()

    def poll() -> None:
        while not stop.wait(interval):
            now = _bytes_read()
            if now is not None:
                bar.n = min(now - start, total)
                bar.refresh()

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        return read(files, format=format, encoding=encoding, **options)
    finally:
        stop.set()
        thread.join()
        bar.n = total
        bar.close()


def run(args: argparse.Namespace) -> int:
    """Read, save, report; 1 under ``--strict`` when something was quarantined."""
    from netkit._rules import check_encoding
    from netkit.cli._common import check_output
    from netkit.ingest import read

    check_output(args.out, [*args.files, args.mapping])
    if args.encoding is not None:
        check_encoding(args.encoding, "--encoding")
    options = {"mapping": args.mapping} if args.mapping else {}
    options["skip_unknown"] = not args.strict
    if not args.no_progress and sys.stderr.isatty():
        corpus = read_with_progress(args.files, format=args.format, encoding=args.encoding,
                                    **options)
    else:
        corpus = read(args.files, format=args.format, encoding=args.encoding, **options)
    out = corpus.save(Path(args.out))
    print(format_accounting(corpus.accounting))
    print()
    print(f"corpus written to {out}: {corpus.n_events} events, {corpus.n_organizations} "
          f"organisations, {corpus.n_people} people, {corpus.n_participations} participations")
    if shared := corpus.event_ids["event_id"].nunique():
        print(f"{shared} events were found in more than one source (merged; see "
              f"{Path(out) / 'event_ids.parquet'})")
    nq = len(corpus.quarantine)
    if nq:
        reasons = corpus.quarantine["reason"].astype(str).str.replace(r"\d+", "N", regex=True)
        print(f"{nq} record(s) quarantined (see {Path(out) / 'quarantine.parquet'}); "
              "most common reasons:")
        for reason, n in reasons.value_counts().head(5).items():
            print(f"  {n:>6}  {reason}")
        first = corpus.quarantine.iloc[0]
        line = "" if pd.isna(first["line"]) else f":{int(first['line'])}"
        print(f"  first: {first['file']}{line}: {first['reason']}")
    if args.strict and nq:
        return EXIT_QUARANTINED
    return 0

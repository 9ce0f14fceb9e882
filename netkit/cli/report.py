"""``netkit report --config report.toml``: a full report folder from a TOML configuration.

The folder holds ``index.html``, ``report.md``, ``tables/*.csv``,
``graph.graphml``, ``graph.gexf``, ``network.html`` and ``run.json``; it is
written atomically (a crash leaves the previous report intact) and the same
inputs, configuration and seed give byte-identical files (set
``SOURCE_DATE_EPOCH`` to fix the timestamp).
"""

from __future__ import annotations

import argparse
import os
import shlex
import time
from pathlib import Path

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "report"
HELP = "write a report folder (HTML, Markdown, tables, graph files, provenance) from a TOML config"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit report``."""
    parser.add_argument("--config", "-c", required=True, type=Path, metavar="FILE.toml",
                        help="the report configuration (see the README for every key)")
    parser.add_argument("--out", "-o", type=Path, default=None, metavar="DIR",
                        help="report folder (default: 'out' in the configuration)")
    parser.add_argument("--seed", type=int, default=None, metavar="N",
                        help="override the configuration's seed")


def run(args: argparse.Namespace) -> int:
    """Load the configuration, write the report, print where it is."""
    from netkit.report import load_config, write_report

    start = time.perf_counter()
    cfg = load_config(args.config)
    if args.seed is not None:
        cfg = cfg.with_overrides(seed=args.seed)
    # the command as parsed (not sys.argv: the same call records the same text)
    # with absolute paths: the same configuration named relatively or absolutely gives the
    # same run.json
    words = ["netkit", "report", "--config", os.path.normpath(args.config.absolute())]
    if args.out is not None:
        words += ["--out", os.path.normpath(args.out.absolute())]
    if args.seed is not None:
        words += ["--seed", str(args.seed)]
    command = shlex.join(words)
    out = write_report(cfg, args.out, command=command)
    print(f"report written to {out} ({time.perf_counter() - start:.1f} s): open "
          f"{out / 'index.html'}")
    return 0

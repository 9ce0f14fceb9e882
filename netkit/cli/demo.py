"""``netkit demo``: the whole pipeline on the synthetic ecosystem, written as a report."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "demo"
HELP = "generate the synthetic ecosystem, build its network and write a report"
DEFAULT_OUT = Path("reports") / "demo"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit demo``."""
    from netkit.datasets import SIZES

    parser.add_argument("--out", "-o", type=Path, default=DEFAULT_OUT, metavar="DIR",
                        help=f"report folder (default: {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=1, metavar="N",
                        help="seed of the synthetic ecosystem and every random step (default 1)")
    parser.add_argument("--size", choices=list(SIZES), default="small",
                        help="size of the synthetic ecosystem (default small)")


def run(args: argparse.Namespace) -> int:
    """Generate, build, measure, write; print where the report is."""
    from netkit.report.demo import write_demo

    start = time.perf_counter()
    out = write_demo(args.out, seed=args.seed, size=args.size)
    print(f"report written to {out}/index.html and {out}/network.html "
          f"({time.perf_counter() - start:.1f} s)")
    return 0

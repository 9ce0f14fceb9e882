"""``netkit demo``: the whole pipeline on the synthetic ecosystem, written as a report."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "demo"
HELP = ("write the synthetic ecosystem as OpenAlex, WoS, Scopus, USPTO, PatentsView and CORDIS "
        "files, read them back, resolve, analyse and write the full report")
DEFAULT_OUT = Path("reports") / "demo"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit demo`` (``--seed`` and ``--size`` are those of the
    synthetic ecosystem's parameter object, :class:`netkit.pipeline.load.SyntheticParams`)."""
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.load import SyntheticParams

    parser.add_argument("--out", "-o", type=Path, default=DEFAULT_OUT, metavar="DIR",
                        help=f"report folder (default: {DEFAULT_OUT})")
    add_options(parser, SyntheticParams, only=("seed", "size"))


def run(args: argparse.Namespace) -> int:
    """Generate, build, measure, write; print where the report is."""
    from netkit.report.demo import sources_folder, write_demo

    start = time.perf_counter()
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.load import SyntheticParams

    params = params_from_args(SyntheticParams, args)
    out = write_demo(args.out, seed=params.seed, size=params.size)
    print(f"source files written to {sources_folder(out)}/, read back and resolved")
    print(f"report written to {out}/ (index.html, network.html, report.md, tables/, graphs, "
          f"run.json) in {time.perf_counter() - start:.1f} s")
    return 0

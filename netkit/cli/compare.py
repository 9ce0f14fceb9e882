"""``netkit compare CORPUS_DIR --split 2020 --out DIR``: did anything change?

Compares the indicators of two windows (before / after ``--split``) or of two
cohorts (``--treated FILE`` against everybody else or ``--control FILE``), with
bootstrap intervals over events and a label-permutation null model. Writes
``compare.csv`` (one row per indicator) and ``compare.json`` (parameters and
verdicts) to ``DIR``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from netkit.errors import ParameterError

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "compare"
HELP = "compare indicators before/after a date or between cohorts (bootstrap CIs, null model)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit compare``."""
    parser.add_argument("corpus", metavar="CORPUS_DIR",
                        help="a corpus folder (netkit ingest/resolve --out)")
    parser.add_argument("--split", default=None, metavar="YEAR|DATE",
                        help="before = earlier events, after = this year/date on")
    parser.add_argument("--treated", default=None, metavar="FILE",
                        help="org ids of a treated cohort, one per line (instead of --split)")
    parser.add_argument("--control", default=None, metavar="FILE",
                        help="org ids of the control cohort (default: all other organisations)")
    parser.add_argument("--burn-in", type=int, default=0, metavar="N",
                        help="first N years only as history for 'new' ties (windows)")
    parser.add_argument("--reps", type=int, default=1000, help="bootstrap replicates (default 1000)")
    parser.add_argument("--perms", type=int, default=1000,
                        help="label permutations of the null model (default 1000)")
    parser.add_argument("--alpha", type=float, default=0.05, help="family-wise error level")
    parser.add_argument("--test", nargs="+", default=None, metavar="INDICATOR",
                        help="indicators to test (default: the drift-robust university-startup "
                             "and cross-region indicators)")
    parser.add_argument("--structural-reps", type=int, default=100, metavar="N",
                        help="replicates for the graph-level rows (density, clustering …; "
                             "0: leave them out; default 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the results")


def _ids(path: str) -> list[str]:
    p = Path(path)
    if not p.is_file():
        raise ParameterError(f"{path}: no such file")
    return [x.strip() for x in p.read_text(encoding="utf-8").splitlines()
            if x.strip() and not x.startswith("#")]


def run(args: argparse.Namespace) -> int:
    """Run the comparison and write the tables."""
    from tqdm import tqdm

    from netkit.cli._common import check_output, load_corpus
    from netkit.metrics.compare import compare_cohorts, compare_windows, event_features
    from netkit.model.files import atomic_write_text, write_csv

    if (args.split is None) == (args.treated is None):
        raise ParameterError("give either --split YEAR|DATE or --treated FILE")
    out = check_output(args.out, [args.corpus, args.treated, args.control])
    corpus = load_corpus(args.corpus)
    out.mkdir(parents=True, exist_ok=True)
    features = event_features(corpus)
    total = args.reps + args.perms + 2 * max(args.structural_reps, 0)
    with tqdm(total=total, desc="bootstrap + null", unit="rep") as bar:
        common = {"reps": args.reps, "perms": args.perms, "alpha": args.alpha, "test": args.test,
                  "seed": args.seed, "features": features, "progress": bar.update,
                  "structural_reps": args.structural_reps}
        if args.split is not None:
            res = compare_windows(corpus, args.split, burn_in=args.burn_in, **common)
        else:
            control = _ids(args.control) if args.control else None
            res = compare_cohorts(corpus, _ids(args.treated), control, **common)
    write_csv(res, out / "compare.csv")
    tested = res[res["tested"]]
    info = {
        "mode": "windows" if args.split is not None else "cohorts",
        "split": args.split, "events": list(res.attrs.get("events", ())),
        "reps": args.reps, "perms": args.perms, "alpha": args.alpha, "seed": args.seed,
        "significant": {k: bool(v) for k, v in tested["significant"].items()},
    }
    atomic_write_text(out / "compare.json", json.dumps(info, indent=2) + "\n")
    a, b = res.columns[:2]
    for name, row in tested.iterrows():
        verdict = "SIGNIFICANT" if row["significant"] else "no significant change"
        print(f"{name}: {a} {row[a]:.4f} -> {b} {row[b]:.4f}, change {row['change']:+.4f} "
              f"[{row['ci_low']:+.4f}, {row['ci_high']:+.4f}], p = {row['p_holm']:.4f}: {verdict}")
    print(f"{len(res)} indicators -> {out / 'compare.csv'}")
    return 0

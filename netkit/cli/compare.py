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

from netkit.errors import ParameterError

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "compare"
HELP = "compare indicators before/after a date or between cohorts (bootstrap CIs, null model)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit compare``."""
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.compare import CompareParams
    from netkit.pipeline.schema import TopParams

    parser.add_argument("corpus", metavar="CORPUS_DIR",
                        help="a corpus folder (netkit ingest/resolve --out)")
    add_options(parser, CompareParams, only=("year", "treated", "control", "burn_in",
                                              "bootstrap", "permutations", "alpha", "test",
                                              "structural_reps"))
    add_options(parser, TopParams, only=("seed",))
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the results")


def run(args: argparse.Namespace) -> int:
    """Run the comparison and write the tables."""
    from tqdm import tqdm

    from netkit.cli._common import check_output, load_corpus
    from netkit.metrics.sources import MAX_SOURCE_SHIFT
    from netkit.model.files import atomic_write_text, write_csv
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.compare import CompareParams, run_compare

    params = params_from_args(CompareParams, args)
    if (params.year is None) == (params.treated is None):
        raise ParameterError("give either --split YEAR|DATE or --treated FILE")
    out = check_output(args.out, [args.corpus, params.treated, params.control])
    corpus = load_corpus(args.corpus)
    out.mkdir(parents=True, exist_ok=True)
    total = params.bootstrap + params.permutations + 2 * params.structural_reps
    with tqdm(total=total, desc="bootstrap + null", unit="rep") as bar:
        res = run_compare(corpus, params, seed=args.seed, progress=bar.update)
    table = res.table
    write_csv(table, out / "compare.csv")
    if res.sources is not None:
        write_csv(res.sources, out / "before_after_sources.csv", index=False)
    tested = table[table["tested"]]
    info = {
        "mode": res.mode,
        "split": params.year, "events": list(res.raw.attrs.get("events", ())),
        "reps": params.bootstrap, "perms": params.permutations, "alpha": params.alpha,
        "seed": args.seed,
        "significant": {k: bool(v) for k, v in tested["significant"].items()},
    }
    if res.sources is not None:
        info.update(comparable=res.comparable, source_shift=res.source_shift)
    atomic_write_text(out / "compare.json", json.dumps(info, indent=2) + "\n")
    a, b = table.columns[:2]
    for name, row in tested.iterrows():
        verdict = "SIGNIFICANT" if row["significant"] else "no significant change"
        print(f"{name}: {a} {row[a]:.4f} -> {b} {row[b]:.4f}, change {row['change']:+.4f} "
              f"[{row['ci_low']:+.4f}, {row['ci_high']:+.4f}], p = {row['p_holm']:.4f}: {verdict}")
    if not res.comparable:
        print(f"NOT COMPARABLE: the windows come from different sources ({res.source_shift:.0%} "
              f"of the events would have to change source, more than {MAX_SOURCE_SHIFT:.0%}; "
              f"see {out / 'before_after_sources.csv'}): no change is called significant")
    print(f"{len(table)} indicators -> {out / 'compare.csv'}")
    return 0

"""``netkit resolve CORPUS_DIR --out DIR``: one organisation per real organisation.

Reads a corpus folder (written by ``netkit ingest``), resolves its organisations
(identifiers, exact and fuzzy names, an optional registry — the ROR data dump or
OpenAlex institutions —
user overrides and a VOSviewer thesaurus), and writes the resolved corpus plus
``audit.csv`` (how every raw organisation was resolved) and ``review.csv``
(near-misses to look at) to ``DIR``. People are resolved too (ORCID, source author
ids, then names with organisations and co-authors; ``--no-people`` skips it), with
``person_audit.csv``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "resolve"
HELP = "merge the spellings of each organisation into one, with an audit trail"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit resolve``."""
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.resolve import ResolveParams

    parser.add_argument("corpus", metavar="CORPUS_DIR", help="a corpus folder (netkit ingest --out)")
    parser.add_argument("--out", "-o", required=True, metavar="DIR",
                        help="folder for the resolved corpus, audit.csv and review.csv")
    add_options(parser, ResolveParams)


def run(args: argparse.Namespace) -> int:
    """Load, resolve, save, and print a summary."""
    from netkit.cli._common import check_output, load_corpus
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.resolve import ResolveParams, run_resolve
    from netkit.resolve.audit import resolution_summary, save_resolution

    check_output(args.out, [args.corpus, *(args.registry or ()), args.overrides, args.thesaurus])
    corpus = load_corpus(args.corpus)
    res = run_resolve(corpus, params_from_args(ResolveParams, args))
    paths = save_resolution(res, Path(args.out))
    s = resolution_summary(res)
    print(f"{s['strings']} raw organisations -> {s['organizations']} resolved organisations")
    if args.registry:
        print(f"linked to the registry: {s['linked']} ({s['linked_share']:.1%}); "
              f"abstained: {s['abstentions']}")
    print("by method:")
    for method, n in s["by_method"].items():
        print(f"  {method:<10} {n:>8}")
    print(f"corpus written to {paths['corpus']}")
    print(f"audit: {paths['audit']}  ({len(res.audit)} rows)")
    print(f"review: {paths['review']}  ({len(res.review)} pairs to look at)")
    if res.people is not None:
        from netkit.resolve.audit import write_csv
        from netkit.resolve.people import PERSON_AUDIT_FILE

        path = write_csv(res.people.audit, Path(args.out) / PERSON_AUDIT_FILE)
        shares = ", ".join(f"{k} {v:.0%}" for k, v in res.people.summary().items() if v)
        print(f"{res.people.mentions['raw_person_id'].nunique()} raw people -> "
              f"{res.corpus.n_people} people ({shares} of mentions)")
        print(f"person audit: {path}  ({len(res.people.audit)} rows)")
    return 0

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
    parser.add_argument("corpus", metavar="CORPUS_DIR", help="a corpus folder (netkit ingest --out)")
    parser.add_argument("--out", "-o", required=True, metavar="DIR",
                        help="folder for the resolved corpus, audit.csv and review.csv")
    parser.add_argument("--registry", metavar="F", action="append", default=None,
                        help="registry: the ROR data dump (zip, .json or .csv) or an OpenAlex "
                             "institutions JSON Lines file (repeatable)")
    parser.add_argument("--overrides", metavar="F", default=None,
                        help="CSV: match,canonical_id,name,sector,founded_year,region")
    parser.add_argument("--thesaurus", metavar="F", default=None,
                        help="VOSviewer thesaurus file (label<TAB>replace by)")
    parser.add_argument("--threshold", metavar="T", type=float, default=90.0,
                        help="minimum fuzzy score 0-100 of a name merge (default 90)")
    parser.add_argument("--rollup", action="store_true",
                        help="merge registry institutions into their parent institution")
    parser.add_argument("--no-people", dest="people", action="store_false",
                        help="leave people unresolved (default: ORCID, source ids, names and "
                             "context; writes person_audit.csv)")


def run(args: argparse.Namespace) -> int:
    """Load, resolve, save, and print a summary."""
    from netkit.cli._common import check_output, load_corpus
    from netkit.ingest import read_registry_files
    from netkit.resolve import resolve
    from netkit.resolve.audit import resolution_summary, save_resolution

    check_output(args.out, [args.corpus, *(args.registry or ()), args.overrides, args.thesaurus])
    corpus = load_corpus(args.corpus)
    res = resolve(corpus, registry=read_registry_files(args.registry), overrides=args.overrides,
                  thesaurus=args.thesaurus, threshold=args.threshold, rollup=args.rollup,
                  people=args.people)
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

"""``netkit dynamics CORPUS_DIR --period year --out DIR``: how the network renews itself.

Writes to ``DIR``:

* ``dynamics.csv`` — per period: organisations, entrants, exits, ties, new / repeated /
  lapsed ties, density, clustering, cross-sector and university–startup shares of new ties;
* ``new_tie_mixing.csv`` — new ties per period by pair of sectors;
* ``mobility_moves.csv`` — every change of organisation of a person between two events;
* ``mobility_sector.csv``, ``mobility_region.csv`` — moves per period as sector → sector and
  region → region flows; ``mobility_rate.csv`` — movers per active person and period;
* ``region_density.csv``, ``region_flows.csv``, ``region_summary.csv`` — interaction within
  and between regions, normalised by their organisations, and the region × region matrix.
"""

from __future__ import annotations

import argparse

__all__ = ["HELP", "NAME", "configure", "run"]

NAME = "dynamics"
HELP = "per-period tie turnover, entrants and exits, talent mobility and regional interaction"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit dynamics``."""
    parser.add_argument("corpus", metavar="CORPUS_DIR",
                        help="a corpus folder (netkit ingest/resolve --out)")
    parser.add_argument("--period", default="year", metavar="P",
                        help="'year' (default) or a window of N years")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the CSV files")
    parser.add_argument("--evidence", default=None, choices=("identifier", "name+context", "name"),
                        help="count only moves at least this well evidenced (identifier: both "
                             "events held to the person by one ORCID or source id)")


def run(args: argparse.Namespace) -> int:
    """Compute the dynamics tables and write them."""
    from netkit.build import org_graph
    from netkit.cli._common import check_output, load_corpus
    from netkit.metrics.dynamics import new_tie_mixing, tie_dynamics
    from netkit.metrics.mobility import mobility_flows, mobility_moves, mobility_rate
    from netkit.metrics.regions import region_density, region_flow_matrix, region_summary
    from netkit.model.files import write_csv

    period = args.period if args.period == "year" else _int_period(args.period)
    out = check_output(args.out, [args.corpus])
    corpus = load_corpus(args.corpus)
    out.mkdir(parents=True, exist_ok=True)
    dyn = tie_dynamics(corpus, period)
    first = int(dyn.index.min())
    moves = mobility_moves(corpus, evidence=args.evidence)
    graph = org_graph(corpus)
    tables = {
        "dynamics": dyn,
        "new_tie_mixing": new_tie_mixing(corpus, period),
        "mobility_moves": moves,
        "mobility_sector": mobility_flows(moves, "sector", period=period, first=first),
        "mobility_region": mobility_flows(moves, "region", period=period, first=first),
        "region_density": region_density(graph),
        "region_flows": region_flow_matrix(graph),
        "region_summary": region_summary(graph).to_frame(),
    }
    if len(corpus.participations["person_id"].dropna()):
        tables["mobility_rate"] = mobility_rate(corpus, moves, period)
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        index = name not in ("mobility_moves", "mobility_sector", "mobility_region",
                             "new_tie_mixing", "region_density")
        write_csv(frame, path, index=index)
        print(f"{name:<16} {len(frame):>8} rows -> {path}")
    last = dyn.iloc[-1]
    print(f"{len(dyn)} periods; last period: {int(last['orgs'])} organisations, "
          f"{int(last['new_ties'])} new ties of {int(last['ties'])}, {len(moves)} moves in all")
    print(_people_note(corpus, moves))
    return 0


def _people_note(corpus, moves) -> str:
    """How people were identified (shares of mentions by method) and what moves rest on."""
    from netkit.metrics.mobility import move_evidence

    by = move_evidence(moves)
    ids = corpus.person_ids
    if not len(ids):
        return "people: as the sources give them (not resolved; run netkit resolve)"
    part = corpus.participations.dropna(subset=["person_id"])
    by_id = part["identity"].notna().mean() if len(part) else 0.0
    return (f"people: {corpus.n_people} resolved, {by_id:.0%} of mentions held by an identifier; "
            f"moves: {int(by['identifier'])} backed by an identifier, "
            f"{int(by['name+context'])} by name and context, {int(by['name'])} by name alone")


def _int_period(text: str) -> int:
    from netkit.errors import ParameterError

    try:
        value = int(text)
    except ValueError:
        raise ParameterError(f"--period must be 'year' or a number of years, not {text!r}") from None
    if value < 1:
        raise ParameterError(f"--period must be at least 1, not {value}")
    return value

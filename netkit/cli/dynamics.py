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
    from netkit.pipeline.cli_options import add_options
    from netkit.pipeline.dynamics import DynamicsParams, MobilityParams

    parser.add_argument("corpus", metavar="CORPUS_DIR",
                        help="a corpus folder (netkit ingest/resolve --out)")
    add_options(parser, DynamicsParams)
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the CSV files")
    add_options(parser, MobilityParams)


def run(args: argparse.Namespace) -> int:
    """Compute the dynamics tables and write them."""
    from netkit.build import org_graph
    from netkit.cli._common import check_output, load_corpus
    from netkit.model.files import write_csv
    from netkit.pipeline.cli_options import params_from_args
    from netkit.pipeline.dynamics import DynamicsParams, MobilityParams, run_dynamics

    params = params_from_args(DynamicsParams, args)
    mobility = params_from_args(MobilityParams, args)
    out = check_output(args.out, [args.corpus])
    corpus = load_corpus(args.corpus)
    out.mkdir(parents=True, exist_ok=True)
    r = run_dynamics(corpus, org_graph(corpus), params, mobility)
    tables = {
        "dynamics": r.dynamics,
        "new_tie_mixing": r.new_tie_mixing,
        "mobility_moves": r.moves,
        "mobility_sector": r.flows("sector", per_period=True),
        "mobility_region": r.flows("region", per_period=True),
        "region_density": r.region_density,
        "region_flows": r.region_flows,
        "region_summary": r.region_summary.to_frame(),
    }
    if r.mobility_rate is not None:
        tables["mobility_rate"] = r.mobility_rate
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        index = name not in ("mobility_moves", "mobility_sector", "mobility_region",
                             "new_tie_mixing", "region_density")
        write_csv(frame, path, index=index)
        print(f"{name:<16} {len(frame):>8} rows -> {path}")
    dyn, moves = r.dynamics, r.moves
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

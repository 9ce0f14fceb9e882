"""``netkit graph CORPUS_DIR --out FILE``: build a collaboration graph and write it.

Formats: GraphML, GEXF (with years for Gephi's timeline), Pajek, VOSviewer
JSON and an edge-list CSV; the format follows ``--format`` or the suffix of
``--out``.
"""

from __future__ import annotations

import argparse

from netkit.errors import ParameterError

__all__ = ["HELP", "NAME", "add_graph_options", "add_projection_options", "configure", "graph_from_args", "parse_years",
           "run"]

NAME = "graph"
HELP = "build the organisation or person collaboration graph and export it (GraphML, GEXF …)"


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``"2010:2015"`` → ``(2010, 2015)``; an open end (``"2010:"``, ``":2015"``) is unbounded.

    Examples
    --------
    >>> parse_years("2010:2015"), parse_years("2012"), parse_years(":2015")
    ((2010, 2015), (2012, 2012), (-999999, 2015))
    """
    if text is None:
        return None
    first, sep, last = text.partition(":")
    try:
        a = int(first) if first.strip() else -999_999
        b = (int(last) if last.strip() else 999_999) if sep else a
    except ValueError:
        raise ParameterError(f"--years must look like 2010:2015, not {text!r}") from None
    if a > b:
        raise ParameterError(f"--years {text!r}: the first year is after the last")
    return a, b


def add_projection_options(parser: argparse.ArgumentParser) -> None:
    """The projection options shared by ``netkit graph``, ``metrics`` and ``project``:
    level, weighting, years, kinds and the largest event kept."""
    from netkit.build import WEIGHTINGS

    parser.add_argument("--level", choices=("org", "person"), default="org",
                        help="organisations (default) or people")
    parser.add_argument("--weighting", choices=WEIGHTINGS, default="full",
                        help="tie weight: joint events (full), fractional shares, newman "
                             "1/(n-1), association strength")
    parser.add_argument("--years", metavar="A:B", default=None, help="keep events of years A..B")
    parser.add_argument("--kinds", metavar="K", nargs="+", default=None,
                        choices=("publication", "patent", "contract"), help="keep these event kinds")
    parser.add_argument("--max-event-size", metavar="N", type=int, default=None,
                        help="leave out the ties of events with more than N participants")


def add_graph_options(parser: argparse.ArgumentParser) -> None:
    """The options shared by ``netkit graph`` and ``netkit metrics``."""
    parser.add_argument("corpus", metavar="CORPUS_DIR", help="a corpus folder (netkit ingest/resolve --out)")
    add_projection_options(parser)
    parser.add_argument("--sectors", metavar="S", nargs="+", default=None,
                        help="keep organisations of these sectors")
    parser.add_argument("--countries", metavar="CC", nargs="+", default=None,
                        help="keep organisations of these countries (ISO-2)")
    parser.add_argument("--min-weight", metavar="W", type=float, default=None,
                        help="drop ties lighter than W")


def graph_from_args(args: argparse.Namespace):
    """Load the corpus named in ``args`` and build its graph; returns (corpus, graph)."""
    from netkit.build import collaboration_graph
    from netkit.cli._common import load_corpus

    corpus = load_corpus(args.corpus)
    graph = collaboration_graph(corpus, args.level, args.weighting, years=parse_years(args.years),
                                kinds=args.kinds, sectors=args.sectors, countries=args.countries,
                                min_weight=args.min_weight, max_event_size=args.max_event_size)
    if graph.vcount() == 0:  # nothing matched: say so instead of writing an empty graph
        from netkit.errors import EmptyGraphError

        years = corpus.events["year"].dropna()
        held = f"the corpus has events of {years.min()}–{years.max()}" if len(years) else \
            "the corpus has no dated events"
        raise EmptyGraphError(f"no {args.level} matches the filters, the graph would be empty "
                              f"({held}); check --years, --kinds, --sectors, --countries")
    return corpus, graph


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``netkit graph``."""
    from netkit.build import FORMATS

    add_graph_options(parser)
    parser.add_argument("--out", "-o", required=True, metavar="FILE", help="the graph file to write")
    parser.add_argument("--format", choices=tuple(FORMATS), default=None,
                        help="file format (default: from the suffix of --out: "
                             + ", ".join(f"{s}={f}" for f, s in FORMATS.items()) + ")")


def run(args: argparse.Namespace) -> int:
    """Build the graph, write it, print its size."""
    from netkit.build import export
    from netkit.cli._common import check_output

    out = check_output(args.out, [args.corpus])
    _, graph = graph_from_args(args)
    out.parent.mkdir(parents=True, exist_ok=True)
    path = export(graph, out, args.format)
    print(f"{graph.vcount()} nodes, {graph.ecount()} ties ({args.level}, {args.weighting}) "
          f"-> {path}")
    return 0

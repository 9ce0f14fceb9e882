"""The graph step: filter the corpus, build the collaboration graph (or read a tie table)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netkit.build.bipartite import LEVELS
from netkit.build.projection import WEIGHTINGS
from netkit.errors import EmptyGraphError, ParameterError
from netkit.model.schema import EVENT_KINDS
from netkit.pipeline.params import Params, Range, Rule, option

__all__ = ["GraphParams", "GraphResult", "build_graph", "parse_years"]

OPEN = 999_999


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``"2010:2015"`` (or ``"2010-2015"``) → ``(2010, 2015)``; an open end is unbounded.

    Examples
    --------
    >>> parse_years("2010:2015"), parse_years("2012"), parse_years(":2015"), parse_years("2010-2012")
    ((2010, 2015), (2012, 2012), (-999999, 2015), (2010, 2012))
    """
    if text is None:
        return None
    sep_char = ":" if ":" in text or "-" not in text.strip().lstrip("-") else "-"
    first, sep, last = text.partition(sep_char)
    try:
        a = int(first) if first.strip() else -OPEN
        b = (int(last) if last.strip() else OPEN) if sep else a
    except ValueError:
        raise ParameterError(f"--years must look like 2010:2015, not {text!r}") from None
    if a > b:
        raise ParameterError(f"--years {text!r}: the first year is after the last")
    return a, b


def _year_range(value: Any) -> bool:
    return (len(value) == 2 and all(isinstance(y, int) and not isinstance(y, bool) for y in value)
            and value[0] <= value[1])


@dataclass(frozen=True)
class GraphParams(Params):
    """Which events and organisations make the graph, and how ties are weighted."""

    SECTION = "graph"
    TITLE = "the collaboration graph (netkit.build)"

    level: str = option("org", "organisations or people", choices=LEVELS, key=None)
    years: tuple[int, int] | None = option(
        None, "closed range of event years (command line: A:B)", types=list,
        check=Rule(_year_range, "[first, last] with first ≤ last",
                   "must be [first, last] with first ≤ last"), parse=parse_years,
        metavar="A:B", example="[2012, 2023]")
    kinds: tuple[str, ...] | None = option(
        None, "keep these event kinds", types=(list, str), choices=EVENT_KINDS, each=True,
        parse=str, nargs="+", metavar="K", example='["publication", "patent", "contract"]')
    weighting: str = option(
        "full", "tie weight: joint events (full), fractional shares, newman 1/(n-1), "
        "association strength", types=str, choices=WEIGHTINGS)
    max_event_size: int | None = option(
        None, "leave out the ties of events with more than N participants", types=int,
        check=Range(2), metavar="N", example="50")
    edges: str | None = option(None, "a tie table made elsewhere (netkit project)", types=str,
                               flag=None, path=True, example='"ties.parquet"')
    sectors: tuple[str, ...] | None = option(None, "keep organisations of these sectors",
                                             key=None, nargs="+", metavar="S")
    countries: tuple[str, ...] | None = option(
        None, "keep organisations of these countries (ISO-2)", key=None, nargs="+",
        metavar="CC")
    min_weight: float | None = option(None, "drop ties lighter than W", key=None, parse=float,
                                      metavar="W")

    def __post_init__(self) -> None:
        if isinstance(self.kinds, str | list | tuple):  # "a,b" as one word (netkit view)
            kinds = [self.kinds] if isinstance(self.kinds, str) else self.kinds
            object.__setattr__(self, "kinds", tuple(
                k.strip() for word in kinds for k in str(word).split(",") if k.strip()))
        if self.kinds is not None and not self.kinds:
            raise ParameterError("'kinds' must be a non-empty list of "
                                 + ", ".join(EVENT_KINDS))
        super().__post_init__()

    @property
    def filters(self) -> dict[str, Any]:
        """The corpus filters (years, kinds, sectors, countries) that are set."""
        out = {"years": tuple(self.years) if self.years is not None else None,
               "kinds": list(self.kinds) if self.kinds is not None else None,
               "sectors": list(self.sectors) if self.sectors is not None else None,
               "countries": list(self.countries) if self.countries is not None else None}
        return {k: v for k, v in out.items() if v is not None}


@dataclass
class GraphResult:
    """The filtered corpus and its graph (vertices in sorted id order)."""

    corpus: Any
    graph: Any


def build_graph(corpus, params: GraphParams | None = None) -> GraphResult:
    """Filter ``corpus`` and build its collaboration graph.

    Raises
    ------
    EmptyGraphError
        No node is left after the filters.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> r = build_graph(toy_corpus(), GraphParams(years=(2016, 2020)))
    >>> r.graph.ecount(), r.graph["weighting"]
    (3, 'full')
    """
    from netkit.build import collaboration_graph, graph_from_edge_table

    params = params or GraphParams()
    filters = params.filters
    filtered = corpus.filter(**filters) if filters else corpus
    if params.edges is not None:
        graph = graph_from_edge_table(params.edges, filtered, weighting=params.weighting)
    else:
        graph = collaboration_graph(filtered, params.level, params.weighting,
                                    min_weight=params.min_weight,
                                    max_event_size=params.max_event_size)
    if graph.vcount() == 0:
        years = corpus.events["year"].dropna()
        held = (f"the corpus has events of {years.min()}–{years.max()}" if len(years)
                else "the corpus has no dated events")
        raise EmptyGraphError(f"no {params.level} matches the filters, the graph would be empty "
                              f"({held})")
    return GraphResult(filtered, graph)

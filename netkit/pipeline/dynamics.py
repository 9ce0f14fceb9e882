"""The dynamics step: tie turnover per period, talent mobility, regional interaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from netkit.metrics.mobility import EVIDENCE
from netkit.pipeline.params import Params, Range, Rule, option

__all__ = ["DynamicsParams", "DynamicsResult", "MobilityParams", "RegionsParams",
           "parse_period", "run_dynamics"]

if TYPE_CHECKING:
    import igraph as ig



def parse_period(text: str) -> str | int:
    """``"year"`` or a number of years, as given on the command line.

    >>> parse_period("year"), parse_period("3")
    ('year', 3)
    """
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else text


def _period(value: Any) -> bool:
    return value == "year" or (isinstance(value, int) and not isinstance(value, bool)
                               and value >= 1)


@dataclass(frozen=True)
class DynamicsParams(Params):
    """How time is cut into periods."""

    SECTION = "dynamics"
    TITLE = "dynamics over time"

    period: str | int = option("year", '"year" or a window of N years', types=(str, int),
                               check=Rule(_period, '"year" or N ≥ 1',
                                          "must be 'year' or a number of years ≥ 1"),
                               parse=parse_period, metavar="P")
    top_pairs: int = option(10, "sector pairs shown for new ties", types=int,
                            check=Range(1, 100), flag=None)


@dataclass(frozen=True)
class MobilityParams(Params):
    """Which moves of people count."""

    SECTION = "mobility"
    TITLE = "talent mobility"

    top: int = option(15, "rows of the flow tables", types=int, check=Range(1, 1000), flag=None)
    # "all", or the evidence levels of netkit.metrics.mobility down to names alone
    evidence: str = option(
        "all", "count only moves at least this well evidenced (identifier: both events held "
        "to the person by one ORCID or source id)", types=str,
        choices=("all", *EVIDENCE[:EVIDENCE.index("name") + 1]))


@dataclass(frozen=True)
class RegionsParams(Params):
    """The region matrices of the report."""

    SECTION = "regions"
    TITLE = "regions"

    top: int = option(12, "regions shown in the matrices", types=int, check=Range(2, 200),
                      flag=None)


@dataclass
class DynamicsResult:
    """The tables of the dynamics step; ``moves`` are the counted moves, ``all_moves`` every one."""

    period: str | int
    dynamics: pd.DataFrame
    new_tie_mixing: pd.DataFrame
    all_moves: pd.DataFrame
    moves: pd.DataFrame
    mobility_rate: pd.DataFrame | None
    region_density: pd.DataFrame
    region_flows: pd.DataFrame
    region_summary: pd.Series
    extra: dict[str, Any] = field(default_factory=dict)

    def flows(self, by: str, *, per_period: bool = False) -> pd.DataFrame:
        """Moves as ``by`` → ``by`` flows (sector, region, org), in all or per period."""
        from netkit.metrics.mobility import mobility_flows

        if not per_period:
            return mobility_flows(self.moves, by=by)
        first = int(self.dynamics.index.min())
        return mobility_flows(self.moves, by, period=self.period, first=first)


def run_dynamics(corpus, graph: ig.Graph, params: DynamicsParams | None = None,
                 mobility: MobilityParams | None = None) -> DynamicsResult:
    """Tie dynamics and new-tie mixing per period, moves of people, regional interaction.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> from netkit.build import org_graph
    >>> c = toy_corpus()
    >>> r = run_dynamics(c, org_graph(c))
    >>> int(r.dynamics["new_ties"].sum()) == org_graph(c).ecount()
    True
    """
    from netkit.metrics.dynamics import new_tie_mixing, tie_dynamics
    from netkit.metrics.mobility import mobility_moves, mobility_rate
    from netkit.metrics.regions import region_density, region_flow_matrix, region_summary

    p = params or DynamicsParams()
    m = mobility or MobilityParams()
    all_moves = mobility_moves(corpus)
    moves = all_moves if m.evidence == "all" else mobility_moves(corpus, evidence=m.evidence)
    rate = (mobility_rate(corpus, moves, p.period)
            if len(corpus.participations["person_id"].dropna()) else None)
    return DynamicsResult(
        period=p.period, dynamics=tie_dynamics(corpus, p.period),
        new_tie_mixing=new_tie_mixing(corpus, p.period), all_moves=all_moves, moves=moves,
        mobility_rate=rate, region_density=region_density(graph),
        region_flows=region_flow_matrix(graph), region_summary=region_summary(graph))

"""The diffusion step: Monte-Carlo spread from seed sets, and time-respecting reach."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from netkit.errors import ParameterError
from netkit.metrics.diffusion import MODELS
from netkit.model.schema import SECTORS
from netkit.pipeline.params import Params, Range, Rule, option

__all__ = [
    "DiffusionOutcome",
    "DiffusionParams",
    "DiffusionRun",
    "parse_seeds",
    "run_diffusion",
    "temporal_sources",
]

if TYPE_CHECKING:
    import igraph as ig



def parse_seeds(text: str) -> tuple[str | tuple[str, ...]]:
    """The one seed set of ``--seeds``: a sector, ``@FILE`` (one org id per line) or ``a,b``.

    Examples
    --------
    >>> parse_seeds("university"), parse_seeds("org:a, org:b")
    (('university',), (('org:a', 'org:b'),))
    """
    text = text.strip()
    if text in SECTORS:
        return (text,)
    if text.startswith("@"):
        path = Path(text[1:])
        if not path.is_file():
            raise ParameterError(f"--seeds {text}: no such file")
        ids = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        ids = [i for i in ids if i and not i.startswith("#")]
    else:
        ids = [i.strip() for i in text.split(",") if i.strip()]
    if not ids:
        raise ParameterError("--seeds is empty")
    return (tuple(ids),)


def _seed_sets(value: Any) -> bool:
    return bool(value) and all(
        (isinstance(s, str) and s) or (isinstance(s, tuple) and s and all(
            isinstance(i, str) and i for i in s)) for s in value)


@dataclass(frozen=True)
class DiffusionParams(Params):
    """Who starts, how ties transmit, how many runs."""

    SECTION = "diffusion"
    TITLE = "diffusion speed"

    model: str = option("ic", "independent cascade or susceptible-infected", types=str,
                        choices=MODELS)
    beta: float = option(0.1, "per-event transmission probability; a tie of weight w "
                         "transmits with 1-(1-beta)^w", types=(int, float),
                         check=Range(0, 1, low_open=True))
    runs: int = option(1000, "Monte-Carlo runs", types=int, check=Range(1, 1_000_000),
                       report=300)
    seeds: tuple[Any, ...] = option(
        ("university",), "seed sets: sectors or organisation ids (command line: one set, a "
        "sector, comma-separated ids or @FILE)", types=(list, str),
        check=Rule(_seed_sets, "non-empty sectors or ids",
                   "must be a non-empty list of sectors or ids"),
        parse=parse_seeds, metavar="SEEDS")
    max_steps: int | None = option(None, "stop every run after N steps", types=int,
                                   check=Range(1, 10_000), report=30, metavar="N")
    jobs: int = option(1, "worker processes", key=None, check=Range(1))
    efficiency: bool = option(False, "also compute global efficiency and temporal efficiency "
                              "(all pairs: slow on large graphs)", key=None)
    strict: bool = option(False, "time-respecting paths take one hop per year (default: ties "
                          "of the same year can be chained)", key=None)

    def __post_init__(self) -> None:
        if isinstance(self.seeds, str):
            object.__setattr__(self, "seeds", (self.seeds,))
        super().__post_init__()


@dataclass
class DiffusionRun:
    """The simulation of one seed set (``result`` None and ``problem`` set if it could not run)."""

    seeds: str | tuple[str, ...]
    result: Any = None
    problem: str | None = None
    error: Exception | None = None

    @property
    def label(self) -> str:
        return self.seeds if isinstance(self.seeds, str) else ",".join(self.seeds)


@dataclass
class DiffusionOutcome:
    """Every seed set's simulation, and the time-respecting reach of the first one."""

    runs: list[DiffusionRun] = field(default_factory=list)
    temporal_seeds: str | tuple[str, ...] | None = None
    temporal_sources: list[str] = field(default_factory=list)
    temporal_latency: pd.DataFrame | None = None
    temporal_reached_share: float | None = None
    temporal_efficiency: float | None = None
    global_efficiency: float | None = None


def temporal_sources(te: pd.DataFrame, seeds) -> list[str]:
    """The seeds that have a tie in the temporal edge list, sorted (the one rule).

    Examples
    --------
    >>> te = pd.DataFrame({"u": ["a", "b"], "v": ["b", "c"], "t": [2015, 2016]})
    >>> temporal_sources(te, ["c", "z", "a"])
    ['a', 'c']
    """
    contacts = set(te["u"]).union(te["v"])  # one set of endpoints, not one per seed
    return sorted(s for s in set(seeds) if s in contacts)


def run_diffusion(graph: ig.Graph, corpus, params: DiffusionParams | None = None, *, seed: int = 0,
                  progress: Callable[[int], Any] | None = None) -> DiffusionOutcome:
    """Simulate each seed set, then follow the first one along time-respecting paths.

    Temporal reach uses the temporal edges of ``corpus`` (the corpus the graph
    was built from) between the graph's nodes, from the first seed set's
    organisations that have a tie.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> from netkit.build import org_graph
    >>> c = toy_corpus()
    >>> out = run_diffusion(org_graph(c), c, DiffusionParams(seeds=("university",), runs=20))
    >>> out.runs[0].result.n_reachable >= 1, out.temporal_seeds
    (True, 'university')
    """
    import numpy as np

    from netkit.build import temporal_edges
    from netkit.metrics.diffusion import global_efficiency, simulate_diffusion
    from netkit.metrics.temporal import earliest_arrival, sector_latency, temporal_efficiency

    p = params or DiffusionParams()
    out = DiffusionOutcome()
    present = set(graph.vs["sector"]) if "sector" in graph.vs.attributes() else set()
    for spec in p.seeds:
        run = DiffusionRun(spec)
        out.runs.append(run)
        if isinstance(spec, str) and spec in SECTORS and spec not in present:
            run.problem = "no such organisation in the network"
            run.error = ParameterError(f"seeds {spec!r}: no such organisation in the network")
            continue
        try:
            run.result = simulate_diffusion(
                graph, spec if isinstance(spec, str) else list(spec), model=p.model,
                beta=p.beta, runs=p.runs, max_steps=p.max_steps, seed=seed, n_jobs=p.jobs,
                progress=progress)
        except Exception as exc:  # unknown seed ids etc.: the caller decides how to say it
            run.problem, run.error = str(exc), exc
    level = graph["level"] if "level" in graph.attributes() else "org"
    first = next((r for r in out.runs if r.result is not None), None)
    if level == "org":
        te = temporal_edges(corpus)
        names = set(graph.vs["name"])
        te = te[te["u"].isin(names) & te["v"].isin(names)]
        if first is not None and len(te):
            out.temporal_seeds = first.seeds
            out.temporal_sources = temporal_sources(te, first.result.seeds)
            if out.temporal_sources:
                reach = earliest_arrival(te, out.temporal_sources, strict=p.strict)
                sectors = pd.Series(graph.vs["sector"], index=graph.vs["name"])
                out.temporal_latency = sector_latency(reach, sectors)
                out.temporal_reached_share = float(np.isfinite(reach.arrival).any(axis=0).mean())
        if p.efficiency and len(te):
            out.temporal_efficiency = temporal_efficiency(earliest_arrival(te, strict=p.strict))
    if p.efficiency:
        out.global_efficiency = global_efficiency(graph)
    return out

"""The sections of a report as presentation-neutral statistics.

Each section is a small function ``f(ctx) -> Section`` that gathers its
numbers from ``netkit.metrics`` / ``netkit.build`` (or, where netkit.metrics has
no such indicator, from :mod:`netkit.report.indicators`) and returns them as
DataFrames, facts and chart specifications. Nothing here formats HTML or
Markdown: the writer renders the same Section into ``index.html``,
``report.md`` and ``tables/*.csv``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import igraph as ig
import numpy as np
import pandas as pd

from netkit.model import HELIX, SECTORS
from netkit.report import indicators as ind

__all__ = ["SECTIONS", "Chart", "Context", "Section", "Table", "compute_sections"]

log = logging.getLogger(__name__)

EXACT_BETWEENNESS_LIMIT = 20_000
"""Above this many organisations betweenness is approximated (paths up to length 4)."""


@dataclass
class Table:
    """A table of a section: written whole to ``tables/<name>.csv``, the first rows shown."""

    name: str
    title: str
    frame: pd.DataFrame
    rows: int | None = 15
    note: str = ""
    index: bool = True


@dataclass
class Chart:
    """What to draw (the writer draws it with :mod:`netkit.viz.charts`)."""

    kind: str  # "line" | "bar" | "heatmap"
    title: str
    data: Any
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    """One section of the report."""

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    facts: list[tuple[str, Any]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    methods: dict[str, str] = field(default_factory=dict)


class Context:
    """Everything a section may need, computed once and shared."""

    def __init__(self, config, corpus, graph: ig.Graph, *, raw_corpus=None, resolution=None,
                 inputs: list[dict[str, Any]] | None = None, source_note: str = "") -> None:
        self.config = config
        self.corpus = corpus
        self.raw_corpus = raw_corpus if raw_corpus is not None else corpus
        self.graph = graph
        self.resolution = resolution
        self.inputs = inputs or []
        self.source_note = source_note
        self.seed = int(config.seed)
        self.methods: dict[str, str] = {}

    # -- shared lookups ----------------------------------------------------------------
    @cached_property
    def names(self) -> list[str]:
        return list(self.graph.vs["name"])

    @cached_property
    def org_table(self) -> pd.DataFrame:
        return self.corpus.organizations.set_index("org_id")

    @cached_property
    def sector_of(self) -> pd.Series:
        return self.org_table["sector"].astype(str)

    @cached_property
    def label_of(self) -> pd.Series:
        return self.org_table["name"].astype(str)

    @cached_property
    def tedges(self) -> pd.DataFrame:
        from netkit.build import temporal_edges

        return temporal_edges(self.corpus)

    @cached_property
    def centrality(self) -> pd.DataFrame:
        """degree, strength, betweenness, pagerank per organisation (index: org id)."""
        g = self.graph
        weights = "weight" if "weight" in g.es.attributes() else None
        metrics = _metrics_module()
        idx = pd.Index(self.names, name="org_id")
        out = pd.DataFrame(index=idx)
        out["degree"] = np.asarray(g.degree(), dtype=np.int64)
        out["strength"] = np.asarray(g.strength(weights=weights), dtype=float)
        betweenness = getattr(metrics, "betweenness", None)
        if betweenness is not None:
            try:
                out["betweenness"] = pd.Series(betweenness(g)).reindex(idx).to_numpy(dtype=float)
                self.methods["betweenness"] = "netkit.metrics.betweenness"
            except Exception as exc:  # an API still in development: say so, fall back
                log.warning("netkit.metrics.betweenness failed (%s); using igraph", exc)
                betweenness = None
        if betweenness is None:
            if g.vcount() <= EXACT_BETWEENNESS_LIMIT:
                out["betweenness"] = np.asarray(g.betweenness(directed=False), dtype=float)
                self.methods["betweenness"] = "igraph betweenness (exact, unweighted)"
            else:
                out["betweenness"] = np.asarray(g.betweenness(directed=False, cutoff=4),
                                                dtype=float)
                self.methods["betweenness"] = "igraph betweenness, paths up to length 4"
        out["pagerank"] = np.asarray(g.pagerank(weights=weights), dtype=float)
        return out


def _metrics_module():
    import netkit.metrics as metrics

    return metrics


def _label_frame(ctx: Context, ids) -> pd.DataFrame:
    ids = pd.Index(ids)
    org = ctx.org_table.reindex(ids)
    return pd.DataFrame({"organisation": org["name"].astype(object).fillna("").to_numpy(),
                         "sector": org["sector"].astype(object).fillna("").to_numpy(),
                         "region": org["region"].astype(object).fillna("").to_numpy()},
                        index=ids.rename("org_id"))


def _sector_order(values) -> list[str]:
    present = set(values)
    return [s for s in SECTORS if s in present] + sorted(present - set(SECTORS))


# -- data and accounting -------------------------------------------------------------------
def data_section(ctx: Context) -> Section:
    """Loaded / quarantined / duplicate records per file, tables, resolution."""
    c, raw = ctx.corpus, ctx.raw_corpus
    s = Section("data", "Data and accounting")
    acc = raw.accounting.copy()
    if len(acc):
        total = acc[["records_seen", "loaded", "quarantined", "duplicates"]].sum()
        acc = pd.concat([acc, pd.DataFrame([{"file": "total", "format": "", **total}])],
                        ignore_index=True)
        s.paragraphs.append(
            "Every record of every input file is accounted for: records seen = loaded + "
            "quarantined + duplicates. Quarantined records are set aside with the reason.")
        s.tables.append(Table("accounting", "Records per input file", acc, rows=None,
                              index=False))
    elif ctx.inputs:
        s.paragraphs.append("The inputs are saved corpus folders; their accounting was done "
                            "when they were ingested.")
    else:
        s.paragraphs.append(ctx.source_note or "The corpus was given in memory; it has no "
                            "per-file accounting.")
    if ctx.inputs:
        files = pd.DataFrame(ctx.inputs)
        keep = [c for c in ("path", "format", "bytes", "sha256") if c in files.columns]
        s.tables.append(Table("inputs", "Input files (SHA-256 in run.json)", files[keep],
                              rows=None, index=False))
    if len(raw.quarantine):
        reasons = (raw.quarantine.groupby(["file", "reason"]).size().rename("records")
                   .reset_index().sort_values(["records", "file", "reason"],
                                              ascending=[False, True, True]))
        s.tables.append(Table("quarantine_reasons", "Why records were quarantined", reasons,
                              rows=20, index=False))
    ev = c.events
    years = ev["year"].dropna()
    s.facts += [
        ("events", c.n_events), ("organisations", c.n_organizations), ("people", c.n_people),
        ("participations", c.n_participations),
        ("years", f"{int(years.min())}–{int(years.max())}" if len(years) else "unknown"),
    ]
    for kind, n in ev["kind"].astype(str).value_counts().sort_index().items():
        s.facts.append((f"{kind} events", int(n)))
    if ctx.resolution is not None:
        before = ctx.raw_corpus.n_organizations
        after = ctx.resolution.corpus.n_organizations
        s.facts.append(("organisation spellings resolved", f"{before:,} → {after:,}"))
        audit = getattr(ctx.resolution, "audit", None)
        if isinstance(audit, pd.DataFrame) and "method" in audit.columns:
            by = audit["method"].astype(str).value_counts().rename("organisations")
            s.tables.append(Table("resolution_methods", "How organisations were resolved",
                                  by.rename_axis("method").reset_index(), rows=None,
                                  index=False))
    sectors = c.organizations["sector"].astype(str).value_counts()
    sectors = sectors.reindex(_sector_order(sectors.index)).rename("organisations")
    s.tables.append(Table("organisations_by_sector", "Organisations per sector",
                          sectors.rename_axis("sector").reset_index(), rows=None, index=False))
    per_year = (ev.dropna(subset=["year"]).assign(year=lambda d: d["year"].astype(int))
                .groupby(["year", "kind"]).size().unstack("kind", fill_value=0))
    if len(per_year):
        s.tables.append(Table("events_by_year", "Events per year and kind", per_year, rows=None))
        s.charts.append(Chart("line", "Events per year", per_year,
                              {"xlabel": "year", "ylabel": "events",
                               "colors": {"publication": "#4e79a7", "patent": "#e15759",
                                          "contract": "#59a14f"}}))
    return s


# -- network overview ----------------------------------------------------------------------
def overview_section(ctx: Context) -> Section:
    """Size, density, components and the most connected organisations."""
    g = ctx.graph
    s = Section("overview", "Network overview")
    n, m = g.vcount(), g.ecount()
    comps = g.connected_components()
    giant = max(comps.sizes()) if n else 0
    s.facts += [
        ("organisations (nodes)", n), ("ties (edges)", m),
        ("density", 2 * m / (n * (n - 1)) if n > 1 else float("nan")),
        ("mean degree", 2 * m / n if n else float("nan")),
        ("connected components", len(comps)),
        ("largest component", f"{giant:,} organisations ({giant / n:.1%})" if n else "–"),
        ("clustering (transitivity)", g.transitivity_undirected() if m else float("nan")),
        ("isolated organisations", int(sum(1 for d in g.degree() if d == 0))),
    ]
    for layer in ("n_publication", "n_patent", "n_contract"):
        if layer in g.es.attributes():
            s.facts.append((f"ties with a joint {layer[2:]}",
                            int(np.count_nonzero(np.asarray(g.es[layer]) > 0))))
    s.paragraphs.append(
        "Two organisations are tied when they took part in the same publication, patent or "
        f"contract; a tie's weight is its number of joint events ({g['weighting'] if 'weighting' in g.attributes() else 'full'} weighting).")
    cen = ctx.centrality
    sector = pd.Series(g.vs["sector"], index=cen.index)
    by = pd.DataFrame({"organisations": sector.value_counts(),
                       "mean_degree": cen["degree"].groupby(sector).mean(),
                       "mean_strength": cen["strength"].groupby(sector).mean()})
    by = by.reindex(_sector_order(by.index)).rename_axis("sector")
    by["share"] = by["organisations"] / by["organisations"].sum()
    s.tables.append(Table("sectors_in_network", "Sectors in the network", by, rows=None))
    s.charts.append(Chart("bar", "Organisations per sector", by["organisations"],
                          {"xlabel": "organisations", "ylabel": "",
                           "sector_colors": list(by.index)}))
    top = ctx.config.params("structure")["top"]
    table = _label_frame(ctx, cen.index).join(cen)
    table = table.sort_values(["degree", "strength"], ascending=False, kind="stable")
    s.tables.append(Table("centrality", "Most connected organisations (by degree)", table,
                          rows=top))
    return s


# -- sector mixing and Triple Helix --------------------------------------------------------
def mixing_section(ctx: Context) -> Section:
    """Sector × sector mixing against random mixing, E–I index, T(UIG)."""
    g = ctx.graph
    s = Section("mixing", "Sector mixing and Triple Helix")
    obs, exp = ind.mixing_matrix(g, "sector")
    ratio = obs / exp.replace(0, np.nan)
    s.methods["mixing"] = "netkit.report.indicators.mixing_matrix"
    s.paragraphs.append(
        "Observed ties between sectors against the number expected if ties formed at random "
        "with each sector's number of tie ends kept (configuration model). A ratio above 1 "
        "means the two sectors work together more than chance would give.")
    s.charts.append(Chart("heatmap", "Sector mixing: observed / expected ties", ratio,
                          {"xlabel": "sector", "ylabel": "sector", "center": 1.0,
                           "fmt": "{:.2f}", "colorbar": "observed / expected"}))
    s.tables.append(Table("mixing_observed", "Tie ends between sectors (observed)", obs,
                          rows=None))
    s.tables.append(Table("mixing_expected", "Tie ends expected under random mixing",
                          exp.round(3), rows=None))
    s.tables.append(Table("mixing_ratio", "Observed / expected", ratio.round(3), rows=None))
    ei = ind.ei_index(g, "sector")
    s.tables.append(Table("ei_index", "E–I index per sector (−1 all ties inside, +1 all "
                          "outside)", ei.round(4).to_frame(), rows=None))
    th = ind.triple_helix(ctx.corpus.events, ctx.corpus.participations,
                          ctx.corpus.organizations)
    s.methods["triple_helix"] = "netkit.report.indicators.triple_helix"
    s.facts += [("T(UIG), bits", th["T_UIG"]), ("T(UI), bits", th["T_UI"]),
                ("T(UG), bits", th["T_UG"]), ("T(IG), bits", th["T_IG"]),
                ("events with a helix", th["events"])]
    s.paragraphs.append(
        "Triple-Helix mutual information T(UIG) (Leydesdorff) over the events: academia "
        "(university, research), industry (firm, startup) and government take part or not; "
        "a negative T(UIG) signals synergy among the three helices.")
    return s


# -- top brokers ---------------------------------------------------------------------------
def brokers_section(ctx: Context) -> Section:
    """Betweenness, constraint, effective size, Gould–Fernandez roles, articulation points."""
    g = ctx.graph
    s = Section("brokers", "Top brokers")
    p = ctx.config.params("brokerage")
    cen = ctx.centrality
    weights = "weight" if "weight" in g.es.attributes() else None
    table = _label_frame(ctx, cen.index)
    table["betweenness"] = cen["betweenness"].to_numpy()
    table["degree"] = cen["degree"].to_numpy()
    table["constraint"] = np.asarray(g.constraint(weights=weights), dtype=float)
    table["effective_size"] = ind.effective_size(g).to_numpy()
    roles = ind.brokerage_roles(g, "sector")
    table = table.join(roles)
    art = np.zeros(g.vcount(), dtype=bool)
    art[g.articulation_points()] = True
    table["articulation_point"] = art
    s.methods.update({
        "betweenness": ctx.methods.get("betweenness", ""),
        "constraint": "igraph constraint (Burt), weighted",
        "brokerage": "netkit.report.indicators.brokerage_roles (undirected Gould–Fernandez)",
    })
    table = table.sort_values(["betweenness", "degree"], ascending=False, kind="stable")
    n_art = int(art.sum())
    n_bridges = len(g.bridges()) if g.ecount() else 0
    s.facts += [("articulation points", n_art), ("bridges (ties whose loss disconnects)",
                                                 n_bridges)]
    s.paragraphs.append(
        "Brokers sit on the paths between others. Betweenness counts shortest paths through "
        "an organisation; Burt's constraint is low for organisations whose partners are not "
        "tied to each other; the Gould–Fernandez roles count the open two-paths an "
        "organisation brokers by the sectors of the two sides (liaison: three different "
        "sectors). Articulation points disconnect the network when removed.")
    s.tables.append(Table("brokers", "Organisations by betweenness", table, rows=p["top"]))
    top = table.head(p["top"])
    s.charts.append(Chart("bar", f"Top {len(top)} brokers by betweenness",
                          pd.Series(top["betweenness"].to_numpy(),
                                    index=top["organisation"].astype(str).to_numpy()),
                          {"xlabel": "betweenness", "ylabel": "",
                           "sector_colors": top["sector"].astype(str).tolist(),
                           "legend_sectors": True}))
    by_sector = table.groupby("sector")[list(ind.ROLES)].sum()
    by_sector = by_sector.reindex(_sector_order(by_sector.index))
    s.tables.append(Table("brokerage_by_sector", "Brokerage roles by the broker's sector",
                          by_sector, rows=None))
    return s


# -- diffusion -----------------------------------------------------------------------------
def diffusion_section(ctx: Context) -> Section:
    """Monte-Carlo diffusion from the seed sectors and temporal reachability."""
    from netkit.metrics import simulate_diffusion

    g = ctx.graph
    p = ctx.config.params("diffusion")
    s = Section("diffusion", "Diffusion speed")
    s.paragraphs.append(
        f"How fast knowledge could spread over the ties: {p['runs']} Monte-Carlo runs of the "
        f"weighted {'independent-cascade' if p['model'] == 'ic' else 'SI'} model; a tie of "
        f"weight w transmits with probability 1 − (1 − β)^w, β = {p['beta']}. Shares are of the "
        "part of the network the seeds can reach.")
    curves, lo, hi, times, arrivals = {}, {}, {}, [], []
    sectors_present = set(g.vs["sector"])
    for seed_name in p["seeds"]:
        if seed_name in SECTORS and seed_name not in sectors_present:
            continue
        try:
            r = simulate_diffusion(g, seed_name, model=p["model"], beta=p["beta"],
                                   runs=p["runs"], max_steps=p["max_steps"], seed=ctx.seed)
        except Exception as exc:  # unknown seed ids etc.: explain in the report
            s.paragraphs.append(f"Seeds {seed_name!r}: not simulated ({exc}).")
            continue
        curve = r.adoption_curve(bands=(25, 75))
        curves[seed_name] = curve["mean"]
        lo[seed_name], hi[seed_name] = curve["p25"], curve["p75"]
        t = r.time_to([0.5, 0.9]).reset_index()
        t.insert(0, "seeds", seed_name)
        times.append(t)
        fa = r.first_arrival_summary().reset_index()
        fa.insert(0, "seeds", seed_name)
        arrivals.append(fa)
    s.methods["diffusion"] = "netkit.metrics.simulate_diffusion"
    if curves:
        data = pd.DataFrame(curves)
        s.charts.append(Chart("line", "Adoption curves (mean, 25–75 % band)", data,
                              {"xlabel": "step", "ylabel": "share of reachable network",
                               "lower": pd.DataFrame(lo), "upper": pd.DataFrame(hi),
                               "percent": True}))
        s.tables.append(Table("diffusion_curves", "Adoption curves (mean share per step)",
                              data, rows=None))
        s.tables.append(Table("diffusion_time_to", "Steps to reach 50 % and 90 %",
                              pd.concat(times, ignore_index=True), rows=None, index=False))
        s.tables.append(Table("diffusion_first_arrival", "First arrival in each sector (steps)",
                              pd.concat(arrivals, ignore_index=True), rows=None, index=False))
    # temporal reachability: from universities (time-respecting paths, years)
    try:
        from netkit.metrics import earliest_arrival, sector_latency

        te = ctx.tedges
        src_sector = p["seeds"][0] if p["seeds"][0] in SECTORS else "university"
        sources = sorted(set(ctx.sector_of.index[ctx.sector_of == src_sector])
                         & set(te["u"]).union(te["v"]))
        if sources and len(te):
            reach = earliest_arrival(te, sources)
            lat = sector_latency(reach, ctx.sector_of)
            lat = lat.reset_index()
            lat = lat[lat["source_sector"] == src_sector]
            s.tables.append(Table("temporal_latency", f"Years until what a {src_sector} knows "
                                  "reaches each sector (time-respecting paths)", lat, rows=None,
                                  index=False))
            s.methods["temporal"] = "netkit.metrics.earliest_arrival + sector_latency"
    except ImportError:  # pragma: no cover - temporal metrics missing
        pass
    return s


# -- dynamics ------------------------------------------------------------------------------
def dynamics_section(ctx: Context) -> Section:
    """Per-year organisations, ties, new / repeated / lapsed ties, entrants, cross-sector share."""
    s = Section("dynamics", "Dynamics over time")
    dyn = ind.dynamics_by_year(ctx.tedges, ctx.corpus.participations, ctx.corpus.events,
                               ctx.sector_of)
    s.methods["dynamics"] = "netkit.report.indicators.dynamics_by_year"
    s.paragraphs.append(
        "A tie is new in the year of its first joint event, repeated when it is active again, "
        "and lapses after its last joint event. The cross-sector share is the share of new "
        "ties that join two different sectors.")
    s.tables.append(Table("dynamics", "Per year", dyn, rows=None))
    if len(dyn):
        s.charts.append(Chart("line", "New, repeated and lapsing ties per year",
                              dyn[["new_ties", "repeated_ties", "lapsed_ties"]],
                              {"xlabel": "year", "ylabel": "ties"}))
        s.charts.append(Chart("line", "Share of new ties that cross sectors",
                              dyn[["cross_sector_share"]],
                              {"xlabel": "year", "ylabel": "share of new ties",
                               "percent": True}))
    nt = ind.new_ties(ctx.tedges)
    a = nt["u"].map(ctx.sector_of).astype(str)
    b = nt["v"].map(ctx.sector_of).astype(str)
    pair = np.where(a <= b, a + " – " + b, b + " – " + a)
    by_pair = (pd.crosstab(nt["first"], pair).rename_axis(index="year", columns="sector pair"))
    top_pairs = by_pair.sum().sort_values(ascending=False).head(
        ctx.config.params("dynamics")["top_pairs"]).index
    s.tables.append(Table("new_ties_by_sector_pair", "New ties per year by sector pair",
                          by_pair[sorted(top_pairs)], rows=None))
    return s


# -- mobility ------------------------------------------------------------------------------
def mobility_section(ctx: Context) -> Section:
    """People whose organisation changes: flows between organisations, sectors and regions."""
    s = Section("mobility", "Talent mobility")
    moves = ind.mobility_moves(ctx.corpus.participations, ctx.corpus.events)
    s.methods["mobility"] = "netkit.report.indicators.mobility_moves"
    s.paragraphs.append(
        "A move is a person appearing with a different organisation on their next event "
        "(events ordered by year). Flows are counted between organisations, sectors and regions.")
    people = ctx.corpus.participations["person_id"].dropna().nunique()
    s.facts += [("people", int(people)), ("moves", len(moves)),
                ("people who moved", int(moves["person_id"].nunique()))]
    if not len(moves):
        s.paragraphs.append("No person appears with two different organisations.")
        return s
    fs = moves["from_org"].map(ctx.sector_of).fillna("unknown")
    ts = moves["to_org"].map(ctx.sector_of).fillna("unknown")
    order = _sector_order(set(fs) | set(ts))
    flows = pd.crosstab(fs, ts).reindex(index=order, columns=order, fill_value=0)
    flows.index.name, flows.columns.name = "from sector", "to sector"
    s.tables.append(Table("mobility_sector_flows", "Moves between sectors (rows: from)", flows,
                          rows=None))
    s.charts.append(Chart("heatmap", "Moves between sectors", flows,
                          {"xlabel": "to sector", "ylabel": "from sector", "fmt": "{:.0f}",
                           "colorbar": "moves"}))
    regions = ctx.org_table["region"].astype(object).fillna("")
    fr = moves["from_org"].map(regions).replace("", "(unknown)")
    tr = moves["to_org"].map(regions).replace("", "(unknown)")
    rflows = (pd.DataFrame({"from_region": fr, "to_region": tr}).value_counts()
              .rename("moves").reset_index()
              .sort_values(["moves", "from_region", "to_region"], ascending=[False, True, True]))
    s.tables.append(Table("mobility_region_flows", "Moves between regions", rflows,
                          rows=ctx.config.params("mobility")["top"], index=False))
    org_flows = (moves.groupby(["from_org", "to_org"]).size().rename("moves").reset_index()
                 .sort_values(["moves", "from_org", "to_org"], ascending=[False, True, True]))
    org_flows.insert(1, "from", org_flows["from_org"].map(ctx.label_of))
    org_flows.insert(3, "to", org_flows["to_org"].map(ctx.label_of))
    s.tables.append(Table("mobility_org_flows", "Largest flows between organisations",
                          org_flows, rows=ctx.config.params("mobility")["top"], index=False))
    per_year = moves.groupby("year").size().rename("moves")
    s.charts.append(Chart("line", "Moves per year", per_year.to_frame(),
                          {"xlabel": "year", "ylabel": "moves"}))
    return s


# -- regions -------------------------------------------------------------------------------
def regions_section(ctx: Context) -> Section:
    """Ties within and between regions, normalised by the number of organisations."""
    g = ctx.graph
    s = Section("regions", "Regions")
    ties, density = ind.region_matrix(g, "region")
    s.methods["regions"] = "netkit.report.indicators.region_matrix"
    size = pd.Series(g.vs["region"]).replace("", "(unknown)").value_counts()
    size = size.reindex(ties.index).fillna(0).astype(int)
    within = pd.Series(np.diag(ties.to_numpy()), index=ties.index)
    total = ties.sum(axis=1) + within  # each tie end: within ties have two ends in the region
    per_region = pd.DataFrame({
        "organisations": size, "ties_within": within.astype(int),
        "ties_to_other_regions": (ties.sum(axis=1) - within).astype(int),
        "share_within": (2 * within / total.replace(0, np.nan)).astype(float),
        "density_within": pd.Series(np.diag(density.to_numpy()), index=ties.index),
    }).sort_values(["organisations"], ascending=False, kind="stable")
    s.tables.append(Table("regions", "Per region", per_region, rows=None))
    top = per_region.head(ctx.config.params("regions")["top"]).index
    s.tables.append(Table("region_ties", "Ties between regions", ties.astype(int), rows=None))
    s.tables.append(Table("region_density", "Density of ties between regions (ties / possible "
                          "pairs)", density.round(5), rows=None))
    s.charts.append(Chart("heatmap", "Tie density within and between regions",
                          density.loc[top, top],
                          {"xlabel": "region", "ylabel": "region", "fmt": "{:.3f}",
                           "colorbar": "ties / possible pairs"}))
    cross = int((ties.to_numpy().sum() - np.trace(ties.to_numpy())) / 2)
    s.facts += [("regions", len(ties)),
                ("ties within a region", int(np.trace(ties.to_numpy()))),
                ("ties between regions", cross)]
    return s


# -- before / after ------------------------------------------------------------------------
def _split_year(ctx: Context) -> int:
    year = ctx.config.params("before_after")["year"]
    if year != "auto":
        return int(year)
    years = ctx.corpus.events["year"].dropna().astype(int)
    return int((years.min() + years.max() + 1) // 2)


def before_after_section(ctx: Context) -> Section:
    """Indicators of new ties before and after a year, with bootstrap intervals."""
    p = ctx.config.params("before_after")
    split = _split_year(ctx)
    s = Section("before_after", f"Before and after {split}")
    nt = ind.new_ties(ctx.tedges)
    sa = nt["u"].map(ctx.sector_of).astype(str).to_numpy()
    sb = nt["v"].map(ctx.sector_of).astype(str).to_numpy()
    regions = ctx.org_table["region"].astype(object).fillna("")
    ra = nt["u"].map(regions).to_numpy()
    rb = nt["v"].map(regions).to_numpy()
    ha = pd.Series(sa).map(HELIX).to_numpy()
    hb = pd.Series(sb).map(HELIX).to_numpy()
    flags = {
        "university–startup share of new ties":
            ((sa == "university") & (sb == "startup")) | ((sa == "startup") & (sb == "university")),
        "cross-sector share of new ties": sa != sb,
        "academia–industry share of new ties":
            ((ha == "academia") & (hb == "industry")) | ((ha == "industry") & (hb == "academia")),
        "cross-region share of new ties": (ra != rb) & (ra != "") & (rb != ""),
    }
    first = nt["first"].to_numpy()
    years = ctx.corpus.events["year"].dropna().astype(int)
    lo_year, hi_year = int(years.min()), int(years.max())
    before, after = first < split, first >= split
    n_years_before, n_years_after = max(split - lo_year, 0), max(hi_year - split + 1, 0)
    rng = np.random.default_rng(ctx.seed)
    b = int(p["bootstrap"])
    alpha = (1 - p["confidence"]) / 2
    rows = []
    for name, flag in flags.items():
        x, y = flag[before], flag[after]
        pb = x.mean() if len(x) else np.nan
        pa = y.mean() if len(y) else np.nan
        lo = hi = np.nan
        if b and len(x) and len(y):
            # resampling n binary outcomes with replacement = a binomial draw
            db = rng.binomial(len(y), pa, b) / len(y) - rng.binomial(len(x), pb, b) / len(x)
            lo, hi = np.quantile(db, [alpha, 1 - alpha])
        rows.append({"indicator": name, "before": pb, "after": pa, "change": pa - pb,
                     "ci_low": lo, "ci_high": hi,
                     "significant": bool(np.isfinite(lo) and (lo > 0 or hi < 0))})
    from scipy.stats import norm

    z = float(norm.ppf(1 - alpha))
    nb_, na_ = int(before.sum()), int(after.sum())
    rate_b = nb_ / n_years_before if n_years_before else np.nan
    rate_a = na_ / n_years_after if n_years_after else np.nan
    # Poisson counts: var(count / years) = count / years²
    se = np.sqrt((nb_ / n_years_before**2 if n_years_before else 0.0)
                 + (na_ / n_years_after**2 if n_years_after else 0.0))
    lo, hi = (rate_a - rate_b) - z * se, (rate_a - rate_b) + z * se
    rows.append({"indicator": "new ties per year", "before": rate_b, "after": rate_a,
                 "change": rate_a - rate_b, "ci_low": lo, "ci_high": hi,
                 "significant": bool(np.isfinite(lo) and (lo > 0 or hi < 0))})
    table = pd.DataFrame(rows).set_index("indicator")
    s.methods["before_after"] = ("shares of new ties; bootstrap over new ties (binomial), "
                                 "Poisson interval for counts per year")
    s.paragraphs.append(
        f"New ties formed before {split} ({lo_year}–{split - 1}) against those formed from "
        f"{split} on ({split}–{hi_year}). Intervals: {p['confidence']:.0%} bootstrap "
        f"({b} resamples of the new ties of each period) for shares, Poisson for counts per "
        "year. A change is marked significant when its interval excludes zero.")
    s.tables.append(Table("before_after", f"Before / after {split}", table, rows=None))
    shares = table.drop(index="new ties per year")
    s.charts.append(Chart("bar", f"Change after {split} (after − before), with "
                          f"{p['confidence']:.0%} interval", shares["change"],
                          {"xlabel": "change in share of new ties", "ylabel": "",
                           "errors": (shares["ci_low"].to_numpy(), shares["ci_high"].to_numpy())}))
    s.facts += [("split year", split), ("new ties before", int(before.sum())),
                ("new ties after", int(after.sum()))]
    return s


SECTIONS: list[tuple[str, str | None, Callable[[Context], Section]]] = [
    ("data", None, data_section),
    ("overview", None, overview_section),
    ("mixing", "structure", mixing_section),
    ("brokers", "brokerage", brokers_section),
    ("diffusion", "diffusion", diffusion_section),
    ("dynamics", "dynamics", dynamics_section),
    ("mobility", "mobility", mobility_section),
    ("regions", "regions", regions_section),
    ("before_after", "before_after", before_after_section),
]
"""(key, analysis switch or None = always, function), in report order."""


def compute_sections(ctx: Context) -> list[Section]:
    """Run every section switched on in the configuration, in order."""
    out = []
    for key, analysis, fn in SECTIONS:
        if analysis is not None and not ctx.config.enabled(analysis):
            continue
        log.info("report section %s", key)
        section = fn(ctx)
        out.append(section)
        ctx.methods.update({f"{key}.{k}": v for k, v in section.methods.items()})
    return out

"""The sections of a report as presentation-neutral statistics.

Each section is a small function ``f(ctx) -> Section`` that gathers its
numbers from ``netkit.metrics`` / ``netkit.build`` and returns them as
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

from netkit.lexicon.sector_evidence import sector_confidence
from netkit.model import SECTORS

__all__ = ["SECTIONS", "Chart", "Context", "Section", "Table", "compute_sections"]

log = logging.getLogger(__name__)


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
        self.centrality_methods: dict[str, str] = {}
        self.extra_node_metrics: dict[str, pd.Series] = {}

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
    def centrality(self) -> pd.DataFrame:
        """degree, strength, betweenness, pagerank per organisation (index: org id)."""
        from netkit.pipeline.structure import node_centrality

        out = node_centrality(self.graph, seed=self.seed)
        self.centrality_methods.update(out.attrs["methods"])
        return out

    @cached_property
    def dynamics(self):
        """The dynamics step (tie turnover, mobility, regions) with the report's parameters."""
        from netkit.pipeline.dynamics import run_dynamics

        return run_dynamics(self.corpus, self.graph, self.config.step("dynamics"),
                            self.config.step("mobility"))

    def node_metrics(self) -> pd.DataFrame:
        """Centralities plus what sections added (community, constraint …), for the view."""
        out = self.centrality.copy()
        for name, values in self.extra_node_metrics.items():
            out[name] = values.reindex(out.index).to_numpy()
        return out


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
    # how much of the network rests on registry identity, and how much on unknown sectors
    ror_orgs = c.org_ids.loc[c.org_ids["scheme"].astype(str) == "ror", "org_id"]
    part_orgs = c.participations["org_id"].dropna()
    if len(part_orgs):
        s.facts.append(("participations linked to a registry (ROR id)",
                        f"{part_orgs.isin(set(ror_orgs)).mean():.1%}"))
    if c.n_organizations:
        s.facts.append(("organisations of unknown sector",
                        f"{(c.organizations['sector'].astype(str) == 'unknown').mean():.1%}"))
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
    """Size, density, components, communities and the most connected organisations."""
    from netkit.pipeline.structure import network_overview

    g = ctx.graph
    s = Section("overview", "Network overview")
    found = network_overview(g, ctx.corpus, ctx.config.step("structure"), seed=ctx.seed)
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
    if found.communities is not None:
        communities = found.communities
        s.facts += [("communities (Leiden)", int(communities.nunique())),
                    ("modularity", float(communities.attrs.get("modularity", float("nan")))),
                    ("sector assortativity", found.assortativity)]
        ctx.extra_node_metrics["community"] = communities
        s.methods["communities"] = "netkit.metrics.leiden (seeded)"
    weighting = g["weighting"] if "weighting" in g.attributes() else "full"
    s.paragraphs.append(
        "Two organisations are tied when they took part in the same publication, patent or "
        f"contract; a tie's weight counts their joint events ({weighting} weighting). "
        "Sector assortativity is Newman's coefficient: above 0, ties stay within sectors "
        "more than chance; below 0, they cross sectors more.")
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
    params = ctx.config.params("structure")
    top = params["top"]
    dominant = found.dominant_events
    table = _label_frame(ctx, cen.index)
    org = ctx.org_table.reindex(cen.index)
    source = org["sector_source"] if "sector_source" in org else pd.Series("", index=org.index)
    table.insert(2, "sector_source", source.astype(object).fillna("").to_numpy())
    table.insert(3, "sector_confidence", sector_confidence(source, org["sector"]))
    table = table.join(cen).join(dominant)
    table = table.sort_values(["degree", "strength"], ascending=False, kind="stable")
    s.tables.append(Table("centrality", "Most connected organisations (by degree)", table,
                          rows=top))
    s.paragraphs.append(
        "Beside each sector, the rule that gave it (sector_source) and how strong that "
        "evidence is (sector_confidence: high for a registry or override, medium for the "
        "source's own type code, low for a name rule, none when unknown).")
    owed = int((table["top_event_share"].head(top) > 0.5).sum())
    if owed:
        s.paragraphs.append(
            f"{owed} of the {min(top, len(table))} most connected organisations owe more than "
            "half of their ties to a single event (column top_event_share).")
    large = found.large_events
    s.facts.append((f"events with ≥ {params['large_events']} organisations", len(large)))
    if len(large):
        s.facts.append(("share of ties made only by those events",
                        float(large["ties_only_here"].sum() / max(m, 1))))
        s.paragraphs.append(
            f"{len(large)} event(s) with at least {params['large_events']} organisations make "
            f"{large['ties_only_here'].sum():,} ties that no other event makes (table "
            "large_events); set graph.max_event_size to leave them out, or use the fractional "
            "or newman weighting to down-weight them.")
        s.tables.append(Table("large_events", "Large events", large, rows=top, index=False))
    s.methods.update(ctx.centrality_methods)
    s.methods["large events"] = "netkit.metrics.large_events / dominant_events"
    return s


def _pivot(long: pd.DataFrame, column: str, order: list[str]) -> pd.DataFrame:
    wide = long[column].unstack("target")
    wide = wide.reindex(index=order, columns=order)
    wide.index.name, wide.columns.name = "sector", "sector"
    return wide


# -- sector mixing and Triple Helix --------------------------------------------------------
def mixing_section(ctx: Context) -> Section:
    """Sector × sector mixing against random mixing and rewiring, E–I index, T(UIG)."""
    from netkit.pipeline.structure import sector_mixing

    g = ctx.graph
    p = ctx.config.params("structure")
    s = Section("mixing", "Sector mixing and Triple Helix")
    result = sector_mixing(g, ctx.corpus, ctx.config.step("structure"), seed=ctx.seed)
    mix = result.mixing
    order = _sector_order(set(g.vs["sector"]))
    # a ratio built on a handful of ties is noise: such cells are shown but not ranked or
    # coloured (2 startup–startup ties made a ratio of 76,351 on real data)
    few = p["min_ties"]
    ratio = _pivot(mix, "ratio", order).where(_pivot(mix, "ranked", order).fillna(False))
    s.methods["mixing"] = "netkit.metrics.mixing_matrix"
    s.paragraphs.append(
        "Observed ties between sectors against the number expected if ties formed at random "
        "with each sector's number of tie ends kept. A ratio above 1 means the two sectors "
        f"work together more than chance would give. Pairs of sectors with fewer than {few} "
        "observed ties are left blank in the heatmap and listed after the others "
        "(structure.min_ties).")
    s.charts.append(Chart("heatmap", "Sector mixing: observed / expected ties", ratio,
                          {"xlabel": "sector", "ylabel": "sector", "center": 1.0,
                           "fmt": "{:.2f}", "colorbar": "observed / expected"}))
    ranked = mix.sort_values(["ranked", "ratio"], ascending=False, kind="stable")
    s.tables.append(Table("mixing", "Ties between sectors: observed, expected, ratio "
                          f"(largest ratios first among pairs with ≥ {few} ties)",
                          ranked, rows=12))
    if result.null_skipped:
        s.paragraphs.append(
            f"The comparison with degree-preserving rewirings was skipped: the network has "
            f"{g.ecount():,} ties, more than structure.null_max_edges = "
            f"{p['null_max_edges']:,} (raise it to run the {p['null_samples']} rewirings).")
    if result.significance is not None:
        sig = result.significance
        s.tables.append(Table(
            "mixing_significance", f"Observed ties between sectors against "
            f"{p['null_samples']} degree-preserving rewirings (largest |z| first)",
            sig.reindex(sig["z"].abs().sort_values(ascending=False, kind="stable").index),
            rows=12))
        s.charts.append(Chart("heatmap", "Sector mixing against rewired graphs (z-score)",
                              _pivot(sig, "z", order),
                              {"xlabel": "sector", "ylabel": "sector", "center": 0.0,
                               "fmt": "{:.1f}", "colorbar": "z-score"}))
        s.methods["mixing_significance"] = "netkit.metrics.mixing_significance"
    ei = result.ei_index
    s.tables.append(Table("ei_index", "E–I index per sector (−1 all ties inside, +1 all "
                          "outside)", ei.to_frame(), rows=None))
    th = result.triple_helix
    s.methods["triple_helix"] = "netkit.metrics.triple_helix"
    s.facts += [("T(UIG), bits", th.get("T_UIG")), ("T(UI), bits", th.get("T_UI")),
                ("T(UG), bits", th.get("T_UG")), ("T(IG), bits", th.get("T_IG")),
                ("events with a helix", th.get("n_events"))]
    s.tables.append(Table("triple_helix", "Triple-Helix entropies and mutual information (bits)",
                          th.to_frame("value"), rows=None))
    s.paragraphs.append(
        "Triple-Helix mutual information T(UIG) (Leydesdorff) over the events: academia "
        "(university, research), industry (firm, startup) and government take part or not; "
        "a negative T(UIG) signals synergy among the three helices.")
    return s


# -- top brokers ---------------------------------------------------------------------------
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def brokers_section(ctx: Context) -> Section:
    """Betweenness, constraint, effective size, Gould–Fernandez roles, articulation points."""
    from netkit.pipeline.structure import brokers

    g = ctx.graph
    p = ctx.config.params("brokerage")
    cen = ctx.centrality
    s = Section("brokers", "Top brokers")
    found = brokers(g, cen, ctx.config.step("structure"))
    table = _label_frame(ctx, cen.index).join(found.table)
    s.methods.update({
        "constraint": "netkit.metrics.constraint (weighted)",
        "effective_size": "netkit.metrics.effective_size (weighted)",
        "brokerage": "netkit.metrics.brokerage (Gould–Fernandez, with z-scores and "
                     "exclusivity)",
    })
    table = table.sort_values(["betweenness", "degree"], ascending=False, kind="stable")
    s.facts += [("articulation points", int(table["articulation_point"].sum())),
                ("bridges (ties whose loss disconnects)", found.n_bridges)]
    s.paragraphs.append(
        "Brokers sit on the paths between others. Betweenness is the share of shortest paths "
        "through an organisation; Burt's constraint is low for organisations whose partners "
        "are not tied to each other; the Gould–Fernandez roles count the open two-paths an "
        "organisation brokers by the sectors of the two sides (liaison: three different "
        "sectors), with z-scores against random placement of sectors; exclusivity is the "
        "share of those two-paths on which the organisation is the only go-between, which "
        "singles out the small organisation that alone links a group to the rest, where "
        "counts favour hubs. Articulation points disconnect the network when removed.")
    s.tables.append(Table("brokers", "Organisations by betweenness", table, rows=p["top"]))
    top = table.head(p["top"])
    s.charts.append(Chart("bar", f"Top {len(top)} brokers by betweenness",
                          pd.Series(top["betweenness"].to_numpy(),
                                    index=top["organisation"].astype(str).to_numpy()),
                          {"xlabel": "betweenness", "ylabel": "",
                           "sector_colors": top["sector"].astype(str).tolist(),
                           "legend_sectors": True}))
    cols = [c for c in ROLES if c in table.columns]
    by_sector = table.groupby("sector")[cols].sum()
    by_sector = by_sector.reindex(_sector_order(by_sector.index))
    s.tables.append(Table("brokerage_by_sector", "Brokerage roles by the broker's sector",
                          by_sector, rows=None))
    for col in ("articulation_point",):
        ctx.extra_node_metrics[col] = table[col].astype(int)
    for col in ("constraint", "effective_size", "liaison"):
        if col in table.columns:
            ctx.extra_node_metrics[col] = table[col]
    return s


# -- diffusion -----------------------------------------------------------------------------
def diffusion_section(ctx: Context) -> Section:
    """Monte-Carlo diffusion from the seed sectors and temporal reachability."""
    from netkit.pipeline.diffusion import run_diffusion

    g = ctx.graph
    p = ctx.config.params("diffusion")
    s = Section("diffusion", "Diffusion speed")
    s.paragraphs.append(
        f"How fast knowledge could spread over the ties: {p['runs']} Monte-Carlo runs of the "
        f"weighted {'independent-cascade' if p['model'] == 'ic' else 'SI'} model; a tie of "
        f"weight w transmits with probability 1 − (1 − β)^w, β = {p['beta']}. Shares are of the "
        "part of the network the seeds can reach; a step is one round of transmission.")
    curves, lo, hi, times, arrivals = {}, {}, {}, [], []
    outcome = run_diffusion(g, ctx.corpus, ctx.config.step("diffusion"), seed=ctx.seed)
    for run in outcome.runs:
        seed_name = run.label
        if run.result is None:
            s.paragraphs.append(
                f"Seeds {seed_name!r}: no such organisation in the network."
                if run.problem == "no such organisation in the network"
                else f"Seeds {seed_name!r}: not simulated ({run.problem}).")
            continue
        r = run.result
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
    if outcome.temporal_latency is not None:
        src = outcome.temporal_seeds
        who = f"a {src}" if src in SECTORS else "the seed organisations"
        lat = outcome.temporal_latency.reset_index()
        s.tables.append(Table("temporal_latency", f"Years until what {who} knows "
                              "reaches each sector (time-respecting paths)", lat, rows=None,
                              index=False))
        each = f"each {src}'s" if src in SECTORS else "each seed organisation's"
        s.paragraphs.append(
            f"Along time-respecting paths (a tie formed in 2016 can pass on what arrived in "
            f"2015, not the reverse): the years from {each} first tie until its "
            "knowledge can have reached organisations of each sector.")
        s.methods["temporal"] = "netkit.metrics.earliest_arrival + sector_latency"
    return s


# -- dynamics ------------------------------------------------------------------------------
def dynamics_section(ctx: Context) -> Section:
    """Per-period organisations, ties, new / repeated / lapsed ties, entrants, mixing of new ties."""
    p = ctx.config.params("dynamics")
    s = Section("dynamics", "Dynamics over time")
    dyn = ctx.dynamics.dynamics
    s.methods["dynamics"] = "netkit.metrics.tie_dynamics + new_tie_mixing"
    s.paragraphs.append(
        "A tie is new in the period of its first joint event, repeated when it is active again, "
        "and lapsed when it was active in the previous period but not in this one. The first "
        "period is left-censored (everything in it is new).")
    empty = dyn["orgs"] == 0 if "orgs" in dyn.columns else pd.Series(False, index=dyn.index)
    if empty.any():  # years between two sources (NSERC 1994, CORDIS 2019 …) are no data
        s.paragraphs.append(
            f"{int(empty.sum())} period(s) without any event are left out of the table and "
            "charts: " + ", ".join(str(x) for x in dyn.index[empty]) + ".")
        dyn = dyn[~empty]
    s.tables.append(Table("dynamics", "Per period", dyn, rows=None))
    if len(dyn):
        s.charts.append(Chart("line", "New, repeated and lapsed ties",
                              dyn[["new_ties", "repeated_ties", "lapsed_ties"]],
                              {"xlabel": "period", "ylabel": "ties"}))
        s.charts.append(Chart("line", "Share of new ties across sectors and university–startup",
                              dyn[["cross_sector_new", "univ_startup_new"]],
                              {"xlabel": "period", "ylabel": "share of new ties",
                               "percent": True}))
    ntm = ctx.dynamics.new_tie_mixing
    if len(ntm):
        pair = ntm["sector_a"].astype(str) + " – " + ntm["sector_b"].astype(str)
        wide = ntm.assign(pair=pair).pivot_table(index="period", columns="pair",
                                                 values="new_ties", aggfunc="sum", fill_value=0)
        top = wide.sum().sort_values(ascending=False, kind="stable").head(p["top_pairs"]).index
        s.tables.append(Table("new_ties_by_sector_pair", "New ties per period by sector pair "
                              f"(the {len(top)} most frequent pairs)", wide[sorted(top)],
                              rows=None))
    return s


# -- mobility ------------------------------------------------------------------------------
def mobility_section(ctx: Context) -> Section:
    """People whose organisation changes: flows between organisations, sectors and regions."""
    from netkit.metrics.mobility import move_evidence

    p = ctx.config.params("mobility")
    s = Section("mobility", "Talent mobility")
    all_moves, moves = ctx.dynamics.all_moves, ctx.dynamics.moves
    s.methods["mobility"] = "netkit.metrics.mobility_moves / mobility_flows / mobility_rate"
    s.paragraphs.append(
        "A move is a person appearing with none of the organisations of their previous event "
        "(events ordered in time). Flows are counted between sectors, regions and organisations.")
    s.paragraphs.append(_people_identified(ctx))
    people = ctx.corpus.participations["person_id"].dropna().nunique()
    by = move_evidence(all_moves)
    s.facts += [("people", int(people)), ("moves", len(moves)),
                ("people who moved", int(moves["person_id"].nunique()) if len(moves) else 0),
                ("moves backed by an identifier", int(by["identifier"])),
                ("moves resting on names (with context / alone)",
                 f"{int(by['name+context'])} / {int(by['name'])}")]
    if p.get("evidence", "all") != "all":
        s.paragraphs.append(f"Only moves backed at least by '{p['evidence']}' are counted "
                            f"({len(moves)} of {len(all_moves)}).")
    if not len(moves):
        s.paragraphs.append("No person appears with two different organisations.")
        return s
    flows = ctx.dynamics.flows("sector")
    order = _sector_order(set(flows["from"]) | set(flows["to"]))
    matrix = flows.pivot_table(index="from", columns="to", values="moves", aggfunc="sum",
                               fill_value=0).reindex(index=order, columns=order, fill_value=0)
    matrix.index.name, matrix.columns.name = "from sector", "to sector"
    s.tables.append(Table("mobility_sector_flows", "Moves between sectors (rows: from)", matrix,
                          rows=None))
    s.charts.append(Chart("heatmap", "Moves between sectors", matrix,
                          {"xlabel": "to sector", "ylabel": "from sector", "fmt": "{:.0f}",
                           "colorbar": "moves"}))
    rflows = ctx.dynamics.flows("region").sort_values(
        ["moves", "from", "to"], ascending=[False, True, True], kind="stable")
    s.tables.append(Table("mobility_region_flows", "Moves between regions", rflows,
                          rows=p["top"], index=False))
    oflows = ctx.dynamics.flows("org").sort_values(
        ["moves", "from", "to"], ascending=[False, True, True], kind="stable")
    oflows.insert(1, "from_name", oflows["from"].map(ctx.label_of))
    oflows.insert(3, "to_name", oflows["to"].map(ctx.label_of))
    s.tables.append(Table("mobility_org_flows", "Largest flows between organisations",
                          oflows, rows=p["top"], index=False))
    rate = ctx.dynamics.mobility_rate
    s.tables.append(Table("mobility_rate", "Movers per period among active people", rate,
                          rows=None))
    s.charts.append(Chart("line", "Share of active people who moved", rate[["rate"]],
                          {"xlabel": "period", "ylabel": "movers / active people",
                           "percent": True}))
    return s


def _people_identified(ctx: Context) -> str:
    """How the people were identified: shares of mentions by method."""
    pres = getattr(ctx.resolution, "people", None)
    if pres is None or not len(pres.mentions):
        return ("People are identified as the sources give them (no person resolution): "
                "one person may appear under several ids, so moves are not evidenced.")
    shares = pres.summary()
    text = ", ".join(f"{method} {share:.0%}" for method, share in shares.items() if share)
    return (f"People were resolved across sources (ORCID, source author ids, then names with "
            f"shared organisations, co-authors or title topics); share of author/inventor mentions by "
            f"method: {text}.")


# -- regions -------------------------------------------------------------------------------
def regions_section(ctx: Context) -> Section:
    """Ties within and between regions, normalised by the number of organisations."""
    p = ctx.config.params("regions")
    s = Section("regions", "Regions")
    flow = ctx.dynamics.region_flows
    dens = ctx.dynamics.region_density
    summary = ctx.dynamics.region_summary
    s.methods["regions"] = "netkit.metrics.region_flow_matrix / region_density / region_summary"
    s.paragraphs.append(
        "Joint events within and between regions; density divides the ties between two "
        "regions by the pairs of organisations they could form.")
    s.facts += [(str(k).replace("_", " "), float(v)) for k, v in summary.items()]
    size = dens[dens["within"]].set_index("region_a")["orgs_a"]
    top = size.sort_values(ascending=False, kind="stable").head(p["top"]).index
    wide = dens.pivot_table(index="region_a", columns="region_b", values="density",
                            aggfunc="first")
    wide = wide.combine_first(wide.T)
    s.charts.append(Chart("heatmap", "Tie density within and between regions",
                          wide.reindex(index=top, columns=top),
                          {"xlabel": "region", "ylabel": "region", "fmt": "{:.3f}",
                           "colorbar": "ties / possible pairs"}))
    s.tables.append(Table("region_flows", "Joint events (tie weights) between the "
                          f"{len(top)} regions with the most organisations",
                          flow.reindex(index=top, columns=top), rows=None))
    s.tables.append(Table("region_density", "Density per pair of regions", dens,
                          rows=p["top"], index=False))
    return s


# -- before / after ------------------------------------------------------------------------
INDICATOR_LABELS = {
    "univ_startup_share_new": "university–startup share of new ties",
    "univ_share_of_startup_new": "share of startups' new ties that are with universities",
    "startup_share_of_univ_new": "share of universities' new ties that are with startups",
    "cross_region_share_new": "cross-region share of new ties",
    "cross_region_event_share": "share of events across regions",
    "cross_sector_share_new": "cross-sector share of new ties",
    "academia_industry_share_new": "academia–industry share of new ties",
    "repeat_share": "share of ties that are repeated",
}


def before_after_section(ctx: Context) -> Section:
    """Indicators before and after a year, bootstrap intervals and a permutation null."""
    from netkit.metrics import MAX_SOURCE_SHIFT
    from netkit.pipeline.compare import run_compare

    p = ctx.config.params("before_after")
    result = run_compare(ctx.corpus, ctx.config.step("before_after"), seed=ctx.seed)
    split, res, mix, shift = result.split, result.raw, result.sources, result.source_shift
    s = Section("before_after", f"Before and after {split}")
    s.methods["before_after"] = "netkit.metrics.compare_windows"
    years = ctx.corpus.events["year"].dropna().astype(int)
    s.paragraphs.append(
        (f"Events from {int(years.min())} to {split - 1} against events from {split} to "
         f"{int(years.max())}. " if isinstance(split, int) else
         f"Events before {split} against events from {split} on. ")
        + "Intervals are percentile bootstraps over events "
        f"({p['bootstrap']} resamples); p-values come from {p['permutations']} permutations of "
        "the events between the two windows, Holm-adjusted over the indicators tested. A change "
        "is significant when the adjusted p-value is below α = "
        f"{p['alpha']}.")
    comparable = result.comparable
    if not comparable:
        s.paragraphs.append(
            f"Not comparable: the two windows come from different sources (table "
            f"before_after_sources; {shift:.0%} of the events would have to change source to "
            f"give the same mix, more than {MAX_SOURCE_SHIFT:.0%}). A change below may be the "
            "change of data source, not of the ecosystem; no indicator is called significant.")
    table = result.table.copy()
    table.insert(0, "description", [INDICATOR_LABELS.get(i, str(i).replace("_", " "))
                                    for i in table.index])
    s.tables.append(Table("before_after", f"Before / after {split}", table, rows=None))
    s.tables.append(Table("before_after_sources", "Events per source in each window", mix,
                          rows=None, index=False))
    s.facts.append(("source mix shift between windows", shift))
    shown = [i for i in INDICATOR_LABELS if i in res.index]
    if shown:
        part = res.loc[shown]
        s.charts.append(Chart("bar", f"Change after {split} (bootstrap interval)",
                              pd.Series(part["change"].to_numpy(),
                                        index=[INDICATOR_LABELS[i] for i in shown]),
                              {"xlabel": "change", "ylabel": "",
                               "errors": (part["ci_low"].to_numpy(dtype=float),
                                          part["ci_high"].to_numpy(dtype=float))}))
    sig = table["significant"].fillna(False).astype(bool) if "significant" in table else None
    s.facts.append(("split year", split))
    if sig is not None:
        s.facts.append(("indicators with a significant change",
                        ", ".join(INDICATOR_LABELS.get(i, i) for i in res.index[sig]) or "none"))
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

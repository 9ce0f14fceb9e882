"""Resolve organisations: one row per real organisation, with an audit trail.

Evidence is applied strongest first, and each merge is a union in a union–find
structure in which ROR ids are *exclusive labels* (two organisations holding
different ROR ids are never merged — only a user override can do that):

1. **override** — rows of the overrides CSV (and names rewritten by a VOSviewer
   thesaurus);
2. **identifier** — a shared strong identifier (:mod:`netkit.resolve.identifiers`);
3. **exact** — equal normalised names (:mod:`netkit.resolve.normalize`) in
   compatible countries; a name shared by institutions of several ROR ids is
   ambiguous and merges nothing;
4. **fuzzy** — blocked, word-aligned fuzzy matches (:mod:`netkit.resolve.match`)
   scoring at least ``threshold``, best first;
5. **acronym** — a name that is a bare acronym (*MIT*, *UNEP, Nairobi*) joins the
   single organisation of a compatible country whose name it abbreviates
   (:mod:`netkit.resolve.acronyms`).

Registry institutions take part as extra nodes (one per display or alternative
name, joined by their OpenAlex id), so a raw name that meets a registry name
gains the registry's ROR id, type, place and parent; such merges are reported
with method ``registry``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netkit.errors import ParameterError
from netkit.lexicon import normalise_regions
from netkit.lexicon.startup import apply_startup_rule
from netkit.model import Corpus
from netkit.resolve.canonical import clusters, org_ids, organizations, review_table, trace
from netkit.resolve.evidence import (
    Edges,
    acronym_edges,
    exact_edges,
    fuzzy_edges,
    identifier_evidence,
    override_edges,
    rollup_edges,
)
from netkit.resolve.identifiers import STRONG_SCHEMES
from netkit.resolve.match import UnionFind
from netkit.resolve.nodes import build_nodes
from netkit.resolve.overrides import read_overrides, read_thesaurus
from netkit.resolve.registry import Registry, load_registry

__all__ = ["METHODS", "Resolution", "resolve"]

log = logging.getLogger(__name__)

METHODS = ("override", "identifier", "registry", "exact", "fuzzy", "acronym", "none")
"""Values of ``audit.method``: how a raw organisation joined its resolved one
(``none``: nothing merged it with anything)."""


@dataclass
class Resolution:
    """The result of :func:`resolve`.

    Attributes
    ----------
    corpus : Corpus
        One ``organizations`` row per resolved organisation; ``org_ids`` holds every
        source identifier of its members (and ``source_org_id`` rows with the raw
        ids); participations point at the resolved ids.
    audit : DataFrame
        One row per raw organisation: ``raw_org_id``, ``raw_name``, ``source``,
        ``org_id`` (resolved), ``name`` (resolved), ``method`` (see :data:`METHODS`),
        ``score`` (0–100) and ``evidence``.
    review : DataFrame
        Near-misses left apart: ``name_a``, ``name_b``, ``raw_org_id_a``,
        ``raw_org_id_b``, ``org_id_a``, ``org_id_b``, ``score``, ``reason``, best first.
    mapping : Series
        Raw ``org_id`` → resolved ``org_id``.
    """

    corpus: Corpus
    audit: pd.DataFrame
    review: pd.DataFrame
    mapping: pd.Series
    parameters: dict = field(default_factory=dict)
    people: object = None  # PeopleResolution when resolve(..., people=True)

    def __repr__(self) -> str:
        return (f"<Resolution: {len(self.mapping)} raw → "
                f"{self.corpus.n_organizations} organizations, "
                f"{len(self.review)} pairs to review>")

    def summary(self) -> pd.Series:
        """How many raw organisations each method attached."""
        return self.audit["method"].value_counts().reindex(METHODS, fill_value=0)


# -- helpers -------------------------------------------------------------------------------

def _org_sources(corpus: Corpus) -> pd.Series:
    """The source of each raw organisation (most frequent event source, else id prefix)."""
    orgs = corpus.organizations["org_id"]
    part = corpus.participations[["event_id", "org_id"]].dropna()
    ev = corpus.events[["event_id", "source"]]
    src = part.merge(ev, on="event_id", how="left").dropna(subset=["source"])
    if len(src):
        counts = src.groupby(["org_id", "source"], observed=True).size().rename("n")
        counts = counts.reset_index().sort_values(["org_id", "n", "source"],
                                                  ascending=[True, False, True])
        first = counts.drop_duplicates("org_id").set_index("org_id")["source"]
    else:
        first = pd.Series(dtype=object)
    prefix = orgs.str.extract(r"^org:([^:]+):", expand=False)
    out = orgs.map(first).astype(object)
    out = out.where(out.notna(), prefix.astype(object))
    return pd.Series(out.to_numpy(), index=orgs.to_numpy(), dtype=object).fillna("")


def _activity(corpus: Corpus) -> pd.Series:
    return corpus.participations["org_id"].value_counts()


def _unite(uf: UnionFind, edges: tuple[np.ndarray, ...], review_rows: list[dict]) -> np.ndarray:
    """Apply edges in order; which were accepted. Refusals for clashing ROR ids are reviewed."""
    ea, eb, em, es, _, ef = edges
    accepted = np.zeros(len(ea), dtype=bool)
    for k, (a, b, f) in enumerate(zip(ea.tolist(), eb.tolist(), ef.tolist(), strict=True)):
        if uf.union(a, b, force=f):
            accepted[k] = True
        elif uf.find(a) != uf.find(b) and em[k] in ("identifier", "exact", "fuzzy", "acronym"):
            review_rows.append({"a": a, "b": b, "score": float(es[k]),
                                "reason": f"{em[k]} match refused: different ROR ids"})
    return accepted


def _is_ror(reg: Registry) -> bool:
    inst = reg.institutions
    return "registry" in inst and bool((inst["registry"] == "ror").any())


def _link_raw(orgs: pd.DataFrame, reg: Registry) -> pd.DataFrame:
    """Link every raw organisation (its name, with its city and country) to the registry."""
    from netkit.resolve.link import link_affiliations

    def text(name, city, country) -> str:
        parts = [str(name) if isinstance(name, str) else ""]
        for x in (city, country):
            if isinstance(x, str) and x and x.casefold() not in parts[0].casefold():
                parts.append(x)
        return ", ".join(p for p in parts if p)

    texts = [text(n, ci, co) for n, ci, co in zip(
        orgs["name"].tolist(), orgs["city"].tolist() if "city" in orgs else [None] * len(orgs),
        orgs["country"].tolist(), strict=True)]
    return link_affiliations(texts, reg)


def _registry_link_edges(nodes, links: pd.DataFrame, edges: Edges, review_rows: list[dict]
                         ) -> None:
    """Raw node → the display node of the record it was linked to; doubts to review."""
    a, b, sc, ev = [], [], [], []
    for k, (rid, score, evidence, cands) in enumerate(zip(
            links["registry_id"], links["score"], links["evidence"], links["candidates"],
            strict=True)):
        if isinstance(rid, str) and rid in nodes.registry_node:
            a.append(k)
            b.append(nodes.registry_node[rid])
            sc.append(float(score))
            ev.append(f"ror {rid}: {evidence}")
        for c in cands or ():
            if c in nodes.registry_node:
                review_rows.append({"a": k, "b": nodes.registry_node[c],
                                    "score": float(score) if score == score else 0.0,
                                    "reason": f"registry: abstained, {evidence}"})
    if a:
        edges.add(a, b, "registry", sc, ev)


# -- the main function -----------------------------------------------------------------------

def resolve(
    corpus: Corpus,
    *,
    registry=None,
    overrides=None,
    thesaurus=None,
    threshold: float = 90.0,
    review_margin: float = 10.0,
    rollup: bool = False,
    schemes=STRONG_SCHEMES,
    people: bool = False,
) -> Resolution:
    """Resolve the organisations of a corpus into one row per real organisation.

    Parameters
    ----------
    corpus : Corpus
        A corpus as readers produce it (one organisation row per source spelling).
    registry : path, list of paths, DataFrame or Registry, optional
        The ROR data dump (zip, JSON or CSV) or OpenAlex institutions (see
        :func:`netkit.resolve.load_registry`). With ROR, every raw organisation is
        linked to at most one record by :func:`netkit.resolve.link.link_affiliations`
        (abstentions go to review); sector, city, region and coordinates then come
        from the record.
    overrides : path or DataFrame, optional
        Overrides CSV (see :mod:`netkit.resolve.overrides`).
    thesaurus : path or dict, optional
        VOSviewer thesaurus file (``label<TAB>replace by``).
    threshold : float, default 90
        Minimum fuzzy score (0–100) of a name merge. Fuzzy merges also require
        every word of both names to be matched in order.
    review_margin : float, default 10
        Pairs scoring in ``[threshold - review_margin, threshold)``, or vetoed
        above it, go to the review table.
    rollup : bool, default False
        Merge registry institutions into their parent institution (a campus into
        its university); the child's ROR id is then kept under scheme ``ror_child``.
    schemes : iterable of str
        Identifier schemes that prove identity.
    people : bool, default False
        Then resolve the people too, on the resolved organisations
        (:func:`netkit.resolve.resolve_people`); ``Resolution.people`` holds its
        result and ``Resolution.corpus`` the corpus with both resolved.

    Returns
    -------
    Resolution

    Raises
    ------
    ParameterError
        If ``threshold`` is not in (0, 100].

    Examples
    --------
    >>> import netkit as nk
    >>> c = nk.Corpus(
    ...     organizations={"org_id": ["o:1", "o:2", "o:3", "o:4"],
    ...                    "name": ["UNIV YORK", "University of York", "York University",
    ...                             "Univ Calif Irvine"],
    ...                    "sector": ["university"] * 4},
    ...     events={"event_id": ["pub:x:1"], "kind": ["publication"]},
    ...     participations={"event_id": ["pub:x:1"] * 4, "org_id": ["o:1", "o:2", "o:3", "o:4"],
    ...                     "role": ["author"] * 4})
    >>> res = resolve(c)
    >>> res.corpus.n_organizations
    3
    >>> res.mapping["o:1"] == res.mapping["o:2"], res.mapping["o:2"] == res.mapping["o:3"]
    (True, False)
    >>> res.audit.set_index("raw_org_id").loc["o:1", "method"]
    'exact'
    """
    if not 0 < float(threshold) <= 100:
        raise ParameterError(f"threshold must be in (0, 100], got {threshold!r}")
    threshold = float(threshold)
    orgs = corpus.organizations.reset_index(drop=True)
    reg = load_registry(registry) if registry is not None else None
    ov = read_overrides(overrides) if overrides is not None else None
    th = read_thesaurus(thesaurus) if thesaurus is not None else {}

    links = None
    if reg is not None and _is_ror(reg):
        # ROR: each raw organisation is linked to at most one record (abstaining when two
        # fit); only the records linked or in doubt take part as registry nodes
        links = _link_raw(orgs, reg)
        wanted = set(links["registry_id"].dropna()) | {c for cs in links["candidates"]
                                                       for c in cs}
        inst = reg.institutions
        reg = Registry(inst[inst["openalex_id"].isin(wanted)].reset_index(drop=True))
    nodes = build_nodes(corpus, reg, ov, th, rollup=rollup)
    strong = set(schemes) | ({"ror_child"} if nodes.child_rors else set())

    # ---- evidence, strongest first ------------------------------------------------------------
    edges = Edges()
    review_rows: list[dict] = []
    if ov is not None:
        override_edges(nodes, ov, strong, edges)
    if links is not None:
        _registry_link_edges(nodes, links, edges, review_rows)
    if nodes.alias_of:
        n = len(nodes)
        edges.add(nodes.alias_of, np.arange(n - len(nodes.alias_of), n), "exact", 100.0,
                  "word order", force=True)
    identifier_evidence(nodes, strong, edges)
    groups = exact_edges(nodes, edges, review_rows)
    fuzzy_edges(nodes, groups, threshold, review_margin, edges, review_rows)
    rolled = rollup_edges(nodes, reg, edges) if rollup and reg is not None else []

    # ---- union–find with exclusive ROR labels; acronyms last, on what is known by then --------
    uf = UnionFind(len(nodes), nodes.labels)
    strong_edges = edges.arrays()
    strong_accepted = _unite(uf, strong_edges, review_rows)
    weak = Edges()
    acronym_edges(nodes, groups, uf.find, weak, review_rows)
    weak_edges = weak.arrays()
    accepted = np.concatenate([strong_accepted, _unite(uf, weak_edges, review_rows)])
    ea, eb, em, es, ee, _ = (np.concatenate(x) for x in zip(strong_edges, weak_edges,
                                                            strict=True))

    # ---- resolved organisations ----------------------------------------------------------------
    raw_ids = orgs["org_id"].to_numpy(dtype=object)
    activity = orgs["org_id"].map(_activity(corpus)).fillna(0).to_numpy()
    cl = clusters(nodes, uf.roots(), raw_ids, activity, rolled)
    method, score, evidence = trace(
        nodes, cl, (ea[accepted], eb[accepted], em[accepted], es[accepted], ee[accepted]))
    out = organizations(orgs, nodes, cl, activity, reg, ov)
    mapping = pd.Series(cl.ids[cl.of_raw], index=pd.Index(raw_ids, name="raw_org_id"),
                        name="org_id")
    part = corpus.participations
    part = part.assign(org_id=part["org_id"].map(mapping).where(part["org_id"].notna(), None))
    before = len(part)
    part = part.drop_duplicates(["event_id", "org_id", "person_id", "role"]).reset_index(drop=True)
    if before != len(part):
        log.info("resolve: %d participations became duplicates and were merged",
                 before - len(part))
    out = apply_startup_rule(out, part, corpus.events)
    out, regions = normalise_regions(out)
    log.info("resolve: regions %s", regions)
    resolved = Corpus(organizations=out, org_ids=org_ids(corpus.org_ids, nodes, cl, mapping,
                                                         raw_ids),
                      people=corpus.people, person_ids=corpus.person_ids,
                      events=corpus.events, participations=part, event_ids=corpus.event_ids,
                      quarantine=corpus.quarantine, accounting=corpus.accounting)
    resolved.duplicates = dict(corpus.duplicates)

    # ---- audit and review --------------------------------------------------------------------
    audit = pd.DataFrame({
        "raw_org_id": raw_ids,
        "raw_name": orgs["name"].astype(object).to_numpy(),
        "source": _org_sources(corpus).reindex(raw_ids).to_numpy(dtype=object),
        "org_id": mapping.to_numpy(),
        "name": out.set_index("org_id")["name"].reindex(mapping.to_numpy()).to_numpy(dtype=object),
        "method": method,
        "score": score,
        "evidence": evidence,
    })
    review = review_table(review_rows, nodes, cl)
    log.info("resolve: %d raw organisations → %d (%d pairs to review)", len(orgs), len(cl),
             len(review))
    people_res = None
    if people:
        from netkit.resolve.people import resolve_people

        people_res = resolve_people(resolved)
        resolved = people_res.corpus
    return Resolution(corpus=resolved, audit=audit, review=review, mapping=mapping,
                      people=people_res,
                      parameters={"threshold": threshold, "review_margin": review_margin,
                                  "rollup": rollup, "registry": reg is not None,
                                  "overrides": ov is not None, "thesaurus": bool(th),
                                  "people": people})

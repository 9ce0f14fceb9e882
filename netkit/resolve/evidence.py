"""The evidence that two nodes are one organisation, as lists of edges.

Each function returns edges ``(a, b, method, score, evidence, force)``; forced edges
(user overrides, registry roll-up, a name and its own word-order alias) may join
organisations with different exclusive labels. Pairs kept apart that a person may
want to look at are returned as review rows ``{"a", "b", "score", "reason"}``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netkit.lexicon.countries import SAME_COUNTRY
from netkit.lexicon.legal_forms import legal_form
from netkit.resolve.acronyms import bare_acronym, initials
from netkit.resolve.identifiers import clean_identifier, identifier_edges
from netkit.resolve.match import candidate_pairs, score_pairs
from netkit.resolve.nodes import Nodes
from netkit.resolve.normalize import acronym_words, compact_key, normalize_names
from netkit.resolve.registry import Registry

__all__ = ["SAME_COUNTRY", "Edges", "acronym_edges", "exact_edges", "fuzzy_edges",
           "identifier_evidence", "override_edges", "rollup_edges"]


@dataclass
class Edges:
    """Edges accumulated in the order in which they will be tried."""

    a: list = field(default_factory=list)
    b: list = field(default_factory=list)
    method: list = field(default_factory=list)
    score: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    force: list = field(default_factory=list)

    def add(self, a, b, method: str, score, evidence, force: bool = False) -> None:
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        self.a.append(a)
        self.b.append(b)
        self.method.append(np.full(len(a), method, dtype=object))
        self.score.append(np.broadcast_to(np.asarray(score, dtype=float), len(a)).copy())
        self.evidence.append(np.asarray(evidence, dtype=object) if not isinstance(evidence, str)
                             else np.full(len(a), evidence, dtype=object))
        self.force.append(np.full(len(a), force, dtype=bool))

    def arrays(self) -> tuple[np.ndarray, ...]:
        """``a, b, method, score, evidence, force`` as flat arrays."""
        if not self.a:
            e = np.empty(0, np.int64)
            return e, e, np.empty(0, object), np.empty(0, float), np.empty(0, object), \
                np.empty(0, bool)
        return tuple(np.concatenate(x) for x in (self.a, self.b, self.method, self.score,
                                                 self.evidence, self.force))


def _same_form(a: str, b: str) -> bool:
    return not a or not b or a == b


def override_edges(nodes: Nodes, overrides: pd.DataFrame, strong: set[str],
                   edges: Edges) -> None:
    """Tie every raw node an override row matches (org_id, ``scheme:value`` or name)."""
    n_raw = nodes.n_raw
    ckeys = nodes.ckeys
    pos = {ref: k for k, ref in enumerate(nodes.ref[:n_raw])}
    by_key: dict[str, list[int]] = {}
    for k in range(n_raw):
        by_key.setdefault(ckeys[k], []).append(k)
    by_id: dict[str, list[int]] = {}
    for node, scheme, value in nodes.ids.itertuples(index=False):
        if node < n_raw:
            by_id.setdefault(f"{scheme}:{clean_identifier(scheme, value)}", []).append(node)
    a, b, ev = [], [], []
    for row in overrides.itertuples(index=False):
        m = str(row.match)
        hits: list[int] = []
        if m in pos:
            hits = [pos[m]]
        else:
            scheme, sep, value = m.partition(":")
            if sep and scheme in strong | {"name"}:
                hits = by_id.get(f"{scheme}:{clean_identifier(scheme, value)}", [])
            if not hits:
                key = compact_key(normalize_names([m])[0])
                form = legal_form(m)
                # a name matches only spellings of a compatible legal form, as exact matches do
                hits = [h for h in by_key.get(key, []) if key and _same_form(
                    form, legal_form(nodes.name[h]))]
        for h in hits:
            a.append(nodes.override_node[row.canonical_id])
            b.append(h)
            ev.append(f"override {m!r}")
    if a:
        edges.add(a, b, "override", 100.0, ev, force=True)


def identifier_evidence(nodes: Nodes, strong: set[str], edges: Edges) -> None:
    """Nodes that share a strong identifier."""
    ie = identifier_edges(nodes.ids, strong)
    if len(ie):
        edges.add(ie["a"].to_numpy(), ie["b"].to_numpy(), "identifier", 100.0,
                  ie["evidence"].to_numpy(dtype=object))


def _adopt(group: pd.Series, value: pd.Series) -> pd.Series:
    """Fill a missing attribute with the only value its group has; ``"?"`` if none or several.

    Examples
    --------
    >>> g = pd.Series(["a", "a", "b", "b", "b"])
    >>> v = pd.Series(["NO", None, "NO", "SE", None], dtype=object)
    >>> _adopt(g, v).tolist()
    ['NO', 'NO', 'NO', 'SE', '?']
    """
    known = value.notna()
    n_values = value[known].groupby(group[known]).nunique()
    single = value[known].groupby(group[known]).first()[n_values == 1]
    filled = value.where(known, group.map(single))
    return filled.fillna("?").astype(object)


def exact_edges(nodes: Nodes, edges: Edges, review: list[dict]) -> pd.DataFrame:
    """Equal keys in compatible countries and legal forms; returns the exact groups.

    A missing country (legal form) takes the only one its name has elsewhere; a name
    seen in several countries (with several legal forms) leaves the nodes without one
    apart. A name shared by institutions of several ROR ids merges only nodes of the
    same ROR id (or of none).
    """
    kinds = nodes.kinds
    node_df = pd.DataFrame({
        "node": np.arange(len(nodes)), "ckey": nodes.ckeys,
        "country": pd.array([SAME_COUNTRY.get(c, c) for c in nodes.country], dtype=object),
        "legal": pd.array([legal_form(x) or None for x in nodes.name], dtype=object)})
    node_df = node_df[(node_df["ckey"] != "") & (kinds != "override")]
    node_df["country"] = _adopt(node_df["ckey"], node_df["country"])
    node_df["legal"] = _adopt(node_df["ckey"] + "\x1f" + node_df["country"], node_df["legal"])
    node_df = node_df.assign(group=node_df["ckey"] + "\x1f" + node_df["country"] + "\x1f"
                             + node_df["legal"])
    ror_of = {k: next(iter(v)) for k, v in nodes.labels.items() if len(v) == 1}
    node_df["ror"] = node_df["node"].map(ror_of)
    n_ror = node_df.groupby("group")["ror"].nunique()
    ambiguous = n_ror[n_ror > 1].index
    for _, sub in node_df[node_df["group"].isin(ambiguous)].groupby("group"):
        firsts = sub.dropna(subset=["ror"]).drop_duplicates("ror")["node"].tolist()
        for x, y in itertools.pairwise(firsts):
            review.append({"a": x, "b": y, "score": 100.0,
                           "reason": "same name, different ROR ids"})
    amb = node_df["group"].isin(ambiguous)
    node_df.loc[amb, "group"] = (node_df.loc[amb, "group"] + "\x1f"
                                 + node_df.loc[amb, "ror"].fillna("none").astype(str))
    ok = node_df.sort_values(["group", "node"])
    g = ok["group"].to_numpy(dtype=object)
    nd = ok["node"].to_numpy()
    same = g[1:] == g[:-1] if len(g) > 1 else np.zeros(0, bool)
    if same.any():
        ex_a, ex_b = nd[:-1][same], nd[1:][same]
        edges.add(ex_a, ex_b, "exact", 100.0, np.asarray(nodes.keys, dtype=object)[ex_b])
    return ok


def fuzzy_edges(nodes: Nodes, groups: pd.DataFrame, threshold: float, review_margin: float,
                edges: Edges, review: list[dict]) -> None:
    """Blocked, word-aligned fuzzy matches between exact groups (one representative each)."""
    reps = groups.drop_duplicates("group")
    rep_nodes = reps["node"].to_numpy()
    rep_keys = np.asarray([nodes.keys[k] for k in rep_nodes], dtype=object)
    rep_country = reps["country"].to_numpy(dtype=object)
    rep_legal = reps["legal"].to_numpy(dtype=object)
    i, j = candidate_pairs(list(rep_keys))
    floor = max(0.0, threshold - review_margin)
    weak = [acronym_words(nodes.name[k]) for k in rep_nodes]
    sc = score_pairs(list(rep_keys), i, j, floor=floor, weak=weak)
    if not len(sc):
        return
    ia, ib = sc["i"].to_numpy(), sc["j"].to_numpy()
    ca, cb = rep_country[ia], rep_country[ib]
    clash = (ca != "?") & (cb != "?") & (ca != cb)
    la, lb = rep_legal[ia], rep_legal[ib]
    lclash = (la != "?") & (lb != "?") & (la != lb)
    # the same name kept apart by the exact step (countries, legal forms, ROR ids) stays apart
    same_key = rep_keys[ia] == rep_keys[ib]
    sc["reason"] = sc["reason"].where(~same_key, "same name, kept apart: ambiguous")
    sc["reason"] = sc["reason"].where(~lclash, "legal forms differ")
    sc["reason"] = sc["reason"].where(~clash, "countries differ")
    sc["complete"] = sc["complete"] & ~same_key & ~clash & ~lclash
    sc["a"] = rep_nodes[ia]
    sc["b"] = rep_nodes[ib]
    ok = sc["complete"] & (sc["score"] >= threshold)
    merge = sc[ok].sort_values(["score", "a", "b"], ascending=[False, True, True])
    if len(merge):
        edges.add(merge["a"].to_numpy(), merge["b"].to_numpy(), "fuzzy",
                  merge["score"].to_numpy(),
                  np.asarray(nodes.keys, dtype=object)[merge["a"].to_numpy()])
    near = sc[~ok & (sc["score"] >= floor)]
    near = near.assign(reason=near["reason"].where(near["reason"] != "", "below threshold"))
    review.extend(near[["a", "b", "score", "reason"]].to_dict("records"))


def acronym_edges(nodes: Nodes, groups: pd.DataFrame, cluster_of, edges: Edges,
                  review: list[dict]) -> None:
    """A bare acronym → the one organisation of a compatible country that it abbreviates.

    The acronym must spell the initials of the other name's key words or be written in
    that name (:mod:`netkit.resolve.acronyms`). ``cluster_of`` maps a node to its
    organisation so far (the stronger evidence has been applied). When several
    organisations fit, nothing is merged and the candidates go to the review table.
    """
    kinds = nodes.kinds
    reps = groups[np.isin(kinds[groups["node"].to_numpy()], ["raw", "registry"])]
    reps = reps.drop_duplicates("group")
    spelled: dict[str, list[tuple[int, str, str]]] = {}
    for node, country, group in reps[["node", "country", "group"]].itertuples(index=False):
        for a in {initials(nodes.keys[node])} | acronym_words(nodes.name[node]):
            if len(a) >= 3:
                spelled.setdefault(a, []).append((node, country, group))
    if not spelled:
        return
    a_nodes, b_nodes, ev = [], [], []
    for node, country, group in reps[["node", "country", "group"]].itertuples(index=False):
        if kinds[node] != "raw":
            continue
        bare = bare_acronym(nodes.name[node])
        # an acronym written alone may meet a name of unknown country; one written beside
        # a name ("Swiss Fed Inst Technol EPFL") only a name of the same, known country
        lookups = [(bare, True)] if bare else \
            [(a, False) for a in sorted(acronym_words(nodes.name[node])) if country != "?"]
        for acr, loose in lookups:
            fits = [(n, cluster_of(n)) for n, c, g in spelled.get(acr, ()) if g != group and (
                c == country or (loose and "?" in (c, country)))]
            fits = [(n, k) for n, k in fits if k != cluster_of(node)]
            if len({k for _, k in fits}) == 1:
                a_nodes.append(fits[0][0])
                b_nodes.append(node)
                ev.append(f"acronym of {nodes.name[fits[0][0]]!r}")
            elif fits:
                review.extend({"a": node, "b": n, "score": 100.0,
                               "reason": "acronym of several organisations"}
                              for n in dict(fits))
    if a_nodes:
        edges.add(a_nodes, b_nodes, "acronym", 100.0, ev)


def rollup_edges(nodes: Nodes, registry: Registry, edges: Edges) -> list[int]:
    """Registry child → its parent institution (forced); returns the child nodes."""
    ra, rb, rev = [], [], []
    for iid, parents in zip(registry.institutions["openalex_id"],
                            registry.institutions["parents"], strict=True):
        for p in parents:
            if iid in nodes.registry_node and p in nodes.registry_node:
                ra.append(nodes.registry_node[p])
                rb.append(nodes.registry_node[iid])
                rev.append(f"child of {p}")
                break
    if ra:
        edges.add(ra, rb, "registry", 100.0, rev, force=True)
    return rb

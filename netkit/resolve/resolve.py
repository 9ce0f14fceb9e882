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
   scoring at least ``threshold``, best first.

Registry institutions take part as extra nodes (one per display or alternative
name, joined by their OpenAlex id), so a raw name that meets a registry name
gains the registry's ROR id, type, place and parent; such merges are reported
with method ``registry``.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from netkit.errors import ParameterError
from netkit.model import Corpus
from netkit.model.schema import SECTORS
from netkit.resolve.identifiers import (
    EXCLUSIVE_SCHEMES,
    STRONG_SCHEMES,
    clean_identifier,
    exclusive_labels,
    identifier_edges,
)
from netkit.resolve.match import UnionFind, candidate_pairs, score_pairs
from netkit.resolve.normalize import (
    acronym_words,
    compact_key,
    country_in_name,
    legal_form,
    normalize_names,
    word_order_variants,
)
from netkit.resolve.overrides import read_overrides, read_thesaurus
from netkit.resolve.registry import load_registry

__all__ = ["METHODS", "Resolution", "resolve"]

log = logging.getLogger(__name__)

METHODS = ("override", "identifier", "registry", "exact", "fuzzy", "none")
"""Values of ``audit.method``: how a raw organisation joined its resolved one
(``none``: nothing merged it with anything)."""

_SAME_COUNTRY = {"HK": "CN", "MO": "CN", "UK": "GB", "EL": "GR"}
"""Country codes compared as one (addresses put Hong Kong in "Peoples R China")."""

_ORG_COLUMNS = ["org_id", "name", "sector", "sector_source", "country", "region", "city",
                "lat", "lon", "founded_year"]


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


def _activity(corpus: Corpus) -> pd.Series:
    return corpus.participations["org_id"].value_counts()


def _sector_rank(source: pd.Series, sector: pd.Series) -> np.ndarray:
    s = source.fillna("").astype(str)
    rank = np.where(s.str.startswith("override"), 5,
                    np.where(s.str.startswith("registry") | s.str.startswith("openalex:type"), 4,
                             np.where(s.str.startswith("name:") | (s == ""), 2, 3)))
    rank = np.where(sector.astype(object).fillna("unknown").to_numpy() == "unknown", 0, rank)
    return rank


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
) -> Resolution:
    """Resolve the organisations of a corpus into one row per real organisation.

    Parameters
    ----------
    corpus : Corpus
        A corpus as readers produce it (one organisation row per source spelling).
    registry : path, list of paths, DataFrame or Registry, optional
        OpenAlex institutions (see :func:`netkit.resolve.load_registry`).
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
    n_raw = len(orgs)
    reg = load_registry(registry) if registry is not None else None
    ov = read_overrides(overrides) if overrides is not None else None
    th = read_thesaurus(thesaurus) if thesaurus is not None else {}

    # ---- nodes: raw organisations, then registry names, then override targets ----------
    raw_names = orgs["name"].astype(object).tolist()
    renamed = np.zeros(n_raw, dtype=bool)
    if th:
        folded = [str(x).strip().casefold() for x in raw_names]
        for k, f in enumerate(folded):
            if f in th:
                raw_names[k] = th[f]
                renamed[k] = True
    node_name = list(raw_names)
    node_country = orgs["country"].astype(object).where(orgs["country"].notna(), None).tolist()
    # a country the name states ("… - India", "(Switzerland)", an address) when none is given
    node_country = [c if isinstance(c, str) and c else country_in_name(nm)
                    for c, nm in zip(node_country, raw_names, strict=True)]
    node_kind = ["raw"] * n_raw
    node_ref = orgs["org_id"].astype(object).tolist()  # raw org_id / registry id / override id
    ids = corpus.org_ids
    pos = pd.Series(np.arange(n_raw), index=orgs["org_id"].to_numpy())
    id_rows = pd.DataFrame({"node": ids["org_id"].map(pos).to_numpy(),
                            "scheme": ids["scheme"].astype(object).to_numpy(),
                            "value": ids["value"].astype(object).to_numpy()})
    id_rows = id_rows[id_rows["node"].notna()].astype({"node": "int64"})
    extra_ids: list[tuple[int, str, str]] = []
    reg_node_of: dict[str, int] = {}
    if reg is not None and len(reg):
        inst = reg.institutions.set_index("openalex_id", drop=False)
        for iid, name, display in reg.names().itertuples(index=False):
            k = len(node_name)
            node_name.append(name)
            node_country.append(inst.at[iid, "country"] if isinstance(inst.at[iid, "country"],
                                                                       str) else None)
            node_kind.append("registry")
            node_ref.append(iid)
            if display:
                reg_node_of[iid] = k
            extra_ids.append((k, "openalex", iid))
            for scheme in ("ror", "grid", "wikidata"):
                v = inst.at[iid, scheme]
                if isinstance(v, str) and v:
                    extra_ids.append((k, scheme, v))
    ov_node_of: dict[str, int] = {}
    if ov is not None:
        for cid in dict.fromkeys(ov["canonical_id"].tolist()):
            ov_node_of[cid] = len(node_name)
            node_name.append(None)
            node_country.append(None)
            node_kind.append("override")
            node_ref.append(cid)
    n = len(node_name)
    kind = np.asarray(node_kind, dtype=object)
    if extra_ids:
        id_rows = pd.concat([id_rows, pd.DataFrame(extra_ids, columns=["node", "scheme", "value"])],
                            ignore_index=True)

    # ---- rollup: child RORs become ror_child, so parent and child may merge -----------
    child_rors: set[str] = set()
    if rollup and reg is not None:
        inst = reg.institutions
        has_parent = inst["parents"].map(lambda p: any(x in reg_node_of for x in p))
        child_rors = {clean_identifier("ror", r) for r in inst.loc[has_parent, "ror"].dropna()}
        if child_rors:
            is_child = (id_rows["scheme"] == "ror") & id_rows["value"].map(
                lambda v: clean_identifier("ror", v) in child_rors)
            id_rows.loc[is_child, "scheme"] = "ror_child"
    strong = set(schemes) | ({"ror_child"} if child_rors else set())
    labels = exclusive_labels(id_rows, EXCLUSIVE_SCHEMES)
    for cid, k in ov_node_of.items():
        labels.setdefault(k, set()).add(f"override:{cid}")

    # ---- keys -----------------------------------------------------------------------------
    keys = normalize_names(node_name)
    # non-English university names also get their English word orders, as alias nodes
    alias_of: list[int] = []
    for k in range(n_raw):
        for variant in word_order_variants(node_name[k], keys[k]):
            alias_of.append(k)
            node_name.append(node_name[k])
            node_country.append(node_country[k])
            node_kind.append("alias")
            node_ref.append(node_ref[k])
            keys.append(variant)
    n = len(node_name)
    kind = np.asarray(node_kind, dtype=object)
    ckeys = [compact_key(k) for k in keys]

    edges_a: list[np.ndarray] = []
    edges_b: list[np.ndarray] = []
    edges_m: list[np.ndarray] = []
    edges_s: list[np.ndarray] = []
    edges_e: list[np.ndarray] = []
    edges_f: list[np.ndarray] = []

    def add(a, b, method, score, evidence, force=False):
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        edges_a.append(a)
        edges_b.append(b)
        edges_m.append(np.full(len(a), method, dtype=object))
        edges_s.append(np.broadcast_to(np.asarray(score, dtype=float), len(a)).copy())
        edges_e.append(np.asarray(evidence, dtype=object) if not isinstance(evidence, str)
                       else np.full(len(a), evidence, dtype=object))
        edges_f.append(np.full(len(a), force, dtype=bool))

    review_rows: list[dict] = []

    # 1. overrides
    if ov is not None:
        by_key: dict[str, list[int]] = {}
        for k in range(n_raw):
            by_key.setdefault(ckeys[k], []).append(k)
        by_id: dict[str, list[int]] = {}
        for node, scheme, value in id_rows.itertuples(index=False):
            if node < n_raw:
                by_id.setdefault(f"{scheme}:{clean_identifier(scheme, value)}", []).append(node)
        a, b, ev = [], [], []
        for row in ov.itertuples(index=False):
            m = str(row.match)
            hits: list[int] = []
            if m in pos.index:
                hits = [int(pos[m])]
            else:
                scheme, sep, value = m.partition(":")
                if sep and scheme in strong | {"name"}:
                    hits = by_id.get(f"{scheme}:{clean_identifier(scheme, value)}", [])
                if not hits:
                    key = compact_key(normalize_names([m])[0])
                    hits = by_key.get(key, []) if key else []
            for h in hits:
                a.append(ov_node_of[row.canonical_id])
                b.append(h)
                ev.append(f"override {m!r}")
        if a:
            add(a, b, "override", 100.0, ev, force=True)

    if alias_of:
        add(alias_of, np.arange(n - len(alias_of), n), "exact", 100.0, "word order", force=True)

    # 2. identifiers
    ie = identifier_edges(id_rows, strong)
    if len(ie):
        add(ie["a"].to_numpy(), ie["b"].to_numpy(), "identifier", 100.0,
            ie["evidence"].to_numpy(dtype=object))

    # 3. exact names within compatible countries and legal forms
    node_df = pd.DataFrame({"node": np.arange(n), "ckey": ckeys,
                            "country": pd.array([_SAME_COUNTRY.get(c, c) for c in node_country],
                                                dtype=object),
                            "legal": pd.array([legal_form(x) or None for x in node_name],
                                              dtype=object)})
    node_df = node_df[(node_df["ckey"] != "") & (kind != "override")]
    node_df["country"] = _adopt(node_df["ckey"], node_df["country"])
    node_df["legal"] = _adopt(node_df["ckey"] + "\x1f" + node_df["country"], node_df["legal"])
    node_df = node_df.assign(group=node_df["ckey"] + "\x1f" + node_df["country"] + "\x1f"
                             + node_df["legal"])
    # a name shared by institutions of several ROR ids is ambiguous: no exact merge
    ror_of = {k: next(iter(v)) for k, v in labels.items() if len(v) == 1}
    node_df["ror"] = node_df["node"].map(ror_of)
    n_ror = node_df.groupby("group")["ror"].nunique()
    ambiguous = n_ror[n_ror > 1].index
    amb = node_df[node_df["group"].isin(ambiguous)]
    for _, sub in amb.groupby("group"):
        firsts = sub.dropna(subset=["ror"]).drop_duplicates("ror")["node"].tolist()
        for x, y in itertools.pairwise(firsts):
            review_rows.append({"a": x, "b": y, "score": 100.0,
                                "reason": "same name, different ROR ids"})
    # inside an ambiguous name, nodes merge only with nodes of the same ROR id (or of none)
    amb_sub = node_df["group"].isin(ambiguous)
    node_df.loc[amb_sub, "group"] = (node_df.loc[amb_sub, "group"] + "\x1f"
                                     + node_df.loc[amb_sub, "ror"].fillna("none").astype(str))
    ok = node_df.sort_values(["group", "node"])
    g = ok["group"].to_numpy(dtype=object)
    nd = ok["node"].to_numpy()
    same = g[1:] == g[:-1] if len(g) > 1 else np.zeros(0, bool)
    if same.any():
        ex_a, ex_b = nd[:-1][same], nd[1:][same]
        add(ex_a, ex_b, "exact", 100.0, np.asarray(keys, dtype=object)[ex_b])

    # 4. fuzzy, between exact groups (one representative each)
    reps = ok.drop_duplicates("group")
    rep_nodes = reps["node"].to_numpy()
    rep_keys = [keys[k] for k in rep_nodes]
    rep_country = reps["country"].to_numpy(dtype=object)
    rep_legal = reps["legal"].to_numpy(dtype=object)
    i, j = candidate_pairs(rep_keys)
    floor = max(0.0, threshold - review_margin)
    weak = [acronym_words(node_name[k]) for k in rep_nodes]
    sc = score_pairs(rep_keys, i, j, floor=floor, weak=weak)
    if len(sc):
        ia, ib = sc["i"].to_numpy(), sc["j"].to_numpy()
        ca, cb = rep_country[ia], rep_country[ib]
        clash = (ca != "?") & (cb != "?") & (ca != cb)
        la, lb = rep_legal[ia], rep_legal[ib]
        lclash = (la != "?") & (lb != "?") & (la != lb)
        # the same name kept apart by the exact step (countries, legal forms, ROR ids)
        # stays apart
        same_key = np.asarray(rep_keys, dtype=object)[ia] == np.asarray(rep_keys, dtype=object)[ib]
        sc["reason"] = sc["reason"].where(~same_key, "same name, kept apart: ambiguous")
        sc["complete"] = sc["complete"] & ~same_key
        sc["reason"] = sc["reason"].where(~lclash, "legal forms differ")
        sc["reason"] = sc["reason"].where(~clash, "countries differ")
        sc["complete"] = sc["complete"] & ~clash & ~lclash
        sc["a"] = rep_nodes[sc["i"].to_numpy()]
        sc["b"] = rep_nodes[sc["j"].to_numpy()]
        merge = sc[sc["complete"] & (sc["score"] >= threshold)].sort_values(
            ["score", "a", "b"], ascending=[False, True, True])
        if len(merge):
            add(merge["a"].to_numpy(), merge["b"].to_numpy(), "fuzzy",
                merge["score"].to_numpy(), np.asarray(keys, dtype=object)[merge["a"].to_numpy()])
        near = sc[~(sc["complete"] & (sc["score"] >= threshold)) & (sc["score"] >= floor)]
        near = near.assign(reason=near["reason"].where(near["reason"] != "", "below threshold"))
        review_rows.extend(near[["a", "b", "score", "reason"]].to_dict("records"))

    # 5. rollup edges (forced): registry child → its parent institution
    rollup_children: list[int] = []
    if rollup and reg is not None:
        ra, rb, rev = [], [], []
        for iid, parents in zip(reg.institutions["openalex_id"], reg.institutions["parents"],
                                strict=True):
            for p in parents:
                if iid in reg_node_of and p in reg_node_of:
                    ra.append(reg_node_of[p])
                    rb.append(reg_node_of[iid])
                    rev.append(f"child of {p}")
                    break
        if ra:
            add(ra, rb, "registry", 100.0, rev, force=True)
            rollup_children = rb

    # ---- union–find, strongest evidence first ------------------------------------------------
    uf = UnionFind(n, labels)
    if edges_a:
        ea, eb = np.concatenate(edges_a), np.concatenate(edges_b)
        em, es = np.concatenate(edges_m), np.concatenate(edges_s)
        ee, ef = np.concatenate(edges_e), np.concatenate(edges_f)
    else:
        ea = eb = np.empty(0, np.int64)
        em = ee = np.empty(0, object)
        es = np.empty(0, float)
        ef = np.empty(0, bool)
    accepted = np.zeros(len(ea), dtype=bool)
    for k, (a, b, f) in enumerate(zip(ea.tolist(), eb.tolist(), ef.tolist(), strict=True)):
        if uf.union(a, b, force=f):
            accepted[k] = True
        elif uf.find(a) != uf.find(b) and em[k] in ("identifier", "exact", "fuzzy"):
            review_rows.append({"a": a, "b": b, "score": float(es[k]),
                                "reason": f"{em[k]} match refused: different ROR ids"})
    roots = uf.roots()

    # ---- clusters with at least one raw organisation ------------------------------------------
    raw_roots = roots[:n_raw]
    uniq, cluster_of_raw = np.unique(raw_roots, return_inverse=True)
    cluster_of_root = pd.Series(np.arange(len(uniq)), index=uniq)
    cl_all = cluster_of_root.reindex(roots).to_numpy()  # NaN for pseudo-only clusters
    n_cl = len(uniq)

    # the method by which each node joined: BFS over accepted edges from an anchor per cluster
    aa, bb = ea[accepted], eb[accepted]
    mm, ss, vv = em[accepted], es[accepted], ee[accepted]
    is_reg = kind == "registry"
    touches_reg = is_reg[aa] | is_reg[bb] if len(aa) else np.zeros(0, bool)
    mm = np.where(touches_reg & np.isin(mm, ["exact", "fuzzy"]), "registry", mm)

    activity = _activity(corpus)
    act = orgs["org_id"].map(activity).fillna(0).to_numpy()
    raw_name_s = pd.Series(raw_names, dtype=object)
    upper = raw_name_s.map(lambda s: isinstance(s, str) and s.isupper()).to_numpy()
    name_len = raw_name_s.map(lambda s: len(s) if isinstance(s, str) else 0).to_numpy()
    # anchor: a registry display-name node if any, else the most active raw node
    anchor = np.full(n_cl, -1, dtype=np.int64)
    order = np.lexsort((np.arange(n_raw), -name_len, -act, upper))
    for k in order[::-1]:
        anchor[cluster_of_raw[k]] = k
    rolled_children = set(rollup_children)
    reg_display = np.array(sorted(k for k in reg_node_of.values() if k not in rolled_children),
                           dtype=np.int64)
    for k in reg_display:
        c = cl_all[k]
        if c == c:  # not NaN
            anchor[int(c)] = k
    super_root = n
    g = sparse.coo_matrix(
        (np.ones(2 * len(aa) + n_cl),
         (np.concatenate([aa, bb, np.full(n_cl, super_root)]),
          np.concatenate([bb, aa, anchor]))), shape=(n + 1, n + 1)).tocsr()
    _, pred = csgraph.breadth_first_order(g, super_root, directed=False,
                                          return_predecessors=True)
    edge_lookup = {}
    for x, y, m_, s_, v_ in zip(aa.tolist(), bb.tolist(), mm.tolist(), ss.tolist(),
                                vv.tolist(), strict=True):
        edge_lookup[(x, y)] = edge_lookup[(y, x)] = (m_, s_, v_)
    method = np.full(n_raw, "none", dtype=object)
    score = np.full(n_raw, np.nan)
    evidence = np.full(n_raw, "", dtype=object)
    cl_size = np.bincount(cluster_of_raw, minlength=n_cl)
    pseudo_in = np.zeros(n_cl, dtype=bool)
    for k in np.flatnonzero((kind != "raw") & (kind != "alias")):
        c = cl_all[k]
        if c == c:
            pseudo_in[int(c)] = True
    for k in range(n_raw):
        p = pred[k]
        if p >= 0 and p != super_root:
            m_, s_, v_ = edge_lookup[(p, k)]
        else:  # the anchor: report the edge to its first child, if any
            child = next((c for c in g.indices[g.indptr[k]:g.indptr[k + 1]]
                          if c != super_root and pred[c] == k), None)
            if child is None:
                continue
            m_, s_, v_ = edge_lookup[(k, int(child))]
        method[k], score[k], evidence[k] = m_, s_, v_
    alone = (cl_size[cluster_of_raw] == 1) & ~pseudo_in[cluster_of_raw]
    method[alone], score[alone], evidence[alone] = "none", np.nan, ""  # only its own alias
    method = np.where(renamed & np.isin(method, ["exact", "fuzzy", "none"])
                      & (cl_size[cluster_of_raw] + pseudo_in[cluster_of_raw] > 1),
                      "override", method)
    evidence = np.where(renamed, [f"thesaurus → {x}" if r else e for x, r, e in
                                  zip(raw_names, renamed, evidence, strict=True)], evidence)

    # ---- the resolved organisations ------------------------------------------------------------
    # the resolved id: an override's canonical id, else the smallest raw id (a raw
    # organisation that nothing merged keeps its id)
    ov_of_cl: dict[int, str] = {}
    for cid, k in ov_node_of.items():
        c = cl_all[k]
        if c == c:
            ov_of_cl[int(c)] = cid
    raw_ids = orgs["org_id"].to_numpy(dtype=object)
    min_raw = pd.Series(raw_ids).groupby(cluster_of_raw).min()
    new_id = np.empty(n_cl, dtype=object)
    for c in range(n_cl):
        if c in ov_of_cl:
            new_id[c] = ov_of_cl[c]
        else:
            new_id[c] = min_raw[c]
    # keep ids unique if an override id collides with a ROR/raw id of another cluster
    new_id = pd.Series(new_id)
    dup = new_id.duplicated(keep=False)
    if dup.any():
        new_id[dup] = [f"{x}#{k}" for k, x in zip(new_id[dup].index, new_id[dup], strict=True)]
    new_id = new_id.to_numpy(dtype=object)

    raw = orgs.assign(_cl=cluster_of_raw, _act=act, _upper=upper, _len=name_len,
                      name=raw_names)
    # name: a mixed-case spelling (capitals only often means abbreviated), most active, longest
    best = raw.sort_values(["_cl", "_upper", "_act", "_len", "org_id"],
                           ascending=[True, True, False, False, True]).drop_duplicates("_cl")
    out = pd.DataFrame({"org_id": new_id, "name": best["name"].to_numpy(dtype=object)})
    # sector by the strongest evidence, then by activity
    rank = _sector_rank(raw["sector_source"].astype(object), raw["sector"])
    sec = raw.assign(_rank=rank, sector=raw["sector"].astype(object))
    sec_votes = sec.groupby(["_cl", "_rank", "sector", "sector_source"], dropna=False)["_act"].sum()
    sec_votes = sec_votes.reset_index().sort_values(
        ["_cl", "_rank", "_act", "sector"], ascending=[True, False, False, True])
    sec_best = sec_votes.drop_duplicates("_cl").set_index("_cl")
    out["sector"] = sec_best["sector"].reindex(range(n_cl)).to_numpy(dtype=object)
    out["sector_source"] = sec_best["sector_source"].reindex(range(n_cl)).to_numpy(dtype=object)
    for col in ("country", "region", "city", "lat", "lon", "founded_year"):
        vals = raw[["_cl", "_act", col]].dropna(subset=[col])
        if col == "founded_year":
            first = vals.groupby("_cl")[col].min()
        else:
            first = vals.sort_values(["_cl", "_act"], ascending=[True, False]).drop_duplicates(
                "_cl").set_index("_cl")[col]
        out[col] = first.reindex(range(n_cl)).to_numpy(dtype=object)
    # registry facts outrank the sources
    if reg is not None and reg_node_of:
        inst = reg.institutions.set_index("openalex_id")
        for iid, k in reg_node_of.items():
            c = cl_all[k]
            if c != c:
                continue
            c = int(c)
            # the registry speaks for the cluster of its own institution; a rolled-up child
            # gives way to its parent (whose node is the anchor)
            if anchor[c] != k:
                continue
            r = inst.loc[iid]
            out.at[c, "name"] = r["name"]
            if r["sector"] in SECTORS and r["sector"] != "unknown":
                out.at[c, "sector"] = r["sector"]
                out.at[c, "sector_source"] = f"registry:{r['sector_source'] or 'openalex'}"
            for col in ("country", "region", "city", "lat", "lon"):
                v = r[col]
                if not pd.isna(v):
                    out.at[c, col] = v
    # overrides outrank everything
    if ov is not None:
        for row in ov.itertuples(index=False):
            k = ov_node_of[row.canonical_id]
            c = cl_all[k]
            if c != c:
                continue
            c = int(c)
            if row.name:
                out.at[c, "name"] = row.name
            if row.sector:
                out.at[c, "sector"] = row.sector
                out.at[c, "sector_source"] = f"override:{row.canonical_id}"
            if not pd.isna(row.founded_year):
                out.at[c, "founded_year"] = int(row.founded_year)
            if row.region:
                out.at[c, "region"] = row.region
    out["founded_year"] = pd.array([None if pd.isna(v) else int(v)
                                    for v in out["founded_year"]], dtype="Int64")
    for col in ("lat", "lon"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    out = out[_ORG_COLUMNS].sort_values("org_id", kind="stable").reset_index(drop=True)

    # ---- org_ids, participations ---------------------------------------------------------------
    mapping = pd.Series(new_id[cluster_of_raw], index=pd.Index(raw_ids, name="raw_org_id"),
                        name="org_id")
    oid = corpus.org_ids.assign(org_id=corpus.org_ids["org_id"].map(mapping))
    oid = oid.dropna(subset=["org_id"])
    oid = oid.assign(scheme=oid["scheme"].astype(object), value=oid["value"].astype(object))
    if child_rors:
        is_child = (oid["scheme"] == "ror") & oid["value"].map(
            lambda v: clean_identifier("ror", v) in child_rors)
        oid.loc[is_child, "scheme"] = "ror_child"
    extra = [pd.DataFrame({"org_id": mapping.to_numpy(), "scheme": "source_org_id",
                           "value": raw_ids})]
    if extra_ids:
        ex = pd.DataFrame(extra_ids, columns=["node", "scheme", "value"])
        ex = ex.assign(cl=cl_all[ex["node"].to_numpy()]).dropna(subset=["cl"])
        if child_rors:
            ex.loc[(ex["scheme"] == "ror") & ex["value"].map(
                lambda v: clean_identifier("ror", v) in child_rors), "scheme"] = "ror_child"
        extra.append(pd.DataFrame({"org_id": new_id[ex["cl"].astype(int).to_numpy()],
                                   "scheme": ex["scheme"].to_numpy(dtype=object),
                                   "value": ex["value"].to_numpy(dtype=object)}))
    oid = pd.concat([oid, *extra], ignore_index=True)
    oid = oid.assign(value=[clean_identifier(s, v) if s in ("ror", "ror_child") else v
                            for s, v in zip(oid["scheme"], oid["value"], strict=True)])
    oid = oid.drop_duplicates().sort_values(["org_id", "scheme", "value"]).reset_index(drop=True)

    part = corpus.participations
    part = part.assign(org_id=part["org_id"].map(mapping).where(part["org_id"].notna(), None))
    before = len(part)
    part = part.drop_duplicates(["event_id", "org_id", "person_id", "role"]).reset_index(drop=True)
    if before != len(part):
        log.info("resolve: %d participations became duplicates and were merged",
                 before - len(part))

    resolved = Corpus(organizations=out, org_ids=oid, people=corpus.people,
                      events=corpus.events, participations=part,
                      quarantine=corpus.quarantine, accounting=corpus.accounting)
    resolved.duplicates = dict(corpus.duplicates)

    # ---- audit and review --------------------------------------------------------------------
    name_by_id = out.set_index("org_id")["name"]
    sources = _org_sources(corpus)
    audit = pd.DataFrame({
        "raw_org_id": raw_ids,
        "raw_name": orgs["name"].astype(object).to_numpy(),
        "source": sources.reindex(raw_ids).to_numpy(dtype=object),
        "org_id": mapping.to_numpy(),
        "name": name_by_id.reindex(mapping.to_numpy()).to_numpy(dtype=object),
        "method": method,
        "score": score,
        "evidence": evidence,
    })
    review = _review_table(review_rows, node_name, node_ref, kind, cl_all, new_id)
    log.info("resolve: %d raw organisations → %d (%d pairs to review)", n_raw, n_cl, len(review))
    return Resolution(corpus=resolved, audit=audit, review=review, mapping=mapping,
                      parameters={"threshold": threshold, "review_margin": review_margin,
                                  "rollup": rollup, "registry": reg is not None,
                                  "overrides": ov is not None, "thesaurus": bool(th)})


def _review_table(rows, node_name, node_ref, kind, cl_all, new_id) -> pd.DataFrame:
    cols = ["name_a", "name_b", "raw_org_id_a", "raw_org_id_b", "org_id_a", "org_id_b",
            "score", "reason"]
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype=float if c == "score" else object)
                             for c in cols})
    df = pd.DataFrame(rows)
    a, b = df["a"].to_numpy(dtype=np.int64), df["b"].to_numpy(dtype=np.int64)
    ca, cb = cl_all[a], cl_all[b]
    keep = ~((ca == cb) & ~np.isnan(ca))  # merged after all (through other evidence)
    a, b, df = a[keep], b[keep], df[keep]

    def ref(k):
        return [f"registry:{node_ref[x]}" if kind[x] == "registry" else
                (f"override:{node_ref[x]}" if kind[x] == "override" else node_ref[x]) for x in k]

    def res(k):
        c = cl_all[k]
        return [new_id[int(x)] if x == x else None for x in c]

    out = pd.DataFrame({
        "name_a": pd.Series([node_name[x] for x in a], dtype=object),
        "name_b": pd.Series([node_name[x] for x in b], dtype=object),
        "raw_org_id_a": pd.Series(ref(a), dtype=object),
        "raw_org_id_b": pd.Series(ref(b), dtype=object),
        "org_id_a": pd.Series(res(a), dtype=object), "org_id_b": pd.Series(res(b), dtype=object),
        "score": df["score"].astype(float).round(2).to_numpy(),
        "reason": pd.Series(df["reason"].astype(object).to_numpy(), dtype=object),
    })
    # rows between two registry entries only, or the same pair twice, are noise
    both_reg = out["raw_org_id_a"].str.startswith("registry:") & out["raw_org_id_b"].str.startswith(
        "registry:")
    out = out[~both_reg].drop_duplicates(["raw_org_id_a", "raw_org_id_b"])
    return out.sort_values(["score", "name_a", "name_b"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)

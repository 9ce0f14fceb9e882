"""From clusters of nodes to resolved organisations, their identifiers and their story.

* :func:`trace` — for every raw organisation, the method, score and evidence of the
  merge that attached it to its cluster (a breadth-first tree from the cluster's
  anchor over the merges accepted, one scipy call for all clusters);
* :func:`organizations` — one row per cluster: name, sector by the strongest
  evidence, place and founding year; registry facts and user overrides on top;
* :func:`org_ids` — every identifier of every member, re-pointed;
* :func:`review_table` — the pairs kept apart, named and re-pointed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from netkit.lexicon.sector_evidence import sector_evidence_rank
from netkit.model.schema import SECTORS
from netkit.resolve.identifiers import clean_identifier
from netkit.resolve.nodes import Nodes
from netkit.resolve.registry import Registry

__all__ = ["ORG_COLUMNS", "Clusters", "org_ids", "organizations", "review_table", "trace"]

ORG_COLUMNS = ["org_id", "name", "sector", "sector_source", "country", "region", "city",
               "lat", "lon", "founded_year"]


@dataclass
class Clusters:
    """Clusters that hold at least one raw organisation.

    ``of_raw[k]`` is the cluster of raw node ``k``; ``of_node`` the cluster of every
    node (NaN for clusters of registry or override nodes alone); ``anchor[c]`` the node
    that speaks for cluster ``c`` (its registry display name, else its most used raw
    spelling); ``ids[c]`` the resolved org_id.
    """

    of_raw: np.ndarray
    of_node: np.ndarray
    anchor: np.ndarray
    ids: np.ndarray

    def __len__(self) -> int:
        return len(self.anchor)


def _spelling_order(names: list) -> tuple[np.ndarray, np.ndarray]:
    """Whether each name is in capitals only, and its length."""
    s = pd.Series(names, dtype=object)
    upper = s.map(lambda x: isinstance(x, str) and x.isupper()).to_numpy()
    length = s.map(lambda x: len(x) if isinstance(x, str) else 0).to_numpy()
    return upper, length


def clusters(nodes: Nodes, roots: np.ndarray, raw_ids: np.ndarray, activity: np.ndarray,
             rolled_children) -> Clusters:
    """Number the clusters of raw organisations, choose anchors and resolved ids."""
    n_raw = nodes.n_raw
    uniq, of_raw = np.unique(roots[:n_raw], return_inverse=True)
    of_node = pd.Series(np.arange(len(uniq)), index=uniq).reindex(roots).to_numpy()
    n_cl = len(uniq)
    upper, length = _spelling_order(nodes.raw_names)
    anchor = np.full(n_cl, -1, dtype=np.int64)
    order = np.lexsort((np.arange(n_raw), -length, -activity, upper))
    for k in order[::-1]:
        anchor[of_raw[k]] = k
    rolled = set(rolled_children)
    for k in sorted(k for k in nodes.registry_node.values() if k not in rolled):
        c = of_node[k]
        if c == c:  # not NaN
            anchor[int(c)] = k
    # the resolved id: an override's canonical id, else the smallest raw id (a raw
    # organisation that nothing merged keeps its id)
    ids = pd.Series(raw_ids).groupby(of_raw).min().to_numpy(dtype=object)
    for cid, k in nodes.override_node.items():
        c = of_node[k]
        if c == c:
            ids[int(c)] = cid
    s = pd.Series(ids)
    dup = s.duplicated(keep=False)
    if dup.any():  # an override id that is also another cluster's raw id
        s[dup] = [f"{x}#{k}" for k, x in zip(s[dup].index, s[dup], strict=True)]
    return Clusters(of_raw=of_raw, of_node=of_node, anchor=anchor, ids=s.to_numpy(dtype=object))


def trace(nodes: Nodes, cl: Clusters, accepted: tuple[np.ndarray, ...]
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(method, score, evidence)`` of every raw organisation."""
    aa, bb, mm, ss, vv = accepted
    n, n_raw, n_cl = len(nodes), nodes.n_raw, len(cl)
    kinds = nodes.kinds
    is_reg = kinds == "registry"
    touches_reg = is_reg[aa] | is_reg[bb] if len(aa) else np.zeros(0, bool)
    mm = np.where(touches_reg & np.isin(mm, ["exact", "fuzzy", "acronym"]), "registry", mm)
    root = n  # a super-root joined to every anchor: one BFS for all clusters
    g = sparse.coo_matrix(
        (np.ones(2 * len(aa) + n_cl),
         (np.concatenate([aa, bb, np.full(n_cl, root)]),
          np.concatenate([bb, aa, cl.anchor]))), shape=(n + 1, n + 1)).tocsr()
    _, pred = csgraph.breadth_first_order(g, root, directed=False, return_predecessors=True)
    lookup = {}
    for x, y, m_, s_, v_ in zip(aa.tolist(), bb.tolist(), mm.tolist(), ss.tolist(),
                                vv.tolist(), strict=True):
        lookup[(x, y)] = lookup[(y, x)] = (m_, s_, v_)
    method = np.full(n_raw, "none", dtype=object)
    score = np.full(n_raw, np.nan)
    evidence = np.full(n_raw, "", dtype=object)
    for k in range(n_raw):
        p = pred[k]
        if p >= 0 and p != root:
            m_, s_, v_ = lookup[(p, k)]
        else:  # the anchor: report the merge to its first child, if any
            child = next((c for c in g.indices[g.indptr[k]:g.indptr[k + 1]]
                          if c != root and pred[c] == k), None)
            if child is None:
                continue
            m_, s_, v_ = lookup[(k, int(child))]
        method[k], score[k], evidence[k] = m_, s_, v_
    size = np.bincount(cl.of_raw, minlength=n_cl)
    pseudo = np.zeros(n_cl, dtype=bool)  # a registry or override node in the cluster
    for k in np.flatnonzero((kinds != "raw") & (kinds != "alias")):
        c = cl.of_node[k]
        if c == c:
            pseudo[int(c)] = True
    alone = (size[cl.of_raw] == 1) & ~pseudo[cl.of_raw]
    method[alone], score[alone], evidence[alone] = "none", np.nan, ""  # only its own alias
    renamed = nodes.renamed
    method = np.where(renamed & np.isin(method, ["exact", "fuzzy", "acronym", "none"])
                      & (size[cl.of_raw] + pseudo[cl.of_raw] > 1), "override", method)
    evidence = np.where(renamed, [f"thesaurus → {x}" if r else e for x, r, e in
                                  zip(nodes.raw_names, renamed, evidence, strict=True)], evidence)
    return method, score, evidence


def organizations(orgs: pd.DataFrame, nodes: Nodes, cl: Clusters, activity: np.ndarray,
                  registry: Registry | None, overrides: pd.DataFrame | None) -> pd.DataFrame:
    """One canonical ``organizations`` row per cluster."""
    n_cl = len(cl)
    upper, length = _spelling_order(nodes.raw_names)
    raw = orgs.assign(_cl=cl.of_raw, _act=activity, _upper=upper, _len=length,
                      name=nodes.raw_names)
    # name: a mixed-case spelling (capitals only often means abbreviated), most used, longest
    best = raw.sort_values(["_cl", "_upper", "_act", "_len", "org_id"],
                           ascending=[True, True, False, False, True]).drop_duplicates("_cl")
    out = pd.DataFrame({"org_id": cl.ids, "name": best["name"].to_numpy(dtype=object)})
    # sector by the strongest evidence, then by activity
    sec = raw.assign(_rank=sector_evidence_rank(raw["sector_source"].astype(object), raw["sector"]),
                     sector=raw["sector"].astype(object))
    votes = sec.groupby(["_cl", "_rank", "sector", "sector_source"], dropna=False)["_act"].sum()
    votes = votes.reset_index().sort_values(["_cl", "_rank", "_act", "sector"],
                                            ascending=[True, False, False, True])
    top = votes.drop_duplicates("_cl").set_index("_cl")
    out["sector"] = top["sector"].reindex(range(n_cl)).to_numpy(dtype=object)
    out["sector_source"] = top["sector_source"].reindex(range(n_cl)).to_numpy(dtype=object)
    for col in ("country", "region", "city", "lat", "lon", "founded_year"):
        vals = raw[["_cl", "_act", col]].dropna(subset=[col])
        if col == "founded_year":
            first = vals.groupby("_cl")[col].min()
        else:
            first = vals.sort_values(["_cl", "_act"], ascending=[True, False]).drop_duplicates(
                "_cl").set_index("_cl")[col]
        out[col] = first.reindex(range(n_cl)).to_numpy(dtype=object)
    if registry is not None and nodes.registry_node:
        inst = registry.institutions.set_index("openalex_id")
        for iid, k in nodes.registry_node.items():
            c = cl.of_node[k]
            # the registry speaks for the cluster of its own institution; a rolled-up
            # child gives way to its parent (whose node is the anchor)
            if c != c or cl.anchor[int(c)] != k:
                continue
            c = int(c)
            r = inst.loc[iid]
            out.at[c, "name"] = r["name"]
            if r["sector"] in SECTORS and r["sector"] != "unknown":
                out.at[c, "sector"] = r["sector"]
                out.at[c, "sector_source"] = f"registry:{r['sector_source'] or 'openalex'}"
            for col in ("country", "region", "city", "lat", "lon"):
                if not pd.isna(r[col]):
                    out.at[c, col] = r[col]
    if overrides is not None:  # overrides outrank everything
        for row in overrides.itertuples(index=False):
            c = cl.of_node[nodes.override_node[row.canonical_id]]
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
    out["founded_year"] = pd.array([None if pd.isna(v) else int(v) for v in out["founded_year"]],
                                   dtype="Int64")
    for col in ("lat", "lon"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    return out[ORG_COLUMNS].sort_values("org_id", kind="stable").reset_index(drop=True)


def org_ids(corpus_ids: pd.DataFrame, nodes: Nodes, cl: Clusters, mapping: pd.Series,
            raw_ids: np.ndarray) -> pd.DataFrame:
    """Every identifier of every member, on its resolved organisation (plus ``source_org_id``)."""
    child = nodes.child_rors

    def demote(df: pd.DataFrame) -> pd.DataFrame:
        if child:
            hit = (df["scheme"] == "ror") & df["value"].map(
                lambda v: clean_identifier("ror", v) in child)
            df.loc[hit, "scheme"] = "ror_child"
        return df

    oid = corpus_ids.assign(org_id=corpus_ids["org_id"].map(mapping)).dropna(subset=["org_id"])
    oid = demote(oid.assign(scheme=oid["scheme"].astype(object),
                            value=oid["value"].astype(object)))
    parts = [oid, pd.DataFrame({"org_id": mapping.to_numpy(), "scheme": "source_org_id",
                                "value": raw_ids})]
    if nodes.extra_ids:
        ex = pd.DataFrame(nodes.extra_ids, columns=["node", "scheme", "value"])
        ex = demote(ex.assign(cl=cl.of_node[ex["node"].to_numpy()]).dropna(subset=["cl"]))
        parts.append(pd.DataFrame({"org_id": cl.ids[ex["cl"].astype(int).to_numpy()],
                                   "scheme": ex["scheme"].to_numpy(dtype=object),
                                   "value": ex["value"].to_numpy(dtype=object)}))
    out = pd.concat(parts, ignore_index=True)
    out = out.assign(value=[clean_identifier(s, v) if s in ("ror", "ror_child") else v
                            for s, v in zip(out["scheme"], out["value"], strict=True)])
    return out.drop_duplicates().sort_values(["org_id", "scheme", "value"]).reset_index(drop=True)


def review_table(rows: list[dict], nodes: Nodes, cl: Clusters) -> pd.DataFrame:
    """The pairs kept apart (not merged through other evidence either), best score first."""
    cols = ["name_a", "name_b", "raw_org_id_a", "raw_org_id_b", "org_id_a", "org_id_b",
            "score", "reason"]
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype=float if c == "score" else object)
                             for c in cols})
    df = pd.DataFrame(rows)
    a, b = df["a"].to_numpy(dtype=np.int64), df["b"].to_numpy(dtype=np.int64)
    ca, cb = cl.of_node[a], cl.of_node[b]
    keep = ~((ca == cb) & ~np.isnan(ca))
    a, b, df = a[keep], b[keep], df[keep]
    kinds = nodes.kinds

    def ref(k):
        return [f"registry:{nodes.ref[x]}" if kinds[x] == "registry" else
                (f"override:{nodes.ref[x]}" if kinds[x] == "override" else nodes.ref[x])
                for x in k]

    def resolved(k):
        return [cl.ids[int(x)] if x == x else None for x in cl.of_node[k]]

    out = pd.DataFrame({
        "name_a": pd.Series([nodes.name[x] for x in a], dtype=object),
        "name_b": pd.Series([nodes.name[x] for x in b], dtype=object),
        "raw_org_id_a": pd.Series(ref(a), dtype=object),
        "raw_org_id_b": pd.Series(ref(b), dtype=object),
        "org_id_a": pd.Series(resolved(a), dtype=object),
        "org_id_b": pd.Series(resolved(b), dtype=object),
        "score": df["score"].astype(float).round(2).to_numpy(),
        "reason": pd.Series(df["reason"].astype(object).to_numpy(), dtype=object),
    })
    # rows between two registry entries only, or the same pair twice, are noise
    both_reg = (out["raw_org_id_a"].str.startswith("registry:")
                & out["raw_org_id_b"].str.startswith("registry:"))
    out = out[~both_reg].drop_duplicates(["raw_org_id_a", "raw_org_id_b"])
    return out.sort_values(["score", "name_a", "name_b"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)

"""Helpers shared by the resolution tests (not a test module)."""

from __future__ import annotations

import numpy as np
import pandas as pd

import netkit as nk

# which source carries which identifier scheme in the synthetic ecosystem
ID_SOURCES = {"openalex": ("openalex", "ror"), "cordis": ("pic",), "patentsview": ("assignee",)}


def raw_corpus(corpus, truth, *, ids: bool = True):
    """A raw corpus: every (organisation, source) spelling of ``truth.aliases`` is its own row.

    Returns the corpus and a Series raw org_id → true org_id.
    """
    al = truth.aliases.copy()
    al["raw_id"] = "org:" + al["source"] + ":" + al["org_id"].str.slice(8)
    ev = corpus.events[["event_id", "source"]]
    part = corpus.participations.merge(ev, on="event_id", how="left")
    key = al.set_index(["org_id", "source"])["raw_id"]
    has = part["org_id"].notna()
    idx = pd.MultiIndex.from_arrays([part.loc[has, "org_id"], part.loc[has, "source"]])
    part.loc[has, "org_id"] = key.reindex(idx).to_numpy()
    used = al[al["raw_id"].isin(part["org_id"])]
    orgs = corpus.organizations.set_index("org_id").loc[used["org_id"]].reset_index()
    orgs["org_id"] = used["raw_id"].to_numpy()
    orgs["name"] = used["name"].to_numpy()
    rows = []
    if ids:
        tid = truth.org_ids
        for src, schemes in ID_SOURCES.items():
            u = used[used["source"] == src]
            t = tid[tid["scheme"].isin(schemes)].merge(u[["org_id", "raw_id"]], on="org_id")
            rows.append(pd.DataFrame({"org_id": t["raw_id"], "scheme": t["scheme"],
                                      "value": t["value"]}))
    raw = nk.Corpus(organizations=orgs, org_ids=pd.concat(rows) if rows else None,
                    people=corpus.people, events=corpus.events,
                    participations=part.drop(columns="source"))
    return raw, pd.Series(used["org_id"].to_numpy(), index=used["raw_id"].to_numpy())


def pair_precision_recall(predicted: pd.Series, true: pd.Series) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against true identities."""
    df = pd.DataFrame({"pred": predicted.reindex(true.index).to_numpy(), "true": true.to_numpy()})

    def pairs(cols) -> int:
        s = df.groupby(cols).size().to_numpy(dtype=np.int64)
        return int((s * (s - 1) // 2).sum())

    tp, pp, tt = pairs(["pred", "true"]), pairs("pred"), pairs("true")
    return (tp / pp if pp else 1.0), (tp / tt if tt else 1.0)


def corpus_of_names(names, countries=None, ids=None) -> nk.Corpus:
    """A corpus with one organisation per name (``o:0`` …) and one event they share."""
    n = len(names)
    oid = [f"o:{k}" for k in range(n)]
    orgs = {"org_id": oid, "name": list(names), "sector": ["unknown"] * n}
    if countries is not None:
        orgs["country"] = list(countries)
    id_rows = None
    if ids:
        id_rows = pd.DataFrame([(f"o:{k}", s, v) for k, s, v in ids],
                               columns=["org_id", "scheme", "value"])
    return nk.Corpus(organizations=orgs, org_ids=id_rows,
                     events={"event_id": ["pub:t:1"], "kind": ["publication"], "source": ["t"]},
                     participations={"event_id": ["pub:t:1"] * n, "org_id": oid,
                                     "role": ["author"] * n})

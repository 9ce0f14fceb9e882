"""Helpers of the people-resolution tests (not a test module): the synthetic round trip
and the true person of every mention read back from the source files."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

import netkit as nk
from netkit.datasets.samples import write_samples
from netkit.metrics.mobility import mobility_flows, mobility_moves
from netkit.model.corpus import concat
from netkit.resolve.people_names import parse_names

# read-back event id → synthetic event number
_EVENT_OFFSETS = (
    (re.compile(r"^pub:openalex:W(\d+)$"), 1_000_000_000),
    (re.compile(r"^pub:scopus:2-s2\.0-(\d+)$"), 85_000_000_000),
    (re.compile(r"^pub:wos:(\d+)$"), 0),
    (re.compile(r"^pat:uspto:(\d+)$"), 9_000_000),
    (re.compile(r"^pat:patentsview:(\d+)$"), 9_000_000),
)


def syn_event(event_id: str) -> int:
    for rx, offset in _EVENT_OFFSETS:
        hit = rx.match(event_id)
        if hit:
            return int(hit.group(1)) - offset
    return -1


def roundtrip(seed: int, size: str, directory: Path):
    """Write every source format, read back, resolve organisations (with the company
    register). Returns (true corpus, truth, org-resolved corpus)."""
    corpus, truth = nk.datasets.synthetic_ecosystem(seed=seed, size=size)
    written = write_samples(directory, ecosystem=(corpus, truth))
    parts = [nk.ingest.read(directory / k) for k in sorted(written)
             if k not in ("truth", "registry") and written[k]]
    back = concat(parts)
    res = nk.resolve(back, overrides=directory / "registry" / "companies.csv")
    return corpus, truth, res.corpus


def mention_truth(true_corpus, back) -> pd.Series:
    """True person id of each (event_id, raw person_id) mention of ``back`` (read from the
    files): by the number in OpenAlex/Scopus/PatentsView ids, else by name block within
    the event (unique matches only). Unmatched mentions are left out."""
    part = back.participations.dropna(subset=["person_id"])
    m = pd.DataFrame({"event_id": part["event_id"].astype(str).to_numpy(),
                      "raw": part["person_id"].astype(str).to_numpy()}).drop_duplicates()
    m["n"] = m["event_id"].map(syn_event)
    people = back.people.set_index("person_id")["name"]
    m["name"] = m["raw"].map(people).astype(object)
    num = pd.Series(np.nan, index=m.index)
    for rx, offset in ((r"^per:openalex:A(\d+)$", 5_000_000_000),
                       (r"^per:scopus:(\d{11})$", 57_000_000_000),
                       (r"^per:patentsview:fl:syn:(\d+)$", 0)):
        got = m["raw"].str.extract(rx, expand=False).astype("float64") - offset
        num = num.fillna(got)
    width = len(true_corpus.people["person_id"].iloc[0].rsplit(":", 1)[1])
    by_id = num.dropna().astype(np.int64).map(lambda k: f"per:syn:{k:0{width}d}")
    # by name within the event
    tp = true_corpus.participations.dropna(subset=["person_id"])
    tp = pd.DataFrame({"n": tp["event_id"].str.rsplit(":", n=1).str[1].astype(np.int64),
                       "person": tp["person_id"].astype(str)}).drop_duplicates()
    tp["name"] = tp["person"].map(true_corpus.people.set_index("person_id")["name"])
    tp["block"] = parse_names(tp["name"])["block"].to_numpy()
    tp = tp.drop_duplicates(["n", "block"], keep=False)
    m["block"] = parse_names(m["name"])["block"].to_numpy()
    by_name = m.merge(tp, on=["n", "block"], how="left")["person"]
    by_name.index = m.index
    out = by_id.reindex(m.index).fillna(by_name)
    out.index = pd.MultiIndex.from_frame(m[["event_id", "raw"]])
    return out.dropna()


def with_true_people(back, truth_of_mention: pd.Series):
    """``back`` with every participation's person replaced by its true person (mentions
    without a truth keep their raw id)."""
    part = back.participations
    idx = pd.MultiIndex.from_arrays([part["event_id"].astype(str),
                                     part["person_id"].astype(object).fillna("")])
    true = truth_of_mention.reindex(idx).to_numpy()
    pid = np.where(pd.notna(true), true, part["person_id"].astype(object))
    part = part.assign(person_id=pid)
    ids = pd.unique(part["person_id"].dropna())
    people = pd.DataFrame({"person_id": ids})
    return nk.Corpus(organizations=back.organizations, org_ids=back.org_ids, people=people,
                     events=back.events, participations=part)


def sector_tv(a: pd.DataFrame, b: pd.DataFrame) -> float:
    """Total-variation distance between the sector → sector move shares of two move tables."""
    fa = mobility_flows(a, "sector").set_index(["from", "to"])["share"]
    fb = mobility_flows(b, "sector").set_index(["from", "to"])["share"]
    both = pd.concat([fa, fb], axis=1).fillna(0.0)
    return float(0.5 * (both.iloc[:, 0] - both.iloc[:, 1]).abs().sum())


def measure(true_corpus, back, resolved) -> dict:
    """People, moves and sector TV of a person resolution against the truth."""
    truth = mention_truth(true_corpus, back)
    truly = with_true_people(back, truth)
    true_moves = mobility_moves(truly)
    got_moves = mobility_moves(resolved)
    return {"people_true": int(truth.nunique()), "people": resolved.n_people,
            "people_raw": back.n_people, "moves_true": len(true_moves),
            "moves": len(got_moves), "tv": sector_tv(true_moves, got_moves),
            "mapped": len(truth)}


# -- gold standards for the real OpenAlex samples (ids hidden from the linker) ----------------

GOLDS = ("openalex", "orcid", "versions", "name_context")
"""Evidence of the gold standards, each adding to the ones before it (see :func:`gold`)."""


def _full_name(names: pd.Series) -> pd.Series:
    """``surname|first name`` of names whose first name is written out, else missing."""
    p = parse_names(names)
    key = p["surname_key"] + "|" + p["first"]
    return key.where((p["first"] != "") & (p["block"] != ""))


def gold(raw, mentions: pd.DataFrame, upto: str, max_team: int = 50) -> np.ndarray:
    """True person of each mention of an OpenAlex corpus, by evidence up to ``upto``.

    Two mentions are one person if they share (each line adds to the ones above):

    * ``openalex`` — the OpenAlex author id;
    * ``orcid`` — an ORCID;
    * ``versions`` — the same name block on works with the same title (OpenAlex keeps
      versions of one work — Zenodo releases of a handbook, a book and its reprint —
      as separate works, with a new author id for each author of each version);
    * ``name_context`` — the same surname and written-out first name (a middle
      initial may be missing on one side: *Sergei O. Kuznetsov*, *Sergei Kuznetsov*)
      and either an OpenAlex institution id or a co-author's surname and first name in
      common (works of at most ``max_team`` authors).

    The linker sees none of these ids or titles; ``name_context`` uses names as the
    linker does, but stricter (whole first names, OpenAlex's own institution ids,
    co-authors' whole names instead of name blocks and initials).
    """
    level = GOLDS.index(upto)
    m = mentions.reset_index(drop=True)
    n = len(m)
    idx = np.arange(n)
    keys = [pd.DataFrame({"m": idx, "k": "id:" + m["raw_person_id"].astype(str)})]
    people = raw.people.set_index("person_id")
    if level >= 1:
        orcid = m["raw_person_id"].map(people["orcid"])
        keys.append(pd.DataFrame({"m": idx, "k": "orcid:" + orcid.astype(object)}))
    if level >= 2:
        title = m["event_id"].map(raw.events.set_index("event_id")["title"]).astype(object)
        title = title.str.casefold().str.replace(r"\W+", " ", regex=True).str.strip()
        keys.append(pd.DataFrame({"m": idx, "k": "v:" + title + "|" + m["block"]}))
    if level >= 3:
        full = _full_name(m["raw_person_id"].map(people["name"]).astype(object))
        part = raw.participations.dropna(subset=["person_id"])
        inst = part[part["org_id"].astype(str).str.match(r"^org:openalex:I\d+$")]
        inst = pd.DataFrame({"event_id": inst["event_id"].astype(str),
                             "raw_person_id": inst["person_id"].astype(str),
                             "inst": inst["org_id"].astype(str)}).drop_duplicates()
        at = m[["event_id", "raw_person_id"]].assign(m=idx, full=full.to_numpy())
        by_inst = at.merge(inst, on=["event_id", "raw_person_id"])
        keys.append(pd.DataFrame({"m": by_inst["m"], "k": "i:" + by_inst["full"] + "|"
                                  + by_inst["inst"]}))
        team = at.groupby("event_id")["m"].transform("size")
        small = at[(team <= max_team).to_numpy()]
        co = small.merge(small[["event_id", "m", "full"]], on="event_id", suffixes=("", "_co"))
        co = co[co["m"] != co["m_co"]].dropna(subset=["full_co"])
        keys.append(pd.DataFrame({"m": co["m"], "k": "c:" + co["full"] + "|" + co["full_co"]}))
    from netkit.resolve.people_eval import shared_key_clusters
    k = pd.concat(keys, ignore_index=True)
    return shared_key_clusters(n, k["m"].to_numpy(), k["k"].to_numpy())

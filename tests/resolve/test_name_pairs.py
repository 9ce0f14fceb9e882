"""The labelled set of real name pairs (tests/data/resolve/name_pairs.csv).

Resolution is run once on every distinct name of the set (so that blocking,
transitivity and countries act as they do on a real corpus), then each pair is
checked. Precision must stay at or above 0.98 and the recall of spelling
*variants* (abbreviations, case, accents, punctuation, legal forms, department
strings, acronyms written beside a name, typing errors) at or above 0.95.
Translations, bare acronyms and renamed organisations need knowledge that string
matching lacks; the rules of :mod:`netkit.resolve.variants` and
:mod:`netkit.resolve.acronyms` recover part of them, the rest is for overrides,
thesauri and registries. Their recall is pinned at the measured values so that it
cannot silently drop.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk

PAIRS = Path(__file__).resolve().parents[1] / "data" / "resolve" / "name_pairs.csv"
# "all" was 0.81 (measured 0.816) and "translation" 0.80 (0.800): since country names in
# the authors' own language are read ("Universität Graz, Deutschland" is in DE), two
# translation pairs whose source string names the wrong country ("Universität Basel,
# Deutschland") no longer merge with the university in its true country (0.809, 0.769).
RECALL_FLOOR = {"all": 0.80, "variant": 0.95, "translation": 0.76, "acronym": 0.66}


@pytest.fixture(scope="module")
def pairs() -> pd.DataFrame:
    return pd.read_csv(PAIRS, keep_default_na=False, dtype=str)


def evaluate(pairs: pd.DataFrame, **kwargs) -> tuple[float, float, pd.DataFrame]:
    a = pairs[["name_a", "source_a", "country_a"]].set_axis(["name", "source", "country"], axis=1)
    b = pairs[["name_b", "source_b", "country_b"]].set_axis(["name", "source", "country"], axis=1)
    names = pd.concat([a, b]).drop_duplicates(["name", "source"]).reset_index(drop=True)
    names["org_id"] = [f"org:{s}:{k}" for k, s in enumerate(names["source"])]
    corpus = nk.Corpus(organizations={
        "org_id": names["org_id"], "name": names["name"], "sector": ["unknown"] * len(names),
        "country": names["country"].replace("", None)})
    res = nk.resolve.resolve(corpus, **kwargs)
    key = names.set_index(["name", "source"])["org_id"]
    ia = key.reindex(pd.MultiIndex.from_frame(pairs[["name_a", "source_a"]])).to_numpy()
    ib = key.reindex(pd.MultiIndex.from_frame(pairs[["name_b", "source_b"]])).to_numpy()
    merged = res.mapping.reindex(ia).to_numpy() == res.mapping.reindex(ib).to_numpy()
    same = pairs["same"].to_numpy() == "1"
    tp, fp, fn = (merged & same).sum(), (merged & ~same).sum(), (~merged & same).sum()
    return tp / (tp + fp), tp / (tp + fn), pairs.assign(merged=merged)


def test_the_set_is_as_described(pairs):
    assert len(pairs) >= 300
    assert list(pairs.columns) == ["name_a", "source_a", "country_a", "name_b", "source_b",
                                   "country_b", "same", "kind", "note"]
    assert set(pairs["same"]) == {"0", "1"}
    assert set(pairs.loc[pairs["same"] == "1", "kind"]) == {"variant", "translation", "acronym",
                                                            "other"}
    assert (pairs.loc[pairs["same"] == "0", "kind"] == "").all()
    assert (pairs["same"] == "0").sum() >= 100  # hard negatives
    sources = set(pairs["source_a"]) | set(pairs["source_b"])
    assert {"wos-c1", "wos-c3", "scopus", "openalex", "openalex-raw", "norway", "uspto"} <= sources
    assert not pairs.duplicated(["name_a", "source_a", "name_b", "source_b"]).any()


@pytest.fixture(scope="module")
def evaluated(pairs):
    return evaluate(pairs)


def test_precision_and_recall_on_real_pairs(evaluated):
    precision, recall, got = evaluated
    assert precision >= 0.98, precision
    assert recall >= RECALL_FLOOR["all"], recall
    for kind in ("variant", "translation", "acronym"):
        sub = got[got["kind"] == kind]
        assert sub["merged"].mean() >= RECALL_FLOOR[kind], (kind, sub["merged"].mean())


def test_hard_negatives_stay_apart(evaluated):
    _, _, got = evaluated
    hard = got[(got["same"] == "0")]
    wrong = hard[hard["merged"]]
    assert wrong.empty, wrong[["name_a", "name_b"]].to_string()


def _sample_text(folder: Path) -> str:
    parts = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or p.name == "SOURCE.md":
            continue
        text = p.read_text(encoding="utf-8-sig", errors="replace")
        if p.suffix in (".json", ".jsonl"):
            # names inside JSON may be written with \\u escapes: decode them
            try:
                docs = [json.loads(text)] if p.suffix == ".json" else \
                    [json.loads(line) for line in text.splitlines() if line.strip()]
                text = "\n".join(json.dumps(d, ensure_ascii=False) for d in docs)
            except ValueError:
                pass
        parts.append(text.replace("&#x26;", "&"))
    return "\n".join(parts)


FOLDERS = {"wos-c1": ["wos-plaintext", "wos-tabdelimited"], "wos-c3": ["wos-tabdelimited"],
           "scopus": ["scopus-csv"], "openalex": ["openalex-works", "openalex-institutions"],
           "openalex-raw": ["openalex-works"], "norway": ["h2020-norway-participations"],
           "uspto": ["uspto-grant-xml"]}


@pytest.mark.realdata
def test_every_name_comes_from_the_real_samples(pairs, real_data):
    texts = {src: "\n".join(_sample_text(real_data / f) for f in folders)
             for src, folders in FOLDERS.items()}
    missing = []
    for side in ("a", "b"):
        for name, src in zip(pairs[f"name_{side}"], pairs[f"source_{side}"], strict=True):
            if src == "constructed":
                continue
            if name.strip() not in texts[src] and json.dumps(name.strip())[1:-1] not in texts[src]:
                missing.append((src, name))
    assert not missing, missing[:10]
    assert (pairs[["source_a", "source_b"]] == "constructed").sum().sum() <= 5

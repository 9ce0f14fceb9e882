"""Fuzzy matching of normalised names: blocking, scoring and clustering.

Never all pairs. Keys are *blocked* by their rarest words (first five letters of
the two words with the lowest document frequency), and inside a block each key
is compared only with its ``window`` nearest neighbours in sorted order, so the
number of comparisons grows linearly with the number of keys. A pair is first
scored with :func:`rapidfuzz.fuzz.ratio` (C++), and only pairs above a floor are
aligned word by word (:func:`align`):

* words must match **in order** (*York University* ≠ *University of York*);
* a word matches if equal, if one is a prefix of the other and the longer is an
  ordinary word that sources truncate (:data:`ABBREVIATABLE`: *Tech*/*Technical*,
  ≥ 3 letters), or if both have ≥ 6 letters, a :func:`rapidfuzz.fuzz.ratio` ≥ 90
  and at most one edit between them (typing errors: *Electtric*/*Electric*, but
  *Northeastern* ≠ *Northwestern*);
* numbers and Roman numerals must be equal (*Paris 6* ≠ *Paris 7*);
* every word of both names must be matched: one word left over (*Institute of
  Technology Carlow* / *Sligo*, *University of Illinois* / *… Chicago*) vetoes
  the merge, whatever the score;
* at least one distinctive (non-generic) word must be equal on both sides.

The score is the letter-weighted mean similarity of the matched words (0–100);
unmatched words count as 0, so vetoed pairs also get a meaningful score for the
review file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

__all__ = ["ABBREVIATABLE", "GENERIC_WORDS", "Alignment", "UnionFind", "align", "candidate_pairs", "score_pairs"]

GENERIC_WORDS: frozenset[str] = frozenset({
    "university", "institute", "technology", "technical", "national", "center", "central",
    "laboratory", "college", "school", "research", "science", "hospital", "medical",
    "department", "faculty", "academy", "federal", "state", "international", "group",
    "company", "foundation", "association", "society", "council", "agency", "ministry",
    "applied", "engineering", "polytechnic", "health", "clinical", "general", "public",
    "royal", "system", "service", "industrial", "development", "north", "south", "east",
    "west", "new", "american", "european", "chinese", "superior", "normal", "higher",
})
"""Words that never count as the distinctive anchor of a fuzzy match."""

_MORE_VOCABULARY = (
    "clinic", "electronic", "electric", "communication", "information", "informatics",
    "pharmaceutical", "biotechnology", "biomedical", "semiconductor", "instrument", "product",
    "manufacturing", "chemical", "material", "environment", "agriculture", "education",
    "management", "business", "economic", "mathematic", "computing", "software", "network",
    "telecommunication", "electronic", "electrical", "electricity", "hospital", "university",
)


def _vocabulary() -> frozenset[str]:
    from netkit.lexicon.abbreviations import ABBREVIATIONS
    from netkit.resolve.normalize import _singular

    words = set(ABBREVIATIONS.values()) | set(GENERIC_WORDS) | set(_MORE_VOCABULARY)
    return frozenset(_singular(w) for w in words if len(w) > 3)


ABBREVIATABLE: frozenset[str] = _vocabulary()
"""Ordinary words that sources abbreviate by truncation (*Tech*, *Clin*, *Sci* …): only
these may match a prefix of themselves. A proper name never matches its own prefix
(*Oxzen* ≠ *Oxzenve*); the abbreviations of proper names (*Calif*, *Penn*) are in
:data:`netkit.resolve.normalize.ABBREVIATIONS`."""

_ROMAN = re.compile(r"^[ivxlc]+$")
_DIGIT = re.compile(r"\d")


def _is_number(word: str) -> bool:
    return bool(_DIGIT.search(word)) or bool(_ROMAN.match(word) and len(word) <= 4)


def _word_similarity(a: str, b: str) -> float:
    """Similarity of two words in 0–100 (0 = no match)."""
    if a == b:
        return 100.0
    if _is_number(a) or _is_number(b):
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if (len(short) >= 3 and long_.startswith(short)
            and (long_ in ABBREVIATABLE or short in ABBREVIATABLE)):
        return 89.0 if len(short) >= 4 else 80.0  # below 90: a prefix is never an anchor
    if len(short) >= 6:
        r = fuzz.ratio(a, b)
        # one typing error (OSA: insertion, deletion, substitution or transposition), and
        # close overall: "Electtric" = "Electric", but "Northeastern" ≠ "Northwestern"
        if r >= 90 and OSA.distance(a, b, score_cutoff=1) <= 1:
            return float(r)
    return 0.0


@dataclass(frozen=True)
class Alignment:
    """The word-by-word comparison of two keys.

    ``score`` is 0–100; ``complete`` is True when every word of both keys was
    matched in order and a distinctive word is shared; ``reason`` explains a veto.
    """

    score: float
    complete: bool
    reason: str


def align(a: str, b: str, weak_a: frozenset[str] = frozenset(),
          weak_b: frozenset[str] = frozenset()) -> Alignment:
    """Align the words of two normalised keys in order.

    Examples
    --------
    >>> align("tech university munich", "technical university munich").complete
    True
    >>> r = align("institute technology carlow", "institute technology sligo")
    >>> r.complete, r.reason
    (False, "unmatched 'carlow' / 'sligo'")
    >>> align("york university", "university york").complete
    False
    >>> align("university paris 6", "university paris 7").complete
    False
    >>> align("abb", "abbott").complete
    False
    >>> align("karlsruhe institute technology kit", "karlsruhe institute technology",
    ...       frozenset({"kit"})).complete
    True
    """
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return Alignment(0.0, False, "empty name")
    total = sum(map(len, ta)) + sum(map(len, tb))
    got = 0.0
    j = 0
    left_a: list[str] = []
    left_b: list[str] = []
    anchor = False
    for w in ta:
        hit = -1
        sim = 0.0
        for k in range(j, len(tb)):
            s = _word_similarity(w, tb[k])
            if s > 0:
                hit, sim = k, s
                break
        if hit < 0:
            left_a.append(w)
            continue
        left_b.extend(tb[j:hit])
        j = hit + 1
        got += sim * (len(w) + len(tb[hit]))
        if sim >= 90.0 and w not in GENERIC_WORDS and len(w) >= 3 and not _is_number(w):
            anchor = True
    left_b.extend(tb[j:])
    # acronyms written beside a name (KIT, UZH) are optional: they neither veto nor count
    total -= sum(len(w) for w in left_a if w in weak_a) + sum(len(w) for w in left_b if w in weak_b)
    if any(w in weak_a for w in left_a) and any(w in weak_b for w in left_b):
        weak_a = weak_b = frozenset()  # two different acronyms left over: not optional
    left_a = [w for w in left_a if w not in weak_a]
    left_b = [w for w in left_b if w not in weak_b]
    score = got / total if total > 0 else 0.0
    if left_a or left_b:
        la = " ".join(left_a) or "-"
        lb = " ".join(left_b) or "-"
        return Alignment(score, False, f"unmatched {la!r} / {lb!r}")
    if not anchor:
        return Alignment(score, False, "no distinctive word in common")
    return Alignment(score, True, "")


def candidate_pairs(keys: list[str] | np.ndarray, *, window: int = 12,
                    words: int = 2, prefix: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of positions of ``keys`` worth comparing (``i < j``), by blocking.

    Each key is put into the blocks of its ``words`` rarest words (their first
    ``prefix`` letters); inside a block, keys sorted alphabetically are paired
    with their next ``window`` neighbours. The number of pairs is at most
    ``len(keys) * words * window``.

    Examples
    --------
    >>> i, j = candidate_pairs(["university oslo", "univ oslo", "sintef", "oslo university"])
    >>> sorted(zip(i.tolist(), j.tolist()))
    [(0, 1), (0, 3), (1, 3)]
    """
    keys = pd.Series(np.asarray(keys, dtype=object), dtype=object)
    n = len(keys)
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    tok = keys.str.split().explode()
    tok = tok[tok.notna() & (tok != "")]
    pos = tok.index.to_numpy()
    words_ = tok.to_numpy(dtype=object)
    df = pd.DataFrame({"pos": pos, "word": words_}).drop_duplicates()
    freq = df["word"].map(df["word"].value_counts())
    df = df.assign(freq=freq.to_numpy()).sort_values(["pos", "freq", "word"], kind="stable")
    df = df[df.groupby("pos").cumcount() < words]
    df = df.assign(block=df["word"].str.slice(0, prefix),
                   key=keys.to_numpy()[df["pos"].to_numpy()])
    df = df.drop_duplicates(["pos", "block"]).sort_values(["block", "key", "pos"],
                                                          kind="stable")
    block = df["block"].to_numpy(dtype=object)
    p = df["pos"].to_numpy()
    ii, jj = [], []
    for d in range(1, window + 1):
        same = block[d:] == block[:-d] if d < len(block) else np.zeros(0, bool)
        if not same.any():
            break
        a, b = p[:-d][same], p[d:][same]
        ii.append(np.minimum(a, b))
        jj.append(np.maximum(a, b))
    if not ii:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    pairs = np.unique(np.stack([np.concatenate(ii), np.concatenate(jj)], axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


def score_pairs(keys, i: np.ndarray, j: np.ndarray, *, floor: float = 70.0,
                weak=None) -> pd.DataFrame:
    """Score candidate pairs; keep those whose string ratio reaches ``floor``.

    Returns a DataFrame with columns ``i``, ``j``, ``ratio`` (rapidfuzz ratio of the
    keys), ``score`` (word alignment score), ``complete`` and ``reason``. ``weak``
    optionally gives, per key, the words that may be left unmatched (acronyms).

    Examples
    --------
    >>> keys = ["tech university munich", "technical university munich", "sintef"]
    >>> s = score_pairs(keys, [0, 0], [1, 2])
    >>> s[["i", "j", "complete"]].values.tolist()
    [[0, 1, True]]
    """
    keys = list(keys)
    i = np.asarray(i, dtype=np.int64)
    j = np.asarray(j, dtype=np.int64)
    ratio = np.fromiter((fuzz.ratio(keys[a], keys[b], score_cutoff=floor)
                         for a, b in zip(i.tolist(), j.tolist(), strict=True)),
                        dtype=float, count=len(i))
    keep = ratio >= floor
    i, j, ratio = i[keep], j[keep], ratio[keep]
    if weak is None:
        al = [align(keys[a], keys[b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)]
    else:
        al = [align(keys[a], keys[b], weak[a], weak[b])
              for a, b in zip(i.tolist(), j.tolist(), strict=True)]
    return pd.DataFrame({
        "i": i, "j": j, "ratio": ratio,
        "score": np.array([x.score for x in al], dtype=float),
        "complete": np.array([x.complete for x in al], dtype=bool),
        "reason": pd.array([x.reason for x in al], dtype="string"),
    })


class UnionFind:
    """Union–find with *exclusive labels*: two sets with different labels never join.

    A label is, for example, a ROR id: an organisation that has one can never be
    merged with an organisation that has another.

    Examples
    --------
    >>> uf = UnionFind(4, labels={0: {"ror:a"}, 3: {"ror:b"}})
    >>> uf.union(0, 1), uf.union(1, 2), uf.union(2, 3)
    (True, True, False)
    >>> uf.find(2) == uf.find(0), uf.find(3) == uf.find(0)
    (True, False)
    """

    def __init__(self, n: int, labels: dict[int, set[str]] | None = None) -> None:
        self.parent = list(range(n))
        self.labels: dict[int, set[str]] = {k: set(v) for k, v in (labels or {}).items() if v}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def conflict(self, a: int, b: int) -> bool:
        """True if the sets of ``a`` and ``b`` carry different labels."""
        ra, rb = self.find(a), self.find(b)
        la, lb = self.labels.get(ra), self.labels.get(rb)
        if not la or not lb or ra == rb:
            return False
        return _labels_clash(la, lb)

    def union(self, a: int, b: int, *, force: bool = False) -> bool:
        """Join the sets of ``a`` and ``b``; ``False`` if already joined or labels clash."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        la, lb = self.labels.get(ra), self.labels.get(rb)
        if la and lb and not force and _labels_clash(la, lb):
            return False
        self.parent[rb] = ra
        if lb:
            self.labels[ra] = (la or set()) | lb
            del self.labels[rb]
        return True

    def roots(self) -> np.ndarray:
        """The root of every element."""
        return np.fromiter((self.find(x) for x in range(len(self.parent))), dtype=np.int64,
                           count=len(self.parent))


def _labels_clash(la: set[str], lb: set[str]) -> bool:
    """Labels are ``scheme:value``; a clash is the same scheme with different values."""
    sa: dict[str, set[str]] = {}
    for lab in la:
        s, _, v = lab.partition(":")
        sa.setdefault(s, set()).add(v)
    for lab in lb:
        s, _, v = lab.partition(":")
        if s in sa and v not in sa[s]:
            return True
    return False

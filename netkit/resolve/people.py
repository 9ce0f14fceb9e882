"""Resolve people: one person per researcher and inventor, strongest evidence first.

The unit is a *mention*: one raw person on one event. Evidence is applied in order:

1. **orcid** — mentions whose raw person carries the same ORCID iD are one person;
2. **identifier** — a source's own author id (OpenAlex ``A…``, Scopus *Author(s) ID*,
   PatentsView ``inventor_id``, see :data:`ID_SCHEMES`; a Web of Science ResearcherID,
   :data:`PERSON_ID_SCHEMES`) keeps its mentions together;
   raw people known only by name (Web of Science, USPTO, OpenAlex without an author
   id …) are split into single mentions and must earn every link;
3. **name + organisation** — same name block (``surname|first initial``), compatible
   given names, a shared *resolved* organisation within ``max_gap`` years;
4. **name + co-author** — same name block, compatible given names and shared
   co-authors (their name blocks): at least ``min_coauthors`` when both write
   their first name out, one more when one side has initials only; co-authors
   with the most common surnames (Wang, Kim, Nguyen …) do not count, and people
   with such a surname need one co-author more; a name that two identified people
   carry anywhere in the corpus gets no co-author links (their teams share name blocks);
5. **name** (``rare_names``) — the same written-out full name (first name and all
   initials) of a surname that is not among the world's most common
   (:data:`netkit.lexicon.person_names.COMMON_SURNAMES`), when no two identified
   people carry it and one career ends before the other begins. This is the only link by
   name alone; moves that rest on it are reported as such.

Identifiers are *exclusive labels*: two clusters with different ORCIDs, or different
ids of one source, are never joined by a name. Two raw people of one event are
different people. A name-only mention whose candidates at an organisation are
mutually exclusive (two Lars Bergs with different ids, or *Lars* and *Lene* for an
``L. Berg``) is ambiguous and stays apart. A move to another organisation can only
come from an identifier or a co-author, never from a name alone.

Everything is vectorised per table (pandas joins within blocks); the only Python
loop is the union–find over accepted links, which is linear in their number.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from netkit.errors import ParameterError
from netkit.lexicon.person_names import COMMON_SURNAMES
from netkit.model import Corpus
from netkit.model.memory import release_memory
from netkit.resolve.match import UnionFind
from netkit.resolve.people_names import compatible_given, parse_names

__all__ = ["ID_SCHEMES", "PERSON_AUDIT_FILE", "PERSON_ID_SCHEMES", "PERSON_METHODS",
           "PeopleResolution", "resolve_people"]

log = logging.getLogger(__name__)

PERSON_AUDIT_FILE = "person_audit.csv"

PERSON_METHODS = ("orcid", "identifier", "name+org", "name+coauthor", "name+topic", "name",
                  "none")
"""Values of ``audit.method``: how a raw person's mentions joined their person
(``name``: a rare full name alone; ``none``: a name-only mention linked to nothing else)."""

ID_SCHEMES: dict[str, re.Pattern] = {
    "openalex": re.compile(r"^A\d+$"),
    "scopus": re.compile(r"^\d+$"),
    "patentsview": re.compile(r"\d"),
}
"""Source → the form of a raw person key that is the source's own author id
(``per:<source>:<key>``); other keys of these sources, and every key of other
sources, are names."""

PERSON_ID_SCHEMES = ("researcherid",)
"""Schemes of a raw corpus's ``person_ids`` that are a person's own identifier (read by
the Web of Science reader from the RI field), used like a source's author id."""

_STRONG = ("orcid", *ID_SCHEMES, *PERSON_ID_SCHEMES)

_BLOCK_CHUNKS = 8  # the self-joins within name blocks run on an eighth of the blocks at a time


@dataclass
class PeopleResolution:
    """The result of :func:`resolve_people`.

    Attributes
    ----------
    corpus : Corpus
        ``people`` has one row per resolved person, ``person_ids`` every ORCID,
        source id and raw person id (scheme ``source_person_id``) of each, and
        the kinds of name link that built it (scheme ``linked_by``: ``name+org``,
        ``name+coauthor``, ``name``);
        participations point at resolved people and carry ``identity``: the
        identifier that holds the mention to its person (``orcid:…``,
        ``openalex:A…``), missing when it is held by name and context.
    audit : DataFrame
        One row per raw person and resolved person: ``raw_person_id``, ``raw_name``,
        ``source``, ``person_id``, ``name``, ``method`` (:data:`PERSON_METHODS`),
        ``evidence``, ``mentions``.
    mentions : DataFrame
        One row per mention: ``event_id``, ``raw_person_id``, ``person_id``,
        ``identity``, ``method``, ``block``.
    """

    corpus: Corpus
    audit: pd.DataFrame
    mentions: pd.DataFrame
    parameters: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"<PeopleResolution: {self.mentions['raw_person_id'].nunique()} raw → "
                f"{self.corpus.n_people} people, {len(self.mentions)} mentions>")

    def summary(self) -> pd.Series:
        """Share of mentions identified by each method (:data:`PERSON_METHODS`)."""
        counts = self.mentions["method"].value_counts().reindex(PERSON_METHODS, fill_value=0)
        return (counts / max(len(self.mentions), 1)).rename("share")


# -- mentions ---------------------------------------------------------------------------------

def _chunked_rows(table: pd.DataFrame, size: int = 65536):
    """The rows of ``table`` as tuples of Python values, a chunk at a time (``tolist`` of
    whole columns would hold millions of Python ints at once)."""
    for lo in range(0, len(table), size):
        chunk = table.iloc[lo:lo + size]
        yield from zip(*(chunk[c].tolist() for c in chunk.columns), strict=True)


def _release() -> None:
    """Hand memory that Arrow's pool keeps after the string work back to the system (the
    pool would otherwise hold it at its high-water mark while the linking continues), and
    the free pages of the C heap (glibc keeps them after numpy and pandas free big
    temporaries: its mmap threshold grows with each freed block, so later blocks come
    from the heap, which it does not give back by itself)."""
    pa.default_memory_pool().release_unused()
    release_memory()


def _identifiers_of(raw_ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    parts = raw_ids.str.extract(r"^per:([^:]+):(.*)$")
    src = parts[0].fillna("").to_numpy(dtype=object)
    key = parts[1].fillna("").to_numpy(dtype=object)
    scheme = np.full(len(raw_ids), None, dtype=object)
    for name, rx in ID_SCHEMES.items():
        hit = (src == name) & np.array([bool(rx.search(k)) for k in key], dtype=bool)
        scheme[hit] = name
    value = np.where(scheme != None, key, None)  # noqa: E711 - element-wise
    return scheme, value


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(code of each value, distinct values sorted as objects): codes follow the sorted
    order, and no Python string is made per row (only per distinct value)."""
    codes, uniq = pd.factorize(values)
    uniq = np.asarray(uniq, dtype=object)
    order = np.argsort(uniq, kind="stable")
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[order] = np.arange(len(uniq))
    return np.where(codes >= 0, rank[codes], -1), uniq[order]


def _mentions(corpus: Corpus) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray]:
    """One row per (event, raw person) in (event_id, raw_person_id) order, their (mention,
    org) pairs, and the participation rows with a person with the mention of each."""
    part = corpus.participations
    rows = np.flatnonzero(part["person_id"].notna().to_numpy())
    ec, eu = _sorted_codes(part["event_id"].iloc[rows])
    rc, ru = _sorted_codes(part["person_id"].iloc[rows])
    keys, m_code = np.unique(ec * len(ru) + rc, return_inverse=True)
    m_ev, m_raw = keys // len(ru), keys % len(ru)
    m = pd.DataFrame({"event_id": eu[m_ev], "raw_person_id": ru[m_raw]})
    oc, ou = _sorted_codes(part["org_id"].iloc[rows])
    pairs = np.unique(m_code[oc >= 0] * (len(ou) + 1) + oc[oc >= 0])
    orgs = pd.DataFrame({"mention": pairs // (len(ou) + 1),
                         "org_id": ou[pairs % (len(ou) + 1)]})
    events = corpus.events.set_index(corpus.events["event_id"].astype(str))
    m["year"] = events["year"].reindex(eu).astype("float64").to_numpy()[m_ev]
    people = corpus.people.set_index(corpus.people["person_id"].astype(str)).reindex(ru)
    for col in ("name", "orcid"):
        v = people[col].astype(object)
        m[col] = v.where(v.notna(), None).to_numpy(dtype=object)[m_raw]
    src = pd.Series(ru, dtype=object).str.extract(r"^per:([^:]+):", expand=False).fillna("")
    m["source"] = src.to_numpy(dtype=object)[m_raw]
    return m, orgs, rows, m_code.ravel()


def _event_orgs(corpus: Corpus, m: pd.DataFrame, orgs: pd.DataFrame,
                max_context: int) -> pd.DataFrame:
    """(mention, org, direct): own organisations, else the organisations of the event when
    it has at most ``max_context`` (a patent's assignees; not the 155 institutions of a
    physics collaboration, any of which could be the author's)."""
    own = orgs.assign(direct=True)
    lonely = np.setdiff1d(np.arange(len(m)), own["mention"].to_numpy())
    part = corpus.participations[["event_id", "org_id"]].dropna().drop_duplicates()
    part = pd.DataFrame({"event_id": part["event_id"].astype(str).to_numpy(),
                         "org_id": part["org_id"].astype(str).to_numpy()})
    n_org = part.groupby("event_id", sort=False)["org_id"].transform("size").to_numpy()
    part = part[n_org <= max_context]
    ctx = pd.DataFrame({"mention": lonely, "event_id": m["event_id"].to_numpy()[lonely]})
    ctx = ctx.merge(part, on="event_id")[["mention", "org_id"]].assign(direct=False)
    return pd.concat([own, ctx], ignore_index=True)


# -- candidate links ------------------------------------------------------------------------

def _self_pairs(table: pd.DataFrame, on: list[str], max_group: int) -> pd.DataFrame:
    """Pairs of distinct nodes sharing the ``on`` key (groups above ``max_group`` skipped)."""
    size = table.groupby(on, sort=False)["node"].transform("size")
    table = table[(size > 1) & (size <= max_group)]
    pairs = table.merge(table, on=on, suffixes=("_a", "_b"))
    return pairs[pairs["node_a"] < pairs["node_b"]]


def _homonyms(span: pd.DataFrame, first: np.ndarray, labels: pd.DataFrame) -> tuple[set, set]:
    """(block, org) and (block, org, first name) groups holding two identified people:
    different ids of one scheme (two Lei Zhaos at one university)."""
    if not len(labels):
        return set(), set()
    lab = span[["node", "block", "org_id"]].merge(labels, on="node")
    lab["first"] = first[lab["node"].to_numpy()]
    n = lab.groupby(["block", "org_id", "scheme"], sort=False)["value"].nunique()
    by_block = set(n.index.droplevel("scheme")[n.to_numpy() > 1])
    lab = lab[lab["first"] != ""]
    n = lab.groupby(["block", "org_id", "first", "scheme"], sort=False)["value"].nunique()
    by_first = set(n.index.droplevel("scheme")[n.to_numpy() > 1])
    return by_block, by_first


def _org_pairs(node_org: pd.DataFrame, max_gap: int, max_group: int, first: np.ndarray,
               labels: pd.DataFrame) -> pd.DataFrame:
    span = node_org.groupby(["node", "block", "org_id"], sort=False).agg(
        lo=("year", "min"), hi=("year", "max")).reset_index()
    by_block, by_first = _homonyms(span, first, labels)
    by_block, by_first = list(by_block), list(by_first)
    # both nodes of a pair are in one block: a share of the blocks at a time (the caller's
    # outer merge sorts the pairs, so their order here does not matter)
    chunks = []
    for k in range(_BLOCK_CHUNKS):
        pairs = _self_pairs(span[(span["block"].to_numpy() % _BLOCK_CHUNKS) == k],
                            ["block", "org_id"], max_group)
        gap = np.maximum(0, np.maximum(pairs["lo_a"] - pairs["hi_b"],
                                       pairs["lo_b"] - pairs["hi_a"]))
        pairs = pairs.assign(gap=gap.fillna(0))[lambda d: d["gap"] <= max_gap]
        if by_block:  # where two identified people share the name, the organisation proves nothing
            fa, fb = first[pairs["node_a"].to_numpy()], first[pairs["node_b"].to_numpy()]
            both = (fa != "") & (fb != "")
            keys = [pairs["block"].to_numpy(), pairs["org_id"].to_numpy()]
            in_block = pd.MultiIndex.from_arrays(keys).isin(by_block)
            in_first = (pd.MultiIndex.from_arrays([*keys, fa]).isin(by_first) if by_first
                        else np.zeros(len(pairs), dtype=bool))
            pairs = pairs[~np.where(both, in_first, in_block)]
        chunks.append(pairs.sort_values("gap", kind="stable")
                      .groupby(["node_a", "node_b"], sort=False)
                      .agg(n_org=("org_id", "size"), org=("org_id", "first"), gap=("gap", "min"))
                      .reset_index())
    return pd.concat(chunks, ignore_index=True)


def _coauthor_pairs(m: pd.DataFrame, common: np.ndarray, max_team: int,
                    max_group: int) -> pd.DataFrame:
    """Pairs of nodes of one block sharing co-author blocks (integer block codes; -1 for
    no block; ``common[code]``: a most common surname, no evidence)."""
    ok = m[m["block"].to_numpy() >= 0]
    team = ok.groupby("event", sort=False)["node"].transform("size")
    ok = ok[(team > 1) & (team <= max_team)][["event", "node", "block"]]
    # int32 codes and no co-author node: the team × team join is the largest table here
    ok = ok.astype(np.int32)
    co = ok.merge(ok[["event", "block"]].rename(columns={"block": "block_co"}), on="event")
    co = co[(co["block"] != co["block_co"]).to_numpy() & ~common[co["block_co"].to_numpy()]]
    co = co[["node", "block", "block_co"]].drop_duplicates()
    del ok
    return _count_shared(co, "block_co", "n_co", max_group)


def _count_shared(table: pd.DataFrame, key: str, name: str, max_group: int) -> pd.DataFrame:
    """Pairs of nodes of one block and how many ``key`` values they share (column
    ``name``), from ``table`` (``node``, ``block``, ``key``; integer codes).

    Both nodes of a pair are in one block: the self-join runs on a share of the blocks
    at a time (it holds every pair twice before the filter); the callers' outer merges
    sort the pairs, so their order here does not matter.
    """
    chunks = []
    for k in range(_BLOCK_CHUNKS):
        pairs = _self_pairs(table[(table["block"].to_numpy() % _BLOCK_CHUNKS) == k],
                            ["block", key], max_group)
        chunks.append(pairs.groupby(["node_a", "node_b"], sort=False)
                      .agg(**{name: (key, "size")}).reset_index())
        del pairs
    return pd.concat(chunks, ignore_index=True).astype(np.int64)


_TITLE_WORD = re.compile(r"[^\W\d_]{5,}")
_TITLE_STOP = frozenset({
    "about", "above", "after", "again", "against", "among", "analysis", "application",
    "applications", "approach", "based", "before", "being", "between", "case",
    "conference", "data", "dataset", "development", "during", "effect", "effects",
    "evaluation", "impact", "international", "journal", "method", "methods", "model",
    "models", "novel", "proceedings", "report", "research", "results", "review", "study",
    "studies", "their", "these", "through", "toward", "towards", "under", "using",
    "version", "volume", "which", "while", "within", "without",
})
"""Frequent words of titles: no evidence of a topic."""


def _topic_pairs(m: pd.DataFrame, titles: np.ndarray, eligible: np.ndarray, max_share: float,
                 max_group: int) -> pd.DataFrame:
    """Pairs of nodes of one block whose events' titles share rare words (``n_topic``
    distinct words of five letters or more; a word is rare when at most ``max_share`` of
    the events carry it, or at most three in a small corpus).

    ``m`` holds ``event`` (codes into ``titles``), ``node`` and ``block`` (-1: none);
    only nodes with ``eligible[node]`` are paired.
    """
    words = (pd.Series(titles, dtype=object).str.lower()
             .str.findall(_TITLE_WORD.pattern).explode().dropna())
    ew = pd.DataFrame({"event": words.index.to_numpy(), "word": words.to_numpy(dtype=object)})
    ew = ew[~ew["word"].isin(_TITLE_STOP)].drop_duplicates()
    n_events = ew["word"].map(ew["word"].value_counts())
    ew = ew[n_events.to_numpy() <= max(3, int(max_share * len(titles)))]
    ew["word"] = pd.factorize(ew["word"])[0]
    ok = m[(m["block"].to_numpy() >= 0) & eligible[m["node"].to_numpy()]]
    nt = ok[["event", "node", "block"]].merge(ew, on="event")[["node", "block", "word"]]
    return _count_shared(nt.drop_duplicates().astype(np.int64), "word", "n_topic", max_group)


def _homonym_names(block: np.ndarray, first: np.ndarray,
                   labels: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per node: whether its block, and its block with its first name, is carried by two
    identified people anywhere in the corpus (two OpenAlex ids, two ORCIDs …)."""
    n = len(block)
    if not len(labels):
        return np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    bc, _ = pd.factorize(block)
    fc, fu = pd.factorize(first)
    name = bc.astype(np.int64) * (len(fu) + 1) + fc  # (block, first name) as one integer
    has_b, has_f = block != "", (block != "") & (first != "")
    node = labels["node"].to_numpy(dtype=np.int64)
    lab = pd.DataFrame({"b": bc[node], "name": name[node], "has_b": has_b[node],
                        "has_f": has_f[node], "scheme": labels["scheme"].to_numpy(),
                        "value": labels["value"].to_numpy()})
    k = lab[lab["has_b"]].groupby(["b", "scheme"], sort=False)["value"].nunique()
    by_block = has_b & np.isin(bc, k.index.get_level_values(0)[k.to_numpy() > 1])
    k = lab[lab["has_f"]].groupby(["name", "scheme"], sort=False)["value"].nunique()
    by_first = has_f & np.isin(name, k.index.get_level_values(0)[k.to_numpy() > 1])
    return by_block, by_first


def _ambiguous(pairs: pd.DataFrame, first: np.ndarray, labels: pd.DataFrame) -> np.ndarray:
    """Org links of a node whose candidates exclude each other (different written-out
    first names, or different ids of one scheme)."""
    both = pd.concat([
        pd.DataFrame({"node": pairs["node_a"].to_numpy(), "cand": pairs["node_b"].to_numpy(),
                      "pair": np.arange(len(pairs))}),
        pd.DataFrame({"node": pairs["node_b"].to_numpy(), "cand": pairs["node_a"].to_numpy(),
                      "pair": np.arange(len(pairs))}),
    ], ignore_index=True)
    bad_nodes: set = set()
    firsts = pd.DataFrame({"node": both["node"], "first": first[both["cand"].to_numpy()]})
    firsts = firsts[firsts["first"] != ""]
    n_first = firsts.groupby("node")["first"].nunique()
    bad_nodes.update(n_first.index[n_first > 1])
    if len(labels):
        lab = both.merge(labels.rename(columns={"node": "cand"}), on="cand")
        n_val = lab.groupby(["node", "scheme"])["value"].nunique()
        bad_nodes.update(n_val.index.get_level_values(0)[n_val.to_numpy() > 1])
    bad = np.fromiter(bad_nodes, dtype=np.int64, count=len(bad_nodes))
    return np.isin(pairs["node_a"].to_numpy(), bad) | np.isin(pairs["node_b"].to_numpy(), bad)


def _common(blocks: pd.Series) -> np.ndarray:
    """Which blocks have one of the world's most common surnames (once per distinct block)."""
    codes, uniq = pd.factorize(blocks.astype(object))
    flag = pd.Series(uniq, dtype=object).str.split("|").str[0].isin(COMMON_SURNAMES).to_numpy()
    return flag[codes] if len(codes) else np.zeros(0, dtype=bool)


def _rare_name_pairs(best: pd.DataFrame, years: pd.DataFrame, labels: pd.DataFrame,
                     max_group: int = 8, max_overlap: int = 0) -> pd.DataFrame:
    """Pairs of clusters with the same written-out full name, in a name group that no
    two identified people share, whose careers do not overlap (``max_overlap`` years)."""
    full = best[(best["first"] != "") & (best["block"] != "")]
    full = full[~_common(full["block"])]
    full = full.assign(key=full["block"] + "|" + full["first"] + "|" + full["initials"])
    full = full.drop_duplicates(["node", "key"])
    size = full.groupby("key")["node"].transform("size")
    full = full[(size > 1) & (size <= max_group)]
    if len(labels) and len(full):
        lab = full[["node", "key"]].merge(labels, on="node")
        clash = lab.groupby(["key", "scheme"])["value"].nunique()
        bad = set(clash.index.get_level_values(0)[clash.to_numpy() > 1])
        full = full[~full["key"].isin(bad)]
    full = full[["node", "key"]].assign(lo=full["node"].map(years["min"]),
                                         hi=full["node"].map(years["max"]))
    pairs = full.merge(full, on="key", suffixes=("_a", "_b"))
    pairs = pairs[pairs["node_a"] < pairs["node_b"]]
    # one career ends (at most max_overlap years) before the other begins
    seq = ((pairs["hi_a"] - pairs["lo_b"] <= max_overlap)
           | (pairs["hi_b"] - pairs["lo_a"] <= max_overlap))
    pairs = pairs[seq.fillna(True).to_numpy(dtype=bool)]
    return pairs[["node_a", "node_b"]].reset_index(drop=True)


# -- the main function --------------------------------------------------------------------------

def resolve_people(
    corpus: Corpus,
    *,
    max_gap: int = 3,
    max_gap_full: int = 12,
    min_coauthors: int = 2,
    max_team: int = 50,
    max_group: int = 200,
    max_context: int = 10,
    use_ids: bool = True,
    rare_names: bool = True,
    min_topic_words: int = 2,
    max_topic_share: float = 0.002,
) -> PeopleResolution:
    """Resolve the people of a corpus (best after :func:`netkit.resolve.resolve`).

    Parameters
    ----------
    corpus : Corpus
        Participations with ``person_id``; organisations should be resolved
        first, so that one organisation under two spellings counts as shared.
    max_gap : int, default 3
        Two mentions at one organisation may be linked if their years lie at most
        this far apart …
    max_gap_full : int, default 12
        … or this far, if both write the first name out (``Kari Berg``, not ``K. Berg``).
    min_coauthors : int, default 2
        Shared co-authors (distinct name blocks) that link two mentions whose first
        names are written out; one more is needed when one side has initials only.
    max_team : int, default 50
        Events with more people than this give no co-author evidence.
    max_group : int, default 200
        A block shared by more nodes at one organisation (or with one co-author
        block) is too ambiguous to link on.
    max_context : int, default 10
        A mention without an organisation of its own (an inventor, a WoS author
        whose address is not marked) takes its event's organisations as context
        when the event has at most this many.
    use_ids : bool, default True
        ``False`` ignores ORCIDs and source author ids (every mention must be linked
        by name and context) — to measure name linking against the ids.
    rare_names : bool, default True
        Link rare full names across organisations when the careers follow each
        other (evidence: the name alone, method ``name``); ``False`` keeps every
        move backed by an identifier, an organisation or a co-author.
    min_topic_words : int, default 2
        Rare title words (see ``max_topic_share``) that the events of two mentions must
        share to link them by topic (both first names written out, within
        ``max_gap_full`` years, not a most common surname, not a name two identified
        people carry); 0 turns topic evidence off.
    max_topic_share : float, default 0.002
        A title word is rare when at most this share of the events (at least three)
        carry it.

    Returns
    -------
    PeopleResolution

    Examples
    --------
    >>> import netkit as nk
    >>> c = nk.Corpus(
    ...     organizations={"org_id": ["o:u", "o:f"], "name": ["U", "F"],
    ...                    "sector": ["university", "firm"]},
    ...     people={"person_id": ["per:wos:berg kari", "per:openalex:A1", "per:openalex:A2"],
    ...             "name": ["Berg, Kari", "Kari Berg", "Per Moe"]},
    ...     events={"event_id": ["e1", "e2", "e3"], "kind": ["publication"] * 3,
    ...             "year": [2015, 2016, 2019]},
    ...     participations={"event_id": ["e1", "e2", "e2", "e3"],
    ...                     "org_id": ["o:u", "o:u", "o:u", "o:f"],
    ...                     "person_id": ["per:wos:berg kari", "per:openalex:A1",
    ...                                   "per:openalex:A2", "per:openalex:A1"],
    ...                     "role": ["author"] * 4})
    >>> res = resolve_people(c)
    >>> res.corpus.n_people
    2
    >>> res.audit[["raw_person_id", "person_id", "method"]].values.tolist()
    [['per:openalex:A1', 'per:openalex:A1', 'identifier'], ['per:openalex:A2', 'per:openalex:A2', 'identifier'], ['per:wos:berg kari', 'per:openalex:A1', 'name+org']]
    """
    for name, v, low in (("max_gap", max_gap, 0), ("max_gap_full", max_gap_full, 0),
                         ("max_team", max_team, 2), ("min_coauthors", min_coauthors, 1), ("max_group", max_group, 2),
                         ("max_context", max_context, 0)):
        if not isinstance(v, int | np.integer) or v < low:
            raise ParameterError(f"{name} must be an integer ≥ {low}, not {v!r}")
    m, orgs, rows, of_row = _mentions(corpus)
    _release()
    n = len(m)
    if n == 0:  # nobody to resolve
        audit = pd.DataFrame(columns=["raw_person_id", "raw_name", "source", "person_id", "name",
                                      "method", "evidence", "mentions"])
        mentions = pd.DataFrame(columns=["event_id", "raw_person_id", "person_id", "identity",
                                         "method", "block"])
        return PeopleResolution(corpus, audit, mentions, {})
    # ---- identifiers: ORCID first, then the source's own author id ------------------------
    # worked out once per raw person (``u``) and handed to the mentions by reference
    rcode, ru = pd.factorize(m["raw_person_id"])
    ru = pd.Series(np.asarray(ru, dtype=object), dtype=object)
    src_scheme, src_value = _identifiers_of(ru)
    given = corpus.person_ids[corpus.person_ids["scheme"].isin(PERSON_ID_SCHEMES)]
    if len(given):  # a ResearcherID of a raw person known by name
        given = given.sort_values(["person_id", "scheme", "value"]).drop_duplicates("person_id")
        at = ru.map(given.set_index("person_id")["scheme"]).to_numpy(dtype=object)
        val = ru.map(given.set_index("person_id")["value"]).to_numpy(dtype=object)
        use = (src_scheme == None) & pd.notna(at)  # noqa: E711 - element-wise
        src_scheme = np.where(use, at, src_scheme)
        src_value = np.where(use, val, src_value)
    scheme, value = src_scheme.copy(), src_value.copy()
    first_at = np.empty(len(ru), dtype=np.int64)
    first_at[rcode[::-1]] = np.arange(n)[::-1]
    orcid = m["orcid"].to_numpy(dtype=object)[first_at]
    orcid = np.where(pd.isna(orcid), "", orcid).astype(object)
    has_orcid = orcid != ""
    if not use_ids:
        has_orcid[:] = False
        scheme[:] = None
        value[:] = None
    scheme_u = np.where(has_orcid, "orcid", scheme)
    value_u = np.where(has_orcid, orcid, value)
    label_u = np.where(has_orcid, "orcid:" + orcid,
                       np.where(scheme != None, pd.Series(scheme).fillna("").astype(str)  # noqa: E711
                                + ":" + pd.Series(value).fillna("").astype(str), None))
    m["src_scheme"], m["src_value"] = src_scheme[rcode], src_value[rcode]
    m["scheme"], m["value"] = scheme_u[rcode], value_u[rcode]
    m["identity"] = label_u[rcode]
    m["event"], event_ids = pd.factorize(m["event_id"])
    # a node per identity, and one per mention without: numbered in order of appearance
    lcode = pd.factorize(label_u)[0][rcode]
    lone = lcode < 0
    lcode[lone] = lcode.max(initial=-1) + 1 + np.arange(int(lone.sum()))
    m["node"] = pd.factorize(lcode)[0]
    has_orcid, scheme, value, orcid = (has_orcid[rcode], scheme[rcode], value[rcode],
                                       orcid[rcode])
    n_nodes = int(m["node"].max()) + 1 if n else 0
    node_years = m.groupby("node")["year"].agg(["min", "max"]).reindex(
        range(n_nodes)).to_numpy(dtype="float64")

    # ---- names --------------------------------------------------------------------------------
    names = parse_names(m["name"])
    m["block"] = names["block"].to_numpy()
    best = (pd.DataFrame({"node": m["node"], "first": names["first"].to_numpy(),
                          "initials": names["initials"].to_numpy(),
                          "block": names["block"].to_numpy()})
            .assign(w=lambda d: (d["first"] != "") * 10 + d["initials"].str.len())
            .sort_values(["node", "w"], ascending=[True, False], kind="stable")
            .drop_duplicates("node"))
    first = np.full(n_nodes, "", dtype=object)
    initials = np.full(n_nodes, "", dtype=object)
    block = np.full(n_nodes, "", dtype=object)
    first[best["node"].to_numpy()] = best["first"].to_numpy()
    initials[best["node"].to_numpy()] = best["initials"].to_numpy()
    block[best["node"].to_numpy()] = best["block"].to_numpy()
    is_common = _common(pd.Series(block, dtype=object))

    # ---- labels: ids (exclusive by scheme) and "one event, different raw people" -------------
    id_lab = pd.DataFrame({"node": m["node"], "scheme": np.where(has_orcid, "orcid", scheme),
                           "value": np.where(has_orcid, orcid, value)}).dropna()
    src_lab = pd.DataFrame({"node": m["node"], "scheme": scheme, "value": value}).dropna()
    id_lab = pd.concat([id_lab, src_lab], ignore_index=True).drop_duplicates(ignore_index=True)
    same = m[m["block"] != ""].groupby(["event", "block"])["node"].transform("size") > 1
    ev_lab = m[m["block"] != ""][same.to_numpy()]
    ev_lab = pd.DataFrame({"node": ev_lab["node"].to_numpy(),
                           "scheme": "event" + ev_lab["event"].astype(str).to_numpy(),
                           "value": ev_lab["raw_person_id"].to_numpy()})
    labels: dict[int, set[str]] = {}
    for node, s, v in pd.concat([id_lab, ev_lab]).itertuples(index=False):
        labels.setdefault(int(node), set()).add(f"{s}:{v}")

    _release()
    # ---- candidate links within blocks ----------------------------------------------------------
    ctx = _event_orgs(corpus, m, orgs, max_context)
    # integer codes for blocks and organisations: the joins below run on numbers
    bcode, buniq = pd.factorize(m["block"])
    bcode = np.where(m["block"].to_numpy() == "", -1, bcode)
    common_b = np.append(_common(pd.Series(buniq, dtype=object)), False)  # [-1] → False
    # topic first: its word lists are large while the pair tables do not exist yet
    tp = pd.DataFrame({"node_a": [], "node_b": [], "n_topic": []}, dtype=np.int64)
    if min_topic_words:
        titles = corpus.events.set_index(corpus.events["event_id"].astype(str))["title"]
        tp = _topic_pairs(pd.DataFrame({"event": m["event"].to_numpy(),
                                        "node": m["node"].to_numpy(), "block": bcode}),
                          titles.reindex(np.asarray(event_ids, dtype=object)).to_numpy(dtype=object),
                          (first != "") & ~is_common, max_topic_share, max_group)
        tp = tp[tp["n_topic"].to_numpy() >= min_topic_words]
        del titles
        _release()
    ocode, ouniq = pd.factorize(ctx["org_id"])
    at = ctx["mention"].to_numpy()
    node_org = pd.DataFrame({"node": m["node"].to_numpy()[at], "block": bcode[at],
                             "org_id": ocode, "year": m["year"].to_numpy()[at]})
    node_org = node_org[node_org["block"].to_numpy() >= 0].drop_duplicates()
    op = _org_pairs(node_org, max(max_gap, max_gap_full), max_group, first,
                    id_lab[id_lab["scheme"].isin(_STRONG)])
    op["org"] = np.asarray(ouniq, dtype=object)[op["org"].to_numpy(dtype=np.int64)]
    del node_org
    _release()
    cp = _coauthor_pairs(pd.DataFrame({"event": m["event"].to_numpy(), "node": m["node"].to_numpy(),
                                       "block": bcode}), common_b, max_team, max_group)
    _release()
    pairs = op.merge(cp, on=["node_a", "node_b"], how="outer")
    del op, cp, ctx
    pairs = pairs.merge(tp, on=["node_a", "node_b"], how="outer")
    del tp
    _release()
    pairs["n_org"] = pairs["n_org"].fillna(0).astype(np.int64)
    pairs["n_co"] = pairs["n_co"].fillna(0).astype(np.int64)
    pairs["n_topic"] = pairs["n_topic"].fillna(0).astype(np.int64)
    a, b = pairs["node_a"].to_numpy(), pairs["node_b"].to_numpy()
    ok = compatible_given(first[a], initials[a], first[b], initials[b])
    full = (first[a] != "") & (first[b] != "")
    # one more co-author for initials only, and one more for the most common surnames
    common = is_common[a]
    need = min_coauthors + (~full).astype(np.int64) + common.astype(np.int64)
    by_co = pairs["n_co"].to_numpy() >= need
    # a name that two identified people carry: shared co-authors (by name block) do not
    # tell them apart — their teams overlap — so only an organisation may link
    hom_block, hom_first = _homonym_names(block, first, id_lab[id_lab["scheme"].isin(_STRONG)])
    homonym = np.where(full, hom_first[a] | hom_first[b], hom_block[a])
    by_co &= ~homonym
    gap = pairs["gap"].fillna(np.inf).to_numpy()
    by_org = (pairs["n_org"].to_numpy() >= 1) & ((gap <= max_gap) | (full & (gap <= max_gap_full)))
    # topic: rare title words in common, first names written out, careers within reach
    ya, yb = node_years[a], node_years[b]  # [first year, last year]
    years_apart = np.maximum(0, np.maximum(ya[:, 0] - yb[:, 1], yb[:, 0] - ya[:, 1]))
    by_topic = ((pairs["n_topic"].to_numpy() >= max(min_topic_words, 1)) & full & ~common
                & ~homonym & ~(years_apart > max_gap_full))
    pairs = pairs.assign(ok=ok, full=full, by_co=by_co, by_org=by_org, by_topic=by_topic)
    pairs = pairs[pairs["ok"] & (pairs["by_co"] | pairs["by_org"] | pairs["by_topic"])
                  ].reset_index(drop=True)
    # the arrays over every candidate pair (many times the accepted ones) go before the rest
    del a, b, ok, full, common, need, by_co, homonym, gap, by_org, hom_block, hom_first
    del ya, yb, years_apart, by_topic, node_years
    del initials, block, is_common, bcode, ocode, ouniq, common_b, buniq
    drop = np.zeros(len(pairs), dtype=bool)
    org_only = (pairs["by_org"] & ~pairs["by_co"]).to_numpy()
    topic_only = (pairs["by_topic"] & ~pairs["by_co"] & ~pairs["by_org"]).to_numpy()
    for weak in (org_only, topic_only):  # candidates that exclude each other: no link
        amb = _ambiguous(pairs[weak], first, id_lab[id_lab["scheme"].isin(_STRONG)])
        drop[np.flatnonzero(weak)[amb]] = True
    pairs = pairs[~drop]
    del drop, amb, org_only, topic_only
    _release()
    # topic alone is the weakest context: its links come last
    pairs = pairs.assign(score=np.where(pairs["by_co"] | pairs["by_org"], pairs["full"] * 4
                                        + np.minimum(pairs["n_co"], 3) * 2
                                        + np.minimum(pairs["n_org"], 3), 0))
    pairs = pairs.sort_values(["score", "node_a", "node_b"], ascending=[False, True, True],
                              kind="stable")

    # ---- union–find with exclusive labels ---------------------------------------------------------
    uf = UnionFind(n_nodes)
    uf.labels = labels  # built here for this union–find alone: no copy
    del labels, ev_lab, src_lab, names
    _release()
    pairs = pairs[["node_a", "node_b", "by_co", "by_org", "org", "n_co", "n_topic", "score"]]
    how = np.full(n_nodes, "", dtype=object)
    why = np.full(n_nodes, "", dtype=object)
    links: list[tuple[int, str]] = []
    for na, nb, co, by_org, org, nco, ntopic, _ in _chunked_rows(pairs):
        if uf.union(na, nb):
            if co:
                kind, ev = "name+coauthor", f"{nco} shared co-author(s)"
            elif by_org:
                kind, ev = "name+org", f"shared organisation {org}"
            else:
                kind, ev = "name+topic", f"{ntopic} rare title words in common"
            links.append((na, kind))
            for x in (na, nb):
                if not how[x]:
                    how[x], why[x] = kind, ev
    if rare_names and n_nodes:  # on the clusters built so far: their whole careers
        now = uf.roots()
        cl = m["node"].map(pd.Series(now)).to_numpy()
        years = m.groupby(cl)["year"].agg(["min", "max"])
        best_c = best.assign(node=now[best["node"].to_numpy()]).drop_duplicates(
            ["node", "block", "first", "initials"])
        lab_c = id_lab[id_lab["scheme"].isin(_STRONG)]
        lab_c = lab_c.assign(node=now[lab_c["node"].to_numpy(dtype=np.int64)]).drop_duplicates()
        rare = _rare_name_pairs(best_c, years, lab_c)
        for na, nb in zip(rare["node_a"].tolist(), rare["node_b"].tolist(), strict=True):
            if uf.union(na, nb):
                links.append((na, "name"))
                for x in (na, nb):
                    if not how[x]:
                        how[x], why[x] = "name", "rare full name, careers in sequence"
        del now, cl, years, best_c, lab_c, rare
    root = uf.roots() if n_nodes else np.array([], dtype=np.int64)
    del uf, pairs, best, id_lab, first
    _release()
    linked = pd.DataFrame(links, columns=["node", "kind"])
    linked = pd.DataFrame({"cluster": root[linked["node"].to_numpy(dtype=np.int64)],
                           "kind": linked["kind"].to_numpy(dtype=object)}).drop_duplicates()
    return _assemble(corpus, m, rows, of_row, root[m["node"].to_numpy()], how, why, linked,
                     {"max_gap": max_gap, "max_gap_full": max_gap_full, "rare_names": rare_names,
                      "min_coauthors": min_coauthors,
                      "max_team": max_team, "max_group": max_group, "max_context": max_context,
                      "use_ids": use_ids})


def _assemble(corpus: Corpus, m: pd.DataFrame, rows: np.ndarray, of_row: np.ndarray,
              cluster: np.ndarray, how: np.ndarray,
              why: np.ndarray, linked: pd.DataFrame, params: dict) -> PeopleResolution:
    node = m["node"].to_numpy()
    label = m["identity"]
    is_orcid = m["scheme"].to_numpy(dtype=object) == "orcid"
    method = np.where(is_orcid, "orcid",
                      np.where(label.notna(), "identifier",
                               np.where(how[node] != "", how[node], "none")))
    evidence = np.where(method == "orcid", label.fillna(""),
                        np.where(method == "identifier", label.fillna(""), why[node]))
    m["cluster"], m["method"], m["evidence"] = cluster, method, evidence  # m is ours: no copy
    del method, evidence
    # ---- resolved person ids: ORCID, else the smallest id, else the smallest raw id (+ #k) --------
    has = m["identity"].notna().to_numpy()
    lab = pd.DataFrame({"cluster": cluster[has], "identity": m["identity"].to_numpy()[has],
                        "o": m["scheme"].to_numpy()[has] != "orcid"})
    lab = lab.sort_values(["cluster", "o", "identity"]).drop_duplicates("cluster")
    pid = pd.Series("per:" + lab["identity"].to_numpy(), index=lab["cluster"].to_numpy())
    rest = m[["cluster", "raw_person_id", "event_id"]][~m["cluster"].isin(pid.index)]
    if len(rest):
        base = rest.groupby("cluster").agg(raw=("raw_person_id", "min"), ev=("event_id", "min"))
        base = base.sort_values(["raw", "ev"])
        k = base.groupby("raw").cumcount().to_numpy()
        ids = np.where(k == 0, base["raw"].to_numpy(),
                       base["raw"].to_numpy() + "#" + (k + 1).astype(str))
        pid = pd.concat([pid, pd.Series(ids, index=base.index)])
    m["person_id"] = pid.reindex(m["cluster"].to_numpy()).to_numpy()

    # ---- people, person_ids ------------------------------------------------------------------------
    counts = m.groupby(["person_id", "name"]).size().rename("c").reset_index()
    counts["w"] = counts["name"].str.len()
    counts = counts.sort_values(["person_id", "c", "w", "name"],
                                ascending=[True, False, False, True])
    names = counts.drop_duplicates("person_id").set_index("person_id")["name"]
    orc = m[m["method"] == "orcid"].drop_duplicates("person_id").set_index("person_id")["orcid"]
    ids = np.sort(m["person_id"].unique())
    people = pd.DataFrame({"person_id": ids, "name": names.reindex(ids).to_numpy(),
                           "orcid": orc.reindex(ids).to_numpy()})
    # one row per raw person and person first (a raw person's ids are the same everywhere)
    per_raw = m[["person_id", "raw_person_id", "scheme", "value", "src_scheme", "src_value"]]
    per_raw = per_raw.drop_duplicates(["person_id", "raw_person_id", "scheme", "value"])
    pid_rows = pd.concat([
        pd.DataFrame({"person_id": per_raw["person_id"], "scheme": per_raw["scheme"],
                      "value": per_raw["value"]}).dropna(),
        pd.DataFrame({"person_id": per_raw["person_id"], "scheme": "source_person_id",
                      "value": per_raw["raw_person_id"]}),
    ], ignore_index=True)
    keep = per_raw["src_scheme"].notna().to_numpy()
    src = pd.DataFrame({"person_id": per_raw["person_id"].to_numpy()[keep],
                        "scheme": per_raw["src_scheme"].to_numpy()[keep],
                        "value": per_raw["src_value"].to_numpy()[keep]})
    kinds = pd.DataFrame({"person_id": pid.reindex(linked["cluster"].to_numpy()).to_numpy(),
                          "scheme": "linked_by", "value": linked["kind"].to_numpy()})
    given = corpus.person_ids.merge(  # the raw people's own ids (ORCIDs, ResearcherIDs)
        per_raw[["raw_person_id", "person_id"]].drop_duplicates(),
        left_on="person_id", right_on="raw_person_id", suffixes=("_raw", ""))
    given = given[["person_id", "scheme", "value"]]
    pid_rows = pd.concat([pid_rows, src, kinds, given], ignore_index=True).drop_duplicates()
    pid_rows = pid_rows.sort_values(["person_id", "scheme", "value"], ignore_index=True)
    del per_raw, src, given, counts
    _release()

    # ---- participations ---------------------------------------------------------------------------
    part = corpus.participations
    new_pid = np.full(len(part), None, dtype=object)
    ident = np.full(len(part), None, dtype=object)
    new_pid[rows] = m["person_id"].to_numpy(dtype=object)[of_row]
    ident[rows] = m["identity"].to_numpy(dtype=object)[of_row]
    dup = pd.DataFrame({"event_id": part["event_id"], "org_id": part["org_id"],
                        "person_id": new_pid, "role": part["role"]}).duplicated().to_numpy()
    part = (part.assign(person_id=new_pid, identity=ident) if not dup.any() else
            part[~dup].assign(person_id=new_pid[~dup], identity=ident[~dup]))
    part.index = pd.RangeIndex(len(part))
    del new_pid, ident, dup
    resolved = Corpus(organizations=corpus.organizations, org_ids=corpus.org_ids, people=people,
                      person_ids=pid_rows, events=corpus.events, participations=part,
                      event_ids=corpus.event_ids, quarantine=corpus.quarantine,
                      accounting=corpus.accounting)
    resolved.duplicates = dict(corpus.duplicates)

    # ---- audit -------------------------------------------------------------------------------------
    rc, _ = pd.factorize(m["raw_person_id"])
    pc, _ = pd.factorize(m["person_id"])
    _, first_at, n_at = np.unique(rc.astype(np.int64) * (int(pc.max()) + 1) + pc,
                                  return_index=True, return_counts=True)
    audit = m[["raw_person_id", "name", "source", "person_id", "method",
               "evidence"]].iloc[first_at].rename(columns={"name": "raw_name"})
    audit = audit.assign(mentions=n_at).sort_values(["raw_person_id", "person_id"],
                                                    ignore_index=True)
    audit["name"] = audit["person_id"].map(people.set_index("person_id")["name"])
    audit = audit[["raw_person_id", "raw_name", "source", "person_id", "name", "method",
                   "evidence", "mentions"]]
    mentions = m[["event_id", "raw_person_id", "person_id", "identity", "method", "block"]]
    log.info("resolve_people: %d mentions of %d raw people → %d people", len(m),
             m["raw_person_id"].nunique(), len(people))
    return PeopleResolution(resolved, audit, mentions.reset_index(drop=True), params)

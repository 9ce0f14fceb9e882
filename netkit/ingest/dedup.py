"""One event per real event: copies of a paper, patent or grant found in several sources.

A corpus read from several sources holds the same real event more than once: a paper
exported from Web of Science and from Scopus, an H2020 project listed by CORDIS and by
the Research Council of Norway, a patent in the USPTO grant XML and in PatentsView.
:func:`match_events` finds these copies with table joins (no Python loop over events)
and :func:`merge_events` keeps one event per real event.

The rule
--------
Copies are linked by keys, strongest first:

* **publications** — the DOI (lower case, without ``https://doi.org/``, ``doi:`` …);
  the PubMed id (digits, without the PubMed URL or leading zeros); then the
  normalised title (accents, case and punctuation folded; at least 3 words and 20
  characters) with the same year and at least one author name token (a word of two or
  more letters of an author's name, so ``Berg, Kari`` meets ``Kari Berg`` and
  ``Berg K.``) in common. A title key is used only when no source holds two events
  with that title and year (a guideline co-published in two journals stays two events).
* **patents** — the patent number of USPTO and PatentsView events (``US`` prefix,
  leading zeros and kind code dropped: ``07000001``, ``7000001`` and ``US7000001B2``
  are one patent; design/reissue/plant prefixes ``D``, ``RE``, ``PP`` … kept).
* **projects** — the grant-agreement number of CORDIS and national H2020 tables
  (``Prosjektnr`` of the Norwegian table is the CORDIS ``projectID``). A CORDIS project
  known by no grant number (the processed participations layout names projects by
  ``rcn``) is paired with a national table's project by its *fingerprint*: the same
  start and end dates, as many participants from the table's country (Norway) and a
  coordinator from that country in both or in neither — only when exactly one project
  on each side has that fingerprint. On the real samples this pairs 131 projects, and
  every pair has the same EC contribution per Norwegian participant in both tables
  (which the rule does not read).

Linked events form groups (connected components). A group whose events carry two
different DOIs (or two different PubMed ids) is never merged through a title or PubMed
link: its events are grouped by DOI alone. A group whose events all come from one
source is left as it is (a source's own double records are its business); a group
spanning several sources becomes one event.

The kept event is the *richest copy*: the one with the most participations, then the
most filled fields (year, date, title, amount, DOI …), then the smallest event id. Its
empty fields are filled from the other copies in that order. The participations of
every copy move onto it (a row repeated — same organisation, person and role — is kept
once), every copy is listed in ``event_ids`` (``event_id`` of the kept event,
``source``, ``value`` = the copy's own id, ``matched_by``), and each dropped copy moves
one record of the file it came from from ``loaded`` to ``duplicates`` in the accounting.
In a merged project the organisations of the national table and of CORDIS are paired
where that is certain (the one participant of the country with a given role on each
side, never paired otherwise elsewhere): the CORDIS organisation gets the national
identifier (``orgnr``) in ``org_ids``, so that :func:`netkit.resolve.resolve` makes them
one organisation.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from netkit.model import Corpus
from netkit.model.corpus import _ORIGIN_FILE
from netkit.model.validate import isin, make_table

__all__ = [
    "GRANT_SOURCES",
    "NATIONAL_GRANT_TABLES",
    "NATIONAL_ORG_SCHEMES",
    "PATENT_SOURCES",
    "match_events",
    "merge_events",
    "normalise_doi",
    "normalise_patent_number",
    "normalise_pmid",
    "title_key",
]

log = logging.getLogger(__name__)

PATENT_SOURCES: dict[str, str] = {"uspto": "US", "patentsview": "US"}
"""Patent sources whose event ids end in a patent number, by patent office."""

GRANT_SOURCES: dict[str, str] = {"cordis": "EU-FP", "norway": "EU-FP"}
"""Grant sources whose event ids end in a grant-agreement number, by programme family
(a national table of EU grants uses the CORDIS project id)."""

NATIONAL_GRANT_TABLES: dict[str, str] = {"norway": "NO"}
"""National tables of EU grants and the country whose participants they list."""

NATIONAL_ORG_SCHEMES: dict[str, str] = {"norway": "orgnr"}
"""The organisation identifier (``org_ids`` scheme) of each national table."""

RULES = ("doi", "pmid", "title", "patent-number", "grant-number", "grant-fingerprint")
"""The ``matched_by`` values, strongest first."""

MIN_TITLE_WORDS = 3
MIN_TITLE_CHARS = 20
MIN_SHARED_TOKENS = 0.5
"""Share of the name tokens of the copy with fewer tokens that the other copy must
have too (title matches: the author lists agree, not just one author)."""
_DOI_PREFIX = r"^(?:https?://)?(?:dx\.)?doi\.org/|^doi:\s*|^doi\s+"


def _text(values) -> pa.ChunkedArray:
    s = pd.Series(values, dtype=object).where(pd.notna(values), None)
    return pa.chunked_array([pa.array(s.tolist(), type=pa.large_string())])


def _series(arr) -> pd.Series:
    return pd.Series(arr.to_pandas(), dtype=object).where(lambda s: s.notna(), None)


def normalise_doi(values) -> pd.Series:
    """DOIs in one spelling (lower case, no resolver prefix); ``None`` where not a DOI.

    Examples
    --------
    >>> normalise_doi(["https://doi.org/10.1000/ABC", "doi: 10.1000/abc.", "DOI 10.1/x",
    ...                "n/a", None]).tolist()
    ['10.1000/abc', '10.1000/abc', '10.1/x', None, None]
    """
    a = pc.utf8_trim_whitespace(pc.utf8_lower(_text(values)))
    a = pc.replace_substring_regex(a, _DOI_PREFIX, "")
    a = pc.utf8_rtrim(pc.utf8_trim_whitespace(a), characters=".;, ")
    ok = pc.match_substring_regex(a, r"^10\.\d+/\S+$")
    return _series(pc.if_else(pc.fill_null(ok, False), a, pa.scalar(None, pa.large_string())))


def normalise_pmid(values) -> pd.Series:
    """PubMed ids as digits without leading zeros; ``None`` where there is none.

    Examples
    --------
    >>> normalise_pmid(["https://pubmed.ncbi.nlm.nih.gov/18254848", "0012345", "abc", None]
    ...                ).tolist()
    ['18254848', '12345', None, None]
    """
    a = pc.utf8_trim_whitespace(_text(values))
    a = pc.replace_substring_regex(a, r"^(?:https?://)?(?:pubmed\.ncbi\.nlm\.nih\.gov/|"
                                      r"www\.ncbi\.nlm\.nih\.gov/pubmed/)|^pmid:?\s*|/$", "")
    a = pc.utf8_ltrim(a, characters="0")
    ok = pc.match_substring_regex(a, r"^\d+$")
    return _series(pc.if_else(pc.fill_null(ok, False), a, pa.scalar(None, pa.large_string())))


def normalise_patent_number(values) -> pd.Series:
    """Patent numbers without country prefix, leading zeros or kind code.

    Examples
    --------
    >>> normalise_patent_number(["07000001", "7000001", "US7000001B2", "D0501234",
    ...                          "RE038000E", "US 6,000,123 A", "x"]).tolist()
    ['7000001', '7000001', '7000001', 'D501234', 'RE38000', '6000123', None]
    """
    a = pc.utf8_upper(_text(values))
    a = pc.replace_substring_regex(a, r"[\s,\-/]+", "")
    parts = pc.extract_regex(a, r"^(?:US)?(?P<p>D|RE|PP|H|T|X|AI|RX)?0*(?P<n>\d+)(?:[A-Z]\d?)?$")
    number = pc.binary_join_element_wise(pc.fill_null(pc.struct_field(parts, "p"), ""),
                                         pc.struct_field(parts, "n"),
                                         pa.scalar("", pa.large_string()))
    return _series(number)


def _fold(values) -> pa.ChunkedArray:
    """Text folded for keys: accents of Latin letters dropped, lower case, every run of
    characters that are no letter or digit one space."""
    a = pc.utf8_normalize(_text(values), "NFKD")
    a = pc.replace_substring_regex(a, r"\p{Mn}", "")
    a = pc.utf8_lower(a)
    a = pc.replace_substring_regex(a, r"[^\p{L}\p{N}]+", " ")
    return pc.utf8_trim_whitespace(a)


def title_key(titles) -> pd.Series:
    """Titles folded for matching; ``None`` for titles too short to tell papers apart
    (fewer than 3 words or 20 characters: "Editorial", "Reply").

    Examples
    --------
    >>> title_key(["Deep Learning: A Révolution?", "Editorial",
    ...            "deep learning -- a revolution"]).tolist()
    ['deep learning a revolution', None, 'deep learning a revolution']
    """
    a = _fold(titles)
    words = pc.add(pc.count_substring(a, " "), 1)
    ok = pc.and_(pc.greater_equal(words, MIN_TITLE_WORDS),
                 pc.greater_equal(pc.utf8_length(a), MIN_TITLE_CHARS))
    return _series(pc.if_else(pc.fill_null(ok, False), a, pa.scalar(None, pa.large_string())))


def _sources(events: pd.DataFrame) -> pd.Series:
    """Each event's source: its ``source`` column, else the second part of its id."""
    source = events["source"].astype(object)
    missing = source.isna().to_numpy()
    if missing.any():  # only then read the ids
        source = source.copy()
        source[missing] = events["event_id"][missing].astype(str).str.split(":", n=2).str[1]
    return source.astype(str)


def _keys(events: pd.DataFrame, source: pd.Series) -> pd.DataFrame:
    """One row per (event position, rule, key) of the identifier rules."""
    pos = np.arange(len(events))
    kind = events["kind"].astype(str).to_numpy()
    frames = []
    pub = kind == "publication"
    for rule, column, norm in (("doi", "doi", normalise_doi), ("pmid", "pmid", normalise_pmid)):
        if column in events and pub.any():
            k = norm(events[column].to_numpy(dtype=object)[pub])
            frames.append(pd.DataFrame({"pos": pos[pub], "rule": rule, "key": k.to_numpy()}))
    for rule, kname, families, norm in (
            ("patent-number", "patent", PATENT_SOURCES, normalise_patent_number),
            ("grant-number", "contract", GRANT_SOURCES, None)):
        fam = source.map(families).to_numpy(dtype=object)
        sel = (kind == kname) & pd.notna(fam)
        if not sel.any():
            continue
        raw = events["event_id"][sel].astype(str).str.split(":", n=2).str[2].astype(object)
        raw = pd.Series(raw.to_numpy(dtype=object), dtype=object)
        if norm is None:  # grant numbers: digits only (a CORDIS rcn-… id is no grant number)
            raw = raw.where(raw.str.fullmatch(r"\d+"), None).str.lstrip("0")
        else:
            raw = norm(raw.to_numpy())
        key = pd.Series(fam[sel], dtype=object).str.cat(pd.Series(raw.to_numpy(dtype=object)),
                                                        sep=":")
        frames.append(pd.DataFrame({"pos": pos[sel], "rule": rule, "key": key.to_numpy()}))
    if not frames:
        return pd.DataFrame({"pos": pd.Series([], dtype=np.int64), "rule": [], "key": []})
    keys = pd.concat(frames, ignore_index=True).dropna(subset=["key"])
    return keys[keys["key"].astype(str) != ""]


def _title_pairs(events: pd.DataFrame, source: pd.Series,
                 participations: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Pairs of publications (positions ``a`` < ``b``) with the same title key and year,
    an author name token in common, and no source holding two events of that title."""
    pub = (events["kind"].astype(str) == "publication").to_numpy() & events["year"].notna().to_numpy()
    if not pub.any():
        return pd.DataFrame({"a": [], "b": []}, dtype=np.int64)
    t = pd.DataFrame({"pos": np.flatnonzero(pub), "title": title_key(
        events["title"].to_numpy(dtype=object)[pub]).to_numpy(),
        "year": events["year"].to_numpy()[pub], "source": source.to_numpy()[pub]}).dropna(
        subset=["title"])
    t = t[t.duplicated(["title", "year"], keep=False)]
    if t.empty:
        return pd.DataFrame({"a": [], "b": []}, dtype=np.int64)
    per_source = t.groupby(["title", "year", "source"])["pos"].transform("size")
    ambiguous = t.loc[per_source > 1, ["title", "year"]].drop_duplicates()
    t = t.merge(ambiguous, how="left", indicator=True)
    t = t[t["_merge"] == "left_only"].drop(columns="_merge")
    if t.empty:
        return pd.DataFrame({"a": [], "b": []}, dtype=np.int64)
    # the authors' name tokens of these events
    event_pos = pd.Series(t["pos"].to_numpy(), index=events["event_id"].to_numpy()[t["pos"]])
    part = participations[["event_id", "person_id"]].dropna()
    part = part[part["event_id"].isin(event_pos.index)].drop_duplicates()
    names = part["person_id"].map(people.set_index("person_id")["name"])
    tok = pd.DataFrame({"pos": part["event_id"].map(event_pos).to_numpy(),
                        "token": _fold(names.to_numpy(dtype=object)).to_pandas().to_numpy()})
    tok["token"] = tok["token"].str.split(" ")
    tok = tok.explode("token").dropna()
    tok = tok[tok["token"].str.len() >= 2].drop_duplicates()
    n_tokens = tok.groupby("pos").size()
    n_authors = part.groupby(part["event_id"].map(event_pos)).size()
    tok = tok.merge(t[["pos", "title", "year"]], on="pos")
    pairs = tok.merge(tok, on=["title", "year", "token"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["pos_a"] < pairs["pos_b"]]
    pairs = pairs.groupby(["pos_a", "pos_b"]).size().rename("shared").reset_index()
    a, b = pairs["pos_a"], pairs["pos_b"]
    same_authors = (a.map(n_authors) == b.map(n_authors)) & (
        pairs["shared"] >= MIN_SHARED_TOKENS * np.minimum(a.map(n_tokens), b.map(n_tokens)))
    pairs = pairs[same_authors.to_numpy()]
    return pairs.rename(columns={"pos_a": "a", "pos_b": "b"}).astype(np.int64)


def _grant_fingerprints(corpus: Corpus, source: pd.Series, keys: pd.DataFrame) -> pd.DataFrame:
    """Keys (``grant-fingerprint``) that pair a national table's project with a programme
    project known by no grant-agreement number (the CORDIS participations layout names
    projects by ``rcn``): same start and end dates, as many participants from the
    table's country, and a coordinator from that country in both or neither. A key
    is kept only when exactly one national and one programme project have it."""
    events = corpus.events
    empty = pd.DataFrame({"pos": pd.Series([], dtype=np.int64), "rule": [], "key": []})
    national = source.map(NATIONAL_GRANT_TABLES).to_numpy(dtype=object)
    if "end_date" not in events or not pd.notna(national).any():
        return empty
    grants = keys[keys["rule"] == "grant-number"]
    shared = grants[grants.groupby("key")["pos"].transform("size") > 1]["pos"].to_numpy()
    numbered = grants["pos"].to_numpy()
    ok = ((events["kind"].astype(str) == "contract").to_numpy()
          & source.map(GRANT_SOURCES).notna().to_numpy()
          & events["date"].notna().to_numpy() & events["end_date"].notna().to_numpy())
    is_national = pd.notna(national)
    nat_ok = ok & is_national & ~np.isin(np.arange(len(events)), shared)
    prog_ok = ok & ~is_national & ~np.isin(np.arange(len(events)), numbered)
    if not nat_ok.any() or not prog_ok.any():
        return empty
    cand = pd.DataFrame({"event_id": events["event_id"].to_numpy(dtype=object),
                         "pos": np.arange(len(events)), "national": national,
                         "when": events["date"].astype(object).astype(str).str.cat(
                             events["end_date"].astype(object).astype(str), sep="|").to_numpy()})
    cand = cand[nat_ok | prog_ok]
    part = corpus.participations[["event_id", "org_id", "role"]].dropna(subset=["org_id"])
    part = part[isin(part["event_id"], cand["event_id"])].merge(
        corpus.organizations[["org_id", "country"]], on="org_id", how="left").merge(
        cand, on="event_id")
    countries = pd.unique(cand["national"].dropna())
    part = part[part["country"].isin(countries) | part["national"].notna()]
    part["country"] = part["national"].where(part["national"].notna(), part["country"])
    part["coord"] = part["role"].astype(str) == "coordinator"
    part["side"] = part["national"].notna()
    fp = part.groupby(["pos", "country"]).agg(n=("org_id", "nunique"), coord=("coord", "any"),
                                              when=("when", "first"),
                                              side=("side", "first"))
    fp = fp.reset_index()
    fp["key"] = (fp["country"].astype(str) + "|" + fp["when"] + "|" + fp["n"].astype(str) + "|"
                 + fp["coord"].astype(str))
    counts = fp.groupby(["key", "side"])["pos"].transform("size")
    fp = fp[counts.to_numpy() == 1]
    fp = fp[fp.groupby("key")["side"].transform("nunique").to_numpy() == 2]
    return pd.DataFrame({"pos": fp["pos"].to_numpy(dtype=np.int64), "rule": "grant-fingerprint",
                         "key": ("fingerprint:" + fp["key"]).to_numpy(dtype=object)})


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _key_edges(keys: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each event with a key to the first event of that key."""
    first = keys.groupby("key")["pos"].transform("min").to_numpy(dtype=np.int64)
    return keys["pos"].to_numpy(dtype=np.int64), first


def match_events(corpus: Corpus) -> pd.DataFrame:
    """The copies of events found in several sources (see the module docstring for the rule).

    Returns
    -------
    DataFrame
        One row per copy of an event recorded by two or more sources: ``event_id`` (the
        copy), ``kept`` (the event it becomes), ``source``, ``matched_by`` (the strongest
        rule that links it to another copy of its group), ``rank`` (0 for the kept copy)
        and ``pos`` (its row in ``corpus.events``). Empty when no event is shared.

    Examples
    --------
    >>> c = Corpus(events={"event_id": ["pub:wos:1", "pub:scopus:9", "pub:scopus:8"],
    ...                    "kind": ["publication"] * 3, "year": [2020] * 3,
    ...                    "source": ["wos", "scopus", "scopus"],
    ...                    "doi": ["10.1/A", "https://doi.org/10.1/a", "10.1/b"]})
    >>> match_events(c)[["event_id", "kept", "matched_by", "rank"]].values.tolist()
    [['pub:scopus:9', 'pub:scopus:9', 'doi', 0], ['pub:wos:1', 'pub:scopus:9', 'doi', 1]]
    """
    out_cols = ["event_id", "kept", "source", "matched_by", "rank", "pos"]
    events = corpus.events
    n = len(events)
    source = _sources(events) if n else pd.Series([], dtype=object)
    if n < 2 or source.nunique() < 2:
        return pd.DataFrame({c: [] for c in out_cols})
    keys = _keys(events, source)
    keys = pd.concat([keys, _grant_fingerprints(corpus, source, keys)], ignore_index=True)
    titles = _title_pairs(events, source, corpus.participations, corpus.people)
    ka, kb = _key_edges(keys)
    label = _components(n, np.concatenate([ka, titles["a"].to_numpy()]),
                        np.concatenate([kb, titles["b"].to_numpy()]))
    # groups holding two DOIs (or two PubMed ids): grouped by DOI alone
    strong = keys[keys["rule"].isin(["doi", "pmid"])]
    conflict = (strong.assign(label=label[strong["pos"].to_numpy()])
                .groupby(["label", "rule"])["key"].nunique())
    bad = np.unique(conflict[conflict > 1].index.get_level_values("label").to_numpy())
    if len(bad):
        doi = keys[keys["rule"] == "doi"]
        da, db = _key_edges(doi)
        by_doi = _components(n, da, db)
        hit = np.isin(label, bad)
        label = np.where(hit, by_doi + label.max() + 1, label)
    # groups spanning two or more sources
    g = pd.DataFrame({"pos": np.arange(n), "label": label, "source": source.to_numpy()})
    spans = g.groupby("label")["source"].transform("nunique") > 1
    g = g[spans.to_numpy()]
    if g.empty:
        return pd.DataFrame({c: [] for c in out_cols})
    # the richest copy first
    sub = events.iloc[g["pos"].to_numpy()]
    part_ids = corpus.participations["event_id"]
    n_part = part_ids[isin(part_ids, sub["event_id"])].value_counts()
    g["parts"] = sub["event_id"].map(n_part).fillna(0).to_numpy(dtype=np.int64)
    g["filled"] = sub.drop(columns=["event_id", "kind", "source", "origin"]).notna().sum(
        axis=1).to_numpy()
    g["event_id"] = sub["event_id"].to_numpy(dtype=object)
    g = g.sort_values(["label", "parts", "filled", "event_id"],
                      ascending=[True, False, False, True], kind="stable")
    g["rank"] = g.groupby("label").cumcount()
    g["kept"] = g.groupby("label")["event_id"].transform("first")
    # matched_by: the strongest rule linking each copy to another copy of its group
    lab = pd.Series(label, index=np.arange(n))
    k = keys.assign(label=lab.loc[keys["pos"].to_numpy()].to_numpy())
    k = k[k.groupby(["label", "key"])["pos"].transform("size") > 1]
    tp = titles[lab.loc[titles["a"].to_numpy()].to_numpy() == lab.loc[titles["b"].to_numpy()]
                .to_numpy()]
    linked = pd.concat([k[["pos", "rule"]], pd.DataFrame({
        "pos": np.concatenate([tp["a"].to_numpy(), tp["b"].to_numpy()]), "rule": "title"})])
    linked["order"] = linked["rule"].map({r: i for i, r in enumerate(RULES)})
    best = linked.sort_values(["pos", "order"]).drop_duplicates("pos").set_index("pos")["rule"]
    g["matched_by"] = g["pos"].map(best).to_numpy(dtype=object)
    return g[out_cols].reset_index(drop=True)


def merge_events(corpus: Corpus) -> Corpus:
    """The corpus with one event per real event (see the module docstring for the rule).

    Nothing changes when no event is found in more than one source. The number of
    copies dropped is in ``result.duplicates["events_across_sources"]``.

    Examples
    --------
    >>> c = Corpus(
    ...     organizations={"org_id": ["o:a", "o:b"], "name": ["A", "B"], "sector": ["firm"] * 2},
    ...     events={"event_id": ["pat:uspto:07000001", "pat:patentsview:7000001"],
    ...             "kind": ["patent", "patent"], "year": [2006, None],
    ...             "title": [None, "Widget"], "source": ["uspto", "patentsview"]},
    ...     participations={"event_id": ["pat:uspto:07000001", "pat:patentsview:7000001"],
    ...                     "org_id": ["o:a", "o:b"], "role": ["assignee"] * 2})
    >>> m = merge_events(c)
    >>> m.events[["event_id", "year", "title"]].values.tolist()
    [['pat:patentsview:7000001', 2006, 'Widget']]
    >>> m.participations["event_id"].unique().tolist(), m.event_ids["value"].tolist()
    (['pat:patentsview:7000001'], ['pat:patentsview:7000001', 'pat:uspto:07000001'])
    """
    matches = match_events(corpus)
    if matches.empty:
        return corpus
    events = corpus.events
    copies = matches[matches["rank"] > 0]
    mapping = pd.Series(copies["kept"].to_numpy(), index=copies["event_id"].to_numpy())
    # the kept events' empty fields, filled from the other copies (richest first)
    ordered = events.iloc[matches["pos"].to_numpy()].set_index("event_id")
    fill_cols = [c for c in ordered.columns if c not in ("kind", "source", "origin")]
    firsts = ordered[fill_cols].groupby(matches["kept"].to_numpy(), sort=False).first()
    dropped = np.zeros(len(events), dtype=bool)
    dropped[copies["pos"].to_numpy()] = True
    out = events[~dropped].copy()
    at = pd.Index(out["event_id"])
    for c in fill_cols:
        gaps = out[c].isna().to_numpy() & at.isin(firsts.index)
        if gaps.any():
            values = firsts[c].reindex(at[gaps])
            col = out[c].copy()
            col.iloc[np.flatnonzero(gaps)] = values.to_numpy()
            out[c] = col.astype(events[c].dtype) if not isinstance(
                events[c].dtype, pd.CategoricalDtype) else col
    # participations of the copies onto the kept event, each row once
    part = corpus.participations
    hit = isin(part["event_id"], pd.Series(mapping.index))
    new_ids = part["event_id"].copy()
    new_ids[hit] = part["event_id"][hit].map(mapping).to_numpy()
    part = part.assign(event_id=new_ids)
    before = len(part)
    merged_rows = isin(part["event_id"], pd.Series(matches["kept"].unique()))
    repeated = part[merged_rows].duplicated(["event_id", "org_id", "person_id", "role"])
    keep = np.ones(len(part), dtype=bool)
    keep[np.flatnonzero(merged_rows)[repeated.to_numpy()]] = False
    part = part[keep]  # rows of events that were not merged are left as they are
    event_ids = make_table("event_ids", pd.DataFrame({
        "event_id": matches["kept"].to_numpy(), "source": matches["source"].to_numpy(),
        "value": matches["event_id"].to_numpy(), "matched_by": matches["matched_by"].to_numpy()}))
    event_ids = pd.concat([corpus.event_ids, event_ids], ignore_index=True).drop_duplicates(
        ["event_id", "value"], ignore_index=True)
    links = _national_org_links(corpus, matches)
    org_ids = corpus.org_ids
    if len(links):
        org_ids = pd.concat([org_ids, links], ignore_index=True).drop_duplicates(
            ignore_index=True)
    accounting = _count_copies(corpus.accounting, events["origin"].iloc[copies["pos"].to_numpy()])
    duplicates = {**corpus.duplicates, "events_across_sources": len(mapping)}
    log.info("events: %d events were found in more than one source; %d copies merged into "
             "them, %d participations repeated by the copies dropped",
             matches["kept"].nunique(), len(mapping), before - len(part))
    merged = corpus._replace(events=out, participations=part, event_ids=event_ids,
                             accounting=accounting, org_ids=make_table("org_ids", org_ids))
    merged.duplicates = duplicates
    return merged


def _national_org_links(corpus: Corpus, matches: pd.DataFrame) -> pd.DataFrame:
    """``org_ids`` rows that give a programme organisation (a CORDIS PIC) the national
    identifier (``orgnr``) of the same organisation in a national table's copy of a
    merged project.

    Within a merged project, the participants from the table's country are paired when
    the pairing is certain: one of them on each side with a given role (the
    coordinator; the only Norwegian participant). A pair is kept only if neither
    organisation is paired with another one in any other project.
    """
    empty = pd.DataFrame({"org_id": [], "scheme": [], "value": []})
    m = matches[["event_id", "kept", "source"]]
    m = m.assign(country=m["source"].map(NATIONAL_GRANT_TABLES))
    nat_country = m.dropna(subset=["country"]).drop_duplicates("kept").set_index("kept")["country"]
    if nat_country.empty:
        return empty
    m = m[m["kept"].isin(nat_country.index)]
    part = corpus.participations[["event_id", "org_id", "role"]].dropna(subset=["org_id"])
    part = part[isin(part["event_id"], m["event_id"])].merge(m, on="event_id").merge(
        corpus.organizations[["org_id", "country"]].rename(columns={"country": "org_country"}),
        on="org_id", how="left")
    part["side"] = part["country"].notna()  # True: the national table's copy
    part = part[part["side"] | (part["org_country"] == part["kept"].map(nat_country))]
    part = part.drop_duplicates(["kept", "role", "side", "org_id"])
    one = part.groupby(["kept", "role", "side"], observed=True)["org_id"].transform("size") == 1
    cells = part[one.to_numpy()]
    pairs = cells[cells["side"]].merge(cells[~cells["side"]], on=["kept", "role"],
                                       suffixes=("_nat", "_prog"))
    pairs = pairs[["org_id_nat", "org_id_prog", "source_nat"]].drop_duplicates()
    sure = (pairs.groupby("org_id_nat")["org_id_prog"].transform("nunique") == 1) & (
        pairs.groupby("org_id_prog")["org_id_nat"].transform("nunique") == 1)
    pairs = pairs[sure.to_numpy()]
    if pairs.empty:
        return empty
    pairs = pairs.assign(scheme=pairs["source_nat"].map(NATIONAL_ORG_SCHEMES))
    ids = corpus.org_ids.merge(pairs, left_on=["org_id", "scheme"],
                               right_on=["org_id_nat", "scheme"])
    return pd.DataFrame({"org_id": ids["org_id_prog"].to_numpy(),
                         "scheme": ids["scheme"].to_numpy(), "value": ids["value"].to_numpy()})


def _count_copies(accounting: pd.DataFrame, origins: pd.Series) -> pd.DataFrame:
    """Move one record per dropped copy, in the file it came from, from loaded to duplicates."""
    if accounting.empty or origins.empty:
        return accounting
    files = origins.fillna("").astype(str).str.extract(_ORIGIN_FILE)["file"].value_counts()
    accounting = accounting.copy()
    hit = accounting["file"].isin(files.index).to_numpy()
    moved = accounting.loc[hit, "file"].map(files).astype("int64")
    moved = np.minimum(moved, accounting.loc[hit, "loaded"])
    accounting.loc[hit, "loaded"] -= moved
    accounting.loc[hit, "duplicates"] += moved
    return accounting

"""Strong identifiers: organisations that share one are the same organisation.

A *strong* identifier names exactly one organisation in its scheme: ROR, OpenAlex
institution id, GRID, CORDIS PIC, VAT number, UEI/DUNS, PatentsView assignee id,
Norwegian organisation number, NSERC partner id, Wikidata, ISNI, LEI. Identifiers that
only carry a spelling (scheme ``name``, ``wos_enhanced`` …) are not strong.

ROR ids are also *exclusive*: an organisation holding one ROR id is never merged
with an organisation holding another, whatever their names or other identifiers.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = [
    "EXCLUSIVE_SCHEMES",
    "STRONG_SCHEMES",
    "clean_identifier",
    "exclusive_labels",
    "identifier_edges",
]

STRONG_SCHEMES: frozenset[str] = frozenset({
    "ror", "openalex", "grid", "pic", "vat", "uei", "duns", "assignee", "orgnr", "nserc",
    "wikidata", "isni", "lei",
})
"""Schemes whose values identify one organisation."""

EXCLUSIVE_SCHEMES: frozenset[str] = frozenset({"ror"})
"""Schemes of which a resolved organisation may hold at most one value."""

_PREFIXES = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:ror\.org/|openalex\.org/|api\.openalex\.org/institutions/|"
    r"wikidata\.org/wiki/|isni\.org/isni/)", re.I)


def clean_identifier(scheme: str, value: object) -> str:
    """A canonical spelling of an identifier value (URL prefixes and case removed).

    Examples
    --------
    >>> clean_identifier("ror", "https://ror.org/05T99SP05")
    '05t99sp05'
    >>> clean_identifier("openalex", "https://openalex.org/i27837315")
    'I27837315'
    >>> clean_identifier("vat", " no 123 456 789 ")
    'NO123456789'
    """
    v = _PREFIXES.sub("", str(value).strip())
    if scheme in ("ror", "grid"):
        return v.lower()
    if scheme in ("vat", "openalex", "wikidata", "uei", "lei", "isni", "orgnr", "duns"):
        return re.sub(r"[\s.\-]", "", v).upper()
    return v


def _strong(org_ids: pd.DataFrame, schemes) -> pd.DataFrame:
    ids = org_ids[org_ids["scheme"].isin(list(schemes)) & org_ids["value"].notna()]
    if ids.empty:
        return pd.DataFrame({"node": pd.Series([], dtype="int64"),
                             "scheme": pd.Series([], dtype=object),
                             "value": pd.Series([], dtype=object)})
    values = [clean_identifier(s, v) for s, v in
              zip(ids["scheme"].tolist(), ids["value"].tolist(), strict=True)]
    out = pd.DataFrame({"node": ids["node"].to_numpy(dtype=np.int64),
                        "scheme": ids["scheme"].astype(object).to_numpy(),
                        "value": np.asarray(values, dtype=object)})
    return out[out["value"] != ""]


def identifier_edges(org_ids: pd.DataFrame, schemes=STRONG_SCHEMES) -> pd.DataFrame:
    """Edges between nodes that share a strong identifier.

    Parameters
    ----------
    org_ids : DataFrame
        Columns ``node`` (int position), ``scheme``, ``value``.
    schemes : iterable of str
        The strong schemes.

    Returns
    -------
    DataFrame
        Columns ``a``, ``b`` (node positions, a chain through each group of nodes
        sharing an identifier) and ``evidence`` (``scheme:value``).

    Examples
    --------
    >>> ids = pd.DataFrame({"node": [0, 1, 2, 3], "scheme": ["pic", "pic", "pic", "name"],
    ...                     "value": ["9", "9", "9", "x"]})
    >>> identifier_edges(ids).values.tolist()
    [[0, 1, 'pic:9'], [1, 2, 'pic:9']]
    """
    s = _strong(org_ids, schemes).drop_duplicates().sort_values(["scheme", "value", "node"])
    ev = (s["scheme"] + ":" + s["value"]).to_numpy(dtype=object)
    nodes = s["node"].to_numpy()
    same = ev[1:] == ev[:-1] if len(ev) > 1 else np.zeros(0, bool)
    return pd.DataFrame({"a": nodes[:-1][same] if len(ev) else nodes,
                         "b": nodes[1:][same] if len(ev) else nodes,
                         "evidence": ev[1:][same] if len(ev) else ev})


def exclusive_labels(org_ids: pd.DataFrame, schemes=EXCLUSIVE_SCHEMES) -> dict[int, set[str]]:
    """``node → {"ror:<id>", …}`` for the exclusive schemes.

    Examples
    --------
    >>> ids = pd.DataFrame({"node": [0, 1], "scheme": ["ror", "pic"], "value": ["0A", "9"]})
    >>> exclusive_labels(ids)
    {0: {'ror:0a'}}
    """
    s = _strong(org_ids, schemes).drop_duplicates()
    out: dict[int, set[str]] = {}
    for node, scheme, value in zip(s["node"].tolist(), s["scheme"].tolist(),
                                   s["value"].tolist(), strict=True):
        out.setdefault(int(node), set()).add(f"{scheme}:{value}")
    return out

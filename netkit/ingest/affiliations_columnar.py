"""Parse many affiliation strings at once: :func:`parse_affiliation` column-wise.

A reader of a large export (Scopus CSV) hands over the distinct affiliation strings of
a block; their comma-separated parts are split with pyarrow, each *distinct* part is
classified once (RE2 through :mod:`pyarrow.compute` where it provably agrees with
Python's ``re``, Python otherwise) and the organisation, city and country of every
string are picked with numpy. Strings it cannot vouch for are left to
:func:`~netkit.ingest.affiliations.parse_affiliation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from netkit.ingest.affiliations import (
    _HOLDS_UNIVERSITY,
    _INITIALS,
    _NUMBERED,
    _STATE_PART,
    _STREET,
    _UNIT,
    _clean_city,
    _plain,
)
from netkit.ingest.columnar import split_strip, strip
from netkit.lexicon.countries import country_code, country_of_last_part
from netkit.lexicon.legal_forms import is_legal_form, legal_words
from netkit.lexicon.sectors import NAME_RULES, sector_from_name, sector_of_organization

__all__ = ["AffiliationColumns", "parse_affiliations"]

_PRINTABLE_ASCII = r"^[\x20-\x7e]*$"
"""Parts on which RE2 (pyarrow) and Python's ``re`` agree for the sub-unit pattern:
ASCII word characters, only the space as whitespace, no line ends."""
_LATIN = r"\x20-\x7e\x{c0}-\x{d6}\x{d8}-\x{f6}\x{f8}-\x{12f}\x{132}-\x{148}\x{14a}-\x{17e}"
_SAFE_LATIN = rf"^[{_LATIN}]*$"
"""Printable ASCII and the letters of Latin-1 and Latin Extended-A except İ ı ŉ ſ (whose
case folding differs between Python and RE2): on such parts the name rules below
(with every non-ASCII character a word character) match in RE2 exactly when the
Python rules do, and the US-state pattern too."""
_PLAIN_LATIN = r"^[\x20-\x7e\x{c0}-\x{d6}\x{d8}-\x{de}\x{e0}-\x{f6}\x{f8}-\x{12f}" \
    r"\x{134}-\x{13e}\x{141}-\x{148}\x{14a}-\x{17e}]*$"
"""Names whose :func:`name_key` RE2 reproduces (no ß, Ĳ, ĳ, Ŀ, ŀ besides the above):
their NFKD form is ASCII plus combining marks U+0300–U+036F plus letters whose
case folding is their lower case."""
_WORD = r"[\w\x{80}-\x{10ffff}]"
"""A word character of a :data:`_SAFE_LATIN` text (there every non-ASCII character is
a letter); much faster in RE2 than Unicode classes."""
_RULES_RE2 = tuple(
    rf"(?:^|[^\w\x{{80}}-\x{{10ffff}}])(?:{pattern.replace(chr(92) + 'w', _WORD)})"
    rf"(?:[^\w\x{{80}}-\x{{10ffff}}]|$)" for _, _, pattern in NAME_RULES)
"""The name rules of :mod:`netkit.lexicon.sectors` without look-arounds (RE2 has none):
on :data:`_SAFE_LATIN` parts a search finds a match exactly when the original does."""
_RULE_INDEX = {f"name:{rule}": k for k, (rule, _, _) in enumerate(NAME_RULES)}
# the sector of each rule index; index -1 (no rule) is "unknown"
_RULE_SECTORS = np.array([s for _, s, _ in NAME_RULES] + ["unknown"], dtype=object)


@dataclass(frozen=True)
class AffiliationColumns:
    """:func:`parse_affiliations`: one row per string.

    Where ``ok`` is true, ``organization``, ``city`` and ``country`` are those of
    :func:`parse_affiliation`, ``sector`` and ``rule`` those of
    :func:`sector_of_organization` of the organisation and ``key`` its
    :func:`name_key`; elsewhere they are null and the caller parses the string itself.
    """

    ok: np.ndarray
    organization: pa.Array
    key: pa.Array
    sector: pa.Array
    rule: pa.Array
    city: pa.Array
    country: pa.Array


def parse_affiliations(strings: pa.Array) -> AffiliationColumns:
    """:func:`parse_affiliation` (``Dept, Org, City, Country`` order) of many strings,
    column-wise.

    The strings are split into their comma-separated parts with pyarrow, each
    *distinct* part is classified once (sector rules, sub-unit and US-state forms:
    with RE2 on printable ASCII parts, with the Python rules on the others; the
    country from each distinct last part) and the organisation, city and country of
    every string are picked with numpy. A string is vouched for (``ok``) unless it
    has surrounding whitespace or ends with ``.``, ``,`` or ``;`` (the address
    clean-up of :func:`parse_affiliation` would then change its parts), one of its
    parts is a legal form alone or a sub-unit that names its university (rare forms
    that :func:`parse_affiliation` reads part by part), or it names no organisation
    (author initials, an address); the results on vouched strings are those of the
    per-string functions.

    Examples
    --------
    >>> cols = parse_affiliations(pa.array([
    ...     "Dept of Physics, University of Turku, Turku, Finland",
    ...     "Acme Inc., Oslo, Norway", "Trailing dot, Norway."]))
    >>> cols.ok.tolist(), cols.organization.to_pylist()
    ([True, True, False], ['University of Turku', 'Acme Inc.', None])
    >>> cols.key.to_pylist(), cols.sector.to_pylist(), cols.city.to_pylist()
    (['university of turku', 'acme inc', None], ['university', 'firm', None], ['Turku', 'Oslo', None])
    >>> cols.country.to_pylist()
    ['FI', 'NO', None]
    """
    strings = strings.cast(pa.large_string()).fill_null("")
    n = len(strings)
    ok = (_np_bool(pc.equal(strip(strings), strings))
          & ~_np_bool(pc.match_substring_regex(strings, r"(?:^|[.,;])$")))
    parts = split_strip(strings, ",")
    encoded = pc.dictionary_encode(parts.values)
    segs = encoded.dictionary
    seg = encoded.indices.to_numpy().astype(np.int64)
    if not len(seg):
        nulls = pa.nulls(n, pa.large_string())
        return AffiliationColumns(np.zeros(n, dtype=bool), *[nulls] * 6)
    rule, unit, state = _classify_parts(segs)
    named = rule >= 0
    counts, starts = parts.counts, parts.starts
    ok &= counts > 0
    rare, never = _rare_parts(segs, unit, named)
    ok &= np.bincount(parts.parent[rare[seg]], minlength=n) == 0
    last = seg[np.where(ok, starts + counts - 1, 0)]

    # the country: from the last part (an address with a comma when it has 2+ parts)
    n_left = counts.copy()
    multi = np.flatnonzero(ok & (counts > 1))
    country = np.full(n, -1, dtype=np.int64)
    codes: list[str] = []
    drop = np.zeros(n, dtype=bool)
    if len(multi):
        lasts, inverse = np.unique(last[multi], return_inverse=True)
        code_of, drop_of = [], []
        index: dict[str, int] = {}
        for text in segs.take(lasts).to_pylist():
            c = country_of_last_part(text, True)
            code_of.append(-1 if c is None else index.setdefault(c, len(index)))
            drop_of.append(bool(c) and bool(country_code(text) or country_code(
                _clean_city(text) or "") or c == "US"))
        codes = list(index)
        country[multi] = np.array(code_of, dtype=np.int64)[inverse]
        drop[multi] = np.array(drop_of, dtype=bool)[inverse]
    has_country = country >= 0
    n_left -= has_country & drop
    n_left -= has_country & (n_left > 1) & state[_last_left(seg, starts, n_left)]

    # a region of the country written after the city ("Changsha, Hunan, China")
    prev = seg[np.clip(starts + n_left - 2, 0, len(seg) - 1)]
    maybe = np.flatnonzero(ok & has_country & (n_left > 2) & ~named[prev] & ~unit[prev])
    if len(maybe):
        from netkit.lexicon.region_names import is_region

        lr = _last_left(seg, starts, n_left)[maybe]
        pairs, inverse = np.unique(np.stack([country[maybe], lr]), axis=1,
                                   return_inverse=True)
        texts = segs.take(pa.array(pairs[1])).to_pylist()
        hit = np.array([is_region(codes[c], t) for c, t in zip(pairs[0].tolist(), texts,
                                                                 strict=True)], dtype=bool)
        n_left[maybe] -= hit[inverse.ravel()]

    # the city: a last part without organisation words when another part remains
    cand = _last_left(seg, starts, n_left)
    is_city = ok & (n_left > 1) & ~named[cand] & ~unit[cand]
    n_left -= is_city

    # the organisation: the last university part that is no sub-unit, else the first
    # named part that is no sub-unit, else the first part that is no sub-unit, else
    # the last part left
    inside = parts.pos < n_left[parts.parent]
    org_seg = _last_left(seg, starts, n_left)
    street = _np_bool(pc.match_substring_regex(segs, _STREET.pattern))
    plain = inside & ~unit[seg] & ~street[seg] & ~never[seg]
    university = named & (_RULE_SECTORS[rule] == "university")
    for pick, mask in ((_first_per_parent, plain), (_first_per_parent, plain & named[seg]),
                       (_last_per_parent, plain & university[seg])):
        at = pick(mask, parts.parent, n)
        org_seg = np.where(at >= 0, seg[np.maximum(at, 0)], org_seg)

    ok &= ~never[org_seg]  # no organisation: parse_affiliation says so itself
    used = np.unique(org_seg[ok])
    key_of, sector_of, rule_of = _describe_parts(segs, used, rule)
    where = pa.array(np.minimum(np.searchsorted(used, org_seg), max(len(used) - 1, 0)),
                     mask=~ok)
    city_seg = np.where(is_city & ok, cand, -1)
    cities = np.unique(city_seg[city_seg >= 0])
    city_text = pa.array([_clean_city(t) for t in segs.take(cities).to_pylist()],
                         type=pa.large_string())
    return AffiliationColumns(
        ok=ok,
        organization=segs.take(pa.array(org_seg, mask=~ok)).cast(pa.large_string()),
        key=key_of.take(where),
        sector=sector_of.take(where),
        rule=rule_of.take(where),
        city=city_text.take(pa.array(np.searchsorted(cities, city_seg), mask=city_seg < 0)),
        country=pa.array([*codes, None], type=pa.large_string()).take(
            pa.array(np.where(has_country & ok, country, len(codes)))),
    )


def _rare_parts(segs: pa.Array, unit: np.ndarray, named: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """(rare, never) of every distinct part. *Rare* parts are read by
    :func:`parse_affiliation` part by part: a legal form alone (joined to the part before
    it), a sub-unit that names its university. *Never* an organisation: author initials,
    a part that starts with a number and names no organisation (RE2 on printable ASCII
    parts, where it agrees with Python's ``re``; Python on the others)."""
    printable = _np_bool(pc.match_substring_regex(segs, _PRINTABLE_ASCII))
    initials = _np_bool(pc.match_substring_regex(segs, _INITIALS.pattern))
    numbered = _np_bool(pc.match_substring_regex(segs, _NUMBERED.pattern))
    rare = unit & _np_bool(pc.match_substring_regex(segs, _HOLDS_UNIVERSITY.pattern))
    other = np.flatnonzero(~printable)
    for i, text in zip(other.tolist(), segs.take(other).to_pylist(), strict=True):
        initials[i] = _INITIALS.match(text) is not None
        numbered[i] = _NUMBERED.match(text) is not None
        rare[i] = bool(unit[i] and _HOLDS_UNIVERSITY.search(text))
    # a legal form alone holds legal words only: RE2 finds the candidates (on other parts
    # with their accents removed; those with letters that do not decompose, such as ł or
    # ø, all go to Python), Python decides
    bare = pc.replace_substring_regex(pc.utf8_normalize(segs, form="NFKD"),
                                      "[\\x{300}-\\x{36f}]+", "")
    maybe = (_np_bool(pc.match_substring_regex(bare, _legal_words_only()))
             | ~_np_bool(pc.match_substring_regex(bare, _PRINTABLE_ASCII)))
    for i, text in zip(np.flatnonzero(maybe & ~rare).tolist(),
                       segs.filter(pa.array(maybe & ~rare)).to_pylist(), strict=True):
        rare[i] = is_legal_form(text)
    return rare, initials | (numbered & ~named)


@lru_cache(maxsize=1)
def _legal_words_only() -> str:
    """A pattern of the printable texts made of legal-form words only (``Co., Ltd.``)."""
    word = "|".join(sorted(legal_words(), key=lambda w: (-len(w), w)))
    return rf"(?i)^[^a-z0-9]*(?:{word})(?:[^a-z0-9]+(?:{word}))*[^a-z0-9]*$"


def _last_left(seg: np.ndarray, starts: np.ndarray, n_left: np.ndarray) -> np.ndarray:
    """The distinct-part index of the last part left of every string (that of some
    other part for a string without parts)."""
    return seg[np.minimum(starts + np.maximum(n_left, 1) - 1, len(seg) - 1)]


def _np_bool(arr: pa.Array) -> np.ndarray:
    return arr.to_numpy(zero_copy_only=False).astype(bool)


def _first_per_parent(mask: np.ndarray, parent: np.ndarray, n: int) -> np.ndarray:
    """The flat index of the first true entry of each parent (-1: none)."""
    idx = np.flatnonzero(mask)
    out = np.full(n, -1, dtype=np.int64)
    p = parent[idx]
    first = np.ones(len(idx), dtype=bool)
    first[1:] = p[1:] != p[:-1]
    out[p[first]] = idx[first]
    return out


def _last_per_parent(mask: np.ndarray, parent: np.ndarray, n: int) -> np.ndarray:
    """The flat index of the last true entry of each parent (-1: none)."""
    idx = np.flatnonzero(mask)
    out = np.full(n, -1, dtype=np.int64)
    out[parent[idx]] = idx  # parents ascend with the index: the last write wins
    return out


def _classify_parts(segs: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rule index of :func:`sector_from_name` or -1, sub-unit?, US state part?) of
    every distinct part."""
    k = len(segs)
    rule = np.full(k, -1, dtype=np.int64)
    printable = _np_bool(pc.match_substring_regex(segs, _PRINTABLE_ASCII))
    latin = printable | _np_bool(pc.match_substring_regex(segs, _SAFE_LATIN))
    for i, rx in enumerate(_RULES_RE2):
        hit = _np_bool(pc.match_substring_regex(segs, rx, ignore_case=True))
        rule[(rule < 0) & hit] = i
    unit = _np_bool(pc.match_substring_regex(segs, _UNIT.pattern, ignore_case=True))
    state = _np_bool(pc.match_substring_regex(segs, _STATE_PART.pattern))
    other = np.flatnonzero(~printable)
    for i, text in zip(other.tolist(), segs.take(other).to_pylist(), strict=True):
        unit[i] = _UNIT.match(text) is not None
        if not latin[i]:
            rule[i] = _RULE_INDEX.get(sector_from_name(text)[1], -1)
            state[i] = _STATE_PART.match(text) is not None
    return rule, unit, state


def _describe_parts(segs: pa.Array, used: np.ndarray,
                    rule: np.ndarray) -> tuple[pa.Array, pa.Array, pa.Array]:
    """(name_key, sector, rule) of the parts ``used`` as organisations."""
    names = segs.take(used)
    key = pc.utf8_lower(pc.replace_substring_regex(pc.utf8_normalize(names, form="NFKD"),
                                                   "[\\x{300}-\\x{36f}]+", ""))
    # RE2's \b knows ASCII words only: "and" next to another letter goes to Python
    latin = (_np_bool(pc.match_substring_regex(names, _PLAIN_LATIN))
             & ~_np_bool(pc.match_substring_regex(key, r"[^\x00-\x7f]and|and[^\x00-\x7f]")))
    key = pc.replace_substring_regex(key, r"\band\b", "&")
    key = pc.utf8_trim(pc.replace_substring_regex(key, r"[^\w&+#\x{80}-\x{10ffff}]+", " "),
                       characters=" ")
    other = np.flatnonzero(~latin)
    if len(other):
        keys = key.to_pylist()
        for i, text in zip(other.tolist(), names.take(other).to_pylist(), strict=True):
            keys[i] = _plain(text)
        key = pa.array(keys, type=pa.large_string())
    r = rule[used]
    sectors = _RULE_SECTORS[r]
    rules = np.array([f"name:{n}" for n, _, _ in NAME_RULES] + ["name:none"], dtype=object)[r]
    unknown = np.flatnonzero(r < 0)
    for i, text in zip(unknown.tolist(), names.take(unknown).to_pylist(), strict=True):
        sectors[i], rules[i] = sector_of_organization(text)
    return (key.cast(pa.large_string()), pa.array(sectors, type=pa.large_string()),
            pa.array(rules, type=pa.large_string()))

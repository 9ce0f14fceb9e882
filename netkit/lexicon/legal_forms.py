"""Legal forms of companies: which suffixes they take and which class each belongs to.

The terms are those of the maintained `cleanco <https://github.com/psolin/cleanco>`_
library (``Ltd``, ``GmbH & Co. KG``, ``Kabushiki Kaisha``, ``S.p.A.`` … in many
languages), with the spellings below added (:data:`LEGAL_EXTRA`) and some removed
(:data:`NOT_LEGAL`; two-letter terms only when :data:`SHORT_LEGAL`). cleanco's own
``basename`` is not used: on our strings it removes one suffix only (*Toyoda Gosei Co.,
Ltd.* → *Toyoda Gosei Co.*, *Hon Hai Precision Ind. Co., Ltd.* → *… Co.*), misses
*Kabushiki Kaisha* (cleanco 2.3), and it does not say which class a form belongs to,
which :func:`legal_form` needs (*Holm Energy AB* and *Holm Energy Inc* are two companies).
"""

from __future__ import annotations

import re
from functools import lru_cache

from netkit.lexicon.text import fold

__all__ = ["LEGAL_CANON", "LEGAL_EXTRA", "LEGAL_GROUPS", "NOT_LEGAL", "SHORT_LEGAL", "is_legal_form",
           "legal_form", "legal_words", "strip_legal_form"]

LEGAL_CANON: dict[str, str] = {
    "aktiebolag": "ab", "aktiebolaget": "ab", "aksjeselskap": "as", "aktieselskab": "as",
    "a s": "as", "allmennaksjeselskap": "asa", "osakeyhtio": "oy", "julkinen osakeyhtio": "oyj",
    "incorporated": "inc", "limited": "ltd", "corporation": "corp", "company": "co",
    "aktiengesellschaft": "ag", "gesellschaft mit beschrankter haftung": "gmbh",
    "kabushiki kaisha": "kk", "kabushikikaisha": "kk", "public limited company": "plc",
    "limited liability company": "llc", "societe anonyme": "sa", "s a": "sa",
    "anpartsselskab": "aps", "besloten vennootschap": "bv", "b v": "bv",
    "naamloze vennootschap": "nv", "n v": "nv", "societa per azioni": "spa", "s p a": "spa",
    "sociedad anonima": "sa", "l p": "lp", "p c": "pc", "l l c": "llc", "l l p": "llp",
    "co ltd": "ltd", "pty ltd": "ltd", "pte ltd": "ltd", "pvt ltd": "ltd", "plc ltd": "plc",
    "sdn bhd": "ltd", "gmbh and co kg": "kg", "mbh and co kg": "kg", "co kg": "kg",
    "e v": "ev",
}
"""Spelled-out legal forms → their usual abbreviation (the *legal form class*)."""
LEGAL_GROUPS: dict[str, str] = {"inc": "corp", "corp": "corp", "co": "corp", "llc": "corp", "kk": "ltd"}
"""Classes that name the same kind of company (US corporations and LLCs, which companies
convert between: *Google Inc* became *Google LLC*; Japanese KK = Co., Ltd.)."""

LEGAL_EXTRA: tuple[str, ...] = (*LEGAL_CANON, "kabushiki kaisha", "kabushikikaisha", "aktiengesellschaft", "l p", "lp",
                "p c", "pc", "pllc", "b v", "n v", "s p a", "s a", "co ltd", "co inc",
                "corporation", "company", "incorporated", "limited", "holdings", "holding",
                # the legal body of an English hospital: "Great Ormond St Hosp Children NHS Trust"
                "nhs trust", "nhs foundation trust",
                # a German registered association: "Leibniz-Institut für Photonische
                # Technologien e.V.", "Fraunhofer-Gesellschaft e. V."
                "e v", "ev")
NOT_LEGAL: frozenset[str] = frozenset({"university", "institute", "foundation", "hospital", "group",
                        "sad", "uk", "sem", "ses", "ent", "private", "vat", "ong", "eu",
                        "unlimited", "dat", "etat", "sep", "stg", "sha", "sia", "sal", "ood"})
# two-letter cleanco terms are kept only when they are common legal forms; the others
# ("at", "ca", "de", "et", "pt" …) are ordinary words or abbreviations in names
SHORT_LEGAL: frozenset[str] = frozenset({"as", "ab", "ag", "sa", "nv", "bv", "oy", "kg", "kk", "se", "co",
                          "sl", "lp", "pc", "ks", "aps", "hf", "ky", "kft", "bt", "ev"})


_NONWORD = re.compile(r"[^\w]+")
_UNDERSCORE = re.compile(r"_+")


def _words(text: str) -> str:
    """Folded words of a name, ``&`` spelt ``and``, as the legal forms are written."""
    return _UNDERSCORE.sub(" ", _NONWORD.sub(" ", fold(text).replace("&", " and "))).strip()


@lru_cache(maxsize=1)
def _legal_terms() -> frozenset[str]:
    """The legal forms (folded, words separated by one space)."""
    from cleanco import prepare_default_terms

    terms = {" ".join(parts) for _, parts in prepare_default_terms()}
    terms.update(LEGAL_EXTRA)
    terms = {re.sub(r"[^\w ]", " ", t.replace("&", " and ")).strip() for t in terms}
    return frozenset(re.sub(r"\s+", " ", t) for t in terms if t and t not in NOT_LEGAL
                     and (len(t) > 2 or t in SHORT_LEGAL))


@lru_cache(maxsize=1)
def _legal_regex() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t).replace(r"\ ", " ") for t in
                            sorted(_legal_terms(), key=lambda t: (-len(t), t)))
    # one or more legal terms at the end, each preceded by a space (never the whole name)
    return re.compile(rf"(?:\s(?:{alternatives}))+$")


@lru_cache(maxsize=1)
def legal_words() -> frozenset[str]:
    """Every word of a legal form (folded): a text of other words is no legal form.

    Examples
    --------
    >>> {"ltd", "gmbh", "and", "kabushiki"} <= legal_words(), "university" in legal_words()
    (True, False)
    """
    return frozenset(w for term in _legal_terms() for w in term.split())


def legal_form(name: str | None) -> str:
    """The legal-form class of a name (``""`` if it has none).

    Two organisations whose names differ only by a legal form of different classes
    (*Holm Energy AB* and *Holm Energy Inc*) are different organisations.

    Examples
    --------
    >>> legal_form("Holm Energy AKTIEBOLAG"), legal_form("Holm Energy AB.")
    ('ab', 'ab')
    >>> legal_form("Toyoda Gosei Co., Ltd."), legal_form("Eaton Corporation")
    ('ltd', 'corp')
    >>> legal_form("University of Oslo")
    ''
    """
    if not isinstance(name, str) or not name:
        return ""
    f = _words(name)
    m = _legal_regex().search(f)
    if not m or not m.group(0).strip() or m.start() == 0:
        return ""
    suffix = m.group(0).strip()
    canon = LEGAL_CANON.get(suffix)
    if canon is None:
        parts = [LEGAL_CANON.get(w, w) for w in suffix.split()]
        parts = [w for w in parts if w not in ("and", "co")] or parts
        canon = parts[-1]
    return LEGAL_GROUPS.get(canon, canon)


def is_legal_form(text: str) -> bool:
    """Whether a text is a legal form and nothing else (a part of an address such as
    ``Inc.`` in *Littelfuse, Inc., Chicago*).

    Examples
    --------
    >>> [is_legal_form(t) for t in ("Inc.", "Co., Ltd", "GmbH & Co. KG", "Acme Inc", "Oslo")]
    [True, True, True, False, False]
    """
    f = _words(text)
    return bool(f) and _legal_regex().fullmatch(f" {f}") is not None


def strip_legal_form(folded: str) -> str:
    """Remove legal-form suffixes from a folded, punctuation-free name.

    The name itself is never removed entirely.

    Examples
    --------
    >>> strip_legal_form("toyoda gosei co ltd"), strip_legal_form("brose fahrzeugteile gmbh and co kg")
    ('toyoda gosei', 'brose fahrzeugteile')
    >>> [strip_legal_form(n) for n in ("kawasaki jukogyo kabushiki kaisha", "atb as", "sintef")]
    ['kawasaki jukogyo', 'atb', 'sintef']
    >>> strip_legal_form("leibniz institut photonische technologien e v")
    'leibniz institut photonische technologien'
    """
    out = _legal_regex().sub("", folded)
    return out if out.strip() else folded

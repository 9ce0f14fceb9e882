"""Other keys under which one organisation name is also known.

Besides its own key (:func:`netkit.resolve.normalize.normalize_name`), a name may
be written in ways that no word-by-word alignment can meet; each rule here gives
such an *alias key*, which resolution adds as a node tied to the raw name:

* **seat** — a university named with its city: *Radboud University Nijmegen* is
  also *Radboud University*, *Johannes Kepler University of Linz* is *Johannes
  Kepler University*. Only when what remains has a distinctive word that is neither
  a place nor a generic or qualifying word: *University of California, Irvine* is
  not *University of California*, *New York University Abu Dhabi* is not *New York
  University*, *Free University Berlin* is not *Free University*;
* **honorific** — a university named after people, written in (or rendered from)
  another language: *Eberhard Karls Universität Tübingen* is also *University of
  Tübingen*, *Georg-August-University Göttingen* is *University of Göttingen*;
* **service** — an organisation's library, secretariat or head office written as one
  name: *Karlsruhe Institute of Technology Library*, *Global Environment Facility
  Secretariat* (but *Harvard University Press* is a publisher of its own).

* **system** — a university system named after its seat: *University of Texas
  System* is also *University of Texas*.

Word order is the other thing alignment cannot see: :func:`word_bags` ties names
written with the same words in another order, when at least two of them are
distinctive (*Tor Vergata University of Rome* and *University of Rome Tor
Vergata*, but not *York University* and *University of York*).

An alias key that two different names yield is ambiguous (*Islamic University
Gaza* and *Islamic University Madinah* both give *Islamic University*);
:func:`drop_ambiguous` removes it, so that it merges neither.
"""

from __future__ import annotations

import re

from netkit.resolve.match import ABBREVIATABLE, GENERIC_WORDS
from netkit.resolve.normalize import _FOREIGN_UNIVERSITY, _SWAP_ADJECTIVES
from netkit.resolve.places import is_place

__all__ = ["alias_keys", "drop_ambiguous", "word_bags"]

_KINDS = GENERIC_WORDS | ABBREVIATABLE | _SWAP_ADJECTIVES
_QUALIFIERS = _KINDS | frozenset({
    "city", "metropolitan", "open", "free", "catholic", "islamic", "christian", "hebrew",
    "lutheran", "baptist", "methodist", "adventist", "presbyterian", "jewish", "orthodox",
    "evangelical", "protestant", "pontifical", "imperial", "royal", "people", "women",
    "capital", "arts", "art", "music", "medicine", "economics", "law",
    "business", "sport", "maritime", "naval", "military", "air", "force", "defense",
    "police", "teacher", "pedagogical", "normal", "agricultural", "veterinary",
})
"""Words that qualify a kind of university rather than name one."""
_SUBUNIT_TAILS = frozenset({"library", "secretariat", "headquarters", "department", "division",
                            "office"})
"""Last words that name a service of the organisation before them."""
_HYPHENATED = re.compile(r"\w-\w")
_BEFORE_UNIVERSITY = re.compile(r"univ", re.I)


def _distinctive(word: str) -> bool:
    return (len(word) >= 3 and not word.isdigit() and word not in _QUALIFIERS
            and not is_place(word))


def _place_tail(words: list[str]) -> int:
    """How many final words (0, 1 or 2) form a place name."""
    for n in (2, 1):
        if len(words) > n and is_place(" ".join(words[-n:])) and words[-n] not in _QUALIFIERS:
            return n
    return 0


def _seat(words: list[str]) -> list[str]:
    n = _place_tail(words)
    rest = words[:-n] if n else []
    if not rest or "university" not in rest or rest[-1] != "university":
        return []
    if not any(_distinctive(w) for w in rest):
        return []
    return [" ".join(rest)]


def _honorific(name: str, words: list[str]) -> list[str]:
    if "university" not in words:
        return []
    cut = words.index("university")
    prefix, city = words[:cut], words[cut + 1:]
    if not (1 <= len(prefix) <= 4 and 1 <= len(city) <= 2 and is_place(city[0])):
        return []
    # names, not kinds (*Technische*, *Freie*, *Katholische* Universität X stay themselves)
    if any(w in _KINDS for w in prefix) or all(is_place(w) for w in prefix):
        return []
    if not (_FOREIGN_UNIVERSITY.search(name) or _HYPHENATED.search(_BEFORE_UNIVERSITY.split(name)[0])):
        return []
    place = " ".join(city)
    return [f"university {place}", f"{place} university"]


def _subunit_tail(words: list[str]) -> list[str]:
    rest = words[:-1]
    if words[-1:] and words[-1] in _SUBUNIT_TAILS and len(rest) >= 2 \
            and any(w not in _QUALIFIERS for w in rest):
        return [" ".join(rest)]
    return []


def _system(words: list[str]) -> list[str]:
    rest = words[:-1]
    if words[-1:] == ["system"] and len(rest) >= 2 and rest[0] == "university" \
            and all(is_place(w) for w in rest[1:]):
        return [" ".join(rest)]
    return []


def alias_keys(name: str | None, key: str) -> list[str]:
    """The alias keys of one name (its own key excluded), in a fixed order.

    Parameters
    ----------
    name : str or None
        The name as the source spells it.
    key : str
        Its key, ``normalize_name(name)``.

    Examples
    --------
    >>> alias_keys("Radboud University Nijmegen", "radboud university nijmegen")
    ['radboud university']
    >>> alias_keys("New York University Abu Dhabi", "new york university abu dhabi")
    []
    >>> alias_keys("Eberhard Karls Universität Tübingen", "eberhard karl university tubingen")
    ['eberhard karl university', 'university tubingen', 'tubingen university']
    >>> alias_keys("Harvard University Press", "harvard university press")
    []
    >>> alias_keys("Global Environment Facility Secretariat",
    ...            "global environment facility secretariat")
    ['global environment facility']
    >>> alias_keys("Technische Universität München", "technical university munich")
    []
    >>> alias_keys("University of California System", "university california system")
    ['university california']
    """
    if not isinstance(name, str) or not key:
        return []
    words = key.split()
    out = [*_seat(words), *_honorific(name, words), *_subunit_tail(words), *_system(words)]
    return [k for k in dict.fromkeys(out) if k != key]


def drop_ambiguous(keys: list[str], owners: list[str]) -> list[bool]:
    """Which alias keys to keep: those that a single own key yields.

    Parameters
    ----------
    keys : list of str
        Alias keys.
    owners : list of str
        The own key of the name each alias key came from.

    Examples
    --------
    >>> drop_ambiguous(["islamic university", "islamic university", "radboud university"],
    ...                ["islamic university gaza", "islamic university madinah",
    ...                 "radboud university nijmegen"])
    [False, False, True]
    """
    seen: dict[str, set[str]] = {}
    for k, o in zip(keys, owners, strict=True):
        seen.setdefault(k, set()).add(o)
    return [len(seen[k]) == 1 for k in keys]



def word_bags(keys: list[str]) -> dict[int, str]:
    """The word-order key of each name that shares its words with a name of another
    word order (``{position: bag key}``).

    Only names with at least two distinctive words (not places, not generic or
    qualifying words) get one: word order tells *York University* from *University
    of York*, but not *Tor Vergata University of Rome* from *University of Rome Tor
    Vergata*.

    Examples
    --------
    >>> word_bags(["tor vergata university rome", "university rome tor vergata",
    ...            "york university", "university york", "university oslo"])
    {0: 'bag rome tor university vergata', 1: 'bag rome tor university vergata'}
    """
    bags: dict[str, set[str]] = {}
    found: dict[int, str] = {}
    for k, key in enumerate(keys):
        words = key.split()
        if sum(map(_distinctive, words)) >= 2:
            bag = "bag " + " ".join(sorted(words))
            bags.setdefault(bag, set()).add(key)
            found[k] = bag
    return {k: bag for k, bag in found.items() if len(bags[bag]) > 1}

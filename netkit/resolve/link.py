"""Link affiliation strings to the records of a registry, abstaining when unsure.

An affiliation string (``"Dept of Physics, Univ Massachusetts, Boston, MA, USA"``) is
split into its parts at commas, semicolons and line separators. Every run of one to
three consecutive parts, and every run of words inside a part, is looked up — by its
comparison key (:func:`netkit.resolve.normalize.normalize_name`) — among *all* names
of the registry: display names, labels and aliases in every language, and the English
word orders of non-English university names. Acronyms are looked up only when a part
is an acronym. Parts that are a country, a city, a region, a postal code or a street
address are never an organisation.

Each *mention* (a part or run of parts that names something in the registry) is then
narrowed down:

1. **place** — records in another country than the one the string states are dropped;
   among the rest, records whose city or region the string names are preferred;
2. **status** — an active record is preferred to an inactive or withdrawn one; a
   record that was succeeded (``successor`` relationship) is followed to its successor;
3. **ambiguity** — if two records still fit equally, the mention abstains (it goes to
   review with both candidates).

A string may mention several organisations (``"Howard Hughes Medical Institute, The
Rockefeller University"``): each is returned (``links``). The *primary* link is the most
specific one: the mention covering the most words beats one inside it (*University of
California, Los Angeles* is UCLA, not the University of California system); a campus
beats its system; otherwise the last organisation named before the address (affiliations
go from the smallest unit to the largest: *Institute of Soil Science, Chinese Academy of
Sciences* links the academy and names the institute among the others). Acronym-only
mentions (a part that is one, one in brackets, one leading a unit's name such as *NYU
Grossman School of Medicine*) need the string's country to be theirs and exactly one
record to fit. A part that matches no name as written is
also tried as the registry writes it: the name restated (its English type words or its
acronym on the other side), after its record's city, in a university's other word orders
with the string's city, and without its country's name (*Ministry of Education, …,
China*); the last kind loses to any other organisation the string names.

A part that matches no name exactly is compared with the names of its country by
:mod:`rapidfuzz` (C++), and accepted only when the word alignment of
:func:`netkit.resolve.match.align` is complete (every word matched in order, abbreviations
allowed, numbers equal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from netkit.lexicon.countries import SAME_COUNTRY, country_of_region_named_like_another
from netkit.lexicon.footnotes import without_footnote_labels
from netkit.lexicon.org_words import (
    CONTINUED,
    DEPARTMENT_HEAD,
    GENERIC_WORDS,
    LOCAL_SECTORS,
    ORG_WORDS,
    OTHER_ORG,
    UNIT_HEAD,
    UNIT_KIND,
    UNIT_SUFFIX,
    UNIT_TAIL,
    UNIT_WORD,
)
from netkit.resolve.normalize import normalize_name, word_order_variants
from netkit.resolve.registry_index import (
    _ACRONYM,
    RegistryIndex,
    _countries,
    _place_key,
    university_hospital_words,
    written_key,
)

__all__ = ["LINK_COLUMNS", "RegistryIndex", "link_affiliations"]

LINK_COLUMNS = ["affiliation", "registry_id", "name", "method", "score", "evidence",
                "others", "candidates"]

_SPLIT = re.compile(r"\s*(?:[,;\u2028\u2029\n\r|]|\s[-–—]\s)\s*")
_PREFIX = re.compile(r"^\s*(?:present(?:ly)?|current|permanent)?\s*(?:address|now at|at)\s*:?\s+",
                     re.I)
_PARENS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_ABBREV_END = re.compile(r"(?:^|[\s.])\w\.\w\.$")
_DIGITS = re.compile(r"\d")
_ADDRESS = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|blvd|boulevard|strasse|str|straße|allee|rue|via|"
    r"calle|po box|p o box|box|floor|room|bldg|building|suite|drive|dr|lane|ln|way|"
    r"platz|weg|gasse|cedex)\b", re.I)






@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """US state codes → folded names (GeoNames, :func:`netkit.lexicon.places.us_state_names`)."""
    from netkit.lexicon.places import us_state_names

    return {k: _place_key(v) for k, v in us_state_names().items()}





def _names_an_organisation(part: str) -> bool:
    """Whether a part holds an organisation word (then it is a name, not an address)."""
    return bool(set(normalize_name(part, departments=False).split()) & ORG_WORDS)


def _country_of(part: str) -> str | None:
    key = _place_key(part)
    if not key:
        return None
    c = _countries().get(key)
    if c:
        return c
    words = key.split()
    if len(words) > 4 or _names_an_organisation(part):
        return None  # "Universiti Teknologi Malaysia", "Pontificia Universidad Católica de Chile"
    named_like = country_of_region_named_like_another(key)
    if named_like:
        return named_like  # "New Mexico" is no Mexico
    for n in (3, 2, 1):
        if len(words) > n:
            c = _countries().get(" ".join(words[-n:]))
            if c:
                return c
    return None





@dataclass
class _Mention:
    start: int          # first part
    end: int            # last part (inclusive)
    words: int          # words of the key matched
    key: str
    method: str         # exact / fuzzy / acronym
    score: float
    records: list
    full: bool = True   # the whole run of parts, not words inside one part
    text: str = ""      # the parts as written (folded), for names that translate alike
    weak: bool = False  # fits only without the country's name: loses to any other name


@dataclass(frozen=True)
class _Place:
    """Where a string says it is: its country, its text (folded, padded with spaces, with
    US state names for their codes), the regions it names (as the registry spells them,
    and as ISO 3166-2 codes from postal codes such as ``MA`` or ``QC``), and the folded
    parts in order."""

    country: str | None
    text: str
    region_names: frozenset
    region_codes: frozenset
    keys: tuple

    def names(self, words: str) -> bool:
        return bool(words) and f" {words} " in self.text


_REGION_WORDS = frozenset({"province", "state", "prefecture", "region", "county", "oblast",
                           "district", "governorate", "division", "autonomous", "lan"})


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return SAME_COUNTRY.get(a, a) == SAME_COUNTRY.get(b, b)


def _parts(text: str) -> tuple[list[str], list[str]]:
    """The parts of a string and the acronyms written in brackets.

    A bracket that holds a name (``"Key Laboratory of X (Jiangnan University)"``) becomes
    a part of its own, right after the part that holds it.

    >>> _parts("Key Lab of X (Jiangnan University), Wuxi (CN)")
    (['Key Lab of X (Jiangnan University)', 'Jiangnan University', 'Wuxi (CN)'], ['CN'])
    """
    acronyms: list[str] = []
    out: list[str] = []
    text = _PREFIX.sub("", without_footnote_labels(text))
    for p in _SPLIT.split(text):
        p = p.strip()
        p = p if _ABBREV_END.search(p) else p.strip(" .")  # keep "e.V.", "U.S.A."
        if not p:
            continue
        out.append(p)
        for m in _PARENS.finditer(p):
            inner = (m.group(1) or m.group(2) or "").strip(" .")
            if _ACRONYM.match(inner):
                acronyms.append(inner)
            elif len(inner.split()) >= 2 and m.start() > 0:
                out.append(inner)
    return out, acronyms


@lru_cache(maxsize=1 << 17)
def _part_facts(part: str) -> tuple[bool, bool, str]:
    """Whether a part is a place or an address, whether it is a code of three letters or
    fewer (a state, a country, initials), and its key (parts repeat across strings:
    computed once each). Longer words in capitals (*RIKEN*, *CERN*) may be names."""
    p = part.strip()
    return (_is_place_or_address(part), len(p) <= 3, normalize_name(part, departments=False))


def _is_place_or_address(part: str) -> bool:
    f = _place_key(part)
    if not f:
        return True
    if _country_of(part):
        return True
    # a postal code, a street number (not "Rennes 2 University", "Paris 13")
    if not _DIGITS.search(part):
        return False
    if _ADDRESS.search(part):
        return True
    words = normalize_name(part, departments=False).split()
    return len(f.split()) <= 3 and not set(words) & ORG_WORDS


_JOINED = re.compile(r"\s+(?:and|&|und|et|e|y|affiliated(?:\s+(?:to|with))?(?:\s+the)?)"
                     r"\s+|\s*/\s*|\s*&\s*", re.I)
_AT = re.compile(r"\s+at\s+(?:the\s+)?", re.I)
_HYPHEN = re.compile(r"(?<=\w)[-–](?=\w)")
"""Joins of several organisations in one part: *A and B*, *A/B*, *A & B*, *A at the B*,
*A affiliated to B* (a hospital and its university: the first registered one is taken),
and a name joined to an acronym by a hyphen (*Instituto de Astrofísica de Andalucía-CSIC*,
*ICTA-Universitat Autònoma de Barcelona*)."""


def _without_acronym(part: str) -> str | None:
    """A name without the acronym written before or after it (None if there is none).

    >>> _without_acronym("IRCCS Istituto Ortopedico Rizzoli"), _without_acronym("RIKEN IMS")
    ('Istituto Ortopedico Rizzoli', 'RIKEN')
    >>> _without_acronym("Istituto Ortopedico Rizzoli") is None
    True
    """
    words = part.split()
    if len(words) < 2:
        return None
    if _ACRONYM.match(words[0]) and words[0].isupper() and not words[1].isupper():
        rest = " ".join(words[1:])  # a designation before an institution's name, not
        key = normalize_name(rest, departments=False)  # a firm's ("LGI Sustainable …")
        return rest if any(_is_org_word(w) for w in key.split()) else None
    if _ACRONYM.match(words[-1]) and words[-1].isupper():
        return " ".join(words[:-1])
    return None


_OF = frozenset({"of", "for", "de", "di", "del", "della", "des", "du", "der", "fur", "für"})


_NAMED_AFTER = re.compile(r"\s+(?:named\s+after|n\.\s*a\.)\s+.*$", re.I)


def _is_acronym_word(word: str) -> bool:
    """A word written as an acronym: mostly capitals (*IRCCS*, *MEPhI*, not *McGill*)."""
    caps = sum(c.isupper() for c in word)
    return 2 <= len(word) <= 9 and word.isalpha() and word[0].isupper() and caps * 2 > len(word)


def _restated(part: str, key: str) -> list[str]:
    """Keys of a name written with a restatement of itself: its English type words
    repeated after it (*Hochschule Mittweida University of Applied Sciences*), its acronym
    on the other side (*MEPhI National Research Nuclear University*, *Humanitas Research
    Hospital- IRCCS*), or the person it is named after (*Samara National Research
    University named after academician S. P. Korolev*).

    >>> _restated("Hochschule Mittweida University of Applied Sciences",
    ...           "university applied science mittweida university applied science")
    ['university applied science mittweida']
    >>> _restated("MEPhI National Research Nuclear University",
    ...           "mephi national research nuclear university")
    ['national research nuclear university mephi']
    >>> _restated("Samara University named after S. P. Korolev", "")
    ['samara university']
    """
    out = []
    words = key.split()
    for n in range(len(words) // 2, 0, -1):  # a tail of generic words the name holds
        head, tail = words[:-n], words[-n:]
        if all(w in GENERIC_WORDS for w in tail) and set(tail) <= set(head) and any(
                w not in GENERIC_WORDS for w in head):
            out.append(" ".join(head))
            break
    raw = part.replace("- ", " ").split()
    if len(raw) >= 3:
        first, last = raw[0], raw[-1]
        if _is_acronym_word(first):
            out.append(normalize_name(" ".join([*raw[1:], first]), departments=False))
        if _is_acronym_word(last):
            out.append(normalize_name(" ".join([last, *raw[:-1]]), departments=False))
    cut = _NAMED_AFTER.sub("", part)
    if cut != part:
        out.append(normalize_name(cut, departments=False))
    return [k for k in dict.fromkeys(out) if k and k != key]


def _leading_acronym(part: str) -> str | None:
    """The acronym that leads a part naming a unit (None if there is none).

    >>> _leading_acronym("NYU Grossman School of Medicine"), _leading_acronym("UCL Institute")
    ('NYU', 'UCL')
    >>> _leading_acronym("LGI Sustainable Innovation") is None, _leading_acronym("UCL") is None
    (True, True)

    Not a designation before an organisation's own name (*IRCCS Istituto Giannina
    Gaslini*, *NYU Winthrop Hospital*):

    >>> _leading_acronym("IRCCS Istituto Giannina Gaslini"), _leading_acronym("NYU Winthrop Hospital")
    (None, None)
    """
    words = part.split()
    if len(words) < 2 or not (_ACRONYM.match(words[0]) and words[0].isupper()
                              and words[0].isalpha()) or words[1].isupper():
        return None
    rest = normalize_name(" ".join(words[1:]), departments=False).split()
    if not rest or any(w in OTHER_ORG and w != "university" for w in rest):
        return None
    raw = _place_key(" ".join(words[1:])).split()
    norm = [normalize_name(w, departments=False) for w in raw]
    if "university" in norm:  # "HSE University", "RWTH University Aachen"; not "IRCCS
        return words[0] if norm[0] == "university" else None  # Azienda … Universitaria"
    k = next((k for k, w in enumerate(norm) if w in UNIT_WORD), None)
    if k is None or (k + 1 < len(raw) and raw[k + 1] not in _OF):
        return None  # "<Istituto> <its name>": an organisation of its own
    return words[0]


def _pieces(part: str) -> list[str]:
    """The organisations joined in one part (see :data:`_JOINED`).

    >>> _pieces("ICTA-Universitat Autònoma de Barcelona"), _pieces("Paris-Saclay")
    (['ICTA', 'Universitat Autònoma de Barcelona'], ['Paris-Saclay'])
    """
    out = []
    head, *at = _AT.split(part, maxsplit=1)
    # "Clinical Biochemistry at University of Verona"; not a campus ("… at Abington")
    chunks = [head, *at] if at and not _is_place_words(_place_key(at[0]).split()) else [part]
    for piece in (p for c in chunks for p in _JOINED.split(c)):
        sides = _HYPHEN.split(piece)
        if len(sides) == 2 and any(_ACRONYM.match(x.strip()) for x in sides):
            out.extend(x.strip() for x in sides)
        else:
            out.append(piece.strip())
    return [p for p in out if p]


def _swapped(part: str, key: str) -> list[str]:
    """Keys of the other English word order of a university's name (and the English
    orders of a non-English one).

    >>> _swapped("University of Kiel", "university kiel"), _swapped("Kiel Univ", "kiel university")
    (['kiel university'], ['university kiel'])
    """
    words = key.split()
    out = [k for k in word_order_variants(part, key) if k != key]
    if 2 <= len(words) <= 4 and words[0] == "university" and not out:
        out.append(" ".join([*words[1:], "university"]))
    elif 2 <= len(words) <= 4 and words[-1] == "university" and not out:
        out.append(" ".join(["university", *words[:-1]]))
    return out


def _city_orders(key: str, cities: tuple) -> list[str]:
    """Keys of a university's name in the other orders it takes with its city: *Federico
    II University, Naples* = *University of Naples Federico II*; *University of Mouloud
    Mammeri of Tizi-Ouzou* = *Mouloud Mammeri University of Tizi-Ouzou*.

    >>> _city_orders("federico ii university", ("naple",))[:2]
    ['university naple federico ii', 'federico ii university naple']
    >>> _city_orders("university mouloud mammeri tizi ouzou", ("tizi ouzou",))[1]
    'mouloud mammeri university tizi ouzou'
    """
    out: list[str] = []
    for c in cities:
        core = key[:-len(c) - 1] if key.endswith(" " + c) else key
        words = core.split()
        if len(words) < 2 or (words[0] == "university") == (words[-1] == "university"):
            continue
        name = " ".join(words[1:] if words[0] == "university" else words[:-1])
        if c in name.split():
            continue
        out += [f"university {c} {name}", f"{name} university {c}", f"{c} {name} university",
                f"university {name} {c}"]
    return [k for k in dict.fromkeys(out) if k != key]





def _unit_around(before: list[str], after: list[str]) -> bool:
    """Whether the words before and after a name found inside a part make a unit of it.

    >>> _unit_around(["department", "chemistry"], []), _unit_around([], ["medical", "school"])
    (True, True)
    >>> _unit_around([], ["hospital"]), _unit_around([], ["chinese", "medicine"])
    (False, False)
    """
    if any(w in OTHER_ORG for w in before + after):
        return False
    # before: "Department of Chemistry …", "Hainan Institute of …", "Medical College of …"
    if before and before[0] not in UNIT_HEAD and before[-1] not in UNIT_WORD | {"campus"}:
        return False
    if not after or after == ["main", "campus"]:  # "Cleveland Clinic Main Campus"; not
        return True  # "University of Maryland Global Campus" (another university)
    if _is_place_words(after):
        return True  # "Northwestern Polytechnical University in Shenzhen"
    # after: "… Medical School", "… Feinberg School of Medicine", "… Haystack Observatory"
    return all(w in UNIT_TAIL for w in after) or any(w in UNIT_WORD for w in after)


def _is_place_words(words: list[str]) -> bool:
    from netkit.resolve.places import is_place

    return is_place(" ".join(words))


def _is_placeish(word: str, country: str | None) -> bool:
    from netkit.lexicon.region_names import is_region

    return _is_place_words([word]) or is_region(country, word)


def _umlauts_written_out(word: str) -> str:
    """A folded word with German umlauts as written out (*ue*, *oe*, *ae*) taken back.
    Not :func:`netkit.lexicon.person_names.transliterated`, which also undoes *aa* for
    Nordic names: in place names *Shaanxi* and *Shanxi* are two provinces.

    >>> _umlauts_written_out("tuebingen"), _umlauts_written_out("goettingen")
    ('tubingen', 'gottingen')
    """
    return word.replace("ue", "u").replace("oe", "o").replace("ae", "a")


def _word_match(a: str, b: str, country: str | None = None) -> bool:
    """Two words of keys that name the same thing: equal, an abbreviation (a prefix of at
    least three letters), or a variant of one stem (*agriculture*/*agricultural*)."""
    if a == b:
        return True
    if _DIGITS.search(a) or _DIGITS.search(b):
        return False
    if _umlauts_written_out(a) == _umlauts_written_out(b):
        return True  # "Tuebingen" = "Tübingen" (folded "tubingen")
    if _is_placeish(a, country) and _is_placeish(b, country):
        return False  # two places: Jiangsu is not Jiangxi
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long_.startswith(short):
        return True
    if len(short) >= 6:
        stem = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            stem += 1
        if stem >= max(5, len(short) - 2):
            return True
        from rapidfuzz.distance import OSA

        return OSA.distance(a, b, score_cutoff=1) <= 1
    return False


def _is_org_word(word: str) -> bool:
    """An organisation word, or a misspelling of one (*Unversity*)."""
    return _org_word(word) is not None


@lru_cache(maxsize=1 << 14)
def _org_word(word: str) -> str | None:
    """The organisation word a word is, or misspells by one letter (*Unversity*: university).

    >>> _org_word("unversity"), _org_word("institue"), _org_word("bergen")
    ('university', 'institute', None)
    """
    if word in ORG_WORDS:
        return word
    if len(word) < 7:
        return None
    from rapidfuzz.distance import OSA

    return next((w for w in sorted(ORG_WORDS) if len(w) >= 7
                 and OSA.distance(word, w, score_cutoff=1) <= 1), None)


def _aligned(a: str, b: str, country: str | None = None) -> bool:
    """Every word of both keys matched, in order, with a non-generic word among them."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    return all(_word_match(x, y, country) for x, y in zip(ta, tb, strict=True)) and any(
        x not in GENERIC_WORDS and _umlauts_written_out(x) == _umlauts_written_out(y)
        for x, y in zip(ta, tb, strict=True))


def _is_unit(m: _Mention) -> bool:
    return m.key.split(" ", 1)[0] in DEPARTMENT_HEAD


class _Linker:
    def __init__(self, idx: RegistryIndex, fuzzy: bool, fuzzy_cutoff: float,
                 follow_inactive: bool = False) -> None:
        self.idx = idx
        self.follow_inactive = follow_inactive
        self.fuzzy = fuzzy
        self.cutoff = fuzzy_cutoff
        self._anc: dict[int, frozenset] = {}
        self._system: dict[tuple, bool] = {}
        self._key: dict[int, str] = {}

    # -- mentions ---------------------------------------------------------------------
    def mentions(self, parts: list[str], acronyms: list[str], country: str | None
                 ) -> list[_Mention]:
        idx = self.idx
        by_key = idx.by_key
        out: list[_Mention] = []
        n = len(parts)
        facts = [_part_facts(p) for p in parts]
        skip = [f[0] for f in facts]
        short = [f[1] for f in facts]
        keys = [f[2] for f in facts]
        covered = [False] * n
        # the address at the end: places, codes, postal codes ("Troy, MI, USA")
        tail = n
        while tail > 0 and (skip[tail - 1] or short[tail - 1]
                            or self._bare_place(keys[tail - 1])
                            or self._is_region(parts[tail - 1], country)):
            if not skip[tail - 1] and self._registered_acronym(parts[tail - 1], country):
                break  # "…, Faculty of Brain Sciences, UCL, London, UK"
            if not self._bare_place(keys[tail - 1]) and self._is_region(parts[tail - 1], country):
                skip[tail - 1] = True  # "…, Umeå, Västerbottens Län, Sweden": an address
            tail -= 1
        # the cities the string names ("Justus Liebig University, Giessen" is registered
        # as "Justus Liebig University Giessen")
        cities = tuple(dict.fromkeys(
            keys[t] for t in range(n)
            if keys[t] and not skip[t] and not short[t] and self._bare_place(keys[t])))
        for length in (3, 2, 1):
            for i in range(0, n - length + 1):
                j = i + length - 1
                if any(skip[i:j + 1]) or any(short[i:j + 1]):
                    continue
                # "West China Hospital, Sichuan University" is two organisations, not one
                # name with a comma; "University of California, Los Angeles" is one
                if length > 1 and any(keys[t] in by_key and not self._bare_place(keys[t])
                                      for t in range(i + 1, j + 1)):
                    continue
                if any(covered[i:j + 1]) and length == 1:
                    continue
                key = keys[i] if length == 1 else normalize_name(
                    ", ".join(parts[i:j + 1]), departments=False)
                # "Post Graduate" = "Postgraduate", "Peng Cheng" = "Pengcheng"
                recs = by_key.get(key) or idx.by_compact.get(key.replace(" ", ""))
                national = False
                if not recs and length == 1 and "(" in parts[i]:
                    # a qualifier in brackets is part of the name: "China University of
                    # Petroleum (East China)" is registered as "…, East China"
                    whole = normalize_name(_PARENS.sub(r" \1\2 ", parts[i]), departments=False)
                    if whole != key and whole in by_key:
                        key, recs = whole, by_key[whole]
                if not recs and length == 1 and any(w not in GENERIC_WORDS for w in key.split()):
                    key, recs = self._with_city(key, cities)
                if not recs and length == 1:
                    # an acronym before or after the name: "IRCCS Istituto Ortopedico
                    # Rizzoli", "RIKEN IMS", "Munich University of Applied Sciences HM"
                    bare = _without_acronym(parts[i])
                    bare_key = normalize_name(bare, departments=False) if bare else ""
                    if any(w not in GENERIC_WORDS for w in bare_key.split()):
                        key, recs = self._with_city(bare_key, cities)
                if not recs and length == 1:
                    key, recs = self._with_own_city(parts[i], key)
                if not recs and length == 1 and country:
                    # "Technical University, Copenhagen, Denmark": a name registered with
                    # its country's name after it (it loses to any other name)
                    recs = idx.national.get((country, key))
                    national = bool(recs)
                if not recs and length == 1:
                    for alt in _restated(parts[i], key):
                        if alt in by_key:
                            key, recs = alt, by_key[alt]
                            break
                method = "exact"
                if not recs and length == 1:
                    # "University Hospital of Tours" = "Centre Hospitalier Universitaire
                    # de Tours", "Careggi University Hospital" = "Azienda
                    # Ospedaliero-Universitaria Careggi"
                    words = None if len(_pieces(parts[i])) > 1 else university_hospital_words(key)
                    if words and not words <= GENERIC_WORDS | {"hospital", "clinic"}:
                        recs = idx.university_hospitals.get(words)
                        method = "word-order" if recs else method
                if not recs and length == 1 and any(w not in GENERIC_WORDS for w in key.split()):
                    # "Justus Liebig University" = "Justus Liebig University Giessen": the one
                    # live record registered with the name and its place, unless the string
                    # names another city ("University of Arkansas, Fayetteville" is not the
                    # one at Little Rock)
                    fam = idx.place_stems.get(key, ())
                    if fam and (not cities or any(
                            c in cities for r in fam for c in (idx.city[r], idx.region[r]))):
                        # several: the string's place picks one, else the mention abstains
                        # ("Louisiana State University Health Sciences Center" is in New
                        # Orleans or in Shreveport, not the university)
                        recs, method = sorted(fam), "short-form"
                if not recs and length == 1 and country is not None:
                    # "Medical University Innsbruck" = "Innsbruck Medical University" (before
                    # "University Innsbruck" is found inside it as a unit's owner)
                    alt = next((k for k in _city_orders(key, cities) if k in by_key), None)
                    if alt:
                        key, recs, method = alt, by_key[alt], "word-order"
                if recs and not self._bare_place(key):
                    text = written_key(" ".join(parts[i:j + 1]))
                    out.append(_Mention(i, j, len(key.split()), key, method,
                                        100.0 if method == "exact" else 90.0, list(recs),
                                        text=text, weak=national))
                    for t in range(i, j + 1):
                        covered[t] = True
        # several organisations in one part: "University of Brescia and ASST Spedali Civili",
        # "CNRS & Université Bourgogne Franche-Comté", "University of Brasília/UnB"
        for i in range(n):
            if covered[i] or skip[i] or short[i]:
                continue
            pieces = _pieces(parts[i])
            if len(pieces) < 2:
                continue
            inner = []
            acronym_pieces = []  # only beside a name found in the same part: "CSIR-Central
            for piece in pieces:  # Building Research Institute" names the institute
                if _ACRONYM.match(piece):
                    if piece in idx.by_acronym:
                        acronym_pieces.append(_Mention(i, i, 1, piece, "acronym", 90.0,
                                                       list(idx.by_acronym[piece]), text=""))
                    continue
                key = normalize_name(piece, departments=False)
                if len(piece) <= 3 or all(w in GENERIC_WORDS for w in key.split()):
                    continue
                key, recs = self._with_city(key, cities)
                method = "exact"
                if not recs and country is not None:  # "VIB-University Ghent"
                    alt = next((k for k in _swapped(piece, key) if k in by_key), None)
                    if alt:
                        key, recs, method = alt, by_key[alt], "word-order"
                if recs and not self._bare_place(key):
                    out.append(_Mention(i, i, len(key.split()), key, method,
                                        100.0 if method == "exact" else 90.0,
                                        list(recs), text=written_key(piece)))
                    covered[i] = True
                elif key.split(" ", 1)[0] not in DEPARTMENT_HEAD:
                    inner.append((key, piece))
            # no piece is a name: "… Hospital Affiliated to Nanjing University Medical
            # School" names the university inside a unit's name
            for piece_key, piece in inner if not covered[i] else ():
                for key, recs in self._inner(piece_key.split(), cities, _place_key(piece)):
                    out.append(_Mention(i, i, len(key.split()), key, "exact", 95.0, recs,
                                        full=False, text=""))
                    covered[i] = True
            if covered[i]:
                out.extend(acronym_pieces)
        # words inside a part: the longest runs that are registry names
        for i in range(n):
            if covered[i] or skip[i] or short[i]:
                continue
            for key, recs in self._inner(keys[i].split(), cities, _place_key(parts[i])):
                out.append(_Mention(i, i, len(key.split()), key, "exact", 95.0, recs,
                                    full=False, text=""))
                covered[i] = True
        # the other word order of a university's name, when the string states a country:
        # "University of Kiel" = "Kiel University" (never without a country: York ≠ York)
        if country is not None:
            for i in range(n):
                if covered[i] or skip[i] or short[i]:
                    continue
                for key in [*_swapped(parts[i], keys[i]), *_city_orders(keys[i], cities)]:
                    recs = by_key.get(key)
                    if recs:
                        out.append(_Mention(i, i, len(key.split()), key, "word-order", 90.0,
                                            list(recs), text=""))
                        covered[i] = True
                        break
        # a registered name without its type word: "Scripps Research" (Scripps Research
        # Institute), "Gustave Roussy" (Institut Gustave Roussy), when the string states a
        # country and the words left are not a place or generic
        if country is not None and not out:
            for i in range(tail):
                if covered[i] or skip[i] or short[i]:
                    continue
                key, recs = keys[i], idx.short_forms.get(keys[i])
                if not recs:
                    key, recs = self._short_unit(keys[i].split())
                if recs:
                    out.append(_Mention(i, i, len(key.split()), key, "short-form",
                                        90.0, list(recs), text=""))
                    covered[i] = True
        # fuzzy, for parts that look like organisations and matched nothing
        if self.fuzzy:
            for i in range(n):
                if covered[i] or skip[i] or short[i]:
                    continue
                words = keys[i].split()
                if len(words) < 2 or not any(_is_org_word(w) for w in words):
                    continue
                m = self._fuzzy(keys[i], country)
                if m is not None:
                    key, score, recs = m
                    out.append(_Mention(i, i, len(words), key, "fuzzy", score, recs, text=""))
                    covered[i] = True
        # acronyms: a part that is one, or one in brackets
        for i, p in enumerate(parts[:tail]):
            a = p.strip()
            if covered[i]:
                continue
            if _ACRONYM.match(a) and a in idx.by_acronym:
                out.append(_Mention(i, i, 1, a, "acronym", 90.0, list(idx.by_acronym[a]),
                                    text=""))
                continue
            # an acronym leading a unit's name: "NYU Grossman School of Medicine", "UCL
            # Institute of Neurology" (a unit of that organisation, not a name of its own)
            a = _leading_acronym(a)
            if a and not skip[i] and a in idx.by_acronym:
                out.append(_Mention(i, i, 1, a, "acronym", 90.0, list(idx.by_acronym[a]),
                                    text=""))
        if not out:
            for a in acronyms:
                if a in idx.by_acronym:
                    out.append(_Mention(n - 1, n - 1, 1, a, "acronym", 90.0,
                                        list(idx.by_acronym[a]), text=""))
        return out

    def _is_region(self, part: str, country: str | None) -> bool:
        """Whether a part names a first-level region of the string's country, as the
        lexicon or the registry spells it (*Australian Capital Territory*, *Västerbottens
        Län*)."""
        from netkit.lexicon.region_names import is_region

        if not country:
            return False
        words = _place_key(part).split()
        while len(words) > 1 and words[-1] in _REGION_WORDS:
            words = words[:-1]
        if not words:
            return False
        forms = {" ".join(words)}
        if words[-1].endswith("s"):
            forms.add(" ".join([*words[:-1], words[-1][:-1]]))  # a genitive
        vocab = self.idx.regions.get(country, frozenset())
        return any(f in vocab or is_region(country, f) for f in forms)

    @staticmethod
    def _registered_acronym(part: str, country: str | None) -> bool:
        """Whether a short part is a registry acronym rather than a code of the string's
        address: three capitals (*UCL*), not a subdivision of its country (*NSW*)."""
        from netkit.lexicon.subdivisions import subdivision_code

        a = part.strip()
        return (len(a) == 3 and a.isalpha() and a.isupper() and country is not None
                and subdivision_code(country, a) is None)

    @staticmethod
    def _bare_place(key: str) -> bool:
        from netkit.resolve.places import is_place

        return is_place(key)

    def _with_city(self, key: str, cities: tuple) -> tuple[str, list | None]:
        """The records of a key followed by a city the string names (*Washington
        University* in St. Louis), else of the key."""
        for c in cities:
            if c not in key:
                got = self.idx.by_key.get(f"{key} {c}")
                if got:
                    return f"{key} {c}", got
        return key, self.idx.by_key.get(key)

    def _with_own_city(self, part: str, key: str) -> tuple[str, list | None]:
        """A registered name written after the city its record is in (*Aydın Adnan
        Menderes University*: Adnan Menderes University, in Aydın)."""
        idx = self.idx
        words = _place_key(part).split()
        for n in (1, 2):
            if len(words) <= n + 1:
                break
            where = " ".join(words[:n])
            rest = normalize_name(" ".join(words[n:]), departments=False)
            if all(w in GENERIC_WORDS for w in rest.split()):
                continue
            recs = [r for r in idx.by_key.get(rest, ()) if where in (idx.city[r], idx.region[r])]
            if recs:
                return rest, recs
        return key, None

    def _inner(self, words: list[str], cities: tuple = (), text: str = ""
               ) -> list[tuple[str, list]]:
        """Non-overlapping runs of words (longest first) that are registry names, when the
        words around them name a unit of that organisation (*Dept Chem …*, *… Medical
        School*), not another organisation (*… University Hospital*, *… of Chinese
        Medicine*, *… Affiliated Pudong Medical Center*)."""
        n = len(words)
        taken = [False] * n
        found: list[tuple[int, str, list]] = []
        for length in range(n - 1, 1, -1):
            for i in range(0, n - length + 1):
                if any(taken[i:i + length]):
                    continue
                sub = words[i:i + length]
                if all(w in GENERIC_WORDS for w in sub):
                    continue
                key = " ".join(sub)
                key, recs = self._with_city(key, cities)
                after = words[i + length:]
                if after and sub[-1] in CONTINUED and re.search(
                        rf"\b{sub[-1]}\s+(?:of|for)\b", text):
                    continue  # "Sichuan University of Science …": the name goes on
                if recs and not self._bare_place(key) and _unit_around(words[:i], after):
                    if after and _is_place_words(after):
                        # "Indian Institute of Technology Roorkee": the place names which
                        # one; keep only records there
                        where = " ".join(after)
                        recs = [r for r in recs if where in (self.idx.city[r],
                                                             self.idx.region[r])]
                        if not recs:
                            continue
                    found.append((i, key, list(recs)))
                    for t in range(i, i + length):
                        taken[t] = True
        return [(k, r) for _, k, r in sorted(found)]

    def _short_unit(self, words: list[str]) -> tuple[str, list]:
        """A short form followed by the words of a unit only (*Johns Hopkins Sch Med*:
        the university; *Johns Hopkins Univ Hosp*: the hospital), when one record of the
        short form is of the unit's sector (:data:`UNIT_SUFFIX`)."""
        for length in range(len(words) - 1, 1, -1):
            key, rest = " ".join(words[:length]), words[length:]
            recs = self.idx.short_forms.get(key)
            if recs and set(rest) <= UNIT_SUFFIX and set(rest) & UNIT_KIND:
                sector = "health" if {"hospital", "clinic"} & set(rest) else "university"
                fit = [r for r in recs if self.idx.sector[r] == sector]
                return (key, fit) if len(fit) == 1 else ("", [])
        return "", []

    def _fuzzy(self, key: str, country: str | None):
        from rapidfuzz import fuzz, process

        # a misspelt organisation word (*Unversity of Bergen*) is that word (an exact name
        # then, whether or not the string states a country)
        fixed = " ".join(_org_word(w) or w for w in key.split())
        if fixed != key:
            recs = [r for r in self.idx.by_key.get(fixed, ()) if _compatible(
                self.idx.country[r], country)]
            if recs:
                return fixed, 95.0, recs
            key = fixed
        if country is None:
            return None
        # other names are compared within the string's country, blocked by their first
        # letters
        pool = self.idx.by_country.get((country, key[:3]))
        if not pool:
            return None
        keys, recs = pool
        got = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=self.cutoff, limit=3)
        good = [(k, s, i) for k, s, i in got if _aligned(key, k, country)]
        if not good:
            return None
        best = max(s for _, s, _ in good)
        top = [(k, i) for k, s, i in good if s == best]
        rec_set = sorted({r for _, i in top for r in recs[i]})
        return top[0][0], float(best), rec_set

    def ancestors(self, r: int) -> frozenset:
        """The registry parents of a record, their parents, … (three levels)."""
        got = self._anc.get(r)
        if got is None:
            out: set[int] = set()
            level = set(self.idx.parents[r])
            for _ in range(3):
                level -= out
                if not level:
                    break
                out |= level
                level = {p for q in level for p in self.idx.parents[q]}
            got = self._anc[r] = frozenset(out)
        return got

    def campus_of(self, child: int, parent: int) -> bool:
        """Whether a record is a campus of another: a registry descendant in another city."""
        idx = self.idx
        return (child != parent and parent in self.ancestors(child)
                and bool(idx.city[child]) and bool(idx.city[parent])
                and idx.city[child] != idx.city[parent])

    def place(self, parts: list[str], text: str, country: str | None) -> _Place:
        """The places a string names (see :class:`_Place`)."""
        from netkit.lexicon.subdivisions import subdivision_code

        keys = tuple(_place_key(p) for p in parts)
        text_key = _place_key(text)
        states = _us_states()
        extra = [states[w] for p in parts for w in p.split()[:1] if len(w) == 2 and w in states]
        if extra:
            text_key = f"{text_key} {' '.join(extra)}"
        names: set[str] = set()
        codes: set[str] = set()
        vocab = self.idx.regions.get(country, frozenset()) if country else frozenset()
        for p, k in zip(parts, keys, strict=True):
            words = k.split()
            if not words:
                continue
            for cand in (k, " ".join(w for w in words if w not in _REGION_WORDS)):
                if cand in vocab:
                    names.add(cand)
            head = p.strip().split()[0].strip(".")
            if country and 2 <= len(head) <= 3 and head.isalpha() and head.isupper():
                code = subdivision_code(country, head)  # "MA", "MA 02115", "QC", "NSW"
                if code:
                    codes.add(code)
        return _Place(country, f" {text_key} ", frozenset(names), frozenset(codes), keys)

    def region_differs(self, r: int, place: _Place) -> bool:
        """Whether the string names a region of its country and the record is in another
        (and the string does not name the record's city)."""
        idx = self.idx
        region, code = idx.region[r], idx.region_code[r]
        by_name = bool(place.region_names) and bool(region)
        by_code = bool(place.region_codes) and code is not None
        if not (by_name or by_code):
            return False
        if region in place.region_names or code in place.region_codes:
            return False
        return not place.names(idx.city[r])

    def city_differs(self, r: int, place: _Place) -> bool:
        """Whether the string names a city and the record lies in another (the string
        names neither the record's city nor its region)."""
        idx = self.idx
        city, region = idx.city[r], idx.region[r]
        if not city or place.names(city) or (region and place.names(region)):
            return False
        padded = f" {city} "  # "La Laguna" is San Cristóbal de La Laguna
        return any(k and f" {k} " not in padded and k not in place.region_names
                   and not _countries().get(k) and self._bare_place(k) for k in place.keys)

    def unit_of_another(self, r: int, m: _Mention, parts: list[str], chosen: list) -> bool:
        """Whether a record is a unit of a university (*Pathologisches Institut*, of LMU
        Munich) and a later part of the string names a university that no record was
        found for (*Institute of Pathology, Friedrich-Alexander University, Erlangen*)."""
        from netkit.lexicon.sectors import sector_from_name

        idx = self.idx
        if (m.key.split(" ", 1)[0] not in UNIT_HEAD or not idx.parents[r]
                or not all(idx.sector[p] in LOCAL_SECTORS for p in idx.parents[r])):
            return False
        found = {t for c in chosen for t in range(c[0].start, c[0].end + 1)}
        own = [set(self.key_of(p).split()) for p in idx.parents[r]]
        for t in range(m.end + 1, len(parts)):
            skip, short, key = _part_facts(parts[t])
            if (t not in found and not skip and not short and not self._bare_place(key)
                    and key.split(" ", 1)[0] not in UNIT_HEAD
                    and sector_from_name(parts[t])[0] == "university"
                    and not any(words <= set(key.split()) for words in own)):
                return True  # not "College Station", "University, MS", "School of …"
        return False

    def is_system(self, r: int, key: str) -> bool:
        """Whether a record named ``key`` is a system of campuses: at least two of its
        registry children of its kind, elsewhere, are named after it and their place
        (*University of California, Los Angeles*; *Mayo Clinic in Florida*)."""
        got = self._system.get((r, key))
        if got is None:
            idx = self.idx
            n = 0
            for c in idx.children[r]:
                if idx.sector[c] != idx.sector[r]:
                    continue  # a university's hospitals are not its campuses
                ck = self.key_of(c)
                rest = f" {ck[len(key):]} " if ck.startswith(key + " ") else ""
                # the place as written or as a key ("University of Colorado Colorado
                # Springs" is keyed "university colorado spring")
                where = (idx.city[c], idx.region[c], normalize_name(idx.city[c], departments=False))
                if rest and idx.city[c] != idx.city[r] and any(
                        w and (f" {w} " in rest or ck.endswith(f" {w}")) for w in where):
                    n += 1
            got = self._system[(r, key)] = n >= 2
        return got

    def key_of(self, r: int) -> str:
        got = self._key.get(r)
        if got is None:
            got = self._key[r] = normalize_name(self.idx.names[r] or "", departments=False)
        return got

    def named_after(self, child: int, key: str) -> bool:
        """Whether a record's name starts with a name of its parent (*Monash University
        Malaysia*)."""
        return bool(key) and self.key_of(child).startswith(key + " ")

    def namesakes(self, r: int, m: _Mention, place: _Place) -> list[int]:
        """Two or more records named ``m``'s key followed by their place (*Loyola
        University Chicago*, *… New Orleans*), none of them ``r``'s kin, that the string's
        country allows, when the string names neither ``r``'s place nor theirs and the
        key is not ``r``'s display name: then *Loyola University* is any of them, not only
        the record with that label (*Institut Pasteur* is the one so displayed)."""
        idx = self.idx
        if place.names(idx.city[r]) or place.names(idx.region[r]) or self.key_of(r) == m.key:
            return []  # its place, or its own display name ("Institut Pasteur")
        kin = self.ancestors(r) | {r}
        out = [c for c in idx.place_stems.get(m.key, ())
                if c not in kin and r not in self.ancestors(c)
                and _compatible(idx.country[c], place.country)]
        if len(out) < 2 or any(place.names(idx.city[c]) or place.names(idx.region[c])
                               for c in out):
            return []  # a family of namesakes, none of which the string's place picks
        return sorted(out)

    def campus(self, m: _Mention, r: int, place: _Place) -> tuple[int | None, str]:
        """A system named with the city of one of its campuses is that campus; a system
        named with another city, whose campus the registry lacks, is not linked
        (*University of California, La Jolla*: not the UC system)."""
        idx = self.idx
        if not self.is_system(r, m.key):
            return r, ""
        where = place.keys[m.end + 1] if m.end + 1 < len(place.keys) else ""
        # a campus lies elsewhere and is of the system's kind (a university's hospital is
        # no campus of it); the next part is its city or starts with it ("University of
        # California, Los Angeles School of Dentistry")
        kids = [c for c in idx.children[r] if idx.city[c] and idx.city[c] != idx.city[r]
                and idx.sector[c] == idx.sector[r] and (
                    idx.city[c] == where or (where.startswith(idx.city[c] + " ")
                                             and self.named_after(c, m.key)))]
        if len(kids) > 1:  # UC Berkeley, not the Lawrence Berkeley National Laboratory
            kids = [c for c in kids if self.named_after(c, m.key)]
        if len(kids) == 1:
            return kids[0], f"campus in {idx.city[kids[0]]}"
        if (self.key_of(r).endswith(" system") and not m.key.endswith(" system")
                and not place.names(idx.city[r])):
            # "University of California" alone: which campus is not said, and the
            # registry's "… System" is the system's office
            return None, f"{idx.ids[r]} is a system; the string names none of its campuses"
        if (not where or where in (idx.city[r], idx.region[r]) or where in place.region_names
                or _countries().get(where) or not self._bare_place(where)):
            return r, ""
        return None, f"{idx.ids[r]} is a system; no campus in {where} in the registry"

    # -- choosing -----------------------------------------------------------------------
    def narrow(self, m: _Mention, place: _Place) -> tuple[list, str]:
        """The records of a mention that fit the string best, and why."""
        idx = self.idx
        country, text_key = place.country, place.text.strip()
        recs = [r for r in m.records if _compatible(idx.country[r], country)]
        why = []
        if not recs and country:
            # "Ministry of Education, Beijing, China": the ministry registered with the
            # name of its country
            recs = list(idx.national.get((country, m.key), ()))
            if recs:
                m.weak = True
                why.append(f"registered with the name of {country}")
        if not recs:
            # "Monash University, Subang Jaya, Malaysia": its campus in that country
            kids = sorted({c for r in m.records for c in idx.children[r]
                           if country and idx.country[c] == country
                           and self.named_after(c, m.key)})
            if len(kids) != 1:
                return [], "country differs"
            recs = kids
            why.append(f"campus in {country}")
        # weak evidence (another word order, a fuzzy match, an acronym, a name of generic
        # words only) must not contradict the region the string names; an organisation's
        # own name may (branches, campuses and labs of national bodies lie elsewhere)
        generic = all(w in GENERIC_WORDS for w in m.key.split())
        weak = m.method != "exact" or generic
        fit = [r for r in recs if not ((weak or idx.rank.get((m.key, r), 1) == 0)
                                       and self.region_differs(r, place))]
        if not fit:
            return [], "region differs"
        if len(fit) < len(recs):
            why.append("region")
            recs = fit
        # a university or hospital named in generic words only (*National Institute of
        # Technology*, *University of Agriculture*) is the one in the city the string
        # names; a national body so named (*National Research Council*) is everywhere, and
        # so is a name registered with its country's (*Technical University of Denmark*)
        if generic and not m.weak:
            fit = [r for r in recs if not (idx.sector[r] in LOCAL_SECTORS
                                           and self.city_differs(r, place))]
            if not fit:
                return [], "city differs"
            if len(fit) < len(recs):
                why.append("city")
                recs = fit
        if country and len(recs) < len(m.records):
            why.append(f"country {country}")
        # a withdrawn record (a duplicate, an error) is its successor; an inactive one is
        # an organisation that ended (merged, split): the string names it as it was
        followed = []
        for r in recs:
            s = idx.successor[r]
            if s >= 0 and (idx.withdrawn[r] or (self.follow_inactive and not idx.active[r])):
                followed.append(s)
                why.append(f"successor of {idx.ids[r]}")
            else:
                followed.append(r)
        recs = sorted(set(followed))

        def prefer(keep: list, reason: str) -> None:
            nonlocal recs
            if keep and len(keep) < len(recs):
                recs = keep
                why.append(reason)

        if len(recs) > 1:
            # a city the string names besides the name itself ("Newcastle University" says
            # nothing of Newcastle, NSW)
            padded = f" {text_key} "
            rest = " ".join(k for i, k in enumerate(place.keys) if not m.start <= i <= m.end)
            prefer([r for r in recs if idx.city[r] and f" {idx.city[r]} " in padded
                    and (f" {idx.city[r]} " in f" {rest} "
                         or f" {idx.city[r]} " not in f" {m.key} ")], "city in string")
        if len(recs) > 1:
            padded = f" {text_key} "
            prefer([r for r in recs if idx.region[r] and f" {idx.region[r]} " in padded],
                   "region in string")
        if len(recs) > 1 and m.text:  # the name as written, before translation
            same = idx.by_text.get(m.text, frozenset())
            prefer([r for r in recs if r in same], "name as written")
        if len(recs) > 1:
            best = max(idx.rank.get((m.key, r), 0) for r in recs)
            prefer([r for r in recs if idx.rank.get((m.key, r), 0) == best], "official name")
        if len(recs) > 1:  # its display name, not another's label or alias
            prefer([r for r in recs if self.key_of(r) == m.key], "display name")
        if len(recs) > 1:
            prefer([r for r in recs if idx.active[r]], "active")
        if m.method == "acronym" and (len(recs) != 1 or country is None
                                      or not idx.country[recs[0]]):
            return [], "acronym without a single fit in the string's country"
        if len(recs) == 1 and idx.successor[recs[0]] >= 0:  # an organisation that ended
            why.append(f"{idx.ids[recs[0]]} succeeded by {idx.ids[idx.successor[recs[0]]]}")
        return recs, "; ".join(why)

    def link(self, text: str) -> tuple:
        idx = self.idx
        parts, bracket_acr = _parts(text)
        if not parts:
            return (None, "none", np.nan, "empty", (), ())
        country = None
        for p in reversed(parts):
            country = _country_of(p)
            if country:
                break
        if country is None and not _names_an_organisation(parts[-1]):
            # an address's last part ("CA 94143 USA"), not an organisation's name ("…,
            # University of Georgia" is no Georgian university)
            from netkit.lexicon.countries import country_from_address

            country = country_from_address(text)
        place = self.place(parts, text, country)
        mentions = self.mentions(parts, bracket_acr, country)
        if not mentions:
            return (None, "none", np.nan, "no registry name in the string", (), ())
        chosen = []   # (mention, record, why)
        ambiguous = []
        for m in mentions:
            recs, why = self.narrow(m, place)
            if len(recs) == 1:
                chosen.append((m, recs[0], why))
            elif len(recs) > 1:
                ambiguous.append((m, recs))

        def inside(a: _Mention, b: _Mention) -> bool:  # UCLA over the UC system
            return b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)

        longer = [m for m, _, _ in chosen] + [m for m, _ in ambiguous]
        chosen = [c for c in chosen if not any(inside(c[0], o) for o in longer)]
        ambiguous = [a for a in ambiguous if not any(inside(a[0], o) for o in longer)]
        named = [c for c in chosen if c[0].method != "acronym" and not c[0].weak] or chosen
        # units ("Departamento de Educación") lose to organisations named beside them
        org_level = [c for c in named if not _is_unit(c[0])]
        if org_level:
            named = org_level
            ambiguous = [a for a in ambiguous if not _is_unit(a[0])]
        if not named:
            if ambiguous:
                m, recs = ambiguous[-1]
                return (None, "ambiguous", m.score, f"{m.key!r} fits {len(recs)} records",
                        (), tuple(idx.ids[r] for r in recs[:10]))
            return (None, "none", np.nan, "no record fits the string's place", (), ())
        # the organisation: the last one named before the address (affiliations go from
        # the smallest unit to the largest); inside one part, the first named
        last_part = max(c[0].end for c in named)
        amb_after = [a for a in ambiguous if a[0].end > last_part and a[0].method != "acronym"]
        if amb_after:
            m, recs = amb_after[-1]
            return (None, "ambiguous", m.score, f"{m.key!r} fits {len(recs)} records",
                    tuple(idx.ids[c[1]] for c in named), tuple(idx.ids[r] for r in recs[:10]))
        m, r, why = min((c for c in named if c[0].end == last_part),
                        key=lambda c: (-(c[0].end - c[0].start), c[0].start))
        if self.unit_of_another(r, m, parts, chosen):
            return (None, "none", np.nan,
                    f"{m.key!r} is a unit of {idx.ids[idx.parents[r][0]]}; the string names "
                    "another university", (), ())
        namesakes = self.namesakes(r, m, place)
        if namesakes:
            return (None, "ambiguous", m.score,
                    f"{m.key!r} is also the start of the names of {len(namesakes)} records "
                    "with their place; the string names none of the places",
                    (), tuple(idx.ids[x] for x in (r, *namesakes[:9])))
        if not any(r in self.ancestors(c[1]) for c in chosen):  # no unit of it named
            got, reason = self.campus(m, r, place)
            if got is None:
                return (None, "ambiguous", m.score, f"{m.key!r}: {reason}",
                        tuple(idx.ids[c[1]] for c in chosen if c[1] != r), (idx.ids[r],))
            if got != r:
                r, why = got, f"{why}; {reason}" if why else reason
        others = tuple(dict.fromkeys(idx.ids[c[1]] for c in chosen if c[1] != r))
        ev = f"{m.method} {m.key!r}" + (f"; {why}" if why else "")
        method = m.method if m.full else "exact-inner"
        return (idx.ids[r], method, m.score, ev, others, ())


def link_affiliations(strings, registry, *, fuzzy: bool = True,
                      fuzzy_cutoff: float = 92.0, index: RegistryIndex | None = None,
                      follow_inactive: bool = False) -> pd.DataFrame:
    """Link affiliation strings to registry records (each distinct string parsed once).

    Parameters
    ----------
    strings : iterable of str
        Affiliation strings as sources write them.
    registry : Registry, path or DataFrame
        See :func:`netkit.resolve.load_registry` (e.g. the ROR data dump).
    fuzzy : bool, default True
        Compare parts that match no name exactly with the names of the string's country.
    fuzzy_cutoff : float, default 92
        Minimum :func:`rapidfuzz.fuzz.ratio` of a fuzzy candidate (it must also align
        word by word).
    index : RegistryIndex, optional
        A prebuilt index of ``registry`` (build it once for many calls).
    follow_inactive : bool, default False
        Link a string that names an *inactive* record (an organisation that merged or
        split) to its successor. By default the string is linked to the organisation it
        names, as it was (its successor is in the evidence); a *withdrawn* record (a
        duplicate) is always replaced by its successor.

    Returns
    -------
    DataFrame
        One row per input string, columns :data:`LINK_COLUMNS`: ``registry_id`` (None
        when abstaining), ``name`` (the record's display name), ``method`` (exact,
        exact-inner, word-order, short-form, fuzzy, acronym, ambiguous,
        none), ``score``, ``evidence``,
        ``others`` (further organisations the string names) and ``candidates``
        (the records an ambiguous string fits).

    Examples
    --------
    >>> from netkit.resolve.registry import load_registry
    >>> reg = load_registry(pd.DataFrame({
    ...     "openalex_id": ["uc", "ucla", "umb", "uma", "asia1", "asia2"],
    ...     "name": ["University of California System", "University of California, Los Angeles",
    ...              "University of Massachusetts Boston", "University of Massachusetts Amherst",
    ...              "Asia University", "Asia University"],
    ...     "aliases": [("University of California",), (), (), (), (), ()],
    ...     "country": ["US", "US", "US", "US", "TW", "JP"],
    ...     "city": ["Oakland", "Los Angeles", "Boston", "Amherst", "Taichung", "Tokyo"]}))
    >>> out = link_affiliations([
    ...     "Dept of Physics, University of California, Los Angeles, CA, USA",
    ...     "Univ Massachusetts, Boston, MA, USA",
    ...     "Asia Univ, Taichung, Taiwan", "Asia University, Tokyo, Japan",
    ...     "Asia University"], reg)
    >>> out["registry_id"].tolist()
    ['ucla', 'umb', 'asia1', 'asia2', None]
    >>> out["method"].tolist()[-1]
    'ambiguous'
    """
    strings = pd.Series(list(strings), dtype=object)
    if index is None:
        from netkit.resolve.registry import load_registry

        index = RegistryIndex.build(load_registry(registry))
    linker = _Linker(index, fuzzy, fuzzy_cutoff, follow_inactive)
    codes, uniq = pd.factorize(strings.fillna(""), sort=False)
    rows = [linker.link(s) if s else (None, "none", np.nan, "empty", (), ()) for s in uniq]
    res = pd.DataFrame(rows, columns=["registry_id", "method", "score", "evidence", "others",
                                      "candidates"])
    res.insert(0, "affiliation", uniq)
    pos = {r: k for k, r in enumerate(index.ids)}
    res["registry_id"] = res["registry_id"].astype(object).where(res["registry_id"].notna(), None)
    res.insert(2, "name", [index.names[pos[r]] if isinstance(r, str) else None
                           for r in res["registry_id"]])
    out = res.take(codes).reset_index(drop=True)  # each distinct string was linked once
    out["affiliation"] = strings.to_numpy()
    return out[LINK_COLUMNS]

"""Organisation-name normalisation: one comparable key per spelling.

The key is what exact matching compares and what fuzzy matching scores. It is
built in a fixed order:

1. the organisation-level part of an address-like string is kept
   (``"Dept Chem, Univ Calif Irvine, Irvine, CA 92697 USA"`` → ``"Univ Calif Irvine"``),
   see :func:`organisation_part`;
2. text in parentheses is dropped (OpenAlex adds the country, users add acronyms);
3. accents are removed and case folded (``"Universität"`` → ``"universitat"``);
4. punctuation becomes space, ``&`` becomes ``and``;
5. legal-form suffixes are removed with the term list of the maintained
   `cleanco <https://github.com/psolin/cleanco>`_ library (``Ltd``, ``GmbH & Co. KG``,
   ``Kabushiki Kaisha``, ``AS``, ``S.p.A.`` …);
6. the abbreviations of Web of Science and Scopus (``UNIV``, ``INST``, ``TECHNOL``,
   ``NATL``, ``CTR``, ``LAB``, ``DEPT`` …), British spellings and the words
   "university"/"institute"/"technical" of several European languages are mapped
   onto one English word;
7. articles and linking words (*the, of, and, de, i, für* …) are removed.

The order of the remaining words is kept on purpose: *York University* and
*University of York* are two universities, and stay two keys.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache

from netkit.lexicon.abbreviations import ABBREVIATIONS, ROMAN_NUMBERS, STOPWORDS
from netkit.lexicon.countries import country_code, country_from_address
from netkit.lexicon.footnotes import without_footnote_labels
from netkit.lexicon.legal_forms import strip_legal_form
from netkit.lexicon.text import fold

__all__ = [
    "acronym_words",
    "compact_key",
    "country_in_name",
    "normalize_name",
    "normalize_names",
    "organisation_part",
    "tokens",
    "word_order_variants",
]

_DIRECTIONS = {"n", "s", "w"}

# -- 1. organisation part of address-like strings --------------------------------------

_TOP = re.compile(
    r"\b(?:univ\w*|universit\w*|universidad\w*|universidade|yliopisto|polytechn\w*|"
    r"politecnic\w*|ecole|hochschule|hogskole\w*|hogskola|eth|epfl|kth|mit|ucl|"
    r"karolinska|inc|ltd|gmbh|corp|corporation|llc|plc|as|asa|ab|ag|sa|spa|srl|bv|nv|oy|kk)\b",
    re.I)
_ORGWORD = re.compile(
    r"\b(?:inst\w*|college|coll|hosp\w*|klinik\w*|clinic\w*|sykehus\w*|laborator\w*|labs?|"
    r"cent(?:er|re|ro)|ctr|academ\w*|acad|foundation|fdn|council|agency|ministry|minist|"
    r"museum|observator\w*|company|co|group|cnrs|inserm|csic|cnr|fraunhofer|max planck|"
    r"helmholtz|sintef|consiglio|national|natl|trust|authority|society|association|"
    r"corporation|technologies|systems|research)\b", re.I)
_SUBUNIT = re.compile(
    r"^\s*(?:dept|department|dep|departement|departamento|dipartimento|div|division|"
    r"sch|school|fac|faculty|facultad|faculte|fakultat|program|programme|grp|group|unit|"
    r"unite|sect|section|chair|lab|laboratory|laboratoire|key lab|state key lab|"
    r"inst|institute|institut|ctr|center|centre|college|coll|grad sch|graduate school|"
    r"res grp|research group|team|equipe|service|branch|office|clinic|dipartiment\w*|"
    r"interdisciplinary|umr|ur|ea|ird|cnrs umr)\b", re.I)
_ADDRESS = re.compile(
    r"\d{3,}|\b(?:street|st|road|rd|avenue|ave|blvd|boulevard|strasse|str|gate|vei|"
    r"veien|allee|rue|via|calle|po box|p o box|box|floor|room|bldg|building|campus)\b\.?",
    re.I)
_SPLIT = re.compile(r"\s*[,;]\s*")


def organisation_part(raw: str) -> str:
    """The organisation-level segment of an address-like affiliation string.

    Strings with a single segment are returned stripped. Otherwise segments
    (split at commas and semicolons) that name a university or a company win over
    those naming another kind of organisation, which win over the rest;
    segments that start with a department-level word (*Dept*, *School of*,
    *Faculty*, *Lab* …) or look like street addresses lose. A trailing legal form
    split off by a comma (``"Toyoda Gosei Co., Ltd."``) stays with its name.

    Examples
    --------
    >>> organisation_part("Univ Calif Irvine, Dept Chem, Irvine, CA 92697 USA")
    'Univ Calif Irvine'
    >>> organisation_part("Department of Biostatistics, College of Public Health, "
    ...                   "University of Nebraska Medical Center, Omaha, NE, United States")
    'University of Nebraska Medical Center'
    >>> organisation_part("Toyoda Gosei Co., Ltd.")
    'Toyoda Gosei Co., Ltd'
    >>> organisation_part("University of California, Irvine, Irvine, CA, United States")
    'University of California, Irvine'
    >>> organisation_part("Tsinghua Univ, Beijing, Peoples R China")
    'Tsinghua Univ'
    >>> organisation_part("Max Planck Inst Phys Complex Syst, Dresden, Germany")
    'Max Planck Inst Phys Complex Syst'
    """
    raw = without_footnote_labels(raw).strip().strip(";,. ").strip()
    if raw[:1] in "[(" and raw[-1:] in "])":
        raw = raw[1:-1].strip(";,. ")  # "[Univ. of Manchester, Manchester]"
    # "University of Luxembourg > Luxembourg Center …": the parent is on the left;
    # "University of California, Berkeley - Department of …": a sub-unit after a dash
    raw = _HIERARCHY.split(raw, maxsplit=1)[0].strip()
    m = _DASH_SUBUNIT.search(raw)
    if m and m.start() > 0:
        raw = raw[: m.start()].strip()
    # "Institut für Architektur … (IAAS) - Universität Stuttgart", "ARCES - University of
    # Bologna": a sub-unit or an acronym, then the university it belongs to
    m = _DASH_UNIVERSITY.match(raw)
    if m and (_SUBUNIT_WORD.search(fold(m.group(1))) or m.group(1).strip().isupper()):
        raw = m.group(2).strip()
    parts = [p for p in _SPLIT.split(raw) if p.strip(" .")]
    if len(parts) <= 1:
        return raw
    # glue legal-form-only segments ("Ltd.", "Inc", "LLC") back onto the previous one
    glued: list[str] = []
    for p in parts:
        f = re.sub(r"[^\w ]", " ", fold(p)).strip()
        if glued and f and strip_legal_form("x " + f) == "x":
            glued[-1] = f"{glued[-1]}, {p}"
        else:
            glued.append(p)
    if len(glued) == 1:
        return glued[0]
    flags = [_segment_kind(p) for p in glued]
    if len(glued) == 2 and flags[1] == "plain":
        if fold(glued[1]).strip(" .") in fold(glued[0]):
            return glued[0]  # "Univ. of Manchester, Manchester"
        return raw  # "University of California, Irvine": a name with a comma in it
    best, best_rank, best_i = glued[0], -1.0, 0
    for i, p in enumerate(glued):
        f = fold(p)
        sub = _is_subunit(f)
        addr = bool(_ADDRESS.search(f))
        if _TOP.search(f) and not sub:
            rank = 5.0
        elif i == 0 and not sub and not addr and len(f.split()) <= 8:
            rank = 4.5  # Web of Science puts the organisation first
        elif _ORGWORD.search(f) and not sub and not addr:
            rank = 4
        elif _TOP.search(f):
            rank = 3
        elif _ORGWORD.search(f) and not addr:
            rank = 1
        else:
            rank = 0
        if rank > best_rank:
            best, best_rank, best_i = p, rank, i
    j = best_i + 1
    # a campus qualifier before a city: "University of California, Irvine, Irvine, CA, ...";
    # a generic name before its city: "The University, Leicester", "University College, London"
    if j < len(glued) and flags[j] == "plain" and (
            (j + 1 < len(glued) and fold(glued[j]).strip(" .") == fold(glued[j + 1]).strip(" ."))
            or not (set(re.sub(r"[^\w ]", " ", fold(best)).split()) - _GENERIC_ORG_WORDS)):
        best = f"{best}, {glued[j]}"
    return best.strip()


_GENERIC_ORG_WORDS = frozenset({"the", "of", "university", "univ", "college", "coll", "institute",
                                "inst", "hospital", "hosp", "school", "sch", "academy",
                                "polytechnic", "technical", "national", "natl", "state"})
_SUBUNIT_TAIL = re.compile(
    r"\b(?:dept|department|division|div|group|grp|unit|section|program|programme|team|"
    r"chair|lab|laboratory)\s*$", re.I)
_HIERARCHY = re.compile(r"\s+>\s+")
_DASH_UNIVERSITY = re.compile(r"^(.+?)\s[-–—]\s+(.*\buniv\w*.*)$", re.I)
_SUBUNIT_WORD = re.compile(
    r"\b(?:institut\w*|inst|department|dept|lab\w*|chair|lehrstuhl|zentrum|cent(?:er|re)|"
    r"school|faculty|fakultat|group|division|unit)\b", re.I)
_DASH_SUBUNIT = re.compile(
    r"\s[-–—]\s*(?=(?:dept|department|departement|departamento|dipartimento|faculty|"
    r"facultad|faculte|fakultat|school of|division|chair|institute of|lab)\b)", re.I)


def _is_subunit(folded: str) -> bool:
    """A department-level segment: ``Dept Chem``, ``The Agriculture Division``, ``Geography Department``."""
    f = folded.strip()
    if f.startswith("the "):
        f = f[4:]
    return bool(_SUBUNIT.match(f) or _SUBUNIT_TAIL.search(f))


def _segment_kind(segment: str) -> str:
    """``plain`` for a short segment of ordinary words (a place or a campus), else ``other``."""
    s = segment.strip(" .")
    f = fold(s)
    words = f.split()
    if (not words or len(words) > 3 or re.search(r"\d", f) or _ADDRESS.search(f)
            or _is_subunit(f) or _TOP.search(f) or _ORGWORD.search(f)
            or country_code(s) is not None
            or (len(s) <= 3 and s.isupper())):
        return "other"
    return "plain"


# -- countries written after a name -----------------------------------------------------

_COUNTRY_WORDS = frozenset({"germany", "deutschland", "usa", "uk", "france", "italy", "spain",
                            "japan", "canada", "australia", "netherlands", "switzerland",
                            "austria", "sweden", "norway", "denmark", "finland", "belgium",
                            "india", "brazil", "singapore"})
"""Countries dropped from the end of a name: ``University of Kaiserslautern Germany`` (not
*China* or *Korea*, which end many names: *Renmin Univ China*)."""
_GLUED_COUNTRY = re.compile(
    r"(?<=[a-zäöüéèåø])(?:"
    + "|".join(w.upper() if len(w) <= 3 else w.capitalize()
               for w in sorted((_COUNTRY_WORDS - {"uk"}) | {"china", "korea"}))
    + r")\W*$")
"""A country glued to the name by a lost separator: ``University of HamburgGermany``."""


# -- the key -----------------------------------------------------------------------------

_US = re.compile(r"^\s*U\.\s?S\.?(?:\s?A\.?)?\s+")
_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.\s?){2,}(?:[^\W\d_](?!\w))?")
_ARTEFACT = re.compile(r"#TAB#|#N#|\\n|\\t", re.I)
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# The body that holds an organisation's property in patent and grant records:
# "The Regents of the University of California", "The Board of Trustees of the
# Leland Stanford Junior University", "President and Fellows of Harvard College".
_HOLDER = re.compile(
    r"^(?:the )?(?:board of )?(?:regents|trustees|governors|curators|visitors|supervisors|"
    r"president and fellows|rector and visitors|chancellor masters and scholars|"
    r"governing council) of (?:the )?(?=\w)")
_NONWORD = re.compile(r"[^\w]+")
_UNDERSCORE = re.compile(r"_+")


@lru_cache(maxsize=200_000)
def normalize_name(name: str | None, *, departments: bool = True) -> str:
    """The comparison key of one organisation name.

    Parameters
    ----------
    name : str or None
        A name as a source spells it, possibly a whole affiliation string.
    departments : bool, default True
        Keep only the organisation-level part of address-like strings
        (:func:`organisation_part`).

    Returns
    -------
    str
        Lower-case ASCII words separated by single spaces; ``""`` for an empty name.

    Examples
    --------
    >>> normalize_name("UNIV CALIF IRVINE")
    'university california irvine'
    >>> normalize_name("University of California, Irvine")
    'university california irvine'
    >>> normalize_name("Norwegian Univ Sci & Technol, Dept Phys, N-7491 Trondheim, Norway")
    'norwegian university science technology'
    >>> normalize_name("The Boeing Company")
    'boeing'
    >>> normalize_name("The Regents of the University of California")
    'university california'
    >>> normalize_name("UNIVERSITETET I OSLO") == normalize_name("University of Oslo")
    True
    >>> normalize_name("York University") == normalize_name("University of York")
    False
    >>> normalize_name("Sefar (Switzerland)")
    'sefar'
    >>> normalize_name("National University of Singapore")
    'national university singapore'
    >>> normalize_name("University of HamburgGermany")
    'university hamburg'
    >>> normalize_name("Carl von Ossietzky Universitat Oldenburg Oldenburg, Germany")
    'carl von ossietzky university oldenburg'
    """
    if name is None or name != name:  # None or NaN
        return ""
    text = str(name)
    if departments and ("," in text or ";" in text or " > " in text or " - " in text
                        or " – " in text) \
            and not _HOLDER.match(re.sub(r"[^\w ]+", "", fold(text))):
        text = organisation_part(text)
    stripped = _PARENS.sub(" ", text)
    if stripped.strip():
        text = stripped
    text = _GLUED_COUNTRY.sub("", _ARTEFACT.sub(" ", text).strip())
    text = _US.sub("United States ", text)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", text)  # K.K., S.p.A.
    m = _NAME_COUNTRY.search(text)
    if m and m.group(2) and country_code(m.group(2)) and m.start() > 0:
        text = text[: m.start()]  # "… Research Institute - Taiwan"
    f = fold(text).replace("&", " and ").replace("'s ", "s ").replace("'", " ")
    f = _UNDERSCORE.sub(" ", _NONWORD.sub(" ", f)).strip()
    if not f:
        return ""
    f = strip_legal_form(_HOLDER.sub("", f))
    words = f.split()
    if len(words) > 2 and words[-1] in _COUNTRY_WORDS and words[-2] not in STOPWORDS:
        words = words[:-1]  # "University of Kaiserslautern Germany", not "… of Singapore"
    out = []
    for i, w in enumerate(words):
        if w in _DIRECTIONS and (i == len(words) - 1 or len(words) == 1):
            out.append(w)  # a lone letter at an end is an initial, not a direction
            continue
        if w == "i" and i == len(words) - 1 and i > 0 and words[i - 1] not in STOPWORDS:
            w = "1"  # "Universitat Jaume I"
        if w in ("politecnico", "politecn") and not out:
            out.extend(["polytechnic", "university"])  # Italian: Politecnico di Milano
            continue
        for part in _compound_parts(w):
            part = ABBREVIATIONS.get(ROMAN_NUMBERS.get(part, part), part)
            if part not in STOPWORDS:
                out.append(_singular(part))
    if not out:
        out = words
    # a place written twice in a row is a name followed by its city ("Universitat
    # Oldenburg Oldenburg"): once
    if any(a == b for a, b in itertools.pairwise(out)):
        from netkit.resolve.places import is_place

        out = [w for i, w in enumerate(out) if i == 0 or w != out[i - 1] or not is_place(w)]
    half = len(out) // 2
    if len(out) % 2 == 0 and half >= 2 and out[:half] == out[half:]:
        out = out[:half]  # "X = X" (a name given twice)
    # drop a leading article left after folding ("the" is a stopword already)
    return " ".join(out)


_COMPOUND_HEADS = re.compile(
    r"^(\w{4,}?)(forschung|zentrum|institut|bibliothek|wissenschaften|wissenschaft|klinikum)$")
_LINKING_S = re.compile(r"(?<=ung|ion|eit|aft|tat)s$")  # Forschung-s-zentrum, Krebs-forschung


def _compound_parts(word: str) -> list[str]:
    """A German compound ending in an organisation word, split (modifier first, as in
    English): *Forschungszentrum* → *forschung zentrum*, *Innovationsforschung* →
    *innovation forschung*.

    >>> _compound_parts("forschungszentrum"), _compound_parts("innovationsforschung")
    (['forschung', 'zentrum'], ['innovation', 'forschung'])
    >>> _compound_parts("zentrum"), _compound_parts("krebsforschungszentrum")
    (['zentrum'], ['krebs', 'forschung', 'zentrum'])
    """
    if len(word) < 10 or word in ABBREVIATIONS:
        return [word]
    m = _COMPOUND_HEADS.match(word)
    if not m:
        return [word]
    return [*_compound_parts(_LINKING_S.sub("", m.group(1))), m.group(2)]


def _singular(word: str) -> str:
    """Crude plural folding so that *Sciences*/*Sci* and *Laboratories*/*Lab* meet."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_ACRONYM_WORD = re.compile(r"(?<![\w.])([A-Z][A-Za-z&]{1,5})(?!\w|\.\w)")


def acronym_words(name: str | None) -> frozenset[str]:
    """Acronyms of a mixed-case name that spell the initials of its own words, folded.

    Matching treats them as optional: *Karlsruhe Institute of Technology KIT* is
    *Karlsruhe Institute of Technology*. An acronym that its name does not explain
    is an ordinary word (*IT Univ Copenhagen*, *FU Berlin*) unless it is written after
    the name (*Universität Bremen TZI*). In an all-capitals name
    no word counts.

    Examples
    --------
    >>> sorted(acronym_words("Karlsruhe Institute of Technology KIT"))
    ['kit']
    >>> sorted(acronym_words("electricite de France - EdF (France)"))
    ['edf']
    >>> acronym_words("IT Univ Copenhagen"), acronym_words("UNIV PARIS SUD")
    (frozenset(), frozenset())
    >>> sorted(acronym_words("Universität Bremen TZI"))
    ['tzi']
    >>> sorted(acronym_words("Centro Agronomico Tropical de Investigacion y Ensenanza Catie"))
    ['catie']
    """
    if not isinstance(name, str) or name.isupper():
        return frozenset()
    out = set()
    found = list(_ACRONYM_WORD.finditer(name))
    for k, m in enumerate(found):
        w = m.group(1)
        if sum(c.isupper() for c in w) >= 2:
            a = fold(w).replace("&", "")
            initials = "".join(x[0] for x in _NONWORD.split(fold(name)) if x and x != a)
            last = k == len(found) - 1 and not re.search(r"\w", name[m.end():])
            if _is_subsequence(a, initials) or (last and m.start() > 0):
                out.add(a)  # explained, or written after the name ("Univ Zurich UZH")
    # a last word that spells the initials of the words before it, whatever its case
    # ("Centro Agronómico Tropical de Investigación y Enseñanza Catie")
    words = [w for w in _NONWORD.split(fold(name)) if w]
    if len(words) >= 4 and 3 <= len(words[-1]) <= 10 and words[-1].isalpha() and \
            words[-1] == "".join(w[0] for w in words[:-1] if w not in STOPWORDS):
        out.add(words[-1])
    return frozenset(out)


def _is_subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)


_FOREIGN_UNIVERSITY = re.compile(
    r"\b(?:universit(?:e|é|at|ät|a|à|aet|eit|et|etet|atea|as|i|aria)|universidad|universidade|"
    r"uniwersytet|univerzita|egyetem|hochschule)\b", re.I)
_POLITECNICO = re.compile(r"\W*politecnic[oa]\b")
_FOREIGN_POLYTECHNIC_INSTITUTE = re.compile(r"\W*institut[oe]? politecnic[oa]\b")
_FOREIGN_HOSPITAL = re.compile(
    r"\W*(?:hopital|hopitaux|ospedale|ziekenhuis|sykehus|sjukhus|sygehus|krankenhaus|szpital|"
    r"hospital (?:universitari[oa]?|general|de|del|do|da|das|dos|clinic[oa]?)\b)")
_SWAP_ADJECTIVES = frozenset({"federal", "national", "autonomous", "catholic", "technical",
                              "polytechnic", "state", "free", "open", "central", "pontifical",
                              "pontificia", "estadual", "nova"})


def word_order_variants(name: str | None, key: str) -> list[str]:
    """Keys of the English word orders of a non-English university name.

    *Universidad Simón Bolívar* is *Simón Bolívar University*, *Université d'Avignon*
    may be *Avignon University* or *University of Avignon*, *Universidade Federal de
    Pernambuco* is *Federal University of Pernambuco*. A hospital named in a Romance, Germanic
    or Slavic language is named after its noun in English (*Hôpital Européen Georges-Pompidou*
    is *European Hospital of Georges Pompidou*), and an Italian *Politecnico* or a Portuguese
    *Instituto Politécnico* is a *Polytechnic of* its city. English names get no variant:
    *York University* and *University of York* are two universities.

    Examples
    --------
    >>> word_order_variants("Universidad Simón Bolívar", "university simon bolivar")
    ['simon bolivar university', 'simon university bolivar']
    >>> word_order_variants("Universidade Federal de Pernambuco", "university federal pernambuco")
    ['federal pernambuco university', 'federal university pernambuco']
    >>> word_order_variants("Universidad Carlos III de Madrid", "university carlo 3 madrid")[-1]
    'carlo 3 university madrid'
    >>> word_order_variants("Avignon Université", "avignon university")
    ['university avignon']
    >>> word_order_variants("York University", "york university")
    []
    >>> word_order_variants("Heidelberg University Hospital", "heidelberg university hospital")
    ['university hospital heidelberg']
    >>> word_order_variants("Hochschule Darmstadt", "university applied science darmstadt")
    ['darmstadt university applied science']
    >>> word_order_variants("Hôpital Necker-Enfants Malades", "hospital necker enfant malade")
    ['necker enfant malade hospital', 'necker hospital enfant malade']
    >>> word_order_variants("Politecnico di Milano", "polytechnic university milan")
    ['polytechnic milan', 'milan polytechnic']
    """
    if not isinstance(name, str):
        return []
    words = key.split()
    if len(words) >= 3 and words[:2] == ["polytechnic", "university"] and \
            _POLITECNICO.match(fold(name)):
        return [" ".join(["polytechnic", *words[2:]]), " ".join([*words[2:], "polytechnic"])]
    if len(words) >= 3 and words[:2] == ["institute", "polytechnic"] and \
            _FOREIGN_POLYTECHNIC_INSTITUTE.match(fold(name)):
        return [" ".join(["polytechnic", *words[2:]])]  # Instituto Politécnico do Porto
    if len(words) >= 2 and words[0] == "hospital" and _FOREIGN_HOSPITAL.match(fold(name)):
        rest = words[1:]
        if rest[0] == "university" and len(rest) >= 2:  # Hospital Universitario La Paz
            return [" ".join([*rest[1:], "university", "hospital"])]
        # "Hôpital Européen Georges-Pompidou" = "European Hospital Georges Pompidou",
        # "Hôpital Necker-Enfants Malades" = "Necker-Enfants Malades Hospital"
        return [" ".join([*rest, "hospital"]), " ".join([rest[0], "hospital", *rest[1:]])]
    if "hospital" not in words[-1:] + words[1:2] and not _FOREIGN_UNIVERSITY.search(name):
        return []
    out = []
    if len(words) >= 3 and words[-2:] == ["university", "hospital"]:
        return [" ".join(["university", "hospital", *words[:-2]])]  # any language
    if len(words) >= 3 and words[:2] == ["university", "hospital"]:
        return [" ".join([*words[2:], "university", "hospital"])]
    if len(words) >= 4 and words[:3] == ["university", "applied", "science"]:
        return [" ".join([*words[3:], "university", "applied", "science"])]  # Hochschule X
    if len(words) >= 2 and words[0] == "university":
        rest = words[1:]
        out.append(" ".join([*rest, "university"]))
        # "Universidade Federal de Pernambuco" = "Federal University of Pernambuco",
        # "Universidad Carlos III de Madrid" = "Carlos III University of Madrid"
        for cut in range(1, min(len(rest), 4)):
            if cut == 1 or not any(w in _SWAP_ADJECTIVES for w in rest[:cut]):
                out.append(" ".join([*rest[:cut], "university", *rest[cut:]]))
    elif len(words) >= 2 and words[-1] == "university":
        out.append(" ".join(["university", *words[:-1]]))
    return out


_NAME_COUNTRY = re.compile(r"(?:\(([^()]+)\)|\s[-–]\s*([^-–,()]+))\s*$")


def country_in_name(name: str | None) -> str | None:
    """A country a name states about itself: ``"Sefar (Switzerland)"``, ``"… - India"``,
    or the last segment of an address.

    Examples
    --------
    >>> country_in_name("Council of Scientific & Industrial Research (CSIR) - India")
    'IN'
    >>> country_in_name("Sefar (Switzerland)")
    'CH'
    >>> country_in_name("Tsinghua Univ, Beijing, Peoples R China")
    'CN'
    >>> country_in_name("University of Oslo") is None
    True
    """
    if not isinstance(name, str):
        return None
    m = _NAME_COUNTRY.search(name)
    if m:
        code = country_code(m.group(1) or m.group(2))
        if code:
            return code
    return country_from_address(name) if ("," in name or ";" in name) else None


def normalize_names(names: Iterable[str | None]) -> list[str]:
    """:func:`normalize_name` of many names, each distinct spelling computed once.

    Examples
    --------
    >>> normalize_names(["Univ Oslo", "UNIVERSITY OF OSLO", None])
    ['university oslo', 'university oslo', '']
    """
    cache: dict[object, str] = {}
    out = []
    for n in names:
        key = cache.get(n)
        if key is None:
            key = normalize_name(n) if isinstance(n, str) else ""
            cache[n] = key
        out.append(key)
    return out


def tokens(key: str) -> list[str]:
    """The words of a key.

    Examples
    --------
    >>> tokens("university california irvine")
    ['university', 'california', 'irvine']
    """
    return key.split()


def compact_key(key: str) -> str:
    """A key without spaces, so that *Bio Tech* and *Biotech* meet.

    Examples
    --------
    >>> compact_key("bio tech") == compact_key("biotech")
    True
    """
    return key.replace(" ", "")

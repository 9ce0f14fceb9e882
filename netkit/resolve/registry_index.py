"""An index of every name of a registry (ROR, OpenAlex institutions), built once.

:class:`RegistryIndex` holds each record's place, status, relations and sector, and every
name by its comparison key (:func:`netkit.resolve.normalize.normalize_name`): display
names, labels and aliases in every language, their English word orders, acronyms, and
(built on first use) the short forms and national names that
:func:`netkit.resolve.link.link_affiliations` also reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from netkit.lexicon.org_words import PLAIN_WORDS, TYPE_WORDS
from netkit.lexicon.text import fold
from netkit.resolve.normalize import normalize_name, word_order_variants
from netkit.resolve.registry import Registry

__all__ = ["RegistryIndex"]

_NONWORD = re.compile(r"[^\w]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-\.]{1,9}$")


def _place_key(text: object) -> str:
    if not isinstance(text, str):
        return ""
    return _folded_words(text)


@lru_cache(maxsize=1 << 17)
def _folded_words(text: str) -> str:
    """Folded words of a text (parts and places repeat across strings: once each)."""
    return " ".join(_NONWORD.sub(" ", fold(text)).split())


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country spellings → ISO-2 (:func:`netkit.lexicon.countries.country_table`),
    also without ``and`` (``Trinid & Tobago`` folds to ``trinid tobago`` here)."""
    from netkit.lexicon.countries import country_table

    out: dict[str, str] = {}
    for name, code in country_table().items():
        out.setdefault(_place_key(name), code)
        out.setdefault(_place_key(name.replace(" and ", " ")), code)
    return out


def _region_codes(country: list, region: list) -> list:
    """The ISO 3166-2 code of each record's region (each distinct pair looked up once)."""
    from netkit.lexicon.subdivisions import subdivision_code

    seen: dict[tuple, str | None] = {}
    out = []
    for c, r in zip(country, region, strict=True):
        if (c, r) not in seen:
            seen[(c, r)] = subdivision_code(c, r) if c and r else None
        out.append(seen[(c, r)])
    return out


def written_key(name: str) -> str:
    """A name as written, folded: no leading *The*, ``&`` as *and* (*The Hong Kong
    University of Science & Technology* is written as the registry's *Hong Kong University
    of Science and Technology*).

    >>> written_key("The Hong Kong University of Science & Technology")
    'hong kong university of science and technology'
    """
    return _place_key(name.replace("&", " and ")).removeprefix("the ")


_HOSPITAL_TYPE = frozenset({"hospital", "clinic"})
_HOSPITAL_FILLER = _HOSPITAL_TYPE | {"university", "center", "azienda"}


def university_hospital_words(key: str) -> frozenset | None:
    """The words of a university hospital's name key other than its type words, with
    its kind (*hospital* or *clinic*); None when the key names no university hospital.

    >>> sorted(university_hospital_words("center hospital university tour"))
    ['hospital', 'tour']
    >>> university_hospital_words("university tour") is None
    True
    """
    words = set(key.split())
    kind = words & _HOSPITAL_TYPE
    if "university" not in words or len(kind) != 1:
        return None
    rest = words - _HOSPITAL_FILLER
    return frozenset(rest | kind) if rest and len(rest) <= 3 else None


@dataclass
class RegistryIndex:
    """Every name of a registry, indexed once by its comparison key.

    Attributes
    ----------
    ids, names, country, city, region : lists, one entry per record
    by_key : dict
        Name key → record positions (display names, labels and aliases in every
        language, and their English word orders).
    by_acronym : dict
        Acronym (as written) → record positions.
    parents, children, successor : per record: positions of its parents and children,
        and its successor (-1)
    active, withdrawn : per record, whether its status is ``active`` / ``withdrawn``
    region_code : per record, the ISO 3166-2 code of its region (None when unknown)
    sector : per record, its netkit sector (``""`` when the registry gives none)
    regions : dict
        Country → the folded names of the regions its records are in (the registry's
        own spelling of first-level subdivisions: GeoNames names in ROR).
    """

    ids: list
    names: list
    country: list
    city: list
    region: list
    active: np.ndarray
    parents: list
    successor: list
    withdrawn: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    children: list = field(default_factory=list)
    region_code: list = field(default_factory=list)
    regions: dict = field(default_factory=dict)
    sector: list = field(default_factory=list)
    by_key: dict = field(default_factory=dict)
    by_acronym: dict = field(default_factory=dict)
    rank: dict = field(default_factory=dict)  # (key, record) → 2 display/label, 1 alias, 0 variant
    by_text: dict = field(default_factory=dict)  # folded name as written → records
    by_compact: dict = field(default_factory=dict)  # key without spaces → records
    by_country: dict = field(default_factory=dict)  # (country, 3 letters) → (keys, records)

    @cached_property
    def short_forms(self) -> dict[str, frozenset]:
        """Registered names without their type word (*institute*, *hospital*, …) → the
        records, for names whose remaining words are distinctive (not generic, not a
        place, not the record's own city or region) and held by no other name."""
        from netkit.resolve.places import is_place

        acc: dict[str, set] = {}
        for key, recs in self.by_key.items():
            words = key.split()
            kept = [w for w in words if w not in TYPE_WORDS]
            if len(kept) == len(words) or len(kept) < 2 or all(w in PLAIN_WORDS for w in kept):
                continue
            short = " ".join(kept)
            if is_place(short) or all(w in PLAIN_WORDS or is_place(w) for w in kept):
                continue
            # "Stony Brook" is where Stony Brook University is, not its name
            own = {w for r in recs for w in f"{self.city[r]} {self.region[r]}".split()}
            if not own.intersection(kept):
                acc.setdefault(short, set()).update(recs)
        return {k: frozenset(v) for k, v in acc.items() if k not in self.by_key}

    @cached_property
    def university_hospitals(self) -> dict[frozenset, frozenset]:
        """The distinctive words of a university hospital's registered names → its
        records, in any word order and language: *Centre Hospitalier Universitaire de
        Tours*, *Azienda Ospedaliero-Universitaria Careggi* and *Universitätsklinikum
        Tübingen* are found as *University Hospital of Tours*, *Careggi University
        Hospital* and *Tübingen University Hospital*."""
        acc: dict[frozenset, set] = defaultdict(set)
        for key, recs in self.by_key.items():
            words = university_hospital_words(key)
            if words:
                acc[words].update(r for r in recs if self.sector[r] == "health")
        return {k: frozenset(v) for k, v in acc.items() if v}

    @cached_property
    def place_stems(self) -> dict[str, frozenset]:
        """Names followed by their record's city or region, keyed by the name without the
        place → the active records so named (display names and labels):
        ``loyola university`` → *Loyola University Chicago*, *… New Orleans*. A string that
        writes only the stem names one of them: the only one (*Justus Liebig University*),
        or, of several, none that the linker may pick alone."""
        acc: dict[str, set] = defaultdict(set)
        for key, recs in self.by_key.items():
            for r in recs:
                if not self.active[r] or self.rank.get((key, r)) != 2:
                    continue  # a live record's display name or label
                for where in {self.city[r], self.region[r],
                              normalize_name(self.city[r], departments=False)}:
                    if where and key.endswith(f" {where}") and len(key) > len(where) + 1:
                        acc[key[: -len(where) - 1]].add(r)
        return {k: frozenset(v) for k, v in acc.items()}

    @cached_property
    def national(self) -> dict[tuple, list]:
        """(country, name without its country's name) → the records of that country
        registered with it (*Ministry of Education of the People's Republic of China*:
        (CN, ``ministry education``))."""
        from netkit.lexicon.countries import country_table

        spellings: dict[str, set[str]] = defaultdict(set)
        for name, code in country_table().items():
            key = normalize_name(name, departments=False)
            if key:
                spellings[key].add(code)
        acc: dict[tuple, set[int]] = defaultdict(set)
        for key, recs in self.by_key.items():
            words = key.split()
            for n in range(1, min(5, len(words) - 1) + 1):
                codes = spellings.get(" ".join(words[-n:]))
                if codes:
                    head = " ".join(words[:-n])
                    for r in recs:
                        if self.country[r] in codes:
                            acc[(self.country[r], head)].add(r)
        return {k: sorted(v) for k, v in acc.items()}

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, registry: Registry) -> RegistryIndex:
        """Index a registry's names (one pass; each distinct name normalised once).

        Examples
        --------
        >>> import pandas as pd
        >>> from netkit.resolve.registry import load_registry
        >>> reg = load_registry(pd.DataFrame({"openalex_id": ["R1"], "name": ["Universität Wien"],
        ...                                   "acronyms": [("UW",)], "country": ["AT"]}))
        >>> idx = RegistryIndex.build(reg)
        >>> idx.by_key["university vienna"], idx.by_key["vienna university"], idx.by_acronym["UW"]
        ([0], [0], [0])
        """
        inst = registry.institutions
        ids = inst["openalex_id"].astype(str).tolist()
        pos = {r: k for k, r in enumerate(ids)}
        n = len(ids)
        status = inst["status"].fillna("active").astype(str).to_numpy() \
            if "status" in inst else np.full(n, "active")
        succ_col = inst["successors"].tolist() if "successors" in inst else [()] * n
        successor = [next((pos[s] for s in (v or ()) if s in pos), -1) for v in succ_col]
        parents = [tuple(pos[p] for p in (v or ()) if p in pos) for v in inst["parents"]]
        idx = cls(ids=ids, names=inst["name"].tolist(),
                  country=[c if isinstance(c, str) else None for c in inst["country"]],
                  city=[_place_key(c) for c in inst["city"]],
                  region=[_place_key(c) for c in inst["region"]],
                  active=status == "active", parents=parents, successor=successor,
                  withdrawn=status == "withdrawn")
        kids: list[set[int]] = [set() for _ in range(n)]
        for k, ps in enumerate(parents):
            for q in ps:
                kids[q].add(k)
        for k, v in enumerate(inst["children"] if "children" in inst else [()] * n):
            kids[k].update(pos[c] for c in (v or ()) if c in pos)
        idx.children = [tuple(sorted(v)) for v in kids]
        idx.region_code = _region_codes(idx.country, idx.region)
        idx.sector = [v if isinstance(v, str) else "" for v in inst["sector"]] \
            if "sector" in inst else [""] * n
        regions: dict[str, set[str]] = defaultdict(set)
        for c, r in zip(idx.country, idx.region, strict=True):
            if c and r:
                regions[c].add(r)
        countries = _countries()
        idx.regions = {c: frozenset(v for v in vs if v not in countries)
                       for c, vs in regions.items()}
        by_key: dict[str, set[int]] = defaultdict(set)
        by_text: dict[str, set[int]] = defaultdict(set)
        rank: dict[tuple[str, int], int] = {}
        labels = inst["labels"].tolist() if "labels" in inst else [()] * n
        for k, name, aliases, labs in zip(range(n), inst["name"].tolist(),
                                          inst["aliases"].tolist(), labels, strict=True):
            labs = set(labs or ())
            for nm in (name, *(aliases or ())):
                if not isinstance(nm, str) or not nm.strip():
                    continue
                key = normalize_name(nm, departments=False)
                if not key:
                    continue
                r = 2 if (nm == name or nm in labs) else 1
                by_key[key].add(k)
                rank[(key, k)] = max(rank.get((key, k), 0), r)
                by_text[written_key(nm)].add(k)
                for v in word_order_variants(nm, key):
                    by_key[v].add(k)
                    rank.setdefault((v, k), 0)
        idx.rank = rank
        idx.by_text = {k: frozenset(v) for k, v in by_text.items()}
        compact: dict[str, set[int]] = defaultdict(set)
        for key, recs in by_key.items():
            compact[key.replace(" ", "")].update(recs)
        idx.by_compact = {k: sorted(v) for k, v in compact.items()}
        idx.by_key = {k: sorted(v) for k, v in by_key.items()}
        acr: dict[str, set[int]] = defaultdict(set)
        for k, acronyms in enumerate(inst["acronyms"].tolist()):
            for a in acronyms or ():
                if isinstance(a, str) and a.strip():
                    acr[a.strip()].add(k)
        # registry aliases that are acronyms (OpenAlex mixes them in)
        for k, aliases in enumerate(inst["aliases"].tolist()):
            for a in aliases or ():
                if isinstance(a, str) and _ACRONYM.match(a.strip()):
                    acr[a.strip()].add(k)
        idx.by_acronym = {k: sorted(v) for k, v in acr.items()}
        per_country: dict[str | None, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for key, recs in idx.by_key.items():
            for r in recs:
                per_country[idx.country[r]][key].add(r)
        # fuzzy candidates are blocked by country and the first three letters of the key
        idx.by_country = {}
        for c, d in per_country.items():
            for key in d:
                keys, recs = idx.by_country.setdefault((c, key[:3]), ([], []))
                keys.append(key)
                recs.append(sorted(d[key]))
        return idx

"""The nodes that resolution clusters: raw organisations, registry names, override targets.

Raw organisations come first (node ``k`` is row ``k`` of ``organizations``), then
one node per registry name (display and alternative names of an institution, joined
later by their shared OpenAlex id), then one node per override canonical id, then
*alias* nodes: the English word orders of non-English university names and the
other keys of :mod:`netkit.resolve.variants`, each tied to its raw node. Every node has a name, a country (given, or stated by the name),
a kind, a reference (raw org_id, OpenAlex id or canonical id) and a comparison key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netkit.model import Corpus
from netkit.resolve.identifiers import EXCLUSIVE_SCHEMES, clean_identifier, exclusive_labels
from netkit.resolve.normalize import (
    compact_key,
    country_in_name,
    normalize_name,
    normalize_names,
    word_order_variants,
)
from netkit.resolve.registry import Registry
from netkit.resolve.variants import alias_keys, drop_ambiguous, word_bags

__all__ = ["Nodes", "build_nodes"]


@dataclass
class Nodes:
    """Parallel lists describing every node, plus the identifiers attached to them."""

    n_raw: int
    name: list = field(default_factory=list)
    country: list = field(default_factory=list)
    kind: list = field(default_factory=list)
    ref: list = field(default_factory=list)
    keys: list = field(default_factory=list)
    ids: pd.DataFrame | None = None  # node, scheme, value
    extra_ids: list = field(default_factory=list)  # (node, scheme, value) of registry nodes
    registry_node: dict = field(default_factory=dict)  # OpenAlex id → display-name node
    override_node: dict = field(default_factory=dict)  # canonical id → node
    alias_of: list = field(default_factory=list)  # raw node of each alias node, in order
    renamed: np.ndarray | None = None  # raw nodes renamed by the thesaurus
    raw_names: list = field(default_factory=list)  # raw names after the thesaurus
    child_rors: set = field(default_factory=set)  # ROR ids rolled up into a parent
    labels: dict = field(default_factory=dict)  # node → exclusive labels (ror:…, override:…)

    def __len__(self) -> int:
        return len(self.name)

    @property
    def kinds(self) -> np.ndarray:
        return np.asarray(self.kind, dtype=object)

    @property
    def ckeys(self) -> list[str]:
        return [compact_key(k) for k in self.keys]

    def add(self, name, country, kind: str, ref) -> int:
        self.name.append(name)
        self.country.append(country)
        self.kind.append(kind)
        self.ref.append(ref)
        return len(self.name) - 1


def build_nodes(corpus: Corpus, registry: Registry | None, overrides: pd.DataFrame | None,
                thesaurus: dict[str, str], *, rollup: bool = False) -> Nodes:
    """All nodes of one resolution, their keys, identifiers and exclusive labels."""
    orgs = corpus.organizations
    n_raw = len(orgs)
    raw_names = orgs["name"].astype(object).tolist()
    renamed = np.zeros(n_raw, dtype=bool)
    if thesaurus:
        for k, f in enumerate(str(x).strip().casefold() for x in raw_names):
            if f in thesaurus:
                raw_names[k] = thesaurus[f]
                renamed[k] = True
    nodes = Nodes(n_raw=n_raw, renamed=renamed, raw_names=raw_names)
    country = orgs["country"].astype(object).where(orgs["country"].notna(), None).tolist()
    for name, c, ref in zip(raw_names, country, orgs["org_id"].astype(object).tolist(),
                            strict=True):
        # a country the name states ("… - India", "(Switzerland)", an address) if none given
        nodes.add(name, c if isinstance(c, str) and c else country_in_name(name), "raw", ref)
    pos = pd.Series(np.arange(n_raw), index=orgs["org_id"].to_numpy())
    ids = corpus.org_ids
    id_rows = pd.DataFrame({"node": ids["org_id"].map(pos).to_numpy(),
                            "scheme": ids["scheme"].astype(object).to_numpy(),
                            "value": ids["value"].astype(object).to_numpy()})
    id_rows = id_rows[id_rows["node"].notna()].astype({"node": "int64"})

    if registry is not None and len(registry):
        inst = registry.institutions.set_index("openalex_id", drop=False)
        for iid, name, display in registry.names().itertuples(index=False):
            c = inst.at[iid, "country"]
            k = nodes.add(name, c if isinstance(c, str) else None, "registry", iid)
            if display:
                nodes.registry_node[iid] = k
            if inst.at[iid, "registry"] != "ror":
                nodes.extra_ids.append((k, "openalex", iid))
            for scheme in ("ror", "grid", "wikidata"):
                v = inst.at[iid, scheme]
                if isinstance(v, str) and v:
                    nodes.extra_ids.append((k, scheme, v))
    if overrides is not None:
        for cid in dict.fromkeys(overrides["canonical_id"].tolist()):
            nodes.override_node[cid] = nodes.add(None, None, "override", cid)
    if nodes.extra_ids:
        id_rows = pd.concat([id_rows, pd.DataFrame(nodes.extra_ids,
                                                   columns=["node", "scheme", "value"])],
                            ignore_index=True)

    # rollup: the RORs of institutions whose parent is known become ror_child, so that
    # parent and child may merge without two ROR ids meeting
    if rollup and registry is not None:
        inst = registry.institutions
        has_parent = inst["parents"].map(lambda p: any(x in nodes.registry_node for x in p))
        nodes.child_rors = {clean_identifier("ror", r)
                            for r in inst.loc[has_parent, "ror"].dropna()}
        if nodes.child_rors:
            is_child = (id_rows["scheme"] == "ror") & id_rows["value"].map(
                lambda v: clean_identifier("ror", v) in nodes.child_rors)
            id_rows.loc[is_child, "scheme"] = "ror_child"
    nodes.ids = id_rows
    nodes.labels = exclusive_labels(id_rows, EXCLUSIVE_SCHEMES)
    for cid, k in nodes.override_node.items():
        nodes.labels.setdefault(k, set()).add(f"override:{cid}")

    nodes.keys = normalize_names(nodes.name)
    # a name that names no city (a system or a generic name: "University of California",
    # "National Institute of Technology") seen with two cities or more is one organisation
    # per city: its city joins the key (seen with one city only, it is one organisation)
    cities = orgs["city"].astype(object).where(orgs["city"].notna(), None).tolist() \
        if "city" in orgs else [None] * n_raw
    with_city = {k: _with_city(nodes.keys[k], city) for k, city in enumerate(cities)
                 if isinstance(city, str) and city.strip() and nodes.keys[k]}
    campuses: dict[str, set[str]] = {}
    for k, key in with_city.items():
        if key != nodes.keys[k]:
            campuses.setdefault(nodes.keys[k], set()).add(key)
    for k, key in with_city.items():
        if len(campuses.get(nodes.keys[k], ())) >= 2:
            nodes.keys[k] = key
    # non-English university names also get their English word orders, as alias nodes
    for k in range(n_raw):
        for variant in word_order_variants(nodes.name[k], nodes.keys[k]):
            _add_alias(nodes, k, variant)
    # … and the other keys a name is known by (seat, honorific, bracketed place), unless
    # two different names give the same one
    found = [(k, a) for k in range(n_raw) for a in alias_keys(nodes.name[k], nodes.keys[k])]
    keep = drop_ambiguous([a for _, a in found], [nodes.keys[k] for k, _ in found])
    for (k, a), ok in zip(found, keep, strict=True):
        if ok:
            _add_alias(nodes, k, a)
    # … and the same words in another order
    for k, bag in word_bags(nodes.keys[:n_raw]).items():
        _add_alias(nodes, k, bag)
    return nodes


def _add_alias(nodes: Nodes, k: int, key: str) -> None:
    nodes.alias_of.append(k)
    nodes.add(nodes.name[k], nodes.country[k], "alias", nodes.ref[k])
    nodes.keys.append(key)


def _with_city(key: str, city: str) -> str:
    """``key`` with the words of ``city`` after it when the name is a system's or a
    generic one: only generic words and regions, no city (*University of California*,
    *National Institute of Technology*); other names are left alone.

    >>> _with_city("university california", "Davis"), _with_city("university oslo", "Blindern")
    ('university california davis', 'university oslo')
    >>> _with_city("halvorsen pharma", "Bergen")
    'halvorsen pharma'
    """
    from netkit.resolve.match import ABBREVIATABLE, GENERIC_WORDS
    from netkit.resolve.places import is_place, names_a_city

    if names_a_city(key) or any(w not in GENERIC_WORDS and w not in ABBREVIATABLE
                                and not is_place(w) for w in key.split()):
        return key
    city_key = normalize_name(city, departments=False)
    if not city_key or city_key in key:
        return key
    return f"{key} {city_key}"

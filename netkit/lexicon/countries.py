"""Country names as affiliations write them in their own languages (endonyms).

English names and the Web of Science / Scopus spellings live in
:mod:`netkit.ingest.affiliations`; this table adds the names that authors write in
their own language (*Deutschland*, *España*, *Türkiye* …), folded (accents removed,
lower case, punctuation as spaces).
"""

from __future__ import annotations

__all__ = ["ENDONYMS"]

ENDONYMS: dict[str, str] = {
    "deutschland": "DE", "bundesrepublik deutschland": "DE", "osterreich": "AT",
    "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "switzerland": "CH",
    "espana": "ES", "italia": "IT", "brasil": "BR", "mexico": "MX", "peru": "PE",
    "nederland": "NL", "belgie": "BE", "belgique": "BE", "sverige": "SE", "norge": "NO",
    "danmark": "DK", "suomi": "FI", "polska": "PL", "cesko": "CZ", "ceska republika": "CZ",
    "slovensko": "SK", "magyarorszag": "HU", "romania": "RO", "hrvatska": "HR",
    "srbija": "RS", "slovenija": "SI", "ellada": "GR", "turkiye": "TR", "rossiya": "RU",
    "nippon": "JP", "zhongguo": "CN", "p r of china": "CN", "people s republic of china": "CN",
    "kingdom of saudi arabia": "SA", "ksa": "SA", "republic of korea": "KR",
    "rep of korea": "KR", "korea south": "KR", "s korea": "KR", "islamic republic of iran": "IR",
    "the netherlands": "NL", "the united kingdom": "GB", "united kingdom": "GB",
    "the united states": "US", "the usa": "US", "u s": "US", "sultanate of oman": "OM",
    "state of qatar": "QA", "state of kuwait": "KW", "kingdom of bahrain": "BH",
    "republic of singapore": "SG", "republic of china": "TW", "taiwan roc": "TW",
    "taiwan r o c": "TW", "new zealand aotearoa": "NZ", "aotearoa new zealand": "NZ",
}
"""Folded country names in other languages (and common variants) → ISO 3166-1 alpha-2."""

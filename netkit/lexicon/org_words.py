"""Words of organisation names, for reading affiliation strings against a registry.

Used by :mod:`netkit.resolve.link` and :mod:`netkit.resolve.registry_index` (folded,
English keys as :func:`netkit.resolve.normalize.normalize_name` writes them): which words
make a name an organisation's, which say nothing of which one (*generic*), which open or
close the name of a unit (a department, a school) and which are the type word of a name
(*Scripps Research Institute* is registered, *Scripps Research* is written).
"""

from __future__ import annotations

__all__ = ["CONTINUED", "DEPARTMENT_HEAD", "GENERIC_WORDS", "LOCAL_SECTORS", "ORG_WORDS",
           "OTHER_ORG", "PLAIN_WORDS", "TYPE_WORDS", "UNIT_HEAD", "UNIT_KIND", "UNIT_SUFFIX",
           "UNIT_TAIL", "UNIT_WORD"]

ORG_WORDS = frozenset({
    "university", "institute", "college", "hospital", "school", "academy", "center",
    "laboratory", "foundation", "council", "agency", "ministry", "museum", "observatory",
    "clinic", "society", "association", "company", "corporation", "organization", "polytechnic",
    "research", "centre", "library", "authority", "service", "office", "trust", "group",
    "department", "faculty", "division", "unit", "program", "programme",
})
"""Words that make a name an organisation's (a part holding one is no country)."""
GENERIC_WORDS = frozenset({
    "university", "institute", "technology", "national", "center", "central", "laboratory",
    "college", "school", "research", "science", "hospital", "medical", "medicine", "department",
    "faculty", "academy", "federal", "state", "international", "group", "company", "foundation",
    "association", "society", "council", "agency", "ministry", "applied", "engineering",
    "health", "clinical", "general", "public", "system", "service", "division", "unit",
    "program", "affiliated", "first", "second", "third", "people", "graduate", "key",
    "clinic", "studies", "study", "sciences", "technical", "polytechnic",
    "north", "south", "east", "west", "new", "life", "nursing", "pharmacy", "dental",
    "biology", "chemistry", "physics", "mathematics", "economics", "management", "business",
    "law", "art", "arts", "education", "environmental", "computer", "information",
    "electrical", "mechanical", "civil", "surgery", "pediatrics", "psychiatry", "neurology",
    "radiology", "oncology", "cardiology", "cancer", "children", "women", "veterinary",
    "agricultural", "agriculture", "marine", "social", "human", "natural", "community",
    "regional", "city", "county", "provincial", "municipal", "institution", "centre",
})
"""Words that say what kind of body a name is, not which: a name of these only is generic."""


UNIT_HEAD = frozenset({
    "department", "school", "faculty", "college", "division", "unit", "laboratory", "lab",
    "key", "state", "group", "program", "programme", "section", "chair", "graduate", "team",
    "center", "centre", "institute", "clinic", "service", "branch", "campus", "office",
    "faculdade", "facultad", "faculte", "fakultat", "departamento", "dipartimento",
    "departement", "departament", "laboratorio", "laboratoire", "centro", "abteilung",
    "lehrstuhl", "klinik", "servicio", "servizio", "unidad", "unita", "instituto", "istituto",
    "institut", "research", "medical", "national", "engineering", "sino", "joint",
})
"""First words of a unit's name inside a part (*Department of …*, *Key Laboratory …*)."""
UNIT_TAIL = frozenset({"school", "medical", "medicine", "faculty", "college", "graduate",
                        "department", "division", "campus", "law", "business", "dental",
                        "engineering", "nursing", "pharmacy", "public", "health", "science",
                        "art", "education", "management", "library"})
"""Words after an organisation's name that make a unit of it (*… Medical School*)."""
UNIT_WORD = frozenset({"school", "college", "faculty", "department", "institute", "center",
                        "centre", "laboratory", "lab", "observatory", "program", "programme",
                        "division", "unit", "library", "station"})
"""Words that make a unit wherever they stand around a name."""
DEPARTMENT_HEAD = frozenset({
    "department", "departamento", "dipartimento", "departement", "departament", "faculty",
    "faculdade", "facultad", "faculte", "fakultat", "division", "section", "unit", "unidad",
    "program", "programme", "chair", "lehrstuhl", "abteilung", "servicio", "service", "school",
})
"""First words of a part that names a unit: such a part loses to any organisation named
beside it (*Universidad de Alcalá, Departamento de Educación*)."""
OTHER_ORG = frozenset({"hospital", "affiliated", "university", "clinic", "clinical",
                        "infirmary", "polyclinic", "company", "corporation", "inc", "ltd",
                        "press", "museum", "foundation", "trust"})
"""Words around a name that make another organisation of it (*… University Hospital*)."""


TYPE_WORDS = frozenset({"institute", "hospital", "university", "center", "system", "nhs",
                         "clinic"})
"""Type words a name is written without (*Scripps Research* for *… Institute*)."""
PLAIN_WORDS = GENERIC_WORDS | UNIT_HEAD | {"government"}
LOCAL_SECTORS = frozenset({"university", "health"})
# the unit words after a short name (Web of Science: "Johns Hopkins Sch Med", "… Univ
# Hosp", "… Med Inst", "… Sch Publ Hlth")
UNIT_SUFFIX = frozenset({"school", "medical", "medicine", "university", "hospital", "public",
                          "health", "institute", "institution", "center", "centre"})
UNIT_KIND = frozenset({"school", "hospital", "university", "institute", "institution"})
"""Unit words that say which kind of record the unit belongs to."""
CONTINUED = frozenset({"university", "institute", "college", "academy", "school",
                        "hospital", "center", "centre"})
"""Words after which *of* / *for* goes on with the name (*Sichuan University of Science*)."""

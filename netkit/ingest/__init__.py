"""Read source records (OpenAlex, WoS, Scopus, USPTO, PatentsView, CORDIS …) into a Corpus.

Every reader streams its file record by record, quarantines what it cannot read
(with file, line, reason and raw text) and keeps the accounting identity
``records_seen = loaded + quarantined + duplicates`` for each file.
"""

from netkit.ingest import formats  # noqa: F401 - registers every reader
from netkit.ingest.read import expand_paths, read, sniff
from netkit.ingest.registry import FORMATS, Format, ReadContext, register
from netkit.ingest.registry_files import read_registry_files
from netkit.lexicon.sectors import sector_from_name
from netkit.lexicon.startup import startup_rule

__all__ = [
    "FORMATS",
    "Format",
    "ReadContext",
    "expand_paths",
    "read",
    "read_registry_files",
    "register",
    "sector_from_name",
    "sniff",
    "startup_rule",
]

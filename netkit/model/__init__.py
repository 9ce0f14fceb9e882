"""The canonical tables (DESIGN §2): schema, vocabularies, Corpus, validation, Parquet I/O.

This package imports pandas (and pyarrow for Parquet) only.
"""

from netkit.model.accounting import Ledger, accounting_table, quarantine_table
from netkit.model.corpus import Corpus, concat
from netkit.model.io import load, save, sha256_file
from netkit.model.schema import (
    EVENT_KINDS,
    HELIX,
    ROLES,
    SCHEMA_VERSION,
    SECTORS,
    TABLES,
    empty_table,
)
from netkit.model.validate import conform_table, make_table

__all__ = [
    "EVENT_KINDS",
    "HELIX",
    "ROLES",
    "SCHEMA_VERSION",
    "SECTORS",
    "TABLES",
    "Corpus",
    "Ledger",
    "accounting_table",
    "concat",
    "conform_table",
    "empty_table",
    "load",
    "make_table",
    "quarantine_table",
    "save",
    "sha256_file",
]

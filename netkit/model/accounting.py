"""Per-file accounting and quarantine: nothing is dropped without being counted.

A reader opens one :class:`Ledger` per input file and tells it, record by
record, what happened: loaded, quarantined (with line, reason and raw text) or a
duplicate of a record already loaded. The ledger keeps the identity
``records_seen = loaded + quarantined + duplicates`` true by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from netkit.model.validate import make_table

__all__ = ["Ledger", "accounting_table", "quarantine_table"]

RAW_LIMIT = 2000
"""Raw text kept per quarantined record (characters); longer text is cut and marked."""


@dataclass
class Ledger:
    """What happened to every record of one input file.

    Examples
    --------
    >>> led = Ledger("works.jsonl", "openalex-jsonl")
    >>> led.loaded(); led.loaded(); led.duplicate()
    >>> led.quarantine(4, "missing id", '{"title": "x"}')
    >>> led.records_seen, led.n_loaded, led.n_quarantined, led.n_duplicates
    (4, 2, 1, 1)
    """

    file: str
    format: str = ""
    n_loaded: int = 0
    n_duplicates: int = 0
    rows: list[tuple[str, int | None, str, str]] = field(default_factory=list)

    @property
    def n_quarantined(self) -> int:
        return len(self.rows)

    @property
    def records_seen(self) -> int:
        return self.n_loaded + self.n_quarantined + self.n_duplicates

    def loaded(self, n: int = 1) -> None:
        """Count ``n`` records as loaded."""
        self.n_loaded += n

    def duplicate(self, n: int = 1) -> None:
        """Count ``n`` records as duplicates of records already loaded."""
        self.n_duplicates += n

    def quarantine(self, line: int | None, reason: str, raw: str = "") -> None:
        """Set one record aside with where it was, why, and its raw text."""
        if len(raw) > RAW_LIMIT:
            raw = raw[:RAW_LIMIT] + f"… [{len(raw) - RAW_LIMIT} more characters]"
        self.rows.append((self.file, line, reason, raw))

    def account_row(self) -> dict[str, object]:
        return {
            "file": self.file,
            "format": self.format,
            "records_seen": self.records_seen,
            "loaded": self.n_loaded,
            "quarantined": self.n_quarantined,
            "duplicates": self.n_duplicates,
        }


def accounting_table(ledgers: list[Ledger]) -> pd.DataFrame:
    """The canonical ``accounting`` table of some ledgers (one row per file)."""
    return make_table("accounting", pd.DataFrame([led.account_row() for led in ledgers],
                                                 columns=["file", "format", "records_seen",
                                                          "loaded", "quarantined", "duplicates"]))


def quarantine_table(ledgers: list[Ledger]) -> pd.DataFrame:
    """The canonical ``quarantine`` table of some ledgers."""
    rows = [r for led in ledgers for r in led.rows]
    return make_table("quarantine", pd.DataFrame(rows, columns=["file", "line", "reason", "raw"]))

"""Per-file accounting and quarantine: nothing is dropped without being counted.

A reader opens one :class:`Ledger` per input file. It counts every record as it
meets it (:meth:`Ledger.seen`, where the file is cut into records), and tells the
ledger, record by record, what happened to it: loaded, quarantined (with line,
reason and raw text) or a duplicate of a record already loaded. The two counts are
kept apart, so the identity ``records_seen = loaded + quarantined + duplicates`` is a
check, not a definition: :meth:`Ledger.check` (run when the accounting table is
made) raises :class:`AccountingError` — a bug in a reader, never bad input — when a
record was met but never accounted for, or accounted for twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from netkit.model.validate import make_table

__all__ = ["AccountingError", "Ledger", "accounting_table", "quarantine_table"]

RAW_LIMIT = 2000
"""Raw text kept per quarantined record (characters); longer text is cut and marked."""


class AccountingError(AssertionError):
    """A reader lost or double-counted records: ``records_seen`` differs from
    ``loaded + quarantined + duplicates``. A bug in netkit, not a problem of the input
    (the command line reports it as an internal error)."""


@dataclass
class Ledger:
    """What happened to every record of one input file.

    Examples
    --------
    >>> led = Ledger("works.jsonl", "openalex-jsonl")
    >>> led.seen(4)
    >>> led.loaded(); led.loaded(); led.duplicate()
    >>> led.quarantine(4, "missing id", '{"title": "x"}')
    >>> led.records_seen, led.n_loaded, led.n_quarantined, led.n_duplicates
    (4, 2, 1, 1)
    >>> led.check()
    >>> led.seen()  # a fifth record met but never accounted for
    >>> led.check()
    Traceback (most recent call last):
    netkit.model.accounting.AccountingError: works.jsonl: 5 records seen but 4 accounted for ...
    """

    file: str
    format: str = ""
    n_loaded: int = 0
    n_duplicates: int = 0
    n_seen: int = 0
    rows: list[tuple[str, int | None, str, str]] = field(default_factory=list)

    @property
    def n_quarantined(self) -> int:
        return len(self.rows)

    @property
    def records_seen(self) -> int:
        """The records met in the file, counted apart from what became of them."""
        return self.n_seen

    def seen(self, n: int = 1) -> None:
        """Count ``n`` records met in the file (each must then be loaded, quarantined
        or counted as a duplicate)."""
        self.n_seen += n

    def check(self) -> None:
        """Raise :class:`AccountingError` unless every record seen was accounted for
        exactly once."""
        done = self.n_loaded + self.n_quarantined + self.n_duplicates
        if done != self.n_seen:
            raise AccountingError(
                f"{self.file}: {self.n_seen} records seen but {done} accounted for (loaded "
                f"{self.n_loaded} + quarantined {self.n_quarantined} + duplicates "
                f"{self.n_duplicates}); a bug in the {self.format or 'file'} reader")

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
    """The canonical ``accounting`` table of some ledgers (one row per file).

    Raises
    ------
    AccountingError
        A ledger's records seen differ from its loaded + quarantined + duplicates.
    """
    for led in ledgers:
        led.check()
    return make_table("accounting", pd.DataFrame([led.account_row() for led in ledgers],
                                                 columns=["file", "format", "records_seen",
                                                          "loaded", "quarantined", "duplicates"]))


def quarantine_table(ledgers: list[Ledger]) -> pd.DataFrame:
    """The canonical ``quarantine`` table of some ledgers."""
    rows = [r for led in ledgers for r in led.rows]
    return make_table("quarantine", pd.DataFrame(rows, columns=["file", "line", "reason", "raw"]))

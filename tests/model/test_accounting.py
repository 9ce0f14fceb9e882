import pytest

from netkit.model import Ledger, accounting_table, quarantine_table
from netkit.model.accounting import RAW_LIMIT, AccountingError


def test_ledger_identity_and_tables():
    led = Ledger("f.csv", "scopus-csv")
    led.seen(8)
    led.loaded(5)
    led.duplicate(2)
    led.quarantine(7, "missing EID", "x" * (RAW_LIMIT + 50))
    acc = accounting_table([led])
    row = acc.iloc[0]
    assert row["records_seen"] == 8 == row["loaded"] + row["quarantined"] + row["duplicates"]
    q = quarantine_table([led])
    assert q.loc[0, "line"] == 7 and q.loc[0, "reason"] == "missing EID"
    assert q.loc[0, "raw"].endswith("[50 more characters]")


def test_identity_is_checked_not_assumed():
    led = Ledger("f.csv", "scopus-csv")
    led.seen(3)
    led.loaded(2)
    with pytest.raises(AccountingError, match="3 records seen but 2 accounted for"):
        accounting_table([led])
    led.duplicate()
    led.duplicate()  # one record counted twice
    with pytest.raises(AccountingError, match="3 records seen but 4"):
        accounting_table([led])

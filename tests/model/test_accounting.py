from netkit.model import Ledger, accounting_table, quarantine_table
from netkit.model.accounting import RAW_LIMIT


def test_ledger_identity_and_tables():
    led = Ledger("f.csv", "scopus-csv")
    led.loaded(5)
    led.duplicate(2)
    led.quarantine(7, "missing EID", "x" * (RAW_LIMIT + 50))
    acc = accounting_table([led])
    row = acc.iloc[0]
    assert row["records_seen"] == 8 == row["loaded"] + row["quarantined"] + row["duplicates"]
    q = quarantine_table([led])
    assert q.loc[0, "line"] == 7 and q.loc[0, "reason"] == "missing EID"
    assert q.loc[0, "raw"].endswith("[50 more characters]")

"""Only RecordError quarantines a record: any other exception in a reader is a bug.

Before, the readers used a bare ``ValueError`` as the "quarantine this record" signal,
so a bug in a reader (or in a rule it calls) became a silently quarantined record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import netkit as nk
from netkit.errors import NetkitError, ParameterError, RecordError

DATA = Path(__file__).resolve().parents[1] / "data"
PUB = DATA / "malformed" / "publications"
CORDIS = DATA / "patents_contracts" / "cordis_raw"

NSERC = ("Cle,PartOrganizationID,PartInstitution-Etablissement,ProvinceEN,CountryEN,"
         "FiscalYear-ExerciceFinancier\n"
         "30001,101,University of Toronto,Ontario,Canada,1994\n"
         "30001,102,,Ontario,Canada,1994\n"
         "30002,103,Acme Inc.,Quebec,Canada,1994\n")


def _nserc(tmp_path) -> Path:
    path = tmp_path / "nserc.csv"
    path.write_text(NSERC, "utf-8")
    return path


def test_record_error_is_a_netkit_value_error():
    err = RecordError("empty partner name")
    assert isinstance(err, NetkitError) and isinstance(err, ValueError)


def test_malformed_record_is_quarantined_and_counted(tmp_path):
    c = nk.ingest.read(_nserc(tmp_path))
    acc = c.accounting.iloc[0]
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"]) == (3, 2, 1)
    q = c.quarantine.iloc[0]
    assert (q["line"], q["reason"]) == (3, "empty partner name")
    assert q["raw"] == "30001,102,,Ontario,Canada,1994"
    assert sorted(c.organizations["name"]) == ["Acme Inc.", "University of Toronto"]


# a bug in a rule a reader calls: (format module, name patched, the file it reads)
BUGS = [
    ("netkit.ingest.formats.nserc", "name_sector", None),  # None: the NSERC file above
    ("netkit.ingest.formats.cordis", "cordis_sector", CORDIS),
    ("netkit.ingest.formats.wos", "parse_affiliation", PUB / "wos_bom_crlf.txt"),
    ("netkit.ingest.formats.openalex", "openalex_sector", PUB / "oa_bom.jsonl"),
    ("netkit.ingest.formats.scopus_records", "sector_of_organization",
     PUB / "scopus_crlf.csv"),
]


@pytest.mark.parametrize(("module", "name", "path"), BUGS, ids=[b[1] for b in BUGS])
@pytest.mark.parametrize("exc", [ValueError, KeyError])
def test_reader_bug_is_not_quarantined(tmp_path, monkeypatch, module, name, path, exc):
    """A reader that raises anything but RecordError stops the read: no record is
    quietly set aside as if it were bad input."""
    import importlib

    mod = importlib.import_module(module)
    if path is None:
        path = _nserc(tmp_path)
    assert len(nk.ingest.read(path).quarantine) < nk.ingest.read(path).accounting[
        "records_seen"].sum()  # the file loads records when the rule works

    def bug(*args, **kwargs):
        raise exc("a bug in netkit")

    monkeypatch.setattr(mod, name, bug)
    if module.endswith("scopus_records"):
        mod.org_of.cache_clear()
    with pytest.raises(exc, match="a bug in netkit"):
        nk.ingest.read(path, engine="records")


def test_reader_bug_gives_one_line_in_the_cli(tmp_path, monkeypatch, capsys):
    """The command line reports a reader bug as an internal error: one line, no
    traceback, exit 1 (bad input still exits 2)."""
    from netkit.cli import EXIT_INTERNAL, main
    from netkit.ingest.formats import nserc

    def bug(*args, **kwargs):
        raise ValueError("a bug in netkit")

    monkeypatch.setattr(nserc, "name_sector", bug)
    code = main(["ingest", str(_nserc(tmp_path)), "--out", str(tmp_path / "corpus")])
    err = capsys.readouterr().err
    assert code == EXIT_INTERNAL
    assert "internal error: ValueError: a bug in netkit" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_quarantines_bad_records_without_error(tmp_path, capsys):
    from netkit.cli import main

    code = main(["ingest", str(_nserc(tmp_path)), "--out", str(tmp_path / "corpus")])
    assert code == 0
    assert "Traceback" not in capsys.readouterr().err
    assert len(nk.model.load(tmp_path / "corpus").quarantine) == 1


# -- engines ------------------------------------------------------------------------------

def test_engines_give_the_same_corpus():
    path = PUB / "scopus_stray_quote.csv"
    fmt = nk.ingest.FORMATS["scopus"]
    assert sorted(fmt.engines) == ["columnar", "records"]
    a = nk.ingest.read(path, engine="columnar")
    b = nk.ingest.read(path, engine="records")
    assert a.equals(b) and a.n_events > 0


def test_unknown_or_missing_engine_is_a_parameter_error():
    with pytest.raises(ParameterError, match="unknown engine 'fast'"):
        nk.ingest.read(PUB / "wos_bom_crlf.txt", engine="fast")
    with pytest.raises(ParameterError, match="format wos has no 'columnar' engine; it has records"):
        nk.ingest.read(PUB / "wos_bom_crlf.txt", engine="columnar")


def test_an_option_no_reader_takes_is_refused():
    """A misspelt or retired option (``columnar=False``, now ``engine="records"``) is an
    error, not silently ignored."""
    with pytest.raises(ParameterError, match=r"unknown reader option.*columnar; known: engine, "
                                             r"mapping"):
        nk.ingest.read(PUB / "wos_bom_crlf.txt", columnar=False)

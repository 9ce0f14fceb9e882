"""Any CSV through a TOML mapping."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.errors import InputError, ParameterError
from netkit.ingest.formats.mapped_csv import load_mapping

MAP = '''
source = "Kontrakt"
kind = "contract"
delimiter = ";"
currency = "NOK"
[columns]
event_id = "Kontraktnr"
date = "Signert"
title = "Tittel"
organisation = "Leverandør"
org_id = "Orgnr"
sector = "Type"
role = "Rolle"
amount = "Beløp"
country = "Land"
founded_year = "Stiftet"
[sectors]
UNI = "university"
BED = "firm"
[roles]
Hoved = "coordinator"
Under = "participant"
'''
CSV = (
    "Kontraktnr;Signert;Tittel;Leverandør;Orgnr;Type;Rolle;Beløp;Land;Stiftet\n"
    "K1;2020-03-01;Havvind;NTNU;974767880;UNI;Hoved;1000000;NO;1996\n"
    "K1;2020-03-01;Havvind;Vindkraft AS;912345678;BED;Under;250000,5;NO;2016\n"
    "K2;2021-05-05;Fisk;Gammel Fisk AS;998877665;BED;Under;10;NO;1950\n"
    "K3;2021-05-05;Nytt;Ukjent Sted;;QQQ;Hoved;10;NO;\n"
    "K4;2021-13-05;Feil dato;NTNU;974767880;UNI;Hoved;10;NO;\n"
    "K5;2021-05-05;Negativ;NTNU;974767880;UNI;Hoved;-10;NO;\n"
    "K6;2021-05-05;Rolle;NTNU;974767880;UNI;Sjef;10;NO;\n"
    "K1;2020-03-01;Havvind;NTNU;974767880;UNI;Hoved;1000000;NO;1996\n"
)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "map.toml").write_text(MAP, encoding="utf-8")
    (tmp_path / "k.csv").write_text(CSV, encoding="utf-8")
    return tmp_path


def test_mapped_csv(files):
    c = nk.ingest.read(files / "k.csv", format="csv-mapped", mapping=files / "map.toml")
    acc = c.accounting.iloc[0]
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"], acc["duplicates"]) == (8, 4, 3, 1)
    reasons = " | ".join(c.quarantine["reason"])
    assert "bad date" in reasons and "negative amount" in reasons and "unknown role 'Sjef'" in reasons
    orgs = c.organizations.set_index("org_id")
    assert orgs.loc["org:kontrakt:974767880", ["sector", "sector_source"]].tolist() == [
        "university", "csv:kontrakt:sector=UNI"]
    assert orgs.loc["org:kontrakt:912345678", "sector"] == "startup"  # founded 2016, event 2020
    assert orgs.loc["org:kontrakt:998877665", "sector"] == "firm"
    assert orgs.loc["org:kontrakt:ukjent-sted", "sector_source"].startswith("csv:kontrakt:sector=QQQ unknown")
    ev = c.events.set_index("event_id")
    assert ev.loc["con:kontrakt:K1", ["year", "currency", "title"]].tolist() == [2020, "NOK", "Havvind"]
    roles = c.participations.set_index("org_id")["role"]
    assert roles["org:kontrakt:974767880"] == "coordinator"
    assert ("kontrakt", "974767880") in set(zip(c.org_ids["scheme"], c.org_ids["value"], strict=True))


def test_mapping_as_dict_and_errors(files):
    m = {"columns": {"event_id": "Kontraktnr", "year": "Signert", "organisation": "Leverandør"},
         "delimiter": ";"}
    c = nk.ingest.read(files / "k.csv", format="csv-mapped", mapping=m)
    assert c.accounting.iloc[0]["quarantined"] == 8  # "2020-03-01" is not a year
    with pytest.raises(ParameterError, match="needs a mapping"):
        nk.ingest.read(files / "k.csv", format="csv-mapped")
    with pytest.raises(ParameterError, match="event_id"):
        load_mapping({"columns": {"year": "a", "organisation": "b"}})
    with pytest.raises(ParameterError, match="netkit sectors"):
        load_mapping({"columns": {"event_id": "a", "year": "b", "organisation": "c"},
                      "sectors": {"X": "bank"}})
    (files / "bad.toml").write_text("columns = [", encoding="utf-8")
    with pytest.raises(ParameterError, match="not valid TOML"):
        nk.ingest.read(files / "k.csv", format="csv-mapped", mapping=files / "bad.toml")
    m["delimiter"] = ","
    with pytest.raises(InputError, match="missing column") as err:
        nk.ingest.read(files / "k.csv", format="csv-mapped", mapping=m)
    assert err.value.line == 1 and err.value.file.endswith("k.csv")


def test_cli_mapping_flag(files, capsys):
    from netkit.cli import main

    out = files / "corpus"
    code = main(["ingest", str(files / "k.csv"), "--format", "csv-mapped",
                 "--mapping", str(files / "map.toml"), "--out", str(out), "--no-progress"])
    assert code == 0
    direct = nk.ingest.read(files / "k.csv", format="csv-mapped", mapping=files / "map.toml")
    assert nk.model.load(out).events.equals(direct.events)
    assert "k.csv" in capsys.readouterr().out

"""Source code tables → netkit sectors (CORDIS, USPTO/PatentsView, Norway) and startup flags."""

from __future__ import annotations

import pytest

from netkit.lexicon.source_sectors import (
    ASSIGNEE_TYPES,
    CORDIS_ACTIVITY_TYPES,
    NORWAY_SECTOR_CODES,
    assignee_sector,
    cordis_sector,
    flag_startup,
    norway_sector,
)
from netkit.model import SECTORS


def test_tables_map_into_the_vocabulary():
    for table in (CORDIS_ACTIVITY_TYPES, NORWAY_SECTOR_CODES):
        assert set(table.values()) <= set(SECTORS)
    assert {s for _, s in ASSIGNEE_TYPES.values()} <= set(SECTORS)


@pytest.mark.parametrize(("code", "sme", "sector"), [
    ("HES", False, "university"), ("REC", False, "research"), ("PRC", False, "firm"),
    ("PRC", True, "startup"), ("PUB", False, "government"), ("OTH", False, "other"),
    ("hes", False, "university"), ("HES", True, "university"),  # SME flag only makes firms startups
])
def test_cordis(code, sme, sector):
    assert cordis_sector(code, sme)[0] == sector


@pytest.mark.parametrize(("code", "name", "what", "sector"), [
    ("02", "Acme Widgets Inc.", "org", "firm"),
    ("3", "Kyoto University", "org", "university"),
    ("03", "Fraunhofer-Gesellschaft zur Förderung", "org", "research"),
    ("06", "The United States of America as represented by the Secretary of the Navy", "org", "government"),
    ("09", "University of Texas System", "org", "university"),  # a state body that is a university
    ("04", None, "person", "unknown"), ("05", None, "person", "unknown"),
    ("12", "Acme Widgets Inc.", "org", "firm"),  # part interest of a US company
    ("2.0", "Acme Widgets Inc.", "org", "firm"),
    ("", "Mayo Clinic", "org", "health"),
])
def test_assignee_types(code, name, what, sector):
    got = assignee_sector(code, name, "patentsview", "assignee_type")
    assert got[:2] == (what, sector)
    assert got[2].startswith("patentsview:assignee_type=")


def test_norway_and_startup_rules():
    assert norway_sector("HEL")[0] == "health"
    assert norway_sector("NFR")[0] == "government"
    assert norway_sector("DIV", "Ukjent Forening")[0] == "other"
    assert norway_sector("NÆR", "X AS", sme=True) == ("startup", "norway:FoU=NÆR+SME-instrument")
    assert flag_startup("firm", "s", founded_year=2000, event_year=2020) == ("firm", "s")
    assert flag_startup("firm", "s", founded_year=2015, event_year=2020)[0] == "startup"

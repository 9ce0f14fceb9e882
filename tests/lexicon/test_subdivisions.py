"""Regions: one ISO 3166-2 code per subdivision, whatever the source wrote (issue 17)."""

from __future__ import annotations

import pandas as pd
import pytest

import netkit as nk
from netkit.lexicon import normalise_regions, region_of_city, subdivision_code


@pytest.mark.parametrize(("country", "text", "code"), [
    ("US", "CA", "US-CA"), ("US", "California", "US-CA"), ("US", "US-CA", "US-CA"),
    ("US", "california", "US-CA"), ("CA", "Québec", "CA-QC"), ("CA", "Quebec", "CA-QC"),
    ("CA", "QC", "CA-QC"), ("CA", "Qu\ufffdbec", "CA-QC"), ("NO", "Sør-Trøndelag", "NO-16"),
    ("NO", "Svalbard", "NO-21"), ("GB", "Scotland", "GB-SCT"), ("DE", "Bayern", "DE-BY"),
])
def test_subdivision_codes(country, text, code):
    assert subdivision_code(country, text) == code


@pytest.mark.parametrize(("country", "text"), [
    ("US", "Atlantis"), ("CA", "California"), (None, "California"), ("US", None),
    ("US", "N\ufffdw"),  # damaged letters that fit several subdivisions: nothing guessed
])
def test_no_code_without_evidence(country, text):
    assert subdivision_code(country, text) is None


def test_city_lookup_only_when_unambiguous():
    assert region_of_city("US", "Pittsburgh") == "US-PA"
    assert region_of_city("US", "Portland") is None  # Oregon and Maine
    assert region_of_city("FR", "Paris") is None  # GeoNames' French codes are not ISO codes
    assert region_of_city("US", "Nowhere Town") is None


def test_missing_region_stays_missing():
    orgs = pd.DataFrame({"country": ["US", None], "region": [None, None], "city": [None, "X"]})
    out, counts = normalise_regions(orgs)
    assert out["region"].isna().all()
    assert counts.missing == 2


@pytest.mark.realdata
def test_real_nserc_quebec_repaired_and_counted(real_data, caplog):
    """NSERC's file carries Québec with its é lost (``Qu\\ufffdbec``): one code, counted."""
    path = real_data / "nserc-partners" / "nserc_partners_fy1994_grants_part1.csv"
    damaged = path.read_bytes().decode("utf-8", errors="replace").count("Qu\ufffdbec")
    assert damaged > 0
    corpus = nk.ingest.read(path)
    regions = corpus.organizations["region"].dropna().astype(str)
    assert not regions.str.contains("\ufffd").any()
    assert regions.str.fullmatch(r"(?:CA|US)-[A-Z]{2}").all()
    assert "with a region damaged in the source file" in caplog.text


@pytest.mark.realdata
@pytest.mark.parametrize("folder", ["nserc-partners", "h2020-norway-participations",
                                    "nsf-awards-xml", "uspto-grant-xml"])
def test_real_regions_are_iso_codes_of_their_country(real_data, folder):
    files = sorted(p for p in (real_data / folder).iterdir() if p.name != "SOURCE.md")
    orgs = nk.ingest.read(files).organizations.dropna(subset=["region"])
    assert len(orgs)
    prefix = orgs["region"].astype(str).str[:3]
    assert (prefix == orgs["country"].astype(str) + "-").all()


@pytest.mark.realdata
def test_real_publication_regions_from_cities_after_resolution(real_data):
    """WoS gives cities and US states: after resolution US organisations have a state."""
    corpus = nk.ingest.read(real_data / "wos-plaintext")
    orgs = nk.resolve(corpus).corpus.organizations
    us = orgs[orgs["country"] == "US"]
    assert us["region"].notna().mean() > 0.5
    assert us["region"].dropna().astype(str).str.fullmatch(r"US-[A-Z]{2}").all()

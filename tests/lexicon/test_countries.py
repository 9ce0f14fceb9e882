"""One country table (ISO 3166-1 from pycountry + the spellings of sources), one folding."""

from __future__ import annotations

import pycountry
import pytest

from netkit.lexicon.countries import country_code, country_from_address, country_table
from netkit.lexicon.text import fold


def test_every_iso_country_is_found_by_name_and_code():
    for c in pycountry.countries:
        assert country_code(c.name) == c.alpha_2, c.name
        assert country_code(c.alpha_2, codes=True) == c.alpha_2
        assert country_code(c.alpha_3, codes=True) == c.alpha_2


@pytest.mark.parametrize(("text", "code"), [
    ("USA", "US"), ("Peoples R China", "CN"), ("England", "GB"), ("Fed Rep Ger", "DE"),
    ("Trinid & Tobago", "TT"), ("Trinidad and Tobago", "TT"), ("Deutschland", "DE"),
    ("Österreich", "AT"), ("Türkiye", "TR"), ("Korea, Republic of", "KR"), ("Congo", "CG"),
    ("Dem Rep Congo", "CD"), ("U.S.A.", "US"), ("Nordvalia", "XV"), ("USSR", "SU"),
])
def test_source_spellings(text, code):
    assert country_code(text) == code


def test_codes_only_when_asked():
    # free text: "CA" and "IN" are a state and a word more often than a country
    assert country_code("CA") is None and country_code("IN") is None
    assert country_code("EL", codes=True) == "GR" and country_code("UK", codes=True) == "GB"
    assert country_code("XK", codes=True) == "XK"  # user-assigned codes pass


def test_addresses_in_the_authors_language():
    assert country_from_address("Universitätsmedizin Mainz, Mainz, Deutschland") == "DE"
    assert country_from_address("Medizinische Universität Graz, Graz, Österreich") == "AT"
    assert country_from_address("Dept Phys, Univ Calif Irvine, Irvine, CA 92697 USA") == "US"


def test_table_keys_are_folded_once():
    assert all(key == fold(key, punctuation=True) for key in country_table())


def test_fold_flavours():
    assert fold("Sørøst Straße") == "sorost strasse"
    assert fold("Sørøst", exact_letters=True) == "sørøst"  # ids keep letters apart
    assert fold("Мой", exact_letters=True) != fold("Мои", exact_letters=True)
    assert fold("Qu\ufffdbec, (QC)", punctuation=True) == "qu\ufffdbec qc"

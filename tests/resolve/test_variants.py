"""Alias keys (seat, honorific, service, system), word bags and the gazetteer behind them."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.resolve.normalize import normalize_name
from netkit.resolve.places import is_place
from netkit.resolve.variants import alias_keys, drop_ambiguous, word_bags


def aliases(name: str) -> list[str]:
    return alias_keys(name, normalize_name(name))


def resolved_together(*names: str, countries=None) -> list[bool]:
    """For each name after the first: is it resolved with the first?"""
    corpus = nk.Corpus(organizations={
        "org_id": [f"o:{k}" for k in range(len(names))], "name": list(names),
        "sector": ["unknown"] * len(names), "country": countries or [None] * len(names)})
    m = nk.resolve.resolve(corpus).mapping
    return [m[f"o:{k}"] == m["o:0"] for k in range(1, len(names))]


@pytest.mark.parametrize(("word", "place"), [
    ("nijmegen", True), ("tubingen", True), ("abu dhabi", True), ("colorado", True),
    ("harvard", False), ("radboud", False), ("kepler", False), ("press", False)])
def test_gazetteer(word, place):
    assert is_place(word) is place


@pytest.mark.parametrize(("name", "other"), [
    ("Radboud University Nijmegen", "Radboud University"),
    ("Johannes Kepler University of Linz", "Johannes Kepler University"),
    ("Eberhard Karls Universität Tübingen", "University of Tübingen"),
    ("Christian-Albrechts-Universität zu Kiel", "Kiel University"),
    ("Georg-August-University Göttingen", "University of Göttingen"),
    ("Friedrich-Alexander University Erlangen-Nürnberg", "University of Erlangen-Nuremberg"),
    ("Karlsruhe Institute of Technology (KIT) Library", "Karlsruhe Institute of Technology"),
    ("Global Environment Facility Secretariat", "Global Environment Facility"),
])
def test_alias_of_the_same_organisation(name, other):
    assert normalize_name(other) in aliases(name)


@pytest.mark.parametrize("name", [
    "University of California, Irvine",       # a campus, not the system
    "New York University Abu Dhabi",          # only places and kinds remain
    "Free University Berlin",                 # "Free University" is a kind
    "Arizona State University Tempe",
    "Technische Universität München",         # Technische Universität is a kind
    "Queen Mary University of London",        # English name: no honorific rule
    "Harvard University Press",               # a publisher, not a service
    "Indian Institute of Technology Madras",  # not a university named with its seat
    "University of Technology Sydney",
])
def test_no_alias_that_would_merge_different_organisations(name):
    keys = aliases(name)
    assert not [k for k in keys if k in {
        "university california", "new york university", "free university",
        "arizona state university", "university munich", "munich university",
        "university london", "harvard university", "indian institute technology",
        "university technology"}], keys


def test_an_alias_two_names_give_is_dropped():
    assert drop_ambiguous(["x university", "x university", "y university"],
                          ["x university a", "x university b", "y university c"]) == \
        [False, False, True]
    # the bare name meets neither seat
    assert resolved_together("Islamic University", "Islamic University Gaza",
                             "Islamic University Madinah") == [False, False]
    assert resolved_together("Radboud University", "Radboud University Nijmegen") == [True]


def test_resolution_uses_aliases_but_keeps_hard_negatives_apart():
    assert resolved_together("University of Tübingen", "Eberhard Karls Universität Tübingen",
                             "Technische Universität Tübingen") == [True, False]
    assert resolved_together("University of California", "University of California Irvine",
                             "Univ Calif Irvine") == [False, False]
    assert resolved_together("New York University", "New York University Abu Dhabi") == [False]
    assert resolved_together("Harvard University", "Harvard University Press",
                             "Harvard University Library") == [False, True]


def test_a_university_system_is_its_seat_name():
    assert normalize_name("University of Texas") in aliases("University of Texas System")
    assert aliases("Texas A&M University System") == []  # not "University of <place>"
    assert resolved_together("The Regents of the University of California",
                             "University of California System", "University of California",
                             "University of California, Irvine") == [True, True, False]


@pytest.mark.parametrize(("names", "together"), [
    (("Tor Vergata University of Rome", "University of Rome Tor Vergata"), [True]),
    (("York University", "University of York"), [False]),  # one distinctive word: York
    (("Free University of Berlin", "Berlin Free University"), [False]),  # kinds and places
    (("Carlos Chagas Filho Institute of Biophysics", "Institute of Biophysics Carlos Chagas Filho",
      "Institute of Biophysics"), [True, False]),
])
def test_the_same_words_in_another_order(names, together):
    assert resolved_together(*names) == together


def test_word_bags_only_for_shared_bags():
    keys = [normalize_name(n) for n in ("Tor Vergata University of Rome",
                                        "University of Rome Tor Vergata", "Radboud University")]
    assert word_bags(keys) == {0: "bag rome tor university vergata",
                               1: "bag rome tor university vergata"}
    assert word_bags(keys[:1] + keys[2:]) == {}

"""Strong identifiers."""

import pandas as pd

from netkit.resolve.identifiers import clean_identifier, exclusive_labels, identifier_edges


def test_clean_identifier_spellings():
    assert clean_identifier("ror", "https://ror.org/01XTTHB56") == "01xtthb56"
    assert clean_identifier("openalex", "https://openalex.org/I123") == "I123"
    assert clean_identifier("orgnr", "974 767 880") == "974767880"
    assert clean_identifier("pic", " 999 ") == "999"


def test_edges_chain_each_group_and_ignore_weak_schemes():
    ids = pd.DataFrame({"node": [0, 1, 2, 3, 4], "scheme": ["pic", "pic", "name", "name", "ror"],
                        "value": ["1", "1", "x", "x", "a"]})
    e = identifier_edges(ids)
    assert e.values.tolist() == [[0, 1, "pic:1"]]
    assert exclusive_labels(ids) == {4: {"ror:a"}}

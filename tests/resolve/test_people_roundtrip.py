"""Synthetic round trip: write every source format, read back, resolve organisations and
people, and compare people, moves and sector flows with the truth.

The truth of each mention read back comes from the ids the writers encode (OpenAlex,
Scopus, PatentsView) or, for name-only sources (WoS, USPTO), from the name within the
event; "true moves" are the moves of the same read-back corpus with true person ids.

Measured (small ecosystem; people / moves / sector TV distance, truth in brackets;
``python scripts/people_roundtrip.py``):

=====  ================  =============  =====  ========================
seed   people            moves          TV     TV before homonym guard
=====  ================  =============  =====  ========================
1      1,367 (1,302)     281 (284)      0.027  0.043
2      1,331 (1,272)     254 (269)      0.035  0.058
3      1,380 (1,334)     270 (276)      0.030  0.030
4      1,320 (1,277)     247 (260)      0.041  0.042
5      1,368 (1,315)     255 (262)      0.043  0.043
=====  ================  =============  =====  ========================

Before person resolution: 3,815–3,890 people and 355–363 moves (TV 0.17–0.19).
Seed 2 missed the 0.05 target while co-authors could link people whose name two
identified people carry: two different *Lukas Emma Ruud* (each with an OpenAlex and a
Scopus id) shared co-author name blocks, their ids were crossed and 29 false moves
(research ↔ research, research ↔ university) followed. In such a name only an
organisation links now.
"""

from __future__ import annotations

import pytest

from netkit.resolve.people import resolve_people

from .people_helpers import measure, roundtrip

SEEDS = (1, 2)  # 3-5: scripts/people_roundtrip.py


@pytest.mark.parametrize("seed", SEEDS)
def test_people_moves_and_flows_match_the_truth(tmp_path, seed):
    true, _, back = roundtrip(seed, "small", tmp_path)
    res = resolve_people(back)
    got = measure(true, back, res.corpus)
    assert got["mapped"] > 0.95 * back.participations[["event_id", "person_id"]].dropna() \
        .drop_duplicates().shape[0]
    assert abs(got["people"] - got["people_true"]) <= 0.05 * got["people_true"]
    assert abs(got["moves"] - got["moves_true"]) <= 0.10 * got["moves_true"]
    assert got["tv"] <= 0.05
    # what the sources alone give
    raw = measure(true, back, back)
    assert raw["people"] > 2.5 * raw["people_true"] and raw["tv"] > 0.15
    # identifier-backed moves are a subset, and almost all true
    summary = res.summary()
    assert summary["orcid"] + summary["identifier"] > 0.7

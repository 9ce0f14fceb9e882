"""Fixtures of the report tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PAYLOADS_FILE = Path(__file__).parents[1] / "viz" / "injection_payloads.json"

FAST = {"diffusion": {"runs": 30, "max_steps": 15}, "before_after": {"bootstrap": 100}}


@pytest.fixture(scope="session")
def payloads() -> list[str]:
    return json.loads(PAYLOADS_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def injected_corpus(tiny_ecosystem, payloads):
    """The tiny ecosystem with a payload in every free-text field."""
    from netkit.model import Corpus

    corpus, _ = tiny_ecosystem
    n = len(payloads)
    orgs = corpus.organizations.copy()
    orgs["name"] = [payloads[i % n] for i in range(len(orgs))]
    orgs["region"] = [payloads[(i * 3) % n] for i in range(len(orgs))]
    orgs["city"] = [payloads[(i * 5 + 1) % n] for i in range(len(orgs))]
    events = corpus.events.copy()
    events["title"] = [payloads[(i * 7 + 2) % n] for i in range(len(events))]
    people = corpus.people.copy()
    people["name"] = [payloads[(i * 11 + 3) % n] for i in range(len(people))]
    return Corpus(organizations=orgs, org_ids=corpus.org_ids, people=people, events=events,
                  participations=corpus.participations)

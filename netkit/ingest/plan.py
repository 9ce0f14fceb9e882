"""What a reader plans to add for one record, as typed rows, and how it is added.

A reader checks a record completely before it adds anything: it builds a
:class:`RecordPlan` (an event and the organisations, people and participations of
the record) or raises :class:`~netkit.errors.RecordError` to have the record
quarantined. :func:`quarantine_bad` turns that error (and only that error) into a
quarantine entry; :func:`apply_plan` and :func:`add_row` add planned rows to the
:class:`~netkit.ingest.builder.CorpusBuilder` and tell the ledger what became of the
record. Any other exception raised while a record is read is a bug in the reader
and propagates.

Examples
--------
>>> from netkit.ingest.builder import CorpusBuilder
>>> from netkit.ingest.registry import ReadContext
>>> from netkit.model import Ledger
>>> ctx = ReadContext(CorpusBuilder(), Ledger("f.csv", "test"))
>>> plan = RecordPlan(
...     EventRow("pub:t:1", "publication", "t", year=2020, extra={"doi": "10.1/x"}),
...     orgs=[OrgRow("org:t:a", "Univ A", "university", "name:university", ids=(("ror", "0a"),))],
...     people=[PersonRow("per:t:1", "Ada")],
...     parts=[PartRow("org:t:a", "per:t:1", "Univ A, Oslo")])
>>> apply_plan(plan, ctx); apply_plan(plan, ctx)
>>> ctx.ledger.n_loaded, ctx.ledger.n_duplicates
(1, 1)
>>> def plan_of(text):
...     if not text:
...         raise RecordError("empty record")
>>> quarantine_bad(ctx.ledger, 7, "", plan_of, "") is None, ctx.ledger.rows
(True, [('f.csv', 7, 'empty record', '')])
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import partial
from typing import NamedTuple, TypeVar

from netkit.errors import RecordError

__all__ = [
    "EventRow",
    "OrgRow",
    "PartRow",
    "PersonRow",
    "RecordError",
    "RecordPlan",
    "add_event",
    "add_org",
    "add_row",
    "apply_plan",
    "load_record",
    "part_row",
    "person_row",
    "quarantine_bad",
    "row_key_seen",
    "state",
]

T = TypeVar("T")


class EventRow(NamedTuple):
    """One row of ``events`` (see DESIGN §2); ``extra`` holds extra columns (``doi``)."""

    event_id: str
    kind: str
    source: str | None = None
    year: int | None = None
    date: str | None = None
    title: str | None = None
    amount: float | None = None
    currency: str | None = None
    origin: str | None = None
    extra: dict | None = None


class OrgRow(NamedTuple):
    """One organisation as a record describes it, with its source identifiers.

    ``ids`` (``(scheme, value)`` pairs) are added whenever the record is loaded;
    ``first_ids`` only by the record that adds the organisation first.
    """

    org_id: str
    name: str | None
    sector: str = "unknown"
    sector_source: str | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    founded_year: int | None = None
    ids: tuple = ()
    first_ids: tuple = ()


class PersonRow(NamedTuple):
    """One person: id, name, ORCID and source identifiers (``(scheme, value)`` pairs,
    for ``person_ids``)."""

    person_id: str
    name: str | None = None
    orcid: str | None = None
    ids: tuple = ()


class PartRow(NamedTuple):
    """One participation of a record's event (its role is the plan's)."""

    org_id: str | None
    person_id: str | None
    raw_affiliation: str | None = None


person_row = partial(tuple.__new__, PersonRow)
"""``person_row((person_id, name, orcid, ids))``: a :class:`PersonRow` made without the
Python-level ``__new__`` of a named tuple (readers make one per author)."""

part_row = partial(tuple.__new__, PartRow)
"""``part_row((org_id, person_id, raw_affiliation))``: a :class:`PartRow`, made as fast
as a plain tuple (readers make one per participation).

>>> part_row(("org:t:a", None, "Univ A")).raw_affiliation
'Univ A'
"""


class RecordPlan(NamedTuple):
    """Everything one record adds: its event, organisations, people and participations."""

    event: EventRow
    orgs: list[OrgRow]
    people: list[PersonRow]
    parts: list[PartRow]
    role: str = "author"


_STATE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def state(builder, name: str, factory=dict):
    """Per-builder state of one reader (lives as long as the builder).

    Examples
    --------
    >>> from netkit.ingest.builder import CorpusBuilder
    >>> b = CorpusBuilder()
    >>> state(b, "x")["k"] = 1
    >>> state(b, "x")
    {'k': 1}
    """
    per = _STATE.setdefault(builder, {})
    if name not in per:
        per[name] = factory()
    return per[name]


def row_key_seen(builder, key: tuple) -> bool:
    """True if this participation row was already loaded in this read (else remember it)."""
    seen = state(builder, "_rows", set)
    if key in seen:
        return True
    seen.add(key)
    return False


def quarantine_bad(ledger, line: int | None, raw: str | Callable[[], str],
                   plan: Callable[..., T], *args, note: str = "") -> T | None:
    """``plan(*args)``, or ``None`` after quarantining the record when it raises
    :class:`~netkit.errors.RecordError` (reason: the message, then ``note``).

    ``raw`` is the record's raw text, or a callable that gives it (called only when
    the record is quarantined). Other exceptions propagate: they are bugs.
    """
    try:
        return plan(*args)
    except RecordError as exc:
        ledger.quarantine(line, f"{exc}{note}", raw() if callable(raw) else raw)
        return None


def add_event(builder, event: EventRow) -> bool:
    """:meth:`~netkit.ingest.builder.CorpusBuilder.add_event` of a typed row."""
    return builder.add_event(event.event_id, event.kind, year=event.year, date=event.date,
                             title=event.title, amount=event.amount, currency=event.currency,
                             source=event.source, origin=event.origin, **(event.extra or {}))


def add_org(builder, org: OrgRow) -> None:
    """Add an organisation (unless its id is present) and its identifiers."""
    b = builder
    if not b.has_org(org.org_id):
        b.add_org(org.org_id, org.name, org.sector, org.sector_source, country=org.country,
                  region=org.region, city=org.city, lat=org.lat, lon=org.lon,
                  founded_year=org.founded_year)
        for scheme, value in org.first_ids:
            b.add_org_id(org.org_id, scheme, value)
    for scheme, value in org.ids:
        b.add_org_id(org.org_id, scheme, value)


def apply_plan(plan: RecordPlan, ctx) -> None:
    """Add a planned record to ``ctx.builder``: loaded, or a duplicate when its event id
    is already present (then nothing is added)."""
    b, e = ctx.builder, plan.event
    event_id = e.event_id
    if not b.add_event(event_id, e.kind, year=e.year, date=e.date, title=e.title,
                       amount=e.amount, currency=e.currency, source=e.source, origin=e.origin,
                       **(e.extra or {})):
        ctx.ledger.duplicate()
        return
    has_org, add_org_id = b.has_org, b.add_org_id
    for org in plan.orgs:
        if not has_org(org.org_id):
            add_org(b, org)
        else:
            for scheme, value in org.ids:
                add_org_id(org.org_id, scheme, value)
    add_person, add_person_id = b.add_person, b.add_person_id
    for person_id, name, orcid, ids in plan.people:
        add_person(person_id, name, orcid)
        for scheme, value in ids:
            add_person_id(person_id, scheme, value)
    b.add_participation_rows(event_id, plan.parts, plan.role)
    ctx.ledger.loaded()


def load_record(ctx, line: int | None, raw: str | Callable[[], str],
                plan: Callable[..., RecordPlan], *args) -> None:
    """Plan one record with ``plan(*args)`` and add it (:func:`apply_plan`), or
    quarantine it when the plan raises :class:`~netkit.errors.RecordError`."""
    planned = quarantine_bad(ctx.ledger, line, raw, plan, *args)
    if planned is not None:
        apply_plan(planned, ctx)


def add_row(ctx, *, event: EventRow, role: str, org: OrgRow | None = None,
            person: PersonRow | None = None, row_id: str | None = None,
            count: bool = True) -> None:
    """Add one checked participation row of a table (and its event, organisation and
    person when new); a row already loaded in this read counts as a duplicate.

    A row is identified by event, organisation, person and role, plus ``row_id`` when
    the source numbers its participants (the same organisation twice in one project).
    ``count=False`` adds a second row of a record already counted.
    """
    b = ctx.builder
    key = (event.event_id, org and org.org_id, person and person.person_id, role, row_id)
    if row_key_seen(b, key):
        if count:
            ctx.ledger.duplicate()
        return
    if not b.has_event(event.event_id):
        add_event(b, event)
    if org is not None:
        add_org(b, org)
    if person is not None:
        b.add_person(person.person_id, person.name, person.orcid)
        for scheme, value in person.ids:
            b.add_person_id(person.person_id, scheme, value)
    b.add_participation(event.event_id, org_id=org and org.org_id,
                        person_id=person and person.person_id, role=role,
                        raw_affiliation=(org or person).name if (org or person) else None)
    if count:
        ctx.ledger.loaded()

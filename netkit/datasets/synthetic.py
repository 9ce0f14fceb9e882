"""A synthetic innovation ecosystem with a known truth: the demo data and the test oracle.

The generator builds a small country (eight regions of different density, plus a
few foreign partners), its organisations (universities, research institutes,
established firms, startups founded during the period — some spun out of a
university — government bodies, hospitals, foundations) and the people working
there, then lets them publish, patent and contract for twelve years:

* collaboration probability depends on the pair of sectors, on the regions and
  the distance between them, and on each organisation's activity; team and
  consortium sizes are heavy-tailed;
* people change employer every year with a small probability (talent mobility),
  university researchers found spin-outs;
* from the intervention year on, a policy raises university–startup and
  cross-region collaboration;
* a few planted *broker* organisations are the only link between small isolated
  clusters and the rest of the country;
* every source spells each organisation in its own way (:mod:`netkit.datasets.names`).

Everything is vectorised with numpy (loops run over years, sectors and regions,
never over organisations or events), so the ``large`` size (over a million
participations) takes seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netkit.datasets.names import (
    FOREIGN,
    REGIONS,
    SOURCES,
    make_org_name,
    make_person_name,
    spell,
)
from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["SIZES", "GroundTruth", "synthetic_ecosystem"]

FIRST_YEAR, LAST_YEAR = 2012, 2023
INTERVENTION_YEAR = 2018

SIZES: dict[str, dict[str, int]] = {
    "tiny": {"n_orgs": 60, "events_per_year": 40, "island_size": 3, "n_brokers": 2},
    "small": {"n_orgs": 300, "events_per_year": 200, "island_size": 5, "n_brokers": 2},
    "medium": {"n_orgs": 3000, "events_per_year": 3000, "island_size": 8, "n_brokers": 3},
    "large": {"n_orgs": 30000, "events_per_year": 32000, "island_size": 12, "n_brokers": 5},
}
"""Named sizes: organisations, main-pool events per year, island size, planted brokers."""

SECTOR_ORDER = ("university", "research", "firm", "startup", "government", "health", "nonprofit")
_SECTOR_SHARE = np.array([0.05, 0.06, 0.38, 0.30, 0.06, 0.08, 0.07])
_SECTOR_ACTIVITY = np.array([8.0, 5.0, 1.5, 0.8, 0.8, 2.5, 0.5])
_SECTOR_STAFF = np.array([6.0, 4.0, 3.0, 1.5, 1.5, 3.0, 1.0])

KINDS = ("publication", "patent", "contract")
_KIND_SHARE = np.array([0.6, 0.2, 0.2])
# how likely an organisation of each sector takes part in each kind of event
_PROPENSITY = np.array([
    # uni  res  firm  start gov  health nonprofit
    [1.0, 1.0, 0.15, 0.10, 0.20, 0.80, 0.30],  # publication
    [0.30, 0.30, 1.0, 0.80, 0.02, 0.10, 0.02],  # patent
    [1.0, 0.80, 0.50, 0.50, 0.30, 0.40, 0.30],  # contract
])
# affinity between sectors (symmetric), before the intervention
_AFFINITY = np.array([
    [1.0, 1.0, 0.6, 0.15, 0.5, 0.8, 0.4],
    [1.0, 1.0, 0.7, 0.20, 0.5, 0.5, 0.4],
    [0.6, 0.7, 1.0, 0.50, 0.3, 0.3, 0.2],
    [0.15, 0.20, 0.50, 0.6, 0.2, 0.2, 0.2],
    [0.5, 0.5, 0.3, 0.2, 0.6, 0.4, 0.4],
    [0.8, 0.5, 0.3, 0.2, 0.4, 0.8, 0.4],
    [0.4, 0.4, 0.2, 0.2, 0.4, 0.4, 0.5],
])
UNI, STARTUP = SECTOR_ORDER.index("university"), SECTOR_ORDER.index("startup")
INTERVENTION_SECTOR_BOOST = 8.0
INTERVENTION_REGION_BOOST = 2.5
SAME_REGION = 5.0
DISTANCE_KM = 250.0
FOREIGN_AFFINITY = 0.25
MOVE_RATE = 0.06
STARTUP_LIFETIME = 7
SPINOUT_SHARE = 0.35


@dataclass
class GroundTruth:
    """What the synthetic ecosystem was built to contain.

    Attributes
    ----------
    seed, size : the generator's arguments.
    intervention_year : int or None
        From this year on, university–startup and cross-region collaboration
        are boosted; ``None`` when generated without intervention.
    sectors : Series
        True sector of every organisation (index ``org_id``).
    aliases : DataFrame
        ``org_id, source, name``: how each source spells each organisation.
    org_ids : DataFrame
        ``org_id, scheme, value``: the identifiers sources give them.
    brokers : list of str
        Planted brokers: each is the only link between its island and the rest.
    islands : dict
        Broker → the organisations of its island.
    moves : DataFrame
        ``person_id, year, from_org, to_org``: every change of employer.
    careers : DataFrame
        ``person_id, org_id, start_year, end_year``: employment spells.
    spinouts : DataFrame
        ``org_id, parent_org_id, year``: startups spun out of a university.
    """

    seed: int
    size: str
    intervention_year: int | None
    sectors: pd.Series
    aliases: pd.DataFrame
    org_ids: pd.DataFrame
    brokers: list[str]
    islands: dict[str, list[str]]
    moves: pd.DataFrame
    careers: pd.DataFrame
    spinouts: pd.DataFrame
    years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)
    params: dict = field(default_factory=dict)


# -- organisations -----------------------------------------------------------------------


def _make_orgs(rng: np.random.Generator, n: int) -> pd.DataFrame:
    counts = np.maximum(2, np.round(_SECTOR_SHARE * n)).astype(int)
    sector = np.repeat(np.arange(len(SECTOR_ORDER)), counts)
    n = len(sector)
    n_foreign = max(2, n // 12)
    foreign = np.zeros(n, dtype=bool)
    eligible = np.flatnonzero(np.isin(sector, [0, 1, 2]))
    foreign[rng.choice(eligible, size=min(n_foreign, len(eligible)), replace=False)] = True
    shares = np.array([r[4] for r in REGIONS])
    region = rng.choice(len(REGIONS), size=n, p=shares / shares.sum())
    region[foreign] = len(REGIONS)  # index of "abroad"
    activity = rng.lognormal(0.0, 0.8, size=n) * _SECTOR_ACTIVITY[sector]
    founded = np.where(
        sector == STARTUP,
        rng.integers(FIRST_YEAR - STARTUP_LIFETIME, LAST_YEAR + 1, size=n),
        rng.integers(1900, FIRST_YEAR - 12, size=n),
    )
    # startups close after a few years (firms of other kinds stay): a steady population
    closed = np.where(sector == STARTUP, founded + 1 + rng.geometric(1 / STARTUP_LIFETIME, size=n),
                      LAST_YEAR + 100)
    names, cities, countries, regions, lats, lons = [], [], [], [], [], []
    used: set[str] = set()
    for i in range(n):  # names only: a small, one-off loop over organisations
        if foreign[i]:
            country, city = FOREIGN[rng.integers(len(FOREIGN))]
            region_name, region_code, lat, lon = "", None, np.nan, np.nan
        else:
            region_name, region_code, lat, lon, _, region_cities = REGIONS[region[i]]
            city = region_cities[rng.integers(len(region_cities))]
            country = "XV"
            lat, lon = lat + rng.normal(0, 0.25), lon + rng.normal(0, 0.4)
        base = make_org_name(SECTOR_ORDER[sector[i]], city, region_name or city, rng)
        name, k = base, 2
        while name in used:
            name = make_org_name(SECTOR_ORDER[sector[i]], city, region_name or city, rng)
            if name in used:
                name = f"{base} {city}" if k == 2 else f"{base} {k}"
                k += 1
        used.add(name)
        names.append(name)
        cities.append(city)
        countries.append(country)
        regions.append(region_code)
        lats.append(lat)
        lons.append(lon)
    width = len(str(n))
    return pd.DataFrame({
        "org_id": [f"org:syn:{i:0{width}d}" for i in range(n)],
        "name": names,
        "sector_idx": sector,
        "country": countries,
        "region_idx": region,
        "region": regions,
        "city": cities,
        "lat": np.round(lats, 4),
        "lon": np.round(lons, 4),
        "founded_year": founded,
        "closed_year": closed,
        "activity": activity,
    })


def _region_matrix(intervention: bool) -> np.ndarray:
    """Affinity between regions (the last row/column is 'abroad')."""
    k = len(REGIONS)
    lat = np.radians([r[2] for r in REGIONS])
    lon = np.radians([r[3] for r in REGIONS])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    km = 6371 * 2 * np.arcsin(np.sqrt(a))
    home = np.exp(-km / DISTANCE_KM)
    if intervention:
        home = home * INTERVENTION_REGION_BOOST
    np.fill_diagonal(home, SAME_REGION)
    m = np.full((k + 1, k + 1), FOREIGN_AFFINITY)
    m[:k, :k] = home
    return m


# -- sampling helpers ---------------------------------------------------------------------


def _sample_from_groups(rng, group_of_slot, members, weights, n_groups):
    """For each slot, draw one member of its group with probability ∝ weight.

    ``members[g]`` and ``weights[g]`` list group ``g``; empty groups give -1.
    Loops over groups, not over slots.
    """
    out = np.full(len(group_of_slot), -1, dtype=np.int64)
    order = np.argsort(group_of_slot, kind="stable")
    bounds = np.searchsorted(group_of_slot[order], np.arange(n_groups + 1))
    for g in range(n_groups):
        lo, hi = bounds[g], bounds[g + 1]
        if lo == hi or len(members[g]) == 0:
            continue
        cum = np.cumsum(weights[g])
        u = rng.random(hi - lo) * cum[-1]
        out[order[lo:hi]] = members[g][np.minimum(np.searchsorted(cum, u, side="right"),
                                                  len(cum) - 1)]
    return out


def _sample_rows(rng, row_of_slot, matrix):
    """For each slot, draw a column of ``matrix[row_of_slot]`` ∝ its entries (-1 if all zero)."""
    n_rows, n_cols = matrix.shape
    members = [np.arange(n_cols)] * n_rows
    return _sample_from_groups(rng, row_of_slot, members, list(matrix), n_rows)


# -- the generator -------------------------------------------------------------------------


def synthetic_ecosystem(
    seed: int = 0,
    size: str = "small",
    *,
    intervention: bool = True,
    intervention_year: int = INTERVENTION_YEAR,
) -> tuple[Corpus, GroundTruth]:
    """Generate a synthetic innovation ecosystem and the truth it was built from.

    Parameters
    ----------
    seed : int, default 0
        Seed of every random choice: the same seed gives the same ecosystem.
    size : {"tiny", "small", "medium", "large"}, default "small"
        ``tiny`` for unit tests (< 1 s), ``small`` for the demo, ``large`` for
        benchmarks (over a million participations). See :data:`SIZES`.
    intervention : bool, default True
        Whether a policy boosts university–startup and cross-region collaboration
        from ``intervention_year`` on.
    intervention_year : int, default 2018

    Returns
    -------
    corpus : Corpus
        The true (resolved) ecosystem. ``events.source`` says which database
        records each event (publications: openalex, wos, scopus; patents: uspto,
        patentsview; contracts: cordis).
    truth : GroundTruth

    Examples
    --------
    >>> corpus, truth = synthetic_ecosystem(seed=1, size="tiny")
    >>> int(corpus.events["year"].min()), int(corpus.events["year"].max()), truth.intervention_year
    (2012, 2023, 2018)
    >>> set(truth.brokers) <= set(corpus.organizations["org_id"])
    True
    """
    if not isinstance(seed, int | np.integer) or seed < 0:
        raise ParameterError(f"seed must be a non-negative integer, not {seed!r}")
    if size not in SIZES:
        raise ParameterError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    if not FIRST_YEAR < intervention_year <= LAST_YEAR:
        raise ParameterError(f"intervention_year must lie in {FIRST_YEAR + 1}–{LAST_YEAR}")
    p = SIZES[size]
    rng = np.random.default_rng(seed)
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    orgs = _make_orgs(rng, p["n_orgs"])
    n_orgs = len(orgs)
    sector = orgs["sector_idx"].to_numpy()
    region = orgs["region_idx"].to_numpy()
    activity = orgs["activity"].to_numpy()
    founded = orgs["founded_year"].to_numpy()
    closed = orgs["closed_year"].to_numpy()
    n_regions = len(REGIONS) + 1
    n_sectors = len(SECTOR_ORDER)

    # spin-outs: startups founded in the period, parent a university of the same region
    unis = np.flatnonzero(sector == UNI)
    spin_candidates = np.flatnonzero((sector == STARTUP) & (founded > FIRST_YEAR))
    is_spinout = np.zeros(n_orgs, dtype=bool)
    is_spinout[spin_candidates[rng.random(len(spin_candidates)) < SPINOUT_SHARE]] = True
    parent = np.full(n_orgs, -1)
    for r in range(n_regions):  # loop over regions
        kids = np.flatnonzero(is_spinout & (region == r))
        pool = unis[region[unis] == r]
        if len(pool) == 0:
            pool = unis
        parent[kids] = rng.choice(pool, size=len(kids))

    # islands and their brokers, kept out of the main pool
    in_island = np.full(n_orgs, -1)
    brokers = []
    established = np.flatnonzero((sector != STARTUP) & (region < len(REGIONS)))
    broker_pool = established[np.isin(sector[established], [1, 2])]
    brokers_idx = rng.choice(broker_pool, size=p["n_brokers"], replace=False)
    others = np.setdiff1d(established, brokers_idx)
    others = others[~np.isin(others, parent)]
    island_members = rng.choice(others, size=p["n_brokers"] * p["island_size"], replace=False)
    for b, members in enumerate(island_members.reshape(p["n_brokers"], p["island_size"])):
        in_island[members] = b
        brokers.append(brokers_idx[b])
    in_main = in_island < 0

    # -- people and careers -------------------------------------------------------------
    staff0 = np.maximum(1, np.round(_SECTOR_STAFF[sector] * np.sqrt(activity / _SECTOR_ACTIVITY[sector])
                                    * 1.5)).astype(int)
    alive0 = (founded <= FIRST_YEAR) & (closed > FIRST_YEAR)
    initial_staff = np.where(alive0, staff0, 0)
    employer = np.repeat(np.arange(n_orgs), initial_staff)
    n_people = len(employer)
    emp = {FIRST_YEAR: employer.copy()}  # employer per person per year (-1: not employed yet)
    moves = []
    spin_rows = []
    for y in years[1:]:  # loop over years
        cur = emp[y - 1].copy()
        boost = intervention and y >= intervention_year
        # founders of organisations founded this year
        newborn = np.flatnonzero(founded == y)
        n_founders = np.maximum(1, staff0[newborn] // 2)
        founder_org = np.repeat(newborn, n_founders)
        from_spin = is_spinout[founder_org]
        # spin-out founders move from the parent university (a move); others are new people
        movers = []
        for org in np.unique(founder_org[from_spin]):  # a few per year
            staff = np.flatnonzero(cur == parent[org])
            if len(staff) > 1:
                person = rng.choice(staff)
                movers.append((person, org))
                spin_rows.append((org, parent[org], y))
        new_orgs = founder_org[~from_spin]
        spun = {org for _, org in movers}
        new_orgs = np.concatenate([new_orgs, [o for o in np.unique(founder_org[from_spin])
                                               if o not in spun]]).astype(np.int64)
        # yearly mobility: people change employer with a small probability
        alive = (founded <= y) & (closed > y) & in_main
        employed = np.flatnonzero(cur >= 0)
        leave = employed[rng.random(len(employed)) < MOVE_RATE]
        leave = leave[in_main[cur[leave]]]
        # everybody leaves an organisation that closes this year
        forced = employed[closed[cur[employed]] == y]
        # never empty an organisation: at most staff - 1 leavers per organisation
        counts = np.bincount(cur[employed], minlength=n_orgs)
        order = np.lexsort((rng.random(len(leave)), cur[leave]))
        leave = leave[order]
        first = np.searchsorted(cur[leave], cur[leave], side="left")
        rank = np.arange(len(leave)) - first
        leave = leave[rank < counts[cur[leave]] - 1]
        leave = np.union1d(leave, forced)
        # destination sector from the origin sector, destination organisation ∝ activity
        affinity = _AFFINITY.copy()
        if boost:
            affinity[UNI, STARTUP] *= INTERVENTION_SECTOR_BOOST
        dest_sector = _sample_rows(rng, sector[cur[leave]], affinity)
        members = [np.flatnonzero(alive & (sector == s)) for s in range(n_sectors)]
        weights = [activity[m] for m in members]
        dest = _sample_from_groups(rng, dest_sector, members, weights, n_sectors)
        ok = (dest >= 0) & (dest != cur[leave])
        # who finds no new employer when their organisation closes leaves the ecosystem
        gone = leave[~ok & (closed[cur[leave]] == y)]
        leave, dest = leave[ok], dest[ok]
        for person, org in movers:
            moves.append((person, y, cur[person], org))
            cur[person] = org
        moves.extend(zip(leave.tolist(), [y] * len(leave), cur[leave].tolist(), dest.tolist(),
                         strict=True))
        cur[leave] = dest
        cur[gone] = -1
        # new people: founders of non-spin-out startups and a yearly intake
        intake_org = rng.choice(np.flatnonzero(alive), size=max(1, len(cur) // 40),
                                p=activity[alive] / activity[alive].sum())
        hires = np.concatenate([new_orgs, intake_org])
        emp = {k: np.concatenate([v, np.full(len(hires), -1)]) for k, v in emp.items()}
        cur = np.concatenate([cur, hires])
        emp[y] = cur
    n_people = len(emp[LAST_YEAR])
    emp_matrix = np.stack([emp[y] for y in years])  # years × people

    # -- events ---------------------------------------------------------------------------
    region_before = _region_matrix(False)
    region_after = _region_matrix(True)
    ev_year, ev_kind, part_event, part_org = [], [], [], []
    n_events = 0
    for yi, y in enumerate(years):  # loop over years
        boost = intervention and y >= intervention_year
        alive = (founded <= y) & (closed > y) & in_main
        n_y = int(p["events_per_year"] * (1 + 0.04 * yi))
        kind = rng.choice(3, size=n_y, p=_KIND_SHARE)
        cap = np.array([15, 5, 25])[kind]
        tail = np.array([2.4, 3.0, 2.1])[kind]
        k = 1 + np.minimum(rng.zipf(tail), cap)
        affinity = _AFFINITY.copy()
        if boost:
            affinity[UNI, STARTUP] *= INTERVENTION_SECTOR_BOOST
            affinity[STARTUP, UNI] *= INTERVENTION_SECTOR_BOOST
        rmat = region_after if boost else region_before
        cell = sector * n_regions + region
        n_cells = n_sectors * n_regions
        leads = np.empty(n_y, dtype=np.int64)
        for kd in range(3):  # loop over kinds
            w = activity * _PROPENSITY[kd, sector] * alive
            members = [np.flatnonzero(w > 0)]
            leads[kind == kd] = _sample_from_groups(rng, np.zeros((kind == kd).sum(), dtype=np.int64),
                                                    members, [w[members[0]]], 1)
        # partner slots: cell of the partner from the lead's cell, then an organisation of it
        slot_event = np.repeat(np.arange(n_y), k - 1)
        slot_kind = kind[slot_event]
        lead_of_slot = leads[slot_event]
        partner = np.empty(len(slot_event), dtype=np.int64)
        for kd in range(3):
            w = activity * _PROPENSITY[kd, sector] * alive
            mass = np.bincount(cell, weights=w, minlength=n_cells)
            s_idx = np.arange(n_cells) // n_regions
            r_idx = np.arange(n_cells) % n_regions
            cell_p = affinity[s_idx[:, None], s_idx[None, :]] * rmat[r_idx[:, None], r_idx[None, :]]
            cell_p = cell_p * mass[None, :]
            sel = slot_kind == kd
            target_cell = _sample_rows(rng, cell[lead_of_slot[sel]], cell_p)
            members = [np.flatnonzero((cell == c) & (w > 0)) for c in range(n_cells)]
            weights = [w[m] for m in members]
            got = _sample_from_groups(rng, np.maximum(target_cell, 0), members, weights, n_cells)
            got[target_cell < 0] = -1
            partner[sel] = got
        ev = np.concatenate([np.arange(n_y), slot_event]) + n_events
        org = np.concatenate([leads, partner])
        keep = org >= 0
        ev_year.append(np.full(n_y, y))
        ev_kind.append(kind)
        part_event.append(ev[keep])
        part_org.append(org[keep])
        n_events += n_y
        # island events: members among themselves, the broker now and then
        for b, bidx in enumerate(brokers):  # loop over the few brokers
            members = np.flatnonzero(in_island == b)
            n_isl = max(2, round(p["events_per_year"] * len(members) / n_orgs * 2))
            kind_i = rng.choice(3, size=n_isl, p=_KIND_SHARE)
            size_i = np.minimum(1 + rng.zipf(2.5, size=n_isl), len(members))
            for j in range(n_isl):  # few events per island and year
                chosen = list(rng.choice(members, size=size_i[j], replace=False))
                if j == 0:
                    chosen = [bidx, members[(yi) % len(members)]]
                elif j == 1 and yi == 0:
                    chosen = list(members)  # the island is connected from the first year
                elif rng.random() < 0.35:
                    chosen.append(bidx)
                part_event.append(np.full(len(chosen), n_events))
                part_org.append(np.asarray(chosen, dtype=np.int64))
                ev_year.append(np.array([y]))
                ev_kind.append(np.array([kind_i[j]]))
                n_events += 1
    ev_year = np.concatenate(ev_year)
    ev_kind = np.concatenate(ev_kind)
    pe = np.concatenate(part_event)
    po = np.concatenate(part_org)
    pairs = np.unique(pe * n_orgs + po)  # one row per (event, organisation)
    pe, po = pairs // n_orgs, pairs % n_orgs
    return _assemble(rng, seed, size, p, orgs, emp_matrix, years, ev_year, ev_kind, pe, po,
                     moves, spin_rows, brokers, in_island,
                     intervention_year if intervention else None, n_people)


def _assemble(rng, seed, size, p, orgs, emp_matrix, years, ev_year, ev_kind, pe, po, moves,
              spin_rows, brokers, in_island, intervention_year, n_people):
    n_orgs = len(orgs)
    n_events = len(ev_year)
    org_ids = orgs["org_id"].to_numpy()
    sector_names = np.array(SECTOR_ORDER)[orgs["sector_idx"].to_numpy()]
    width = len(str(max(n_events, n_people)))
    # people taking part: pick staff of the organisation in the event's year
    kind_of_row = ev_kind[pe]
    year_idx = ev_year[pe] - years[0]
    n_authors = np.where(kind_of_row == 0, 1 + rng.binomial(2, 0.3, size=len(pe)),
                         np.where(kind_of_row == 1, 1 + rng.binomial(1, 0.4, size=len(pe)), 0))
    slot_row = np.repeat(np.arange(len(pe)), n_authors)
    key = year_idx[slot_row] * n_orgs + po[slot_row]
    # staff lists per (year, org): people sorted by (year, employer)
    yy, people = np.nonzero(emp_matrix >= 0)
    staff_key = yy * n_orgs + emp_matrix[yy, people]
    order = np.argsort(staff_key, kind="stable")
    staff_key, staff_people = staff_key[order], people[order]
    lo = np.searchsorted(staff_key, key, side="left")
    hi = np.searchsorted(staff_key, key, side="right")
    has = hi > lo
    pick = lo + np.floor(rng.random(len(key)) * np.maximum(hi - lo, 1)).astype(np.int64)
    person = np.where(has, staff_people[np.minimum(pick, len(staff_people) - 1)], -1)
    # drop repeated (event, person)
    slot_event = pe[slot_row]
    dedupe = pd.DataFrame({"row": slot_row, "event": slot_event, "person": person})
    dedupe = dedupe[(dedupe["person"] < 0) | ~dedupe.duplicated(["event", "person"])]
    slot_row = dedupe["row"].to_numpy()
    person = dedupe["person"].to_numpy()

    ev_ids = np.array([f"{('pub', 'pat', 'con')[k]}:syn:{i:0{width}d}"
                       for i, k in enumerate(ev_kind)])
    per_ids = np.array([f"per:syn:{i:0{width}d}" for i in range(n_people)])
    # participations: org rows (publication: via their authors)
    is_pub_slot = kind_of_row[slot_row] == 0
    pub_rows = pd.DataFrame({
        "event_id": ev_ids[pe[slot_row[is_pub_slot]]],
        "org_id": org_ids[po[slot_row[is_pub_slot]]],
        "person_id": np.where(person[is_pub_slot] >= 0, per_ids[np.maximum(person[is_pub_slot], 0)], None),
        "role": "author",
    })
    # publications whose org had nobody: keep the org as an author affiliation without a person
    pub_org_rows = np.flatnonzero(kind_of_row == 0)
    covered = np.zeros(len(pe), dtype=bool)
    covered[slot_row[is_pub_slot]] = True
    lonely = pub_org_rows[~covered[pub_org_rows]]
    lonely_rows = pd.DataFrame({"event_id": ev_ids[pe[lonely]], "org_id": org_ids[po[lonely]],
                                "person_id": None, "role": "author"})
    pat = np.flatnonzero(kind_of_row == 1)
    pat_rows = pd.DataFrame({"event_id": ev_ids[pe[pat]], "org_id": org_ids[po[pat]],
                             "person_id": None, "role": "assignee"})
    inv = ~is_pub_slot & (person >= 0)
    inv_rows = pd.DataFrame({
        "event_id": ev_ids[pe[slot_row[inv]]],
        "org_id": org_ids[po[slot_row[inv]]],
        "person_id": per_ids[person[inv]],
        "role": "inventor",
    })
    con = np.flatnonzero(kind_of_row == 2)
    first_of_event = np.r_[True, pe[con][1:] != pe[con][:-1]]
    con_rows = pd.DataFrame({"event_id": ev_ids[pe[con]], "org_id": org_ids[po[con]],
                             "person_id": None,
                             "role": np.where(first_of_event, "coordinator", "participant")})
    participations = pd.concat([pub_rows, lonely_rows, pat_rows, inv_rows, con_rows],
                               ignore_index=True)
    participations = participations.sort_values(["event_id", "role", "org_id", "person_id"],
                                                kind="stable", na_position="first",
                                                ignore_index=True)

    # events
    source = np.empty(n_events, dtype=object)
    u = rng.random(n_events)
    source[ev_kind == 0] = np.where(u[ev_kind == 0] < 0.4, "openalex",
                                    np.where(u[ev_kind == 0] < 0.7, "wos", "scopus"))
    source[ev_kind == 1] = np.where(u[ev_kind == 1] < 0.5, "uspto", "patentsview")
    source[ev_kind == 2] = "cordis"
    month = rng.integers(1, 13, size=n_events)
    day = rng.integers(1, 29, size=n_events)
    dates = [f"{y}-{m:02d}-{d:02d}" for y, m, d in zip(ev_year, month, day, strict=True)]
    amount = np.where(ev_kind == 2, np.round(rng.lognormal(np.log(1.5e6), 0.8, size=n_events), -2),
                      np.nan)
    events = pd.DataFrame({
        "event_id": ev_ids,
        "kind": np.array(KINDS)[ev_kind],
        "year": ev_year,
        "date": dates,
        "title": _titles(rng, ev_kind),
        "amount": amount,
        "currency": np.where(ev_kind == 2, "EUR", None),
        "source": source,
        "origin": [f"synthetic#{i}" for i in range(n_events)],
    })
    people_df = pd.DataFrame({
        "person_id": per_ids,
        "name": [make_person_name(rng) for _ in range(n_people)],
        "orcid": [_orcid(rng) if rng.random() < 0.5 else None for _ in range(n_people)],
    })
    used_people = participations["person_id"].dropna().unique()
    people_df = people_df[people_df["person_id"].isin(used_people)].reset_index(drop=True)

    organizations = pd.DataFrame({
        "org_id": org_ids,
        "name": orgs["name"],
        "sector": sector_names,
        "sector_source": "synthetic:truth",
        "country": orgs["country"],
        "region": orgs["region"],
        "city": orgs["city"],
        "lat": orgs["lat"],
        "lon": orgs["lon"],
        "founded_year": orgs["founded_year"],
    })
    used_orgs = set(participations["org_id"].dropna())
    organizations = organizations[organizations["org_id"].isin(used_orgs)].reset_index(drop=True)
    aliases, ids = _aliases_and_ids(rng, organizations)
    corpus = Corpus(organizations=organizations, org_ids=ids, people=people_df, events=events,
                    participations=participations)

    moves_df = pd.DataFrame(moves, columns=["person", "year", "from", "to"])
    moves_df = pd.DataFrame({
        "person_id": per_ids[moves_df["person"].to_numpy(dtype=np.int64)],
        "year": moves_df["year"].astype("int64"),
        "from_org": org_ids[moves_df["from"].to_numpy(dtype=np.int64)],
        "to_org": org_ids[moves_df["to"].to_numpy(dtype=np.int64)],
    })
    spin = pd.DataFrame(spin_rows, columns=["org", "parent", "year"])
    spin_df = pd.DataFrame({
        "org_id": org_ids[spin["org"].to_numpy(dtype=np.int64)],
        "parent_org_id": org_ids[spin["parent"].to_numpy(dtype=np.int64)],
        "year": spin["year"].astype("int64"),
    })
    truth = GroundTruth(
        seed=seed,
        size=size,
        intervention_year=intervention_year,
        sectors=pd.Series(sector_names, index=pd.Index(org_ids, name="org_id"), name="sector"),
        aliases=aliases,
        org_ids=ids,
        brokers=[str(org_ids[b]) for b in brokers],
        islands={str(org_ids[b]): [str(x) for x in org_ids[in_island == i]]
                 for i, b in enumerate(brokers)},
        moves=moves_df,
        careers=_careers(emp_matrix, years, per_ids, org_ids),
        spinouts=spin_df,
        params=dict(p),
    )
    return corpus, truth


def _careers(emp_matrix, years, per_ids, org_ids) -> pd.DataFrame:
    """Employment spells from the people × years employer matrix (vectorised run-lengths)."""
    n_years, n_people = emp_matrix.shape
    flat = emp_matrix.T.ravel()  # person-major
    person = np.repeat(np.arange(n_people), n_years)
    year = np.tile(years, n_people)
    start = np.r_[True, (flat[1:] != flat[:-1]) | (person[1:] != person[:-1])]
    idx = np.flatnonzero(start)
    end_idx = np.r_[idx[1:], len(flat)] - 1
    keep = flat[idx] >= 0
    return pd.DataFrame({
        "person_id": per_ids[person[idx[keep]]],
        "org_id": org_ids[flat[idx[keep]]],
        "start_year": year[idx[keep]].astype("int64"),
        "end_year": year[end_idx[keep]].astype("int64"),
    })


_TOPIC_A = ("Adaptive", "Scalable", "Low-carbon", "Autonomous", "Quantum", "Distributed",
            "Resilient", "Sustainable", "Data-driven", "Bio-based")
_TOPIC_B = ("sensing", "catalysis", "fish farming", "battery storage", "offshore wind",
            "protein design", "edge computing", "ship hulls", "diagnostics", "hydrogen")
_TOPIC_C = ("in cold climates", "for coastal regions", "at scale", "in clinical practice",
            "for small firms", "with machine learning", "under uncertainty", "in the Arctic")


def _titles(rng, kinds) -> list[str]:
    a = rng.integers(len(_TOPIC_A), size=len(kinds))
    b = rng.integers(len(_TOPIC_B), size=len(kinds))
    c = rng.integers(len(_TOPIC_C), size=len(kinds))
    lead = ("", "Method and system for ", "")
    return [f"{lead[k]}{_TOPIC_A[i]} {_TOPIC_B[j]} {_TOPIC_C[m]}".strip()
            for k, i, j, m in zip(kinds, a, b, c, strict=True)]


def _orcid(rng) -> str:
    """A well-formed ORCID iD (ISO 7064 MOD 11-2 check digit) in the 0000-0002 range."""
    base = "00000002" + "".join(map(str, rng.integers(0, 10, size=7)))
    total = 0
    for d in base:
        total = (total + int(d)) * 2
    check = (12 - total % 11) % 11
    s = base + ("X" if check == 10 else str(check))
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def _aliases_and_ids(rng, organizations: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = len(organizations)
    variants = rng.integers(0, 4, size=(n, len(SOURCES)))
    rows = [
        (oid, source, spell(name, source, int(variants[i, j])))
        for i, (oid, name) in enumerate(zip(organizations["org_id"], organizations["name"],
                                            strict=True))
        for j, source in enumerate(SOURCES)
    ]
    aliases = pd.DataFrame(rows, columns=["org_id", "source", "name"])
    sectors = organizations["sector"].to_numpy()
    oid = organizations["org_id"].to_numpy()
    alphabet = np.array(list("0123456789abcdefghjkmnpqrstvwxyz"))
    ror = ["0" + "".join(alphabet[rng.integers(0, 32, size=6)]) + f"{rng.integers(0, 100):02d}"
           for _ in range(n)]
    has_ror = np.isin(sectors, ["university", "research", "health", "government", "nonprofit"])
    ids = [
        pd.DataFrame({"org_id": oid[has_ror], "scheme": "ror",
                      "value": np.array(ror, dtype=object)[has_ror]}),
        pd.DataFrame({"org_id": oid, "scheme": "openalex",
                      "value": [f"I{4000000 + 7919 * i}" for i in range(n)]}),
        pd.DataFrame({"org_id": oid, "scheme": "pic",
                      "value": [str(900000000 + 104729 * i % 99999999) for i in range(n)]}),
        pd.DataFrame({"org_id": oid, "scheme": "assignee",
                      "value": [f"syn-{int(x):08x}" for x in rng.integers(0, 2**32, size=n)]}),
    ]
    return aliases, pd.concat(ids, ignore_index=True).sort_values(
        ["org_id", "scheme"], ignore_index=True)

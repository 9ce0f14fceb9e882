"""Talent mobility: people whose organisation changes between consecutive events.

A person's events are put in time order (year, date, event id); whenever no
organisation of an event is one of the person's previous event, the person moved.
Each move says how well it is evidenced: by one identifier on both sides, or by
name and context (see :func:`netkit.resolve.resolve_people`). Moves are then counted as flows organisation → organisation,
sector → sector (university → startup …) and region → region, per period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit.errors import ParameterError
from netkit.metrics.dynamics import period_of
from netkit.model import Corpus

__all__ = ["EVIDENCE", "mobility_flows", "mobility_moves", "mobility_rate", "move_evidence"]

_LEVELS = {"org": "org", "sector": "sector", "region": "region", "country": "country"}


EVIDENCE = ("identifier", "name+context", "name", "as given")
"""Values of ``moves.evidence``, strongest first: both events held to the person by
one identifier (ORCID or a source author id); by name and context (organisation,
co-authors); by a rare name alone; ``as given`` when people were never resolved (the
corpus's own person ids, e.g. the synthetic truth)."""


def _person_event_orgs(corpus: Corpus) -> pd.DataFrame:
    """(person, event, org, identity) rows of dated events, with ``rank``: the position of
    the event in the person's time order (year, date, event id)."""
    part = corpus.participations
    part = part[part["person_id"].notna() & part["org_id"].notna()]
    ev = corpus.events[["event_id", "year", "date"]]
    ev = ev[ev["year"].notna()]
    ident = part["identity"] if "identity" in part.columns else pd.Series(pd.NA, index=part.index)
    df = pd.DataFrame({
        "person_id": part["person_id"].astype(str).to_numpy(),
        "event_id": part["event_id"].astype(str).to_numpy(),
        "org_id": part["org_id"].astype(str).to_numpy(),
        "identity": ident.astype(object).where(ident.notna(), None).to_numpy(),
    })
    df = df.merge(pd.DataFrame({"event_id": ev["event_id"].astype(str).to_numpy(),
                                "year": ev["year"].to_numpy(dtype=np.int64),
                                "date": ev["date"].astype(object).fillna("").astype(str).to_numpy()}),
                  on="event_id")
    df = df.sort_values(["person_id", "year", "date", "event_id", "org_id"], kind="stable",
                        ignore_index=True)
    first = ~df.duplicated(["person_id", "event_id"])
    df["rank"] = first.groupby(df["person_id"]).cumsum().to_numpy() - 1
    return df


def _person_events(corpus: Corpus) -> pd.DataFrame:
    """One row per (person, event) in time order, with the organisation of that event
    (the smallest org id among several affiliations)."""
    rows = _person_event_orgs(corpus)
    return rows.drop_duplicates(["person_id", "event_id"], keep="first").reset_index(drop=True)


def _linked_by_name(corpus: Corpus) -> set[str]:
    """People whose resolution used a rare name alone (``person_ids`` scheme ``linked_by``)."""
    ids = corpus.person_ids
    return set(ids.loc[(ids["scheme"] == "linked_by") & (ids["value"] == "name"), "person_id"])


def mobility_moves(corpus: Corpus, evidence: str | None = None) -> pd.DataFrame:
    """Every change of organisation between two consecutive events of a person.

    Parameters
    ----------
    corpus : Corpus
        Participations need ``person_id`` and ``org_id``; events without a year
        are ignored. Resolve organisations and people first
        (:func:`netkit.resolve.resolve`, :func:`netkit.resolve.resolve_people`):
        one organisation under two spellings, or one person under two, makes
        moves that never happened.
    evidence : {"identifier", "name+context", "name"}, optional
        Keep only moves at least this well evidenced (see :data:`EVIDENCE`):
        ``"identifier"`` follows each identifier's own events (an ORCID, an OpenAlex
        author …) and keeps the moves between two of them.

    Returns
    -------
    pandas.DataFrame
        One row per move, sorted by ``year``, ``person_id``: ``person_id``,
        ``from_org``, ``to_org``, ``from_year`` (year of the last event at the old
        organisation), ``year`` (year of the first event at the new one — the
        move happened in ``(from_year, year]``), ``event_id`` (that first
        event), ``from_sector``/``to_sector``, ``from_region``/``to_region``,
        ``from_country``/``to_country`` of the two organisations, and ``evidence``.

    See Also
    --------
    mobility_flows : Moves summed into origin × destination flows.
    mobility_rate : Share of people who move, per period.
    move_evidence : How well each move is supported.

    Notes
    -----
    A person listed with several organisations on an event moved only if none of
    them is an organisation of the previous event (a second affiliation that comes
    and goes is not a move); the move is reported between the smallest org ids of
    the two events. Two moves without an event in between are seen as one
    (A → C for A → B → C).

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["u", "s"], "name": ["U", "S"],
    ...                    "sector": ["university", "startup"]},
    ...     people={"person_id": ["p"]},
    ...     events={"event_id": ["e1", "e2", "e3"], "kind": ["publication"] * 3,
    ...             "year": [2015, 2017, 2018]},
    ...     participations={"event_id": ["e1", "e2", "e3"], "org_id": ["u", "s", "s"],
    ...                     "person_id": ["p"] * 3, "role": ["author"] * 3},
    ... )
    >>> m = mobility_moves(c)
    >>> m[["person_id", "from_org", "to_org", "from_year", "year", "from_sector", "to_sector"]]
      person_id from_org to_org  from_year  year from_sector to_sector
    0         p        u      s       2015  2017  university   startup
    >>> m["evidence"].tolist()
    ['as given']
    """
    if evidence is not None and evidence not in EVIDENCE[:3]:
        raise ParameterError(f"evidence must be one of {', '.join(EVIDENCE[:3])}, "
                             f"not {evidence!r}")
    rows = _person_event_orgs(corpus)
    if evidence == "identifier":  # each identifier's own sequence of events
        rows = rows[pd.notna(rows["identity"].to_numpy())]
        rows = rows.assign(person_id=rows["person_id"] + "\x1f" + rows["identity"].astype(str))
        first = ~rows.duplicated(["person_id", "event_id"])
        rows = rows.assign(rank=first.groupby(rows["person_id"]).cumsum().to_numpy() - 1)
    # events sharing an organisation with the person's previous event are no move
    prev = rows[["person_id", "rank", "org_id"]].assign(rank=rows["rank"] + 1)
    stay = rows[["person_id", "rank", "org_id"]].merge(prev, on=["person_id", "rank", "org_id"])
    pe = rows.drop_duplicates(["person_id", "event_id"], keep="first").reset_index(drop=True)
    same_person = pe["person_id"].to_numpy()[1:] == pe["person_id"].to_numpy()[:-1]
    changed = pe["org_id"].to_numpy()[1:] != pe["org_id"].to_numpy()[:-1]
    at = np.flatnonzero(same_person & changed) + 1
    if len(stay):
        cand = pd.MultiIndex.from_arrays([pe["person_id"].to_numpy()[at], pe["rank"].to_numpy()[at]])
        at = at[~cand.isin(pd.MultiIndex.from_arrays([stay["person_id"], stay["rank"]]))]
    moves = pd.DataFrame({
        "person_id": pe["person_id"].to_numpy()[at],
        "from_org": pe["org_id"].to_numpy()[at - 1],
        "to_org": pe["org_id"].to_numpy()[at],
        "from_year": pe["year"].to_numpy()[at - 1],
        "year": pe["year"].to_numpy()[at],
        "event_id": pe["event_id"].to_numpy()[at],
    })
    orgs = corpus.organizations.set_index(corpus.organizations["org_id"].astype(str))
    for attr in ("sector", "region", "country"):
        col = orgs[attr].astype(object).where(orgs[attr].notna(), "")
        moves[f"from_{attr}"] = moves["from_org"].map(col).fillna("").astype(str)
        moves[f"to_{attr}"] = moves["to_org"].map(col).fillna("").astype(str)
    ident = pe["identity"].to_numpy(dtype=object)
    if pd.notna(ident).any() or len(corpus.person_ids):
        same_id = pd.notna(ident[at]) & (ident[at] == ident[at - 1])
        by_name = np.isin(moves["person_id"].to_numpy(), list(_linked_by_name(corpus)))
        moves["evidence"] = np.where(same_id, "identifier",
                                     np.where(by_name, "name", "name+context"))
    else:
        moves["evidence"] = "as given"
    if evidence == "identifier":
        moves["person_id"] = moves["person_id"].str.split("\x1f").str[0]
    if evidence is not None:
        rank = {e: i for i, e in enumerate(EVIDENCE)}
        moves = moves[moves["evidence"].map(rank) <= rank[evidence]]
    moves = moves.sort_values(["year", "person_id", "event_id"], kind="stable")
    return moves.reset_index(drop=True)


def move_evidence(moves: pd.DataFrame) -> pd.Series:
    """How many moves rest on each kind of evidence (:data:`EVIDENCE`).

    Parameters
    ----------
    moves : pandas.DataFrame
        From :func:`mobility_moves` (its ``evidence`` column; without it, every
        count is 0).

    Returns
    -------
    pandas.Series
        Moves per kind of evidence, in the order of :data:`EVIDENCE`, named ``moves``.

    See Also
    --------
    mobility_moves : Every move of a person between organisations.

    Examples
    --------
    >>> move_evidence(pd.DataFrame({"evidence": ["identifier", "name", "identifier"]})).to_dict()
    {'identifier': 2, 'name+context': 0, 'name': 1, 'as given': 0}
    """
    col = moves["evidence"] if "evidence" in moves.columns else pd.Series([], dtype=object)
    return col.value_counts().reindex(list(EVIDENCE), fill_value=0).rename("moves")


def mobility_flows(
    moves: pd.DataFrame,
    by: str = "sector",
    period: str | int | None = None,
    first: int | None = None,
) -> pd.DataFrame:
    """Count moves as flows between organisations, sectors, regions or countries.

    Parameters
    ----------
    moves : pandas.DataFrame
        From :func:`mobility_moves`.
    by : {"org", "sector", "region", "country"}
    period : "year", int or None
        ``None``: over the whole span; otherwise per period of the move's
        ``year`` (see :func:`~netkit.metrics.dynamics.period_of`).
    first : int, optional
        First year of the first period.

    Returns
    -------
    pandas.DataFrame
        ``[period,] from, to, moves``, sorted, with ``share`` — the share of the
        moves of the period (or of all moves) that this flow holds.

    See Also
    --------
    mobility_moves : Every move of a person between organisations.
    region_flow_matrix : Region × region tie weights.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"from_sector": ["university", "university", "firm"],
    ...                   "to_sector": ["startup", "startup", "university"],
    ...                   "year": [2015, 2016, 2016]})
    >>> mobility_flows(m, "sector")
             from          to  moves     share
    0        firm  university      1  0.333333
    1  university     startup      2  0.666667
    """
    if by not in _LEVELS:
        raise ParameterError(f"by must be one of {sorted(_LEVELS)}, not {by!r}")
    src, dst = f"from_{by}", f"to_{by}"
    if src not in moves.columns or dst not in moves.columns:
        raise ParameterError(f"moves need columns {src!r} and {dst!r}")
    df = pd.DataFrame({"from": moves[src].astype(str).to_numpy(),
                       "to": moves[dst].astype(str).to_numpy()})
    keys = ["from", "to"]
    if period is not None:
        df.insert(0, "period", period_of(moves["year"], period, first) if len(moves)
                  else np.array([], dtype=np.int64))
        keys = ["period", *keys]
    out = df.groupby(keys, sort=True).size().rename("moves").reset_index()
    total = out.groupby("period")["moves"].transform("sum") if period is not None \
        else out["moves"].sum()
    out["share"] = out["moves"] / total
    return out


def mobility_rate(corpus: Corpus, moves: pd.DataFrame | None = None,
                  period: str | int = "year") -> pd.DataFrame:
    """Moves per period relative to the people active in it.

    Parameters
    ----------
    corpus : Corpus
        With people in its participations.
    moves : pandas.DataFrame, optional
        From :func:`mobility_moves` (computed when not given).
    period : "year" or int
        Period length in years (see :func:`~netkit.metrics.period_of`).

    Returns
    -------
    pandas.DataFrame
        Index ``period``; ``people`` (with an event in the period), ``movers``
        (distinct people with a move dated in the period), ``moves``, and
        ``rate = movers / people``.

    Raises
    ------
    ParameterError
        The corpus has no dated participation with a person.

    See Also
    --------
    mobility_moves : Every move of a person between organisations.
    tie_dynamics : New, repeated and lapsed ties per period.

    Examples
    --------
    One researcher moves from a university to a startup in 2017.

    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["u", "s"], "name": ["U", "S"],
    ...                    "sector": ["university", "startup"]},
    ...     people={"person_id": ["p"]},
    ...     events={"event_id": ["e1", "e2"], "kind": ["publication"] * 2, "year": [2015, 2017]},
    ...     participations={"event_id": ["e1", "e2"], "org_id": ["u", "s"],
    ...                     "person_id": ["p"] * 2, "role": ["author"] * 2},
    ... )
    >>> mobility_rate(c).loc[2017, ["people", "movers", "rate"]].tolist()
    [1.0, 1.0, 1.0]
    """
    pe = _person_events(corpus)
    if pe.empty:
        raise ParameterError("the corpus has no dated participation with a person")
    moves = mobility_moves(corpus) if moves is None else moves
    first = int(pe["year"].min())
    pe = pe.assign(p=period_of(pe["year"], period, first))
    people = pe.groupby("p")["person_id"].nunique()
    mp = moves.assign(p=period_of(moves["year"], period, first)) if len(moves) else \
        moves.assign(p=pd.Series(dtype=np.int64))
    out = pd.DataFrame({"people": people})
    out["movers"] = mp.groupby("p")["person_id"].nunique().reindex(out.index, fill_value=0)
    out["moves"] = mp.groupby("p").size().reindex(out.index, fill_value=0)
    out["rate"] = out["movers"] / out["people"]
    out.index.name = "period"
    return out

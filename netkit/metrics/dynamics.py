"""Network dynamics per period: new, repeated and lapsed ties, entrants and exits, mixing.

Everything is computed from the temporal edge list of the corpus
(:func:`netkit.build.temporal_edges`) and the participations, with group-bys;
the only loop runs over periods (for the clustering of each period's graph).
"""

from __future__ import annotations

import igraph as ig
import numpy as np
import numpy.typing as npt
import pandas as pd

from netkit.build.temporal import temporal_edges
from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["new_tie_mixing", "period_of", "tie_dynamics"]


def period_of(years: npt.ArrayLike, period: str | int = "year", first: int | None = None) -> np.ndarray:
    """Map years to the first year of their period.

    Parameters
    ----------
    years : array-like of int
    period : "year" or int
        ``"year"`` (or 1): one period per year; an integer ``w``: windows of ``w``
        years starting at ``first``.
    first : int, optional
        First year of the first window (default: the smallest year).

    Returns
    -------
    numpy.ndarray of int64
        The first year of each year's period.

    See Also
    --------
    tie_dynamics : New, repeated and lapsed ties per period.
    mobility_flows : Moves summed into origin × destination flows.

    Examples
    --------
    >>> period_of([2010, 2011, 2012, 2013], 3).tolist()
    [2010, 2010, 2010, 2013]
    """
    y = np.asarray(years, dtype=np.int64)
    w = _window(period)
    if first is None:
        first = int(y.min()) if len(y) else 0
    return first + ((y - first) // w) * w


def _window(period: str | int) -> int:
    if period == "year":
        return 1
    if isinstance(period, int | np.integer) and not isinstance(period, bool) and period >= 1:
        return int(period)
    if isinstance(period, str) and period.isdigit() and int(period) >= 1:
        return int(period)
    raise ParameterError(f"period must be 'year' or a positive number of years, not {period!r}")


def _activity(corpus: Corpus) -> pd.DataFrame:
    """Distinct (org_id, year) with a participation in a dated event."""
    part = corpus.participations[["event_id", "org_id"]].dropna()
    ev = corpus.events[["event_id", "year"]].dropna()
    act = part.merge(ev, on="event_id")[["org_id", "year"]]
    return pd.DataFrame({"org_id": act["org_id"].astype(str).to_numpy(),
                         "year": act["year"].to_numpy(dtype=np.int64)}).drop_duplicates()


def _sector_map(corpus: Corpus) -> pd.Series:
    orgs = corpus.organizations
    return pd.Series(orgs["sector"].astype(str).to_numpy(), index=orgs["org_id"].astype(str))


def _period_ties(corpus: Corpus, period, first):
    te = temporal_edges(corpus)
    te = te.assign(p=period_of(te["t"], period, first))
    ties = te.groupby(["p", "u", "v"], sort=True).size().rename("events").reset_index()
    return te, ties


def tie_dynamics(corpus: Corpus, period: str | int = "year") -> pd.DataFrame:
    """Organisations and ties per period, with their turnover.

    Parameters
    ----------
    corpus : Corpus
    period : "year" or int
        Yearly periods or windows of ``period`` years (labelled by their first year).

    Returns
    -------
    pandas.DataFrame
        Index ``period`` (first year; every period from the first to the last,
        also empty ones), columns:

        * ``period_end`` — last year of the period;
        * ``orgs`` — organisations with a participation in the period;
        * ``entrants`` — of those, the ones never active before;
        * ``exits`` — organisations active in the previous period and never again;
        * ``ties`` — pairs with at least one joint event in the period;
        * ``new_ties`` — ties whose first joint event ever falls in the period;
        * ``repeated_ties`` — ties of the period that existed before it;
        * ``lapsed_ties`` — ties of the previous period absent from this one;
        * ``density`` — ``2 ties / (orgs (orgs − 1))``;
        * ``clustering`` — global transitivity of the period's graph (NaN without
          a connected triple); ``avg_clustering`` — mean local clustering
          (nodes of degree < 2 count 0);
        * ``cross_sector_new`` — share of new ties between different sectors;
        * ``univ_startup_new`` — share of new ties between a university and a startup.

    See Also
    --------
    new_tie_mixing : Sector × sector mixing of new ties per period.
    compare_windows : Indicators before and after a split year.
    mobility_rate : Share of people who move, per period.

    Notes
    -----
    The first period is left-censored: every organisation and tie in it is an
    entrant / a new tie. Organisations are counted on all participations (also
    single-organisation events); ties need a joint event. Events without a year
    are ignored.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> d = tie_dynamics(toy_corpus())
    >>> d.loc[[2015, 2019], ["orgs", "entrants", "ties", "new_ties", "repeated_ties"]]
            orgs  entrants  ties  new_ties  repeated_ties
    period
    2015       2         2     1         1              0
    2019       3         1     3         2              1
    """
    act = _activity(corpus)
    if act.empty:
        raise ParameterError("the corpus has no dated participation")
    first = int(act["year"].min())
    w = _window(period)
    act = act.assign(p=period_of(act["year"], w, first))
    _, ties = _period_ties(corpus, w, first)
    periods = np.arange(first, int(act["p"].max()) + 1, w)
    idx = pd.Index(periods, name="period")
    out = pd.DataFrame(index=idx)
    out["period_end"] = np.minimum(periods + w - 1, int(act["year"].max()))

    org_p = act[["org_id", "p"]].drop_duplicates()
    out["orgs"] = org_p.groupby("p").size().reindex(idx, fill_value=0)
    first_p = org_p.groupby("org_id")["p"].min()
    last_p = org_p.groupby("org_id")["p"].max()
    out["entrants"] = first_p.value_counts().reindex(idx, fill_value=0)
    out["exits"] = (last_p + w).value_counts().reindex(idx, fill_value=0)

    out["ties"] = ties.groupby("p").size().reindex(idx, fill_value=0)
    tie_first = ties.groupby(["u", "v"])["p"].transform("min")
    new = ties[ties["p"] == tie_first]
    out["new_ties"] = new.groupby("p").size().reindex(idx, fill_value=0)
    out["repeated_ties"] = out["ties"] - out["new_ties"]
    # lapsed: (p - w, u, v) present, (p, u, v) absent
    shifted = ties[["p", "u", "v"]].assign(p=ties["p"] + w)
    both = shifted.merge(ties[["p", "u", "v"]], on=["p", "u", "v"], how="left", indicator=True)
    lapsed = both[both["_merge"] == "left_only"]
    out["lapsed_ties"] = lapsed.groupby("p").size().reindex(idx, fill_value=0)
    n = out["orgs"].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["density"] = np.where(n > 1, 2 * out["ties"] / (n * (n - 1)), np.nan)
    trans, avg = [], []
    for p in periods:  # loop over periods only
        sub = ties[ties["p"] == p]
        names, codes = np.unique(np.concatenate([sub["u"].to_numpy(dtype=str),
                                                 sub["v"].to_numpy(dtype=str)]),
                                 return_inverse=True)
        g = ig.Graph(n=len(names), edges=codes.reshape(2, -1).T.tolist())
        trans.append(g.transitivity_undirected() if g.ecount() else np.nan)
        avg.append(g.transitivity_avglocal_undirected(mode="zero") if g.ecount() else np.nan)
    out["clustering"] = trans
    out["avg_clustering"] = avg

    sectors = _sector_map(corpus)
    su = new["u"].map(sectors).to_numpy(dtype=object)
    sv = new["v"].map(sectors).to_numpy(dtype=object)
    pair = {frozenset(x) for x in [("university", "startup")]}
    new = new.assign(cross=su != sv,
                     us=[frozenset((a, b)) in pair for a, b in zip(su, sv, strict=True)])
    g_new = new.groupby("p")
    with np.errstate(invalid="ignore"):
        out["cross_sector_new"] = (g_new["cross"].sum() / g_new.size()).reindex(idx)
        out["univ_startup_new"] = (g_new["us"].sum() / g_new.size()).reindex(idx)
    out.attrs["name"] = "tie dynamics"
    return out


def new_tie_mixing(corpus: Corpus, period: str | int = "year") -> pd.DataFrame:
    """New ties per period by (unordered) pair of sectors, with their share.

    Parameters
    ----------
    corpus : Corpus
    period : "year" or int
        Period length in years (see :func:`period_of`).

    Returns
    -------
    pandas.DataFrame
        Columns ``period``, ``sector_a``, ``sector_b`` (``sector_a ≤ sector_b``
        alphabetically), ``cross`` (different sectors), ``new_ties`` and
        ``share`` (of the period's new ties). Only pairs with new ties appear.

    See Also
    --------
    tie_dynamics : New, repeated and lapsed ties per period.
    mixing_matrix : Ties between groups against random mixing.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> new_tie_mixing(toy_corpus())
       period sector_a    sector_b  cross  new_ties  share
    0    2015     firm  university   True         1    1.0
    1    2019     firm     startup   True         1    0.5
    2    2019  startup  university   True         1    0.5
    """
    act = _activity(corpus)
    if act.empty:
        raise ParameterError("the corpus has no dated participation")
    first = int(act["year"].min())
    _, ties = _period_ties(corpus, _window(period), first)
    new = ties[ties["p"] == ties.groupby(["u", "v"])["p"].transform("min")]
    sectors = _sector_map(corpus)
    a = new["u"].map(sectors).astype(str).to_numpy()
    b = new["v"].map(sectors).astype(str).to_numpy()
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    df = pd.DataFrame({"period": new["p"].to_numpy(), "sector_a": lo, "sector_b": hi})
    out = df.groupby(["period", "sector_a", "sector_b"]).size().rename("new_ties").reset_index()
    out.insert(3, "cross", out["sector_a"] != out["sector_b"])
    out["share"] = out["new_ties"] / out.groupby("period")["new_ties"].transform("sum")
    return out

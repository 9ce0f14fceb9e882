"""The tie weightings: one table from a weighting's name to how every engine computes it.

A tie's weight is made in two steps, the same in every projection engine:

1. a **pair term** summed over the tie's joint events: for each event both nodes
   took part in, the product of one factor of each node's incidence (its share
   of the event, the event's number of nodes) — or nothing, when the weight
   needs no more than the count of joint events;
2. a **tie formula** over the tie's totals: ``count`` (joint events),
   ``pair_sum`` (the sum of the pair terms), ``occ_u`` and ``occ_v`` (events of
   each node) and ``n_used`` (events with a node of the projection).

:data:`WEIGHTING_RULES` gives both steps for each weighting, as numpy (for the
in-memory kernel, :func:`netkit.build.pairs.tie_columns`) and as SQL text (which
the DuckDB and Spark engines format with their own column names), so a
weighting is added or changed in this one place. :data:`WEIGHTINGS` is the
tuple of their names: the choices of ``weighting`` everywhere (the API, the
command line, report configurations).

Examples
--------
>>> WEIGHTINGS
('full', 'fractional', 'newman', 'association')
>>> rule = weighting_rule("newman")
>>> rule.pair_sql.format(a="a", b="b"), rule.tie_sql.format(pair_sum="w")
('CAST(1 AS DOUBLE) / (a.n - 1)', 'w')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from netkit.errors import ParameterError

__all__ = ["WEIGHTINGS", "WEIGHTING_RULES", "TieTotals", "Weighting", "weighting_rule"]


@dataclass(frozen=True)
class TieTotals:
    """What a tie formula reads, one value per tie (``None`` where the weighting does not
    ask for it: ``pair_sum`` without a pair term, ``occ_*`` without ``occurrences``)."""

    count: np.ndarray
    pair_sum: np.ndarray | None = None
    occ_u: np.ndarray | None = None
    occ_v: np.ndarray | None = None
    n_used: float = 0.0


Factor = Callable[[object], np.ndarray]
"""Per-incidence factor of a pair term: reads ``share`` (the node's share of the event)
or ``size`` (the event's number of distinct nodes) of an object of per-incidence arrays."""


@dataclass(frozen=True)
class Weighting:
    """One tie weighting: its pair term and tie formula, as numpy and as SQL.

    Attributes
    ----------
    name : str
    formula : str
        The weight ``w_uv``, as the documentation writes it.
    first, second : callable or None
        The pair term of an event is ``first(a) · second(b)`` for the incidences
        ``a`` and ``b`` of its two nodes (``second`` None: 1); ``first`` None: no
        pair term.
    tie : callable
        ``tie(totals: TieTotals) -> weights``.
    pair_sql : str or None
        The pair term in SQL over the incidences ``{a}`` and ``{b}`` (columns
        ``share`` and ``n``, the event's number of nodes); summed per tie into
        ``pair_sum``.
    tie_sql : str
        The tie formula in SQL over ``{count}``, ``{pair_sum}``, ``{occ_u}``,
        ``{occ_v}``, ``{n_used}``.
    occurrences : bool
        Whether the formula reads ``occ_u``, ``occ_v`` and ``n_used``.
    """

    name: str
    formula: str
    tie: Callable[[TieTotals], np.ndarray]
    tie_sql: str
    first: Factor | None = None
    second: Factor | None = None
    pair_sql: str | None = None
    occurrences: bool = False


WEIGHTING_RULES: dict[str, Weighting] = {w.name: w for w in (
    Weighting("full", "w_uv = c_uv (1 per joint event)",
              tie=lambda t: t.count.astype(np.float64),
              tie_sql="CAST({count} AS DOUBLE)"),
    Weighting("fractional", "w_uv = Σ_e s_eu · s_ev (shares of the event)",
              first=lambda e: e.share, second=lambda e: e.share,
              pair_sql="{a}.share * {b}.share",
              tie=lambda t: t.pair_sum, tie_sql="{pair_sum}"),
    Weighting("newman", "w_uv = Σ_e 1 / (n_e − 1) (Newman 2001)",
              first=lambda e: np.divide(1.0, e.size - 1.0, out=np.zeros(len(e.size)),
                                        where=e.size > 1),
              pair_sql="CAST(1 AS DOUBLE) / ({a}.n - 1)",
              tie=lambda t: t.pair_sum, tie_sql="{pair_sum}"),
    Weighting("association", "w_uv = N c_uv / (n_u n_v) (association strength)",
              tie=lambda t: t.n_used * t.count / (t.occ_u * t.occ_v),
              tie_sql="CAST({n_used} AS DOUBLE) * {count} / (CAST({occ_u} AS DOUBLE) * {occ_v})",
              occurrences=True),
)}
"""Weighting name → :class:`Weighting`: the one definition every engine reads."""

WEIGHTINGS: tuple[str, ...] = tuple(WEIGHTING_RULES)
"""The tie weightings, in the order the documentation lists them."""


def weighting_rule(name: str) -> Weighting:
    """The :class:`Weighting` called ``name``.

    Raises
    ------
    ParameterError
        ``name`` is not one of :data:`WEIGHTINGS`.

    Examples
    --------
    >>> weighting_rule("full").formula
    'w_uv = c_uv (1 per joint event)'
    >>> weighting_rule("jaccard")
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: weighting must be one of full, ..., not 'jaccard'
    """
    try:
        return WEIGHTING_RULES[name]
    except (KeyError, TypeError):
        raise ParameterError(f"weighting must be one of {', '.join(WEIGHTINGS)}, "
                             f"not {name!r}") from None

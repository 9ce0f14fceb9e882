"""How strong the evidence behind an organisation's sector is, read from its ``sector_source``.

Every organisation carries the rule that gave its sector in ``sector_source``. Its
confidence follows from the kind of rule, strongest first:

========  ======================================================  =========================
rank      ``sector_source``                                       confidence
========  ======================================================  =========================
5         ``override:…`` (the user's overrides file)              ``high``
4         ``registry:…``, ``ror:type=…``, ``openalex:type=…``     ``high``
3         a source's own type code (``cordis:activityType``,      ``medium``
          ``norway:…``, ``uspto:…``, ``synthetic:truth`` …)
2         a name rule (``name:…``, ``<source>:name:…``)           ``low``
0         sector ``unknown``, whatever the source                 ``none``
========  ======================================================  =========================

Resolution uses the rank to pick the sector of an organisation seen with several; the
report shows the confidence beside the sector of the most connected organisations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["CONFIDENCE_OF_RANK", "sector_confidence", "sector_evidence_rank"]

CONFIDENCE_OF_RANK = {5: "high", 4: "high", 3: "medium", 2: "low", 0: "none"}


def sector_evidence_rank(source: pd.Series, sector: pd.Series) -> np.ndarray:
    """The rank (0–5) of the evidence for each sector (see the module's table).

    Examples
    --------
    >>> src = pd.Series(["registry:ror:type=education", "cordis:activityType",
    ...                  "nserc:name:university", "name:none"])
    >>> sector_evidence_rank(src, pd.Series(["university", "firm", "university", "unknown"])).tolist()
    [4, 3, 2, 0]
    """
    s = source.astype(object).fillna("").astype(str)
    rank = np.where(s.str.startswith("override"), 5,
                    np.where(s.str.match(r"(?:registry|ror:type|openalex:type)"), 4,
                             np.where(s.str.contains(r"(?:^|:)name:") | (s == ""), 2, 3)))
    return np.where(sector.astype(object).fillna("unknown").to_numpy() == "unknown", 0, rank)


def sector_confidence(source: pd.Series, sector: pd.Series) -> np.ndarray:
    """``high`` / ``medium`` / ``low`` / ``none`` for each sector (see the module's table).

    Examples
    --------
    >>> sector_confidence(pd.Series(["openalex:type=company", "name:university"]),
    ...                   pd.Series(["firm", "university"])).tolist()
    ['high', 'low']
    """
    rank = sector_evidence_rank(source, sector)
    return pd.Series(rank).map(CONFIDENCE_OF_RANK).to_numpy(dtype=object)

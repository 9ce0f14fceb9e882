"""Pairwise precision and recall of person links against known identities.

Used to measure :func:`netkit.resolve.resolve_people` where the truth is known: hide
the identifiers a source gives (OpenAlex author ids, ORCIDs), link by names and
context, and compare the links with the ids that were hidden.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["pairwise_scores"]


def _pairs(df: pd.DataFrame, keys: list[str]) -> int:
    n = df.groupby(keys, sort=False).size().to_numpy(dtype=np.int64)
    return int((n * (n - 1) // 2).sum())


def pairwise_scores(predicted, truth, block=None) -> dict[str, float]:
    """Pairwise precision and recall of a clustering of mentions.

    A pair of mentions is *predicted* if both got the same person, *true* if both
    have the same true identity. With ``block``, only pairs inside one block count
    (the pairs a blocked linker can see); every pair is counted once.

    Parameters
    ----------
    predicted, truth : array-like
        Predicted person and true identity of each mention (same length).
    block : array-like, optional
        Block of each mention (e.g. ``surname|first initial``).

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1`` (1.0 when there is nothing to find or
        nothing was linked), ``predicted_pairs``, ``true_pairs``, ``correct_pairs``.

    Examples
    --------
    >>> s = pairwise_scores(["a", "a", "a", "b"], [1, 1, 2, 2])
    >>> s["precision"], s["recall"]
    (0.3333333333333333, 0.5)
    """
    df = pd.DataFrame({"p": np.asarray(predicted, dtype=object),
                       "t": np.asarray(truth, dtype=object)})
    keys = []
    if block is not None:
        df["b"] = np.asarray(block, dtype=object)
        keys = ["b"]
    pred = _pairs(df, [*keys, "p"])
    true = _pairs(df, [*keys, "t"])
    both = _pairs(df, [*keys, "p", "t"])
    precision = both / pred if pred else 1.0
    recall = both / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted_pairs": pred,
            "true_pairs": true, "correct_pairs": both}

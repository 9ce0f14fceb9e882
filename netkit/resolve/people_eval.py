"""Pairwise precision and recall of person links against known identities.

Used to measure :func:`netkit.resolve.resolve_people` where the truth is known: hide
the identifiers a source gives (OpenAlex author ids, ORCIDs), link by names and
context, and compare the links with the ids that were hidden.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["pairwise_scores", "shared_key_clusters"]


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


def shared_key_clusters(n: int, mention, key) -> np.ndarray:
    """Cluster ``n`` mentions so that mentions sharing any key are one cluster.

    A mention may have several keys (one row each in ``mention``/``key``) or none (its
    own cluster). Used to build a gold standard from several kinds of evidence at once:
    same author id, *or* same ORCID, *or* …

    Parameters
    ----------
    n : int
        Number of mentions (numbered ``0 … n-1``).
    mention, key : array-like
        One row per (mention, key) pair; missing keys are ignored.

    Returns
    -------
    ndarray of int
        The cluster of each mention (connected components of mentions and keys).

    Examples
    --------
    >>> shared_key_clusters(4, [0, 1, 1, 2, 3], ["id:a", "id:a", "orcid:x", "orcid:x", None]).tolist()
    [0, 0, 0, 1]
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    df = pd.DataFrame({"m": np.asarray(mention, dtype=np.int64),
                       "k": pd.Series(np.asarray(key, dtype=object))}).dropna()
    kc, _ = pd.factorize(df["k"])
    k = int(kc.max()) + 1 if len(kc) else 0
    rows = df["m"].to_numpy()
    adj = coo_matrix((np.ones(len(df), dtype=np.int8), (rows, n + kc)), shape=(n + k, n + k))
    _, labels = connected_components(adj, directed=False)
    return pd.factorize(labels[:n])[0]

"""Writing and summarising what resolution did: ``audit.csv`` and ``review.csv``.

``audit.csv`` has one row per raw organisation — its id, name and source, the
resolved organisation it became, the method (override, identifier, registry,
exact, fuzzy or none), the score and the evidence. ``review.csv`` lists the pairs
left apart that a person may want to look at: near-misses just below the
threshold and pairs vetoed by a rule (a word left over, different countries,
legal forms or ROR ids), best score first. Both are UTF-8 CSV files written
atomically, byte-identical for identical inputs.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from netkit.model import files

__all__ = ["AUDIT_FILE", "REVIEW_FILE", "method_counts", "resolution_summary", "save_resolution",
           "write_csv"]

AUDIT_FILE = "audit.csv"
REVIEW_FILE = "review.csv"


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` as UTF-8 CSV (LF line ends, scores to 2 decimals) atomically.

    Through netkit's one CSV writer (:func:`netkit.model.files.write_csv`):
    names that a spreadsheet would run as a formula are neutralised.

    Examples
    --------
    >>> import tempfile
    >>> p = write_csv(pd.DataFrame({"a": [1], "b": ["x"]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> p.read_text()
    'a,b\\n1,x\\n'
    """
    return files.write_csv(df, path, index=False, float_format="%.2f")


def save_resolution(resolution, directory: str | Path) -> dict[str, Path]:
    """Save the resolved corpus (Parquet + manifest), ``audit.csv`` and ``review.csv``.

    Returns the paths written, by name (``corpus``, ``audit``, ``review``).

    Examples
    --------
    >>> import tempfile, netkit as nk
    >>> corpus, _ = nk.datasets.synthetic_ecosystem(seed=1, size="tiny")
    >>> paths = save_resolution(nk.resolve.resolve(corpus), tempfile.mkdtemp())
    >>> sorted(paths), paths["audit"].name
    (['audit', 'corpus', 'review'], 'audit.csv')
    """
    directory = Path(directory)
    out = {"corpus": resolution.corpus.save(directory)}
    out["audit"] = write_csv(resolution.audit, directory / AUDIT_FILE)
    out["review"] = write_csv(resolution.review, directory / REVIEW_FILE)
    return out


def method_counts(audit: pd.DataFrame) -> pd.Series:
    """How many raw organisations each method attached, in a fixed order.

    Examples
    --------
    >>> method_counts(pd.DataFrame({"method": ["exact", "exact", "none"]})).to_dict()
    {'override': 0, 'identifier': 0, 'registry': 0, 'exact': 2, 'fuzzy': 0, 'acronym': 0, 'none': 1}
    """
    from netkit.resolve.resolve import METHODS

    return audit["method"].value_counts().reindex(list(METHODS), fill_value=0).rename("raw")


def resolution_summary(resolution) -> dict:
    """What a resolution did, in numbers: raw organisations (strings), resolved
    organisations, the share linked to a registry, abstentions and merges by method.

    Examples
    --------
    >>> import netkit as nk
    >>> corpus, _ = nk.datasets.synthetic_ecosystem(seed=1, size="tiny")
    >>> s = resolution_summary(nk.resolve.resolve(corpus))
    >>> s["strings"] == corpus.n_organizations, s["abstentions"], sorted(s)[:3]
    (True, 0, ['abstentions', 'by_method', 'linked'])
    """
    audit = resolution.audit
    ids = resolution.corpus.org_ids
    with_ror = set(ids.loc[ids["scheme"] == "ror", "org_id"])
    linked = audit["org_id"].isin(with_ror)
    review = resolution.review
    abstained = int(review["reason"].astype(str).str.startswith("registry: abstained").sum()) \
        if len(review) else 0
    return {
        "strings": len(audit),
        "organizations": int(resolution.corpus.n_organizations),
        "linked": int(linked.sum()),
        "linked_share": float(linked.mean()) if len(audit) else 0.0,
        "abstentions": abstained,
        "review": len(review),
        "by_method": method_counts(audit).to_dict(),
    }

"""Bring tables to their canonical dtypes and collect every schema problem."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from netkit.errors import SchemaError
from netkit.model.schema import STRING, TABLES, Column

__all__ = ["check_references", "conform_table", "isin", "make_table"]

_SHOW = 3  # how many offending values an error message quotes


def _quote(values) -> str:
    vals = list(dict.fromkeys(map(str, values)))
    more = f" … (+{len(vals) - _SHOW} more)" if len(vals) > _SHOW else ""
    return ", ".join(repr(v) for v in vals[:_SHOW]) + more


def _cast_column(table: str, col: Column, s: pd.Series, problems: list[str]) -> pd.Series:
    where = f"{table}.{col.name}"
    target = col.pandas_dtype
    if col.categories is not None:
        if (isinstance(s.dtype, pd.CategoricalDtype) and not s.dtype.ordered
                and list(s.dtype.categories) == list(col.categories)):
            return s.astype(target)  # already canonical: every value is a category
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object).where(s.notna(), None)
        present = s.dropna()
        bad = present[~present.isin(col.categories)]
        if len(bad):
            problems.append(
                f"{where}: {len(bad)} row(s) with unknown value(s) {_quote(bad)}; "
                f"allowed: {', '.join(col.categories)}"
            )
            s = s.where(s.isin(col.categories))
        return s.astype(target)
    if target is STRING:
        if ptypes.is_string_dtype(s.dtype) and not ptypes.is_object_dtype(s.dtype):
            return s.astype(STRING)
        present = s.dropna()
        if ptypes.infer_dtype(present, skipna=True) in ("string", "empty"):
            return s.astype(STRING)
        nonstr = present[~present.map(lambda v: isinstance(v, str))]
        if len(nonstr):
            problems.append(
                f"{where}: expected text, found {s.dtype} values such as {_quote(nonstr)}"
            )
            return s.astype(str).where(s.notna()).astype(STRING)
        return s.astype(STRING)
    if ptypes.is_object_dtype(s.dtype) and target in ("Int64", "float64", "int64"):
        present = s.dropna()
        if present.map(lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool)).all():
            s = pd.to_numeric(s) if len(present) else s.astype("float64")
    if target == "Int64":
        if ptypes.is_integer_dtype(s.dtype):
            return s.astype("Int64")
        if ptypes.is_float_dtype(s.dtype):
            frac = s.dropna()
            frac = frac[frac != np.floor(frac)]
            if len(frac) == 0:
                return s.astype("Int64")
            problems.append(f"{where}: expected whole numbers, found {_quote(frac)}")
        else:
            problems.append(f"{where}: expected whole numbers (Int64), found dtype {s.dtype}")
        return pd.Series(pd.NA, index=s.index, dtype="Int64")
    if target in ("float64", "int64"):
        if ptypes.is_numeric_dtype(s.dtype) and not ptypes.is_bool_dtype(s.dtype):
            if target == "int64" and s.isna().any():
                problems.append(f"{where}: missing values in a count column")
                return s.fillna(0).astype("int64")
            return s.astype(target)
        problems.append(f"{where}: expected numbers ({target}), found dtype {s.dtype}")
        return pd.Series(0 if target == "int64" else np.nan, index=s.index, dtype=target)
    return s.astype(target)  # pragma: no cover - every spec dtype is handled above


def _missing_column(col: Column, index: pd.Index) -> pd.Series:
    if col.dtype in ("float64",):
        return pd.Series(np.nan, index=index, dtype="float64")
    if col.dtype == "int64":
        return pd.Series(0, index=index, dtype="int64")
    return pd.Series(pd.NA, index=index, dtype=col.pandas_dtype)


def conform_table(
    name: str, df: pd.DataFrame, problems: list[str] | None = None
) -> pd.DataFrame:
    """Return ``df`` with canonical column order and dtypes, collecting problems.

    Missing optional columns are added (all missing values); missing required
    columns, values of the wrong type, unknown vocabulary values, missing values in
    required columns and duplicate keys are appended to ``problems``. If
    ``problems`` is not given, a :class:`~netkit.errors.SchemaError` is raised
    when any is found. Extra columns are kept after the canonical ones.

    Examples
    --------
    >>> import pandas as pd
    >>> df = conform_table("people", pd.DataFrame({"person_id": ["p1"], "name": ["Ada"]}))
    >>> list(df.columns)
    ['person_id', 'name', 'orcid']
    >>> conform_table("events", pd.DataFrame({"event_id": ["e1"], "kind": ["poem"]}))
    Traceback (most recent call last):
    ...
    netkit.errors.SchemaError: 1 schema problem:
      - events.kind: 1 row(s) with unknown value(s) 'poem'; allowed: publication, patent, contract
    """
    raise_now = problems is None
    problems = [] if problems is None else problems
    spec = TABLES[name]
    if not isinstance(df, pd.DataFrame):
        problems.append(f"{name}: expected a pandas DataFrame, got {type(df).__name__}")
        df = pd.DataFrame()
    df = df.reset_index(drop=True)
    out: dict[str, pd.Series] = {}
    for col in spec.columns:
        if col.name not in df.columns:
            if col.required:
                problems.append(f"{name}: missing column {col.name!r}")
            out[col.name] = _missing_column(col, df.index)
            continue
        s = _cast_column(name, col, df[col.name], problems)
        if col.required:
            n_missing = int(df[col.name].isna().sum())
            if n_missing:
                problems.append(f"{name}.{col.name}: {n_missing} missing value(s) in a required column")
        out[col.name] = s
    extras = [c for c in df.columns if c not in out]
    result = pd.DataFrame(out, index=df.index)
    for c in extras:
        result[c] = df[c]
    if spec.key and all(k in df.columns for k in spec.key):
        dup = result.duplicated(list(spec.key), keep="first")
        if dup.any():
            keys = result.loc[dup, list(spec.key)].astype(str).agg("|".join, axis=1)
            problems.append(f"{name}: {int(dup.sum())} duplicate {'+'.join(spec.key)}: {_quote(keys)}")
    if raise_now and problems:
        raise SchemaError(problems)
    return result


def isin(values: pd.Series, known: pd.Series) -> np.ndarray:
    """Boolean mask: which ``values`` occur in ``known`` (hash join, fast for any string dtype).

    >>> isin(pd.Series(["a", "b", None]), pd.Series(["b"])).tolist()
    [False, True, False]
    """
    if _arrow_strings(values) and _arrow_strings(known):  # no Python objects: hash in C++
        import pyarrow as pa
        import pyarrow.compute as pc

        large = pa.large_string()
        hit = pc.is_in(pa.array(values.array).cast(large),
                       value_set=pa.array(known.dropna().array).cast(large), skip_nulls=True)
        return hit.to_numpy(zero_copy_only=False).astype(bool)
    index = pd.Index(known.dropna().to_numpy(dtype=object)).unique()
    return index.get_indexer(values.to_numpy(dtype=object)) >= 0


def _arrow_strings(s: pd.Series) -> bool:
    return isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"


def check_references(tables: Mapping[str, pd.DataFrame], problems: list[str]) -> None:
    """Append a problem for every reference to an unknown event, organisation or person."""
    events = tables["events"]["event_id"]
    orgs = tables["organizations"]["org_id"]
    people = tables["people"]["person_id"]
    part = tables["participations"]
    for column, known, what in (
        ("event_id", events, "events that"),
        ("org_id", orgs, "organizations that"),
        ("person_id", people, "people that"),
    ):
        _unknown_references("participations", column, part[column], known, what, problems)
    orphan = part["org_id"].isna() & part["person_id"].isna()
    if orphan.any():
        problems.append(
            f"participations: {int(orphan.sum())} row(s) name neither an organisation nor a person"
        )
    _unknown_references("person_ids", "person_id", tables["person_ids"]["person_id"], people,
                        "people who", problems)
    if "event_ids" in tables:
        _unknown_references("event_ids", "event_id", tables["event_ids"]["event_id"], events,
                            "events that", problems)
    _unknown_references("org_ids", "org_id", tables["org_ids"]["org_id"], orgs,
                        "organizations that", problems)


def _unknown_references(table: str, column: str, values: pd.Series, known: pd.Series,
                        what: str, problems: list[str]) -> None:
    """Append a problem if some ``values`` (missing ones aside) are not in ``known``."""
    values = values.dropna()
    unknown = values[~isin(values, known)]
    if len(unknown):
        problems.append(f"{table}.{column}: {len(unknown)} row(s) point at {what} do not exist: "
                        f"{_quote(unknown)}")


def make_table(name: str, data: Mapping[str, object] | pd.DataFrame | None = None) -> pd.DataFrame:
    """Build a canonical table from columns, filling the optional ones.

    Raises :class:`~netkit.errors.SchemaError` if the data do not fit.

    Examples
    --------
    >>> t = make_table("organizations", {"org_id": ["o1"], "name": ["Univ X"], "sector": ["university"]})
    >>> t.loc[0, "sector"], t["founded_year"].dtype
    ('university', Int64Dtype())
    """
    df = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data or {})
    return conform_table(name, df)

"""An organisation registry (the ROR data dump, OpenAlex institutions): ids, types, places,
parents.

A registry gives resolution three things: names to match raw spellings against
(display names and alternative names), strong identifiers for the institutions it
knows (OpenAlex id, ROR, GRID, Wikidata), and facts that outrank name rules —
type (hence sector), country, region, city, coordinates — plus parent/child links
so that a campus or an institute can be rolled up into its parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from netkit.errors import InputError, ParameterError

__all__ = ["Registry", "load_registry"]

_ACRONYM = re.compile(r"^[A-Z0-9&\-\.]{2,6}$")


@dataclass(frozen=True)
class Registry:
    """Institutions of a registry, one row each.

    ``institutions`` has the columns of
    :data:`netkit.ingest.formats.openalex_institutions.INSTITUTION_COLUMNS`
    (``openalex_id``, ``ror``, ``name``, ``sector``, ``sector_source``, ``country``,
    ``region``, ``city``, ``lat``, ``lon``, ``parents``, ``aliases`` …).
    """

    institutions: pd.DataFrame

    def __len__(self) -> int:
        return len(self.institutions)

    def names(self) -> pd.DataFrame:
        """One row per (institution, name): the display name and alternative names.

        Acronyms (``MIT``, ``ISED``) are left out: too many organisations share them.

        Examples
        --------
        >>> reg = Registry(pd.DataFrame({"openalex_id": ["I1"], "name": ["Massachusetts "
        ...     "Institute of Technology"], "aliases": [("MIT", "Massachusetts Inst Tech")]}))
        >>> reg.names().values.tolist()
        [['I1', 'Massachusetts Institute of Technology', True], ['I1', 'Massachusetts Inst Tech', False]]
        """
        inst = self.institutions
        rows = []
        for iid, name, aliases in zip(inst["openalex_id"].tolist(), inst["name"].tolist(),
                                      inst["aliases"].tolist(), strict=True):
            if isinstance(name, str) and name.strip():
                rows.append((iid, name, True))
            seen = {name}
            for a in aliases or ():
                if isinstance(a, str) and a.strip() and a not in seen and not _ACRONYM.match(a):
                    seen.add(a)
                    rows.append((iid, a, False))
        return pd.DataFrame(rows, columns=["openalex_id", "name", "display"])


def load_registry(source) -> Registry:
    """Load a registry from a ready table or the ROR data dump.

    Parameters
    ----------
    source : Registry, DataFrame, path, or list of paths and DataFrames
        A :class:`Registry`; a table like the one
        :func:`netkit.ingest.formats.openalex_institutions.read_institutions` or
        :func:`netkit.resolve.ror.read_ror` returns; the ROR data dump (its zip, the
        schema-v2 JSON inside it, plain or gzipped, or its CSV flavour); or a list of
        such tables and dumps. Other registry files (OpenAlex institutions JSON Lines)
        are read by :mod:`netkit.ingest` (:func:`netkit.ingest.read_registry_files`,
        which the CLI and the report call) and given here as tables.

    Raises
    ------
    InputError
        If a file does not exist, is not a ROR dump, or holds no institution.
    ParameterError
        If a table lacks the ``openalex_id`` and ``name`` columns.

    Examples
    --------
    >>> reg = load_registry(pd.DataFrame({"openalex_id": ["I1"], "name": ["Univ A"]}))
    >>> len(reg), list(reg.institutions["aliases"])
    (1, [()])
    """
    if isinstance(source, Registry):
        return source
    if isinstance(source, pd.DataFrame):
        df = source.copy()
    else:
        from netkit.resolve.ror import is_ror_file, read_ror

        items = [source] if isinstance(source, str | Path) else list(source)
        frames = []
        for item in items:
            if isinstance(item, pd.DataFrame):
                frames.append(item)
                continue
            if not Path(item).exists():
                raise InputError("registry file not found", file=str(item),
                                 hint="give the ROR data dump (zip, JSON or CSV) or an "
                                      "OpenAlex institutions JSON Lines file")
            if not (Path(item).is_file() and is_ror_file(item)):
                raise InputError("not a ROR data dump", file=str(item),
                                 hint="read OpenAlex institution files with "
                                      "netkit.ingest.read_registry_files and pass the tables")
            frames.append(read_ror(item))
        if not frames:
            raise ParameterError("no registry given: pass a table or the ROR data dump")
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].copy()
        if df.empty:
            first = next((str(i) for i in items if not isinstance(i, pd.DataFrame)), "registry")
            raise InputError("no institution found", file=first,
                             hint="a registry is the ROR data dump or an OpenAlex "
                                  "institutions JSON Lines file")
    missing = {"openalex_id", "name"} - set(df.columns)
    if missing:
        raise ParameterError(f"registry table lacks column(s) {sorted(missing)}")
    defaults = {"ror": None, "grid": None, "wikidata": None, "sector": "unknown",
                "sector_source": None, "country": None, "region": None, "city": None,
                "lat": float("nan"), "lon": float("nan"), "type": None,
                "registry": "openalex", "status": "active"}
    for col, value in defaults.items():
        if col not in df.columns:
            df[col] = value
    for col in ("parents", "children", "aliases", "acronyms", "successors"):
        if col not in df.columns:
            df[col] = [()] * len(df)
        else:
            df[col] = [tuple(v) if isinstance(v, list | tuple) else () for v in df[col]]
    df = df.drop_duplicates("openalex_id").reset_index(drop=True)
    return Registry(df)

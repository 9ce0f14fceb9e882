"""Registry files for resolution: OpenAlex institutions read into tables.

:func:`netkit.resolve.load_registry` takes tables and the ROR data dump; it does not
read source formats (``resolve`` does not import ``ingest``). The CLI and the report
hand their ``--registry`` files through :func:`read_registry_files` first.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from netkit.errors import InputError
from netkit.ingest.formats.openalex_institutions import read_institutions
from netkit.ingest.read import sniff

__all__ = ["read_registry_files"]


def _is_institutions(path: Path) -> bool:
    if path.is_dir():
        return True
    if not path.is_file():
        return False
    try:
        return sniff(path) == "openalex-institutions"
    except InputError:  # not a format ingest reads (a ROR zip of several files)
        return False


def read_registry_files(paths: str | Path | Iterable[str | Path] | None
                        ) -> list[pd.DataFrame | Path] | None:
    """OpenAlex institution files (and folders of them) read into registry tables;
    other files (the ROR data dump, which :mod:`netkit.resolve` reads) passed on as paths.

    Parameters
    ----------
    paths : path, iterable of paths, or None

    Returns
    -------
    list of DataFrame and Path, or None
        In the order given, for :func:`netkit.resolve.load_registry`; ``None`` for ``None``.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> inst = {"id": "https://openalex.org/I1", "display_name": "Univ A", "works_count": 1}
    >>> _ = (d / "inst.jsonl").write_text(json.dumps(inst) + "\\n")
    >>> _ = (d / "ror.csv").write_text("id,names.types.ror_display\\n")
    >>> out = read_registry_files([d / "inst.jsonl", d / "ror.csv"])
    >>> out[0]["openalex_id"].tolist(), out[1].name
    (['I1'], 'ror.csv')
    """
    if paths is None:
        return None
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    return [read_institutions(Path(p)) if _is_institutions(Path(p)) else Path(p) for p in items]

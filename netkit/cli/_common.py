"""Helpers shared by the subcommands: loading a corpus, checking output paths."""

from __future__ import annotations

import os
from pathlib import Path

from netkit.errors import ParameterError

__all__ = ["check_output", "load_corpus"]


def load_corpus(path: str | os.PathLike[str]):
    """The saved corpus at ``path`` (see :func:`netkit.pipeline.load_corpus`)."""
    from netkit.pipeline.load import load_corpus as load

    return load(path)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output(out: str | os.PathLike[str], inputs, *, what: str = "--out") -> Path:
    """Refuse an output path that is an input file, or lies in (or is) an input folder.

    Parameters
    ----------
    out : path
        The file or folder the command will write.
    inputs : iterable of paths
        The files and folders it reads (a corpus folder, a registry …).

    Returns
    -------
    pathlib.Path
        ``out`` (as given).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> corpus = pathlib.Path(tempfile.mkdtemp())
    >>> check_output(corpus / "events.parquet", [corpus])
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: --out ... lies inside the input folder ...; refusing to write into an input — choose another output
    """
    target = Path(out).resolve()
    for given in inputs:
        if given is None:
            continue
        src = Path(given).resolve()
        if src.is_dir() and _inside(target, src):
            raise ParameterError(f"{what} {out} lies inside the input folder {given}; refusing "
                                 "to write into an input — choose another output")
        if target == src:
            raise ParameterError(f"{what} {out} is the input {given}; refusing to overwrite an "
                                 "input — choose another output")
    return Path(out)

"""Exceptions raised by netkit.

Every exception derives from :class:`NetkitError` and also from the builtin
exception a caller would expect (``ValueError``, ``OSError`` …), in the manner of
``networkx.exception``. Library code raises; only the command line turns an error
into one line on stderr and exit code 2.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CorpusIntegrityError",
    "EmptyGraphError",
    "FormatError",
    "InputError",
    "NetkitError",
    "ParameterError",
    "RecordError",
    "SchemaError",
]


class NetkitError(Exception):
    """Base class for every error netkit raises on purpose."""


class InputError(NetkitError, ValueError):
    """An input file cannot be read as asked.

    Parameters
    ----------
    message : str
        What is wrong.
    file : str, optional
        The file concerned.
    line : int, optional
        The 1-based line (or record number) where the problem was found.
    hint : str, optional
        What the user can do about it.

    Examples
    --------
    >>> err = InputError("undeclared byte 0xe9", file="a.csv", line=12, hint="pass --encoding cp1252")
    >>> str(err)
    'a.csv:12: undeclared byte 0xe9 (pass --encoding cp1252)'
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"


class FormatError(InputError):
    """The format of an input file is unknown or not the one declared."""


class RecordError(NetkitError, ValueError):
    """One record of an input file cannot be loaded: the reader quarantines it.

    Readers raise it, with the reason as message, while they check a record and
    before they add any of its rows; the reading loop catches it and sets the record
    aside with its line and raw text (counted as quarantined). Only this exception
    means "bad record": any other exception raised while reading a record is a bug in
    the reader and propagates.

    Examples
    --------
    >>> err = RecordError("bad date '2015-13-01'")
    >>> str(err), isinstance(err, ValueError)
    ("bad date '2015-13-01'", True)
    """


class CorpusIntegrityError(InputError):
    """A saved corpus folder was altered: a file is missing or its hash changed."""


class SchemaError(NetkitError, ValueError):
    """Tables do not follow the canonical schema.

    All problems are collected and reported at once.

    Parameters
    ----------
    problems : iterable of str
        One human-readable line per problem.

    Examples
    --------
    >>> err = SchemaError(["events: missing column 'kind'", "people: duplicate person_id 'p1'"])
    >>> len(err.problems)
    2
    >>> print(err)
    2 schema problems:
      - events: missing column 'kind'
      - people: duplicate person_id 'p1'
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} schema problem{'s' if n != 1 else ''}:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


class ParameterError(NetkitError, ValueError):
    """A function or command received an invalid parameter value."""


class EmptyGraphError(NetkitError, ValueError):
    """An operation needs a graph with nodes (or edges) and got none."""

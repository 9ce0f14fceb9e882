"""Rules shared by the command line and the library that need nothing but the standard library.

The command line checks them before it imports anything heavy: a dependency
(numpy) reads ``SOURCE_DATE_EPOCH`` while it is imported and fails with a
traceback on a value that is not an integer, so netkit has to look first.
"""

from __future__ import annotations

import codecs
import os

from netkit.errors import ParameterError

__all__ = ["SEED_LIMIT", "check_encoding", "check_seed", "source_date_epoch"]

SEED_LIMIT = 2**63
"""Seeds are integers ``0 <= seed < SEED_LIMIT`` (they fit numpy's and igraph's generators)."""


def check_seed(value: object, name: str = "seed") -> int:
    """The one rule for seeds everywhere (CLI, TOML, library): a non-negative integer below 2**63.

    Parameters
    ----------
    value : object
        The seed; an integer, or its decimal text (as the command line gives it).
    name : str
        How the seed is called in the error message (``--seed``, ``seed`` …).

    Returns
    -------
    int

    Raises
    ------
    ParameterError
        Not an integer, negative, or too large.

    Examples
    --------
    >>> check_seed(7), check_seed("12")
    (7, 12)
    >>> check_seed(-5, "--seed")
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: --seed must be an integer from 0 to 2**63-1, not -5
    """
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ParameterError(f"{name} must be an integer from 0 to 2**63-1, "
                                 f"not {value!r}") from None
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise ParameterError(f"{name} must be an integer from 0 to 2**63-1, not {value!r}")
    seed = int(value)  # type: ignore[call-overload]
    if not 0 <= seed < SEED_LIMIT:
        raise ParameterError(f"{name} must be an integer from 0 to 2**63-1, not {seed}")
    return seed


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as an integer, ``None`` if unset or blank.

    Raises
    ------
    ParameterError
        The variable is set to something that is not an integer number of seconds.

    Examples
    --------
    >>> import os
    >>> saved = os.environ.get("SOURCE_DATE_EPOCH")
    >>> os.environ["SOURCE_DATE_EPOCH"] = "1700000000"; source_date_epoch()
    1700000000
    >>> os.environ["SOURCE_DATE_EPOCH"] = "abc"; source_date_epoch()
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: SOURCE_DATE_EPOCH must be an integer (seconds since 1970-01-01 UTC), not 'abc'
    >>> del os.environ["SOURCE_DATE_EPOCH"]; source_date_epoch() is None
    True
    >>> if saved is not None: os.environ["SOURCE_DATE_EPOCH"] = saved
    """
    text = os.environ.get("SOURCE_DATE_EPOCH")
    if text is None or not text.strip():
        return None
    try:
        value = int(text.strip())
    except ValueError:
        value = None
    if value is None or not 0 <= value < 253402300800:  # before year 10000
        raise ParameterError("SOURCE_DATE_EPOCH must be an integer (seconds since 1970-01-01 "
                             f"UTC), not {text!r}")
    return value


def check_encoding(name: str, what: str = "encoding") -> str:
    """``name`` if Python knows it as a text encoding (``utf-8``, ``cp1252`` …).

    Raises
    ------
    ParameterError
        Unknown, or a codec that is not a text encoding (``base64``, ``zlib`` …).

    Examples
    --------
    >>> check_encoding("latin-1")
    'latin-1'
    >>> check_encoding("klingon-8", "--encoding")
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: --encoding is not a known text encoding: 'klingon-8' (e.g. utf-8, cp1252, latin-1, utf-16)
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise ParameterError(f"{what} is not a known text encoding: {name!r} "
                             "(e.g. utf-8, cp1252, latin-1, utf-16)")
    return name

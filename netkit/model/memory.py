"""Give freed memory back to the operating system between the stages of long runs."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any


def _libc_malloc_trim() -> Callable[[int], Any] | None:
    """glibc's ``malloc_trim``; None where there is none (macOS, musl, Windows)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _libc_malloc_trim()


def release_memory() -> None:
    """Hand the free pages of the C heap back to the operating system (glibc only).

    networkit, ARPACK, igraph, numpy and pandas free many blocks that glibc keeps in
    its heap (its mmap threshold grows with each freed block, so later blocks come
    from the heap, which it does not give back by itself); without a trim the peak of
    a long run stacks every earlier stage's leftovers. A no-op where ``malloc_trim``
    does not exist.

    Examples
    --------
    >>> release_memory()  # returns nothing; RSS may drop
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)

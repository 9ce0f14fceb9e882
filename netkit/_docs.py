"""Docstring fragments that several metrics share, written once and filled in at import.

A line of a docstring that holds only ``{name}`` is replaced by the fragment
``name``, indented like that line, so that the numpydoc sections (Parameters,
Raises …) that sibling metrics have in common are written in one place and
``help()``, Sphinx and the doctests see the whole text.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\{(?P<name>\w+)\}[ \t]*$", re.MULTILINE)


def fill_doc(fragments: Mapping[str, str]) -> Callable[[F], F]:
    """Decorator: replace every line ``{name}`` of the docstring by ``fragments[name]``.

    An unknown name raises ``KeyError`` at import (a typo cannot ship).

    Examples
    --------
    >>> @fill_doc({"weight": '''weight : str or None
    ...     Edge attribute.'''})
    ... def f(weight=None):
    ...     '''Do it.
    ...
    ...     Parameters
    ...     ----------
    ...     {weight}
    ...     '''
    >>> import inspect
    >>> print(inspect.getdoc(f))
    Do it.
    <BLANKLINE>
    Parameters
    ----------
    weight : str or None
        Edge attribute.
    """
    def fill(match: re.Match[str]) -> str:
        return textwrap.indent(textwrap.dedent(fragments[match["name"]]).strip("\n"), match["indent"])

    def decorate(func: F) -> F:
        if func.__doc__:  # None under python -OO
            func.__doc__ = _PLACEHOLDER.sub(fill, func.__doc__)
        return func

    return decorate

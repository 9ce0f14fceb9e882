"""Parameter objects: one frozen dataclass per step, each field declared once with its rules.

A field is declared with :func:`option`: its default, help text, choices or
allowed range, and how it appears on the command line (``flag``) and in the
report's TOML file (``key``, and a ``report`` default where the report runs a
lighter setting than the command). Everything else is generated from these
declarations: the argparse options (:mod:`netkit.pipeline.cli_options`), the
TOML schema and its validation (:mod:`netkit.pipeline.schema`) and the README's
configuration reference.

Examples
--------
>>> from netkit.pipeline import DiffusionParams
>>> DiffusionParams(runs=10).runs
10
>>> DiffusionParams(model="sir")
Traceback (most recent call last):
...
netkit.errors.ParameterError: 'model' must be one of 'ic', 'si', not 'sir'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from netkit.errors import ParameterError

__all__ = ["NOT_SET", "Params", "Range", "check_value", "option", "options_of"]


class _NotSet:
    def __repr__(self) -> str:
        return "NOT_SET"


NOT_SET: Any = _NotSet()
"""No report default of its own (the report uses the field's default)."""


@dataclass(frozen=True)
class Range:
    """A closed or open numeric interval, with its text for messages and docs.

    >>> r = Range(0, 1, low_open=True)
    >>> r(0.5), r(0), str(r)
    (True, False, '0 < x ≤ 1')
    """

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    text: str | None = None

    def __call__(self, value: Any) -> bool:
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return not (self.high is not None
                    and (value >= self.high if self.high_open else value > self.high))

    def __str__(self) -> str:
        if self.text:
            return self.text

        def num(v: float) -> str:
            return f"{v:,}" if isinstance(v, int) else f"{v:g}"
        left = f"{num(self.low)} {'<' if self.low_open else '≤'} " if self.low is not None else ""
        right = f" {'<' if self.high_open else '≤'} {num(self.high)}" if self.high is not None else ""
        return f"{left}x{right}"


@dataclass(frozen=True)
class Rule:
    """A check that is neither choices nor a range: a predicate and its text."""

    test: Callable[[Any], bool]
    text: str
    message: str | None = None

    def __call__(self, value: Any) -> bool:
        return bool(self.test(value))

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Option:
    """The rules of one parameter (kept in the dataclass field's metadata)."""

    help: str
    types: tuple[type, ...] = ()
    choices: tuple[Any, ...] | None = None
    each: bool = False
    check: Callable[[Any], bool] | None = None
    flag: str | None = None
    short: str | None = None
    key: str | None = None
    report: Any = NOT_SET
    parse: Callable[[str], Any] | None = None
    nargs: str | None = None
    action: str | None = None
    metavar: str | None = None
    path: bool = False
    example: str | None = None
    note: str | None = None

    def allowed(self) -> str:
        """The allowed values as text (for help, messages and the README)."""
        if self.choices is not None:
            return " | ".join(_toml(c) for c in self.choices)
        return str(self.check) if self.check is not None else ""


_AUTO = "<auto>"


def option(default: Any, help: str, *, types: type | tuple[type, ...] = (),
           choices: Sequence[Any] | None = None, each: bool = False,
           check: Callable[[Any], bool] | None = None, flag: str | None = _AUTO,
           short: str | None = None, key: str | None = _AUTO, report: Any = NOT_SET,
           parse: Callable[[str], Any] | None = None, nargs: str | None = None,
           action: str | None = None, metavar: str | None = None, path: bool = False, example: str | None = None,
           note: str | None = None) -> Any:
    """A dataclass field with its rules.

    Parameters
    ----------
    default
        The default of the library and the command line.
    help : str
        One line; shown by ``--help``, in the README and in error messages.
    types : type or tuple of types
        What the TOML file may give (``bool`` is never taken for ``int``).
    choices : sequence, optional
        The allowed values (``each``: of every element of a list).
    check : callable, optional
        A :class:`Range` or :class:`Rule` the value must pass.
    flag : str or None
        The command-line option (default ``--name-with-dashes``; None: not on the command line).
    key : str or None
        The TOML key (default the field name; None: not in the TOML file).
    report : optional
        The report's default where it differs from ``default`` (a lighter run).
    parse : callable, optional
        Turns the command-line text into the value (argparse ``type``).
    path : bool
        A file path: made absolute relative to the TOML file.
    example : str, optional
        A TOML value shown (commented out) in the reference when the default is None.
    """
    if not isinstance(types, tuple):
        types = (types,)
    meta = Option(help=help, types=types, choices=tuple(choices) if choices is not None else None,
                  each=each, check=check, flag=flag, short=short, key=key, report=report,
                  parse=parse, nargs=nargs, action=action, metavar=metavar, path=path, example=example,
                  note=note)
    if isinstance(default, list | dict | set):
        raise TypeError("mutable defaults: use a tuple")
    return dataclasses.field(default=default, metadata={"netkit": meta})


def options_of(cls: type) -> list[tuple[dataclasses.Field, Option]]:
    """The fields of a parameter class with their :class:`Option`, in declaration order."""
    out = []
    for f in dataclasses.fields(cls):
        meta = f.metadata.get("netkit")
        if meta is None:
            continue
        flag = f"--{f.name.replace('_', '-')}" if meta.flag == _AUTO else meta.flag
        key = f.name if meta.key == _AUTO else meta.key
        out.append((f, dataclasses.replace(meta, flag=flag, key=key)))
    return out


def _toml(value: Any) -> str:
    """A value written as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string",
               list: "a list"}


def check_value(opt: Option, value: Any, label: str, *, typed: bool = False) -> Any:
    """Check one value against its option; raise ParameterError naming ``label``.

    ``typed``: also check the TOML types (values read from a file).
    """
    if value is None:
        return value
    if typed and opt.types:
        ok = isinstance(value, opt.types) and not (isinstance(value, bool)
                                                     and bool not in opt.types)
        if not ok:
            want = " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in opt.types)
            raise ParameterError(f"'{label}' must be {want}, not {value!r}")
    if opt.choices is not None:
        values = (value if isinstance(value, list | tuple) else [value]) if opt.each else [value]
        for v in values:
            if v not in opt.choices:
                raise ParameterError(f"'{label}' must be one of "
                                     f"{', '.join(map(repr, opt.choices))}, not {value!r}")
    if opt.check is not None and not opt.check(value):
        message = getattr(opt.check, "message", None)
        if message and "{value!r}" in message:
            raise ParameterError(f"'{label}' " + message.replace("{value!r}", repr(value)))
        if message:
            raise ParameterError(f"'{label}' {message}, not {value!r}")
        raise ParameterError(f"'{label}' is out of range: {value!r} (allowed: {opt.check})")
    return value


class Params:
    """Base of the parameter objects: frozen dataclasses checked when made.

    ``SECTION`` is the TOML table of the class (None: not in the report's file).
    """

    SECTION: ClassVar[str | None] = None

    def __post_init__(self) -> None:
        for f, opt in options_of(type(self)):
            value = getattr(self, f.name)
            if isinstance(value, list):  # frozen and hashable: lists become tuples
                object.__setattr__(self, f.name, value := tuple(value))
            check_value(opt, value, f.name)

    @classmethod
    def report_defaults(cls) -> dict[str, Any]:
        """The TOML keys of the class with the report's defaults, in declaration order."""
        out = {}
        for f, opt in options_of(cls):
            if opt.key is not None:
                value = opt.report if opt.report is not NOT_SET else f.default
                out[opt.key] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_report(cls, values: dict[str, Any], **extra: Any):
        """The parameters of a validated TOML section (keys as in the file)."""
        kw = dict(extra)
        for f, opt in options_of(cls):
            if opt.key is not None and opt.key in values:
                v = values[opt.key]
                kw[f.name] = tuple(v) if isinstance(v, list) else v
            elif opt.key is not None and opt.report is not NOT_SET:
                kw[f.name] = opt.report
        return cls(**kw)

"""argparse options generated from the parameter objects (no option is written by hand twice).

Examples
--------
>>> import argparse
>>> from netkit.pipeline import DiffusionParams
>>> parser = argparse.ArgumentParser()
>>> add_options(parser, DiffusionParams, only=("model", "runs"))
>>> args = parser.parse_args(["--model", "si"])
>>> params_from_args(DiffusionParams, args)
DiffusionParams(model='si', beta=0.1, runs=1000, seeds=('university',), max_steps=None, jobs=1, efficiency=False, strict=False)
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from netkit.errors import ParameterError
from netkit.pipeline.params import options_of

__all__ = ["add_options", "params_from_args"]


def _help(f, opt) -> str:
    text = opt.help
    if opt.choices is not None and opt.parse is not None:
        text += f" ({', '.join(map(str, opt.choices))})"
    default = f.default
    if default is not None and default != () and not isinstance(default, bool):
        shown = ", ".join(map(str, default)) if isinstance(default, tuple) else default
        text += f" (default {shown})"
    return text.replace("%", "%%")


def add_options(parser: argparse.ArgumentParser | Any, cls: type, *,
                only: Iterable[str] | None = None, skip: Iterable[str] = ()) -> None:
    """Add the command-line options of a parameter class to ``parser``.

    Parameters
    ----------
    parser : argparse.ArgumentParser or argument group
    cls : a :class:`~netkit.pipeline.params.Params` subclass
    only, skip : names of fields, optional
        Add only these fields (in this order) / leave these out.
    """
    table = {f.name: (f, opt) for f, opt in options_of(cls) if opt.flag is not None}
    names = list(only) if only is not None else list(table)
    for name in names:
        if name in skip:
            continue
        f, opt = table[name]
        flags = [opt.flag] + ([opt.short] if opt.short else [])
        kw: dict[str, Any] = {"dest": f.name, "help": _help(f, opt)}
        if isinstance(f.default, bool) and opt.parse is None:
            kw["action"] = "store_false" if f.default else "store_true"
        else:
            default = f.default
            listed = isinstance(default, tuple) and (opt.nargs or opt.action)
            kw["default"] = list(default) if listed else default
            # a parse function runs in params_from_args, so that its error is one line of
            # netkit's (exit 2 naming the option), not argparse's "invalid value"
            if opt.parse or isinstance(default, tuple):
                kind: Any = str
            elif default is not None:
                kind = type(default)
            else:  # no default: the number type the file takes, else text
                kind = next((t for t in opt.types if t in (int, float)), str)
            kw["type"] = kind
            if opt.choices is not None and opt.parse is None:
                kw["choices"] = opt.choices
            if opt.nargs:
                kw["nargs"] = opt.nargs
            if opt.action:
                kw["action"] = opt.action
            kw["metavar"] = opt.metavar
        parser.add_argument(*flags, **kw)


def params_from_args(cls: type, args: argparse.Namespace, **extra: Any):
    """The parameter object of the options :func:`add_options` added (plus ``extra`` fields).

    A value out of its allowed range is a ParameterError naming the option.
    """
    kw: dict[str, Any] = {}
    flags = {}
    for f, opt in options_of(cls):
        if opt.flag is None or not hasattr(args, f.name) or f.name in extra:
            continue
        value = getattr(args, f.name)
        if opt.parse is not None and isinstance(value, str):
            value = opt.parse(value)
        elif opt.parse is not None and isinstance(value, list):
            value = [opt.parse(v) if isinstance(v, str) else v for v in value]
        if isinstance(value, list):
            value = tuple(value)
        kw[f.name] = value
        flags[f"'{f.name}'"] = opt.flag
    try:
        return cls(**kw, **extra)
    except ParameterError as exc:  # name the option as the user typed it
        text = str(exc)
        head = text.split(" ", 1)[0]
        if head in flags:
            raise ParameterError(flags[head] + text[len(head):]) from None
        raise

"""The report's TOML schema, generated from the parameter objects, and its reference text.

:data:`SECTIONS` maps each TOML table to its parameter class; the report's
validator (:mod:`netkit.report.config`) checks every key through
:func:`validate_section`, and :func:`toml_reference` writes the complete
commented configuration that the README shows (``scripts/config_reference.py``
puts it there; a test keeps it in sync).

Examples
--------
>>> validate_section("diffusion", {"runs": 50})
{'runs': 50}
>>> validate_section("diffusion", {"runs": 0})
Traceback (most recent call last):
...
netkit.errors.ParameterError: 'diffusion.runs' is out of range: 0 (allowed: 1 ≤ x ≤ 1,000,000)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from netkit._rules import SEED_LIMIT
from netkit.errors import ParameterError
from netkit.pipeline.compare import CompareParams
from netkit.pipeline.diffusion import DiffusionParams
from netkit.pipeline.dynamics import DynamicsParams, MobilityParams, RegionsParams
from netkit.pipeline.graph import GraphParams
from netkit.pipeline.load import InputParams, SyntheticParams
from netkit.pipeline.params import NOT_SET, Params, Range, _toml, check_value, option, options_of
from netkit.pipeline.resolve import ResolveParams
from netkit.pipeline.structure import BrokerageParams, StructureParams
from netkit.pipeline.view import ViewParams

__all__ = ["ANALYSES", "SECTIONS", "TopParams", "path_keys", "toml_reference",
           "unknown_key", "validate_section"]

ANALYSES = ("structure", "brokerage", "diffusion", "dynamics", "mobility", "regions",
            "before_after")
"""The optional analyses of a report, in report order."""


@dataclass(frozen=True)
class TopParams(Params):
    """The top-level keys of the report file."""

    title: str = option("netkit report", "report title", types=str, flag=None,
                        example='"Regional innovation ecosystem"')
    out: str | None = option(None, "output folder (or --out)", types=str, flag=None, path=True,
                             example='"reports/ecosystem"')
    seed: int = option(0, "seed of every random step", types=int,
                       check=Range(0, SEED_LIMIT, high_open=True,
                                                      text="0 ≤ x < 2**63"))


SECTIONS: dict[str, type[Params]] = {
    "synthetic": SyntheticParams, "resolve": ResolveParams, "graph": GraphParams,
    "structure": StructureParams, "brokerage": BrokerageParams, "diffusion": DiffusionParams,
    "dynamics": DynamicsParams, "mobility": MobilityParams, "regions": RegionsParams,
    "before_after": CompareParams, "view": ViewParams,
}
"""TOML table → parameter class (the report's sections, in the file's order)."""


def keys_of(section: str) -> dict[str, Any]:
    """TOML key → (field, option) of a section (``inputs``: of each ``[[inputs]]`` table)."""
    cls = InputParams if section == "inputs" else SECTIONS[section]
    return {opt.key: (f, opt) for f, opt in options_of(cls) if opt.key is not None}


def path_keys() -> set[tuple[str, str]]:
    """(section, key) of every key that names a file."""
    return {(s, k) for s in SECTIONS for k, (_, o) in keys_of(s).items() if o.path}


def unknown_key(key: str, known: list[str], prefix: str = "") -> ParameterError:
    """The error for an unknown key, with the closest known one."""
    close = difflib.get_close_matches(key, known, n=1)
    msg = f"unknown key '{prefix}{key}'"
    if close:
        return ParameterError(msg + f" (did you mean '{prefix}{close[0]}'?)")
    err = ParameterError(msg)
    err.hint = "known keys: " + ", ".join(f"{prefix}{k}" for k in known)  # type: ignore[attr-defined]
    return err


def validate_section(section: str, table: dict[str, Any], where: str | None = None
                     ) -> dict[str, Any]:
    """Check every key of one TOML table (types, choices, ranges); return it as given.

    Raises ParameterError naming ``where.key`` (``where`` defaults to the section).
    """
    keys = keys_of(section)
    where = where or section
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in keys:
            raise unknown_key(key, list(keys), f"{where}.")
        _, opt = keys[key]
        out[key] = check_value(opt, value, f"{where}.{key}", typed=True)
    return out


def check_top(key: str, value: Any) -> Any:
    """Check one top-level key (title, out, seed)."""
    opts = {o.key: o for _, o in options_of(TopParams)}
    return check_value(opts[key], value, key, typed=True)


# -- the reference ---------------------------------------------------------------------
_WIDTH = 44


def _line(code: str, comment: str) -> str:
    if not comment:
        return code
    return f"{code:<{_WIDTH - 1}} # {comment}" if len(code) < _WIDTH - 1 else f"{code}  # {comment}"


def _comment(f, opt) -> str:
    allowed = opt.allowed()
    return f"{opt.help} ({allowed})" if allowed else opt.help


def _section_lines(cls: type[Params], commented: bool = False,
                   required: tuple[str, ...] = ()) -> list[str]:
    lines = []
    for f, opt in options_of(cls):
        if opt.key is None:
            continue
        value = opt.report if opt.report is not NOT_SET else f.default
        if value is None:
            code = ("" if opt.key in required else "# ") + f"{opt.key} = {opt.example}"
        else:
            code = ("# " if commented else "") + f"{opt.key} = {_toml(value)}"
        lines.append(_line(code, _comment(f, opt)))
    return lines


def toml_reference() -> str:
    """Every key of the report file with its default, allowed values and meaning (TOML).

    Keys whose default is unset are shown commented out, with an example value.

    Examples
    --------
    >>> text = toml_reference()
    >>> 'weighting = "full"' in text and "[before_after]" in text
    True
    """
    out = _section_lines(TopParams)
    out += ["", _line("[[inputs]]", InputParams.TITLE)]
    out += _section_lines(InputParams, required=("path",))
    out += ["", _line("# [synthetic]", SyntheticParams.TITLE)]
    out += _section_lines(SyntheticParams, commented=True)
    for name, cls in SECTIONS.items():
        if name == "synthetic":
            continue
        if name == "structure":
            out += ["", _line("[analyses]", "which sections to run (all true by default)")]
            out += [f"{a} = true" for a in ANALYSES]
        out += ["", _line(f"[{name}]", getattr(cls, "TITLE", ""))]
        out += _section_lines(cls)
    return "\n".join(out) + "\n"


START = "<!-- config-reference:start (generated by scripts/config_reference.py; do not edit) -->"
END = "<!-- config-reference:end -->"


def readme_reference() -> str:
    """The README's configuration reference: the TOML reference in a fenced block, between
    the markers :data:`START` and :data:`END`."""
    return f"{START}\n```toml\n{toml_reference()}```\n{END}"


def replace_reference(text: str, reference: str) -> str:
    """``text`` with what lies between the markers (inclusive) replaced by ``reference``.

    >>> replace_reference(f"a\\n{START}\\nold\\n{END}\\nb", "NEW")
    'a\\nNEW\\nb'
    """
    try:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
    except ValueError:
        raise ParameterError("README.md has no configuration-reference markers") from None
    return head + reference + tail

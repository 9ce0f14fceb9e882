"""The report configuration: a TOML file (or a mapping) validated into a :class:`ReportConfig`.

Every key is checked; an error names the key, the file and what is allowed.
Relative paths in a file are relative to the folder of that file (in a mapping,
to the current folder); every path is made absolute and normalised, so that
``run.json`` does not depend on how the configuration file was named.

The keys, their defaults and allowed values are those of the parameter
objects of :mod:`netkit.pipeline` (one per step; :data:`netkit.pipeline.schema.SECTIONS`
maps each TOML table to its class); the example below is generated from them,
as is the README's reference. A complete configuration::

"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from netkit.errors import InputError, ParameterError
from netkit.pipeline.schema import (
    ANALYSES,
    SECTIONS,
    check_top,
    path_keys,
    toml_reference,
    unknown_key,
    validate_section,
)

__all__ = ["ANALYSES", "DEFAULTS", "InputSpec", "ReportConfig", "load_config"]

__doc__ = (__doc__ or "") + "".join(f"    {line}\n" if line else "\n"
                                   for line in toml_reference().splitlines())

DEFAULTS: dict[str, dict[str, Any]] = {name: cls.report_defaults() for name, cls in SECTIONS.items()}
"""Each TOML table's defaults, generated from its parameter class."""
TOP_LEVEL = ("title", "out", "seed", "inputs", "synthetic", "resolve", "graph", "analyses",
             "view", *ANALYSES)
PATH_KEYS = path_keys()


@dataclass(frozen=True)
class InputSpec:
    """One input: a file, a folder of files, or a saved corpus folder."""

    path: Path
    format: str = "auto"
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "encoding": self.encoding}


@dataclass(frozen=True)
class ReportConfig:
    """A validated report configuration.

    Build it with :func:`load_config` (a TOML file) or :meth:`from_mapping`
    (a dict, e.g. in a script or the demo). A corpus already in memory can be
    given as ``corpus=`` instead of inputs.

    Examples
    --------
    >>> cfg = ReportConfig.from_mapping({"title": "T", "synthetic": {"size": "tiny"},
    ...                                  "analyses": {"diffusion": False}})
    >>> cfg.enabled("diffusion"), cfg.enabled("brokerage"), cfg.params("diffusion")["runs"]
    (False, True, 300)
    >>> ReportConfig.from_mapping({"analyses": {"difusion": False}})
    Traceback (most recent call last):
    ...
    netkit.errors.ParameterError: <mapping>: unknown key 'analyses.difusion' (did you mean 'analyses.diffusion'?)
    """

    title: str = "netkit report"
    out: Path | None = None
    seed: int = 0
    inputs: tuple[InputSpec, ...] = ()
    synthetic: dict[str, Any] | None = None
    analyses: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(ANALYSES, True))
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = "<mapping>"
    corpus: Any = None

    def enabled(self, analysis: str) -> bool:
        """Whether an analysis of :data:`ANALYSES` is switched on."""
        return bool(self.analyses.get(analysis, True))

    def params(self, section: str) -> dict[str, Any]:
        """The parameters of a section (``graph``, ``resolve``, ``view``, an analysis …)."""
        return {**DEFAULTS.get(section, {}), **self.sections.get(section, {})}

    def step(self, section: str):
        """The parameter object of a section (:data:`netkit.pipeline.schema.SECTIONS`).

        >>> ReportConfig.from_mapping({"synthetic": {}}).step("diffusion").runs
        300
        """
        return SECTIONS[section].from_report(self.params(section))

    def with_overrides(self, **changes: Any) -> ReportConfig:
        """A copy with some top-level fields replaced (``out``, ``seed``, ``corpus`` …)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole configuration (defaults filled in), for run.json."""
        out: dict[str, Any] = {
            "title": self.title,
            "out": str(self.out) if self.out is not None else None,
            "seed": self.seed,
            "inputs": [i.to_dict() for i in self.inputs],
        }
        if self.synthetic is not None:
            out["synthetic"] = dict(self.synthetic)
        if self.corpus is not None:
            out["corpus"] = "in memory"
        out["analyses"] = {a: self.enabled(a) for a in ANALYSES}
        for section in ("resolve", "graph", *ANALYSES, "view"):
            out[section] = {k: (str(v) if isinstance(v, Path) else v)
                            for k, v in self.params(section).items()}
        return out

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any], *, base_dir: str | Path | None = None,
                     source: str | None = None, corpus: Any = None) -> ReportConfig:
        """Validate a mapping with the structure of the TOML file.

        Parameters
        ----------
        mapping : mapping
        base_dir : path, optional
            Folder that relative paths are relative to (default: the current folder).
        source : str, optional
            Name used in error messages (the file name); errors from a file are
            :class:`~netkit.errors.InputError`, from a mapping :class:`ParameterError`.
        corpus : Corpus, optional
            A corpus in memory, used instead of inputs.
        """
        return _Validator(source, Path(base_dir) if base_dir is not None else None).build(
            mapping, corpus)


def load_config(path: str | Path) -> ReportConfig:
    """Read and validate a report configuration (TOML).

    Raises
    ------
    InputError
        The file is missing, is not valid TOML (with line and column), or a key is
        unknown, has the wrong type or a value out of range — the message names
        the key and the file.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError("configuration file not found", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                         file=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(f"invalid TOML: {exc}", file=str(path), line=line) from None
    return ReportConfig.from_mapping(data, base_dir=path.absolute().parent, source=str(path))


# -- validation ------------------------------------------------------------------------
class _Validator:
    def __init__(self, source: str | None, base_dir: Path | None) -> None:
        self.source = source
        self.base_dir = base_dir

    def fail(self, message: str, hint: str | None = None):
        if self.source is None:
            raise ParameterError(f"<mapping>: {message}" + (f" ({hint})" if hint else ""))
        raise InputError(message, file=self.source, hint=hint)

    def unknown(self, key: str, known: list[str], prefix: str = "") -> None:
        err = unknown_key(key, known, prefix)
        self.fail(str(err), getattr(err, "hint", None))

    def path(self, value: str) -> Path:
        # absolute and normalised ("conf/../data" → "/…/data"): the same configuration
        # gives the same run.json whether it was named by a relative or an absolute path
        p = Path(value).expanduser()
        if not p.is_absolute():
            p = (self.base_dir if self.base_dir is not None else Path.cwd()) / p
        return Path(os.path.normpath(p.absolute()))

    def checked(self, check, *args, **kwargs) -> Any:
        """Run a check of :mod:`netkit.pipeline.schema`; its error becomes this file's."""
        try:
            return check(*args, **kwargs)
        except ParameterError as exc:
            self.fail(str(exc), getattr(exc, "hint", None))

    def typed(self, key: str, value: Any, types) -> Any:
        from netkit.pipeline.params import Option, check_value

        types = types if isinstance(types, tuple) else (types,)
        return self.checked(check_value, Option("", types=types), value, key, typed=True)

    def section(self, name: str, table: Any) -> dict[str, Any]:
        if not isinstance(table, Mapping):
            self.fail(f"'{name}' must be a table ([{name}]), not {table!r}")
        out = self.checked(validate_section, name, dict(table))
        for key, value in out.items():
            if (name, key) in PATH_KEYS and value is not None:
                out[key] = ([str(self.path(v)) for v in value] if isinstance(value, list)
                            else str(self.path(value)))
        return out

    def build(self, mapping: Mapping[str, Any], corpus: Any) -> ReportConfig:
        if not isinstance(mapping, Mapping):
            self.fail(f"the configuration must be a table, not {type(mapping).__name__}")
        for key in mapping:
            if key not in TOP_LEVEL:
                self.unknown(key, list(TOP_LEVEL))
        kw: dict[str, Any] = {"source": self.source or "<mapping>", "corpus": corpus}
        if "title" in mapping:
            kw["title"] = self.checked(check_top, "title", mapping["title"])
        if "seed" in mapping:
            kw["seed"] = self.checked(check_top, "seed", mapping["seed"])
        if mapping.get("out") is not None:
            kw["out"] = self.path(self.checked(check_top, "out", mapping["out"]))
        inputs = mapping.get("inputs", [])
        if isinstance(inputs, Mapping):
            inputs = [inputs]
        if not isinstance(inputs, list):
            self.fail(f"'inputs' must be a list of tables ([[inputs]]), not {inputs!r}")
        specs = []
        for i, item in enumerate(inputs):
            where = f"inputs[{i}]"
            if isinstance(item, str):
                item = {"path": item}
            if not isinstance(item, Mapping):
                self.fail(f"'{where}' must be a table with a 'path', not {item!r}")
            item = self.checked(validate_section, "inputs", dict(item), where)
            if "path" not in item:
                self.fail(f"'{where}' has no 'path'")
            path = self.path(item["path"])
            fmt, enc = item.get("format", "auto"), item.get("encoding")
            specs.append(InputSpec(path, fmt, enc))
        kw["inputs"] = tuple(specs)
        if "synthetic" in mapping:
            kw["synthetic"] = {**DEFAULTS["synthetic"],
                               **self.section("synthetic", mapping["synthetic"])}
        analyses = dict.fromkeys(ANALYSES, True)
        if "analyses" in mapping:
            table = mapping["analyses"]
            if not isinstance(table, Mapping):
                self.fail(f"'analyses' must be a table ([analyses]), not {table!r}")
            for key, value in table.items():
                if key not in ANALYSES:
                    self.unknown(key, list(ANALYSES), "analyses.")
                analyses[key] = self.typed(f"analyses.{key}", value, bool)
        kw["analyses"] = analyses
        sections = {}
        for name in ("resolve", "graph", *ANALYSES, "view"):
            if name in mapping:
                sections[name] = self.section(name, mapping[name])
        self._normalise(sections)
        kw["sections"] = sections
        n_sources = sum([bool(specs), "synthetic" in kw, corpus is not None])
        if n_sources == 0:
            self.fail("no data: give [[inputs]], a [synthetic] table, or a corpus")
        if n_sources > 1:
            self.fail("give only one of [[inputs]], [synthetic] or a corpus")
        return ReportConfig(**kw)

    def _normalise(self, sections: dict[str, dict[str, Any]]) -> None:
        """Lists where the file may give one value (kinds, seeds), after validation."""
        graph, diffusion = sections.get("graph", {}), sections.get("diffusion", {})
        if graph.get("years") is not None:
            graph["years"] = [int(y) for y in graph["years"]]
        if isinstance(graph.get("kinds"), str):
            graph["kinds"] = [graph["kinds"]]
        if graph.get("kinds") == []:
            self.fail("'graph.kinds' must be a non-empty list of event kinds, not []")
        if isinstance(diffusion.get("seeds"), str):
            diffusion["seeds"] = [diffusion["seeds"]]

"""The report configuration: a TOML file (or a mapping) validated into a :class:`ReportConfig`.

Every key is checked; an error names the key, the file and what is allowed.
Relative paths in a file are relative to the folder of that file (in a mapping,
to the current folder); every path is made absolute and normalised, so that
``run.json`` does not depend on how the configuration file was named.

A complete configuration::

    title = "Regional innovation ecosystem"     # report title
    out = "reports/ecosystem"                   # output folder (or --out)
    seed = 1                                    # seed of every random step

    [[inputs]]                                  # one table per input (file, folder or corpus dir)
    path = "data/openalex"                      # a saved corpus folder is recognised by its manifest
    format = "auto"                             # reader name, or "auto" to sniff each file
    # encoding = "cp1252"                       # for files that declare none

    # [synthetic]                               # instead of inputs: the synthetic ecosystem
    # seed = 1
    # size = "small"                            # tiny | small | medium | large
    # intervention = true

    [resolve]                                   # organisation resolution (netkit.resolve)
    enabled = "auto"                            # auto: for file inputs, not for synthetic/in-memory
    threshold = 90.0                            # fuzzy name score (0–100) to merge
    review_margin = 10.0
    rollup = false                              # merge campuses into their parent institution
    # registry = "registry/institutions.jsonl"  # OpenAlex institutions
    # overrides = "overrides.csv"
    # thesaurus = "thesaurus.txt"

    [graph]
    years = [2012, 2023]                        # closed range of event years (optional)
    kinds = ["publication", "patent", "contract"]
    weighting = "full"                          # full | fractional | newman | association
    # max_event_size = 50                       # leave out the ties of larger events
    # edges = "ties.parquet"                    # a tie table made elsewhere (netkit project)

    [analyses]                                  # which sections to run (all true by default)
    structure = true
    brokerage = true
    diffusion = true
    dynamics = true
    mobility = true
    regions = true
    before_after = true

    [structure]
    top = 15                                    # rows of the "most connected" tables
    null_samples = 100                          # degree-preserving rewirings for mixing z-scores (0: skip)
    null_max_edges = 50000                      # skip the rewiring null above this many ties (0: no limit)
    large_events = 50                           # list events with at least this many organisations
    min_ties = 10                               # fewest observed ties to rank or colour a ratio

    [brokerage]
    top = 15

    [diffusion]
    model = "ic"                                # ic | si
    beta = 0.1                                  # per-unit-weight transmission probability
    runs = 300
    seeds = ["university"]                      # sectors (or organisation ids) that start
    max_steps = 30

    [dynamics]
    period = "year"                             # "year" or a window of N years
    top_pairs = 10                              # sector pairs shown for new ties

    [mobility]
    top = 15
    evidence = "all"                            # "all", or "identifier": only moves backed by an id

    [regions]
    top = 12                                    # regions shown in the matrices

    [before_after]
    year = "auto"                               # first year of "after" (auto: the middle year)
    burn_in = 0                                 # years after the split left out of "after"
    bootstrap = 500                             # bootstrap resamples of events
    permutations = 500                          # permutations for the null-model p-values
    alpha = 0.05                                # significance level (Holm-adjusted)

    [view]                                      # the interactive network.html
    color = "sector"
    size = "betweenness"
    max_nodes = 5000                            # backbone above this many organisations (0: no limit)
    max_edges = 100000                          # … or above this many ties (0: no limit)
    backbone = "disparity"                      # disparity | top
    alpha = 0.05
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from netkit._rules import SEED_LIMIT, check_encoding
from netkit.errors import InputError, ParameterError

__all__ = ["ANALYSES", "DEFAULTS", "InputSpec", "ReportConfig", "load_config"]

ANALYSES = ("structure", "brokerage", "diffusion", "dynamics", "mobility", "regions",
            "before_after")
"""The optional analyses, in report order."""

DEFAULTS: dict[str, dict[str, Any]] = {
    "resolve": {"enabled": "auto", "threshold": 90.0, "review_margin": 10.0, "rollup": False,
                "registry": None, "overrides": None, "thesaurus": None},
    "graph": {"years": None, "kinds": None, "weighting": "full", "max_event_size": None,
              "edges": None},
    "structure": {"top": 15, "null_samples": 100, "null_max_edges": 50_000, "large_events": 50,
                  "min_ties": 10},
    "brokerage": {"top": 15},
    "diffusion": {"model": "ic", "beta": 0.1, "runs": 300, "seeds": ["university"],
                  "max_steps": 30},
    "dynamics": {"period": "year", "top_pairs": 10},
    "mobility": {"top": 15, "evidence": "all"},
    "regions": {"top": 12},
    "before_after": {"year": "auto", "burn_in": 0, "bootstrap": 500, "permutations": 500,
                     "alpha": 0.05},
    "view": {"color": "sector", "size": "betweenness", "max_nodes": 5000, "max_edges": 100_000,
             "backbone": "disparity", "alpha": 0.05},
    "synthetic": {"seed": 1, "size": "small", "intervention": True},
}
TOP_LEVEL = ("title", "out", "seed", "inputs", "synthetic", "resolve", "graph", "analyses",
             "view", *ANALYSES)
PATH_KEYS = {("resolve", "registry"), ("resolve", "overrides"), ("resolve", "thesaurus"),
             ("graph", "edges")}


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
_SPEC: dict[str, dict[str, tuple[type | tuple[type, ...], Any]]] = {
    # section -> key -> (accepted types, check) ; check: None, a tuple of choices, or a callable
    "resolve": {"enabled": ((bool, str), lambda v: v in (True, False, "auto")), "threshold": ((int, float), lambda v: 0 < v <= 100),
                "review_margin": ((int, float), lambda v: 0 <= v <= 100),
                "rollup": (bool, None), "registry": ((str, list), None),
                "overrides": (str, None), "thesaurus": (str, None)},
    "graph": {"years": (list, None), "kinds": ((list, str), None),
              "weighting": (str, ("full", "fractional", "newman", "association")),
              "max_event_size": (int, lambda v: v >= 2), "edges": (str, None)},
    "structure": {"top": (int, lambda v: 1 <= v <= 1000),
                  "null_samples": (int, lambda v: 0 <= v <= 100_000),
                  "null_max_edges": (int, lambda v: v >= 0),
                  "large_events": (int, lambda v: v >= 2),
                  "min_ties": (int, lambda v: v >= 1)},
    "brokerage": {"top": (int, lambda v: 1 <= v <= 1000)},
    "diffusion": {"model": (str, ("ic", "si")), "beta": ((int, float), lambda v: 0 < v <= 1),
                  "runs": (int, lambda v: 1 <= v <= 1_000_000), "seeds": ((list, str), None),
                  "max_steps": (int, lambda v: 1 <= v <= 10_000)},
    "dynamics": {"period": ((str, int), lambda v: v == "year" or (isinstance(v, int) and v >= 1)),
                 "top_pairs": (int, lambda v: 1 <= v <= 100)},
    "mobility": {"top": (int, lambda v: 1 <= v <= 1000),
                 "evidence": (str, lambda v: v in ("all", "identifier", "name+context", "name"))},
    "regions": {"top": (int, lambda v: 2 <= v <= 200)},
    "before_after": {"year": ((int, str), None), "burn_in": (int, lambda v: 0 <= v <= 100),
                     "bootstrap": (int, lambda v: 1 <= v <= 100_000),
                     "permutations": (int, lambda v: 1 <= v <= 100_000),
                     "alpha": (float, lambda v: 0 < v < 0.5)},
    "view": {"color": (str, None), "size": (str, None),
             "max_nodes": (int, lambda v: v >= 0), "max_edges": (int, lambda v: v >= 0),
             "backbone": (str, ("disparity", "top")),
             "alpha": ((int, float), lambda v: 0 < v <= 1)},
    "synthetic": {"seed": (int, lambda v: 0 <= v < SEED_LIMIT), "size": (str, ("tiny", "small", "medium", "large")),
                  "intervention": (bool, None)},
}
_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string",
               list: "a list"}


class _Validator:
    def __init__(self, source: str | None, base_dir: Path | None) -> None:
        self.source = source
        self.base_dir = base_dir

    def fail(self, message: str, hint: str | None = None):
        if self.source is None:
            raise ParameterError(f"<mapping>: {message}" + (f" ({hint})" if hint else ""))
        raise InputError(message, file=self.source, hint=hint)

    def unknown(self, key: str, known: list[str], prefix: str = "") -> None:
        close = difflib.get_close_matches(key, known, n=1)
        hint = None
        if not close:
            hint = "known keys: " + ", ".join(f"{prefix}{k}" for k in known)
        msg = f"unknown key '{prefix}{key}'"
        if close:
            msg += f" (did you mean '{prefix}{close[0]}'?)"
        self.fail(msg, hint)

    def path(self, value: str) -> Path:
        # absolute and normalised ("conf/../data" → "/…/data"): the same configuration
        # gives the same run.json whether it was named by a relative or an absolute path
        p = Path(value).expanduser()
        if not p.is_absolute():
            p = (self.base_dir if self.base_dir is not None else Path.cwd()) / p
        return Path(os.path.normpath(p.absolute()))

    def typed(self, key: str, value: Any, types, check) -> Any:
        types = types if isinstance(types, tuple) else (types,)
        ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
        if not ok:
            want = " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)
            self.fail(f"'{key}' must be {want}, not {value!r}")
        if isinstance(check, tuple) and value not in check:
            self.fail(f"'{key}' must be one of {', '.join(map(repr, check))}, not {value!r}")
        if callable(check) and not check(value):
            self.fail(f"'{key}' is out of range: {value!r}")
        return value

    def section(self, name: str, table: Any) -> dict[str, Any]:
        if not isinstance(table, Mapping):
            self.fail(f"'{name}' must be a table ([{name}]), not {table!r}")
        spec = _SPEC[name]
        out: dict[str, Any] = {}
        for key, value in table.items():
            if key not in spec:
                self.unknown(key, list(spec), f"{name}.")
            types, check = spec[key]
            out[key] = self.typed(f"{name}.{key}", value, types, check)
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
            kw["title"] = self.typed("title", mapping["title"], str, None)
        if "seed" in mapping:
            kw["seed"] = self.typed("seed", mapping["seed"], int, lambda v: 0 <= v < SEED_LIMIT)
        if mapping.get("out") is not None:
            kw["out"] = self.path(self.typed("out", mapping["out"], str, None))
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
            for key in item:
                if key not in ("path", "format", "encoding"):
                    self.unknown(key, ["path", "format", "encoding"], f"{where}.")
            if "path" not in item:
                self.fail(f"'{where}' has no 'path'")
            path = self.path(self.typed(f"{where}.path", item["path"], str, None))
            fmt = self.typed(f"{where}.format", item.get("format", "auto"), str, None)
            self._check_format(f"{where}.format", fmt)
            enc = item.get("encoding")
            if enc is not None:
                self.typed(f"{where}.encoding", enc, str, None)
                self._check_encoding(f"{where}.encoding", enc)
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
                analyses[key] = self.typed(f"analyses.{key}", value, bool, None)
        kw["analyses"] = analyses
        sections = {}
        for name in ("resolve", "graph", *ANALYSES, "view"):
            if name in mapping:
                sections[name] = self.section(name, mapping[name])
        self._check_graph(sections.get("graph", {}))
        self._check_seeds(sections.get("diffusion", {}))
        ba = sections.get("before_after", {})
        if isinstance(ba.get("year"), str) and ba["year"] != "auto":
            self.fail(f"'before_after.year' must be a year or \"auto\", not {ba['year']!r}")
        kw["sections"] = sections
        n_sources = sum([bool(specs), "synthetic" in kw, corpus is not None])
        if n_sources == 0:
            self.fail("no data: give [[inputs]], a [synthetic] table, or a corpus")
        if n_sources > 1:
            self.fail("give only one of [[inputs]], [synthetic] or a corpus")
        return ReportConfig(**kw)

    def _check_format(self, key: str, fmt: str) -> None:
        if fmt in ("auto", "corpus"):
            return
        from netkit.ingest import FORMATS

        if fmt not in FORMATS:
            self.fail(f"'{key}' is not a known format: {fmt!r}",
                      "known: auto, corpus, " + ", ".join(sorted(FORMATS)))

    def _check_encoding(self, key: str, encoding: str) -> None:
        try:
            check_encoding(encoding, f"'{key}'")
        except ParameterError as exc:
            self.fail(str(exc))

    def _check_graph(self, graph: dict[str, Any]) -> None:
        years = graph.get("years")
        if years is not None:
            if (len(years) != 2 or not all(isinstance(y, int) and not isinstance(y, bool)
                                           for y in years) or years[0] > years[1]):
                self.fail(f"'graph.years' must be [first, last] with first ≤ last, not {years!r}")
            graph["years"] = [int(years[0]), int(years[1])]
        kinds = graph.get("kinds")
        if kinds is not None:
            from netkit.model import EVENT_KINDS

            kinds = [kinds] if isinstance(kinds, str) else kinds
            bad = [k for k in kinds if k not in EVENT_KINDS]
            if bad or not kinds:
                self.fail(f"'graph.kinds' must be a non-empty list of {', '.join(EVENT_KINDS)}; "
                          f"got {kinds!r}")
            graph["kinds"] = list(kinds)

    def _check_seeds(self, diffusion: dict[str, Any]) -> None:
        seeds = diffusion.get("seeds")
        if seeds is None:
            return
        seeds = [seeds] if isinstance(seeds, str) else seeds
        if not seeds or not all(isinstance(s, str) and s for s in seeds):
            self.fail(f"'diffusion.seeds' must be a non-empty list of sectors or ids, not {seeds!r}")
        diffusion["seeds"] = list(seeds)



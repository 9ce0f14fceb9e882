"""Write a report folder: atomically, reproducibly, never over an input or a user's file.

The whole folder is first written to a hidden staging folder beside the
target (same file system), every file through a temporary name and a rename;
only when everything is written does the staging folder replace the previous
report (:mod:`netkit.report.folder`: one atomic exchange on Linux). A crash at
any point before that leaves the previous report untouched and removes the
staging folder; what a killed run leaves behind is restored or cleaned by the
next run. An existing folder is replaced only if netkit wrote it (its
``run.json`` lists every file with its SHA-256); anything else is refused.

Same inputs, configuration and seed give byte-identical files; the one
timestamp (in ``index.html``, ``report.md`` and ``run.json``) comes from
``SOURCE_DATE_EPOCH`` when it is set.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import platform
import sys
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import igraph as ig
import pandas as pd

from netkit._rules import source_date_epoch
from netkit._version import __version__
from netkit.errors import EmptyGraphError, InputError, ParameterError
from netkit.model.files import atomic_write_text
from netkit.pipeline.graph import build_graph
from netkit.pipeline.load import (
    InputParams,
    SyntheticParams,
    is_corpus_folder,
    load_inputs,
    load_synthetic,
)
from netkit.pipeline.resolve import run_resolve
from netkit.pipeline.view import view_sizes
from netkit.report.config import ReportConfig, load_config
from netkit.report.folder import check_replaceable, recover, staging_folder, swap
from netkit.report.render import fmt, render_html, render_markdown, section_views, table_csv
from netkit.report.sections import Context, compute_sections

__all__ = ["REPORT_FILES", "generated_timestamp", "load_report_corpus", "write_report"]

log = logging.getLogger(__name__)

REPORT_FILES = ("index.html", "report.md", "graph.graphml", "graph.gexf", "network.html",
                "run.json")
"""Files of every report folder (plus ``tables/*.csv``)."""

LIBRARIES = ("python-igraph", "networkx", "numpy", "scipy", "pandas", "pyarrow", "matplotlib",
             "jinja2", "pyvis")


def generated_timestamp() -> str | None:
    """UTC time of the run as ISO 8601: ``SOURCE_DATE_EPOCH`` if set, else now."""
    epoch = source_date_epoch()
    if epoch is not None:
        t = _dt.datetime.fromtimestamp(epoch, _dt.UTC)
    else:
        t = _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    return t.isoformat().replace("+00:00", "Z")


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "netkit": __version__}
    for lib in LIBRARIES:
        try:
            out[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            out[lib] = "not installed"
    return out


def _as_config(config: ReportConfig | Mapping[str, Any] | str | os.PathLike[str],
               corpus: Any) -> ReportConfig:
    if isinstance(config, ReportConfig):
        cfg = config
    elif isinstance(config, Mapping):
        cfg = ReportConfig.from_mapping(config, corpus=corpus) if corpus is not None and not (
            config.get("inputs") or config.get("synthetic")) else ReportConfig.from_mapping(config)
    elif isinstance(config, str | os.PathLike):
        cfg = load_config(config)
    else:
        raise ParameterError(f"config must be a ReportConfig, a mapping or a TOML path, not "
                             f"{type(config).__name__}")
    if corpus is not None:
        cfg = cfg.with_overrides(corpus=corpus, inputs=(), synthetic=None)
    return cfg


# -- inputs ------------------------------------------------------------------------------
def _input_files(cfg: ReportConfig) -> list[tuple[Path, Any]]:
    """Every input file with its InputSpec (folders expanded; corpus folders whole)."""
    from netkit.ingest.read import expand_paths

    out = []
    for spec in cfg.inputs:
        if not spec.path.exists():
            raise InputError("input not found", file=str(spec.path),
                             hint=f"named in {cfg.source}")
        if is_corpus_folder(spec.path, spec.format):
            out += [(f, spec) for f in sorted(spec.path.iterdir())
                    if f.is_file() and not f.name.startswith(".")]  # not a leftover temporary
        else:
            out += [(f, spec) for f in expand_paths(spec.path)]
    return out


def load_report_corpus(cfg: ReportConfig):
    """(corpus, provenance of the inputs, a note on where the data came from)."""
    from netkit.model import sha256_file

    if cfg.corpus is not None:
        return cfg.corpus, [], "The corpus was given in memory (no input files)."
    if cfg.synthetic is not None:
        syn = cfg.synthetic
        corpus = load_synthetic(SyntheticParams(**syn))
        return corpus, [], (f"The data are netkit's synthetic ecosystem (seed {syn['seed']}, "
                            f"size {syn['size']}, intervention {'on' if syn['intervention'] else 'off'}).")
    corpus = load_inputs([InputParams(str(spec.path), spec.format, spec.encoding)
                          for spec in cfg.inputs])
    acc = corpus.accounting.set_index("file") if len(corpus.accounting) else None
    provenance = []
    for f, spec in _input_files(cfg):
        row: dict[str, Any] = {"path": str(f), "format": spec.format,
                               "sha256": sha256_file(f), "bytes": f.stat().st_size}
        if acc is not None and str(f) in acc.index:
            a = acc.loc[str(f)]
            row["format"] = str(a["format"])
            for k in ("records_seen", "loaded", "quarantined", "duplicates"):
                row[k] = int(a[k])
        provenance.append(row)
    return corpus, provenance, ""


def _check_paths(out: Path, cfg: ReportConfig) -> None:
    """Refuse an output folder that is, contains or lies inside an input, or is not netkit's.

    First restores or cleans what an interrupted run left beside ``out``
    (:func:`netkit.report.folder.recover`).
    """
    if out.exists() and not out.is_dir():
        raise ParameterError(f"output {out} exists and is not a folder")
    for spec in cfg.inputs:
        p = spec.path.resolve()
        if p == out or out in p.parents:
            raise ParameterError(f"output folder {out} holds the input {spec.path}; refusing to "
                                 "overwrite an input — choose another output folder")
        if p.is_dir() and p in out.parents:
            raise ParameterError(f"output folder {out} is inside the input folder {spec.path}; "
                                 "the next read of that folder would include the report")
    src = Path(cfg.source)
    if cfg.source != "<mapping>" and (src.resolve() == out or out in src.resolve().parents):
        raise ParameterError(f"output folder {out} holds the configuration file {cfg.source}")
    recover(out)
    check_replaceable(out)


_atomic_text = atomic_write_text


def _graph_for_export(ctx: Context) -> ig.Graph:
    g = ctx.graph.copy()
    metrics = ctx.node_metrics()
    for col in metrics.columns:
        g.vs[col] = metrics[col].tolist()
    return g


def _write_graphs(graph: ig.Graph, stage: Path) -> None:
    from netkit.build import write_gexf, write_graphml

    for name, write in (("graph.graphml", write_graphml), ("graph.gexf", write_gexf)):
        write(graph, stage / name)  # atomic


def _sha256_text(path: Path) -> str:
    from netkit.model import sha256_file

    return sha256_file(path)


def write_report(
    config: ReportConfig | Mapping[str, Any] | str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    corpus: Any = None,
    command: str | None = None,
) -> Path:
    """Write a full report folder.

    Parameters
    ----------
    config : ReportConfig, mapping or path
        A validated :class:`ReportConfig`, a mapping with the structure of the
        TOML file (see :mod:`netkit.report.config`), or the path of a TOML file.
    out_dir : path, optional
        The report folder (default: the configuration's ``out``).
    corpus : Corpus, optional
        Use this corpus (in memory) instead of the configuration's inputs.
    command : str, optional
        The command line recorded in ``run.json`` (default: the Python call).

    Returns
    -------
    pathlib.Path
        The report folder: ``index.html``, ``report.md``, ``tables/*.csv``,
        ``graph.graphml``, ``graph.gexf``, ``network.html`` and ``run.json``.

    Raises
    ------
    ParameterError
        No output folder; the output folder is, contains or lies inside an input;
        or it exists and is not a report netkit wrote, untouched (a file not listed
        in its ``run.json``, or changed since: see :mod:`netkit.report.folder`).
    InputError
        An input is missing or unreadable.
    EmptyGraphError
        The inputs hold no participation, or no organisation takes part in any
        event after the filters.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report"
    >>> off = dict.fromkeys(["structure", "brokerage", "diffusion", "dynamics", "mobility",
    ...                      "regions", "before_after"], False)
    >>> cfg = {"title": "Tiny", "seed": 1, "synthetic": {"size": "tiny"}, "analyses": off}
    >>> _ = write_report(cfg, out)
    >>> sorted(p.name for p in out.iterdir() if p.is_file())
    ['graph.gexf', 'graph.graphml', 'index.html', 'network.html', 'report.md', 'run.json']
    >>> json.loads((out / "run.json").read_text())["seed"]
    1
    """
    cfg = _as_config(config, corpus)
    out = out_dir if out_dir is not None else cfg.out
    if out is None:
        raise ParameterError("no output folder: give out_dir (or --out, or 'out' in the config)")
    out = Path(out).resolve()
    cfg = cfg.with_overrides(out=out)
    _check_paths(out, cfg)
    generated = generated_timestamp()

    raw, inputs, note = load_report_corpus(cfg)
    if raw.n_participations == 0:
        seen = sum(int(r.get("records_seen", 0)) for r in inputs)
        raise EmptyGraphError(f"the inputs hold no participation ({raw.n_events} events, {seen} "
                              f"records seen, {len(raw.quarantine)} quarantined): nothing to "
                              "report — check the inputs and their accounting")
    corpus_used, resolution = raw, None
    rp = cfg.params("resolve")
    if rp["enabled"] is True or (rp["enabled"] == "auto" and cfg.inputs):
        resolution = run_resolve(raw, cfg.step("resolve"))
        corpus_used = resolution.corpus
    gp = cfg.params("graph")
    try:
        built = build_graph(corpus_used, cfg.step("graph"))
    except EmptyGraphError:  # name the report's keys
        filters = ", ".join(f"graph.{k} = {gp[k]!r}" for k in ("years", "kinds") if gp[k])
        raise EmptyGraphError("no organisation takes part in any event"
                              + (f" after the filters ({filters})" if filters else "")
                              + "; nothing to report") from None
    corpus_used, graph = built.corpus, built.graph
    ctx = Context(cfg, corpus_used, graph, raw_corpus=raw, resolution=resolution,
                  inputs=inputs, source_note=note)
    sections = compute_sections(ctx)

    with staging_folder(out) as stage:
        _write_folder(stage, cfg, ctx, sections, inputs, generated, command)
        check_replaceable(out)  # again: a file may have been put there while we computed
        swap(stage, out)
    return out


def _write_folder(stage: Path, cfg: ReportConfig, ctx: Context, sections, inputs,
                  generated: str | None, command: str | None) -> None:
    from netkit.viz import write_html

    tables_dir = stage / "tables"
    tables_dir.mkdir()
    seen: set[str] = set()
    for s in sections:
        for t in s.tables:
            if t.name in seen:  # pragma: no cover - a programming error in sections
                raise RuntimeError(f"duplicate table name {t.name}")
            seen.add(t.name)
            _atomic_text(tables_dir / f"{t.name}.csv", table_csv(t))
    if ctx.resolution is not None and isinstance(getattr(ctx.resolution, "audit", None),
                                                 pd.DataFrame):
        from netkit.report.sections import Table

        _atomic_text(tables_dir / "resolution_audit.csv",
                     table_csv(Table("resolution_audit", "", ctx.resolution.audit, index=False)))
    _write_graphs(_graph_for_export(ctx), stage)
    vp = cfg.step("view")
    size_arg, _ = view_sizes(ctx.graph, vp.size, seed=cfg.seed, centrality=ctx.centrality)
    write_html(ctx.graph, stage / "network.html", color=vp.color, size=size_arg,
               title=cfg.title, events=ctx.corpus, metrics=ctx.node_metrics(), seed=cfg.seed,
               max_nodes=vp.max_nodes or None, max_edges=vp.max_edges or None,
               backbone=vp.backbone, alpha=vp.alpha)
    views = section_views(sections)
    page = {"title": cfg.title, "version": __version__, "generated": generated,
            "seed": cfg.seed, "n_nodes": fmt(ctx.graph.vcount()),
            "n_edges": fmt(ctx.graph.ecount())}
    methods = sorted(ctx.methods.items())
    _atomic_text(stage / "index.html", render_html(views, methods=methods, **page))
    _atomic_text(stage / "report.md", render_markdown(views, **page))
    outputs = sorted(p for p in stage.rglob("*") if p.is_file())
    run = {
        "netkit": __version__,
        "command": command or "netkit.report.write_report(...)",
        "generated": generated,
        "seed": cfg.seed,
        "config": cfg.to_dict(),
        "config_file": (os.path.normpath(Path(cfg.source).absolute())
                        if cfg.source != "<mapping>" else None),
        "versions": _versions(),
        "platform": sys.platform,
        "inputs": inputs,
        "corpus": {k: (int(v) if hasattr(v, "__int__") else str(v))
                   for k, v in ctx.corpus.summary().items()},
        "graph": {"organisations": ctx.graph.vcount(), "ties": ctx.graph.ecount(),
                  "weighting": cfg.params("graph")["weighting"]},
        "methods": dict(methods),
        "outputs": {p.relative_to(stage).as_posix(): _sha256_text(p) for p in outputs},
    }
    _atomic_text(stage / "run.json", json.dumps(run, indent=2, ensure_ascii=False,
                                                default=str) + "\n")

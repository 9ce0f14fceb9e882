"""The demo: the synthetic ecosystem written as the sources export it, read back, reported.

``netkit demo`` runs the whole pipeline a user runs on real exports: it writes
the synthetic ecosystem in the source formats (OpenAlex, Web of Science,
Scopus, USPTO, PatentsView, CORDIS) to ``<out>-sources/``, reads those files
back with :func:`netkit.ingest.read`, resolves the organisations, and writes
the full report (:func:`netkit.report.write_report`) to ``<out>``.

The sources folder lists its files with their SHA-256 in
``netkit-demo-sources.json``; a later demo replaces it only if it holds nothing
else (:func:`netkit.report.folder.check_replaceable`), so a user's file put
there is never deleted.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from netkit.datasets import GroundTruth, synthetic_ecosystem
from netkit.datasets.samples import write_samples
from netkit.model import Corpus
from netkit.model.files import atomic_write_text
from netkit.report.folder import check_replaceable, listing
from netkit.report.writer import write_report

__all__ = ["sources_folder", "write_demo"]

SOURCES_LISTING = "netkit-demo-sources.json"
"""The file in the sources folder that lists its files with their SHA-256 (ownership)."""


def sources_folder(out: str | Path) -> Path:
    """Where the demo writes the source files for the report folder ``out``.

    >>> sources_folder("reports/demo").as_posix()
    'reports/demo-sources'
    """
    out = Path(out)
    return out.with_name(f"{out.name}-sources")


def _fresh_sources(folder: Path) -> None:
    """Remove the sources folder of a previous demo — only if every file in it is the demo's own."""
    check_replaceable(folder, SOURCES_LISTING, "the sources folder of a netkit demo")
    if folder.exists():
        shutil.rmtree(folder)


def write_demo(
    out: str | Path,
    *,
    seed: int = 1,
    size: str = "small",
    ecosystem: tuple[Corpus, GroundTruth] | None = None,
) -> Path:
    """Write the demo report folder and return its path.

    Parameters
    ----------
    out : path
        The report folder. The source files go to :func:`sources_folder` of it.
    seed, size
        Passed to :func:`netkit.datasets.synthetic_ecosystem`.
    ecosystem : (Corpus, GroundTruth), optional
        Use this ecosystem instead of generating one.

    Returns
    -------
    pathlib.Path
        ``out``, holding ``index.html``, ``network.html``, ``report.md``,
        ``tables/``, ``graph.graphml``, ``graph.gexf`` and ``run.json``.
    """
    out = Path(os.path.normpath(Path(out).absolute()))  # run.json: the same however spelled
    corpus, truth = ecosystem or synthetic_ecosystem(seed=seed, size=size)
    sources = sources_folder(out)
    _fresh_sources(sources)
    written = write_samples(sources, ecosystem=(corpus, truth))
    record = json.dumps(listing(sources, SOURCES_LISTING), indent=2, sort_keys=True) + "\n"
    atomic_write_text(sources / SOURCES_LISTING, record)
    inputs = [{"path": str(sources / name)} for name in sorted(written)
              if name not in ("truth", "registry")]
    config = {
        "title": f"netkit demo: synthetic ecosystem (seed {seed}, size {size})",
        "seed": seed,
        "inputs": inputs,
        "resolve": {"enabled": True, "overrides": str(written["registry"][0])},
    }
    if truth.intervention_year is not None:
        config["before_after"] = {"year": truth.intervention_year}
    return write_report(config, out,
                        command=f"netkit demo --out {out} --seed {seed} --size {size}")

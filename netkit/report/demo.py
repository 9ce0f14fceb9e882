"""The demo: the synthetic ecosystem written as the sources export it, read back, reported.

``netkit demo`` runs the whole pipeline a user runs on real exports: it writes
the synthetic ecosystem in the source formats (OpenAlex, Web of Science,
Scopus, USPTO, PatentsView, CORDIS) to ``<out>-sources/``, reads those files
back with :func:`netkit.ingest.read`, resolves the organisations, and writes
the full report (:func:`netkit.report.write_report`) to ``<out>``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from netkit.datasets import GroundTruth, synthetic_ecosystem
from netkit.datasets.samples import write_samples
from netkit.errors import ParameterError
from netkit.model import Corpus
from netkit.report.writer import write_report

__all__ = ["sources_folder", "write_demo"]

_MARKER = Path("truth") / "truth.json"


def sources_folder(out: str | Path) -> Path:
    """Where the demo writes the source files for the report folder ``out``.

    >>> sources_folder("reports/demo").as_posix()
    'reports/demo-sources'
    """
    out = Path(out)
    return out.with_name(f"{out.name}-sources")


def _fresh_sources(folder: Path) -> None:
    if folder.exists():
        if not (folder / _MARKER).is_file():
            raise ParameterError(
                f"{folder} exists and was not written by netkit demo; refusing to replace it "
                "— choose another --out"
            )
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

"""Write the synthetic ecosystem as the sources would export it, with its ground truth.

:func:`write_samples` calls every writer of :mod:`netkit.datasets.writers` (one
per source format: OpenAlex, WoS, Scopus, USPTO, PatentsView, CORDIS …) and
writes the ground truth beside the files as CSV, so that the readers, the
resolution and every metric can be checked against what was planted.
"""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path
from pkgutil import iter_modules

import pandas as pd

from netkit.datasets import writers
from netkit.datasets.synthetic import GroundTruth, synthetic_ecosystem
from netkit.model import Corpus
from netkit.model.files import atomic_write_text, write_csv

__all__ = ["write_company_registry", "write_samples", "write_truth"]


def _writer_modules():
    for info in sorted(iter_modules(writers.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield info.name, import_module(f"{writers.__name__}.{info.name}")


def write_truth(truth: GroundTruth, directory: str | Path) -> list[Path]:
    """Write the ground truth as CSV files plus ``truth.json`` (scalars and brokers)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tables = {
        "sectors": truth.sectors.reset_index(),
        "aliases": truth.aliases,
        "org_ids": truth.org_ids,
        "moves": truth.moves,
        "careers": truth.careers,
        "spinouts": truth.spinouts,
        "islands": pd.DataFrame(
            [(b, m) for b, members in truth.islands.items() for m in members],
            columns=["broker", "org_id"],
        ),
    }
    paths = []
    for name, df in tables.items():
        paths.append(write_csv(df, directory / f"{name}.csv", index=False))
    meta = {"seed": truth.seed, "size": truth.size, "intervention_year": truth.intervention_year,
            "years": list(truth.years), "brokers": truth.brokers}
    path = atomic_write_text(directory / "truth.json",
                             json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return [*paths, path]


def write_company_registry(corpus: Corpus, directory: str | Path) -> Path:
    """Write what a national business register knows of the firms, as a netkit overrides CSV.

    One row per firm or startup: its registered name (``match``), register id
    (here the synthetic ``org_id``), founding year and region — the founding year
    is what lets :func:`netkit.resolve.resolve` recognise young firms as startups.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    orgs = corpus.organizations
    firms = orgs[orgs["sector"].isin(["firm", "startup"])]
    table = pd.DataFrame({
        "match": firms["name"], "canonical_id": firms["org_id"], "name": firms["name"],
        "sector": "", "founded_year": firms["founded_year"], "region": firms["region"],
    })
    return write_csv(table, directory / "companies.csv", index=False)


def write_samples(
    directory: str | Path,
    *,
    seed: int = 1,
    size: str = "small",
    ecosystem: tuple[Corpus, GroundTruth] | None = None,
) -> dict[str, list[Path]]:
    """Write the ecosystem in every source format (``directory/<format>/``) and its truth.

    Parameters
    ----------
    directory : path
        Created if needed; each writer gets a sub-folder named after it, the
        truth goes to ``directory/truth/``.
    seed, size
        Passed to :func:`~netkit.datasets.synthetic_ecosystem` unless ``ecosystem`` is given.
    ecosystem : (Corpus, GroundTruth), optional

    Returns
    -------
    dict
        Sub-folder name → the files written there; ``registry`` holds the business
        register of the firms (:func:`write_company_registry`), ``truth`` the ground truth.
    """
    directory = Path(directory)
    corpus, truth = ecosystem if ecosystem is not None else synthetic_ecosystem(seed=seed, size=size)
    written = {name: module.write(corpus, truth, directory / name)
               for name, module in _writer_modules()}
    written["registry"] = [write_company_registry(corpus, directory / "registry")]
    written["truth"] = write_truth(truth, directory / "truth")
    return written

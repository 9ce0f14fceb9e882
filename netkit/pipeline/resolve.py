"""The resolve step: one organisation (and one person) per real-world one."""

from __future__ import annotations

from dataclasses import dataclass

from netkit.pipeline.params import Params, Range, option

__all__ = ["ResolveParams", "run_resolve"]


@dataclass(frozen=True)
class ResolveParams(Params):
    """Organisation resolution (netkit.resolve)."""

    SECTION = "resolve"
    TITLE = "organisation resolution (nk.resolve)"

    enabled: bool | str = option("auto", "auto: for file inputs, not for synthetic/in-memory",
                                 types=(bool, str), choices=(True, False, "auto"), flag=None)
    threshold: float = option(90.0, "minimum fuzzy name score (0-100) of a name merge",
                              types=(int, float), check=Range(0, 100, low_open=True),
                              metavar="T")
    review_margin: float = option(10.0, "pairs this far below the threshold go to review.csv",
                                  types=(int, float), check=Range(0, 100), flag=None)
    rollup: bool = option(False, "merge registry institutions into their parent institution",
                          types=bool)
    registry: tuple[str, ...] | None = option(
        None, "registry: the ROR data dump (zip, .json or .csv) or an OpenAlex institutions "
        "JSON Lines file (repeatable)", types=(str, list), path=True, action="append",
        metavar="F", example='"registry/institutions.jsonl"')
    overrides: str | None = option(None, "CSV: match,canonical_id,name,sector,founded_year,"
                                   "region (e.g. a business register with founding years)",
                                   types=str, path=True, metavar="F",
                                   example='"overrides.csv"')
    thesaurus: str | None = option(None, "VOSviewer thesaurus file (label<TAB>replace by)",
                                   types=str, path=True, metavar="F", example='"thesaurus.txt"')
    people: bool = option(True, "leave people unresolved (default: ORCID, source ids, names "
                          "and context; writes person_audit.csv)", key=None, flag="--no-people")


def run_resolve(corpus, params: ResolveParams | None = None):
    """Resolve the organisations (and people) of ``corpus``: a :class:`~netkit.resolve.Resolution`."""
    from netkit.ingest import read_registry_files
    from netkit.resolve import resolve

    p = params or ResolveParams()
    registry = list(p.registry) if isinstance(p.registry, tuple) else p.registry
    return resolve(corpus, registry=read_registry_files(registry), overrides=p.overrides, thesaurus=p.thesaurus,
                   threshold=p.threshold, review_margin=p.review_margin, rollup=p.rollup,
                   people=p.people)

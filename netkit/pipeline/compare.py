"""The compare step: indicators before/after a split or between cohorts, and the source mix."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from netkit.errors import ParameterError
from netkit.pipeline.params import Params, Range, Rule, option

__all__ = ["CompareParams", "CompareResult", "read_ids", "run_compare"]

_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")


def _split(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or value == "auto" or bool(_DATE.fullmatch(str(value)))


@dataclass(frozen=True)
class CompareParams(Params):
    """Where to split (or which cohorts), and the bootstrap, null model and error level."""

    SECTION = "before_after"
    TITLE = "before / after (netkit compare)"

    year: int | str | None = option(
        None, "first year (or ISO date) of 'after' (auto: the median year of the events)",
        types=(int, str), check=Rule(_split, 'a year, an ISO date or "auto"',
                                     'must be a year or "auto"'),
        flag="--split", parse=str, report="auto", metavar="YEAR|DATE")
    burn_in: int = option(0, "first N years only as history for 'new' ties (windows)",
                          types=int, check=Range(0, 100), metavar="N")
    bootstrap: int = option(1000, "bootstrap resamples of events", types=int,
                            check=Range(1, 100_000), flag="--reps", report=500)
    permutations: int = option(1000, "label permutations of the null model (p-values)",
                               types=int, check=Range(1, 100_000), flag="--perms", report=500)
    alpha: float = option(0.05, "family-wise error level (Holm-adjusted)", types=float,
                          check=Range(0, 0.5, low_open=True, high_open=True))
    test: tuple[str, ...] | None = option(
        None, "indicators to test (default: the drift-robust university-startup and "
        "cross-region indicators)", key=None, nargs="+", metavar="INDICATOR")
    structural_reps: int = option(100, "replicates for the graph-level rows (density, "
                                  "clustering …; 0: leave them out)", key=None,
                                  check=Range(0), metavar="N")
    treated: str | None = option(None, "org ids of a treated cohort, one per line (instead of "
                                 "--split)", key=None, metavar="FILE")
    control: str | None = option(None, "org ids of the control cohort (default: all other "
                                 "organisations)", key=None, metavar="FILE")


def read_ids(path: str | Path) -> list[str]:
    """Organisation ids of a cohort file: one per line, ``#`` comments and blanks skipped."""
    p = Path(path)
    if not p.is_file():
        raise ParameterError(f"{path}: no such file")
    return [x.strip() for x in p.read_text(encoding="utf-8").splitlines()
            if x.strip() and not x.startswith("#")]


@dataclass
class CompareResult:
    """The indicator table and, for windows, the source mix and its verdict.

    ``table`` has the verdicts as they stand: when the two windows come from
    different sources (``comparable`` False) no tested indicator is significant
    and a ``note`` column says why; ``raw`` is the table before that verdict.
    """

    mode: str
    split: int | str | None
    table: pd.DataFrame
    raw: pd.DataFrame
    sources: pd.DataFrame | None = None
    source_shift: float | None = None
    comparable: bool = True


def run_compare(corpus, params: CompareParams | None = None, *, seed: int = 0,
                progress: Callable[[int], Any] | None = None) -> CompareResult:
    """Compare windows (``params.year``) or cohorts (``params.treated``).

    Examples
    --------
    >>> from netkit.datasets import synthetic_ecosystem
    >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    >>> r = run_compare(corpus, CompareParams(year="auto", bootstrap=20, permutations=20,
    ...                                       structural_reps=0))
    >>> r.mode, r.comparable, list(r.sources.columns)
    ('windows', True, ['window', 'source', 'events', 'share'])
    """
    from netkit.metrics.compare import compare_cohorts, compare_windows
    from netkit.metrics.sources import MAX_SOURCE_SHIFT, median_split_year, source_mix

    p = params or CompareParams(year="auto")
    if (p.year is None) == (p.treated is None):
        raise ParameterError("give either --split YEAR|DATE or --treated FILE")
    common = {"reps": p.bootstrap, "perms": p.permutations, "alpha": p.alpha, "seed": seed,
              "progress": progress, "structural_reps": p.structural_reps}
    if p.test is not None:
        common["test"] = list(p.test)
    if p.treated is not None:
        control = read_ids(p.control) if p.control else None
        raw = compare_cohorts(corpus, read_ids(p.treated), control, **common)
        return CompareResult("cohorts", None, raw, raw)
    split = median_split_year(corpus) if p.year == "auto" else p.year
    split_year = int(str(split)[:4])  # a year, or the year of an ISO date
    raw = compare_windows(corpus, split, burn_in=p.burn_in, **common)
    mix, shift = source_mix(corpus, split_year, max_shift=MAX_SOURCE_SHIFT)
    comparable = bool(mix.attrs["comparable"])
    table = raw
    if not comparable and "significant" in raw:
        # tested rows lose their verdict; descriptive rows keep theirs (none, by design)
        table = raw.copy()
        table["significant"] = table["significant"].where(table["significant"].isna(), False)
        table["note"] = "not comparable: source mix differs"
    return CompareResult("windows", split, table, raw, mix, shift, comparable)

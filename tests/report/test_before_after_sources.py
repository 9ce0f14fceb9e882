"""Before/after on real grants from three sources: the split and the source mix (issue 17)."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.metrics import median_split_year, source_mix
from netkit.report import Context, ReportConfig
from netkit.report.sections import before_after_section


@pytest.fixture(scope="module")
def grants(real_data):
    files = sorted(p for d in ("cordis-h2020-participations", "h2020-norway-participations",
                               "nserc-partners")
                   for p in (real_data / d).iterdir() if p.name != "SOURCE.md")
    return nk.ingest.read(files)


@pytest.mark.realdata
def test_real_grants_split_at_the_median_year(grants):
    years = grants.events["year"].dropna().astype(int)
    split = median_split_year(grants)
    assert split != (years.min() + years.max() + 1) // 2  # not the middle calendar year (2006)
    # 81 % of the events start in 2015: no split halves them, this one comes closest
    balance = {y: abs((years < y).mean() - 0.5) for y in set(years) if y > years.min()}
    assert split == min(balance, key=lambda y: (balance[y], y)) == 2016


@pytest.mark.realdata
def test_real_grants_windows_of_different_sources_are_not_comparable(grants, real_data):
    table, shift = source_mix(grants, 2000)  # NSERC 1994 against H2020 2014–2019
    assert set(table.loc[table["window"] == "before", "source"]) == {"nserc"}
    assert shift == 1.0 and not table.attrs["comparable"]
    # the report section, on NSERC and the Norwegian table (the CORDIS cohort is slow here)
    small = nk.ingest.read([real_data / "nserc-partners", real_data / "h2020-norway-participations"])
    cfg = ReportConfig.from_mapping(
        {"seed": 1, "before_after": {"year": 2000, "bootstrap": 20, "permutations": 20}},
        corpus=small)
    section = before_after_section(Context(cfg, small, nk.build.org_graph(small)))
    tables = {t.name: t.frame for t in section.tables}
    assert {"before_after", "before_after_sources"} <= set(tables)
    verdicts = tables["before_after"]["significant"]
    assert not verdicts.fillna(False).any()
    assert verdicts[tables["before_after"]["role"] == "descriptive"].isna().all()
    assert (tables["before_after"]["note"] == "not comparable: source mix differs").all()
    assert any(p.startswith("Not comparable") for p in section.paragraphs)
    # every bootstrap interval contains its estimate (counts included: issue 17 item 5)
    rows = tables["before_after"].dropna(subset=["change", "ci_low", "ci_high"])
    assert len(rows) > 10
    tol = 1e-9 * rows["change"].abs().clip(lower=1)
    assert ((rows["ci_low"] <= rows["change"] + tol) & (rows["change"] <= rows["ci_high"] + tol)).all(), \
        rows[["change", "ci_low", "ci_high"]]

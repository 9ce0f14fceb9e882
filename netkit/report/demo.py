"""The demo pipeline: synthetic ecosystem → graph → metrics → report folder."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pandas as pd

__all__ = ["write_demo"]

_SUMMARY = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>netkit demo</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}
table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right}</style></head><body>
<h1>netkit demo: synthetic ecosystem (seed {{ seed }}, size {{ size }})</h1>
<p>{{ counts.events }} events, {{ counts.organizations }} organisations, {{ counts.people }} people,
{{ counts.participations }} participations; the network has {{ n_nodes }} organisations and
{{ n_edges }} ties. <a href="network.html">Open the network view</a>.</p>
<h2>Organisations per sector</h2>
<table><tr><th>sector</th><th>organisations</th></tr>
{% for sector, n in sectors %}<tr><td>{{ sector }}</td><td class="n">{{ n }}</td></tr>{% endfor %}
</table>
<h2>Top organisations by betweenness</h2>
<table><tr><th>organisation</th><th>sector</th><th>degree</th><th>betweenness</th></tr>
{% for r in top %}<tr><td>{{ r.label }}</td><td>{{ r.sector }}</td><td class="n">{{ r.degree }}</td>
<td class="n">{{ "%.1f"|format(r.betweenness) }}</td></tr>{% endfor %}
</table></body></html>
""")


def write_demo(out: str | Path, *, seed: int = 1, size: str = "small", corpus=None) -> Path:
    """Write the demo report folder and return its path.

    Parameters
    ----------
    out : path
        The report folder (created if needed).
    seed, size
        Passed to :func:`netkit.datasets.synthetic_ecosystem`.
    corpus : Corpus, optional
        Use this corpus instead of generating one.
    """
    from netkit.build import org_graph
    from netkit.datasets import synthetic_ecosystem
    from netkit.viz import write_html
    from netkit.viz.html import atomic_write_text

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if corpus is None:
        corpus, _ = synthetic_ecosystem(seed=seed, size=size)
    graph = org_graph(corpus)
    table = pd.DataFrame({
        "label": graph.vs["label"],
        "sector": graph.vs["sector"],
        "degree": graph.degree(),
        "betweenness": graph.betweenness(weights=None),
    }, index=pd.Index(graph.vs["name"], name="org_id"))
    top = table.sort_values(["betweenness", "label"], ascending=[False, True]).head(15)
    sectors = corpus.organizations["sector"].value_counts()
    html = _SUMMARY.render(
        seed=seed, size=size, counts=corpus.summary(), n_nodes=graph.vcount(),
        n_edges=graph.ecount(), sectors=[(s, int(n)) for s, n in sectors.items() if n],
        top=top.itertuples(),
    )
    atomic_write_text(out / "index.html", html)
    write_html(graph, out / "network.html", color="sector", size=table["betweenness"],
               title=f"netkit demo (seed {seed})", events=corpus,
               metrics=table[["degree", "betweenness"]], seed=seed)
    return out

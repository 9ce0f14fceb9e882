"""Writers of the synthetic ecosystem in the real file formats of each source.

Each module exposes ``write(corpus, truth, directory, **options) -> list[pathlib.Path]``:

* ``corpus, truth`` — the :class:`~netkit.model.Corpus` and
  :class:`~netkit.datasets.synthetic.GroundTruth` of
  :func:`netkit.datasets.synthetic_ecosystem`; a writer writes the events of its
  source (``events.source``), spelling organisations as ``truth.aliases`` gives
  them for that source;
* ``directory`` — created if needed; the files are written atomically
  (:mod:`netkit.model.files`), the same bytes for the same corpus.

What they write, netkit's readers read back:

>>> import tempfile
>>> import netkit as nk
>>> from netkit.datasets import synthetic_ecosystem
>>> from netkit.datasets.writers import cordis, openalex, patentsview, scopus, uspto, wos
>>> corpus, truth = synthetic_ecosystem(seed=1, size="tiny")
>>> for writer in (cordis, openalex, patentsview, scopus, uspto, wos):
...     back = nk.ingest.read(writer.write(corpus, truth, tempfile.mkdtemp()))
...     source = writer.__name__.rsplit(".", 1)[1]
...     assert back.n_events == (corpus.events["source"] == source).sum(), source
"""

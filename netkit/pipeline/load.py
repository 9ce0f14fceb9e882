"""The load step: what an input is (a corpus folder, source files) and reading it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from netkit._rules import SEED_LIMIT, check_encoding
from netkit.datasets.synthetic import SIZES
from netkit.errors import ParameterError
from netkit.pipeline.params import Params, Range, Rule, option

__all__ = ["CORPUS_MANIFEST", "InputParams", "SyntheticParams", "is_corpus_folder", "load_corpus",
           "load_inputs", "load_synthetic", "read_input"]

CORPUS_MANIFEST = "manifest.json"


def is_corpus_folder(path: str | os.PathLike[str], fmt: str = "auto") -> bool:
    """Whether ``path`` is a saved corpus folder (the one rule: a folder with a manifest,
    or any folder named with format ``corpus``).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> is_corpus_folder(d), is_corpus_folder(d, "corpus")
    (False, True)
    """
    p = Path(path)
    return p.is_dir() and (fmt == "corpus" or (p / CORPUS_MANIFEST).is_file())


def load_corpus(path: str | os.PathLike[str]):
    """The saved corpus at ``path``; refuse one without any participation (nothing to analyse)."""
    from netkit.model import load

    corpus = load(Path(path))
    if corpus.n_participations == 0:
        acc = corpus.accounting
        seen = int(acc["records_seen"].sum()) if len(acc) else 0
        raise ParameterError(
            f"{path}: the corpus is empty (0 participations; {corpus.n_events} events, "
            f"{seen} records seen, {len(corpus.quarantine)} quarantined): nothing to analyse — "
            "see the accounting printed by `netkit ingest`")
    return corpus


def read_input(path: str | os.PathLike[str], fmt: str = "auto", encoding: str | None = None):
    """One input as a corpus: a saved corpus folder is loaded, anything else read."""
    from netkit.model import Corpus

    if is_corpus_folder(path, fmt):
        return Corpus.load(Path(path))
    from netkit.ingest import read

    return read(path, format=fmt, encoding=encoding)


@dataclass(frozen=True)
class SyntheticParams(Params):
    """netkit's synthetic ecosystem as the data (instead of inputs)."""

    SECTION = "synthetic"
    TITLE = "instead of inputs: the synthetic ecosystem"

    seed: int = option(1, "seed of the generator", types=int, check=Range(0, SEED_LIMIT,
                                                                           high_open=True,
                                                      text="0 ≤ x < 2**63"))
    size: str = option("small", "how big", types=str, choices=tuple(SIZES))
    intervention: bool = option(True, "plant the intervention year", types=bool)


def _known_format(value: str) -> bool:
    from netkit.ingest import FORMATS

    return value in ("auto", "corpus") or value in FORMATS


def _text_encoding(value: str) -> bool:
    try:
        check_encoding(value)
    except ParameterError:
        return False
    return True


@dataclass(frozen=True)
class InputParams(Params):
    """One input of a report (``[[inputs]]``): a file, a folder of files, or a corpus folder."""

    SECTION = "inputs"
    TITLE = "one table per input (file, folder or corpus dir)"

    path: str | None = option(None, "a saved corpus folder is recognised by its manifest",
                              types=str, path=True, example='"data/openalex"')
    format: str = option("auto", 'reader name, "corpus", or "auto" to sniff each file',
                         types=str, check=Rule(_known_format, "",
                                               "is not a known format: {value!r} (known: auto, "
                                               "corpus and the readers of netkit.ingest)"))
    encoding: str | None = option(None, "for files that declare none", types=str,
                                  check=Rule(_text_encoding, "",
                                             "is not a known text encoding: {value!r} (e.g. "
                                             "utf-8, cp1252, latin-1, utf-16)"),
                                  example='"cp1252"')


def load_inputs(inputs) -> object:
    """The corpus of several inputs (:class:`InputParams`): each read or loaded, then the same
    event found in two inputs' sources made one event (:func:`netkit.ingest.dedup.merge_events`).
    """
    from netkit.ingest.dedup import merge_events
    from netkit.model import concat

    corpora = [read_input(i.path, i.format, i.encoding) for i in inputs]
    if not corpora:
        raise ParameterError("no input to load")
    return corpora[0] if len(corpora) == 1 else merge_events(concat(corpora))


def load_synthetic(params: SyntheticParams | None = None):
    """netkit's synthetic ecosystem (the corpus; its ground truth is left out).

    >>> load_synthetic(SyntheticParams(size="tiny")).n_events > 0
    True
    """
    from netkit.datasets import synthetic_ecosystem

    p = params or SyntheticParams()
    corpus, _ = synthetic_ecosystem(seed=p.seed, size=p.size, intervention=p.intervention)
    return corpus

"""Writers of the synthetic ecosystem in the real file formats of each source.

Each module exposes ``write(corpus, truth, directory) -> list[pathlib.Path]``.
"""

"""A cheap tokenizer for the govkg pipeline: script runs, cut wherever a marked reference starts or ends.

No component reads words: extractors work on the ``Document`` and the ruler only needs its spans
(``extractors.refs``) to fall on token boundaries. jieba's segmentation cost half the extraction
time (and a second of dictionary loading per process) for nothing, so tokens here are runs of
Han characters, of ASCII letters and digits, of whitespace, or single other characters, split at
the edges of every refs match.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractors import refs

_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+|\s+|.", re.S)
NAME = "govkg.ref_tokenizer.v1"


class RefTokenizer:
    """Text -> ``Doc`` whose token boundaries include the start and end of every refs match."""

    def __init__(self, vocab: Vocab, patterns: Iterable[tuple[str, refs.Finder]] = refs.PATTERNS) -> None:
        self.vocab = vocab
        self.patterns = list(patterns)

    def words(self, text: str) -> list[str]:
        """The token strings of ``text``; joined they give ``text`` back."""
        cuts = sorted({c for _, p in self.patterns for m in p.finditer(text) for c in m.span()})
        words: list[str] = []
        for run in _RUN.finditer(text):
            start, end = run.span()
            i = bisect_right(cuts, start)
            while i < len(cuts) and cuts[i] < end:
                words.append(text[start:cuts[i]])
                start = cuts[i]
                i += 1
            words.append(text[start:end])
        return words

    def __call__(self, text: str) -> Doc:
        words = self.words(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    # spaCy calls these when a pipeline is saved or loaded; there is no state beyond the patterns
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> "RefTokenizer":
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> "RefTokenizer":
        return self


@spacy.registry.tokenizers(NAME)
def create_ref_tokenizer():  # type: ignore[no-untyped-def]
    """spaCy config entry point: ``[nlp.tokenizer] @tokenizers = "govkg.ref_tokenizer.v1"``."""

    def make(nlp: spacy.language.Language) -> RefTokenizer:
        return RefTokenizer(nlp.vocab)

    return make

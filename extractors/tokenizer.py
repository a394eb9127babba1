"""A cheap tokenizer for the govkg pipeline: one token per Han character.

No component reads words: extractors work on the ``Document``, and the ruler only needs its
spans (``extractors.refs``) to fall on token boundaries, which a boundary at every Han character
guarantees. jieba's segmentation cost half the extraction time (and a second of dictionary
loading per process); runs of Han text as tokens would be cheaper still on a warm vocabulary,
but every new run is a new lexeme, so the vocabulary (and the time to fill it) would grow with
the corpus. Han characters, ASCII letter/digit runs, whitespace runs and single other
characters keep it bounded to a few thousand entries.
"""
from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

_TOKEN = re.compile(r"[A-Za-z0-9]+|\s+|.", re.S)
NAME = "govkg.char_tokenizer.v1"
# ``doc.user_data`` key of the text as given: ``Doc.text`` is rebuilt token by token, which is slow
SOURCE_TEXT = "govkg.text"


class CharTokenizer:
    """Text -> ``Doc`` with a token per Han character (see the module docstring for why)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    @staticmethod
    def words(text: str) -> list[str]:
        """The token strings of ``text``; joined they give ``text`` back."""
        return _TOKEN.findall(text)

    def __call__(self, text: str) -> Doc:
        words = self.words(text)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[SOURCE_TEXT] = text
        return doc

    # spaCy calls these when a pipeline is saved or loaded; the tokenizer has no state
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> "CharTokenizer":
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> "CharTokenizer":
        return self


@spacy.registry.tokenizers(NAME)
def create_char_tokenizer():  # type: ignore[no-untyped-def]
    """spaCy config entry point: ``[nlp.tokenizer] @tokenizers = "govkg.char_tokenizer.v1"``."""

    def make(nlp: spacy.language.Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make

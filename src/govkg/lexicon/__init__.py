"""The vocabulary of the documents, as data: ``lexicon/zh/*.yaml`` merged with ``zh-Hant.yaml``.

Rules never re-type a word: they ask the lexicon for a named entry (``lexicon().get("documents.
title_kinds")``) and use its regex, its alternation inside a larger pattern, or its words. Every
entry carries examples and counter-examples that ``tests/lexicon/test_lexicon.py`` runs. The
loader refuses an unknown key, an entry without examples, or a pattern that does not compile, with
a one-line message naming the file and entry.

``zh-Hant.yaml`` is an overlay: for an entry ``file.name`` it lists words added in traditional
script (most rules read the simplified shadow and need none; those that read the printed text do).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterator

import yaml

from govkg.lexicon.model import MATCH_MODES, Entry

# libyaml's loader when PyYAML was built with it: the pure-Python one costs a cold start ~0.2 s
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_KEYS = {"doc", "words", "pattern", "match", "map", "examples", "not"}


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


class Lexicon:
    """Every entry of the lexicon by its key ``<file>.<name>``."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self._entries = entries

    def get(self, key: str) -> Entry:
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"no lexicon entry {key!r}") from None

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[str]:
        return sorted(self._entries)


def _entry(where: str, key: str, raw: Any, extra_words: list[str]) -> Entry:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: entry {key} is not a mapping")
    unknown = set(raw) - _KEYS
    if unknown:
        raise LexiconError(f"{where}: entry {key} has unknown keys {sorted(unknown)}")
    if not raw.get("doc"):
        raise LexiconError(f"{where}: entry {key} has no doc")
    words = [str(w) for w in raw.get("words") or []] + extra_words
    mapping = {str(k): v for k, v in (raw.get("map") or {}).items()}
    if mapping and not words and raw.get("pattern") is None:
        words = list(mapping)
    pattern = raw.get("pattern")
    if (pattern is None) == (not words):
        raise LexiconError(f"{where}: entry {key} needs words (or a map) or a pattern, not both or neither")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as err:
            raise LexiconError(f"{where}: entry {key}: pattern does not compile: {err}") from None
    match = raw.get("match", "search")
    if match not in MATCH_MODES:
        raise LexiconError(f"{where}: entry {key}: match must be one of {', '.join(MATCH_MODES)}")
    examples = tuple(str(x) for x in raw.get("examples") or [])
    if not examples:
        raise LexiconError(f"{where}: entry {key} has no examples")
    return Entry(key=key, doc=str(raw["doc"]).strip(), words=tuple(dict.fromkeys(words)), pattern=pattern,
                 match=match, map=mapping, examples=examples,
                 not_examples=tuple(str(x) for x in raw.get("not") or []))


def _read(name: str) -> dict[str, Any]:
    text = files("govkg.lexicon").joinpath(name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_LOADER) or {}
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: not a mapping of entries")
    return data


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of this installation, loaded and checked once per process."""
    overlay = _read("zh-Hant.yaml")
    entries: dict[str, Entry] = {}
    folder = files("govkg.lexicon").joinpath("zh")
    for res in sorted(folder.iterdir(), key=lambda r: r.name):
        if not res.name.endswith(".yaml"):
            continue
        stem = res.name[:-5]
        for name, raw in _read(f"zh/{res.name}").items():
            key = f"{stem}.{name}"
            entries[key] = _entry(f"zh/{res.name}", key, raw, [str(w) for w in overlay.get(key) or []])
    stray = set(overlay) - set(entries)
    if stray:
        raise LexiconError(f"zh-Hant.yaml: entries {sorted(stray)} do not exist")
    return Lexicon(entries)


def entry(key: str) -> Entry:
    """Shorthand for ``lexicon().get(key)``."""
    return lexicon().get(key)


__all__ = ["Entry", "Lexicon", "LexiconError", "lexicon", "entry"]

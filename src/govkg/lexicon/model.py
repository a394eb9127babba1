"""The typed view of the vocabulary: one ``Entry`` per named word list or pattern.

An entry is words (matched as one alternation, longest first) or a regular expression, with the
examples it must match and the counter-examples it must not (``tests/lexicon`` runs both for every
entry). ``match`` says how a rule uses it: ``search`` (anywhere), ``full`` (the whole string),
``start`` or ``end`` (a prefix or suffix). ``map`` gives a word's value where a rule needs one
(the role an assignment label gives, the kind a body ending gives).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

MATCH_MODES = ("search", "full", "start", "end")


@dataclass(frozen=True)
class Entry:
    """One named vocabulary item of the lexicon (``documents.title_kinds``, ``roles.leaders`` …)."""

    key: str
    doc: str
    words: tuple[str, ...] = ()
    pattern: str | None = None
    match: str = "search"
    map: dict[str, Any] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    @cached_property
    def alternation(self) -> str:
        """The entry as a regex fragment (no anchors): its pattern, or its words longest first."""
        if self.pattern is not None:
            return self.pattern
        return "|".join(re.escape(w) for w in sorted(self.words, key=lambda w: (-len(w), w)))

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The entry compiled for its ``match`` mode."""
        alt = f"(?:{self.alternation})"
        return re.compile({"search": alt, "full": f"^{alt}$", "start": f"^{alt}", "end": f"{alt}$"}[self.match])

    def test(self, text: str) -> bool:
        """Whether ``text`` holds the entry the way its ``match`` mode says."""
        return self.regex.search(text) is not None

    def find(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text)

    def value(self, word: str, default: Any = None) -> Any:
        """The ``map`` value of ``word`` (or of the longest mapped word it starts with)."""
        if word in self.map:
            return self.map[word]
        for w in sorted(self.map, key=len, reverse=True):
            if word.startswith(w):
                return self.map[w]
        return default


__all__ = ["Entry", "MATCH_MODES"]

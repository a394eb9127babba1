"""Text with a line map: a ``Span`` is printed text (whitespace removed) with the source line of every
character, so a value read from a joined paragraph still points at the line that prints it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from govkg.extract.composition.vocab import ITEM_START, POST_END, is_agency
from govkg.text.script import simplify


@dataclass
class Span:
    """Text (whitespace removed) with the source line of every character."""

    text: str
    lines: list[int]

    @cached_property
    def simp(self) -> str:
        return simplify(self.text)

    def sub(self, a: int, b: int) -> "Span":
        return Span(self.text[a:b], self.lines[a:b])

    def strip(self, chars: str = "、，,。；;：: ") -> "Span":
        a, b = 0, len(self.text)
        while a < b and self.text[a] in chars:
            a += 1
        while b > a and self.text[b - 1] in chars:
            b -= 1
        return self.sub(a, b)

    @property
    def line(self) -> int:
        return self.lines[0] if self.lines else 0

    @property
    def end_line(self) -> int:
        return self.lines[-1] if self.lines else 0

    def __add__(self, other: "Span") -> "Span":
        return Span(self.text + other.text, self.lines + other.lines)


def make_span(text: str, line: int) -> Span:
    """A printed line (or cell) as a span: markup and whitespace dropped, except that a gap
    between two whole agencies or posts (``市发改委  市财政局``) reads as ``、``."""
    text = _span_text(text)
    return Span(text, [line] * len(text))


@lru_cache(maxsize=65536)  # pure; the same line is made a span by several readers
def _span_text(text: str) -> str:
    if re.search(r"\S\s+\S", text.strip()):
        text = _spaced_list(text)
    return clean(text)


def _spaced_list(text: str) -> str:
    tokens = re.split(r"(\s+)", text.strip())
    words = tokens[0::2]
    if len(words) < 2:
        return text
    out = [words[0]]
    for gap, word in zip(tokens[1::2], words[1:]):
        left, right = simplify(clean(re.split(r"[、：:]", out[-1])[-1])), simplify(clean(word))
        whole = lambda t: len(t) >= 3 and (is_agency(t) or bool(POST_END.search(t)))  # noqa: E731
        out.append(("、" if whole(left) and whole(right) and ITEM_START.match(right) else gap) + word)
    return "".join(out)


TAGS = re.compile(r"</?(?:p|b|strong|br|span|td|tr|i|em)[^>]*>", re.I)


@lru_cache(maxsize=65536)  # pure, and asked again for the same line by several tests of the walk
def clean(text: str) -> str:
    """Drop markup (``**``, HTML tags, heading marks) and all whitespace."""
    text = TAGS.sub("", text).replace("**", "")
    return re.sub(r"\s+", "", text)

"""What the readers could not read: list items skipped while the list went on.

A reader that meets an item it cannot read (a name it does not know, a site's name inside a list)
skips it and goes on; it also says so with :func:`skipped`, so a user sees what was left out. The
driver (``govkg.extract.pipeline``) opens a record per document with :func:`recording` and puts
what was said into the document's result; outside a recording, :func:`skipped` does nothing.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Skipped:
    """One item a reader skipped: the document's line, the text, and why."""

    line: int
    text: str
    reason: str


_CURRENT: ContextVar[list[Skipped] | None] = ContextVar("govkg_skipped", default=None)


def skipped(line: int, text: str, reason: str) -> None:
    """Say that the item ``text`` on ``line`` was skipped, and why (one short phrase)."""
    record = _CURRENT.get()
    if record is not None:
        record.append(Skipped(line, text.strip()[:80], reason))


@contextmanager
def recording() -> Iterator[list[Skipped]]:
    """Collect what the readers skip inside the ``with`` block."""
    record: list[Skipped] = []
    token = _CURRENT.set(record)
    try:
        yield record
    finally:
        _CURRENT.reset(token)


__all__ = ["Skipped", "skipped", "recording"]

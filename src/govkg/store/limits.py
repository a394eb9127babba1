"""Limits on one query: how long it may run and how many rows it may return.

The API sets them for the request it is answering (:func:`limited`, a context variable, so they
follow the request into the worker thread that runs it and no store signature changes); the
stores read them in ``run`` (:func:`current`): LadybugDB with the connection's query timeout,
Neo4j with the transaction's timeout, both counting rows before they are turned into Python
values. A query over a limit raises :class:`~govkg.errors.QueryTimeout` or
:class:`~govkg.errors.TooManyRows`, and the store is free for the next query at once. Outside
a ``limited`` block (the CLI, loads) nothing is limited.
"""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, replace
from typing import Iterator


@dataclass(frozen=True)
class Limits:
    """``timeout`` in seconds and ``max_rows`` per query; None: no limit."""

    timeout: float | None = None
    max_rows: int | None = None


_LIMITS: contextvars.ContextVar[Limits] = contextvars.ContextVar("govkg_query_limits", default=Limits())


def current() -> Limits:
    """The limits queries run under here."""
    return _LIMITS.get()


@contextlib.contextmanager
def limited(*, timeout: float | None = None, max_rows: int | None = None) -> Iterator[Limits]:
    """Run the block's queries under these limits (those not given stay as they are)."""
    now = current()
    token = _LIMITS.set(replace(now, timeout=now.timeout if timeout is None else timeout,
                                max_rows=now.max_rows if max_rows is None else max_rows))
    try:
        yield current()
    finally:
        _LIMITS.reset(token)


@contextlib.contextmanager
def unlimited() -> Iterator[Limits]:
    """Run the block's queries without limits (work done once for every later request, such as
    reading every name into the search index)."""
    token = _LIMITS.set(Limits())
    try:
        yield current()
    finally:
        _LIMITS.reset(token)

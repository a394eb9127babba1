"""A time limit per document (``govkg extract|build --timeout SECONDS``, ``GOVKG_EXTRACT_TIMEOUT``).

A document that runs over the limit is stopped where it is, reported in one line (file, document,
stage, seconds) and the run goes on with the next document. The limit is a ``SIGALRM`` timer
(``signal.setitimer``) in the process that runs the document: this process, or each worker process
of ``--workers N`` (a pool worker runs its tasks on its main thread). The handler raises
:class:`DocumentTimeout`, a ``BaseException``, so the ``except Exception`` that turns a failing stage
into a report does not swallow it. Where no timer can be set (a thread other than the main one, as in
a Dask worker, or a platform without ``setitimer``) documents run without a limit.

A timer interrupts Python code between two bytecodes: one call into C (a regular expression over a
long line) is not cut short, it only ends the document when it returns.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class DocumentTimeout(BaseException):
    """The document ran past the time limit (a ``BaseException``: no stage's ``except Exception`` hides it)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the time limit of {seconds:g} s per document")
        self.seconds = seconds


def can_limit() -> bool:
    """Whether :func:`time_limit` can stop work here (a main thread on a platform with ``setitimer``)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the body once ``seconds`` have passed (None or 0: no limit)."""
    if not (seconds and 0 < seconds < float("inf")) or not can_limit():  # None, 0, nan, inf: no limit
        yield
        return
    armed = True

    def on_alarm(signum: int, frame: object) -> None:
        if armed:  # not once the body is over (the timer may fire while it is being stopped)
            raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["DocumentTimeout", "can_limit", "time_limit"]

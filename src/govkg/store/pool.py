"""A small pool of connections to one open embedded database, for serving queries from many threads.

A LadybugDB ``Connection`` runs one query at a time, but several connections on one ``Database``
run read queries side by side, and the engine releases the GIL while it executes: with one
connection behind one lock the API's worker threads spent 95% of their time waiting on the lock
(issue 13). The pool lends a connection per query (the most recently returned first, so a light
load keeps using one warm connection) and opens more, up to ``size``, only when all are busy.

Closing waits for the connections lent out to come back, so a query running when the rebuild
follower (``govkg.api.follow``) retires the store finishes on it; a query asked after the close
is refused with :class:`~govkg.errors.StoreError` (the API answers 503), never run on a closed
connection.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Generic, Iterator, TypeVar

from govkg.errors import StoreError

C = TypeVar("C")


class ConnectionPool(Generic[C]):
    """Up to ``size`` connections made by ``connect`` (no argument), lent one at a time; ``close``
    closes each (its ``close()``) once none is lent."""

    def __init__(self, connect: Callable[[], C], size: int) -> None:
        if size < 1:
            raise ValueError(f"a connection pool needs at least one connection, got {size}")
        self._connect, self.size = connect, size
        self._free: list[C] = []
        self._opened: list[C] = []
        self._slots = 0  # connections opened or being opened
        self._lent = 0
        self._closed = False
        self._changed = threading.Condition()

    @contextmanager
    def connection(self) -> Iterator[C]:
        """A connection of the pool for the caller's thread until the block ends."""
        conn = self._take()
        try:
            yield conn
        finally:
            with self._changed:
                self._free.append(conn)
                self._lent -= 1
                if self._closed:
                    self._changed.notify_all()  # the closer waits for the last one
                else:
                    self._changed.notify()

    def _take(self) -> C:
        with self._changed:
            while True:
                if self._closed:
                    raise StoreError("the embedded graph was closed (a reloaded graph is served now): ask again")
                if self._free:
                    self._lent += 1
                    return self._free.pop()
                if self._slots < self.size:
                    break
                self._changed.wait()
            self._lent += 1
            self._slots += 1  # reserve the slot, then connect outside the lock
        try:
            conn = self._connect()
        except BaseException:
            with self._changed:
                self._lent -= 1
                self._slots -= 1
                self._changed.notify_all()
            raise
        with self._changed:
            self._opened.append(conn)
        return conn

    @property
    def opened(self) -> int:
        """How many connections the pool has opened so far."""
        return len(self._opened)

    def close(self) -> None:
        """Refuse new borrowers, wait for the lent connections to come back, close them all."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()  # waiters raise StoreError instead of waiting for a connection
            while self._lent:
                self._changed.wait()
            opened, self._opened, self._free, self._slots = self._opened, [], [], 0
        for conn in opened:
            conn.close()


__all__ = ["ConnectionPool"]

"""Serving a reloaded graph without a restart, and letting go of answers about the old one.

Two ways a served graph changes under the server:

- the embedded store: ``govkg build`` and ``govkg load`` replace the database file whole (a
  sibling file moved over it, see :func:`govkg.store.load_embedded`). A server that opened the
  old file keeps answering from it; when the app opened the store itself (``app.state.followed``
  is the database path) this middleware notices the new file (a ``stat``), opens it read-only and
  swaps it in. The store swapped out is closed one swap later, so a request still using it can
  finish; opening runs in a worker thread and closing in the background, so no request waits for it.
- any other store (Neo4j, or an embedded store handed to :func:`govkg.api.app.create_app`): the
  store reads what is loaded now, and the middleware asks it what that is
  (``store.loaded_build()["load_id"]``, new with every load).

Either way it looks at most once per ``app.state.follow_interval`` seconds (default 1), and on a
change bumps ``app.state.generation`` (which the response cache keys on, so no old answer is
served again), drops the search index and the node ids (rebuilt on next use) and keeps
``app.state.loaded_build``.
"""
from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any, Callable

from starlette.concurrency import run_in_threadpool

from govkg.errors import StoreError

log = logging.getLogger(__name__)


def file_identity(path: Path) -> tuple[int, int, int] | None:
    """What changes when the file is replaced or rewritten: inode, modification time, size."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def loaded_build(store: Any) -> dict[str, Any] | None:
    """What ``store`` says it has loaded (None when it cannot say: unreachable, or loaded before loads were recorded)."""
    try:
        return store.loaded_build()
    except (StoreError, AttributeError):
        return None


class FollowGraphFile:
    """ASGI middleware: keep the app's store and caches on the graph that is loaded now."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self._checked = 0.0
        self._busy: asyncio.Lock | None = None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        api = scope.get("app")
        if scope["type"] == "http" and api is not None and getattr(api.state, "store", None) is not None:
            now = time.monotonic()
            if now - self._checked >= api.state.follow_interval:
                if self._busy is None:
                    self._busy = asyncio.Lock()
                if not self._busy.locked():  # another request is looking already: go on
                    async with self._busy:
                        self._checked = now
                        retired = await run_in_threadpool(check, api.state)
                    for old in retired:  # closing may wait for a query still running on it: no request waits
                        _closing.add(asyncio.get_running_loop().run_in_executor(None, close_quietly, old))
                        _closing.difference_update({f for f in _closing if f.done()})
        await self.app(scope, receive, send)


_closing: set[asyncio.Future[None]] = set()  # closes under way (a reference keeps each until it is done)


def close_quietly(store: Any) -> None:
    """Close a store that is no longer served; a failure is logged, never raised into a request."""
    try:
        store.close()
    except Exception as err:  # noqa: BLE001 - nothing uses it any more: say so and go on
        log.warning("closing a retired store failed: %s", err)


_swap = threading.Lock()


def check(state: Any) -> list[Any]:
    """Follow a change of the loaded graph (see the module docstring); the stores to close now."""
    with _swap:
        if getattr(state, "followed", None) is not None:
            return follow(state)
        loaded = loaded_build(state.store)
        seen = loaded.get("load_id") if loaded else None
        if seen is not None and seen != getattr(state, "loaded_id", None):
            if getattr(state, "loaded_id", None) is not None:
                _new_generation(state)
            state.loaded_id, state.loaded_build = seen, loaded
        return []


def follow(state: Any) -> list[Any]:
    """Swap in the database file at ``state.followed`` if it changed since opened; the stores to
    close now (the one swapped out a swap ago: a request may still be using the last one)."""
    from govkg.store.ladybug import LadybugStore

    path: Path = state.followed
    seen = file_identity(path)
    if seen is None or seen == state.followed_identity:
        return []
    try:
        fresh = LadybugStore(path, read_only=True, read_connections=state.settings.store.read_connections)
    except StoreError as err:  # caught mid-write by a non-atomic writer: try again next time
        log.warning("graph file changed but cannot be opened yet: %s", err)
        return []
    retired = state.retired
    retired.append(state.store)
    state.store = fresh
    state.followed_identity = seen
    state.loaded_build = loaded_build(fresh)
    state.loaded_id = state.loaded_build.get("load_id") if state.loaded_build else None
    _new_generation(state)
    closing = []
    while len(retired) > 1:
        closing.append(retired.pop(0))
    return closing


def _new_generation(state: Any) -> None:
    state.index = state.ids = None  # both read the graph swapped out
    state.generation += 1
    log.info("serving the reloaded graph (generation %d)", state.generation)

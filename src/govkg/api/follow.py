"""Serving a rebuilt graph without a restart.

``govkg build`` and ``govkg load`` replace the embedded database file whole (a sibling file
moved over it, see :func:`govkg.store.load_embedded`). A server that opened the old file keeps
answering from it; this middleware notices the new file (a ``stat`` at most once per
``app.state.follow_interval`` seconds, default 1), opens it read-only and swaps it in: the search index is rebuilt on next
use and the response cache, which keys on ``app.state.generation``, stops matching old answers.
The store swapped out is closed one swap later, so a request still using it can finish.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Callable

from govkg.errors import StoreError

log = logging.getLogger(__name__)


def file_identity(path: Path) -> tuple[int, int, int] | None:
    """What changes when the file is replaced or rewritten: inode, modification time, size."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


class FollowGraphFile:
    """ASGI middleware: swap in a new read-only embedded store when its file was replaced.

    Active only when the app opened the embedded store itself (``app.state.followed`` is the
    database path); a store handed to :func:`govkg.api.app.create_app` is the caller's to manage.
    """

    def __init__(self, app: Callable) -> None:
        self.app = app
        self._checked = 0.0

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        api = scope.get("app")
        if scope["type"] == "http" and api is not None and getattr(api.state, "followed", None) is not None:
            now = time.monotonic()
            if now - self._checked >= api.state.follow_interval:
                self._checked = now
                follow(api.state)
        await self.app(scope, receive, send)


def follow(state: Any) -> bool:
    """Swap in the database file at ``state.followed`` if it changed since opened; whether it did."""
    from govkg.store.ladybug import LadybugStore

    path: Path = state.followed
    seen = file_identity(path)
    if seen is None or seen == state.followed_identity:
        return False
    try:
        fresh = LadybugStore(path, read_only=True)
    except StoreError as err:  # caught mid-write by a non-atomic writer: try again next time
        log.warning("graph file changed but cannot be opened yet: %s", err)
        return False
    retired = state.retired
    retired.append(state.store)
    state.store, state.index = fresh, None
    state.followed_identity = seen
    state.generation += 1
    while len(retired) > 1:
        retired.pop(0).close()
    log.info("serving the rebuilt graph at %s (generation %d)", path, state.generation)
    return True

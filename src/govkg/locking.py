"""One writer at a time: an advisory lock beside a build folder or a store.

Two ``govkg build`` runs into one folder, or a build and a load of the same store, would mix
their outputs; each takes ``exclusive(target)`` first. The lock is ``flock`` on a small file
beside the target (``.<name>.lock``), so it is released by the kernel when the process dies:
a killed run never leaves a lock behind.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from govkg.errors import Busy


def lock_path(target: str | Path) -> Path:
    """The lock file of ``target`` (a folder or a file): ``.<name>.lock`` in its parent folder."""
    p = Path(target).absolute()
    return p.parent / f".{p.name}.lock"


@contextmanager
def exclusive(target: str | Path, what: str = "build") -> Iterator[Path]:
    """Hold the lock of ``target`` for the block, or raise :class:`Busy` at once if another process holds it."""
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
            raise Busy(f"{Path(target)} is in use by another {what} (pid {holder}); try again when it ends") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing releases the flock


__all__ = ["exclusive", "lock_path"]

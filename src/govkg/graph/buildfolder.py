"""A build folder written aside and switched in whole: a failed, empty or killed build never replaces a good one.

Every output is written into a staging folder beside the target (``.<name>.staging``), the
manifest last (``govkg.graph.manifest``); only then is the target replaced, by two renames on
one file system (old aside, staging in), and the old folder removed. A kill between the two
renames leaves the old build aside, and :func:`recover` (run by every build and load) puts it
back. A build that is refused (no facts, SHACL violations) is left in ``.<name>.rejected`` for
inspection, and the target is untouched.

The target must be a build folder already (it has a manifest, or holds only what builds write),
or empty, or absent: a build never moves away a folder of someone else's files.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from govkg.errors import BuildRefused
from govkg.graph.manifest import MANIFEST

# what builds before the manifest wrote: such a folder may be replaced too
_LEGACY_OUTPUTS = frozenset({"facts.jsonl", "graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "nodes.csv",
                             "edges.csv", "sources", "skipped.txt", "tables"})


def _sibling(target: Path, suffix: str) -> Path:
    return target.parent / f".{target.name}.{suffix}"


def staging_path(target: str | Path) -> Path:
    """Where a build into ``target`` writes before it is switched in."""
    return _sibling(Path(target).absolute(), "staging")


def rejected_path(target: str | Path) -> Path:
    """Where a refused build into ``target`` is left for inspection."""
    return _sibling(Path(target).absolute(), "rejected")


def cache_path(target: str | Path) -> Path:
    """The extraction cache of builds into ``target`` (``govkg.extract.cache``): beside it, so a switch keeps it."""
    return _sibling(Path(target).absolute(), "cache")


def _aside_path(target: Path) -> Path:
    return _sibling(target, "old")


def recover(target: str | Path) -> None:
    """Undo a switch a kill interrupted (target gone, old build aside) and drop leftovers of a killed switch."""
    target = Path(target).absolute()
    aside = _aside_path(target)
    if aside.is_dir():
        if target.exists():
            shutil.rmtree(aside, ignore_errors=True)  # the new build is in place; the old one was being removed
        else:
            os.rename(aside, target)


def check_replaceable(target: str | Path) -> None:
    """Raise :class:`BuildRefused` unless ``target`` is absent, empty, or a build folder."""
    target = Path(target)
    if not target.exists():
        return
    if not target.is_dir():
        raise BuildRefused(f"{target} is a file, not a folder: choose another --out")
    names = {p.name for p in target.iterdir()}
    if names and MANIFEST not in names and not names <= _LEGACY_OUTPUTS:
        foreign = ", ".join(sorted(names - _LEGACY_OUTPUTS)[:3])
        raise BuildRefused(f"{target} holds files no build wrote ({foreign}): choose an empty folder for --out")


@contextmanager
def staged(target: str | Path) -> Iterator[Path]:
    """A fresh staging folder for a build into ``target`` (the caller holds the target's lock).

    The block writes there and calls :func:`switch` or :func:`reject`; if it raises, the staging
    folder is removed and the target is untouched.
    """
    target = Path(target).absolute()
    check_replaceable(target)
    recover(target)
    staging = staging_path(target)
    shutil.rmtree(staging, ignore_errors=True)  # a killed build's leftovers: we hold the lock, so nobody writes there
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def switch(staging: Path, target: str | Path) -> None:
    """Put the finished build in ``staging`` in place of ``target``."""
    target = Path(target).absolute()
    aside = _aside_path(target)
    shutil.rmtree(aside, ignore_errors=True)
    if target.exists():
        os.rename(target, aside)
    os.rename(staging, target)
    shutil.rmtree(aside, ignore_errors=True)
    shutil.rmtree(rejected_path(target), ignore_errors=True)  # a good build supersedes the last refused one


def reject(staging: Path, target: str | Path) -> Path:
    """Keep a refused build for inspection in ``.<name>.rejected``; the target is untouched. Returns its path."""
    kept = rejected_path(target)
    shutil.rmtree(kept, ignore_errors=True)
    os.rename(staging, kept)
    return kept


__all__ = ["staging_path", "rejected_path", "cache_path", "recover", "check_replaceable", "staged", "switch", "reject"]

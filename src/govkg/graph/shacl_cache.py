"""The SHACL results of graph parts, remembered between builds: a rebuild validates only the parts that changed.

A part's results are a function of its bytes, the shapes and the engine (``govkg.graph.shacl_split``: the
results of a part are those of the same lines validated anywhere), so an entry is keyed by a SHA-256 of
exactly those: the part's bytes, the shapes file's bytes, the engine with its version, and the code that turns
an engine's report into results (``govkg.graph.validate``). Which of a part's results count (those of focus
nodes homed there) is decided afresh by each build, so an entry keeps all of them. Parts are homed by hashes
that adding a document elsewhere leaves alone, so most parts of a rebuild are the same files as the last
build's. Entries are JSON files written aside and renamed (a killed build leaves no half entry); a damaged
one is validated again; ``prune`` drops what the last build did not use.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import astuple
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from govkg.extract.cache import prune_entries
from govkg.resources import code_digest

_FORMAT = 1
SUFFIX = ".shacl.json"


@lru_cache(maxsize=8)
def validator_version(shapes_path: Path, engine: str) -> str:
    """What besides a part decides its results: the shapes' bytes, the engine and its version, our reading of it."""
    try:
        version = metadata.version(engine)
    except metadata.PackageNotFoundError:
        version = "?"
    shapes = hashlib.sha256(Path(shapes_path).read_bytes()).hexdigest()
    return f"{_FORMAT}/{engine}/{version}/{shapes}/{code_digest('graph/validate.py')}"


def part_digest(part: Path, version: str) -> str:
    """The key of a part's results: SHA-256 of ``version`` and the part's bytes."""
    h = hashlib.sha256(version.encode("utf-8") + b"\0")
    with open(part, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:40]


class PartResults:
    """Remembered results of parts in ``folder`` (created on first write), for one ``version`` of the validator
    (:func:`validator_version`); ``make`` makes a result of its fields as remembered (``validate.Result``).

    ``reuse`` False (``govkg build --fresh``): nothing is read, every part is validated and remembered."""

    def __init__(self, folder: str | Path, version: str, make: Callable[..., Any], reuse: bool = True) -> None:
        self.folder = Path(folder)
        self.version, self.make = version, make
        self.reuse = reuse
        self.used: set[str] = set()
        self.asked = self.hits = 0  # parts looked up, and of them found

    def key(self, part: Path) -> str:
        self.asked += 1
        return part_digest(part, self.version)

    def get(self, key: str) -> tuple[bool, list] | None:
        """The verdict and results remembered under ``key``; None if there are none (or they are damaged)."""
        if not self.reuse:
            return None
        try:
            got = json.loads((self.folder / f"{key}{SUFFIX}").read_text(encoding="utf-8"))
            if got["format"] != _FORMAT or got["version"] != self.version:
                return None
            results = [self.make(*r) for r in got["results"]]
            conforms = got["conforms"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(conforms, bool) or conforms != (not results):
            return None  # not what a validation gives: validate again
        self.used.add(key)
        self.hits += 1
        return conforms, results

    def put(self, key: str, conforms: bool, results: list) -> None:
        """Remember a part's verdict and every one of its results."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        entry = {"format": _FORMAT, "version": self.version, "conforms": bool(conforms),
                 "results": [list(astuple(r)) for r in results]}
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.folder / f"{key}{SUFFIX}")
        self.used.add(key)

    def prune(self) -> int:
        """Remove the entries no ``get``/``put`` of this run touched; how many were removed."""
        return prune_entries(self.folder, SUFFIX, self.used)


__all__ = ["PartResults", "part_digest", "validator_version"]

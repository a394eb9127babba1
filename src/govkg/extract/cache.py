"""What each input file gave, remembered between builds: a rebuild extracts only new or changed files.

An entry is keyed by the file's name, the SHA-256 of its bytes and the extractor's version (a hash
of the code and vocabulary that make facts: ``govkg.text``, ``govkg.extract``, ``govkg.lexicon``,
``govkg.facts``), so changing a file, renaming it or changing the rules all miss the cache, and a
file that is gone is simply not asked for (its facts leave the build). Entries are JSONL files —
one line of what the file gave besides facts (with the text read, which a PDF or a scan costs most
to make), then its facts — written aside and renamed, so a
killed build leaves no half entry. ``prune`` drops the entries the last build did not use.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import govkg
from govkg.facts import Fact, fact_from_dict
from govkg.resources import code_digest

_FORMAT = 2  # 2: the file's text is kept with its facts


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of every file that decides what facts a text gives (code, vocabulary, data)."""
    return code_digest("facts.py", "text", "extract", "lexicon", salt=f"{govkg.__version__}/{_FORMAT}")


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class ExtractCache:
    """Per-file extraction results in ``folder`` (created on first write)."""

    def __init__(self, folder: str | Path, reuse: bool = True) -> None:
        self.folder = Path(folder)
        self.reuse = reuse  # False: every file is extracted again (``--fresh``), and remembered for the next build
        self.used: set[str] = set()

    def key(self, name: str, digest: str) -> str:
        return hashlib.sha256(f"{extractor_version()}\0{name}\0{digest}".encode()).hexdigest()[:32]

    def get(self, name: str, digest: str) -> tuple[dict[str, Any], list[Fact]] | None:
        """The remembered result of file ``name`` with content ``digest``: (what it gave besides facts, facts)."""
        if not self.reuse:
            return None
        key = self.key(name, digest)
        path = self.folder / f"{key}.jsonl"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            meta = json.loads(lines[0])
            facts = [fact_from_dict(json.loads(line)) for line in lines[1:]]
        except (OSError, IndexError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: extract again
        if meta.get("format") != _FORMAT or meta.get("name") != name:
            return None
        self.used.add(key)
        return meta, facts

    def put(self, name: str, digest: str, meta: dict[str, Any], facts: Iterable[Fact]) -> None:
        """Remember what file ``name`` gave."""
        key = self.key(name, digest)
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"format": _FORMAT, "name": name, **meta}, ensure_ascii=False) + "\n")
            fh.writelines(f.to_json() + "\n" for f in facts)
        os.replace(tmp, self.folder / f"{key}.jsonl")
        self.used.add(key)

    def prune(self) -> int:
        """Remove the entries no ``get``/``put`` of this run touched; how many were removed."""
        return prune_entries(self.folder, ".jsonl", self.used)


def prune_entries(folder: Path, suffix: str, used: set[str]) -> int:
    """Remove from ``folder`` the entries (``<key><suffix>``) whose key is not in ``used``, and any ``.tmp`` left
    by a killed writer; how many were removed. Other files and folders are left alone."""
    if not folder.is_dir():
        return 0
    gone = 0
    for p in folder.iterdir():
        if (p.name.endswith(suffix) and p.name[:-len(suffix)] not in used) or p.suffix == ".tmp":
            p.unlink(missing_ok=True)
            gone += 1
    return gone


__all__ = ["ExtractCache", "extractor_version", "file_digest", "prune_entries"]

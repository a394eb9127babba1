"""The source texts of a build: each gazette file as read (decoded, ``\\n`` line ends), so that a
document page can show the line an edge cites.

A build writes them to ``<out>/sources/<file name>`` and hands them to the property graph, where
each ``Document`` node keeps the lines of its printing (``text``, from ``line`` to ``end_line``).
The server reads them from the store only: no page ever opens a path.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

SOURCES_DIR = "sources"


def collect(paths: Iterable[str | Path]) -> dict[str, str]:
    """File name → text of every readable file among ``paths`` (as the extractors read it)."""
    from govkg.errors import UnreadableFile
    from govkg.text.read import read_source

    out: dict[str, str] = {}
    for p in paths:
        try:
            src = read_source(p)
        except UnreadableFile:
            continue
        out[src.name] = src.text
    return out


def _plain(name: str) -> bool:
    return bool(name) and name == Path(name).name and name not in (".", "..")


def write(texts: Mapping[str, str], out_dir: str | Path) -> Path:
    """The texts as UTF-8 files in ``out_dir/sources`` (a name that is not a plain file name is skipped)."""
    folder = Path(out_dir) / SOURCES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(texts.items()):
        if _plain(name):
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def read(folder: str | Path) -> dict[str, str]:
    """The texts a build wrote (``{}`` when the folder is missing)."""
    p = Path(folder)
    if not p.is_dir():
        return {}
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(p.iterdir()) if f.is_file()}


def lines_of(text: str, start: int | None, end: int | None) -> str | None:
    """Lines ``start`` to ``end`` (1-based, inclusive; ``end`` missing: to the end of the file)."""
    if not start or start < 1:
        return None
    lines = text.split("\n")
    return "\n".join(lines[start - 1:end or len(lines)])


__all__ = ["SOURCES_DIR", "collect", "write", "read", "lines_of"]

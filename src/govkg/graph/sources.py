"""The source texts of a build: each gazette file as read (decoded, ``\\n`` line ends), so that a
document page can show the line an edge cites.

A build writes them to ``<out>/sources/<file name>`` and hands them to the property graph, where
each ``Document`` node keeps the lines of its printing (``text``, from ``line`` to ``end_line``).
The server reads them from the store only: no page ever opens a path.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:
    from govkg.text.read import SourceText

SOURCES_DIR = "sources"


def read_all(paths: Iterable[str | Path]) -> dict[str, "SourceText"]:
    """File name → what was read of every readable file among ``paths`` (as the extractors read it)."""
    from govkg.errors import UnreadableFile
    from govkg.text.read import read_source

    out: dict[str, SourceText] = {}
    for p in paths:
        try:
            src = read_source(p)
        except UnreadableFile:
            continue
        out[src.name] = src
    return out


def collect(paths: Iterable[str | Path]) -> dict[str, str]:
    """File name → text of every readable file among ``paths`` (as the extractors read it)."""
    return {name: src.text for name, src in read_all(paths).items()}


def plain_name(name: str) -> bool:
    """Is ``name`` a bare file name (no folder, not ``.`` or ``..``), safe to write under a build folder?"""
    return bool(name) and name == Path(name).name and name not in (".", "..")


def write(texts: Mapping[str, str], out_dir: str | Path) -> Path:
    """The texts as UTF-8 files in ``out_dir/sources`` (a name that is not a plain file name is skipped)."""
    folder = Path(out_dir) / SOURCES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(texts.items()):
        if plain_name(name):
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


__all__ = ["SOURCES_DIR", "read_all", "collect", "plain_name", "write", "read", "lines_of"]

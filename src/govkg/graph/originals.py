"""The original files of a build: each PDF, web page or Word file read, kept as it was published, with
where each line of its text stands in it, so that a page citing a line can offer the PDF at its page.

A build keeps them in ``<out>/originals/<file name>`` (a hard link to the input when the file system
allows it, else a copy) and writes ``<out>/origins/<file name>.json``: a JSON list whose item ``i``
is the origin of line ``i + 1`` of the text read (``{"page": 3, "line": 12}``, ``{"line": 45}``,
``{"paragraph": 17}``; ``null`` for a blank line). The manifest lists both under ``files`` with their
checksums, and the originals under ``originals`` (``govkg.graph.manifest``). A plain text file has
no original: its text is ``sources/<file name>`` already, and a build of ``.txt`` files writes
nothing here, so its folder and manifest are as before.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from govkg.graph.sources import plain_name

if TYPE_CHECKING:
    from govkg.text.read import SourceText

ORIGINALS_DIR = "originals"
ORIGINS_DIR = "origins"
# what a browser is told each format is (the route serving them: govkg.api.routers.originals)
MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def origins_path(name: str) -> str:
    """The build-relative path of the line map of the original ``name``."""
    return f"{ORIGINS_DIR}/{name}.json"


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)  # no second copy of a large scan; the manifest's checksum says if it changed since
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(src, dst)


def keep(read: Mapping[str, "SourceText"], out_dir: str | Path) -> dict[str, dict[str, str]]:
    """Keep every file of ``read`` (file name → what was read) that is not plain text in ``out_dir``;
    returns file name → ``{"format", "path", "origins"}`` for the manifest (``{}`` when none)."""
    kept: dict[str, dict[str, str]] = {}
    for name, src in sorted(read.items()):
        if src.format not in MEDIA_TYPES or not plain_name(name) or not src.path.is_file():
            continue
        folder, lines = Path(out_dir) / ORIGINALS_DIR, Path(out_dir) / ORIGINS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        lines.mkdir(parents=True, exist_ok=True)
        _link_or_copy(src.path, folder / name)
        origins = [o.to_dict() if o is not None else None for o in (src.origins or ())]
        (Path(out_dir) / origins_path(name)).write_text(json.dumps(origins, separators=(",", ":")) + "\n",
                                                        encoding="utf-8")
        kept[name] = {"format": src.format, "path": f"{ORIGINALS_DIR}/{name}", "origins": origins_path(name)}
    return kept


def where(origin: Mapping[str, Any] | None, fmt: str) -> str:
    """Where a line stands in its original, as a reader says it: ``第 3 页第 12 行 page 3, line 12``."""
    if not origin:
        return ""
    if fmt == "pdf" and origin.get("page"):
        return f"第 {origin['page']} 页第 {origin.get('line', '?')} 行 page {origin['page']}, line {origin.get('line', '?')}"
    if fmt == "docx" and origin.get("table"):
        return f"表 {origin['table']} 第 {origin.get('row', '?')} 行 table {origin['table']}, row {origin.get('row', '?')}"
    if fmt == "docx" and origin.get("paragraph"):
        return f"第 {origin['paragraph']} 段 paragraph {origin['paragraph']}"
    if origin.get("line"):
        return f"原网页第 {origin['line']} 行 line {origin['line']} of the saved page"
    return ""


__all__ = ["ORIGINALS_DIR", "ORIGINS_DIR", "MEDIA_TYPES", "origins_path", "keep", "where"]

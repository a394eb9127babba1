"""The original files of the served build (``govkg.graph.originals``): which exist, where a cited line
stands in one, and the links the pages put beside a source (the PDF at its page).

Everything comes from the build folder behind the served graph (``govkg.api.buildfiles``): without
one, or with a build of text files, there are no originals and the pages show no such links.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from govkg.api.buildfiles import BuildUnavailable, ServedBuild, served_build
from govkg.api.pagedata import DocumentPage, Profile, Row, Source
from govkg.graph.originals import ORIGINALS_DIR, where
from govkg.graph.sources import plain_name

LABELS = {"pdf": "PDF", "html": "HTML", "docx": "Word"}


def original_href(name: str, origin: dict[str, Any] | None = None) -> str:
    """The route serving original ``name``; a PDF's opens at the page of ``origin`` (``#page=N``,
    which browsers' PDF viewers follow)."""
    href = f"/original/{quote(name, safe='')}"
    page = (origin or {}).get("page")
    return href + (f"#page={int(page)}" if isinstance(page, int) and page > 0 else "")


@lru_cache(maxsize=64)
def _line_map(path: str, sha256: str) -> tuple[Any, ...]:
    """The origins of one original's text lines (cached by checksum: a rebuild writes another)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    return tuple(d if isinstance(d, dict) else None for d in data) if isinstance(data, list) else ()


@dataclass(frozen=True)
class ServedOriginals:
    """The originals a served build kept, by file name."""

    build: ServedBuild
    entries: dict[str, dict[str, Any]]

    def entry(self, name: str | None) -> dict[str, Any] | None:
        """The manifest's entry of original ``name``, when the build kept that file where it should be."""
        entry = self.entries.get(name or "")
        if not isinstance(entry, dict) or not plain_name(name or "") or entry.get("path") != f"{ORIGINALS_DIR}/{name}":
            return None
        return entry if entry["path"] in self.build.manifest.get("files", {}) else None

    def path(self, name: str) -> Path | None:
        """The file of original ``name`` in the build folder (None: not kept, or missing, or changed in size)."""
        entry = self.entry(name)
        path = self.build.folder / entry["path"] if entry else None
        if path is None or not path.is_file() or path.stat().st_size != entry.get("bytes"):
            return None
        return path

    def origin(self, name: str | None, line: int | None) -> dict[str, Any] | None:
        """Where line ``line`` of the text read from ``name`` stands in the original."""
        entry = self.entry(name)
        listed = (self.build.manifest.get("files") or {}).get(str((entry or {}).get("origins")))
        if not entry or not line or not listed:
            return None
        lines = _line_map(str(self.build.folder / entry["origins"]), str(listed.get("sha256")))
        return lines[line - 1] if 0 < line <= len(lines) else None

    def link(self, source: Source) -> Source:
        """``source`` with the link to its original (at the page of its line) when there is one."""
        entry = self.entry(source.file)
        if entry is None or source.file is None:
            return source
        origin = self.origin(source.file, source.line)
        page = f" p.{origin['page']}" if origin and entry["format"] == "pdf" and origin.get("page") else ""
        return replace(source, original=original_href(source.file, origin),
                       original_label=f"原件 {LABELS.get(entry['format'], '')}{page}",
                       where=where(origin, entry["format"]))


def served_originals(state: Any) -> ServedOriginals | None:
    """The originals of the served build; None when no build folder is known or it kept none."""
    try:
        build = served_build(state)
    except BuildUnavailable:
        return None
    entries = build.manifest.get("originals")
    return ServedOriginals(build, entries) if isinstance(entries, dict) and entries else None


def _rows(profiles: Iterable[Profile]) -> Iterable[Row]:
    for p in profiles:
        for s in p.sections:
            yield from s.rows
            for g in s.groups:
                yield from g.rows


def link_profiles(profiles: list[Profile], originals: ServedOriginals | None) -> list[Profile]:
    """Every source on the entity pages ``profiles`` with its original's link (changed in place)."""
    if originals is None:
        return profiles
    for row in _rows(profiles):
        row.sources = [originals.link(s) for s in row.sources]
        for key, value in row.extra.items():
            if isinstance(value, Source):
                row.extra[key] = originals.link(value)
    return profiles


def link_document(page: DocumentPage, originals: ServedOriginals | None) -> DocumentPage:
    """The document page with its original file and where the highlighted line stands in it."""
    name = page.props.get("file")
    entry = originals.entry(name) if originals else None
    if originals is None or entry is None:
        return page
    origin = originals.origin(name, page.line) if page.line else None
    page.original = {"href": original_href(name), "label": LABELS.get(entry["format"], entry["format"]),
                     "line_href": original_href(name, origin) if origin else "",
                     "where": where(origin, entry["format"])}
    return page


__all__ = ["ServedOriginals", "served_originals", "original_href", "link_profiles", "link_document"]

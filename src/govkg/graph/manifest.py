"""The manifest of a build folder: what was built, from what, and the checksum of every file.

``manifest.json`` is written last, into the staging folder, after every other output
(``govkg.graph.buildfolder``); a folder without it, or with a file that does not match it, is
not a finished build, and ``govkg load`` refuses it (:func:`verify`) instead of loading a
truncated ``graph.nt``. The downloads page shows it to people taking the graph elsewhere.

Format (``"format": "govkg-build/2"``)::

    {"format": "govkg-build/2", "govkg_version": "0.1.0", "rules": "9f2c…",   # build_version()
     "built_at": "2026-12-02T10:00:00Z",
     "inputs": [{"path": "corpus/001.txt", "sha256": "…", "bytes": 123}],   # corpus files or the facts file
     "facts": 1234, "triples": 4825, "conforms": true,
     "classes": {"org:Organization": 71},            # RDF class → instances
     "predicates": {"org:member": 703},               # RDF property → triples (from graph.nt)
     "counts": {"Body": 71, "MEMBER_OF": 340},        # property-graph label / relation → count
     "files": {"graph.nt": {"sha256": "…", "bytes": 456}},   # every output but the manifest, by relative path
     "originals": {"issue.pdf": {"format": "pdf", "path": "originals/issue.pdf",   # only when the build
                                 "origins": "origins/issue.pdf.json", "sha256": "…", "bytes": 789}}}  # read any

``govkg-build/1`` is the same without ``predicates``; both are read. ``originals`` (the PDF, web page
and Word files read, ``govkg.graph.originals``) is there only when the build read such a file: a
build of text files writes the manifest it wrote before, and a reader that does not know the key
reads the rest as before. ``rules`` (a hash of the code and data that make the graph) lets a rebuild with
the same inputs keep the folder as it is (:func:`unchanged_build`); a manifest without it is rebuilt.
"""
from __future__ import annotations

import json
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from govkg.errors import IncompleteBuild
from govkg.extract.cache import extractor_version, file_digest
from govkg.resources import code_digest

MANIFEST = "manifest.json"
FORMAT = "govkg-build/2"
READABLE = ("govkg-build/1", FORMAT)  # /2 added "predicates"; a /1 folder is still loaded and served


def _entry(path: Path) -> dict[str, Any]:
    return {"sha256": file_digest(path), "bytes": path.stat().st_size}


@lru_cache(maxsize=1)
def build_version() -> str:
    """A hash of every package file that decides what a build writes from its inputs: the extractor's
    (``extractor_version``) and the graph stage's code, the ontology, shapes and registry."""
    return code_digest("graph", "data", "resources.py", salt=extractor_version())


def input_entries(inputs: Iterable[str | Path]) -> list[dict[str, Any]]:
    """The manifest's ``inputs``: each input file with its checksum and size, in the order given."""
    return [{"path": str(p), **_entry(Path(p))} for p in inputs if Path(p).is_file()]


def unchanged_build(folder: str | Path, inputs: Iterable[str | Path], *, validate: bool) -> dict[str, Any] | None:
    """The manifest of the build in ``folder`` when building ``inputs`` again would write the same graph:
    the same input files (paths and checksums, in order; the judgements file is one), the same
    :func:`build_version`, validated if ``validate`` asks, not empty, and every file as built
    (:func:`verify`). None otherwise, or when the folder holds no finished build."""
    try:
        manifest = verify(folder)
    except IncompleteBuild:
        return None
    if manifest.get("rules") != build_version() or not manifest.get("facts"):
        return None
    if validate and manifest.get("conforms") is not True:
        return None
    return manifest if manifest.get("inputs") == input_entries(inputs) else None


def file_entries(folder: str | Path) -> dict[str, dict[str, Any]]:
    """The checksum and size of every file under ``folder`` but the manifest, by path relative to it."""
    root = Path(folder)
    return {p.relative_to(root).as_posix(): _entry(p) for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


def predicate_counts(ntriples: Path) -> dict[str, int]:
    """Triples per predicate of an N-Triples file, prefixed as in ``classes`` (``org:member``).

    Read from the file the build wrote (one triple a line, no space inside an IRI or a blank node
    label, so the predicate is the second field) instead of asking the builder for one more count."""
    from collections import Counter

    seen: Counter[str] = Counter()
    with open(ntriples, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[1].startswith("<"):
                seen[parts[1][1:-1]] += 1
    return prefixed(seen)


def prefixed(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts by predicate IRI, by prefixed name (``org:member``) and sorted, as the manifest lists them."""
    from govkg.graph.terms import PREFIXES

    prefixes = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda t: -len(t[1]))

    def short(iri: str) -> str:
        return next((f"{p}:{iri[len(ns):]}" for p, ns in prefixes if iri.startswith(ns)), iri)

    return dict(sorted((short(iri), n) for iri, n in counts.items()))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("govkg")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        from govkg import __version__

        return __version__


def write_manifest(folder: str | Path, *, inputs: Iterable[str | Path] = (), facts: int = 0, triples: int = 0,
                   conforms: bool | None = None, classes: Mapping[str, int] | None = None,
                   counts: Mapping[str, int] | None = None, built_at: float | None = None,
                   originals: Mapping[str, Mapping[str, str]] | None = None,
                   predicates: Mapping[str, int] | None = None,
                   files: Mapping[str, Mapping[str, Any]] | None = None) -> Path:
    """Checksum every file under ``folder`` and write ``folder/manifest.json``; returns its path.
    ``originals``: the original files kept (``govkg.graph.originals.keep``), listed with their checksums;
    ``predicates``: triples per predicate IRI of the graph in graph.nt (None: counted from the file); ``files``:
    :func:`file_entries` of ``folder`` taken already (None: taken now)."""
    root = Path(folder)
    files = dict(files) if files is not None else file_entries(root)
    listed = input_entries(inputs)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if built_at is None else built_at))
    nt = root / "graph.nt"
    manifest = {"format": FORMAT, "govkg_version": _version(), "rules": build_version(), "built_at": stamp,
                "inputs": listed,
                "facts": facts, "triples": triples, "conforms": conforms,
                "classes": dict(sorted((classes or {}).items())),
                "predicates": (prefixed(predicates) if predicates is not None
                               else predicate_counts(nt) if nt.is_file() else {}),
                "counts": dict(sorted((counts or {}).items())), "files": files}
    if originals:
        manifest["originals"] = {name: {**entry, **files.get(entry["path"], {})}
                                 for name, entry in sorted(originals.items())}
    out = root / MANIFEST
    out.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def read_manifest(folder: str | Path) -> dict[str, Any]:
    """The manifest of a build folder, or :class:`IncompleteBuild` saying why there is none."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise IncompleteBuild(f"{folder} has no {MANIFEST}: not a finished govkg build (run govkg build again)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise IncompleteBuild(f"{path} cannot be read ({err.__class__.__name__}): run govkg build again") from None
    if not isinstance(manifest, dict) or manifest.get("format") not in READABLE or not isinstance(manifest.get("files"), dict):
        raise IncompleteBuild(f"{path} is not a {' or '.join(READABLE)} manifest")
    return manifest


def verify(folder: str | Path, names: Iterable[str] | None = None) -> dict[str, Any]:
    """Check the files ``names`` (default: all the manifest lists) against their checksums.

    Returns the manifest; raises :class:`IncompleteBuild` naming the first file that is missing,
    of the wrong size (truncated by a kill or a full disk) or of other bytes than were built.
    """
    root = Path(folder)
    manifest = read_manifest(root)
    files: dict[str, dict] = manifest["files"]
    for name in (sorted(files) if names is None else names):
        entry = files.get(name)
        if entry is None:
            raise IncompleteBuild(f"{name} is not part of the build in {folder}")
        path = root / name
        if not path.is_file():
            raise IncompleteBuild(f"{path} is missing from the build")
        size = path.stat().st_size
        if size != entry.get("bytes"):
            raise IncompleteBuild(f"{path} has {size} bytes, the build wrote {entry.get('bytes')}: "
                                  "truncated or changed since; run govkg build again")
        if file_digest(path) != entry.get("sha256"):
            raise IncompleteBuild(f"{path} differs from what the build wrote (checksum): run govkg build again")
    return manifest


__all__ = ["MANIFEST", "FORMAT", "READABLE", "write_manifest", "read_manifest", "verify", "predicate_counts"]

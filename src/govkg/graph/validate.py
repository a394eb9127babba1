"""SHACL validation of a built graph (or of an N-Triples file), and what a graph holds per class.

Two engines give the same verdicts on the package shapes (``tests/graph/test_shacl_engines.py``
checks every constraint of ``shapes.ttl`` on both): pyshacl, the reference, and pyrudof (rudof, in
Rust). ``GOVKG_SHACL_ENGINE`` picks one; the default is :data:`DEFAULT_ENGINE`. Either way the report
text has one line per result (focus node, path, constraint, value, message), sorted, so that the
build's printed report reads the same whatever engine made it.
"""
from __future__ import annotations

import importlib.util
import os
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from rdflib import Graph, URIRef
from rdflib.term import Node
from rdflib.namespace import RDF, SH

from govkg.graph.memory import CompactMemory
from govkg.graph.shacl_split import Helper, Remembered, split, splittable, validate_parts
from govkg.resources import SHAPES_PATH

if TYPE_CHECKING:
    from govkg.graph.shacl_cache import PartResults

ENGINES = ("pyshacl", "pyrudof")
DEFAULT_ENGINE = "pyrudof"
# rudof peaks near 9 KB a triple: parts of 2 MB at most on average (~12k triples; their number a power of two, so 1-2
# MB) keep a process near 0.3 GB, as fast as 4 or 8 MB
PART_BYTES = 2 << 20
PART_TRIPLES = 100_000  # an rdflib graph larger than this is written out and validated in parts
SH_NS = str(SH)
_NAMES = Graph().namespace_manager  # rdflib's default prefixes (xsd:, rdf:): literals read as rudof writes them


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, its terms as N-Triples-like text (IRIs without brackets)."""

    focus: str
    path: str | None
    component: str  # the constraint component's local name, e.g. "MinCountConstraintComponent"
    value: str | None = None
    shape: str | None = None
    message: str = ""

    @property
    def key(self) -> tuple[str, str | None, str]:
        """What two engines must agree on: the focus node, the path and the constraint."""
        return self.focus, self.path, self.component

    @property
    def order(self) -> tuple[str, ...]:
        """The report's order: by focus node, path, constraint, value."""
        return self.focus, self.path or "", self.component, self.value or "", self.shape or "", self.message


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine``, else ``GOVKG_SHACL_ENGINE``, else the default."""
    chosen = engine or os.environ.get("GOVKG_SHACL_ENGINE")
    if not chosen and importlib.util.find_spec("pyrudof") is None:
        return "pyshacl"  # no rudof wheel for this platform: the reference engine
    name = (chosen or DEFAULT_ENGINE).strip().lower()
    if name not in ENGINES:
        raise ValueError(f"unknown SHACL engine {name!r}: expected one of {', '.join(ENGINES)}")
    return name


def check(data: Graph | Path, shapes_path: Path = SHAPES_PATH, engine: str | None = None) -> tuple[bool, list[Result]]:
    """Validate an rdflib graph or an N-Triples file: the verdict and the sorted results."""
    if engine_name(engine) == "pyrudof":
        return _rudof(data, shapes_path)
    graph = data if isinstance(data, Graph) else Graph().parse(data, format="nt")
    return _pyshacl(graph, shapes_path)


def validate(graph: Graph, shapes_path: Path = SHAPES_PATH, *, engine: str | None = None,
             part_triples: int = PART_TRIPLES) -> tuple[bool, str]:
    """SHACL-validate a graph against the package's ``data/ontology/shapes.ttl``: the verdict and the report text.
    Nodes carry their superclass types (a leading group is also a govkg:Body), so no ontology or inference is needed.
    With pyrudof, a graph of over ``part_triples`` triples is written to N-Triples and validated in parts, as
    :func:`validate_nt`."""
    # In parts for rudof only, whose memory they cap; pyshacl holds little beside the graph, which is in memory
    # already, and would pay for writing and parsing the parts again.
    if len(graph) > part_triples and engine_name(engine) == "pyrudof":
        with tempfile.TemporaryDirectory(prefix="govkg-shacl-") as folder:
            nt = Path(folder) / "graph.nt"
            graph.serialize(nt, format="nt", encoding="utf-8")
            conforms, results = check_nt(nt, shapes_path, engine, part_bytes=nt.stat().st_size * part_triples
                                         // len(graph) + 1)
        return conforms, report_text(conforms, results, _prefixes(graph))
    conforms, results = check(graph, shapes_path, engine)
    return conforms, report_text(conforms, results, _prefixes(graph))


def validate_nt(paths: str | Path | Iterable[str | Path], shapes_path: Path = SHAPES_PATH, *, engine: str | None = None,
                part_bytes: int | None = None, helper: Helper | None = None,
                remembered: Remembered | None = None) -> tuple[bool, str]:
    """As :func:`validate`, for one N-Triples file or several (one graph, e.g. one file per document); pyrudof
    reads the files itself, without an rdflib graph. Over ``part_bytes`` in all, the graph is validated in parts
    with the same results (``govkg.graph.shacl_split``), so that memory stays that of one part; a ``helper``
    process takes parts too once it is wanted. Parts whose results are ``remembered`` (``govkg.graph.shacl_cache``,
    for these shapes and engine) are not validated again."""
    conforms, results = check_nt(paths, shapes_path, engine, part_bytes, helper, remembered)
    return conforms, report_text(conforms, results)


def part_count(size: int, part_bytes: int | None = None) -> int:
    """How many parts ``size`` bytes of N-Triples are validated in: a power of two, at least ``size / part_bytes``,
    so a graph that grows by a document keeps its number of parts, and its other parts their lines."""
    part_bytes = PART_BYTES if part_bytes is None else part_bytes
    return 1 << (max(1, -(-size // max(part_bytes, 1))) - 1).bit_length()


def check_nt(paths: str | Path | Iterable[str | Path], shapes_path: Path = SHAPES_PATH, engine: str | None = None,
             part_bytes: int | None = None, helper: Helper | None = None,
             remembered: Remembered | None = None) -> tuple[bool, list[Result]]:
    """The verdict and sorted results of :func:`validate_nt` (``part_bytes`` None: :data:`PART_BYTES`)."""
    part_bytes = PART_BYTES if part_bytes is None else part_bytes
    files = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    size = sum(f.stat().st_size for f in files)
    parts = part_count(size, part_bytes)
    if len(files) == 1 and parts == 1:
        return check(files[0], shapes_path, engine)
    with tempfile.TemporaryDirectory(prefix="govkg-shacl-") as folder:
        if parts > 1 and not splittable(shapes_path):
            parts = 1  # shapes that read further than a node's own triples: one part, the whole graph
        done = split(files, parts, Path(folder))
        if done is None:  # blank nodes: the whole graph, as one file (their labels taken as one graph's)
            whole = files[0] if len(files) == 1 else Path(folder) / "whole.nt"
            if len(files) > 1:
                with whole.open("wb") as out:
                    for f in files:
                        out.write(f.read_bytes().rstrip(b"\n") + b"\n")
            return check(whole, shapes_path, engine)
        split_files, homes = done
        return validate_parts(split_files, partial(check, shapes_path=shapes_path, engine=engine), homes, helper,
                              remembered)


def remembered_in(folder: str | Path, shapes_path: Path = SHAPES_PATH, engine: str | None = None,
                  reuse: bool = True) -> PartResults:
    """Parts' results kept in ``folder`` between builds for these shapes and engine (``govkg.graph.shacl_cache``)."""
    from govkg.graph.shacl_cache import PartResults, validator_version

    return PartResults(folder, validator_version(Path(shapes_path), engine_name(engine)), Result, reuse=reuse)


def report_text(conforms: bool, results: list[Result], prefixes: dict[str, str] | None = None) -> str:
    """The readable report: a header, then one line per result with its IRIs shortened by ``prefixes``."""
    short = _shortener(prefixes or _prefixes(None))
    lines = ["Validation Report", f"Conforms: {conforms}", f"Results ({len(results)}):"]
    for r in results:
        where = f"{short(r.focus)} {short(r.path)}" if r.path else short(r.focus)
        what = r.component.removesuffix("ConstraintComponent")
        value = f" value {short(r.value)}" if r.value else ""
        shape = f" [{short(r.shape)}]" if r.shape else ""
        lines.append(f"- {where}: {what}{value}{shape}: {r.message}")
    return "\n".join(lines) + "\n"


def _pyshacl(graph: Graph, shapes_path: Path) -> tuple[bool, list[Result]]:
    from pyshacl import validate as shacl

    shapes = Graph().parse(shapes_path)
    if not graph.store.context_aware:  # pyshacl wraps the data in a Dataset, which needs rdflib's context-aware Memory
        data = Graph()
        data += graph
        graph = data
    conforms, report, _ = shacl(graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        path, value, shape = (report.value(r, p) for p in (SH.resultPath, SH.value, SH.sourceShape))
        results.append(Result(str(report.value(r, SH.focusNode)), _term(path),
                              str(report.value(r, SH.sourceConstraintComponent)).removeprefix(SH_NS), _term(value),
                              str(shape) if isinstance(shape, URIRef) else None,  # an anonymous shape has no name
                              str(report.value(r, SH.resultMessage) or "")))
    return bool(conforms), sorted(results, key=lambda r: r.order)


# One rudof session per process and shapes file. A session's first store costs ~0.3 s whatever the data (rudof
# loads the system's root certificates for it), so the session keeps one store holding a seed triple no shape
# targets (no rdf:type, not a subject of prov:wasInfluencedBy), and each validation reads its data into a staging
# frame over it and rolls the frame back. Not shared across a fork: the Rust state would be the parent's.
_SESSIONS: dict[tuple[int, str], object] = {}
_LOCK = threading.Lock()
_SEED = "<urn:govkg:seed> <urn:govkg:seed> <urn:govkg:seed> .\n"


def _session(shapes_path: Path) -> "pyrudof.Rudof":  # noqa: F821 (imported on first use)
    import pyrudof

    key = (os.getpid(), str(shapes_path))
    if key not in _SESSIONS:
        session = pyrudof.Rudof(pyrudof.RudofConfig())
        session.read_shacl(str(shapes_path), pyrudof.ShaclFormat.Turtle, reader_mode=pyrudof.ReaderMode.Strict)
        session.read_data(_SEED, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict, merge=False)
        _SESSIONS[key] = session
    return _SESSIONS[key]


def _rudof(data: Graph | Path, shapes_path: Path) -> tuple[bool, list[Result]]:
    import pyrudof

    source = data.serialize(format="nt") if isinstance(data, Graph) else data
    if (isinstance(source, str) and not source.strip()) or (isinstance(source, Path) and _empty(source)):
        return True, []  # no triples, no focus nodes; rudof refuses an empty input
    with _LOCK:
        session = _session(shapes_path)
        session.begin_staging()
        try:
            # Strict: the default (Lax) skips a malformed line, which could hide a violation
            session.read_data(source, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict, merge=True)
            report = session.validate_shacl(pyrudof.ShaclValidationMode.Native)
        finally:
            session.rollback_staging()  # back to the seed: the session outlives the call, the data should not
    results = [Result(e.focus_node, e.path, e.constraint_component.removeprefix(SH_NS), e.value,
                      None if (e.source_shape or "").startswith("_:") else e.source_shape,
                      e.message.strip('"')) for e in report]
    return bool(report.conforms), sorted(results, key=lambda r: r.order)


def _empty(path: Path) -> bool:
    with path.open("rb") as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith(b"#"):
                return False
    return True


def _term(node: Node | None) -> str | None:
    """An IRI as itself, a literal or blank node as N-Triples (rudof's form for them)."""
    return None if node is None else str(node) if isinstance(node, URIRef) else node.n3(_NAMES)


def _prefixes(graph: Graph | None) -> dict[str, str]:
    """The prefixes of the shapes file (govkg, gs, org, …), and the graph's own if it has any."""
    spaces = dict(Graph().parse(SHAPES_PATH).namespaces())
    if graph is not None:
        spaces.update(graph.namespaces())
    return {p: str(ns) for p, ns in spaces.items() if p}


def _shortener(prefixes: dict[str, str]) -> Callable[[str], str]:
    by_length = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def short(term: str) -> str:
        if term.startswith(('"', "_:")):
            return term
        for prefix, ns in by_length:
            local = term.removeprefix(ns)
            if local != term and local and all(c.isalnum() or c in "_-" for c in local):
                return f"{prefix}:{local}"
        return f"<{term}>"
    return short


def class_counts(graph: Graph) -> dict[str, int]:
    """How many nodes of each rdf:type the graph holds, by prefixed class name."""
    by_class = (graph.store.object_counts(RDF.type) if isinstance(graph.store, CompactMemory)  # from its index
                else Counter(graph.objects(None, RDF.type)))
    counts: Counter[str] = Counter()
    for cls, n in by_class.items():  # a name per class, not per instance
        counts[graph.namespace_manager.normalizeUri(cls)] += n
    return dict(sorted(counts.items()))


__all__ = ["ENGINES", "DEFAULT_ENGINE", "PART_BYTES", "PART_TRIPLES", "Result", "check", "check_nt", "class_counts",
           "engine_name", "report_text", "validate", "validate_nt"]

"""The build stage: extract → resolve → RDF → validate → export.

``build(corpus, out_dir)`` runs the extractors over a corpus folder (streaming facts to
``facts.jsonl`` one file at a time); ``build_from_facts(facts, out_dir)`` does the rest and
is what tests call with the gold facts.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph
from rdflib.namespace import RDF

from kg.facts import Fact, write_facts
from kg.pg import property_graph
from kg.rdf import graph_from_facts
from kg.schema import PropertyGraph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "govkg.ttl"


@dataclass
class BuildReport:
    """What a build produced: counts, the SHACL verdict, output files and timings."""

    facts: int = 0
    files_read: int = 0
    files_failed: dict[str, str] = field(default_factory=dict)
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)     # RDF class (prefixed) → instances
    counts: dict[str, int] = field(default_factory=dict)      # property-graph label/relation → count
    conforms: bool | None = None
    shacl_report: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    graph: Graph | None = field(default=None, repr=False)
    property_graph: PropertyGraph | None = field(default=None, repr=False)


def validate(graph: Graph, shapes_path: Path = SHAPES_PATH) -> tuple[bool, str]:
    """SHACL-validate a graph against ``ontology/shapes.ttl`` (with the ontology for subclass reasoning)."""
    from pyshacl import validate as shacl

    shapes = Graph().parse(shapes_path)
    ont = Graph().parse(ONTOLOGY_PATH)
    conforms, _, text = shacl(graph, shacl_graph=shapes, ont_graph=ont, inference="none",
                              advanced=False, allow_warnings=True)
    return bool(conforms), str(text)


def class_counts(graph: Graph) -> dict[str, int]:
    counts = Counter(graph.namespace_manager.normalizeUri(o) for o in graph.objects(None, RDF.type))
    return dict(sorted(counts.items()))


def build_from_facts(facts: Iterable[Fact], out_dir: str | Path | None, *, validate_shacl: bool = True,
                     report: BuildReport | None = None, write_facts_file: bool = True) -> BuildReport:
    """Resolve facts into the graph, validate it and write every export into ``out_dir`` (None: nothing written)."""
    report = report or BuildReport()
    facts = list(facts)
    report.facts = len(facts)
    t = time.perf_counter()
    graph = graph_from_facts(facts)
    report.seconds["rdf"] = time.perf_counter() - t
    report.graph, report.triples, report.classes = graph, len(graph), class_counts(graph)
    t = time.perf_counter()
    pg = property_graph(graph)
    report.property_graph, report.counts = pg, pg.counts()
    report.seconds["property_graph"] = time.perf_counter() - t
    if validate_shacl:
        t = time.perf_counter()
        report.conforms, report.shacl_report = validate(graph)
        report.seconds["shacl"] = time.perf_counter() - t
    if out_dir is not None:
        from kg.export import export_all

        t = time.perf_counter()
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        if write_facts_file:
            write_facts(facts, out / "facts.jsonl")
            report.outputs["facts"] = str(out / "facts.jsonl")
        report.outputs.update({k: str(v) for k, v in export_all(graph, pg, out).items()})
        report.seconds["export"] = time.perf_counter() - t
    return report


def build(corpus: str | Path, out_dir: str | Path, *, validate_shacl: bool = True,
          on_file: Callable[[Path, str | None], None] | None = None) -> BuildReport:
    """Extract a corpus (a folder of gazette texts or one file) and build the graph into ``out_dir``."""
    from extractors.pipeline import extract_files, iter_corpus

    corpus = Path(corpus)
    paths = list(iter_corpus(corpus)) if corpus.is_dir() else [corpus]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    facts: list[Fact] = []
    t = time.perf_counter()
    with open(out / "facts.jsonl", "w", encoding="utf-8") as fh:
        for path in paths:  # one file at a time, its facts written as soon as they exist
            result = extract_files([path], on_file=on_file)
            report.files_failed.update(result.failed)
            report.files_read += len(result.read)
            for f in result.facts:
                fh.write(f.to_json() + "\n")
            facts.extend(result.facts)
    report.seconds["extract"] = time.perf_counter() - t
    report.outputs["facts"] = str(out / "facts.jsonl")
    return build_from_facts(facts, out, validate_shacl=validate_shacl, report=report, write_facts_file=False)


__all__ = ["BuildReport", "build", "build_from_facts", "validate", "class_counts"]

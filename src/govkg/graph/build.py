"""The build stage: extract → resolve → RDF → validate → export.

``build(corpus, out_dir)`` runs the extractors over a corpus folder (streaming facts to
``facts.jsonl`` one document at a time); ``build_from_facts(facts, out_dir)`` does the rest and
is what tests call with the gold facts.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

from rdflib import Graph

from govkg.facts import Fact, write_facts
from govkg.graph import sources
from govkg.graph.pg import property_graph
from govkg.graph.rdf import build_graph
from govkg.graph.schema import PropertyGraph
from govkg.graph.validate import class_counts, validate


@dataclass
class BuildReport:
    """What a build produced: counts, the SHACL verdict, output files and timings."""

    facts: int = 0
    files_read: int = 0
    files_failed: dict[str, str] = field(default_factory=dict)
    stage_failures: list[str] = field(default_factory=list)  # one line each: file, document, stage, reason
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)     # RDF class (prefixed) → instances
    counts: dict[str, int] = field(default_factory=dict)      # property-graph label/relation → count
    rejected: dict[str, int] = field(default_factory=dict)     # facts left out of the graph, by reason
    conforms: bool | None = None
    shacl_report: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    graph: Graph | None = field(default=None, repr=False)
    property_graph: PropertyGraph | None = field(default=None, repr=False)


def build_from_facts(facts: Iterable[Fact], out_dir: str | Path | None, *, validate_shacl: bool = True,
                     report: BuildReport | None = None, write_facts_file: bool = True,
                     texts: Mapping[str, str] | None = None) -> BuildReport:
    """Resolve facts into the graph, validate it and write every export into ``out_dir`` (None: nothing written);
    ``texts`` are the source files' texts by name (``govkg.graph.sources``), kept with the documents."""
    report = report or BuildReport()
    facts = list(facts)
    report.facts = len(facts)
    t = time.perf_counter()
    builder = build_graph(facts)
    graph, report.rejected = builder.graph, dict(sorted(builder.rejected.items()))
    report.seconds["rdf"] = time.perf_counter() - t
    report.graph, report.triples, report.classes = graph, len(graph), class_counts(graph)
    t = time.perf_counter()
    pg = property_graph(graph, texts)
    report.property_graph, report.counts = pg, pg.counts()
    report.seconds["property_graph"] = time.perf_counter() - t
    if validate_shacl:
        t = time.perf_counter()
        report.conforms, report.shacl_report = validate(graph)
        report.seconds["shacl"] = time.perf_counter() - t
    if out_dir is not None:
        from govkg.graph.export import export_all

        t = time.perf_counter()
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        if write_facts_file:
            write_facts(facts, out / "facts.jsonl")
            report.outputs["facts"] = str(out / "facts.jsonl")
        report.outputs.update({k: str(v) for k, v in export_all(graph, pg, out).items()})
        if texts:
            report.outputs["sources"] = str(sources.write(texts, out))
        report.seconds["export"] = time.perf_counter() - t
    return report


def build(corpus: str | Path, out_dir: str | Path, *, validate_shacl: bool = True,
          on_file: Callable[[Path, str | None], None] | None = None) -> BuildReport:
    """Extract a corpus (a folder of gazette texts or one file) and build the graph into ``out_dir``.

    Extraction is ``govkg.extract.pipeline``'s, one file at a time; each file's facts go to
    ``facts.jsonl`` as soon as they exist. ``on_file(path, error)`` reports progress.
    """
    from govkg.extract.pipeline import corpus_paths, extract_files

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    t = time.perf_counter()
    with open(out / "facts.jsonl", "w", encoding="utf-8") as fh:
        def write(batch: list[Fact]) -> None:
            fh.writelines(f.to_json() + "\n" for f in batch)

        extracted = extract_files(corpus_paths(corpus), on_file=on_file, on_facts=write)
    report.files_read, report.files_failed = len(extracted.read), extracted.failed
    report.stage_failures = [str(f) for f in extracted.failures]
    report.seconds["extract"] = time.perf_counter() - t
    report.outputs["facts"] = str(out / "facts.jsonl")
    return build_from_facts(extracted.facts, out, validate_shacl=validate_shacl, report=report,
                            write_facts_file=False, texts=sources.collect(extracted.read))


def run_build(corpus: Path, out_dir: Path, *, facts_path: Path | None = None,
              validate_shacl: bool = True) -> tuple[int, BuildReport | None]:
    """``govkg build``: build with a progress bar and print the summary; the exit code and the report."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    console = Console(stderr=True)
    source = facts_path if facts_path is not None else corpus
    if not Path(source).exists():
        console.print(f"[red]error[/]: no such file or folder: {source}")
        return 2, None
    if facts_path is not None:
        from govkg.facts import read_facts

        from govkg.extract.pipeline import corpus_paths

        # the facts cite lines of the corpus files: their texts go with the documents when the corpus is here
        texts = sources.collect(corpus_paths(corpus)) if Path(corpus).exists() else None
        report = build_from_facts(read_facts(facts_path), out_dir, validate_shacl=validate_shacl, texts=texts)
    else:
        from govkg.extract.pipeline import corpus_paths

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("extracting", total=len(corpus_paths(corpus)))

            def done(path: Path, error: str | None) -> None:
                progress.update(task, advance=1, description=f"extracted {path.name}")

            report = build(corpus, out_dir, validate_shacl=validate_shacl, on_file=done)
    for path, err in sorted(report.files_failed.items()):
        console.print(f"[yellow]skipped[/] {escape(str(path))}: {escape(err)}")
    for line in report.stage_failures:
        console.print(f"error: {line}", markup=False, style="red")
    table = Table(title=f"govkg build → {out_dir}", show_lines=False)
    table.add_column("class / relation")
    table.add_column("count", justify="right")
    for name, n in report.classes.items():
        table.add_row(name, str(n))
    table.add_section()
    for name, n in sorted(report.counts.items()):
        table.add_row(name, str(n))
    console.print(table)
    console.print(f"{report.files_read} file(s), {report.facts} facts, {report.triples} triples; "
                  + ", ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items()))
    for reason, n in report.rejected.items():
        console.print(f"[yellow]left out[/] {n} {reason}")
    if report.conforms is not None:
        console.print("SHACL: [green]conforms[/]" if report.conforms else "SHACL: [red]does not conform[/]")
        if not report.conforms:
            console.print(report.shacl_report[:4000], markup=False)
    console.print("wrote " + ", ".join(Path(p).name for p in report.outputs.values()))
    if facts_path is None and not report.files_read:
        return 1, report
    return (0 if report.conforms is not False else 2), report


__all__ = ["BuildReport", "build", "build_from_facts", "run_build"]

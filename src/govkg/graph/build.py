"""The build stage: extract → resolve → RDF → validate → export.

``build(corpus, out_dir)`` runs the extractors over a corpus folder (streaming facts to
``facts.jsonl`` one document at a time); ``build_from_facts(facts, out_dir)`` does the rest and
is what tests call with the gold facts.
"""
from __future__ import annotations

import time
from concurrent.futures import wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from rdflib import Graph

from govkg.errors import BuildRefused, Busy, ClusterError, JudgementError
from govkg.facts import Fact, write_facts
from govkg.graph import buildfolder, originals as originals_, sources
from govkg.graph.judgements import ReviewReport, read_judgements
from govkg.graph.manifest import file_entries, unchanged_build, write_manifest
from govkg.graph.pg import property_graph
from govkg.graph.rdf import build_graph
from govkg.graph.schema import PropertyGraph
from govkg.graph.shacl_process import AsideValidation
from govkg.graph.tables import write_tables
from govkg.graph.validate import class_counts, engine_name, remembered_in, validate, validate_nt
from govkg.locking import exclusive

if TYPE_CHECKING:
    from govkg.text.read import SourceText


# Below this much N-Triples SHACL runs in the build's own process: a second interpreter with rudof costs more
# than it overlaps on a small graph (the sample corpus's 5 MB graph.nt: 1.10 s aside against 0.83 s here)
ASIDE_BYTES = 16 << 20


@dataclass
class BuildReport:
    """What a build produced: counts, the SHACL verdict, output files and timings."""

    facts: int = 0
    files_read: int = 0
    files_cached: int = 0  # of files_read: unchanged since the last build, not extracted again
    files_failed: dict[str, str] = field(default_factory=dict)
    files_duplicate: dict[str, str] = field(default_factory=dict)  # a file -> the earlier one with the same bytes
    stage_failures: list[str] = field(default_factory=list)  # one line each: file, document, stage, reason
    notes: list[str] = field(default_factory=list)  # one line each: file, what reading it did (bad bytes, OCR)
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)     # RDF class (prefixed) → instances
    counts: dict[str, int] = field(default_factory=dict)      # property-graph label/relation → count
    rejected: dict[str, int] = field(default_factory=dict)     # facts left out of the graph, by reason
    conforms: bool | None = None
    shacl_report: str = ""
    shacl_parts: tuple[int, int] | None = None  # the graph's parts, and of them validated (not remembered from before)
    outputs: dict[str, str] = field(default_factory=dict)
    refused: str | None = None  # why the build did not replace the output folder
    kept: str | None = None     # where the refused build was left
    seconds: dict[str, float] = field(default_factory=dict)
    graph: Graph | None = field(default=None, repr=False)
    property_graph: PropertyGraph | None = field(default=None, repr=False)
    review: ReviewReport | None = None  # what the review judgements changed, and those that matched nothing
    unchanged: str | None = None  # the build kept as it was (when it was built): same inputs, rules and judgements


def _compute(facts: list[Fact], report: BuildReport, validate_shacl: bool,
             texts: Mapping[str, str] | None, judgements: Path | None = None) -> None:
    _rdf(facts, report, judgements)
    _property_graph(report, texts)
    if validate_shacl:
        _validate(report, None)


def _rdf(facts: list[Fact], report: BuildReport, judgements: Path | None) -> None:
    """The RDF graph of the facts, with the review judgements applied, into ``report``."""
    report.facts = len(facts)
    t = time.perf_counter()
    builder = build_graph(facts)
    graph, report.rejected = builder.graph, dict(sorted(builder.rejected.items()))
    report.seconds["rdf"] = time.perf_counter() - t
    if judgements is not None:  # the reviewers' judgements, applied again on every build (govkg.graph.review)
        from govkg.graph.review import apply_judgements

        t = time.perf_counter()
        report.review = apply_judgements(graph, read_judgements(judgements))
        report.seconds["review"] = time.perf_counter() - t
    report.graph, report.triples, report.classes = graph, len(graph), class_counts(graph)


def _property_graph(report: BuildReport, texts: Mapping[str, str] | None) -> None:
    assert report.graph is not None
    t = time.perf_counter()
    pg = property_graph(report.graph, texts)
    report.property_graph, report.counts = pg, pg.counts()
    report.seconds["property_graph"] = time.perf_counter() - t


def _validate(report: BuildReport, nt: Path | None, remember: tuple[Path, bool] | None = None) -> None:
    """SHACL on the graph; from ``nt``, the build's graph.nt once written, when the engine reads files itself
    (pyrudof, in parts of bounded memory: no second serialisation of the graph), with the results of parts
    kept in ``remember`` (a folder, and whether to read it: ``govkg.graph.shacl_cache``)."""
    t = time.perf_counter()
    if nt is not None and engine_name() == "pyrudof":
        remembered = remembered_in(remember[0], reuse=remember[1]) if remember is not None else None
        report.conforms, report.shacl_report = validate_nt(nt, remembered=remembered)
        if remembered is not None and remembered.asked:
            remembered.prune()
            report.shacl_parts = (remembered.asked, remembered.asked - remembered.hits)
    else:
        assert report.graph is not None
        report.conforms, report.shacl_report = validate(report.graph)
    report.seconds["shacl"] = time.perf_counter() - t


def _as_built(report: BuildReport, manifest: dict, out: Path) -> None:
    """The report of the build in ``out``, kept as it is, from its manifest."""
    report.unchanged = str(manifest.get("built_at") or "?")
    report.facts, report.triples, report.conforms = manifest["facts"], manifest.get("triples", 0), manifest.get("conforms")
    report.classes, report.counts = dict(manifest.get("classes") or {}), dict(manifest.get("counts") or {})
    report.outputs = {name: str(out / name) for name in sorted(manifest["files"]) if "/" not in name}


def _predicates(graph: Graph) -> dict[str, int] | None:
    """Triples per predicate of the graph just written to graph.nt, from the store's index when it has one
    (None: the manifest counts them in the file)."""
    from govkg.graph.memory import CompactMemory

    return ({str(p): n for p, n in graph.store.predicate_counts().items()}
            if isinstance(graph.store, CompactMemory) else None)


def _let_go(report: BuildReport) -> None:
    """Drop the RDF graph and give its memory back to the system while the rest of the build runs."""
    import ctypes
    import gc

    report.graph = None
    gc.collect()  # rdflib's graph and its namespace manager refer to each other
    try:  # glibc keeps freed memory for the process unless asked
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _refusal(report: BuildReport, allow_empty: bool) -> str | None:
    if report.facts == 0 and not allow_empty:
        return "no facts were built (use --allow-empty to replace the graph with an empty one)"
    if report.conforms is False:
        return "the graph does not conform to the SHACL shapes"
    return None


def _write_and_switch(facts: list[Fact], report: BuildReport, staging: Path, out: Path, *, write_facts_file: bool,
                      texts: Mapping[str, str] | None, inputs: Iterable[str | Path], allow_empty: bool,
                      read: Mapping[str, SourceText] | None = None, shacl: bool = False,
                      keep_graph: bool = True, remember: tuple[Path, bool] | None = None) -> None:
    """The property graph and every export into ``staging``, the manifest last;
    then switch it in for ``out`` or keep it aside. ``shacl``: validate the graph written (before the manifest,
    which records the verdict); with pyrudof and a graph.nt of ``ASIDE_BYTES`` or more, in a process of its own
    while this one goes on (``govkg.graph.shacl_process``), so graph.nt is written first; parts' results are kept
    in ``remember`` (:func:`_validate`). Without ``keep_graph`` the RDF graph is let go
    (``report.graph`` None) once graph.nt and the property graph are made from it."""
    from govkg.graph.export import export_all, start_streamed, write_nt

    t = time.perf_counter()
    names: dict[str, Path] = {}
    if write_facts_file:
        write_facts(facts, staging / "facts.jsonl")
    names["facts"] = staging / "facts.jsonl"
    assert report.graph is not None
    aside = streamed = files = None
    rudof = shacl and engine_name() == "pyrudof"
    names["nt"] = write_nt(report.graph, staging)
    predicates = _predicates(report.graph)
    if rudof and names["nt"].stat().st_size >= ASIDE_BYTES:
        aside = AsideValidation(names["nt"], *(remember or (None,)))
    waited = 0.0  # for the SHACL process, or validating here: not the exports' time
    try:
        streamed = start_streamed(staging)  # Turtle and JSON-LD from graph.nt, beside the property graph
        _property_graph(report, texts)
        assert report.property_graph is not None
        if not keep_graph and (rudof or not shacl):  # nothing reads the RDF graph after graph.nt and the property graph
            _let_go(report)
        names.update(export_all(report.graph, report.property_graph, staging, nt_written=True, streamed=streamed))
        if shacl and aside is None:
            _validate(report, names["nt"], remember)
            waited = report.seconds["shacl"]
        names["tables"] = write_tables(report.property_graph, staging)  # what govkg load reads
        if texts:
            names["sources"] = sources.write(texts, staging)
        kept = originals_.keep(read, staging) if read else {}
        if kept:
            names["originals"] = staging / originals_.ORIGINALS_DIR
        if aside is not None:
            files = file_entries(staging)  # every output is written: checksummed while SHACL goes on
            w = time.perf_counter()
            aside.help()  # nothing is left here but to wait: the child may use this core too
            report.conforms, report.shacl_report, report.seconds["shacl"] = aside.result()
            report.shacl_parts = aside.parts
            waited = time.perf_counter() - w
    finally:
        if streamed is not None:
            wait([streamed])  # a failed build's folder is removed: not while the thread writes into it
        if aside is not None:
            aside.stop()
    names["manifest"] = write_manifest(staging, inputs=inputs, facts=report.facts, triples=report.triples,
                                       conforms=report.conforms, classes=report.classes, counts=report.counts,
                                       originals=kept, predicates=predicates, files=files)
    report.seconds["export"] = time.perf_counter() - t - waited - report.seconds["property_graph"]
    report.refused = _refusal(report, allow_empty)
    if report.refused:
        report.kept = str(buildfolder.reject(staging, out))
        return
    buildfolder.switch(staging, out)
    report.outputs.update({k: str(out / p.relative_to(staging)) for k, p in names.items()})


def build_from_facts(facts: Iterable[Fact], out_dir: str | Path | None, *, validate_shacl: bool = True,
                     report: BuildReport | None = None, write_facts_file: bool = True,
                     texts: Mapping[str, str] | None = None, inputs: Iterable[str | Path] = (),
                     allow_empty: bool = False, judgements: str | Path | None = None,
                     read: Mapping[str, SourceText] | None = None) -> BuildReport:
    """Resolve facts into the graph, validate it and write every export into ``out_dir`` (None: nothing written);
    ``texts`` are the source files' texts by name (``govkg.graph.sources``), kept with the documents;
    ``read`` what was read of them, whose PDF, web page and Word files are kept (``govkg.graph.originals``).

    The outputs are written aside and replace ``out_dir`` only when the build is good
    (``govkg.graph.buildfolder``): with no facts (unless ``allow_empty``) or a graph that does not
    conform, ``report.refused`` says why, ``out_dir`` is untouched and the build is kept in
    ``report.kept``. ``inputs`` (files) are listed with their checksums in the manifest.
    ``judgements`` is a review judgements file (``govkg.graph.judgements``) to apply; None applies none.
    """
    report = report or BuildReport()
    facts = list(facts)
    judged = Path(judgements) if judgements is not None else None
    if out_dir is None:
        _compute(facts, report, validate_shacl, texts, judged)
        return report
    if judged is not None and judged.exists():
        inputs = [*inputs, judged]  # the manifest lists the judgements applied, with their checksum
    out = Path(out_dir).absolute()
    with exclusive(out, "build"), buildfolder.staged(out) as staging:
        _rdf(facts, report, judged)
        _write_and_switch(facts, report, staging, out, write_facts_file=write_facts_file, texts=texts,
                          inputs=inputs, allow_empty=allow_empty, shacl=validate_shacl, read=read)
    return report


def build(corpus: str | Path, out_dir: str | Path, *, validate_shacl: bool = True,
          on_file: Callable[[Path, str | None], None] | None = None, allow_empty: bool = False,
          workers: int = 1, cluster: str | None = None, incremental: bool = True,
          judgements: str | Path | None = None, timeout: float | None = None,
          keep_graph: bool = True, keep_unchanged: bool = False) -> BuildReport:
    """Extract a corpus (a folder of gazette texts or one file) and build the graph into ``out_dir``.

    Extraction is ``govkg.extract.pipeline``'s, on ``workers`` processes or a Dask ``cluster``,
    files in corpus order; each file's facts go to the staging folder's ``facts.jsonl`` as soon as
    they exist. With ``incremental`` a file unchanged since the last build into ``out_dir`` (same
    bytes, same extractor) is not extracted again (``govkg.extract.cache``); without, every file is, and
    the cache is refilled for the next build. ``on_file(path, error)``
    reports progress. The folder is replaced as :func:`build_from_facts` says (``judgements`` too). ``timeout``: seconds each
    document may take; a file with the same bytes as an earlier one is read once (``files_duplicate``).
    Without ``keep_graph`` the report has no RDF graph (let go once written, as ``govkg build`` does).
    With ``keep_unchanged`` (and ``incremental``), when no file was extracted and the folder's build came from the
    same input files, judgements and rules (``govkg.graph.manifest.unchanged_build``), it is kept as it is:
    nothing is built or written, ``report.unchanged`` says when it was built, and the report has no graphs.
    """
    from govkg.extract.cache import ExtractCache
    from govkg.extract.pipeline import corpus_paths, extract_files

    out = Path(out_dir).absolute()
    report = BuildReport()
    paths = corpus_paths(corpus)
    with exclusive(out, "build"), buildfolder.staged(out) as staging:
        t = time.perf_counter()
        cache = ExtractCache(buildfolder.cache_path(out), reuse=incremental)  # a fresh build refills it
        with open(staging / "facts.jsonl", "w", encoding="utf-8") as fh:
            def write(batch: list[Fact]) -> None:
                fh.writelines(f.to_json() + "\n" for f in batch)

            extracted = extract_files(paths, on_file=on_file, on_facts=write, workers=workers, cluster=cluster,
                                      cache=cache, timeout=timeout, keep_sources=True)
        cache.prune()
        report.files_cached = extracted.cached
        report.files_read, report.files_failed = len(extracted.read), extracted.failed
        report.files_duplicate = extracted.duplicates
        report.stage_failures = [str(f) for f in extracted.failures]
        report.notes = list(extracted.notes)
        report.seconds["extract"] = time.perf_counter() - t
        judged = [Path(judgements)] if judgements and Path(judgements).exists() else []
        inputs = [*extracted.read, *judged]
        if keep_unchanged and incremental and extracted.cached == len(extracted.read):
            built = unchanged_build(out, inputs, validate=validate_shacl)
            if built is not None:
                _as_built(report, built, out)
                return report
        read = extracted.sources  # as extracted (or remembered): no file is read (parsed, OCR'd) twice
        texts = {name: src.text for name, src in read.items()}
        facts, extracted.facts = extracted.facts, []
        _rdf(facts, report, Path(judgements) if judgements else None)
        del facts  # in the graph now (and in facts.jsonl): their memory goes to the property graph
        _write_and_switch([], report, staging, out, write_facts_file=False, texts=texts,
                          inputs=inputs, allow_empty=allow_empty, read=read, shacl=validate_shacl,
                          keep_graph=keep_graph, remember=(buildfolder.cache_path(out) / "shacl", incremental))
    return report


def run_build(corpus: Path, out_dir: Path, *, facts_path: Path | None = None, validate_shacl: bool = True,
              allow_empty: bool = False, workers: int = 1, cluster: str | None = None,
              incremental: bool = True, judgements: Path | None = None,
              timeout: float | None = None) -> tuple[int, BuildReport | None]:
    """``govkg build``: build with a progress bar and print the summary; the exit code and the report;
    ``judgements`` is the review judgements file applied (``govkg.graph.review``).

    Exit 0: built and switched in; 1: nothing readable, no facts, or the build could not be
    written (one line; the previous build is kept); 2: bad input or a graph that does not conform
    (kept aside, the previous build in place)."""
    from rich.console import Console

    console = Console(stderr=True)
    try:
        code, report = _run_build(console, corpus, out_dir, facts_path, validate_shacl, allow_empty,
                                  {"workers": workers, "cluster": cluster, "incremental": incremental,
                                   "judgements": judgements, "timeout": timeout})
    except (BuildRefused, Busy, ClusterError) as err:
        console.print(f"error: {err}", markup=False, style="red", soft_wrap=True)
        return 1, None
    except JudgementError as err:  # a hand-edited judgements file: say which line, keep the old build
        console.print(f"error: {err}; {out_dir} is unchanged", markup=False, style="red", soft_wrap=True)
        return 2, None
    except OSError as err:  # a full disk, a folder we may not write: the old build stays where it was
        where = f" {err.filename}" if err.filename else ""
        console.print(f"error: cannot write the build{where}: {err.strerror or err}; {out_dir} is unchanged",
                      markup=False, style="red", soft_wrap=True)
        return 1, None
    return code, report


def _run_build(console, corpus: Path, out_dir: Path, facts_path: Path | None, validate_shacl: bool,
               allow_empty: bool, how: dict) -> tuple[int, BuildReport | None]:
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    source = facts_path if facts_path is not None else corpus
    if not Path(source).exists():
        console.print(f"[red]error[/]: no such file or folder: {source}")
        return 2, None
    if facts_path is not None:
        from govkg.facts import read_facts

        from govkg.extract.pipeline import corpus_paths

        # the facts cite lines of the corpus files: their texts go with the documents when the corpus is here
        read = sources.read_all(corpus_paths(corpus)) if Path(corpus).exists() else None
        texts = {name: src.text for name, src in read.items()} if read is not None else None
        try:
            facts = read_facts(facts_path)
        except ValueError as err:
            console.print(f"error: {err}", markup=False, style="red", soft_wrap=True)
            return 2, None
        inputs = sorted(Path(facts_path).glob("*.jsonl")) if Path(facts_path).is_dir() else [Path(facts_path)]
        report = build_from_facts(facts, out_dir, validate_shacl=validate_shacl, texts=texts, inputs=inputs,
                                  allow_empty=allow_empty, judgements=how.get("judgements"), read=read)
    else:
        from govkg.extract.pipeline import corpus_paths

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("extracting", total=len(corpus_paths(corpus)))

            def done(path: Path, error: str | None) -> None:
                progress.update(task, advance=1, description=f"extracted {path.name}")

            report = build(corpus, out_dir, validate_shacl=validate_shacl, on_file=done, allow_empty=allow_empty,
                           keep_graph=False, keep_unchanged=True,
                           **how)
    for path, err in sorted(report.files_failed.items()):
        console.print(f"[yellow]skipped[/] {escape(str(path))}: {escape(err)}")
    for line in report.stage_failures:
        console.print(f"error: {line}", markup=False, style="red", soft_wrap=True)
    for line in report.notes:
        console.print(f"note: {line}", markup=False, soft_wrap=True)
    for dup, first in report.files_duplicate.items():
        console.print(f"note: {dup} has the same bytes as {first} (the same gazette): read once", markup=False,
                      soft_wrap=True)
    table = Table(title=f"govkg build → {out_dir}", show_lines=False)
    table.add_column("class / relation")
    table.add_column("count", justify="right")
    for name, n in report.classes.items():
        table.add_row(name, str(n))
    table.add_section()
    for name, n in sorted(report.counts.items()):
        table.add_row(name, str(n))
    console.print(table)
    if facts_path is None:
        fresh = report.files_read - report.files_cached
        console.print(f"extracted {fresh} file(s)" + (f", {report.files_cached} unchanged since the last build "
                      "(not extracted again)" if report.files_cached else ""), markup=False, soft_wrap=True)
    console.print(f"{report.files_read} file(s), {report.facts} facts, {report.triples} triples; "
                  + ", ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items()))
    for reason, n in report.rejected.items():
        console.print(f"[yellow]left out[/] {n} {reason}")
    _print_review(console, report.review)
    if report.conforms is not None:
        parts = ""
        if report.shacl_parts:
            total, validated = report.shacl_parts
            parts = f" ({total} parts: {validated} validated, {total - validated} unchanged since the last build)"
        console.print(("SHACL: [green]conforms[/]" if report.conforms else "SHACL: [red]does not conform[/]") + parts)
        if not report.conforms:
            console.print(report.shacl_report[:4000], markup=False)
    if report.refused:
        console.print(f"error: {report.refused}; {out_dir} is unchanged (this build is kept in {report.kept})",
                      markup=False, style="red", soft_wrap=True)
        return (2 if report.conforms is False else 1), report
    if report.unchanged:
        console.print(f"kept {out_dir} as built at {report.unchanged}: the same input files, judgements and rules "
                      "(nothing built or written)", markup=False, soft_wrap=True)
        return 0, report
    console.print("wrote " + ", ".join(Path(p).name for p in report.outputs.values()))
    return 0, report


def _print_review(console, review: ReviewReport | None) -> None:
    """The review judgements in the build summary: how many applied, and every one that matched nothing."""
    if review is None or not (review.applied or review.unmatched or review.conflicts):
        return
    console.print(f"review: {len(review.applied)} judgement(s) applied", markup=False)
    for line in review.unmatched:
        console.print(f"review: matches nothing now: {line}", markup=False, style="yellow", soft_wrap=True)
    for line in review.conflicts:
        console.print(f"review: conflict: {line}", markup=False, style="yellow", soft_wrap=True)


__all__ = ["BuildReport", "build", "build_from_facts", "run_build"]

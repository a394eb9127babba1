"""The one extraction driver: gazette files → documents → facts.

Every command that extracts goes through here (``govkg extract``, ``govkg build``, ``govkg summary``,
the benches, the golden tests). A file is read (``govkg.text.read``) and segmented into documents
(``govkg.text.segment``); each document then runs through :data:`STAGES` in order. A stage declares
the typed outputs it *requires* and the one it *provides* (the bodies of a document as a
``BodyIndex``, its people, the composition ``Walk``, its seats and units), or it emits facts (the
``composition`` stage reconciles people, seats and units into one ``Composition``); :func:`check_stages` refuses an order in
which a stage would read an output no earlier stage provides.

A stage that raises is reported as a :class:`StageFailure` — file, document, stage and a one-line
reason — never swallowed and never fatal for the run: the stages that require its output get its
``empty`` output (or are skipped when it has none, and then provide their own empty output), the
other stages of the document and every other document still come out.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from govkg.errors import UnreadableFile
from govkg.extract import citations
from govkg.extract.assignments import reader as assignments
from govkg.extract.bodies.facts import body_facts
from govkg.extract.bodies.index import BodyIndex, index_bodies
from govkg.extract.composition.reader import compose
from govkg.extract.composition.seats import seat_facts
from govkg.extract.composition.units import unit_facts
from govkg.extract.composition.walk import Walk
from govkg.extract.emit import documents_to_facts
from govkg.extract.limits import DocumentTimeout, time_limit
from govkg.extract.notes import recording
from govkg.facts import Fact, Origin, Src
from govkg.text.document import Document
from govkg.text.read import SourceText, read_source
from govkg.text.segment import segment

if TYPE_CHECKING:
    from govkg.extract.cache import ExtractCache


class Outputs(dict):
    """The typed outputs of the stages run so far on one document, by name."""


@dataclass(frozen=True)
class Stage:
    """One step of the per-document extraction.

    ``run(doc, outputs)`` returns the stage's output when ``provides`` names one, else the facts
    it found. ``empty(doc)`` is what the stages that require this output read when it failed.
    """

    name: str
    run: Callable[[Document, Outputs], Any]
    requires: tuple[str, ...] = ()
    provides: str | None = None
    empty: Callable[[Document], Any] | None = None


STAGES: tuple[Stage, ...] = (
    Stage("bodies", lambda doc, out: index_bodies(doc), provides="bodies", empty=BodyIndex.empty),
    Stage("people", lambda doc, out: body_facts(out["bodies"]), requires=("bodies",), provides="people",
          empty=lambda doc: []),
    Stage("walk", lambda doc, out: Walk(doc, out["bodies"].mentions), requires=("bodies",), provides="walk"),
    Stage("seats", lambda doc, out: seat_facts(out["walk"]), requires=("walk",), provides="seats",
          empty=lambda doc: []),
    Stage("units", lambda doc, out: unit_facts(out["walk"]), requires=("walk",), provides="units",
          empty=lambda doc: []),
    Stage("composition", lambda doc, out: compose(out["people"], out["seats"], out["units"]).facts(),
          requires=("people", "seats", "units")),
    Stage("assignments", lambda doc, out: assignments.extract(doc)),
    Stage("citations", lambda doc, out: citations.extract(doc)),
)


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise ``ValueError`` unless every stage's requirements are provided by an earlier stage."""
    provided: set[str] = set()
    names: set[str] = set()
    for st in stages:
        if st.name in names:
            raise ValueError(f"stage {st.name!r} is listed twice")
        names.add(st.name)
        missing = [r for r in st.requires if r not in provided]
        if missing:
            raise ValueError(f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage provides")
        if st.provides:
            if st.provides in provided:
                raise ValueError(f"output {st.provides!r} is provided twice")
            provided.add(st.provides)


check_stages(STAGES)


@dataclass(frozen=True)
class StageFailure:
    """A stage that raised on one document (or a file that could not be segmented)."""

    file: str
    document: str   # the document's number, else its title, else its first line
    stage: str
    reason: str     # one line: the exception's type and message

    def __str__(self) -> str:
        return f"{self.file} [{self.document}] stage {self.stage}: {self.reason}"


def is_timeout(failure: StageFailure) -> bool:
    """Whether a failure is a document stopped by the time limit (its facts are not cached: a longer
    limit may give more)."""
    return failure.reason.startswith("over the time limit")


def _reason(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def _doc_label(doc: Document) -> str:
    return doc.number or (doc.title[:30] if doc.title else f"line {doc.start}")


@dataclass(frozen=True)
class SkippedItem:
    """An item a reader skipped while its list went on (``govkg.extract.notes``), on the file's line."""

    file: str
    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: skipped {self.text!r} ({self.reason})"


@dataclass
class DocumentResult:
    facts: list[Fact] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)


def extract_document(doc: Document, stages: Sequence[Stage] = STAGES, timeout: float | None = None) -> DocumentResult:
    """All facts of one document (not its own ``document`` fact), with the stages that failed.

    With a ``timeout`` (seconds, ``govkg.extract.limits``) a document that runs over it stops there: the
    stage it was in is reported as failed and the stages after it do not run."""
    result = DocumentResult()
    outputs = Outputs()
    with recording() as notes:
        try:
            with time_limit(timeout):
                _run_stages(doc, stages, outputs, result)
        except DocumentTimeout as over:
            if not any(is_timeout(f) for f in result.failures):  # it fired between two stages
                result.failures.append(StageFailure(doc.file, _doc_label(doc), "-", str(over)))
    seen: set[tuple[int, str]] = set()
    for n in notes:  # two readers may skip the same item
        key = (doc.source_line(n.line), n.text)
        if key not in seen:
            seen.add(key)
            result.skipped.append(SkippedItem(doc.file, key[0], n.text, n.reason))
    return result


def _run_stages(doc: Document, stages: Sequence[Stage], outputs: Outputs, result: DocumentResult) -> None:
    for st in stages:
        if any(r not in outputs for r in st.requires):
            # an output it needs failed without an empty stand-in (already reported): this stage cannot
            # run, and what it provides is its empty output, so the stages after it still run
            if st.provides and st.empty is not None:
                outputs[st.provides] = st.empty(doc)
            continue
        try:
            got = st.run(doc, outputs)
        except DocumentTimeout as over:  # the document's time is up: no later stage runs
            result.failures.append(StageFailure(doc.file, _doc_label(doc), st.name, str(over)))
            raise
        except Exception as err:  # noqa: BLE001 - reported with the document and the stage, then go on
            result.failures.append(StageFailure(doc.file, _doc_label(doc), st.name, _reason(err)))
            if st.provides and st.empty is not None:
                outputs[st.provides] = st.empty(doc)
            continue
        if st.provides:
            outputs[st.provides] = got
        else:
            result.facts.extend(_on_source_lines(doc, got))


def _on_source_lines(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Facts placed on the file's lines where the document cut a run-on line (``Document.source_lines``)."""
    if doc.source_lines is None:
        return facts
    out = []
    for f in facts:
        line, end = doc.source_line(f.src.line), doc.source_line(f.src.end_line) if f.src.end_line else None
        out.append(replace(f, src=Src(f.src.file, line, end if end != line else None)))
    return out


@dataclass
class TextResult:
    documents: list[Document] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)


def extract_text(text: str, file: str, stages: Sequence[Stage] = STAGES,
                 on_document: Callable[[Document, DocumentResult], None] | None = None,
                 timeout: float | None = None) -> TextResult:
    """Segment an issue's text and extract every fact, document facts first (segmenting and each document
    within ``timeout`` seconds, if given)."""
    result = TextResult()
    try:
        with time_limit(timeout):
            docs = segment(text, file)
    except DocumentTimeout as over:
        result.failures.append(StageFailure(file, "whole file", "segment", str(over)))
        return result
    except Exception as err:  # noqa: BLE001 - the file gives nothing; the run goes on
        result.failures.append(StageFailure(file, "whole file", "segment", _reason(err)))
        return result
    result.documents = docs
    result.facts.extend(documents_to_facts(docs))
    for doc in docs:
        one = extract_document(doc, stages, timeout)
        result.facts.extend(one.facts)
        result.failures.extend(one.failures)
        result.skipped.extend(one.skipped)
        if on_document:
            on_document(doc, one)
    return result


@dataclass
class ExtractReport:
    """What happened to each input file."""

    facts: list[Fact] = field(default_factory=list)
    read: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)        # unreadable file -> one-line reason
    failures: list[StageFailure] = field(default_factory=list)  # stages that failed on a document
    skipped: list[SkippedItem] = field(default_factory=list)    # list items the readers could not read
    documents: int = 0
    bytes_read: int = 0
    cached: int = 0  # files whose facts came from the extraction cache (unchanged since the last build)
    notes: list[str] = field(default_factory=list)  # "file: what reading it did" (bad bytes replaced, …)
    duplicates: dict[str, str] = field(default_factory=dict)  # a file -> the earlier file with the same bytes
    sources: dict[str, SourceText] = field(default_factory=dict)  # file name -> what was read (``keep_sources``)


@dataclass
class FileOutcome:
    """What one file gave: its facts and what went wrong in it, or why it could not be read."""

    path: str
    error: str | None = None
    facts: list[Fact] = field(default_factory=list)
    failures: list[StageFailure] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    documents: int = 0
    bytes: int = 0
    cached: bool = False
    notes: list[str] = field(default_factory=list)  # what reading the file did (``SourceText.notes``)
    source: SourceText | None = field(default=None, repr=False)  # what was read (a PDF or a scan: costly again)

    def meta(self) -> dict[str, Any]:
        """Everything but the facts, as JSON (what the extraction cache keeps beside them)."""
        return {"documents": self.documents, "bytes": self.bytes,
                "failures": [vars(f) for f in self.failures], "skipped": [vars(s) for s in self.skipped],
                "notes": self.notes}

    @classmethod
    def from_cache(cls, path: str, meta: dict[str, Any], facts: list[Fact]) -> "FileOutcome":
        return cls(path, None, facts, [StageFailure(**f) for f in meta["failures"]],
                   [SkippedItem(**s) for s in meta["skipped"]], meta["documents"], meta["bytes"], cached=True,
                   notes=list(meta.get("notes", [])), source=_source_from(path, meta.get("source")))


def _source_meta(src: SourceText | None) -> dict[str, Any] | None:
    """What the extraction cache keeps of what was read (all but the path, which is the file's own)."""
    if src is None:
        return None
    return {"text": src.text, "encoding": src.encoding, "replaced": src.replaced, "format": src.format,
            "origins": None if src.origins is None else [o.to_dict() if o else None for o in src.origins],
            "reader_notes": list(src.reader_notes)}


def _source_from(path: str, d: dict[str, Any] | None) -> SourceText | None:
    if not isinstance(d, dict):
        return None
    origins = d.get("origins")
    return SourceText(Path(path), d["text"], d["encoding"], d["replaced"], d["format"],
                      None if origins is None else tuple(Origin.from_dict(o) for o in origins),
                      tuple(d["reader_notes"]))


def extract_file(path: str | Path, stages: Sequence[Stage] = STAGES, timeout: float | None = None) -> FileOutcome:
    """Read and extract one file (what a worker process or a cluster task runs), each document within
    ``timeout`` seconds if given."""
    p = Path(path)
    try:
        src = read_source(p)
    except UnreadableFile as err:
        return FileOutcome(str(p), str(err))
    one = extract_text(src.text, src.name, stages, timeout=timeout)
    if src.origins is not None:  # a PDF, web page or Word file: each fact says where its line stands there
        one.facts = [replace(f, src=replace(f.src, origin=src.origin(f.src.line))) for f in one.facts]
    return FileOutcome(str(p), None, one.facts, one.failures, one.skipped, len(one.documents),
                       len(src.text.encode("utf-8")), notes=list(src.notes), source=src)


def _outcomes(paths: list[Path], stages: Sequence[Stage], workers: int, cluster: str | None,
              cache: "ExtractCache | None", timeout: float | None = None,
              known: dict[str, str] | None = None) -> Iterator[FileOutcome]:
    """Each path's outcome in path order: from the cache when the file is unchanged, else extracted (fanned out)."""
    from govkg.extract.fanout import map_ordered

    digests: dict[int, str] = {}
    hits: dict[int, FileOutcome] = {}
    if cache is not None:
        from govkg.extract.cache import file_digest

        for i, p in enumerate(paths):
            try:
                digests[i] = (known or {}).get(str(p)) or file_digest(p)
            except OSError:
                continue  # extract_file says why it cannot be read
            got = cache.get(p.name, digests[i])
            if got is not None and isinstance(got[0].get("source"), dict):  # else read it again
                hits[i] = FileOutcome.from_cache(str(p), *got)
    misses = [str(p) for i, p in enumerate(paths) if i not in hits]
    if stages is STAGES:  # a partial of a module-level function pickles: the workers get the limit too
        func = partial(extract_file, timeout=timeout) if timeout else extract_file
        fresh = map_ordered(func, misses, workers=workers, cluster=cluster)
    else:  # custom stages are closures a worker cannot receive: run them here
        fresh = (extract_file(p, stages, timeout) for p in misses)
    for i, p in enumerate(paths):
        if i in hits:
            yield hits[i]
            continue
        one = next(fresh)
        if cache is not None and one.error is None and i in digests and not any(map(is_timeout, one.failures)):
            # the text too: a rebuild's document pages then need no second reading (nor OCR) of the file
            cache.put(p.name, digests[i], {**one.meta(), "source": _source_meta(one.source)}, one.facts)
        yield one


def extract_files(paths: Iterable[str | Path], stages: Sequence[Stage] = STAGES,
                  on_file: Callable[[Path, str | None], None] | None = None,
                  on_facts: Callable[[list[Fact]], None] | None = None,
                  keep_facts: bool = True, *, workers: int = 1, cluster: str | None = None,
                  cache: "ExtractCache | None" = None, timeout: float | None = None,
                  keep_sources: bool = False) -> ExtractReport:
    """Extract facts from many files.

    A file that cannot be read is reported in ``failed`` (and to ``on_file``), a stage that fails
    on a document in ``failures``; neither stops the run. ``on_facts`` receives each file's facts
    as soon as they exist (document facts first), in the order ``govkg extract`` writes them —
    the order of ``paths`` whether the files are extracted here, on ``workers`` processes or on a
    Dask ``cluster`` (``govkg.extract.fanout``). With a ``cache`` (``govkg.extract.cache``) an
    unchanged file is not extracted again. A file with the same bytes as an earlier one (the same gazette
    under two names) is read once: it is listed in ``duplicates`` and reported to ``on_file`` as read.
    ``timeout``: seconds each document may take (``govkg.extract.limits``). ``keep_sources`` keeps what
    was read of each file in ``sources`` (the texts of a build's document pages, its originals' line maps).
    """
    report = ExtractReport()
    distinct, report.duplicates, digests = _distinct([Path(p) for p in paths])
    for p in report.duplicates:
        if on_file:
            on_file(Path(p), None)
    for one in _outcomes(distinct, stages, workers, cluster, cache, timeout, digests):
        p = Path(one.path)
        if one.error is not None:
            report.failed[str(p)] = one.error
            if on_file:
                on_file(p, one.error)
            continue
        if keep_facts:
            report.facts.extend(one.facts)
        if on_facts:
            on_facts(one.facts)
        report.failures.extend(one.failures)
        report.skipped.extend(one.skipped)
        report.notes.extend(f"{p}: {n}" for n in one.notes)
        report.read.append(str(p))
        if keep_sources and one.source is not None:
            report.sources[p.name] = one.source
        report.documents += one.documents
        report.bytes_read += one.bytes
        report.cached += one.cached
        if on_file:
            on_file(p, None)
    return report


def _distinct(paths: list[Path]) -> tuple[list[Path], dict[str, str], dict[str, str]]:
    """The paths without those whose bytes an earlier path has; those, each with the earlier path; and the
    SHA-256 of each file hashed (a file that cannot be read is kept: extracting it says why)."""
    from govkg.extract.cache import file_digest

    first: dict[str, str] = {}
    digests: dict[str, str] = {}
    keep: list[Path] = []
    duplicates: dict[str, str] = {}
    for p in paths:
        try:
            digest = digests[str(p)] = file_digest(p)
        except OSError:
            keep.append(p)
            continue
        if digest in first:  # also one path given twice
            duplicates[str(p)] = first[digest]
            continue
        first[digest] = str(p)
        keep.append(p)
    return keep, duplicates, digests


def iter_corpus(folder: str | Path) -> Iterator[Path]:
    """The gazette files of a corpus folder (text, PDF, HTML, Word: ``formats.EXTENSIONS``), in name order."""
    from govkg.text.formats import EXTENSIONS

    yield from sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in EXTENSIONS)


def corpus_paths(*sources: str | Path) -> list[Path]:
    """Files and folders of gazettes as the files to read: a folder gives its ``.txt``, ``.pdf``, ``.html``,
    ``.htm`` and ``.docx`` files."""
    out: list[Path] = []
    for s in sources:
        p = Path(s)
        out.extend(iter_corpus(p) if p.is_dir() else [p])
    return out


__all__ = ["Stage", "STAGES", "check_stages", "StageFailure", "is_timeout", "SkippedItem", "DocumentResult", "TextResult", "ExtractReport",
           "extract_document", "extract_text", "extract_file", "extract_files", "FileOutcome", "iter_corpus", "corpus_paths"]

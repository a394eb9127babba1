"""spaCy wiring: a blank Chinese pipeline (``extractors.tokenizer``) with govkg's components.

Each fact extractor is a pure function ``Document -> list[Fact]``; here it is registered as a
function under a versioned name in spaCy's registry (``govkg.bodies.v1`` …) and run by a
component (``govkg_bodies`` …) whose config names it, so a pipeline config can choose,
replace or reorder them. The ``govkg_refs`` ruler marks document numbers,
agencies and posts as spans in ``doc.spans["govkg"]`` for downstream use (search, highlighting).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors import assignments, bodies, citations, refs
from extractors import seats, units
from extractors.document import Document
from extractors.readtext import UnreadableFile, read_source
from extractors.segment import documents_to_facts, segment
from extractors.tokenizer import NAME as TOKENIZER, SOURCE_TEXT
from kg.facts import Fact

Extractor = Callable[[Document], list[Fact]]

# Versioned names in spaCy's function registry; a pipeline config picks the version.
EXTRACTORS: dict[str, Extractor] = {
    "govkg.bodies.v1": bodies.extract,
    "govkg.assignments.v1": assignments.extract,
    "govkg.citations.v1": citations.extract,
    "govkg.seats.v1": seats.extract,
    "govkg.units.v1": units.extract,
}
for _name, _fn in EXTRACTORS.items():
    spacy.registry.misc.register(_name, func=lambda _fn=_fn: _fn)

# component name -> the registered extractor it runs by default
COMPONENTS: dict[str, str] = {
    "govkg_bodies": "govkg.bodies.v1",
    "govkg_assignments": "govkg.assignments.v1",
    "govkg_citations": "govkg.citations.v1",
    "govkg_seats": "govkg.seats.v1",
    "govkg_units": "govkg.units.v1",
}
DEFAULT_COMPONENTS = ("govkg_refs", *COMPONENTS)

if not Doc.has_extension("gov_document"):
    Doc.set_extension("gov_document", default=None)
if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


class FactComponent:
    """Runs one extractor on the gazette document behind a spaCy ``Doc``."""

    def __init__(self, name: str, fn: Extractor) -> None:
        self.name, self.fn = name, fn

    def __call__(self, doc: Doc) -> Doc:
        gov = doc._.gov_document
        if gov is not None:
            if doc._.facts is None:
                doc._.facts = []
            doc._.facts.extend(self.fn(gov))
        return doc


def _make_fact_component(nlp: Language, name: str, extractor: Extractor) -> FactComponent:
    return FactComponent(name, extractor)


for _comp, _reg in COMPONENTS.items():
    if _comp not in Language.factories:
        Language.factory(_comp, default_config={"extractor": {"@misc": _reg}}, func=_make_fact_component)


class RefRuler:
    """Marks spans that later stages and pages care about, by pattern over the raw text."""

    def __init__(self, patterns: Iterable[tuple[str, re.Pattern[str]]]) -> None:
        self.patterns = list(patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.user_data.get(SOURCE_TEXT) or doc.text  # Doc.text is rebuilt token by token: slow
        for label, pattern in self.patterns:
            for m in pattern.finditer(text):
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["govkg"] = spans
        return doc


if "govkg_refs" not in Language.factories:
    Language.factory("govkg_refs", func=lambda nlp, name: RefRuler(refs.PATTERNS))


# Segmenters a pipeline can be built with: the tokenizer config each one stands for.
SEGMENTERS: dict[str, dict[str, str]] = {
    "char": {"@tokenizers": TOKENIZER},
    "jieba": {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "jieba"},
}


@lru_cache(maxsize=4)
def build_nlp(components: tuple[str, ...] = DEFAULT_COMPONENTS, segmenter: str = "char") -> Language:
    """A blank Chinese pipeline with the named govkg components.

    ``segmenter="char"`` (the default) gives one token per Han character
    (``extractors.tokenizer``); ``"jieba"`` gives spaCy's jieba word segmentation. No
    component reads words — extractors work on the ``Document`` and the ruler on character
    offsets — so both give the same facts (a test holds this), though with jieba the ruler's
    spans snap outward to word boundaries (``见晋`` is one word); jieba alone runs at about
    0.6 MB/s here, which the ≥ 1 MB/s extraction target cannot afford, hence the default.
    """
    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {sorted(SEGMENTERS)}")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": SEGMENTERS[segmenter]}})
    for name in components:
        nlp.add_pipe(name)
    return nlp


def extract_document(doc: Document, nlp: Language | None = None) -> list[Fact]:
    """All facts of one document (not including its own ``document`` fact)."""
    nlp = nlp or build_nlp()
    sdoc = nlp.make_doc(doc.text)
    sdoc._.gov_document = doc
    sdoc._.facts = []
    for _, proc in nlp.pipeline:
        sdoc = proc(sdoc)
    return list(sdoc._.facts)


def extract_text(text: str, file: str, nlp: Language | None = None) -> list[Fact]:
    """Segment an issue's text and extract every fact, document facts first."""
    docs = segment(text, file)
    facts: list[Fact] = list(documents_to_facts(docs))
    for doc in docs:
        facts.extend(extract_document(doc, nlp))
    return facts


@dataclass
class ExtractReport:
    """What happened to each input file."""

    facts: list[Fact] = field(default_factory=list)
    read: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    bytes_read: int = 0


def extract_files(paths: Iterable[str | Path], nlp: Language | None = None,
                  on_file: Callable[[Path, str | None], None] | None = None) -> ExtractReport:
    """Extract facts from many files; a file that cannot be read is reported, not fatal."""
    report = ExtractReport()
    for path in paths:
        p = Path(path)
        try:
            src = read_source(p)
        except UnreadableFile as err:
            report.failed[str(p)] = str(err)
            if on_file:
                on_file(p, str(err))
            continue
        report.facts.extend(extract_text(src.text, src.name, nlp))
        report.read.append(str(p))
        report.bytes_read += len(src.text.encode("utf-8"))
        if on_file:
            on_file(p, None)
    return report


def iter_corpus(folder: str | Path) -> Iterator[Path]:
    """The gazette text files of a corpus folder, in name order."""
    yield from sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix == ".txt")

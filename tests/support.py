"""Test and development support: the shared corpus, gold, and gold-segmented documents.

``python -m tests.support bodies`` scores one extractor on the dev gold set with the
*gold* document segmentation, so an extractor can be measured independently of
``govkg.text.segment``.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from govkg.eval import Score, score
from govkg.facts import DocumentFact, Fact, read_facts
from govkg.text.document import Document
from govkg.text.read import read_source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DIR = SHARED / "gold"
CORPUS_DIR = ROOT / "corpus"
GOLD_STEMS = tuple(sorted(p.stem for p in GOLD_DIR.glob("0*.jsonl"))) if GOLD_DIR.is_dir() else ()


def smallest_issues(folder: Path, n: int) -> Path:
    """``folder`` with a copy of the ``n`` smallest sample issues: a corpus quick to build."""
    import shutil

    for src in sorted(CORPUS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)[:n]:
        shutil.copy(src, folder / src.name)
    return folder


def gold_facts(stem: str | None = None) -> list[Fact]:
    """Gold facts of one issue, or of all dev issues."""
    if stem:
        return read_facts(GOLD_DIR / f"{stem}.jsonl")
    return [f for s in GOLD_STEMS for f in read_facts(GOLD_DIR / f"{s}.jsonl")]


def gold_documents(stem: str) -> list[Document]:
    """The documents of an issue as the gold segments them (number line .. last line)."""
    text = read_source(CORPUS_DIR / f"{stem}.txt").text
    lines = text.split("\n")
    docs = []
    for f in gold_facts(stem):
        if isinstance(f, DocumentFact):
            start, end = f.src.line, f.src.end_line or f.src.line
            docs.append(Document(file=f"{stem}.txt", start=start, end=end, lines=tuple(lines[start - 1:end]),
                                 number=f.doc, title=f.title, issuer=f.issuer, date=f.date, number_line=start))
    return docs


def _extractors() -> dict[str, Callable[[Document], list[Fact]]]:
    """Each fact family's reader on one document, its inputs computed as the pipeline does."""
    from govkg.extract import citations
    from govkg.extract.assignments import reader as assignments
    from govkg.extract.bodies.facts import body_facts
    from govkg.extract.bodies.index import index_bodies
    from govkg.extract.composition.seats import seat_facts
    from govkg.extract.composition.units import unit_facts
    from govkg.extract.composition.walk import Walk

    return {
        "bodies": lambda d: body_facts(index_bodies(d)),
        "seats": lambda d: seat_facts(Walk(d, index_bodies(d).mentions)),
        "units": lambda d: unit_facts(Walk(d, index_bodies(d).mentions)),
        "assignments": assignments.extract,
        "citations": citations.extract,
    }


def score_extractor(module: str, stems: tuple[str, ...] = GOLD_STEMS) -> Score:
    """Score one fact family's reader (``bodies``, ``seats``, ``units``, ``assignments``, ``citations``)
    on gold-segmented documents of the dev set."""
    fn = _extractors()[module]
    pred: list[Fact] = []
    gold: list[Fact] = []
    for stem in stems:
        for doc in gold_documents(stem):
            pred.extend(fn(doc))
        gold.extend(gold_facts(stem))
    kinds = {f.type for f in pred}
    return score([f for f in gold if f.type in kinds or not pred], pred)


if __name__ == "__main__":
    print(score_extractor(sys.argv[1]).table())

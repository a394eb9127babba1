"""Test and development support: the shared corpus, gold, and gold-segmented documents.

``python -m tests.support bodies`` scores one extractor on the dev gold set with the
*gold* document segmentation, so an extractor can be measured independently of
``extractors.segment``.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from extractors.document import Document
from extractors.readtext import read_source
from kg.evaluate import Score, score
from kg.facts import DocumentFact, Fact, read_facts

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DIR = SHARED / "gold"
CORPUS_DIR = ROOT / "corpus"
GOLD_STEMS = tuple(sorted(p.stem for p in GOLD_DIR.glob("0*.jsonl"))) if GOLD_DIR.is_dir() else ()


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


def score_extractor(module: str, stems: tuple[str, ...] = GOLD_STEMS) -> Score:
    """Score ``extractors.<module>.extract`` on gold-segmented documents of the dev set."""
    fn = importlib.import_module(f"extractors.{module}").extract
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

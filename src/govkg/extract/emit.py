"""Facts made from the text stage's output: one ``document`` fact per segmented document."""
from __future__ import annotations

from typing import Iterable, Iterator

from govkg.facts import DocumentFact, Src
from govkg.text.document import Document


def documents_to_facts(docs: Iterable[Document]) -> Iterator[DocumentFact]:
    """One ``document`` fact per document, placed on its number line."""
    for d in docs:
        yield DocumentFact(src=Src(d.file, d.source_line(d.number_line or d.start), d.source_line(d.end)),
                           doc=d.number, title=d.title or None,
                           issuer=d.issuer, date=d.date, doc_title=d.doc_title)


__all__ = ["documents_to_facts"]

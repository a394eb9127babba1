"""Placeholder until the assignments extractor lands: returns no facts."""
from __future__ import annotations

from extractors.document import Document
from kg.facts import Fact


def extract(doc: Document) -> list[Fact]:
    """Facts of this kind found in ``doc``."""
    return []

"""The one interface every graph store offers; the API and CLI see nothing else."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from govkg.graph.schema import PropertyGraph


@dataclass(frozen=True)
class LoadReport:
    """Counts per label and relation after a load, and how long it took."""

    counts: dict[str, int] = field(default_factory=dict)
    rows: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # seconds per stage, e.g. prepare, copy


class GraphStore(Protocol):
    dialect: str  # "neo4j" or "ladybug": picks a canned query's variant (govkg.queries.run_query)

    def load(self, graph: PropertyGraph, *, replace: bool = True, build: dict[str, Any] | None = None) -> LoadReport:
        """Load a graph (idempotent: the same graph twice gives the same counts); ``build`` is the
        manifest of the build folder it came from, kept with it (:meth:`loaded_build`)."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run read-only Cypher with parameters; rows as dicts of plain Python values."""

    def counts(self) -> dict[str, int]:
        """Nodes per label and relations per type now in the store."""

    def loaded_build(self) -> dict[str, Any] | None:
        """What was loaded last: ``{"generation", "load_id", "loaded_at", "manifest"}``, or None.
        ``load_id`` is new with every load (caches key on it); ``manifest`` is the build folder's
        ``manifest.json`` (None for a graph loaded from a single RDF file)."""

    def close(self) -> None:
        """Release the connection or database handle."""

"""Golden graphs: ``tests/golden/graph/<case>/input.jsonl`` (facts) → ``expected.ttl``.

Compared by RDF isomorphism; on failure the message lists the triples in both, only in the
expected graph and only in the actual one. Regenerate only on purpose, then review the diff:
``GOVKG_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/golden/test_graph_golden.py``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from govkg.facts import read_facts
from govkg.graph.rdf import graph_from_facts

CASES = sorted(p for p in (Path(__file__).parent / "graph").iterdir() if (p / "input.jsonl").exists())
REGEN = os.environ.get("GOVKG_REGEN_GOLDEN") == "1"


def _lines(g: Graph) -> list[str]:
    return sorted(g.serialize(format="nt").strip().splitlines())


def readable_diff(expected: Graph, actual: Graph, limit: int = 40) -> str:
    """Triples in both / only expected / only actual, as sorted N-Triples lines."""
    both, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    out = [f"in both: {len(both)} triples"]
    for title, g in (("only in expected", only_expected), ("only in actual", only_actual)):
        lines = _lines(g)
        out.append(f"{title}: {len(lines)}")
        out += ["  " + line for line in lines[:limit]] + (["  …"] if len(lines) > limit else [])
    return "\n".join(out)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_graph_matches_golden(case: Path) -> None:
    actual = graph_from_facts(read_facts(case / "input.jsonl"))
    expected_path = case / "expected.ttl"
    if REGEN or not expected_path.exists():
        actual.serialize(expected_path, format="turtle", encoding="utf-8")
        if not REGEN:
            pytest.fail(f"{expected_path} was missing and has been written; review it and commit")
    expected = Graph().parse(expected_path)
    assert to_isomorphic(expected) == to_isomorphic(actual), readable_diff(expected, actual)


def test_diff_is_readable() -> None:
    a = Graph().parse(data="<urn:a> <urn:p> 'x' . <urn:a> <urn:p> 'y' .", format="turtle")
    b = Graph().parse(data="<urn:a> <urn:p> 'x' . <urn:a> <urn:p> 'z' .", format="turtle")
    text = readable_diff(a, b)
    assert "in both: 1" in text and '"y"' in text.split("only in actual")[0] and '"z"' in text.split("only in actual")[1]

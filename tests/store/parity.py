"""Helpers of the parity tests: answers compared whatever their row order."""
from __future__ import annotations

import json


def normalised(rows: list[dict]) -> list[str]:
    """Rows as sorted JSON strings: equal lists mean equal answers whatever the row order."""
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


def load_both(neo, lb, graph) -> dict:
    """Load ``graph`` into both stores, check they report the same counts, return sample parameters."""
    from govkg.queries import sample_params

    a, b = neo.load(graph), lb.load(graph)
    assert a.counts == b.counts
    return sample_params(graph)


def same_rows(neo, lb, query, params: dict) -> tuple[list[str], list[str]]:
    """One canned query's answers on both stores, normalised for comparison."""
    from govkg.queries import run_query

    given = {p.name: params[p.name] for p in query.params}
    return normalised(run_query(neo, query, given)), normalised(run_query(lb, query, given))

"""Helpers of the parity tests: order-normalised rows and fixed parameters drawn from a graph."""
from __future__ import annotations

import json

from kg.queries import sample_params as params_for  # noqa: F401 (re-exported for the tests)


def normalised(rows: list[dict]) -> list[str]:
    """Rows as sorted JSON strings: equal lists mean equal answers whatever the row order."""
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)

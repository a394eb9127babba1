"""Helpers of the parity tests: answers compared whatever their row order."""
from __future__ import annotations

import json


def normalised(rows: list[dict]) -> list[str]:
    """Rows as sorted JSON strings: equal lists mean equal answers whatever the row order."""
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)

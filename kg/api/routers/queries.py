"""``/queries``: the canned queries of ``queries/*.cypher``, with validated parameters, as JSON or CSV."""
from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["queries"])

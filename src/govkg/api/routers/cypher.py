"""``/cypher``: raw read-only Cypher, mounted only when ``GOVKG_API_ALLOW_CYPHER`` is set.

The store already runs queries in read-only transactions; writing clauses are refused here
as well, before the text reaches the store, so the embedded store is safe too.
"""
from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from govkg.api.deps import StoreDep

router = APIRouter(tags=["cypher"])

WRITING = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|ALTER|COPY|LOAD|INSTALL|ATTACH|IMPORT|"
                     r"EXPORT|CALL|FOREACH|BEGIN|COMMIT|CHECKPOINT|USE)\b", re.IGNORECASE)


class CypherIn(BaseModel):
    cypher: str = Field(min_length=1, max_length=4000)
    params: dict[str, Any] = Field(default_factory=dict)


def refuse_writes(cypher: str) -> None:
    """400 unless the text is a read-only query (string literals and comments are ignored)."""
    bare = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", " ", cypher, flags=re.S)
    m = WRITING.search(bare)
    if m:
        raise HTTPException(400, f"read-only endpoint: {m.group(1).upper()} is not allowed")


@router.post("/cypher", summary="Run read-only Cypher with parameters (only when enabled)")
def run_cypher(body: CypherIn, store: StoreDep) -> dict[str, Any]:
    refuse_writes(body.cypher)
    try:
        rows = store.run(body.cypher, body.params)
    except Exception as err:  # noqa: BLE001 - a bad query is the caller's error, reported in one line
        raise HTTPException(400, f"query failed: {str(err).splitlines()[0] if str(err) else type(err).__name__}")
    return {"rows": rows}

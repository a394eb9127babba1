"""``/health``: is the store readable, and what does it hold."""
from __future__ import annotations

from fastapi import APIRouter

from govkg.api.deps import StoreDep
from govkg.api.models import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Store status and counts")
def health(store: StoreDep) -> Health:
    name = type(store).__name__
    try:
        return Health(status="ok", store=name, counts=store.counts())
    except Exception as err:  # noqa: BLE001 - health reports any store failure instead of raising
        return Health(status="degraded", store=name, detail=str(err).splitlines()[0] if str(err) else type(err).__name__)

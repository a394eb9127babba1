"""``/health``: is the store readable, and what does it hold.

200 with ``ok`` and the counts when the store answers; 503 with ``degraded`` and the store's
one-line error when it does not, so a load balancer or the compose healthcheck (which wants 200)
takes a server whose Neo4j is down out of service. A Neo4j that is down is reported within the
store's ``connect_timeout`` (``GOVKG_NEO4J_CONNECT_TIMEOUT``), not after the driver's retries.
"""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from govkg.api.deps import StoreDep
from govkg.api.models import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Store status and counts",
            responses={503: {"model": Health, "description": "degraded: the store cannot be read"}})
def health(store: StoreDep) -> Health | JSONResponse:
    name = type(store).__name__
    try:
        return Health(status="ok", store=name, counts=store.counts())
    except Exception as err:  # noqa: BLE001 - health reports any store failure instead of raising
        detail = str(err).splitlines()[0] if str(err) else type(err).__name__
        return JSONResponse(Health(status="degraded", store=name, detail=detail).model_dump(), status_code=503)

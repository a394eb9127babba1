"""The FastAPI application: routers, static files, offline API docs, error handling."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from govkg.api.cache import ResponseCache
from govkg.api.follow import FollowGraphFile, file_identity, loaded_build
from govkg.api.limits import RequestLimits, limit_answer
from govkg.api.openapi import openapi_of
from govkg.api.security import HostAllowList, SecurityHeaders, csp_allowing_inline_scripts
from govkg.api.routers import entities, export, health, originals, pages, queries, review, search, sparql, viz
from govkg.errors import QueryLimit, StoreError, UnknownLabel
from govkg.resources import STATIC_DIR
from govkg.settings import ApiConfig
from govkg.store.base import GraphStore


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = list(e.get("loc", ()))
        if loc and loc[0] in ("query", "path", "body", "header", "cookie"):
            loc = loc[1:]  # where the parameter travels; its name is what helps
        where = ".".join(map(str, loc))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def create_app(config: ApiConfig | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app over ``store`` (kept open by the caller), or over the store ``config`` names (opened here)."""
    config = config or ApiConfig.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = app.state.store is None
        if owned:
            from govkg.store import open_store

            app.state.store = open_store(config.store, read_only=True)
            if config.store.store_kind != "neo4j":  # a rebuild replaces the file: serve the new one
                app.state.followed = Path(config.store.db_path)
                app.state.followed_identity = file_identity(app.state.followed)
        app.state.loaded_build = loaded_build(app.state.store)  # what is loaded now: a reload changes its id
        app.state.loaded_id = app.state.loaded_build.get("load_id") if app.state.loaded_build else None
        try:
            yield
        finally:
            from govkg.api.buildfiles import close_engines

            await run_in_threadpool(close_engines, app.state)  # the SPARQL worker processes
            if owned:
                for old in [*app.state.retired, app.state.store]:
                    await run_in_threadpool(old.close)  # may wait for a query: not on the event loop
                app.state.store, app.state.retired, app.state.followed = None, [], None

    app = FastAPI(title="govkg", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="政府机构知识图谱 API: canned queries, search, entities, network pictures, export. "
                              "Knowledge graph of Chinese government bodies extracted from city gazettes.")
    app.state.store = store
    app.state.settings = config
    app.state.index = None
    app.state.ids = None  # node id → label and name, for id parameters (api.deps.ids_of)
    app.state.generation = 0  # bumped when a reloaded graph is followed (govkg.api.follow)
    app.state.loaded_id = None  # the load id of the graph served (store.loaded_build())
    app.state.loaded_build = None  # what store.loaded_build() said: the build's manifest, for pages
    app.state.followed = None
    app.state.retired = []
    app.state.follow_interval = 1.0  # seconds between looks at the database file

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(err), "errors": jsonable(err.errors())}, status_code=422)

    @app.exception_handler(UnknownLabel)
    async def unknown_label(request: Request, err: UnknownLabel) -> JSONResponse:
        return JSONResponse({"detail": _first_line(err)}, status_code=400)

    @app.exception_handler(QueryLimit)
    async def over_limit(request: Request, err: QueryLimit) -> JSONResponse:
        status, detail = limit_answer(err)
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(StoreError)
    async def store_down(request: Request, err: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"store unavailable: {_first_line(err)}"}, status_code=503)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # the default page loads Swagger UI from a CDN; these are served from viz/static/vendor
        page = get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="govkg API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")
        page.headers["content-security-policy"] = csp_allowing_inline_scripts(page.body.decode())
        return page

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(health.router)
    app.include_router(queries.build_router())
    for module in (search, entities, viz, export, pages, originals, sparql):
        app.include_router(module.router)
    if config.review_token:  # without a token the review routes do not exist: the server stays read-only
        app.include_router(review.router)
    app.add_middleware(ResponseCache, prefixes=("/queries",))
    app.add_middleware(FollowGraphFile)  # a reload is followed before the cache is asked
    app.add_middleware(RequestLimits, max_body=config.max_body, timeout=config.query_timeout)
    app.add_middleware(HostAllowList, allowed=config.allowed_hosts)
    app.add_middleware(SecurityHeaders)  # outermost: every answer has them, refusals too
    app.openapi = lambda: openapi_of(app)  # every status and content type the app answers, declared
    return app


def jsonable(errors: list) -> list:
    """Validation errors without the exception objects pydantic may put in ``ctx``."""
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str})

"""``/queries``: the canned queries of ``queries/*.cypher``, with validated parameters, as JSON or CSV.

Each query gets its own route, ``/queries/<name>``, whose query parameters are built from the
file's header (type, default, description), so the OpenAPI spec documents and validates them;
``/queries/{name}`` behind them answers unknown names with the list of known ones. Parameters
naming an entity are resolved first (``govkg.store.resolve``): the answer reports each
resolution, and a name that matches nothing (or several nodes equally well) is a 404 with
``did_you_mean`` suggestions.
"""
from __future__ import annotations

import csv
import inspect
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi import Query as Q
from fastapi.responses import JSONResponse, Response
from pydantic_core import to_jsonable_python

from govkg.api.deps import StoreDep, ids_of, index_of
from govkg.api.limits import CappedStore
from govkg.api.openapi import date_schema
from govkg.api.models import NoMatchAnswer, QueryInfo, QueryParam, QueryResult, Resolution
from govkg.errors import QueryError
from govkg.queries import ENTITY_LABELS, INT_MAX, INT_MIN, TYPES, Query, load_queries
from govkg.store.resolve import NoMatch, answer

Format = Literal["json", "csv"]
# a character Python's str.strip() keeps: JSON Schema's \s lacks \x1c-\x1f and \x85, which strip() removes
NOT_BLANK = r"[^\s\x1c-\x1f\x85]"
RESOLUTION_FIELDS = tuple(Resolution.model_fields)  # a resolution's keys, in the model's order


def info(q: Query) -> QueryInfo:
    return QueryInfo(name=q.name, description=q.description, columns=list(q.columns),
                     parameters=[QueryParam(name=p.name, type=p.type, required=p.required, default=p.default,
                                            description=p.doc) for p in q.params])


def as_csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return buf.getvalue()


def execute(request: Request, store: Any, q: Query, params: dict[str, Any], fmt: str) -> Response:
    """Run one canned query and render it; bad parameters are 422 with the query module's message,
    a name that resolves to no single node 404 with suggestions."""
    max_rows = getattr(request.app.state.settings, "max_rows", None)
    try:
        done = answer(CappedStore(store, max_rows) if max_rows else store, q, params,
                      lambda: index_of(request.app.state), lambda: ids_of(request.app.state))
    except NoMatch as err:
        return JSONResponse(err.body(), status_code=404)
    except QueryError as err:
        raise HTTPException(422, str(err)) from None
    if fmt == "csv":
        return Response(as_csv(list(q.columns), done.rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{q.name}.csv"'})
    # the documented QueryResult, field for field and in its order, without building the model and
    # dumping it again: the rows are plain values already (store.rows.plain), the JSON is the same bytes
    body = {"query": q.name, "params": done.params,
            "resolved": {k: {f: getattr(r, f) for f in RESOLUTION_FIELDS} for k, r in done.resolved.items()},
            "columns": list(q.columns), "rows": done.rows}
    return Response(json.dumps(body, ensure_ascii=False, default=to_jsonable_python), media_type="application/json")


def _param(p: Any) -> inspect.Parameter:
    extra: dict[str, Any] = {"description": p.doc or p.type}
    if p.type == "int":
        extra.update(ge=INT_MIN, le=INT_MAX)
    elif p.type == "date":
        extra["pattern"] = r"^(\d{4}-\d{2}-\d{2}|latest)$" if p.latest else r"^\d{4}-\d{2}-\d{2}$"
        extra["json_schema_extra"] = date_schema(latest=p.latest)
    elif p.type != "bool":  # strings and entity names
        extra.update(min_length=1, max_length=500)
        if p.type in ENTITY_LABELS:  # a blank name is refused (422): documented, not validated, to keep its message
            extra["json_schema_extra"] = {"pattern": NOT_BLANK}
    default = p.default if not p.required else inspect.Parameter.empty
    annotation = Annotated[TYPES[p.type], Q(**extra)]
    return inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _endpoint(q: Query):
    """A route function whose signature declares this query's parameters."""
    def endpoint(request: Request, store: StoreDep, format: Format = "json", **params: Any) -> Response:
        return execute(request, store, q, params, format)

    fixed = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
             inspect.Parameter("store", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=StoreDep),
             inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default="json",
                               annotation=Annotated[Format, Q(description="json or csv")])]
    endpoint.__signature__ = inspect.Signature(fixed + [_param(p) for p in q.params if p.name != "format"])
    endpoint.__name__ = f"query_{q.name}"
    return endpoint


def build_router() -> APIRouter:
    """The router for the queries present now in ``queries/``."""
    router = APIRouter(prefix="/queries", tags=["queries"])
    catalog = load_queries()

    @router.get("", response_model=list[QueryInfo], summary="The canned queries and their parameters")
    def list_queries() -> list[QueryInfo]:
        return [info(q) for q in catalog.values()]

    for q in catalog.values():
        router.add_api_route(f"/{q.name}", _endpoint(q), methods=["GET"], summary=q.name,
                             description=q.description + "\n\nColumns: " + ", ".join(q.columns),
                             response_model=QueryResult,
                             responses={200: {"content": {"application/json": {}, "text/csv": {}}},
                                        **({404: {"model": NoMatchAnswer,
                                                  "description": "a name that matches no node, or several"}}
                                           if q.entities else {})})

    @router.get("/{name}", summary="Unknown query names", include_in_schema=False)
    def unknown(name: str) -> None:
        raise HTTPException(404, f"no query named {name!r}; known: {', '.join(catalog)}")

    return router

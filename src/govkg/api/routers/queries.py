"""``/queries``: the canned queries of ``queries/*.cypher``, with validated parameters, as JSON or CSV.

Each query gets its own route, ``/queries/<name>``, whose query parameters are built from the
file's header (type, default, description), so the OpenAPI spec documents and validates them;
``/queries/{name}`` behind them answers unknown names with the list of known ones.
"""
from __future__ import annotations

import csv
import inspect
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi import Query as Q
from fastapi.responses import Response

from govkg.api.deps import StoreDep
from govkg.api.models import QueryInfo, QueryParam, QueryResult
from govkg.errors import QueryError
from govkg.queries import Query, load_queries, run_query

Format = Literal["json", "csv"]
# integers are row limits; bounded so the store never sees a negative or absurd LIMIT
INT_BOUNDS = {"ge": 1, "le": 10_000}
PYTHON_TYPES: dict[str, type] = {"string": str, "int": int, "date": str, "bool": bool}


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


def execute(store: Any, q: Query, params: dict[str, Any], fmt: str) -> Response:
    """Run one canned query and render it; bad parameters are 422 with the query module's message."""
    try:
        bound = q.bind(params)
        rows = run_query(store, q, bound)
    except QueryError as err:
        raise HTTPException(422, str(err)) from None
    if fmt == "csv":
        return Response(as_csv(list(q.columns), rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{q.name}.csv"'})
    body = QueryResult(query=q.name, params=bound, columns=list(q.columns), rows=rows)
    return Response(json.dumps(body.model_dump(mode="json"), ensure_ascii=False), media_type="application/json")


def _param(p: Any) -> inspect.Parameter:
    extra: dict[str, Any] = {"description": p.doc or p.type}
    if p.type == "int":
        extra.update(INT_BOUNDS)
    elif p.type == "date":
        extra["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
    elif p.type == "string":
        extra.update(min_length=1, max_length=500)
    default = p.default if not p.required else inspect.Parameter.empty
    annotation = Annotated[PYTHON_TYPES[p.type], Q(**extra)]
    return inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _endpoint(q: Query):
    """A route function whose signature declares this query's parameters."""
    def endpoint(store: StoreDep, format: Format = "json", **params: Any) -> Response:
        return execute(store, q, params, format)

    fixed = [inspect.Parameter("store", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=StoreDep),
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
                             responses={200: {"content": {"application/json": {}, "text/csv": {}}}})

    @router.get("/{name}", summary="Unknown query names", include_in_schema=False)
    def unknown(name: str) -> None:
        raise HTTPException(404, f"no query named {name!r}; known: {', '.join(catalog)}")

    return router

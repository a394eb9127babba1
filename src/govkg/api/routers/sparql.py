"""``/sparql``: the SPARQL 1.1 protocol over the served build's RDF (``govkg.store.sparql``), read-only.

GET ``?query=…`` or POST (a form with ``query=``, or an ``application/sparql-query`` body); results
as JSON, XML, CSV or TSV and graphs (CONSTRUCT, DESCRIBE) as Turtle, N-Triples, RDF/XML or JSON-LD,
by ``Accept`` or ``format=``. A browser (``Accept: text/html``) gets the page: a query form, the
example queries of ``data/sparql/*.rq`` one click away, and the answer as a table. Updates
(``INSERT DATA`` …, or the protocol's ``update=``) and ``SERVICE`` are refused with 400, an
over-long query with 413, a query past the time limit with 503.
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from govkg.api.buildfiles import BuildUnavailable, sparql_engine
from govkg.resources import DATA_DIR
from govkg.store.sparql import (GRAPH_FORMATS, MAX_QUERY_CHARS, RESULT_FORMATS, Answer, SparqlError,
                                check_query, format_name)
from govkg.viz.pages import render

router = APIRouter(tags=["sparql"])
EXAMPLES_DIR = DATA_DIR / "sparql"
MAX_BODY = MAX_QUERY_CHARS * 4 + 1024  # a form-encoded query of MAX_QUERY_CHARS CJK characters
_MEDIA_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml", "text/plain": "nt",
                  "application/x-turtle": "turtle"}


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    query: str

    @property
    def href(self) -> str:
        return "/sparql?query=" + quote(self.query, safe="")


def examples() -> list[Example]:
    """The example queries (``data/sparql/*.rq``: ``# title:`` and ``# description:`` lines, then the query)."""
    out = []
    for path in sorted(EXAMPLES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        head = {"title": [], "description": []}
        for line in text.splitlines():
            for key in head:
                if line.startswith(f"# {key}:"):
                    head[key].append(line.split(":", 1)[1].strip())
        out.append(Example(path.stem, " ".join(head["title"]) or path.stem, " ".join(head["description"]), text))
    return out


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, most wanted first (ties keep their order)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(accept: str, fmt: str | None) -> tuple[str, str, bool]:
    """(results format, graph format, whether to answer with the HTML page) for a request."""
    if fmt:
        if fmt.strip().lower() == "html":
            return "json", "turtle", True
        name = format_name(fmt)
        return (name, "turtle", False) if name in RESULT_FORMATS else ("json", name, False)
    results = graph = None
    html = False
    for media in _accepted(accept or "*/*"):
        if media in ("text/html", "application/xhtml+xml") and results is None and graph is None:
            html = True
            break
        name = _MEDIA_ALIASES.get(media) or next((n for n, m in (RESULT_FORMATS | GRAPH_FORMATS).items()
                                                  if m == media), None)
        if name in RESULT_FORMATS and results is None:
            results = name
        elif name in GRAPH_FORMATS and graph is None:
            graph = name
        elif media == "application/xml" and graph is None:
            graph = "rdfxml"
    return results or "json", graph or "turtle", html


def _warm(state: Any) -> None:
    try:
        sparql_engine(state).warm()
    except (SparqlError, BuildUnavailable, OSError):  # told to whoever asks a query
        pass


def _error(err: SparqlError | BuildUnavailable, html: bool, request: Request, query: str) -> Response:
    status = err.status if isinstance(err, SparqlError) else 503
    message = str(err)
    if html:
        return render(request, "sparql.html", status_code=status, query=query, examples=examples(),
                      error=message, table=None, text=None)
    return JSONResponse({"detail": message}, status_code=status)


def _table(answer: Answer) -> dict[str, Any]:
    data = json.loads(answer.body)
    if "boolean" in data:
        return {"columns": ["boolean"], "rows": [["true" if data["boolean"] else "false"]]}
    cols = data["head"]["vars"]
    rows = [[(b.get(c) or {}).get("value", "") for c in cols] for b in data["results"]["bindings"]]
    return {"columns": cols, "rows": rows}


async def _answer(request: Request, query: str | None, fmt: str | None) -> Response:
    try:
        results, graph, html = negotiate(request.headers.get("accept", ""), fmt)
    except SparqlError as err:
        return JSONResponse({"detail": str(err)}, status_code=err.status)
    if html and not (query or "").strip():
        # someone reading the examples will run one: start the workers (about a second) meanwhile
        asyncio.get_running_loop().run_in_executor(None, _warm, request.app.state)
        return render(request, "sparql.html", query=examples()[0].query if examples() else "", examples=examples(),
                      error=None, table=None, text=None)
    try:
        check_query(query or "")  # a refused query is told so before any build is looked for
        engine = await run_in_threadpool(sparql_engine, request.app.state)
        answer = await run_in_threadpool(engine.query, query or "", "json" if html else results, graph)
    except (SparqlError, BuildUnavailable) as err:
        return _error(err, html, request, query or "")
    if html:
        table = _table(answer) if answer.kind != "graph" else None
        text = answer.body.decode("utf-8") if answer.kind == "graph" else None
        return render(request, "sparql.html", query=query, examples=examples(), error=None, table=table, text=text)
    media = answer.media_type + ("; charset=utf-8" if not answer.media_type.endswith("+xml") else "")
    return Response(answer.body, media_type=media, headers={"Vary": "Accept"})


def _graph_uris(params: dict[str, list[str]]) -> str | None:
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        return "default-graph-uri / named-graph-uri: this endpoint holds one graph, its default graph"
    return None


@router.get("/sparql", summary="SPARQL 1.1 query (GET): query=…, results by Accept or format=",
            responses={200: {"content": {m: {} for m in [*RESULT_FORMATS.values(), *GRAPH_FORMATS.values(),
                                                           "text/html"]}}})
async def sparql_get(request: Request) -> Response:
    params = parse_qs(request.url.query, keep_blank_values=True)
    if params.get("update"):
        return JSONResponse({"detail": "updates are not allowed: this endpoint is read-only"}, status_code=400)
    if (msg := _graph_uris(params)) is not None:
        return JSONResponse({"detail": msg}, status_code=400)
    return await _answer(request, (params.get("query") or [None])[0], (params.get("format") or [None])[0])


@router.post("/sparql", summary="SPARQL 1.1 query (POST): a form with query=, or an application/sparql-query body")
async def sparql_post(request: Request) -> Response:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        return JSONResponse({"detail": f"query too long: {int(declared):,} bytes, the limit is "
                                       f"{MAX_QUERY_CHARS:,} characters"}, status_code=413)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return JSONResponse({"detail": f"query too long: over {MAX_BODY:,} bytes, the limit is "
                                           f"{MAX_QUERY_CHARS:,} characters"}, status_code=413)
    params = parse_qs(request.url.query, keep_blank_values=True)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return JSONResponse({"detail": "the request body is not UTF-8"}, status_code=400)
    if ctype == "application/sparql-update":
        return JSONResponse({"detail": "updates are not allowed: this endpoint is read-only"}, status_code=400)
    if ctype == "application/sparql-query":
        query = text
    elif ctype == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        if form.get("update"):
            return JSONResponse({"detail": "updates are not allowed: this endpoint is read-only"}, status_code=400)
        params = {**params, **form}
        query = (form.get("query") or [""])[0]
    else:
        return JSONResponse({"detail": f"unsupported content type {ctype or '(none)'!r}: send "
                                       "application/sparql-query or an application/x-www-form-urlencoded form"},
                            status_code=415)
    if (msg := _graph_uris(params)) is not None:
        return JSONResponse({"detail": msg}, status_code=400)
    return await _answer(request, query, (params.get("format") or [None])[0])


__all__ = ["router", "examples", "negotiate", "Example"]

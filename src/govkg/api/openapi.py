"""The OpenAPI document, with every answer the app can give declared (issue 15: schemathesis
found undocumented status codes and content types).

FastAPI documents each route's 200 and a 422 in its own shape; the app answers errors in one
shape of its own, ``{"detail": "<one line>"}`` (plus ``errors`` for a validation error), and from
middleware that no route declares. :func:`openapi_of` adds them to every operation:

- ``422`` and every error below as :data:`ERROR` (``ErrorAnswer``), unless the route declares its own;
- ``400`` (a Host name not allowed), ``413`` (a body over the cap), ``503`` (the store cannot be
  read, or an answer over the row cap), ``504`` (a query over its time), for every operation;
- ``404`` for an operation with a path parameter: JSON, or for a route that only answers pages an
  HTML page as well;
- a route that answers HTML, or JSON with ``format=json``, declares both for 200.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR = {
    "title": "ErrorAnswer",
    "type": "object",
    "description": "An error in one line; a validation error also lists pydantic's errors.",
    "properties": {"detail": {"type": "string"}, "errors": {"type": "array", "items": {"type": "object"}}},
    "required": ["detail"],
}
_REF = {"$ref": "#/components/schemas/ErrorAnswer"}
ALWAYS = {
    "400": "the Host header names a host this server does not answer to (GOVKG_API_ALLOWED_HOSTS)",
    "413": "the request body is over GOVKG_API_MAX_BODY bytes",
    "503": "the store cannot be read, or the answer is over GOVKG_API_MAX_ROWS rows",
    "504": "a query ran over GOVKG_API_QUERY_TIMEOUT seconds",
}


def date_schema(*, latest: bool = False):
    """A ``json_schema_extra`` for a day parameter validated by a pattern: documented as
    ``format: date`` (or ``latest``) instead, so a client (and schemathesis) sends real days, not
    any string of the pattern's shape such as ``2020-13-45``."""
    def edit(schema: dict[str, Any]) -> None:
        for node in [schema, *schema.get("anyOf", [])]:
            if node.pop("pattern", None) is not None:
                node.pop("maxLength", None)
                if latest:
                    node["anyOf"] = [{"format": "date"}, {"enum": ["latest"]}]
                else:
                    node["format"] = "date"
    return edit


def _json_error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _REF}}}


def _html_only(op: dict[str, Any]) -> bool:
    return list(op.get("responses", {}).get("200", {}).get("content", {})) == ["text/html"]


def _has_json_format(op: dict[str, Any]) -> bool:
    for p in op.get("parameters", []):
        schema = p.get("schema", {})
        if p.get("name") == "format" and p.get("in") == "query" and \
                "json" in (schema.get("enum") or [e.get("const") for e in schema.get("anyOf", [])] or [schema.get("const")]):
            return True
    return False


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the answers of the module docstring declared (changed in place, and returned)."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorAnswer"] = ERROR
    for path, ops in schema.get("paths", {}).items():
        for op in ops.values():
            responses = op.setdefault("responses", {})
            if _html_only(op) and _has_json_format(op):
                responses["200"]["content"]["application/json"] = {"schema": {"type": "object"}}
            if "422" in responses and "HTTPValidationError" in str(responses["422"]):
                responses["422"] = _json_error("bad parameters: the detail names them")
            if "{" in path and "404" not in responses:
                if _html_only(op):
                    # the page saying so; JSON when no route matches at all (an id with a line break)
                    responses["404"] = {"description": "no such entity (a page saying so)",
                                        "content": {"text/html": {"schema": {"type": "string"}},
                                                    "application/json": {"schema": _REF}}}
                else:
                    responses["404"] = _json_error("no such entity")
            for status, description in ALWAYS.items():
                responses.setdefault(status, _json_error(description))
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused in schemas and f"#/components/schemas/{unused}" not in str(schema.get("paths")):
            del schemas[unused]
    return schema


def openapi_of(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document (made once), for ``app.openapi``."""
    if app.openapi_schema is None:
        app.openapi_schema = document(get_openapi(title=app.title, version=app.version, description=app.description,
                                                  routes=app.routes))
    return app.openapi_schema

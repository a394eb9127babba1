"""Response models of the JSON API (they are also its OpenAPI schema)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(description="ok, or degraded when the store cannot be read")
    store: str
    counts: dict[str, int] = {}
    detail: str | None = None


class SearchHit(BaseModel):
    label: str = Field(description="Agency, Body, Person, Document or Post")
    id: str
    name: str
    matched: str = Field(description="the name or alias that matched")
    score: float
    url: str = Field(description="the entity's JSON")
    page: str = Field(description="the entity's page")


class SearchResult(BaseModel):
    query: str
    hits: list[SearchHit]


class RelationOut(BaseModel):
    direction: str = Field(description="out: this entity is the source; in: the target")
    type: str
    label: str
    id: str
    name: str
    props: dict[str, Any] = Field(default_factory=dict, description="role, position, date, end_date, doc, file, line …")


class EntityOut(BaseModel):
    label: str
    id: str
    name: str
    props: dict[str, Any]
    relations: list[RelationOut]


class QueryParam(BaseModel):
    name: str
    type: str
    required: bool = True
    default: Any = None
    description: str = ""


class QueryInfo(BaseModel):
    name: str
    description: str
    parameters: list[QueryParam]
    columns: list[str] = []


class Resolution(BaseModel):
    input: str = Field(description="what was typed")
    label: str
    id: str = Field(description="the node the query ran with")
    name: str
    how: str = Field(description="id, exact, resolver, short name or only match (docs/api.md)")
    matched: str = Field("", description="the name, alias, number or title that matched")


class QueryResult(BaseModel):
    query: str
    params: dict[str, Any] = Field(description="the parameters as given, typed and completed with defaults")
    resolved: dict[str, Resolution] = Field(default_factory=dict,
                                            description="for each parameter naming an entity: the node it resolved to")
    columns: list[str]
    rows: list[dict[str, Any]]


class Suggestion(BaseModel):
    label: str
    id: str
    name: str
    matched: str


class NoMatchAnswer(BaseModel):
    """404: a parameter names no node, or several equally well."""

    detail: str = Field(description="one line, with the suggestions")
    parameter: str
    value: str
    ambiguous: bool = Field(description="true: several nodes match equally well; false: none matches")
    did_you_mean: list[Suggestion] = Field(description="the closest names, best first (ids to ask with)")


class Problem(BaseModel):
    detail: str

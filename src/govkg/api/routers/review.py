"""``/review``: reviewers' judgements over HTTP (``docs/review.md``), mounted only when ``GOVKG_REVIEW_TOKEN`` is set.

Without the setting these routes do not exist (404) and the server stays read-only. With it, every
route wants the token in the ``X-Review-Token`` header: none is 401, a wrong one 403. A judgement is
appended to the judgements file (``GOVKG_JUDGEMENTS``) and shows after the next build.
"""
from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from pydantic import BaseModel, Field

from govkg.errors import JudgementError
from govkg.graph.judgements import VERDICTS, append_judgement, current, make, read_judgements

TOKEN_HEADER = "X-Review-Token"
AFTER_BUILD = "saved; it shows in the graph after the next build (govkg build) 已保存，下次构建后生效"


def require_token(request: Request,
                  token: Annotated[str | None, Header(alias=TOKEN_HEADER, max_length=500)] = None) -> None:
    """401 without the token, 403 with a wrong one (compared in constant time)."""
    expected = request.app.state.settings.review_token
    if not token:
        raise HTTPException(401, f"review needs the reviewer token in the {TOKEN_HEADER} header",
                            headers={"WWW-Authenticate": "X-Review-Token"})
    if not hmac.compare_digest(token.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(403, "wrong reviewer token")


router = APIRouter(prefix="/review", tags=["review"], dependencies=[Depends(require_token)])


class JudgementIn(BaseModel):
    """A judgement as the pages send it; the target is ``{"entity": id}`` or ``{"edge", "src", "dst", "role", "doc"}``."""

    verdict: Literal[VERDICTS]  # type: ignore[valid-type]
    target: dict[str, Annotated[str, Field(max_length=500)]] = Field(max_length=5)
    other: str | None = Field(default=None, max_length=500)
    field: Literal["name", "role"] | None = None
    value: str | None = Field(default=None, max_length=200)
    by: str | None = Field(default=None, max_length=100)
    why: str = Field(default="", max_length=1000)


class JudgementOut(BaseModel):
    id: str
    judgement: str
    note: str = AFTER_BUILD
    record: dict[str, Any]


def _path(request: Request):
    return request.app.state.settings.store.judgements_path


@router.get("/check", status_code=204, summary="Whether the reviewer token is right (204), for the pages")
def check() -> Response:
    return Response(status_code=204)


@router.post("/judgements", status_code=201, response_model=JudgementOut, summary="Record a judgement")
def record(request: Request, body: JudgementIn) -> JudgementOut:
    try:
        j = make(body.verdict, body.target, other=body.other, field=body.field, value=body.value,
                 by=body.by or "reviewer (web)", why=body.why)
    except JudgementError as err:
        raise HTTPException(422, str(err)) from None
    try:
        append_judgement(_path(request), j)
    except OSError as err:
        raise HTTPException(503, f"cannot write the judgements file: {err.strerror or err}") from None
    import json

    return JudgementOut(id=j.id, judgement=j.describe(), record=json.loads(j.to_json()))


@router.get("/judgements", summary="The judgements in force (the latest of each target)")
def listing(request: Request) -> dict[str, Any]:
    import json

    try:
        js = current(read_judgements(_path(request)))
    except JudgementError as err:
        raise HTTPException(503, str(err)) from None
    return {"judgements": [{"id": j.id, "judgement": j.describe(), "record": json.loads(j.to_json())} for j in js],
            "note": "applied by every build; a judgement that matches nothing is listed in the build summary"}

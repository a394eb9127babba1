"""``/original/{name}``: an original file the served build read (a PDF, saved web page or Word file),
byte for byte as it was published, for the links beside the pages' sources (``govkg.api.originals``).

Only names the build's manifest lists as originals are served; the name never reaches the file
system otherwise (a ``/``, ``\\``, NUL, ``.`` or ``..`` is a 404 before anything is looked up). A PDF
opens in the browser (``#page=N`` takes its viewer to the page); a web page or Word file is a
download (``Content-Disposition: attachment``) under a ``sandbox`` Content-Security-Policy, so a
hostile page in a gazette site's HTML cannot run script in this server's origin.
"""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import FileResponse

from govkg.api.originals import served_originals
from govkg.graph.originals import MEDIA_TYPES
from govkg.graph.sources import plain_name

router = APIRouter(tags=["pages"])

# a downloaded page or document can do nothing in this origin, even if a browser renders it
SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'"


def content_disposition(kind: str, name: str) -> str:
    """``kind; filename="ascii"; filename*=UTF-8''…`` (RFC 6266 / 5987): every browser gets the real name."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;%' else "_" for c in name) or "original"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


@router.get("/original/{name}", summary="An original file the build read (PDF, web page or Word file), as published",
            responses={200: {"description": "the file's bytes", "content": {t: {} for t in MEDIA_TYPES.values()}},
                       404: {"description": "no such original: a name the build does not list, or no build folder",
                             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorAnswer"}}}}})
def original(request: Request, name: Annotated[str, Path(min_length=1, max_length=255)]) -> FileResponse:
    if not plain_name(name) or any(c in name for c in "/\\\x00"):
        raise HTTPException(404, "no such original file: give the bare file name the build read")
    originals = served_originals(request.app.state)
    if originals is None:
        raise HTTPException(404, "no original files: the served build kept none, or no build folder is known "
                                 "(set GOVKG_BUILD_DIR)")
    path, entry = originals.path(name), originals.entry(name)
    if path is None or entry is None:
        raise HTTPException(404, f"the served build has no original file {name!r}")
    fmt = entry["format"]
    headers = {"Content-Disposition": content_disposition("inline" if fmt == "pdf" else "attachment", name)}
    if fmt != "pdf":  # a PDF viewer is a plugin, which a sandboxed document may not run
        headers["Content-Security-Policy"] = SANDBOX
    if entry.get("sha256"):
        headers["ETag"] = f'"{entry["sha256"]}"'
    response = FileResponse(path, media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"), headers=headers)
    response.headers["content-type"] = MEDIA_TYPES.get(fmt, "application/octet-stream")  # no charset guessed
    return response

"""Server-rendered pages: the Jinja2 templates and static files under ``viz/``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse

from viz.palette import STYLES

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"

# autoescape is on for .html: every text from documents is escaped
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.globals["styles"] = STYLES


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one template with the request and context."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)

"""Server-rendered pages: the Jinja2 templates and static files under ``viz/``."""
from __future__ import annotations

from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse

from govkg.resources import TEMPLATES_DIR
from govkg.viz.palette import STYLES

# autoescape is on for .html: every text from documents is escaped
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.globals["styles"] = STYLES


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one template with the request and context."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)

"""The HTTP API and pages of govkg (FastAPI): ``govkg.api.app.create_app`` builds the application."""
from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:  # lazy: importing govkg.api.graphdata should not import FastAPI's app
    if name == "create_app":
        from govkg.api.app import create_app

        return create_app
    raise AttributeError(name)

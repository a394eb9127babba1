"""The API's own knobs, read from ``GOVKG_API_*`` variables beside the store settings of ``kg.settings``."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from kg.settings import Settings


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class ApiConfig:
    """``host``/``port`` to serve on; ``allow_cypher`` turns on the read-only raw-Cypher endpoint (off by default)."""

    store: Settings
    host: str = "127.0.0.1"
    port: int = 8000
    allow_cypher: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "ApiConfig":
        env = os.environ if env is None else env
        port = env.get("GOVKG_API_PORT", "8000")
        if not port.isdigit():
            raise ValueError(f"GOVKG_API_PORT must be a port number, got {port!r}")
        return cls(store=Settings.from_env(env), host=env.get("GOVKG_API_HOST", "127.0.0.1"), port=int(port),
                   allow_cypher=_flag(env.get("GOVKG_API_ALLOW_CYPHER", "")))

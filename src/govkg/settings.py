"""Settings read from ``GOVKG_*`` environment variables (flags override them): where the graph lives
and how it is loaded (``Settings``), and how the API serves it (``ApiConfig``)."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

DEFAULT_DB_PATH = Path(".govkg") / "graph.lbdb"
# rows per Neo4j transaction: larger batches cost the server more (bench/load_bench.py, synthetic 1M, 2 cores)
DEFAULT_BATCH_SIZE = 5_000
# connections a read-only embedded store serves queries from (bench/api_bench.py --compare, 50 clients, 2 cores)
DEFAULT_READ_CONNECTIONS = 4


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how it is loaded.

    ``store`` is ``"neo4j"`` or ``"embedded"``; left empty it is Neo4j when a URI is
    configured and the embedded LadybugDB otherwise.
    """

    neo4j_uri: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = ""  # empty: the server's default database
    db_path: Path = DEFAULT_DB_PATH
    batch_size: int = DEFAULT_BATCH_SIZE
    store: str = ""
    read_connections: int = DEFAULT_READ_CONNECTIONS
    neo4j_home: str = ""  # a local Neo4j's home folder: govkg load may then use neo4j-admin import

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Settings from ``GOVKG_NEO4J_URI``/``_USER``/``_PASSWORD``/``_DATABASE``, ``GOVKG_DB_PATH``,
        ``GOVKG_BATCH_SIZE``, ``GOVKG_STORE``, ``GOVKG_READ_CONNECTIONS`` and ``GOVKG_NEO4J_HOME``;
        unset variables keep the defaults."""
        env = os.environ if env is None else env
        d = cls()
        batch = env.get("GOVKG_BATCH_SIZE", "")
        try:
            batch_size = int(batch) if batch else d.batch_size
        except ValueError:
            raise ValueError(f"GOVKG_BATCH_SIZE must be an integer, got {batch!r}") from None
        pool = env.get("GOVKG_READ_CONNECTIONS", "")
        if pool and not (pool.isdigit() and int(pool) >= 1):
            raise ValueError(f"GOVKG_READ_CONNECTIONS must be a whole number ≥ 1, got {pool!r}")
        return cls(
            neo4j_uri=env.get("GOVKG_NEO4J_URI", d.neo4j_uri),
            neo4j_user=env.get("GOVKG_NEO4J_USER", d.neo4j_user),
            neo4j_password=env.get("GOVKG_NEO4J_PASSWORD", d.neo4j_password),
            neo4j_database=env.get("GOVKG_NEO4J_DATABASE", d.neo4j_database),
            db_path=Path(env.get("GOVKG_DB_PATH", str(d.db_path))),
            batch_size=batch_size,
            store=env.get("GOVKG_STORE", d.store),
            read_connections=int(pool) if pool else d.read_connections,
            neo4j_home=env.get("GOVKG_NEO4J_HOME", d.neo4j_home),
        )

    def with_(self, **changes: object) -> "Settings":
        """A copy with the given fields changed; ``None`` values are ignored (unset flags)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def store_kind(self) -> str:
        """``"neo4j"`` or ``"embedded"``."""
        kind = self.store or ("neo4j" if self.neo4j_uri else "embedded")
        if kind not in ("neo4j", "embedded"):
            raise ValueError(f"unknown store {kind!r}: expected neo4j or embedded")
        return kind


def get_settings() -> Settings:
    """The settings of this process, from the environment."""
    return Settings.from_env()


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

"""Settings read from ``GOVKG_*`` environment variables (flags override them): where the graph lives
and how it is loaded (``Settings``), and how the API serves it (``ApiConfig``)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

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
    # seconds to reach Neo4j (and to retry a read) before a query fails: a server that is down is
    # reported at once, not after the driver's 30 s of retries (issue 15)
    neo4j_connect_timeout: float = 5.0
    read_connections: int = DEFAULT_READ_CONNECTIONS
    neo4j_home: str = ""  # a local Neo4j's home folder: govkg load may then use neo4j-admin import
    judgements: str = ""  # the review judgements file (GOVKG_JUDGEMENTS); empty: beside the embedded store

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Settings from ``GOVKG_NEO4J_URI``/``_USER``/``_PASSWORD`` (or ``_PASSWORD_FILE``)/``_DATABASE``,
        ``GOVKG_NEO4J_CONNECT_TIMEOUT``, ``GOVKG_DB_PATH``, ``GOVKG_BATCH_SIZE``, ``GOVKG_STORE``, ``GOVKG_JUDGEMENTS``, ``GOVKG_READ_CONNECTIONS`` and ``GOVKG_NEO4J_HOME``;
        unset variables keep the defaults, a bad value is a :class:`SettingsError` naming it."""
        env = os.environ if env is None else env
        d = cls()
        password = env.get("GOVKG_NEO4J_PASSWORD", d.neo4j_password)
        if env.get("GOVKG_NEO4J_PASSWORD_FILE") and not password:
            password = read_password_file(env["GOVKG_NEO4J_PASSWORD_FILE"], "GOVKG_NEO4J_PASSWORD_FILE")
        store = env.get("GOVKG_STORE", d.store)
        if store not in ("", "neo4j", "embedded"):
            raise SettingsError(f"GOVKG_STORE: unknown store {store!r}: expected neo4j or embedded")
        return cls(
            neo4j_uri=env.get("GOVKG_NEO4J_URI", d.neo4j_uri),
            neo4j_user=env.get("GOVKG_NEO4J_USER", d.neo4j_user),
            neo4j_password=password,
            neo4j_database=env.get("GOVKG_NEO4J_DATABASE", d.neo4j_database),
            neo4j_connect_timeout=_number(env, "GOVKG_NEO4J_CONNECT_TIMEOUT", d.neo4j_connect_timeout, float, 0.1, 600),
            db_path=Path(env.get("GOVKG_DB_PATH") or str(d.db_path)),
            batch_size=_number(env, "GOVKG_BATCH_SIZE", d.batch_size, int, 1, 10_000_000),
            store=store,
            judgements=env.get("GOVKG_JUDGEMENTS", d.judgements),
            read_connections=_number(env, "GOVKG_READ_CONNECTIONS", d.read_connections, int, 1, 1024),
            neo4j_home=env.get("GOVKG_NEO4J_HOME", d.neo4j_home),
        )

    def with_(self, **changes: object) -> "Settings":
        """A copy with the given fields changed; ``None`` values are ignored (unset flags)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def judgements_path(self) -> Path:
        """Where review judgements are kept (``govkg.graph.judgements``): ``GOVKG_JUDGEMENTS``, else
        ``judgements.jsonl`` in the data folder beside the embedded store (``.govkg/``)."""
        return Path(self.judgements) if self.judgements else Path(self.db_path).parent / "judgements.jsonl"

    @property
    def store_kind(self) -> str:
        """``"neo4j"`` or ``"embedded"``."""
        kind = self.store or ("neo4j" if self.neo4j_uri else "embedded")
        if kind not in ("neo4j", "embedded"):
            raise ValueError(f"unknown store {kind!r}: expected neo4j or embedded")
        return kind


class SettingsError(ValueError):
    """A ``GOVKG_*`` variable (or a flag standing for one) with a bad value; one line naming it."""


def _number(env: Mapping[str, str], name: str, default: Any, kind: type, low: float, high: float) -> Any:
    """``env[name]`` as an int or float within ``low``–``high``; ``default`` when unset or empty."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or value != value or not low <= value <= high:  # value != value: NaN
        what, span = ("an integer", f"{low} to {high}") if kind is int else ("a number", f"{low:g} to {high:g}")
        raise SettingsError(f"{name} must be {what} from {span}, got {raw!r}")
    return value


def read_password_file(path: str | Path, name: str = "--password-file") -> str:
    """The first line of a password file (a Docker or systemd secret), without its line break."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"{name}: cannot read {path}: {getattr(err, 'strerror', None) or err}") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def get_settings() -> Settings:
    """The settings of this process, from the environment."""
    return Settings.from_env()


# settings that were removed, with why: set, they are ignored with a warning at start (``ApiConfig.warnings``)
REMOVED = {
    "GOVKG_API_ALLOW_CYPHER": "the raw /cypher endpoint was removed (a text filter cannot make arbitrary Cypher "
                              "read-only on LadybugDB; see docs/api.md): use the canned queries, or Neo4j Browser "
                              "with your own credentials",
}


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")  # names a browser on this machine uses for it


@dataclass(frozen=True)
class ApiConfig:
    """``host``/``port`` to serve on, the store to serve, and the limits and defences of the API:
    ``query_timeout`` seconds and ``max_rows`` rows per canned query, ``max_body`` bytes per request
    body, ``allowed_hosts`` the ``Host`` names answered (against DNS rebinding; ``*`` for any)."""

    store: Settings
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout: float = 10.0
    max_rows: int = 10_000
    max_body: int = 65_536
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    warnings: tuple[str, ...] = field(default=(), compare=False)  # one line each, printed by ``govkg serve``
    build_dir: Path | None = None  # GOVKG_BUILD_DIR: the build folder /sparql and /downloads read (default: the one loaded)
    sparql_timeout: float | None = None  # GOVKG_SPARQL_TIMEOUT: seconds a SPARQL query may run
    review_token: str = ""  # GOVKG_REVIEW_TOKEN: set, the /review routes and the pages' review controls exist

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "ApiConfig":
        """From ``GOVKG_API_HOST``/``_PORT``/``_QUERY_TIMEOUT``/``_MAX_ROWS``/``_MAX_BODY``/``_ALLOWED_HOSTS``
        and the store's variables; a bad value is a :class:`SettingsError` naming it."""
        env = os.environ if env is None else env
        d = cls(store=Settings())
        host = env.get("GOVKG_API_HOST", "").strip() or d.host
        hosts = tuple(h.strip() for h in env.get("GOVKG_API_ALLOWED_HOSTS", "").split(",") if h.strip())
        warnings = tuple(f"{name} is ignored: {why}" for name, why in REMOVED.items() if env.get(name, ""))
        return cls(store=Settings.from_env(env), host=host,
                   port=_number(env, "GOVKG_API_PORT", d.port, int, 1, 65535),
                   query_timeout=_number(env, "GOVKG_API_QUERY_TIMEOUT", d.query_timeout, float, 0.001, 86400),
                   max_rows=_number(env, "GOVKG_API_MAX_ROWS", d.max_rows, int, 1, 100_000_000),
                   max_body=_number(env, "GOVKG_API_MAX_BODY", d.max_body, int, 0, 1 << 30),
                   allowed_hosts=hosts or default_hosts(host), warnings=warnings,
                   build_dir=Path(env["GOVKG_BUILD_DIR"]) if env.get("GOVKG_BUILD_DIR", "").strip() else None,
                   sparql_timeout=_number(env, "GOVKG_SPARQL_TIMEOUT", None, float, 0.001, 86400),
                   review_token=env.get("GOVKG_REVIEW_TOKEN", "").strip())

    def with_(self, **changes: object) -> "ApiConfig":
        """A copy with the given fields changed (``None`` values ignored); a new ``host`` brings its
        default allowed hosts unless they were set."""
        changes = {k: v for k, v in changes.items() if v is not None}
        if "host" in changes and self.allowed_hosts == default_hosts(self.host):
            changes.setdefault("allowed_hosts", default_hosts(str(changes["host"])))
        return replace(self, **changes)


def default_hosts(bind: str) -> tuple[str, ...]:
    """The local names, and the bind address unless it is every interface (0.0.0.0, ::)."""
    extra = () if bind in ("", "0.0.0.0", "::") or bind in LOCAL_HOSTS else (bind,)
    return LOCAL_HOSTS + extra

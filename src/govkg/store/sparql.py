"""SPARQL over a build's RDF: pyoxigraph in worker processes, read-only, with a time and a size limit.

The graph (a build folder's ``graph.nt``, 31k triples for the corpus, loaded in about 0.3 s) is
held in memory by each worker process of a :class:`govkg.store.sparqlpool.SparqlEngine`. pyoxigraph
cannot cancel a running query, so a query that passes its deadline is stopped the honest way: its
worker process is killed and a fresh one started. Before a query reaches a worker it is checked here (:func:`check_query`): too long,
an update (``INSERT DATA``, ``LOAD`` …) or a federated ``SERVICE`` (an outbound request) is
refused with a one-line :class:`SparqlError`. A result larger than ``max_bytes`` once
serialised is refused too (the worker stops writing it), and a worker that runs out of the
memory it is allowed ends with a clear error instead of taking the server with it.

The prefixes of the graph (``org:``, ``foaf:``, ``skos:``, ``govkg:`` …) are predeclared: a query
may use them without ``PREFIX`` lines.
"""
from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govkg.errors import QueryError

MAX_QUERY_CHARS = 20_000
TIME_LIMIT = 20.0  # seconds a query may run before its worker is killed
MAX_RESULT_BYTES = 32 * 1024 * 1024

# name → media type and the pyoxigraph format's name; the first of each table is the default
RESULT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_FORMATS = {"turtle": "text/turtle", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
                 "jsonld": "application/ld+json"}
_PYOX_RESULTS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
_PYOX_GRAPHS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "rdfxml": "RDF_XML", "jsonld": "JSON_LD"}
# what ``format=`` may say, beside the names above
FORMAT_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "rdf": "rdfxml",
                  "srj": "json", "srx": "xml", "application/json": "json", "text/plain": "nt",
                  **{media: name for name, media in (RESULT_FORMATS | GRAPH_FORMATS).items()}}
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class SparqlError(QueryError):
    """A query refused or failed; ``status`` is the HTTP status the endpoint answers with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


# strings, IRIs and comments: blanked before keywords are looked for, so 'SERVICE' in a literal is no SERVICE
_NOT_CODE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                       r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_FIRST_WORD = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*([A-Za-z]+)", re.I)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)


def check_query(text: str, max_chars: int = MAX_QUERY_CHARS) -> str:
    """The query's form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``; ``""`` when it is not one of
    them, left to the parser to explain), or a :class:`SparqlError` for a query that is refused."""
    if not text or not text.strip():
        raise SparqlError("no query: pass one as query= (GET or a form POST) or as an application/sparql-query body")
    if len(text) > max_chars:
        raise SparqlError(f"query too long: {len(text):,} characters, the limit is {max_chars:,}", status=413)
    code = _NOT_CODE.sub(" ", text)
    m = _FIRST_WORD.match(code)
    word = m.group(1).upper() if m else ""
    if word in UPDATE_WORDS:
        raise SparqlError(f"updates are not allowed ({word} …): this endpoint is read-only and answers queries "
                          f"({', '.join(QUERY_FORMS)}) only")
    if _SERVICE.search(code):
        raise SparqlError("SERVICE (a federated query) is not allowed: this endpoint queries its own graph only "
                          "and makes no outbound requests")
    return word if word in QUERY_FORMS else ""


def format_name(raw: str) -> str:
    """A ``format=`` value (``json``, ``csv``, ``turtle``, a media type …) as one of the names of
    ``RESULT_FORMATS`` / ``GRAPH_FORMATS``; a :class:`SparqlError` for one not served."""
    key = raw.strip().lower()
    name = FORMAT_ALIASES.get(key, key)
    if name not in RESULT_FORMATS and name not in GRAPH_FORMATS:
        raise SparqlError(f"unknown format {raw!r}: expected one of {', '.join([*RESULT_FORMATS, *GRAPH_FORMATS])}",
                          status=406)
    return name


@dataclass(frozen=True)
class Answer:
    """A query's serialised result: its ``kind`` (``solutions``, ``boolean`` or ``graph``), the
    format's name and media type, and the bytes."""

    kind: str
    format: str
    media_type: str
    body: bytes


class _Capped(io.RawIOBase):
    """A bytes buffer that refuses to grow past ``limit`` (stops pyoxigraph's serialiser)."""

    def __init__(self, limit: int) -> None:
        self.limit, self.parts, self.size = limit, [], 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.size += len(b)
        if self.size > self.limit:
            raise OverflowError(self.limit)
        self.parts.append(bytes(b))
        return len(b)


def load_graph(store: Any, graph_file: Path, suffix: str | None = None) -> None:
    """Load a graph file into a pyoxigraph store: N-Triples if its name (or ``suffix``) is ``.nt``, else Turtle."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.N_TRIPLES if (suffix or graph_file.suffix) == ".nt" else ox.RdfFormat.TURTLE
    store.bulk_load(path=str(graph_file), format=fmt)


def evaluate(store: Any, query: str, results: str, graph: str, prefixes: dict[str, str],
             max_bytes: int = MAX_RESULT_BYTES) -> Answer:
    """Run ``query`` on the pyoxigraph ``store`` and serialise it as ``results`` (solutions, booleans)
    or ``graph`` (CONSTRUCT, DESCRIBE). Raises :class:`SparqlError` (syntax, size, evaluation)."""
    import pyoxigraph as ox

    try:
        res = store.query(query, prefixes=prefixes)
    except SyntaxError as err:
        raise SparqlError(f"SPARQL syntax error: {err}") from None
    except (OSError, ValueError, RuntimeError) as err:  # evaluation errors (a SERVICE is refused before)
        raise SparqlError(f"query failed: {err}", status=500) from None
    out = _Capped(max_bytes)
    try:
        if isinstance(res, ox.QueryTriples):
            ox.serialize(res, out, getattr(ox.RdfFormat, _PYOX_GRAPHS[graph]), prefixes=prefixes)
            kind, name, media = "graph", graph, GRAPH_FORMATS[graph]
        else:
            res.serialize(out, getattr(ox.QueryResultsFormat, _PYOX_RESULTS[results]))
            kind = "boolean" if isinstance(res, ox.QueryBoolean) else "solutions"
            name, media = results, RESULT_FORMATS[results]
    except OverflowError:
        raise SparqlError(f"result too large: over {max_bytes // (1024 * 1024)} MB serialised (the limit); "
                          "ask for fewer rows (LIMIT) or fewer columns", status=413) from None
    except (OSError, ValueError, RuntimeError) as err:
        raise SparqlError(f"query failed: {err}", status=500) from None
    return Answer(kind, name, media, b"".join(out.parts))


def graph_prefixes() -> dict[str, str]:
    """The prefixes of the graph's vocabulary (``govkg.graph.terms``) plus ``xsd`` and ``rdf``, as strings."""
    from govkg.graph.terms import PREFIXES

    out = {p: str(ns) for p, ns in PREFIXES.items()}
    out.setdefault("xsd", "http://www.w3.org/2001/XMLSchema#")
    out.setdefault("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    out.setdefault("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
    return out


def graph_file_of(folder: str | Path) -> Path:
    """The RDF file of a build folder that SPARQL reads: ``graph.nt`` (fastest to load), else ``graph.ttl``."""
    folder = Path(folder)
    nt = folder / "graph.nt"
    return nt if nt.is_file() or not (folder / "graph.ttl").is_file() else folder / "graph.ttl"


def run_local(graph_file: str | Path, query: str, results: str = "json", graph: str = "turtle",
              max_bytes: int = MAX_RESULT_BYTES) -> Answer:
    """One query in this process, without a time limit (``govkg sparql``: the user can interrupt it)."""
    import pyoxigraph as ox

    check_query(query, MAX_QUERY_CHARS)
    path = Path(graph_file)
    if not path.is_file():
        raise SparqlError(f"no graph file {path}: run govkg build first")
    store = ox.Store()
    load_graph(store, path)
    return evaluate(store, query, results, graph, graph_prefixes(), max_bytes)


def run_sparql_command(query: str | None, file: Path | None, source: Path, fmt: str = "table") -> int:
    """``govkg sparql``: one query (text, or ``-f FILE``) over a build folder or an RDF file, printed as
    a table (SELECT, ASK) or in ``fmt``; 2 with a one-line error for bad input."""
    from govkg.errors import IncompleteBuild
    from govkg.graph.manifest import verify

    def fail(message: str) -> int:
        print(f"error: {message}", file=sys.stderr)
        return 2

    if (query is None) == (file is None):
        return fail("give a query, or -f FILE with one (not both)")
    if file is not None:
        try:
            query = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            return fail(f"cannot read {file}: {err.__class__.__name__}")
    if source.is_dir():
        graph_file = graph_file_of(source)
        try:
            verify(source, [graph_file.name])  # no truncated graph.nt read as if whole
        except IncompleteBuild as err:
            return fail(str(err))
    elif source.is_file():
        graph_file = source
    else:
        return fail(f"no build folder or RDF file {source}: run govkg build first (or pass --build)")
    try:
        wanted = "json" if fmt == "table" else format_name(fmt)
        answer = run_local(graph_file, query or "", results=wanted if wanted in RESULT_FORMATS else "json",
                           graph=wanted if wanted in GRAPH_FORMATS else "turtle")
    except SparqlError as err:
        return fail(str(err))
    if fmt != "table" or answer.kind == "graph":
        sys.stdout.buffer.write(answer.body if answer.body.endswith(b"\n") else answer.body + b"\n")
        return 0
    data = json.loads(answer.body)
    if "boolean" in data:
        print("true" if data["boolean"] else "false")
        return 0
    from rich.console import Console
    from rich.table import Table

    cols = data["head"]["vars"]
    table = Table(*cols)
    for b in data["results"]["bindings"]:
        table.add_row(*((b.get(c) or {}).get("value", "") for c in cols))
    Console().print(table)
    print(f"{len(data['results']['bindings'])} rows", file=sys.stderr)
    return 0


__all__ = ["run_sparql_command", "SparqlError", "Answer", "check_query", "format_name", "evaluate", "run_local",
           "graph_file_of", "graph_prefixes", "RESULT_FORMATS", "GRAPH_FORMATS", "MAX_QUERY_CHARS", "TIME_LIMIT",
           "MAX_RESULT_BYTES"]


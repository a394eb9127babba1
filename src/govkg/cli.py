"""The ``govkg`` command."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="govkg: build a knowledge graph of Chinese government bodies from gazette texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_CORPUS = Path("corpus")  # the sample corpus of a source checkout, when run from its root


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"govkg {version('govkg')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """govkg: build a knowledge graph of Chinese government bodies from gazette texts."""
    from govkg.settings import ApiConfig, SettingsError

    try:  # every GOVKG_* value is checked here, once, before any command reads one
        ApiConfig.from_env()
    except SettingsError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)


def _query_list() -> str:
    """The canned queries with the first sentence of each description, for ``query --help``."""
    from govkg.errors import QueryError
    from govkg.queries import load_queries

    try:
        catalog = load_queries()
    except QueryError as err:  # a broken query file must not break every command; running it says why
        return f"Queries: unreadable ({err})"
    lines = []
    for q in catalog.values():
        first = q.description.split(". ")[0].split(": ")[0].rstrip(".")
        params = ", ".join(p.name if p.required else f"{p.name}={str(p.default).lower()}" for p in q.params)
        lines.append(f"{q.name} ({params or 'no parameters'}): {first}")
    return "Queries, with their parameters (those with = are optional, shown with their default):\n\n" + \
        "\n\n".join(lines)


def _expand(paths: list[Path]) -> list[Path]:
    from govkg.extract.pipeline import corpus_paths

    return corpus_paths(*paths)


_TIMEOUT_HELP = ("Seconds each document may take (GOVKG_EXTRACT_TIMEOUT); a document over it is reported "
                 "and the rest goes on. 0: no limit.")


def _summary(facts: list) -> str:
    counts = Counter(f.type for f in facts)
    order = ("document", "body", "membership", "seat", "unit", "assignment", "citation")
    return ", ".join(f"{counts[t]} {t}" for t in order)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Gazette text files or folders of them.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Where to write the facts (JSONL).")] = Path("facts.jsonl"),
    strict: Annotated[bool, typer.Option(help="Exit non-zero when a stage failed on any document.")] = False,
    skipped: Annotated[Optional[Path], typer.Option(help="Write the list items the readers could not read here, one per line.")] = None,
    timeout: Annotated[Optional[float], typer.Option(min=0, envvar="GOVKG_EXTRACT_TIMEOUT", help=_TIMEOUT_HELP)] = None,
) -> None:
    """Extract facts (documents, bodies, memberships, seats, units, assignments, citations) as JSONL.

    A file that cannot be read is skipped, and a stage that fails on one document is reported;
    both with a one-line reason, and the other files and documents still come out."""
    from govkg.extract.pipeline import extract_files
    from govkg.facts import write_facts, write_whole

    paths = _expand(files)
    for target in (out, skipped):
        why = _unwritable(target)
        if why:  # before the extraction: its work is not lost to a path that cannot be written
            typer.echo(f"error: cannot write {target}: {why}", err=True)
            raise typer.Exit(2)

    def report(path: Path, error: str | None) -> None:
        if error:
            typer.echo(f"skipped {path}: {error}", err=True)

    result = extract_files(paths, on_file=report, timeout=timeout or None)
    for failure in result.failures:
        typer.echo(f"error: {failure}", err=True)
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    for dup, first in result.duplicates.items():
        typer.echo(f"note: {dup} has the same bytes as {first} (the same gazette): read once", err=True)
    try:
        n = write_facts(result.facts, out)  # whole or not at all (facts.write_whole)
        if skipped is not None:
            write_whole(skipped, lambda path: path.write_text("".join(f"{s}\n" for s in result.skipped), encoding="utf-8"))
    except OSError as err:  # a full disk: the file that was there stays as it was
        typer.echo(f"error: cannot write {err.filename or out}: {err.strerror or err}", err=True)
        raise typer.Exit(1)
    failed = f", {len(result.failures)} stage failure(s)" if result.failures else ""
    failed += f", {len(result.skipped)} list item(s) skipped" if result.skipped else ""
    failed += f", {len(result.duplicates)} duplicate(s) read once" if result.duplicates else ""
    typer.echo(f"{len(result.read)} file(s) read, {len(result.failed)} skipped{failed}; {n} facts -> {out}", err=True)
    typer.echo(f"  {_summary(result.facts)}", err=True)
    if not result.read or (strict and result.failures):
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold facts: a .jsonl file or a folder of them.")],
    facts: Annotated[Path, typer.Argument(help="Extracted facts (.jsonl).")],
    files: Annotated[Optional[str], typer.Option(help="Comma-separated source file names to score.")] = None,
    by_file: Annotated[bool, typer.Option("--by-file", help="Also score each source file apart, worst first.")] = False,
) -> None:
    """Score extracted facts against gold: precision, recall and F1 per fact type (and per file)."""
    from govkg.eval import by_file_table, score, score_by_file
    from govkg.facts import read_facts

    try:
        g, p = read_facts(gold), read_facts(facts)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    if not g:  # nothing to score against: every F1 would read 1.000
        typer.echo(f"error: no gold facts in {gold} (expected .jsonl files of facts)", err=True)
        raise typer.Exit(2)
    chosen = set(files.split(",")) if files else None
    typer.echo(score(g, p, chosen).table())
    if by_file:
        per_file = score_by_file([f for f in g if chosen is None or Path(f.src.file).name in chosen], p)
        typer.echo("")
        typer.echo(by_file_table(per_file))


@app.command()
def summary(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder or files.")] = DEFAULT_CORPUS,
) -> None:
    """Extract the corpus and print what was found per file (nothing written)."""
    from govkg.extract.pipeline import extract_files

    for path in _expand([corpus]):
        result = extract_files([path])
        if result.failed:
            typer.echo(f"{path.name}: skipped: {result.failed[str(path)]}")
        else:
            typer.echo(f"{path.name}: {_summary(result.facts)}")


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder or one gazette file.")] = DEFAULT_CORPUS,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("build"),
    facts: Annotated[Optional[Path], typer.Option(help="Build from these facts (JSONL or folder) instead of extracting.")] = None,
    shacl: Annotated[bool, typer.Option(help="Validate the graph with the SHACL shapes.")] = True,
    load: Annotated[bool, typer.Option("--load/--no-load", help="Then load the embedded store (GOVKG_DB_PATH).")] = True,
    allow_empty: Annotated[bool, typer.Option("--allow-empty", help="Let a build with no facts replace the folder.")] = False,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Extract on N processes (default: the cores, or 1 for a corpus under 4 MB).")] = None,
    cluster: Annotated[Optional[str], typer.Option(help="Extract on a Dask cluster: the scheduler's address, tcp://host:port (GOVKG_CLUSTER); the corpus must be readable by the workers.")] = None,
    incremental: Annotated[bool, typer.Option("--incremental/--fresh", help="Re-extract only files changed since the last build into --out, or every file.")] = True,
    timeout: Annotated[Optional[float], typer.Option(min=0, envvar="GOVKG_EXTRACT_TIMEOUT", help=_TIMEOUT_HELP)] = None,
) -> None:
    """Extract, resolve, validate; write facts.jsonl, graph.ttl/.nt/.jsonld/.graphml/.gexf, nodes.csv, edges.csv, manifest.json.

    The outputs are written aside and replace the folder only when the build is good: a build with
    no facts or a graph that does not conform exits non-zero and leaves the previous build in place."""
    from govkg.graph.build import run_build
    from govkg.settings import Settings

    import os

    from govkg.extract.fanout import CLUSTER_ENV, suggest_workers
    from govkg.extract.pipeline import corpus_paths

    code, report = run_build(corpus, out, facts_path=facts, validate_shacl=shacl, allow_empty=allow_empty,
                             workers=workers or (suggest_workers(corpus_paths(corpus)) if corpus.exists() else 1), cluster=cluster or os.environ.get(CLUSTER_ENV) or None,
                             incremental=incremental, judgements=Settings.from_env().judgements_path,
                             timeout=timeout or None)
    if code == 0 and load and report is not None and (report.property_graph is not None or report.unchanged):
        from govkg.store.commands import load_into_embedded

        code = load_into_embedded(report.property_graph, Settings.from_env(), out)
    raise typer.Exit(code)


@app.command()
def load(
    source: Annotated[Path, typer.Argument(help="A build folder (its tables/, or graph.nt for an older build) or an RDF file.")] = Path("build"),
    neo4j: Annotated[Optional[str], typer.Option("--neo4j", help="Bolt URI; default GOVKG_NEO4J_URI, else the embedded store.")] = None,
    user: Annotated[Optional[str], typer.Option(help="Neo4j user (GOVKG_NEO4J_USER).")] = None,
    password: Annotated[Optional[str], typer.Option(help="Neo4j password; visible in ps, prefer GOVKG_NEO4J_PASSWORD or --password-file.")] = None,
    password_file: Annotated[Optional[Path], typer.Option(help="A file whose first line is the Neo4j password (GOVKG_NEO4J_PASSWORD_FILE).")] = None,
    db: Annotated[Optional[Path], typer.Option(help="Embedded store path (GOVKG_DB_PATH).")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Rows per Neo4j transaction (GOVKG_BATCH_SIZE).")] = None,
    replace: Annotated[bool, typer.Option("--replace/--merge", help="Replace the store's graph, or merge into it.")] = True,
    allow_empty: Annotated[bool, typer.Option("--allow-empty", help="Let an empty graph replace a store that has nodes.")] = False,
    admin_import: Annotated[bool, typer.Option("--admin-import", help="Neo4j: load by neo4j-admin database import of the local Neo4j at GOVKG_NEO4J_HOME (database stopped or new; running: over Bolt). Unasked when that home is set and the server is down.")] = False,
    finish_import: Annotated[bool, typer.Option("--finish-import", help="Neo4j: add the indexes and load marker to a graph neo4j-admin imported, once the server runs.")] = False,
) -> None:
    """Load a built graph into Neo4j (--neo4j bolt://…) or the embedded LadybugDB store.

    A build folder must be a finished build: its manifest is checked against the files read (a
    truncated table is refused); the graph is read from the build's tables (an older build's graph.nt). The store's graph is replaced whole or not at all: readers see
    the old graph until the new one is complete. A second load of the same store fails at once."""
    from govkg.settings import Settings, SettingsError, read_password_file
    from govkg.store.commands import run_load

    if password is not None:
        typer.echo("warning: --password is visible to every user of this machine (ps); "
                   "use GOVKG_NEO4J_PASSWORD or --password-file", err=True)
    elif password_file is not None:
        try:
            password = read_password_file(password_file)
        except SettingsError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2)
    settings = Settings.from_env().with_(neo4j_uri=neo4j, neo4j_user=user, neo4j_password=password,
                                         db_path=db, batch_size=batch_size, store="neo4j" if neo4j else None)
    raise typer.Exit(run_load(source, settings, replace=replace, allow_empty=allow_empty, admin_import=admin_import,
                              finish_import=finish_import))


@app.command(epilog=_query_list())
def query(
    name: Annotated[str, typer.Argument(help="A canned query (listed below).")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A parameter as key=value (repeatable).")] = None,
    store: Annotated[Optional[str], typer.Option(help="neo4j or embedded (GOVKG_STORE).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    neo4j: Annotated[Optional[str], typer.Option("--neo4j", help="Bolt URI (GOVKG_NEO4J_URI).")] = None,
    db: Annotated[Optional[Path], typer.Option(help="Embedded store path (GOVKG_DB_PATH).")] = None,
) -> None:
    """Run a canned query (queries/NAME.cypher) with --param k=v on Neo4j or the embedded store.

    A parameter that names an entity takes a name as typed (short name, alias, any bracket form of
    a 文号); how it resolved is printed to stderr, and a name that matches no single node is an
    error with the closest names. as_of=YYYY-MM-DD looks at a day (default: the latest state)."""
    from govkg.settings import Settings
    from govkg.store.commands import run_query_command

    settings = Settings.from_env().with_(store=store, neo4j_uri=neo4j, db_path=db)
    raise typer.Exit(run_query_command(name, param or [], settings, fmt))


@app.command()
def sparql(
    text: Annotated[Optional[str], typer.Argument(metavar="QUERY", help="The SPARQL query (or -f FILE).")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", help="Read the query from this file.")] = None,
    build: Annotated[Path, typer.Option("--build", "-b", help="Build folder (or one .nt/.ttl file).")] = Path("build"),
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv, tsv, xml; turtle, nt for CONSTRUCT.")] = "table",
) -> None:
    """Run a SPARQL query over a build's RDF (read-only; govkg:, org:, foaf:, skos: … predeclared)."""
    from govkg.store.sparql import run_sparql_command

    raise typer.Exit(run_sparql_command(text, file, build, fmt))


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="Interface to bind (GOVKG_API_HOST; default 127.0.0.1).")] = None,
    port: Annotated[Optional[int], typer.Option(min=1, max=65535, help="Port (GOVKG_API_PORT; default 8000).")] = None,
    store: Annotated[Optional[str], typer.Option(help="neo4j or embedded (GOVKG_STORE; default: neo4j if GOVKG_NEO4J_URI is set).")] = None,
) -> None:
    """Serve the API and pages (uvicorn) over the embedded store, or Neo4j when configured."""
    from govkg.api.serve import run
    from govkg.settings import ApiConfig

    config = ApiConfig.from_env()
    busy = _port_taken(host or config.host, port or config.port)
    if busy:
        typer.echo(f"error: cannot serve on {host or config.host}:{port or config.port}: {busy}", err=True)
        raise typer.Exit(1)
    raise typer.Exit(run(host=host, port=port, store=store))


def _unwritable(path: Path | None) -> str | None:
    """Why a file cannot be written at ``path`` (a folder, no such folder, not allowed), or None."""
    import os

    if path is None:
        return None
    if path.is_dir():
        return "it is a folder"
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return f"no folder {parent}"
    if not os.access(path if path.exists() else parent, os.W_OK):
        return "permission denied"
    return None


def _port_taken(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, not an address here), or None if it can."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        return str(err)
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a closing socket is no obstacle
        try:
            s.bind(address)
        except OSError as err:
            return err.strerror or str(err)
    return None


# ---------------------------------------------------------------- govkg review (docs/review.md)

review_app = typer.Typer(help="Review judgements: mark an edge wrong or right, two entities the same or not, fix a "
                              "name or role. Kept in GOVKG_JUDGEMENTS (default .govkg/judgements.jsonl) and applied "
                              "by every govkg build.", no_args_is_help=True)
app.add_typer(review_app, name="review")

EdgeArg = Annotated[str, typer.Argument(help="MEMBER_OF, SEAT_ON, UNIT_OF or ASSIGNED.")]
SrcArg = Annotated[str, typer.Argument(help="The edge's start: an entity id (person/晋城市/张三).")]
DstArg = Annotated[str, typer.Argument(help="The edge's end: an entity id (body/晋城市/防汛抗旱指挥部).")]
RoleOpt = Annotated[Optional[str], typer.Option(help="Only the edge with this role (as the entity page shows it).")]
DocOpt = Annotated[Optional[str], typer.Option(help="Only the edge from this document (its number, or its title).")]
WhyOpt = Annotated[str, typer.Option(help="Why: kept with the judgement and shown in the graph's provenance.")]
ByOpt = Annotated[Optional[str], typer.Option(help="Who judges (default: $USER).")]
FileOpt = Annotated[Optional[Path], typer.Option("--file", help="The judgements file (GOVKG_JUDGEMENTS).")]


def _judge(verdict: str, target: dict, file: Optional[Path], by: Optional[str], why: str, **kw: object) -> None:
    import os

    from govkg.errors import JudgementError
    from govkg.graph.judgements import append_judgement, make
    from govkg.settings import Settings

    path = file or Settings.from_env().judgements_path
    try:
        j = make(verdict, target, by=by or os.environ.get("USER") or "reviewer", why=why, **kw)  # type: ignore[arg-type]
        append_judgement(path, j)
    except JudgementError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    except OSError as err:
        typer.echo(f"error: cannot write {path}: {err.strerror or err}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{j.id}: {j.describe()}\nsaved in {path}; the next govkg build applies it")


def _edge(edge: str, src: str, dst: str, role: Optional[str], doc: Optional[str]) -> dict:
    return {"edge": edge, "src": src, "dst": dst, "role": role, "doc": doc}


@review_app.command("wrong")
def review_wrong(edge: EdgeArg, src: SrcArg, dst: DstArg, role: RoleOpt = None, doc: DocOpt = None,
                 why: WhyOpt = "", by: ByOpt = None, file: FileOpt = None) -> None:
    """Mark an edge wrong: the next build leaves it out, and says so in the provenance of its ends."""
    _judge("wrong", _edge(edge, src, dst, role, doc), file, by, why)


@review_app.command("right")
def review_right(edge: EdgeArg, src: SrcArg, dst: DstArg, role: RoleOpt = None, doc: DocOpt = None,
                 why: WhyOpt = "", by: ByOpt = None, file: FileOpt = None) -> None:
    """Mark an edge right (checked by a person); a later right undoes a wrong."""
    _judge("right", _edge(edge, src, dst, role, doc), file, by, why)


@review_app.command("unsure")
def review_unsure(edge: EdgeArg, src: SrcArg, dst: DstArg, role: RoleOpt = None, doc: DocOpt = None,
                  why: WhyOpt = "", by: ByOpt = None, file: FileOpt = None) -> None:
    """Mark an edge unsure: it stays, with the doubt in its provenance."""
    _judge("unsure", _edge(edge, src, dst, role, doc), file, by, why)


@review_app.command("same")
def review_same(entity: Annotated[str, typer.Argument(help="An entity id (agency/晋城市财政局).")],
                other: Annotated[str, typer.Argument(help="Another entity of the same kind.")],
                why: WhyOpt = "", by: ByOpt = None, file: FileOpt = None) -> None:
    """Say two entities are one (transitive): the next build merges them into one node."""
    _judge("same", {"entity": entity}, file, by, why, other=other)


@review_app.command("not-same")
def review_not_same(entity: Annotated[str, typer.Argument(help="An entity id.")],
                    other: Annotated[str, typer.Argument(help="Another entity of the same kind.")],
                    why: WhyOpt = "", by: ByOpt = None, file: FileOpt = None) -> None:
    """Say two entities are not one: no same judgement may join them, even through others."""
    _judge("not-same", {"entity": entity}, file, by, why, other=other)


@review_app.command("fix")
def review_fix(field: Annotated[str, typer.Argument(help="name (of an entity) or role (of an edge).")],
               args: Annotated[list[str], typer.Argument(help="name: ID VALUE; role: EDGE SRC DST VALUE.")],
               role: RoleOpt = None, doc: DocOpt = None, why: WhyOpt = "", by: ByOpt = None,
               file: FileOpt = None) -> None:
    """Fix a field: ``fix name ID NEW_NAME`` or ``fix role EDGE SRC DST NEW_ROLE [--role OLD] [--doc D]``."""
    want = {"name": 2, "role": 4}.get(field)
    if want is None or len(args) != want:
        typer.echo("error: fix name ID VALUE, or fix role EDGE SRC DST VALUE", err=True)
        raise typer.Exit(2)
    target = {"entity": args[0]} if field == "name" else _edge(args[0], args[1], args[2], role, doc)
    _judge("fix", target, file, by, why, field=field, value=args[-1])


@review_app.command("list")
def review_list(file: FileOpt = None,
                every: Annotated[bool, typer.Option("--all", help="Every judgement made, not only those in force.")] = False,
                ) -> None:
    """The judgements in force (the latest of each target), one line each."""
    from govkg.errors import JudgementError
    from govkg.graph.judgements import current, read_judgements
    from govkg.settings import Settings

    path = file or Settings.from_env().judgements_path
    try:
        js = read_judgements(path)
    except JudgementError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    shown = js if every else current(js)
    for j in shown:
        typer.echo(f"{j.id}: {j.describe()}")
    typer.echo(f"{len(shown)} judgement(s) in {path}", err=True)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

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

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _expand(paths: list[Path]) -> list[Path]:
    from extractors.pipeline import iter_corpus

    out: list[Path] = []
    for p in paths:
        out.extend(iter_corpus(p) if p.is_dir() else [p])
    return out


def _summary(facts: list) -> str:
    counts = Counter(f.type for f in facts)
    order = ("document", "body", "membership", "seat", "unit", "assignment", "citation")
    return ", ".join(f"{counts[t]} {t}" for t in order)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Gazette text files or folders of them.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Where to write the facts (JSONL).")] = Path("facts.jsonl"),
) -> None:
    """Extract facts (documents, bodies, memberships, seats, units, assignments, citations) as JSONL."""
    from extractors.pipeline import extract_files
    from kg.facts import write_facts

    paths = _expand(files)

    def report(path: Path, error: str | None) -> None:
        if error:
            typer.echo(f"skipped {path}: {error}", err=True)

    result = extract_files(paths, on_file=report)
    n = write_facts(result.facts, out)
    typer.echo(f"{len(result.read)} file(s) read, {len(result.failed)} skipped; {n} facts -> {out}", err=True)
    typer.echo(f"  {_summary(result.facts)}", err=True)
    if not result.read:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold facts: a .jsonl file or a folder of them.")],
    facts: Annotated[Path, typer.Argument(help="Extracted facts (.jsonl).")],
    files: Annotated[Optional[str], typer.Option(help="Comma-separated source file names to score.")] = None,
) -> None:
    """Score extracted facts against gold: precision, recall and F1 per fact type."""
    from kg.evaluate import score
    from kg.facts import read_facts

    try:
        g, p = read_facts(gold), read_facts(facts)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(score(g, p, set(files.split(",")) if files else None).table())


@app.command()
def summary(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder or files.")] = DEFAULT_CORPUS,
) -> None:
    """Extract the corpus and print what was found per file (nothing written)."""
    from extractors.pipeline import extract_files

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
) -> None:
    """Extract, resolve, validate; write facts.jsonl, graph.ttl/.nt/.jsonld/.graphml, nodes.csv, edges.csv."""
    from kg.build import run_build

    raise typer.Exit(run_build(corpus, out, facts_path=facts, validate_shacl=shacl))


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="Interface to bind (GOVKG_API_HOST; default 127.0.0.1).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port (GOVKG_API_PORT; default 8000).")] = None,
    store: Annotated[Optional[str], typer.Option(help="neo4j or embedded (GOVKG_STORE; default: neo4j if GOVKG_NEO4J_URI is set).")] = None,
    allow_cypher: Annotated[Optional[bool], typer.Option("--allow-cypher/--no-cypher", help="Mount the read-only raw-Cypher endpoint (GOVKG_API_ALLOW_CYPHER).")] = None,
) -> None:
    """Serve the API and pages (uvicorn) over the embedded store, or Neo4j when configured."""
    from kg.api.serve import run

    raise typer.Exit(run(host=host, port=port, store=store, allow_cypher=allow_cypher))


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

"""``neo4j-admin database import full`` of the files ``govkg.store.neo4j_import`` writes: the corpus
graph imported into a Neo4j home (the launcher's classpath runs Neo4j's own admin tool), served by a
real server over it, gives the counts and canned-query answers of a Bolt load, and a later replacing
Bolt load retires it like any generation."""
from __future__ import annotations

import csv

import pytest

from govkg.graph.schema import NODES, RELS, Edge, Node, PropertyGraph
from govkg.store.neo4j_import import _field, header, import_command, write_import_files
from govkg.store.rows import TableStream


@pytest.mark.parametrize("table, fields", [
    ("Body", ["id:ID(Body)", "name:string", "kind:string", "aliases:string", "reviewed:string", ":LABEL"]),
    ("Document", ["id:ID(Document)", "name:string", "number:string", "title:string", "issuer:string", "date:string",
                  "stub:boolean", "file:string", "line:long", "end_line:long", "text:string", ":LABEL"]),
    ("PART_OF", [":START_ID(Body)", ":END_ID(Body)", "doc:string", "file:string", "line:long", "key:string", ":TYPE"]),
    ("MEMBER_OF", [":START_ID(Person)", ":END_ID(Body)", "role:string", "position:string", "concurrent:boolean",
                   "doc:string", "file:string", "line:long", "date:string", "end_date:string", "end_doc:string",
                   "reviewed:string", "key:string", ":TYPE"]),
])
def test_headers_name_the_id_spaces_and_types(table, fields):
    assert header(table) == fields


@pytest.mark.parametrize("value, field", [
    (None, ""), ("", '""'), (True, "true"), (False, "false"), (0, "0"), (12, "12"),
    ('say "hi", then', '"say ""hi"", then"'), ("two\nlines", '"two\nlines"'),
])
def test_fields_keep_missing_apart_from_empty_and_quote_every_string(value, field):
    assert _field(value) == field


def test_the_files_are_the_rows_both_stores_load(corpus_graph, tmp_path):
    written = write_import_files(corpus_graph, tmp_path / "neo4j-import")
    expected = {name: len(rows) for name, rows in TableStream(corpus_graph)}
    assert written == expected
    for name in (*NODES, *RELS):
        with open(tmp_path / "neo4j-import" / f"{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert len(rows) == expected[name] and all(r[-1] == name for r in rows)
        assert all(len(r) == len(header(name)) for r in rows)
    command = import_command("neo4j-admin", "neo4j", tmp_path / "neo4j-import")
    assert command[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert sum(a.startswith("--nodes=") for a in command) == len(NODES)


def test_rewriting_replaces_the_folder_whole(tmp_path):
    folder = tmp_path / "neo4j-import"
    (folder).mkdir()
    (folder / "stale.csv").write_text("x", encoding="utf-8")
    g = PropertyGraph(nodes=[Node("Body", "b/1", {"name": "领导小组"})], edges=[Edge("PART_OF", "b/1", "b/2", {})])
    assert write_import_files(g, folder)["PART_OF"] == 0  # dangling: dropped as the Bolt load drops it
    assert not (folder / "stale.csv").exists() and not list(tmp_path.glob(".neo4j-import.writing-*"))


@pytest.fixture(scope="module")
def imported(corpus_graph, tmp_path_factory):
    """The corpus graph imported by neo4j-admin into a fresh home, and a server started over it: its URI."""
    from devtools import neo4j as launcher
    from govkg.store.neo4j_import import admin_import
    from tests.conftest import _unavailable

    root = tmp_path_factory.mktemp("neo4j-import")
    try:
        home = launcher.make_home(root / "home")
    except (launcher.LauncherError, OSError) as err:
        _unavailable(str(err))
    report = admin_import(corpus_graph, home, "neo4j", root / "files")
    try:
        proc, uri = launcher.start(home=home)
    except (launcher.LauncherError, OSError) as err:
        _unavailable(str(err))
    try:
        yield uri, report
    finally:
        launcher.stop(proc)


def test_an_imported_graph_is_served_like_a_bolt_loaded_one(imported, corpus_graph, neo4j_store):
    from govkg.queries import load_queries, run_query, sample_params
    from govkg.store.neo4j import Neo4jStore

    uri, report = imported
    store = Neo4jStore(uri)
    try:
        counts = store.finish_import({"format": "test"})
        bolt = neo4j_store.load(corpus_graph).counts
        assert counts == bolt == report.counts and store.counts() == bolt
        assert store.loaded_build()["manifest"] == {"format": "test"} and store.generation() == 0
        params = sample_params(corpus_graph)
        for q in load_queries().values():
            given = {p.name: params[p.name] for p in q.params if p.name in params}
            assert run_query(store, q, given) == run_query(neo4j_store, q, given), q.name
        again = store.load(corpus_graph)  # a replacing Bolt load over the imported graph: generation 1
        assert again.counts == bolt and store.generation() == 1
    finally:
        store.close()


# -- govkg load --admin-import ------------------------------------------------------------------

def _load(*args: str, **env: str):
    from typer.testing import CliRunner

    from govkg.cli import app

    return CliRunner().invoke(app, ["load", *args], env=env)


@pytest.mark.parametrize("args, env, message", [
    (["--admin-import"], {"GOVKG_NEO4J_HOME": "/nowhere"}, "for Neo4j"),  # the embedded store
    (["--admin-import", "--neo4j", "bolt://127.0.0.1:9"], {"GOVKG_NEO4J_HOME": ""}, "GOVKG_NEO4J_HOME"),
    (["--finish-import"], {}, "for Neo4j"),
])
def test_admin_import_needs_neo4j_and_its_home(corpus_build, tmp_path, args, env, message):
    result = _load(str(corpus_build[0]), "--db", str(tmp_path / "g.lbdb"), *args, **env)
    assert result.exit_code == 2 and message in result.output and result.output.count("\n") == 1, result.output


def test_govkg_load_admin_import_then_finish(corpus_build, tmp_path):
    """A stopped (here: new) database: imported, then served and finished over Bolt; the API answers;
    a running one: loaded over Bolt."""
    import shutil

    from fastapi.testclient import TestClient

    from devtools import neo4j as launcher
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig

    build = shutil.copytree(corpus_build[0], tmp_path / "build")
    try:
        home = launcher.make_home(tmp_path / "home")
    except (launcher.LauncherError, OSError) as err:
        pytest.skip(str(err))
    # no --admin-import: the home is known and no server answers, so the load imports
    result = _load(str(build), "--neo4j", "bolt://127.0.0.1:9", GOVKG_NEO4J_HOME=str(home))
    assert result.exit_code == 0, result.output
    assert "neo4j-admin import" in result.output and "--finish-import" in result.output
    assert (build / "neo4j-import" / "Body.header.csv").is_file()
    proc, uri = launcher.start(home=home)
    try:
        result = _load(str(build), "--finish-import", "--neo4j", uri)
        assert result.exit_code == 0 and "load marker added" in result.output, result.output
        config = ApiConfig.from_env({"GOVKG_NEO4J_URI": uri})
        with TestClient(create_app(config), base_url="http://localhost") as c:
            rows = c.get("/queries/top_people_by_seats").json()["rows"]
            assert rows and c.get("/health").status_code == 200
        expected = {name: len(r) for name, r in TableStream(corpus_build[1].property_graph)}
        from govkg.store.neo4j import Neo4jStore

        store = Neo4jStore(uri)
        try:
            assert store.counts() == expected and store.loaded_build()["manifest"]["files"]
        finally:
            store.close()
        # the database is running now: a second --admin-import loads over Bolt instead
        result = _load(str(build), "--admin-import", "--neo4j", uri, GOVKG_NEO4J_HOME=str(home))
        assert result.exit_code == 0 and "loading over Bolt instead" in result.output, result.output
    finally:
        launcher.stop(proc)

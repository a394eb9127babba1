"""``govkg load`` and ``govkg query`` end to end, on the embedded store and on a real Neo4j."""
from __future__ import annotations

import json
import socket

import pytest
from typer.testing import CliRunner

from govkg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def loaded_db(corpus_build, tmp_path_factory):
    out, _ = corpus_build
    db = tmp_path_factory.mktemp("cli") / "graph.lbdb"
    result = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "MEMBER_OF" in result.output and "rows/s" in result.output
    return db


def test_query_as_json_gives_the_columns_of_the_header(loaded_db):
    result = runner.invoke(app, ["query", "top_lead_agencies", "--db", str(loaded_db), "-p", "limit=3",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and list(rows[0]) == ["agency_id", "agency", "mandates"]
    assert rows[0]["mandates"] >= rows[-1]["mandates"]


def test_query_as_csv_has_a_header_line(loaded_db):
    result = runner.invoke(app, ["query", "top_people_by_seats", "--db", str(loaded_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "person_id,person,seats"


def test_query_as_table_is_the_default(loaded_db):
    result = runner.invoke(app, ["query", "find_nodes", "--db", str(loaded_db), "-p", "text=局", "-p", "limit=2"])
    assert result.exit_code == 0, result.output
    assert "2 row(s)" in result.stdout


@pytest.mark.parametrize("args, code, message", [
    (["query", "no_such_query"], 2, "no query named"),
    (["query", "body_leaders"], 2, "missing parameter body"),
    (["query", "top_lead_agencies", "-p", "limit=many"], 2, "must be an integer"),
    (["query", "top_lead_agencies", "-p", "limit=-1"], 2, "limit must be between 1 and 10000"),
    (["query", "top_lead_agencies", "-p", "limit=0"], 2, "limit must be between 1 and 10000"),
    (["query", "body_composition", "-p", "body=防汛抗旱指挥部", "-p", "date=2020-13-45"], 2, "must be a date"),
    (["query", "body_leaders", "-p", "body=防汛抗旱指挥部", "-p", "as_of=2020-02-30"], 2, "must be a date"),
    (["query", "body_leaders", "-p", "body=防汛抗旱指挥部", "-p", "former=perhaps"], 2, "true or false"),
    (["query", "top_lead_agencies", "--format", "xml"], 2, "unknown format"),
])
def test_bad_query_requests_fail_with_one_line(loaded_db, args, code, message):
    result = runner.invoke(app, [*args, "--db", str(loaded_db)])
    assert result.exit_code == code
    assert message in result.output and result.output.startswith("error: ") and result.output.count("\n") == 1


def _rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_short_name_gives_the_rows_of_the_full_name_and_says_how_it_resolved(loaded_db):
    def ask(agency: str):
        return runner.invoke(app, ["query", "bodies_of_agency", "--db", str(loaded_db), "-p", f"agency={agency}",
                                   "--format", "json"])

    short, full = ask("市发改委"), ask("晋城市发展和改革委员会")
    assert _rows(short) and _rows(short) == _rows(full)
    assert "agency: 市发改委 → 晋城市发展和改革委员会 [agency/晋城市发展和改革委员会] (exact)" in short.stderr


def test_an_unknown_name_is_an_error_with_suggestions(loaded_db):
    result = runner.invoke(app, ["query", "body_leaders", "--db", str(loaded_db), "-p", "body=防汛抗汗指挥部"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("error: body: no body matches '防汛抗汗指挥部'; did you mean: 晋城市防汛抗旱指挥部")
    assert result.stderr.count("\n") == 1


def test_body_leaders_as_of_a_day_from_the_command_line(loaded_db):
    def heads(day: str) -> set[str]:
        result = runner.invoke(app, ["query", "body_leaders", "--db", str(loaded_db), "-p", "body=防汛抗旱指挥部",
                                     "-p", f"as_of={day}", "--format", "json"])
        return {(r["holder"], r["set_by"]) for r in _rows(result) if r["rank"] == 1}

    assert heads("2020-01-01") == {("冯志亮", "晋市政办〔2019〕37号"), ("张利锋", "晋市政办〔2019〕37号")}
    assert heads("2020-09-01") == {("市人民政府分管应急管理和水务工作的副市长", "晋市政办〔2020〕40号")}


def test_querying_an_unbuilt_store_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["query", "top_lead_agencies", "--db", str(tmp_path / "none.lbdb")])
    assert result.exit_code == 1 and "govkg build" in result.output


def test_loading_a_folder_that_is_no_build_fails(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "g.lbdb")])
    assert result.exit_code == 2 and "no manifest.json" in result.output and "govkg build" in result.output
    assert not (tmp_path / "g.lbdb").exists()


def test_an_unreachable_neo4j_fails_without_touching_anything(corpus_build, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = runner.invoke(app, ["load", str(corpus_build[0]), "--neo4j", f"bolt://127.0.0.1:{port}",
                                 "--db", str(tmp_path / "g.lbdb")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "unreachable" in result.output
    assert not (tmp_path / "g.lbdb").exists()


@pytest.mark.neo4j
def test_load_and_query_on_neo4j(corpus_build, neo4j_server, monkeypatch):
    out, report = corpus_build
    result = runner.invoke(app, ["load", str(out), "--neo4j", neo4j_server.uri, "--user", neo4j_server.user,
                                 "--password", neo4j_server.password, "--batch-size", "300"])
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("GOVKG_NEO4J_PASSWORD", neo4j_server.password)
    result = runner.invoke(app, ["query", "top_lead_agencies", "--store", "neo4j", "--neo4j", neo4j_server.uri,
                                 "-p", "limit=1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1


@pytest.mark.neo4j
def test_refused_credentials_fail_with_one_line(corpus_build, neo4j_server):
    if not neo4j_server.password:
        pytest.skip("the server given in GOVKG_TEST_NEO4J_URI has no password to refuse")
    result = runner.invoke(app, ["load", str(corpus_build[0]), "--neo4j", neo4j_server.uri,
                                 "--user", neo4j_server.user, "--password", "wrong"])
    assert result.exit_code == 1 and "refused the credentials" in result.output


@pytest.mark.slow
def test_build_loads_the_embedded_store(tmp_path, monkeypatch):
    from govkg.store import read_built_graph
    from govkg.store.ladybug import LadybugStore
    from govkg.store.rows import TableStream
    from tests.conftest import ROOT

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    src = sorted((ROOT / "corpus").glob("*.txt"))[0]
    (corpus / src.name).write_bytes(src.read_bytes())
    db = tmp_path / "graph.lbdb"
    monkeypatch.setenv("GOVKG_DB_PATH", str(db))
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-shacl"])
    assert result.exit_code == 0, result.output
    expected = {k: len(v) for k, v in TableStream(read_built_graph(tmp_path / "out")) if v}
    store = LadybugStore(db, read_only=True)
    try:
        assert {k: v for k, v in store.counts().items() if v} == expected
    finally:
        store.close()

"""``/downloads`` and ``/export/*`` over a real build: every format linked, each file as the build wrote it
(checksum as in the manifest), the neo4j-import CSVs when the build has them, and a folder that holds
another build than the one loaded refused."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from tests.support import GOLD_DIR, GOLD_STEMS, ROOT

pytestmark = pytest.mark.skipif(not GOLD_STEMS, reason="shared gold not available")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("downloads")
    out, db = tmp / "build", tmp / "graph.lbdb"
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(GOLD_DIR), "--out", str(out),
                    "--no-shacl"], cwd=ROOT, check=True, capture_output=True, env={**os.environ, "GOVKG_DB_PATH": str(db)})
    return out, db


def client_for(db, **env):
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig

    return TestClient(create_app(ApiConfig.from_env({"GOVKG_DB_PATH": str(db), **env})), base_url="http://localhost")


def test_every_format_is_linked_and_downloads_as_built(built):
    out, db = built
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    with client_for(db) as c:  # the folder is the one the store says it was loaded from
        page = c.get("/downloads")
        assert page.status_code == 200
        hrefs = re.findall(r'class="download" href="([^"]+)"', page.text)
        assert {f"/export/{f}" for f in ("ttl", "nt", "jsonld", "graphml", "gexf", "nodes.csv", "edges.csv", "json",
                                         "jsonl", "facts.jsonl", "manifest.json")} == set(hrefs)
        assert manifest["govkg_version"] in page.text and manifest["built_at"] in page.text
        assert manifest["inputs"][0]["sha256"][:16] in page.text
        assert f"<td>org:member</td><td>{manifest['predicates']['org:member']}</td>" in page.text
        for fmt, name in [("ttl", "graph.ttl"), ("nt", "graph.nt"), ("jsonld", "graph.jsonld"), ("facts.jsonl", "facts.jsonl")]:
            r = c.get(f"/export/{fmt}")
            assert r.status_code == 200, fmt
            assert hashlib.sha256(r.content).hexdigest() == manifest["files"][name]["sha256"] == r.headers["etag"].strip('"')
        assert c.get("/export/manifest.json").json()["files"] == manifest["files"]


def test_rdf_downloads_parse_to_the_same_graph(built):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    _, db = built
    with client_for(db) as c:
        graphs = [Graph().parse(data=c.get(f"/export/{fmt}").text, format=f) for fmt, f in
                  (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"))]
    assert len(graphs[0]) > 1000 and isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[1], graphs[2])


def test_neo4j_import_csvs_are_linked_when_the_build_has_them(built, tmp_path):
    from govkg.graph.manifest import read_manifest, write_manifest

    out, db = built
    copy = tmp_path / "build"
    shutil.copytree(out, copy)
    (copy / "neo4j-import").mkdir()
    (copy / "neo4j-import" / "Body.csv").write_text("id:ID(Body),name\nb1,测试\n", encoding="utf-8")
    (copy / "neo4j-import" / "rels").mkdir()
    (copy / "neo4j-import" / "rels" / "MEMBER_OF.csv").write_text(":START_ID,:END_ID\n", encoding="utf-8")
    old = read_manifest(copy)
    write_manifest(copy, facts=old["facts"], triples=old["triples"], conforms=old["conforms"], classes=old["classes"],
                   counts=old["counts"])
    with client_for(db, GOVKG_BUILD_DIR=str(copy)) as c:
        page = c.get("/downloads").text
        assert 'href="/export/neo4j-import/Body.csv"' in page
        r = c.get("/export/neo4j-import/Body.csv")
        assert r.status_code == 200 and "测试" in r.text
        assert c.get("/export/neo4j-import/rels/MEMBER_OF.csv").text.startswith(":START_ID")
        assert 'href="/export/neo4j-import/rels/MEMBER_OF.csv"' in page
        assert c.get("/export/neo4j-import/missing.csv").status_code == 404
        assert c.get("/export/neo4j-import/rels%2F..%2F..%2Fmanifest.json").status_code == 404
        assert c.get("/export/neo4j-import/..%2Fmanifest.json").status_code == 404


def test_a_folder_holding_another_build_is_refused(built, tmp_path):
    from govkg.graph.manifest import read_manifest, write_manifest

    out, db = built
    other = tmp_path / "other"
    shutil.copytree(out, other)
    with open(other / "graph.nt", "a", encoding="utf-8") as fh:
        fh.write('<urn:x> <urn:y> "z" .\n')
    old = read_manifest(other)
    write_manifest(other, facts=old["facts"], triples=old["triples"] + 1)
    with client_for(db, GOVKG_BUILD_DIR=str(other)) as c:
        r = c.get("/export/nt")
        assert r.status_code == 404 and "another build" in r.json()["detail"]
        r = c.get("/sparql", params={"query": "ASK { <urn:x> ?p ?o }"})
        assert r.status_code == 503 and "govkg load" in r.json()["detail"]

"""A plain (not editable) install works: the wheel holds only ``govkg`` and its package data, and a
fresh virtual environment with it builds the corpus, answers a canned query and serves the pages,
run from a directory that is not the source checkout."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], cwd=out)
    (whl,) = out.glob("govkg-*.whl")
    return whl


@pytest.fixture(scope="module")
def fresh(wheel: Path, tmp_path_factory) -> Path:
    """A new virtual environment with the wheel (and its dependencies) installed, nothing else."""
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.create(env_dir, with_pip=False)
    # uv resolves and installs the same dependencies from PyPI as pip, in parallel: 5-7 s here against
    # pip's 43-49 s (warm or empty uv cache alike); the wheels pip is pointed at are uv's too
    env = {**os.environ}
    if os.environ.get("PIP_FIND_LINKS"):
        env["UV_FIND_LINKS"] = os.environ["PIP_FIND_LINKS"]
    _run([sys.executable, "-m", "uv", "pip", "install", "-q", "--python", str(env_dir / "bin" / "python"), str(wheel)],
         cwd=env_dir.parent, env=env)
    return env_dir


def test_the_wheel_holds_only_govkg_and_its_data(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    roots = {n.split("/")[0] for n in names}
    assert {r for r in roots if not r.endswith(".dist-info")} == {"govkg"}
    for data in ("govkg/data/ontology/shapes.ttl", "govkg/data/ontology/govkg.ttl", "govkg/data/ontology/agencies.yaml",
                 "govkg/data/queries/body_leaders.cypher", "govkg/data/sparql/body_leaders.rq", "govkg/viz/templates/base.html",
                 "govkg/viz/templates/sparql.html", "govkg/viz/templates/downloads.html", "govkg/viz/static/govkg.css",
                 "govkg/viz/static/vendor/vis-network/vis-network.min.js", "govkg/lexicon/data/surnames.txt"):
        assert data in names, data
    assert not [n for n in names if "devtools" in n or n.startswith("tests/")]


def test_old_import_roots_are_gone_in_a_fresh_install(fresh: Path, tmp_path: Path):
    py = str(fresh / "bin" / "python")
    for name in ("kg", "extractors", "viz", "devtools", "spacy"):
        done = subprocess.run([py, "-c", f"import {name}"], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode != 0 and "ModuleNotFoundError" in done.stderr, name
    _run([py, "-c", "import govkg.viz.pages, govkg.api.app, govkg.graph.build"], cwd=tmp_path)


def test_a_fresh_install_builds_queries_and_serves_from_elsewhere(fresh: Path, tmp_path: Path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "GOVKG_DB_PATH": str(work / "graph.lbdb")}
    env.pop("PYTHONPATH", None)
    govkg = str(fresh / "bin" / "govkg")
    _run([govkg, "build", str(ROOT / "corpus"), "--out", "out"], cwd=work, env=env)
    for name in ("facts.jsonl", "graph.nt", "graph.ttl", "graph.jsonld", "nodes.csv", "edges.csv", "graph.graphml"):
        assert (work / "out" / name).stat().st_size > 0, name
    rows = _run([govkg, "query", "top_lead_agencies", "-p", "limit=3", "--format", "json"], cwd=work, env=env).stdout
    assert rows.count('"agency"') == 3
    page = _run([str(fresh / "bin" / "python"), "-c", (
        "from fastapi.testclient import TestClient\n"
        "from govkg.api.app import create_app\n"
        "with TestClient(create_app(), base_url=\"http://localhost\") as c:\n"
        "    r = c.get('/'); s = c.get('/static/govkg.css'); d = c.get('/docs')\n"
        "    q = c.get('/sparql', params={'query': 'ASK { ?b a govkg:Body }', 'format': 'csv'})\n"
        "    print(r.status_code, s.status_code, d.status_code, 'govkg' in r.text, q.status_code, q.text)\n")],
        cwd=work, env=env).stdout
    assert page.split() == ["200", "200", "200", "True", "200", "true"]  # the SPARQL worker runs from the wheel too


def test_the_fresh_install_extracts_what_the_checkout_does(fresh: Path, tmp_path: Path):
    out = tmp_path / "facts.jsonl"
    _run([str(fresh / "bin" / "govkg"), "extract", str(ROOT / "corpus"), "-o", str(out)], cwd=tmp_path)
    mine = tmp_path / "mine.jsonl"
    _run([sys.executable, "-m", "govkg.cli", "extract", str(ROOT / "corpus"), "-o", str(mine)], cwd=ROOT)
    assert out.read_bytes() == mine.read_bytes()

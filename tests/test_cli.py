"""The ``govkg`` command's own manners: version, help that lists the queries, errors instead of
misleading answers (eval without gold), and ``serve`` on a busy port."""
from __future__ import annotations

import socket
import subprocess
import sys

from typer.testing import CliRunner

from govkg.cli import app
from govkg.queries import load_queries
from tests.conftest import ROOT

runner = CliRunner()


def test_version():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"govkg {version('govkg')}"


def test_query_help_lists_every_query_with_its_parameters():
    result = runner.invoke(app, ["query", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for name in load_queries():
        assert name in result.stdout
    assert "bodies_of_agency (agency, as_of=latest, former=false)" in result.stdout


def test_eval_on_a_folder_without_gold_is_an_error(tmp_path, corpus_build):
    out, _ = corpus_build
    (tmp_path / "gold").mkdir()
    result = runner.invoke(app, ["eval", str(tmp_path / "gold"), str(out / "facts.jsonl")])
    assert result.exit_code == 2 and "no gold facts" in result.stderr and "1.000" not in result.output


def test_serve_on_a_busy_port_fails_before_saying_it_serves(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "govkg.cli", "serve", "--port", str(port), "--store", "embedded"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60,
                              env={"PATH": "/usr/bin:/bin", "GOVKG_DB_PATH": str(tmp_path / "none.lbdb")})
    assert done.returncode == 1
    assert "serving on" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"error: cannot serve on 127.0.0.1:{port}: Address already in use"]

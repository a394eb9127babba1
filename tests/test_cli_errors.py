"""One-line errors where the CLI used to print a traceback or do something else (issue 15): bad
``GOVKG_*`` values, a port out of range, an output path that cannot be written, a full disk, a
password on the command line."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govkg.cli import app
from tests.conftest import ROOT

runner = CliRunner()
ONE_FILE = str(next((ROOT / "corpus").glob("000_*.txt")))


def one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("name, value", [
    ("GOVKG_BATCH_SIZE", "lots"), ("GOVKG_BATCH_SIZE", "0"), ("GOVKG_STORE", "mysql"),
    ("GOVKG_API_PORT", "99999"), ("GOVKG_API_PORT", "-1"), ("GOVKG_API_QUERY_TIMEOUT", "never"),
    ("GOVKG_API_MAX_ROWS", "0"), ("GOVKG_API_MAX_BODY", "1MB"), ("GOVKG_NEO4J_CONNECT_TIMEOUT", "0"),
    ("GOVKG_NEO4J_PASSWORD_FILE", "/nonexistent/secret"),
])
@pytest.mark.parametrize("command", [["serve"], ["load", "build"], ["query", "find_nodes"], ["extract", ONE_FILE]])
def test_a_bad_setting_is_one_line_naming_it(command, name, value, tmp_path):
    result = runner.invoke(app, command + (["-o", str(tmp_path / "f.jsonl")] if command[0] == "extract" else []),
                           env={name: value})
    assert result.exit_code == 2
    assert name in one_line_error(result)


@pytest.mark.parametrize("port", ["99999", "0", "-5"])
def test_a_port_out_of_range_is_refused(port):
    result = runner.invoke(app, ["serve", "--port", port])
    assert result.exit_code == 2 and "--port" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("out, why", [
    ("{tmp}/no/such/folder/facts.jsonl", "no folder"),
    ("{tmp}", "it is a folder"),
])
def test_an_output_path_that_cannot_be_written_is_refused_before_extracting(tmp_path, out, why):
    result = runner.invoke(app, ["extract", ONE_FILE, "-o", out.format(tmp=tmp_path)])
    assert result.exit_code == 2 and why in one_line_error(result)
    assert "facts ->" not in result.output  # nothing was extracted to be lost


def test_a_full_device_is_one_line():
    result = runner.invoke(app, ["extract", ONE_FILE, "-o", "/dev/full"])
    assert result.exit_code == 1
    assert "No space left on device" in one_line_error(result)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KiB tmpfs (root only): a disk that fills up while facts are written."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield disk
    subprocess.run(["umount", str(disk)])


def test_a_disk_that_fills_up_keeps_the_old_facts_whole(tiny_disk):
    old = tiny_disk / "facts.jsonl"
    old.write_text("the previous facts\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(ROOT / "corpus"), "-o", str(old)])
    assert result.exit_code == 1 and "No space left on device" in one_line_error(result)
    assert old.read_text(encoding="utf-8") == "the previous facts\n"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["facts.jsonl"]  # no partial file left


def test_facts_are_written_whole(tmp_path):
    out = tmp_path / "facts.jsonl"
    assert runner.invoke(app, ["extract", ONE_FILE, "-o", str(out)]).exit_code == 0
    assert out.stat().st_size > 0 and [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


def test_a_password_on_the_command_line_is_warned_about_and_a_password_file_is_read(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path / "none"), "--neo4j", "bolt://127.0.0.1:1", "--password", "pw"])
    assert "warning: --password is visible" in result.stderr and "pw" not in result.stderr.replace("password", "")
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(tmp_path / "none"), "--neo4j", "bolt://127.0.0.1:1",
                                 "--password-file", str(secret)])
    assert "warning" not in result.stderr and "from-a-file" not in result.output
    result = runner.invoke(app, ["load", str(tmp_path / "none"), "--password-file", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "--password-file: cannot read" in one_line_error(result)


def test_a_uri_with_credentials_is_refused_without_echoing_them(tmp_path, corpus_build):
    out, _ = corpus_build
    result = runner.invoke(app, ["load", str(out), "--neo4j", "bolt://neo4j:s3cret@127.0.0.1:1"])
    assert result.exit_code != 0 and "s3cret" not in result.output
    assert "user or password in the URI" in one_line_error(result)

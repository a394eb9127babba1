"""The test-suite Neo4j launcher: a refused start says why and leaves no temporary folder behind."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from devtools import neo4j as launcher

pytestmark = pytest.mark.neo4j


def _work_folders(where: Path) -> set[Path]:
    # a private temporary folder: other test runs start servers in /tmp at the same time
    return set(where.glob("govkg-neo4j-*"))


@pytest.mark.skipif(not shutil.which("java") or not shutil.which("mvn"), reason="needs Java and Maven")
def test_a_refused_start_says_why_and_cleans_up(tmp_path):
    with pytest.raises(launcher.LauncherError, match="at least 8 characters"):
        launcher.start("short", tmpdir=tmp_path)  # Neo4j refuses passwords under 8 characters
    assert not _work_folders(tmp_path)


@pytest.mark.skipif(not shutil.which("java") or not shutil.which("mvn"), reason="needs Java and Maven")
def test_a_stopped_server_leaves_no_temporary_folder(tmp_path):
    proc, uri = launcher.start("long-enough-password", tmpdir=tmp_path)
    assert uri.startswith("bolt://127.0.0.1:")
    assert _work_folders(tmp_path)  # the server's folder exists while it runs
    launcher.stop(proc)
    assert not _work_folders(tmp_path)

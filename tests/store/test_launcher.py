"""The test-suite Neo4j launcher: a refused start says why and leaves no temporary folder behind."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from devtools import neo4j as launcher

pytestmark = pytest.mark.neo4j


def _work_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("govkg-neo4j-*"))


@pytest.mark.skipif(not shutil.which("java") or not shutil.which("mvn"), reason="needs Java and Maven")
def test_a_refused_start_says_why_and_cleans_up():
    before = _work_folders()
    with pytest.raises(launcher.LauncherError, match="at least 8 characters"):
        launcher.start("short")  # Neo4j refuses passwords under 8 characters
    assert _work_folders() <= before


@pytest.mark.skipif(not shutil.which("java") or not shutil.which("mvn"), reason="needs Java and Maven")
def test_a_stopped_server_leaves_no_temporary_folder():
    before = _work_folders()
    proc, uri = launcher.start("long-enough-password")
    assert uri.startswith("bolt://127.0.0.1:")
    assert _work_folders() - before  # the server's folder exists while it runs
    launcher.stop(proc)
    assert _work_folders() <= before

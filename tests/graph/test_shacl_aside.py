"""SHACL beside the build (``govkg.graph.shacl_process``): the verdict and report of the build's own process,
a refused build when the graph does not conform (on either engine), a one-line error when validating fails."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib.namespace import ORG, RDF

import govkg.graph.build as build_module
from govkg.errors import BuildRefused
from govkg.graph.build import build_from_facts
from govkg.graph.export import write_nt
from govkg.graph.rdf import graph_from_facts
from govkg.graph.shacl_process import AsideValidation
from govkg.graph.terms import GOV
from govkg.graph.validate import validate_nt
from tests.graph.test_rdf import fixture_facts


def _break(graph) -> None:
    """Take the source line off one membership: a violation of its shape's sh:minCount."""
    m = next(iter(graph.subjects(RDF.type, ORG.Membership)))
    graph.remove((m, GOV.sourceLine, None))


@pytest.mark.parametrize("broken", [False, True], ids=["conforming", "broken"])
def test_the_child_gives_the_verdict_and_report_of_this_process(tmp_path: Path, broken: bool):
    graph = graph_from_facts(fixture_facts())
    if broken:
        _break(graph)
    nt = write_nt(graph, tmp_path)
    conforms, report, seconds = AsideValidation(nt).result()
    assert (conforms, report) == validate_nt(nt)
    assert conforms is not broken and seconds > 0
    assert ("sourceLine" in report) is broken


@pytest.mark.parametrize(("engine", "aside_bytes"), [("pyrudof", 0), ("pyrudof", 1 << 40), ("pyshacl", 0)],
                         ids=["pyrudof-aside", "pyrudof-here", "pyshacl"])
def test_a_build_whose_graph_does_not_conform_is_refused_and_the_old_one_kept(tmp_path: Path, monkeypatch,
                                                                               engine: str, aside_bytes: int):
    monkeypatch.setenv("GOVKG_SHACL_ENGINE", engine)
    monkeypatch.setattr(build_module, "ASIDE_BYTES", aside_bytes)  # the fixture's graph is small: aside or here
    started: list[Path] = []
    monkeypatch.setattr(build_module, "AsideValidation", lambda nt, *how: started.append(nt) or AsideValidation(nt, *how))
    out = tmp_path / "out"
    good = build_from_facts(fixture_facts(), out)
    assert good.conforms and good.refused is None, good.shacl_report
    real = build_module.build_graph

    def breaking(facts):
        builder = real(facts)
        _break(builder.graph)
        return builder

    monkeypatch.setattr(build_module, "build_graph", breaking)
    bad = build_from_facts(fixture_facts(), out)
    assert bad.conforms is False and "sourceLine" in bad.shacl_report
    assert bad.refused and bad.kept and (Path(bad.kept) / "graph.nt").is_file()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["conforms"] is True
    assert bool(started) is (engine == "pyrudof" and aside_bytes == 0)


def test_a_validation_that_fails_is_one_line_naming_the_file(tmp_path: Path):
    nt = tmp_path / "graph.nt"
    nt.write_text("<urn:a> <urn:b> this is not N-Triples .\n", encoding="utf-8")
    with pytest.raises(BuildRefused) as err:
        AsideValidation(nt).result()
    assert "graph.nt" in str(err.value) and "\n" not in str(err.value)


def test_stop_ends_a_child_still_running(tmp_path: Path):
    aside = AsideValidation(write_nt(graph_from_facts(fixture_facts()), tmp_path))
    aside.stop()
    assert aside.proc.poll() is not None


def test_the_helper_process_ends_with_the_shacl_process(tmp_path: Path):
    """A SHACL process killed (the build failed or was stopped) leaves no helper behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    nt = write_nt(graph_from_facts(fixture_facts()), tmp_path)
    code = ("import sys, time\nfrom pathlib import Path\nfrom govkg.graph.shacl_process import PartHelper\n"
            "from govkg.graph.validate import check\n"
            "h = PartHelper(listen=False)\nh.submit(check, Path(sys.argv[1])).result()\n"
            "print(h.pids()[0], flush=True)\ntime.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(nt)], stdout=subprocess.PIPE, text=True)
    try:
        helper = int(proc.stdout.readline())
        os.kill(helper, 0)  # it is there
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(helper, 0)
        except ProcessLookupError:
            return
        try:  # a zombie until init reaps it: gone for our purpose
            if open(f"/proc/{helper}/stat").read().split()[2] == "Z":
                return
        except FileNotFoundError:
            return
        time.sleep(0.2)
    os.kill(helper, signal.SIGKILL)
    raise AssertionError("the helper outlived the SHACL process")


def test_no_helper_without_a_second_core_or_the_memory(monkeypatch):
    import govkg.graph.shacl_process as shacl_process

    monkeypatch.setattr(shacl_process.os, "cpu_count", lambda: 1)
    assert not shacl_process.PartHelper.room()
    monkeypatch.setattr(shacl_process.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(shacl_process, "HELPER_ROOM", 1 << 60)
    assert not shacl_process.PartHelper.room()
    monkeypatch.setattr(shacl_process, "HELPER_ROOM", 1)
    assert shacl_process.PartHelper.room()

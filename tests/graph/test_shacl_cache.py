"""SHACL results of parts remembered between builds (govkg.graph.shacl_cache): a part not changed is not validated
again, and the verdict and report are those of validating everything."""
from __future__ import annotations

import json
import shutil
from functools import partial
from pathlib import Path

import pytest
from rdflib import URIRef

from govkg.graph import build as build_module, buildfolder, validate as validate_module
from govkg.graph.build import build
from govkg.graph.shacl_cache import SUFFIX
from govkg.graph.shacl_split import split, validate_parts
from govkg.graph.validate import check, check_nt, remembered_in
from tests.graph.shacl_cases import base_graph, broken, cases
from tests.graph.test_rdf import fixture_facts
from tests.support import smallest_issues

BASE = base_graph(fixture_facts())
CASES = list(cases(BASE))
PART = 2_000  # bytes: the fixture graph in many parts


class Counted:
    """``check`` that counts the parts it validates (a plain function would not tell)."""

    def __init__(self) -> None:
        self.parts: list[Path] = []

    def __call__(self, part: Path) -> tuple[bool, list]:
        self.parts.append(part)
        return check(part, engine="pyrudof")


def _parts(graph, folder: Path) -> tuple[list[Path], object]:
    folder.mkdir(parents=True, exist_ok=True)
    nt = folder / "g.nt"
    graph.serialize(nt, format="nt", encoding="utf-8")
    return split([nt], 8, folder)


@pytest.mark.parametrize("case", CASES[::7], ids=lambda c: c.id)
def test_remembered_results_are_the_results(case, tmp_path) -> None:
    """A broken graph: validated, then remembered, the same verdict and results; the second time no part is
    validated."""
    files, homes = _parts(broken(BASE, case), tmp_path / "parts")
    whole = check(broken(BASE, case), engine="pyrudof")
    first, again = Counted(), Counted()
    cache = remembered_in(tmp_path / "cache", engine="pyrudof")
    assert validate_parts(files, first, homes, remembered=cache) == whole
    assert len(first.parts) == len(files) and cache.hits == 0
    cache = remembered_in(tmp_path / "cache", engine="pyrudof")
    assert validate_parts(files, again, homes, remembered=cache) == whole
    assert again.parts == [] and cache.hits == len(files)


def test_only_a_changed_part_is_validated_again(tmp_path) -> None:
    files, homes = _parts(BASE, tmp_path / "parts")
    validate_parts(files, Counted(), homes, remembered=remembered_in(tmp_path / "cache", engine="pyrudof"))
    victim = next(f for f in files if f.stat().st_size)
    victim.write_text(victim.read_text(encoding="utf-8") + f"<{URIRef('urn:x')}> <urn:p> <urn:o> .\n", encoding="utf-8")
    counted = Counted()
    assert validate_parts(files, counted, homes, remembered=remembered_in(tmp_path / "cache", engine="pyrudof"))[0]
    assert counted.parts == [victim]


def test_a_damaged_or_foreign_entry_is_validated_again(tmp_path) -> None:
    files, homes = _parts(BASE, tmp_path / "parts")
    cache = remembered_in(tmp_path / "cache", engine="pyrudof")
    validate_parts(files, Counted(), homes, remembered=cache)
    entries = sorted((tmp_path / "cache").glob(f"*{SUFFIX}"))
    assert len(entries) == len(set(f.read_bytes() for f in files))  # parts of the same bytes share an entry
    keys = sorted({cache.key(f) for f in files if f.stat().st_size})  # of parts with triples: validated when asked
    damaged, foreign = (tmp_path / "cache" / f"{key}{SUFFIX}" for key in keys[:2])
    damaged.write_text("{not json", encoding="utf-8")
    entry = json.loads(foreign.read_text(encoding="utf-8"))
    foreign.write_text(json.dumps({**entry, "conforms": not entry["conforms"]}), encoding="utf-8")  # no check says so
    counted = Counted()
    assert validate_parts(files, counted, homes, remembered=remembered_in(tmp_path / "cache", engine="pyrudof"))[0]
    assert len(counted.parts) >= 2
    other_shapes = tmp_path / "shapes.ttl"  # other shapes (a comment more): other keys, nothing found
    other_shapes.write_text(validate_module.SHAPES_PATH.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    other = remembered_in(tmp_path / "cache", other_shapes, engine="pyrudof")
    assert all(other.get(other.key(f)) is None for f in files)


def test_fresh_reads_nothing_but_remembers(tmp_path) -> None:
    files, homes = _parts(BASE, tmp_path / "parts")
    validate_parts(files, Counted(), homes, remembered=remembered_in(tmp_path / "cache", engine="pyrudof"))
    counted = Counted()
    fresh = remembered_in(tmp_path / "cache", engine="pyrudof", reuse=False)
    validate_parts(files, counted, homes, remembered=fresh)
    assert len(counted.parts) == len(files) and fresh.hits == 0


def test_check_nt_with_remembered_parts_gives_the_whole_graphs_results(tmp_path) -> None:
    case = next(c for c in CASES if c.component == "ClassConstraintComponent")
    nt = tmp_path / "g.nt"
    broken(BASE, case).serialize(nt, format="nt", encoding="utf-8")
    whole = check(broken(BASE, case), engine="pyrudof")
    run = partial(check_nt, nt, engine="pyrudof", part_bytes=PART)
    first = remembered_in(tmp_path / "cache", engine="pyrudof")
    assert run(remembered=first) == whole and first.asked > 1 and first.hits == 0
    second = remembered_in(tmp_path / "cache", engine="pyrudof")
    assert run(remembered=second) == whole and second.hits == second.asked == first.asked


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return smallest_issues(tmp_path_factory.mktemp("corpus"), 2)


@pytest.mark.slow
@pytest.mark.parametrize("aside", [False, True], ids=["here", "aside"])
def test_a_rebuild_validates_only_what_changed(corpus, tmp_path, monkeypatch, aside) -> None:
    """A build remembers its parts' results beside the build folder; an unchanged rebuild validates none, a
    rebuild with a file changed validates fewer than all, ``fresh`` validates all; the verdict and report the same."""
    monkeypatch.setenv("GOVKG_SHACL_ENGINE", "pyrudof")
    monkeypatch.setattr(validate_module, "PART_BYTES", 200_000)  # the two issues' graph in several parts (aside too)
    monkeypatch.setattr(build_module, "ASIDE_BYTES", 0 if aside else 1 << 40)
    work, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(corpus, work)
    first = build(work, out)
    assert first.conforms and first.shacl_parts is not None
    parts, validated = first.shacl_parts
    assert parts > 2 and validated == parts
    again = build(work, out)
    assert again.shacl_parts == (parts, 0) and (again.conforms, again.shacl_report) == (True, first.shacl_report)
    assert len(list((buildfolder.cache_path(out) / "shacl").glob(f"*{SUFFIX}"))) <= parts
    victim = sorted(work.glob("*.txt"))[0]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("组长", "副组长", 1), encoding="utf-8")
    changed = build(work, out)
    assert changed.conforms and changed.shacl_parts is not None and 0 < changed.shacl_parts[1] < parts
    assert build(work, out, incremental=False).shacl_parts == (parts, parts)

"""What ``govkg load`` reads from a build folder: the property-graph tables when the build wrote them
and the manifest vouches for them, else (a build from before the tables, or tables of another
schema) ``graph.nt`` and the sources; either way the same graph."""
from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from devtools.builds import without_tables
from govkg.errors import IncompleteBuild
from govkg.graph.manifest import MANIFEST, _entry
from govkg.store import read_built_graph
from govkg.store.commands import read_build


@pytest.fixture(scope="module")
def from_rdf(corpus_build):
    """The graph a load made before the tables: graph.nt mapped again."""
    return read_built_graph(corpus_build[0])


def _copy(corpus_build, tmp_path):
    return shutil.copytree(corpus_build[0], tmp_path / "build")


def _same(a, b) -> None:
    assert a.nodes == b.nodes and a.edges == b.edges


def test_a_build_with_tables_is_read_from_them(corpus_build, from_rdf, tmp_path):
    build = _copy(corpus_build, tmp_path)
    (build / "graph.nt").unlink()  # not read, so not missed (nor checked)
    manifest, graph = read_build(build)
    assert manifest["files"] and "tables/index.json" in manifest["files"]
    _same(graph, from_rdf)


def test_a_build_from_before_the_tables_is_read_from_graph_nt(corpus_build, from_rdf, tmp_path):
    old = without_tables(corpus_build[0], tmp_path / "old")
    manifest, graph = read_build(old)
    assert not any(k.startswith("tables/") for k in manifest["files"])
    _same(graph, from_rdf)


def _rewrite_table(build, name: str, table) -> None:
    """Replace one table file and its manifest entry, as a build of another schema would have written it."""
    path = build / "tables" / f"{name}.parquet"
    pq.write_table(table, path)
    manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"][f"tables/{name}.parquet"] = _entry(path)
    (build / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_tables_of_another_schema_are_not_read(corpus_build, from_rdf, tmp_path):
    build = _copy(corpus_build, tmp_path)
    table = pq.read_table(build / "tables" / "Body.parquet")
    _rewrite_table(build, "Body", table.drop_columns([table.column_names[-1]]))  # a column fewer
    _same(read_build(build)[1], from_rdf)


def test_a_table_the_manifest_does_not_list_falls_back_to_graph_nt(corpus_build, from_rdf, tmp_path):
    build = _copy(corpus_build, tmp_path)
    manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    del manifest["files"]["tables/Person.parquet"]  # a label this build's schema did not have
    (build / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    _same(read_build(build)[1], from_rdf)


@pytest.mark.parametrize("damage, message", [("truncate", "truncated"), ("change", "checksum"),
                                             ("remove", "missing")])
def test_a_damaged_table_refuses_the_build(corpus_build, tmp_path, damage, message):
    build = _copy(corpus_build, tmp_path)
    path = build / "tables" / "MEMBER_OF.parquet"
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "change":
        data[len(data) // 2] ^= 1
        path.write_bytes(bytes(data))
    else:
        path.unlink()
    with pytest.raises(IncompleteBuild, match=message) as err:
        read_build(build)
    assert "MEMBER_OF.parquet" in str(err.value) and "\n" not in str(err.value)

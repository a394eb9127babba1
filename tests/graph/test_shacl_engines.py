"""Both SHACL engines give the same verdicts: on a conforming graph, on one violating graph per constraint of
``shapes.ttl`` (``shacl_cases``), on literals of the wrong form, and on an N-Triples file read by the engine."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF

from govkg.graph.terms import GOV
from govkg.graph.validate import ENGINES, check, check_nt, engine_name, validate, validate_nt
from tests.graph.shacl_cases import base_graph, broken, cases, copy
from tests.graph.test_rdf import fixture_facts

XSD = "http://www.w3.org/2001/XMLSchema#"  # a string, not rdflib's XSD: pytest probes module names

BASE = base_graph(fixture_facts())
CASES = list(cases(BASE))


def test_the_base_graph_conforms_on_both_engines() -> None:
    for engine in ENGINES:
        assert check(BASE, engine=engine) == (True, []), engine


def test_every_node_shape_and_constraint_kind_has_a_case() -> None:
    shapes = {c.id.split("-")[0] for c in CASES}
    assert {"gs:Agency", "gs:Body", "gs:Document", "gs:Judgement", "gs:Influenced", "gs:Membership"} <= shapes
    assert {c.component for c in CASES} == {f"{k}ConstraintComponent" for k in
                                            ("MinCount", "MaxCount", "Datatype", "Class", "In", "Pattern", "Or")}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_broken_constraint_fails_alike_on_both_engines(case) -> None:
    g = broken(BASE, case)
    verdicts = {engine: check(g, engine=engine) for engine in ENGINES}
    for engine, (conforms, results) in verdicts.items():
        assert not conforms, engine
        assert (str(case.focus), str(case.path) if case.path else None, case.component) in {r.key for r in results}
    keys = [{r.key for r in results} for _, results in verdicts.values()]
    assert keys[0] == keys[1]  # the same results, not just the same verdict


def _judgement(g):
    return next(iter(g.subjects(RDF.type, GOV.Judgement)))


def _membership(g):
    return sorted(g.subjects(RDF.type, ORG.Membership))[0]


# The value's form rather than its count or kind: ill-typed, wrongly typed, language-tagged literals.
FORMS = [
    ("ill-typed dateTime", _judgement, PROV.endedAtTime, Literal("yesterday", datatype=XSD + "dateTime"), False),
    ("a date for a dateTime", _judgement, PROV.endedAtTime, Literal("2020-01-01", datatype=XSD + "date"), False),
    ("a dateTime without zone", _judgement, PROV.endedAtTime, Literal("2020-01-01T08:00:00", datatype=XSD + "dateTime"),
     True),
    ("a tagged string in sh:in", _judgement, GOV.verdict, Literal("fix", lang="en"), False),
    ("a tagged string for xsd:string", _judgement, GOV.judged, Literal("x", lang="zh"), False),
    ("ill-typed integer", _membership, GOV.sourceLine, Literal("twelve", datatype=XSD + "integer"), False),
    ("a decimal for an integer", _membership, GOV.sourceLine, Literal("12.0", datatype=XSD + "decimal"), False),
    ("an IRI for a boolean", _membership, GOV.concurrent, URIRef("https://govkg.org/id/x"), False),
]


@pytest.mark.parametrize("what, node, path, value, ok", FORMS, ids=[f[0] for f in FORMS])
def test_a_value_of_the_wrong_form_fails_alike(what, node, path, value, ok) -> None:
    g = copy(BASE)
    focus = node(g)
    g.remove((focus, path, None))
    g.add((focus, path, value))
    verdicts = {engine: check(g, engine=engine) for engine in ENGINES}
    assert {engine: v[0] for engine, v in verdicts.items()} == {engine: ok for engine in ENGINES}
    assert {r.key for r in verdicts["pyshacl"][1]} == {r.key for r in verdicts["pyrudof"][1]}


@pytest.mark.parametrize("engine", ENGINES)
def test_validate_nt_reads_the_file_and_gives_the_graph_verdict(engine, tmp_path) -> None:
    good, bad, empty = tmp_path / "good.nt", tmp_path / "bad.nt", tmp_path / "empty.nt"
    BASE.serialize(good, format="nt", encoding="utf-8")
    broken(BASE, CASES[0]).serialize(bad, format="nt", encoding="utf-8")
    empty.write_text("# nothing\n\n", encoding="utf-8")
    assert validate_nt(good, engine=engine)[0] and validate_nt(empty, engine=engine)[0]
    conforms, text = validate_nt(bad, engine=engine)
    assert not conforms and CASES[0].component.removesuffix("ConstraintComponent") in text


@pytest.mark.parametrize("engine", ENGINES)
def test_the_report_names_the_focus_node_the_path_and_the_constraint(engine) -> None:
    g = copy(BASE)
    m = _membership(g)
    g.remove((m, GOV.sourceLine, None))
    conforms, text = validate(g, engine=engine)
    lines = text.splitlines()
    assert lines[:2] == ["Validation Report", "Conforms: False"] and lines[2].startswith("Results (")
    assert f"- <{m}> govkg:sourceLine: MinCount [gs:sourceLine]: " in text
    assert all(line.startswith("- ") for line in lines[3:]) and len(lines) - 3 == int(lines[2][9:-2])


def test_the_engine_is_chosen_by_argument_then_environment(monkeypatch) -> None:
    monkeypatch.setenv("GOVKG_SHACL_ENGINE", "pyshacl")
    assert engine_name() == "pyshacl" and engine_name("pyrudof") == "pyrudof"
    monkeypatch.setenv("GOVKG_SHACL_ENGINE", "jena")
    with pytest.raises(ValueError, match="unknown SHACL engine 'jena'"):
        engine_name()


# Validating in parts (govkg.graph.shacl_split) gives the whole graph's results: tiny parts, so that every
# case's focus node and the nodes it points at fall in different parts.
PART = 2_000


def _nt(g, path):
    g.serialize(path, format="nt", encoding="utf-8")
    return path


@pytest.mark.parametrize("group_nodes", [1_500, 1], ids=["documents", "every-node-apart"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_parts_give_the_whole_graphs_results(case, group_nodes, tmp_path, monkeypatch) -> None:
    """With a document's nodes kept together, and with every node a group of its own (so a node and what it
    points at are apart, which the grouping would otherwise mostly avoid)."""
    monkeypatch.setattr("govkg.graph.shacl_split.GROUP_NODES", group_nodes)
    g = broken(BASE, case)
    whole = check(g, engine="pyrudof")
    assert check_nt(_nt(g, tmp_path / "g.nt"), engine="pyrudof", part_bytes=PART) == whole


def _statements(docs: int, per_doc: int) -> str:
    """N-Triples of ``docs`` documents with ``per_doc`` citations each, derived from their document."""
    lines = []
    for d in range(docs):
        doc = f"<https://govkg.org/id/doc/d{d}>"
        lines.append(f"{doc} <{RDF.type}> <{GOV.Document}> .\n")
        for k in range(per_doc):
            node = f"<https://govkg.org/id/citation/d{d}-{k}>"
            lines += [f"{node} <{RDF.type}> <{GOV.Citation}> .\n", f"{node} <{PROV.wasDerivedFrom}> {doc} .\n",
                      f"{node} <{GOV.citing}> {doc} .\n"]
    return "".join(lines)


def test_a_documents_nodes_share_its_part_and_nothing_is_copied(tmp_path) -> None:
    from govkg.graph.shacl_split import split

    nt = tmp_path / "g.nt"
    nt.write_text(_statements(docs=4, per_doc=30), encoding="utf-8")
    files, homes = split([nt], 4, tmp_path)
    for d in range(4):
        assert {homes(f"https://govkg.org/id/citation/d{d}-{k}") for k in range(30)} == {homes(f"https://govkg.org/id/doc/d{d}")}
    # nothing copied: every value a node points at is in its part
    assert sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files) == 4 * (1 + 30 * 3)


def test_a_long_document_is_cut_into_groups(tmp_path, monkeypatch) -> None:
    from govkg.graph.shacl_split import split

    monkeypatch.setattr("govkg.graph.shacl_split.GROUP_NODES", 10)
    nt = tmp_path / "g.nt"
    nt.write_text(_statements(docs=1, per_doc=40), encoding="utf-8")
    files, homes = split([nt], 4, tmp_path)
    placed = [homes(f"https://govkg.org/id/citation/d0-{k}") for k in range(40)]
    assert len(set(placed)) > 1 and max(placed.count(i) for i in range(4)) < 40


def _agency_lines(d: int, agency: str) -> str:
    """Document ``d`` has a task assigned to ``agency`` (a node of no document's group)."""
    doc, task = f"<https://govkg.org/id/doc/d{d}>", f"<https://govkg.org/id/task/d{d}>"
    a = f"<https://govkg.org/id/agency/{agency}>"
    return (f"{task} <{RDF.type}> <{GOV.Task}> .\n{task} <{DCTERMS.isPartOf}> {doc} .\n{task} <{GOV.agency}> {a} .\n"
            f"{a} <{RDF.type}> <{GOV.Agency}> .\n")


@pytest.mark.parametrize("new_agency", [True, False], ids=["naming-a-new-agency", "naming-a-known-agency"])
def test_a_document_added_changes_few_parts(tmp_path, new_agency) -> None:
    """Homes are hashes, not a packing of all documents: the parts of the documents that stay are the same
    files (so their results can be remembered), but for the new document's part and, when it names an agency
    others name, the part the agency may move to or from."""
    from govkg.graph.shacl_split import split

    base = _statements(docs=40, per_doc=5) + "".join(_agency_lines(d, f"a{d % 7}") for d in range(40))
    extra = "".join(line + "\n" for line in _statements(docs=41, per_doc=5).splitlines() if "/d40" in line)
    def graph_nt(path: Path, text: str) -> Path:  # as a build writes graph.nt: sorted, each triple once
        path.write_text("".join(sorted(set(text.splitlines(keepends=True)))), encoding="utf-8")
        return path

    a = graph_nt(tmp_path / "a.nt", base)
    b = graph_nt(tmp_path / "b.nt", base + extra + _agency_lines(40, "new" if new_agency else "a3"))
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir(), after.mkdir()
    old, _ = split([a], 8, before)
    new, homes = split([b], 8, after)
    changed = {i for i in range(8) if old[i].read_bytes() != new[i].read_bytes()}
    assert homes("https://govkg.org/id/doc/d40") in changed
    assert len(changed) <= (1 if new_agency else 3), changed


@pytest.mark.parametrize("case", CASES[::12], ids=lambda c: c.id)
def test_parts_give_the_whole_graphs_results_on_pyshacl_too(case, tmp_path) -> None:
    g = broken(BASE, case)
    keys = {r.key for r in check(g, engine="pyshacl")[1]}
    conforms, results = check_nt(_nt(g, tmp_path / "g.nt"), engine="pyshacl", part_bytes=PART)
    assert not conforms and {r.key for r in results} == keys


def test_several_files_are_one_graph(tmp_path) -> None:
    """One file per document, a node's triples in several of them: the verdict of their union."""
    case = next(c for c in CASES if c.component == "ClassConstraintComponent")
    lines = sorted(_nt(broken(BASE, case), tmp_path / "g.nt").read_text(encoding="utf-8").splitlines(True))
    files = []
    for i in range(3):  # every third line: a node's triples and its values' types end up apart
        files.append(tmp_path / f"doc{i}.nt")
        files[-1].write_text("".join(lines[i::3]), encoding="utf-8")
    whole = check(broken(BASE, case), engine="pyrudof")
    assert check_nt(files, engine="pyrudof") == whole
    assert check_nt(files, engine="pyrudof", part_bytes=PART) == whole


def test_a_graph_with_a_blank_node_is_validated_whole(tmp_path) -> None:
    from rdflib import BNode

    g = copy(BASE)
    role = BNode("r1")
    g.add((role, RDF.type, ORG.Role))  # a role without its label
    conforms, results = check_nt(_nt(g, tmp_path / "g.nt"), engine="pyrudof", part_bytes=PART)
    assert not conforms and [r.component for r in results] == ["MinCountConstraintComponent"]


def test_shapes_that_read_further_are_not_split(tmp_path) -> None:
    from govkg.graph.shacl_split import splittable
    from govkg.resources import SHAPES_PATH

    assert splittable(SHAPES_PATH)
    further = tmp_path / "shapes.ttl"
    further.write_text(SHAPES_PATH.read_text(encoding="utf-8") + "\ngs:Deep a sh:NodeShape ; sh:targetClass org:Role ;"
                       " sh:property [ sh:path rdfs:label ; sh:node gs:Role ] .\n", encoding="utf-8")
    assert not splittable(further)


def test_a_large_graph_is_validated_in_parts_by_validate(tmp_path) -> None:
    case = CASES[0]
    g = broken(BASE, case)
    assert validate(g, engine="pyrudof", part_triples=50) == validate(g, engine="pyrudof")


def test_a_node_has_one_home_however_its_iri_is_escaped() -> None:
    from govkg.graph.shacl_split import _iri, home

    assert _iri("<https://govkg.org/id/x\\u00E9\\U0001F600>") == _iri("<https://govkg.org/id/xé😀>")
    assert home(_iri("<https://govkg.org/id/x\\u00E9>"), 7) == home("https://govkg.org/id/xé", 7)


SEPARATORS = {"tabs": ("\t", "\t", "\t"), "a tab then spaces": ("\t", " ", " "), "spaces then a tab": (" ", " ", "\t"),
              "wide spaces": ("  ", " ", "   ")}


@pytest.mark.parametrize("separators", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_parts_of_a_file_with_other_separators_between_terms_give_the_whole_graphs_results(tmp_path, separators) -> None:
    """N-Triples may put tabs or several spaces between terms: a line still goes to its subject's part, and a
    value's type is still copied to the part that points at it."""
    from govkg.graph.shacl_split import LINE

    case = next(c for c in CASES if c.component == "ClassConstraintComponent")
    g = broken(BASE, case)
    lines = _nt(g, tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    one, two, three = separators
    other = tmp_path / "other.nt"
    other.write_text("".join(f"{s}{one}{p}{two}{o}{three}.\n" for s, p, o in (LINE.match(line).groups()
                                                                             for line in lines if line.strip())),
                     encoding="utf-8")
    assert check_nt(other, engine="pyrudof", part_bytes=PART) == check(g, engine="pyrudof")


def test_parts_a_helper_process_takes_give_the_whole_graphs_results(tmp_path) -> None:
    """The SHACL process's helper (a process of its own, spawned) takes parts from the end: the same results."""
    from govkg.graph.shacl_process import PartHelper

    case = next(c for c in CASES if c.component == "ClassConstraintComponent")
    g = broken(BASE, case)
    helper = PartHelper(listen=False)
    helper.want()
    try:
        got = check_nt(_nt(g, tmp_path / "g.nt"), engine="pyrudof", part_bytes=PART, helper=helper)
    finally:
        helper.close()
    assert got == check(g, engine="pyrudof") and not got[0]
    assert helper.taken > 0


def test_a_part_the_helper_fails_on_is_validated_here(tmp_path) -> None:
    from concurrent.futures import Future

    class Failing:
        taken = 0

        def wanted(self) -> bool:
            return True

        def submit(self, check, part):
            self.taken += 1
            failed: Future = Future()
            failed.set_exception(RuntimeError("the helper died"))
            return failed

    case = next(c for c in CASES if c.component == "ClassConstraintComponent")
    g = broken(BASE, case)
    helper = Failing()
    assert check_nt(_nt(g, tmp_path / "g.nt"), engine="pyrudof", part_bytes=PART, helper=helper) == check(g, engine="pyrudof")
    assert helper.taken > 0

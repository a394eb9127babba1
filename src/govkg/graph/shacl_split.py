"""SHACL on a large N-Triples graph in parts, with the results of validating it whole.

Why it is the same by construction, for shapes of core constraints on predicate paths (``splittable``
checks that the shapes are of this kind, else the graph is validated whole): what such a shape reads
of a focus node is its targets (its own ``rdf:type`` triples, or its own triples of a
``sh:targetSubjectsOf`` predicate), its own triples on each path, and for ``sh:class`` (also inside
``sh:or``) the ``rdf:type`` triples of the values, with ``rdfs:subClassOf`` triples of the data.
So every subject's triples go to one part, its *home* (a hash of the subject), and each part also gets
the ``rdf:type`` triples of the nodes its triples point at and every ``rdfs:subClassOf`` triple. A node
in its home part then has all it is judged on, and gives there the results it gives in the whole
graph; a node whose types were copied into another part is judged there on too little, so results
are kept from the focus node's home part only. The verdict is that no part keeps a result: every result
of such shapes is a violation (``splittable`` refuses ``sh:severity``), as pyshacl's verdict with
warnings allowed. Blank nodes are not split (an engine may rename them when it reads a part), so a
graph with one is validated whole.

Any choice of home works, so long as each node has one; the choice only decides how much is copied,
and which parts change when the graph does. A copied node is a focus node in a part that does not hold its
triples, and an engine spends more on it (it fails every sh:minCount there) than on a node of its own: on
the 16x synthetic corpus a part's copied types were a sixth of its lines and two fifths of its validation
time. So a node derived from a document (``GROUP_BY``: a sourced statement, a task) is homed with the
document and its other nodes, which point at each other; other nodes (agencies, people, posts: shared by
many documents) with a document that points at them. Homes are hashes, never a packing of all documents,
so a part of documents that did not change holds the same lines in the next build (``_groups``).
"""
from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from pathlib import Path
from concurrent.futures import Future
from typing import Callable, Iterable, Protocol

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH

RDF_TYPE = f"<{RDF.type}>"
SUBCLASS = f"<{RDFS.subClassOf}>"
# What a splittable shapes graph may say: node and property shapes with targets by class or by
# subjects of a predicate, predicate paths, and constraints on a focus node's own values.
SPLITTABLE = {RDF.type, RDF.first, RDF.rest, RDFS.comment, RDFS.label, SH.targetClass, SH.targetSubjectsOf,
              SH.property, SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"], SH.pattern,
              SH["or"], SH.name, SH.description, SH.message}
LINE = re.compile(r"\s*(<[^>]*>|_:\S+)\s+(<[^>]*>)\s+(.*?)\s*\.\s*$")
UESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# A node with one of these points at the document it comes from (a statement, a membership, a task): its home
# is the document's group. Only where copies are made depends on them, never a result.
GROUP_BY = (f"<{PROV.wasDerivedFrom}>", f"<{DCTERMS.isPartOf}>")
GROUP_NODES = 1_500  # nodes of one document per group at most (~12k triples, a 2 MB part): a long document is cut


def splittable(shapes_path: Path) -> bool:
    """Whether the shapes read no more of a focus node than the module docstring says (parts give the same results)."""
    shapes = Graph().parse(shapes_path)
    if any(p not in SPLITTABLE for p in shapes.predicates()):
        return False
    return all(isinstance(path, URIRef) for path in shapes.objects(None, SH.path))  # a blank node is a complex path


def home(node: str, parts: int) -> int:
    """The part of a node that is in no document's group: a hash of ``node``, an IRI without brackets (as in a
    result's focus node)."""
    return zlib.crc32(node.encode("utf-8")) % parts


class Homes:
    """Each node's part: its document group's (``GROUP_BY``) or a group's that points at it, else :func:`home`'s."""

    def __init__(self, parts: int, grouped: dict[int, int]) -> None:
        self.parts = parts
        self._grouped = grouped  # crc32 of a node's IRI -> its part (two nodes of one crc share a part: still one home)

    def __call__(self, node: str) -> int:
        return self.of(zlib.crc32(node.encode("utf-8")))

    def of(self, key: int) -> int:
        """The part of the node whose IRI's crc32 is ``key``."""
        got = self._grouped.get(key)
        return key % self.parts if got is None else got


def _groups(sources: list[Path], parts: int) -> tuple[Homes, array] | None:
    """The first pass: each node's part, which adding or removing another document leaves as it is, and every
    triple whose value is an IRI (crc32 of its subject << 32 | crc32 of its object); None if a blank node is in
    the sources. Holds small ints, no IRI.

    A document's group is homed by a hash of its IRI (and its cut), not by the other groups: so a part holds the
    same lines when documents come or go elsewhere, and its verdict can be remembered (``govkg.graph.shacl_cache``).
    A node of no group goes with the group of least hash among those whose nodes point at it (an agency, a person
    or a post goes with a document that names it, whatever other documents are added), or one step further (an
    agency a post is in); a node nothing grouped points at, by the hash of its IRI."""
    doc_of: dict[int, int] = {}  # crc32 of a node -> its document's number
    docs: dict[str, int] = {}
    refs = array("Q")  # crc32 of a subject << 32 | crc32 of an IRI it points at
    last, subject = "", 0
    for source in sources:
        with Path(source).open(encoding="utf-8") as f:
            for line in f:
                if "_:" in line:  # a blank node, or a literal that holds "_:"
                    terms = _terms(line)
                    if terms is not None and (terms[0][:2] == "_:" or terms[2][:2] == "_:"):
                        return None
                if '"' in line:
                    continue  # a literal's line (an IRI holds no quote): it points at no node
                terms = line.split()  # three IRIs and a dot, whatever the spaces or tabs between them (none in an IRI)
                if len(terms) == 4 and terms[3] == ".":
                    s, p, o = terms[0], terms[1], terms[2]
                else:
                    read = _terms(line)
                    if read is None:
                        continue  # the second pass says which line
                    s, p, o = read
                if s[:1] != "<" or o[:1] != "<":
                    continue
                if s != last:
                    last, subject = s, zlib.crc32(_iri(s).encode("utf-8"))
                if p in GROUP_BY:
                    doc_of.setdefault(subject, docs.setdefault(_iri(o), len(docs)))
                refs.append(subject << 32 | zlib.crc32(_iri(o).encode("utf-8")))
    names = {d: doc for doc, d in docs.items()}
    sizes = Counter(doc_of.values())
    cuts = {d: -(-n // GROUP_NODES) for d, n in sizes.items()}
    hashes: dict[tuple[int, int], int] = {}

    def group_hash(d: int, cut: int) -> int:
        got = hashes.get((d, cut))
        if got is None:
            got = hashes[(d, cut)] = zlib.crc32(f"{names[d]}#{cut}".encode("utf-8"))
        return got

    ranked = {node: group_hash(d, node % cuts[d]) for node, d in doc_of.items()}
    for doc, d in docs.items():  # a document goes with its first group
        ranked.setdefault(zlib.crc32(doc.encode("utf-8")), group_hash(d, 0))
    for _ in range(2):  # what grouped nodes point at, then what those point at
        got: dict[int, int] = {}
        for ref in refs:
            o = ref & 0xFFFFFFFF
            if o not in ranked and (r := ranked.get(ref >> 32)) is not None and r < got.get(o, 1 << 32):
                got[o] = r
        ranked.update(got)
    return Homes(parts, {node: r % parts for node, r in ranked.items()}), refs


def _iri(token: str) -> str:
    inner = token[1:-1]
    if "\\" in inner:  # N-Triples may escape characters of an IRI; a result names the IRI unescaped
        inner = UESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), inner)
    return inner


def _terms(line: str) -> tuple[str, str, str] | None:
    """Subject, predicate and object of an N-Triples line; None if it is not one."""
    # fast path: terms one space apart, as rdflib and rudof write them (an IRI holds no space)
    s, _, rest = line.partition(" ")
    p, _, o = rest.partition(" ")
    o = o.rstrip()
    if ((s[:1] == "<" and s[-1:] == ">") or s[:2] == "_:") and p[:1] == "<" and p[-1:] == ">" and o.endswith(" ."):
        return s, p, o[:-2].rstrip()
    m = LINE.match(line)
    return m.groups() if m else None


def split(sources: Iterable[Path], parts: int, folder: Path) -> tuple[list[Path], Homes] | None:
    """Write the triples of the N-Triples ``sources`` into ``parts`` files in ``folder``, as the module docstring
    says, and each node's part; None if a blank node is in them (the caller validates whole). Reads the sources
    twice and streams: holds the type triples and small ints per node and per IRI-valued triple only."""
    sources = [Path(source) for source in sources]
    grouped = _groups(sources, parts)
    if grouped is None:
        return None
    homes, refs = grouped
    copies: list[set[int]] = [set() for _ in range(parts)]  # the nodes a part's triples point at, homed elsewhere
    for ref in refs:
        here, there = homes.of(ref >> 32), homes.of(ref & 0xFFFFFFFF)
        if here != there:
            copies[here].add(ref & 0xFFFFFFFF)
    del refs
    files = [folder / f"part-{i:03d}.nt" for i in range(parts)]
    outs = [f.open("w", encoding="utf-8") for f in files]
    types: dict[int, list[str]] = {}  # by the crc32 of the unescaped IRI: a file may write an IRI escaped, another not
    subclass: list[str] = []
    last, subject = "", 0
    out = outs[0]
    typed, subclassed = RDF_TYPE + " ", SUBCLASS + " "
    try:
        for source in sources:
            with Path(source).open(encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    s, _, rest = line.partition(" ")
                    # the quick test of a line as rdflib and rudof write them; anything else is read in full
                    if not (s[:1] == "<" and s[-1:] == ">" and "\t" not in s and rest[:1] == "<" and line.endswith(" .\n")):
                        if not line.strip() or line.lstrip().startswith("#"):
                            continue
                        terms = _terms(line)
                        if terms is None:
                            raise ValueError(f"{source}:{number}: not an N-Triples line")
                        s, rest = terms[0], f"{terms[1]} {terms[2]}"  # no blank node: _groups has seen to that
                    text = line if line.endswith("\n") else line + "\n"
                    if s != last:  # a subject's triples are next to each other in a sorted file: its part once
                        last, subject = s, zlib.crc32(_iri(s).encode("utf-8"))
                        out = outs[homes.of(subject)]
                    out.write(text)
                    if rest.startswith(typed):
                        types.setdefault(subject, []).append(text)
                    elif rest.startswith(subclassed):
                        subclass.append(text)
    finally:
        for out in outs:
            out.close()
    for i, file in enumerate(files):
        with file.open("a", encoding="utf-8") as out:
            out.writelines(t for node in sorted(copies[i]) if node in types for t in types[node])
            out.writelines(subclass)
    return files, homes


class Helper(Protocol):
    """Another process that can validate parts: asked to once ``wanted()`` (the build's process has nothing left
    to do but wait), it takes parts from the end while this one goes on from the start."""

    def wanted(self) -> bool: ...

    def submit(self, check: Callable[[Path], tuple[bool, list]], part: Path) -> Future: ...


class Remembered(Protocol):
    """Results of parts kept between builds (``govkg.graph.shacl_cache.PartResults``)."""

    def key(self, part: Path) -> str: ...

    def get(self, key: str) -> tuple[bool, list] | None: ...

    def put(self, key: str, conforms: bool, results: list) -> None: ...


def validate_parts(files: list[Path], check: Callable[[Path], tuple[bool, list]],
                   homes: Callable[[str], int] | None = None, helper: Helper | None = None,
                   remembered: Remembered | None = None) -> tuple[bool, list]:
    """Validate each part with ``check`` (a path → (conforms, results) function) and keep the results of each
    focus node's home part (``homes``, :func:`split`'s; :func:`home` by default): the verdict and the results of
    the whole graph. With a ``helper``, parts from the end go to it (with ``check``, which must then pickle), one
    at a time, once it is wanted; a part it fails on is validated here. A part whose results are ``remembered``
    (the same bytes, shapes and engine) is not validated again; the others' are remembered."""
    homes = homes or (lambda node: home(node, len(files)))
    found: dict[int, list] = {}
    keys: dict[int, str] = {}
    if remembered is not None:
        for i, file in enumerate(files):
            keys[i] = remembered.key(file)
            got = remembered.get(keys[i])
            if got is not None:
                found[i] = got[1]
    todo = [i for i in range(len(files)) if i not in found]

    def done(i: int, got: tuple[bool, list]) -> None:
        found[i] = got[1]
        if remembered is not None:
            remembered.put(keys[i], *got)

    front, back = 0, len(todo) - 1
    pending: tuple[int, Future] | None = None

    def collect() -> None:
        nonlocal pending
        assert pending is not None
        i, future = pending
        pending = None
        try:
            got = future.result()
        except Exception:  # the helper died or refused: this process does the part
            got = check(files[i])
        done(i, got)

    while front <= back:
        if pending is not None and pending[1].done():
            collect()
        if pending is None and helper is not None and front < back and helper.wanted():
            pending = (todo[back], helper.submit(check, files[todo[back]]))
            back -= 1
        done(todo[front], check(files[todo[front]]))
        front += 1
    if pending is not None:
        collect()
    results = [r for i in range(len(files)) for r in found[i] if homes(r.focus) == i]
    return not results, sorted(results, key=lambda r: r.order)


__all__ = ["GROUP_BY", "SPLITTABLE", "Helper", "Homes", "Remembered", "home", "split", "splittable", "validate_parts"]

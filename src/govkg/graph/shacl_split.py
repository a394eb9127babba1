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
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

RDF_TYPE = f"<{RDF.type}>"
SUBCLASS = f"<{RDFS.subClassOf}>"
# What a splittable shapes graph may say: node and property shapes with targets by class or by
# subjects of a predicate, predicate paths, and constraints on a focus node's own values.
SPLITTABLE = {RDF.type, RDF.first, RDF.rest, RDFS.comment, RDFS.label, SH.targetClass, SH.targetSubjectsOf,
              SH.property, SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"], SH.pattern,
              SH["or"], SH.name, SH.description, SH.message}
LINE = re.compile(r"\s*(<[^>]*>|_:\S+)\s+(<[^>]*>)\s+(.*?)\s*\.\s*$")
UESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def splittable(shapes_path: Path) -> bool:
    """Whether the shapes read no more of a focus node than the module docstring says (parts give the same results)."""
    shapes = Graph().parse(shapes_path)
    if any(p not in SPLITTABLE for p in shapes.predicates()):
        return False
    return all(isinstance(path, URIRef) for path in shapes.objects(None, SH.path))  # a blank node is a complex path


def home(node: str, parts: int) -> int:
    """The part a node's own triples go to; ``node`` as an IRI without brackets, as in a result's focus node."""
    return zlib.crc32(node.encode("utf-8")) % parts


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


def split(sources: Iterable[Path], parts: int, folder: Path) -> list[Path] | None:
    """Write the triples of the N-Triples ``sources`` into ``parts`` files in ``folder``, as the module docstring
    says; None if a blank node is in them (the caller validates whole). Streams: holds the type triples only."""
    files = [folder / f"part-{i:03d}.nt" for i in range(parts)]
    outs = [f.open("w", encoding="utf-8") for f in files]
    types: dict[str, list[str]] = {}
    subclass: list[str] = []
    try:
        for source in sources:
            with Path(source).open(encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if not line.strip() or line.lstrip().startswith("#"):
                        continue
                    terms = _terms(line)
                    if terms is None:
                        raise ValueError(f"{source}:{number}: not an N-Triples line")
                    s, p, o = terms
                    if s.startswith("_:") or o.startswith("_:"):
                        return None
                    text = line if line.endswith("\n") else line + "\n"
                    subject = _iri(s)
                    outs[home(subject, parts)].write(text)
                    if p == RDF_TYPE:  # by the unescaped IRI: a file may write an IRI escaped, another not
                        types.setdefault(subject, []).append(text)
                    elif p == SUBCLASS:
                        subclass.append(text)
    finally:
        for out in outs:
            out.close()
    for i, file in enumerate(files):
        copied: set[str] = set()
        with file.open(encoding="utf-8") as f:
            for line in f:
                o = _terms(line)[2]
                if o.startswith("<") and (node := _iri(o)) in types and node not in copied and home(node, parts) != i:
                    copied.add(node)
        with file.open("a", encoding="utf-8") as out:
            out.writelines(t for o in sorted(copied) for t in types[o])
            out.writelines(subclass)
    return files


def validate_parts(files: list[Path], check: Callable[[Path], tuple[bool, list]]) -> tuple[bool, list]:
    """Validate each part with ``check`` (a path → (conforms, results) function) and keep the results of each
    focus node's home part: the verdict and the results of the whole graph."""
    results = []
    for i, file in enumerate(files):
        _, found = check(file)
        results.extend(r for r in found if home(r.focus, len(files)) == i)
    return not results, sorted(results, key=lambda r: r.order)


__all__ = ["SPLITTABLE", "home", "split", "splittable", "validate_parts"]

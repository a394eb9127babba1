"""The RDF terms govkg writes: its namespace and prefixes, node IRIs from canonical keys, literals."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class TermsOnce(Namespace):
    """rdflib's ``Namespace`` whose terms are made once: the builder names a predicate for every triple it
    writes, and making its ``URIRef`` anew each time (with rdflib's check of the IRI) was a sixth of the
    RDF stage under the profiler. A term, once made, is an attribute of the namespace: later reads of it
    call nothing. The same terms, equal and hashed as rdflib's."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # copy, pickle and the like probe dunder names: not terms
            raise AttributeError(name)
        term = self.__dict__[name] = URIRef(str(self) + name)
        return term


class TermsOf:
    """The terms of one of rdflib's closed namespaces (``ORG``, ``RDFS`` …), read as attributes the same way
    (``ORG.member``) and checked by it (a name it does not define is refused), each looked up once: rdflib's
    class-level ``__getattr__`` runs for every read, half a million times in building the 16x graph."""

    def __init__(self, namespace: type) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


GOV = TermsOnce("https://govkg.org/ns#")
ID = "https://govkg.org/id/"
# what the stages that write and read the graph name its terms by (rdflib's own namespaces bind the prefixes)
T_DCTERMS, T_FOAF, T_ORG, T_PROV = TermsOf(DCTERMS), TermsOf(FOAF), TermsOf(ORG), TermsOf(PROV)
T_RDF, T_RDFS, T_SKOS = TermsOf(RDF), TermsOf(RDFS), TermsOf(SKOS)

BODY_CLASS = {
    "leading_group": GOV.LeadingGroup, "headquarters": GOV.Headquarters, "committee": GOV.Committee,
    "joint_meeting": GOV.JointMeeting, "task_force": GOV.TaskForce, "working_group": GOV.WorkingGroup,
    "other": GOV.OtherBody,
}
PREFIXES = {"govkg": GOV, "org": ORG, "foaf": FOAF, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS,
            "rdfs": RDFS, "xsd": XSD}


@lru_cache(maxsize=1 << 14)  # an agency, a post, a person is named again by every fact about it; quoting is slow
def iri(kind: str, *key: str) -> URIRef:
    """The IRI of a node from its canonical key parts (percent-encoded, deterministic)."""
    return URIRef(ID + kind + "/" + "/".join(quote(k, safe="") for k in key))


def hashed(kind: str, *key: object) -> URIRef:
    """The IRI of a node with no natural name: a short hash of its key."""
    digest = hashlib.sha1("\x1f".join(str(k) for k in key).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{ID}{kind}/{digest}")


# Literals are immutable, and building one (datatype lookup, normalisation) costs more than the triple
# it goes in; the same names, files, lines and dates recur on every fact, so each is made once
@lru_cache(maxsize=1 << 16)
def zh(text: str) -> Literal:
    """A Chinese-language literal."""
    return Literal(text, lang="zh")


@lru_cache(maxsize=1 << 16, typed=True)  # typed: True and 1 are other literals
def plain(value: str | int | bool) -> Literal:
    """A typed literal of a Python value (a file name, a line number, a flag)."""
    return Literal(value)


@lru_cache(maxsize=1 << 12)
def date_literal(value: str | None) -> Literal | None:
    """An xsd:date, or None for a missing or malformed date (never an ill-typed literal)."""
    return Literal(value, datatype=XSD.date) if value and _ISO_DATE.fullmatch(value) else None

"""The in-memory triple store the build's RDF graph lives in: rdflib's ``SimpleMemory``, made smaller.

``SimpleMemory`` keeps three indexes of nested dictionaries (subject → predicate → object, predicate
→ object → subject, object → subject → predicate), with a dictionary for every (subject, predicate),
(predicate, object) and (object, subject) pair even when it holds one value, as most do: a few hundred
bytes a triple, most of the build's memory. :class:`CompactMemory` keeps the first two indexes only, and
a single value bare, in place of a dictionary of one; what asks by object alone (the review's merges)
looks through the predicates instead. It answers every pattern with the same triples, and within one
(subject, predicate) or (predicate, object) in the same order, as ``SimpleMemory`` (so ``Graph.value``
picks the same value); ``tests/graph/test_memory.py`` holds it to that.
"""
from __future__ import annotations

from typing import Any, Iterator

from rdflib import RDF, Graph, URIRef
from rdflib.store import Store
from rdflib.util import _coalesce

_NONE: Any = object()


def _put(index: dict, key: Any, value: Any) -> bool:
    """Add ``value`` under ``key``: bare while it is the only one, else in an insertion-ordered dict; True if new."""
    got = index.get(key, _NONE)
    if got is _NONE:
        index[key] = value
        return True
    if type(got) is dict:
        if value in got:
            return False
        got[value] = 1
        return True
    if got == value:
        return False
    index[key] = {got: 1, value: 1}
    return True


def _drop(index: dict, key: Any, value: Any) -> None:
    """Remove ``value`` under ``key``; the key stays (empty), as ``SimpleMemory`` leaves it, so a later
    value under it takes its old place in the order."""
    got = index[key]
    if type(got) is dict:
        del got[value]
    else:
        index[key] = {}


def _values(got: Any) -> Any:
    return got.keys() if type(got) is dict else (got,)


def _has(got: Any, value: Any) -> bool:
    return value in got if type(got) is dict else got == value


class CompactMemory(Store):
    """A triple store (no contexts, no quoted graphs) with ``SimpleMemory``'s answers in less memory."""

    def __init__(self, configuration: str | None = None, identifier: Any = None) -> None:
        super().__init__(configuration)
        self.identifier = identifier
        self._spo: dict = {}
        self._pos: dict = {}
        self._count = 0
        self._namespace: dict = {}
        self._prefix: dict = {}

    def add(self, triple: tuple, context: Any, quoted: bool = False) -> None:
        s, p, o = triple
        po = self._spo.get(s)
        if po is None:
            po = self._spo[s] = {}
        if _put(po, p, o):
            os_ = self._pos.get(p)
            if os_ is None:
                os_ = self._pos[p] = {}
            _put(os_, o, s)
            self._count += 1

    def remove(self, triple_pattern: tuple, context: Any = None) -> None:
        for (s, p, o), _ in list(self.triples(triple_pattern)):
            _drop(self._spo[s], p, o)
            _drop(self._pos[p], o, s)
            self._count -= 1

    def triples(self, triple_pattern: tuple, context: Any = None) -> Iterator[tuple]:
        s, p, o = triple_pattern
        if s is not None:
            po = self._spo.get(s)
            if po is None:
                return
            if p is not None:
                if p not in po:
                    return
                pairs: Any = ((p, po[p]),)
            else:
                pairs = po.items()
            for pred, got in pairs:
                if o is None:
                    for obj in _values(got):
                        yield (s, pred, obj), _no_contexts()
                elif _has(got, o):
                    yield (s, pred, o), _no_contexts()
        elif p is not None:
            os_ = self._pos.get(p)
            if os_ is None:
                return
            if o is not None:
                if o in os_:
                    for subj in _values(os_[o]):
                        yield (subj, p, o), _no_contexts()
            else:
                for obj, got in os_.items():
                    for subj in _values(got):
                        yield (subj, p, obj), _no_contexts()
        elif o is not None:  # by object alone: through each predicate's index
            for pred, os_ in self._pos.items():
                if o in os_:
                    for subj in _values(os_[o]):
                        yield (subj, pred, o), _no_contexts()
        else:
            for subj, po in self._spo.items():
                for pred, got in po.items():
                    for obj in _values(got):
                        yield (subj, pred, obj), _no_contexts()

    def __len__(self, context: Any = None) -> int:
        return self._count

    def predicate_objects_of(self, s: Any) -> Iterator[tuple[Any, Any]]:
        """Every (predicate, object) of subject ``s``, as ``triples((s, None, None))`` gives them, without contexts."""
        for pred, got in self._spo.get(s, {}).items():
            for obj in _values(got):
                yield pred, obj

    def object_counts(self, p: Any) -> dict[Any, int]:
        """How many triples of predicate ``p`` each object is in (``rdf:type``: the instances of each class)."""
        counts = {o: (len(got) if type(got) is dict else 1) for o, got in self._pos.get(p, {}).items()}
        return {o: n for o, n in counts.items() if n}  # a removed triple may leave its key, empty

    def predicate_counts(self) -> dict[Any, int]:
        """How many triples each predicate is in."""
        counts = {p: sum(len(got) if type(got) is dict else 1 for got in os_.values()) for p, os_ in self._pos.items()}
        return {p: n for p, n in counts.items() if n}

    # namespaces, as SimpleMemory binds them
    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        bound_namespace = self._namespace.get(prefix)
        bound_prefix = _coalesce(self._prefix.get(namespace), self._prefix.get(bound_namespace))
        if override:
            if bound_prefix is not None:
                del self._namespace[bound_prefix]
            if bound_namespace is not None:
                del self._prefix[bound_namespace]
            self._prefix[namespace] = prefix
            self._namespace[prefix] = namespace
        else:
            self._prefix[_coalesce(bound_namespace, namespace)] = _coalesce(bound_prefix, default=prefix)
            self._namespace[_coalesce(bound_prefix, prefix)] = _coalesce(bound_namespace, default=namespace)

    def namespace(self, prefix: str) -> Any:
        return self._namespace.get(prefix)

    def prefix(self, namespace: Any) -> str | None:
        return self._prefix.get(namespace)

    def namespaces(self) -> Iterator[tuple[str, Any]]:
        yield from list(self._namespace.items())


def _no_contexts() -> Iterator[Any]:
    return iter(())


_EMPTY: tuple = ()


def _under(index: dict, first: Any, second: Any) -> Iterator[Any]:
    """The values an index (``_spo`` or ``_pos``) holds under ``first`` and ``second``, in their order."""
    got = index.get(first, _NONE)
    got = _NONE if got is _NONE else got.get(second, _NONE)
    return iter(_EMPTY if got is _NONE else _values(got))


class CompactGraph(Graph):
    """An rdflib ``Graph`` on a :class:`CompactMemory` whose ``add`` hands the triple to the store at once, and
    whose ``objects(s, p)``, ``subjects(p, o)`` and ``value(s, p)`` read its index.

    rdflib's ``Graph.add`` checks that each of the three terms is a ``Node`` (three ``isinstance`` calls through
    the ABC machinery) before it does: a third of the RDF stage's time under the profiler, for terms the builder
    makes itself (``govkg.graph.terms``). ``objects`` and ``subjects`` (and so ``value``) go through two generators
    (the graph's and the store's) for every value: 1.6M calls to read the 16x graph into the property graph.
    They answer as rdflib does, in the same order, with what the graph holds when they are called; any other
    pattern (a path, a list, ``unique``) is rdflib's."""

    def __init__(self) -> None:
        super().__init__(store=CompactMemory())
        self._add = self.store.add
        self._spo, self._pos = self.store._spo, self.store._pos

    def add(self, triple: tuple) -> "CompactGraph":
        self._add(triple, self)
        return self

    def objects(self, subject: Any = None, predicate: Any = None, unique: bool = False) -> Iterator[Any]:
        if subject is None or type(predicate) is not URIRef or unique or isinstance(subject, list):
            return super().objects(subject, predicate, unique)
        return _under(self._spo, subject, predicate)

    def value(self, subject: Any = None, predicate: Any = RDF.value, object: Any = None, default: Any = None,
              any: bool = True) -> Any:
        if subject is None or object is not None or type(predicate) is not URIRef or not any or isinstance(subject, list):
            return super().value(subject, predicate, object, default, any)
        got = self._spo.get(subject, _NONE)
        got = _NONE if got is _NONE else got.get(predicate, _NONE)
        if type(got) is dict:  # the first value, as rdflib's next(objects(s, p)) gives it
            return next(iter(got), default)
        return default if got is _NONE else got

    def subjects(self, predicate: Any = None, object: Any = None, unique: bool = False) -> Iterator[Any]:
        if object is None or type(predicate) is not URIRef or unique or isinstance(object, list):
            return super().subjects(predicate, object, unique)
        return _under(self._pos, predicate, object)


__all__ = ["CompactGraph", "CompactMemory"]

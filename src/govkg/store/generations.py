"""Generations of the graph in Neo4j: a replacing load is loaded beside the served one and switched in.

Every replacing load writes its nodes and relationships under labels and types of its own
generation (``Body__g7``, ``MEMBER_OF__g7``); one marker node (:data:`MARKER`) names the
generation that queries read. Queries keep saying ``Body`` and ``MEMBER_OF``: :func:`routed`
renames the labels and types in label position of a query to the current generation's, and
:func:`unqualified` turns the names a query returns (``labels(n)``, ``type(r)``) back. So the
switch is one small transaction (the marker's property), and readers never see a graph
between two loads. Generation 0 is the unqualified names: what a store loaded before
generations, or only merged into, holds.

The rewrite reads the text as Cypher's lexer does: string literals, comments and map keys
(``{name: …}``) are left alone; a name after ``:`` (or after ``|``, ``&``, ``!`` in a label
expression) is a label or type.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from govkg.graph.schema import NODES, RELS

MARKER = "GovkgGeneration"  # the one node whose ``current`` property names the generation queries read
NAMES = frozenset(NODES) | frozenset(RELS)
_SEP = "__g"
_QUALIFIED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)__g([0-9]+)$")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def qualified(name: str, generation: int) -> str:
    """The label or type ``name`` of ``generation`` (0: the name itself)."""
    return f"{name}{_SEP}{generation}" if generation else name


def generation_of(name: str) -> int | None:
    """The generation a label or type in the store belongs to; None when it is not one of ours."""
    if name in NAMES:
        return 0
    m = _QUALIFIED.match(name)
    return int(m.group(2)) if m and m.group(1) in NAMES else None


def routed(cypher: str, generation: int) -> str:
    """``cypher`` reading generation ``generation``: our labels and types in label position renamed."""
    return _rewrite(cypher, generation) if generation else cypher


def unqualified(value: Any, generation: int) -> Any:
    """A result value with names of ``generation`` (``Body__g7``) given back as ``Body``."""
    if not generation:
        return value
    if isinstance(value, str):
        suffix = f"{_SEP}{generation}"
        if value.endswith(suffix) and value[:-len(suffix)] in NAMES:
            return value[:-len(suffix)]
        return value
    if isinstance(value, list):
        return [unqualified(v, generation) for v in value]
    if isinstance(value, dict):
        return {k: unqualified(v, generation) for k, v in value.items()}
    return value


def _skip_quoted(text: str, i: int) -> int:
    """The index after the string literal or backtick name starting at ``text[i]``."""
    quote = text[i]
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "\\" and quote != "`":
            j += 2
            continue
        if c == quote:
            if quote == "`" and text[j + 1:j + 2] == "`":  # a doubled backtick inside a name
                j += 2
                continue
            return j + 1
        j += 1
    return j


def _skip_space(text: str, i: int) -> int:
    while i < len(text):
        if text[i].isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        else:
            break
    return i


def _is_map(text: str, i: int) -> bool:
    """Whether the ``{`` before ``text[i]`` opens a map (``{}``, ``{key: …}``, ``{.prop}``), not a subquery."""
    i = _skip_space(text, i)
    if i >= len(text) or text[i] in "}.":
        return True
    if text[i] == "`":
        end = _skip_quoted(text, i)
    else:
        m = _IDENT.match(text, i)
        if not m:
            return False
        end = m.end()
    j = _skip_space(text, end)
    return j < len(text) and text[j] == ":"


def _name_at(text: str, i: int) -> tuple[str, int] | None:
    """The name (plain or backticked) at ``text[i]`` and the index after it."""
    if i < len(text) and text[i] == "`":
        end = _skip_quoted(text, i)
        return text[i + 1:end - 1].replace("``", "`"), end
    m = _IDENT.match(text, i)
    return (m.group(0), m.end()) if m else None


@lru_cache(maxsize=4096)
def _rewrite(cypher: str, generation: int) -> str:
    out: list[str] = []
    brackets: list[str] = []  # "(", "[", "{" (a subquery or block) or "m" (a map)
    i, n = 0, len(cypher)
    while i < n:
        c = cypher[i]
        if c in "'\"`":
            j = _skip_quoted(cypher, i)
            out.append(cypher[i:j])
            i = j
            continue
        if cypher.startswith("//", i) or cypher.startswith("/*", i):
            j = _skip_space(cypher, i)
            out.append(cypher[i:j])
            i = j
            continue
        if c in "([":
            brackets.append(c)
        elif c == "{":
            brackets.append("m" if _is_map(cypher, i + 1) else "{")
        elif c in ")]}" and brackets:
            brackets.pop()
        elif c == ":" and (not brackets or brackets[-1] != "m"):
            out.append(c)
            i = _label_expression(cypher, i + 1, generation, out)
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _label_expression(text: str, i: int, generation: int, out: list[str]) -> int:
    """Copy the label expression starting at ``text[i]`` (after a ``:``) with our names renamed."""
    while True:
        j = _skip_space(text, i)
        while j < len(text) and text[j] == "!":
            j = _skip_space(text, j + 1)
        got = _name_at(text, j)
        if got is None:
            return i
        out.append(text[i:j])
        name, end = got
        out.append(f"`{qualified(name, generation)}`" if name in NAMES else text[j:end])
        i = end
        k = _skip_space(text, i)
        if k < len(text) and text[k] in "|&:":
            k2 = k + 1
            if text[k] == "|" and text[k2:k2 + 1] == ":":  # the old spelling [:A|:B]
                k2 += 1
            out.append(text[i:k2])
            i = k2
            continue
        return i


__all__ = ["MARKER", "NAMES", "qualified", "generation_of", "routed", "unqualified"]

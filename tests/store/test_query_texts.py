"""Guards on the canned queries' text against a LadybugDB pitfall the parity tests would catch only
when the sample parameters happen to reach it.

LadybugDB 0.22 misplaces the columns of the later branches of a UNION when one branch returns the
same expression twice (``RETURN p.name AS a, p.name AS b … UNION …``: the second branch's ``a``
gets its ``b``). ``test_the_pitfall_is_real`` shows it on a real store; the other test keeps every
shipped query clear of it.
"""
from __future__ import annotations

import re

import pytest

from govkg.queries import load_queries

QUERIES = load_queries()


def _items(clause: str) -> list[str]:
    """The items of a RETURN clause, split on the commas outside brackets and quotes."""
    items, depth, quote, current = [], 0, "", ""
    for ch in clause:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(current.strip())
            current = ""
            continue
        current += ch
    return [*items, current.strip()]


def repeated_expressions(text: str) -> list[str]:
    """Expressions (not constants) that one branch of a UNION returns more than once."""
    out = []
    for branch in re.split(r"\bUNION(?:\s+ALL)?\b", text):
        if "RETURN" not in branch:
            continue
        clause = re.split(r"\b(?:ORDER BY|LIMIT|SKIP)\b", branch.rsplit("RETURN", 1)[1])[0]
        exprs = [re.sub(r"\s+AS\s+\w+\s*$", "", item, flags=re.I).strip() for item in _items(clause)]
        exprs = [e for e in exprs if not re.fullmatch(r"'[^']*'|-?\d+|NULL|true|false", e)]
        out += sorted({e for e in exprs if exprs.count(e) > 1})
    return out


@pytest.mark.parametrize("name", sorted(q for q in QUERIES if any("UNION" in t for t in QUERIES[q].texts.values())))
def test_no_union_branch_returns_an_expression_twice(name):
    for dialect, text in QUERIES[name].texts.items():
        assert repeated_expressions(text) == [], f"{name} ({dialect})"


def test_the_guard_sees_a_repeated_expression():
    assert repeated_expressions("MATCH (p) RETURN p.name AS a, [p.name] AS b, p.name AS c UNION RETURN 1 AS a") \
        == ["p.name"]
    assert repeated_expressions("RETURN 'x' AS a, 'x' AS b UNION RETURN 1 AS a, 2 AS b") == []


def test_the_pitfall_is_real(ladybug_store):
    """If LadybugDB stops misplacing the columns, this fails: the guard above may then go."""
    from tests.api.graphs import tiny_graph

    ladybug_store.load(tiny_graph())
    rows = ladybug_store.run("MATCH (p:Person) RETURN p.name AS a, p.name AS b, 'c' AS c "
                             "UNION RETURN 'x' AS a, 'y' AS b, 'z' AS c")
    assert {"a": "x", "b": "y", "c": "z"} not in rows

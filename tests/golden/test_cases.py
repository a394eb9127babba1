"""Golden cases from other cities: ``tests/golden/cases/<case>/{input.txt, expected.jsonl}``.

Each case is a small gazette issue in a layout other cities print (provincial and county
documents, full-width punctuation, markdown, tables, traditional characters …) with facts
written by hand per ``shared/gold/FORMAT.md``. The whole pipeline (segmentation and every
extractor) must give exactly the expected facts by the scorer's keys (``govkg.eval``), and
where the expected fact gives them: a membership's ``position`` and ``concurrent``, an
assignment's ``task`` (as a prefix of the emitted one), a document's ``title``, ``issuer``
and ``date``.

A case whose fix belongs to someone else carries a file ``xfail`` with the reason (strict: a
case that starts passing must lose its marker).

Each case has a ``meta.yaml``: ``phenomenon`` (the layout or wording it pins, in one line) and
``pins`` (the modules under ``govkg`` and the lexicon entries that read it). The table in
``cases/README.md`` is generated from them (``python -m tests.golden.test_cases --write`` rewrites it) and
a test keeps the two equal.

Expected files are written by hand. ``GOVKG_REGEN=1`` overwrites them with what the
extractors emit, for a deliberate change only; review ``git diff`` before committing.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
import yaml

from govkg.eval import _body_names, fact_key, score
from govkg.extract.pipeline import extract_text
from govkg.facts import Fact, read_facts, write_facts
from govkg.text.clean import norm

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "input.txt").exists()) if CASES_DIR.is_dir() else []
REGEN = os.environ.get("GOVKG_REGEN") == "1"


def _param(case: Path):
    marker = case / "xfail"
    marks = [pytest.mark.xfail(strict=True, reason=marker.read_text(encoding="utf-8").strip())] if marker.exists() else []
    return pytest.param(case, id=case.name, marks=marks)


def actual_facts(case: Path) -> list[Fact]:
    """Every fact the pipeline gives for a case's input, read as the file ``input.txt``."""
    text = (case / "input.txt").read_text(encoding="utf-8")
    result = extract_text(text, "input.txt")
    assert not result.failures, "\n".join(map(str, result.failures))
    return result.facts


def _show(f: Fact) -> str:
    d = f.to_dict()
    d.pop("type")
    src = d.pop("src")
    d.pop("doc_title", None)
    fields = " ".join(f"{k}={v}" for k, v in d.items() if v not in (None, "", False))
    return f"  {f.type:<10} L{src['line']:<4} {fields}"


def readable_diff(expected: list[Fact], actual: list[Fact]) -> str:
    """Facts only expected / only actual (by the scorer's keys), plus attribute mismatches."""
    names = _body_names(expected)
    exp = {fact_key(f, names): f for f in expected}
    act = {fact_key(f, names): f for f in actual}
    out = []
    for title, keys, side in (("only expected", exp.keys() - act.keys(), exp),
                              ("only actual", act.keys() - exp.keys(), act)):
        if keys:
            out.append(f"{title}: {len(keys)}")
            out += sorted(_show(side[k]) for k in keys)
    out += attribute_mismatches(expected, actual)
    return "\n".join(out) or "(no difference by key)"


def attribute_mismatches(expected: list[Fact], actual: list[Fact]) -> list[str]:
    """Attributes the expected facts give that the matched actual facts get wrong."""
    names = _body_names(expected)
    act: dict[tuple, list[Fact]] = {}
    for f in actual:
        act.setdefault(fact_key(f, names), []).append(f)
    out = []
    for e in expected:
        k = fact_key(e, names)
        if k not in act:
            continue
        if e.type == "assignment":
            line = e.src.line
            hits = [a for a in act[k] if a.src.line <= line <= max(a.src.line, a.src.end_line or a.src.line)]
            if hits and e.task and not any(norm(a.task).startswith(norm(e.task)) for a in hits):
                out.append(f"  task of {e.agency}/{e.role} L{line}: expected {e.task!r}, got {[a.task for a in hits]}")
            continue
        a = act[k][0]
        if e.type == "membership":
            if norm(a.position) != norm(e.position):
                out.append(f"  position of {e.person}/{e.role}: expected {e.position!r}, got {a.position!r}")
            if a.concurrent != e.concurrent:
                out.append(f"  concurrent of {e.person}/{e.role}: expected {e.concurrent}, got {a.concurrent}")
        elif e.type == "document":
            for attr in ("title", "issuer", "date"):
                if getattr(e, attr) and norm(getattr(a, attr)) != norm(getattr(e, attr)):
                    out.append(f"  {attr} of {e.doc}: expected {getattr(e, attr)!r}, got {getattr(a, attr)!r}")
        elif e.type == "body":
            for attr in ("kind", "parent_body", "office_agency"):
                if norm(getattr(a, attr)) != norm(getattr(e, attr)):
                    out.append(f"  {attr} of {e.body}: expected {getattr(e, attr)!r}, got {getattr(a, attr)!r}")
    return out


def meta(case: Path) -> dict:
    """A case's ``meta.yaml``."""
    return yaml.safe_load((case / "meta.yaml").read_text(encoding="utf-8"))


def cases_table() -> str:
    """The README's table of cases, from their ``meta.yaml``."""
    rows = ["| case | phenomenon | pins |", "|---|---|---|"]
    for case in CASES:
        m = meta(case)
        mark = " (xfail)" if (case / "xfail").exists() else ""
        rows.append(f"| {case.name}{mark} | {' '.join(m['phenomenon'].split())} | {', '.join(m['pins'])} |")
    return "\n".join(rows)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_names_its_phenomenon(case: Path) -> None:
    from govkg.lexicon import lexicon

    assert (case / "meta.yaml").is_file(), f"{case.name} needs a meta.yaml (phenomenon, pins)"
    m = meta(case)
    assert set(m) == {"phenomenon", "pins"} and m["phenomenon"].strip() and m["pins"], m
    keys = set(lexicon().keys())
    for pin in m["pins"]:
        assert pin in keys or importlib.util.find_spec(pin) is not None, f"{case.name}: {pin} is no module or lexicon entry"


def test_the_readme_table_is_generated_from_the_cases() -> None:
    readme = (CASES_DIR / "README.md").read_text(encoding="utf-8")
    assert cases_table() in readme, "tests/golden/cases/README.md is stale: python -m tests.golden.test_cases"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: Path) -> None:
    actual = actual_facts(case)
    expected_path = case / "expected.jsonl"
    if REGEN:
        write_facts(actual, expected_path)
        pytest.skip(f"{expected_path} rewritten; review the diff before committing")
    expected = read_facts(expected_path)
    s = score(expected, actual, files={"input.txt"})
    perfect = all(p.tp == p.gold == p.pred for p in s.per_type.values())
    mismatches = attribute_mismatches(expected, actual)
    assert perfect and not mismatches, f"{case.name}\n{s.table()}\n{readable_diff(expected, actual)}"


def test_diff_names_both_sides() -> None:
    from govkg.facts import Src, UnitFact
    e = [UnitFact(src=Src("input.txt", 1), doc="X", body="B", agency="市公安局")]
    a = [UnitFact(src=Src("input.txt", 1), doc="X", body="B", agency="公安局")]
    text = readable_diff(e, a)
    assert "only expected: 1" in text and "agency=市公安局" in text.split("only actual")[0]
    assert "agency=公安局" in text.split("only actual")[1]


def write_readme_table() -> None:
    """Replace the table in ``cases/README.md`` with the one the cases' ``meta.yaml`` give."""
    readme = CASES_DIR / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split("| case |", 1)
    tail = rest.split("\n\n", 1)[1] if "\n\n" in rest else ""
    readme.write_text(head + cases_table() + "\n\n" + tail, encoding="utf-8")


if __name__ == "__main__":
    import sys

    if "--write" in sys.argv:
        write_readme_table()
    else:
        print(cases_table())

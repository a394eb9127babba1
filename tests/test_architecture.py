"""The package's shape: stages import in one direction only, no import cycles, no oversized modules.

The stages, in order (``docs/architecture.md``): ``text`` → ``extract`` → ``graph`` → ``store`` →
``viz`` → ``api``, with ``cli`` on top. ``facts``, ``errors``, ``settings``, ``resources`` and
``lexicon`` are leaves every stage may import; ``eval`` (the scorer) sits beside ``extract`` and
``queries`` (the canned Cypher files) beside ``graph``. A module may import its own stage and the
stages below it, never one above, and never a sibling of the same rank.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "govkg"
RANK = {
    "facts": 0, "errors": 0, "settings": 0, "resources": 0, "lexicon": 0, "__init__": 0,
    "locking": 0.5,  # a leaf that raises errors' Busy
    "text": 1,
    "extract": 2, "eval": 2,
    "graph": 3, "queries": 3,
    "store": 4,
    "viz": 5,
    "api": 6,
    "cli": 7,
}
MAX_LINES = 460  # "no module over ~450 lines"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The govkg modules ``name`` imports (at module level or inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "govkg"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "govkg":
                continue
            for alias in node.names:  # ``from govkg.extract import citations`` imports a submodule
                sub = f"{mod}.{alias.name}"
                out.add(sub if sub in MODULES else mod)
    return out - {name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_unit_has_a_rank():
    assert {_unit(m) for m in MODULES} <= set(RANK), "a new top-level module or stage needs a place in RANK"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_stage_order(module: str):
    mine = _unit(module)
    wrong = sorted(dep for dep in GRAPH[module]
                   if _unit(dep) != mine and RANK[_unit(dep)] >= RANK[mine])
    assert not wrong, f"{module} ({mine}, rank {RANK[mine]}) imports {wrong}, at or above its rank"


def test_no_import_cycles():
    """Tarjan's strongly connected components over the module import graph."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            if w not in GRAPH:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_the_checker_sees_a_wrong_import(tmp_path: Path):
    """The rank rule is not vacuous: an extract module importing the graph stage is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from govkg.graph.rdf import build_graph\n", encoding="utf-8")
    deps = _imports("govkg.extract.bad", bad)
    assert deps == {"govkg.graph.rdf"} and RANK[_unit(next(iter(deps)))] > RANK["extract"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_oversized(module: str):
    n = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert n <= MAX_LINES, f"{module} has {n} lines (limit ~450): split it by what it holds"


def test_no_old_import_roots():
    """Only ``govkg`` is an import root of the product; the old ``kg``/``extractors``/``viz`` are gone."""
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        roots = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        roots |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level}
        assert not roots & {"kg", "extractors", "viz", "devtools", "tests"}, name

"""Score facts against gold by the matching rules of ``shared/gold/FORMAT.md``."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from govkg.facts import Fact
from govkg.text.clean import norm

TYPES = ("document", "body", "membership", "seat", "unit", "assignment", "citation")
BODY_TYPES = ("body", "membership", "seat", "unit")


@dataclass(frozen=True)
class PRF:
    tp: int
    gold: int
    pred: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    per_type: dict[str, PRF]
    overall: PRF
    position_accuracy: float | None

    def table(self) -> str:
        rows = [f"{'type':<12}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        for name, s in [*self.per_type.items(), ("overall", self.overall)]:
            rows.append(f"{name:<12}{s.gold:>6}{s.pred:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        rows.append(f"position accuracy on matched memberships: "
                    f"{'n/a' if self.position_accuracy is None else round(self.position_accuracy, 4)}")
        return "\n".join(rows)


def _file(f: Fact) -> str:
    return Path(f.src.file).name


def _doc(f: Fact) -> str:
    return norm(f.doc) or "file:" + _file(f)


def _body_names(gold: Iterable[Fact]) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for f in gold:
        if f.type == "body":
            for alias in (f.body, *(f.aliases or ())):  # type: ignore[union-attr]
                names[(_doc(f), norm(alias))] = norm(f.body)  # type: ignore[union-attr]
    return names


def fact_key(f: Fact, names: dict[tuple[str, str], str] | None = None) -> tuple[str, ...]:
    """The tuple two facts must share to match (bodies mapped to their gold name)."""
    t, doc = f.type, _doc(f)
    body = ""
    if t in BODY_TYPES:
        body = norm(f.body)  # type: ignore[union-attr]
        body = (names or {}).get((doc, body), body)
    if t == "document":
        return (t, doc) if f.doc else (t, doc, norm(f.doc_title))  # type: ignore[union-attr]
    if t == "body":
        return (t, doc, body)
    if t == "membership":
        return (t, doc, body, norm(f.person), norm(f.role))  # type: ignore[union-attr]
    if t == "seat":
        return (t, doc, body, norm(f.role), norm(f.holder))  # type: ignore[union-attr]
    if t == "unit":
        return (t, doc, body, norm(f.agency))  # type: ignore[union-attr]
    if t == "assignment":
        return (t, _file(f), norm(f.agency), norm(f.role))  # type: ignore[union-attr]
    if t == "citation":
        if f.cited_number:  # type: ignore[union-attr]
            return (t, doc, "no", norm(f.cited_number))  # type: ignore[union-attr]
        return (t, doc, "ti", norm(f.cited_title))  # type: ignore[union-attr]
    raise ValueError(f"unknown fact type {t!r}")


def _span(f: Fact) -> tuple[int, int]:
    start = f.src.line
    return start, max(start, f.src.end_line or start)


def score(gold: list[Fact], pred: list[Fact], files: set[str] | None = None) -> Score:
    """Precision, recall and F1 per type; only facts of ``files`` (default: the gold's files)."""
    files = files if files is not None else {_file(f) for f in gold}
    gold = [f for f in gold if _file(f) in files]
    pred = [f for f in pred if _file(f) in files]
    names = _body_names(gold)
    per_type: dict[str, PRF] = {}
    pos_ok = pos_n = 0
    for t in TYPES:
        g = [f for f in gold if f.type == t]
        p = [f for f in pred if f.type == t]
        if t == "assignment":
            # each gold assignment needs its own predicted one whose line span holds the gold line
            spans: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
            for f in p:
                spans[fact_key(f)].append(_span(f))
            used: dict[tuple[str, ...], set[int]] = defaultdict(set)
            tp = 0
            for f in g:
                k, line = fact_key(f), f.src.line
                for i, (a, b) in enumerate(spans.get(k, [])):
                    if i not in used[k] and a <= line <= b:
                        used[k].add(i)
                        tp += 1
                        break
            per_type[t] = PRF(tp, len(g), len(p))
            continue
        gk = {fact_key(f, names) for f in g}
        pk = {fact_key(f, names) for f in p}
        per_type[t] = PRF(len(gk & pk), len(gk), len(pk))
        if t == "membership":
            positions = {fact_key(f, names): norm(f.position) for f in p}  # type: ignore[union-attr]
            for f in g:
                k = fact_key(f, names)
                if k in positions:
                    pos_n += 1
                    pos_ok += positions[k] == norm(f.position)  # type: ignore[union-attr]
    overall = PRF(*(sum(getattr(s, a) for s in per_type.values()) for a in ("tp", "gold", "pred")))
    return Score(per_type, overall, pos_ok / pos_n if pos_n else None)


def score_by_file(gold: list[Fact], pred: list[Fact]) -> dict[str, Score]:
    """One :class:`Score` per source file the gold mentions."""
    return {name: score(gold, pred, {name}) for name in sorted({_file(f) for f in gold})}


def by_file_table(scores: dict[str, Score]) -> str:
    """Per file: tp/gold and predicted count per type, and the file's overall F1; worst files first."""
    short = {"document": "doc", "body": "body", "membership": "memb", "seat": "seat", "unit": "unit",
             "assignment": "asgn", "citation": "cite"}
    width = max([len(f) for f in scores] + [4])
    rows = [f"{'file':<{width}}" + "".join(f"{short[t]:>12}" for t in TYPES) + f"{'F1':>7}"]
    for name, s in sorted(scores.items(), key=lambda kv: (kv[1].overall.f1, kv[0])):
        cells = []
        for t in TYPES:
            prf = s.per_type[t]
            cells.append("" if not prf.gold and not prf.pred else f"{prf.tp}/{prf.gold}({prf.pred})")
        rows.append(f"{name:<{width}}" + "".join(f"{c:>12}" for c in cells) + f"{s.overall.f1:>7.3f}")
    empty = [n for n, s in scores.items() if s.overall.gold and not s.overall.pred]
    rows.append(f"{len(scores)} files; {len(empty)} with gold facts and no predicted fact"
                + (f": {', '.join(empty)}" if empty else ""))
    return "\n".join(rows)

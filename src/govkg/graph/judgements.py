"""Review judgements: a reviewer's verdicts on the graph, kept in their own JSONL file and applied on every build.

Modelled on nomenklatura's judgements: they live apart from what the machine extracts, and each build
applies them again. A judgement names what it judges by content, never by file and line, so it
survives a rebuild, a re-extraction and a change of line numbers:

- an *entity* by its graph id (``agency/晋城市财政局``, ``body/晋城市/防汛抗旱指挥部``, ``person/晋城市/张三``):
  the ids are minted from canonical names (``govkg.graph.nodes``), not from positions;
- an *edge* (a membership, seat, member unit or assignment) by its type, the ids of its two ends, its
  role and its document's number (or title): ``{"edge": "MEMBER_OF", "src": …, "dst": …, "role": …, "doc": …}``.

Verdicts: ``wrong`` / ``right`` / ``unsure`` on an edge; ``same`` / ``not-same`` on two entities of one
kind (``same`` is transitive, ``not-same`` keeps two clusters apart); ``fix`` of a field (an entity's
``name``, an edge's ``role``). The latest judgement of a target wins. Applying them
(``govkg.graph.review``) is the graph's business; this module is the file and its keys.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from govkg.errors import JudgementError

EDGE_VERDICTS = ("wrong", "right", "unsure")
PAIR_VERDICTS = ("same", "not-same")
VERDICTS = (*EDGE_VERDICTS, *PAIR_VERDICTS, "fix")
# the edges a verdict may name: those that come from one printed fact
JUDGED_EDGES = ("MEMBER_OF", "SEAT_ON", "UNIT_OF", "ASSIGNED")
# the entity kinds (the first part of an id) that ``same`` may merge and ``fix name`` may rename; ids of
# other kinds of node are refused (documents, tasks, statements are no entities a reviewer merges)
MERGEABLE = ("agency", "body", "person", "post")
NOT_ENTITIES = ("doc", "task", "statement", "membership", "assignment", "citation", "role", "judgement", "reviewer")
FIELDS = {"name": "entity", "role": "edge"}  # a field that may be fixed → what it belongs to


@dataclass(frozen=True)
class Judgement:
    """One reviewer's verdict: ``target`` is ``{"entity": id}`` or an edge key; ``other`` the second entity
    of ``same`` / ``not-same``; ``field`` and ``value`` what ``fix`` sets."""

    verdict: str
    target: dict[str, str]
    other: str | None = None
    field: str | None = None
    value: str | None = None
    by: str = "reviewer"
    at: str = ""   # ISO 8601 UTC, when it was made
    why: str = ""
    id: str = ""   # a short hash of the rest, minted on creation

    def to_json(self) -> str:
        d = {k: v for k, v in asdict(self).items() if v not in (None, "")}
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @property
    def slot(self) -> tuple:
        """What a later judgement replaces: the same verdict family on the same target (and field, and pair)."""
        if self.verdict in PAIR_VERDICTS:
            return ("pair", *sorted((self.target["entity"], self.other or "")))
        if self.verdict == "fix":
            return ("fix", target_text(self.target), self.field)
        return ("edge", target_text(self.target))

    def describe(self) -> str:
        """One line for people: the verdict, what it names, who and why."""
        what = target_text(self.target)
        if self.verdict in PAIR_VERDICTS:
            what += f" ~ {self.other}"
        elif self.verdict == "fix":
            what += f" {self.field} → {self.value}"
        return f"{self.verdict} {what} (by {self.by} at {self.at}{': ' + self.why if self.why else ''})"


def target_text(target: dict[str, str]) -> str:
    """A target as one readable line: an entity id, or ``MEMBER_OF src → dst [role] doc``."""
    if "entity" in target:
        return target["entity"]
    parts = [target["edge"], target["src"], "→", target["dst"]]
    if target.get("role"):
        parts.append(f"[{target['role']}]")
    if target.get("doc"):
        parts.append(target["doc"])
    return " ".join(parts)


def entity_kind(entity_id: str) -> str:
    return entity_id.partition("/")[0]


def make(verdict: str, target: dict[str, str], *, other: str | None = None, field: str | None = None,
         value: str | None = None, by: str = "", why: str = "", at: str | None = None) -> Judgement:
    """A checked judgement with its time and id; ``JudgementError`` (one line) says what is wrong with it."""
    if verdict not in VERDICTS:
        raise JudgementError(f"unknown verdict {verdict!r}: expected one of {', '.join(VERDICTS)}")
    target = {k: str(v).strip() for k, v in target.items() if v is not None and str(v).strip()}
    _check_target(verdict, target, other, field, value)
    at = at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    j = Judgement(verdict, target, other.strip() if other else None, field, value.strip() if value else None,
                  (by or "reviewer").strip()[:100], at, (why or "").strip()[:1000])
    digest = hashlib.sha1(j.to_json().encode("utf-8")).hexdigest()[:12]
    return Judgement(**{**asdict(j), "id": f"j-{digest}"})


def _check_target(verdict: str, target: dict[str, str], other: str | None, field: str | None,
                  value: str | None) -> None:
    is_entity = set(target) == {"entity"}
    is_edge = {"edge", "src", "dst"} <= set(target) <= {"edge", "src", "dst", "role", "doc"}
    if not (is_entity or is_edge):
        raise JudgementError("a target is {entity: id} or {edge, src, dst[, role, doc]}")
    if is_edge and target["edge"] not in JUDGED_EDGES:
        raise JudgementError(f"edge {target['edge']!r} cannot be judged: expected one of {', '.join(JUDGED_EDGES)}")
    if verdict in EDGE_VERDICTS and not is_edge:
        raise JudgementError(f"{verdict} judges an edge (a membership, seat, unit or assignment), not an entity")
    if verdict in PAIR_VERDICTS:
        if not is_entity or not other:
            raise JudgementError(f"{verdict} needs two entity ids")
        a, b = target["entity"], other.strip()
        if a == b:
            raise JudgementError(f"{verdict}: both ids are {a}")
        if entity_kind(a) != entity_kind(b) or entity_kind(a) in NOT_ENTITIES:
            raise JudgementError(f"{verdict}: {a} and {b} must be two {'/'.join(MERGEABLE)} entities of one kind")
    if verdict == "fix":
        if field not in FIELDS:
            raise JudgementError(f"fix: unknown field {field!r}: expected one of {', '.join(FIELDS)}")
        if (FIELDS[field] == "entity") != is_entity:
            raise JudgementError(f"fix {field}: the field of {'an entity' if FIELDS[field] == 'entity' else 'an edge'}")
        if is_entity and entity_kind(target["entity"]) in NOT_ENTITIES:
            raise JudgementError(f"fix name: {target['entity']} is not a {'/'.join(MERGEABLE)} entity")
        if not value or not value.strip():
            raise JudgementError(f"fix {field}: the new value is empty")


def from_dict(d: Any) -> Judgement:
    """A judgement read back from the file (checked again: the file may have been edited by hand)."""
    if not isinstance(d, dict) or not isinstance(d.get("target"), dict):
        raise JudgementError("not a judgement (a JSON object with a verdict and a target)")
    j = make(str(d.get("verdict", "")), d["target"], other=d.get("other"), field=d.get("field"),
             value=d.get("value"), by=str(d.get("by", "")), why=str(d.get("why", "")), at=str(d.get("at") or "") or None)
    return Judgement(**{**asdict(j), "id": str(d.get("id") or j.id)})


def read_judgements(path: str | Path | None) -> list[Judgement]:
    """Every judgement in a JSONL file, in the order made (none when the file does not exist);
    ``JudgementError`` names the line of a bad one."""
    if path is None or not Path(path).exists():
        return []
    out = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise JudgementError(f"{path}: cannot read the judgements: {err}") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(from_dict(json.loads(line)))
        except json.JSONDecodeError as err:
            raise JudgementError(f"{path}:{n}: not JSON: {err}") from None
        except JudgementError as err:
            raise JudgementError(f"{path}:{n}: {err}") from None
    return out


def append_judgement(path: str | Path, j: Judgement) -> None:
    """Add one judgement at the end of the file (made with its folder if need be), flushed to disk."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(j.to_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def current(judgements: Iterable[Judgement]) -> list[Judgement]:
    """The judgements in force: the latest of each slot (a later ``right`` undoes a ``wrong``), in the order made."""
    latest: dict[tuple, Judgement] = {}
    for j in judgements:
        latest.pop(j.slot, None)
        latest[j.slot] = j
    return list(latest.values())


@dataclass
class ReviewReport:
    """What applying the judgements did: how many changed the graph, and the ones that matched nothing."""

    applied: list[str] = field(default_factory=list)    # one line per judgement: id, what it changed
    unmatched: list[str] = field(default_factory=list)  # one line per judgement that matched nothing
    conflicts: list[str] = field(default_factory=list)  # a same that a not-same forbids


__all__ = ["Judgement", "ReviewReport", "VERDICTS", "JUDGED_EDGES", "make", "read_judgements", "append_judgement",
           "current", "from_dict", "target_text"]

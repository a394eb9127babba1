"""Fact types: what extractors emit and what the graph is built from.

One frozen dataclass per fact type in ``shared/gold/FORMAT.md``; ``to_dict`` gives the
JSONL form of that format exactly, ``fact_from_dict`` reads it back.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator, Union


@dataclass(frozen=True)
class Origin:
    """Where a line of the text read from a PDF, web page or Word file stands in that file.

    ``page`` and ``line`` (the line on the page) for a PDF, ``line`` of the saved file for HTML,
    ``paragraph`` (or ``table`` and ``row``) of the body for DOCX; ``ocr`` when the line was
    recognised from a scanned page. A plain text file needs none: its lines are the text's lines.
    """

    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    ocr: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None and v is not False}

    @classmethod
    def from_dict(cls, d: Any) -> "Origin | None":
        if not isinstance(d, dict):
            return None
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass(frozen=True)
class Src:
    """Where a fact is printed: basename of the source text and 1-based lines of the text read from it
    (``origin``: where those lines stand in a PDF, web page or Word file)."""

    file: str
    line: int
    end_line: int | None = None
    origin: Origin | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"file": self.file, "line": self.line}
        if self.end_line is not None and self.end_line != self.line:
            d["end_line"] = self.end_line
        if self.origin is not None:
            d["origin"] = self.origin.to_dict()
        return d


@dataclass(frozen=True)
class _Fact:
    type: ClassVar[str] = ""
    src: Src
    doc: str | None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "src": self.src.to_dict(), "doc": self.doc}
        for f in fields(self):
            if f.name in ("src", "doc"):
                continue
            value = getattr(self, f.name)
            if f.name in ("doc_title", "aliases") and not value:
                continue  # optional fields are left out when empty
            d[f.name] = list(value) if isinstance(value, tuple) else value
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass(frozen=True)
class DocumentFact(_Fact):
    type: ClassVar[str] = "document"
    title: str = ""
    issuer: str | None = None
    date: str | None = None
    doc_title: str | None = None


@dataclass(frozen=True)
class BodyFact(_Fact):
    type: ClassVar[str] = "body"
    body: str = ""
    kind: str = "other"
    parent_body: str | None = None
    office_agency: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    doc_title: str | None = None


@dataclass(frozen=True)
class MembershipFact(_Fact):
    type: ClassVar[str] = "membership"
    body: str = ""
    person: str = ""
    role: str = ""
    position: str | None = None
    concurrent: bool = False
    doc_title: str | None = None


@dataclass(frozen=True)
class SeatFact(_Fact):
    type: ClassVar[str] = "seat"
    body: str = ""
    role: str = ""
    holder: str = ""
    doc_title: str | None = None


@dataclass(frozen=True)
class UnitFact(_Fact):
    type: ClassVar[str] = "unit"
    body: str = ""
    agency: str = ""
    doc_title: str | None = None


@dataclass(frozen=True)
class AssignmentFact(_Fact):
    type: ClassVar[str] = "assignment"
    agency: str = ""
    role: str = ""
    task: str = ""
    doc_title: str | None = None


@dataclass(frozen=True)
class CitationFact(_Fact):
    type: ClassVar[str] = "citation"
    cited_number: str | None = None
    cited_title: str | None = None
    doc_title: str | None = None


Fact = Union[DocumentFact, BodyFact, MembershipFact, SeatFact, UnitFact, AssignmentFact, CitationFact]

FACT_TYPES: dict[str, type] = {
    cls.type: cls
    for cls in (DocumentFact, BodyFact, MembershipFact, SeatFact, UnitFact, AssignmentFact, CitationFact)
}
KINDS = ("leading_group", "headquarters", "committee", "joint_meeting", "task_force", "working_group", "other")
ROLES_ASSIGNMENT = ("牵头", "责任", "配合")


def fact_from_dict(d: dict[str, Any]) -> Fact:
    """Build a fact from its FORMAT.md dict; unknown keys are ignored."""
    cls = FACT_TYPES[d["type"]]
    s = d.get("src") or {}
    kwargs: dict[str, Any] = {"src": Src(s.get("file", ""), int(s.get("line") or 0), s.get("end_line"),
                                          Origin.from_dict(s.get("origin"))), "doc": d.get("doc")}
    for f in fields(cls):
        if f.name in ("src", "doc") or f.name not in d:
            continue
        value = d[f.name]
        kwargs[f.name] = tuple(value) if f.name == "aliases" and value is not None else value
    for f in fields(cls):
        _check_type(f.name, str(f.type), kwargs.get(f.name))
    return cls(**kwargs)


_PLAIN_TYPES = {"str": str, "bool": bool}


def _check_type(name: str, annotation: str, value: Any) -> None:
    """Refuse a value of the wrong JSON type (``"doc": 1``) with a one-line reason instead of failing later."""
    if value is None:
        return
    kind = _PLAIN_TYPES.get(annotation.partition(" | ")[0])
    if kind is not None and not isinstance(value, kind):
        raise ValueError(f"{name} must be a {'string' if kind is str else 'boolean'}, not {type(value).__name__}")
    if name == "aliases" and value is not None and not all(isinstance(v, str) for v in value):
        raise ValueError("aliases must be a list of strings")


def read_facts(path: str | Path) -> list[Fact]:
    """Read facts from a JSONL file or every ``*.jsonl`` in a folder; ``ValueError`` (one line, file:line) on bad input."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out: list[Fact] = []
    if not path.exists():
        raise ValueError(f"{path}: no such file or folder")
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(f"{f}: not UTF-8 text (bad byte at offset {err.start}): not a facts file") from None
        except OSError as err:
            raise ValueError(f"{f}: cannot read: {err.strerror or err}") from None
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{f}:{n}: not JSON: {err}") from None
            if not isinstance(d, dict):
                raise ValueError(f"{f}:{n}: not a fact (a JSON object with a type)")
            if d.get("type") in FACT_TYPES:
                try:
                    out.append(fact_from_dict(d))
                except (KeyError, TypeError, ValueError) as err:
                    raise ValueError(f"{f}:{n}: not a valid {d.get('type')} fact ({err.__class__.__name__}: {err})") from None
    return out


def write_facts(facts: Iterable[Fact], path: str | Path) -> int:
    """Write facts as JSONL; returns how many were written.

    A regular file is written beside and renamed over ``path`` when complete, so an error or a kill
    while writing leaves the previous file whole, never a truncated one (a pipe or device is written
    in place)."""
    return write_whole(Path(path), lambda p: _write_lines(facts, p))


def _write_lines(facts: Iterable[Fact], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for fact in facts:
            fh.write(fact.to_json() + "\n")
            n += 1
    return n


def iter_dicts(facts: Iterable[Fact]) -> Iterator[dict[str, Any]]:
    for f in facts:
        yield f.to_dict()


__all__ = ["write_whole", 
    "Src", "Fact", "DocumentFact", "BodyFact", "MembershipFact", "SeatFact", "UnitFact",
    "AssignmentFact", "CitationFact", "FACT_TYPES", "KINDS", "fact_from_dict", "read_facts",
    "write_facts", "asdict", "Origin",
]


def write_whole(path: Path, write: Callable[[Path], Any]) -> Any:
    """``write(p)`` to a file beside ``path`` renamed over it when complete, so a full disk or a kill
    leaves the old file whole; a device or pipe (``/dev/stdout``) is written as it is."""
    if path.exists() and not path.is_file():
        return write(path)
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        done = write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return done

"""Bodies (领导小组, 指挥部, 委员会 …) and the people named on them.

Public interface (imported by ``extractors.seats`` / ``extractors.units``):
``BodyMention`` and ``find_bodies(doc)``; ``extract(doc)`` gives body and membership facts.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.document import Document
from kg.facts import Fact


@dataclass(frozen=True)
class BodyMention:
    """A body whose existence or composition a document sets out."""

    name: str              # the body's full name as printed (whitespace removed)
    kind: str              # leading_group | headquarters | committee | joint_meeting | task_force | working_group | other
    line: int              # source line where it is named (gold's src.line for the body fact)
    start: int             # first source line of its composition passage (roles / members / units)
    end: int               # last source line of that passage
    parent: str | None     # parent body (e.g. a 工作组 under a 指挥部)
    office_agency: str | None
    aliases: tuple[str, ...] = ()   # other names the same document uses (简称, 市领导小组 …)


def find_bodies(doc: Document) -> list[BodyMention]:
    """Bodies set out in ``doc``, in order of their composition passages."""
    return []


def extract(doc: Document) -> list[Fact]:
    """Body and membership facts found in ``doc``."""
    return []

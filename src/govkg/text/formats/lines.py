"""What every format reader gives: the lines of text in reading order, each with where it stands."""
from __future__ import annotations

from dataclasses import dataclass, field

from govkg.facts import Origin


@dataclass
class Layout:
    """Lines of text with their :class:`Origin` (``None`` for the blank lines between paragraphs), the
    encoding of the file when it had one to decode, and one-line notes on what reading did."""

    lines: list[str] = field(default_factory=list)
    origins: list[Origin | None] = field(default_factory=list)
    encoding: str = "utf-8"
    replaced: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, text: str, origin: Origin | None) -> None:
        """One line (its inner line breaks become lines of their own, with the same origin)."""
        for part in text.split("\n"):
            self.lines.append(part)
            self.origins.append(origin)

    def paragraph_break(self) -> None:
        """A blank line between two paragraphs, as the plain-text gazettes print them (never two)."""
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.origins.append(None)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


__all__ = ["Layout"]

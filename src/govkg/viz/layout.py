"""Where nodes go and what their labels say, so that labels never overlap.

A body's structure is drawn layered (``layered``): the body on top, then its heads, deputies,
other members and seats, member units and the agencies of the seats, then documents and related
bodies, each band a grid whose cells are wider than the longest label they hold. Other pictures
are laid out by physics in the browser, which then hides the labels that would cover a better
connected node's (``static/network.js``).
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

from govkg.viz.palette import role_class

# one CJK character is about one font size wide; the cell leaves room for the dot and a gap
FONT = 14
CELL_CHARS = 13
CELL_W = FONT * CELL_CHARS + 14
ROW_H = 58
BAND_GAP = 46
MAX_COLUMNS = 9
NARROW_COLUMNS = 2  # below 640 px

# a place's name at the start of a canonical name, shortened as documents print it (晋城市财政局 → 市财政局)
_PLACE = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{2,3}?([市县区]委?)(?=[\u4e00-\u9fff]{2})")


def short_label(name: str, label: str = "", limit: int = CELL_CHARS) -> str:
    """A label that fits a cell: the last part of a working group's path, an agency or body without its
    leading place (the picture is of one city; the tooltip keeps the full name), at most ``limit``."""
    s = name.rsplit(" / ", 1)[-1] if " / " in name else name
    if label in ("Agency", "Body") and not s.startswith(("市级", "县级")):
        s = _PLACE.sub(r"\1", s, count=1)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def band_of(edge_type: str, role: str, label: str) -> int:
    """The band of a node by how it sits on the body: 1 heads, 2 deputies, 3 members and seats,
    4 agencies, 5 documents and other bodies."""
    if edge_type in ("MEMBER_OF", "SEAT_ON"):
        rc = role_class(role)
        return {"head": 1, "deputy": 2}.get(rc.key if rc else "", 3)
    if label == "Agency":
        return 4
    return 5


def layered(focus: str, bands: dict[str, int], order: Sequence[str],
            max_columns: int = MAX_COLUMNS) -> dict[str, tuple[int, int]]:
    """Positions (x, y) for ``order``'s nodes: the focus on top, each band a centred grid below the last
    (at most ``max_columns`` wide: 2 for a phone's screen, read by scrolling down)."""
    pos: dict[str, tuple[int, int]] = {focus: (0, 0)}
    by_band: dict[int, list[str]] = {}
    for key in order:
        if key != focus:
            by_band.setdefault(bands.get(key, 5), []).append(key)
    y = ROW_H + BAND_GAP
    for band in sorted(by_band):
        keys = by_band[band]
        cols = min(max_columns, max(1, math.ceil(math.sqrt(len(keys) * 3))), len(keys))
        for i, key in enumerate(keys):
            row, col = divmod(i, cols)
            in_row = min(cols, len(keys) - row * cols)
            pos[key] = (int((col - (in_row - 1) / 2) * CELL_W), y + row * ROW_H)
        y += math.ceil(len(keys) / cols) * ROW_H + BAND_GAP
    return pos


def first_bands(focus: str, edges: Iterable[tuple[str, str, str, str, str]]) -> dict[str, int]:
    """Each node's band from its edges to the focus (src, dst, type, role, label of the other end);
    a node reached only through another (a seat's agency) goes with the agencies."""
    bands: dict[str, int] = {}
    for src, dst, etype, role, label in edges:
        other = dst if src == focus else src if dst == focus else None
        if other is None:
            continue
        b = band_of(etype, role, label)
        bands[other] = min(b, bands.get(other, b))
    return bands


__all__ = ["short_label", "layered", "first_bands", "band_of", "FONT", "CELL_W", "NARROW_COLUMNS"]

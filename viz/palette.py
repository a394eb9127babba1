"""How each node type looks in a network picture: colour, shape and its legend entry."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    color: str
    shape: str
    zh: str
    en: str


STYLES: dict[str, Style] = {
    "Agency": Style("#2f6fb3", "dot", "机关单位", "agency"),
    "Body": Style("#e07b24", "diamond", "议事协调机构", "body"),
    "Person": Style("#3a9a4a", "dot", "人员", "person"),
    "Post": Style("#8a5cc2", "square", "职务", "post"),
    "Document": Style("#8c5a3c", "box", "文件", "document"),
    "Task": Style("#7a7a7a", "triangle", "任务", "task"),
    "Group": Style("#b0b0b0", "ellipse", "其他（合并）", "others (aggregated)"),
}
UNKNOWN = Style("#999999", "dot", "其他", "other")


def style(label: str) -> Style:
    """The style of a node label (an unknown label gets a neutral grey)."""
    return STYLES.get(label, UNKNOWN)


def legend(labels: set[str]) -> list[dict[str, str]]:
    """Legend entries for the labels present, in the fixed order of STYLES."""
    return [{"label": k, "color": s.color, "shape": s.shape, "zh": s.zh, "en": s.en}
            for k, s in STYLES.items() if k in labels]

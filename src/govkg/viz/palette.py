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
    # not "box": a box's label is inside it and vanishes when a big picture is zoomed out
    "Document": Style("#8c5a3c", "hexagon", "文件", "document"),
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


@dataclass(frozen=True)
class RoleClass:
    key: str
    color: str
    zh: str
    en: str


# edge colours by the kind of role, so a body's composition reads by role at a glance
ROLE_CLASSES = (
    RoleClass("head", "#c62828", "负责人（组长、指挥长、主任、召集人）", "head"),
    RoleClass("deputy", "#ef8f00", "副职", "deputy"),
    RoleClass("office", "#8a5cc2", "办公室、联络员", "office, liaison"),
    RoleClass("member", "#8aa4bf", "成员、成员单位", "member"),
)
_HEADS = ("组长", "指挥长", "总指挥", "主任", "召集人", "主席", "负责人", "书记", "局长", "队长")


def role_class(role: str) -> RoleClass | None:
    """The class of a membership role; None for edges without a role."""
    r = (role or "").strip()
    if not r:
        return None
    if r.startswith("办公室") or "联络员" in r or r.startswith("秘书"):
        return ROLE_CLASSES[2]
    if "副" in r:
        return ROLE_CLASSES[1]
    if r.endswith(_HEADS):
        return ROLE_CLASSES[0]
    return ROLE_CLASSES[3]


def role_legend(roles: set[str]) -> list[dict[str, str]]:
    """Legend entries for the role classes present among ``roles``."""
    present = {c.key for c in map(role_class, roles) if c}
    return [{"key": c.key, "color": c.color, "zh": c.zh, "en": c.en} for c in ROLE_CLASSES if c.key in present]


# each relation as a page names it, seen from its source ("out") and from its target ("in")
RELATION_LABELS: dict[str, tuple[str, str]] = {
    "MEMBER_OF": ("成员于", "成员"),
    "SEAT_ON": ("当然席位于", "当然席位"),
    "UNIT_OF": ("成员单位于", "成员单位"),
    "OFFICE_AT": ("办公室设在", "承担办公室"),
    "PART_OF": ("隶属于", "下设"),
    "HOLDS": ("担任职务", "任职人员"),
    "POST_IN": ("职务所在单位", "本单位职务"),
    "SUB_ORG_OF": ("上级单位", "下属单位"),
    "ASSIGNED": ("承担任务", "承担单位"),
    "IN": ("所属文件", "文件中的任务"),
    "CITES": ("引用", "被引用"),
    "ESTABLISHED_BY": ("设立文件", "设立的机构"),
}


def relation_label(rel_type: str, direction: str = "out") -> str:
    """The Chinese name of a relation seen from one end (the type itself when unknown)."""
    pair = RELATION_LABELS.get(rel_type)
    return (pair[0] if direction == "out" else pair[1]) if pair else rel_type

"""Several people in one string, as lists and sentences print them: names set apart by 、 or spaces,
a post before, after or in brackets after a list of names shared by each (副市长张华、王强, 张华、王强（副市长）),
and people paired with roles in turn (分别任组长、副组长)."""
from __future__ import annotations

import re
from functools import lru_cache

from govkg.extract.agencies import is_collective
from govkg.extract.people.names import (
    EX_OFFICIO,
    is_person_name,
    post_complete,
    split_name_post,
    split_name_then_post,
    split_names,
    split_post_name,
    split_post_name_after,
)
from govkg.text.clean import squeeze


def split_top(text: str, seps: str = "、，,;；") -> list[str]:
    """``text`` split at separators outside brackets."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "(（" and 1 or 0
        depth -= ch in ")）" and 1 or 0
        if ch in seps and depth <= 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def listed_people(text: str) -> list[tuple[str, str | None, bool]]:
    """``张三(市财政局局长)、李四(市教育局局长)`` / ``市财政局局长张三、市教育局局长李四`` / ``市长 张三`` /
    ``副市长 张华 王强`` / ``张华、王强 副市长``."""
    parts = split_top(text)
    # 市政府分管副市长、市政府秘书长李明: the post is a seat; 张三（镇站长）、各村委会主任: the placeholder is no one
    seats = [p for p in parts if (EX_OFFICIO.search(p) or is_collective(p)) and not split_post_name(p)
             and not split_name_post(p)]
    if seats and len(seats) < len(parts):
        parts = [p for p in parts if p not in seats]
        text = "、".join(parts)
    if len(parts) == 1:
        parts = text.split()  # 张华　王强（副市长）: names set apart by spaces
    got = [split_name_post(p) for p in parts]
    if len(parts) >= 2 and all(g and (g[1] is None or "(" in p or "（" in p) for g, p in zip(got, parts)):
        return _share_back([g for g in got if g], [not re.search(r"[(（]", p) for p in parts])
    found = people(text)
    if found and only_people(text, found):
        return [(n, p, False) for n, p in found]
    tokens = text.split()
    if len(tokens) >= 2 and is_person_name(tokens[-1]) and not is_person_name(tokens[-2]):
        return [(tokens[-1], squeeze("".join(tokens[:-1])), False)]
    names = split_names(" ".join(tokens[1:])) if len(tokens) >= 3 else None
    if names and post_complete(tokens[0]) and not is_person_name(tokens[0]):  # 副市长　张华　王强: one post, each name's
        return [(n, tokens[0], False) for n in names]
    names = split_names(tokens[0]) if len(tokens) == 2 else None
    if names and post_complete(tokens[1]) and not is_person_name(tokens[1]):  # 张华、王强　副市长: likewise
        return [(n, tokens[1], False) for n in names]
    return []


def _share_back(items: list[tuple[str, str | None, bool]], plain: list[bool]) -> list[tuple[str, str | None, bool]]:
    """A post in brackets after a list of names is each name's: ``张华、王强（副市长）`` -> both 副市长
    (the names since the last post, so ``张华(副市长)、王强`` leaves 王强 without one). ``plain`` tells
    the items printed without a bracket: only they share (张三（兼）、李四（局长） leaves 张三 alone)."""
    out = list(items)
    bare: list[int] = []
    for i, (name, post, conc) in enumerate(out):
        if post is None:
            if plain[i]:
                bare.append(i)
            else:
                bare = []
            continue
        for j in bare:
            out[j] = (out[j][0], post, out[j][2])
        bare = []
    return out


def only_people(text: str, found: list[tuple[str, str | None]], slack: int = 1) -> bool:
    """True when ``text`` holds nothing but the names and posts ``people`` found in it (separators,
    同志 and ``slack`` stray characters aside): a list, not a sentence that mentions people."""
    rest = squeeze(text).replace("同志", "")
    for name, post in found:
        for part in (post, name):
            if part and part in rest:
                rest = rest.replace(part, "", 1)
    # a post shared from a bracket after the list (张华、王强（副市长）) leaves its empty bracket behind
    return len(re.sub(r"[、，,;；和及]|[(（][)）]", "", rest)) <= slack


def people(who: str) -> list[tuple[str, str | None]]:
    """A fresh list of :func:`_people` (bodies and seats read the same clauses)."""
    return list(_people(who))


# what a person's post never holds: a 由 or 担任 clause, a body's name (a sentence that sets the body out)
_NO_POST = re.compile(r"由|担任|兼任|出任|领导小组|领导组|指挥部|联席会议|工作专班")


@lru_cache(maxsize=16384)  # pure
def _people(who: str) -> tuple[tuple[str, str | None], ...]:
    """``副市长、市公安局局长王斌权`` / ``鲍瑞卿和毕明荣`` / ``张三(市长)`` -> [(name, post)].

    A post printed before a list of names is each name's (``副市长张华、王强`` -> both 副市长) until
    the next post, and so is one glued after the list (``张华、王强副市长``) or in brackets after it
    (``张华、王强（副市长）``); a post in brackets after one name is that name's alone."""
    pieces: list[str] = []
    for p in split_top(who, "、及，,"):
        halves = p.split("和")
        if len(halves) == 2 and all(halves) and split_post_name(halves[0]) and split_post_name(halves[1]):
            pieces += halves  # 鲍瑞卿和毕明荣; 和全忠 keeps its surname
        else:
            pieces.append(p)
    out: list[tuple[str, str | None]] = []
    carry: list[str] = []  # pieces no name came out of yet: the post of the next name may begin there
    shared: str | None = None
    bare: list[int] = []  # names since the last post, without one of their own
    for p in pieces:
        got = split_post_name_after(carry, p)  # the pieces joined by 、, read from the end
        paren = split_name_post(p, glued=False) if not carry and re.search(r"[)）]$", p) else None
        after = split_name_then_post(p) if not (got or carry or paren) else None  # 张三市长
        if paren and paren[1]:
            got, shared = (paren[0], paren[1]), None
            for i in bare:  # 张华、王强（副市长）: the bracket closes a list
                out[i] = (out[i][0], paren[1])
        elif after:
            got, shared = (after[0], after[1]), None
            for i in bare:
                out[i] = (out[i][0], after[1])
        elif got and got[1] is None and shared:
            got = (got[0], shared)
        elif got:
            shared = got[1]
        if got and got[1] and _NO_POST.search(got[1]):
            got = None  # 平原县委…领导小组由县委书记任组长: a sentence, not a name and its post
        if got:
            if got[1] is None:
                bare.append(len(out))
            else:
                bare = []
            out.append(got)
            carry = []
        elif EX_OFFICIO.search(p):
            carry = []  # 市政府分管副市长、秘书长李明: a seat listed before a person, not his post
        elif carry or p:  # an empty piece adds nothing to an empty carry
            carry.append(p)
    return tuple(out)


# Roles many people hold at once: people left over after the roles before take the last one.
_PLURAL_ROLES = frozenset(("成员", "委员", "组员", "联络员", "成員", "委員", "組員"))


def in_turn(who: str, roles: list[str]) -> list[tuple[str, tuple[str, str | None]]]:
    """The people of ``who`` paired with ``roles`` in turn: one role a person, or one role a group
    that shares a post (市长刘建国、副市长张华、王强分别任组长、副组长). When the last role is one many
    hold (成员), those left over take it (A、B、C、D分别任组长、副组长、成员). Nothing when they do not pair."""
    ppl = people(who)
    if not ppl or not only_people(who, ppl, slack=0):
        return []
    if len(ppl) == len(roles):
        return list(zip(roles, ppl))
    groups: list[list[tuple[str, str | None]]] = []
    for p in ppl:
        if groups and p[1] and groups[-1][-1][1] == p[1]:
            groups[-1].append(p)
        else:
            groups.append([p])
    if len(groups) > len(roles) and roles[-1] in _PLURAL_ROLES:
        groups[len(roles) - 1:] = [[p for g in groups[len(roles) - 1:] for p in g]]
    if len(groups) != len(roles):
        return []
    return [(role, p) for role, group in zip(roles, groups) for p in group]


__all__ = ["people"]

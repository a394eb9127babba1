"""People on a body: role-labelled lists (single or interleaved two-column tables, HTML rows,
one-line lists) and composition sentences (``组长由…担任``, ``X兼任办公室主任``, ``以X为组长``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govkg.extract.prose import Stream, clean_line
from govkg.text.document import Document
from govkg.extract.people.names import (EX_OFFICIO, ROLE_LABEL, ROLES, clean_role, is_person_name, post_complete, split_name_post,
                              split_name_then_post, split_names, split_people, split_post_name, squeeze)


@dataclass
class Member:
    """A person found on a body, with the role, post and source line as printed."""

    role: str
    name: str
    post: str | None
    concurrent: bool
    line: int
    col: str = "L"
    labelled: bool = False


def _label(s: str) -> tuple[str | None, str]:
    m = ROLE_LABEL.match(s)
    if not m:
        return None, s
    return clean_role(m.group("role")), s[m.end():].strip().strip("*").strip()


def _parse_cells(no: int, cells: list[str]) -> tuple[list[Member], bool]:
    """Items of one table row; the flag says whether the row holds anything list-like."""
    items: list[Member] = []
    empties = 0
    pending: str | None = None
    last: Member | None = None
    group: list[Member] = []  # people of one cell (张华、王强): a post in the next cell is each one's
    listlike = False
    for raw in cells:
        c = raw.strip()
        if not c:
            empties += 1
            continue
        role, rest = _label(c)
        if role is None and squeeze(c) in _ROLE_SET:
            role, rest = squeeze(c), ""  # a role in its own cell, without a colon
        if role:
            pending, listlike = role, True
            if not rest:
                continue
            c = rest
        parsed = split_name_post(c, glued=False) if len(squeeze(c)) <= 40 else None
        if parsed and (parsed[1] is None or is_person_name(parsed[0])) and len(c.split()) <= 4:
            name, post, conc = parsed
            col = "L" if not items and empties < 2 else "R"
            last = Member(pending or "", name, post, conc, no, col, labelled=pending is not None)
            items.append(last)
            group = [last]
            pending, listlike = None, True
        elif len(squeeze(c)) <= 60 and (several := _cell_people(c)):
            col = "L" if not items and empties < 2 else "R"
            group = [Member(pending or "", name, post, conc, no, col, labelled=pending is not None)
                     for name, post, conc in several]
            items += group
            last = group[-1]
            pending, listlike = None, True
        elif last is not None and last.post is None and len(squeeze(c)) <= 40 and not re.search(r"[。:：]", c) \
                and not split_names(c):
            post, conc = squeeze(c), False
            if post.endswith(("(兼)", "（兼）")):
                post, conc = post[:-3] or None, True
            for m in group if last in group else [last]:
                if m.post is None:
                    m.post, m.concurrent = post, m.concurrent or conc
        elif role and not parsed:
            last = None  # a label holding a post or placeholder: an ex-officio seat, not a person
    if pending and len(items) == 1 and not items[0].labelled:
        items[0].role, items[0].labelled = pending, True  # the role printed in the row's last cell
    return items, listlike


_ROLE_SET = set(ROLES)


def _cell_people(cell: str) -> list[tuple[str, str | None, bool]]:
    """Several people in one table cell: ``副市长张华、王强``, ``张华、王强``, ``市长张三``."""
    names = split_names(cell)
    if names:
        return [(n, None, False) for n in names]
    return _listed_people(cell.strip().rstrip("，,;；。")) if "。" not in cell else []


_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[①-⑳])\s*")
_INNER_LABEL = re.compile(rf"[；;。]\s*|\s+(?=(?:{'|'.join(map(re.escape, ROLES))})\s*[:：])")


def _rows(doc: Document, lo: int, hi: int) -> list[tuple[int, str]]:
    """Source lines ``lo``..``hi`` as list rows: a line holding several HTML rows, or several labelled
    lists (``组长：张三；副组长：李四、王五``), is split into them; a line that leaves a bracket open
    is joined with the next."""
    out: list[tuple[int, str]] = []
    carry: tuple[int, str] | None = None
    for no in range(lo, hi + 1):
        raw = doc.line(no)
        if carry is not None:
            if not raw.strip():
                continue
            no, raw = carry[0], carry[1].rstrip() + raw.strip()
            carry = None
        if "<" in raw and len(re.findall(r"<tr", raw, re.I)) > 1:
            out += [(no, part) for part in re.split(r"</tr\s*>", raw, flags=re.I) if part.strip()]
            continue
        if "\t" in raw or "<" in raw:
            out.append((no, raw))
            continue
        opened = raw.count("(") + raw.count("（") - raw.count(")") - raw.count("）")
        if opened > 0 and no < hi:
            carry = (no, raw)
            continue
        if ROLE_LABEL.match(clean_line(raw)):
            parts = _INNER_LABEL.split(raw)
            if len(parts) > 1 and all(ROLE_LABEL.match(p) for p in parts[1:] if p and p.strip()):
                out += [(no, p) for p in parts if p and p.strip()]
                continue
        out.append((no, raw))
    if carry is not None:
        out.append(carry)
    return out


_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节条部分])")


def _starts_member(line: str) -> bool:
    """True when a line after an unfinished post rather opens the next member (``张三市长``)."""
    got = split_name_post(line)
    return bool(got and got[1] and _POST_LEVEL.match(got[1]))


_OFFICE_ROLES = ("主任", "副主任", "常务副主任")
_POST_LEVEL = re.compile(r"^(?:市|省|县|区|副|常务|中共|党组)")


def _text_row(no: int, raw: str, lab: str | None, text: str, in_table: bool) -> list[Member] | None:
    """A text line of a two-column table: two name/post pairs (``张三 市长  刘一 市教育局副局长``), or,
    inside such a table, one pair (in the right column when indented deep)."""
    pairs = split_people(text)
    if pairs and len(pairs) == 2:
        (n1, p1, c1), (n2, p2, c2) = pairs
        return [Member(lab or "", n1, p1, c1, no, "L", labelled=lab is not None), Member("", n2, p2, c2, no, "R")]
    if pairs and len(pairs) > 2 and lab is not None:  # 成员：甲 职务　乙 职务　丙 职务 — one list, not columns
        return [Member(lab if k == 0 else "", n, p, c, no, "L", labelled=k == 0) for k, (n, p, c) in enumerate(pairs)]
    single = split_name_post(text) if in_table else None
    if single and single[1]:
        indent = len(raw.replace("\u3000", "  ")) - len(raw.replace("\u3000", "  ").lstrip())
        col = "R" if indent >= 6 and lab is None else "L"
        return [Member(lab or "", single[0], single[1], single[2], no, col, labelled=lab is not None)]
    return None


def parse_lists(doc: Document, lo: int, hi: int) -> list[Member]:  # noqa: C901 (one pass over rows)
    """Members of every role-labelled list between source lines ``lo`` and ``hi``."""
    out: list[Member] = []
    role: str | None = None
    last: Member | None = None
    active = False
    office = False  # inside a passage about the body's office: its 主任 is the 办公室主任
    table: list[list[Member]] = []
    text_table = False  # the open table came as text rows of two name/post pairs

    def flush_table() -> None:
        nonlocal role, text_table
        text_table = False
        if not table:
            return
        # one row of two people is two of a role; columns need a right column over several rows
        two_col = sum({m.col for m in row} == {"L", "R"} for row in table) >= 2
        rows = [m for row in table for m in row]
        if two_col:
            left = [m for m in rows if m.col == "L"]
            right = [m for m in rows if m.col == "R"]
            for m in left:
                role = m.role if m.labelled else (role or "成员")
                m.role = role
                out.append(m)
            for m in right:
                role = m.role if m.labelled else (role or "成员")
                m.role = role
                out.append(m)
        else:
            for m in rows:
                role = m.role if m.labelled else (role or "成员")
                m.role = role
                out.append(m)
        table.clear()

    for no, raw in _rows(doc, lo, hi):
        s = clean_line(raw)
        if not s.strip():
            continue
        if raw.lstrip().startswith("#"):
            flush_table()
            active, last, office = False, None, "办公室" in s
            continue
        cells = s.split("\t")
        if len([c for c in cells if c.strip()]) >= 2 or (len(cells) >= 2 and cells[0].strip() == ""):
            items, listlike = _parse_cells(no, cells)
            if items or (listlike and active):
                if items and not active and not any(m.labelled for m in items):
                    continue  # a table that no role label opened is not a composition list
                active = True
                table.append(items)
                last = items[-1] if items else last
                continue
            if active and table:
                continue  # a row of duty text inside the table
            flush_table()
            active, last = False, None
            continue
        if not text_table:
            flush_table()
        line = s.strip()
        if _SECTION.match(line):
            active, last, office = False, None, "办公室" in line  # a numbered section heading ends the list
            continue
        lab, rest = _label(line)
        if lab is None and squeeze(line).rstrip(":：") in _ROLE_SET:
            lab, rest = squeeze(line).rstrip(":："), ""  # a role word alone on its line, without a colon
        if lab is None and re.search(r"下设办公室|办公室设在", line):
            office = True
        if lab and office and lab in _OFFICE_ROLES:
            lab = "办公室" + lab
        if lab or active:
            row = _text_row(no, raw, lab, rest if lab else _ITEM_NUMBER.sub("", line), text_table)
            if row:
                table.append(row)
                text_table, active, last = True, True, row[-1]
                continue
        flush_table()
        if lab:
            role, active, last = lab, True, None
            if not rest:
                continue
            line = rest
        elif not active:
            continue
        else:
            line = _ITEM_NUMBER.sub("", line)
        served = re.fullmatch(r"由(?P<who>.+?)(?:同志)?(?P<verb>担任|兼任|任)[。;；]?", line)
        if served and people(served.group("who")):
            for name, post in people(served.group("who")):
                out.append(Member(role or "成员", name, post, served.group("verb") == "兼任", no))
            last = None
            continue
        if not lab and last is not None and not post_complete(last.post) \
                and not re.search(r"\s", line) and len(line) <= 30 and not re.search(r"[。,，:：]", line) \
                and not is_person_name(line) and not (last.post and _starts_member(line)):
            last.post = (last.post or "") + squeeze(line)
            continue
        pairs = split_people(line)
        if pairs:
            for name, post, conc in pairs:
                out.append(Member(role or "成员", name, post, conc, no))
            last = None
            continue
        names = split_names(line)
        if names:
            for n in names:
                out.append(Member(role or "成员", n, None, False, no))
            last = None
            continue
        bare = line.rstrip("，,;；。")
        parsed = split_name_post(bare) if len(squeeze(bare)) <= 60 and "。" not in bare else None
        if parsed and (not re.search(r"[,，;；]", bare) or re.match(r"^\S{1,2}\s?\S{0,2}[，,]\s*[^，,;；]+$", bare)):
            name, post, conc = parsed
            last = Member(role or "成员", name, post, conc, no)
            out.append(last)
            continue
        several = _listed_people(bare) if "。" not in bare else []
        if several:
            for name, post, conc in several:
                out.append(Member(role or "成员", name, post, conc, no))
            last = None
            continue
        if not lab and last is not None and len(line) <= 30 and not re.search(r"[。,，:：]", line):
            last.post = (last.post or "") + squeeze(line)
            continue
        if lab:
            last = None  # label with a post or placeholder (a seat)
            continue
        active, last = False, None
    flush_table()
    return out


# ---------------------------------------------------------------------------------------------
# composition sentences

_ROLE_ALT = "|".join(map(re.escape, ROLES))
_P_SERVE = re.compile(rf"^(?P<who>.+?)(?:同志)?(?P<verb>兼任|担任|任)(?P<role>{_ROLE_ALT})(?:职务)?$")
# the people of a 由…担任 may be set apart by commas: 副组长由市委常委、副市长张华，副市长王强担任
_P_BY = re.compile(rf"(?P<role>{_ROLE_ALT})由(?P<who>[^。;；由]+?)(?:同志)?(?P<verb>兼任|担任|出任)")
_P_BY_SERVE = re.compile(rf"由(?P<who>[^,，。;；由]+?)(?:同志)?(?P<verb>兼任|担任|任)(?P<role>{_ROLE_ALT})")
# 由副市长张华、王强同志分别任第一副组长、副组长 / 组长、副组长分别由A、B担任: the people take the roles in turn
_ROLES_LIST = rf"(?P<roles>(?:{_ROLE_ALT})(?:[、和及](?:{_ROLE_ALT}))+)"
_P_EACH = (re.compile(rf"^由?(?P<who>.+?)(?:同志)?分别(?P<verb>兼任|担任|任){_ROLES_LIST}(?:职务)?$"),
           re.compile(rf"^{_ROLES_LIST}分别由(?P<who>.+?)(?:同志)?(?P<verb>兼任|担任)$"))
_P_AS = re.compile(rf"为(?P<role>{_ROLE_ALT})")
_P_LABEL = re.compile(r"(?P<role>办公室(?:副)?主任)[:：](?P<who>[^,，。;；\n]+)")


def _split_top(text: str, seps: str = "、，,;；") -> list[str]:
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


def _listed_people(text: str) -> list[tuple[str, str | None, bool]]:
    """``张三(市财政局局长)、李四(市教育局局长)`` / ``市财政局局长张三、市教育局局长李四`` / ``市长 张三`` /
    ``副市长 张华 王强`` / ``张华、王强 副市长``."""
    parts = _split_top(text)
    seats = [p for p in parts if EX_OFFICIO.search(p) and not split_post_name(p) and not split_name_post(p)]
    if seats and len(seats) < len(parts):  # 市政府分管副市长、市政府秘书长李明: the post is a seat
        parts = [p for p in parts if p not in seats]
        text = "、".join(parts)
    if len(parts) == 1:
        parts = text.split()  # 张华　王强（副市长）: names set apart by spaces
    got = [split_name_post(p) for p in parts]
    if len(parts) >= 2 and all(g and (g[1] is None or "(" in p or "（" in p) for g, p in zip(got, parts)):
        return _share_back([g for g in got if g], [not re.search(r"[(（]", p) for p in parts])
    found = people(text)
    if found and _only_people(text, found):
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
            bare = bare + [i] if plain[i] else []
            continue
        for j in bare:
            out[j] = (out[j][0], post, out[j][2])
        bare = []
    return out


def _only_people(text: str, found: list[tuple[str, str | None]], slack: int = 1) -> bool:
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


@lru_cache(maxsize=16384)  # pure
def _people(who: str) -> tuple[tuple[str, str | None], ...]:
    """``副市长、市公安局局长王斌权`` / ``鲍瑞卿和毕明荣`` / ``张三(市长)`` -> [(name, post)].

    A post printed before a list of names is each name's (``副市长张华、王强`` -> both 副市长) until
    the next post, and so is one glued after the list (``张华、王强副市长``) or in brackets after it
    (``张华、王强（副市长）``); a post in brackets after one name is that name's alone."""
    pieces: list[str] = []
    for p in _split_top(who, "、及，,"):
        halves = p.split("和")
        if len(halves) == 2 and all(halves) and split_post_name(halves[0]) and split_post_name(halves[1]):
            pieces += halves  # 鲍瑞卿和毕明荣; 和全忠 keeps its surname
        else:
            pieces.append(p)
    out: list[tuple[str, str | None]] = []
    carry = ""
    shared: str | None = None
    bare: list[int] = []  # names since the last post, without one of their own
    for p in pieces:
        got = split_post_name(carry + ("、" if carry else "") + p)
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
        if got:
            bare = bare + [len(out)] if got[1] is None else []
            out.append(got)
            carry = ""
        elif EX_OFFICIO.search(p):
            carry = ""  # 市政府分管副市长、秘书长李明: a seat listed before a person, not his post
        else:
            carry = carry + ("、" if carry else "") + p
    return tuple(out)


# Roles many people hold at once: people left over after the roles before take the last one.
_PLURAL_ROLES = frozenset(("成员", "委员", "组员", "联络员", "成員", "委員", "組員"))


def _in_turn(who: str, roles: list[str]) -> list[tuple[str, tuple[str, str | None]]]:
    """The people of ``who`` paired with ``roles`` in turn: one role a person, or one role a group
    that shares a post (市长刘建国、副市长张华、王强分别任组长、副组长). When the last role is one many
    hold (成员), those left over take it (A、B、C、D分别任组长、副组长、成员). Nothing when they do not pair."""
    ppl = people(who)
    if not ppl or not _only_people(who, ppl, slack=0):
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


def composition_sentences(st: Stream, lo: int, hi: int) -> list[Member]:
    """People that sentences on lines ``lo``..``hi`` put on a body (``X兼任办公室主任``, ``组长由X担任`` …)."""
    out: list[Member] = []
    start, stop = st.span(lo, hi)
    for sent in re.finditer(r"[^\n。；;]+", st.text[start:stop]):
        a = start + sent.start()
        if not lo <= st.line_at(a) <= hi and not lo <= st.line_at(start + sent.end() - 1) <= hi:
            continue
        s = sent.group(0)
        # clauses that only list people share the role of the clause that ends the list:
        # 副市长张华、王强，市政府秘书长李明任副组长
        listed: list[tuple[int, list[tuple[str, str | None]]]] = []
        for cl in re.finditer(r"[^,，]+", s):
            c = cl.group(0)
            m = _P_SERVE.match(c)
            if m and "由" not in m.group("who"):
                conc = m.group("verb") == "兼任"
                who = m.group("who")
                for at, ppl in listed:
                    for name, post in ppl:
                        out.append(Member(m.group("role"), name, post, conc, st.line_at(a + s.find(name, at))))
                for name, post in people(who):
                    pos = a + cl.start() + who.find(name)
                    out.append(Member(m.group("role"), name, post, conc, st.line_at(pos)))
                listed = []
                continue
            each = _P_EACH[0].match(c) or _P_EACH[1].match(c)
            if each:
                who = each.group("who")
                for role, (name, post) in _in_turn(who, re.split(r"[、和及]", each.group("roles"))):
                    pos = a + cl.start() + each.start("who") + who.find(name)
                    out.append(Member(role, name, post, each.group("verb") == "兼任", st.line_at(pos)))
                listed = []
                continue
            bare = c[1:] if c.startswith("由") else c
            ppl = people(bare)
            listed = listed + [(cl.start(), ppl)] if ppl and _only_people(bare, ppl, slack=0) else []
        for pat in (_P_BY, _P_BY_SERVE):
            for m in pat.finditer(s):
                who = m.group("who")
                ppl = people(who)
                if not ppl or re.search(r"[,，]", who) and not _only_people(who, ppl, slack=0) or "分别" in who:
                    continue  # (分别: roles in turn, read above)
                for name, post in ppl:
                    pos = a + m.start("who") + who.find(name)
                    out.append(Member(m.group("role"), name, post, m.group("verb") == "兼任", st.line_at(pos)))
        # 以市长张三为组长、副市长李四为副组长
        prev = 0
        for m in _P_AS.finditer(s):
            lead = max(s.rfind("以", prev, m.start()) + 1, prev)
            who = s[lead:m.start()].strip("、，,和及").removesuffix("同志")
            prev = m.end()
            for name, post in people(who):
                pos = a + lead + who.find(name)
                out.append(Member(m.group("role"), name, post, False, st.line_at(pos)))
        for m in _P_LABEL.finditer(s):
            got = split_name_post(m.group("who"))
            if got and is_person_name(got[0]):
                name, post, conc = got
                out.append(Member(m.group("role"), name, post, conc, st.line_at(a + m.start("who"))))
    return out




__all__ = ["Member", "parse_lists", "composition_sentences", "people"]

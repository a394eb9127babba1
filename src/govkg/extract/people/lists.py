"""People on a body: role-labelled lists (single or interleaved two-column tables, HTML rows,
one-line lists) and composition sentences (``组长由…担任``, ``X兼任办公室主任``, ``以X为组长``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.agencies import AGENCY_SUFFIX
from govkg.extract.bodies.names import offices_at
from govkg.extract.notes import skipped
from govkg.extract.people.glued import split_glued
from govkg.extract.people.groups import listed_people, people, split_top
from govkg.extract.people.names import (
    ROLE_LABEL,
    ROLES,
    clean_role,
    is_person_name,
    post_complete,
    split_name_post,
    split_names,
    split_people,
)
from govkg.extract.prose import clean_line
from govkg.lexicon import entry
from govkg.text.clean import squeeze
from govkg.text.document import Document
from govkg.text.issue import is_org
from govkg.text.numerals import parse_date
from govkg.text.script import simplify
from govkg.text.wrap import cuts_a_word


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


HEAD_TITLE = entry("people.head_titles").regex  # 局长 alone after …保障局: the post goes on
_CONCURRENT_MARK = re.compile(r"[（(]\s*兼(?:任)?\s*[)）]$")


def _label(s: str) -> tuple[str | None, str]:
    m = ROLE_LABEL.match(s)
    if not m:
        return None, s
    rest = s[m.end():].strip().strip("*").strip()
    if m.group("note") and re.fullmatch(r"[（(]\s*兼(?:任)?\s*[)）]", m.group("note")) and rest:
        rest += "（兼）"  # 副组长（兼）：詹华 县政协副主席 — the person holds the role concurrently
    return clean_role(m.group("role")), rest


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
    return listed_people(cell.strip().rstrip("，,;；。")) if "。" not in cell else []


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
        labelled = bool(ROLE_LABEL.match(clean_line(raw)))
        if labelled or "；" in raw or ";" in raw:
            parts = [p for p in _INNER_LABEL.split(raw) if p and p.strip()]
            # 召集人：A，副市长；副召集人：B，副秘书长；C，局长 — each label, and each person after one; 副组长：A，
            # 副县长；B，副县长； — each person of the role (a line of such entries going on below it too)
            entries = [p for p in parts[1:] if not ROLE_LABEL.match(p)]
            if len(parts) > 1 and (labelled or split_name_post(parts[0])) and entries \
                    and all(split_name_post(p) and ("，" in p or "," in p) for p in entries) \
                    or len(parts) > 1 and labelled and any(ROLE_LABEL.match(p) for p in parts[1:]) \
                    and all(ROLE_LABEL.match(p) or split_name_post(p) for p in parts[1:]):
                out += [(no, p) for p in parts]
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
_NAME_SLOT = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}[ \u3000]+[\u4e00-\u9fff]")  # 洪 年 市经发局政治处科员


def _signature(doc: Document, no: int, line: str) -> bool:
    """True for an issuer's name over the date of signing (``广源市人民政府`` / ``2020年3月2日``)."""
    if not is_org(squeeze(line)):
        return False
    for k in range(no + 1, min(no + 4, doc.start + len(doc.lines))):
        if doc.line(k).strip():
            return parse_date(squeeze(doc.line(k))) is not None or is_org(squeeze(doc.line(k)))
    return False


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
    seat_open = False  # a label's seat posts (no person) that a wrap cut mid-word: the next line goes on with them

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
        if lab is None and seat_open and not ROLE_LABEL.match(line) and len(line) <= 30 \
                and not re.search(r"[:：。]", line):
            # 副召集人：市政府分管副秘书长、市人力资源 / 和社会保障局局长: the posts go on (和社会 is no person)
            seat_open = _value_open(line)
            continue
        seat_open = False
        # a role word alone on its line may end the post above, cut by a wrap: before its ending (…信息化委副 /
        # 主任), or after an agency's name before the title of its head (…国家标准委 / 主任)
        word = _CONCURRENT_MARK.sub("", squeeze(line).rstrip(":："))
        agency_last = last is not None and bool(last.post) and bool(AGENCY_SUFFIX.search(simplify(last.post)))
        open_post = last is not None and bool(last.post) and (
            bool(HEAD_TITLE.match(word)) if agency_last else not post_complete(last.post))  # 县林业局 / 成员: a label
        if lab is None and word in _ROLE_SET and not (open_post and line[-1] not in ":："):
            lab, rest = word, ""  # a role word alone on its line, without a colon
        if lab is None and _signature(doc, no, line):
            active, last = False, None  # the signature ends every list
            continue
        if lab is None and (re.search(r"下设办公室", line) or next(offices_at(simplify(line)), None)):
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
        cut = last is not None and bool(last.post) and cuts_a_word(simplify(last.post), simplify(line))
        if not lab and last is not None and (open_post or cut or not post_complete(last.post)) \
                and not re.search(r"\s", line) and len(line) <= 30 and not re.search(r"[。,，:：]", line) \
                and (cut or not is_person_name(line) and not (last.post and _starts_member(line))):
            last.post = (last.post or "") + squeeze(line)
            if _CONCURRENT_MARK.search(last.post):  # …市市场监督管 / 理局局长（兼）: the mark the wrap carried
                last.post, last.concurrent = _CONCURRENT_MARK.sub("", last.post) or None, True
            continue
        glued = split_glued(line) if not re.search(r"\s", line) else ()
        if len(glued) >= 2:  # 钱宏达国土资源部部长孙志远国务院副秘书长: people printed without breaks
            for name, post in glued:
                out.append(Member(role or "成员", name, post, False, no))
            last = None
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
        several = listed_people(bare) if "。" not in bare and len(split_top(bare, "、")) >= 2 else []
        if len(several) >= 2:  # 张三（镇站长）、李四（镇所长）、各村委会主任: people, the placeholder dropped
            for name, post, conc in several:
                out.append(Member(role or "成员", name, post, conc, no))
            last = None
            continue
        parsed = split_name_post(bare) if len(squeeze(bare)) <= 60 and "。" not in bare else None
        if parsed and (not re.search(r"[,，;；]", re.sub(r"[（(][^（）()]*[）)]", "", bare)) or re.match(r"^\S{1,2}\s?\S{0,2}[，,]\s*[^，,;；]+$", bare)):
            name, post, conc = parsed
            last = Member(role or "成员", name, post, conc, no)
            out.append(last)
            continue
        several = listed_people(bare) if "。" not in bare else []
        if several:
            for name, post, conc in several:
                out.append(Member(role or "成员", name, post, conc, no))
            last = None
            continue
        if not lab and last is not None and len(line) <= 30 and not re.search(r"[。,，:：]", line) \
                and not post_complete(last.post):
            last.post = (last.post or "") + squeeze(line)  # the post wrapped onto this line
            continue
        if not lab and len(line) <= 30 and not re.search(r"[。,，:：]", line) \
                and (not post_complete(line) or _NAME_SLOT.match(line)):
            # an item the list cannot read — a name it does not know before a post (洪年 市经发局科员), a
            # site's name or a sub-heading — is skipped and the list goes on; a bare post ends it
            skipped(no, line, f"not read as a person in the {role or '成员'} list")
            continue
        if lab:
            last = None  # label with a post or placeholder (a seat)
            seat_open = _value_open(line)
            continue
        active, last = False, None
    flush_table()
    return out


def _value_open(value: str) -> bool:
    """A label's value of posts that stops inside a word (…、市人力资源): neither a title nor an agency ends it,
    nor a stop."""
    v = simplify(squeeze(value))
    return bool(v) and v[-1] not in "。；;：:" and (v[-1] in "、，," or not post_complete(v) and not AGENCY_SUFFIX.search(v)
                                                   and not re.search(r"(?:负责人|同志|领导)$", v))


__all__ = ["Member", "parse_lists"]

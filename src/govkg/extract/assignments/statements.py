"""Responsibility statements: a bracket or labelled clause read into agencies and the role each is
given — by a label (``责任单位:``), by the role word closing a run of agencies (``A、B牵头,C配合``), or by
a role in brackets after a name (``市发展改革委(牵头)``) — and the "first listed leads" rule.

Every pattern here is composed from the lexicon (``assignments.roles``, ``assignments.units``,
``assignments.tail_lead_in``, ``assignments.tail_rest``) and reads the simplified shadow of the text
(``Text.shadow``); agency names are sliced from the printed text at the same offsets.
"""
from __future__ import annotations

import re

from govkg.extract.agencies import AGENCY_SUFFIX, clean_name, expand_prefixes, is_placeholder, split_spans
from govkg.extract.assignments.text import Mention, Text
from govkg.extract.people.names import is_person_name
from govkg.lexicon import entry
from govkg.text.script import simplify

LEAD, RESP, COOP = "牵头", "责任", "配合"

ROLES = entry("assignments.roles")
UNITS = entry("assignments.units")
_WHEN = entry("assignments.time_cells")
PERSONS = entry("assignments.persons")


def _spaced(words: tuple[str, ...]) -> str:
    """The words as one alternation, longest first, with whitespace allowed between their characters
    (a label broken by a line wrap: ``（责任单`` / ``位：…）``)."""
    return "|".join(r"\s*".join(re.escape(c) for c in w) for w in sorted(words, key=lambda w: (-len(w), w)))


_ROLE_S, _UNIT_S = _spaced(ROLES.words), _spaced(UNITS.words)

# ``责任单位:``, ``【牵头单位】``, ``主要责任部门：``, ``责任部门（单位）：``, ``牵头:`` — not inside a longer
# word (``各责任单位``).
# words before a role word that qualify a label without changing its role (主要责任单位, 其他责任单位)
QUALIFIER = entry("assignments.label_qualifiers")
_QUAL = f"(?:{QUALIFIER.alternation})"

# a unit label or header that also names the person in charge: ``责任单位及责任人``, ``牵头单位/负责人``
_AND_PERSON = rf"(?:[及和与/、](?:{PERSONS.alternation}))?"

LABEL = re.compile(
    rf"(?<![\u4e00-\u9fff])(?<![\u4e00-\u9fff]【)【?\s*(?P<label>{_QUAL}?\s*(?:{_ROLE_S})\s*(?:{_UNIT_S})?){_AND_PERSON}"
    rf"(?:[(（][^()（）:：]{{1,6}}[)）])?\s*(?:】\s*[:：]?|[:：])"  # 责任部门（单位）：
)

# a label line that names a person (``牵头负责领导:刘惠``): no assignment, but a label line all the same
PERSON_LABEL = re.compile(
    rf"(?<![\u4e00-\u9fff/])(?:{ROLES.alternation}|{entry('assignments.person_lead_in').alternation})?"
    rf"(?:{PERSONS.alternation})\s*[:：]")

# a role column's header cell: ``牵头单位``, ``协同责任单位``, ``责任单位(部门)``
_HEADER_WORD = rf"{_QUAL}?(?:{ROLES.alternation})(?:{UNITS.alternation}){_AND_PERSON}(?:[(（][^)）]{{0,8}}[)）])?"
HEADER = re.compile(f"^{_HEADER_WORD}$")
HEADER_START = re.compile(_HEADER_WORD)
_HEADER_SPACED = re.compile(rf"(?:{_ROLE_S})\s*(?:{_UNIT_S})")


def header_lines(t: Text) -> list[int]:
    """Indices (in ``t.text_lines``) of the lines that print a role column's name (``牵头单位``,
    ``责 任 单 位``): only around these can a table with a role column start."""
    got = t.cache.get("header_lines")
    if got is None:
        got = sorted({t.lineno(m.start()) - t.doc.start for m in _HEADER_SPACED.finditer(t.shadow)})
        t.cache["header_lines"] = got
    return got  # type: ignore[return-value]

# any other ``word:`` (完成时限:, 工作要求:) ends a labelled list
_OTHER_LABEL = re.compile(r"(?<=[,，;；\s])[\u4e00-\u9fff]{2,8}[:：]")

# What may follow an agency name inside a responsibility statement; it sets the role.
TAIL = re.compile(rf"(?:{entry('assignments.tail_lead_in').alternation})(?:{ROLES.alternation})")

_TAIL_REST = re.compile(rf"(?:{entry('assignments.tail_rest').alternation})$")

_ROLE_WORD = re.compile(f"(?:{ROLES.alternation})")

# a role phrase closing a run before an enumeration comma: ``A牵头、B配合`` is two runs
_ROLE_BEFORE_ENUM = re.compile(rf"(?:{ROLES.alternation})(?=\s*、)")

_INLINE_ROLE = re.compile(rf"^(?P<name>.+?)[(（〔【\[［][^()（）〔〕【】\[\]［］]{{0,8}}?(?P<role>{ROLES.alternation})[^()（）〔〕【】\[\]［］]{{0,6}}[)）〕】\]］]$")

OPENERS, CLOSERS = "(（〔[［【", ")）〕]］】"

_MAX_GROUP = 600  # characters: a bracket that does not close within this is not a statement

_OPENER = re.compile("[" + re.escape(OPENERS) + "]")

_BRACKET = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")

_PROSE = entry("assignments.not_a_name").regex


def looks_like_agency(name: str, labelled: bool = False) -> bool:
    """A plausible agency name: short, no prose words, an agency ending unless a label vouches for it;
    never a person's name (``责任单位及责任人：县商务局 李华``: 李华 is the person in charge). A note
    in brackets after the name (the people in charge, a deadline) is no part of it (``name_core``)."""
    simp = simplify(name_core(name))
    if (mark := _INLINE_ROLE.match(simp)) is not None:
        simp = mark.group("name")  # 区商务委〔牵头〕: the role mark is no part of the name
    if not 2 <= len(simp) <= 30 or _PROSE.search(simp):
        return False
    if AGENCY_SUFFIX.search(simp):
        return True
    return labelled and not is_person_name(simp)


# a bracket after an agency that notes the people in charge or a deadline: ``县工信局（张明）``,
# ``县商务局(李华、王强)``, ``县财政局（2024年底前完成）``
_NOTE_AFTER = re.compile(r"^(?P<name>.+?)\s*[(（](?P<note>[^()（）]{2,20})[)）]$")


def name_core(name: str) -> str:
    """``name`` without a bracketed note after an agency name: people's names (``县商务局（陈立平）``)
    or a deadline (``县财政局（长期坚持）``); an alias stays (``县发改局（粮食局）``)."""
    m = _NOTE_AFTER.match(name)
    if not m or not AGENCY_SUFFIX.search(simplify(m.group("name"))):
        return name
    note = re.sub(r"\s", "", simplify(m.group("note")))
    people = [x for x in re.split(r"[、,，]+", note) if x]
    if _WHEN.test(note) or (people and all(is_person_name(x) for x in people)):
        return m.group("name")
    return name


def role_of(phrase: str) -> str:
    """The role a phrase (simplified) sets: its first role word decides (``牵头负责`` leads, ``负责配合``
    is 责任, ``协同责任`` cooperates)."""
    m = _ROLE_WORD.search(phrase)
    return ROLES.value(m.group(), RESP) if m else RESP


def unqualified(label: str) -> str:
    """A label without the qualifier before its role word (``其他责任单位`` → ``责任单位``)."""
    m = QUALIFIER.regex.match(label)
    return label[m.end():] if m and ROLES.regex.match(label, m.end()) else label


def role_of_label(label: str) -> str:
    """``主要责任单位`` → 责任, ``牽頭單位`` → 牵头, ``协同责任单位`` → 配合."""
    label = unqualified(re.sub(r"\s", "", simplify(label)))
    return ROLES.value(label, RESP)


def _split_tail(segment: str) -> tuple[int, str | None]:
    """Where the agency part of ``segment`` (simplified, no whitespace) ends, and the role its tail
    sets (None without a tail).

    The tail starts right after a complete agency name (``市园林绿化服务中心建设管理``); failing
    that, a role phrase that ends the segment is the tail (``侯马车务段参与``)."""
    last = None
    for m in TAIL.finditer(segment):
        head = segment[:m.start()].rstrip()
        if not _TAIL_REST.match(segment, m.end()):
            continue
        if head and (AGENCY_SUFFIX.search(head) or head.endswith(("等", "府")) or is_placeholder(clean_name(head))):
            return m.start(), role_of(segment[m.start():])
        last = m
    if last is not None and last.start() > 0:
        return last.start(), role_of(segment[last.start():])
    return len(segment), None


def ends_with_role(content: str) -> bool:
    """Whether a list (simplified) ends with the role phrase that closes it (``A、B分别牵头``)."""
    flat = re.sub(r"\s", "", content).rstrip("。.")
    return _split_tail(flat)[1] is not None


def split_top_level(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` between ``separators`` that stand outside any bracket."""
    out, depth, a = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS + "<〈":
            depth += 1
        elif ch in CLOSERS + ">〉" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            out.append((a, i))
            a = i + 1
    out.append((a, end))
    return out


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of agencies of ``text[start:end]``, each closed by its role phrase: split at top-level
    commas, and at an enumeration comma right after a role word (``县农业局牵头、县水利局配合`` →
    ``县农业局牵头`` + ``县水利局配合``; ``A、B牵头`` stays one run)."""
    out = []
    for s0, s1 in split_top_level(text, start, end, ",，"):
        a = s0
        for m in _ROLE_BEFORE_ENUM.finditer(text, s0, s1):
            head = re.sub(r"\s", "", text[a:m.start()])
            if head and _split_tail(re.sub(r"\s", "", text[a:m.end()]))[1] is not None:
                cut = text.index("、", m.end())
                out.append((a, m.end()))
                a = cut + 1
        out.append((a, s1))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at top-level clause ends (。;；) and labels."""
    # a label starts a clause of its own: ``牵头单位:A 配合单位:B``
    result = []
    for a, b in split_top_level(text, start, end, "。;；"):
        cuts = [m.start() for m in LABEL.finditer(text, a, b)]
        cuts += [m.start() for m in _OTHER_LABEL.finditer(text, a, b)]
        cuts += [m.start() for m in PERSON_LABEL.finditer(text, a, b)]
        cuts.sort()
        bounds = [a, *[c for c in cuts if c > a], b]
        result.extend(zip(bounds, bounds[1:]))
    return result


def parse_statement(t: Text, start: int, end: int, labelled: bool = False) -> list[Mention]:
    """Agencies and roles of one responsibility statement ``t.text[start:end]``.

    Roles come from a label (``责任单位:``) or from the word that closes a run of agencies
    (``A、B牵头,C配合``); agencies with neither are not assignments, nor are persons under a person's
    label (``牵头负责领导:刘惠``).
    """
    shadow = t.shadow
    mentions: list[Mention] = []
    for c0, c1 in _clauses(shadow, start, end):
        label_role: str | None = None
        c0 = skip_space(shadow, c0, c1)
        if PERSON_LABEL.match(shadow, c0):
            continue
        m = LABEL.match(shadow, c0)
        if m:
            label_role = role_of_label(m.group("label"))
            c0 = m.end()
        pending: list[tuple[str, int, int]] = []
        for s0, s1 in _runs(shadow, c0, c1):
            s0 = skip_space(shadow, s0, s1)
            if shadow.startswith("由", s0):  # ``(由市财政局牵头,…)``
                s0 += 1
            elif (lead_in := _ABOVE_BY.match(shadow, s0, s1)) is not None:  # ``(以上两项由教育部牵头,…)``
                s0 = lead_in.end()
            seg = shadow[s0:s1]
            keep = [k for k, ch in enumerate(seg) if not ch.isspace()]  # tails may wrap across lines
            cut, role = _split_tail("".join(seg[k] for k in keep))
            cut = keep[cut] if cut < len(keep) else len(seg)
            names = [(n, s0 + a, s0 + b) for n, a, b in split_spans(t.text[s0:s0 + cut])]
            vouched = labelled or label_role is not None
            names = [x for x in names if looks_like_agency(x[0], vouched)]
            pending.extend(names)
            if role is not None:
                mentions.extend(mention(n, a, b, role) for n, a, b in pending)
                pending = []
        if label_role is not None:
            mentions.extend(mention(n, a, b, label_role) for n, a, b in pending)
        elif any(_INLINE_ROLE.match(simplify(n)) for n, _, _ in pending):
            # (A（牵头）、B): agencies only, one marked — the bracket names the responsible units, the mark its lead
            mentions.extend(mention(n, a, b, RESP) for n, a, b in pending)
    return expanded(mentions)


# the tasks above a closing bracket named before its agencies: 以上两项由…, 上述工作由…
_ABOVE_BY = re.compile(r"(?:以上|上述)[^，,、。；;由]{0,6}由")


def skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a] in " \t\r\n\u3000*":
        a += 1
    return a


def mention(name: str, start: int, end: int, role: str) -> Mention:
    """A mention; a role printed after the name (``市发展改革委(牵头)``) overrides the statement's."""
    m = _INLINE_ROLE.match(simplify(name))
    if m:
        name, role = name[:m.end("name")], role_of(m.group("role"))
    name = name_core(name)  # the people in charge or a deadline after the name are no part of it
    return Mention(name, start, end, role, role == LEAD)


def expanded(mentions: list[Mention]) -> list[Mention]:
    """Bare department names take the level prefix of the statement's earlier names."""
    names = expand_prefixes([m.name for m in mentions])
    return [Mention(n, m.start, m.end, m.role, m.explicit_lead) for n, m in zip(names, mentions)]


def apply_first_is_lead(mentions: list[Mention], rest: str = RESP) -> list[Mention]:
    """Under a "first listed leads" rule the first of two or more responsible units of a statement
    leads and the others take ``rest`` (the rule's word for them, 责任 by default), unless one is named
    lead; a single unit stays 责任."""
    if any(m.explicit_lead for m in mentions):
        return mentions
    resp = [k for k, m in enumerate(mentions) if m.role == RESP]
    if len(resp) < 2:
        return mentions
    out = list(mentions)
    for n, k in enumerate(resp):
        m = mentions[k]
        out[k] = Mention(m.name, m.start, m.end, LEAD if n == 0 else rest, n == 0)
    return out


def bracket_groups(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Content offsets of the outermost bracket pairs in ``text[start:end]`` (any of
    ( （ 〔 [ ［ 【, closed by any closer)."""
    groups, i, n = [], start, len(text) if end is None else end
    # jump from bracket to bracket with the regex engine rather than walking every character
    while (m := _OPENER.search(text, i, n)) is not None:
        i = m.start()
        depth, close = 0, None
        for b in _BRACKET.finditer(text, i, min(n, i + _MAX_GROUP)):
            depth += 1 if b.group() in OPENERS else -1
            if depth == 0:
                close = b.start()
                break
        if close is not None:
            groups.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return groups


# a bracket's last clause that only dates the task: ``2023年底前``, ``完成时限：2024年6月``
_DATE_CLAUSE = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[:：])?\s*(?P<when>.+)$")

# the number that opens a numbered item line (``5.``, ``（三）``, ``二、``)
_ITEM_NUMBER = re.compile(r"\s*(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、|\d{1,3}[、.．])\s*")

_STOPS = re.compile(r"[ \t\u3000。；;]*")
_LONG_HEADING = re.compile(r"(?:\s*\S){41}")  # more than 40 characters besides whitespace


def _closes_heading(t: Text, a: int, b: int) -> bool:
    """Whether the bracket ``a-1 .. b`` ends a numbered heading line: ``5.发展数字经济（A、B）`` — the
    line opens with an item number, the text before the bracket is a heading (no sentence end, not
    itself an agency name: ``1.县发改局（粮食局）`` is a name with its alias), nothing but a stop after it."""
    line_start = t.line_span(a)[0]
    line_end = t.line_span(b)[1]
    if not _STOPS.fullmatch(t.shadow, min(b + 1, line_end), line_end):  # read in place: a line may be a page long
        return False
    m = _ITEM_NUMBER.match(t.shadow, line_start, a - 1)
    if not m or _LONG_HEADING.match(t.shadow, m.end(), a - 1):
        return False
    heading = re.sub(r"\s", "", t.shadow[m.end():a - 1])
    return 2 <= len(heading) <= 40 and not re.search(r"[。；;]", heading) and not looks_like_agency(heading)


def bare_list_closing_task(t: Text, a: int, b: int) -> int | None:
    """``…加快铁路专用线建设。(市发展改革委、市交通局)``: a bracket of agency names only, right after a
    sentence or closing a numbered heading (``5.发展数字经济（县科技局、县工信局）``), names the units
    responsible for it (FORMAT.md). A last clause that only gives the deadline (``（县商务局，2024年
    12月底前）``) is no name. Returns where the names end, None where the bracket is no such list."""
    before = t.shadow[max(0, a - 12):a - 1].rstrip()  # the bracket may stand on the next line
    if not before.endswith(("。", ";", "；")) and not _closes_heading(t, a, b):
        return None
    end = b
    clauses = split_top_level(t.shadow, a, b, ",，;；")
    if len(clauses) > 1:
        c0, c1 = clauses[-1]
        when = _DATE_CLAUSE.match(re.sub(r"\s", "", t.shadow[c0:c1]))
        if when and _WHEN.test(when.group("when")):
            end = c0 - 1
    names = split_spans(t.text[a:end])
    return end if names and all(looks_like_agency(n) for n, _, _ in names) else None


def is_statement(content: str) -> bool:
    """Whether a bracket's content (simplified) holds a label or a role word closing agencies."""
    content = re.sub(r"\s", "", content)
    return bool(LABEL.search(content) or TAIL.search(content))

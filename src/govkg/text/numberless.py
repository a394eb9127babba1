"""Documents that print no 文号 line of their own.

Web pages and news reposts often carry a document without the number line the segmenter opens a
document at. Three fallbacks, in order:

* a **metadata row** gives the number (``发文字号 豫政办〔2011〕87号 发布时间 …``, ``文  號: 內政發〔2019〕2號``),
  with the title from its ``标题`` row;
* a number that **opens the page's first line**, glued to a site label and followed by the title
  (``法规国家税务总局公告2018年第58号 国家税务总局关于…的公告``);
* otherwise the **whole file is one document** with no number, titled by (in order) the heading at
  the top of the page (``关于…的通知``, ``…实施方案``, ``…指南(2023年)``), the document the text announces
  (``现将《X》印发给你们``, ``安徽省人民政府发布关于…的通知``) — placed on X's own heading when it is
  printed —, or the heading of the plan attached after the notice's signature; without any of
  these it has no title (``doc_title`` null, as ``shared/gold/FORMAT.md`` says).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.lexicon import entry
from govkg.text.clean import squash
from govkg.text.docnumber import DOC_NUMBER, without_site_label
from govkg.text.issue import (
    Issue,
    is_org,
    is_title,
    neighbour_index,
    number_on_line,
    split_orgs,
    strip_issuer_prefix,
    title_text,
)
from govkg.text.numerals import parse_date
from govkg.text.script import simplify
from govkg.text.wrap import is_full_line

_TRAILING_GROUPS = re.compile(r"(?:[(（][^()（）]{1,20}[)）])+$")
_SENTENCE_PUNCT = re.compile(r"[，,。；;！？!?：:]")
_CLAUSE_PUNCT = re.compile(r"[，,。；;：:]")  # what the end of a wrapped heading holds none of
_QUOTED = re.compile(r"《([^《》]{4,80})》")
_TOP_LINES = 30      # a page's own heading stands within its first lines
_ANNOUNCE_LINES = 12  # the sentence that announces the document stands near the top too


@dataclass(frozen=True)
class Heading:
    """A title found for a document without a number line, and where it is printed (0-based)."""

    title: str
    line: int
    issuer: str | None = None


def _as_title(text: str) -> tuple[str, str | None]:
    """The title as facts carry it (issuer prefix off, 《》 off) and the issuer it was printed with."""
    body, orgs = strip_issuer_prefix(text.strip())
    return title_text(body), ("、".join(orgs) if orgs else None)


def metadata_title(issue: Issue) -> Heading | None:
    """The title the page's metadata rows give (``标  题 某市人民政府关于…的通知``), issuer prefix off."""
    meta = issue.meta
    if not meta.title or meta.title_line is None:
        return None
    title, issuer = _as_title(meta.title)
    return Heading(title, meta.title_line, issuer) if title else None


def leading_number(issue: Issue) -> tuple[int, str, Heading] | None:
    """A number printed inside the page's first line, between its title and its text
    (``河南省人民政府 关于…的通知 豫政〔2023〕5号 现将…``, a whole document on one line) or before its
    title (``法规国家税务总局公告2018年第58号 国家税务总局关于…的公告``). A site label glued before the
    number is cut where the title's issuer begins."""
    i = next((k for k in range(min(len(issue.raw), 5 + len(issue.meta.rows)))
              if not issue.blank(k) and k not in issue.meta.rows), None)
    if i is None:
        return None
    tokens = issue.raw[i].split()
    for p, token in enumerate(tokens[:8]):
        if not token.endswith(("号", "號")) or not DOC_NUMBER.full.fullmatch(simplify(token)):
            continue
        before, after = "".join(tokens[:p]), "".join(tokens[p + 1:])
        if not p and after and not is_title(after):
            after += _title_wrapped_on(issue, i)  # …公告2018年第58号 国家税务总局关于简化 / 小型微利企业…的公告
        if p and is_title(before):
            title, issuer = _as_title(before)
        elif not p and is_title(after):
            title, issuer = _as_title(after)
        else:
            return None
        return i, without_site_label(token, [issuer] if issuer else []), Heading(title, i, issuer)
    return None


def _title_wrapped_on(issue: Issue, i: int) -> str:
    """The next line or two where they may end a title wrapped from line ``i`` (short, no sentence in them; the
    caller asks whether they make a title); else nothing."""
    got = ""
    k = i
    for _ in range(2):  # a long title wraps over two more lines at most
        k = next((j for j in range(k + 1, min(len(issue.raw), k + 3)) if not issue.blank(j)), None)
        if k is None or len(issue.clean[k]) > 40 or _CLAUSE_PUNCT.search(issue.clean[k]):
            return ""
        got += "".join(issue.raw[k].split())
        if is_title(got):
            break
    return got


_TITLE_THEN_NUMBER = re.compile(r"^(?P<title>[^《(（].*?[^》])[(（](?P<number>[^()（）]{4,40})[)）]$")


def bracketed_number(issue: Issue, end: int) -> tuple[int, str, Heading] | None:
    """A heading printed with its own number in a bracket after it, at the top of a page
    (``某市人民政府办公室印发《关于某事的实施意见》的通知(某办发〔2017〕2号)``): the number is the
    document's. Only above the page's running text, and only where the text before the bracket is a
    title and no cited one (a line ``《X》(国发〔2018〕1号)`` cites X)."""
    contents = contents_lines(issue, end)
    for i in range(0, min(end, _TOP_LINES) + 1):
        if issue.blank(i) or i in contents or i in issue.meta.rows:
            continue
        m = _TITLE_THEN_NUMBER.match(squash(issue.clean[i]))
        number = m and m.group("number")
        if m and DOC_NUMBER.full.fullmatch(simplify(number)) and is_title(m.group("title")):
            title, issuer = _as_title(m.group("title"))
            return i, "".join(number.split()), Heading(title, i, issuer)
        if _prose(issue, i):
            return None
    return None


def _prose(issue: Issue, i: int) -> bool:
    """A line of running text: a sentence, an addressee (…：), or a long line."""
    c = simplify(issue.clean[i])
    return bool(_SENTENCE_PUNCT.search(c.rstrip("。"))) or c.endswith(("：", ":", "。")) or len(c) > 60


def contents_lines(issue: Issue, end: int) -> set[int]:
    """Lines of a table of contents at the top: a 目录 heading and the short lines under it."""
    heading = entry("documents.contents_heading")
    out: set[int] = set()
    inside = False
    for i in range(0, min(end, _TOP_LINES) + 1):
        if issue.blank(i):
            continue
        if heading.test(simplify(issue.clean[i])):
            inside = True
        elif not inside or len(issue.clean[i]) > 60 or _prose(issue, i):
            inside = False
            continue
        out.add(i)
    titles = [i for i in out if is_title(issue.clean[i])]
    if titles:  # the contents end with their last title: short lines after it (a table's header) are text
        out = {i for i in out if i <= max(titles)}
    return out | issue.toc


def _top_heading(issue: Issue, end: int) -> Heading | None:
    """The page's own heading: among the lines before its running text, one line (or two to four,
    blank lines between them allowed) that reads as a title. Metadata rows, numbers, dates and a
    table of contents (目录 and the titles under it) are passed over."""
    contents = contents_lines(issue, end)
    for i in range(0, min(end, _TOP_LINES) + 1):
        if issue.blank(i) or i in contents or i in issue.meta.rows:
            continue
        c = issue.clean[i]
        tokens = issue.raw[i].split(maxsplit=1)
        first = tokens[0] if len(tokens) == 2 else ""
        if len(first) >= 8 and is_title(first) and not is_title(c):
            return _page_title_line(first, tokens[1], i)
        if _prose(issue, i) and not is_title(c):
            return None
        if number_on_line(c) or parse_date(issue.raw[i]):
            continue
        joined, printed, used, gap = "", "", 0, 0
        for k in range(i, min(end, i + 8) + 1):
            if issue.blank(k):
                gap += 1
                if gap > 1:
                    break
                continue
            gap = 0
            if k > i and (_prose(issue, k) or number_on_line(issue.clean[k]) or parse_date(issue.raw[k])
                          or k in contents):
                break
            joined += squash(issue.raw[k])
            printed += " " + issue.raw[k].strip()  # spaces kept: they part several issuers' names
            used += 1
            if is_title(joined):
                title, issuer = _as_title(printed)
                return Heading(title, i, issuer)
            if used == 4:
                break
        if len(first) >= 8 and is_title(first):
            return _page_title_line(first, tokens[1], i)
    return None


def _page_title_line(first: str, rest: str, i: int) -> Heading:
    """A page-title line: the title, then the site's words or the issuer and a gazette tag
    (``关于…的通知 某某总指挥部(2008年16号)``): the issuer printed after the title counts where no
    prefix names one."""
    title, issuer = _as_title(first)
    after = _TRAILING_GROUPS.sub("", "".join(rest.split()))
    return Heading(title, i, issuer or (after if is_org(after) else None))


def _announced(issue: Issue, end: int) -> Heading | None:
    """The document the text says it issues (``现将《X》印发``, ``《X》已经…同意，现予印发``,
    ``…发布关于X的通知``), on the line of X's own heading when the page prints it."""
    verbs = entry("documents.announce_verbs").alternation
    contents = contents_lines(issue, end)
    for i in range(0, min(end, _ANNOUNCE_LINES) + 1):
        own = simplify(issue.clean[i])
        if not own or i in contents:
            continue
        printed = issue.clean[i] + _wrapped_on(issue, i, end)
        c = simplify(printed)  # offsets as printed
        name = None
        for m in (q for q in _QUOTED.finditer(c) if q.start() < len(own)):
            after, before = c[m.end():m.end() + 72], c[max(0, m.start() - 4):m.start()]
            # 《X》印发, 《X》已经…同意，现予印发 (a meeting's name may be long), 现将《X》: never a verb
            # inside the next title (《A》《某市关于印发…的通知》 issues nothing)
            if is_title(m.group(1)) and (re.match(rf"^(?:已经|经)?[^。；《》]{{0,20}}?(?:{verbs})", after)
                                         or re.match(rf"^(?:已经|已由|已于|经)[^。；《》]{{0,50}}?(?:通过|同意|批准)"
                                                     rf"[，,]?(?:现予|现将其|现)?(?:{verbs})", after)
                                         or before.endswith("现将")):
                name = printed[m.start(1):m.end(1)]
                break
        if name is None:
            quoted = [range(q.start(), q.end()) for q in _QUOTED.finditer(c)]
            for rx in (rf"(?:{verbs})了?(?P<t>关于[^，。；《》]{{2,60}}?的(?:通知|决定|意见|公告|通告|批复))",
                       rf"(?:{verbs})了?(?P<t>[^，。；《》]{{4,40}}?)的通知"):
                m = re.search(rx, c)
                if m and m.start() < len(own) and is_title(m.group("t")) and not any(m.start() in r for r in quoted) \
                        and not _in_open_title(c, m.start(), m.end()):
                    name = printed[m.start("t"):m.end("t")]
                    break
        if name is None:
            continue
        key = simplify(squash(name))
        # X's own heading below, on one line or wrapped onto a second
        where = next((k for k in range(i + 1, min(len(issue.clean), i + 30))
                      if key in (simplify(squash(issue.raw[k])),
                                 simplify(squash(issue.raw[k]) + squash(issue.raw[k + 1] if k + 1 < len(issue.raw) else "")))), i)
        title, issuer = _as_title(name)
        return Heading(title, where, issuer)
    return None


def _in_open_title(c: str, start: int, end: int) -> bool:
    """Whether ``c[start:end]`` is inside a 《》 title opened on a line before (``根据《昆明市人`` /
    ``民政府关于印发…的通知》``): the first bracket after it closes one, and none before it opens one."""
    after = re.search(r"[《》]", c[end:])
    before = [ch for ch in c[:start] if ch in "《》"]
    return after is not None and after.group() == "》" and (not before or before[-1] == "》")


def _wrapped_on(issue: Issue, i: int, end: int) -> str:
    """The two lines after ``i``, where a fixed-width wrap carries line ``i``'s sentence on
    (``《新昌县森林火灾事故应急预案》已经县`` / ``政府同意，现予印发``); nothing after a line that ends its sentence.
    Where the page's width cannot be told (a contents of short lines below), a line of 12 characters or more that
    goes on after its 《》 is taken as wrapped too (a title alone on its line is a heading)."""
    line = issue.clean[i].rstrip()
    if line.endswith(("。", "；", ";", "：", ":")) or not (
            is_full_line(issue.clean, i) or len(line.strip()) >= 12 and not line.endswith("》")):
        return ""
    return "".join(issue.clean[k] for k in range(i + 1, min(end, i + 2) + 1))


def _attached(issue: Issue, end: int) -> Heading | None:
    """The heading of a plan printed right after the notice's signature."""
    for orgs, _date, sig_end in issue.signatures(0, min(end, 40)):
        k = sig_end + 1
        while k <= end and issue.blank(k):
            k += 1
        if k <= end and is_title(issue.clean[k]) and not _prose(issue, k):
            return Heading(_as_title(issue.clean[k])[0], k, "、".join(orgs))
        # a heading a wrap cut, its second line short and no sentence (…考核实施办法(试 / 行))
        n = next((j for j in range(k + 1, min(end, k + 2) + 1) if not issue.blank(j)), None)
        if k <= end and n is not None and not _prose(issue, k) and len(issue.clean[n]) <= 12 \
                and not _CLAUSE_PUNCT.search(issue.clean[n]) and is_title(issue.clean[k] + issue.clean[n]):
            return Heading(_as_title(issue.clean[k] + issue.clean[n])[0], k, "、".join(orgs))
    return None


def find_heading(issue: Issue, end: int) -> Heading | None:
    """The title of a file's one document that prints no number line (see the module docstring)."""
    return _top_heading(issue, end) or _reported(issue, end) or _announced(issue, end) or _attached(issue, end)


_REPORTED = re.compile(r"(?:^|[，,。；;：:！!？?\s])(?P<clause>[^，,。；;：:！!？?\s《》]{5,40}?)(?:印发|下发|发布|出台|公布)了?"
                       r"《(?P<t>[^《》]{4,80})》(?:[(（](?P<n>[^()（）]{4,40})[)）])?")


def _joint_issuers_start(clause: str) -> int | None:
    """Where the issuers a clause ends with begin: one body's full name (``近日，某省人民政府办公厅``), or
    several joined by 、 (``中共某县委办公室、某县人民政府办公室``), each a full name."""
    k = next((k for k in range(0, len(clause) - 4) if is_org(clause[k:])), None)
    while k is not None and k > 1 and clause[k - 1] == "、":
        before = clause[:k - 1]
        j = next((j for j in range(0, len(before) - 4) if is_org(before[j:])), None)
        if j is None:
            break
        k = j
    return k


def _reported_at(issue: Issue, end: int) -> tuple[Heading, str | None] | None:
    """A news text's report of the document it is about, in its first lines: a body's full name, a
    verb of issuing and the document's title (``近日，某省人民政府办公厅印发《关于某事的若干措施》
    （某政办发〔2022〕18号）``): the title, the issuer, and the number printed after the title."""
    for i in range(0, min(end, _ANNOUNCE_LINES) + 1):
        c = simplify(issue.clean[i])
        for m in _REPORTED.finditer(c):
            clause = m.group("clause")
            k = _joint_issuers_start(clause)
            if k is None or not is_title(m.group("t")):
                continue
            issuer = issue.clean[i][m.start("clause") + k:m.end("clause")]
            title = title_text(issue.clean[i][m.start("t"):m.end("t")])
            number = m.group("n") and issue.clean[i][m.start("n"):m.end("n")]
            ok = number and DOC_NUMBER.full.fullmatch(simplify("".join(number.split())))
            return Heading(title, i, issuer), ("".join(number.split()) if ok else None)
    return None


def _reported(issue: Issue, end: int) -> Heading | None:
    got = _reported_at(issue, end)
    return got[0] if got else None


def reported_number(issue: Issue, end: int) -> tuple[int, str, Heading] | None:
    """The number a news text prints after the title of the document it reports, where the page
    has no heading of its own (the report is about that document; see ``_reported_at``)."""
    if _top_heading(issue, end):
        return None
    got = _reported_at(issue, end)
    return (got[0].line, got[1], got[0]) if got and got[1] else None


def named_issuer(issue: Issue, end: int) -> str | None:
    """The issuer a news text names as the subject of issuing or setting up (``某省人民政府办公厅下发
    通知``, ``近日，某省人民政府发布关于…的通知``, ``中共某县委调整充实了…领导小组``): the full name of a
    body (``is_org``) right before a verb of ``documents.issuing_verbs``, in the first lines."""
    verbs = entry("documents.issuing_verbs").alternation
    for i in range(0, min(end, _ANNOUNCE_LINES) + 1):
        # a verb inside a cited title (《某办公厅转发…的通知》) issues nothing here: titles masked, same length
        c = re.sub(r"《[^《》]*》", lambda q: "。" * len(q.group()), simplify(issue.clean[i]))
        for m in re.finditer(rf"(?:^|[，,。；;：:！!？?\s])(?P<clause>[^，,。；;：:！!？?\s]{{5,40}}?)(?={verbs})", c):
            clause = m.group("clause")
            # the body's name ends the clause; a word such as 近日 or 日前 may come before it
            for k in range(0, len(clause) - 4):
                if is_org(clause[k:]):
                    return issue.clean[i][m.start("clause") + k:m.end("clause")]
    return None


def dateless_signature(issue: Issue, last: int) -> str | None:
    """The issuer signed without a date at the end of the text (``…管理。`` / ``某市某区人民政府办公室``):
    one to three lines of names after the text's last sentence."""
    names: list[str] = []
    i = last
    while i >= 0 and len(names) < 4:
        if issue.blank(i):
            i -= 1
            continue
        got = split_orgs(issue.raw[i])
        if not got:
            break
        names = got + names
        i -= 1
    while i >= 0 and issue.blank(i):
        i -= 1
    if names and len(names) <= 3 and i >= 0 and simplify(issue.clean[i]).endswith(("。", "！", "!")):
        return "、".join(names)
    return None


_ADDRESSEE_END = ("：", ":")


def _addressee(line: str) -> bool:
    """An addressee line (``各县（市、区）人民政府，市政府各部门：``): ends with a colon, holds no sentence."""
    c = simplify(line)
    return c.endswith(_ADDRESSEE_END) and len(c) <= 120 and not re.search(r"[。；;！？《》]|如下", c)


def unnumbered_notices(issue: Issue, hosts: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    """Notices printed without a number among an issue's numbered documents: (first line, heading
    line, title, issuer of the heading), 0-based.

    A notice is one where the document before it has just ended with its signature (a date line or
    the ``（此件公开发布）`` note, the issuer's name allowed between): its heading reads as a title with
    关于 (over up to three lines, the issuer's name on a line above allowed) and its addressee follows
    (``各县（市、区）人民政府，市政府各部门：``). A heading the document before it cites in 《》 (a plan it
    issues, a notice it forwards) stays that document's. ``hosts`` are the numbered documents' (start,
    number line)."""
    out = []
    for i in range(len(issue.clean)):
        head = issue.clean[i][:31]
        if ("于" not in head and "於" not in head) or "关于" not in simplify(head) or i in issue.toc or issue.blank(i):
            continue
        if any(lo <= i <= n for lo, n in hosts):
            continue  # a numbered document's own heading
        lines, k = [i], neighbour_index(issue, i, 1)
        while not is_title("".join(issue.clean[t] for t in lines)) and len(lines) < 3 and k < len(issue.clean) \
                and issue._title_like(k):
            lines.append(k)
            k = neighbour_index(issue, k, 1)
        joined = squash("".join(issue.clean[t] for t in lines))
        if not is_title(joined) or k >= len(issue.clean) or not _addressee(issue.clean[k]):
            continue
        start, p = i, neighbour_index(issue, i, -1)
        while p >= 0 and split_orgs(issue.raw[p]):
            start, p = p, neighbour_index(issue, p, -1)
        if p >= 0 and not (parse_date(issue.raw[p]) or _NOTE_LINE.match(issue.clean[p])):
            continue
        host = max((lo for lo, _ in hosts if lo < i), default=None)
        title, orgs = strip_issuer_prefix(joined)
        cited = host is not None and any(simplify(norm_title(q)) in (simplify(norm_title(title)), simplify(joined))
                                         for q in _QUOTED.findall("".join(issue.clean[host:i])))
        if not cited:
            names = split_orgs(" ".join(issue.raw[t] for t in range(start, i) if not issue.blank(t)))
            out.append((start, i, title_text(title), "、".join(orgs or names) or None))
    return out


_NOTE_LINE = re.compile(r"^[（(]此件[^）)]*[）)]$")


def norm_title(title: str) -> str:
    """A title compared with the same title quoted (inner 〈〉 for 《》 inside a 《》)."""
    return re.sub(r"[《》〈〉\s]", "", title)


def lone_date(issue: Issue, lo: int, hi: int) -> str | None:
    """A date printed on a line of its own (``(二○○八年五月十八日)``, ``二〇一二年三月一日``) in ``lo..hi``."""
    for i in range(lo, min(hi, len(issue.raw) - 1) + 1):
        c = issue.clean[i].strip("()（）")
        if c and (date := parse_date(c)):
            return date
    return None


__all__ = ["Heading", "is_title", "metadata_title", "leading_number", "bracketed_number", "find_heading",
           "reported_number", "unnumbered_notices", "lone_date", "named_issuer", "dateless_signature"]

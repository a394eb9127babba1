"""Split a gazette issue into its documents.

A document is found by its number line (``晋市政发〔2020〕3号`` alone on a line, spaces allowed) or,
for a chronicle, by its heading (``晋城市人民政府1月大事记``). From there:

* the heading is read upwards from the number line: title lines (joined, doubled bold undone),
  topped by the issuer line(s) printed above the title;
* the span runs from the heading to the last printed line before the next document, so plans and
  attachments stay with their notice; page furniture, the table of contents, the masthead and the
  back cover belong to no document;
* issuer and date come from the signature block (issuer line(s) over ``YYYY年M月D日``); without a
  signature, the issuer is the one printed over the heading, else the one other documents of the
  same number series carry in this issue;
* a notice page printed inside another document's plan (the plan's running title resumes right
  after the notice's signature) is cut out of the host: the host keeps its span, with the guest's
  lines blanked in ``Document.lines`` so that no fact is read twice;
* page numbers and running headers inside a document are blanked in ``Document.lines`` too, so a
  list or a name broken by a page turn reads on; line numbers are unchanged.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from govkg.text.clean import squash
from govkg.text.docnumber import issuer_of, without_site_label
from govkg.text.document import Document
from govkg.text.furniture import is_furniture
from govkg.text.issue import (
    SERIES_END,
    Issue,
    is_org,
    neighbour,
    neighbour_index,
    number_and_date,
    number_on_line,
    strip_issuer_prefix,
    title_text,
)
from govkg.text.numberless import (
    bracketed_number,
    contents_lines,
    dateless_signature,
    find_heading,
    leading_number,
    lone_date,
    metadata_title,
    named_issuer,
    unnumbered_notices,
    reported_number,
)
from govkg.text.numerals import parse_date
from govkg.text.runon import cut as cut_run_on
from govkg.text.script import simplify

_HAN = re.compile(r"[\u4e00-\u9fff]")
_CHRONICLE = re.compile(
    r"^(?P<org>.{0,30}?)(?:\d{4}年)?(?P<month>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?)?大事记"
    r"(?:[（(](?:\d{4}年)?(?P<month2>\d{1,2}月份?)[）)])?$")


_ENTRY = re.compile(r"^(?:\d|[一二三四五六七八九十]{1,3}月|[一二三四五六七八九十]{1,3}日|※|·|•|【)")  # a chronicle entry


_MASTHEAD = re.compile(r"^(?P<org>.{4,30}?)公报$")


# the line before a number cited on a line of its own ends in an open bracket; the line after opens with a closing one
_CITED_BEFORE = tuple("（(《》、，,")


_CITED_AFTER = tuple("）)》、，,。；;")


# a heading a page prints inside 《》 (《某市人民政府关于某事的通知》 over the number): no citation
_QUOTED_HEADING = re.compile(r"《[^《》]*(?:〈[^《》]*〉[^《》]*)*(?:关于|印发|转发)[^《》]*》")


@dataclass
class _Found:
    number_line: int            # 0-based index of the number line (or chronicle heading)
    start: int                  # 0-based first line of the heading
    number: str | None
    title: str
    head_orgs: list[str] = field(default_factory=list)
    end: int = -1
    issuer: str | None = None
    date: str | None = None
    sig_end: int | None = None  # 0-based last line of the signature block
    blank: list[tuple[int, int]] = field(default_factory=list)  # guest spans cut out of this one
    whole_file: bool = False    # no number line: the file's one document (govkg.text.numberless)
    head_date: str | None = None  # a date printed beside the number in the heading (an unsigned page's)
    notice: bool = False        # a notice without a number among numbered ones (numberless.unnumbered_notices)


def _chronicle_headings(issue: Issue) -> dict[int, str]:
    """Lines that open a chronicle: per heading text, the first one followed by a dated entry
    (a list of contents or a running header repeats the heading without one), else the first."""
    where: dict[str, list[int]] = {}
    for i, c in enumerate(issue.clean):
        ch = _CHRONICLE.match(c) if c.endswith(("大事记", ")", "）")) and i not in issue.toc else None
        org = ch.group("org") if ch else ""
        if ch and len(c) <= 40 and (ch.group("month") or ch.group("month2") or is_org(org)) \
                and (not org or is_org(org)):
            where.setdefault(c, []).append(i)
    listed = {i for lines in where.values() for i in lines}
    out: dict[int, str] = {}
    for c, lines in where.items():
        # a heading next to another heading is an entry of a list of contents
        lines = [i for i in lines if not {neighbour_index(issue, i, -1), neighbour_index(issue, i, 1)} & listed]
        if lines:
            out[next((i for i in lines if _ENTRY.match(neighbour(issue, i, 1))), lines[0])] = c
    return out


_ORDER_HEAD = re.compile(r"^#*\s*(?P<org>[\u4e00-\u9fff]{2,20}?(?:人民政府|政府))令$")


_ORDER_NO = re.compile(r"^第\d{1,4}[号號]$")


_QUOTED = re.compile(r"《([^《》]{2,60})》")


_NOTICE_OPENING = re.compile(r"^(?:关于|印发|转发|批转)")


def _order(issue: Issue, i: int) -> _Found | None:
    """A government order (规章): ``广东省人民政府令`` over ``第294号``; its title is the regulation it
    publishes (the first 《…》 below), its date the first date below."""
    if not _ORDER_NO.match(simplify(issue.clean[i])):
        return None
    k = neighbour_index(issue, i, -1)
    m = _ORDER_HEAD.match(simplify(issue.clean[k])) if k >= 0 else None
    if not m:
        return None
    head = issue.clean[k].lstrip("#").strip()
    below = range(i + 1, min(len(issue.clean), i + 15))
    title = next((t.group(1) for j in below if (t := _QUOTED.search(issue.clean[j]))), "")
    date = next((d for j in below if (d := parse_date(issue.raw[j]))), None)
    return _Found(i, k, head + issue.clean[i], title, [head[:-1]], date=date)


def _find(issue: Issue) -> list[_Found]:
    found: list[_Found] = []
    seen: set[str] = set()
    masthead = next((c[:m.end("org")] for c in issue.clean[:80] if (m := _MASTHEAD.match(simplify(c)))), None)
    chronicles = _chronicle_headings(issue)
    for i, c in enumerate(issue.clean):
        if i in issue.toc or not c:
            continue
        number = number_on_line(c)
        if number:
            if i in issue.meta.rows:
                continue  # the value of a metadata row (发文字号: / 某政发〔2024〕7号): read with the rows
            above = neighbour(issue, i, -1)
            if number in seen or (above.endswith(_CITED_BEFORE) and not _QUOTED_HEADING.fullmatch(above)) \
                    or neighbour(issue, i, 1).startswith(_CITED_AFTER):
                continue  # a running header, a reprinted page, or a citation wrapped onto its own line
            seen.add(number)
            head = issue.heading_above(i, number)
            title = head.text if head.text is not None else \
                strip_issuer_prefix(title_text(squash("".join(issue.clean[t] for t in head.lines))))[0]
            start, orgs = head.start, head.orgs
            below, below_orgs = issue.heading_below(i)
            # a page's own title over the number, the document's heading (关于…) under it
            if below and (not head.lines or not _NOTICE_OPENING.match(simplify(title))):
                title = strip_issuer_prefix(squash("".join(issue.clean[t] for t in below)))[0]
                orgs, start = below_orgs or orgs, min(start, i)
            if _table_row(issue, i):
                continue  # a row of a list of documents printed one cell per line: cited, not a document
            beside = number_and_date(c)
            date = parse_date(beside[1]) if beside and beside[1] else None
            found.append(_Found(i, start, without_site_label(number, orgs), title_text(title), orgs,
                                head_date=head.date or date))
            continue
        order = _order(issue, i)
        if order:
            found.append(order)
            continue
        if i in chronicles:
            org = _CHRONICLE.match(c).group("org") or (masthead if masthead and is_org(masthead) else None)
            found.append(_Found(i, i, None, c, [org] if org else []))
    if found:
        hosts = [(f.start, f.number_line) for f in found]
        found += [_Found(h, lo, None, title, [issuer] if issuer else [], notice=True)
                  for lo, h, title, issuer in unnumbered_notices(issue, hosts)]
        found.sort(key=lambda f: f.number_line)
    # a heading read upwards may run into the previous document's number line: keep them apart
    for prev, cur in zip(found, found[1:]):
        if cur.start <= prev.number_line:
            cur.start = prev.number_line + 1
    return found or _without_number_line(issue)


def _next_filled(issue: Issue, i: int, step: int) -> int | None:
    """The nearest line from ``i`` in direction ``step`` that holds anything (a bare number
    included, which ``Issue.blank`` takes for page furniture); None where the file ends first."""
    j = i + step
    while 0 <= j < len(issue.raw) and not issue.raw[j].strip():
        j += step
    return j if 0 <= j < len(issue.raw) else None


def _row_index(issue: Issue, j: int | None) -> bool:
    return j is not None and re.fullmatch(r"\d{1,3}", issue.raw[j].strip()) is not None


def _table_row(issue: Issue, i: int) -> bool:
    """A number line that is a cell of a list of documents flattened to one cell per line
    (废止的规范性文件目录): ``1`` / ``某市人民政府关于某事的通知`` / ``某政发〔2008〕21号`` / ``2``, or the
    number before the title (``1`` / ``某政发〔2008〕21号`` / ``某市…的通知`` / ``2``); a date cell may
    follow the number, and the last row ends the file. Such a number is cited, it opens no document.
    A page number printed over a heading is never followed by a row index after the title."""
    def closes_row(j: int | None) -> bool:  # the row ends after line j: the next index, or the file's end
        k = _next_filled(issue, j, 1) if j is not None else None
        if k is not None and parse_date(issue.raw[k]):
            k = _next_filled(issue, k, 1)
        return k is None or _row_index(issue, k)

    if _row_index(issue, _next_filled(issue, i, -1)):  # number first
        return closes_row(_next_filled(issue, i, 1))
    title = _next_filled(issue, i, -1)
    return title is not None and _row_index(issue, _next_filled(issue, title, -1)) and closes_row(i)


def _without_number_line(issue: Issue) -> list[_Found]:
    """The one document of a file that prints no number line: numbered by a metadata row or by the
    number opening its first line, else unnumbered (``govkg.text.numberless``)."""
    printed = [i for i in range(len(issue.raw)) if not issue.blank(i)]
    if not printed:
        return []
    first, last = printed[0], printed[-1]
    contents = contents_lines(issue, last)
    if not any(len(_HAN.findall(issue.clean[i])) >= 6 for i in printed if i not in contents):
        return []  # only contents, a masthead or a colophon: no document
    meta = issue.meta
    if meta.number:
        head = metadata_title(issue) or find_heading(issue, last)
        return [_Found(meta.number_line, first, meta.number, head.title if head else "",
                       [head.issuer] if head and head.issuer else [])]
    lead = leading_number(issue) or bracketed_number(issue, last) or reported_number(issue, last)
    if lead:
        i, number, head = lead
        return [_Found(i, first, number, head.title, [head.issuer] if head.issuer else [])]
    head = metadata_title(issue) or find_heading(issue, last)
    f = _Found(head.line if head else first, first, None, head.title if head else "",
               [head.issuer] if head and head.issuer else [], whole_file=True)
    f.blank = [(i, i) for i in sorted(contents)]  # a gazette's contents set out nothing
    sigs = issue.signatures(first, last)
    if sigs:
        f.issuer, f.date = "、".join(sigs[0][0]), sigs[0][1]
    else:
        f.issuer = (head.issuer if head else None) or dateless_signature(issue, last) or named_issuer(issue, last) \
            or _meta_issuer(issue)
        f.date = lone_date(issue, first, min(last, f.number_line + 3)) or issue.unsigned_date(first, last) \
            or issue.meta.date
    return [f]


def _meta_issuer(issue: Issue) -> str | None:
    """The issuing body of the page's metadata rows (发文机关), where it is a full name: sites often
    print their own office there (县政府办, 市应急管理局 for a province's plan), so it comes last."""
    return issue.meta.issuer if issue.meta.issuer and is_org(issue.meta.issuer) else None


def _cut_guests(issue: Issue, found: list[_Found]) -> None:
    """Give back to its host a plan that resumes after a notice printed in the middle of it."""
    for host, guest in zip(found, found[1:]):
        if guest.sig_end is None or guest.sig_end >= guest.end:
            continue
        k = guest.sig_end + 1
        while k <= guest.end and issue.blank(k):
            k += 1
        resumed = issue.clean[k] if k <= guest.end else ""
        host_head = "".join(issue.clean[host.number_line:host.number_line + 12])
        cited = set(re.findall(r"《([^《》]{4,60})》", host_head))
        if resumed and (resumed in cited or resumed == host.title):
            host.blank.append((guest.start, guest.sig_end))
            host.end = guest.end
            guest.end = issue.last_printed(guest.start, guest.sig_end)


def segment(text: str, file: str) -> list[Document]:
    """The documents of one issue, in order, each with its line span, number, title, issuer, date."""
    issue = Issue(text)
    found = _find(issue)
    # a back cover, or a web page's links after its (last) document, end the last document
    stop = min(issue.back_cover(), issue.site_trailer(found[-1].number_line)) if found else len(issue.raw)
    for k, f in enumerate(found):
        nxt = found[k + 1].start - 1 if k + 1 < len(found) else stop - 1
        f.end = issue.last_printed(f.number_line, max(nxt, f.number_line))
    for k, f in enumerate(found):
        if f.whole_file:
            continue  # issuer and date already read from the whole file
        if f.number is None and not f.notice:
            f.issuer = f.head_orgs[0] if f.head_orgs else None  # a chronicle
            continue
        if f.date and f.number and f.number.endswith(("号", "號")) and "令第" in f.number:
            f.issuer = f.head_orgs[0]  # an order is signed by the governor, dated below its number
            continue
        sigs = issue.signatures(f.number_line, f.end)
        if not sigs and f.head_orgs and k + 1 < len(found):
            # the signature page may be printed inside the next document: take it only if the
            # signing bodies are this document's and not the next one's
            nxt = found[k + 1]
            sigs = [s for s in issue.signatures(nxt.number_line, nxt.end)
                    if set(s[0]) == set(f.head_orgs) and set(s[0]) != set(nxt.head_orgs)][:1]
            sigs = [(o, d, -1) for o, d, _ in sigs]
        if sigs:
            best = next((s for s in sigs if set(s[0]) == set(f.head_orgs)), sigs[0])
            f.issuer, f.date = "、".join(best[0]), best[1]
            f.sig_end = best[2] if best[2] >= 0 else None
        elif f.head_orgs:
            f.issuer = "、".join(f.head_orgs)
        f.issuer = f.issuer or (issuer_of(f.number) if f.number else None) or (_meta_issuer(issue) if k == 0 else None)
        if not f.date:
            # unsigned: a date alone under the notice, a date printed beside the number in the heading,
            # the metadata rows' (成文日期)
            f.date = issue.unsigned_date(f.number_line, f.end) or f.head_date or (issue.meta.date if k == 0 else None)
    _learn_issuers(found)
    _cut_guests(issue, found)
    docs = []
    for f in found:
        lines = list(issue.raw[f.start:f.end + 1])
        for lo, hi in f.blank:
            for i in range(lo, hi + 1):
                lines[i - f.start] = ""
        for i in range(f.start, f.end + 1):
            # page numbers and running headers break lists and names; a bare number may be a cell
            if is_furniture(issue.raw[i]) and not issue.raw[i].strip().isdigit():
                lines[i - f.start] = ""
        docs.append(_document(file, f, lines))
    return docs


def _document(file: str, f: _Found, lines: list[str]) -> Document:
    """The Document of a found span; run-on lines cut into pieces that keep their source line."""
    pieces = [cut_run_on(line) for line in lines]
    start = f.start + 1
    if all(len(p) == 1 for p in pieces):
        return Document(file=file, start=start, end=f.end + 1, lines=tuple(lines), number=f.number, title=f.title,
                        issuer=f.issuer, date=f.date, number_line=f.number_line + 1)
    logical: list[str] = []
    source: list[int] = []
    first_of: dict[int, int] = {}
    for i, parts in enumerate(pieces):
        first_of[start + i] = start + len(logical)
        logical.extend(parts)
        source.extend([start + i] * len(parts))
    return Document(file=file, start=start, end=start + len(logical) - 1, lines=tuple(logical), number=f.number,
                    title=f.title, issuer=f.issuer, date=f.date, number_line=first_of[f.number_line + 1],
                    source_lines=tuple(source))


def _series(number: str) -> str:
    return re.split(rf"[{SERIES_END}]", number, maxsplit=1)[0]


def _learn_issuers(found: list[_Found]) -> None:
    """An unsigned document without a printed issuer takes the issuer of its number series."""
    votes: dict[str, Counter[str]] = {}
    for f in found:
        if f.number and f.issuer:
            votes.setdefault(_series(f.number), Counter())[f.issuer] += 1
    for f in found:
        series = f.number and _series(f.number)
        if series and not f.issuer and series in votes:
            # on a tie, an office series (…政办…) goes to an office (…办公室/办公厅), others not
            f.issuer = max(votes[series].items(),
                           key=lambda kv: (kv[1], ("办" in series) == ("办公" in kv[0])))[0]

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

from govkg.text.clean import compared as _clean
from govkg.text.clean import squash, strip_markup
from govkg.text.docnumber import DOC_NUMBER
from govkg.text.document import Document
from govkg.text.furniture import is_furniture
from govkg.text.numerals import parse_date
from govkg.text.script import simplify

_OPEN = "〔\\[［【(（"  # where a number's series (issuer prefix) ends
_NUMBER_LABEL = re.compile(r"^(?:发文字号|文号)[:：]")


def number_on_line(line: str) -> str | None:
    """The 文号 (``refs.DOC_NUMBER``, the one definition) a cleaned line holds and nothing else, as
    printed: alone, after a 发文字号/文号 label, or in round brackets under a title
    (``（川府发〔2019〕18号）``); else None."""
    label = _NUMBER_LABEL.match(line)
    if label:
        body = line[label.end():]
    elif line.startswith(("（", "(")) and line.endswith(("）", ")")):
        body = line[1:-1]
    else:
        body = line
    # every number ends in 号 (or 号令): a cheap test before the full pattern, run on every line
    if not body.endswith(("号", "號", "令")):
        return None
    return body if DOC_NUMBER.full.fullmatch(simplify(body)) else None


_ORG_SUFFIX = re.compile(
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管理委员会|管委会|"
    r"局|厅|委|部|署|中心|院|会|政府|办)$"
)
_CHRONICLE = re.compile(
    r"^(?P<org>.{0,30}?)(?:\d{4}年)?(?P<month>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?)?大事记"
    r"(?:[（(](?:\d{4}年)?(?P<month2>\d{1,2}月份?)[）)])?$")
_ENTRY = re.compile(r"^(?:\d|[一二三四五六七八九十]{1,3}月|[一二三四五六七八九十]{1,3}日|※|·|•|【)")  # a chronicle entry
_MASTHEAD = re.compile(r"^(?P<org>.{4,30}?)公报$")
_SIGNED_LINE = re.compile(r"^(.{5,80}?)\s+((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年.{1,12}日)$")
_CATEGORY = re.compile(r"^[•·【\[]|[】\]•·]$|文件$")  # section labels: 【市政府文件】, • 部门文件 •
# the line before a number cited on a line of its own ends in an open bracket; the line after opens with a closing one
_CITED_BEFORE = tuple("（(《》、，,")
_CITED_AFTER = tuple("）)》、，,。；;")
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d{1,4}\s*$")
_TOC_HEAD = re.compile(r"^目录$")
_ENUMERATED = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[条章节]|附件|附表)"
)
_SENTENCE_END = tuple("。；;：:，,！？!?、")
_PUBLIC = re.compile(r"^[（(]此件[^）)]*[）)]$")
_NOTE = re.compile(r"^[（(](?:此件|见|详见|略|附)")  # (见网络), (此件公开发布): notes, never titles
_MAX_TITLE_LINES = 6
def _is_org(name: str) -> bool:
    """A full name of an issuing body: ``晋城市人民政府``, not prose and not a short form (``市财政局``)."""
    return 5 <= len(name) <= 30 and not simplify(name).startswith(("关于", "市", "县", "区", "省")) \
        and bool(_ORG_SUFFIX.search(simplify(name))) and not re.search(r"[，。；：:,、“”《》]|\d", name)


def split_orgs(raw: str) -> list[str]:
    """The organisation names of an issuer line, or [] if the line is not only names.

    ``晋城市行政审批服务管理局 晋城市生态环境局`` gives both; ``晋 城 市 气 象 局`` gives one.
    """
    tokens = strip_markup(raw).split()
    if not tokens:
        return []
    orgs: list[str] = []
    acc = ""
    for tok in tokens:
        acc += tok
        if len(acc) >= 4 and _ORG_SUFFIX.search(simplify(acc)):
            orgs.append(acc)
            acc = ""
    if acc:
        # the last run is no name: maybe the spacing split a name oddly, so try the whole line
        whole = _clean(raw)
        return [whole] if _is_org(whole) else []
    return orgs if all(_is_org(o) for o in orgs) else []


def _strip_issuer_prefix(title: str) -> tuple[str, list[str]]:
    """``晋城市人民政府关于…`` -> (``关于…``, [``晋城市人民政府``])."""
    k = simplify(title).find("关于")  # 關於 too
    if k > 0 and _is_org(title[:k]):
        return title[k:], [title[:k]]
    return title, []


def _title_text(title: str) -> str:
    """A title as facts carry it: outer 《》 removed, inner 〈〉 kept."""
    return title.replace("《", "").replace("》", "")


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


class _Issue:
    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")
        self.clean = [_clean(r) for r in self.raw]
        self.toc = self._toc_lines()

    # -- line kinds -------------------------------------------------------------------------
    def blank(self, i: int) -> bool:
        return not self.clean[i] or is_furniture(self.raw[i])

    def _toc_lines(self) -> set[int]:
        """Lines of tables of contents: clusters of dot-leader entries, from a 目录 heading if any."""
        entries = [i for i, c in enumerate(self.clean) if _TOC_ENTRY.search(c)]
        toc: set[int] = set()
        k = 0
        while k < len(entries):
            j = k
            while j + 1 < len(entries) and entries[j + 1] - entries[j] <= 12:
                j += 1
            if j > k:
                lo, hi = entries[k], entries[j]
                for h in range(lo, max(-1, lo - 15), -1):
                    if _TOC_HEAD.match(self.clean[h]):
                        lo = h
                        break
                toc.update(range(lo, hi + 1))
            k = j + 1
        return toc

    def _title_like(self, i: int) -> bool:
        c, raw = simplify(self.clean[i]), self.raw[i]
        if "\t" in raw or _TOC_ENTRY.search(c):
            return False
        # a title may break after an enumeration comma (关于印发…新业态、/现代服务业…); prose ends so too
        if c.endswith(_SENTENCE_END) and not (c.endswith(("、", "，", ",")) and "关于" in c):
            return False
        if number_on_line(c) or parse_date(raw) or _NOTE.match(c) or _ENUMERATED.match(c):
            return False
        if _CATEGORY.search(c) and not c.startswith("关于"):
            return False
        if c.endswith(("日）", "日)")) or c.endswith("号）") or c.endswith("号)"):
            return False
        return len(c) <= 40 or c.startswith("关于") or raw.lstrip().startswith("#") or "关于" in c[:31]

    # -- headings ---------------------------------------------------------------------------
    def heading_above(self, n: int) -> tuple[int, list[int], list[str]]:
        """(first line, title lines, issuer names) of the heading printed over line ``n``."""
        title: list[int] = []
        orgs: list[str] = []
        start = n
        seen_guan = False
        i = n - 1
        while i >= 0 and i not in self.toc:
            if self.blank(i):
                i -= 1
                continue
            names = split_orgs(self.raw[i])
            if names:
                orgs = names + orgs
                start = i
            elif orgs:
                break
            elif seen_guan or len(title) >= _MAX_TITLE_LINES or not self._title_like(i):
                break
            else:
                title.insert(0, i)
                start = i
                body, prefix = _strip_issuer_prefix(self.clean[i])
                if prefix:
                    orgs = prefix
                seen_guan = seen_guan or simplify(body).startswith("关于")
            i -= 1
        return start, title, orgs

    def heading_below(self, n: int) -> tuple[list[int], list[str]]:
        """Title lines printed under a number line (layouts that print the number first)."""
        title: list[int] = []
        orgs: list[str] = []
        i = n + 1
        while i < len(self.raw) and len(title) < _MAX_TITLE_LINES:
            if self.blank(i):
                i += 1
                continue
            if not self._title_like(i) or number_on_line(self.clean[i]):
                break
            body, prefix = _strip_issuer_prefix(self.clean[i])
            if not title and not simplify(body).startswith("关于"):
                break
            orgs = orgs or prefix
            title.append(i)
            i += 1
        return title, orgs

    # -- signatures -------------------------------------------------------------------------
    def signatures(self, lo: int, hi: int) -> list[tuple[list[str], str | None, int]]:
        """Signature blocks in lines lo..hi: (issuer names, date or None, last line)."""
        out = []
        for i in range(lo, hi + 1):
            date = parse_date(self.raw[i])
            orgs: list[str] = []
            if not date:
                # name and date on one line: 北京市人民政府 2021年3月2日
                m = _SIGNED_LINE.match(strip_markup(self.raw[i]))
                if not m or not (date := parse_date(m.group(2))) or not (orgs := split_orgs(m.group(1))):
                    continue
            skipped = 0
            j = i - 1
            above = not orgs
            while above and j >= lo and i - j <= 8:
                if self.blank(j):
                    j -= 1
                    continue
                names = split_orgs(self.raw[j])
                if names:
                    orgs = names + orgs
                elif orgs or skipped:
                    break
                else:
                    # two-column pages interleave one line of the notice between name and date
                    skipped += 1
                j -= 1
            if orgs:
                end = i
                k = i + 1
                while k <= hi and self.blank(k):
                    k += 1
                if k <= hi and _PUBLIC.match(self.clean[k]):
                    end = k
                out.append((orgs, date, end))
        return out

    def last_printed(self, lo: int, hi: int) -> int:
        """The last line in lo..hi that is neither blank nor furniture (lo if none)."""
        while hi > lo and self.blank(hi):
            hi -= 1
        return hi

    def back_cover(self) -> int:
        """Index of the first line of a back cover at the end of the issue, else len(lines).

        A back cover is a run of at least three slogans of one length (``传达政令`` / ``宣传政策`` / …),
        so that a list of names or units closing the last document is not mistaken for one.
        """
        run: list[int] = []
        for i in range(len(self.raw) - 1, -1, -1):
            if self.blank(i):
                continue
            if not re.fullmatch(r"[\u4e00-\u9fff]{4,8}", self.clean[i]):
                break
            if len(run) == 8:
                return len(self.raw)
            run.append(i)
        if len(run) >= 3 and len({len(self.clean[i]) for i in run}) == 1:
            return run[-1]
        return len(self.raw)


def _neighbour_index(issue: _Issue, i: int, step: int) -> int:
    """The index of the next printed line from ``i`` in direction ``step`` (-1 or len past the end)."""
    j = i + step
    while 0 <= j < len(issue.clean) and issue.blank(j):
        j += step
    return j


def _neighbour(issue: _Issue, i: int, step: int) -> str:
    j = _neighbour_index(issue, i, step)
    return issue.clean[j] if 0 <= j < len(issue.clean) else ""


def _chronicle_headings(issue: _Issue) -> dict[int, str]:
    """Lines that open a chronicle: per heading text, the first one followed by a dated entry
    (a list of contents or a running header repeats the heading without one), else the first."""
    where: dict[str, list[int]] = {}
    for i, c in enumerate(issue.clean):
        ch = _CHRONICLE.match(c) if c.endswith(("大事记", ")", "）")) and i not in issue.toc else None
        org = ch.group("org") if ch else ""
        if ch and len(c) <= 40 and (ch.group("month") or ch.group("month2") or _is_org(org)) \
                and (not org or _is_org(org)):
            where.setdefault(c, []).append(i)
    listed = {i for lines in where.values() for i in lines}
    out: dict[int, str] = {}
    for c, lines in where.items():
        # a heading next to another heading is an entry of a list of contents
        lines = [i for i in lines if not {_neighbour_index(issue, i, -1), _neighbour_index(issue, i, 1)} & listed]
        if lines:
            out[next((i for i in lines if _ENTRY.match(_neighbour(issue, i, 1))), lines[0])] = c
    return out


_ORDER_HEAD = re.compile(r"^#*\s*(?P<org>[\u4e00-\u9fff]{2,20}?(?:人民政府|政府))令$")
_ORDER_NO = re.compile(r"^第\d{1,4}[号號]$")
_QUOTED = re.compile(r"《([^《》]{2,60})》")


def _order(issue: _Issue, i: int) -> _Found | None:
    """A government order (规章): ``广东省人民政府令`` over ``第294号``; its title is the regulation it
    publishes (the first 《…》 below), its date the first date below."""
    if not _ORDER_NO.match(simplify(issue.clean[i])):
        return None
    k = _neighbour_index(issue, i, -1)
    m = _ORDER_HEAD.match(simplify(issue.clean[k])) if k >= 0 else None
    if not m:
        return None
    head = issue.clean[k].lstrip("#").strip()
    below = range(i + 1, min(len(issue.clean), i + 15))
    title = next((t.group(1) for j in below if (t := _QUOTED.search(issue.clean[j]))), "")
    date = next((d for j in below if (d := parse_date(issue.raw[j]))), None)
    return _Found(i, k, head + issue.clean[i], title, [head[:-1]], date=date)


def _find(issue: _Issue) -> list[_Found]:
    found: list[_Found] = []
    seen: set[str] = set()
    masthead = next((c[:m.end("org")] for c in issue.clean[:80] if (m := _MASTHEAD.match(simplify(c)))), None)
    chronicles = _chronicle_headings(issue)
    for i, c in enumerate(issue.clean):
        if i in issue.toc or not c:
            continue
        number = number_on_line(c)
        if number:
            if number in seen or _neighbour(issue, i, -1).endswith(_CITED_BEFORE) \
                    or _neighbour(issue, i, 1).startswith(_CITED_AFTER):
                continue  # a running header, a reprinted page, or a citation wrapped onto its own line
            seen.add(number)
            start, title_lines, orgs = issue.heading_above(i)
            if not title_lines:
                below, below_orgs = issue.heading_below(i)
                if below:
                    title_lines, orgs, start = below, orgs or below_orgs, min(start, i)
            title = _strip_issuer_prefix(squash("".join(issue.clean[t] for t in title_lines)))[0]
            found.append(_Found(i, start, number, _title_text(title), orgs))
            continue
        order = _order(issue, i)
        if order:
            found.append(order)
            continue
        if i in chronicles:
            org = _CHRONICLE.match(c).group("org") or (masthead if masthead and _is_org(masthead) else None)
            found.append(_Found(i, i, None, c, [org] if org else []))
    # a heading read upwards may run into the previous document's number line: keep them apart
    for prev, cur in zip(found, found[1:]):
        if cur.start <= prev.number_line:
            cur.start = prev.number_line + 1
    return found


def _cut_guests(issue: _Issue, found: list[_Found]) -> None:
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
    issue = _Issue(text)
    found = _find(issue)
    stop = issue.back_cover()
    for k, f in enumerate(found):
        nxt = found[k + 1].start - 1 if k + 1 < len(found) else stop - 1
        f.end = issue.last_printed(f.number_line, max(nxt, f.number_line))
    for k, f in enumerate(found):
        if f.number is None:
            f.issuer = f.head_orgs[0] if f.head_orgs else None
            continue
        if f.date and f.number.endswith(("号", "號")) and "令第" in f.number:
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
        docs.append(Document(file=file, start=f.start + 1, end=f.end + 1, lines=tuple(lines),
                             number=f.number, title=f.title, issuer=f.issuer, date=f.date,
                             number_line=f.number_line + 1))
    return docs


def _series(number: str) -> str:
    return re.split(rf"[{_OPEN}]", number, maxsplit=1)[0]


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

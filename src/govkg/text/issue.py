"""An issue's lines as the segmenter reads them: each line cleaned once, the kinds of lines (number
lines, title lines, issuer lines, signatures, tables of contents, the back cover) and the headings
read up and down from a number line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from govkg.lexicon import entry
from govkg.text.clean import compared as _clean
from govkg.text.clean import squash, squeeze, strip_markup
from govkg.text.docnumber import DOC_NUMBER
from govkg.text.furniture import is_furniture
from govkg.text.metadata import read as read_metadata
from govkg.text.metadata import row_date
from govkg.text.numerals import parse_date
from govkg.text.repair import repair
from govkg.text.script import simplify

SERIES_END = "〔\\[［【(（"  # where a number's series (issuer prefix) ends


_NUMBER_LABEL = re.compile(r"^(?:发文字号|文号)[:：]")


def number_on_line(line: str) -> str | None:
    """The 文号 (``refs.DOC_NUMBER``, the one definition) a cleaned line holds and nothing else, as
    printed: alone, after a 发文字号/文号 label, or in round brackets under a title
    (``（川府发〔2019〕18号）``), a date beside it allowed (``（吕政发〔2020〕9号  2020年7月3日）``); else None."""
    got = number_and_date(line)
    return got[0] if got else None


# a date printed beside the number under a title, before or after it
_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日"
_DATE_BESIDE = re.compile(rf"^(?:(?P<d1>{_DATE})[\s，,]*)?(?P<num>.+?)(?:[\s，,]*(?P<d2>{_DATE}))?$")


def number_and_date(line: str) -> tuple[str, str | None] | None:
    """``number_on_line``'s number and the date printed beside it (``2020年7月3日``, as printed), or None."""
    label = _NUMBER_LABEL.match(line)
    if label:
        body = line[label.end():]
    elif line.startswith(("（", "(")) and line.endswith(("）", ")")):
        body = line[1:-1]
    else:
        body = line
    date = None
    if body.endswith("日") or "年" in body[:5]:
        m = _DATE_BESIDE.match(body)
        if m and (m.group("d1") or m.group("d2")):
            body, date = m.group("num"), m.group("d1") or m.group("d2")
    # a cheap test before the full pattern, run on every line: the last characters of its tails
    if simplify(body[-1:]) not in DOC_NUMBER.last_chars:
        return None
    return (body, date) if DOC_NUMBER.full.fullmatch(simplify(body)) else None


_ORG_SUFFIX = re.compile(
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管理委员会|管委会|办事处|"
    r"局|厅|委|部|署|中心|院|会|政府|办)$"
)
_ORG_SUFFIX_REACH = max(len(w) for w in _ORG_SUFFIX.pattern[3:-2].split("|"))  # the longest ending


_SIGNED_LINE = re.compile(r"^(.{5,80}?)\s+((?:\d{4}|[〇○零OoＯ0０一二三四五六七八九]{4})\s*年.{1,12}日)$")


_CATEGORY = re.compile(r"^[•·【\[]|[】\]•·]$|文件$")  # section labels: 【市政府文件】, • 部门文件 •


_TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d{1,4}\s*$")


_TOC_HEAD = re.compile(r"^目录$")


_ENUMERATED = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[条章节]|附件|附表)"
)


_SENTENCE_END = tuple("。；;：:，,！？!?、")


_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}[.、．]")


_SIGNER = re.compile(r"^[\u4e00-\u9fff]{0,16}(?:长|主任|书记)[:：]?[\u4e00-\u9fff·]{2,5}$")  # 局长：王某, 省长某某


_PUBLIC = re.compile(r"^[（(]此件[^）)]*[）)]$")


_NOTE = re.compile(r"^[（(](?:此件|见|详见|略|附)")  # (见网络), (此件公开发布): notes, never titles


_MAX_TITLE_LINES = 6


def is_org(name: str) -> bool:
    """A full name of an issuing body: ``晋城市人民政府``, not prose and not a short form (``市财政局``)."""
    s = simplify(name)
    # (a title's first line may end like one: …关于成立某市某某工作指挥部 / 的通知)
    return 5 <= len(name) <= 30 and not s.startswith(("关于", "市", "县", "区", "省")) and "关于" not in s \
        and bool(_ORG_SUFFIX.search(s)) and not re.search(r"[，。；：:,、“”《》]|\d", name)


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
        # the ending is matched on the last characters only: a run of tokens that ends no name may grow long
        if len(acc) >= 4 and _ORG_SUFFIX.search(simplify(acc[-_ORG_SUFFIX_REACH:])):
            orgs.append(acc)
            acc = ""
    if acc:
        # the last run is no name: maybe the spacing split a name oddly, so try the whole line
        whole = _clean(raw)
        return [whole] if is_org(whole) else []
    return orgs if all(is_org(o) for o in orgs) else []


_TITLE_OPENING = re.compile(r"关于|印发|转发|批转")


_SHORT_ORG = re.compile(r"^[省市县区州盟旗镇乡][\u4e00-\u9fff]{1,18}$")


def strip_issuer_prefix(title: str) -> tuple[str, list[str]]:
    """``晋城市人民政府关于…`` -> (``关于…``, [``晋城市人民政府``]); also before 印发/转发/批转
    (``内蒙古自治区人民政府印发《…》的通知`` -> ``印发《…》的通知``). A short form of the issuer
    (``县人民政府办公室关于…``, ``市政府关于…``) is cut off the title too, but names no issuer: the
    place it speaks for is not printed."""
    tokens = title.split()
    if len(tokens) > 1:
        # several issuers apart by spaces before the title: 甲市发展和改革委员会 中共甲市委社会工作部 关于…
        at = next((k for k, t in enumerate(tokens) if _TITLE_OPENING.match(simplify(t))), 0)
        names = split_orgs(" ".join(tokens[:at])) if at else []
        if len(names) > 1:
            return squash(" ".join(tokens[at:])), names
        title = squash(title)
    shadow = simplify(title)  # 關於 too
    for m in _TITLE_OPENING.finditer(shadow):
        k = m.start()
        if k > 0 and is_org(title[:k]):
            return title[k:], [title[:k]]
        if k > 0 and _SHORT_ORG.match(shadow[:k]) and _ORG_SUFFIX.search(shadow[:k]):
            return title[k:], []
    return title, []


_TRAILING_GROUPS = re.compile(r"(?:[(（][^()（）]{1,20}[)）])+$")
_TITLE_PUNCT = re.compile(r"[，,。；;！？!?：:]")


def is_title(text: str) -> bool:
    """A document title: ``关于…的通知`` or a name that ends with a document kind (``…方案``, ``…指南(2023年)``)."""
    s = simplify(squash(text))
    if not 4 <= len(s) <= 90 or _TITLE_PUNCT.search(_TRAILING_GROUPS.sub("", s)):
        return False
    core = _TRAILING_GROUPS.sub("", s).rstrip("》")
    return entry("documents.title_kinds").test(core)


@dataclass
class Head:
    """A heading read from a number line: its first line, title lines and issuer names; ``text``
    is the title (issuer prefix off) where a line holds more than the title, ``date`` a date printed
    beside the number on a line that repeats it."""

    start: int
    lines: list[int] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    text: str | None = None
    date: str | None = None


def title_text(title: str) -> str:
    """A title as facts carry it: outer 《》 removed, inner 〈〉 kept."""
    return title.replace("《", "").replace("》", "")


class Issue:
    def __init__(self, text: str) -> None:
        self.raw = repair(text.split("\n"))  # glosses, scraping dots and split labels, once
        self.clean = [_clean(r) for r in self.raw]
        self._blank: list[bool | None] = [None] * len(self.raw)
        self.toc = self._toc_lines()
        self.meta = read_metadata(self.raw)  # a web page's metadata rows (govkg.text.metadata)

    # -- line kinds -------------------------------------------------------------------------
    def blank(self, i: int) -> bool:
        got = self._blank[i]
        if got is None:  # asked many times per line by the heading and signature walks: once each
            got = self._blank[i] = not self.clean[i] or is_furniture(self.raw[i])
        return got

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
        if "\t" in raw or _TOC_ENTRY.search(c) or i in self.meta.rows:
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
    def heading_above(self, n: int, number: str | None = None) -> Head:
        """The heading printed over line ``n`` (the number line of ``number``).

        A line above that prints the same number again with other text is a page's own summary of
        the document: ``某市人民政府办公室关于某事的通知 某办发〔2016〕9号 2016年12月23日 发布机关:…``
        gives the title (a partial heading under it, repeating the title's end, is passed over);
        ``某府办函[2003]248号2003年12月16日某省`` is passed over. The date beside the number is kept."""
        head = Head(n)
        seen_guan = False
        i = n - 1
        while i >= 0 and i not in self.toc:
            if self.blank(i):
                i -= 1
                continue
            names = split_orgs(self.raw[i])
            reprint = self._reprinted(i, number) if number and not names else None
            if reprint is not None:
                before, after = reprint
                head.date = head.date or row_date(after)
                if not before:
                    i -= 1
                    continue
                if not is_title(before) or (head.text is None and head.lines and not simplify(before).endswith(
                        simplify("".join(self.clean[t] for t in head.lines)))):
                    break
                head.text, prefix = strip_issuer_prefix(before)
                head.lines, head.start = [i], i
                head.orgs = prefix or head.orgs
                seen_guan = True
            elif names:
                head.orgs = names + head.orgs
                head.start = i
            elif head.orgs:
                if not head.lines and head.text is None and self._title_like(i) and is_title(self.clean[i]):
                    head.lines, head.start = [i], i  # a title over its issuer's name (title / issuer / number)
                break
            elif seen_guan or len(head.lines) >= _MAX_TITLE_LINES or not self._title_like(i):
                break
            else:
                head.lines.insert(0, i)
                head.start = i
                body, prefix = strip_issuer_prefix(title_text(self.clean[i]))
                if prefix:
                    head.orgs = prefix
                seen_guan = seen_guan or simplify(body).startswith("关于")
            i -= 1
        return head

    def _reprinted(self, i: int, number: str) -> tuple[str, str] | None:
        """(text before, text after) where line ``i`` prints ``number`` with more text; else None."""
        line, key = squeeze(self.clean[i]), squeeze(number)
        at = simplify(line).find(simplify(key))
        if at < 0 or line == key:
            return None
        return line[:at], line[at + len(key):]

    def heading_below(self, n: int) -> tuple[list[int], list[str]]:
        """Title lines printed under a number line (layouts that print the number first)."""
        title: list[int] = []
        orgs: list[str] = []
        i = n + 1
        while i < len(self.raw) and len(title) < _MAX_TITLE_LINES:
            if self.blank(i):
                i += 1
                continue
            names = [] if title else split_orgs(self.raw[i])
            if names:  # the issuer printed between the number and the title
                orgs = orgs + names
                i += 1
                continue
            continues = title and not is_title("".join(self.clean[t] for t in title))
            # a title's last line may be long (印发《…》和《…》的通知): it ends the title
            if not (self._title_like(i) or (continues and is_title(self.clean[i]))) or number_on_line(self.clean[i]):
                break
            body, prefix = strip_issuer_prefix(title_text(self.clean[i]))
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

    def unsigned_date(self, lo: int, hi: int) -> str | None:
        """The date of a notice signed without its issuer's name: a date alone on its line in
        lo..hi, right after the notice's last sentence (``…请认真贯彻执行。`` / ``2014年3月20日``),
        its list of attachments (``2.某某方案`` / ``2021年5月12日``) or its signer (``局长：王某``).
        A date among other dates (a table's deadline cells) is none."""
        for i in range(lo, hi + 1):
            if self.blank(i) or not (date := parse_date(self.raw[i])):
                continue
            p, q = neighbour_index(self, i, -1), neighbour_index(self, i, 1)
            if any(lo <= j <= hi and parse_date(self.raw[j]) for j in (p, q)):
                continue
            prev = simplify(self.clean[p]) if p >= lo else ""
            if prev.endswith(("。", "！", "!")) or _SIGNER.match(prev) or self._attachment_list_ends(p, lo):
                return date
        return None

    def _attachment_list_ends(self, p: int, lo: int) -> bool:
        """Whether line ``p`` closes a notice's list of attachments (``附件：1.某方案`` / ``2.某清单``)."""
        for _ in range(12):
            if p < lo:
                return False
            c = simplify(self.clean[p])
            if c.startswith("附件"):
                return True
            if not _ATTACHMENT_ITEM.match(c):
                return False
            p = neighbour_index(self, p, -1)
        return False

    def last_printed(self, lo: int, hi: int) -> int:
        """The last line in lo..hi that is neither blank nor furniture (lo if none)."""
        while hi > lo and self.blank(hi):
            hi -= 1
        return hi

    def site_trailer(self, after: int) -> int:
        """Index of the first line after ``after`` that opens a web page's trailing links
        (``documents.site_trailer``: 相关链接, 上一篇：…), else len(lines)."""
        trailer = entry("documents.site_trailer")
        return next((i for i in range(after + 1, len(self.raw))
                     if len(self.clean[i]) <= 60 and trailer.test(simplify(self.clean[i]))), len(self.raw))

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


def neighbour_index(issue: Issue, i: int, step: int) -> int:
    """The index of the next printed line from ``i`` in direction ``step`` (-1 or len past the end)."""
    j = i + step
    while 0 <= j < len(issue.clean) and issue.blank(j):
        j += step
    return j


def neighbour(issue: Issue, i: int, step: int) -> str:
    j = neighbour_index(issue, i, step)
    return issue.clean[j] if 0 <= j < len(issue.clean) else ""

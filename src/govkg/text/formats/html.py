"""A saved government web page → the document's lines: the main content without the site's navigation,
share bars and footers; ``<p>``/``<br>`` as line breaks; data tables as one tab-separated line per row
(the form the plain-text gazettes print tables in, which the table readers read); the encoding
declared in the page when it reads plausibly, else sniffed. Each line's origin is the line of the
saved file its text starts on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from govkg.facts import Origin
from govkg.text.decode import decode
from govkg.text.formats.lines import Layout

# elements that are never the document: scripts, the site's frame, forms
SKIP = frozenset("script style noscript nav header footer aside form button select option iframe svg template "
                 "head object embed canvas textarea input map".split())
VOID = frozenset("br img hr meta link input area base col embed source track wbr param".split())
BLOCK = frozenset("p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote center table "
                  "tbody thead tfoot tr td th pre address figure figcaption hr caption body html".split())  # td/th: of layout tables
# id/class words of site chrome (a part is skipped when it has one of these and none of CONTENT)
CHROME = frozenset("nav navbar menu submenu breadcrumb breadcrumbs crumb crumbs share bdshare sharebox jiathis "
                   "fenxiang footer foot bottom header topbar sidebar side aside copyright toolbar tools print "
                   "login search banner ads advert related links friendlink position location dqwz qrcode ewm "
                   "skip social".split())
CONTENT = frozenset("article content main text zoom detail trs editor pages zw ucap view".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
ROLES = frozenset("navigation banner contentinfo search complementary".split())
# lines of page furniture that sit inside the content area on many sites
FURNITURE = re.compile(r"^(?:【?\s*(?:字[体号])\s*[:：].*|【?打印(?:本页|此页)?】?|【?关闭(?:窗口|本页)?】?|分享到\s*[:：]?.*|"
                       r"扫一扫.*|返回顶部|当前位置\s*[:：].*|【?\s*大\s*中\s*小\s*】?)$")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# a line break of the saved file next to a Chinese character is no space (browsers show none between CJK)
_WRAP = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n\\s*|[ \\t\\r\\f]*\\n\\s*(?=[{_CJK}])")
_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list["Node | Text"] = field(default_factory=list)


@dataclass
class Text:
    text: str
    line: int


MAX_DEPTH = 200

# an open element that a new start tag closes (HTML's implied end tags, the common cases)
_CLOSES = {"p": {"p"}, "li": {"li"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"},
           "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"}}
_SCOPE = {"li": {"ul", "ol"}, "tr": {"table"}, "td": {"tr", "table"}, "th": {"tr", "table"}}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = _CLOSES.get(tag)
        if closes:
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in _SCOPE.get(tag, set()):
                    break
                if t in closes:
                    del self.stack[i:]
                    break
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        # a page nested deeper than any real one (hostile, or unclosed tags by the thousand) is flattened
        # there: the rest becomes siblings, so the walk's recursion stays bounded and nothing is lost
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data:
            self.stack[-1].children.append(Text(data, self.getpos()[0]))


def _is_chrome(node: Node) -> bool:
    if node.tag in SKIP:
        return True
    if node.attrs.get("role", "").lower() in ROLES or "hidden" in node.attrs:
        return True
    if re.search(r"display\s*:\s*none", node.attrs.get("style", ""), re.I):
        return True
    words = set(re.split(r"[\s_\-]+", f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower())) - {""}
    # "share-bar2", "footer1": the word without trailing digits
    words |= {w.rstrip("0123456789") for w in words}
    return bool(words & CHROME) and not words & CONTENT


def _has_table(node: Node) -> bool:
    return any(isinstance(c, Node) and (c.tag == "table" or _has_table(c)) for c in node.children)


def _is_data_table(table: Node) -> bool:
    """A table of data (rows of cells), not one that lays out the page: no table inside it, and at least
    two rows of two cells or more (a layout table puts the menu beside the content in one row)."""
    if _has_table(table):
        return False
    rows = _descendants(table, "tr", stop="table")
    return sum(1 for tr in rows if sum(isinstance(c, Node) and c.tag in ("td", "th") for c in tr.children) >= 2) >= 2


class _Renderer:
    def __init__(self) -> None:
        self.layout = Layout()
        self.pieces: list[str] = []
        self.line: int | None = None

    def flush(self) -> None:
        raw = "".join(self.pieces)
        self.pieces = []
        text = _SPACE.sub(" ", _WRAP.sub("", raw)).strip(" \u3000")
        if text and not FURNITURE.match(text):
            self.layout.add(text, Origin(line=self.line))
        self.line = None

    def block(self) -> None:
        self.flush()
        self.layout.paragraph_break()

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, Text):
                if child.text.strip() and self.line is None:
                    self.line = child.line
                self.pieces.append(child.text)
                continue
            if _is_chrome(child):
                continue
            if child.tag == "br":
                self.flush()
            elif child.tag == "table" and _is_data_table(child):
                self.block()
                self.table(child)
                self.layout.paragraph_break()
            elif child.tag == "pre":
                self.block()
                for i, part in enumerate(_plain(child).split("\n")):
                    if part.strip():
                        self.layout.add(part.rstrip(), Origin(line=child.line + i))
                self.layout.paragraph_break()
            elif child.tag in HEADINGS:
                # a heading as the plain-text gazettes mark it (``## 名单``): some readers key on the mark
                self.block()
                self.pieces.append("#" * int(child.tag[1]) + " ")
                self.walk(child)
                if "".join(self.pieces).strip().strip("#"):
                    self.block()
                else:
                    self.pieces = []
                    self.line = None
            elif child.tag in BLOCK:
                self.block()
                self.walk(child)
                self.block()
            else:
                self.walk(child)

    def table(self, table: Node) -> None:
        for caption in _descendants(table, "caption", stop="table"):  # printed above the table: it names it
            text = _cell_text(caption)
            if text:
                self.layout.add(text, Origin(line=caption.line))
        for tr in _descendants(table, "tr", stop="table"):
            cells: list[str] = []
            for cell in tr.children:
                if not isinstance(cell, Node) or cell.tag not in ("td", "th") or _is_chrome(cell):
                    continue
                cells.append(_cell_text(cell))
                span = cell.attrs.get("colspan", "1").strip()
                if span.isdigit() and int(span) > 1:  # the plain-text tables leave a spanned column empty
                    cells.extend([""] * (min(int(span), 50) - 1))
            if any(cells):
                self.layout.add("\t".join(cells).rstrip("\t"), Origin(line=tr.line))


def _descendants(node: Node, tag: str, stop: str) -> list[Node]:
    out: list[Node] = []
    for c in node.children:
        if isinstance(c, Node):
            if c.tag == tag:
                out.append(c)
            elif c.tag != stop:
                out.extend(_descendants(c, tag, stop))
    return out


def _plain(node: Node) -> str:
    return "".join(c.text if isinstance(c, Text) else ("\n" if c.tag == "br" else _plain(c))
                   for c in node.children if isinstance(c, Text) or not _is_chrome(c))


def _cell_text(cell: Node) -> str:
    """A cell's text on one line: its own line breaks (``<br>``, paragraphs) become spaces."""
    r = _Renderer()
    r.walk(cell)
    r.flush()
    return " ".join(line for line in r.layout.lines if line)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 kB (``<meta charset>`` or ``http-equiv``)."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(data: bytes) -> Layout:
    """The lines of a saved web page (see the module docstring)."""
    declared = declared_charset(data)
    got = decode(data, declared=declared)
    builder = _TreeBuilder()
    builder.feed(got.text.replace("\r\n", "\n").replace("\r", "\n"))
    builder.close()
    r = _Renderer()
    r.walk(builder.root)
    r.flush()
    layout = r.layout
    while layout.lines and not layout.lines[-1]:
        layout.lines.pop()
        layout.origins.pop()
    layout.encoding, layout.replaced = got.encoding, got.replaced
    if declared and not _same_encoding(declared, got.encoding):
        layout.notes.append(f"declares charset {declared} but reads as {got.encoding}")
    return layout


def _same_encoding(declared: str, used: str) -> bool:
    import codecs

    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return False
    family = {"gb2312": "gb18030", "gbk": "gb18030", "euc_cn": "gb18030", "cp936": "gb18030", "gb18030": "gb18030",
              "big5": "big5", "big5hkscs": "big5", "cp950": "big5", "utf-8": "utf-8"}
    return family.get(name, name) == family.get(codecs.lookup(used).name, used)


__all__ = ["read_html", "declared_charset"]

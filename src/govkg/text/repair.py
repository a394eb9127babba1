"""Line repairs a web page or a PDF conversion makes necessary, applied once to a document's lines
before any reader sees them (the line count never changes, so line numbers stay the file's):

* **pinyin glosses** a site prints after a character (``市發(fā)改委``) go;
* **anti-scraping dots** a site sprinkles between characters go: on a line dense with them (three or
  more) every one but a transliterated name's (``阿不都·热合曼``); elsewhere only one that splits a word of
  the lexicon (``成员单·位``) or leaves one character alone (``组·长``, ``龚·丽``), so ``中国·山西（晋城）``
  keeps its dot;
* **a label split by a line wrap** (``…（责任单`` / ``位：市财政局）``, ``成员单`` / ``位：…``) is made whole
  on the second line, where its value is;
* **a bullet before a line** (``● 市发展改革委``, ``• 发文字号:``, a list as Word or a site prints it) goes: it is
  no part of the name after it;
* **a line set in spaced type** (``关 于 成 立 … 的 通 知``, ``沪 府 办 〔 2 0 2 1 〕 3 7 号``: five or more characters,
  each alone between spaces) is printed without the spaces;
* **a document's number split by a line wrap** where it stands alone (``国家税务总局公告2022`` / ``年第5号``,
  ``法规国家税务总局公告2018年第58`` / ``号 国家税务总局关于…``) is made whole on the first line, where it starts:
  a number is read from a line of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govkg.lexicon import entry
from govkg.text.docnumber import DOC_NUMBER
from govkg.text.script import simplify

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]")
_DOT = "·•・.．"
_DOTTED = re.compile(rf"(?<=[\u4e00-\u9fff])[{_DOT}](?=[\u4e00-\u9fff])")
_TOKEN = re.compile(rf"[\u4e00-\u9fff{_DOT}]+")
# characters a post, an agency or a body ends or is built with: a dotted run holding them is no name
_NOT_NAME = set("市省县区局委办厅部院府组长员任记席会队司处室科所站中心")


def _name_like(token: str) -> bool:
    """A transliterated name (阿不都·热合曼): two or more parts of 2+ characters, no post or agency word."""
    parts = re.split(rf"[{_DOT}]", token)
    return len(parts) >= 2 and all(len(p) >= 2 for p in parts) and len(token) <= 16 \
        and not any(ch in _NOT_NAME for ch in simplify(token))


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """Words a scraping dot may split: labels, roles and the endings of bodies and documents."""
    return frozenset(entry("roles.split_labels").words) | frozenset(entry("roles.members").words) \
        | frozenset(entry("documents.title_kinds").words) | frozenset(("领导小组", "指挥部", "联席会议", "委员会", "办公室",
                                                                      "人民政府", "工作专班"))


def _splits_a_word(shadow: str, at: int) -> bool:
    """The dot at ``at`` splits a lexicon word, or leaves a single character on one side (龚·丽): no name
    or phrase is built so."""
    left = re.search(r"[\u4e00-\u9fff]+$", shadow[:at])
    right = re.match(r"[\u4e00-\u9fff]+", shadow[at + 1:])
    if (left and len(left.group()) == 1) or (right and len(right.group()) == 1):
        return True
    joined = shadow[max(0, at - 5):at] + shadow[at + 1:at + 6]
    cut = min(at, 5)
    return any(w in joined and joined.index(w) < cut < joined.index(w) + len(w)
               for w in _words() if len(w) >= 2 and w[0] in joined)


def _undot(line: str) -> str:
    dots = list(_DOTTED.finditer(line))
    if not dots:
        return line
    if len(dots) < 3:
        shadow = simplify(line)
        keep = [m.start() for m in dots if not _splits_a_word(shadow, m.start())]
        if len(keep) == len(dots):
            return line
        return "".join(ch for i, ch in enumerate(line) if i in keep or not any(m.start() == i for m in dots))
    out, last = [], 0
    for m in _TOKEN.finditer(line):
        token = m.group()
        if _DOTTED.search(token) and not _name_like(token):
            token = _DOTTED.sub("", token)
        out.append(line[last:m.start()] + token)
        last = m.end()
    return "".join(out) + line[last:]


@lru_cache(maxsize=1)
def _label_starts() -> dict[str, list[str]]:
    """Each proper prefix of a label → the labels it begins (longest first)."""
    starts: dict[str, list[str]] = {}
    for label in sorted(entry("roles.split_labels").words, key=len, reverse=True):
        for k in range(1, len(label)):
            starts.setdefault(label[:k], []).append(label)
    return starts


@lru_cache(maxsize=1)
def _last_chars() -> frozenset[str]:
    """The characters a label's first part can end with (most lines end otherwise: a cheap first test)."""
    return frozenset(p[-1] for p in _label_starts())


def _split_label(line: str, nxt: str) -> int:
    """How many characters at the end of ``line`` begin a label that ``nxt`` completes (0 if none)."""
    tail = line.rstrip()
    if not tail or simplify(tail[-1]) not in _last_chars():
        return 0
    starts = _label_starts()
    for k in range(min(len(tail), 6), 0, -1):
        labels = starts.get(simplify(tail[-k:]))
        if not labels:
            continue
        head = simplify(nxt.lstrip())
        for label in labels:
            if head.startswith(label[k:]) and re.match(r"\s*[:：]", head[len(label) - k:]):
                return k
    return 0


_BULLETS = "●•▪■□◆◇○◎★☆►▶"
_BULLET = re.compile(rf"^(\s*)[{_BULLETS}]\s*(?=[\u4e00-\u9fff\d（(])")
_SPACED_MIN = 5  # characters of a line set in spaced type at least: 张 三, 通 知 are a spaced name and heading


def _unspaced(line: str) -> str:
    """``line`` without the spaces between its characters when every character stands alone between them."""
    tokens = line.split()
    if len(tokens) < _SPACED_MIN or any(len(t) != 1 for t in tokens):
        return line
    return line[:len(line) - len(line.lstrip())] + "".join(tokens)


_NUMBER_LINE = 30  # characters at most of a line a number starts on and fills (a long prefix, a year, 第, 号)


def _split_number(line: str, nxt: str) -> int:
    """How many characters at the start of ``nxt`` end a document number that ``line`` (nothing else on it)
    begins (0 if none): the fewest that make ``line`` a number."""
    tail, head = line.strip(), nxt.lstrip()
    if not tail or len(tail) > _NUMBER_LINE or ("号" not in head[:12] and "號" not in head[:12]) \
            or not DOC_NUMBER.tail.search(simplify(tail + head[:12])) \
            or DOC_NUMBER.full.fullmatch(simplify(tail)):
        return 0
    for k in range(1, min(len(head), 12) + 1):
        if head[k - 1].isspace():
            return 0  # a number holds no space past its first line
        if DOC_NUMBER.full.fullmatch(simplify(tail + head[:k])):
            # the number itself on the second line (廣州市人民政府文件 / 穗府〔2007〕7號) is whole already
            return 0 if any(DOC_NUMBER.finditer(simplify(head[:k]))) else k
    return 0


def repair(lines: list[str]) -> list[str]:
    """The lines with glosses, scraping dots and bullets removed, spaced type closed up and split labels and
    numbers made whole (same count)."""
    out = [_undot(_GLOSS.sub("", line) if "(" in line or "（" in line else line) if line else line for line in lines]
    out = [_BULLET.sub(r"\1", line) if line.lstrip()[:1] in _BULLETS else line for line in out]
    out = [_unspaced(line) if " " in line or "\u3000" in line else line for line in out]
    ends = _last_chars()
    for i in range(len(out) - 1):
        if out[i].strip() and (j := next((k for k in range(i + 1, min(len(out), i + 3)) if out[k].strip()), None)):
            k = _split_number(out[i], out[j])
            if k:
                lead = len(out[j]) - len(out[j].lstrip())
                out[i] = out[i].rstrip() + out[j][lead:lead + k]
                out[j] = out[j][:lead] + out[j][lead + k:]
        tail = out[i].rstrip()
        if not tail or tail[-1] not in ends and simplify(tail[-1]) not in ends:
            continue  # most lines end otherwise: no label can begin there
        j = next((k for k in range(i + 1, min(len(out), i + 3)) if out[k].strip()), None)
        if j is None:
            continue
        k = _split_label(out[i], out[j])
        if k:
            stripped = out[i].rstrip()
            moved = stripped[len(stripped) - k:]
            out[i] = stripped[:len(stripped) - k]
            lead = len(out[j]) - len(out[j].lstrip())
            out[j] = out[j][:lead] + moved + out[j][lead:]
    return out


__all__ = ["repair"]

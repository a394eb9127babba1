"""Page furniture: the lines a PDF conversion mixes into the text that belong to no document.

Page numbers (``—— 13``, ``- 12 -``, ``第 3 页``), running headers of the gazette
(``晋城市人民政府公报1 / 2023•市政府办公室文件 •``, ``政府公报`` alone), mastheads and markdown rules; and what a web
page prints around a document: its site's name (``某市人民政府门户网站``, ``www.gov.cn``) and
``documents.site_chrome`` (breadcrumbs ``当前位置：首页 > 政务公开``, page tools ``返回顶部`` ``【打印】【关闭】``,
hit counters ``浏览次数：590``).
"""
from __future__ import annotations

import re

from govkg.lexicon import entry
from govkg.text.script import simplify

_FURNITURE = (
    re.compile(r"^[-—–－_\s]*\d{1,4}[-—–－_\s]*$"),
    re.compile(r"^第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d+\s*页?)?$"),
    re.compile(r"^[\u4e00-\u9fff]{2,20}公报\s*(?:第?\s*\d+\s*[期/／]|\d{4}).*$"),
    re.compile(r"^[\u4e00-\u9fff]{0,16}(?:政府|国务院)公报$"),  # the gazette's name alone: a running head
    re.compile(r"^[\u4e00-\u9fff]{0,16}(?:政府|国务院)(?:门户网站|网站|网)$"),  # a site's name over its page
    re.compile(r"^(?:https?://)?www\.[\w.-]+(?:/\S*)?$"),
    re.compile(r".*[•·]\s*[\u4e00-\u9fff]*文件\s*[•·]\s*$"),
    re.compile(r"^[A-Z]{4,}(?:\s+[A-Z]{4,})+$"),
    re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$"),
)
_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))  # one pass, same matches



def is_furniture(line: str) -> bool:
    """True for page furniture: page numbers, the gazette's running header, mastheads, rules."""
    t = line.strip()
    if not t:
        return False
    t = simplify(t)  # 公報 as 公报
    return _ANY_FURNITURE.match(t) is not None or _chrome(t)


def _chrome(t: str) -> bool:
    # the cheap test first: a chrome line is short and opens with one of these characters
    return len(t) <= _CHROME_WIDTH and t[0] in _CHROME_FIRST and entry("documents.site_chrome").test(t)


_CHROME_WIDTH = 120
_CHROME_FIRST = frozenset("您当所位首网无适视返打关收下纠字分扫浏阅访点【[")

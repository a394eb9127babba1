"""Line repairs before any reader: pinyin glosses, anti-scraping dots, labels split by a wrap."""
from __future__ import annotations

import pytest

from govkg.text.repair import repair


@pytest.mark.parametrize("lines,expected", [
    (["市發(fā)改委、市財(cái)政局牽頭"], ["市發改委、市財政局牽頭"]),                      # glosses with tone marks go
    (["政府和社会资本合作(PPP)项目", "表(A类)"], ["政府和社会资本合作(PPP)项目", "表(A类)"]),  # not glosses
    (["组·长：张三"], ["组长：张三"]),                                                     # a dot that splits a label
    (["成·员：市发·改委、市财.政局"], ["成员：市发改委、市财政局"]),                          # a line dense with dots
    (["阿不都·热合曼 市委副书记"], ["阿不都·热合曼 市委副书记"]),                            # a transliterated name
    (["打造中国·山西（晋城）康养大会"], ["打造中国·山西（晋城）康养大会"]),                  # a dot that splits no word
    (["一、建设平台。（责任单", "位：市财政局）"], ["一、建设平台。（", "责任单位：市财政局）"]),  # split label, joined
    (["成员单", "", "位：市发改委"], ["", "", "成员单位：市发改委"]),                       # across a blank line
    (["组织单", "位开展培训"], ["组织单", "位开展培训"]),                                   # no colon: no label
])
def test_repair(lines, expected):
    assert repair(lines) == expected


def test_repair_keeps_the_line_count():
    lines = ["组·长：张三", "", "（责任单", "位：市财政局）", "末行"]
    assert len(repair(lines)) == len(lines)

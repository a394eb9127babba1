"""Line repairs before any reader: pinyin glosses, anti-scraping dots, labels and numbers split by a wrap."""
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
    # a bullet before a line goes; one that is part of the text (a label's dot, a rule's end) stays
    (["● 市发展改革委", "　• 组长：王大明", "■市财政局", "▶ 1.加快项目建设"], ["市发展改革委", "　组长：王大明", "市财政局", "1.加快项目建设"]),
    (["• 部门文件 •", "中国·山西（晋城）", "· 市财政局"], ["部门文件 •", "中国·山西（晋城）", "· 市财政局"]),
    # a line set in spaced type is closed up; a spaced name or a two-character heading is left
    (["关 于 成 立 市 防 汛 指 挥 部 的 通 知", "沪 府 办 〔 2 0 2 1 〕 3 7 号", "　通　知　"],
     ["关于成立市防汛指挥部的通知", "沪府办〔2021〕37号", "　通　知　"]),
    (["组　长：王　五", "王 五 市长", "市 财 政 局 局长"], ["组　长：王　五", "王 五 市长", "市 财 政 局 局长"]),
    # a document's number split by a wrap where it stands alone: whole on the line it starts on
    (["國家稅務總局廣東省稅務局公告2022", "年第5號", "為深入貫徹"], ["國家稅務總局廣東省稅務局公告2022年第5號", "", "為深入貫徹"]),
    (["法规国家税务总局公告2018年第58", "号 国家税务总局关于简化"], ["法规国家税务总局公告2018年第58号", " 国家税务总局关于简化"]),
    (["晋市政发〔2024〕", "", "12号"], ["晋市政发〔2024〕12号", "", ""]),
    (["广州市人民政府文件", "穗府〔2007〕7号"], ["广州市人民政府文件", "穗府〔2007〕7号"]),         # the number is whole below
    (["根据《意见》(国发〔2016〕", "59号)的要求"], ["根据《意见》(国发〔2016〕", "59号)的要求"]),  # in a sentence: read there
])
def test_repair(lines, expected):
    assert repair(lines) == expected


def test_repair_keeps_the_line_count():
    lines = ["组·长：张三", "", "（责任单", "位：市财政局）", "末行"]
    assert len(repair(lines)) == len(lines)

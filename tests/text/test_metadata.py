"""A web page's metadata rows (``govkg.text.metadata``): the number, title, issuer and date they
give, in the layouts sites print them, and the lines that are rows (never a heading)."""
from __future__ import annotations

import pytest

from govkg.text.metadata import read, row_date


@pytest.mark.parametrize("text,number,title,issuer,date", [
    # a label and its value per row, two rows on a line
    ("索 引 号：1136/2023-00412    主题分类：综合政务\n发布机构：某市人民政府办公室    成文日期：2023年04月11日\n"
     "标    题：某市人民政府办公室关于某事的通知\n发文字号：某府办字〔2023〕27号    发布日期：2023年04月13日\n正文。",
     "某府办字〔2023〕27号", "某市人民政府办公室关于某事的通知", "某市人民政府办公室", "2023-04-11"),
    # no colons, several labels on a line, empty values
    ("索引号 6207/2020-00915 发文字号 某政发〔2020〕110号\n关键词 发布机构 某县政府办\n生成日期 2020-12-12 15:40:33 是否有效\n",
     "某政发〔2020〕110号", None, "某县政府办", None),
    # bullets, and each value on the line under its label
    ("  • 索引号:\n\n    6107/2024-001005\n  • 发文字号:\n\n    某政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n"
     "  • 发布日期:\n\n    2024年04月08日 16:34\n  • 内容概述:\n\n某县人民政府工作规则\n",
     "某政发〔2024〕7号", None, None, "2024-04-06"),
    # dashes for bullets, 名称 for the title, a traditional label with spaces inside
    ("- 索引号:dq/2021-00016\n- 發文字號:某行發〔2021〕42號\n- 名 称:某地区行政公署关于某事的通知\n- 发布日期:2021-12-22 17:45\n",
     "某行發〔2021〕42號", "某地区行政公署关于某事的通知", None, None),
    # an ISO date for the date of issue; the posting date is not the document's
    ("发文日期: 2019-01-07 发布日期: 2019-01-16\n文       號: 某政發〔2019〕2號 主  題  詞:\n", "某政發〔2019〕2號", None, None,
     "2019-01-07"),
    # prose that holds a label word is no row
    ("各县人民政府：\n根据来源地管理的原则，发文字号某政发〔2020〕1号的文件继续执行。\n", None, None, None, None),
])
def test_metadata_fields(text, number, title, issuer, date):
    meta = read(text.split("\n"))
    assert (meta.number, meta.title, meta.issuer, meta.date) == (number, title, issuer, date)


def test_rows_and_values_are_marked_but_not_the_heading_or_the_addressee():
    lines = ["  • 发文字号:", "", "    某政发〔2024〕7号", "  • 内容概述:", "", "某县人民政府工作规则", "浏览次数:",
             "各乡镇人民政府，县直各部门：", "正文。"]
    assert read(lines).rows == {0, 2, 3, 6}


@pytest.mark.parametrize("value,date", [
    ("2019-01-07", "2019-01-07"), ("2024年04月06日 16:40", "2024-04-06"), ("2020-12-12 15:40:33", "2020-12-12"),
    ("二〇二〇年二月十二日", "2020-02-12"), ("2019-13-40", None), ("综合政务", None),
])
def test_row_date(value, date):
    assert row_date(value) == date

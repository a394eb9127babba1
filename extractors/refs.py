"""Patterns for the spans the ruler marks: document numbers, agencies, posts."""
from __future__ import annotations

import re

# 晋市政发〔2020〕3号, 国办发[2018]67号, 晋政发(2004)12 号, 省政府令294号
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}(?:[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号|令\s*第?\s*\d+\s*号)"
)
AGENCY = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}?[省市县区])[\u4e00-\u9fff]{1,14}?"
    r"(?:委员会|人民政府|办公室|局|委|办|厅|院|中心|支队|大队|公司|银行|分行)"
)
POST = re.compile(r"(?:常务)?副?(?:市长|秘书长|局长|主任|书记|部长|行长|经理|院长|队长|组长|指挥长)")

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("DOCNUM", DOC_NUMBER),
    ("AGENCY", AGENCY),
    ("POST", POST),
]

"""``undouble`` rewritten to take linear time (issue 15 item 6: ``undouble('（' * 4000)`` took 5 s, cubic) gives
what the old code gave: pinned against it, kept here as the reference, on every line of the sample corpus
and the wide set and on random strings of doubling characters."""
from __future__ import annotations

import random
import re
import time
from pathlib import Path

from govkg.text.clean import _HAN, _PAIRABLE, undouble

from tests.support import CORPUS_DIR, SHARED

_OPENERS = set("（(〔【[「《")


def _old_repeat_len(s: str, i: int) -> int:
    first = s[i:i + 1]
    j = s.rfind(first, i + 1, i + (len(s) - i) // 2 + 1) if first else -1
    while j > i:
        k = j - i
        unit = s[i:j]
        if s.startswith(unit, j) and (first in _PAIRABLE if k == 1 else len(_HAN.findall(unit)) >= 2):
            return k
        j = s.rfind(first, i + 1, j)
    return 0


def _old_undouble(s: str) -> str:
    if len(s) < 2:
        return s
    lead = len(s) - len(s.lstrip())
    body = s[lead:]
    starts_paired = len(body) >= 2 and body[0] == body[1] and body[0] in _OPENERS
    if not starts_paired and _old_repeat_len(body, 0) < 3:
        return s
    out, i = [], 0
    while i < len(body):
        k = _old_repeat_len(body, i)
        if k == 0:
            break
        out.append(body[i:i + k])
        i += 2 * k
    return s[:lead] + "".join(out) + body[i:]


def test_undouble_as_before_on_every_line():
    lines = [line for folder in (CORPUS_DIR, SHARED / "wide") for p in sorted(Path(folder).glob("*.txt"))
             for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    assert len(lines) > 10000
    for line in lines:
        assert undouble(line) == _old_undouble(line), line


def test_undouble_as_before_on_random_doubling():
    rnd = random.Random(15)
    alphabet = "（（一一））加加强强组组织" + "()一二1.，研究 "
    for _ in range(50000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        assert undouble(s) == _old_undouble(s), s
    for unit in ("（一）加强组织领导", "第一节 资源条件", "一二", "（（三三））营造氛围营造氛围。。"):
        s = re.sub(r"(.)", r"\1\1", unit[:3]) + unit[3:] * 2 + "其后"
        assert undouble(s) == _old_undouble(s), s


def test_undouble_of_long_bracket_runs_is_fast():
    for s in ("（" * 40000, "（（" + "一" * 40000, "（（一一））" * 8000, "研究" * 20000):
        t = time.perf_counter()
        undouble(s)
        assert time.perf_counter() - t < 1.0, s[:12]


def _old_split_orgs(raw: str) -> list[str]:
    from govkg.text.clean import strip_markup
    from govkg.text.issue import _ORG_SUFFIX, _clean, is_org
    from govkg.text.script import simplify

    tokens = strip_markup(raw).split()
    if not tokens:
        return []
    orgs, acc = [], ""
    for tok in tokens:
        acc += tok
        if len(acc) >= 4 and _ORG_SUFFIX.search(simplify(acc)):
            orgs.append(acc)
            acc = ""
    if acc:
        whole = _clean(raw)
        return [whole] if is_org(whole) else []
    return orgs if all(is_org(o) for o in orgs) else []


def test_split_orgs_as_before_on_every_line():
    from govkg.text.issue import split_orgs

    lines = [line for folder in (CORPUS_DIR, SHARED / "wide") for p in sorted(Path(folder).glob("*.txt"))
             for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    extra = ["晋城市行政审批服务管理局 晋城市生态环境局", "晋 城 市 气 象 局", "甲 乙 丙 人民政府办公室", "局 委员会"]
    for line in lines + extra:
        assert split_orgs(line) == _old_split_orgs(line), line


def test_split_orgs_of_a_long_line_is_fast():
    from govkg.text.issue import split_orgs

    line = " ".join(f"第{k}项工作" for k in range(20000))  # many tokens, no organisation ending
    t = time.perf_counter()
    assert split_orgs(line) == []
    assert time.perf_counter() - t < 1.0

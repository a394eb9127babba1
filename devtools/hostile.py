"""Hostile line shapes of issue 15 item 6, generated at any size, for the growth test
(``tests/hostile/test_extract_growth.py``) and ``bench/growth_bench.py``.

Each shape is a function of ``n`` (items, or characters) giving a gazette text whose one
pathological part grows with ``n``: a line of opening brackets, a corpus printed on one line, a
one-line list of names, citations on one line, a table printed one cell per line, numbered items
past 999 on one line. Deterministic for a given ``n``.
"""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建文辉力永健"
_AGENCIES = ("市发展改革委", "市财政局", "市教育局", "市公安局", "市民政局", "市自然资源局", "市生态环境局",
             "市住房城乡建设局", "市交通运输局", "市水务局", "市农业农村局", "市商务局", "市文化旅游局", "市卫生健康委")
_HEAD = "晋城市人民政府办公室\n关于成立晋城市安全生产委员会的通知\n晋市政办〔2020〕40号\n各县（市、区）人民政府：\n"
_TAIL = "\n晋城市人民政府办公室\n2020年5月6日\n"


def name(k: int) -> str:
    """The ``k``-th made-up person's name (two or three characters, all distinct for k < 90,000)."""
    s, rest = _SURNAMES[k % len(_SURNAMES)], k // len(_SURNAMES)
    g1, g2 = _GIVEN[rest % len(_GIVEN)], rest // len(_GIVEN)
    return s + g1 + (_GIVEN[g2 % len(_GIVEN)] if g2 else "")


def brackets(n: int) -> str:
    """``（`` printed ``n`` times (what ``text.clean.undouble`` was cubic on)."""
    return "（" * n


def one_line(n: int) -> str:
    """The sample corpus printed on one line (breaks turned into spaces), ``n`` characters of it."""
    text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted((ROOT / "corpus").glob("*.txt")))
    while len(text) < n:
        text += " " + text
    return text[:n]


_POSTS = ("市长", "副市长", "市政府秘书长", "市发展改革委主任", "市财政局局长")


def names_list(n: int) -> str:
    """A body's composition with a one-line list of ``n`` members, each name and post apart by spaces
    (``成员：王伟 市长　李芳 副市长　…``)."""
    members = "　".join(f"{name(k)} {_POSTS[k % len(_POSTS)]}" for k in range(n))
    return (_HEAD + "为加强安全生产工作，市政府决定成立晋城市安全生产委员会。现将组成人员通知如下：\n"
            "主任：张伟 市长\n成员：" + members + _TAIL)


def citations(n: int) -> str:
    """``n`` cited documents, 《title》 and 文号, on one line."""
    cited = "、".join(f"《关于做好第{k}项重点工作的通知》（晋政发〔2019〕{k + 1}号）" for k in range(n))
    return _HEAD + "根据" + cited + "，现通知如下。\n一、工作要求\n各单位要认真落实。" + _TAIL


def stacked_table(n: int) -> str:
    """A numbered task table printed one cell per line, ``n`` rows."""
    rows = []
    for k in range(n):
        a, b = _AGENCIES[k % len(_AGENCIES)], _AGENCIES[(k * 5 + 3) % len(_AGENCIES)]
        rows.append(f"{k % 999 + 1}\n推进第{k + 1}项重点任务落实。\n{a}\n{b}、{_AGENCIES[(k + 7) % len(_AGENCIES)]}\n")
    return (_HEAD + "现将《重点工作责任清单》印发给你们，请认真抓好落实。\n" + _TAIL
            + "重点工作责任清单\n序号\n重点工作\n牵头单位\n责任单位\n" + "".join(rows))


def numbered_items(n: int) -> str:
    """``n`` numbered items (1. … past 999) on one line."""
    items = " ".join(f"{k + 1}.加强第{k + 1}项工作，由{_AGENCIES[k % len(_AGENCIES)]}负责。" for k in range(n))
    return _HEAD + "现就有关工作通知如下：" + items + _TAIL


def unit_items(n: int) -> str:
    """A body's member units, ``n`` numbered items printed one per line (``成员单位：`` / ``1.市第0局`` / …)."""
    return (_HEAD + "市政府决定成立晋城市安全生产委员会。\n成员单位：\n"
            + "".join(f"{k + 1}.市第{k}局\n" for k in range(n)) + _TAIL)


# shape → generator: each generator's text grows linearly with n
SHAPES: dict[str, Callable[[int], str]] = {
    "brackets": brackets,
    "one_line": one_line,
    "names_list": names_list,
    "citations": citations,
    "stacked_table": stacked_table,
    "numbered_items": numbered_items,
    "unit_items": unit_items,
}

# n for the growth test and the bench: the run at 4n takes 0.4 to 1.2 CPU seconds on the shared 2-core machine
SIZES: dict[str, int] = {"brackets": 200_000, "one_line": 60_000, "names_list": 5_000, "citations": 2_000,
                         "stacked_table": 1_000, "numbered_items": 8_000, "unit_items": 2_000}


def run(shape: str, text: str) -> None:
    """The work the shape stresses: ``undouble`` for the brackets, else the whole extraction of the text."""
    if shape == "brackets":
        from govkg.text.clean import undouble

        undouble(text)
    else:
        from govkg.extract.pipeline import extract_text

        extract_text(text, f"{shape}.txt")


def forget() -> None:
    """Empty govkg's memo caches (``lru_cache`` of more than a few entries, the simplified shadows): a
    repeated run must not find the answers of the run before, which would hide a quadratic step behind a
    cache hit. The small caches that hold the loaded lexicon and compiled patterns are kept."""
    import functools
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("govkg"):
            continue
        for obj in list(vars(module).values()):
            # only functools caches, asked by type: an rdflib Namespace answers (and warns on) any attribute
            if not isinstance(obj, functools._lru_cache_wrapper):
                continue
            info = obj.cache_info
            if info().maxsize is None or info().maxsize > 64:
                obj.cache_clear()
    from govkg.text import script

    script._MEMO.clear()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Run a timed block with the cyclic garbage collector paused: a full collection walks every object
    the process holds (in a test run, what earlier tests left), so whether one falls in a timed run says
    nothing about the code timed; how its own work grows with the input still shows."""
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def best_time(shape: str, text: str, repeats: int = 3) -> float:
    """The shortest of ``repeats`` runs, in CPU seconds (the machine is shared: the best run is the least disturbed)."""
    best = float("inf")
    for _ in range(repeats):
        forget()
        with cyclic_gc_paused():
            t = time.process_time()  # this process's CPU time: other processes on the machine do not count
            run(shape, text)
            best = min(best, time.process_time() - t)
    return best


@dataclass(frozen=True)
class Growth:
    shape: str
    n: int
    seconds: float       # best time at n
    seconds_4n: float    # best time at 4n
    megabytes_4n: float  # UTF-8 size of the text at 4n

    @property
    def ratio(self) -> float:
        return self.seconds_4n / self.seconds

    @property
    def seconds_per_mb(self) -> float:
        return self.seconds_4n / self.megabytes_4n


def growth(shape: str, n: int | None = None, repeats: int = 3) -> Growth:
    """Time ``shape`` at n and at 4n."""
    n = n or SIZES[shape]
    small, big = SHAPES[shape](n), SHAPES[shape](4 * n)
    run(shape, SHAPES[shape](max(1, n // 10)))  # warm: the lexicon and patterns are loaded once
    return Growth(shape, n, best_time(shape, small, repeats), best_time(shape, big, repeats),
                  len(big.encode("utf-8")) / 1e6)


__all__ = ["SHAPES", "SIZES", "Growth", "growth", "best_time", "run", "unit_items", "name", "brackets", "one_line", "names_list", "citations", "stacked_table", "numbered_items"]

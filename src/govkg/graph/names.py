"""Names as the graph compares them: one script and one bracket form (normalize), document numbers, and
the place an issuer speaks for (晋城市人民政府 → 晋城市; its self-prefix 市, its level)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"})


_PLACE_SUFFIX = r"(?:自治区|自治州|自治县|省|市|州|地区|盟|县|区|旗)"


# the place an issuer belongs to: what precedes its government or party committee …
_ISSUER_ORG = re.compile(rf"^([\u4e00-\u9fff]{{1,10}}?{_PLACE_SUFFIX})(?:人民政府|政府|委员会|委)")


# … or, for a department, the first place name (郑州市, not 郑州: 州 alone ends no city here)
_ISSUER_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:自治区|自治州|省|市|地区|盟|县|旗))")


# the one character by which a place's own documents refer to it: 市发改委, 省发改委, 县发改委
_SELF_PREFIX = (("自治区", "区"), ("自治州", "州"), ("自治县", "县"), ("省", "省"), ("市", "市"), ("州", "州"),
                ("地区", "地区"), ("盟", "盟"), ("县", "县"), ("区", "区"), ("旗", "旗"))


_PLACE_LEVEL = (("自治区", "province"), ("省", "province"), ("县", "county"), ("区", "county"), ("旗", "county"))


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """NFKC, no whitespace, simplified characters: the form names are compared in."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"\s+", "", text)
    return _t2s().convert(text)


@lru_cache(maxsize=1 << 14)  # asked for every fact's document: the same few numbers again and again
def normalize_number(number: str) -> str:
    """A document number (文号) with its bracket forms folded: 晋市政办[2020]3号, 晋市政办（2020）3号 →
    晋市政办〔2020〕3号."""
    return re.sub(r"\((\d{4})\)", r"〔\1〕", normalize(number).translate(_BRACKETS))


def city_of(issuer: str | None) -> str | None:
    """The place an issuer belongs to: 晋城市人民政府 → 晋城市, 中共郑州市委办公室 → 郑州市,
    山西省人民政府 → 山西省 (None when no place is named). Called the city, as it mostly is."""
    s = re.sub(r"^(?:中共|中国共产党)", "", normalize(issuer or ""))
    m = _ISSUER_ORG.match(s) or _ISSUER_PLACE.match(s)
    return m.group(1) if m else None


def self_prefix(city: str) -> str:
    """How a place's documents name its own agencies: 晋城市 → 市 (市发改委), 山西省 → 省."""
    return next((p for suffix, p in _SELF_PREFIX if city.endswith(suffix)), "市")


def place_level(city: str) -> str:
    """The level of a place's own agencies: city, province or county."""
    return next((level for suffix, level in _PLACE_LEVEL if city.endswith(suffix)), "city")


def infer_city(issuers: Iterable[str | None]) -> str | None:
    """The most common city among the issuers of a corpus."""
    counts = Counter(c for c in map(city_of, issuers) if c)
    return counts.most_common(1)[0][0] if counts else None


def short_city(city: str) -> str:
    """晋城市 → 晋城 (the short form printed in names such as 晋城海关)."""
    return re.sub(r"(?:自治区|自治州|自治县|省|市|州|地区|盟|县|区|旗)$", "", city)

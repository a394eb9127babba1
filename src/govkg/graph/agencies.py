"""Entity resolution: agencies (registry + rules), people, bodies, documents.

Agencies are resolved by general rules over the *stem* of a name (what is left after the
place prefix) plus the small registry in ``ontology/agencies.yaml``; see that file for the
tables. Every resolved agency records the rule that produced it, so a merge can be explained.
Canonical names are simplified Chinese (OpenCC t2s); printed forms are kept as labels.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from govkg.resources import REGISTRY_PATH


LEVELS = ("city", "county", "province", "central", "party", "enterprise", "military")

_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"})
_TRAILING_BRACKET = re.compile(r"^(.+?)\(([^()]+)\)$")
_DISPATCHED = re.compile(r"^(.+?)(?:派驻|驻)(.+?)(纪检监察组|纪检组|监察组)$")
# a county-level place printed before an agency: 泽州县, 城区, 高平市 (two characters + 市)
_COUNTY_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,3}?[县区旗]|[\u4e00-\u9fff]{2}市)")
_PLACE_SUFFIX = r"(?:自治区|自治州|自治县|省|市|州|地区|盟|县|区|旗)"
# the place an issuer belongs to: what precedes its government or party committee …
_ISSUER_ORG = re.compile(rf"^([\u4e00-\u9fff]{{1,10}}?{_PLACE_SUFFIX})(?:人民政府|政府|委员会|委)")
# … or, for a department, the first place name (郑州市, not 郑州: 州 alone ends no city here)
_ISSUER_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:自治区|自治州|省|市|地区|盟|县|旗))")
# the one character by which a place's own documents refer to it: 市发改委, 省发改委, 县发改委
_SELF_PREFIX = (("自治区", "区"), ("自治州", "州"), ("自治县", "县"), ("省", "省"), ("市", "市"), ("州", "州"),
                ("地区", "地区"), ("盟", "盟"), ("县", "县"), ("区", "区"), ("旗", "旗"))
_PLACE_LEVEL = (("自治区", "province"), ("省", "province"), ("县", "county"), ("区", "county"), ("旗", "county"))
# where a head agency's name ends and a sub-unit's begins: 市公安局|交警支队, 市应急管理局|煤矿…科
_HEAD_END = re.compile(r"(?:委员会|办公室|局|委|办|中心)(?=.)")
_SUBUNIT_END = re.compile(r"(?:支队|大队|中队|分局|科|处|室|股|所|站|政治部)$")
_GOV_END = re.compile(r"(?:局|委员会|委|办公室|办|厅|中心|院|政府|支队|分局|科|处|室|会|社|馆|队)$")


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


@dataclass(frozen=True)
class Agency:
    """A resolved agency: its canonical name is its key."""

    canonical: str
    level: str
    parent: str | None
    rule: str  # why this name resolved here (registry, abbreviation, prefix …)


@dataclass(frozen=True)
class _Entry:
    canonical: str
    level: str | None
    parent: str | None


class Registry:
    """The tables of ``ontology/agencies.yaml``, bound to no city until formatted."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.abbreviations: dict[str, str | dict[str, str]] = data.get("abbreviations") or {}
        self.party: dict[str, str] = {str(k or ""): v for k, v in (data.get("party") or {}).items()}
        self.agencies: list[dict[str, Any]] = data.get("agencies") or []
        self.local: dict[str, list[dict[str, Any]]] = data.get("local") or {}
        self.places: dict[str, dict[str, dict[str, str]]] = data.get("places") or {}

    @classmethod
    def load(cls, path: str | Path = REGISTRY_PATH) -> "Registry":
        return cls(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})

    @lru_cache(maxsize=64)
    def aliases_for(self, city: str) -> dict[str, _Entry]:
        """Printed name → entry, with the city placeholders filled in."""
        c = short_city(city)
        out: dict[str, _Entry] = {}
        for a in [*self.agencies, *self.local.get(city, [])]:
            entry = _Entry(normalize(a["canonical"].format(city=city, c=c)), a.get("level"),
                           normalize(a["parent"].format(city=city, c=c)) if a.get("parent") else None)
            for name in [a["canonical"], *a.get("aliases", [])]:
                out[normalize(name.format(city=city, c=c))] = entry
        for value in self.abbreviations.values():
            if isinstance(value, dict):  # a template's full name is its own alias
                name = normalize(value["name"].format(city=city, c=c))
                out.setdefault(name, _Entry(name, value.get("level"), None))
        return out

    def places_for(self, city: str) -> list[tuple[str, str, str]]:
        """(printed prefix, full place name, level), longest prefix first."""
        out = []
        for short, v in (self.places.get(city) or {}).items():
            out += [(normalize(short), normalize(v["name"]), v.get("level", "county")),
                    (normalize(v["name"]), normalize(v["name"]), v.get("level", "county"))]
        return sorted(set(out), key=lambda t: (-len(t[0]), t))

    def __hash__(self) -> int:  # registries are used as cache keys by identity
        return id(self)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return Registry.load()


class AgencyResolver:
    """Resolves printed agency names to canonical agencies, per city."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or default_registry()

    def resolve(self, name: str, city: str) -> Agency:
        """The canonical agency a printed name stands for in documents of ``city``."""
        return self._resolve(normalize(name), city)

    @lru_cache(maxsize=8192)
    def _resolve(self, s: str, city: str) -> Agency:
        known = self.registry.aliases_for(city)
        if s in known:
            e = known[s]
            return Agency(e.canonical, e.level or _guess_level(e.canonical, city), e.parent, "registry")
        m = _TRAILING_BRACKET.match(s)
        if m and city and m.group(2).startswith(city):
            # 长治市…分局(晋城市…分局): the bracket gives the local nameplate
            inner = self._resolve(m.group(2), city)
            return Agency(inner.canonical, inner.level, inner.parent, f"local nameplate in brackets; {inner.rule}")
        if m and not _COUNTY_PREFIX.fullmatch(m.group(1)):
            inner = self._resolve(m.group(1), city)
            return Agency(inner.canonical, inner.level, inner.parent, f"second nameplate ({m.group(2)}) dropped; {inner.rule}")
        m = _DISPATCHED.match(s)
        if m:
            sender = self._resolve(m.group(1), city)
            host = self._resolve(m.group(2), city)
            return Agency(f"{sender.canonical}驻{host.canonical}{m.group(3)}", sender.level, sender.canonical,
                          "dispatched team (派驻)")
        return self._by_prefix(s, city)

    def _by_prefix(self, s: str, city: str) -> Agency:
        if not city:  # no issuing place known: prefixes such as 市 cannot be read
            return Agency(s, _guess_level(s, city), None, "as printed (no issuing place known)")
        c = short_city(city)
        own = self_prefix(city)
        for party_prefix in (f"中共{city}委", f"{city}委", f"{own}委"):
            if s.startswith(party_prefix) and not s.startswith(f"{party_prefix}员会"):
                return self._party(s[len(party_prefix):], city)
        if s.startswith(f"中共{city}委员会") or s.startswith(f"中国共产党{city}委员会"):
            rest = s.split("委员会", 1)[1]
            return self._party(rest, city)
        for short, place, level in self.registry.places_for(city):
            if s.startswith(short):
                return self._county(place, s[len(short):], level)
        if s.startswith(city):
            return self._city_stem(s[len(city):], city, "city prefix")
        if s.startswith(c) and s[len(c):] in self.registry.abbreviations:
            return self._city_stem(s[len(c):], city, "short city prefix")
        if s.startswith(own) and not s.startswith(own + "区") and len(s) > len(own):
            return self._city_stem(s[len(own):], city, f"{own} = the issuing place")
        m = _COUNTY_PREFIX.match(s)
        if m and not s.startswith(c):
            # in a province's documents a X市 prefix is one of its cities
            level = "city" if m.group(1).endswith("市") and place_level(city) == "province" else "county"
            return self._county(m.group(1), s[m.end():], level)
        head = _HEAD_END.search(s)
        if s in self.registry.abbreviations or head and head.end() <= 5 and _SUBUNIT_END.search(s) and not s.startswith(c):
            # a bare government stem (交警支队, 公安局交警支队) printed in a city's document
            return self._city_stem(s, city, "bare name in a city document")
        return Agency(s, _guess_level(s, city), None, "as printed")

    def _expand(self, stem: str, city: str) -> tuple[str, str | None, str]:
        """(full name, level or None, rule) of a stem printed after the city prefix."""
        value = self.registry.abbreviations.get(stem)
        if isinstance(value, dict):
            return normalize(value["name"].format(city=city, c=short_city(city))), value.get("level"), f"abbreviation {stem}"
        if isinstance(value, str):
            return city + value, None, f"abbreviation {stem}"
        if stem.startswith("政府"):
            return city + "人民" + stem, None, "政府 = 人民政府"
        return city + stem, None, "city prefix"

    def _city_stem(self, stem: str, city: str, why: str) -> Agency:
        if not stem:
            return Agency(city + "人民政府", place_level(city), None, why)
        full, level, rule = self._expand(stem, city)
        if full != city + stem or stem in self.registry.abbreviations:
            return self._checked(full, level, None, city, f"{why}; {rule}")
        # a sub-unit: head agency + unit (市公安局交警支队 ⊂ 市公安局)
        for m in _HEAD_END.finditer(stem):
            if stem.startswith(("委员会", "办公室"), m.start()) and len(m.group()) < 3:
                continue  # 办|公室 is not a head and a unit: the head is 办公室
            head, unit = stem[:m.end()], stem[m.end():]
            if _SUBUNIT_END.search(unit) and len(unit) >= 2:
                parent = self._city_stem(head, city, why)
                unit_full = self.registry.abbreviations.get(unit)
                unit_name = unit_full if isinstance(unit_full, str) and not unit_full.startswith(head) else unit
                for short, long in self.registry.abbreviations.items():
                    if isinstance(long, str) and unit_name.startswith(short) and short != unit_name and len(short) >= 2:
                        unit_name = long + unit_name[len(short):]
                        break
                return Agency(parent.canonical + unit_name, parent.level, parent.canonical,
                              f"{why}; sub-unit of {parent.canonical}")
        return self._checked(full, level, None, city, f"{why}; {rule}")

    def _checked(self, full: str, level: str | None, parent: str | None, city: str, rule: str) -> Agency:
        known = self.registry.aliases_for(city)
        if full in known:
            e = known[full]
            return Agency(e.canonical, e.level or level or _guess_level(e.canonical, city), e.parent, rule + "; registry")
        return Agency(full, level or _guess_level(full, city), parent, rule)

    def _party(self, rest: str, city: str) -> Agency:
        expanded = self.registry.party.get(rest)
        if expanded is None and rest in self.registry.party.values():
            expanded = rest
        if expanded is None:
            # a sub-unit of a party department: 政法委政治部 → 政法委员会政治部
            forms = {**{v: v for v in self.registry.party.values()}, **self.registry.party}
            for short in sorted(forms, key=lambda k: (-len(k), k)):
                unit = rest[len(short):]
                if short and rest.startswith(short) and len(unit) >= 2 and _SUBUNIT_END.search(unit):
                    parent = f"中共{city}委{forms[short]}"
                    return Agency(parent + unit, "party", parent, "party committee sub-unit")
            expanded = rest
        return Agency(f"中共{city}委{expanded}", "party", None, "party committee (市委)")

    def _county(self, place: str, stem: str, level: str = "county") -> Agency:
        if stem in ("", "政府", "人民政府"):
            return Agency(place + "人民政府", level, None, "county government")
        if stem in ("委", "县委", "区委", "市委"):
            return Agency(f"中共{place}委员会", "party", None, "county party committee")
        value = self.registry.abbreviations.get(stem)
        if isinstance(value, str):
            return Agency(place + value, level, None, f"county prefix; abbreviation {stem}")
        return Agency(place + stem, level, None, "county prefix")


_LEVEL_HINTS = (
    ("military", re.compile(r"军分区|武警|武装警察|部队")),
    ("enterprise", re.compile(r"公司|集团|车务段|车站|车间|^长治北站$")),
    ("party", re.compile(r"^中共|^中国共产党|党工委|党委")),
    ("central", re.compile(r"^国家|^国务院|^中国人民银行|^中国银行保险|海关$|^国家税务")),
    ("province", re.compile(r"^省|^[\u4e00-\u9fff]{2,3}省|^[\u4e00-\u9fff]{2,5}自治区")),
)


def _guess_level(name: str, city: str) -> str:
    for level, pattern in _LEVEL_HINTS:
        if pattern.search(name):
            return level
    return place_level(city) if city else "city"


# ---------------------------------------------------------------- people and posts

_POST_SPLIT = re.compile(r"[、，,；;]")
# a post's title is the end of its printed form: 市统计局|局长, 市政府办公室|主任, 市委|常委
_TITLE_CORE = (
    r"(?:(?:常务|专职|主要|分管\S{0,12}?的?)?(?:副|第一)?"
    r"(?:局长|主任委员|主任|书记|部长|常委|市长|县长|区长|秘书长|负责人|支队长|大队长|队长|司令员|司令|政委|"
    r"处长|科长|院长|检察长|主席|董事长|总经理|经理|站长|所长|馆长|社长|台长|行长|调研员|巡视员|委员|组长|会长|"
    r"总监|参谋长|主任科员|领导|执行董事|董事|总编辑|总编|监事长)"
    r"|[一二三四]级(?:调研员|巡视员|主任科员)|部务委员|党组(?:副)?书记|党组成员|党委(?:副)?书记)")
_TITLE = re.compile(rf"(?:党组书记、|党委书记、)?{_TITLE_CORE}(?:或{_TITLE_CORE})?$")
_PLACEHOLDER = re.compile(
    r"^(?:各|有关|相关|其他|其它|全市各|市直各|当地|属地|事发地|灾害发生地)|各有关|等部门$|等单位$|县\(市、区\)")


def split_positions(position: str | None) -> list[str]:
    """市委常委、常务副市长 → ['市委常委', '常务副市长']."""
    return [p for p in _POST_SPLIT.split(normalize(position or "")) if p]


def parse_post(text: str) -> tuple[str | None, str]:
    """(agency as printed or None, title): 市统计局局长 → ('市统计局', '局长').

    A title with no agency before it (常务副市长) gets None; the caller decides where it
    belongs, since it knows the city.
    """
    text = normalize(text)
    m = _TITLE.search(text)
    if not m:
        return None, text
    head = text[:m.start()]
    if not head or "分管" in head or "的" in head or len(head) < 2:
        return None, text
    return head, m.group(0)


def posts_of(position: str | None) -> list[tuple[str | None, str, str]]:
    """(agency as printed or None, title, printed part) for each post of a position.

    A title printed without an agency after one with it (市应急管理局党组书记、局长) belongs to
    the same agency, unless it is a government leader's title (市委常委、常务副市长).
    """
    out: list[tuple[str | None, str, str]] = []
    last: str | None = None
    for part in split_positions(position):
        agency, title = parse_post(part)
        if agency is None and last is not None and not LEADER_TITLE.search(title) and "分管" not in title:
            agency, part = last, last + part  # the post as it would print in full
        out.append((agency, title, part))
        last = agency or last
    return out


LEADER_TITLE = re.compile(r"[省市县区州]长|秘书长|主席$")


_LIST_SEP = re.compile(r"[、，,；;]")


def split_agencies(printed: str) -> list[str]:
    """Agency names printed as one list (市审批局、市住建局) → each name; a lone name → [name].

    Separators inside brackets do not split: 各县(市、区)人民政府 stays whole.
    """
    parts, depth, start = [], 0, 0
    text = printed or ""
    for i, ch in enumerate(text):
        if ch in "(（[〔【":
            depth += 1
        elif ch in ")）]〕】":
            depth = max(0, depth - 1)
        elif depth == 0 and _LIST_SEP.match(ch):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def is_placeholder(name: str) -> bool:
    """Collective placeholders (各县(市、区)人民政府, 有关单位) that name no one agency."""
    return bool(_PLACEHOLDER.search(normalize(name)))


@dataclass(frozen=True)
class PersonMention:
    """One printing of a person's name in a body's list, with what it says about them."""

    city: str
    name: str
    date: str | None
    doc: str
    agencies: frozenset[str]  # canonical agencies of the posts printed beside the name


PersonKey = tuple[str, str, frozenset]  # (city, name, agencies of the mention)


_LEADERSHIP = re.compile(r"人民政府$|^中共[^委]*委员会$")


def _agency_clusters(ms: list[PersonMention]) -> list[set[str]]:
    """Agencies linked by being printed together beside the name (transitively), largest first."""
    clusters: list[set[str]] = []
    for agencies in sorted({m.agencies for m in ms if m.agencies}, key=sorted):
        touching = [c for c in clusters if c & agencies]
        clusters = [c for c in clusters if not (c & agencies)] + [set(agencies).union(*touching)]
    return sorted(clusters, key=lambda c: (-sum(1 for m in ms if m.agencies & c), min(c)))


def resolve_people(mentions: Iterable[PersonMention]) -> tuple[dict[PersonKey, str], dict[str, str]]:
    """The person key of every mention, and why each person node stands for its mentions.

    The same name within one city is one person unless the evidence says otherwise: on one
    date the name is printed with posts in unrelated agencies. Agencies are related when
    some mention prints them together (市政府副秘书长、市信访局局长 links the two), and the
    city government and party committee relate to every agency (their leaders hold posts
    across it). Then the mentions are split by cluster of related agencies (mentions with
    no post go to the largest) and the keys become ``name@agency``.
    """
    groups: dict[tuple[str, str], list[PersonMention]] = {}
    for m in mentions:
        groups.setdefault((m.city, m.name), []).append(m)
    keys: dict[PersonKey, str] = {}
    reasons: dict[str, str] = {}
    for (city, name), ms in sorted(groups.items()):
        specific = [PersonMention(m.city, m.name, m.date, m.doc,
                                  frozenset(a for a in m.agencies if not _LEADERSHIP.search(a))) for m in ms]
        clusters = _agency_clusters(specific)
        cluster_of = {a: i for i, c in enumerate(clusters) for a in c}
        conflict = None
        by_date: dict[str, set[int]] = {}
        for m in specific:
            if m.date and m.agencies:
                by_date.setdefault(m.date, set()).add(cluster_of[min(m.agencies)])
        for date, seen in sorted(by_date.items()):
            if len(seen) > 1 and conflict is None:
                a, b = sorted(seen)[:2]
                conflict = (date, min(clusters[a]), min(clusters[b]))
        if conflict is None:
            docs = sorted({m.doc for m in ms})
            for m in ms:
                keys[(city, name, m.agencies)] = name
            reasons[name] = (f"same name in {city}: {len(ms)} mention(s) in {len(docs)} document(s) "
                             f"({', '.join(docs[:5])}{'…' if len(docs) > 5 else ''}); no date on which the name "
                             f"is printed with posts in unrelated agencies")
            continue
        for m, sm in zip(ms, specific):
            home = clusters[cluster_of[min(sm.agencies)]] if sm.agencies else clusters[0]
            key = f"{name}@{min(home)}"
            keys[(city, name, m.agencies)] = key
            reasons[key] = (f"{name} in {city} split: on {conflict[0]} the name is printed with posts in unrelated "
                            f"agencies ({conflict[1]} / {conflict[2]}); this person is the one serving in "
                            f"{', '.join(sorted(home))}")
    return keys, reasons


__all__ = [
    "PersonMention", "resolve_people",
    "Agency", "AgencyResolver", "Registry", "LEVELS", "normalize", "normalize_number", "city_of",
    "infer_city", "short_city", "self_prefix", "place_level", "LEADER_TITLE", "split_positions", "split_agencies", "parse_post", "posts_of", "is_placeholder", "default_registry",
]

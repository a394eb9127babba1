"""Search ranking over names and aliases: the kind of entity asked for first, then
exact > prefix > substring > abbreviation."""
import pytest

from govkg.store.search import Named, split_aliases
from govkg.store.search import SearchIndex, looks_like_doc_number, score

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


# -- kinds of entity: a document number wins only for a query shaped like one, or an exact match --

FGW = Named("Agency", "fgw", "晋城市发展和改革委员会", ("市发改委",))
FGW_DOC = Named("Document", "d709", "发改能源〔2010〕709号", ("发改能源〔2010〕709号", "关于加快推进能源建设的通知"))
CZJ = Named("Agency", "czj", "晋城市财政局", ("市财政局",))
CZ_DOC = Named("Document", "d1", "晋财〔2020〕1号", ("晋财〔2020〕1号", "关于加强财政资金管理的通知"))
GROUP_2020 = Named("Body", "g2020", "晋城市2020年度考核工作领导小组")
DOC_2020 = Named("Document", "d3", "晋市政发〔2020〕3号", ("晋市政发〔2020〕3号", "关于印发考核办法的通知"))
RULES_BODY = Named("Body", "rules", "晋城市安全生产委员会工作规则修订小组")
RULES_DOC = Named("Document", "d4", "晋安委〔2021〕4号", ("晋安委〔2021〕4号", "安全生产委员会工作规则"))
WANG = Named("Person", "wang", "王小明")
WANG_DOC = Named("Document", "d5", "晋组〔2020〕5号", ("晋组〔2020〕5号", "王小明同志任职的通知"))
GROUP_POST = Named("Post", "fgw/主任", "市发改委主任")


@pytest.mark.parametrize("query, candidates, order", [
    # part of an agency's name or its abbreviation: the agency, though the number starts with the query
    ("发改", [FGW_DOC, FGW], ["fgw", "d709"]),
    ("发改", [FGW_DOC, GROUP_POST, FGW], ["fgw", "fgw/主任", "d709"]),
    ("财政", [CZ_DOC, CZJ], ["czj", "d1"]),           # a word in a document's title
    ("王小", [WANG_DOC, WANG], ["wang", "d5"]),         # a person before a document about them
    # shaped like a document number (bracket, 号, digits): documents first
    ("〔2010〕709", [FGW, FGW_DOC], ["d709"]),
    ("709号", [FGW, FGW_DOC], ["d709"]),
    ("2020", [GROUP_2020, DOC_2020], ["d3", "g2020"]),
    ("发改能源〔2010〕709号", [FGW, FGW_DOC], ["d709"]),
    # an exact match is what was asked for, whatever its kind
    ("安全生产委员会工作规则", [RULES_BODY, RULES_DOC], ["d4", "rules"]),
    ("市发改委", [FGW_DOC, FGW], ["fgw"]),
])
def test_kind_of_entity_orders_hits(query, candidates, order):
    hits = SearchIndex(candidates).search(query)
    assert [h.id for h in hits] == order
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)  # score agrees with order


@pytest.mark.parametrize("query, shaped", [
    ("晋市政发〔2020〕3号", True),
    ("〔2020〕", True),
    ("[2018]", True),
    ("（2004）", True),
    ("709号", True),
    ("２０２０", True),   # full-width digits
    ("2020", True),
    ("发改", False),
    ("市发改委", False),
    ("领导小组", False),
])
def test_looks_like_doc_number(query, shaped):
    assert looks_like_doc_number(query) is shaped


def test_label_filter_keeps_documents_for_a_word_query():
    hits = SearchIndex([FGW, FGW_DOC]).search("发改", labels={"Document"})
    assert [h.id for h in hits] == ["d709"]

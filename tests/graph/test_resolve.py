"""Entity resolution: agency rules and registry, the gold alias/not-same sets, posts, people."""
from __future__ import annotations

import json

import pytest

from govkg.graph.agencies import AgencyResolver
from govkg.graph.names import city_of, infer_city, normalize, normalize_number
from govkg.graph.people import PersonMention, resolve_people
from govkg.graph.posts import is_placeholder, parse_post, posts_of, split_agencies
from tests.support import GOLD_DIR

CITY = "晋城市"


@pytest.fixture(scope="module")
def resolver() -> AgencyResolver:
    return AgencyResolver()


@pytest.mark.parametrize("printed, canonical, level, parent", [
    ("市发改委", "晋城市发展和改革委员会", "city", None),
    ("市发展改革委", "晋城市发展和改革委员会", "city", None),
    ("晋城市发展和改革委员会", "晋城市发展和改革委员会", "city", None),
    ("市规划和自然资源局（市林业局）", "晋城市规划和自然资源局", "city", None),
    ("市政府", "晋城市人民政府", "city", None),
    ("市委", "中共晋城市委员会", "party", None),
    ("市委组织部", "中共晋城市委组织部", "party", None),
    ("市委政法委政治部", "中共晋城市委政法委员会政治部", "party", "中共晋城市委政法委员会"),
    ("市公安局交警支队", "晋城市公安局交通警察支队", "city", "晋城市公安局"),
    ("市应急管理局煤矿安全监管综合科", "晋城市应急管理局煤矿安全监管综合科", "city", "晋城市应急管理局"),
    ("泽州县住建局", "泽州县住房和城乡建设局", "county", None),
    ("高平市政府", "高平市人民政府", "county", None),
    ("阳城县委", "中共阳城县委员会", "party", None),
    ("市税务局", "国家税务总局晋城市税务局", "central", None),
    ("晋城军分区", "晋城军分区", "military", None),
    ("市纪委监委驻市工信局纪检监察组", "中共晋城市纪律检查委员会驻晋城市工业和信息化局纪检监察组", "party",
     "中共晋城市纪律检查委员会"),
    ("市財政局", "晋城市财政局", "city", None),  # traditional characters fold to simplified
])
def test_agency_rules(resolver: AgencyResolver, printed: str, canonical: str, level: str, parent: str | None) -> None:
    a = resolver.resolve(printed, CITY)
    assert (a.canonical, a.level, a.parent) == (canonical, level, parent)


@pytest.mark.parametrize("city, printed, canonical", [
    ("长治市", "市发改委", "长治市发展和改革委员会"),
    ("长治市", "市委宣传部", "中共长治市委宣传部"),
    ("太原市", "市政府办公室", "太原市人民政府办公室"),
    ("长治市", "开发区管委会", "开发区管委会"),  # the registry's 晋城 zone is local to 晋城市
    ("长治市", "团市委", "共青团长治市委员会"),
    ("郑州市", "市发改委", "郑州市发展和改革委员会"),
    ("山西省", "省发改委", "山西省发展和改革委员会"),
    ("山西省", "省委组织部", "中共山西省委组织部"),
    ("泽州县", "县住建局", "泽州县住房和城乡建设局"),
])
def test_other_cities_use_the_same_rules(resolver: AgencyResolver, city: str, printed: str, canonical: str) -> None:
    assert resolver.resolve(printed, city).canonical == canonical


@pytest.mark.parametrize("place, printed, level", [
    ("山西省", "省发改委", "province"), ("泽州县", "县住建局", "county"), ("郑州市", "市财政局", "city"),
    ("山西省", "太原市人民政府", "city"),
])
def test_levels_follow_the_issuing_place(resolver: AgencyResolver, place: str, printed: str, level: str) -> None:
    assert resolver.resolve(printed, place).level == level


def _jsonl(name: str) -> list[dict]:
    path = GOLD_DIR / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_gold_alias_group_resolves_to_one_agency_of_its_own(resolver: AgencyResolver) -> None:
    owner: dict[str, str] = {}
    problems = []
    for group in _jsonl("aliases.jsonl"):
        keys = {name: resolver.resolve(name, CITY).canonical for name in group["aliases"]}
        if len(set(keys.values())) != 1:
            problems.append(f"split {group['canonical']}: {keys}")
        for key in set(keys.values()):
            if owner.setdefault(key, group["canonical"]) != group["canonical"]:
                problems.append(f"{key} shared by {owner[key]} and {group['canonical']}")
    assert not problems, "\n".join(problems)


def test_no_not_same_pair_is_merged(resolver: AgencyResolver) -> None:
    merged = [(p["a"], p["b"]) for p in _jsonl("NOT_SAME.jsonl")
              if resolver.resolve(p["a"], CITY).canonical == resolver.resolve(p["b"], CITY).canonical]
    assert not merged


@pytest.mark.parametrize("issuer, city", [
    ("晋城市人民政府", "晋城市"),
    ("晋城市人民政府办公室", "晋城市"),
    ("中共长治市委办公室", "长治市"),
    ("郑州市人民政府", "郑州市"),
    ("山西省人民政府办公厅", "山西省"),
    ("泽州县人民政府", "泽州县"),
    ("广西壮族自治区人民政府", "广西壮族自治区"),
    ("晋城市发展和改革委员会", "晋城市"),
    ("国务院", None),
])
def test_city_of_issuer(issuer: str, city: str | None) -> None:
    assert city_of(issuer) == city


def test_infer_city_takes_the_most_common() -> None:
    assert infer_city(["晋城市人民政府", "晋城市人民政府办公室", "山西省人民政府", None]) == "晋城市"


@pytest.mark.parametrize("text, post", [
    ("市统计局局长", ("市统计局", "局长")),
    ("市政府办公室主任", ("市政府办公室", "主任")),
    ("市委常委", ("市委", "常委")),
    ("市发展改革委副主任", ("市发展改革委", "副主任")),
    ("市应急管理局主要负责人", ("市应急管理局", "主要负责人")),
    ("常务副市长", (None, "常务副市长")),
    ("分管应急管理的副市长", (None, "分管应急管理的副市长")),
    ("市新闻传媒集团副总编辑", ("市新闻传媒集团", "副总编辑")),
    ("山西煤运集团晋城公司执行董事", ("山西煤运集团晋城公司", "执行董事")),
])
def test_parse_post(text: str, post: tuple) -> None:
    assert parse_post(text) == post


@pytest.mark.parametrize("position, posts", [
    ("市应急管理局党组书记、局长", [("市应急管理局", "党组书记"), ("市应急管理局", "局长")]),
    ("市委常委、常务副市长", [("市委", "常委"), (None, "常务副市长")]),
    ("市政府副秘书长、经研中心主任", [("市政府", "副秘书长"), ("经研中心", "主任")]),
    ("市交通局四级调研员", [("市交通局", "四级调研员")]),
])
def test_posts_of_a_position(position: str, posts: list) -> None:
    assert [(a, t) for a, t, _ in posts_of(position)] == posts


@pytest.mark.parametrize("name, placeholder", [
    ("各县（市、区）人民政府", True), ("有关单位", True), ("市财政局", False), ("各有关部门", True),
    ("县(市、区)人民政府", True), ("当地县（市、区）人民政府", True),
])
def test_placeholders(name: str, placeholder: bool) -> None:
    assert is_placeholder(name) is placeholder


@pytest.mark.parametrize("raw, folded", [
    ("晋市政办[2020]3号", "晋市政办〔2020〕3号"),
    ("晋市政办【2020】3号", "晋市政办〔2020〕3号"),
    ("晋市政办 〔2020〕 3号", "晋市政办〔2020〕3号"),
    ("晋市政办（2020）3号", "晋市政办〔2020〕3号"),
    ("晋市政办〔２０２０〕３号", "晋市政办〔2020〕3号"),
])
def test_normalize_number(raw: str, folded: str) -> None:
    assert normalize_number(raw) == folded


def test_normalize_folds_width_space_and_script() -> None:
    assert normalize("吴 鹏（兼）") == "吴鹏(兼)"
    assert normalize("發展") == "发展"


def _m(name: str, date: str, doc: str, *agencies: str) -> PersonMention:
    return PersonMention(CITY, name, date, doc, frozenset(agencies))


def test_same_name_in_one_city_is_one_person_with_a_reason() -> None:
    mentions = [_m("张三", "2020-01-01", "A", "晋城市财政局"), _m("张三", "2020-05-01", "B", "晋城市审计局"),
                _m("张三", "2020-05-01", "B")]
    keys, reasons = resolve_people(mentions)
    assert set(keys.values()) == {"张三"}
    assert "2 document(s)" in reasons["张三"]


def test_same_name_with_unrelated_posts_on_one_date_is_two_people() -> None:
    mentions = [_m("李四", "2020-01-01", "A", "晋城市财政局"), _m("李四", "2020-01-01", "A", "晋城市水务局"),
                _m("李四", "2020-03-01", "B", "晋城市水务局")]
    keys, reasons = resolve_people(mentions)
    assert len(set(keys.values())) == 2
    assert keys[(CITY, "李四", frozenset({"晋城市水务局"}))] == "李四@晋城市水务局"
    assert "unrelated" in reasons["李四@晋城市财政局"]


def test_posts_printed_together_relate_their_agencies() -> None:
    mentions = [_m("王二", "2020-01-01", "A", "晋城市人民政府", "晋城市信访局"),
                _m("王二", "2020-05-01", "B", "晋城市人民政府"), _m("王二", "2020-05-01", "C", "晋城市信访局"),
                _m("王二", "2020-05-01", "C", "中共晋城市委员会"),
                _m("王二", "2021-01-01", "D", "晋城市信访局", "晋城市财政局"),
                _m("王二", "2021-05-01", "E", "晋城市财政局"), _m("王二", "2021-05-01", "F", "晋城市信访局")]
    keys, _ = resolve_people(mentions)
    assert set(keys.values()) == {"王二"}


@pytest.mark.parametrize("printed, canonical, parent", [
    ("晋城市人民政府办公室", "晋城市人民政府办公室", None),         # 办|公室 is no sub-unit
    ("市发展和改革委员会办公室", "晋城市发展和改革委员会办公室", "晋城市发展和改革委员会"),
    ("晋城市人民政府办公室文电科", "晋城市人民政府办公室文电科", "晋城市人民政府办公室"),
])
def test_sub_units_split_on_whole_suffixes(resolver: AgencyResolver, printed: str, canonical: str, parent) -> None:
    a = resolver.resolve(printed, CITY)
    assert (a.canonical, a.parent) == (canonical, parent)


@pytest.mark.parametrize("printed, parts", [
    ("市行政审批局、市住建局", ["市行政审批局", "市住建局"]),
    ("各县（市、区）人民政府", ["各县（市、区）人民政府"]),
    ("市财政局", ["市财政局"]),
])
def test_split_agencies(printed: str, parts: list) -> None:
    assert split_agencies(printed) == parts


def test_an_inherited_agency_is_part_of_the_printed_post() -> None:
    assert [p for _, _, p in posts_of("市应急管理局党组书记、局长")] == ["市应急管理局党组书记", "市应急管理局局长"]


@pytest.mark.parametrize("printed, canonical", [("市发改委", "市发改委"), ("委员会", "委员会"), ("市财政局(市国资委)", "市财政局")])
def test_without_an_issuing_place_names_stay_as_printed(resolver: AgencyResolver, printed: str, canonical: str) -> None:
    assert resolver.resolve(printed, "").canonical == canonical

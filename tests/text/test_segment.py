"""Segmentation of a gazette issue into documents, on tiny synthetic issues."""
import pytest

from govkg.extract.emit import documents_to_facts
from govkg.text.numerals import parse_date
from govkg.text.issue import number_on_line, split_orgs
from govkg.text.segment import segment


def issue(*lines: str) -> str:
    return "\n".join(lines)


TWO_NOTICES = issue(
    "# 北京市人民政府公报",            # 1 masthead
    "# 目 录",                          # 2
    "关于加强城市管理的通知 .....1",    # 3 TOC entry, not a document
    "关于印发某某方案的通知 .....5",    # 4
    "北京市人民政府3月大事记 .....9",   # 5
    "",                                 # 6
    "# 北京市人民政府",                 # 7
    "## 关于加强城市管理的",            # 8
    "### 通 知",                        # 9
    "",                                 # 10
    "京政发〔2021〕3 号",               # 11
    "",                                 # 12
    "各区人民政府,市政府各委、办、局:", # 13
    "现将有关事项通知如下。",           # 14
    "北京市人民政府",                   # 15
    "2021年3月2日",                     # 16
    "(此件公开发布)",                   # 17
    "",                                 # 18
    "—— 2",                             # 19 page number
    "",                                 # 20
    "北京市人民政府办公厅 关于印发某某方案的通知",  # 21
    "京政办发[2021]7号",                # 22
    "各区人民政府:",                    # 23
    "《某某方案》已经市政府同意,现印发给你们。",  # 24
    "北京市人民政府办公厅",             # 25
    "二〇二一年三月五日",               # 26
    "某某方案",                         # 27
    "一、总体要求",                     # 28
    "加强管理。",                       # 29
    "",                                 # 30
    "## 北京市人民政府3月大事记",       # 31
    "3月1日 市长主持召开常务会议。",    # 32
    "",                                 # 33
    "传达政令",                         # 34 back cover
    "宣传政策",                         # 35
    "指导工作",                         # 36
    "服务社会",                         # 37
)


def test_two_notices_and_a_chronicle():
    docs = segment(TWO_NOTICES, "x.txt")
    got = [(d.number, d.title, d.issuer, d.date, d.start, d.number_line, d.end) for d in docs]
    assert got == [
        ("京政发〔2021〕3号", "关于加强城市管理的通知", "北京市人民政府", "2021-03-02", 7, 11, 17),
        ("京政办发[2021]7号", "关于印发某某方案的通知", "北京市人民政府办公厅", "2021-03-05", 21, 22, 29),
        (None, "北京市人民政府3月大事记", "北京市人民政府", None, 31, 31, 32),
    ]


def test_lines_map_back_to_the_source():
    doc = segment(TWO_NOTICES, "x.txt")[1]
    assert doc.line(22) == "京政办发[2021]7号"
    assert dict(doc.numbered())[29] == "加强管理。"


def test_facts_carry_number_line_and_end():
    facts = [f.to_dict() for f in documents_to_facts(segment(TWO_NOTICES, "x.txt"))]
    assert facts[0]["src"] == {"file": "x.txt", "line": 11, "end_line": 17}
    assert facts[2]["doc"] is None and facts[2]["doc_title"] == "北京市人民政府3月大事记"


@pytest.mark.parametrize("heading, number, title", [
    ([], "粤府办〔2020〕1号", ""),
    (["广州市人民政府", "关于印发某规划的", "", "通 知"], "穗府〔2019〕12号", "关于印发某规划的通知"),
    (["关于加强城市管理的通知关于加强城市管理的通知"], "穗府〔2019〕12号", "关于加强城市管理的通知"),
    (["关于印发《甲办法》《乙规定》的通知"], "粤府办〔2020〕1号", "关于印发甲办法乙规定的通知"),
    (["关于印发十四五新业态、", "现代服务业发展规划的通知"], "穗府〔2019〕12号", "关于印发十四五新业态、现代服务业发展规划的通知"),
    (["2020年智慧停车建设项目实施方案"], "晋市政发〔2020〕7 号", "2020年智慧停车建设项目实施方案"),
])
def test_titles(heading, number, title):
    text = issue("上一件的正文到此结束。", "", *heading, "", number, "各区人民政府:", "正文。")
    docs = segment(text, "x.txt")
    assert [(d.number, d.title) for d in docs] == [(number.replace(" ", ""), title)]


def test_number_before_title():
    text = issue("京政发〔2021〕3号", "", "北京市人民政府关于加强城市管理的通知", "", "各区人民政府:", "正文。")
    [doc] = segment(text, "x.txt")
    assert (doc.title, doc.issuer) == ("关于加强城市管理的通知", "北京市人民政府")


def test_unsigned_document_takes_the_issuer_of_its_series():
    text = issue(
        "广州市人民政府", "关于甲的通知", "穗府〔2019〕12号", "正文。", "广州市人民政府", "2019年5月6日", "",
        "乙实施方案", "穗府〔2019〕13号", "正文。",
    )
    docs = segment(text, "x.txt")
    assert [(d.issuer, d.date) for d in docs] == [("广州市人民政府", "2019-05-06"), ("广州市人民政府", None)]


def test_joint_issuers_and_spaced_names():
    text = issue(
        "晋城市行政审批服务管理局", "晋 城 市 气 象 局", "关于某事项的通知", "晋市审管发〔2022〕63号", "正文。",
        "晋城市行政审批服务管理局 晋城市气象局", "2022年9月23日",
    )
    [doc] = segment(text, "x.txt")
    assert doc.issuer == "晋城市行政审批服务管理局、晋城市气象局"
    assert doc.date == "2022-09-23"


def test_notice_printed_inside_another_documents_plan_is_cut_out():
    text = issue(
        "甲市人民政府", "关于印发甲规划的通知", "甲政发〔2022〕28号",           # 1-3
        "现将《甲市煤层气发展规划》印发给你们。", "甲市人民政府", "2022年9月30日",         # 4-6
        "第一章 发展基础", "我市资源丰富，占全省",                             # 7-8
        "甲市人民政府", "关于印发乙规划的通知", "甲政发〔2022〕40号",           # 9-11
        "现将《乙规划》印发给你们。", "甲市人民政府", "2022年12月30日", "（此件公开发布）",  # 12-15
        "甲市煤层气发展规划", "的一半以上。", "第二章 总体要求", "坚持创新。",               # 16-19
    )
    host, guest = segment(text, "x.txt")
    assert (host.number, host.start, host.end) == ("甲政发〔2022〕28号", 1, 19)
    assert (guest.number, guest.start, guest.end, guest.date) == ("甲政发〔2022〕40号", 9, 15, "2022-12-30")
    assert host.line(10) == "" and host.line(17) == "的一半以上。"


def test_no_documents_in_a_table_of_contents_or_masthead():
    text = issue("# 目 录", "晋城市人民政府1月大事记 .....49", "晋市政发〔2020〕2号 .....1", "主办单位:")
    assert segment(text, "x.txt") == []


@pytest.mark.parametrize("line, expected", [
    ("2020年2月12日", "2020-02-12"),
    ("2022 年12 月12 日", "2022-12-12"),
    ("二〇二〇年二月十二日", "2020-02-12"),
    ("二〇二一年十月三十一日", "2021-10-31"),
    ("2020年13月1日", None),
    ("2020年2月", None),
    ("于2020年2月12日前报送", None),
])
def test_parse_date(line, expected):
    assert parse_date(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("晋城市人民政府办公室", ["晋城市人民政府办公室"]),
    ("晋城市行政审批服务管理局 晋城市生态环境局", ["晋城市行政审批服务管理局", "晋城市生态环境局"]),
    ("晋 城 市 生 态 环 境 局", ["晋城市生态环境局"]),
    ("关于成立委员会", []),
    ("现将有关事项通知如下", []),
    ("2020年2月12日", []),
])
def test_split_orgs(line, expected):
    assert split_orgs(line) == expected


def test_a_number_wrapped_onto_its_own_line_is_a_citation_not_a_document():
    text = issue("广州市人民政府", "关于甲的通知", "穗府〔2019〕12号", "根据《乙办法》（", "粤府〔2018〕3号",
                 "）制定本通知。")
    assert [d.number for d in segment(text, "x.txt")] == ["穗府〔2019〕12号"]


def test_a_number_printed_again_as_a_running_header_starts_no_document():
    text = issue("关于甲的通知", "穗府〔2019〕12号", "正文。", "", "穗府〔2019〕12号", "", "正文续。")
    [doc] = segment(text, "x.txt")
    assert doc.end == 7


@pytest.mark.parametrize("heading, expected", [
    ("# 广州市人民政府公报|## 3月大事记", [(None, "3月大事记", "广州市人民政府")]),
    ("广州市人民政府2021年3月大事记", [(None, "广州市人民政府2021年3月大事记", "广州市人民政府")]),
    ("要认真编写大事记", [(None, "", None)]),  # no chronicle heading: the file is one untitled document
])
def test_chronicles(heading, expected):
    text = issue(*heading.split("|"), "3月1日 市长主持召开常务会议。")
    assert [(d.number, d.title, d.issuer) for d in segment(text, "x.txt")] == expected


def test_a_list_of_units_over_a_heading_is_not_its_issuer():
    text = issue("成员单位:", "市财政局", "市教育局", "", "关于乙的通知", "穗府〔2019〕13号", "正文。")
    [doc] = segment(text, "x.txt")
    assert (doc.start, doc.issuer) == (5, None)


def test_page_furniture_inside_a_document_is_blanked():
    text = issue("关于甲的通知", "穗府〔2019〕12号", "成员:张三", "—— 13", "晋城市人民政府公报1 / 2023•市政府办公室文件 •",
                 "李四", "序号", "57", "王五")
    [doc] = segment(text, "x.txt")
    assert [doc.line(n) for n in range(3, 10)] == ["成员:张三", "", "", "李四", "序号", "57", "王五"]


def test_a_note_over_an_unsigned_plan_title_is_not_part_of_it():
    text = issue("1.甲表（见网络）", "（见网络）", "", "晋城市推进运输结构调整实施方案", "晋市政办〔2019〕47号", "正文。")
    [doc] = segment(text, "x.txt")
    assert (doc.start, doc.title) == (4, "晋城市推进运输结构调整实施方案")


@pytest.mark.parametrize("tail, end", [
    (["", "传达政令", "", "宣传政策", "", "指导工作", "", "服务社会"], 3),
    (["成员:", "张三", "李四", "王五"], 7),
    (["传达政令", "宣传政策"], 5),
])
def test_back_cover_is_no_part_of_the_last_document(tail, end):
    text = issue("关于甲的通知", "穗府〔2019〕12号", "正文。", *tail)
    [doc] = segment(text, "x.txt")
    assert doc.end == end


@pytest.mark.parametrize("lines, expected", [
    (["正文。", "北京市人民政府 2021年3月2日"], ("北京市人民政府", "2021-03-02")),
    (["正文。", "北京市人民政府办公厅", "", "2021年3月2日", "（此件公开发布）"], ("北京市人民政府办公厅", "2021-03-02")),
    (["要在2021年3月2日前报送。"], (None, None)),
])
def test_signature_blocks(lines, expected):
    text = issue("关于甲的通知", "京政发〔2021〕3号", *lines)
    [doc] = segment(text, "x.txt")
    assert (doc.issuer, doc.date) == expected


@pytest.mark.parametrize("lines, expected", [
    (["【市政府文件】", "", "甲市停车建设项目实施方案", "京政发〔2021〕3号"], (3, "甲市停车建设项目实施方案", "京政发〔2021〕3号")),
    (["关于甲的通知", "文号：京政发〔2021〕3号"], (1, "关于甲的通知", "京政发〔2021〕3号")),
    (["北京市人民政府大事记（3月）"], (1, "北京市人民政府大事记（3月）", None)),
])
def test_heading_variants(lines, expected):
    [doc] = segment(issue(*lines, "正文。"), "x.txt")
    assert (doc.start, doc.title, doc.number) == expected


def test_a_chronicle_opens_where_its_entries_start():
    text = issue("目 录", "北京市人民政府3月大事记", "北京市人民政府4月大事记", "", "关于甲的通知", "京政发〔2021〕3号",
                 "正文。", "北京市人民政府3月大事记", "3月1日 市长主持召开常务会议。", "北京市人民政府3月大事记",
                 "3月2日 市长调研。")
    docs = segment(text, "x.txt")
    assert [(d.number or d.title, d.start, d.end) for d in docs] == [
        ("京政发〔2021〕3号", 5, 7), ("北京市人民政府3月大事记", 8, 11)]


def test_traditional_script_number_title_and_masthead():
    text = issue("珠海市人民政府公報", "", "珠海市人民政府關於印發優化營商環境若干措施的通知", "", "珠府〔2021〕35號", "",
                 "各區人民政府：", "正文。", "", "珠海市人民政府", "二〇二一年九月十日")
    [doc] = segment(text, "x.txt")
    assert (doc.number, doc.title, doc.issuer, doc.date) == (
        "珠府〔2021〕35號", "關於印發優化營商環境若干措施的通知", "珠海市人民政府", "2021-09-10")


def test_number_in_brackets_under_the_title():
    text = issue("四川省人民政府关于加强安全生产工作的意见", "", "（川府发〔2019〕18号）", "", "各市（州）人民政府：",
                 "根据《国务院关于加强的意见》", "（国发〔2019〕28号）要求。", "", "四川省人民政府", "2019年6月5日")
    [doc] = segment(text, "x.txt")
    assert (doc.number, doc.title, doc.issuer) == ("川府发〔2019〕18号", "关于加强安全生产工作的意见", "四川省人民政府")


@pytest.mark.parametrize("under", ["（吕政发〔2020〕9号  2020年7月3日）", "（2020年7月3日  吕政发〔2020〕9号）",
                                   "吕政发〔2020〕9号 二〇二〇年七月三日"])
def test_number_and_date_under_the_title(under):
    """A gazette prints the number with the date under the title: the document's own number and
    its date, not a citation."""
    text = issue("吕梁市人民政府关于加强安全生产工作的意见", under, "", "各县（市、区）人民政府：", "现提出如下意见。")
    [doc] = segment(text, "x.txt")
    assert (doc.number, doc.title, doc.date) == ("吕政发〔2020〕9号", "关于加强安全生产工作的意见", "2020-07-03")


def test_government_order():
    text = issue("广东省人民政府令", "", "第 294 号", "", "《广东省安全生产责任制规定》已经省人民政府常务会议通过，现予公布。", "",
                 "省长　王伟中", "2022年3月10日", "", "广东省安全生产责任制规定", "第一条　为了落实安全生产责任制，制定本规定。")
    [doc] = segment(text, "x.txt")
    assert (doc.number, doc.title, doc.issuer, doc.date) == (
        "广东省人民政府令第294号", "广东省安全生产责任制规定", "广东省人民政府", "2022-03-10")


@pytest.mark.parametrize("line, number", [
    ("晋市政发〔2020〕3号", "晋市政发〔2020〕3号"),
    ("发文字号：晋市政发〔2020〕3号", "晋市政发〔2020〕3号"),
    ("（川府发〔2019〕18号）", "川府发〔2019〕18号"),      # in brackets under the title
    ("国办发[2018]67号", "国办发[2018]67号"),
    ("晋政发(2004)12号", "晋政发(2004)12号"),
    ("珠府〔2021〕35號", "珠府〔2021〕35號"),            # traditional script, as printed
    ("国务院令第708号", "国务院令第708号"),              # an order: the same 文号 the citations read
    ("根据晋市政发〔2020〕3号文件", None),               # running text around a number
    ("晋市政发〔2020〕3号、晋市政发〔2020〕4号", None),
    ("关于印发实施方案的通知（晋市政发〔2020〕3号）", None),
    ("第294号", None),                                  # an order's number under its heading, read apart
    ("2020年3月1日", None),
    # a date printed beside the number under a title, before or after it, spaced or not
    ("（吕政发〔2020〕9号  2020年7月3日）", "吕政发〔2020〕9号"),
    ("（2020年7月3日，吕政发〔2020〕9号）", "吕政发〔2020〕9号"),
    ("吕政发〔2020〕9号2020年7月3日", "吕政发〔2020〕9号"),
    ("吕政发〔2020〕9号 二〇二〇年七月三日", "吕政发〔2020〕9号"),
    ("东府办函[2003]248号2003年12月16日广东省", None),   # a site's summary line: more than number and date
])
def test_number_on_line(line, number):
    assert number_on_line(line) == number


@pytest.mark.parametrize("cells", [
    ["1", "某市人民政府关于某事的通知", "某政发〔2008〕21号", "2", "某市人民政府关于另一事的通知", "某政发〔2010〕4号"],
    ["1", "某政发〔2008〕21号", "某市人民政府关于某事的通知", "2", "某政发〔2010〕4号", "某市人民政府关于另一事的通知"],
    ["1", "某市人民政府关于某事的通知", "某政发〔2008〕21号", "2008年6月3日", "2", "某市人民政府关于另一事的通知",
     "某政发〔2010〕4号", "2010年1月5日"],
])
def test_a_list_of_documents_one_cell_per_line_opens_no_document(cells):
    text = "某政发〔2021〕8号\n某市人民政府关于废止部分文件的决定\n各县：\n废止以下文件。\n某市人民政府\n2021年3月9日\n序号\n" \
        + "\n\n".join(cells) + "\n"
    docs = segment(text, "x.txt")
    assert [d.number for d in docs] == ["某政发〔2021〕8号"]


def test_a_page_number_over_a_heading_still_opens_a_document():
    text = "某政发〔2021〕8号\n关于甲事的通知\n各县：\n正文。\n某市人民政府\n2021年3月9日\n\n12\n\n关于乙事的通知\n" \
        "某政发〔2021〕9号\n各县：\n正文。\n"
    assert [d.number for d in segment(text, "x.txt")] == ["某政发〔2021〕8号", "某政发〔2021〕9号"]


@pytest.mark.parametrize("trailer", ["相关链接：", "【相关文章】", "上一篇：关于成立某市大数据发展领导小组的通知", "相關鏈接："])
def test_a_web_pages_links_after_the_document_are_no_part_of_it(trailer):
    """Titles a page links to after its document (关于成立X领导小组的通知) set up nothing."""
    text = issue("【字体：大 中 小】 打印本页 关闭窗口", "关于成立某市数字政府建设领导小组的通知", "各县人民政府：",
                 "经市人民政府同意，成立某市数字政府建设领导小组。", "某市人民政府办公室", "2021年4月28日", "",
                 trailer, "关于成立某市大数据发展领导小组的通知", "关于印发某市数字经济发展规划的通知")
    [doc] = segment(text, "x.txt")
    assert (doc.title, doc.end, doc.date) == ("关于成立某市数字政府建设领导小组的通知", 6, "2021-04-28")
    from govkg.extract.pipeline import extract_text
    bodies = {f.body for f in extract_text(text, "x.txt").facts if f.type == "body"}
    assert bodies == {"某市数字政府建设领导小组"}

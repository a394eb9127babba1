"""The same documents as other converters and typists give them (``devtools/perturb.py``): hard line
wraps at a fixed width, half-width punctuation, spaced names, indents, blank lines, page furniture, headings
in spaced type.
The wide set through each keeps its score against its gold (lines moved with the text); and the
phenomena the wraps broke, one case each."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devtools.perturb import perturbed_set
from govkg.extract.pipeline import extract_text
from govkg.text.wrap import fixed_width, is_full_line, page_width, printed_width
from tests.support import SHARED

WIDE = SHARED / "wide"
# below the figures measured (bench/robust_bench.py): a drop is a rule that held for one layout only
FLOORS = {"halfwidth": 0.995, "spaced_names": 0.995, "indented": 0.995, "blank_between": 0.995,
          "page_furniture": 0.995, "spaced_headings": 0.995, "fullwidth_digits": 0.995, "bold_labels": 0.995,
          "no_blank_lines": 0.995, "square_brackets": 0.995, "traditional": 0.995, "bulleted": 0.995,
          "wrap30": 0.97, "wrap30_halfwidth": 0.97, "wrap24": 0.96, "wrap24_blank_between": 0.96,
          "no_blank_wrap24": 0.96, "wrap24_page_furniture": 0.96, "traditional_wrap24": 0.96, "wrap18": 0.95}


@pytest.mark.slow
@pytest.mark.skipif(not WIDE.is_dir(), reason="the wide set is in ../shared/wide")
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_wide_set_through_a_layout_keeps_its_score(name, tmp_path):
    texts, gold = perturbed_set(WIDE, name, tmp_path / name)
    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as fh:
        for path in sorted(texts.glob("*.txt")):
            for f in extract_text(path.read_text(encoding="utf-8"), path.name).facts:
                fh.write(f.to_json() + "\n")
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "kgscore.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout  # the scorer as a researcher runs it
    f1 = json.loads(out)["overall"]["f1"]
    assert f1 >= FLOORS[name], f"{name}: F1 {f1:.3f} < {FLOORS[name]}"


def test_a_citation_whose_number_wraps_after_its_bracket():
    text = ("关于成立标准化工作领导小组的通知\n为贯彻落实《国家林业局关于进一步加强林业标准化工作的意见》(\n"
            "林科发〔2015〕127号),全面推进林业标准化工作,经研究,决定成立领导小组。\n")
    cites = [f for f in extract_text(text, "t.txt").facts if f.type == "citation"]
    assert [(c.cited_number, c.cited_title) for c in cites] == [
        ("林科发〔2015〕127号", "国家林业局关于进一步加强林业标准化工作的意见")]


UNITS = ("市委宣传部", "市委政法委", "市委网信办", "市人大常委会法工委", "市发展改革局", "市教育体育局", "市工业和信息化局",
         "市民族宗教局", "市公安局", "市民政局", "市司法局", "市财政局")


@pytest.mark.parametrize("width", [26, 27, 28, 29, 30, 32, 34])
def test_a_unit_list_wrapped_at_any_width_keeps_every_agency_whole(width):
    prose = ("为加强对全市未成年人保护工作的统筹协调和督促指导，市政府决定成立市未成年人保护工作领导小组，作为市级议事协调机构。"
             "领导小组组长由市政府分管民政工作的副市长兼任。成员单位包括" + "、".join(UNITS) + "。")
    lines = [prose[i:i + width] for i in range(0, len(prose), width)]
    text = "\n".join(["关于成立市未成年人保护工作领导小组的通知", *lines])
    units = [f.agency for f in extract_text(text, "t.txt").facts if f.type == "unit"]
    assert units == list(UNITS)


@pytest.mark.parametrize("lines, width", [
    (["市发展改革委" * 5] * 8, 60),  # a wrapped page: every line as wide
    (["一行", "市发展改革委、市财政局、市教育局、市公安局。" * 2, "短"] * 3, None),  # a web page: paragraphs
])
def test_fixed_width(lines, width):
    assert fixed_width(lines, len(lines) - 1) == width
    assert printed_width("市发展改革委abc") == 15


@pytest.mark.parametrize("width", [18, 24, 30])  # 18: a two-column page converted without its columns
def test_a_wrapped_sentence_after_short_list_lines(width):
    """组长 and 副组长 on short lines, then the members as one sentence wrapped at ``width``: the first full line is
    known for one although the lines above it are short (the median of the page is not its width), and a full
    line that starts a sentence is no item of the 副组长 list above it."""
    def wrap(text: str) -> list[str]:
        return [text[i:i + width] for i in range(0, len(text), width)]

    members = ("市政府分管副秘书长，市委宣传部、市发展改革委、市公安局、市财政局、市国土资源局、市建委、市交通局、"
               "市农业经济局、市水利局、市环保局主要领导为领导小组成员。")
    lines = [*wrap("嘉兴市人民政府办公室关于成立嘉兴市沪杭高铁客运专线建设领导小组的通知"), "（嘉政办发〔2009〕37号）",
             "领导小组成员名单如下：", "组  长：李卫宁", "副组长：裘东耀、赵树梅", *wrap(members)]
    first = lines.index(wrap(members)[0])
    assert fixed_width(lines, first) is None and page_width(lines, first) == 2 * width
    assert is_full_line(lines, first) and not is_full_line(lines, first - 1)
    facts = extract_text("\n".join(lines), "t.txt").facts
    units = {f.agency for f in facts if f.type == "unit"}
    assert {"市委宣传部", "市财政局", "市水利局", "市环保局"} <= units
    assert {f.person for f in facts if f.type == "membership" and f.role == "副组长"} == {"裘东耀", "赵树梅"}


def test_a_page_of_whole_paragraphs_has_no_width():
    lines = ["为加强领导，决定成立领导小组。", "领导小组下设办公室，办公室设在市发展改革委，负责日常工作。",
             "各成员单位要按照职责分工，各司其职，密切配合，形成工作合力，确保各项任务落到实处。", "特此通知。"]
    assert page_width(lines, 1) is None and not is_full_line(lines, 1)


def test_a_two_column_composition_list():
    """A committee set up and listed on a page wrapped at 18 (a column of a two-column page): the name cut after
    委员 (which reads as a whole post) is one name, and a role word that ends a post cut after 副 is no label."""
    text = "\n".join([
        "沪府办〔2021〕99号", "", "上海市人民政府办公厅关于成立示范港", "区(东滩)开发建设管理委", "员会的通知", "",
        "各区人民政府:", "", "  经市政府研究,决定成立示范港", "区(东滩)开发建设管理委员", "会(以下简称“管委会”),其组成人员", "如下:",
        "", "  主 任:王大明 副市长", "", "  成 员:李小红 市经济信息化委副", "主任", "",
        "      赵小兵 市商务委副主任", "", "      钱小军 市规划资源局副局", "长", ""])
    facts = extract_text(text, "t.txt").facts
    assert [f.body for f in facts if f.type == "body"] == ["示范港区(东滩)开发建设管理委员会"]
    assert {(f.person, f.role, f.position) for f in facts if f.type == "membership"} == {
        ("王大明", "主任", "副市长"), ("李小红", "成员", "市经济信息化委副主任"), ("赵小兵", "成员", "市商务委副主任"),
        ("钱小军", "成员", "市规划资源局副局长")}


def test_a_document_number_wrapped_on_the_line_it_stands_on():
    text = ("国家税务总局某省税务局公告2022\n年第5号\n为深入贯彻落实中共中央办公厅、国务院\n办公厅印发的《关于进一步深化税收征管\n"
            "改革的意见》，现将有关事项公告如下：\n一、将第一条修改为：“为规范本系统文件。”\n")
    facts = extract_text(text, "t.txt").facts
    assert [f.doc for f in facts if f.type == "document"] == ["国家税务总局某省税务局公告2022年第5号"]
    assert [(f.doc, f.cited_title) for f in facts if f.type == "citation"] == [
        ("国家税务总局某省税务局公告2022年第5号", "关于进一步深化税收征管改革的意见")]


def test_a_first_listed_rule_whose_bracket_closes_on_the_next_line():
    text = ("关于印发重点工作责任分解的通知\n\n1.推进文化旅游融合发展。\n\n"
            "责任单位：省政府办公厅、省财政厅牵头，省商务厅、省文化和旅游\n厅（除标注为“牵头”单位外，列第一位的为牵头或汇总单位，\n下同）\n\n"
            "2.扩大有效投资。\n\n责任单位：省发展改革委、省财政厅\n")
    got = {(f.agency, f.role) for f in extract_text(text, "t.txt").facts if f.type == "assignment"}
    assert got == {("省政府办公厅", "牵头"), ("省财政厅", "牵头"), ("省商务厅", "责任"), ("省文化和旅游厅", "责任"),
                   ("省发展改革委", "牵头")} | {("省财政厅", "责任")}


def test_a_numberless_notice_wrapped_names_the_plan_it_issues():
    """No number: the notice's sentence that issues the plan, wrapped at 18 (《X》已经县 / 政府同意，现予印发), titles
    the document, on the plan's own heading below, itself wrapped over two lines."""
    text = "\n".join(["各乡镇人民政府、街道办事处，县府各部", "门：", "《柳溪县城市内涝灾害事故应急预案》已", "经县政府同意，现予印发，请认真贯彻执",
                      "行。", "柳溪县人民政府办公室", "2010年11月1日", "柳溪县城市内涝灾害事故应急预", "案", "1 总则",
                      "为提高应对城市内涝灾害的能力，保障人", "民群众生命财产安全，制定本预案。"])
    docs = [f for f in extract_text(text, "t.txt").facts if f.type == "document"]
    assert [(d.doc, d.doc_title, d.src.line) for d in docs] == [(None, "柳溪县城市内涝灾害事故应急预案", 8)]


def test_a_numberless_notice_wrapped_over_a_page_of_short_lines():
    """The same sentence wrapped where the page's width cannot be told (a contents of short lines follows)."""
    text = "\n".join(["各乡镇人民政府、街道办事处，县府各部门：", "《柳溪县城市内涝灾害事故应急预案》已经县政府同意，现",
                      "予印发，希认真贯彻执行。", "二○一○年十一月一日", "柳溪县城市内涝灾害事故应急预案", "目 录", "1 总则",
                      "1.1 编制目的", "1.2 编制依据", "1.3 适用范围", "2 组织体系", "2.1 指挥机构"])
    docs = [f for f in extract_text(text, "t.txt").facts if f.type == "document"]
    assert [(d.doc_title, d.src.line) for d in docs] == [("柳溪县城市内涝灾害事故应急预案", 5)]


@pytest.mark.parametrize("head", ["法规国家税务总局公告2019年第12号 国家税务总局关于简化\n增值税发票领用和使用程序有关事项的公告",
                                  "法规国家税务总局公告2019年第12号 国家税务\n总局关于简化增值税发票领用和使用程序有\n关事项的公告"])
def test_a_number_before_its_title_on_a_first_line_that_wraps(head):
    """A site's first line: a label, the number, then the title, wrapped onto the next line or two."""
    text = head + ("\n\n为贯彻落实《国务院关于进一步优化营商环境的意见》，现将有关事项公告如下：\n一、简化发票领用程序。\n")
    facts = extract_text(text, "t.txt").facts
    assert [(f.doc, f.title) for f in facts if f.type == "document"] == [
        ("国家税务总局公告2019年第12号", "关于简化增值税发票领用和使用程序有关事项的公告")]
    assert [f.doc for f in facts if f.type == "citation"] == ["国家税务总局公告2019年第12号"]


def test_a_cited_number_a_wrap_cuts_inside_its_digits():
    text = ("关于印发某办法的通知\n\n第一条 为加强道路运输车辆动态监管，根据《道路运输车辆动态监督管理办法》（交通运输部令201\n"
            "6年第55号）和《国务院关于深化改革的意见》（国发〔201\n\n2〕12号），制定本办法。\n")  # a blank line between too
    got = [(f.cited_number, f.cited_title) for f in extract_text(text, "t.txt").facts if f.type == "citation"]
    assert got == [("交通运输部令2016年第55号", "道路运输车辆动态监督管理办法"), ("国发〔2012〕12号", "国务院关于深化改革的意见")]


def test_a_label_list_whose_separator_a_wrap_puts_on_the_next_line():
    text = ("关于印发重点工作责任分解的通知\n\n1.固定资产投资增长10%。\n\n责任单位:市发改委、市经信局、市科技局、市财政局\n"
            "、市自然资源局、市生态环境局\n\n2.社会消费品零售总额增长5%。\n\n责任单位:市商务局\n")
    got = [(f.agency, f.src.line) for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == [("市发改委", 5), ("市经信局", 5), ("市科技局", 5), ("市财政局", 5), ("市自然资源局", 6),
                   ("市生态环境局", 6), ("市商务局", 10)]


def test_a_label_list_wrapped_inside_a_name_whose_first_half_reads_whole():
    """…省科 / 技厅、…: 科 ends names too (城管科), but the line fills the width the page is wrapped at."""
    prose = ("设立省产业发展基金，总规模达到一千亿元，并扩大省科创母基金规模。坚持投早、投小、投科技，在战略性新兴产业"
             "领域催生一批拥有核心技术和市场竞争力的高成长企业，培育一批专精特新企业和单项冠军企业。")
    lines = [prose[i:i + 24] for i in range(0, len(prose), 24)]
    text = "\n".join(["关于印发重点工作责任分解的通知", "", "1.设立省产业基金。", *lines, "",
                      "责任单位:省财政厅、省发展改革委、省经信厅、省科", "技厅、省海洋经济厅、省商务厅", ""])
    got = [f.agency for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == ["省财政厅", "省发展改革委", "省经信厅", "省科技厅", "省海洋经济厅", "省商务厅"]


def test_a_site_label_glued_before_a_number_line():
    text = ("法规国家税务总局公告2019年第12\n号 国家税务总局关于简化增值税发票领用\n和使用程序有关事项的公告\n\n"
            "为贯彻落实《国务院关于进一步优化营商环境的意见》，现将有关事项公告如下：\n一、简化发票领用程序。\n")
    facts = extract_text(text, "t.txt").facts
    assert [f.doc for f in facts if f.type in ("document", "citation")] == ["国家税务总局公告2019年第12号"] * 2


@pytest.mark.parametrize("gap", [1, 2])  # 2: a blank line after every line (a converter's line spacing)
def test_a_spaced_row_table_whose_rows_wrap_at_a_fixed_width(gap):
    """Rows of a table flattened one per line, wrapped by the converter without an indent: the task cell
    (…重点用 / 于职工分流安置…), the role cell inside a name (人力资源社会保 / 障部) and the role cell alone below."""
    text = ("\n" * gap).join(["关于落实量化指标任务分工的通知", "", "量化指标任务分工", "", "序号 工 作 任 务 牵头负责部门",
                      "1 居民消费价格涨幅3%左右 发展改革委", "2 城镇新增就业1000万人以上 人力资源社会保", "障部",
                      "3 安排财政赤字2.18万亿元，赤字率提高到3%", " 财政部", "4 中央财政安排1000亿元专项奖补资金，重点用",
                      "于职工分流安置，2016年安排500亿元 财政部", "5 推进5万个行政村通光纤 工业和信息化部", ""])
    got = [(f.agency, f.role, f.src.line) for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == [(a, "牵头", (n - 1) * gap + 1) for a, n in (("发展改革委", 6), ("人力资源社会保障部", 7), ("财政部", 10),
                                                              ("财政部", 12), ("工业和信息化部", 13))]




def test_a_cited_number_whose_issuer_a_wrap_cuts_after_a_full_line():
    prose = ("为切实减轻小型微利企业纳税申报负担，现就填报《企业所得税年度纳税申报表》（国家税务总局公告二〇一七年第五十四号发布，"
             "国家税务总局公告2018年第57号修订）有关事项公告如下。")
    cut = prose.index("税务总局公告2018")
    lines = [prose[i:i + 20] for i in range(0, cut - 20, 20)]
    lines += [prose[len(lines) * 20:cut], prose[cut:]]
    assert len(lines[-2]) == 20  # the issuer's 国家 ends a full line
    text = "\n".join(["国家税务总局关于简化小型微利企业所得税年度纳税申报有关措施的公告", "", *lines, ""])
    got = [f.cited_number for f in extract_text(text, "t.txt").facts if f.type == "citation" and f.cited_number]
    assert got == ["国家税务总局公告2018年第57号"]


def test_a_title_cited_over_two_lines_does_not_title_a_numberless_document():
    """根据《昆明市人 / 民政府关于印发…的通知》: the 印发…的通知 inside the cited title names no document of this one."""
    text = "\n".join(["为认真贯彻落实国家和省、市关于稳增长各项决策部署，加快推进供", "给侧结构性改革，着力促进全区经济平稳较快发展，根据《昆明市人",
                      "民政府关于印发昆明市稳增长促发展若干政策措施的通知》（昆政发", "〔2016〕13号），结合官渡区实际，特制定如下政策措施。",
                      "一、提高投资项目审批效率", "1.精简项目审批手续。加快推进网上审批，完善行政审批网上服务大厅功能。", ""])
    docs = [f for f in extract_text(text, "t.txt").facts if f.type == "document"]
    assert [(d.doc, d.doc_title) for d in docs] == [(None, None)]


def test_a_joint_meeting_whose_name_a_wrap_cuts_after_a_word_that_ends_posts():
    """…工作联席 / 会议(以下简称联席会议)制度: 主席 ends posts, but 联席 / 会议 is one name."""
    text = "\n".join(["各镇人民政府，区政府有关部门、有关直", "属机构：", "为进一步加强我区殡葬管理工作的组织领", "导和统筹协调，经区政府同意，",
                      "决定建立柳溪市新区殡葬管理工作联席", "会议（以下简称联席会议）制度。现就有", "关事项通知如下：", "一、组成人员",
                      "召集人：区政府分管民政工作的领导", "成员单位：区民政局、区财政局", ""])
    bodies = [f.body for f in extract_text(text, "t.txt").facts if f.type == "body"]
    assert bodies == ["柳溪市新区殡葬管理工作联席会议"]


def test_a_paragraph_after_a_full_label_line_is_no_part_of_its_list():
    """A label's list that fills the width, then a paragraph wrapped at the same width: the list ends there."""
    def wrap(text: str) -> list[str]:
        return [text[i:i + 20] for i in range(0, len(text), 20)]

    text = "\n".join(["关于印发重点工作责任分解的通知", "", *wrap("1.扩大有效投资，全年固定资产投资增长百分之十以上，重点项目投资完成年度计划。"),
                      "责任单位：市发改委、市财政局、市教育局局", *wrap("加快推进重点项目建设，确保完成年度目标任务，市政府督查室负责跟踪督办。"),
                      "2.促进消费增长。", "责任单位：市商务局", ""])
    got = [f.agency for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == ["市发改委", "市财政局", "市教育局局", "市商务局"]


def test_a_spaced_table_broken_by_a_page_break():
    """The page's footer and the next page's running head (the gazette's name alone) between two rows."""
    text = "\n".join(["关于落实量化指标任务分工的通知", "", "量化指标任务分工", "", "序号 工 作 任 务 牵头负责部门",
                      "1 居民消费价格涨幅3%左右 发展改革委", "2 城镇新增就业1000万人以上 人力资源社会保障部", "", "— 2 —", "政府公报",
                      "3 推进5万个行政村通光纤 工业和信息化部", "4 公路投资1.65万亿元 交通运输部", ""])
    got = [f.agency for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == ["发展改革委", "人力资源社会保障部", "工业和信息化部", "交通运输部"]


def test_a_forwarded_plan_whose_heading_wraps_over_a_blank_line_is_not_cited():
    text = "\n".join(["柳溪省人民政府关于批转省发展改革委柳溪省2012年经济体制改革重点工作意见的通知", "", "柳政发〔2012〕53号", "",
                      "各市人民政府，省政府各部门：", "", "省政府同意省发展改革委《柳溪省2012年经济体制改革重点工作意见》，现转发给你们。", "",
                      "柳溪省人民政府", "", "2012年4月28日", "", "柳溪省2012年经济体制改革", "", "重点工作意见", "",
                      "全省经济体制改革工作要按照国务院批转发展改革委《关于2012年深化经济体制改革重点工作的意见》（国发〔2012〕12号）的要求推进。", ""])
    got = [(f.cited_number, f.cited_title) for f in extract_text(text, "t.txt").facts if f.type == "citation"]
    assert got == [("国发〔2012〕12号", "关于2012年深化经济体制改革重点工作的意见")]


def test_a_table_printed_one_cell_per_line_with_wide_line_spacing():
    """Cells one per line with three blank lines between (a converter's line spacing doubled)."""
    cells = ["序号", "重点工作", "牵头责任单位", "协同责任单位", "一、市长负责事项（共2项）", "1", "全面延伸双招双引，继续坚持顶格推进。",
             "市政府办", "市政府各部门", "2", "深入推进营商环境改革。", "市数据资源局", "市市场监管局、市财政局"]
    text = "\n".join(["柳溪市人民政府关于印发2022年重点工作及责任清单的通知", "", "2022年重点工作及责任清单", "",
                      *[line for c in cells for line in (c, "", "", "")]])
    got = [(f.agency, f.role) for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == [("市政府办", "牵头"), ("市数据资源局", "牵头"), ("市市场监管局", "配合"), ("市财政局", "配合")]


def test_a_plan_heading_after_the_signature_wrapped_inside_its_bracket():
    text = "\n".join(["各县（市、区）交通运输局、局属有关单位：", "为更好地开展全市道路运输车辆动态监督工作，修订了《柳溪市道路",
                      "运输车辆动态监督管理与考核实施办法（试行）》。现将文件印发给你们，请遵照执", "行。", "柳溪市交通运输局",
                      "2021年9月7日", "柳溪市道路运输车辆动态监督管理与考核实施办法（试", "行）", "第一章 总 则",
                      "第一条 为进一步加强我市道路运输车辆动态安全监管，制定本办法。", ""])
    docs = [f for f in extract_text(text, "t.txt").facts if f.type == "document"]
    assert [(d.doc_title, d.src.line) for d in docs] == [("柳溪市道路运输车辆动态监督管理与考核实施办法（试行）", 7)]


def test_a_cited_order_whose_tail_a_wrap_puts_on_the_next_line():
    text = ("关于修改部分规范性文件的公告\n\n根据《税务规范性文件制定管理办法》和《广东省行政规范性文件管理规定》（粤府\n"
            "令第277号公布）等规定，结合工作实际，决定修改部分规范性文件。\n")
    got = [(f.cited_number, f.cited_title) for f in extract_text(text, "t.txt").facts if f.type == "citation"]
    assert ("粤府令第277号", "广东省行政规范性文件管理规定") in got



def test_a_sentence_wrapped_after_a_role_word_at_a_column_width():
    """…兼任；常务副主任 / 由…赵立杰兼任: a line holding a sentence's end is prose, not a list item ending a post."""
    text = "\n".join(["关于成立省未成年人保护工作领导小组的通知", "", "成立省未成年人保护工作领导小组。",
                      "领导小组办公室设在省民政厅，承担日常工作", "。办公室主任由省民政厅厅长刘炳国兼任；常务副主任",
                      "由省民政厅副厅长赵立杰兼任。", ""])
    got = {(f.person, f.role) for f in extract_text(text, "t.txt").facts if f.type == "membership"}
    assert ("赵立杰", "常务副主任") in got and ("刘炳国", "办公室主任") in got


# member lists a wrap cuts: (lines, expected (person, role, position) of every membership)
MEMBER_CASES = [
    # …国家标准委 / 主任: the title ends the post above, it is no role label for the rest
    (["关于成立国家新材料产业发展领导小组的通知", "", "国家新材料产业发展领导小组组成人员名单如下：", "组  长：马 凯 国务院副总理",
      "成  员：苗 圩 工业和信息化部部长", "田世宏 质检总局党组成员、国家标准委", "主任", "许宪春 统计局副局长", "贺 化 知识产权局副局长"],
     {("马凯", "组长", "国务院副总理"), ("苗圩", "成员", "工业和信息化部部长"), ("田世宏", "成员", "质检总局党组成员、国家标准委主任"),
      ("许宪春", "成员", "统计局副局长"), ("贺化", "成员", "知识产权局副局长")}),
    # 成员 alone after an agency-only post is a role label
    (["关于成立县森林防火指挥部的通知", "", "县森林防火指挥部组成人员名单如下：", "指挥长：张 华 县林业局", "成员",
      "李 明 县财政局局长", "王 强 县公安局副局长"],
     {("张华", "指挥长", "县林业局"), ("李明", "成员", "县财政局局长"), ("王强", "成员", "县公安局副局长")}),
    # …省环保厅总工 / 程师: 程 opens names, but 总工 / 程师 is one word
    (["关于成立省农业减量行动联席会议的通知", "", "联席会议组成人员如下：", "召集人：王 强 省政府副省长", "成　员：丛 丽 省环保厅总工",
      "程师", "葛 新 省统计局副局长"],
     {("王强", "召集人", "省政府副省长"), ("丛丽", "成员", "省环保厅总工程师"), ("葛新", "成员", "省统计局副局长")}),
]


MEMBER_CASES += [
    # a post cut after 委员 (…委员 / 会主任), before a head's 长 (…副局 / 长), and its (兼) carried to the next line
    (["关于调整市食品安全委员会组成人员的通知", "", "调整后的组成人员名单如下：", "主  任：张卫东  市长", "委  员：钱  进  市市场监督管",
      "理局局长（兼）", "孙海涛  市卫生健康委员", "会主任", "周  伟  市公安局副局", "长"],
     {("张卫东", "主任", "市长"), ("钱进", "委员", "市市场监督管理局局长"), ("孙海涛", "委员", "市卫生健康委员会主任"),
      ("周伟", "委员", "市公安局副局长")}),
]


@pytest.mark.parametrize("lines, expected", MEMBER_CASES)
def test_a_member_list_a_wrap_cuts(lines, expected):
    facts = extract_text("\n".join([*lines, ""]), "t.txt").facts
    assert {(f.person, f.role, f.position) for f in facts if f.type == "membership"} == expected


def test_a_concurrent_mark_a_wrap_puts_on_the_next_line():
    lines = ["关于调整市食品安全委员会组成人员的通知", "", "组成人员名单如下：", "委  员：钱  进  市市场监督管", "理局局长（兼）", ""]
    [m] = [f for f in extract_text("\n".join(lines), "t.txt").facts if f.type == "membership"]
    assert (m.position, m.concurrent) == ("市市场监督管理局局长", True)


def test_a_sentence_wrapped_at_a_fixed_width_over_a_verb_and_an_office_clause():
    """…进行 / 调整 (进行 ends like 银行, no agency) and …为成 / 员单位。指挥部办公室设在… (the line opens with the
    end of a sentence, not with the office's): one paragraph, whose units are read."""
    text = "\n".join(["县政府调整县防汛抗旱指挥部组成人员", "    日前，县政府印发通知，对县防汛抗旱指挥部组成人员进行",
                      "调整。调整后，县长刘志强任指挥长，副县长陈明、县人武部部长赵", "刚任副指挥长，县水利局、县应急管理局、县气象局、县财政局为成",
                      "员单位。指挥部办公室设在县水利局，县水利局局长孙立兼任办公室", "主任。", ""])
    units = {f.agency for f in extract_text(text, "t.txt").facts if f.type == "unit"}
    assert units == {"县水利局", "县应急管理局", "县气象局", "县财政局"}


def test_a_joint_meeting_list_wrapped_at_thirty_characters():
    """A head's title alone after its agency (…保障局 / 局长), a seat's posts cut mid-word (…市人力资源 / 和社会保障局局长:
    和社会 is no person), the separator the wrap put at the line's start (…委员会 / 、市公安局…), and 由 opening the line
    after a complete post (…办公室主任 / 由市…兼任: 由市 is no place)."""
    for cut in ("市人力资源和社会保障局\n局长", "市人力资源\n和社会保障局局长"):
        text = "\n".join(["关于建立某市根治欠薪工作联席会议制度的通知", "", "建立某市根治欠薪工作联席会议制度。", "一、组成人员",
                          "召集人：市政府分管副市长", f"副召集人：市政府分管副秘书长、{cut}",
                          "成员单位：市人力资源和社会保障局、市发展和改革委员会", "、市公安局、市财政局。",
                          "联席会议办公室设在市人力资源和社会保障局，办公室主任", "由市人力资源和社会保障局分管负责同志兼任。", ""])
        facts = extract_text(text, "t.txt").facts
        assert not [f for f in facts if f.type == "membership"]
        assert {(f.role, f.holder) for f in facts if f.type == "seat"} == {
            ("召集人", "市政府分管副市长"), ("副召集人", "市政府分管副秘书长"), ("副召集人", "市人力资源和社会保障局局长"),
            ("办公室主任", "市人力资源和社会保障局分管负责同志")}
        assert {f.agency for f in facts if f.type == "unit"} == {"市人力资源和社会保障局", "市发展和改革委员会", "市公安局",
                                                                 "市财政局"}


def test_a_role_word_alone_after_an_agency_ends_the_post():
    """…马林 市政府 / 副秘书长: 副秘书长 is a role, but after an agency's name it is the head's title the wrap cut."""
    lines = ["关于成立市森林防灭火指挥部的通知", "", "指挥部组成人员如下：", "指挥长：郭  涛  市委常委、副市长", "副指挥长：马  林  市政府",
             "副秘书长", "吴建华  市应急管理局局长", ""]
    facts = extract_text("\n".join(lines), "t.txt").facts
    assert {(f.person, f.role, f.position) for f in facts if f.type == "membership"} == {
        ("郭涛", "指挥长", "市委常委、副市长"), ("马林", "副指挥长", "市政府副秘书长"), ("吴建华", "副指挥长", "市应急管理局局长")}


def test_a_second_label_whose_colon_a_wrap_puts_on_the_next_line():
    text = "5.提升政务服务水平。\n牵头单位：市政务服务中心    责任单位\n：市财政局\n"
    got = [(f.agency, f.role, f.src.line) for f in extract_text(text, "t.txt").facts if f.type == "assignment"]
    assert got == [("市政务服务中心", "牵头", 2), ("市财政局", "责任", 3)]


def test_a_title_whose_first_line_ends_like_an_agency_is_no_issuer():
    text = "南宁市人民政府办公厅关于成立南宁市创建全国文明城市工作指挥部\n的通知\n南府办〔2018〕25号\n\n各城区人民政府：\n正文。\n"
    [doc] = [f for f in extract_text(text, "t.txt").facts if f.type == "document"]
    assert (doc.issuer, doc.title) == ("南宁市人民政府办公厅", "关于成立南宁市创建全国文明城市工作指挥部的通知")

"""Citation facts from small documents: numbers, titles, wraps, self-references, generic forms."""
import pytest

from govkg.extract.citations import extract, is_document_title
from govkg.text.docnumber import DOC_NUMBER
from govkg.text.document import document_from_text

# (text, expected [(line, end_line, cited_number, cited_title)])
CASES = [
    ("根据《国务院关于开展普查的通知》(国发〔2019〕24号)和《山西省实施意见》(晋政发〔2020〕2号)精神,",
     [(1, 1, "国发〔2019〕24号", "国务院关于开展普查的通知"), (1, 1, "晋政发〔2020〕2号", "山西省实施意见")]),
    # square brackets and full-width parentheses kept as printed
    ("按照《某某改革方案》（国办发[2018]67号）执行。", [(1, 1, "国办发[2018]67号", "某某改革方案")]),
    ("依照晋政发(2004)12号文件执行。", [(1, 1, "晋政发(2004)12号", None)]),
    # spaces inside the number are removed
    ("参照晋市政发〔2022〕40 号执行。", [(1, 1, "晋市政发〔2022〕40号", None)]),
    # orders
    ("依据《山西省政府专职消防队伍建设管理办法》（省政府令 294号）等要求",
     [(1, 1, "省政府令294号", "山西省政府专职消防队伍建设管理办法")]),
    ("根据国务院令第 708 号的规定", [(1, 1, "国务院令第708号", None)]),
    # orders with the number before 令, and a ministry's yearly series; kept as printed, spaces removed
    ("依据《道路运输条例》(国务院第708号令)规定", [(1, 1, "国务院第708号令", "道路运输条例")]),
    ("根据国务院第 708 号令的规定", [(1, 1, "国务院第708号令", None)]),
    ("按照《危险货物道路运输安全管理办法》(交通运输部令2019年第29号)执行",
     [(1, 1, "交通运输部令2019年第29号", "危险货物道路运输安全管理办法")]),
    ("依据中华人民共和国交通运输部令2016年第55号", [(1, 1, "中华人民共和国交通运输部令2016年第55号", None)]),
    # numbered announcements are 文号, cited by number; one announcement in both shapes is one document
    ("根据《关于某某税收政策的公告》（国家税务总局公告2019年第5号）执行",
     [(1, 1, "国家税务总局公告2019年第5号", "关于某某税收政策的公告")]),
    ("执行财政部 税务总局公告2020年第12号。", [(1, 1, "财政部税务总局公告2020年第12号", None)]),
    ("按照国家税务总局2018年第28号公告。\n执行国家税务总局公告2018年第28号。",
     [(1, 1, "国家税务总局2018年第28号公告", None)]),
    # the date an order was published, printed before its number in the bracket
    ("根据《优化营商环境条例》（2019年10月22日国务院令第722号公布）规定",
     [(1, 1, "国务院令第722号", "优化营商环境条例")]),
    # a joint order names every issuing ministry
    ("依据《某某暂行办法》(交通运输部 工业和信息化部 公安部 商务部 国家网信办令2016年第60号)",
     [(1, 1, "交通运输部工业和信息化部公安部商务部国家网信办令2016年第60号", "某某暂行办法")]),
    # laws without a number count
    ("要按照《中华人民共和国统计法》《全国人口普查条例》等法律法规要求",
     [(1, 1, None, "中华人民共和国统计法"), (1, 1, None, "全国人口普查条例")]),
    # a title wrapped over a page break: the fact spans the lines
    ("以及《山西省突发性\n\n事件应对条例》等。", [(1, 3, None, "山西省突发性事件应对条例")]),
    ("依据《\n中华人民共和国森林法》", [(2, 2, None, "中华人民共和国森林法")]),
    # a number wrapped: the fact sits on the number's lines, not the title's
    ("按照《京津冀行动方案》(环大气〔2019〕88\n号)任务要求", [(1, 2, "环大气〔2019〕88号", "京津冀行动方案")]),
    ("按照《某某行动方\n案》(环大气〔2019〕88号)任务要求", [(2, 2, "环大气〔2019〕88号", "某某行动方案")]),
    # the issuer prefix broken after the opening bracket; a title with 通知 left outside its 《》
    ("原《某某实施办法(试行)》通知(晋\n市审管发〔2021〕34号)废止",
     [(1, 2, "晋市审管发〔2021〕34号", "某某实施办法(试行)")]),
    # a table cell edge ends the issuer prefix
    ("责任单位\t晋政发〔2019〕1号", [(1, 1, "晋政发〔2019〕1号", None)]),
    # only the outer 《》 are stripped
    ("符合《关于印发〈企业安全生产费用提取和使用管理办法〉的通知》(财企〔2012〕16号)的规定",
     [(1, 1, "财企〔2012〕16号", "关于印发〈企业安全生产费用提取和使用管理办法〉的通知")]),
    # one fact per cited document: repeats by number or by title are dropped, the first form is kept
    ("执行《甲办法》(晋政办发〔2016〕12号)。\n再按《甲暂行办法》(晋政办发[2016]12号)执行。\n落实晋政办发〔2016〕12号规定。",
     [(1, 1, "晋政办发〔2016〕12号", "甲办法")]),
    ("按《煤矿安全规程》第95条\n按《煤矿安全规程》第139条", [(1, 1, None, "煤矿安全规程")]),
    # an order printed in both shapes is one document
    ("执行国务院第708号令。\n按国务院令第708号执行。", [(1, 1, "国务院第708号令", None)]),
    ("执行国务院第708号令。\n按国务院令第709号执行。", [(1, 1, "国务院第708号令", None), (2, 2, "国务院令第709号", None)]),
    # a title cited bare first and with its number later is one document, with the number
    ("落实《晋城市停车场管理办法》。\n按照《晋城市停车场管理办法》(晋市政发〔2019〕3号)执行。",
     [(1, 1, "晋市政发〔2019〕3号", "晋城市停车场管理办法")]),
    # a standard is named by its title and code
    ("符合《乡镇消防队》(GB/T 35547-2017)标准", [(1, 1, None, "乡镇消防队")]),
    # the notice's own plan and attachments are not citations
    ("《晋城市水污染治理攻坚方案》已经市人民政府同意,现印发给你们。", []),
    ("现将《晋城市某某实施方案》印发给你们,请认真贯彻执行。", []),
    ("严格执行《晋城市生产矿井复产验收基本条件》(附件1)和《晋城市建设矿井复建验收基本条件》规定(附件2)。", []),
    ("严格执行《晋城市某某验收标准》(见附件)。", []),
    ("附件:1.《晋城市某某验收标准》", []),
    # a forwarded document is another issuer's: cited
    ("现将《山西省人民政府关于某某工作的通知》转发给你们,请认真贯彻执行。",
     [(1, 1, None, "山西省人民政府关于某某工作的通知")]),
    # a law printed alone on a line (a list of sources) is still cited
    ("编制依据\n《中华人民共和国安全生产法》\n《生产安全事故应急条例》",
     [(2, 2, None, "中华人民共和国安全生产法"), (3, 3, None, "生产安全事故应急条例")]),
    # the document's own number
    ("晋市政发〔2020〕3号\n关于做好普查工作的通知", []),
    # not documents, or generic kinds each unit writes for itself
    ("在《太行日报》等媒体进行公示,并持有《煤矿特种作业操作证》。", []),
    ("检查《作业规程》的审查情况,发布《汛情通报》。", []),
    ("制定《安全生产保障措施》,报应急管理局备案。", []),
    ("下级预案包括:《各县(市、区)重污染天气应急预案》,编制本辖区《重污染天气应急预案》。", []),
    # references with neither 《》 nor a number are not cited
    ("按照政府信息公开条例和国务院有关规定办理。", []),
    # a heading line before the number line is not glued to the number
    ("关于做好普查工作的通知\n晋市政发〔2020〕3号", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_citations(text, expected):
    doc = document_from_text(text, number="晋市政发〔2020〕3号", title="关于做好普查工作的通知")
    got = [(f.src.line, f.src.end_line, f.cited_number, f.cited_title) for f in extract(doc)]
    assert got == expected


def test_title_naming_the_document_itself_is_not_cited():
    doc = document_from_text("印发《晋城市某某预案》的通知\n请执行《晋城市某某预案》。",
                             title="晋城市人民政府关于印发晋城市某某预案的通知")
    assert extract(doc) == []


def test_chronicle_citation_carries_doc_title():
    doc = document_from_text("会议审议了《晋城市创建文明城市实施方案》。", number=None, title="晋城市人民政府8月大事记")
    (fact,) = extract(doc)
    assert (fact.doc, fact.doc_title, fact.cited_title) == (None, "晋城市人民政府8月大事记", "晋城市创建文明城市实施方案")


@pytest.mark.parametrize("title,expected", [
    ("中华人民共和国森林法", True),
    ("安全生产法", True),
    ("廉政准则", True),
    ("山西省高中阶段教育普及提升计划(2017-2020年)", True),
    ("煤矿在用安全设备检测检验目录(第一批)", True),
    ("晋城市企业复工和疫情防控15条措施", True),
    ("财富", False),
    ("太行日报", False),
    ("作业规程", False),
    ("2020年晋城市春节节后复产复建验收进度表", False),
])
def test_is_document_title(title, expected):
    assert is_document_title(title) is expected


@pytest.mark.parametrize("text,expected", [
    ("严格落实晋政办发[2018]99号文件", ["晋政办发[2018]99号"]),
    ("国发〔2018〕42号和晋政发〔2019〕22号", ["国发〔2018〕42号", "晋政发〔2019〕22号"]),
    ("按照晋经信发〔2019〕3号", ["晋经信发〔2019〕3号"]),
    ("按国务院令第708号", ["国务院令第708号"]),
    ("（省政府令 294号）", ["省政府令 294号"]),
    ("主席令第十二号", ["主席令第十二号"]),
    ("(国务院第708号令)", ["国务院第708号令"]),
    ("省人民政府第 12 号令和海关总署第2号令", ["省人民政府第 12 号令", "海关总署第2号令"]),
    ("交通运输部令2016年第55号", ["交通运输部令2016年第55号"]),
    ("中华人民共和国国务院令第708号", ["中华人民共和国国务院令第708号"]),
    # 和 in 共和国 belongs to the issuer; elsewhere it ends the text before a number
    ("安全和晋政发〔2019〕1号", ["晋政发〔2019〕1号"]),
    # ... and in the names of ministries that issue orders under their full names
    ("依据住房和城乡建设部令第37号", ["住房和城乡建设部令第37号"]),
    ("国家发展和改革委员会令2017年第1号", ["国家发展和改革委员会令2017年第1号"]),
    ("根据国务院令第708号和财政部令第98号", ["国务院令第708号", "财政部令第98号"]),
    # a date's 日 is not the issuer's first character
    ("2019年10月22日国务院令第722号", ["国务院令第722号"]),
    # a number before 令 needs an issuer before it; 号令 alone is a word
    ("发布了第3号令", []),
    ("听从号令", []),
    # the long issuer list of a joint order only as a whole bracket; the leading 根据 is not the issuer
    ("(根据国务院令第708号)", ["国务院令第708号"]),
    ("关于印发方案的通知\n晋市政发〔2020〕3号", ["晋市政发〔2020〕3号"]),
    ("2020年第3号", []),
    # numbered announcements: a yearly series, the number before 公告, a bracketed year, joint issuers
    ("根据国家税务总局公告2019年第5号规定", ["国家税务总局公告2019年第5号"]),
    ("（税务总局公告2019年第5号）", ["税务总局公告2019年第5号"]),
    ("按财政部公告2020年第12号执行", ["财政部公告2020年第12号"]),
    ("按照国家税务总局2018年第28号公告", ["国家税务总局2018年第28号公告"]),
    ("中国人民银行公告〔2018〕第10号", ["中国人民银行公告〔2018〕第10号"]),
    ("依据财政部、税务总局、海关总署公告2019年第39号", ["财政部、税务总局、海关总署公告2019年第39号"]),
    ("市政府办公室、市财政局公告2020年第3号", ["市政府办公室、市财政局公告2020年第3号"]),
    # a list 、 before other numbers is no joint issuer; 公告 needs an issuer before it
    ("市财政局、晋市政发〔2020〕3号", ["晋市政发〔2020〕3号"]),
    ("发布公告2019年第5号", []),
    ("2019年第5号公告", []),
    # a title's last word ends the text before a number (a page printed on one line, spaces removed) ...
    ("关于下达民生实事任务分工的通知宁政发〔2023〕9号", ["宁政发〔2023〕9号"]),
    ("印发重点任务分工方案宁政办发〔2023〕1号", ["宁政办发〔2023〕1号"]),
    ("实施意见豫政〔2023〕5号", ["豫政〔2023〕5号"]),
    # ... but not the kinds that sit in issuers' names: 法 (司法部, 法发), 函 (国办函), 规划 (规划局), 标准 (标准委)
    ("依据司法部令第1号", ["司法部令第1号"]),
    ("根据法发〔2020〕1号", ["法发〔2020〕1号"]),
    ("按照市规划局规〔2020〕1号", ["市规划局规〔2020〕1号"]),
    ("按照国家标准委令第3号", ["国家标准委令第3号"]),
    # 〔〕 decoded in the wrong code page (U+201E, U+201F), kept as printed
    ("根据国办发„2009‟3号精神", ["国办发„2009‟3号"]),
])
def test_doc_number_pattern(text, expected):
    assert [m.group() for m in DOC_NUMBER.finditer(text)] == expected


def test_traditional_script_kept_as_printed():
    text = "為貫徹落實《優化營商環境條例》（國務院令第722號）和《廣東省優化營商環境條例》，制定以下措施。"
    got = [(f.cited_number, f.cited_title) for f in extract(document_from_text(text))]
    assert got == [("國務院令第722號", "優化營商環境條例"), (None, "廣東省優化營商環境條例")]

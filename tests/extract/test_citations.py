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
    # a status printed after the title's 》 and before its number keeps the two together
    ("依据《某某收费办法》（试行）（某政发〔2015〕2号）执行", [(1, 1, "某政发〔2015〕2号", "某某收费办法")]),
    ("按照《某某规定》(2019年修订)(某政办发〔2019〕3号)。", [(1, 1, "某政办发〔2019〕3号", "某某规定")]),
    ("根据《某某办法》(附件1)和某政发〔2015〕2号", [(1, 1, "某政发〔2015〕2号", None)]),
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
    ("附件：1.《某市甲实施方案》\n2.《某市乙实施方案》\n3.《某市丙考核办法》", []),
    ("附件：1.《某市甲实施方案》\n根据《某省乙条例》执行。", [(2, 2, None, "某省乙条例")]),
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
    # ... nor a title's last word on a page printed on one line, nor a site label before it
    ("关于做好普查工作的通知 晋市政发〔2020〕3号 各县(市、区)人民政府：", []),
    ("法规晋市政发〔2020〕3号 关于做好普查工作的通知", []),
    # numbers as pages print them: 〔〕 decoded in the wrong code page, ASCII brackets, a 文 suffix, a space
    ("根据《国务院办公厅关于某某工作的通知》(国办发„2009‟3号)精神",
     [(1, 1, "国办发„2009‟3号", "国务院办公厅关于某某工作的通知")]),
    ("依据《某省某某管理实施办法》(闽交运(2017)24号文)、《某省某某考核办法》(闽交运(2017) 25号文)",
     [(1, 1, "闽交运(2017)24号", "某省某某管理实施办法"), (1, 1, "闽交运(2017)25号", "某省某某考核办法")]),
    # a number wrapped before its bracketed year: the issuer ends the line above
    ("按照《某某行动方案》(国办发\n〔2017〕3号)执行", [(1, 2, "国办发〔2017〕3号", "某某行动方案")]),
    ("按照甲省政办发\n[2019]12号执行", [(1, 2, "甲省政办发[2019]12号", None)]),
    # ... or with one character left below (no issuer is one character); else a line above is other text
    ("根据国办\n发〔2017〕3号精神", [(1, 2, "国办发〔2017〕3号", None)]),
    ("1.加强安全生产监管\n晋政发〔2021〕3号", [(2, 2, "晋政发〔2021〕3号", None)]),
    ("抄送：市委办公室\n晋政办发〔2021〕4号", [(2, 2, "晋政办发〔2021〕4号", None)]),
    # a number printed right after its title, without a bracket (a list of sources)
    ("编制依据：\n1.《某省某某条例》省政府令第12号\n2.《国务院关于某某工作的意见》国发〔2018〕42号",
     [(2, 2, "省政府令第12号", "某省某某条例"), (3, 3, "国发〔2018〕42号", "国务院关于某某工作的意见")]),
    # a number cut off by the end of the text: the title is kept
    ("贯彻落实《某省人民政府关于某某的若干意见》(", [(1, 1, None, "某省人民政府关于某某的若干意见")]),
    # decree lists with the issuer elided: each decree is cited, made whole from the first
    ("根据《某某管理办法》(国家税务总局令第41号公布,国家税务总局令第50号、53号修正)",
     [(1, 1, "国家税务总局令第41号", "某某管理办法"), (1, 1, "国家税务总局令第50号", None),
      (1, 1, "国家税务总局令第53号", None)]),
    ("依照国发〔2017〕1号、2号文件和晋政发〔2019〕5号、〔2020〕3号精神",
     [(1, 1, "国发〔2017〕1号", None), (1, 1, "国发〔2017〕2号", None), (1, 1, "晋政发〔2019〕5号", None),
      (1, 1, "晋政发〔2020〕3号", None)]),
    ("按照晋政发〔2019〕1号、2号楼的安排", [(1, 1, "晋政发〔2019〕1号", None)]),
    ("根据国务院第708号令、第709号令和交通运输部令2016年第55号、2019年第3号",
     [(1, 1, "国务院第708号令", None), (1, 1, "国务院第709号令", None),
      (1, 1, "交通运输部令2016年第55号", None), (1, 1, "交通运输部令2019年第3号", None)]),
    ("执行国务院令第397号、第5号令", [(1, 1, "国务院令第397号", None)]),
    # a form cited with the announcements that issued and amended it: one citation per announcement
    ("填报《某某申报表(A类,2017年版)》(国家税务总局公告2017年第54号发布,国家税务总局公告2018年第57号修订)",
     [(1, 1, "国家税务总局公告2017年第54号", "某某申报表(A类,2017年版)"), (1, 1, "国家税务总局公告2018年第57号", None)]),
    # forms known by a code and the notice's own forms are not cited
    ("免于填报《一般企业收入明细表》(A101010)。请填写《某某联络员登记表》（见附件1）。", []),
    ("按《某市某某工作实施方案》（详见附表3）和《某市某某考核细则》(附后)执行。", []),
    # short names: the 《》 after 以下简称 is no citation, nor are its later mentions
    ("根据《中华人民共和国政府信息公开条例》(国务院令第711号)以下简称《条例》、《某省信息公开指南》,按《条例》办理",
     [(1, 1, "国务院令第711号", "中华人民共和国政府信息公开条例"), (1, 1, None, "某省信息公开指南")]),
    ("为贯彻《中华人民共和国未成年人保护法》(以下简称《未成年人保护法》)，依照《未成年人保护法》",
     [(1, 1, None, "中华人民共和国未成年人保护法")]),
    # the notice's own documents listed together: the cue after the list marks them all
    ("修订了《某市甲管理办法(试行)》、《某市乙考核方案(试行)》和《某市丙实施细则》等三份文件。现将文件印发给你们。", []),
    ("《某市甲实施方案》《某市乙实施方案》已经市人民政府同意,现印发给你们。", []),
    ("根据《甲省某某条例》和《乙省某某办法》,《某市丙实施方案》已经市人民政府同意。",
     [(1, 1, None, "甲省某某条例"), (1, 1, None, "乙省某某办法")]),
    ("依据《甲省某某条例》等文件精神，现将《某市丙实施方案》印发给你们。", [(1, 1, None, "甲省某某条例")]),
    # three titles back to back; one title cited for two reports is one document
    ("根据《中华人民共和国立法法》《规章制定程序条例》《法治政府建设实施纲要(2015—2020年)》",
     [(1, 1, None, "中华人民共和国立法法"), (1, 1, None, "规章制定程序条例"),
      (1, 1, None, "法治政府建设实施纲要(2015—2020年)")]),
    ("落实县《政府工作报告》和市《政府工作报告》确定的任务", [(1, 1, None, "政府工作报告")]),
    # an announcement's or an order's tail cut by a wrap inside its word (公 / 告, 令 / 第)
    ("依据《山西省行政执法条例》（山西省人大常委会公\n告第12号）执行。",
     [(1, 2, "山西省人大常委会公告第12号", "山西省行政执法条例")]),
    ("依据《广东省安全生产条例》（广东省人民政府令\n第277号）执行。", [(1, 2, "广东省人民政府令第277号", "广东省安全生产条例")]),
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


def test_forwarded_plan_printed_below_is_the_notice_own():
    # 批转 a plan whose text the notice prints: its heading, wrapped over two lines, names it
    text = ("省政府同意省发展改革委《某省2012年经济体制改革重点工作意见》,现转发给你们。\n某省人民政府\n"
            "某省2012年经济体制改革\n重点工作意见\n一、深化国有企业改革。落实《某省国企改革条例》。")
    doc = document_from_text(text, number="某政发〔2012〕53号", title="关于批转省发展改革委某省2012年经济体制改革重点工作意见的通知")
    assert [f.cited_title for f in extract(doc)] == ["某省国企改革条例"]


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
    # a standing committee's announcements are numbered in one series
    ("（2018年12月29日某市人民代表大会常务委员会公告第5号公布）", ["某市人民代表大会常务委员会公告第5号"]),
    ("发布公告第3号", []),
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
    # ... though a kind may be a prefix's last word (minutes are numbered so)
    ("根据省政府专题会议纪要〔2019〕25号精神", ["省政府专题会议纪要〔2019〕25号"]),
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


@pytest.mark.parametrize("title,text,cited", [
    # every title a notice says it issues is its own, each item of the list whole
    ("关于印发某县信息公开办法（修订）和某县依申请公开办理规程的通知",
     "现将《某县信息公开办法（修订）》和《某县依申请公开办理规程》印发给你们。\n根据《某省信息公开条例》制定。",
     ["某省信息公开条例"]),
    # a trailing bracket group after the title's kind is no obstacle
    ("关于印发某市工作规则的通知(2019修订)", "新修订的《某市工作规则》经市政府常务会议审议。", []),
    # a document only named inside the title is cited (not an item of the issued list)
    ("关于印发2016年政府工作报告量化指标分解的通知", "根据《政府工作报告》确定的目标任务，制定本分解。", ["政府工作报告"]),
])
def test_titles_a_notice_issues_are_its_own(title, text, cited):
    doc = document_from_text(text, title=title)
    assert [f.cited_title for f in extract(doc)] == cited

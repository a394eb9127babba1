"""Assignments (牵头/责任/配合) from brackets, labelled lines and role-column tables."""
import pytest

from govkg.extract.assignments.reader import extract
from govkg.text.document import document_from_text


def facts(text: str) -> list[tuple[str, str, int, int | None]]:
    return [(f.agency, f.role, f.src.line, f.src.end_line) for f in extract(document_from_text(text))]


CASES = [
    # (责任单位:…) closing a task
    ("1、优先使用贫困劳动力。(责任单位:市人社局、市财政局)",
     [("市人社局", "责任", 1, None), ("市财政局", "责任", 1, None)]),
    # role words close each run of agencies; placeholders drop out
    ("推进整治。〔市生态环境局牵头,市水务局、市农业农村局配合,各县(市、区)人民政府负责具体落实〕",
     [("市生态环境局", "牵头", 1, None), ("市水务局", "配合", 1, None), ("市农业农村局", "配合", 1, None)]),
    ("建立制度。(市发展改革委、人行晋城中心支行牵头,市审批服务管理局、市住建局等部门按职责分别负责)",
     [("市发展改革委", "牵头", 1, None), ("人行晋城中心支行", "牵头", 1, None),
      ("市审批服务管理局", "责任", 1, None), ("市住建局", "责任", 1, None)]),
    ("〔市生态环境局,市水务局按照职责分工牵头,各县(市、区)人民政府负责具体落实〕",
     [("市生态环境局", "牵头", 1, None), ("市水务局", "牵头", 1, None)]),
    ("建设公园。(市园林绿化服务中心建设管理,市教育局配合)",
     [("市园林绿化服务中心", "责任", 1, None), ("市教育局", "配合", 1, None)]),
    ("改善通行。(市公安局、城区政府负责,市城市管理局配合)",
     [("市公安局", "责任", 1, None), ("城区政府", "责任", 1, None), ("市城市管理局", "配合", 1, None)]),
    ("创建示范。(市食安办、市农业农村局,相关区县政府分工负责)",
     [("市食安办", "责任", 1, None), ("市农业农村局", "责任", 1, None)]),
    ("推进联运。(长治北站、龙门车务段牵头,市交通局参与)",
     [("长治北站", "牵头", 1, None), ("龙门车务段", "牵头", 1, None), ("市交通局", "配合", 1, None)]),
    # a rule makes the first listed agency the lead, in every bracket of the document
    ("一、推进行动。(市农机发展中心、市农业农村局等负责。列第一位者为牵头单位,下同)\n二、加强领导。(市农业农村局、市财政局等负责)",
     [("市农机发展中心", "牵头", 1, None), ("市农业农村局", "责任", 1, None),
      ("市农业农村局", "牵头", 2, None), ("市财政局", "责任", 2, None)]),
    ("各项任务列在第一位的为牵头单位。\n一、推进行动。(市发展改革委、市财政局)\n二、见附件(表1)。",
     [("市发展改革委", "牵头", 2, None), ("市财政局", "责任", 2, None)]),
    # the rule in the bracket of its first list, after the agencies: the list is read, the rule holds on
    ("1.改善生态环境。（市生态环境局、市水利局，列第一位的为牵头单位）\n2.加强绿化。（市园林局、市住建局）",
     [("市生态环境局", "牵头", 1, None), ("市水利局", "责任", 1, None),
      ("市园林局", "牵头", 2, None), ("市住建局", "责任", 2, None)]),
    # … but not over a task whose lead a label of its own names
    ("列第一位的为牵头单位。\n1.深化国企改革。\n牵头单位：市国资委\n责任单位：市财政局、市人社局",
     [("市国资委", "牵头", 3, None), ("市财政局", "责任", 4, None), ("市人社局", "责任", 4, None)]),
    # a 【】 bracket closing a task: its labels are read once, the closing 】 is no part of a name
    ("1.扩大投资。【牵头单位：市发展改革委；配合单位：市财政局、市自然资源局】",
     [("市发展改革委", "牵头", 1, None), ("市财政局", "配合", 1, None), ("市自然资源局", "配合", 1, None)]),
    # a lead marked in any bracket after its name; a bracket of agencies only, one of them marked
    ("1.推进数据共享。（责任单位：市大数据局【牵头】、市统计局）", [("市大数据局", "牵头", 1, None), ("市统计局", "责任", 1, None)]),
    ("1.推进数据共享。（区商务委〔牵头〕、区财政局）", [("区商务委", "牵头", 1, None), ("区财政局", "责任", 1, None)]),
    ("1.推进数据共享。（区商务委[牵头]、区财政局）", [("区商务委", "牵头", 1, None), ("区财政局", "责任", 1, None)]),
    ("1.推进数据共享。（区商务委（牵头）、区财政局）", [("区商务委", "牵头", 1, None), ("区财政局", "责任", 1, None)]),
    # the tasks above named before the agencies (以上两项由…)
    ("1.推进。（以上两项由教育部、人力资源社会保障部分别牵头，发展改革委配合）",
     [("教育部", "牵头", 1, None), ("人力资源社会保障部", "牵头", 1, None), ("发展改革委", "配合", 1, None)]),
    ("1.推进。（以上工作由市商务局、市财政局负责）", [("市商务局", "责任", 1, None), ("市财政局", "责任", 1, None)]),
    # places printed with their level share the government the last one names
    ("1.推进数据共享。（责任单位：市财政局，涪城区、游仙区、安州区政府）",
     [("市财政局", "责任", 1, None), ("涪城区政府", "责任", 1, None), ("游仙区政府", "责任", 1, None),
      ("安州区政府", "责任", 1, None)]),
    ("1.推進數據共享。（責任單位：鯉城區、豐澤區人民政府）", [("鯉城區人民政府", "责任", 1, None), ("豐澤區人民政府", "责任", 1, None)]),
    # without the rule a bracket of agencies closing a task names each as 责任 (FORMAT.md)
    ("一、推进行动。(市发展改革委、市财政局)", [("市发展改革委", "责任", 1, None), ("市财政局", "责任", 1, None)]),
    # a name wrapped over a blank line spans both lines
    ("加强评估。(责任单位:市生态环境\n\n局、城区人民政府)",
     [("市生态环境局", "责任", 1, 3), ("城区人民政府", "责任", 3, None)]),
    ("鼓励投保。(市市\n\n场监管局、晋城银保监分局按职责分\n\n工负责)",
     [("市市场监管局", "责任", 1, 3), ("晋城银保监分局", "责任", 3, None)]),
    # page furniture inside a wrapped list
    ("标题\n\n\n\n\n推进工作。(责任单位:市财政局、\n— 12 —\n测试文件\n市税务局)",
     [("市财政局", "责任", 6, None), ("市税务局", "责任", 9, None)]),
    # traditional characters, printed form kept
    ("加強監管。(牽頭單位:市財政局;責任單位:市稅務局、市審計局)",
     [("市財政局", "牵头", 1, None), ("市稅務局", "责任", 1, None), ("市審計局", "责任", 1, None)]),
    # labelled lines outside brackets, wrapped lists
    ("2. 汇总编制目录。\n\n责任部门:市行政审批服务管理局牵头,市发展改革委、市工信局负责。",
     [("市行政审批服务管理局", "牵头", 3, None), ("市发展改革委", "责任", 3, None), ("市工信局", "责任", 3, None)]),
    ("责任部门:市发展改革委、市医保\n\n局、市国投公司。",
     [("市发展改革委", "责任", 1, None), ("市医保局", "责任", 1, 3), ("市国投公司", "责任", 3, None)]),
    ("2.4.1现场处置组\n\n牵头单位：市规划和自然资源局\n\n成员单位：市应急管理局、市水务局",
     [("市规划和自然资源局", "牵头", 3, None)]),
    # shared level prefix
    ("推进改革。(责任单位:市发展改革局、工业和信息化局)",
     [("市发展改革局", "责任", 1, None), ("市工业和信息化局", "责任", 1, None)]),
    # a role printed after the name, 主办/协办, a leading 由
    ("落实政策。(责任单位:市发展改革委(牵头)、市财政局)",
     [("市发展改革委", "牵头", 1, None), ("市财政局", "责任", 1, None)]),
    ("开展活动。(市文旅局主办,市体育局协办)", [("市文旅局", "牵头", 1, None), ("市体育局", "配合", 1, None)]),
    ("强化保障。(由市财政局牵头,市税务局配合)", [("市财政局", "牵头", 1, None), ("市税务局", "配合", 1, None)]),
    ("加強協調。(責任單位:縣財政局、各鄉鎮人民政府、有關單位)", [("縣財政局", "责任", 1, None)]),
    ("(牵头单位:市发展改革委,配合单位:市财政局)", [("市发展改革委", "牵头", 1, None), ("市财政局", "配合", 1, None)]),
    ("责任单位:市发展改革委、市财政局(按职责分工负责)", [("市发展改革委", "责任", 1, None), ("市财政局", "责任", 1, None)]),
    # 【】 labels, two labels on one line, a label whose list starts on the next line
    ("【牵头单位】市发展改革委 【配合单位】市财政局、市商务局",
     [("市发展改革委", "牵头", 1, None), ("市财政局", "配合", 1, None), ("市商务局", "配合", 1, None)]),
    ("牵头单位:市委宣传部 配合单位:市文明办", [("市委宣传部", "牵头", 1, None), ("市文明办", "配合", 1, None)]),
    ("1.加强宣传。\n\n责任单位:\n\n市财政局、市税务局", [("市财政局", "责任", 5, None), ("市税务局", "责任", 5, None)]),
    # another label ends the list
    ("(责任单位:市卫健委,完成时限:长期坚持)", [("市卫健委", "责任", 1, None)]),
    ("责任单位:市卫健委 工作要求:全面摸清情况", [("市卫健委", "责任", 1, None)]),
    ("(牵头:市财政局;配合:市税务局)", [("市财政局", "牵头", 1, None), ("市税务局", "配合", 1, None)]),
    # a statement nested in another bracket
    ("加强监管(按照要求(市财政局负责)推进)。", [("市财政局", "责任", 1, None)]),
    # duties in running prose are not assignments
    ("资金由市财政局负责保障,市教育局配合做好相关工作。", []),
    ("支持职业院校(含技工院校,下同)共建实训中心。", []),
    ("(市政府负责同志任组长)", []),
    ("各部门要配合:市财政局做好保障。", []),
    ("(由分管负责人牵头)", []),
]


CASES += [
    # one vocabulary (assignments.roles): compound labels, 主责, 协同责任 = 配合, 协办, 参与
    ("1.推进。(牵头责任单位:省财政厅;协同责任单位:省税务局、省审计厅)",
     [("省财政厅", "牵头", 1, None), ("省税务局", "配合", 1, None), ("省审计厅", "配合", 1, None)]),
    ("1.推进。（主责单位：市教育局）", [("市教育局", "责任", 1, None)]),
    ("1.推进。（牵头领导：李四，牵头部门：区发改局，协办部门：区财政局）",
     [("区发改局", "牵头", 1, None), ("区财政局", "配合", 1, None)]),
    # a person's label gives nothing, on its own line or in a bracket
    ("1﹒增长7%。\n牵头负责领导:刘惠。\n牵头责任单位:省发展改革委。\n协同责任单位:省财政厅等。",
     [("省发展改革委", "牵头", 3, None), ("省财政厅", "配合", 4, None)]),
    ("1.推进。（责任领导：张三；责任单位：市财政局）", [("市财政局", "责任", 1, None)]),
    # a label broken by a line wrap
    ("1.推进。（责任单\n位：市财政局、市税务局）", [("市财政局", "责任", 2, None), ("市税务局", "责任", 2, None)]),
    # X牵头,Y…按职责分工负责: the others 责任; X牵头;Y…配合 with elision and placeholders
    ("1.落实措施。(省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责)",
     [("省发展改革委", "牵头", 1, None), ("省商务厅", "责任", 1, None), ("省财政厅", "责任", 1, None)]),
    ("一、推进。(省发展改革委、财政厅牵头;省工业和信息化委、地税局,各州、市人民政府配合)",
     [("省发展改革委", "牵头", 1, None), ("省财政厅", "牵头", 1, None), ("省工业和信息化委", "配合", 1, None),
      ("省地税局", "配合", 1, None)]),
    # …負責 alone, with a distributed ending and a placeholder
    ("3.推進。(哈爾濱機場擴建指揮部、哈爾濱、黑河市政府、相關市、縣政府負責)",
     [("哈爾濱機場擴建指揮部", "责任", 1, None), ("哈爾濱市政府", "责任", 1, None), ("黑河市政府", "责任", 1, None)]),
    ("1.推进A。（市生态环境局会同市水务局负责）", [("市生态环境局", "责任", 1, None), ("市水务局", "责任", 1, None)]),
    ("1.推进A。（以下简称市财政局）", []),
    # "first listed leads": only in a list of two or more; the rule's clause is no statement
    ("1.增长。\n责任单位:省财政厅\n2.节支。\n责任单位:省政府办公厅、省财政厅牵头,省商务厅(除标注为“牵头”单位外,"
     "列第一位的为牵头或汇总单位,下同)\n3.用好债券。\n责任单位:省财政厅、省发展改革委\n4.控价。\n责任单位:省发展改革委",
     [("省财政厅", "责任", 2, None), ("省政府办公厅", "牵头", 4, None), ("省财政厅", "牵头", 4, None),
      ("省商务厅", "责任", 4, None), ("省财政厅", "牵头", 6, None), ("省发展改革委", "责任", 6, None),
      ("省发展改革委", "责任", 8, None)]),
    # the rule may name the others' role (其他为配合单位), and be worded 第一个单位为牵头单位
    ("注：列第一位的为牵头单位，其他为配合单位。\n1.推进A。（市财政局、市税务局、市审计局）\n2.推进B。（市财政局）",
     [("市财政局", "牵头", 2, None), ("市税务局", "配合", 2, None), ("市审计局", "配合", 2, None),
      ("市财政局", "责任", 3, None)]),
    ("各项任务第一个单位为牵头单位。\n1.推进A。（责任单位：市财政局、市税务局）",
     [("市财政局", "牵头", 2, None), ("市税务局", "责任", 2, None)]),
    # 分别牵头 ends a wrapped label list: the numbered item below is not read into it
    ("列第一位为牵头单位。\n6.增收。\n\n责任单位:市人力社保局、市农业农村局分别牵头\n\n7.一般公共预算收入增长。\n\n责任单位:市财政局",
     [("市人力社保局", "牵头", 4, None), ("市农业农村局", "牵头", 4, None), ("市财政局", "责任", 8, None)]),
    # a note in brackets inside the label; 责任主体
    ("1.推进A。（责任部门（单位）：市财政局、市税务局）", [("市财政局", "责任", 1, None), ("市税务局", "责任", 1, None)]),
    ("责任主体：市住建局、市城管局", [("市住建局", "责任", 1, None), ("市城管局", "责任", 1, None)]),
    ("市场主体：各类企业", []),
    # 〔〕 and [] brackets
    ("(一)增长11%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]",
     [("县发改局(粮食局)", "牵头", 1, None), ("嘉鱼经济开发区", "责任", 1, None)]),
]


CASES += [
    # closing phrases: X为牵头单位 / Y为配合单位, 牵头抓总, 积极配合, 参加 / 协作 (配合)
    ("1.推进。（县审批局为牵头单位，县数据中心、县人社局为配合单位）",
     [("县审批局", "牵头", 1, None), ("县数据中心", "配合", 1, None), ("县人社局", "配合", 1, None)]),
    ("1.推进。（县审批局作为责任单位）", [("县审批局", "责任", 1, None)]),
    ("1.推进。（县市场监管局牵头抓总，县税务局积极配合）",
     [("县市场监管局", "牵头", 1, None), ("县税务局", "配合", 1, None)]),
    ("1.推进。（县发改局牵头负责，县财政局等部门密切配合）",
     [("县发改局", "牵头", 1, None), ("县财政局", "配合", 1, None)]),
    ("1.推进。（牵头单位：县资源局；参加单位：县林业局）", [("县资源局", "牵头", 1, None), ("县林业局", "配合", 1, None)]),
    ("1.推进。（县发改局牵头，县林业局参加）", [("县发改局", "牵头", 1, None), ("县林业局", "配合", 1, None)]),
    ("1.推进。（协作单位：县农商银行）", [("县农商银行", "配合", 1, None)]),
    # an enumeration comma after a role word ends a run: X牵头、Y配合
    ("1.推进。（县农业局牵头、县水利局配合）", [("县农业局", "牵头", 1, None), ("县水利局", "配合", 1, None)]),
    ("1.推进。（县农业局、县林业局牵头、县水利局配合）",
     [("县农业局", "牵头", 1, None), ("县林业局", "牵头", 1, None), ("县水利局", "配合", 1, None)]),
    # running prose stays prose
    ("会议由县发改局牵头、县财政局配合召开。", []),
]


CASES += [
    # a bracket of agencies only closing a numbered heading (no sentence end before it)
    ("5.发展数字经济（县科技局、县工信局）", [("县科技局", "责任", 1, None), ("县工信局", "责任", 1, None)]),
    ("（三）推进改革（县委改革办）。", [("县委改革办", "责任", 1, None)]),
    # … but not a name with its alias, a heading that goes on, nor a bracket inside a sentence
    ("1.县发改局（县粮食局）", []),
    ("（一）综合协调组（县应急管理局）", []),
    ("2.推进改革（县委改革办）试点工作。", []),
    ("推进改革（县委改革办）", []),
    # a last clause that only dates the task is no name
    ("1.稳外贸。（县商务局，2024年12月底前）", [("县商务局", "责任", 1, None)]),
    ("1.稳外贸。（县商务局、县税务局；完成时限：2024年6月）", [("县商务局", "责任", 1, None), ("县税务局", "责任", 1, None)]),
    ("1.稳外贸。（县商务局，长期坚持）", [("县商务局", "责任", 1, None)]),
]


CASES += [
    # a label alone on its line, its list one agency per line; the next item, a label or prose ends it
    ("1.推进。\n责任单位：\n县发改局\n\n县财政局\n2.保障。\n责任单位：县商务局",
     [("县发改局", "责任", 3, None), ("县财政局", "责任", 5, None), ("县商务局", "责任", 7, None)]),
    ("1.推进。\n牵头单位：\n县发改局\n配合单位：\n县财政局\n各乡镇要抓好落实。",
     [("县发改局", "牵头", 3, None), ("县财政局", "配合", 5, None)]),
    # … and the issuer over its signature date is no unit
    ("1.推进。\n责任单位：\n县发改局\n\n白河县人民政府\n2024年1月30日", [("县发改局", "责任", 3, None)]),
    # a person label with the level inside (牵头县领导) gives nothing
    ("1.推进。\n牵头县领导：张明\n责任单位：县发改局", [("县发改局", "责任", 3, None)]),
    ("1.推进。（牵头市级领导：李华；牵头单位：县自然资源局）", [("县自然资源局", "牵头", 1, None)]),
]


CASES += [
    # the person in charge printed with the unit: in brackets, after a space, under a label naming both
    ("1.推进。（牵头单位：县商务局（陈立平）；配合单位：县工信局(赵海、孙敏)）",
     [("县商务局", "牵头", 1, None), ("县工信局", "配合", 1, None)]),
    ("1.推进。（责任单位及责任人：县投资促进中心 刘卫东）", [("县投资促进中心", "责任", 1, None)]),
    ("牵头单位/负责人：县商务局 陈立平", [("县商务局", "牵头", 1, None)]),
    # … an alias in brackets stays, and a person alone is no unit
    ("1.推进。（牵头单位：县发改局（粮食局））", [("县发改局（粮食局）", "牵头", 1, None)]),
    ("1.推进。（责任单位：刘卫东）", []),
]


CASES += [
    # a bare role word as a label on a line of its own over agencies
    ("3.优化服务。\n牵头：县政务服务中心\n配合：县财政局、县数据局",
     [("县政务服务中心", "牵头", 2, None), ("县财政局", "配合", 3, None), ("县数据局", "配合", 3, None)]),
    # … not inside prose, nor over a task
    ("各部门要加强协作，配合：县财政局做好保障。", []),
    ("牵头：做好全县统筹工作", []),
    # 总牵头单位 leads, 承办单位 is responsible; 分管领导 / 分管县领导 name persons
    ("1.推进。（总牵头单位：县资源局；承办单位：县林业局）", [("县资源局", "牵头", 1, None), ("县林业局", "责任", 1, None)]),
    ("1.推进。（分管领导：张明；责任单位：县发改局）", [("县发改局", "责任", 1, None)]),
    # 主办 / 会办 (配合), 参办 (配合); a bureau's sections (责任股室), 牵头机构
    ("1.推进。（主办单位：县交通局；会办单位：县财政局）", [("县交通局", "牵头", 1, None), ("县财政局", "配合", 1, None)]),
    ("1.推进。（责任股室：计财股、基教股）", [("计财股", "责任", 1, None), ("基教股", "责任", 1, None)]),
    ("1.推进。（第一责任单位：县农业局；其他责任单位：县卫健委）", [("县农业局", "责任", 1, None), ("县卫健委", "责任", 1, None)]),
    ("1.推进。（各责任单位：县农业局）", []),
    # the same readings in traditional script (the rules read the simplified shadow)
    ("1.推進。（縣審批局為牽頭單位，縣人社局為配合單位）", [("縣審批局", "牵头", 1, None), ("縣人社局", "配合", 1, None)]),
    ("1.推進。（主辦單位：縣交通局；會辦單位：縣財政局）", [("縣交通局", "牵头", 1, None), ("縣財政局", "配合", 1, None)]),
    ("1.推進。\n牽頭縣領導：張明\n責任單位：\n縣發改局\n縣財政局", [("縣發改局", "责任", 4, None), ("縣財政局", "责任", 5, None)]),
    # a deadline noted in brackets after a name is no part of it
    ("1.推进。（责任单位：县发改局（2024年底前完成））", [("县发改局", "责任", 1, None)]),
    ("1.推进。\n责任单位：县发改局、县财政局（长期坚持）", [("县发改局", "责任", 2, None), ("县财政局", "责任", 2, None)]),
    ("1.推进。（县发改局（2024年6月）、县财政局（长期）负责）", [("县发改局", "责任", 1, None), ("县财政局", "责任", 1, None)]),
    ("1.推进。（牵头机构：县安全办；参办单位：县公安局）", [("县安全办", "牵头", 1, None), ("县公安局", "配合", 1, None)]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_statements(text: str, expected: list) -> None:
    assert facts(text) == expected


TABLES = [
    # tab-separated, with a row that lost a cell in conversion (read from the right)
    ("序号\t重点任务\t完成时限\t牵头单位\t配合单位\n"
     "1\t编制规划。\t2020年6月前\t市工信局 晋城铁塔\t市住建局、基础电信企业\n"
     "2\t智能矿山。\t市能源局\t各县(市、区)人民政府、市应急局\t\n"
     "3\t人才培育。\t持续推进\t市人社局\t",
     [("市工信局", "牵头", 2, None), ("晋城铁塔", "牵头", 2, None), ("市住建局", "配合", 2, None),
      ("市能源局", "牵头", 3, None), ("市应急局", "配合", 3, None), ("市人社局", "牵头", 4, None)]),
    # one role column last; its cell taken even when an extra empty cell follows
    ("类别\t主要任务\t工程措施\t责任单位\n"
     "\t煤炭监管\t抽检煤质。\t市市场监管局,各县(市、区)人民政府\t\n"
     "\t降尘\t\t\t市住建局、市城市管理局",
     [("市市场监管局", "责任", 2, None), ("市住建局", "责任", 3, None), ("市城市管理局", "责任", 3, None)]),
    ("| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| 1 | 建立台账 | 市生态环境局、市工信局 |",
     [("市生态环境局", "责任", 3, None), ("市工信局", "责任", 3, None)]),
    ("<table><tr><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>\n"
     "<tr><td>建设平台</td><td>市大数据应用局</td><td>市公安局、市应急局</td></tr></table>",
     [("市大数据应用局", "牵头", 2, None), ("市公安局", "配合", 2, None), ("市应急局", "配合", 2, None)]),
    # cells broken by <br>, bold headers
    ("<table><tr><td>**任务**</td><td>**责任单位**</td></tr>\n"
     "<tr><td>建设平台</td><td>区发展改革局<br/>区财政局</td></tr></table>",
     [("区发展改革局", "责任", 2, None), ("区财政局", "责任", 2, None)]),
    # role words inside a cell; prose in a cell is not a name
    ("任务\t责任单位\n建设平台\t市发展改革委牵头,市财政局配合\n保障资金\t市财政局负责资金保障",
     [("市发展改革委", "牵头", 2, None), ("市财政局", "配合", 2, None)]),
    # a table without a role column yields nothing
    ("序号\t项目名称\t实施主体\n1\t污水处理厂\t市城市管理局", []),
]


TABLES += [
    # one row per line, cells apart by spaces; the column name is the only role word
    ("序号 工 作 任 务 牵头负责部门\n1 居民消费价格涨幅3%左右 发展改革委\n2 安排地方专项债券4000亿元 财政部\n\n说明文字。",
     [("发展改革委", "牵头", 2, None), ("财政部", "牵头", 3, None)]),
    # the one role column after the task takes the trailing names; a task may hold spaces
    ("序号 工作任务 牵头负责部门\n1 居民消费价格涨幅3%左右 发展改革委 财政部\n2 推进 5G 基站建设 工业和信息化部",
     [("发展改革委", "牵头", 2, None), ("财政部", "牵头", 2, None), ("工业和信息化部", "牵头", 3, None)]),
    # a header whose cell is 主责单位 reads as the bracket label does
    ("序号\t任务\t主责单位\t协办单位\n1\t建设平台\t县教育局\t县财政局",
     [("县教育局", "责任", 2, None), ("县财政局", "配合", 2, None)]),
    # one cell per line between blank lines; a section line before the rows; placeholders only in a cell
    ("序号\n\n重点工作\n\n牵头责任单位\n\n协同责任单位\n\n任务来源\n\n一、市长负责事项\n\n1\n\n全面招商引资。\n\n"
     "市政府办\n\n市政府各部门、各直属机构\n\n皖政〔2022〕9号文件",
     [("市政府办", "牵头", 17, None)]),
]


TABLES += [
    # HTML merged cells: a lead cell merged down leads each row it covers, printed once (same line)
    ("<table><tr><td>任务</td><td>牵头单位</td><td>配合单位</td></tr>\n"
     "<tr><td>建厂房</td><td rowspan='2'>县工信局</td><td>县资源局</td></tr>\n"
     "<tr><td>引项目</td><td>县商务局</td></tr></table>",
     [("县工信局", "牵头", 2, None), ("县工信局", "牵头", 2, None), ("县资源局", "配合", 2, None),
      ("县商务局", "配合", 3, None)]),
    # a two-level header (责任分工 over 牵头单位 / 配合单位, the other cells merged down); a section row across
    ("<table><tr><td rowspan=2>序号</td><td rowspan=2>任务</td><td colspan=2>责任分工</td></tr>\n"
     "<tr><td>牵头单位</td><td>配合单位</td></tr>\n<tr><td colspan=4>一、投资</td></tr>\n"
     "<tr><td>1</td><td>建厂房</td><td>县工信局</td><td>县资源局</td></tr></table>",
     [("县工信局", "牵头", 4, None), ("县资源局", "配合", 4, None)]),
    # a merged cell does not run into the next table
    ("<table><tr><td>任务</td><td>牵头单位</td></tr>\n<tr><td>建厂房</td><td rowspan=3>县工信局</td></tr></table>\n"
     "<table><tr><td>任务</td><td>牵头单位</td></tr>\n<tr><td>引项目</td><td>县商务局</td></tr></table>",
     [("县工信局", "牵头", 2, None), ("县商务局", "牵头", 4, None)]),
]


TABLES += [
    # a header naming the person in charge too; the person in the cell gives nothing
    ("序号\t任务\t牵头单位（责任人）\t配合单位及负责人\n1\t建园区\t县工信局（赵海峰）\t县住建局 孙敏、县税务局 黄磊",
     [("县工信局", "牵头", 2, None), ("县住建局", "配合", 2, None), ("县税务局", "配合", 2, None)]),
]


TABLES += [
    # layout-mode rows: cells wrapped onto an indented line continue the cells above them
    ("序号  重点任务                  牵头单位      配合单位\n"
     " 1    新建道路25公里，打通断头  市城管局      市自然资源和规划\n"
     "      路12条                                  局、市交通局\n"
     " 2    建设公园30个              市园林中心    市财政局",
     [("市城管局", "牵头", 2, None), ("市自然资源和规划局", "配合", 2, 3), ("市交通局", "配合", 3, None),
      ("市园林中心", "牵头", 4, None), ("市财政局", "配合", 4, None)]),
    # a grid table: rows from rule to rule, a header cell and names wrapped inside their cells
    ("+----+--------+------+\n| 序号 | 任务 | 牵头 |\n|    |      | 单位 |\n+====+======+======+\n"
     "| 1  | 建厂房 | 县农业农 |\n|    |        | 村局   |\n+----+------+------+\n| 2 | 引项目 | 县商务局 |\n"
     "|   |        | 县税务局 |\n+----+------+------+",
     [("县农业农村局", "牵头", 5, 6), ("县商务局", "牵头", 8, None), ("县税务局", "牵头", 9, None)]),
    # a box-drawing table
    ("┌──┬───┬────┐\n│序号│任务│责任单位│\n├──┼───┼────┤\n│1 │建厂房│县工信局│\n└──┴───┴────┘",
     [("县工信局", "责任", 4, None)]),
]


TABLES += [
    # qualified headers keep their label word's role; 协同配合单位 cooperates
    ("序号\t任务\t主要责任单位\t其他责任单位\t协同配合单位\n1\t建平台\t县发改局\t县财政局\t县税务局",
     [("县发改局", "责任", 2, None), ("县财政局", "责任", 2, None), ("县税务局", "配合", 2, None)]),
]


@pytest.mark.parametrize("text,expected", TABLES)
def test_tables(text: str, expected: list) -> None:
    assert sorted(facts(text)) == sorted(expected)


def test_fact_fields() -> None:
    [fact] = extract(document_from_text("(一)加强组织领导。统筹推进。(市发展改革委负责)"))
    assert fact.doc == "测试〔2024〕1号"
    assert fact.task == "加强组织领导"
    assert fact.src.file == "fixture.txt"


TASKS = [
    # a numbered task heading with its statement on the same line is its own task, not the section's
    ("## 二、主要任务\n\n（一）深化“放管服”改革。（牵头单位：市发展改革委；责任单位：市政务服务数据管理局）\n",
     {("市发展改革委", "牵头", "深化“放管服”改革"), ("市政务服务数据管理局", "责任", "深化“放管服”改革")}),
    ("二、主要任务\n（一）深化“放管服”改革。\n（牵头单位：市发展改革委）\n", {("市发展改革委", "牵头", "深化“放管服”改革")}),
    # a short numbered title over its paragraph is the task
    ("三、工作要求\n\n各成员单位要加强协作配合，按照职责分工做好相关工作。（省人力资源社会保障厅牵头，省财政厅配合）\n",
     {("省人力资源社会保障厅", "牵头", "工作要求"), ("省财政厅", "配合", "工作要求")}),
    # traditional script: labels read, the shared prefix spread, names kept as printed
    ("二、主要任務\n\n（二）優化營商環境。（牽頭單位：市發展改革委；責任單位：市財政局、商務局）\n",
     {("市發展改革委", "牵头", "優化營商環境"), ("市財政局", "责任", "優化營商環境"), ("市商務局", "责任", "優化營商環境")}),
    # the first agency of a list leads under 列在任务分工首位的为牵头单位
    ("列在任务分工首位的为牵头单位。\n\n1.推进数据共享。（市政务服务数据管理局、市公安局）\n",
     {("市政务服务数据管理局", "牵头", "推进数据共享"), ("市公安局", "责任", "推进数据共享")}),
]


TASKS.append(  # a task cell ending like an agency (平台, 台) is still the task, under 列在任务分工首位的为牵头单位
    ("序号\t重点工作\t责任单位\n1\t建设统一身份认证平台\t市政务服务数据管理局、市公安局\n\n注：列在任务分工首位的为牵头单位。\n",
     {("市政务服务数据管理局", "牵头", "建设统一身份认证平台"), ("市公安局", "责任", "建设统一身份认证平台")}))


TASKS += [  # a table converted one cell per line: header lines, then rows of as many lines
    ("二、任务分工\n序号\n重点任务\n牵头单位\n责任单位\n1\n建立重大项目库\n市商务局\n市发展改革委、市财政局\n"
     "2\n强化要素保障\n市自然资源和规划局\n市生态环境局\n",
     {("市商务局", "牵头", "建立重大项目库"), ("市发展改革委", "责任", "建立重大项目库"), ("市财政局", "责任", "建立重大项目库"),
      ("市自然资源和规划局", "牵头", "强化要素保障"), ("市生态环境局", "责任", "强化要素保障")}),
    # cells wrapped onto two lines: the task cell, or a role cell whose line ends with 、
    ("序号\n重点任务\n牵头单位\n责任单位\n1\n建立重大\n项目库\n市商务局\n市财政局、\n市税务局\n2\n强化要素保障\n"
     "市自然资源和规划局\n市生态环境局\n3\n开展精准\n招商\n市投资促进中心\n市商务局\n\n洛阳市人民政府办公室\n",
     {("市商务局", "牵头", "建立重大项目库"), ("市财政局", "责任", "建立重大项目库"), ("市税务局", "责任", "建立重大项目库"),
      ("市自然资源和规划局", "牵头", "强化要素保障"), ("市生态环境局", "责任", "强化要素保障"),
      ("市投资促进中心", "牵头", "开展精准招商"), ("市商务局", "责任", "开展精准招商")}),
    # an unnumbered table is read row by row of as many lines; a row that does not fit ends it
    ("重点任务\n牵头单位\n责任单位\n建立重大项目库\n市商务局\n市财政局\n各地要加强组织领导，确保取得实效。\n",
     {("市商务局", "牵头", "建立重大项目库"), ("市财政局", "责任", "建立重大项目库")}),
    # the labels of one item, person label first, over blank lines: each takes the item's heading
    ("1.新增学位1200个。\n\n牵头区领导：周文涛\n\n牵头单位：区教育局\n\n配合单位：\n\n区财政局\n",
     {("区教育局", "牵头", "新增学位1200个"), ("区财政局", "配合", "新增学位1200个")}),
    ("5.发展数字经济。\n分管县领导：李华\n责任单位：县科技局\n", {("县科技局", "责任", "发展数字经济")}),
    # header words in running lines are no table
    ("牵头单位\n市商务局\n", set()),
]


TASKS += [
    # a bold label on its own line closes the item above it, as a plain one does; a bold line is a heading
    ("10.实施招商引资行动。\n\n**责任单位**：市双招双引办、市发改委\n",
     {("市双招双引办", "责任", "实施招商引资行动"), ("市发改委", "责任", "实施招商引资行动")}),
    ("**（一）扩大有效投资**\n\n牵头单位：市发改委\n", {("市发改委", "牵头", "扩大有效投资")}),
    # a bracket inside a run-on line takes the numbered item it closes; one fact per agency and task
    ("一、扩大内需 （一）促进消费。 1.改善消费条件,创新消费场景。（省商务厅、财政厅按职责分工负责） "
     "2.落实提振消费措施。（省商务厅牵头，省财政厅按职责分工负责）",
     {("省商务厅", "责任", "改善消费条件,创新消费场景"), ("省财政厅", "责任", "改善消费条件,创新消费场景"),
      ("省商务厅", "牵头", "落实提振消费措施"), ("省财政厅", "责任", "落实提振消费措施")}),
    # an item of one sentence of 30 characters or fewer is kept whole; otherwise its first clause
    ("1.生产总值增长6%以上,高质量前提下能快则快。\n责任单位:市发改委\n"
     "2.抓住机遇,今明两年投资530亿元。续建客运专线。(市交通局负责)",
     {("市发改委", "责任", "生产总值增长6%以上,高质量前提下能快则快"), ("市交通局", "责任", "抓住机遇")}),
    # circled item numbers; the statement's bracket after a heading is no part of the task
    ("①推进绿色建筑。加快推广。（市住建局负责）②推进节能改造。（市发改委负责）",
     {("市住建局", "责任", "推进绿色建筑"), ("市发改委", "责任", "推进节能改造")}),
    ("（一）加强组织领导（责任单位：市委办）", {("市委办", "责任", "加强组织领导")}),
    # a table with merged cells (a heading over several measures) under one role column
    ("重点工作\n主要\n任务\n工作措施\n责任单位\n备注\n一、加大支持力度\n(一)加强财税支持\n市税务局等,各县、市、区政府\n"
     "2020年12月\n2.纳入补贴范围。\n市经信局、市财政局等\n3.兜底采购收储。\n市财政局等",
     {("市税务局", "责任", "加强财税支持"), ("市经信局", "责任", "加强财税支持"), ("市财政局", "责任", "加强财税支持")}),
    # … and the signature after such a table is no unit
    ("重点工作\n主要任务\n工作措施\n责任单位\n一、加大支持力度\n(一)加强财税支持\n2.纳入补贴范围。\n市经信局\n"
     "3.兜底采购。\n\n咸宁市人民政府\n2020年3月2日",
     {("市经信局", "责任", "加强财税支持")}),
]


@pytest.mark.parametrize("text,expected", TASKS)
def test_tasks(text: str, expected: set) -> None:
    assert {(f.agency, f.role, f.task) for f in extract(document_from_text(text))} == expected


def _role_words() -> list[tuple[str, str]]:
    from govkg.lexicon import entry
    return sorted(entry("assignments.roles").map.items())


@pytest.mark.parametrize("word,role", _role_words())
def test_every_role_word_reads_alike_as_label_header_tail_and_inline_mark(word: str, role: str) -> None:
    """The label, header, tail and inline patterns are composed from one lexicon entry, so a role
    word gives the same role wherever it is printed (``主责单位`` in a bracket and as a header)."""
    from govkg.extract.assignments.statements import HEADER, LABEL, role_of_label

    assert role in ("牵头", "责任", "配合")
    assert LABEL.match(f"{word}单位：") and role_of_label(f"{word}单位") == role
    assert HEADER.match(f"{word}部门") and role_of_label(f"{word}部门") == role
    assert [(f.agency, f.role) for f in extract(document_from_text(f"1.推进。（{word}单位：市财政局）"))] == [("市财政局", role)]
    table = f"序号\t任务\t{word}单位\n1\t建设平台\t市财政局"
    assert [(f.agency, f.role) for f in extract(document_from_text(table))] == [("市财政局", role)]
    assert [(f.agency, f.role) for f in extract(document_from_text(f"1.推进。（市财政局{word}）"))] == [("市财政局", role)]
    inline = f"1.推进。（配合单位：市财政局（{word}）、市税务局）"
    assert [(f.agency, f.role) for f in extract(document_from_text(inline))] == [("市财政局", role), ("市税务局", "配合")]

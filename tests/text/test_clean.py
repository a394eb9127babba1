"""Line repairs shared by the extractors: doubled headings, spaced names, page furniture."""
import pytest

from govkg.text.clean import join_title, squash, strip_markup, undouble
from govkg.text.furniture import is_furniture


@pytest.mark.parametrize("text, expected", [
    ("（（一一））加强组织领导加强组织领导", "（一）加强组织领导"),
    ("第一节 资源条件第一节 资源条件", "第一节 资源条件"),
    ("（（三三））营造良好氛围营造良好氛围。。加强对政策落实", "（三）营造良好氛围。加强对政策落实"),
    ("((二二))强化责任强化责任", "(二)强化责任"),
    ("  第二节 国 内第二节 国 内", "  第二节 国 内"),
    ("一一对应的关系", "一一对应的关系"),
    ("（一）加强组织领导", "（一）加强组织领导"),
    ("加强组织领导", "加强组织领导"),
    ("", ""),
    ("2020年2月12日", "2020年2月12日"),
    ("研究研究再说", "研究研究再说"),
    ("2020年智慧停车建设项目实施方案", "2020年智慧停车建设项目实施方案"),
])
def test_undouble(text, expected):
    assert undouble(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("吴 鹏", "吴鹏"),
    ("晋市政发〔2022〕40 号", "晋市政发〔2022〕40号"),
    ("关于印发 通 知", "关于印发通知"),
    ("建立 5G 网络", "建立5G网络"),
    ("China  Unicom", "China Unicom"),
    ("  晋 城 市 气 象 局 ", "晋城市气象局"),
])
def test_squash(text, expected):
    assert squash(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("## **(二)实施推进**", "(二)实施推进"),
    ("# 晋城市人民政府", "晋城市人民政府"),
    ("<b>通知</b>", "通知"),
])
def test_strip_markup(text, expected):
    assert strip_markup(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("—— 13", True),
    ("- 12 -", True),
    ("57", True),
    ("第 3 页", True),
    ("晋城市人民政府公报1 / 2023•市政府办公室文件 •", True),
    ("北京市人民政府公报 2021年第3期", True),
    ("JINCHENGSHI RENMINZHENGFU GONGBAO", True),
    ("政府公报", True), ("晋城市人民政府公报", True), ("中华人民共和国国务院公报", True),  # the gazette's name alone
    ("国民经济和社会发展统计公报", False), ("2023年统计公报", False),  # a document's title
    # a web page's site name over the document
    ("晋城市人民政府门户网站", True), ("中国政府网", True), ("廣東省人民政府網站", True), ("www.jcgov.gov.cn", True),
    ("关于加强政府网站建设的通知", False), ("工业互联网", False),
    ("【字体：大 中 小】 打印本页 关闭窗口", True),
    ("---", True),
    ("", False),
    ("晋城市人民政府", False),
    ("2020年2月12日", False),
    ("13. 加强组织领导", False),
    ("（此件公开发布）", False),
])
def test_is_furniture(line, expected):
    assert is_furniture(line) is expected


@pytest.mark.parametrize("parts, expected", [
    (["## 关于做好晋城市第七次全国人口普查工作的", "### 通 知"], "关于做好晋城市第七次全国人口普查工作的通知"),
    (["关于印发晋城市煤层气", "千亿级产业集群发展规划的通知"], "关于印发晋城市煤层气千亿级产业集群发展规划的通知"),
])
def test_join_title(parts, expected):
    assert join_title(parts) == expected

"""Saved government web pages (written by hand around sample-corpus documents): the document without
the site's chrome, the member table as rows, any declared or sniffed encoding, the saved file's line
in provenance — and the same facts as the text they were made from."""
from __future__ import annotations

import opencc
import pytest

from govkg.extract.pipeline import corpus_paths, extract_files
from govkg.text.formats import sniff
from govkg.text.formats.html import read_html
from govkg.text.read import read_source
from tests.text.formats.pages import excerpt, saved_page, scored

# 晋市政发〔2020〕3号 and its member list, a table of two people per row
MEMBERS = excerpt("000", 181, 262)
CHROME_WORDS = ("首页", "当前位置", "分享到", "新浪微博", "字体", "打印", "网站标识码", "版权所有", "相关文件",
                "假人名", "搜索", "text-indent", "请输入关键词")


def _check(text: str, path):
    s, facts = scored(text, path)
    assert s.overall.f1 == 1.0, s.table()
    return facts


@pytest.mark.parametrize("encoding,declared", [
    ("utf-8", "utf-8"),
    ("gbk", "gb2312"),        # what most Chinese sites declare, though they use GBK characters
    ("gb18030", "GBK"),
    ("gbk", None),            # declared nowhere: sniffed
    ("utf-8", "gb2312"),      # declared wrong: the bytes win, and a note says so
])
def test_saved_page_reads_as_its_document(tmp_path, encoding, declared):
    page = saved_page(MEMBERS, charset=declared)
    p = tmp_path / "zwgk_2020_3.html"
    p.write_bytes(page.encode(encoding))
    src = read_source(p)
    assert src.format == "html"
    for word in CHROME_WORDS:
        assert word not in src.text, word
    # the member table: one row per line, cells tab-separated as the plain-text gazettes print them
    assert "组 长:张利锋\t市委常委、常务副市长\t刘霄志\t市委教育工委专职副书记" in src.text.split("\n")
    assert "\t\t梁海滨\t武警晋城支队政治工作处主任" in src.text.split("\n")
    # <p> and wrapped source lines: a paragraph is one line, with no space where the editor wrapped it
    assert "(国发〔2019〕24号)" in src.text
    facts = _check(MEMBERS, p)
    assert (declared is not None and encoding == "utf-8" and declared != "utf-8") == bool(src.notes)


def test_provenance_is_the_line_of_the_saved_file(tmp_path):
    page = saved_page(MEMBERS)
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    report = extract_files([p])
    saved = page.split("\n")
    people = [f for f in report.facts if f.type == "membership"]
    assert len(people) == 30
    for f in people:
        assert f.src.file == "page.html" and f.src.origin is not None and f.src.origin.page is None
        assert f.person.replace(" ", "") in saved[f.src.origin.line - 1].replace(" ", ""), f
    assert '"origin": {"line": ' in people[0].to_json()


def test_big5_page_in_traditional_script(tmp_path):
    to_traditional = opencc.OpenCC("s2tw").convert
    text = to_traditional(MEMBERS)
    p = tmp_path / "page.htm"
    p.write_bytes(to_traditional(saved_page(MEMBERS, charset="big5")).encode("big5"))
    src = read_source(p)
    assert src.encoding == "big5" and "組 長:張利鋒\t市委常委、常務副市長\t劉霄志\t市委教育工委專職副書記" in src.text
    _check(text, p)


def test_old_site_with_layout_tables_and_br_lines(tmp_path):
    """A page laid out with nested tables (the content in a cell), members as <br> lines, a <font> heading."""
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<table width="100%"><tr><td class="nav">首页 | 政务公开 | 互动交流</td></tr>
<tr><td><table><tr><td width="20%" class="sidebar">栏目导航<br>通知公告</td>
<td class="content"><font size="4"><b>晋城市人民政府办公室<br>关于成立晋城市防汛抗旱指挥部的通知</b></font>
<p>晋市政办〔2020〕40号</p>
<p>各县（市、区）人民政府，开发区管委会，市人民政府各委、办、局：</p>
<p>为切实做好防汛抗旱工作，经市人民政府同意，决定成立晋城市防汛抗旱指挥部。现将组成人员名单通知如下：</p>
<p>指 挥 长：冯志亮　副市长<br>副指挥长：史小军　市政府副秘书长<br>成　　员：王小明　市水务局副局长</p>
<p>晋城市人民政府办公室<br>2020年5月6日</p></td></tr></table></td></tr>
<tr><td class="footer">版权所有：晋城市人民政府</td></tr></table></body></html>"""
    p = tmp_path / "old.html"
    p.write_bytes(page.encode("gbk"))
    src = read_source(p)
    lines = [line for line in src.text.split("\n") if line]
    assert lines[:3] == ["晋城市人民政府办公室", "关于成立晋城市防汛抗旱指挥部的通知", "晋市政办〔2020〕40号"]
    assert "副指挥长：史小军　市政府副秘书长" in lines and "版权所有" not in src.text and "栏目导航" not in src.text
    facts = extract_files([p]).facts
    people = {f.person for f in facts if f.type == "membership"}
    assert {"冯志亮", "史小军", "王小明"} <= people, facts


@pytest.mark.parametrize("data,suffix,kind", [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt", "html"),   # by content, not by name
    (b"  \n<html><body>x</body></html>", ".dat", "html"),
    (b"<p>x</p>", ".htm", "html"),
    (b"<p>x</p>", ".txt", "text"),           # a text with a tag in it stays text
    ("# 晋城市人民政府\n<td>x</td>\n".encode(), ".txt", "text"),
    (b"%PDF-1.7\n%\xe2\xe3", ".txt", "pdf"),
])
def test_sniff_decides_by_content(data, suffix, kind):
    assert sniff(data, suffix) == kind


def test_folder_gives_pages_beside_texts(tmp_path):
    (tmp_path / "a.txt").write_text(MEMBERS, encoding="utf-8")
    (tmp_path / "b.html").write_text(saved_page(MEMBERS), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("{}", encoding="utf-8")
    assert [p.name for p in corpus_paths(tmp_path)] == ["a.txt", "b.html"]


def test_empty_or_chrome_only_page_is_skipped_in_one_line(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav>首页</nav><footer>版权所有</footer></body></html>", encoding="utf-8")
    report = extract_files([p])
    assert report.failed == {str(p): "no text in this HTML file"}


def test_tags_and_entities_in_text_are_text_not_markup():
    layout = read_html("<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt; 市水务局&amp;市气象局</p></body></html>".encode())
    assert layout.lines == ["<script>alert(1)</script> 市水务局&市气象局"]


def test_extract_command_reads_a_folder_of_formats(tmp_path):
    """`govkg extract DIR`: the text, the web page and the Word file of one folder, one note for a bad byte."""
    from typer.testing import CliRunner

    from govkg.cli import app
    from tests.text.formats.pages import make_docx

    folder = tmp_path / "issues"
    folder.mkdir()
    (folder / "a.txt").write_bytes(excerpt("000", 1141, 1292).encode("gbk").replace("结合我市实际".encode("gbk"), b"\xff", 1))
    (folder / "b.html").write_text(saved_page(MEMBERS), encoding="utf-8")
    make_docx(excerpt("000", 100, 180), folder / "c.docx")
    out = tmp_path / "facts.jsonl"
    run = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "3 file(s) read, 0 skipped" in run.output
    assert f"note: {folder / 'a.txt'}: read as gb18030, 1 bad byte(s) replaced by U+FFFD" in run.output
    files = {line.split('"file": "')[1].split('"')[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert files == {"a.txt", "b.html", "c.docx"}


def test_hostile_nesting_and_size_are_read_in_bounded_time(tmp_path):
    import time

    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div><span>" * 20000 + "<p>晋城市人民政府</p>" + "</span></div>" * 20000
                    + "</body></html>", encoding="utf-8")
    assert read_source(deep).text == "晋城市人民政府\n"
    big = tmp_path / "big.html"
    big.write_text(saved_page(MEMBERS * 40), encoding="utf-8")  # 470 KB of page, 600 table rows
    t = time.perf_counter()
    src = read_source(big)
    assert time.perf_counter() - t < 20 and src.text.count("组 长:张利锋\t") == 40

"""A Word file made with python-docx from a sample-corpus document: the same facts as its text, each
with the paragraph (or table row) it stands in."""
from __future__ import annotations

from govkg.extract.pipeline import extract_files
from govkg.text.read import read_source
from tests.text.formats.pages import excerpt, make_docx, scored

MEMBERS = excerpt("000", 181, 262)


def test_docx_gives_the_facts_of_its_text_with_paragraphs(tmp_path):
    p = tmp_path / "zwgk_2020_3.docx"
    paragraphs = make_docx(MEMBERS, p)
    src = read_source(p)
    assert src.format == "docx" and "公报 2020年第2期" not in src.text
    assert "组 长:张利锋\t市委常委、常务副市长\t刘霄志\t市委教育工委专职副书记" in src.text.split("\n")
    s, facts = scored(MEMBERS, p)
    assert s.overall.f1 == 1.0, s.table()
    number = next(f for f in facts if f.type == "document")
    assert paragraphs[number.src.origin.paragraph - 1] == "晋市政发〔2020〕3号"
    people = [f for f in facts if f.type == "membership"]
    in_table = [f for f in people if f.src.origin.table == 1 and f.src.origin.row]
    assert len(people) == 30 and len(in_table) == 29  # the 30th, 办公室主任 李鸿贤, in the paragraph below
    after = next(f for f in people if f not in in_table)
    assert paragraphs[after.src.origin.paragraph - 1].startswith("市领导小组办公室主任")
    first = next(f for f in people if f.person == "张利锋")
    assert (first.src.origin.table, first.src.origin.row) == (1, 1)


def test_docx_by_content_whatever_its_name(tmp_path):
    p = tmp_path / "attachment.bin"
    make_docx(MEMBERS, p)
    assert read_source(p).format == "docx"
    assert any(f.type == "body" for f in extract_files([p]).facts)


def test_damaged_docx_and_old_doc_are_skipped_in_one_line(tmp_path):
    good = tmp_path / "good.docx"
    make_docx(MEMBERS, good)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:2000])
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    zipped = tmp_path / "bundle.docx"
    import zipfile
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("readme.txt", "x")
    report = extract_files([broken, old, zipped, good])
    assert report.read == [str(good)]
    assert report.failed[str(old)].startswith("a Word 97-2003 (.doc)")
    assert report.failed[str(zipped)] == "a ZIP archive that is not a Word (.docx) file"
    assert "\n" not in report.failed[str(broken)] and report.failed[str(broken)]


def test_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 2**20) + b"</w:document>")
    assert bomb.stat().st_size < 2 * 2**20
    report = extract_files([bomb])
    assert report.failed == {str(bomb): "a Word file that unpacks to 300 MiB (the limit is 256 MiB)"}

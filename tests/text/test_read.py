"""Reading gazette files in any encoding they come in, and refusing what is not text."""
import codecs

import pytest

from govkg.errors import UnreadableFile
from govkg.extract.pipeline import extract_files
from govkg.text.read import read_source

TEXT = "晋城市人民政府\n关于成立领导小组的通知\n晋市政发〔2020〕3号\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16", b""),          # Python writes a BOM
    ("utf-16-le", b""),       # no BOM
])
def test_reads_every_encoding(tmp_path, encoding, prefix):
    p = tmp_path / "issue.txt"
    p.write_bytes(prefix + TEXT.encode(encoding))
    src = read_source(p)
    assert src.text == TEXT


def test_crlf_becomes_lf(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(TEXT.replace("\n", "\r\n").encode())
    assert read_source(p).text == TEXT


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\n", "no text"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 100, "binary"),
])
def test_refuses_with_one_line_reason(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(UnreadableFile) as err:
        read_source(p)
    assert reason in str(err.value) and "\n" not in str(err.value)


def test_too_large_is_refused_without_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(100 * 2**20)  # sparse 100 MB file
    with pytest.raises(UnreadableFile, match="too large"):
        read_source(p, max_bytes=64 * 2**20)


def test_bad_file_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = extract_files([empty, tmp_path / "missing.txt", good])
    assert report.read == [str(good)]
    assert set(report.failed) == {str(empty), str(tmp_path / "missing.txt")}
    assert any(f.type == "document" for f in report.facts)

"""Hostile encodings (issue 15 item 8): a stray NUL, Big5, one bad byte. Each reads as the text it is,
says what was done, and gives the facts the clean file gives; a file of garbage is refused in one line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from govkg.errors import UnreadableFile
from govkg.extract.pipeline import extract_files
from govkg.text.decode import decode, plausibility
from govkg.text.read import read_source
from tests.support import CORPUS_DIR

# one whole document of the sample corpus: 晋市政发〔2020〕3号 with its member list (a table)
LINES = next(CORPUS_DIR.glob("000_*.txt")).read_text(encoding="utf-8").split("\n")
EXCERPT = "\n".join(LINES[180:262]) + "\n"
TRADITIONAL = opencc.OpenCC("s2tw").convert(EXCERPT)


def _facts(path):
    report = extract_files([path])
    assert report.read == [str(path)], report.failed
    return sorted(f.to_json() for f in report.facts), report


def _clean_facts(tmp_path, text):
    clean = tmp_path / "clean" / "issue.txt"
    clean.parent.mkdir(exist_ok=True)
    clean.write_text(text, encoding="utf-8")
    return _facts(clean)[0]


def _in_prose(data: bytes, marker: str, insert: bytes) -> bytes:
    """``data`` with ``insert`` put right after ``marker`` (a spot in running prose)."""
    at = data.index(marker.encode("utf-8")) + len(marker.encode("utf-8"))
    return data[:at] + insert + data[at:]


def test_stray_nul_in_utf8_is_one_replaced_byte_not_utf16(tmp_path):
    p = tmp_path / "issue.txt"
    p.write_bytes(_in_prose(EXCERPT.encode(), "切实做好我市", b"\x00"))
    src = read_source(p)
    assert (src.encoding, src.replaced) == ("utf-8", 1)
    assert src.text == EXCERPT.replace("切实做好我市", "切实做好我市\ufffd", 1)
    facts, report = _facts(p)
    assert facts == _clean_facts(tmp_path, src.text)
    assert sum(f.startswith('{"type": "membership"') for f in facts) == 30
    assert report.notes == [f"{p}: read as utf-8, 1 bad byte(s) replaced by U+FFFD"]


def test_big5_is_read_as_big5_not_gb18030_mojibake(tmp_path):
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    p = tmp_path / "issue.txt"
    p.write_bytes(data)
    src = read_source(p)
    assert src.encoding == "big5" and src.text == TRADITIONAL and src.replaced == 0
    facts, report = _facts(p)
    assert facts == _clean_facts(tmp_path, TRADITIONAL) and report.notes == []
    assert any(f.startswith('{"type": "body"') for f in facts)


@pytest.mark.parametrize("encoding,text", [("gb18030", EXCERPT), ("gbk", EXCERPT), ("big5", TRADITIONAL),
                                           ("utf-8", EXCERPT)])
def test_one_bad_byte_is_replaced_and_counted_not_the_file_rejected(tmp_path, encoding, text):
    data = text.encode(encoding)
    marker = "现将有关事项" if text is EXCERPT else "現將有關事項"
    at = data.index(marker.encode(encoding))
    p = tmp_path / "issue.txt"
    p.write_bytes(data[:at] + b"\xff" + data[at:])
    src = read_source(p)
    assert src.replaced == 1 and src.encoding == ("gb18030" if encoding == "gbk" else encoding)
    assert src.text == text[:text.index(marker)] + "\ufffd" + text[text.index(marker):]
    facts, _ = _facts(p)
    assert facts == _clean_facts(tmp_path, src.text)


def test_the_summary_says_what_was_replaced(tmp_path):
    p = tmp_path / "issue.txt"
    p.write_bytes(_in_prose(EXCERPT.encode(), "切实做好我市", b"\xff\x00"))
    out = tmp_path / "f.jsonl"
    run = subprocess.run([str(Path(sys.executable).with_name("govkg")), "extract", str(p), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert f"note: {p}: read as utf-8, 2 bad byte(s) replaced by U+FFFD" in run.stderr.splitlines()
    assert "Traceback" not in run.stderr and out.read_text().count('"membership"') == 30


@pytest.mark.parametrize("data,reason", [
    (EXCERPT.encode("utf-8")[:3000:2] * 3, "not UTF-8, UTF-16, GB18030 or Big5"),   # every other byte lost
    (bytes(range(256)) * 40, "binary"),
    (b"\x00" * 50 + EXCERPT.encode()[:2000], "binary"),                             # NULs are not a stray one
])
def test_garbage_is_refused_in_one_line(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(UnreadableFile) as err:
        read_source(p)
    assert reason in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("text,encoding", [(EXCERPT, "utf-16-le"), (EXCERPT, "utf-16-be"), (TRADITIONAL, "utf-16-le")])
def test_utf16_without_bom_still_reads(text, encoding):
    got = decode(text.encode(encoding))
    assert (got.text, got.encoding, got.replaced) == (text, "utf-16", 0)


def test_plausibility_tells_right_from_wrong_readings():
    assert plausibility(EXCERPT) > 0.99 and plausibility(TRADITIONAL) > 0.99
    assert plausibility(TRADITIONAL.encode("big5").decode("gb18030")) < 0.6
    assert plausibility(EXCERPT.encode("utf-8").decode("gb18030", errors="replace")) < 0.6

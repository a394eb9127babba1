"""Scanned gazettes: a corpus document printed to PDF, rasterised with pdftoppm and wrapped back into a
PDF (an image, no text layer), read by Tesseract — and, without Tesseract, reported in one line while
the rest of the file goes on. CI installs Tesseract (scripts/setup-ocr) and sets GOVKG_REQUIRE_OCR=1,
so these tests cannot skip there."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from PIL import Image

from govkg.extract.pipeline import extract_files
from govkg.text.formats import ocr
from tests.text.formats.pages import TWO_COLUMNS, chromium, excerpt, print_pdf, reference_facts, saved_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# 晋市政发〔2020〕7号: its title, number and first paragraph, and its member list (24 people)
TEXT = excerpt("000", 1148, 1152) + excerpt("000", 1244, 1292)
# one column, body 12 pt and headings 16 pt: a gazette's proportions
SCAN_STYLE = (TWO_COLUMNS.replace("column-count: 2", "column-count: 1").replace("font-size: 10.5pt", "font-size: 12pt")
              .replace("font-size: 13pt", "font-size: 16pt"))


def _require(what: str, found: bool, how: str) -> None:
    if not found:
        if os.environ.get("GOVKG_REQUIRE_OCR") == "1":
            pytest.fail(f"GOVKG_REQUIRE_OCR=1 but {what} is missing ({how})")
        pytest.skip(f"no {what} ({how})")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    browser = chromium()
    _require("Chromium", browser is not None, "scripts/setup-browser")
    out = tmp_path_factory.mktemp("scan") / "text.pdf"
    return print_pdf(browser, saved_page(TEXT, chrome=False, style=SCAN_STYLE, wrap=None), out)


def scan(pdf, out, dpi: int = 300):
    """``pdf`` as a scanner gives it: each page an image (pdftoppm), wrapped back into a PDF (Pillow)."""
    _require("pdftoppm", shutil.which("pdftoppm") is not None, "scripts/setup-ocr installs poppler-utils")
    prefix = out.parent / f"{out.stem}-page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True, timeout=120)
    images = [Image.open(p) for p in sorted(out.parent.glob(f"{out.stem}-page*.png"))]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


def test_scanned_page_is_read_by_ocr_and_gives_facts(printed, tmp_path):
    _require("Tesseract with chi_sim", ocr.tesseract() is not None and "chi_sim" in ocr.installed_languages(),
             "scripts/setup-ocr")
    scanned = scan(printed, tmp_path / "scanned.pdf")
    report = extract_files([scanned])
    assert report.read == [str(scanned)], report.failed
    assert report.notes == [f"{scanned}: page(s) 1 read by OCR"]
    facts = report.facts
    assert facts and all(f.src.origin.ocr and f.src.origin.page == 1 for f in facts)
    assert '"ocr": true' in facts[0].to_json()
    bodies = [f.body for f in facts if f.type == "body"]
    # the body is found (its heading's characters may be misread: 垩城市智晶侣车工作领导小组 once)
    assert len(bodies) == 1 and bodies[0].endswith("工作领导小组"), bodies
    want = {f.person for f in reference_facts(TEXT, tmp_path, scanned.name) if f.type == "membership"}
    got = {f.person for f in facts if f.type == "membership"}
    # OCR misreads some characters of some names; most people come through as printed
    assert len(want) == 24 and len(got & want) >= 0.7 * len(want), sorted(got)


def test_without_tesseract_the_page_is_reported_and_the_rest_goes_on(printed, tmp_path, monkeypatch):
    """A PDF of a text page and a scanned page: the text page's facts come out, the scan is one note."""
    import pypdfium2 as pdfium

    scanned = scan(printed, tmp_path / "scanned.pdf", dpi=100)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(printed)))
    mixed.import_pages(pdfium.PdfDocument(str(scanned)))
    both = tmp_path / "mixed.pdf"
    mixed.save(str(both))
    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    report = extract_files([both])
    assert report.read == [str(both)]
    assert report.notes == [f"{both}: page 2: no text layer; needs OCR (tesseract is not installed)"]
    assert {f.body for f in report.facts if f.type == "body"} == {"晋城市智慧停车工作领导小组"}
    assert all(f.src.origin.page == 1 and not f.src.origin.ocr for f in report.facts)


def test_a_scan_alone_without_tesseract_is_skipped_in_one_line(printed, tmp_path, monkeypatch):
    scanned = scan(printed, tmp_path / "scanned.pdf", dpi=100)
    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    report = extract_files([scanned])
    assert report.failed == {str(scanned): "no text in this PDF file (page 1: no text layer; needs OCR "
                                           "(tesseract is not installed))"}

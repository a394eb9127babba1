"""OCR of a scanned PDF page (no text layer) with Tesseract, when it is installed.

The page is rendered at :data:`DPI` (pypdfium2, through pdfplumber) and recognised by the
``tesseract`` command (Debian's ``tesseract-ocr`` with the ``chi_sim``/``chi_tra`` data; languages in
``GOVKG_OCR_LANGS``, default ``chi_sim+chi_tra``). Its words come back with their boxes, in PDF points,
so the page is laid out like any other (columns, lines, paragraphs); without Tesseract the caller
reports the page in one line and goes on.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from govkg.text.formats.pdf import Glyph, fold

DPI = 300
LANGS_ENV = "GOVKG_OCR_LANGS"
DEFAULT_LANGS = "chi_sim+chi_tra"
TIMEOUT = 300  # seconds for one page


def tesseract() -> str | None:
    """The tesseract binary, or None."""
    return shutil.which("tesseract")


def languages() -> str:
    return os.environ.get(LANGS_ENV, "").strip() or DEFAULT_LANGS


def unavailable() -> str:
    """Why OCR cannot run here, in a few words (for the one-line note)."""
    exe = tesseract()
    if exe is None:
        return "tesseract is not installed"
    missing = [lang for lang in languages().split("+") if lang not in installed_languages()]
    return f"tesseract has no {'+'.join(missing)} data" if missing else "tesseract failed"


def installed_languages() -> set[str]:
    exe = tesseract()
    if exe is None:
        return set()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def recognise_image(image, scale: float) -> list[Glyph] | None:
    """The words Tesseract reads in a PIL ``image``, boxes multiplied by ``scale``; None when it cannot run."""
    exe = tesseract()
    if exe is None or any(lang not in installed_languages() for lang in languages().split("+")):
        return None
    with tempfile.TemporaryDirectory(prefix="govkg-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        try:
            run = subprocess.run([exe, str(png), "stdout", "-l", languages(), "--psm", "3", "tsv"],
                                 capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.SubprocessError):
            return None
    if run.returncode != 0:
        return None
    glyphs = []
    for rec in csv.DictReader(io.StringIO(run.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (rec.get("text") or "").strip()
        if rec.get("level") != "5" or not text:
            continue
        x, y, w, h = (float(rec[k]) for k in ("left", "top", "width", "height"))
        glyphs.append(Glyph(fold(text), x * scale, (x + w) * scale, y * scale, (y + h) * scale))
    return glyphs


def recognise(page) -> list[Glyph] | None:
    """The words of a pdfplumber ``page`` read by OCR (PDF points), or None when Tesseract cannot run."""
    if tesseract() is None:
        return None
    image = page.to_image(resolution=DPI).original
    return recognise_image(image, 72.0 / DPI)


__all__ = ["recognise", "recognise_image", "unavailable", "tesseract", "installed_languages", "DPI", "LANGS_ENV"]

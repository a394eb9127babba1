"""OCR of a scanned PDF page (no text layer) with Tesseract, when it is installed.

The page is rendered at :data:`DPI` (pypdfium2, through pdfplumber) and recognised by the
``tesseract`` command (Debian's ``tesseract-ocr`` with the ``chi_sim``/``chi_tra`` data; languages in
``GOVKG_OCR_LANGS``, default ``chi_sim``: adding ``chi_tra`` reads simplified text with traditional
characters mixed in; set ``chi_tra`` for traditional-script gazettes). Its words come back with their boxes, in PDF points,
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

from govkg.text.formats.glyphs import Glyph, fold

DPI = 300
LANGS_ENV = "GOVKG_OCR_LANGS"
DEFAULT_LANGS = "chi_sim"
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
    lines: dict[tuple[str, str, str], tuple[float, float]] = {}
    for rec in csv.DictReader(io.StringIO(run.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        key = (rec.get("block_num", ""), rec.get("par_num", ""), rec.get("line_num", ""))
        x, y, w, h = (float(rec[k]) for k in ("left", "top", "width", "height"))
        if rec.get("level") == "4":
            lines[key] = (y, y + h)
            continue
        text = (rec.get("text") or "").strip()
        if rec.get("level") != "5" or not text:
            continue
        # a word's box is as tall as its glyphs (一 is flat): the line's box keeps the line together
        top, bottom = lines.get(key, (y, y + h))
        glyphs.append(Glyph(fold(text), x * scale, (x + w) * scale, top * scale, bottom * scale))
    return glyphs


def without_rules(image, min_run: int = DPI // 5):
    """``image`` (grey) with its ruling lines whitened: dark runs of ``min_run`` pixels or more across or
    down (table borders; a character's stroke at body sizes is far shorter). Tesseract reads borders as
    characters and loses the cells' words; the layout puts the cells back in rows by their positions."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(image.convert("L"))
    dark = (grey < 160).astype(np.int32)
    rules = np.zeros(dark.shape, dtype=bool)
    for axis in (0, 1):
        d = dark if axis == 1 else dark.T
        cs = np.concatenate([np.zeros((d.shape[0], 1), dtype=np.int32), np.cumsum(d, axis=1)], axis=1)
        full = (cs[:, min_run:] - cs[:, :-min_run]) == min_run  # window starting at j is all dark
        # mark every pixel covered by a full window
        cover = np.zeros((d.shape[0], d.shape[1] + 1), dtype=np.int32)
        cover[:, :full.shape[1]] += full
        cover[:, min_run:min_run + full.shape[1]] -= full
        covered = np.cumsum(cover, axis=1)[:, :d.shape[1]] > 0
        rules |= covered if axis == 1 else covered.T
    # the pixels beside a rule (its anti-aliased edge)
    grown = rules.copy()
    grown[1:, :] |= rules[:-1, :]
    grown[:-1, :] |= rules[1:, :]
    grown[:, 1:] |= rules[:, :-1]
    grown[:, :-1] |= rules[:, 1:]
    out = grey.copy()
    out[grown] = 255
    return Image.fromarray(out)


def recognise(page) -> list[Glyph] | None:
    """The words of a pdfplumber ``page`` read by OCR (PDF points), or None when Tesseract cannot run."""
    if tesseract() is None:
        return None
    image = without_rules(page.to_image(resolution=DPI).original)
    return recognise_image(image, 72.0 / DPI)


__all__ = ["recognise", "recognise_image", "unavailable", "tesseract", "installed_languages", "DPI", "LANGS_ENV"]

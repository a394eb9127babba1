"""Benchmark: pages per second for reading PDF gazettes, with a text layer and by OCR.

A corpus file is rendered as a two-column A4 gazette with its tables ruled and printed by headless
Chromium (as the PDF tests do), then read by ``govkg.text.formats.pdf`` (best of ``--repeat``); the
first ``--ocr-pages`` pages are rasterised at 300 dpi (pdftoppm), wrapped back into a PDF and read
through Tesseract. ``--pdf FILE`` measures a PDF of your own instead (and its first pages for OCR).

    .venv/bin/python bench/format_bench.py [--corpus corpus/000_*.txt] [--repeat 3] [--ocr-pages 2]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(pdf)))


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract runs as one)."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _read_seconds(pdf: Path, repeat: int) -> tuple[float, float, int]:
    """Best wall seconds, best CPU seconds and the lines read, over ``repeat`` reads of ``pdf``."""
    from govkg.text.formats.pdf import read_pdf

    data = pdf.read_bytes()
    best, best_cpu, lines = float("inf"), float("inf"), 0
    for _ in range(repeat):
        t, c = time.perf_counter(), _cpu()
        layout = read_pdf(data)
        best, best_cpu = min(best, time.perf_counter() - t), min(best_cpu, _cpu() - c)
        lines = len(layout.lines)
    return best, best_cpu, lines


def _scan(pdf: Path, pages: int, out: Path) -> Path:
    from PIL import Image

    prefix = out.parent / "scan"
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", str(pages), str(pdf), str(prefix)],
                   check=True, timeout=600)
    images = [Image.open(p) for p in sorted(out.parent.glob("scan*.png"))]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=300)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=next((ROOT / "corpus").glob("000_*.txt")))
    ap.add_argument("--pdf", type=Path, help="measure this PDF instead of printing one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ocr-pages", type=int, default=2, help="pages to OCR (0: skip OCR)")
    args = ap.parse_args()
    from govkg.text.formats import ocr
    from tests.text.formats.pages import TWO_COLUMNS, chromium, print_pdf, saved_page

    with tempfile.TemporaryDirectory(prefix="govkg-format-bench-") as tmp:
        tmpd = Path(tmp)
        if args.pdf:
            pdf = args.pdf
        else:
            browser = chromium()
            if browser is None:
                sys.exit("format_bench: no Chromium to print the PDF with (scripts/setup-browser), or pass --pdf")
            text = args.corpus.read_text(encoding="utf-8")
            t = time.perf_counter()
            pdf = print_pdf(browser, saved_page(text, chrome=False, style=TWO_COLUMNS, wrap=None), tmpd / "issue.pdf")
            print(f"printed {args.corpus.name} ({len(text.encode()) / 1024:.0f} KB of text) in {time.perf_counter() - t:.1f} s")
        n = _pages(pdf)
        secs, cpu, lines = _read_seconds(pdf, args.repeat)
        print(f"PDF text layer: {n} pages, {lines} lines in {secs:.2f} s (best of {args.repeat}) = {n / secs:.1f} pages/s; "
              f"{cpu:.2f} CPU s = {n / cpu:.1f} pages per CPU second")
        if args.ocr_pages <= 0:
            return
        if ocr.tesseract() is None or shutil.which("pdftoppm") is None:
            print(f"OCR: skipped ({ocr.unavailable() if ocr.tesseract() is None else 'no pdftoppm'}; scripts/setup-ocr)")
            return
        k = min(args.ocr_pages, n)
        scanned = _scan(pdf, k, tmpd / "scanned.pdf")
        secs, cpu, lines = _read_seconds(scanned, 1)
        print(f"OCR ({ocr.languages()}, {ocr.DPI} dpi): {k} pages, {lines} lines in {secs:.1f} s = "
              f"{k / secs:.2f} pages/s ({secs / k:.1f} s per page); {cpu:.1f} CPU s with Tesseract's = "
              f"{cpu / k:.1f} CPU s per page")


if __name__ == "__main__":
    main()

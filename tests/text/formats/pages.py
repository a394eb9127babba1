"""Sample-corpus excerpts made into the files governments publish: a saved web page with the site's
chrome (for the HTML tests, and printed to PDF by the PDF tests), and the facts to score them against."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from govkg.eval import Score, score
from govkg.extract.pipeline import extract_files
from govkg.facts import Fact
from tests.support import CORPUS_DIR


def excerpt(stem: str, start: int, end: int) -> str:
    """Lines ``start``..``end`` (1-based) of a corpus file."""
    lines = next(CORPUS_DIR.glob(f"{stem}_*.txt")).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[start - 1:end]) + "\n"


CHROME_TOP = """<header class="site-header"><div class="logo">晋城市人民政府门户网站</div>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li>
<li><a href="/bsfw/">办事服务</a></li></ul></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 市政府文件</div>
<div class="search-box"><form action="/search"><input name="q" value="请输入关键词"><button>搜索</button></form></div>
"""
CHROME_SHARE = """<div class="article-tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a onclick="print()">打印</a></div>
<div class="bdsharebuttonbox share-bar">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">新浪微博</a></div>
<script>var title = "关于成立领导小组的通知"; document.write("<p>组长：假人名</p>");</script>
<style>.zoom p { text-indent: 2em }</style>
"""
CHROME_BOTTOM = """<aside class="related"><h3>相关文件</h3><ul><li><a>关于成立某某领导小组的通知</a></li></ul></aside>
<footer id="footer"><p>主办：晋城市人民政府办公室　承办：晋城市大数据应用局</p>
<p>网站标识码：1405000001　晋ICP备05002834号</p><p>版权所有 &copy; 晋城市人民政府</p></footer>
"""


def body_html(text: str, wrap: int | None = 37) -> str:
    """Corpus text as HTML: ``#`` lines as headings, tab rows as a ruled table, other lines as paragraphs
    (the source of a long paragraph wrapped every ``wrap`` characters, as editors save it)."""
    out: list[str] = []
    rows: list[list[str]] = []

    def end_table() -> None:
        if rows:
            width = max(len(r) for r in rows)
            out.append('<table class="members" border="1" cellspacing="0">')
            for r in rows:
                cells = r + [""] * (width - len(r))
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            out.append("</table>")
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        end_table()
        if not line.strip():
            continue
        if line.startswith("#"):
            level = min(len(line) - len(line.lstrip("#")) + 1, 4)
            out.append(f"<h{level}>{html.escape(line.lstrip('#').strip())}</h{level}>")
        else:
            esc = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(line))  # the corpus's markdown bold
            if wrap:
                esc = "\n".join(esc[i:i + wrap] for i in range(0, len(esc), wrap))
            out.append(f"<p>{esc}</p>")
    end_table()
    return "\n".join(out)


def saved_page(text: str, charset: str | None = "utf-8", chrome: bool = True, style: str = "",
               wrap: int | None = 37) -> str:
    """A whole saved page around the corpus text (``charset``: what its ``<meta>`` declares)."""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>{meta}<title>晋城市人民政府</title>"
            f"<style>{style}</style></head>\n<body>\n"
            + (CHROME_TOP if chrome else "")
            + '<div class="article">\n' + (CHROME_SHARE if chrome else "")
            + '<div id="zoom" class="TRS_Editor">\n' + body_html(text, wrap) + "\n</div>\n</div>\n"
            + (CHROME_BOTTOM if chrome else "") + "</body>\n</html>\n")


def reference_facts(text: str, tmp: Path, name: str) -> list[Fact]:
    """The facts of the corpus text itself, under the file name the converted file has."""
    p = tmp / "reference" / (Path(name).stem + ".txt")
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    report = extract_files([p])
    assert report.read, report.failed
    return [replace(f, src=replace(f.src, file=name)) for f in report.facts]


def scored(text: str, path: Path) -> tuple[Score, list[Fact]]:
    """How the facts from ``path`` score against those of the text it was made from (``govkg eval``'s
    scorer; assignments need matching lines, so excerpts are chosen without them)."""
    report = extract_files([path])
    assert report.read == [str(path)], report.failed
    return score(reference_facts(text, path.parent, path.name), report.facts), report.facts


# a gazette page: A4, two columns, headings and tables across both, ruled table cells
TWO_COLUMNS = """@page { size: A4; margin: 18mm 15mm }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 10.5pt; line-height: 1.5 }
#zoom { column-count: 2; column-gap: 8mm }
#zoom h1, #zoom h2, #zoom h3, #zoom h4 { column-span: all; text-align: center; font-size: 13pt; margin: 4pt 0 }
#zoom table { column-span: all; border-collapse: collapse; width: 100%; margin: 6pt 0 }
#zoom td { border: 0.75pt solid #000; padding: 2pt 4pt; font-size: 9.5pt }
#zoom p { margin: 0 0 3pt; text-indent: 2em; text-align: justify }"""


def chromium() -> str | None:
    """Headless Chromium for printing pages to PDF (the binary the browser tests use), or None."""
    from tests.browser.chrome import CHROMIUM
    import os
    import shutil

    path = os.environ.get("PATH", "") + os.pathsep + "/usr/bin:/usr/lib/chromium"
    return next((b for b in (shutil.which(n, path=path) for n in CHROMIUM) if b), None)


def print_pdf(browser: str, page_html: str, out: Path) -> Path:
    """``page_html`` printed to ``out`` by headless Chromium (its running header and footer included:
    the date, the title, the address and ``n/N``, which the reader must drop)."""
    import subprocess

    src = out.with_suffix(".html")
    src.write_text(page_html, encoding="utf-8")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", f"--print-to-pdf={out}", src.as_uri()],
                   capture_output=True, timeout=120, check=True)
    src.unlink()
    return out


def make_docx(text: str, path) -> list[str]:
    """``text`` as a Word file: ``#`` lines as headings, tab rows as a table, others as paragraphs; a
    running header that is not the document. Returns what each body paragraph holds (1-based index - 1)."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "晋城市人民政府公报 2020年第2期"
    rows: list[list[str]] = []
    paragraphs: list[str] = []

    def end_table() -> None:
        if rows:
            width = max(len(r) for r in rows)
            table = d.add_table(rows=len(rows), cols=width)
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    table.cell(i, j).text = c
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        end_table()
        if not line.strip():
            continue
        if line.startswith("#"):
            d.add_heading(line.lstrip("#").strip(), level=2)
        else:
            d.add_paragraph(line)
        paragraphs.append(line.lstrip("#").strip())
    end_table()
    d.save(path)
    return paragraphs


def published_build(browser: str, tmp: Path) -> tuple[Path, Path]:
    """Corpus excerpts as a government publishes them — a PDF in two columns printed by ``browser``, a
    saved web page with its site's script, a Word file — and a plain text file, built by ``govkg
    build`` (as a user runs it) into ``tmp/build`` with its embedded store ``tmp/graph.lbdb``: (build, store)."""
    import os
    import subprocess
    import sys

    from tests.support import ROOT

    corpus, out, db = tmp / "corpus", tmp / "build", tmp / "graph.lbdb"
    corpus.mkdir()
    print_pdf(browser, saved_page(excerpt("000", 181, 262), chrome=False, style=TWO_COLUMNS, wrap=None),
              corpus / "jcgb_2020_02.pdf")
    (corpus / "zwgk_2020_7.html").write_text(saved_page(excerpt("000", 1141, 1292)), encoding="utf-8")
    make_docx(excerpt("000", 263, 300), corpus / "晋市政办_2020_1.docx")
    (corpus / "notice.txt").write_text(excerpt("000", 115, 180), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "govkg.cli", "build", str(corpus), "--out", str(out), "--no-shacl"],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "GOVKG_DB_PATH": str(db)})
    assert done.returncode == 0, done.stderr[-3000:]
    return out, db

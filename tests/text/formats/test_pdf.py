"""Real PDFs made from the sample corpus: a document laid out in two columns with a ruled member table,
printed by headless Chromium (its running header and footer on every page), read back and scored with
``govkg eval``'s scorer against the facts of the text it was made from."""
from __future__ import annotations

import os
import re

import pytest

from govkg.extract.pipeline import extract_files
from govkg.text.formats.glyphs import fold
from govkg.text.read import read_source
from tests.text.formats.pages import TWO_COLUMNS, chromium, excerpt, print_pdf, saved_page, scored

pytestmark = pytest.mark.browser  # prints its PDFs with headless Chromium

# 晋市政发〔2020〕3号: three pages of prose in two columns, then its member list (a table of 16 rows)
MEMBERS = excerpt("000", 181, 262)
# 晋市政发〔2020〕7号: a plan with its member units' duties and a member list printed as short lines
PARKING = excerpt("000", 1141, 1292)
ONE_COLUMN = TWO_COLUMNS.replace("column-count: 2", "column-count: 1")


@pytest.fixture(scope="module")
def browser():
    found = chromium()
    if found is None:
        if os.environ.get("GOVKG_REQUIRE_BROWSER") == "1":
            pytest.fail("GOVKG_REQUIRE_BROWSER=1 but no Chromium (scripts/setup-browser installs it)")
        pytest.skip("no Chromium to print PDFs with (scripts/setup-browser)")
    return found


@pytest.fixture(scope="module")
def two_columns(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "jcgb_2020_02.pdf"
    return print_pdf(browser, saved_page(MEMBERS, chrome=False, style=TWO_COLUMNS, wrap=None), out)


def _flat(s: str) -> str:
    return re.sub(r"\s", "", s)


def test_two_column_pdf_scores_against_its_text(two_columns):
    s, facts = scored(MEMBERS, two_columns)
    assert s.overall.f1 >= 0.95, s.table()
    assert all(f.src.origin is not None and f.src.origin.page >= 1 and f.src.origin.line >= 1 for f in facts)
    assert max(f.src.origin.page for f in facts) == 3 and '"origin": {"page": ' in facts[0].to_json()


@pytest.mark.parametrize("text,style", [(PARKING, TWO_COLUMNS), (PARKING, ONE_COLUMN), (MEMBERS, ONE_COLUMN)],
                         ids=["units-two-columns", "units-one-column", "members-one-column"])
def test_other_layouts_score_against_their_text(browser, tmp_path, text, style):
    pdf = print_pdf(browser, saved_page(text, chrome=False, style=style, wrap=None), tmp_path / "issue.pdf")
    s, facts = scored(text, pdf)
    assert s.overall.f1 >= 0.95, s.table()
    assert all(f.src.origin.page >= 1 for f in facts)


def test_reading_order_columns_and_page_breaks(two_columns):
    """Every paragraph of the source comes out whole and in order: the left column before the right one,
    a paragraph that runs on into the next column or page joined, and nothing of the running header or
    footer in between."""
    src = read_source(two_columns)
    assert src.format == "pdf"
    text = src.text
    assert "file://" not in text and "PM" not in text and not re.search(r"^\s*\d+/\d+\s*$", text, re.M)
    lines = [_flat(line) for line in text.split("\n")]
    at = 0
    for para in MEMBERS.split("\n"):
        if not para.strip() or "\t" in para:
            continue
        want = _flat(para.lstrip("#")).replace("**", "")  # the page prints markdown bold as bold
        hit = next((i for i in range(at, len(lines)) if want in lines[i]), None)
        assert hit is not None, f"not found whole and in order: {para[:40]}"
        at = hit
    pages = {o.page for o in src.origins if o is not None}
    assert pages == {1, 2, 3}


def test_ruled_table_is_rows_of_cells(two_columns):
    src = read_source(two_columns)
    rows = src.text.split("\n")
    assert "组 长:张利锋\t市委常委、常务副市长\t刘霄志\t市委教育工委专职副书记" in rows
    # a cell wrapped over two lines in the PDF is one cell again
    assert "成 员:侯虎胜\t市委宣传部副部长、 市委新闻中心主任、 市政府新闻办公室主任\t李鸿贤\t市统计局副局长" in rows
    table_lines = [o for line, o in zip(rows, src.origins) if "\t" in line]
    assert len(table_lines) == 15 and all(o.page == table_lines[0].page for o in table_lines)
    assert [o.line for o in table_lines] == sorted(o.line for o in table_lines)


def test_damaged_pdf_is_skipped_in_one_line(two_columns, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(two_columns.read_bytes()[:3000])
    report = extract_files([broken])
    assert str(broken) in report.failed and "\n" not in report.failed[str(broken)]


@pytest.mark.parametrize("raw,typed", [("⼈⺠政府", "人民政府"), ("⼊⼾登记", "入户登记"), ("⻓江⻔", "长江门"),
                                       ("ﬁle", "file"), ("晋城", "晋城")])
def test_fold_gives_the_characters_typed(raw, typed):
    assert fold(raw) == typed

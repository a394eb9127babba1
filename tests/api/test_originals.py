"""``/original/{name}`` over HTTP on a real build of published files, and the links the pages put beside a
source: the PDF served byte for byte at the page of the cited line, a web page and a Word file as
sandboxed downloads, and nothing for a name the manifest does not list."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient

from govkg.facts import read_facts
from tests.api.conftest import make_app

pytestmark = pytest.mark.browser  # the PDF is printed by headless Chromium

PDF, HTML, DOCX = "jcgb_2020_02.pdf", "zwgk_2020_7.html", "晋市政办_2020_1.docx"


@pytest.fixture(scope="module")
def served(published):
    from govkg.store.ladybug import LadybugStore

    out, db = published
    store = LadybugStore(db, read_only=True)
    with TestClient(make_app(store, GOVKG_BUILD_DIR=str(out))) as c:
        yield c, out, store
    store.close()


def _original(c: TestClient, name: str):
    # dots percent-encoded when they are the whole name: httpx would otherwise resolve /original/.. itself
    return c.get(f"/original/{'%2E' * len(name) if set(name) == {'.'} else quote(name, safe='')}")


def test_the_pdf_is_served_as_published(served):
    c, out, _ = served
    r = _original(c, PDF)
    assert r.status_code == 200
    assert r.content == (out.parent / "corpus" / PDF).read_bytes()
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"] == f"inline; filename=\"{PDF}\"; filename*=UTF-8''{PDF}"
    assert r.headers["etag"].strip('"') == hashlib.sha256(r.content).hexdigest()
    assert "sandbox" not in r.headers["content-security-policy"]  # a sandboxed page may not run the PDF viewer


def test_a_web_page_is_a_sandboxed_download(served):
    c, out, _ = served
    r = _original(c, HTML)
    assert r.status_code == 200 and r.content == (out.parent / "corpus" / HTML).read_bytes()
    assert b"<script>" in r.content  # the site's script, which must not run in this origin
    assert r.headers["content-type"] == "text/html"  # no charset claimed: the bytes are the site's
    assert r.headers["content-disposition"].startswith("attachment;")
    csp = r.headers["content-security-policy"]
    assert csp.startswith("sandbox") and "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_a_word_file_downloads_under_its_chinese_name(served):
    c, out, _ = served
    r = _original(c, DOCX)
    assert r.status_code == 200 and r.content == (out.parent / "corpus" / DOCX).read_bytes()
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="___') and "sandbox" in r.headers["content-security-policy"]
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == DOCX


@pytest.mark.parametrize("name", ["notice.txt", "graph.nt", "manifest.json", "..", ".", "...pdf", "originals",
                                  "nope.pdf", f"{PDF}.json", "a\x00b.pdf", f"..\\{PDF}", PDF.upper()])
def test_a_name_the_build_does_not_list_is_404(served, name):
    c, _, _ = served
    r = _original(c, name)
    assert r.status_code == 404 and r.headers["content-type"] == "application/json"
    detail = r.json()["detail"]
    assert "\n" not in detail and len(detail) < 200


@pytest.mark.parametrize("path", [f"/original/..%2F{PDF}", f"/original/%2E%2E%2Fmanifest.json",
                                  f"/original/originals%2F{PDF}", "/original/../manifest.json",
                                  "/original/%2Fetc%2Fpasswd", "/original/"])
def test_a_path_never_reaches_the_files(served, path):
    c, _, _ = served
    r = c.get(path)
    assert r.status_code == 404, path
    assert r.content != (c.get(f"/original/{PDF}").content)


def test_no_build_folder_or_a_missing_file_is_a_one_line_404(served, tmp_path):
    _, out, store = served
    with TestClient(make_app(store, GOVKG_BUILD_DIR=str(tmp_path / "absent"))) as c:
        r = _original(c, PDF)
        assert r.status_code == 404 and "\n" not in r.json()["detail"] and "GOVKG_BUILD_DIR" in r.json()["detail"]
        assert "/original/" not in c.get("/").text
    copy = tmp_path / "build"
    shutil.copytree(out, copy)
    (copy / "originals" / PDF).unlink()
    with TestClient(make_app(store, GOVKG_BUILD_DIR=str(copy))) as c:
        r = _original(c, PDF)
        assert r.status_code == 404 and PDF in r.json()["detail"]
        assert _original(c, HTML).status_code == 200


def _pdf_membership(out):
    """The membership printed last in the PDF (on its last page, so the page is not 1 by chance)."""
    facts = [f for f in read_facts(out / "facts.jsonl") if f.type == "membership" and f.src.file == PDF]
    return max(facts, key=lambda f: (f.src.origin.page, f.src.line))


def test_an_entity_page_links_the_pdf_at_the_page_of_its_source(served):
    c, out, _ = served
    fact = _pdf_membership(out)
    hit = next(h for h in c.get("/search", params={"q": fact.person, "label": "Person"}).json()["hits"]
               if h["name"] == fact.person)
    page = c.get(hit["page"]).text
    # the source link to the document line, and beside it the original at its page
    pairs = re.findall(r'<a class="src" href="([^"]+)"[^>]*>.*?</a> <a class="orig" href="([^"]+)" title="([^"]+)">',
                       page.replace("&amp;", "&"))
    src, orig, title = next((p for p in pairs if f"line={fact.src.line}&" in p[0]), ("", "", ""))
    assert src, pairs
    assert all(o.startswith(f"/original/{PDF}#page=") for _, o, _ in pairs)  # every source here is in the PDF
    assert f"line={fact.src.line}" in src and f"file={PDF}" in src and src.endswith(f"#L{fact.src.line}")
    assert orig == f"/original/{PDF}#page={fact.src.origin.page}"
    assert title == f"第 {fact.src.origin.page} 页第 {fact.src.origin.line} 行 page {fact.src.origin.page}, line {fact.src.origin.line}"
    doc = c.get(src.split("#")[0]).text
    assert f'id="L{fact.src.line}"' in doc and 'class="ln hit" id="L%d"' % fact.src.line in doc
    assert f'id="original-link" href="/original/{PDF}"' in doc
    assert f'id="original-line" href="/original/{PDF}#page={fact.src.origin.page}"' in doc


def test_a_text_files_document_page_offers_no_original(served):
    from govkg.api.pagedata import document_href

    c, _, store = served
    doc = store.run("MATCH (d:`Document`) WHERE d.file = 'notice.txt' RETURN d.id AS id, d.line AS line LIMIT 1")[0]
    page = c.get(document_href(doc["id"], doc["line"] + 1, "notice.txt").split("#")[0])
    assert page.status_code == 200 and 'class="ln hit"' in page.text
    assert "/original/" not in page.text and 'id="where"' not in page.text


def test_the_route_is_documented(served):
    c, _, _ = served
    op = c.get("/openapi.json").json()["paths"]["/original/{name}"]["get"]
    assert {"application/pdf", "text/html"} <= set(op["responses"]["200"]["content"])
    assert "404" in op["responses"]
    assert json.dumps(op, ensure_ascii=False).count("ErrorAnswer") >= 1

"""From an entity page to the line and the page it rests on, in headless Chromium over a real ``govkg
serve`` of a build from a PDF made in the test: the source link opens the document page with the line
highlighted in view, and the original beside it opens the PDF at the page the line is printed on."""
from __future__ import annotations

import httpx
import pytest

from govkg.facts import read_facts
from tests.api.live import live_server
from tests.browser.test_pages import wait_for

pytestmark = pytest.mark.browser

PDF = "jcgb_2020_02.pdf"


@pytest.fixture(scope="module")
def published_server(published):
    out, db = published
    with live_server(db, GOVKG_BUILD_DIR=str(out)) as url:
        yield url, out


def test_a_source_opens_its_line_and_the_original_opens_at_its_page(browser, published_server):
    from selenium.webdriver.common.by import By

    url, out = published_server
    # a member printed on the PDF's last page, so the page is not the first one by chance
    fact = max((f for f in read_facts(out / "facts.jsonl") if f.type == "membership" and f.src.file == PDF),
               key=lambda f: (f.src.origin.page, f.src.line))
    assert fact.src.origin.page > 1
    hits = httpx.get(url + "/search", params={"q": fact.person, "label": "Person"}).json()["hits"]
    browser.get(url + next(h["page"] for h in hits if h["name"] == fact.person))
    wait_for(browser, "return document.querySelector('a.src') !== null")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "a.src")
                if f"line={fact.src.line}&" in a.get_attribute("href"))
    original = link.find_element(By.XPATH, "following-sibling::a[1]")
    assert original.get_attribute("class") == "orig"
    assert original.get_attribute("href") == f"{url}/original/{PDF}#page={fact.src.origin.page}"
    assert f"p.{fact.src.origin.page}" in original.text
    link.click()
    wait_for(browser, "return document.querySelector('.ln.hit') !== null")
    hit = browser.find_element(By.CSS_SELECTOR, ".ln.hit")
    assert hit.get_attribute("id") == f"L{fact.src.line}" and browser.current_url.endswith(f"#L{fact.src.line}")
    assert browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                  "return r.top >= -2 && r.bottom <= window.innerHeight + 2", hit)
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", hit) != "rgba(0, 0, 0, 0)"
    # the document page offers the original, and the highlighted line's page in it
    assert browser.find_element(By.ID, "original-link").get_attribute("href") == f"{url}/original/{PDF}"
    at = browser.find_element(By.ID, "original-line")
    assert at.get_attribute("href") == f"{url}/original/{PDF}#page={fact.src.origin.page}"
    assert f"page {fact.src.origin.page}, line {fact.src.origin.line}" in at.text
    served = httpx.get(at.get_attribute("href").split("#")[0])
    assert served.headers["content-type"] == "application/pdf"
    assert served.content == (out.parent / "corpus" / PDF).read_bytes()

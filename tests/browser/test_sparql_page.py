"""The /sparql and /downloads pages in headless Chromium: an example query runs with one click, an edited
query runs from the form, and every download is one click from the navigation."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.api.live import live_server
from tests.browser.test_pages import wait_for
from tests.support import GOLD_DIR, GOLD_STEMS, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not GOLD_STEMS, reason="shared gold not available")]


@pytest.fixture(scope="module")
def gold_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sparql-page")
    out, db = tmp / "build", tmp / "graph.lbdb"
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(GOLD_DIR), "--out", str(out),
                    "--no-shacl"], cwd=ROOT, check=True, capture_output=True, env={**os.environ, "GOVKG_DB_PATH": str(db)})
    with live_server(db) as url:
        yield url


def test_an_example_query_runs_with_one_click(browser, gold_server):
    from selenium.webdriver.common.by import By

    browser.get(gold_server + "/")
    browser.find_element(By.LINK_TEXT, "SPARQL").click()
    wait_for(browser, "return document.querySelectorAll('a.example').length >= 3")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "a.example") if "Who led" in a.text)
    link.click()
    wait_for(browser, "return document.querySelectorAll('#sparql-results tbody tr').length > 0")
    cells = browser.execute_script(
        "return [...document.querySelectorAll('#sparql-results tbody tr')].map(r => r.cells[0].textContent)")
    assert "指挥长" in cells and all(c.endswith("指挥长") for c in cells)
    # the query shown in the form is the one that ran; edit it and run it from the form
    area = browser.find_element(By.ID, "sparql-query")
    assert "晋城市防汛抗旱指挥部" in area.get_attribute("value")
    area.clear()
    area.send_keys("SELECT (COUNT(*) AS ?bodies) WHERE { ?b a govkg:Body }")
    browser.find_element(By.ID, "sparql-run").click()
    wait_for(browser, "return document.querySelector('#sparql-results th')?.textContent === 'bodies'")
    assert int(browser.find_element(By.CSS_SELECTOR, "#sparql-results td").text) > 10


def test_a_refused_query_shows_why_on_the_page(browser, gold_server):
    from selenium.webdriver.common.by import By

    browser.get(gold_server + "/sparql")
    area = browser.find_element(By.ID, "sparql-query")
    area.clear()
    area.send_keys("INSERT DATA { <urn:a> <urn:b> '<img src=x onerror=alert(1)>' }")
    browser.find_element(By.ID, "sparql-run").click()
    wait_for(browser, "return !!document.getElementById('sparql-error')")
    assert "read-only" in browser.find_element(By.ID, "sparql-error").text
    assert not browser.find_elements(By.CSS_SELECTOR, "img")


def test_downloads_are_linked_from_the_navigation(browser, gold_server):
    from selenium.webdriver.common.by import By

    browser.get(gold_server + "/")
    browser.find_element(By.LINK_TEXT, "下载").click()
    wait_for(browser, "return document.querySelectorAll('a.download').length >= 11")
    hrefs = {a.get_attribute("href").rsplit("/", 1)[1] for a in browser.find_elements(By.CSS_SELECTOR, "a.download")}
    assert {"ttl", "nt", "jsonld", "graphml", "gexf", "nodes.csv", "edges.csv", "facts.jsonl", "manifest.json"} <= hrefs


def test_the_pages_fit_a_420_px_screen(browser, gold_server):
    from tests.api.test_sparql import EXAMPLES
    from tests.browser.chrome import set_viewport
    from urllib.parse import quote

    set_viewport(browser, 420, 900)
    try:
        for path in ("/sparql", "/downloads", "/sparql?query=" + quote(EXAMPLES["citation_web"], safe=""),
                     "/sparql?format=html&query=" + quote("DESCRIBE <https://govkg.org/id/body/x>", safe="")):
            browser.get(gold_server + path)
            wait_for(browser, "return document.readyState === 'complete'")
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (path, overflow)
    finally:
        set_viewport(browser, None)

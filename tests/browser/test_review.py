"""Review controls in headless Chromium: absent without GOVKG_REVIEW_TOKEN, shown only after the right token,
and a click writes the judgement to the file (the page says it shows after the next build)."""
from __future__ import annotations

import json

import pytest

from tests.api.graphs import EVIL, load_test_store
from tests.api.live import live_server
from tests.browser.test_pages import wait_for

pytestmark = pytest.mark.browser
TOKEN = "browser-review-token"


@pytest.fixture(scope="module")
def reviewing(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    db = load_test_store(folder / "graph.lbdb")
    path = folder / "judgements.jsonl"
    with live_server(db, GOVKG_REVIEW_TOKEN=TOKEN, GOVKG_JUDGEMENTS=str(path)) as url:
        yield url, path


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _login(browser, token):
    from selenium.webdriver.common.by import By

    box = browser.find_element(By.ID, "review-token")
    box.clear()
    box.send_keys(token)
    browser.find_element(By.ID, "review-start").click()


def test_no_controls_without_the_token_setting(browser, server):
    browser.get(server + "/entity/test%2Fgroup?label=Body")
    wait_for(browser, "return document.querySelector('article.entity') !== null")
    assert browser.execute_script("return document.getElementById('review') === null")
    assert browser.execute_script("return document.querySelectorAll('.review-row').length") == 0


def test_controls_show_only_after_the_right_token_and_a_click_writes_a_judgement(browser, reviewing):
    from selenium.webdriver.common.by import By

    url, path = reviewing
    browser.get(url + "/entity/test%2Fgroup?label=Body")
    browser.execute_script("sessionStorage.clear()")
    browser.get(url + "/entity/test%2Fgroup?label=Body")
    wait_for(browser, "return document.getElementById('review-login') !== null")
    assert browser.execute_script("return document.getElementById('review-tools').hidden")
    assert browser.execute_script("return document.querySelectorAll('.review-row').length") == 0

    _login(browser, "wrong-token")
    wait_for(browser, "return document.getElementById('review-status').textContent.includes('wrong token')")
    assert browser.execute_script("return document.querySelectorAll('.review-row').length") == 0
    assert browser.execute_script("return sessionStorage.getItem('govkg-review-token')") is None

    _login(browser, TOKEN)
    wait_for(browser, "return document.querySelectorAll('.review-row').length > 0")
    assert not browser.execute_script("return document.getElementById('review-tools').hidden")
    browser.find_element(By.ID, "review-why").send_keys("not the head " + EVIL)
    row = browser.find_element(By.CSS_SELECTOR, "tr[data-edge*='MEMBER_OF'] .review-wrong")
    row.click()
    wait_for(browser, "return document.getElementById('review-status').textContent.includes('next build')")
    assert browser.execute_script("return document.querySelector('#review-status script, #review-status *') === null")
    [made] = _records(path)
    assert made["verdict"] == "wrong" and made["why"] == "not the head " + EVIL
    assert made["target"] == {"edge": "MEMBER_OF", "src": "test/li", "dst": "test/group", "role": "组长",
                              "doc": "测试〔2024〕1号"}

    # the token is kept for the session: the next page opens with the controls
    browser.get(url + "/entity/test%2Ftransport?label=Agency")
    wait_for(browser, "return !document.getElementById('review-tools').hidden")
    # a row through the agency's people judges the person's own membership
    browser.execute_script("""
        const tr = Array.from(document.querySelectorAll('tr[data-edge]'))
            .find(t => JSON.parse(t.dataset.edge).src === 'test/li');
        tr.querySelector('.review-right').click();""")
    wait_for(browser, "return document.getElementById('review-status').textContent.includes('right')")
    assert _records(path)[-1]["target"] == {"edge": "MEMBER_OF", "src": "test/li", "dst": "test/group",
                                            "role": "组长", "doc": "测试〔2024〕1号"}
    browser.find_element(By.ID, "review-same-q").send_keys("测试")
    browser.find_element(By.CSS_SELECTOR, "#review-same button").click()
    wait_for(browser, "return document.querySelector('.review-same-pick') !== null")
    names = browser.execute_script("return Array.from(document.querySelectorAll('#review-same-hits li span'))"
                                   ".map(s => s.textContent).join('|')")
    assert EVIL in names  # a hostile name shown as text, not run
    assert browser.execute_script("return document.querySelector('#review-same-hits script') === null")
    browser.execute_script("document.getElementById('review-status').textContent = ''")
    picks = browser.find_elements(By.CSS_SELECTOR, "#review-same-hits li")
    next(li for li in picks if "test/evil" in li.text).find_element(By.TAG_NAME, "button").click()
    status = wait_for(browser, "const s = document.getElementById('review-status').textContent;"
                               "return s.includes('saved') && s")
    assert "same test/transport ~ test/evil" in status and "next build" in status, status
    same = _records(path)[-1]
    assert same["verdict"] == "same" and same["target"] == {"entity": "test/transport"} and same["other"] == "test/evil"

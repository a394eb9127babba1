"""A person's path through the pages in headless Chromium: home, search, entity, network picture."""
from __future__ import annotations

import pytest

from tests.api.graphs import GOLD
from tests.browser.chrome import screenshot_dir

pytestmark = pytest.mark.browser

# the agency searched for: an abbreviation in the gold corpus graph, else the test graph's alias
QUERY, AGENCY = ("市发改委", "晋城市发展和改革委员会") if GOLD.is_dir() else ("市港渔局", "测试市港航渔政管理局")


def wait_for(driver, js: str, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script(js))


# nonzero when the canvas holds non-white pixels: vis-network has drawn something
DRAWN_PIXELS = """
const c = document.querySelector('#network canvas');
if (!c) return 0;
const ctx = c.getContext('2d');
const px = ctx.getImageData(0, 0, c.width, c.height).data;
let n = 0;
for (let i = 0; i < px.length; i += 16) { if (px[i + 3] > 0 && (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240)) n++; }
return n;
"""


def test_search_an_agency_and_open_its_network(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert "政府机构知识图谱" in browser.title
    box = browser.find_element(By.ID, "home-q")
    box.send_keys(QUERY)
    browser.find_element(By.ID, "home-go").click()
    wait_for(browser, "return document.querySelector('#hits .hit-link') !== null")
    first = browser.find_element(By.CSS_SELECTOR, "#hits .hit-link")
    assert first.text == AGENCY
    first.click()
    wait_for(browser, "return document.getElementById('viz-link') !== null")
    assert AGENCY in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.ID, "viz-link").click()

    drawn = int(wait_for(browser, "return document.getElementById('network').dataset.drawn"))
    nodes = browser.execute_script("return window.govkgNetwork.body.data.nodes.length")
    assert drawn == nodes > 1
    assert browser.execute_script(DRAWN_PIXELS) > 500
    browser.save_screenshot(str(screenshot_dir() / "network-agency.png"))


def test_hostile_names_do_not_run(browser, server):
    browser.get(server + "/viz/agency/test%2Fevil")
    wait_for(browser, "return document.getElementById('network').dataset.drawn")
    # the page's own script ran; the name's <script> did not (no alert is open)
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    labels = browser.execute_script("return window.govkgNetwork.body.data.nodes.get().map(n => n.label)")
    assert any("<script>" in label for label in labels)


def test_hover_shows_role_and_source_and_click_opens_the_page(browser, server):
    browser.get(server + "/viz/body/test%2Fgroup")
    wait_for(browser, "return document.getElementById('network').dataset.drawn")
    pos = browser.execute_script(
        "const net = window.govkgNetwork; const id = net.body.data.nodes.get().find(n => n.kind === 'Person').id;"
        "const p = net.canvasToDOM(net.getPosition(id)); return [p.x, p.y];")
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    ActionChains(browser).move_to_element_with_offset(canvas, pos[0] - w / 2, pos[1] - h / 2).perform()
    tip = wait_for(browser, "const t = document.querySelector('div.vis-tooltip');"
                            "return t && t.style.visibility === 'visible' && t.innerText")
    assert "组长" in tip and "999_test.txt:7" in tip  # role and source line on hover
    ActionChains(browser).click().perform()
    wait_for(browser, "return location.pathname.startsWith('/entity/')")
    assert "李测试" in browser.find_element(By.TAG_NAME, "h1").text


def test_api_docs_render_offline(browser, server):
    browser.get(server + "/docs")
    wait_for(browser, "return document.querySelectorAll('.opblock').length > 5")

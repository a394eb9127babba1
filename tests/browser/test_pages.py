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
    # a click shows the node's details; its link opens the page
    wait_for(browser, "return document.getElementById('net-open') !== null")
    assert "李测试" in browser.find_element(By.ID, "net-info").text
    browser.find_element(By.ID, "net-open").click()
    wait_for(browser, "return location.pathname.startsWith('/entity/')")
    assert "李测试" in browser.find_element(By.TAG_NAME, "h1").text


def test_api_docs_render_offline(browser, server):
    browser.get(server + "/docs")
    wait_for(browser, "return document.querySelectorAll('.opblock').length > 5")


AGENCY_PAGE = ("/entity/agency%2F%E6%99%8B%E5%9F%8E%E5%B8%82%E5%8F%91%E5%B1%95%E5%92%8C%E6%94%B9%E9%9D%A9%E5%A7%94%E5%91%98%E4%BC%9A"
               "?label=Agency" if GOLD.is_dir() else "/entity/test%2Ftransport?label=Agency")


def test_an_agency_page_answers_first_and_a_source_opens_the_highlighted_line(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + AGENCY_PAGE)
    wait_for(browser, "return document.getElementById('sec-bodies') !== null")
    # the bodies it sits on come before its tasks
    assert browser.execute_script(
        "const b = document.getElementById('sec-bodies'), t = document.getElementById('sec-tasks');"
        "return !t || (b.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0")
    link = browser.find_element(By.CSS_SELECTOR, "#sec-bodies a.src")
    line = int(link.get_attribute("href").split("line=")[1].split("&")[0])
    link.click()
    wait_for(browser, "return document.querySelector('.ln.hit') !== null")
    hit = browser.find_element(By.CSS_SELECTOR, ".ln.hit")
    assert hit.get_attribute("id") == f"L{line}"
    # scrolled into view, and highlighted
    assert browser.execute_script("const r = arguments[0].getBoundingClientRect();"
                                  "return r.top >= -2 && r.bottom <= window.innerHeight + 2", hit)
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", hit) != "rgba(0, 0, 0, 0)"


def test_pages_fit_a_420_px_screen(browser, server):
    from tests.browser.chrome import set_viewport

    set_viewport(browser, 420, 900)
    try:
        for path in (AGENCY_PAGE, "/viz/body/test%2Fgroup"):
            browser.get(server + path)
            wait_for(browser, "return document.readyState === 'complete'")
            if path.startswith("/viz"):
                wait_for(browser, "return document.getElementById('network').dataset.drawn")
                assert browser.execute_script("return document.getElementById('network').clientWidth") >= 380
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (path, overflow)
        browser.get(server + AGENCY_PAGE)
        wait_for(browser, "return document.readyState === 'complete'")
        browser.save_screenshot(str(screenshot_dir() / "page-agency-420.png"))
    finally:
        set_viewport(browser, None)


FLOOD = "/viz/body/body%2F%E6%99%8B%E5%9F%8E%E5%B8%82%2F%E9%98%B2%E6%B1%9B%E6%8A%97%E6%97%B1%E6%8C%87%E6%8C%A5%E9%83%A8"

# the labelled nodes whose boxes (node and label, as vis measured them) overlap another labelled node's
OVERLAPS = """
const net = window.govkgNetwork, ns = net.body.data.nodes.get().filter(n => n.label);
const boxes = ns.map(n => [n.short, net.getBoundingBox(n.id)]);
const out = [];
for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
  const a = boxes[i][1], b = boxes[j][1];
  if (!(a.right < b.left || a.left > b.right || a.bottom < b.top || a.top > b.bottom)) out.push([boxes[i][0], boxes[j][0]]);
}
return out;
"""


@pytest.mark.skipif(not GOLD.is_dir(), reason="needs the gold graph")
def test_a_body_of_sixty_nodes_draws_in_layers_without_overlapping_labels(browser, server):
    browser.get(server + FLOOD)
    drawn = int(wait_for(browser, "return document.getElementById('network').dataset.drawn"))
    assert drawn >= 60 and browser.execute_script("return document.getElementById('net-more')") is None
    assert browser.execute_script(OVERLAPS) == []
    assert browser.execute_script("return document.getElementById('network').dataset.hiddenLabels") == "0"
    browser.save_screenshot(str(screenshot_dir() / "network-body.png"))


def test_the_budget_keeps_the_best_connected_and_shows_more_on_request(browser, server):
    from selenium.webdriver.common.by import By

    page = FLOOD if GOLD.is_dir() else "/viz/body/test%2Fgroup"
    browser.get(server + page + "?max_nodes=10")
    assert int(wait_for(browser, "return document.getElementById('network').dataset.drawn")) == 10
    assert any(k == "Group" for k in browser.execute_script(
        "return window.govkgNetwork.body.data.nodes.get().map(n => n.kind)"))  # the rest folded by type
    browser.find_element(By.ID, "net-more").click()
    wait_for(browser, "return location.search.includes('max_nodes=20')")
    assert int(wait_for(browser, "return document.getElementById('network').dataset.drawn")) == 20


def test_filter_by_type_and_expand_a_neighbour(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(server + "/viz/body/test%2Fgroup")
    wait_for(browser, "return document.getElementById('network').dataset.drawn")
    count = "return window.govkgNetwork.body.data.nodes.length"
    before = browser.execute_script(count)
    browser.find_element(By.CSS_SELECTOR, ".type-filter[value='Agency']").click()
    kinds = browser.execute_script("return window.govkgNetwork.body.data.nodes.get().map(n => n.kind)")
    assert "Agency" not in kinds and len(kinds) < before
    browser.find_element(By.CSS_SELECTOR, ".type-filter[value='Agency']").click()
    assert browser.execute_script(count) == before
    # double-click the person: their neighbours (the post they hold) join the picture
    pos = browser.execute_script(
        "const net = window.govkgNetwork; const id = net.body.data.nodes.get().find(n => n.kind === 'Person').id;"
        "const p = net.canvasToDOM(net.getPosition(id)); return [p.x, p.y];")
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    browser.execute_script("document.getElementById('network').dataset.drawn = ''")
    ActionChains(browser).move_to_element_with_offset(canvas, pos[0] - w / 2, pos[1] - h / 2).double_click().perform()
    wait_for(browser, "return document.getElementById('network').dataset.expanded !== undefined"
                      " && document.getElementById('network').dataset.drawn")
    edges = browser.execute_script("return window.govkgNetwork.body.data.edges.get().map(e => e.etype)")
    assert "HOLDS" in edges  # the person's own relations, which the body's picture did not have

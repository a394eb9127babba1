"""The pages work under the Content-Security-Policy (govkg.api.security): headless Chromium
records every policy violation while each kind of page loads and runs, and there are none."""
from __future__ import annotations

import pytest

from tests.browser.test_pages import AGENCY_PAGE, wait_for

pytestmark = pytest.mark.browser

RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.mark.parametrize("path, ready", [
    ("/", "return document.getElementById('home-q') !== null"),
    ("/find?q=局", "return document.readyState === 'complete'"),
    (AGENCY_PAGE, "return document.getElementById('viz-link') !== null"),
    ("/viz/agency/test%2Ftransport", "return document.getElementById('network').dataset.drawn"),
    ("/viz/body/test%2Fgroup", "return document.getElementById('network').dataset.drawn"),
    ("/docs", "return document.querySelectorAll('.opblock').length > 5"),
])
def test_no_page_breaks_the_policy(browser, server, path, ready):
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    try:
        browser.get(server + path)
        wait_for(browser, ready)
        if path == "/docs":  # open an operation: Swagger UI renders its parameters and schemas
            browser.execute_script("document.querySelector('.opblock-summary-control').click()")
            wait_for(browser, "return document.querySelector('.opblock-body') !== null")
        assert browser.execute_script("return window.__csp") == []
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def test_an_injected_inline_script_is_blocked_and_seen(browser, server):
    """The recorder sees violations (so the test above can fail), and inline script does not run."""
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    try:
        browser.get(server + "/")
        wait_for(browser, "return document.readyState === 'complete'")
        browser.execute_script("const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                               "document.body.appendChild(s);")
        wait_for(browser, "return window.__csp.length > 0", timeout=10)
        assert browser.execute_script("return window.__ran") is None
        assert "script-src" in browser.execute_script("return window.__csp[0]")
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})

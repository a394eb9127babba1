"""Headless Chromium against a real ``govkg serve``; a missing browser fails under GOVKG_REQUIRE_BROWSER=1."""
from __future__ import annotations

import os

import pytest

from tests.api.graphs import load_test_store
from tests.api.live import live_server
from tests.browser.chrome import find_browser, start_chrome


@pytest.fixture(scope="session")
def browser():
    found = find_browser()
    if not found:
        msg = "headless Chromium not found (apt-get install chromium chromium-driver; see scripts/setup-browser)"
        if os.environ.get("GOVKG_REQUIRE_BROWSER") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    try:
        import selenium  # noqa: F401
    except ImportError:
        if os.environ.get("GOVKG_REQUIRE_BROWSER") == "1":
            pytest.fail("selenium is not installed (pip install -e '.[test]')")
        pytest.skip("selenium is not installed")
    driver = start_chrome(*found)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    db = load_test_store(tmp_path_factory.mktemp("browser") / "graph.lbdb")
    with live_server(db) as url:
        yield url

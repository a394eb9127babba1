"""``govkg serve`` as a real uvicorn process on loopback, spoken to over TCP."""
from __future__ import annotations

import httpx
import pytest

from tests.api.live import live_server


@pytest.fixture(scope="module")
def base_url(db_path):
    with live_server(db_path) as url:
        yield url


def test_health_search_entity_and_page_over_tcp(base_url):
    with httpx.Client(base_url=base_url, timeout=10) as c:
        assert c.get("/health").json()["status"] == "ok"
        hit = c.get("/search", params={"q": "市港渔局"}).json()["hits"][0]
        assert hit["name"] == "测试市港航渔政管理局"
        assert c.get(hit["url"]).json()[0]["relations"]
        page = c.get(hit["page"])
        assert page.status_code == 200 and "测试市港航渔政管理局" in page.text
        assert c.get("/static/vendor/vis-network/vis-network.min.js").status_code == 200


def test_bad_parameter_is_a_clear_4xx_over_tcp(base_url):
    r = httpx.get(base_url + "/search", params={"q": "局", "limit": -1}, timeout=10)
    assert r.status_code == 422 and "limit" in r.json()["detail"]


def test_serve_fails_with_one_line_when_there_is_no_graph(tmp_path):
    with pytest.raises(RuntimeError, match="no embedded graph"):
        with live_server(tmp_path / "missing.lbdb", timeout=30):
            pass

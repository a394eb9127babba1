"""Security headers on every answer and the Host allow-list against DNS rebinding (issue 15),
over a real embedded store."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from govkg.api.security import CSP, host_name
from tests.api.conftest import make_app


@pytest.mark.parametrize("path, status", [
    ("/health", 200), ("/queries/find_nodes?text=局", 200), ("/search?q=局", 200), ("/", 200),
    ("/entity/test%2Ftransport?label=Agency", 200), ("/static/govkg.css", 200), ("/openapi.json", 200),
    ("/no/such/page", 404), ("/queries/find_nodes", 422), ("/export/xml", 422),
])
def test_every_answer_has_the_security_headers(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self';" in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"


def test_the_docs_page_allows_its_own_inline_script_only(client):
    r = client.get("/docs")
    scripts = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    policy = r.headers["content-security-policy"]
    assert f"'sha256-{digest}'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("header, name", [
    ("localhost:8000", "localhost"), ("127.0.0.1", "127.0.0.1"), ("[::1]:8000", "::1"), ("[::1]", "::1"),
    ("Example.ORG", "example.org"), ("", ""), ("::1", "::1"),
])
def test_host_name(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("env, host, ok", [
    ({}, "localhost:8000", True),
    ({}, "127.0.0.1:8000", True),
    ({}, "[::1]:8000", True),
    ({}, "attacker.example:8000", False),   # a rebound name
    ({}, "localhost.attacker.example", False),
    ({}, "127.0.0.1.nip.io", False),
    ({}, "", False),
    ({"GOVKG_API_HOST": "10.0.0.5"}, "10.0.0.5:8000", True),
    ({"GOVKG_API_HOST": "0.0.0.0"}, "10.0.0.5:8000", False),
    ({"GOVKG_API_ALLOWED_HOSTS": "kg.example.org"}, "kg.example.org", True),
    ({"GOVKG_API_ALLOWED_HOSTS": "kg.example.org"}, "localhost", False),
    ({"GOVKG_API_ALLOWED_HOSTS": "*.example.org"}, "kg.example.org", True),
    ({"GOVKG_API_ALLOWED_HOSTS": "*.example.org"}, "example.org.evil", False),
    ({"GOVKG_API_ALLOWED_HOSTS": "*"}, "anything.example", True),
])
def test_the_host_allow_list(store, env, host, ok):
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig

    app = create_app(ApiConfig.from_env({"GOVKG_DB_PATH": "unused", **env}), store=store)
    with TestClient(app) as c:
        r = c.get("/health", headers={"host": host})
    assert r.status_code == (200 if ok else 400), r.text
    if not ok:
        assert "GOVKG_API_ALLOWED_HOSTS" in r.json()["detail"] and (not host or host not in r.text)
        assert r.headers["content-security-policy"] == CSP

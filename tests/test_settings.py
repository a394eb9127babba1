"""Settings from GOVKG_* variables; which store they select."""
from __future__ import annotations

from pathlib import Path

import pytest

from govkg.settings import DEFAULT_DB_PATH, Settings
from govkg.store.commands import parse_params


@pytest.mark.parametrize("env, kind", [
    ({}, "embedded"),
    ({"GOVKG_NEO4J_URI": "bolt://h:7687"}, "neo4j"),
    ({"GOVKG_NEO4J_URI": "bolt://h:7687", "GOVKG_STORE": "embedded"}, "embedded"),
    ({"GOVKG_STORE": "neo4j"}, "neo4j"),
])
def test_the_store_kind_follows_the_environment(env, kind):
    assert Settings.from_env(env).store_kind == kind


def test_values_come_from_the_environment():
    s = Settings.from_env({"GOVKG_NEO4J_USER": "u", "GOVKG_NEO4J_PASSWORD": "p", "GOVKG_DB_PATH": "/x/g.lbdb",
                           "GOVKG_BATCH_SIZE": "500"})
    assert (s.neo4j_user, s.neo4j_password, s.db_path, s.batch_size) == ("u", "p", Path("/x/g.lbdb"), 500)
    assert Settings.from_env({}).db_path == DEFAULT_DB_PATH


def test_the_read_pool_and_neo4j_home_come_from_the_environment():
    s = Settings.from_env({"GOVKG_READ_CONNECTIONS": "2", "GOVKG_NEO4J_HOME": "/opt/neo4j"})
    assert (s.read_connections, s.neo4j_home) == (2, "/opt/neo4j")
    assert Settings.from_env({}).read_connections >= 1 and Settings.from_env({}).neo4j_home == ""


@pytest.mark.parametrize("env, message", [
    ({"GOVKG_BATCH_SIZE": "lots"}, "GOVKG_BATCH_SIZE must be an integer from 1 to"),
    ({"GOVKG_BATCH_SIZE": "0"}, "GOVKG_BATCH_SIZE must be an integer"),
    ({"GOVKG_BATCH_SIZE": "-5"}, "GOVKG_BATCH_SIZE"),
    ({"GOVKG_STORE": "mysql"}, "GOVKG_STORE: unknown store 'mysql'"),
    ({"GOVKG_NEO4J_CONNECT_TIMEOUT": "soon"}, "GOVKG_NEO4J_CONNECT_TIMEOUT must be a number"),
    ({"GOVKG_NEO4J_CONNECT_TIMEOUT": "nan"}, "GOVKG_NEO4J_CONNECT_TIMEOUT"),
    ({"GOVKG_NEO4J_PASSWORD_FILE": "/nonexistent/secret"}, "GOVKG_NEO4J_PASSWORD_FILE: cannot read"),
    ({"GOVKG_API_PORT": "99999"}, "GOVKG_API_PORT must be an integer from 1 to 65535, got '99999'"),
    ({"GOVKG_API_PORT": "http"}, "GOVKG_API_PORT"),
    ({"GOVKG_API_PORT": "0"}, "GOVKG_API_PORT"),
    ({"GOVKG_API_QUERY_TIMEOUT": "-1"}, "GOVKG_API_QUERY_TIMEOUT must be a number"),
    ({"GOVKG_API_QUERY_TIMEOUT": "inf"}, "GOVKG_API_QUERY_TIMEOUT"),
    ({"GOVKG_API_MAX_ROWS": "1e3"}, "GOVKG_API_MAX_ROWS must be an integer"),
    ({"GOVKG_API_MAX_BODY": "big"}, "GOVKG_API_MAX_BODY"),
    ({"GOVKG_READ_CONNECTIONS": "0"}, "GOVKG_READ_CONNECTIONS"),
    ({"GOVKG_READ_CONNECTIONS": "four"}, "GOVKG_READ_CONNECTIONS"),
])
def test_bad_values_are_refused_in_one_line(env, message):
    from govkg.settings import ApiConfig, SettingsError

    with pytest.raises(SettingsError, match=message.replace("(", r"\(")) as err:
        ApiConfig.from_env(env)
    assert "\n" not in str(err.value)


def test_a_password_file_is_read_and_an_explicit_password_wins(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    assert Settings.from_env({"GOVKG_NEO4J_PASSWORD_FILE": str(secret)}).neo4j_password == "s3cret"
    assert Settings.from_env({"GOVKG_NEO4J_PASSWORD_FILE": str(secret),
                              "GOVKG_NEO4J_PASSWORD": "p"}).neo4j_password == "p"


@pytest.mark.parametrize("env, hosts", [
    ({}, ("localhost", "127.0.0.1", "::1")),
    ({"GOVKG_API_HOST": "0.0.0.0"}, ("localhost", "127.0.0.1", "::1")),
    ({"GOVKG_API_HOST": "10.0.0.5"}, ("localhost", "127.0.0.1", "::1", "10.0.0.5")),
    ({"GOVKG_API_ALLOWED_HOSTS": "kg.example.org, *.example.net"}, ("kg.example.org", "*.example.net")),
])
def test_allowed_hosts(env, hosts):
    from govkg.settings import ApiConfig

    assert ApiConfig.from_env(env).allowed_hosts == hosts


def test_api_limits_come_from_the_environment():
    from govkg.settings import ApiConfig

    c = ApiConfig.from_env({"GOVKG_API_QUERY_TIMEOUT": "2.5", "GOVKG_API_MAX_ROWS": "7", "GOVKG_API_MAX_BODY": "100"})
    assert (c.query_timeout, c.max_rows, c.max_body) == (2.5, 7, 100)
    d = ApiConfig.from_env({})
    assert (d.query_timeout, d.max_rows, d.max_body, d.port) == (10.0, 10_000, 65_536, 8000)
    assert d.with_(host="10.1.1.1").allowed_hosts[-1] == "10.1.1.1"


def test_unknown_store_kind_is_refused():
    with pytest.raises(ValueError, match="unknown store"):
        Settings.from_env({"GOVKG_STORE": "mysql"}).store_kind


def test_flags_override_and_unset_flags_keep_values():
    s = Settings.from_env({"GOVKG_NEO4J_USER": "u"}).with_(neo4j_user=None, batch_size=9)
    assert (s.neo4j_user, s.batch_size) == ("u", 9)


@pytest.mark.parametrize("pairs, expected", [
    (["a=1", "b=x=y"], {"a": "1", "b": "x=y"}),
    (["empty="], {"empty": ""}),
])
def test_query_parameters_from_the_command_line(pairs, expected):
    assert parse_params(pairs) == expected


def test_a_parameter_without_equals_is_refused():
    with pytest.raises(ValueError, match="key=value"):
        parse_params(["oops"])

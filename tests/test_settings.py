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
    ({"GOVKG_BATCH_SIZE": "lots"}, "GOVKG_BATCH_SIZE"),
    ({"GOVKG_READ_CONNECTIONS": "0"}, "GOVKG_READ_CONNECTIONS"),
    ({"GOVKG_READ_CONNECTIONS": "four"}, "GOVKG_READ_CONNECTIONS"),
])
def test_bad_values_are_refused(env, message):
    with pytest.raises(ValueError, match=message):
        Settings.from_env(env)


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

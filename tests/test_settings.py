import os
import subprocess
import sys

import pytest

from config.search_url import engine_name, search_backends


def run_django_check(env_overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=120)


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_django_check({"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_starts_in_debug_without_secret_key():
    result = run_django_check({"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_bad_debug_value_is_reported_by_name():
    result = run_django_check({"DJANGO_DEBUG": "maybe", "DJANGO_SECRET_KEY": "x"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


@pytest.mark.parametrize(
    "url, engine",
    [
        ("", "database"),
        ("opensearch://127.0.0.1:9200", "opensearch"),
        ("opensearch+https://u:p@search.example:443", "opensearch"),
        ("elasticsearch://es:9200", "elasticsearch"),
    ],
)
def test_search_url_selects_the_engine(url, engine):
    assert engine_name(url) == engine


def test_search_url_becomes_backend_settings_with_prefix_and_database_fallback():
    backends = search_backends("opensearch+https://u:p@search.example:9200", "ww_", 2)
    assert backends["default"]["URLS"] == ["https://u:p@search.example:9200"]
    assert backends["default"]["INDEX_PREFIX"] == "ww_"
    assert backends["database"]["BACKEND"] == "search.backends.database"


def test_a_search_url_with_several_hosts_names_each_node_of_the_cluster():
    backends = search_backends("opensearch+https://u:p@node1:9200,node2:9200,node3:9200", "ww_", 2)
    assert backends["default"]["URLS"] == ["https://u:p@node1:9200", "https://u:p@node2:9200", "https://u:p@node3:9200"]


def test_unknown_search_scheme_is_refused_with_a_message():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        engine_name("solr://localhost:8983")

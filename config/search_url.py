"""Turns SEARCH_URL into Wagtail search backend settings."""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

ENGINE_BACKENDS = {
    "opensearch": "search.backends.opensearch",
    "elasticsearch": "search.backends.elasticsearch",
}

DATABASE_BACKEND = {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}


def engine_name(search_url):
    """'opensearch', 'elasticsearch' or 'database' for the given SEARCH_URL."""
    if not search_url:
        return "database"
    scheme = urlsplit(search_url).scheme
    name = scheme.split("+")[0]
    if name not in ENGINE_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_URL {search_url!r}: the scheme must be opensearch://, opensearch+https://, "
            "elasticsearch:// or elasticsearch+https://, or leave it empty for database search."
        )
    return name


def http_urls(search_url):
    """opensearch+https://user:pw@host1:9200,host2:9200 -> ["https://user:pw@host1:9200", "https://user:pw@host2:9200"]

    Several hosts (the nodes of a cluster) are separated by commas; the client spreads requests over them
    and goes on with the others when one does not answer."""
    parts = urlsplit(search_url)
    transport = "https" if parts.scheme.endswith("+https") else "http"
    credentials, _, hosts = parts.netloc.rpartition("@")
    login = f"{credentials}@" if credentials else ""
    return [urlunsplit((transport, f"{login}{host}", parts.path, "", "")) for host in hosts.split(",") if host]


def http_url(search_url):
    """The first host of SEARCH_URL as an http(s) URL, for tools that talk to one node."""
    return http_urls(search_url)[0]


def index_settings(shards=None, replicas=None):
    """INDEX_SETTINGS for the engine's indexes: shards and replicas where given (see docs/scaling.md)."""
    index = {name: value for name, value in (("number_of_shards", shards), ("number_of_replicas", replicas)) if value is not None}
    return {"settings": {"index": index}} if index else {}


def search_backends(search_url, index_prefix, timeout, shards=None, replicas=None):
    """WAGTAILSEARCH_BACKENDS: the engine as 'default' and the database as 'database'.

    The database index is always kept up to date, so that search can fall back to it
    while the engine is unreachable. `shards` and `replicas` set the engine's index settings
    (None: the engine's defaults).
    """
    name = engine_name(search_url)
    if name == "database":
        # Both names share one index; only one of them writes to it.
        return {"default": dict(DATABASE_BACKEND), "database": {**DATABASE_BACKEND, "AUTO_UPDATE": False}}
    engine = {
        "BACKEND": ENGINE_BACKENDS[name],
        "URLS": http_urls(search_url),
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "ATOMIC_REBUILD": True,
        "AUTO_UPDATE": True,
    }
    if settings := index_settings(shards, replicas):
        engine["INDEX_SETTINGS"] = settings
    return {"default": engine, "database": dict(DATABASE_BACKEND)}

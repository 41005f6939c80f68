"""A throwaway database for a benchmark run, created and dropped like the test runner does."""

import contextlib
import os

import django


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


@contextlib.contextmanager
def throwaway_database(name=None):
    """Create (migrate) a fresh database, point the default connection at it, drop it afterwards.

    `name` is the database name on PostgreSQL or the file path on SQLite; without it Django's test
    name is used (test_<name>, or an in-memory SQLite database). Benchmarks name theirs, so that they
    never meet the test suite's database, and so that subprocesses can reach them (see database_url).
    """
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases

    if name:
        connections["default"].settings_dict.setdefault("TEST", {})["NAME"] = name
    old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        yield connections["default"].settings_dict
    finally:
        teardown_databases(old_config, verbosity=0)


def database_url(settings_dict):
    """A DATABASE_URL for the database the default connection now uses (for subprocesses)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    return (
        f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{settings_dict['HOST'] or '127.0.0.1'}"
        f":{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )

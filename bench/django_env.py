"""A throwaway database for a benchmark run, created and dropped like the test runner does."""

import contextlib
import os

import django


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


@contextlib.contextmanager
def throwaway_database():
    from django.test.utils import setup_databases, teardown_databases

    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(old_config, verbosity=0)

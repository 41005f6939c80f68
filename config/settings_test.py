"""Settings of the test suite: the production settings with safe defaults, so that a bare `pytest` runs on a
fresh clone without any environment.

The defaults go into the environment rather than over the settings: `config.settings` refuses to load without a
secret key, an explicit variable (as `make test` sets them) still wins, and the server processes some tests start
with `config.settings` get the same values. Without DATABASE_URL and SEARCH_URL the suite runs on SQLite with
database search, as `config.settings` does.
"""

import os

TEST_ENVIRONMENT = {
    "DJANGO_SECRET_KEY": "test-only-secret-key",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "API_RATE_LIMIT": "0",
    "SEARCH_INDEX_PREFIX": "wijkwijs_test_",
}
for name, value in TEST_ENVIRONMENT.items():
    os.environ.setdefault(name, value)

from config.settings import *  # noqa: E402,F403
from config.settings import STATIC_ROOT, STORAGES  # noqa: E402

# The hashed static files need `make static` (collectstatic) first. Until it has run, the tests use unhashed
# URLs that need nothing collected; once it has, they use the hashed files as production does, which the browser
# tests need (WhiteNoise serves the collected files to their live server).
if not (STATIC_ROOT / "staticfiles.json").exists():
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

"""Debian's Chromium driven by Playwright against pytest-django's live server.

Every browser test is transactional (the live server runs in another thread and must see committed data): each
one builds the site it needs, and the database is emptied after it, including what the migrations put there
(Wagtail's root page). So the browser tests run after all the other tests.

Static files are served as in production: WhiteNoise serves the collected, hashed files (`make static` collects
them). pytest-django's live server would serve them unhashed from the finders, but the page URLs must stay
hashed: Wagtail keeps the static URLs of its admin widgets once computed, in earlier tests of the same process.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.support import AXE_SCRIPT, DESKTOP, VNU_JAR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VENDOR_STATIC = settings.BASE_DIR / "static" / "vendor"
STATIC_MANIFEST = Path(settings.STATIC_ROOT) / "staticfiles.json"

# Playwright's sync API keeps an event loop in the test thread; Django's database calls there are still plain
# synchronous calls, so its guard against async contexts does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's package")
    if not (VENDOR_STATIC / "utrecht").is_dir() or not AXE_SCRIPT.exists() or not VNU_JAR.exists():
        pytest.fail("static/vendor/ or node_modules/ is missing: `make assets` installs them (npm ci)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def through_the_middleware(application):
    return application


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, with its static file handler left out so that WhiteNoise answers."""
    from pytest_django.live_server_helper import LiveServer

    if not STATIC_MANIFEST.exists():
        pytest.fail(f"{STATIC_MANIFEST} is missing: `make static` collects the static files")
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = through_the_middleware
    server.start()
    yield server
    server.stop()


@pytest.fixture
def site(live_server):
    """The demo library served by the live server; returns its base URL. Searches answer from the database."""
    from knowledge.operations.demo import load_demo

    load_demo()
    return live_server.url


@pytest.fixture
def new_page(browser):
    """Opens a page for a visitor: new_page(locale="en-GB", viewport=PHONE); other options go to the browser context."""
    contexts = []

    def open_page(locale="nl-NL", viewport=DESKTOP, **options):
        context = browser.new_context(locale=locale, viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A Dutch-speaking visitor on a desktop screen."""
    return new_page()

import pytest
from django.conf import settings
from wagtail.models import Page


def search_backend_names():
    """The search backends every search test runs against: the database, and the engine when configured."""
    names = ["database"]
    if settings.SEARCH_ENGINE != "database":
        names.append("default")
    return names


def remove_site_content():
    for page in Page.objects.filter(depth=2):
        page.delete()


@pytest.fixture(scope="module")
def search_library(django_db_setup, django_db_blocker):
    """The demo cases plus the search test cases, indexed in every backend, for one test module."""
    from django.core.management import call_command

    from knowledge.operations.demo import load_demo
    from tests.search_helpers import load_extra_cases

    with django_db_blocker.unblock():
        load_demo()
        load_extra_cases()
        call_command("update_index", verbosity=0)
        yield
        remove_site_content()


@pytest.fixture(params=search_backend_names())
def search_backend(request):
    return request.param


@pytest.fixture(autouse=True)
def search_engine_only_with_its_index(request, settings):
    """The engine's index holds what `search_library` indexed; other tests search the database,
    which follows each test's own transaction."""
    if "search_library" not in request.fixturenames:
        settings.SEARCH_ENGINE = "database"


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The English interface needs the compiled catalogue, which git does not hold: compile it as `make messages`
    does (compilemessages skips a catalogue that is up to date), so that a fresh clone's run has it too."""
    from django.core.management import call_command

    call_command("compilemessages", verbosity=0, ignore_patterns=[".venv", "node_modules"])


@pytest.fixture(scope="session", autouse=True)
def limits_counted_for_this_run_only(tmp_path_factory):
    """The limits' counters in a folder of this test run: another run on the machine counts in its own."""
    settings.CACHES["limits"]["LOCATION"] = str(tmp_path_factory.mktemp("limits"))


@pytest.fixture(autouse=True)
def maps_without_tiles(settings):
    """No tile server is reached from the tests: the maps show their markers on a blank background."""
    settings.MAP_TILE_URL = ""


@pytest.fixture(autouse=True)
def no_api_rate_limit(settings):
    """Tests of the rate limit set their own; the others may call the API as often as they like. Every test
    starts with empty caches and counters."""
    from django.core.cache import caches

    settings.API_RATE_LIMIT = 0
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def engine_state():
    """Each test starts with the engine considered reachable."""
    from search import availability

    availability.reset()
    yield
    availability.reset()

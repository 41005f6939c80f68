import pytest

from tests.conftest import remove_site_content


@pytest.fixture(scope="module")
def demo_library(django_db_setup, django_db_blocker):
    """The demo library, loaded once per module; each test's own changes roll back with its transaction."""
    from knowledge.operations.demo import load_demo

    with django_db_blocker.unblock():
        load_demo()
        yield
        remove_site_content()

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from knowledge.demo import load_demo
from knowledge.models import CaseStudyPage


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
def demo_library(django_db_setup, django_db_blocker):
    """The demo content, indexed in every search backend, for the tests of one module."""
    with django_db_blocker.unblock():
        load_demo()
        call_command("update_index", verbosity=0)
        yield CaseStudyPage.objects.live()
        remove_site_content()


@pytest.fixture(params=search_backend_names())
def search_backend(request):
    return request.param

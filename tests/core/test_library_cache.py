"""Facet labels, theme counts and similar cases come from a cache that follows every publish, unpublish and rename."""

import re

import pytest

from knowledge.models import CaseStudyPage, Theme
from knowledge.operations.demo import load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def demo():
    load_demo()


def theme_counts(client):
    return {theme["value"]: theme["count"] for theme in client.get("/api/search/").json()["facets"]["theme"]}


def home_page_count(client, theme):
    """The count in the theme's tile on the home page (cached), or None when the tile is gone."""
    html = client.get("/").content.decode()
    found = re.search(rf'href="/themas/{theme.slug}/">.*?count" aria-hidden="true">(\d+)<', html)
    return int(found.group(1)) if found else None


def test_publishing_and_unpublishing_change_the_cached_counts_at_once(client, demo):
    case = CaseStudyPage.objects.live().filter(themes__isnull=False).first()
    theme = case.themes.first()
    before = theme_counts(client)[theme.slug]
    assert home_page_count(client, theme) == before

    case.unpublish()
    assert home_page_count(client, theme) == (before - 1 or None)

    case.save_revision().publish()
    assert home_page_count(client, theme) == before


def test_a_renamed_theme_is_shown_with_its_new_name_at_once(client, demo):
    theme = Theme.objects.filter(tagged_cases__content_object__live=True).first()
    assert any(value["label"] == theme.name for value in client.get("/api/search/").json()["facets"]["theme"])

    theme.name = "Wijkaanpak (hernoemd)"
    theme.save()
    labels = [value["label"] for value in client.get("/api/search/").json()["facets"]["theme"]]
    assert "Wijkaanpak (hernoemd)" in labels
    assert "Wijkaanpak (hernoemd)" in client.get("/themas/").content.decode()


def test_a_cached_search_page_asks_the_database_less(client, demo, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as cold:
        client.get("/zoeken/", {"q": "wijk"})
    with django_assert_max_num_queries(len(cold.captured_queries) - 3):
        client.get("/zoeken/", {"q": "wijk"})


def test_deleting_a_live_case_changes_the_cached_counts_at_once(client, demo):
    case = CaseStudyPage.objects.live().filter(themes__isnull=False).first()
    theme = case.themes.first()
    before = home_page_count(client, theme)

    case.delete()
    assert home_page_count(client, theme) == (before - 1 or None)


def test_a_case_page_remembers_its_similar_cases_until_the_library_changes(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = CaseStudyPage.objects.live().filter(themes__isnull=False).first()

    def similar_titles():
        return re.findall(r'class="case-card__title"><a[^>]*>([^<]+)<', client.get(case.url).content.decode())

    with CaptureQueriesContext(connection) as cold:
        shown = similar_titles()
    with CaptureQueriesContext(connection) as warm:
        assert similar_titles() == shown
    assert len(warm.captured_queries) < len(cold.captured_queries)

    other = CaseStudyPage.objects.get(title=shown[0])
    other.unpublish()
    assert other.title not in similar_titles()

"""An import into an engine that has no index yet: the index gets the Dutch analysis, not the engine's guesses."""

import pytest
from django.test import override_settings
from modelsearch.backends import get_search_backend

from knowledge.exchange.importer import CaseImporter
from knowledge.models import CaseStudyPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

RECORD = {
    "external_id": "zwolle-buurtkoks",
    "title": "Buurtkoks koken voor ouderen",
    "municipality": "Zwolle",
    "province": "Overijssel",
    "summary": "Buurtbewoners koken wekelijks samen met ouderen in het wijkcentrum.",
}


@pytest.fixture
def engine_without_index(settings):
    default = {**settings.WAGTAILSEARCH_BACKENDS["default"], "INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX + "fresh_"}
    assert "INDEX_SETTINGS" in default or "URLS" in default, "make test runs this against the real engine"
    with override_settings(WAGTAILSEARCH_BACKENDS={**settings.WAGTAILSEARCH_BACKENDS, "default": default}):
        backend = get_search_backend("default")
        index = backend.get_index_for_model(CaseStudyPage)
        index.delete()
        yield backend, index
        index.delete()


def test_the_first_import_creates_the_index_with_dutch_analysis(engine_without_index):
    backend, index = engine_without_index
    assert not index.es.indices.exists(index=index.name)

    CaseImporter().run([RECORD])

    assert index.es.indices.exists(index=index.name)
    analysis = index.es.indices.get_settings(index=index.name)[index.name]["settings"]["index"]["analysis"]
    assert analysis["analyzer"]["default"]["tokenizer"] == "standard"
    index.refresh()
    # Stemmed ('buurtkok' is not in the text) and split by the Dutch word list ('bewoner' of 'Buurtbewoners').
    for query in ("buurtkok", "bewoner"):
        found = backend.search(query, CaseStudyPage.objects.live())
        assert [case.external_id for case in found] == ["zwolle-buurtkoks"], query

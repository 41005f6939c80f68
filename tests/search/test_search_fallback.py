"""The engine gone: answers from the database, says so, and catches up afterwards."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from search import availability
from search.backends.opensearch import DutchOpenSearchBackend

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_library")]

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def engine_gone(monkeypatch, settings):
    dead = DutchOpenSearchBackend({"URLS": [UNREACHABLE], "INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX, "TIMEOUT": 1})
    monkeypatch.setattr("search.service.engine_backend", lambda: dead)
    monkeypatch.setattr("search.autocomplete.engine_backend", lambda: dead)
    return dead


@pytest.mark.sqlite
def test_api_answers_from_the_database_and_says_so(client, engine_gone):
    data = client.get("/api/search/", {"q": "overlast"}).json()
    assert data["backend"] == "database-fallback"
    assert data["results"][0]["external_id"] == "ex-straatcoaches"
    assert not availability.engine_available()


@pytest.mark.sqlite
def test_page_shows_a_notice_and_results(client, engine_gone):
    html = client.get("/zoeken/", {"q": "overlast"}).content.decode()
    assert "De zoekmachine is even niet bereikbaar" in html
    assert "Straatcoaches tegen overlast op pleinen" in html


@pytest.mark.sqlite
def test_case_pages_and_autocomplete_work_without_the_engine(client, engine_gone):
    assert client.get("/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/").status_code == 200
    assert client.get("/api/autocomplete/", {"q": "straatc"}).status_code == 200


@pytest.mark.engine
@pytest.mark.skipif("config.getoption('markexpr') == 'sqlite'")
def test_edits_while_the_engine_is_gone_reach_it_afterwards(client, settings, django_capture_on_commit_callbacks):
    from knowledge.models import CaseStudyPage
    from search.models import IndexBacklog
    from search.service import engine_backend

    assert settings.SEARCH_ENGINE != "database", "make test runs this against the real engine"
    backends = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "URLS": [UNREACHABLE]},
    }
    case = CaseStudyPage.objects.get(external_id="ex-cafe-gezondheid")
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        with django_capture_on_commit_callbacks(execute=True):
            case.title = "Gezondheidscafé met valpreventie voor ouderen"
            case.save_revision().publish()
        assert IndexBacklog.objects.filter(object_id=str(case.pk)).exists()
        assert client.get("/api/search/", {"q": "valpreventie"}).json()["backend"] == "database-fallback"
    availability.reset()

    out = __import__("io").StringIO()
    call_command("search_reconcile", stdout=out)
    assert "gepubliceerd in index 16, in database 16" in out.getvalue()
    assert not IndexBacklog.objects.exists()
    data = client.get("/api/search/", {"q": "valpreventie"}).json()
    assert data["backend"] == settings.SEARCH_ENGINE
    assert data["count"] == 1 and data["results"][0]["external_id"] == "ex-cafe-gezondheid"
    engine_backend().get_index_for_model(CaseStudyPage).refresh()


@pytest.mark.engine
@pytest.mark.skipif("config.getoption('markexpr') == 'sqlite'")
def test_an_import_while_the_engine_is_gone_keeps_its_cases_for_the_engine(client, settings):
    from knowledge.exchange.importer import CaseImporter
    from knowledge.models import CaseStudyPage
    from search.models import IndexBacklog
    from search.service import engine_backend

    backends = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "URLS": [UNREACHABLE]},
    }
    records = [
        {
            "external_id": f"zwolle-buurtkoks-{number}",
            "title": f"Buurtkoks {number}",
            "municipality": "Zwolle",
            "province": "Overijssel",
            "summary": "Buurtkoks koken wekelijks samen met ouderen.",
        }
        for number in range(3)
    ]
    imported = {record["external_id"] for record in records}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        report = CaseImporter().run(records)
        assert len(report.created) == 3
        pks = {str(pk) for pk in CaseStudyPage.objects.filter(title__startswith="Buurtkoks").values_list("pk", flat=True)}
        assert set(IndexBacklog.objects.values_list("object_id", flat=True)) == pks
        data = client.get("/api/search/", {"q": "buurtkoks"}).json()
        assert data["backend"] == "database-fallback"
        assert {result["external_id"] for result in data["results"][:3]} == imported
    availability.reset()

    call_command("search_reconcile", stdout=__import__("io").StringIO())
    assert not IndexBacklog.objects.exists()
    engine_backend().get_index_for_model(CaseStudyPage).refresh()
    data = client.get("/api/search/", {"q": "buurtkoks"}).json()
    assert data["backend"] == settings.SEARCH_ENGINE
    assert {result["external_id"] for result in data["results"][:3]} == imported


@pytest.fixture
def backlog_of_three():
    from knowledge.models import CaseStudyPage
    from search.backends.resilient import record_backlog

    cases = CaseStudyPage.objects.filter(external_id__in=["ex-cafe-gezondheid", "ex-straatcoaches", "ex-buurtsportcoach"])
    record_backlog(cases, deleted=False)
    return {str(case.pk) for case in cases}


@pytest.mark.engine
@pytest.mark.skipif("config.getoption('markexpr') == 'sqlite'")
def test_after_an_outage_searches_work_off_the_backlog_a_part_each(client, settings, monkeypatch, backlog_of_three):
    from search.models import IndexBacklog

    monkeypatch.setattr("search.service.REPLAY_PER_SEARCH", 2)
    monkeypatch.setattr("search.service._backlog_pending", True)
    assert client.get("/api/search/", {"q": "wijk"}).json()["backend"] == settings.SEARCH_ENGINE
    assert IndexBacklog.objects.count() == 1
    client.get("/api/search/", {"q": "wijk"})
    assert not IndexBacklog.objects.exists()


@pytest.mark.engine
@pytest.mark.skipif("config.getoption('markexpr') == 'sqlite'")
def test_a_backlog_the_engine_refuses_stays_and_the_search_still_answers(client, settings, monkeypatch, backlog_of_three):
    from search.models import IndexBacklog
    from search.service import engine_backend

    def refuse(model, objects):
        raise RuntimeError("the engine refused a document")

    monkeypatch.setattr(engine_backend(), "add_bulk", refuse)
    monkeypatch.setattr("search.service._backlog_pending", True)
    response = client.get("/api/search/", {"q": "overlast"})
    assert response.status_code == 200 and response.json()["backend"] == settings.SEARCH_ENGINE
    assert set(IndexBacklog.objects.values_list("object_id", flat=True)) == backlog_of_three

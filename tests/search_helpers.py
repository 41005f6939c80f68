"""Running the same search against a chosen backend, for the one search suite."""

from django.test import RequestFactory
from modelsearch.backends import get_search_backend

from knowledge.exchange.importer import CaseImporter
from knowledge.models import CaseStudyPage
from search.database_search import database_search
from search.engine_search import engine_search
from search.facets import resolve_filters
from search.params import parse_search_params
from search.query_text import parse_query_text

EXTRA_CASES = [
    {
        "external_id": "t-cooperatie",
        "title": "Een coöperatie van bewoners beheert het buurthuis",
        "municipality": "Deventer",
        "province": "Overijssel",
        "summary": "Bewoners richtten een coöperatie op en namen het beheer van het wijkgebouw over.",
        "body": "De coöperatie huurt het pand van de gemeente en verhuurt ruimtes aan clubs.",
        "themes": ["Initiatieven van bewoners en ondernemers"],
        "year_start": 2020,
    },
    {
        "external_id": "t-wijkcentrum",
        "title": "Nieuw leven voor het wijkcentrum",
        "municipality": "Deventer",
        "province": "Overijssel",
        "summary": "Het wijkcentrum werd een ontmoetingsplek met een repaircafé.",
        "body": "Vrijwilligers openen het wijkcentrum zes dagen per week.",
        "themes": ["Ouderen"],
        "year_start": 2021,
    },
    {
        "external_id": "t-phrase-together",
        "title": "Participatie in de praktijk",
        "municipality": "Zaanstad",
        "province": "Noord-Holland",
        "summary": "Hoe het wijkteam de buurtbewoners bij plannen betrekt.",
        "body": "Het sociaal wijkteam werkt samen met de huisarts.",
        "year_start": 2019,
    },
    {
        "external_id": "t-phrase-scattered",
        "title": "Zorg dichtbij in Zaandam",
        "municipality": "Zaanstad",
        "province": "Noord-Holland",
        "summary": "Een team van zorgprofessionals in de wijk.",
        "body": "Sociaal werkers en de gemeente zorgen samen voor de wijk.",
        "year_start": 2017,
    },
    {
        "external_id": "t-draft",
        "title": "Geheime concepttekst over overlast",
        "municipality": "Deventer",
        "province": "Overijssel",
        "summary": "Nog niet gepubliceerd.",
        "published": False,
    },
]


def load_extra_cases():
    report = CaseImporter().run(EXTRA_CASES)
    assert report.ok, report.failed


def run(backend_name, query_string=""):
    """RawResults of a search on one backend, for a query string like 'q=wijk&theme=jeugd'."""
    params = parse_search_params(RequestFactory().get("/?" + query_string).GET)
    query_text = parse_query_text(params.q)
    resolved = resolve_filters(params)
    if backend_name == "database":
        return database_search(params, query_text, resolved)
    return engine_search(get_search_backend(backend_name), params, query_text, resolved)


def ids(raw):
    external = dict(CaseStudyPage.objects.filter(pk__in=raw.pks).values_list("pk", "external_id"))
    return [external[pk] for pk in raw.pks]

"""Open data: the API description, filtered exports, the pages API, licences and the rate limit."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings

from api.exports import FORMULA_TRIGGERS, neutralise_formula
from api.schema import openapi_schema
from knowledge.exchange.importer import CaseImporter
from knowledge.models import CaseStudyPage, CongressEditionPage, MunicipalityPage
from search.service import engine_backend

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_library")]

ENDPOINTS = {"/api/search/", "/api/autocomplete/", "/api/export.csv", "/api/export.json", "/api/v2/pages/", "/api/v2/pages/{id}/"}
FILTER_COMBINATIONS = [
    {},
    {"q": "wijk"},
    {"q": "overlast"},
    {"q": "wijkteam zorg"},
    {"q": '"sociaal wijkteam"'},
    {"theme": "veiligheid"},
    {"theme": ["jeugd", "veiligheid"]},
    {"province": "Overijssel", "sort": "newest"},
    {"q": "bewoners", "municipality": "deventer"},
    {"year": "2015"},
    {"congress": "2014"},
    {"q": "buurt", "province": ["zuid-holland", "noord-holland"], "theme": "jeugd"},
    {"q": "xyzzy-niets"},
]


def refresh_engine():
    backend = engine_backend()
    if backend is not None:
        backend.get_index_for_model(CaseStudyPage).refresh()


@pytest.fixture
def import_cases(django_capture_on_commit_callbacks):
    """Import records as published cases, indexed like any edit; they are removed from the index afterwards."""
    imported = []

    def run(records):
        with django_capture_on_commit_callbacks(execute=True):
            report = CaseImporter().run(records)
        assert report.ok, report.failed
        imported.extend(record["external_id"] for record in records)
        refresh_engine()

    yield run
    with django_capture_on_commit_callbacks(execute=True):
        for case in CaseStudyPage.objects.filter(external_id__in=imported):
            case.delete()
    refresh_engine()


def streamed(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def export_json(client, params):
    response = client.get("/api/export.json", params)
    assert response.status_code == 200, response.content
    return response, json.loads(streamed(response))["cases"]


def export_csv(client, params):
    response = client.get("/api/export.csv", params)
    assert response.status_code == 200, response.content
    text = streamed(response)
    assert text.startswith("\ufeff")
    return response, list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def all_search_results(client, params):
    first = client.get("/api/search/", {**params, "page_size": 50}).json()
    results, page = list(first["results"]), 1
    while len(results) < first["count"]:
        page += 1
        results += client.get("/api/search/", {**params, "page_size": 50, "page": page}).json()["results"]
    # A short first page ends with related cases, which are not matches (see related_count).
    return first["count"], [result["external_id"] for result in results][: first["count"]]


# The description of the API


@pytest.mark.sqlite
def test_the_schema_is_valid_openapi_and_describes_every_public_endpoint(client):
    from openapi_spec_validator import validate

    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert set(schema["paths"]) == ENDPOINTS
    search_parameters = {parameter["name"]: parameter for parameter in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert set(search_parameters) == {
        "q",
        "theme",
        "municipality",
        "province",
        "year",
        "congress",
        "sort",
        "format",
        "page",
        "page_size",
    }
    assert all(parameter["in"] == "query" and parameter["description"] for parameter in search_parameters.values())
    limits = {name: parameter["schema"] for name, parameter in search_parameters.items()}
    assert limits["q"]["maxLength"] == 200 and limits["page"]["maximum"] == 1000 and limits["page_size"]["minimum"] == 1
    for name in ("theme", "municipality", "province"):
        assert limits[name]["maxItems"] == 20 and limits[name]["items"]["maxLength"] == 100
    assert limits["congress"]["items"] == {"type": "integer", "minimum": 1000, "maximum": 2999}
    assert limits["sort"]["enum"] == ["relevance", "newest", ""] and limits["format"]["enum"] == ["json", "geojson"]


@pytest.mark.sqlite
def test_the_documentation_page_is_rendered_from_the_schema_without_outside_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<main id="inhoud"' in html  # extends base.html
    for path in ENDPOINTS:
        assert f'<code class="utrecht-code">{path}</code>' in html
    assert "theme=veiligheid" in html and "SearchResponse" in html and "CaseRecord" in html
    content = html.split('<main id="inhoud"')[1].split("</main>")[0]
    assert "<script" not in content and "<link" not in content
    assert 'src="http' not in html and 'href="http' not in html.split("<body")[0]  # nothing from other hosts


@pytest.fixture
def wsgi_app():
    """The whole Django stack as a WSGI app, inside the test's transaction (as Django's test client does)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.sqlite
@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_generated_requests_get_no_server_error_and_answers_match_the_schema(wsgi_app, path):
    import schemathesis
    from hypothesis import HealthCheck, given, strategies
    from hypothesis import settings as hypothesis_settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    operation = schemathesis.openapi.from_dict(openapi_schema())[path]["GET"]
    # negative_data_rejection is left out on purpose: the parameters are lenient by design (an empty
    # ?page= means page 1, extra whitespace is dropped), which that check would count as failures.
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
    ]
    cases = strategies.one_of(
        operation.as_strategy(schemathesis.GenerationMode.POSITIVE),
        operation.as_strategy(schemathesis.GenerationMode.NEGATIVE),
    )

    @hypothesis_settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(case=cases)
    def check(case):
        case.call_and_validate(app=wsgi_app, checks=checks)

    check()


@pytest.mark.sqlite
@pytest.mark.parametrize("year", ["²⁰¹⁵", "٢٠١٥", "2015.0"])
def test_a_year_in_other_digits_is_a_bad_request_not_a_crash(client, year):
    assert client.get("/api/export.csv", {"year": year}).status_code == 400


@pytest.mark.sqlite
def test_a_quote_in_autocomplete_is_harmless(client):
    assert client.get("/api/autocomplete/", {"q": '"wijk'}).status_code == 200


# Exports


@pytest.mark.sqlite
@pytest.mark.parametrize("params", FILTER_COMBINATIONS, ids=lambda params: json.dumps(params, ensure_ascii=False))
def test_exports_hold_exactly_the_cases_the_search_counts(client, params):
    count, search_ids = all_search_results(client, params)
    json_response, records = export_json(client, params)
    csv_response, rows = export_csv(client, params)
    assert len(records) == len(rows) == count
    assert json_response["X-Total-Count"] == csv_response["X-Total-Count"] == str(count)
    assert sorted(record["external_id"] for record in records) == sorted(search_ids)
    assert [row["external_id"] for row in rows] == [record["external_id"] for record in records]


@pytest.mark.sqlite
@pytest.mark.parametrize("params", [{"sort": "newest"}, {"q": "wijk", "sort": "newest"}, {"theme": "jeugd"}])
def test_exports_keep_the_order_of_the_search(client, params):
    _, search_ids = all_search_results(client, params)
    _, records = export_json(client, params)
    assert [record["external_id"] for record in records] == search_ids


@pytest.mark.sqlite
@pytest.mark.parametrize("params", [{}, {"q": "wijk"}, {"q": "wijkteam zorg"}, {"sort": "newest", "province": "overijssel"}])
def test_exports_walk_all_batches_of_the_engine_and_the_database(client, monkeypatch, params):
    monkeypatch.setattr("search.matches.ENGINE_BATCH_SIZE", 2)
    monkeypatch.setattr("api.exports.CASES_PER_CHUNK", 3)
    count, search_ids = all_search_results(client, params)
    _, records = export_json(client, params)
    assert sorted(record["external_id"] for record in records) == sorted(search_ids)
    assert len(records) == count


@pytest.mark.sqlite
def test_cases_are_read_a_chunk_at_a_time():
    from api.exports import CASES_PER_CHUNK, cases_in_chunks

    taken = []

    def pks():
        for pk in CaseStudyPage.objects.live().values_list("pk", flat=True):
            taken.append(pk)
            yield pk

    first_chunk = next(cases_in_chunks(pks()))
    assert len(taken) == min(CASES_PER_CHUNK, CaseStudyPage.objects.live().count()) == len(first_chunk)


@pytest.mark.sqlite
def test_exports_answer_from_the_database_while_the_engine_is_gone(client, monkeypatch, settings):
    from search.backends.opensearch import DutchOpenSearchBackend

    count, _ = all_search_results(client, {"q": "wijk"})
    dead = DutchOpenSearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX, "TIMEOUT": 1})
    monkeypatch.setattr("search.service.engine_backend", lambda: dead)
    response, records = export_json(client, {"q": "wijk"})
    assert response["X-Search-Backend"] == "database-fallback"
    assert len(records) == count


@pytest.mark.sqlite
def test_paging_parameters_are_ignored_by_exports(client):
    count, _ = all_search_results(client, {})
    _, records = export_json(client, {"page": "3", "page_size": "2"})
    assert len(records) == count
    assert client.get("/api/export.json", {"page": "abc"}).status_code == 200


@pytest.mark.sqlite
@pytest.mark.parametrize("path", ["/api/export.csv", "/api/export.json"])
@pytest.mark.parametrize(
    "params, parameter", [({"year": "vorig jaar"}, "year"), ({"sort": "best"}, "sort"), ({"q": "x" * 500}, "q")]
)
def test_bad_export_parameters_get_a_400_naming_the_parameter(client, path, params, parameter):
    response = client.get(path, params)
    assert response.status_code == 400
    assert parameter in response.json()["details"]


@pytest.mark.sqlite
def test_exports_are_attachments_named_with_the_date(client):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    csv_response = client.get("/api/export.csv")
    json_response = client.get("/api/export.json")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert json_response["Content-Type"] == "application/json; charset=utf-8"
    assert csv_response["Content-Disposition"] == f'attachment; filename="wijkwijs-praktijkvoorbeelden-{today}.csv"'
    assert json_response["Content-Disposition"] == f'attachment; filename="wijkwijs-praktijkvoorbeelden-{today}.json"'


@pytest.mark.sqlite
def test_csv_has_the_documented_columns_lists_and_licence(client):
    _, rows = export_csv(client, {"q": "straatcoaches"})
    header = list(rows[0])
    assert header[:11] == [
        "external_id",
        "title",
        "municipality",
        "province",
        "themes",
        "year_start",
        "year_end",
        "summary",
        "url",
        "licence",
        "licence_url",
    ]
    row = next(row for row in rows if row["external_id"] == "ex-straatcoaches")
    assert row["municipality"] == "Leiden" and row["province"] == "Zuid-Holland"
    assert set(row["themes"].split("; ")) == {"Veiligheid", "Jeugd"}
    assert row["url"].startswith("http://testserver/praktijkvoorbeelden/leiden/")
    assert row["licence"] == "CC-BY-4.0"
    assert row["licence_url"] == "https://creativecommons.org/licenses/by/4.0/deed.nl"


@pytest.mark.sqlite
def test_csv_cells_cannot_become_spreadsheet_formulas(client, import_cases):
    import_cases(
        [
            {
                "external_id": "csv-injection",
                "municipality": "Tilburg",
                "title": '=HYPERLINK("http://evil.example/","klik hier")',
                "summary": "+SUM(A1:A9) en meer",
                "themes": ["Veiligheid"],
                "neighbourhoods": ["@wijk", "-min"],
                "partners": ["=1+1"],
                "contact": {"name": "=cmd|' /C calc'!A0", "email": "a@example.org", "public": True},
            }
        ]
    )
    _, rows = export_csv(client, {"theme": "veiligheid", "municipality": "tilburg"})
    row = next(row for row in rows if row["external_id"] == "csv-injection")
    assert row["title"] == "'" + '=HYPERLINK("http://evil.example/","klik hier")'
    assert row["summary"] == "'+SUM(A1:A9) en meer"
    assert row["neighbourhoods"] == "'@wijk; -min"
    assert row["partners"] == "'=1+1"
    assert row["contact_name"] == "'=cmd|' /C calc'!A0"
    assert not any(value.startswith(FORMULA_TRIGGERS) for row in rows for value in row.values())


@pytest.mark.sqlite
@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_trigger_is_neutralised(value):
    assert neutralise_formula(value) == "'" + value


@pytest.mark.sqlite
def test_ordinary_text_is_left_alone():
    assert neutralise_formula("Wijk-aanpak = goed") == "Wijk-aanpak = goed"
    assert neutralise_formula(None) == neutralise_formula("") == ""
    assert neutralise_formula(2015) == "2015"


@pytest.mark.sqlite
def test_contact_details_are_exported_only_with_consent(client, import_cases):
    contact = {"name": "Anna de Vries", "role": "wijkregisseur", "email": "anna@example.org"}
    import_cases(
        [
            {
                "external_id": "contact-open",
                "municipality": "Tilburg",
                "title": "Open contact",
                "summary": "Met toestemming.",
                "contact": {**contact, "public": True},
            },
            {
                "external_id": "contact-closed",
                "municipality": "Tilburg",
                "title": "Gesloten contact",
                "summary": "Zonder toestemming.",
                "contact": {**contact, "public": False},
            },
        ]
    )
    _, records = export_json(client, {"municipality": "tilburg"})
    by_id = {record["external_id"]: record for record in records}
    assert by_id["contact-open"]["contact"] == {**contact, "public": True}
    assert "contact" not in by_id["contact-closed"]
    _, rows = export_csv(client, {"municipality": "tilburg"})
    closed = next(row for row in rows if row["external_id"] == "contact-closed")
    assert closed["contact_name"] == closed["contact_email"] == ""
    assert "anna@example.org" not in json.dumps(by_id["contact-closed"])


@pytest.mark.sqlite
def test_json_records_are_in_the_import_format_with_licence_and_source(client):
    from knowledge.exchange.records import KNOWN_FIELDS, parse_record

    _, records = export_json(client, {})
    for record in records:
        assert set(record) <= KNOWN_FIELDS
        assert parse_record(record).unknown_fields == []
        assert record["licence"] == "CC-BY-4.0"
        assert record["url"].startswith("http://testserver/praktijkvoorbeelden/")
        assert record["published"] is True


@pytest.mark.sqlite
def test_a_json_export_imports_into_an_empty_library_as_the_same_cases(client, settings, tmp_path):
    params = {"province": ["zuid-holland", "overijssel"]}
    _, exported = export_json(client, params)
    assert len(exported) >= 3
    path = Path(tmp_path) / "export.json"
    path.write_text(json.dumps({"cases": exported}, ensure_ascii=False), encoding="utf-8")

    # The engine index is shared with the other tests of this module; the database changes roll back.
    quiet_backends = {name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=quiet_backends):
        for municipality in MunicipalityPage.objects.all():
            municipality.delete()
        assert not CaseStudyPage.objects.exists()
        out = io.StringIO()
        call_command("import_cases", str(path), stdout=out, stderr=io.StringIO())
        assert f"{len(exported)} nieuw" in out.getvalue() and "0 mislukt" in out.getvalue()

        from api.exports import json_chunks

        ids = [record["external_id"] for record in exported]
        pks = dict(CaseStudyPage.objects.values_list("external_id", "pk"))
        reexported = json.loads("".join(json_chunks([pks[external_id] for external_id in ids], "http://testserver/")))["cases"]
    assert with_sorted_themes(reexported) == with_sorted_themes(exported)


def with_sorted_themes(records):
    """Theme order is not kept by the exporter on PostgreSQL; the set of themes is what must survive."""
    return [{**record, "themes": sorted(record["themes"])} for record in records]


@pytest.mark.sqlite
def test_the_export_links_of_the_search_page_carry_the_current_search(client):
    from html import unescape

    from django.http import QueryDict
    from django.template.loader import render_to_string

    from search.params import parse_search_params

    params = parse_search_params(QueryDict("q=wijk&theme=jeugd&theme=veiligheid&sort=newest&page=2"))
    html = render_to_string("search/export_links.html", {"params": params, "count": 3})
    assert "Alle 3 resultaten downloaden" in html
    links = [unescape(part.split('"', 1)[0]) for part in html.split('href="')[1:]]
    assert links[0] == "/api/export.csv?q=wijk&theme=jeugd&theme=veiligheid&sort=newest&page=2"
    assert links[1] == "/api/export.json?q=wijk&theme=jeugd&theme=veiligheid&sort=newest&page=2"
    assert links[2] == "/api/docs/"
    count, _ = all_search_results(client, {"q": "wijk", "theme": ["jeugd", "veiligheid"]})
    assert len(json.loads(streamed(client.get(links[1])))["cases"]) == count
    assert render_to_string("search/export_links.html", {"params": params, "count": 0}).strip() == ""


# Drafts and the pages API


@pytest.mark.sqlite
def test_drafts_are_absent_from_exports_and_the_pages_api(client):
    draft = CaseStudyPage.objects.get(external_id="t-draft")
    live = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    live.title = "Geheime nieuwe titel, nog niet gepubliceerd"
    live.save_revision()

    _, records = export_json(client, {"q": "overlast"})
    _, rows = export_csv(client, {})
    assert "t-draft" not in {record["external_id"] for record in records} | {row["external_id"] for row in rows}
    assert "Geheime" not in json.dumps(records, ensure_ascii=False) + json.dumps(rows, ensure_ascii=False)

    listing = client.get("/api/v2/pages/", {"type": "knowledge.CaseStudyPage", "fields": "title,external_id", "limit": 20}).json()
    assert listing["meta"]["total_count"] == CaseStudyPage.objects.live().public().count()
    assert "t-draft" not in {item["external_id"] for item in listing["items"]}
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{live.pk}/").json()["title"] == "Straatcoaches tegen overlast op pleinen"


@pytest.mark.sqlite
@pytest.mark.parametrize("model", [CaseStudyPage, MunicipalityPage, CongressEditionPage], ids=lambda model: model.__name__)
def test_every_api_field_of_the_page_types_serialises(client, model):
    page_type = model._meta.label
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*", "limit": 20})
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert items
    item = items[0]
    assert item["meta"]["type"] == page_type
    assert {field.name for field in model.api_fields} <= set(item)
    detail = client.get(f"/api/v2/pages/{item['id']}/")
    assert detail.status_code == 200 and detail.json()["meta"]["type"] == page_type


@pytest.mark.sqlite
def test_cases_in_the_pages_api_carry_licence_source_and_only_consented_contacts(client):
    case = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    case.contact_name, case.contact_email, case.contact_public = "Piet", "piet@example.org", False
    case.save_revision().publish()
    data = client.get(f"/api/v2/pages/{case.pk}/").json()
    assert data["licence"] == "CC-BY-4.0"
    assert data["licence_url"] == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert data["meta"]["html_url"].endswith("/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/")
    assert data["public_contact"] is None
    assert "piet@example.org" not in json.dumps(data)


@pytest.mark.sqlite
def test_pages_api_filters_by_case_field_and_leaves_search_to_the_search_api(client):
    data = client.get("/api/v2/pages/", {"type": "knowledge.CaseStudyPage", "year_start": "2013", "fields": "external_id"}).json()
    assert {item["external_id"] for item in data["items"]} == set(
        CaseStudyPage.objects.live().filter(year_start=2013).values_list("external_id", flat=True)
    )
    response = client.get("/api/v2/pages/", {"search": "wijk"})
    assert response.status_code == 400 and "search" in response.json()["message"]


# The rate limit


@pytest.mark.sqlite
def test_anonymous_api_use_is_limited_per_address_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/search/").status_code == 200
    response = client.get("/api/export.json")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["retry_after"] == int(response["Retry-After"])
    assert response.json()["error"]
    assert client.get("/api/v2/pages/").status_code == 429
    assert client.get("/api/search/", REMOTE_ADDR="192.0.2.7").status_code == 200  # another address
    assert client.get("/zoeken/").status_code == 200  # only the API is limited


@pytest.mark.sqlite
def test_behind_a_proxy_the_api_limit_counts_per_visitor(client, settings):
    settings.API_RATE_LIMIT, settings.PROXY_COUNT = 1, 2
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.get("/api/search/", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.2", **proxy).status_code == 200
    assert client.get("/api/search/", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5, 10.0.0.2", **proxy).status_code == 429
    assert client.get("/api/search/", HTTP_X_FORWARDED_FOR="203.0.113.6, 10.0.0.2", **proxy).status_code == 200


@pytest.mark.sqlite
def test_logged_in_staff_are_not_limited_and_zero_turns_the_limit_off(client, settings, django_user_model):
    settings.API_RATE_LIMIT = 1
    staff = django_user_model.objects.create_user("redacteur", "redactie@example.org", "een-lang-wachtwoord", is_staff=True)
    client.force_login(staff)
    assert all(client.get("/api/search/").status_code == 200 for _ in range(3))
    client.logout()
    settings.API_RATE_LIMIT = 0
    assert all(client.get("/api/search/").status_code == 200 for _ in range(3))

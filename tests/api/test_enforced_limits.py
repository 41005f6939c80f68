"""What the OpenAPI document declares, the API enforces: lengths, counts, methods and the pages filters."""

import pytest

from knowledge.models import CaseStudyPage, MunicipalityPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_library"), pytest.mark.sqlite]

SEARCHING_PATHS = ["/api/search/", "/api/export.csv", "/api/export.json"]


@pytest.mark.parametrize("path", SEARCHING_PATHS)
def test_a_query_longer_than_documented_is_refused_even_when_mostly_spaces(client, path):
    response = client.get(path, {"q": "wijk" + " " * 200})
    assert response.status_code == 400
    assert response.json()["error"] == "Ongeldige zoekparameters" and "q" in response.json()["details"]


@pytest.mark.parametrize("path", SEARCHING_PATHS)
def test_a_filter_value_longer_than_documented_is_refused_even_when_mostly_spaces(client, path):
    response = client.get(path, {"theme": "veiligheid" + " " * 100})
    assert response.status_code == 400 and "theme" in response.json()["details"]


@pytest.mark.parametrize("path", SEARCHING_PATHS)
def test_more_filter_values_than_documented_are_refused_even_when_repeated(client, path):
    response = client.get(path, {"province": ["noord-brabant"] * 21})
    assert response.status_code == 400 and "province" in response.json()["details"]
    assert client.get(path, {"province": ["noord-brabant"] * 20}).status_code == 200


def test_an_unknown_search_format_is_refused(client):
    response = client.get("/api/search/", {"format": "xml"})
    assert response.status_code == 400 and "format" in response.json()["details"]


def test_a_reversed_year_range_finds_the_same_cases_as_in_order(client):
    in_order = client.get("/api/search/", {"year": "2010-2014"}).json()
    reversed_range = client.get("/api/search/", {"year": "2014-2010"})
    assert reversed_range.status_code == 200
    assert reversed_range.json()["count"] == in_order["count"]


@pytest.mark.parametrize("path", [*SEARCHING_PATHS, "/api/autocomplete/", "/api/schema/", "/api/docs/"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_methods_the_document_does_not_list_are_not_allowed(client, path, method):
    assert getattr(client, method)(path).status_code == 405


def test_child_of_and_descendant_of_together_give_the_children_within_the_part_of_the_tree(client):
    case = CaseStudyPage.objects.live().first()
    municipality = case.get_parent()
    response = client.get("/api/v2/pages/", {"child_of": municipality.pk, "descendant_of": municipality.get_parent().pk})
    assert response.status_code == 200, response.content
    ids = {item["id"] for item in response.json()["items"]}
    assert case.pk in ids and ids <= set(municipality.get_children().live().public().values_list("pk", flat=True))


def test_a_filter_on_a_page_that_is_not_published_answers_404(client):
    response = client.get("/api/v2/pages/", {"child_of": 10**6})
    assert response.status_code == 404 and response.json()["message"] == "parent page doesn't exist"


def test_the_documented_fields_are_accepted_without_a_type(client):
    listing = client.get("/api/schema/").json()["paths"]["/api/v2/pages/"]["get"]
    fields = next(parameter for parameter in listing["parameters"] if parameter["name"] == "fields")["schema"]["items"]["enum"]
    municipality = MunicipalityPage.objects.live().first()
    for path in ("/api/v2/pages/", f"/api/v2/pages/{municipality.pk}/"):
        response = client.get(path, {"fields": ",".join(field for field in fields if field != "*")})
        assert response.status_code == 200, (path, response.content)

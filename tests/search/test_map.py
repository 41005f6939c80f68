"""The map's data: every case a search matches, as GeoJSON, from the same search as the list."""

import json

import pytest

from knowledge.centres import municipality_centres
from knowledge.models import CaseStudyPage

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db, pytest.mark.usefixtures("search_library")]


def geojson(client, params):
    response = client.get("/api/search/", {**params, "format": "geojson"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(b"".join(response.streaming_content))


def listed_ids(client, params):
    """The external_ids of every page of the list for these parameters."""
    ids, page = [], 1
    while True:
        data = client.get("/api/search/", {**params, "page_size": 5, "page": page}).json()
        ids += [result["external_id"] for result in data["results"]]
        if len(ids) >= data["count"]:
            return data["count"], ids
        page += 1


@pytest.mark.parametrize(
    "params", [{}, {"q": "wijk"}, {"theme": "veiligheid"}, {"province": "zuid-holland", "year": "2015-2019"}]
)
def test_the_map_gets_every_case_of_the_search_not_one_page(client, params):
    count, ids = listed_ids(client, params)
    collection = geojson(client, {**params, "page_size": 5, "page": 2})
    assert collection["type"] == "FeatureCollection" and collection["count"] == count
    assert sorted(feature["properties"]["external_id"] for feature in collection["features"]) == sorted(ids)
    assert count > 5 or params
    # The demo cases have no location of their own: each sits at its municipality's centre from the table.
    assert {feature["properties"]["location"] for feature in collection["features"]} == {"municipality"}


def test_a_feature_has_a_point_and_the_properties_of_a_result(client):
    result = client.get("/api/search/", {"municipality": "tilburg"}).json()["results"][0]
    feature = geojson(client, {"municipality": "tilburg"})["features"][0]
    assert feature["type"] == "Feature"
    assert feature["properties"] == {**result, "highlight": "", "location": "municipality"}
    latitude, longitude = municipality_centres()["GM0855"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [longitude, latitude]}


def test_a_case_with_its_own_location_is_shown_there(client):
    CaseStudyPage.objects.filter(municipality__slug="tilburg").update(latitude="51.5700", longitude="5.0500")
    feature = geojson(client, {"municipality": "tilburg"})["features"][0]
    assert feature["geometry"]["coordinates"] == [5.05, 51.57]
    assert feature["properties"]["location"] == "case"


def test_bad_parameters_get_the_api_error(client):
    response = client.get("/api/search/", {"format": "geojson", "year": "vorig jaar"})
    assert response.status_code == 400
    assert set(response.json()["details"]) == {"year"}

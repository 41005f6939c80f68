"""A long facet on the search page shows its first values and folds the rest away behind one control."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.exchange.importer import CaseImporter
from knowledge.operations.demo import load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

TWENTE = [
    "Almelo",
    "Borne",
    "Dalfsen",
    "Deventer",
    "Dinkelland",
    "Enschede",
    "Haaksbergen",
    "Hardenberg",
    "Hellendoorn",
    "Hengelo",
    "Kampen",
    "Losser",
    "Oldenzaal",
    "Ommen",
    "Raalte",
    "Staphorst",
    "Tubbergen",
]


@pytest.fixture
def seventeen_municipalities():
    report = CaseImporter().run(
        [
            {
                "external_id": f"twente-{number}",
                "title": f"Buurtkamer in {name}",
                "municipality": name,
                "province": "Overijssel",
                "summary": f"Bewoners van {name} openen samen een buurtkamer.",
            }
            for number, name in enumerate(TWENTE)
        ]
    )
    assert report.ok, report.failed


def municipality_facet(html):
    return re.search(r"<legend>Gemeente</legend>(.*?)</fieldset>", html, re.S).group(1)


def test_a_long_facet_shows_ten_values_and_folds_the_others(client, seventeen_municipalities):
    facet = municipality_facet(client.get("/zoeken/").content.decode())

    shown, folded = facet.split("<details", 1)
    assert shown.count('name="municipality"') == 10
    assert folded.count('name="municipality"') == 7
    assert re.match(r' class="facets__more"><summary>Nog 7 tonen</summary>', folded)
    assert "Tubbergen" in folded  # ordered by count, then by name


def test_the_fold_is_open_when_a_folded_value_is_chosen(client, seventeen_municipalities):
    facet = municipality_facet(client.get("/zoeken/?municipality=tubbergen").content.decode())

    assert '<details class="facets__more" open>' in facet
    assert re.search(r'value="[^"]*"\s*checked> <span class="facets__value">Tubbergen</span>', facet)


def test_short_facets_are_not_folded(client, seventeen_municipalities):
    html = client.get("/zoeken/").content.decode()

    assert html.count("<details") == 1  # themes, provinces, years and congresses stay whole
    english = client.get("/zoeken/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<summary>Show 7 more</summary>" in english


def checkbox(html, name, value):
    match = re.search(
        rf'name="{name}" value="{value}"( checked)?> '
        r'<span class="facets__value">([^<]*)</span> <span class="facet-count">(\d+)</span>',
        html,
    )
    return match and (match.group(2), bool(match.group(1)), int(match.group(3)))


def test_a_filter_that_finds_nothing_keeps_its_label_and_stays_ticked(client):
    load_demo()

    html = client.get("/zoeken/?theme=openbare-ruimte").content.decode()
    assert "Thema: Openbare ruimte en groen <span" in html
    assert checkbox(html, "theme", "openbare-ruimte") == ("Openbare ruimte en groen", True, 0)

    html = client.get("/zoeken/?theme=jeugd&municipality=almere&province=Noord%20Brabant").content.decode()
    assert "0 praktijkvoorbeelden gevonden" in html
    assert "Thema: Jeugd <span" in html and "Gemeente: Almere <span" in html and "Provincie: Noord-Brabant <span" in html
    assert checkbox(html, "municipality", "almere") == ("Almere", True, 0)
    assert checkbox(html, "province", "noord-brabant")[1]


def test_a_filter_naming_nothing_shows_the_value_given(client):
    load_demo()

    html = client.get("/zoeken/?theme=bestaat-niet").content.decode()
    assert "Thema: bestaat-niet <span" in html
    assert 'type="checkbox" name="theme" value="bestaat-niet"' not in html


def test_labelling_filters_that_find_nothing_asks_no_query_per_filter(client):
    load_demo()
    client.get("/zoeken/")  # facet labels are cached from here on
    counts = []
    for query in (
        "theme=openbare-ruimte&municipality=almere",
        "theme=openbare-ruimte&theme=duurzaamheid&municipality=almere&municipality=leiden&province=limburg",
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/zoeken/?{query}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]

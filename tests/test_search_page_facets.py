"""A long facet on the search page shows its first values and folds the rest away behind one control."""

import re

import pytest

from knowledge.importer import CaseImporter

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

TWENTE = [
    "Almelo", "Borne", "Dalfsen", "Deventer", "Dinkelland", "Enschede", "Haaksbergen", "Hardenberg", "Hellendoorn",
    "Hengelo", "Kampen", "Losser", "Oldenzaal", "Ommen", "Raalte", "Staphorst", "Tubbergen",
]


@pytest.fixture
def seventeen_municipalities():
    report = CaseImporter().run([
        {"external_id": f"twente-{number}", "title": f"Buurtkamer in {name}", "municipality": name,
         "province": "Overijssel", "summary": f"Bewoners van {name} openen samen een buurtkamer."}
        for number, name in enumerate(TWENTE)
    ])
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

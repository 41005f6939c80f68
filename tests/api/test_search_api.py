"""The search page, the JSON API and autocomplete, as practitioners and scripts use them."""

import re

import pytest
from django.conf import settings

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db, pytest.mark.usefixtures("search_library")]


def test_api_answers_in_the_documented_shape(client):
    data = client.get("/api/search/", {"q": "overlast"}).json()
    assert set(data) >= {"query", "count", "page", "page_size", "backend", "results", "facets"}
    assert data["query"] == "overlast" and data["page"] == 1 and data["page_size"] == 10
    assert data["backend"] == settings.SEARCH_ENGINE
    result = data["results"][0]
    assert set(result) >= {
        "external_id",
        "title",
        "url",
        "municipality",
        "province",
        "themes",
        "year_start",
        "summary",
        "highlight",
    }
    assert result["external_id"] == "ex-straatcoaches"
    assert result["municipality"] == "Leiden" and result["province"] == "Zuid-Holland"
    assert result["url"].startswith("http://testserver/praktijkvoorbeelden/leiden/")
    assert "<mark>" in result["highlight"]
    assert set(data["facets"]) == {"theme", "municipality", "province", "year", "congress"}


def test_facet_values_are_accepted_by_the_filters(client):
    facets = client.get("/api/search/").json()["facets"]
    for name, values in facets.items():
        for value in values[:3]:
            filtered = client.get("/api/search/", {name: value["value"]}).json()
            assert filtered["count"] == value["count"], (name, value)


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"page": "twee"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "1_0"}, "page"),
        ({"page_size": "+5"}, "page_size"),
        ({"sort": "best"}, "sort"),
        ({"year": "vorig jaar"}, "year"),
        ({"congress": "99999"}, "congress"),
        ({"q": "x" * 500}, "q"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(client, params, parameter):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert parameter in response.json()["details"]


def test_a_page_beyond_the_result_window_is_empty_like_a_page_past_the_end(client):
    count = client.get("/api/search/").json()["count"]
    response = client.get("/api/search/", {"page": "1000", "page_size": "50"})
    assert response.status_code == 200
    data = response.json()
    assert data["results"] == [] and data["count"] == count and data["page"] == 1000
    assert data["backend"] == settings.SEARCH_ENGINE  # the engine was not asked past its window


def test_only_the_part_of_a_page_within_the_result_window_is_listed(client, monkeypatch):
    monkeypatch.setattr("search.params.MAX_RESULT_WINDOW", 5)
    first = client.get("/api/search/", {"page_size": "3", "sort": "newest"}).json()
    second = client.get("/api/search/", {"page": "2", "page_size": "3", "sort": "newest"}).json()
    assert first["count"] > 6 and len(first["results"]) == 3
    assert len(second["results"]) == 2 and second["count"] == first["count"]


def test_search_page_offers_downloads_of_the_current_search(client):
    html = client.get("/zoeken/", {"q": "wijk", "theme": "veiligheid"}).content.decode()
    assert "/api/export.csv?q=wijk&amp;theme=veiligheid" in html and "/api/export.json?q=wijk&amp;theme=veiligheid" in html


def test_page_size_is_capped(client):
    data = client.get("/api/search/", {"page_size": "10000"}).json()
    assert data["page_size"] == settings.SEARCH_PAGE_SIZE_MAX


def test_hostile_query_text_is_harmless(client):
    for q in ['"', '""', "(", "*", "AND OR NOT", "\\", "<script>alert(1)</script>", "' OR 1=1 --", "🙂" * 10, "\x00abc"]:
        assert client.get("/api/search/", {"q": q}).status_code == 200, q
        page = client.get("/zoeken/", {"q": q})
        assert page.status_code == 200, q
        assert "<script>alert(1)</script>" not in page.content.decode()


def test_search_page_shows_results_facets_and_removable_filters(client):
    html = client.get("/zoeken/", {"q": "wijk", "theme": "veiligheid"}).content.decode()
    assert "Straatcoaches tegen overlast op pleinen" in html
    assert "<fieldset>" in html and "<legend>Thema</legend>" in html
    assert 'value="veiligheid" checked' in html
    assert 'href="?q=wijk"' in html  # removing the only filter keeps the words
    assert 'aria-live="polite"' in html


def test_search_page_keeps_the_whole_state_in_links(client):
    html = client.get("/zoeken/", {"theme": ["jeugd", "veiligheid"], "page_size": "2", "sort": "newest"}).content.decode()
    assert "theme=jeugd&amp;theme=veiligheid&amp;sort=newest&amp;page=2&amp;page_size=2" in html


def test_search_page_helps_when_nothing_is_found(client):
    html = client.get("/zoeken/", {"q": "overlast", "province": "limburg"}).content.decode()
    assert "Geen praktijkvoorbeelden gevonden" in html
    assert "Verwijder een of meer filters" in html


def test_search_page_suggests_a_spelling(client):
    html = client.get("/zoeken/", {"q": "vrijwiligerscentrale"}).content.decode()
    if "Geen praktijkvoorbeelden gevonden" in html:
        assert "Bedoelde u" in html


def test_bad_parameters_on_the_page_are_explained_not_crashed(client):
    response = client.get("/zoeken/", {"page": "abc", "q": "wijk"})
    assert response.status_code == 400
    assert "Niet alle zoekparameters" in response.content.decode()


def test_autocomplete_offers_themes_municipalities_and_titles(client):
    suggestions = client.get("/api/autocomplete/", {"q": "vei"}).json()["suggestions"]
    assert {"type": "theme", "label": "Veiligheid", "value": "veiligheid", "url": "/zoeken/?theme=veiligheid"} in suggestions
    assert any(
        item["type"] == "municipality" and item["label"] == "Tilburg"
        for item in client.get("/api/autocomplete/", {"q": "Til"}).json()["suggestions"]
    )
    titles = [
        item["label"]
        for item in client.get("/api/autocomplete/", {"q": "straatc"}).json()["suggestions"]
        if item["type"] == "case"
    ]
    assert "Straatcoaches tegen overlast op pleinen" in titles
    assert client.get("/api/autocomplete/", {"q": "x"}).json()["suggestions"] == []


def test_case_page_shows_editor_links_in_both_directions_and_similar_cases(client):
    from knowledge.models import CaseStudyPage, RelatedCase

    tilburg = CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")
    leiden = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    RelatedCase.objects.create(page=tilburg, related_case=leiden)
    assert "Straatcoaches tegen overlast op pleinen" in client.get(tilburg.url).content.decode()
    leiden_html = client.get(leiden.url).content.decode()
    related = leiden_html.split("Verwante praktijkvoorbeelden")[1]
    assert related.index("Tilburg: de stad van wijkgericht werken") >= 0
    assert related.count('class="case-card"') >= 3


def test_a_nul_byte_beside_a_bad_parameter_gets_the_explained_page(client):
    response = client.get("/zoeken/?q=%22a%00b%22&year=x")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Niet alle zoekparameters" in html and 'value="&quot;ab&quot;"' in html


def test_every_next_link_leads_to_a_page_within_the_result_window(client, monkeypatch):
    monkeypatch.setattr("search.params.MAX_RESULT_WINDOW", 4)
    url = "/zoeken/?page_size=2"
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, url
        next_link = re.search(r'href="([^"]*)" rel="next"', response.content.decode())
        if not next_link:
            break
        url = "/zoeken/" + next_link.group(1).replace("&amp;", "&")
    assert "Pagina 2 van 2" in response.content.decode()


def test_a_page_past_the_last_one_says_so_and_links_to_the_last_page(client):
    last = client.get("/zoeken/?page_size=5").content.decode()
    pages = re.search(r"Pagina 1 van (\d+)", last).group(1)

    response = client.get("/zoeken/?page=999&page_size=5")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Pagina 999 ligt voorbij de laatste pagina van deze zoekopdracht, pagina {pages}." in html
    assert f'href="?page={pages}&amp;page_size=5">Naar pagina {pages}</a>' in html
    assert "Geen praktijkvoorbeelden gevonden" not in html


def test_finding_nothing_without_words_gives_no_tips_about_words_nor_a_lone_filter_button(client):
    html = client.get("/zoeken/", {"theme": "jeugd", "municipality": "almere"}).content.decode()
    assert "Geen praktijkvoorbeelden gevonden" in html
    assert "Gebruik minder of algemenere woorden" not in html
    assert "Gebruik minder of algemenere woorden" in client.get("/zoeken/", {"q": "qqqzzz"}).content.decode()
    assert "Filters toepassen" not in client.get("/zoeken/", {"q": "qqqzzz"}).content.decode()


def test_the_page_names_refused_parameters_as_its_form_does_and_the_api_keeps_their_names(client):
    html = client.get("/zoeken/", {"year": "abc", "sort": "x"}).content.decode()
    message = re.search(r'<div class="utrecht-alert__message">(.*?)</div>', html, re.S).group(1)
    assert "Niet alle zoekparameters konden worden gebruikt</h2>" in message
    assert '<li class="utrecht-unordered-list__item">Startjaar: moet een jaartal of een periode zijn' in message
    assert '<li class="utrecht-unordered-list__item">Sortering: kies' in message
    assert "<code>" not in message
    english = client.get("/zoeken/", {"page_size": "veel"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Results per page: " in english
    assert set(client.get("/api/search/", {"year": "abc", "sort": "x"}).json()["details"]) == {"year", "sort"}


def test_the_pager_numbers_the_first_the_last_and_the_pages_around_this_one(client):
    html = client.get("/zoeken/", {"page_size": 1, "page": 6}).content.decode()
    count = int(re.search(r"(\d+) praktijkvoorbeelden gevonden", html).group(1))
    assert count > 9
    pager = re.search(r'<nav class="utrecht-pagination pagination".*?</nav>', html, re.S).group()
    linked = [
        int((re.search(r"page=(\d+)", href) or [0, 1])[1])
        for href in re.findall(r'class="pagination__page" href="([^"]*)"', pager)
    ]
    assert linked == [1, 4, 5, 7, 8, count]
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>6</span>' in pager
    assert pager.count("…") == 2 and "view=map" not in pager
    on_the_map = client.get("/zoeken/", {"page_size": 1, "page": 6, "view": "map"}).content.decode()
    assert re.search(r'class="pagination__page" href="\?[^"]*page=7[^"]*&amp;view=map"', on_the_map)

"""Themes, dossiers, congress editions, feeds and findability from outside."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from knowledge.models import (
    CaseStudyPage,
    CongressEditionPage,
    CongressIndexPage,
    DossierIndexPage,
    DossierItem,
    DossierPage,
    ThemeIndexPage,
)
from knowledge.operations.demo import load_demo

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    draft = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    draft.unpublish()
    return draft


class CurationPageRulesTest(WagtailPageTestCase):
    def test_dossiers_live_under_the_dossier_index(self):
        self.assertAllowedParentPageTypes(DossierPage, {DossierIndexPage})
        self.assertAllowedSubpageTypes(DossierIndexPage, {DossierPage})

    def test_indexes_hang_under_home(self):
        self.assertAllowedParentPageTypes(ThemeIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CongressIndexPage, {HomePage})


def test_theme_index_lists_themes_with_counts_and_links(client, demo):
    html = client.get("/themas/").content.decode()
    assert '<a href="/themas/veiligheid/">Veiligheid</a>' in html
    assert "1 praktijkvoorbeeld" in html  # Veiligheid: Enschede, Leiden is a draft now


def test_theme_page_lists_its_cases_and_related_dossiers(client, demo):
    html = client.get("/themas/vernieuwing-van-de-lokale-democratie/").content.decode()
    assert "Raadsleden op wijksafari" in html and "Tilburg: de stad van wijkgericht werken" in html
    assert "Burger, politicus en ambtenaar" in html  # the dossier holding these cases
    assert client.get("/themas/veiligheid/").content.decode().count('class="case-card"') == 1


def test_unknown_theme_is_a_404(client, demo):
    assert client.get("/themas/bestaat-niet/").status_code == 404
    assert client.get("/themas/bestaat-niet/feed/").status_code == 404


def test_dossier_keeps_the_editors_order_and_notes(client, demo):
    html = client.get("/dossiers/burger-politicus-en-ambtenaar/").content.decode()
    positions = [
        html.index(title)
        for title in (
            "Burger, politicus en ambtenaar: samenwerken in de wijk",
            "De wijkonderneming: bewoners als ondernemers",
            "Raadsleden op wijksafari",
            "Tilburg: de stad van wijkgericht werken",
        )
    ]
    assert positions == sorted(positions)
    assert "De politiek in de wijk: raadsleden die zelf gaan kijken." in html


def test_reordering_a_dossier_changes_the_page(client, demo):
    dossier = DossierPage.objects.get()
    items = list(dossier.items.all())
    items[0].sort_order, items[-1].sort_order = items[-1].sort_order, items[0].sort_order
    dossier.items = sorted(items, key=lambda item: item.sort_order)
    dossier.save_revision().publish()
    html = client.get(dossier.url).content.decode()
    assert html.index("Tilburg: de stad van wijkgericht werken") < html.index("Raadsleden op wijksafari")


def test_dossier_hides_unpublished_cases(client, demo):
    dossier = DossierPage.objects.get()
    dossier.items.add(DossierItem(case=demo, note="concept"))
    dossier.save_revision().publish()
    assert "Straatcoaches tegen overlast" not in client.get(dossier.url).content.decode()


def test_home_shows_search_themes_featured_dossier_newest_cases_and_congress(client, demo):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert "Burger, politicus en ambtenaar</a>" in html
    assert "/themas/zorg-en-welzijn/" in html
    assert "Nieuwste praktijkvoorbeelden" in html and "Straatcoaches" not in html
    assert "Laatste editie:" in html and "2015 Tilburg" in html


def test_congress_edition_ties_its_cases_and_programme(client, demo):
    html = client.get("/congres/2015/").content.decode()
    assert "Tilburg: de stad van wijkgericht werken" in html
    html_2014 = client.get("/congres/2014/").content.decode()
    for perspective in (
        "Vernieuwing van de lokale democratie en de rol van de politiek",
        "De veranderende rol van de wijkambtenaar",
    ):
        assert perspective in html_2014
    assert "19–21 november 2014" in html_2014


def test_a_case_linked_from_a_presentation_is_among_the_presented_cases(client, demo):
    from knowledge.models.congress import CongressPresentation

    edition = CongressEditionPage.objects.get(year=2014)
    case = CaseStudyPage.objects.get(external_id="ex-buurtsportcoach")
    assert not case.congress_editions.filter(pk=edition.pk).exists()
    edition.presentations = [
        CongressPresentation(title="Buurtsportcoaches in Rotterdam", case=case),
        CongressPresentation(title="Straatcoaches op het plein", case=demo),  # a draft: not shown, not linked
    ]
    edition.save_revision().publish()
    html = client.get("/congres/2014/").content.decode()
    cards = html.split("Gepresenteerde praktijkvoorbeelden", 1)[1]
    assert case.title in cards and demo.title not in cards
    assert f'Buurtsportcoaches in Rotterdam · <a class="utrecht-link" href="{case.url}">het praktijkvoorbeeld</a>' in html
    assert '<li class="utrecht-unordered-list__item">Straatcoaches op het plein</li>' in html


def test_new_since_congress_lists_cases_published_after_the_latest_edition(client, demo):
    html = client.get("/congres/nieuw-sinds-het-congres/").content.decode()
    assert "Raadsleden op wijksafari" in html  # published today, after November 2015
    assert "Straatcoaches" not in html


def test_congress_editions_are_editable_with_sessions(demo):
    edition = CongressEditionPage.objects.get(year=2014)
    sessions = list(edition.sessions.all())
    sessions[0].speakers = "Burgemeester van Groningen"
    edition.sessions = sessions
    edition.save_revision().publish()
    assert CongressEditionPage.objects.get(year=2014).sessions.first().speakers == "Burgemeester van Groningen"


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_new_cases_feed_is_valid_atom_without_drafts(client, demo):
    feed = parse_feed(client, "/feeds/nieuw/")
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 11 and "Straatcoaches tegen overlast op pleinen" not in titles
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/praktijkvoorbeelden/")


def test_theme_feed_holds_only_that_theme(client, demo):
    feed = parse_feed(client, "/themas/wonen/feed/")
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["Leefbaarheidsbudget van de corporatie"]


def test_sitemap_lists_every_public_case_theme_dossier_and_congress_page(client, demo):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text.split("localhost", 1)[-1] for loc in root.iter(f"{SITEMAP}loc")}
    for case in CaseStudyPage.objects.live():
        assert case.url in locations
    assert demo.url not in locations
    assert {"/themas/veiligheid/", "/dossiers/burger-politicus-en-ambtenaar/", "/congres/2014/", "/congres/2015/"} <= locations


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_case_page_carries_json_ld_and_open_graph(client, demo):
    html = client.get("/praktijkvoorbeelden/tilburg/tilburg-de-stad-van-wijkgericht-werken/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Article"
    assert data["spatialCoverage"]["name"] == "Tilburg"
    assert set(data["keywords"]) == {"Rol van de wijkambtenaar", "Vernieuwing van de lokale democratie"}
    assert data["datePublished"] and data["license"].startswith("https://creativecommons.org/")
    assert '<meta property="og:title" content="Tilburg: de stad van wijkgericht werken">' in html


def test_municipality_page_lists_its_cases_with_themes_and_period(client, demo):
    html = client.get("/praktijkvoorbeelden/tilburg/").content.decode()
    assert "Tilburg: de stad van wijkgericht werken" in html and "2010 – heden" in html and "Rol van de wijkambtenaar" in html

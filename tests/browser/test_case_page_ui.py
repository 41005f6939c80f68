"""A case page gives what a practitioner needs to act: the source, whom to ask, how current it is, how to cite
and share it, and a clean printout."""

import datetime

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from knowledge.models import CaseStudyPage
from tests.browser.support import BROWSER_TEST, DESKTOP, axe_violations, save_screenshot

pytestmark = BROWSER_TEST

NARROW = {"width": 390, "height": 844}
CASE_URL = "/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/"
SOURCE = "https://www.leiden.nl/straatcoaches"


def canonical_url():
    """The case's address as the site knows it (its Wagtail site's root URL), which the page cites and shares."""
    return CaseStudyPage.objects.get(external_id="ex-straatcoaches").get_full_url()


def with_contact_and_source():
    CaseStudyPage.objects.filter(external_id="ex-straatcoaches").update(
        contact_name="Sanne de Vries",
        contact_role="wijkregisseur",
        contact_email="s.devries@leiden.nl",
        contact_public=True,
        source_url=SOURCE,
        last_reviewed=datetime.date(2026, 3, 2),
    )


def test_the_case_page_shows_source_contact_dates_and_citation_and_copies_them(site, new_page):
    with_contact_and_source()
    for viewport in (NARROW, DESKTOP):
        page = new_page(viewport=viewport, bypass_csp=True, permissions=["clipboard-read", "clipboard-write"])
        page.goto(site + CASE_URL)

        # Whom to ask comes before the description, on a phone too.
        contact = page.get_by_role("region", name="Contactpersoon")
        expect(contact).to_contain_text("Sanne de Vries, wijkregisseur")
        expect(contact.get_by_role("link", name="s.devries@leiden.nl")).to_have_attribute("href", "mailto:s.devries@leiden.nl")
        contact_top = contact.bounding_box()["y"]
        assert contact_top < page.get_by_role("complementary", name="Kenmerken").bounding_box()["y"]
        assert contact_top < page.viewport_size["height"]

        facts = page.get_by_role("complementary", name="Kenmerken")
        expect(facts.get_by_role("link", name=SOURCE)).to_have_attribute("href", SOURCE)
        expect(facts).to_contain_text("Laatst beoordeeld2 maart 2026")
        published = CaseStudyPage.objects.get(external_id="ex-straatcoaches").last_published_at
        expect(facts.locator("time").first).to_have_attribute("datetime", timezone.localdate(published).isoformat())
        expect(facts).to_contain_text("Laatst bijgewerkt")

        citation = page.get_by_role("region", name="Citeer dit praktijkvoorbeeld")
        reference = (
            f"Gemeente Leiden ({published.year}). Straatcoaches tegen overlast op pleinen. Wijkwijs. "
            f"{canonical_url()}. Licentie: CC BY 4.0."
        )
        expect(citation.locator("#case-citation")).to_have_text(reference)
        expect(citation.get_by_role("link", name="CC BY 4.0")).to_have_attribute("rel", "license")
        save_screenshot(page, "case-page")
        assert axe_violations(page) == []

        citation.get_by_role("button", name="Kopieer bronvermelding").click()
        expect(citation.get_by_role("status")).to_have_text("De bronvermelding is gekopieerd.")
        assert page.evaluate("navigator.clipboard.readText()") == reference
        page.get_by_role("button", name="Kopieer link").click()
        expect(page.locator(".case-actions").get_by_role("status")).to_have_text("De link is gekopieerd.")
        assert page.evaluate("navigator.clipboard.readText()") == canonical_url()


def test_without_a_contact_the_page_points_to_the_editors(site, page):
    page.goto(site + CASE_URL)
    ask = page.get_by_role("region", name="Vraag het de redactie")
    expect(ask.get_by_role("link", name=settings.EDITORS_EMAIL)).to_have_attribute("href", f"mailto:{settings.EDITORS_EMAIL}")
    expect(page.get_by_role("region", name="Contactpersoon")).to_have_count(0)
    expect(page.get_by_role("complementary", name="Kenmerken")).not_to_contain_text("Bron")


def test_a_phone_shares_through_its_own_share_sheet(site, new_page):
    page = new_page(viewport=NARROW)
    # Debian's Chromium has no share sheet; a phone's browser has one, and the page hands it title and link.
    page.add_init_script("navigator.share = (data) => { window.shared = data; return Promise.resolve(); };")
    page.goto(site + CASE_URL)
    page.get_by_role("button", name="Delen").click()
    assert page.evaluate("window.shared") == {"title": "Straatcoaches tegen overlast op pleinen", "url": canonical_url()}


def test_without_a_share_sheet_there_is_no_share_button(site, page):
    page.goto(site + CASE_URL)
    expect(page.get_by_role("button", name="Kopieer link")).to_be_visible()
    expect(page.get_by_role("button", name="Delen")).to_be_hidden()


def test_without_javascript_the_link_and_reference_stay_as_text(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site + CASE_URL)
    expect(page.locator("#case-citation")).to_contain_text(canonical_url())
    for name in ("Kopieer link", "Afdrukken", "Kopieer bronvermelding"):
        expect(page.get_by_role("button", name=name)).to_have_count(0)


def test_the_print_button_prints_the_case_without_controls(site, page):
    with_contact_and_source()
    page.add_init_script("window.print = () => { window.printed = true; };")
    page.goto(site + CASE_URL)
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printed") is True

    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()
    for name in ("Kopieer link", "Afdrukken", "Kopieer bronvermelding"):
        expect(page.get_by_role("button", name=name)).to_be_hidden()
    expect(page.get_by_role("region", name="Contactpersoon")).to_be_visible()
    expect(page.locator("#case-citation")).to_be_visible()
    save_screenshot(page, "case-page-print")

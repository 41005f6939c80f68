"""Sharing a case through the public form at /delen/, as someone from a municipality would."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST, DESKTOP, axe_violations, save_screenshot

PHONE = {"width": 390, "height": 844}

pytestmark = BROWSER_TEST


@pytest.fixture
def form_page(site, page):
    cache.clear()  # the form counts submissions per address, and the live server's address is always the same
    page.goto(site + "/delen/")
    yield page
    cache.clear()


def fill_required_fields(page):
    page.locator("[name=title]").fill("Buurtkamer in de oude bibliotheek")
    page.locator("[name=municipality]").select_option(label="Tilburg")
    page.locator("[name=summary]").fill("Bewoners beheren samen een buurtkamer in de oude bibliotheek.")
    page.locator("[name=body]").fill("Een groep bewoners opende de buurtkamer met steun van de gemeente.")
    page.locator("[name=contact_name]").fill("Anna de Boer")
    page.locator("[name=contact_email]").fill("anna@tilburg.example")


def test_a_forgotten_field_is_explained_and_leads_back_to_the_field(form_page):
    page = form_page
    fill_required_fields(page)
    page.locator("[name=summary]").fill("")
    page.get_by_role("button", name="Verstuur naar de redactie").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(2)  # the summary and the consent
    expect(page.locator("[name=summary]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[name=consent]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[name=title]")).to_have_value("Buurtkamer in de oude bibliotheek")

    summary.get_by_role("link").first.click()
    assert page.url.endswith("#id_summary")


def test_a_complete_submission_is_thanked_for(form_page):
    page = form_page
    fill_required_fields(page)
    page.locator("[name=consent]").check()
    page.get_by_role("button", name="Verstuur naar de redactie").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw inzending")
    expect(page.get_by_role("main")).to_contain_text("Buurtkamer in de oude bibliotheek")


def test_the_extra_municipality_fields_show_only_when_the_municipality_is_not_listed(form_page):
    page = form_page
    new_name = page.locator("[name=new_municipality]")
    expect(new_name).to_be_hidden()
    page.locator("[name=municipality]").select_option(label="Mijn gemeente staat er niet bij")
    expect(new_name).to_be_visible()
    expect(page.locator("[name=new_province]")).to_be_visible()
    page.locator("[name=municipality]").select_option(label="Oss")
    expect(new_name).to_be_hidden()


def test_the_summary_counter_warns_instead_of_cutting_off(form_page):
    page = form_page
    summary = page.locator("[name=summary]")
    counter = page.locator("[data-count-for=id_summary]")
    expect(counter).to_have_text("U kunt nog 600 tekens typen.")
    summary.fill("x" * 590)
    expect(counter).to_have_text("U kunt nog 10 tekens typen.")
    summary.fill("x" * 612)
    expect(counter).to_have_text("12 tekens te veel: maak de tekst korter.")
    expect(summary).to_have_value("x" * 612)  # nothing cut off


def test_a_submitter_shares_a_case_and_gets_a_reference(site, new_page):
    cache.clear()
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport, bypass_csp=True)
        page.goto(site + "/delen/")
        fill_required_fields(page)
        page.locator("[name=title]").fill(f"Buurtkamer {viewport['width']}")
        page.locator("[name=municipality]").select_option(label="Oss")
        page.locator("[name=summary]").fill("Bewoners beheren samen een buurtkamer. " * 16)
        page.locator("[name=attachments]").set_input_files(
            [{"name": "verslag.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
        )
        save_screenshot(page, "submission-filled-in")
        page.get_by_role("button", name="Verstuur naar de redactie").click()

        summary = page.get_by_role("alert")
        expect(summary).to_contain_text("Samenvatting")
        expect(summary).to_contain_text("verslag.pdf")
        assert axe_violations(page) == []
        save_screenshot(page, "submission-errors")

        page.locator("[name=summary]").fill("Bewoners beheren samen een buurtkamer in de oude bibliotheek.")
        page.locator("[name=consent]").check()
        page.get_by_role("button", name="Verstuur naar de redactie").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw inzending")
        expect(page.get_by_role("main")).to_contain_text("Uw referentie: WW-")
        expect(page.get_by_role("heading", name="Wat er nu gebeurt")).to_be_visible()
        assert axe_violations(page) == []
        save_screenshot(page, "submission-thanks")

        page.get_by_role("link", name="privacyverklaring").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Privacyverklaring")
        assert axe_violations(page) == []
        save_screenshot(page, "privacy")
    cache.clear()

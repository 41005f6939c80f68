"""Sharing a case through the public form at /delen/, as someone from a municipality would."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST

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

"""Editors set a case's location on a map in the admin, by a click or by a municipality's name."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from knowledge.editorial.permissions import EDITORS_GROUP
from knowledge.models import CaseStudyPage
from tests.browser.support import BROWSER_TEST, save_screenshot
from tests.browser.test_review_ui import PASSWORD, log_in

pytestmark = BROWSER_TEST


@pytest.fixture
def editor(site):
    user = get_user_model().objects.create_user("erik", "erik@wijkwijs.example", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return site


def open_location(page, base, case):
    log_in(page, base, "erik")
    page.goto(f"{base}/admin/pages/{case.pk}/edit/")
    page.get_by_role("tab", name="Beheer").click()
    picker = page.locator(".location-picker")
    expect(picker).to_be_visible()
    return picker


def test_an_editor_sets_the_location_by_clicking_the_map(editor, new_page):
    case = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    page = new_page()
    picker = open_location(page, editor, case)
    picker.locator(".location-picker__map").click(position={"x": 200, "y": 150})
    latitude, longitude = page.locator("[name=latitude]").input_value(), page.locator("[name=longitude]").input_value()
    assert 50 < float(latitude) < 54 and 3 < float(longitude) < 8
    expect(picker.get_by_role("status")).to_have_text(f"Locatie gekozen: {latitude}, {longitude}.")
    expect(picker.locator(".location-picker__marker")).to_be_visible()
    save_screenshot(page, "admin-location-picker")

    page.locator("[data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_be_visible()
    case.refresh_from_db()
    assert (case.latitude, case.longitude) == (Decimal(latitude), Decimal(longitude))


def test_an_editor_sets_the_location_by_a_municipality_name_and_clears_it(editor, new_page):
    case = CaseStudyPage.objects.get(external_id="ex-straatcoaches")
    page = new_page()
    picker = open_location(page, editor, case)
    search = picker.get_by_label("Gemeente zoeken")
    search.fill("Atlantis")
    search.dispatch_event("change")
    expect(picker.get_by_role("status")).to_have_text("Geen gemeente met die naam; kies er een uit de lijst.")
    search.fill("Leiden")
    search.dispatch_event("change")
    expect(page.locator("[name=latitude]")).to_have_value("52.160000")
    expect(page.locator("[name=longitude]")).to_have_value("4.492000")
    picker.get_by_role("button", name="Locatie wissen").click()
    expect(page.locator("[name=latitude]")).to_have_value("")
    expect(picker.locator(".location-picker__marker")).to_have_count(0)

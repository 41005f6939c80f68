"""Searching with the mouse and with the keyboard alone."""

import re

from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST, PHONE

pytestmark = BROWSER_TEST


def test_a_click_on_a_filter_applies_it_and_paging_follows(site, page):
    page.goto(f"{site}/zoeken/")
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^\d+ praktijkvoorbeelden gevonden$"))

    page.get_by_role("group", name="Thema").get_by_role("checkbox", name=re.compile("^Zorg en welzijn")).click()
    expect(page).to_have_url(re.compile(r"theme=zorg-en-welzijn"))
    expect(page.locator("#result-count")).to_have_text("4 praktijkvoorbeelden gevonden")
    expect(page.get_by_role("link", name="Filter Thema: Zorg en welzijn verwijderen")).to_be_visible()

    page.goto(page.url + "&page_size=2")
    pagination = page.get_by_role("navigation", name="Paginering")
    expect(pagination).to_contain_text("Pagina 1 van 2")
    pagination.get_by_role("link", name="Volgende").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("Pagina 2 van 2")
    expect(page.locator(".result")).to_have_count(2)


def test_keyboard_users_choose_filters_first_and_then_apply_them(site, page):
    page.goto(f"{site}/zoeken/?q=wijk")
    checkbox = page.get_by_role("group", name="Provincie").get_by_role("checkbox", name=re.compile("^Limburg"))
    checkbox.focus()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    page.wait_for_timeout(300)
    assert "province" not in page.url  # toggling did not reload the page under the visitor's focus

    page.get_by_role("button", name="Filters toepassen").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"province=limburg"))
    expect(page.get_by_role("group", name="Provincie").get_by_role("checkbox", name=re.compile("^Limburg"))).to_be_checked()
    expect(page.locator("#result-count")).to_have_attribute("aria-live", "polite")


def test_autocomplete_works_with_the_keyboard(site, page):
    page.goto(f"{site}/zoeken/")
    expected = page.request.get(f"{site}/api/autocomplete/?q=straat").json()["suggestions"]
    assert expected, "the demo content has suggestions for 'straat'"

    search_box = page.get_by_role("combobox", name="Zoekterm")
    search_box.press_sequentially("straat", delay=30)
    listbox = page.get_by_role("listbox", name="Suggesties")
    expect(listbox).to_be_visible()
    expect(search_box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option")).to_have_count(len(expected))

    page.keyboard.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(search_box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(expected[0]["url"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(expected[0]["label"])


def test_escape_closes_the_suggestions(site, page):
    page.goto(f"{site}/zoeken/")
    search_box = page.get_by_role("combobox", name="Zoekterm")
    search_box.press_sequentially("wijk", delay=30)
    expect(page.get_by_role("listbox", name="Suggesties")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox", name="Suggesties")).to_be_hidden()
    expect(search_box).to_have_attribute("aria-expanded", "false")


def test_filters_fold_away_on_a_phone(site, new_page):
    page = new_page(viewport=PHONE)
    page.goto(f"{site}/zoeken/?q=wijk")
    toggle = page.get_by_role("button", name="Filters tonen")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("group", name="Thema")).to_be_hidden()
    toggle.click()
    expect(page.get_by_role("button", name="Filters verbergen")).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("group", name="Thema")).to_be_visible()

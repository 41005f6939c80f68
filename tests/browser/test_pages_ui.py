"""Reading a case, finding the way with the keyboard, switching language, printing."""

import re

from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST

pytestmark = BROWSER_TEST

CASE_URL = "/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/"


def test_a_case_page_shows_the_case_its_facts_and_where_it_sits(site, page):
    page.goto(site + CASE_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Straatcoaches tegen overlast op pleinen")
    breadcrumbs = page.get_by_role("navigation", name="Kruimelpad")
    expect(breadcrumbs.get_by_role("link")).to_have_text(["Home", "Praktijkvoorbeelden", "Leiden"])
    facts = page.get_by_role("complementary", name="Kenmerken")
    expect(facts).to_contain_text("Stevenshof")
    expect(facts.get_by_role("link", name="Veiligheid")).to_have_attribute("href", "/zoeken/?theme=veiligheid")
    expect(page.get_by_role("region", name="Verwante praktijkvoorbeelden").locator(".case-card").first).to_be_visible()

    facts.get_by_role("link", name="Leiden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leiden")


def test_printing_a_case_leaves_out_navigation(site, page):
    page.goto(site + CASE_URL)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("complementary", name="Kenmerken")).to_be_visible()


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_the_menu_marks_the_current_section(site, page):
    page.goto(site + "/themas/veiligheid/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Thema's")).to_have_attribute("aria-current", "true")
    expect(menu.locator("[aria-current]")).to_have_count(1)


def test_language_follows_the_browser_and_the_switch_in_the_header(site, page, new_page):
    page.goto(site + "/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("banner").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(site + "/")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()

    page.get_by_role("banner").get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()

    english_visitor = new_page(locale="en-GB")
    english_visitor.goto(site + "/zoeken/?q=wijk")
    expect(english_visitor.locator("html")).to_have_attribute("lang", "en")
    expect(english_visitor.locator("#result-count")).to_have_text(re.compile(r"case studies found"))

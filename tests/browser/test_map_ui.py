"""The map of cases: tied to the search and its filters, clustered, with popups, usable by keyboard."""

import re

from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST, axe_violations, save_screenshot

pytestmark = BROWSER_TEST

NARROW = {"width": 390, "height": 844}


def test_the_map_shows_the_filtered_search_in_clusters_with_popups(site, new_page):
    page = new_page(bypass_csp=True)
    page.goto(f"{site}/zoeken/?province=zuid-holland&province=utrecht&province=noord-brabant")
    count = int(re.match(r"\d+", page.locator("#result-count").inner_text()).group())

    page.get_by_role("navigation", name="Weergave").get_by_role("link", name="Kaart").click()
    expect(page).to_have_url(re.compile(r"province=zuid-holland&province=utrecht&province=noord-brabant&view=map"))
    expect(page.locator("#case-map-status")).to_have_text(f"{count} praktijkvoorbeelden op de kaart.")
    clusters = page.locator(".case-map__cluster")
    expect(clusters.first).to_be_visible()
    in_clusters = sum(int(text) for text in clusters.locator("[aria-hidden=true]").all_inner_texts())
    assert in_clusters + page.locator(".case-map__marker").count() == count
    save_screenshot(page, "map-search")
    assert axe_violations(page) == []

    # A cluster opens by keyboard; a marker's popup names the case and links to it.
    clusters.first.focus()
    page.keyboard.press("Enter")
    marker = page.locator(".case-map__marker").first
    expect(marker).to_be_visible()
    title = marker.get_attribute("title")
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    case_title = title.rsplit(" (", 1)[0]
    expect(popup.get_by_role("link", name=case_title)).to_be_visible()
    page.wait_for_timeout(500)  # the popup fades in and the map pans it into view
    expect(popup).to_contain_text("Op het centrum van de gemeente")
    save_screenshot(page, "map-popup")
    assert axe_violations(page) == []

    # Back to the list: the filters stay, and the filters keep the map.
    page.get_by_role("navigation", name="Weergave").get_by_role("link", name="Lijst").click()
    expect(page).to_have_url(re.compile(r"province=zuid-holland&province=utrecht&province=noord-brabant$"))
    expect(page.locator("#result-count")).to_have_text(f"{count} praktijkvoorbeelden gevonden")
    expect(page.locator(".case-map")).to_have_count(0)


def test_the_map_view_keeps_working_on_a_phone(site, new_page):
    page = new_page(viewport=NARROW, bypass_csp=True)
    page.goto(f"{site}/zoeken/?theme=veiligheid&view=map")
    expect(page.locator("#case-map-status")).to_contain_text("op de kaart")
    page.get_by_role("group", name="Provincie").get_by_role("checkbox").first.click()
    expect(page).to_have_url(re.compile(r"view=map"))
    expect(page.locator("#case-map-status")).to_contain_text("op de kaart")
    save_screenshot(page, "map-search")
    assert axe_violations(page) == []

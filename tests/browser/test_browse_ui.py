"""Browsing without a query: the case index and a theme page show where and when their cases are, with a map."""

import re

from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST, DESKTOP, axe_violations, save_screenshot

pytestmark = BROWSER_TEST

NARROW = {"width": 390, "height": 844}


def counts(page, heading):
    """{label: count} of one list of the shape section."""
    items = page.get_by_role("list", name=heading).get_by_role("listitem")
    found = {}
    for item in items.all():
        found[item.get_by_role("link").inner_text()] = int(item.locator(".facet-count").inner_text())
    return found


def test_the_case_index_shows_the_library_by_province_and_period_with_a_map(site, new_page):
    for viewport in (NARROW, DESKTOP):
        page = new_page(viewport=viewport, bypass_csp=True)
        page.goto(f"{site}/praktijkvoorbeelden/")
        shape = page.get_by_role("region", name="Waar en wanneer")
        provinces = counts(shape, "Per provincie")
        periods = counts(shape, "Per startperiode")
        # The twelve example cases: two in Zuid-Holland, four started in 2010-2014 and eight in 2015-2019.
        assert provinces["Zuid-Holland"] == 2
        assert periods == {"2010–2014": 4, "2015–2019": 8}
        total = sum(provinces.values())
        assert total == 12
        expect(shape.locator("#case-map-status")).to_have_text(f"{total} praktijkvoorbeelden op de kaart.")
        save_screenshot(page, "browse-cases")
        assert axe_violations(page) == []

    shape.get_by_role("list", name="Per startperiode").get_by_role("link", name="2015–2019").click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?year=2015-2019$"))
    expect(page.locator("#result-count")).to_have_text(f"{periods['2015–2019']} praktijkvoorbeelden gevonden")


def test_a_theme_page_shows_its_cases_by_province_and_period_with_a_map(site, new_page):
    for viewport in (NARROW, DESKTOP):
        page = new_page(viewport=viewport, bypass_csp=True)
        page.goto(f"{site}/themas/veiligheid/")
        cases = int(re.match(r"\d+", page.locator("#cases-heading").inner_text()).group())
        shape = page.get_by_role("region", name="Waar en wanneer")
        provinces = counts(shape, "Per provincie")
        assert sum(provinces.values()) == cases
        expect(shape.locator("#case-map-status")).to_have_text(f"{cases} praktijkvoorbeelden op de kaart.")
        save_screenshot(page, "browse-theme")
        assert axe_violations(page) == []

    province, count = next(iter(provinces.items()))
    shape.get_by_role("list", name="Per provincie").get_by_role("link", name=province).click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?theme=veiligheid&province=[a-z-]+$"))
    expect(page.locator("#result-count")).to_have_text(re.compile(rf"^{count} praktijkvoorbeeld(en)? gevonden"))

"""WCAG checks that a machine can do: axe-core in the browser and the Nu Html Checker on the served HTML.
Screenshots of the same pages at phone and desktop width land in test-artifacts/screenshots/ for people to judge."""

from playwright.sync_api import expect

from tests.browser.support import (
    ARTIFACTS,
    BROWSER_TEST,
    DESKTOP,
    PHONE,
    axe_violations,
    html_errors,
    save_screenshot,
)

pytestmark = BROWSER_TEST

KEY_PAGES = {
    "home": "/",
    "search": "/zoeken/?q=wijk&theme=veiligheid",
    "case": "/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/",
    "themes": "/themas/",
    "theme": "/themas/veiligheid/",
    "congress": "/congres/2015/",
    "accessibility": "/toegankelijkheid/",
    "privacy": "/privacy/",
    "submission": "/delen/",
    "case index": "/praktijkvoorbeelden/",
    "api docs": "/api/docs/",
}


def test_key_pages_have_no_axe_violations(site, new_page):
    found = {}
    for locale in ("nl-NL", "en-GB"):
        page = new_page(locale=locale, bypass_csp=True)
        for name, path in KEY_PAGES.items():
            page.goto(site + path)
            found[f"{name} ({locale})"] = axe_violations(page)
    assert not any(found.values()), found


def test_open_suggestions_and_form_errors_have_no_axe_violations(site, new_page):
    page = new_page(bypass_csp=True)
    page.goto(site + "/zoeken/")
    page.get_by_role("combobox", name="Zoekterm").press_sequentially("wijk", delay=30)
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("listbox", name="Suggesties")).to_be_visible()
    found = {"suggestions": axe_violations(page)}
    page.goto(site + "/delen/")
    page.get_by_role("button", name="Verstuur naar de redactie").click()
    expect(page.get_by_role("alert")).to_be_visible()
    found["form errors"] = axe_violations(page)
    assert not any(found.values()), found


def test_key_pages_are_valid_html(site, page):
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, path in KEY_PAGES.items():
        response = page.request.get(site + path)
        assert response.ok, path
        files.append(folder / f"{name}.html")
        files[-1].write_text(response.text(), encoding="utf-8")
    assert html_errors(files) == []


def test_key_pages_fit_a_320_pixel_screen_without_scrolling_sideways(site, new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    too_wide = {}
    for name, path in KEY_PAGES.items():
        page.goto(site + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[name] = width
    assert too_wide == {}


def test_screenshots_of_key_pages(site, new_page):
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport=viewport)
        for name, path in KEY_PAGES.items():
            page.goto(site + path)
            page.evaluate("document.fonts.ready")
            save_screenshot(page, name)
    assert len(list((ARTIFACTS / "screenshots").glob("*.png"))) >= 2 * len(KEY_PAGES)

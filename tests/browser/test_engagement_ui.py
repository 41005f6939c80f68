"""Following a theme and asking about a case in Chromium, each page checked by axe-core at phone and desktop
width; screenshots of every step in test-artifacts/screenshots/follow/ for people to judge."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from engagement.models import Follow
from tests.browser.support import ARTIFACTS, BROWSER_TEST, DESKTOP, axe_violations

pytestmark = BROWSER_TEST
SHOTS = ARTIFACTS / "screenshots" / "follow"
WIDTHS = (390, DESKTOP["width"])
CASE_URL = "/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/"


@pytest.fixture(autouse=True)
def links_to_the_live_server(live_server, settings):
    settings.SITE_BASE_URL = live_server.url


def at_both_widths(page, name):
    """axe-core's violations at phone and desktop width, with a screenshot of each; the page ends at desktop width."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        found[f"{name} at {width}"] = axe_violations(page)
    return {key: value for key, value in found.items() if value}


def link_in_mail(part):
    return re.search(rf"https?://\S*{re.escape(part)}\S*", mail.outbox[-1].body).group(0)


def test_follow_a_theme_confirm_and_unsubscribe(site, new_page):
    page = new_page(bypass_csp=True)
    page.goto(site + "/zoeken/?q=overlast&province=Zuid-Holland")
    following = page.get_by_role("region", name="Op de hoogte blijven")
    expect(following.get_by_role("link", name="Atom-feed van deze zoekopdracht")).to_have_attribute(
        "href", "/feeds/zoeken/?q=overlast&province=Zuid-Holland"
    )
    following.scroll_into_view_if_needed()
    violations = at_both_widths(page, "0-search-follow-links")
    page.goto(site + "/themas/veiligheid/")
    violations |= at_both_widths(page, "0-theme-page")
    page.get_by_role("link", name="Volg dit", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Volg dit")
    expect(page.get_by_text("Thema: Veiligheid")).to_be_visible()
    violations |= at_both_widths(page, "1-follow-form")

    page.get_by_label("Uw e-mailadres").fill("lotte@gemeente")
    page.get_by_role("button", name="Volg dit").click()
    expect(page.get_by_role("alert")).to_contain_text("Dit is geen geldig e-mailadres")
    expect(page.get_by_label("Uw e-mailadres")).to_have_value("lotte@gemeente")
    violations |= at_both_widths(page, "2-follow-error")

    page.get_by_label("Uw e-mailadres").fill("lotte@gemeente.example")
    page.get_by_role("button", name="Volg dit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekijk uw mail")
    violations |= at_both_widths(page, "3-follow-check-mail")

    page.goto(link_in_mail("/volgen/bevestigen/"))
    violations |= at_both_widths(page, "4-follow-confirm")
    page.get_by_role("button", name="Ja, ik wil dit volgen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U volgt dit nu")
    violations |= at_both_widths(page, "5-follow-confirmed")
    assert Follow.objects.get(email="lotte@gemeente.example").confirmed

    page.goto(link_in_mail("/volgen/afmelden/"))
    violations |= at_both_widths(page, "6-unsubscribe")
    page.get_by_role("button", name="Afmelden en mijn adres verwijderen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent afgemeld")
    violations |= at_both_widths(page, "7-unsubscribed")
    assert not Follow.objects.exists()

    page.goto(site + "/volgen/bevestigen/vervalst/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link klopt niet")
    violations |= at_both_widths(page, "8-forged-link")
    assert violations == {}


def test_ask_the_people_behind_a_case(site, new_page):
    page = new_page(bypass_csp=True)
    page.goto(site + CASE_URL)
    page.get_by_text("Stel een vraag", exact=True).click()
    form = page.locator(".ask-form")
    expect(form.get_by_label("Uw vraag")).to_be_visible()
    violations = at_both_widths(page, "9-ask-on-case-page")

    form.get_by_label("Uw naam").fill("Joost de Vries")
    form.get_by_label("Uw e-mailadres").fill("joost@utrecht.example")
    form.get_by_role("button", name="Verstuur uw vraag").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf uw vraag.")
    expect(page.get_by_label("Uw naam")).to_have_value("Joost de Vries")
    violations |= at_both_widths(page, "10-ask-error")

    page.get_by_label("Uw vraag").fill("Hoeveel straatcoaches liepen er per avond?")
    page.get_by_role("button", name="Verstuur uw vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw vraag is verstuurd")
    violations |= at_both_widths(page, "11-ask-sent")
    question, copy = mail.outbox
    assert copy.to == ["joost@utrecht.example"]
    assert "Hoeveel straatcoaches" in question.body
    assert violations == {}

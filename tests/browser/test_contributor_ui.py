"""A contributor writes and submits a case from their dashboard; an editor works through 'Te herzien' and merges
two themes. In Chromium, on a phone (390 px) and a desktop, with screenshots in test-artifacts/screenshots/."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from knowledge.models import CaseStudyPage, Theme
from tests.browser.support import BROWSER_TEST, DESKTOP, save_screenshot
from tests.people import PASSWORD, make_contributor, make_editor

pytestmark = BROWSER_TEST
PHONE_390 = {"width": 390, "height": 844}
SCREENS = pytest.mark.parametrize("viewport", [PHONE_390, DESKTOP], ids=["390", "1280"])
TITLE = "Buurtkamers in de Reeshof"


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("[name=username]").fill(username)
    page.locator("[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(base + "/admin/")


@SCREENS
def test_a_contributor_writes_a_case_and_sends_it_to_the_editors(site, new_page, viewport):
    make_contributor()
    page = new_page(locale="en-GB", viewport=viewport)  # an English browser still gets the Dutch admin
    page.goto(site + "/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Wijkwijs")
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    save_screenshot(page, "admin-login")
    log_in(page, site, "anna")

    expect(page.get_by_role("heading", name="Mijn praktijkvoorbeelden")).to_be_visible()
    save_screenshot(page, "admin-contributor-dashboard")
    page.get_by_role("link", name="Nieuw praktijkvoorbeeld").click()

    page.wait_for_selector("input[name='body-count']", state="attached")
    expect(page.get_by_text("Klaar? Kies onderaan ‘Stuur door naar Redactiecheck’")).to_be_visible()
    save_screenshot(page, "admin-contributor-new-case")
    for technical in ("external_id", "licence", "last_reviewed", "slug", "show_in_menus", "congress_editions"):
        expect(page.locator(f"[name={technical}]")).to_have_count(0)
    page.locator("[name=title]").fill(TITLE)
    page.locator("[name=summary]").fill("Bewoners openen hun huiskamer voor buren.")
    body = page.locator(".Draftail-Editor [contenteditable=true]").first
    expect(body).to_be_visible()  # a paragraph to type in, no empty area with a ⊕
    body.click()
    body.type("Elke woensdag staat de koffie klaar.")
    page.get_by_label("Veiligheid").check()
    page.get_by_label("Zorg en welzijn").check()
    tags = page.locator(".tagit-new input").first
    tags.fill("Participatie, Wijkgesprek")
    tags.press("Enter")
    page.get_by_label("Veiligheid").scroll_into_view_if_needed()
    save_screenshot(page, "admin-contributor-case-form")

    submit = page.locator("footer button[name=action-submit]").first
    expect(submit).to_be_visible()
    expect(submit).to_contain_text("Stuur door naar Redactiecheck")
    submit.click()
    expect(page.locator(".messages")).to_be_visible()

    case = CaseStudyPage.objects.get(title=TITLE)
    draft = case.get_latest_revision_as_object()
    assert case.workflow_in_progress and not case.live
    assert sorted(theme.name for theme in draft.themes.all()) == ["Veiligheid", "Zorg en welzijn"]
    assert sorted(tag.name for tag in draft.tags.all()) == ["Participatie", "Wijkgesprek"]
    assert "Elke woensdag staat de koffie klaar." in str(draft.body)

    page.goto(site + "/admin/")
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row.locator(".case-status")).to_have_text("bij de redactie")
    save_screenshot(page, "admin-contributor-dashboard-submitted")


@SCREENS
def test_an_editor_clears_te_herzien_and_merges_two_themes(site, new_page, viewport):
    make_editor()
    make_contributor()
    CaseStudyPage.objects.update(last_reviewed=timezone.localdate())
    never = CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")
    CaseStudyPage.objects.filter(pk=never.pk).update(last_reviewed=None)
    page = new_page(viewport=viewport)
    log_in(page, site, "erik")

    page.goto(site + "/admin/reports/te-herzien/")
    row = page.get_by_role("row").filter(has_text=never.title)
    expect(row).to_contain_text("nooit beoordeeld")
    save_screenshot(page, "admin-editor-te-herzien")
    row.get_by_role("button", name="Herinner de bijdrager").click()
    expect(page.locator(".messages")).to_contain_text("verstuurd naar anna@tilburg.example")
    page.get_by_role("row").filter(has_text=never.title).get_by_role("button", name="Markeer als beoordeeld").click()
    expect(page.locator(".messages")).to_contain_text("is gemarkeerd als beoordeeld")
    expect(page.get_by_text("Alle gepubliceerde praktijkvoorbeelden zijn de afgelopen tijd beoordeeld.")).to_be_visible()
    save_screenshot(page, "admin-editor-te-herzien-done")

    armoede = Theme.objects.get(slug="armoede")
    page.goto(site + "/admin/snippets/knowledge/theme/")
    expect(page.get_by_role("columnheader", name="Praktijkvoorbeelden")).to_be_visible()
    save_screenshot(page, "admin-editor-themes")
    page.goto(f"{site}/admin/themas/{armoede.pk}/samenvoegen/")
    page.get_by_label("Samenvoegen met").select_option(label="Werk en inkomen")
    save_screenshot(page, "admin-editor-merge-theme")
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.locator(".messages")).to_contain_text("‘Armoede en schulden’ is samengevoegd met ‘Werk en inkomen’")

    visitor = new_page(viewport=viewport)
    visitor.goto(site + "/themas/armoede/")
    expect(visitor).to_have_url(site + "/themas/werk-en-inkomen/")

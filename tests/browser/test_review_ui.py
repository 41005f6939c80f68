"""A contributor writes a case in the admin and submits it; an editor approves it. In a real browser."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from knowledge.editorial.permissions import EDITORS_GROUP
from knowledge.models import CaseStudyPage, MunicipalityPage
from tests.browser.support import BROWSER_TEST

pytestmark = BROWSER_TEST
PASSWORD = "een-lang-en-sterk-wachtwoord-2026"
TITLE = "Buurtkamers in de Reeshof"


@pytest.fixture
def people(site):
    call_command("add_contributor", "anna", "anna@tilburg.example", "Tilburg", "--password", PASSWORD, stdout=io.StringIO())
    editor = get_user_model().objects.create_user("erik", "erik@wijkwijs.example", PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return site


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("[name=username]").fill(username)
    page.locator("[name=password]").fill(PASSWORD)
    page.locator("form [type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")


def editor_form_ready(page):
    """The StreamField writes its hidden fields with JavaScript; submitting before that loses the body."""
    page.wait_for_selector("input[name='body-count']", state="attached")


def test_contributor_submits_and_editor_approves(people, new_page):
    base = people
    tilburg = MunicipalityPage.objects.get(slug="tilburg")

    contributor = new_page()
    log_in(contributor, base, "anna")
    contributor.goto(f"{base}/admin/pages/add/knowledge/casestudypage/{tilburg.pk}/")
    editor_form_ready(contributor)
    contributor.locator("[name=title]").fill(TITLE)
    contributor.locator("[name=summary]").fill("Bewoners openen hun huiskamer voor buren.")
    contributor.locator("[data-w-dropdown-target=toggle]").last.click()
    contributor.locator("button[name=action-submit]").click()
    expect(contributor.locator(".messages")).to_be_visible()

    case = CaseStudyPage.objects.get(title=TITLE)
    assert not case.live and case.workflow_in_progress

    editor = new_page()
    log_in(editor, base, "erik")
    editor.goto(f"{base}/admin/pages/{case.pk}/edit/")
    editor_form_ready(editor)
    editor.locator("[data-w-dropdown-target=toggle]").last.click()
    editor.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    expect(editor.locator(".messages")).to_be_visible()

    case.refresh_from_db()
    assert case.live
    visitor = new_page()
    visitor.goto(base + case.url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)

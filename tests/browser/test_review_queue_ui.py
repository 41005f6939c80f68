"""An editor finds a submission from the public form in the review queue, sees who sent it, and asks for changes."""

from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from knowledge.models import CaseStudyPage
from tests.browser.support import BROWSER_TEST, DESKTOP, save_screenshot
from tests.browser.test_review_ui import PASSWORD, log_in, people  # noqa: F401 - the fixture
from tests.browser.test_submission_ui import PHONE, fill_required_fields

pytestmark = BROWSER_TEST
TITLE = "Buurtkamer in de oude bibliotheek"


def test_editor_sees_who_sent_a_submission_and_asks_for_changes(people, new_page):
    base = people
    cache.clear()
    submitter = new_page()
    submitter.goto(base + "/delen/")
    fill_required_fields(submitter)
    submitter.locator("[name=consent]").check()
    submitter.get_by_role("button", name="Verstuur naar de redactie").click()
    expect(submitter.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw inzending")
    case = CaseStudyPage.objects.get(title=TITLE)

    for viewport in (PHONE, DESKTOP):
        editor = new_page(viewport=viewport)
        log_in(editor, base, "erik")
        queue = editor.locator("#awaiting-review-content, [id^=awaiting-review]").first
        row = editor.get_by_role("row").filter(has_text=TITLE)
        expect(row).to_contain_text("Anna de Boer")
        expect(row).to_contain_text("via formulier")
        expect(row).to_contain_text("Tilburg")
        expect(queue).to_contain_text("Wacht sinds")
        save_screenshot(editor, "review-queue")

    mail.outbox.clear()
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.locator("button[data-workflow-action-url*='/reject/']").click()
    editor.locator("textarea[name=comment]").fill("Welke resultaten zag u na een jaar?")
    editor.locator("form [type=submit]").last.click()
    expect(editor.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)
    save_screenshot(editor, "review-queue-after-request")

    case.refresh_from_db()
    assert case.workflow_states.order_by("-created_at").first().status == "needs_changes"
    asked = [message for message in mail.outbox if message.to == ["anna@tilburg.example"]]
    assert asked and "Welke resultaten zag u na een jaar?" in asked[0].body
    cache.clear()

"""What a public submitter and the editors see around a submission: the municipality list, the counter, the
files to choose again, the reference, the mails at each step of the review, the privacy statement, the queue."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.checks import run_checks
from django.urls import reverse

from knowledge.models import CaseStudyPage, MunicipalityPage
from knowledge.municipalities import LIST_DATE, current_municipalities
from knowledge.operations.demo import load_demo
from knowledge.provinces import Province
from tests.knowledge.submission.test_submission import form_data, pdf_file
from tests.people import make_contributor, make_editor

pytestmark = pytest.mark.django_db
SITE = "https://wijkwijs.example.nl"
TITLE = "Buurtkamers in de Reeshof"


@pytest.fixture(autouse=True)
def library(settings):
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = SITE
    settings.EDITORS_EMAIL = "redactie@wijkwijs.example"
    cache.clear()
    load_demo()
    yield
    cache.clear()


def submit(client, capture, **changes):
    with capture(execute=True):
        response = client.post("/delen/", form_data(**changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return CaseStudyPage.objects.get(title=changes.get("title", TITLE))


def editor():
    return get_user_model().objects.filter(username="erik").first() or make_editor()


def review(client, case, action, comment, capture):
    client.force_login(editor())
    task_state = case.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(case.pk, action, task_state.pk))
    with capture(execute=True):
        assert client.post(url, {"comment": comment}).status_code in (200, 302)


def test_the_list_holds_every_current_municipality_once_with_its_province():
    municipalities = current_municipalities()
    assert len(municipalities) == 342 and LIST_DATE.isoformat() == "2025-01-01"
    assert len({m.cbs_code for m in municipalities}) == 342 and len({m.name for m in municipalities}) == 342
    assert all(len(m.cbs_code) == 6 and m.cbs_code.startswith("GM") and m.cbs_code[2:].isdigit() for m in municipalities)
    assert {m.province for m in municipalities} == set(Province)
    named = {m.name: (m.cbs_code, m.province) for m in municipalities}
    assert named["Amsterdam"] == ("GM0363", Province.NOORD_HOLLAND)
    assert named["Voorne aan Zee"] == ("GM1992", Province.ZUID_HOLLAND)
    assert "Weesp" not in named and "Brielle" not in named


def test_the_form_offers_every_municipality_and_explains_the_extra_fields(client):
    html = client.get("/delen/").content.decode()
    assert html.count('<option value="GM') == 342
    assert '<option value="GM0828">Oss</option>' in html and "&#x27;s-Gravenhage" in html
    assert 'data-shown-for="__nieuw__"' in html and 'name="new_municipality"' in html


def test_a_listed_municipality_without_cases_becomes_a_draft_with_its_code_and_province(
    client, django_capture_on_commit_callbacks
):
    case = submit(client, django_capture_on_commit_callbacks, municipality="GM0828")
    oss = MunicipalityPage.objects.get(title="Oss")
    assert not oss.live and oss.cbs_code == "GM0828" and oss.province == Province.NOORD_BRABANT
    assert case.municipality == oss
    assert submit(client, django_capture_on_commit_callbacks, municipality="GM0828", title="Tweede").municipality == oss


def test_the_summary_is_counted_not_cut_off(client):
    html = client.get("/delen/").content.decode()
    summary = html[html.index('<textarea name="summary"') :]
    assert "maxlength" not in summary[: summary.index(">")]
    assert 'data-count-for="id_summary" data-max="600"' in html and "Hoogstens 600 tekens." in html
    too_long = "Bewoners beheren samen een buurtkamer. " * 20
    response = client.post("/delen/", form_data(summary=too_long))
    assert response.status_code == 400
    html = response.content.decode()
    assert "niet meer dan 600 tekens" in html and too_long.strip() in html


def test_after_an_error_the_form_names_the_files_to_choose_again(client):
    response = client.post("/delen/", form_data(title="", attachments=[pdf_file("verslag.pdf"), pdf_file("begroting.pdf")]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies deze 2 bestanden opnieuw" in html and "<li>verslag.pdf</li>" in html and "<li>begroting.pdf</li>" in html
    assert (
        "opnieuw"
        not in client.post("/delen/", form_data(title=""))
        .content.decode()
        .split("Controleer de volgende velden")[1]
        .split("</div>")[0]
    )


def test_the_thank_you_gives_a_reference_and_says_what_happens_next(client, django_capture_on_commit_callbacks):
    case = submit(client, django_capture_on_commit_callbacks)
    html = client.get("/delen/bedankt/").content.decode()
    assert f"WW-{case.pk}" in html and "binnen tien werkdagen" in html and 'href="/privacy/"' in html
    thanks = next(message for message in mail.outbox if message.to == ["fatima@tilburg.example"])
    assert f"[WW-{case.pk}]" in thanks.subject and f"Uw referentie is WW-{case.pk}" in thanks.body
    assert thanks.body.startswith("Beste Fatima Yilmaz,") and f"{SITE}/privacy/" in thanks.body
    assert thanks.reply_to == ["redactie@wijkwijs.example"]
    to_editors = next(message for message in mail.outbox if "erik" in str(message.to) or "redactie@" in str(message.to))
    assert f"{SITE}/admin/pages/{case.pk}/edit/" in to_editors.body and "localhost" not in to_editors.body


def test_a_submission_from_an_english_browser_is_mailed_in_the_sites_language(client, django_capture_on_commit_callbacks):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    case = submit(client, django_capture_on_commit_callbacks)
    assert sorted(message.subject for message in mail.outbox) == [
        f"Bedankt voor uw praktijkvoorbeeld: {TITLE} [WW-{case.pk}]",
        f"Nieuwe inzending: {TITLE}",
    ]


def test_a_request_for_changes_reaches_the_submitter_with_the_comment(client, django_capture_on_commit_callbacks):
    case = submit(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    review(client, case, "reject", "Welke resultaten zag u na een jaar?", django_capture_on_commit_callbacks)
    [message] = [message for message in mail.outbox if message.to == ["fatima@tilburg.example"]]
    assert "vraag" in message.subject and f"WW-{case.pk}" in message.subject
    assert "Welke resultaten zag u na een jaar?" in message.body and "Antwoord op deze mail" in message.body
    assert message.reply_to == ["redactie@wijkwijs.example"]


def test_publication_reaches_the_submitter_with_the_public_link(client, django_capture_on_commit_callbacks):
    case = submit(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    review(client, case, "approve", "Mooi voorbeeld, dank!", django_capture_on_commit_callbacks)
    [message] = [message for message in mail.outbox if message.to == ["fatima@tilburg.example"]]
    assert f"{SITE}/praktijkvoorbeelden/tilburg/buurtkamers-in-de-reeshof/" in message.body
    assert "Mooi voorbeeld, dank!" in message.body and "localhost" not in message.body


def test_deleting_an_unpublished_submission_tells_the_submitter_it_is_declined(client, django_capture_on_commit_callbacks):
    case = submit(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.force_login(editor())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{case.pk}/delete/")
    assert not CaseStudyPage.objects.filter(pk=case.pk).exists()
    [message] = mail.outbox
    assert message.to == ["fatima@tilburg.example"] and "niet geplaatst" in message.subject


def contributor_case(client, django_capture_on_commit_callbacks):
    contributor = make_contributor()
    contributor.first_name, contributor.last_name = "Anna", "de Boer"
    contributor.save()
    tilburg = MunicipalityPage.objects.get(slug="tilburg")
    case = tilburg.add_child(
        instance=CaseStudyPage(title=TITLE, summary="Bewoners openen hun huiskamer.", live=False, owner=contributor)
    )
    case.save_revision(user=contributor)
    case.get_workflow().start(case, contributor)
    return case


def test_a_contributor_is_greeted_by_name_and_gets_the_comment_and_the_public_link(client, django_capture_on_commit_callbacks):
    case = contributor_case(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    review(client, case, "reject", "Graag een foto erbij.", django_capture_on_commit_callbacks)
    [changes] = [message for message in mail.outbox if message.to == ["anna@tilburg.example"]]
    assert changes.body.startswith("Beste Anna de Boer,") and "Graag een foto erbij." in changes.body
    assert f"{SITE}/admin/pages/{case.pk}/edit/" in changes.body

    case.refresh_from_db()
    case.workflow_states.order_by("-created_at").first().resume(case.owner)
    mail.outbox.clear()
    review(client, case, "approve", "Dank, staat erop.", django_capture_on_commit_callbacks)
    [approved] = [message for message in mail.outbox if message.to == ["anna@tilburg.example"]]
    assert approved.body.startswith("Beste Anna de Boer,") and "Dank, staat erop." in approved.body
    assert f"{SITE}/praktijkvoorbeelden/tilburg/buurtkamers-in-de-reeshof/" in approved.body
    assert "localhost" not in approved.body


def test_the_review_queue_says_who_sent_each_case_and_since_when(client, django_capture_on_commit_callbacks):
    submit(client, django_capture_on_commit_callbacks, municipality="GM0828", title="Via het formulier")
    contributor_case(client, django_capture_on_commit_callbacks)
    client.force_login(editor())
    html = client.get("/admin/").content.decode()
    queue = html[html.index("Te beoordelen") :]
    assert "Via het formulier" in queue and "Fatima Yilmaz" in queue and "via formulier" in queue and "Oss" in queue
    assert TITLE in queue and "Anna de Boer" in queue and "account" in queue and "Tilburg" in queue
    assert "Wacht sinds" in queue


@pytest.mark.parametrize(
    "language, heading, rights", [("nl", "Privacyverklaring", "Uw rechten"), ("en", "Privacy statement", "Your rights")]
)
def test_the_privacy_statement_is_there_in_both_languages(client, language, heading, rights):
    html = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in html and rights in html
    assert 'href="mailto:redactie@wijkwijs.example"' in html


def test_the_privacy_statement_is_linked_from_the_footer_and_the_form(client):
    assert client.get("/").content.decode().count('href="/privacy/"') == 1
    assert client.get("/delen/").content.decode().count('href="/privacy/"') == 2  # footer and the personal details


def test_deploy_check_warns_while_the_public_address_is_localhost(settings):
    settings.SITE_BASE_URL = "http://127.0.0.1:8000"
    assert "wijkwijs.W001" in [message.id for message in run_checks(include_deployment_checks=True)]
    settings.SITE_BASE_URL = SITE
    assert "wijkwijs.W001" not in [message.id for message in run_checks(include_deployment_checks=True)]

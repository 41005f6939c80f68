"""'Stel een vraag' on a case page: to the contact person who agreed to be approached, else to the editors; a copy
to the asker; the contact's address never on the page; nothing kept but a count per case."""

import pytest
from django.core import mail

from engagement.models import CaseQuestionCount
from knowledge.models import CaseStudyPage
from tests.people import make_contributor, make_editor

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
CASE_PATH = "/praktijkvoorbeelden/leiden/straatcoaches-tegen-overlast-op-pleinen/"
CONTACT = "sanne.contact@leiden.example"
QUESTION = {"name": "Joost de Vries", "email": "joost@utrecht.example", "question": "Hoeveel straatcoaches liepen er per avond?"}


@pytest.fixture(autouse=True)
def library(demo_library, settings):
    settings.SITE_BASE_URL = "https://wijkwijs.example"
    settings.EDITORS_EMAIL = "redactie@wijkwijs.example"


def the_case():
    return CaseStudyPage.objects.get(url_path__endswith="/straatcoaches-tegen-overlast-op-pleinen/")


def with_contact(public):
    case = the_case()
    case.contact_name, case.contact_email, case.contact_public = "Sanne Bakker", CONTACT, public
    case.save_revision().publish()
    return the_case()


def ask(client, case, **changes):
    return client.post(f"/vraag/{case.pk}/", {**QUESTION, "website": "", **changes})


def test_a_consenting_contact_gets_the_question_and_the_asker_a_copy(client):
    case = with_contact(public=True)
    page = client.get(CASE_PATH).content.decode()
    assert "Stel een vraag" in page and f'action="/vraag/{case.pk}/"' in page
    answer = ask(client, case)
    assert answer.status_code == 302
    assert "Uw vraag is verstuurd" in client.get(answer["Location"]).content.decode()
    question, copy = mail.outbox
    assert question.to == [CONTACT]
    assert question.reply_to == [QUESTION["email"]]
    assert QUESTION["question"] in question.body and "joost@utrecht.example" in question.body
    assert "https://wijkwijs.example" + CASE_PATH in question.body
    assert copy.to == [QUESTION["email"]]
    assert QUESTION["question"] in copy.body
    assert CONTACT not in copy.body and CONTACT not in copy.subject
    assert CaseQuestionCount.objects.get(case=case).count == 1


def test_without_consent_the_editors_get_it_and_the_address_stays_hidden(client):
    case = with_contact(public=False)
    make_editor()
    page = client.get(CASE_PATH).content.decode()
    assert CONTACT not in page
    assert "Uw vraag gaat naar de redactie" in page
    ask(client, case)
    question, copy = mail.outbox
    assert question.to == ["erik@wijkwijs.example"]
    assert "stuur de vraag door" in question.body
    assert CONTACT not in copy.body + client.get(f"/vraag/{case.pk}/verstuurd/").content.decode()


def test_without_editor_accounts_the_question_goes_to_the_editors_address(client):
    ask(client, the_case())
    assert mail.outbox[0].to == ["redactie@wijkwijs.example"]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"email": "joost@"}, "Dit is geen geldig e-mailadres"),
        ({"email": "joost@utrecht.example\nBcc: iedereen@example.org"}, "Dit is geen geldig e-mailadres"),
        ({"name": "Joost\r\nBcc: iedereen@example.org"}, "Gebruik hier geen regeleinden"),
        ({"question": "x" * 2001}, "2000"),
        ({"question": ""}, "Schrijf uw vraag."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_typed_is_lost(client, changes, message):
    case = the_case()
    answer = ask(client, case, **changes)
    assert answer.status_code == 400
    assert message in answer.content.decode()
    form = answer.context["form"]
    for name, value in {**QUESTION, **changes}.items():
        assert form[name].value() == value
    assert mail.outbox == []
    assert not CaseQuestionCount.objects.exists()


def test_a_filled_honeypot_sends_nothing(client):
    assert ask(client, the_case(), website="http://spam.example").status_code == 302
    assert mail.outbox == [] and not CaseQuestionCount.objects.exists()


def test_questions_share_the_per_address_limit(client):
    case = the_case()
    for _ in range(5):
        assert ask(client, case).status_code == 302
    limited = ask(client, case)
    assert limited.status_code == 429
    assert limited.context["form"]["question"].value() == QUESTION["question"]
    assert len(mail.outbox) == 10
    assert CaseQuestionCount.objects.get(case=case).count == 5


def test_a_failing_mail_server_keeps_the_question_and_counts_nothing(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    answer = ask(client, the_case())
    assert answer.status_code == 503
    assert "kon nu niet worden verstuurd" in answer.content.decode()
    assert answer.context["form"]["question"].value() == QUESTION["question"]
    assert not CaseQuestionCount.objects.exists()


def test_editors_and_the_cases_contributor_see_the_count_others_do_not(client):
    tilburg = CaseStudyPage.objects.filter(municipality__title="Tilburg").first()
    leiden = the_case()
    for case, times in ((tilburg, 2), (leiden, 1)):
        for _ in range(times):
            ask(client, case)
    editor = make_editor()
    contributor = make_contributor()  # Tilburg
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert "Vragen via Wijkwijs" in dashboard
    assert tilburg.title in dashboard and leiden.title in dashboard
    client.logout()
    client.force_login(contributor)
    dashboard = client.get("/admin/")
    panel = next(panel for panel in dashboard.context["panels"] if panel.name == "question_counts")
    assert [(entry.case.pk, entry.count) for entry in panel.counts] == [(tilburg.pk, 2)]

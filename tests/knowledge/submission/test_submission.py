"""The public form /delen/: a draft for the editors, and nothing else, whatever arrives."""

import io
import tracemalloc
import zipfile

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from knowledge.models import CaseStudyPage, MunicipalityPage
from knowledge.operations.demo import load_demo
from tests.people import make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo():
    load_demo()


def form_data(**changes):
    data = {
        "title": "Buurtkamers in de Reeshof",
        "municipality": "GM0855",  # Tilburg
        "summary": "Bewoners openen hun huiskamer voor buren.",
        "body": "Elke woensdag gaat er een deur open.\n\nDe wijkcoach helpt met de planning.",
        "themes": ["ouderen", "zorg-en-welzijn"],
        "year_start": "2022",
        "neighbourhoods": "Reeshof\nHeikant",
        "contact_name": "Fatima Yilmaz",
        "contact_role": "wijkcoach",
        "contact_email": "fatima@tilburg.example",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def pdf_file(name="verslag.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf")


def png_file(name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "orange").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def docx_file(name="plan.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def test_form_shows_every_field_and_the_hidden_honeypot(client, demo):
    html = client.get("/delen/").content.decode()
    for name in (
        "title",
        "municipality",
        "summary",
        "body",
        "contact_name",
        "contact_email",
        "consent",
        "website",
        "attachments",
    ):
        assert f'name="{name}"' in html
    assert '<option value="GM0855">Tilburg</option>' in html


def test_valid_submission_becomes_an_unpublished_draft_in_review(client, demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/delen/", form_data(attachments=[pdf_file(), png_file(), docx_file()]))
    assert response.status_code == 302 and response["Location"] == "/delen/bedankt/"
    case = CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof")
    assert not case.live and case.municipality.slug == "tilburg"
    assert case.workflow_in_progress and case.current_workflow_task.name == "Beoordeling door de redactie"
    assert {theme.slug for theme in case.themes.all()} == {"ouderen", "zorg-en-welzijn"}
    assert case.neighbourhood_list == ["Reeshof", "Heikant"]
    assert case.attachments.count() == 3
    assert {attachment.document.collection.name for attachment in case.attachments.all()} == {"Inzendingen"}
    assert not case.contact_public
    recipients = [message.to for message in mail.outbox]
    assert ["fatima@tilburg.example"] in recipients and len(recipients) >= 2
    assert "Buurtkamers in de Reeshof" in client.get("/delen/bedankt/").content.decode()


def test_attachments_stay_private_until_publication(client, demo):
    client.post("/delen/", form_data(attachments=[pdf_file()]))
    case = CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof")
    document = case.attachments.first().document
    assert client.get(document.url).status_code in (302, 403)
    case.save_revision().publish()
    document.refresh_from_db()
    assert document.collection.name != "Inzendingen"
    assert client.get(document.url).status_code == 200


def test_new_municipality_is_created_as_a_draft_too(client, demo):
    client.post("/delen/", form_data(municipality="__nieuw__", new_municipality="Oss", new_province="noord-brabant"))
    oss = MunicipalityPage.objects.get(title="Oss")
    assert not oss.live and oss.province == "noord-brabant"
    assert CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof").municipality == oss


def approve_in_the_admin(client, case):
    """What an editor's "Goedkeuren en publiceren" does."""
    client.force_login(make_editor())
    task_state = case.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(case.pk, "approve", task_state.pk))
    assert client.post(url, {"comment": ""}).status_code in (200, 302)


def test_approving_a_case_publishes_its_new_municipality(client, demo):
    client.post("/delen/", form_data(municipality="__nieuw__", new_municipality="Oss", new_province="noord-brabant"))
    approve_in_the_admin(client, CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof"))
    client.logout()
    assert client.get("/praktijkvoorbeelden/oss/buurtkamers-in-de-reeshof/").status_code == 200
    municipality_page = client.get("/praktijkvoorbeelden/oss/")
    assert municipality_page.status_code == 200 and "Buurtkamers in de Reeshof" in municipality_page.content.decode()
    assert 'href="/praktijkvoorbeelden/oss/"' in client.get("/praktijkvoorbeelden/").content.decode()


def test_invalid_input_keeps_every_value_and_explains_in_dutch(client, demo):
    response = client.post("/delen/", form_data(title="", contact_email="geen-adres", consent=None))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Controleer de volgende velden" in html
    assert "Zonder uw toestemming kunnen we de inzending niet bewaren." in html
    assert "Voer een geldig e-mailadres in." in html
    assert 'value="geen-adres"' in html and "Bewoners openen hun huiskamer voor buren." in html
    assert 'value="ouderen" checked' in html or 'value="ouderen"' in html
    assert not CaseStudyPage.objects.filter(title="").exists()
    assert CaseStudyPage.objects.count() == 12


def test_filled_honeypot_stores_nothing_but_thanks_as_usual(client, demo):
    response = client.post("/delen/", form_data(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == "/delen/bedankt/"
    assert not CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()
    assert mail.outbox == []


def test_more_than_five_submissions_an_hour_get_429_with_the_form_still_filled_in(client, demo, settings):
    settings.EDITORS_EMAIL = "redactie@wijkwijs.example"
    for number in range(5):
        assert client.post("/delen/", form_data(title=f"Inzending {number}")).status_code == 302
    response = client.post("/delen/", form_data(title="De zesde"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Uw inzending is nog niet bewaard" in html and "al 5 praktijkvoorbeelden" in html and 'value="De zesde"' in html
    assert '<a href="mailto:redactie@wijkwijs.example">redactie@wijkwijs.example</a>' in html
    assert not CaseStudyPage.objects.filter(title="De zesde").exists()
    other_address = client.post("/delen/", form_data(title="Van elders"), REMOTE_ADDR="10.9.8.7")
    assert other_address.status_code == 302


def test_form_mistakes_do_not_count_towards_the_limit(client, demo):
    for _ in range(5):
        assert client.post("/delen/", form_data(contact_email="geen-adres")).status_code == 400
    assert client.post("/delen/", form_data()).status_code == 302
    assert CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()


def test_behind_a_proxy_the_limit_counts_per_visitor_not_per_proxy(client, demo, settings):
    settings.PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(5):
        # What a visitor puts in X-Forwarded-For themselves stays left of what the proxy appends.
        forwarded = f"192.0.2.{number}, 203.0.113.5"
        assert (
            client.post("/delen/", form_data(title=f"Inzending {number}"), HTTP_X_FORWARDED_FOR=forwarded, **proxy).status_code
            == 302
        )
    assert client.post("/delen/", form_data(title="De zesde"), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    assert client.post("/delen/", form_data(title="Een ander"), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 302


@pytest.mark.parametrize(
    "upload, reason",
    [
        (SimpleUploadedFile("virus.exe", b"MZ\x90\x00" + b"\x00" * 100), "geen PDF"),
        (SimpleUploadedFile("nep.pdf", b"Dit is gewoon tekst met een .pdf-naam"), "geen PDF"),
        (SimpleUploadedFile("kapot.png", b"\x89PNG\r\n\x1a\n" + b"rommel" * 10), "geen PDF"),
        (SimpleUploadedFile("archief.zip", b"PK\x03\x04" + b"\x00" * 50), "geen PDF"),
        (SimpleUploadedFile("leeg.pdf", b""), "leeg"),
    ],
)
def test_uploads_are_checked_by_content(client, demo, upload, reason):
    response = client.post("/delen/", form_data(attachments=[upload]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "PDF, Office-document of afbeelding" in html or "leeg" in html
    assert not CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()


def odt_file(mimetype, compression=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("mimetype", mimetype)
    return SimpleUploadedFile("tekst.odt", buffer.getvalue())


def encrypted(upload):
    """The same archive with its entry marked as encrypted (general purpose flag bit 0)."""
    data = bytearray(upload.read())
    data[6] |= 1
    data[data.rfind(b"PK\x01\x02") + 8] |= 1
    return SimpleUploadedFile(upload.name, bytes(data))


def corrupted(upload):
    data = bytearray(upload.read())
    data[40:50] = b"\xff" * 10
    return SimpleUploadedFile(upload.name, bytes(data))


def test_an_opendocument_file_is_accepted(client, demo):
    response = client.post("/delen/", form_data(attachments=[odt_file(b"application/vnd.oasis.opendocument.text")]))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "make_upload",
    [
        lambda: encrypted(odt_file(b"application/vnd.oasis.opendocument.text")),
        lambda: corrupted(odt_file(b"application/vnd.oasis.opendocument.text" * 100, zipfile.ZIP_DEFLATED)),
    ],
    ids=["encrypted", "corrupt"],
)
def test_unreadable_office_archives_are_refused_not_an_error(client, demo, make_upload):
    response = client.post("/delen/", form_data(attachments=[make_upload()]))
    assert response.status_code == 400 and "PDF, Office-document of afbeelding" in response.content.decode()


def test_a_zip_bomb_is_refused_without_unpacking_it(client, demo):
    bomb = odt_file(b"x" * 64 * 1024 * 1024, zipfile.ZIP_DEFLATED)  # some 64 KB that unpack to 64 MB
    tracemalloc.start()
    try:
        response = client.post("/delen/", form_data(attachments=[bomb]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 400 and "PDF, Office-document of afbeelding" in response.content.decode()
    assert peak < 16 * 1024 * 1024


def test_oversized_uploads_are_refused(client, demo, monkeypatch):
    monkeypatch.setattr("knowledge.submission.uploads.MAX_FILE_BYTES", 20)
    response = client.post("/delen/", form_data(attachments=[pdf_file()]))
    assert response.status_code == 400 and "te groot" in response.content.decode()


def test_too_many_files_are_refused(client, demo):
    response = client.post("/delen/", form_data(attachments=[pdf_file(f"{n}.pdf") for n in range(6)]))
    assert response.status_code == 400 and "hoogstens 5 bijlagen" in response.content.decode()


def test_nothing_is_half_saved_when_storing_fails(client, demo, monkeypatch):
    def broken_workflow(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr("wagtail.models.Workflow.start", broken_workflow)
    documents_before = __import__("wagtail.documents", fromlist=["get_document_model"]).get_document_model().objects.count()
    response = client.post("/delen/", form_data(attachments=[pdf_file()]))
    assert response.status_code == 503 and "er is niets bewaard" in response.content.decode()
    assert not CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()
    assert (
        __import__("wagtail.documents", fromlist=["get_document_model"]).get_document_model().objects.count() == documents_before
    )


def test_submitted_drafts_are_nowhere_public(client, demo):
    client.post("/delen/", form_data(title="Geheime buurtkamers", summary="Uniekwoord zzyzx."))
    case = CaseStudyPage.objects.get(title="Geheime buurtkamers")
    assert client.get("/praktijkvoorbeelden/tilburg/geheime-buurtkamers/").status_code == 404
    assert "Geheime buurtkamers" not in client.get("/praktijkvoorbeelden/tilburg/").content.decode()
    assert "Geheime buurtkamers" not in client.get("/feeds/nieuw/").content.decode()
    assert client.get("/api/search/", {"q": "zzyzx"}).json()["count"] == 0
    assert "geheime-buurtkamers" not in client.get("/sitemap.xml").content.decode()
    assert case.pk not in [
        item["id"] for item in client.get("/api/v2/pages/", {"type": "knowledge.CaseStudyPage", "limit": 20}).json()["items"]
    ]


@pytest.mark.sqlite
def test_a_line_break_in_the_title_is_stored_on_one_line_mailed_safely_and_counted(
    client, demo, django_capture_on_commit_callbacks
):
    """A CR/LF in the title raised BadHeaderError in the mail after the case was stored: a 500, and not counted."""
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/delen/", form_data(title=f"Buurtkamers {number}\r\nBcc: iedereen@example.org"))
        assert response.status_code == 302
    stored = CaseStudyPage.objects.filter(title__startswith="Buurtkamers ")
    assert sorted(stored.values_list("title", flat=True)) == [f"Buurtkamers {n} Bcc: iedereen@example.org" for n in range(5)]
    assert mail.outbox and all("\n" not in message.subject and "\r" not in message.subject for message in mail.outbox)
    assert all(message.bcc == [] for message in mail.outbox)
    assert client.post("/delen/", form_data(title="Nog een")).status_code == 429


@pytest.mark.sqlite
def test_a_mail_that_cannot_be_sent_does_not_fail_the_stored_submission(
    client, demo, monkeypatch, django_capture_on_commit_callbacks
):
    import smtplib

    def no_mail_server(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("knowledge.submission.service.send_mail", no_mail_server)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/delen/", form_data()).status_code == 302
    assert CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()


@pytest.mark.sqlite
def test_control_characters_from_the_form_never_reach_the_feed(client, demo):
    client.post("/delen/", form_data(title="Buurt\x0bkamers in de\x1b Reeshof", summary="Bewoners\x0c openen hun huiskamer."))
    case = CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof")
    assert case.summary == "Bewoners openen hun huiskamer."
    case.save_revision().publish()
    feed = client.get("/feeds/nieuw/")
    assert feed.status_code == 200 and "Buurtkamers in de Reeshof" in feed.content.decode()


@pytest.mark.sqlite
def test_a_new_municipality_from_the_form_gets_its_contributor_group_only_when_published(client, demo):
    from django.contrib.auth.models import Group

    groups_before = Group.objects.count()
    client.post("/delen/", form_data(municipality="__nieuw__", new_municipality="Oss", new_province="noord-brabant"))
    client.post("/delen/", form_data(municipality="__nieuw__", new_municipality="Uden", new_province="noord-brabant"))
    assert Group.objects.count() == groups_before
    approve_in_the_admin(client, CaseStudyPage.objects.get(municipality__title="Oss"))
    assert Group.objects.filter(name="Bijdragers Oss").exists() and not Group.objects.filter(name="Bijdragers Uden").exists()


def gif_html_polyglot(name):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "GIF")
    return SimpleUploadedFile(name, buffer.getvalue() + b"<html><script>alert(1)</script></html>")


@pytest.mark.sqlite
def test_uploads_are_stored_under_the_extension_of_their_content(client, demo):
    uploads = [gif_html_polyglot("poly.html"), pdf_file("tekening.svg"), docx_file("plan"), png_file("foto.jpg.exe")]
    assert client.post("/delen/", form_data(attachments=uploads)).status_code == 302
    case = CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof")
    names = sorted(attachment.document.file.name.rsplit("/", 1)[-1] for attachment in case.attachments.all())
    extensions = sorted(name.rsplit(".", 1)[-1] for name in names)
    assert extensions == ["docx", "gif", "pdf", "png"], names
    assert not any(name.endswith((".html", ".svg", ".exe")) for name in names)


@pytest.mark.sqlite
def test_a_body_larger_than_the_form_allows_is_refused_before_it_is_read(client, demo, monkeypatch):
    def no_reading(*args, **kwargs):
        raise AssertionError("the body was read")

    monkeypatch.setattr("django.http.request.HttpRequest._load_post_and_files", no_reading)
    response = client.generic(
        "POST", "/delen/", b"x" * 1024, content_type="multipart/form-data; boundary=x", CONTENT_LENGTH=str(300 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert "Inzending te groot" in response.content.decode() and "51" in response.content.decode()
    assert not CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()

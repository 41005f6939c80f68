"""Following without an account: 'Volg dit' → a confirmation mail → confirm → weekly digests → unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from engagement.models import Follow
from knowledge.operations.privacy import personal_data, remove_personal_data
from tests.engagement.helpers import link_in, path_of, publish_case, republish

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
BASE = "https://wijkwijs.example"
ADDRESS = "lotte@gemeente.example"


@pytest.fixture(autouse=True)
def library(demo_library, settings):
    settings.SITE_BASE_URL = BASE


def follow_theme(client, theme="veiligheid", email=ADDRESS):
    page = client.get(f"/volgen/?theme={theme}")
    assert page.status_code == 200
    return client.post("/volgen/", {"email": email, "query": page.context["query"], "website": ""})


def confirmed(client, **kwargs):
    follow_theme(client, **kwargs)
    confirm_path = path_of(link_in(mail.outbox[-1], "/volgen/bevestigen/"), BASE)
    client.post(confirm_path)
    mail.outbox.clear()
    return Follow.objects.get(email=kwargs.get("email", ADDRESS))


def digest():
    call_command("send_follow_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_theme_page_offers_volg_dit(client):
    page = client.get("/themas/veiligheid/")
    assert b'href="/volgen/?theme=veiligheid"' in page.content
    assert "Volg dit" in page.content.decode()


def test_follow_confirm_digest_and_unsubscribe(client):
    answer = follow_theme(client)
    assert answer.status_code == 302
    sent = client.get(answer["Location"])
    assert ADDRESS in sent.content.decode()

    [confirmation] = mail.outbox
    assert confirmation.to == [ADDRESS]
    assert "Thema: Veiligheid" in confirmation.subject
    follow = Follow.objects.get(email=ADDRESS)
    assert not follow.confirmed
    confirm_link = link_in(confirmation, "/volgen/bevestigen/")
    assert confirm_link.startswith(BASE)

    # Opening the link (as a mail scanner does) confirms nothing; the button does.
    assert "Ja, ik wil dit volgen" in client.get(path_of(confirm_link, BASE)).content.decode()
    assert not Follow.objects.get(pk=follow.pk).confirmed
    assert "U volgt dit nu" in client.post(path_of(confirm_link, BASE)).content.decode()
    assert Follow.objects.get(pk=follow.pk).confirmed

    mail.outbox.clear()
    publish_case("Buurtvaders op het plein", theme_slugs=["veiligheid"])
    publish_case("Moestuin achter de flat", theme_slugs=["wonen"])
    digest()
    [news] = mail.outbox
    assert news.to == [ADDRESS]
    assert "Buurtvaders op het plein" in news.body
    assert "Moestuin achter de flat" not in news.body
    assert f"{BASE}/praktijkvoorbeelden/tilburg/buurtvaders-op-het-plein/" in news.body

    unsubscribe = link_in(news, "/volgen/afmelden/")
    assert news.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # RFC 8058: the mail program POSTs without a session or CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe, BASE), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200
    assert not Follow.objects.filter(email=ADDRESS).exists()


def test_a_digest_sends_nothing_when_nothing_is_new_and_no_case_twice(client):
    confirmed(client)
    digest()
    assert mail.outbox == []
    case = publish_case("Buurtvaders op het plein", theme_slugs=["veiligheid"])
    digest()
    digest()
    assert len(mail.outbox) == 1
    assert "Nieuwe praktijkvoorbeelden" in mail.outbox[0].body
    republish(case)
    digest()
    assert len(mail.outbox) == 2
    assert "Bijgewerkte praktijkvoorbeelden" in mail.outbox[1].body
    assert "Buurtvaders op het plein" in mail.outbox[1].body


def test_a_search_with_words_and_a_province_can_be_followed(client):
    page = client.get("/zoeken/?q=buurtvaders&province=Noord-Brabant&page=2&sort=newest")
    assert b'href="/volgen/?q=buurtvaders&amp;province=Noord-Brabant' in page.content
    follow_page = client.get("/volgen/?q=buurtvaders&province=Noord-Brabant&page=2&sort=newest")
    assert follow_page.context["query"] == "q=buurtvaders&province=Noord-Brabant"
    text = follow_page.content.decode()
    assert "Zoekwoorden: buurtvaders" in text and "Provincie: Noord-Brabant" in text
    client.post("/volgen/", {"email": ADDRESS, "query": follow_page.context["query"]})
    client.post(path_of(link_in(mail.outbox[-1], "/volgen/bevestigen/"), BASE))
    mail.outbox.clear()
    publish_case("Buurtvaders in Tilburg-Noord")  # Tilburg lies in Noord-Brabant
    publish_case("Buurtvaders in Leiden", municipality="Leiden")
    publish_case("Moestuin achter de flat")
    digest()
    [news] = mail.outbox
    assert "Buurtvaders in Tilburg-Noord" in news.body
    assert "Leiden" not in news.body and "Moestuin" not in news.body


def test_the_municipality_page_offers_its_own_and_its_provinces_follow(client):
    text = client.get("/praktijkvoorbeelden/tilburg/").content.decode()
    assert 'href="/volgen/?municipality=tilburg"' in text
    assert 'href="/volgen/?province=' in text


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Vul uw e-mailadres in."),
        ("lotte@", "Dit is geen geldig e-mailadres"),
        ("lotte@gemeente.example\r\nBcc: iedereen@example.org", "Dit is geen geldig e-mailadres"),
        ("a" * 250 + "@gemeente.example", "254"),
    ],
)
def test_a_bad_address_is_refused_with_a_message_and_the_typed_address_kept(client, email, message):
    answer = client.post("/volgen/", {"email": email, "query": "theme=veiligheid"})
    assert answer.status_code == 400
    text = answer.content.decode()
    assert message in text
    assert "Thema: Veiligheid" in text  # what was to be followed is still there
    if email:
        assert answer.context["form"]["email"].value() == email
    assert mail.outbox == [] and not Follow.objects.exists()


def test_a_bad_search_cannot_be_followed(client):
    answer = client.get("/volgen/?year=gisteren")
    assert answer.status_code == 400
    assert "year" in answer.content.decode()


def test_forged_and_expired_links_say_so_and_change_nothing(client, settings):
    follow_theme(client)
    confirm_path = path_of(link_in(mail.outbox[-1], "/volgen/bevestigen/"), BASE)
    forged = client.post(confirm_path[:-3] + "xx/")
    assert forged.status_code == 400
    assert "Deze link klopt niet" in forged.content.decode()
    assert client.post("/volgen/afmelden/niet-echt/").status_code == 400
    assert Follow.objects.filter(email=ADDRESS, confirmed=False).exists()

    later = timezone.now() + timedelta(days=4)
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        expired = client.post(confirm_path)
    assert expired.status_code == 410
    text = expired.content.decode()
    assert "Deze link is verlopen" in text
    assert 'href="/volgen/?theme=veiligheid"' in text
    assert not Follow.objects.get(email=ADDRESS).confirmed


def test_unconfirmed_addresses_are_deleted_after_three_days(client):
    follow_theme(client)
    follow_theme(client, email="nieuw@gemeente.example")
    Follow.objects.filter(email=ADDRESS).update(created_at=timezone.now() - timedelta(days=4))
    digest()
    assert list(Follow.objects.values_list("email", flat=True)) == ["nieuw@gemeente.example"]


def test_a_filled_honeypot_stores_and_sends_nothing(client):
    answer = client.post("/volgen/", {"email": ADDRESS, "query": "theme=veiligheid", "website": "http://spam.example"})
    assert answer.status_code == 302
    assert mail.outbox == [] and not Follow.objects.exists()


def test_following_is_limited_per_address(client):
    for number in range(10):
        assert follow_theme(client, email=f"lid{number}@gemeente.example").status_code == 302
    limited = follow_theme(client, email="nog-een@gemeente.example")
    assert limited.status_code == 429
    assert limited.context["form"]["email"].value() == "nog-een@gemeente.example"
    assert not Follow.objects.filter(email="nog-een@gemeente.example").exists()


def test_following_twice_sends_no_second_confirmation_to_a_confirmed_address(client):
    confirmed(client)
    follow_theme(client)
    assert mail.outbox == []
    assert Follow.objects.filter(email=ADDRESS).count() == 1


def test_the_search_feed_holds_the_newest_matching_cases(client):
    publish_case("Buurtvaders op het plein", theme_slugs=["veiligheid"])
    publish_case("Moestuin achter de flat", theme_slugs=["wonen"])
    feed = client.get("/feeds/zoeken/?theme=veiligheid&page=3")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert "<title>Wijkwijs: Thema: Veiligheid</title>" in text
    assert "Buurtvaders op het plein" in text and "Moestuin" not in text
    assert client.get("/feeds/zoeken/?year=gisteren").status_code == 400


def test_privacy_export_and_removal_cover_followers(client):
    confirmed(client)
    exported = personal_data(ADDRESS)
    assert exported["follows"] == [{"follows": "theme=veiligheid", "confirmed": True, "since": exported["follows"][0]["since"]}]
    assert remove_personal_data(ADDRESS)["follows"] == 1
    assert not Follow.objects.filter(email=ADDRESS).exists()


def test_the_privacy_statement_says_what_following_stores(client):
    text = client.get("/privacy/").content.decode()
    assert "alleen uw e-mailadres, wat u volgt en of u het bevestigde" in text


def test_an_english_visitor_reads_english_and_the_mails_stay_in_the_sites_dutch(client):
    page = client.get("/volgen/?theme=veiligheid", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "Follow this" in text and "Theme: Veiligheid" in text
    client.post("/volgen/", {"email": ADDRESS, "query": "theme=veiligheid"}, HTTP_ACCEPT_LANGUAGE="en")
    [confirmation] = mail.outbox
    assert confirmation.subject == "Bevestig dat u wilt volgen: Thema: Veiligheid"
    assert "Bevestig dat binnen 3 dagen via deze link:" in confirmation.body

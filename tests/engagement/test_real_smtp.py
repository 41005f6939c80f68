"""Once end to end through a real SMTP server on loopback: what Django's outbox cannot show (the headers as sent,
the envelope recipients, the encoding of Dutch text) arrives as the tests with the outbox assume."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from engagement.models import Follow
from knowledge.models import CaseStudyPage
from tests.engagement.helpers import path_of, publish_case

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
BASE = "https://wijkwijs.example"


class Mailbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox(settings, demo_library):
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        controller.port,
        False,
        10,
    )
    settings.SITE_BASE_URL = BASE
    settings.EDITORS_EMAIL = "redactie@wijkwijs.example"
    yield box
    controller.stop()


def link(message, part):
    body = message.get_body(("plain",)).get_content()
    return next(word for word in body.split() if part in word)


def test_follow_and_ask_through_a_real_smtp_server(client, mailbox):
    client.post("/volgen/", {"email": "lotte@gemeente.example", "query": "theme=veiligheid"})
    [(recipients, confirmation)] = mailbox.received
    assert recipients == ["lotte@gemeente.example"]
    assert confirmation["Subject"] == "Bevestig dat u wilt volgen: Thema: Veiligheid"
    client.post(path_of(link(confirmation, "/volgen/bevestigen/"), BASE))

    publish_case("Buurtvaders op het plein", theme_slugs=["veiligheid"])
    call_command("send_follow_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    recipients, digest = mailbox.received[1]
    assert recipients == ["lotte@gemeente.example"]
    assert "Buurtvaders op het plein" in digest.get_body(("plain",)).get_content()
    unsubscribe = link(digest, "/volgen/afmelden/")
    # A long header is folded onto the next line; unfolded it is the one link (RFC 5322 allows the space).
    assert digest["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    case = CaseStudyPage.objects.get(title="Buurtvaders op het plein")
    client.post(f"/vraag/{case.pk}/", {"name": "Joost", "email": "joost@utrecht.example", "question": "Hoe begonnen jullie?"})
    (to_editors, question), (to_asker, copy) = mailbox.received[2:]
    assert to_editors == ["redactie@wijkwijs.example"] and question["Reply-To"] == "joost@utrecht.example"
    assert to_asker == ["joost@utrecht.example"]
    assert "Hoe begonnen jullie?" in copy.get_body(("plain",)).get_content()

    client.post(path_of(unsubscribe, BASE), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert not Follow.objects.exists()

"""The mails to a follower: the confirmation of the address, and the digest. Each carries a one-click
unsubscribe link in its text and in the List-Unsubscribe headers of RFC 8058, which mail programs turn into
an "unsubscribe" button that POSTs to the link. They go out in the site's language: a follower has no account
to choose one in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from engagement.follow.followed import description, params_of
from engagement.follow.links import CONFIRMATION_VALID, confirm_url, unsubscribe_url


def search_url(follow):
    return f"{settings.SITE_BASE_URL}/zoeken/" + (f"?{follow.query}" if follow.query else "")


def _send(follow, subject, template, **context):
    unsubscribe = unsubscribe_url(follow)
    with translation.override(settings.LANGUAGE_CODE):
        followed = description(params_of(follow.query))
        context = {
            "followed": followed,
            "search_url": search_url(follow),
            "unsubscribe_url": unsubscribe,
            "site_url": settings.SITE_BASE_URL,
            **context,
        }
        message = EmailMessage(
            f"{subject}: {'; '.join(followed)}",
            render_to_string(f"engagement/email/{template}", context),
            settings.DEFAULT_FROM_EMAIL,
            [follow.email],
            headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
    message.send()


def send_confirmation(follow):
    _send(
        follow,
        _("Bevestig dat u wilt volgen"),
        "follow_confirm.txt",
        confirm_url=confirm_url(follow),
        valid_days=CONFIRMATION_VALID.days,
    )


def send_digest(follow, new_cases, updated_cases):
    _send(follow, _("Nieuw op Wijkwijs"), "follow_digest.txt", new_cases=new_cases, updated_cases=updated_cases)
